// Several server processes on one database (docs/operations.md), and each one's read cache
// (pg-store.ts: a save takes the dossier, the student's B1 and the chain head from what this
// instance read or wrote last, and its one write checks each is still what the database holds).
// Two servers over one PostgreSQL stand for two processes: what one of them changes, the other's
// next save or action decides on, never on what it kept. Each case below is guarded by one of the
// write's checks (or the re-run of a unit that decided on a cached read) and fails without it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPostgres, type Db } from '../src/db.js';
import type { RunningServer } from '../src/server.js';
import { freshPostgresSchema, postgresUnavailable, startTestServer, type TestSchema } from './helpers.js';

const unavailable = postgresUnavailable;

interface DossierBody {
  id: string;
  version: number;
  status: string;
  archived: boolean;
  answers: Record<string, Record<string, unknown> | undefined>;
}

describe('two server processes on one PostgreSQL: each decides on what the database holds', { skip: unavailable ? `no PostgreSQL: ${unavailable}` : false }, () => {
  let schema: TestSchema | undefined;
  let db: Db;
  let first: RunningServer;
  let second: RunningServer;
  const call = (server: RunningServer, token: string, method: string, path: string, body?: unknown, version?: number) =>
    fetch(new URL(path, server.apiUrl), {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(version !== undefined ? { 'If-Match': `"${version}"` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const json = async (response: Response) => {
    assert.ok(response.ok, `${response.status} ${await response.clone().text()}`);
    return (await response.json()) as DossierBody;
  };
  /** The student's (only) dossier, read through `server`: that instance now keeps it. */
  const dossierOf = async (server: RunningServer, token: string) => {
    const list = (await (await call(server, token, 'GET', 'dossiers')).json()) as { items: { id: string }[] };
    return json(await call(server, token, 'GET', `dossiers/${list.items[0]!.id}`));
  };

  before(async () => {
    schema = await freshPostgresSchema('doorstroom_reads');
    db = await openPostgres({ connectionString: schema.url });
    first = await startTestServer({ db });
    second = await startTestServer({ db });
  });
  after(async () => {
    await first?.close();
    await second?.close();
    await db?.close();
    await schema?.drop();
  });

  it('a save after the other process moved the dossier back (terugzetten) applies to the moved dossier; an If-Match from before it gets 409', async () => {
    const read = await dossierOf(first, 'student-lisa');
    assert.equal(read.status, 'bijMentor');
    // Kept by the first process: a save there would be refused (the dossier is with the mentor).
    const back = await json(await call(second, 'mentor-de-vries', 'POST', `dossiers/${read.id}/actions/returnToDeelA`, {}, read.version));
    assert.equal(back.status, 'concept');
    const saved = await call(first, 'student-lisa', 'PATCH', `dossiers/${read.id}/sections/motivatie`, { answers: { waarom: 'Na het terugzetten.' } }, back.version);
    const body = await json(saved);
    assert.equal(body.status, 'concept');
    assert.equal(body.version, back.version + 1);
    const stale = await call(first, 'student-lisa', 'PATCH', `dossiers/${read.id}/sections/motivatie`, { answers: { waarom: 'Oud.' } }, back.version);
    assert.equal(stale.status, 409);
  });

  it('a save after the other process reactivated the dossier is saved, and after it archived it there it is refused', async () => {
    const read = await dossierOf(first, 'student-tim');
    assert.equal(read.archived, true, 'the example data archived it');
    // Kept by the first process as archived: saves there would be refused.
    const reactivated = await json(await call(second, 'student-tim', 'POST', `dossiers/${read.id}/actions/reactivate`, {}, read.version));
    const saved = await json(await call(first, 'student-tim', 'PATCH', `dossiers/${read.id}/sections/motivatie`, { answers: { waarom: 'Weer actief.' } }, reactivated.version));
    assert.equal(saved.archived, false);
    assert.equal(saved.answers['motivatie']?.['waarom'], 'Weer actief.');
    // Now kept by the first process as active (its own write).
    const archived = await json(await call(second, 'decaan-visser', 'POST', `dossiers/${read.id}/actions/archive`, {}));
    const refused = await call(first, 'student-tim', 'PATCH', `dossiers/${read.id}/sections/motivatie`, { answers: { waarom: 'Gearchiveerd.' } }, archived.version);
    assert.deepEqual([refused.status, ((await refused.json()) as { reason?: string }).reason], [409, 'archived']);
  });

  it('a row rewritten without a new version (a restore, an administrator) is what the next save decides on', async () => {
    const read = await dossierOf(first, 'student-noor');
    assert.equal(read.archived, false);
    // The same version, another row: only the row's xmin tells.
    await db.query(`UPDATE dossiers SET archived = true, data = jsonb_set(data, '{archived}', 'true') WHERE id = $1`, [read.id]);
    const refused = await call(first, 'student-noor', 'PATCH', `dossiers/${read.id}/sections/motivatie`, { answers: { waarom: 'Na het herstel.' } }, read.version);
    assert.deepEqual([refused.status, ((await refused.json()) as { reason?: string }).reason], [409, 'archived']);
    await db.query(`UPDATE dossiers SET archived = false, data = jsonb_set(data, '{archived}', 'false') WHERE id = $1`, [read.id]);
  });

  it("a B1 changed by the other process's mentor is the B1 the next save shows", async () => {
    const dossier = await dossierOf(first, 'student-mohammed');
    const b1 = (await (await call(second, 'mentor-yilmaz', 'GET', 'students/student-mohammed/begeleiding')).json()) as { version: number; answers: Record<string, unknown> };
    const changed = await call(second, 'mentor-yilmaz', 'PATCH', 'students/student-mohammed/begeleiding', { answers: { extraNederlandsToelichting: 'Veranderd door het andere proces.' } }, b1.version);
    assert.equal(changed.status, 200, await changed.clone().text());
    const saved = await json(await call(first, 'mentor-yilmaz', 'PATCH', `dossiers/${dossier.id}/sections/advies`, { answers: { advies: 'Na de B1-wijziging.' } }, dossier.version));
    assert.equal(saved.answers['begeleiding']?.['extraNederlandsToelichting'], 'Veranderd door het andere proces.');
  });

  it('a B1 restored in the database (no dossier, no history changed) is the B1 the next save shows', async () => {
    const dossier = await dossierOf(first, 'student-mohammed');
    assert.equal(dossier.status, 'deelB');
    await db.query(`UPDATE begeleiding SET answers = jsonb_set(answers, '{extraNederlandsToelichting}', '"Hersteld."'), version = version + 1 WHERE student_id = 'student-mohammed'`);
    const saved = await json(await call(first, 'mentor-yilmaz', 'PATCH', `dossiers/${dossier.id}/sections/advies`, { answers: { advies: 'Na het herstel van B1.' } }, dossier.version));
    assert.equal(saved.answers['begeleiding']?.['extraNederlandsToelichting'], 'Hersteld.');
  });
  it('a history entry another system added (no link, no new version) is the one the next entry chains onto', async () => {
    const read = await dossierOf(first, 'student-lisa');
    // As an import from another system writes history (provisioning): an entry without a hash or a link.
    const entry = { at: new Date().toISOString(), actor: { id: 'import', role: 'decaan', naam: 'Import' }, kind: 'saved', sectionId: 'motivatie', version: read.version };
    await db.query('INSERT INTO history (dossier_id, entry) VALUES ($1, $2::jsonb)', [read.id, JSON.stringify(entry)]);
    await json(await call(first, 'student-lisa', 'PATCH', `dossiers/${read.id}/sections/motivatie`, { answers: { waarom: 'Na de import.' } }, read.version));
    const verified = (await (await call(first, 'student-lisa', 'GET', `dossiers/${read.id}/verify`)).json()) as { valid: boolean; entries: number };
    assert.equal(verified.valid, true, JSON.stringify(verified));
  });

  it('a read after the other process saved shows what that process saved (a unit that only reads checks what it kept)', async () => {
    const read = await dossierOf(first, 'student-lisa');
    const saved = await json(await call(second, 'student-lisa', 'PATCH', `dossiers/${read.id}/sections/motivatie`, { answers: { waarom: 'Door het andere proces.' } }, read.version));
    const again = await json(await call(first, 'student-lisa', 'GET', `dossiers/${read.id}`));
    assert.equal(again.version, saved.version);
    assert.equal(again.answers['motivatie']?.['waarom'], 'Door het andere proces.');
  });
});
