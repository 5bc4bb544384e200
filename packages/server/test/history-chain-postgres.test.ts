// The history chain under real concurrency (PostgreSQL: DATABASE_URL, or a throwaway local server
// when the PostgreSQL binaries are installed; skipped otherwise). Intake steps change no version,
// so units that read the dossier at the same moment chain onto the same head: the unique index on
// the chain's links refuses the fork and the unit runs again. Afterwards the chain holds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HistoryVerification } from '@doorstroom/sdk';
import type { RunningServer } from '../src/server.js';
import { freshPostgresSchema, postgresUnavailable, startTestServer, type TestSchema } from './helpers.js';

const unavailable = postgresUnavailable;

describe('the history chain on PostgreSQL, under concurrent writers', { skip: unavailable ? `no PostgreSQL: ${unavailable}` : false }, () => {
  let schema: TestSchema | undefined;
  let servers: RunningServer[] = [];

  before(async () => {
    schema = await freshPostgresSchema('doorstroom_chain');
    const scoped = schema.url;
    servers = [await startTestServer({ databaseUrl: scoped })];
    servers.push(await startTestServer({ databaseUrl: scoped }));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await schema?.drop();
  });

  it('keeps one chain when two instances take intake steps on one dossier at once', async () => {
    const call = (i: number, method: string, path: string, body?: unknown) =>
      fetch(new URL(path, servers[i % 2]!.apiUrl), {
        method,
        headers: { Authorization: 'Bearer mbo-roc-midden-nederland', 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const steps = Array.from({ length: 16 }, (_, i) => (i % 2 ? { status: 'geplaatst' } : { status: 'intakeGepland', datum: `2027-03-${String(10 + i).padStart(2, '0')}` }));
    const responses = await Promise.all(steps.map((step, i) => call(i, 'PUT', 'dossiers/dossier-sam/intake', step)));
    const statuses = responses.map((r) => r.status);
    assert.ok(
      statuses.every((s) => s === 200 || s === 409),
      `statuses ${statuses.join(', ')}`,
    );
    const stored = statuses.filter((s) => s === 200).length;
    assert.ok(stored >= 8, `only ${stored} of 16 stored: ${statuses.join(', ')}`);

    const { rows: forks } = await servers[0]!.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT prev_hash FROM history WHERE dossier_id = 'dossier-sam' AND prev_hash IS NOT NULL GROUP BY prev_hash HAVING count(*) > 1) f`,
    );
    assert.equal(forks[0]!.n, 0, 'two entries follow the same one');
    const { rows: intake } = await servers[0]!.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM history WHERE dossier_id = 'dossier-sam' AND entry->>'kind' = 'intake'`);
    assert.equal(intake[0]!.n, stored);
    const verified = (await (await fetch(new URL('dossiers/dossier-sam/verify', servers[1]!.apiUrl), { headers: { Authorization: 'Bearer decaan-visser' } })).json()) as HistoryVerification;
    assert.equal(verified.valid, true, JSON.stringify(verified));
    assert.equal(verified.sealed, stored);
  });
});
