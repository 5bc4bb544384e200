// Issue 18 (5) on the reference server: every stored history entry carries its hash; editing one
// row in the database shows in GET /dossiers/{id}/verify at that entry; a forked chain cannot be
// stored; and chaining costs a save no extra database round trip.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPglite, type Db } from '../src/db.js';
import { historyEntryHash, type HistoryEntry, type HistoryVerification } from '@doorstroom/sdk';
import { freshDataDir, removeDir, startTestServer } from './helpers.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The database, counting the statements sent to it (inside transactions too). */
function counting(db: Db): Db & { statements: number } {
  const counted = Object.assign(Object.create(db) as Db, { statements: 0 });
  const wrap = <Q extends Pick<Db, 'query'>>(q: Q): Q => ({ ...q, query: (sql: string, params?: ReadonlyArray<unknown>) => ((counted.statements += 1), q.query(sql, params)) }) as Q;
  counted.query = wrap(db).query as Db['query'];
  counted.transaction = (work) => db.transaction((q) => work(wrap(q)));
  counted.session = (work) => db.session((q) => work(wrap(q)));
  return counted;
}

describe('the history chain on PGlite', () => {
  let server: TestServer;
  let db: Db & { statements: number };
  let dataDir: string;
  const call = async <T>(token: string, method: string, path: string, body?: unknown, version?: number) => {
    const headers = new Headers({ Authorization: `Bearer ${token}` });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    if (version !== undefined) headers.set('If-Match', `"${version}"`);
    const response = await fetch(new URL(path, server.apiUrl), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: response.status, body: (await response.json()) as T };
  };

  before(async () => {
    dataDir = await freshDataDir();
    const raw = await openPglite({ dataDir });
    db = counting(raw);
    server = await startTestServer({ db, dataDir });
  });
  after(async () => {
    await server?.close();
    await (Object.getPrototypeOf(db) as Db).close();
    removeDir(dataDir);
  });

  it('stores every entry with its hash and the link to the one before', async () => {
    let { body: dossier } = await call<{ id: string; version: number }>('student-daan', 'POST', 'dossiers', { type: 'werk-mbo' });
    for (const waarom of ['Eerst dit.', 'Dan dat.'])
      ({ body: dossier } = await call<{ id: string; version: number }>('student-daan', 'PATCH', `dossiers/${dossier.id}/sections/motivatie`, { answers: { waarom } }, dossier.version));
    const { rows } = await db.query<{ entry: HistoryEntry; prev_hash: string | null }>('SELECT entry, prev_hash FROM history WHERE dossier_id = $1 ORDER BY id', [dossier.id]);
    assert.equal(rows.length, 3);
    let previous: string | null = null;
    for (const row of rows) {
      assert.equal(row.entry.hash, await historyEntryHash(dossier.id, previous, row.entry));
      assert.equal(row.prev_hash, previous ?? '');
      previous = row.entry.hash!;
    }
    const { body: verified } = await call<HistoryVerification>('student-daan', 'GET', `dossiers/${dossier.id}/verify`);
    assert.deepEqual(verified, { valid: true, entries: 3, sealed: 3, head: previous, algorithm: 'doorstroom-history-sha256-v1' });
  });

  it('fails verification at the row that was edited in the database', async () => {
    let { body: dossier } = await call<{ id: string; version: number }>('student-daan', 'POST', 'dossiers', { type: 'werk-mbo' });
    for (const waarom of ['Een.', 'Twee.', 'Drie.'])
      ({ body: dossier } = await call<{ id: string; version: number }>('student-daan', 'PATCH', `dossiers/${dossier.id}/sections/motivatie`, { answers: { waarom } }, dossier.version));
    assert.deepEqual((await call<HistoryVerification>('mentor-de-vries', 'GET', `dossiers/${dossier.id}/verify`)).status, 404, 'not his student');
    // Someone with database access rewrites when the second save happened.
    await db.query(
      `UPDATE history SET entry = jsonb_set(entry, '{at}', '"2026-01-01T00:00:00.000Z"')
       WHERE id = (SELECT id FROM history WHERE dossier_id = $1 ORDER BY id OFFSET 2 LIMIT 1)`,
      [dossier.id],
    );
    const { body: verified } = await call<HistoryVerification>('student-daan', 'GET', `dossiers/${dossier.id}/verify`);
    assert.equal(verified.valid, false);
    assert.equal(verified.brokenAt, 2);
    assert.equal(verified.entries, 4);
    // A removed row shows at the entry after it.
    await db.query('DELETE FROM history WHERE id = (SELECT id FROM history WHERE dossier_id = $1 ORDER BY id OFFSET 1 LIMIT 1)', [dossier.id]);
    assert.equal((await call<HistoryVerification>('student-daan', 'GET', `dossiers/${dossier.id}/verify`)).body.brokenAt, 1);
  });

  it('refuses a second entry after the same one (a forked chain)', async () => {
    const { body: dossier } = await call<{ id: string; version: number }>('student-daan', 'POST', 'dossiers', { type: 'werk-mbo' });
    const { rows } = await db.query<{ entry: HistoryEntry }>('SELECT entry FROM history WHERE dossier_id = $1', [dossier.id]);
    const fork = { ...rows[0]!.entry, kind: 'saved', sectionId: 'motivatie' };
    await assert.rejects(db.query(`INSERT INTO history (dossier_id, entry, prev_hash) VALUES ($1, $2::jsonb, '')`, [dossier.id, JSON.stringify(fork)]), /history_chain_links/);
  });

  it('costs a save no extra statement: the chain head comes with the locked dossier row', async () => {
    const { body: dossier } = await call<{ id: string; version: number }>('student-daan', 'POST', 'dossiers', { type: 'werk-mbo' });
    // Warm the per-instance caches (config, school) first.
    const first = await call<{ version: number }>('student-daan', 'PATCH', `dossiers/${dossier.id}/sections/motivatie`, { answers: { waarom: 'Warm.' } }, dossier.version);
    const before = db.statements;
    await call('student-daan', 'PATCH', `dossiers/${dossier.id}/sections/motivatie`, { answers: { waarom: 'Geteld.' } }, first.body.version);
    const statements = db.statements - before;
    // Sign-in (who holds the token), the locked read with the chain head, the one write.
    assert.ok(statements <= 3, `a save took ${statements} statements`);
  });

  it('gives an afgerond dossier its final hash, and the MBO a verification without counts', async () => {
    const sam = await call<{ finalHash?: string; version: number }>('student-sam', 'GET', 'dossiers/dossier-sam');
    assert.match(sam.body.finalHash ?? '', /^[0-9a-f]{64}$/, 'recomputed for a dossier seeded before the chain');
    const { body: verified } = await call<HistoryVerification>('mbo-roc-midden-nederland', 'GET', 'dossiers/dossier-sam/verify');
    assert.deepEqual(verified, { valid: true, finalHash: sam.body.finalHash, algorithm: 'doorstroom-history-sha256-v1' });
    const { body: history } = await call<HistoryEntry[]>('mbo-roc-midden-nederland', 'GET', 'dossiers/dossier-sam/history');
    assert.ok(
      history.every((e) => e.hash === undefined),
      'no entry hashes for the MBO',
    );
  });
});
