// How the reference server's store talks to PostgreSQL (DATABASE_URL, or a throwaway local server
// when the binaries are installed; skipped otherwise): a save is one statement, its write (the read
// comes from the instance's cache, checked by that write), with no BEGIN or COMMIT; a write that lost a race is not stored and its unit runs
// again, so a save with a stale If-Match gets 409 and an action without one applies to the newer
// dossier.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPostgres, type Db, type Session } from '../src/db.js';
import type { RunningServer } from '../src/server.js';
import { freshPostgresSchema, postgresUnavailable, startTestServer, type TestSchema } from './helpers.js';

const unavailable = postgresUnavailable;

/** The database, counting what the store's units send: statements, and BEGINs. */
function counting(db: Db): Db & { statements: string[]; begins: number } {
  const counted = Object.assign(Object.create(db) as Db, { statements: [] as string[], begins: 0 });
  counted.session = (work) =>
    db.session((session) =>
      work({
        ...session,
        query: (sql, params, options) => (counted.statements.push(sql.trim().split(/\s+/)[0]!), session.query(sql, params, options)),
        begin: () => ((counted.begins += 1), session.begin()),
      } as Session),
    );
  return counted;
}

describe('the store on PostgreSQL: units of work', { skip: unavailable ? `no PostgreSQL: ${unavailable}` : false }, () => {
  let schema: TestSchema | undefined;
  let raw: Db;
  let db: ReturnType<typeof counting>;
  let server: RunningServer;
  const call = (token: string, method: string, path: string, body?: unknown, version?: number) =>
    fetch(new URL(path, server.apiUrl), {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(version !== undefined ? { 'If-Match': `"${version}"` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  before(async () => {
    schema = await freshPostgresSchema('doorstroom_units');
    raw = await openPostgres({ connectionString: schema.url });
    db = counting(raw);
    server = await startTestServer({ db });
  });
  after(async () => {
    await server?.close();
    await raw?.close();
    await schema?.drop();
  });

  it('saves a section with one statement and no transaction around it (the read comes from the instance, checked by the write)', async () => {
    const created = (await (await call('student-daan', 'POST', 'dossiers', { type: 'werk-mbo' })).json()) as { id: string; version: number };
    // Warm the per-instance caches (config, school, who holds the token) first.
    const first = await call('student-daan', 'PATCH', `dossiers/${created.id}/sections/motivatie`, { answers: { waarom: 'Warm.' } }, created.version);
    const version = Number(first.headers.get('ETag')?.replaceAll('"', ''));
    db.statements = [];
    db.begins = 0;
    const saved = await call('student-daan', 'PATCH', `dossiers/${created.id}/sections/motivatie`, { answers: { waarom: 'Geteld.' } }, version);
    assert.equal(saved.status, 200);
    assert.deepEqual(db.statements, ['WITH'], 'the one write, which checks the dossier, its B1 and its chain head are still those the instance read');
    assert.equal(db.begins, 0);
  });

  it('opens a transaction for a unit that writes twice (B1 and the history of the dossiers showing it)', async () => {
    const noor = (await (await call('student-noor', 'GET', 'dossiers')).json()) as { items: { id: string }[] };
    assert.ok(noor.items.length > 0);
    const b1 = (await (await call('mentor-de-vries', 'GET', 'students/student-noor/begeleiding')).json()) as { version: number };
    db.begins = 0;
    const saved = await call('mentor-de-vries', 'PATCH', 'students/student-noor/begeleiding', { answers: { warmeOverdracht: false } }, b1.version);
    assert.equal(saved.status, 200, await saved.text());
    assert.equal(db.begins, 1);
  });

  it('runs an action that lost the race again on the newer dossier; a save with a stale If-Match gets 409', async () => {
    for (let round = 0; round < 5; round++) {
      const created = (await (await call('student-noor', 'POST', 'dossiers', { type: 'vo-mbo' })).json()) as { id: string; version: number };
      // The decaan archives (no If-Match: whatever the dossier is now) while the student saves twice with the version she read.
      const [archive, ...saves] = await Promise.all([
        call('decaan-visser', 'POST', `dossiers/${created.id}/actions/archive`, {}),
        call('student-noor', 'PATCH', `dossiers/${created.id}/sections/motivatie`, { answers: { waarom: `Ronde ${round}, a.` } }, created.version),
        call('student-noor', 'PATCH', `dossiers/${created.id}/sections/motivatie`, { answers: { waarom: `Ronde ${round}, b.` } }, created.version),
      ]);
      assert.equal(archive.status, 200, await archive.clone().text());
      const statuses = saves.map((s) => s.status).sort();
      // At most one save wins (one version); a save after the archive is refused (403, archived) or stale (409).
      assert.ok(statuses.filter((s) => s === 200).length <= 1, `saves: ${statuses.join(', ')}`);
      assert.ok(
        statuses.every((s) => s === 200 || s === 409 || s === 403),
        `saves: ${statuses.join(', ')}`,
      );
      const wins = statuses.filter((s) => s === 200).length;
      const archived = (await archive.json()) as { version: number; archived: boolean };
      assert.equal(archived.archived, true);
      const { rows } = await raw.query<{ version: number; n: number }>(`SELECT d.version, (SELECT count(*)::int FROM history h WHERE h.dossier_id = d.id) AS n FROM dossiers d WHERE d.id = $1`, [
        created.id,
      ]);
      assert.equal(rows[0]!.version, created.version + 1 + wins, 'one version per write that was answered 200');
      assert.equal(rows[0]!.n, 2 + wins, 'created, archived, and the save that won');
      assert.equal(archived.version, rows[0]!.version, 'the archive was the last write');
    }
  });
});
