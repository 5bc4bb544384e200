// Against a real PostgreSQL when DATABASE_URL is set (skipped otherwise): two server instances on
// one database, started at the same moment, pass the conformance suite and serialise saves
// between them. Everything happens in a schema of its own, dropped afterwards.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { exampleTokens, formatReport, runConformance } from '../src/conformance/index.js';
import { openPostgres, type Db } from '../src/db.js';
import { migrations } from '../src/migrations.js';
import type { RunningServer } from '../src/server.js';
import { startTestServer } from './helpers.js';

const databaseUrl = process.env['DATABASE_URL'];

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

describe('reference server on PostgreSQL (DATABASE_URL)', { skip: databaseUrl ? false : 'DATABASE_URL is not set' }, () => {
  const schema = `doorstroom_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let admin: Db;
  let servers: RunningServer[] = [];

  before(async () => {
    admin = await openPostgres({ connectionString: databaseUrl!, max: 2 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const url = withSearchPath(databaseUrl!, schema);
    servers = await Promise.all([startTestServer({ databaseUrl: url }), startTestServer({ databaseUrl: url })]);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
  });

  it('migrated and seeded once although two instances started together', async () => {
    const { rows } = await servers[0]!.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    const { rows: schools } = await servers[0]!.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schools');
    assert.equal(rows[0]!.n, migrations.length);
    assert.equal(schools[0]!.n, 2, 'the example data has two schools, seeded once (dev mode)');
  });

  it('passes the conformance suite', async () => {
    const report = await runConformance({ baseUrl: servers[1]!.apiUrl, tokens: exampleTokens });
    assert.equal(report.failed, 0, formatReport(report));
  });

  it('serialises saves sent to two instances at once: one wins per version', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const headers = { Authorization: 'Bearer student-noor', 'Content-Type': 'application/json' };
    const created = (await (await fetch(new URL('dossiers', a.apiUrl), { method: 'POST', headers, body: JSON.stringify({ type: 'mbo-mbo' }) })).json()) as { id: string; version: number };
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        fetch(new URL(`dossiers/${created.id}/sections/motivatie`, (i % 2 ? a : b).apiUrl), {
          method: 'PATCH',
          headers: { ...headers, 'If-Match': `"${created.version}"` },
          body: JSON.stringify({ answers: { later: `instance ${i % 2} writer ${i}` } }),
        }),
      ),
    );
    assert.deepEqual(responses.map((r) => r.status).sort(), [200, ...Array(15).fill(409)]);
    const { rows } = await a.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM history WHERE dossier_id = $1 AND entry->>'kind' = 'saved'`, [created.id]);
    assert.equal(rows[0]!.n, 1);
  });
});
