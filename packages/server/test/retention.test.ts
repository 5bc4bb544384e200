// Retention (issue 14, part 6): the periods as dates, a run that removes exactly what is past its
// period (a dry run reports the same and changes nothing), erasing one student on request with
// everything of theirs, the audit log, the admin routes refusing bad input without changing
// anything, and the daily job driven by a fake clock (@sinonjs/fake-timers), never by sleeping.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import FakeTimers from '@sinonjs/fake-timers';
import { demoVerifier } from '../src/auth.js';
import { retentionPolicyFromEnv } from '../src/config.js';
import { openPglite, type Db } from '../src/db.js';
import { migrate } from '../src/migrations.js';
import { eraseStudent, monthsBefore, retentionCutoffs, runRetention, schoolYearStart, startRetentionJob, untilNextRun, type RetentionPolicy } from '../src/retention.js';
import { exampleData, type AuditLog, type EraseReport, type RetentionReport } from '../src/sdk.js';
import type { RunningServer } from '../src/server.js';
import { freshDataDir, removeDir, startTestServer } from './helpers.js';

const policy: RetentionPolicy = { afgerondMonths: 12, inactiveMonths: 12, outboxDays: 30 };
const day = 24 * 60 * 60 * 1000;
const beheerder = 'login:beheer@regio.example';

describe('retention periods as dates', () => {
  it('an afgerond dossier goes N months after the end of the school year (31 July) it was finished in', () => {
    assert.equal(schoolYearStart(new Date('2026-03-10T12:00:00Z')).toISOString(), '2025-08-01T00:00:00.000Z');
    assert.equal(schoolYearStart(new Date('2026-08-01T00:00:00Z')).toISOString(), '2026-08-01T00:00:00.000Z');
    assert.equal(schoolYearStart(new Date('2026-07-31T23:59:59Z')).toISOString(), '2025-08-01T00:00:00.000Z');
    // Finished in March 2026 (school year 2025/26, ended 31 July 2026): kept until 1 August 2027.
    const finished = '2026-03-10T12:00:00.000Z';
    assert.ok(finished >= retentionCutoffs(policy, new Date('2027-07-31T23:00:00Z')).afgerondFinishedBefore);
    assert.ok(finished < retentionCutoffs(policy, new Date('2027-08-01T00:00:00Z')).afgerondFinishedBefore);
    assert.equal(retentionCutoffs({ ...policy, afgerondMonths: 0 }, new Date('2026-09-01T00:00:00Z')).afgerondFinishedBefore, '2026-08-01T00:00:00.000Z');
  });

  it('other dossiers and leavers: M calendar months after the last change; notifications: K days', () => {
    assert.equal(monthsBefore(new Date('2027-03-31T10:00:00Z'), 1).toISOString(), '2027-02-28T10:00:00.000Z');
    assert.equal(monthsBefore(new Date('2027-03-15T10:00:00Z'), 12).toISOString(), '2026-03-15T10:00:00.000Z');
    const cutoffs = retentionCutoffs({ afgerondMonths: 12, inactiveMonths: 6, outboxDays: 30 }, new Date('2027-03-15T10:00:00Z'));
    assert.equal(cutoffs.unchangedSince, '2026-09-15T10:00:00.000Z');
    assert.equal(cutoffs.outboxBefore, '2027-02-13T10:00:00.000Z');
  });

  it('comes from the environment, with defaults; a wrong value refuses to start', () => {
    assert.deepEqual(retentionPolicyFromEnv({}), { afgerondMonths: 12, inactiveMonths: 12, outboxDays: 30 });
    assert.deepEqual(retentionPolicyFromEnv({ DOORSTROOM_RETENTION_AFGEROND_MONTHS: '24', DOORSTROOM_RETENTION_INACTIVE_MONTHS: '6', DOORSTROOM_RETENTION_OUTBOX_DAYS: '7' }), {
      afgerondMonths: 24,
      inactiveMonths: 6,
      outboxDays: 7,
    });
    for (const bad of ['-1', '1.5', 'twaalf', '99999'])
      assert.throws(() => retentionPolicyFromEnv({ DOORSTROOM_RETENTION_AFGEROND_MONTHS: bad }), /DOORSTROOM_RETENTION_AFGEROND_MONTHS must be a whole number/);
  });

  it('the daily job waits for the next 03:00 of the server clock', () => {
    const at = (h: number, m = 0) => new Date(2027, 7, 1, h, m).getTime();
    assert.equal(untilNextRun(at(2, 0), 3), 60 * 60 * 1000);
    assert.equal(untilNextRun(at(3, 0), 3), 24 * 60 * 60 * 1000);
    assert.equal(untilNextRun(at(3, 30), 3), 23.5 * 60 * 60 * 1000);
  });
});

describe('retention over the example data', () => {
  let server: RunningServer & { dataDir: string };
  const demo = demoVerifier(exampleData().accounts);
  const call = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    return fetch(new URL(path, server.apiUrl), { ...init, headers });
  };
  /** Every table retention may touch, as digests: to show that a refusal or a dry run changed nothing. */
  const state = async () => {
    const out: Record<string, unknown> = {};
    for (const table of ['dossiers', 'history', 'intake', 'guardian_links', 'outbox', 'begeleiding', 'students', 'guardians', 'people']) {
      out[table] = (await server.db.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM ${table} t`)).rows[0];
    }
    return out;
  };
  const dossierOf = async (studentId: string) =>
    (
      await server.db.query<{ id: string; status: string; updated_at: string; finalized: string | null }>(
        `SELECT id, status, updated_at, data->>'finalizedAt' AS finalized FROM dossiers WHERE student_id = $1`,
        [studentId],
      )
    ).rows;
  const audit = async () => (await (await call('admin/audit', { token: beheerder })).json()) as AuditLog;

  before(async () => {
    server = await startTestServer({ verifier: async (token) => (token.startsWith('login:') ? { login: token.slice('login:'.length) } : demo(token)), cacheMs: 0 });
    await server.db.query(`INSERT INTO beheerders (id, naam, email) VALUES ('beheer-regio', 'Regionaal beheer', 'beheer@regio.example')`);
    await server.db.query(`INSERT INTO people (id, role, login) VALUES ('beheer-regio', 'beheerder', 'beheer@regio.example')`);
  });
  after(async () => {
    await server?.close();
    removeDir(server?.dataDir);
  });

  it('removes an afgerond dossier only once its period after the school year has passed, a stale open one after M months, old notifications after K days; a dry run says the same and removes nothing', async () => {
    const [sam] = await dossierOf('student-sam');
    const [noor] = await dossierOf('student-noor');
    assert.equal(sam?.status, 'afgerond');
    assert.equal(noor?.status, 'concept');
    // Sam finished his dossier on a school day of 2025/26; Noor last changed hers a while ago; nobody else's dossier is old.
    await server.db.query(`UPDATE dossiers SET data = jsonb_set(data, '{finalizedAt}', '"2026-03-10T09:00:00.000Z"') WHERE id = $1`, [sam!.id]);
    await server.db.query(`UPDATE dossiers SET updated_at = '2026-01-20T08:00:00.000Z' WHERE id = $1`, [noor!.id]);
    await server.db.query(`UPDATE dossiers SET updated_at = '2027-06-01T08:00:00.000Z' WHERE id <> $1 AND status <> 'afgerond'`, [noor!.id]);
    await server.db.query(`UPDATE dossiers SET data = jsonb_set(data, '{finalizedAt}', '"2026-10-01T09:00:00.000Z"') WHERE id <> $1 AND status = 'afgerond'`, [sam!.id]);
    const outbox = (sent: string | null, nextAttempt = 'now()') =>
      server.db.query<{ id: string }>(
        `INSERT INTO outbox (kind, dossier_id, recipient, payload, sent_at, next_attempt_at, created_at) VALUES ('reminder', NULL, '{"role":"student","id":"student-lisa"}', '{"subject":{"nl":"x"},"student":{"id":"student-lisa","naam":"Lisa"}}', $1::timestamptz, ${nextAttempt}, coalesce($1::timestamptz, '2027-06-01'::timestamptz)) RETURNING id::text AS id`,
        [sent],
      );
    const oldSent = (await outbox('2027-06-01T00:00:00Z')).rows[0]!.id;
    const newSent = (await outbox('2027-07-10T00:00:00Z')).rows[0]!.id;
    const givenUp = (await outbox(null, "'infinity'")).rows[0]!.id;
    const pending = (await outbox(null)).rows[0]!.id;

    const early = (await runRetention(server.db, { policy, now: new Date('2027-01-19T08:00:00Z'), dryRun: true, actor: { kind: 'job' } }))!;
    assert.deepEqual(early.dossiers, { afgerond: [], inactive: [] }, 'a day before Noor’s 12 months, and Sam’s school year ended only last July');

    const before = await state();
    const now = new Date('2027-08-02T03:00:00Z');
    const dry = (await runRetention(server.db, { policy, now, dryRun: true, actor: { kind: 'cli', id: 'tester' } }))!;
    assert.deepEqual(await state(), before, 'a dry run removes nothing');
    assert.deepEqual(dry.dossiers, { afgerond: [sam!.id], inactive: [noor!.id] });
    assert.equal(dry.counts.dossiers, 2);
    assert.ok(dry.counts.history > 0);

    const applied = (await runRetention(server.db, { policy, now, dryRun: false, actor: { kind: 'cli', id: 'tester' } }))!;
    assert.deepEqual({ ...applied, dryRun: true }, dry, 'the dry run reported exactly what the run did');
    assert.deepEqual(await dossierOf('student-sam'), []);
    assert.deepEqual(await dossierOf('student-noor'), []);
    for (const table of ['history', 'intake', 'guardian_links', 'outbox']) {
      const found: { rows: unknown[] } = await server.db.query(`SELECT 1 FROM ${table} WHERE dossier_id = ANY($1::text[])`, [[sam!.id, noor!.id]]);
      assert.equal(found.rows.length, 0, `${table} rows of the removed dossiers`);
    }
    const { rows: left } = await server.db.query<{ id: string }>('SELECT id::text AS id FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id', [[oldSent, newSent, givenUp, pending]]);
    assert.deepEqual(
      left.map((r) => r.id),
      [newSent, pending].sort((a, b) => Number(a) - Number(b)),
      'sent and given-up notifications older than 30 days go; newer and unsent ones stay',
    );
    // The students themselves are still registered at their school: only their dossiers were past their period.
    assert.equal((await server.db.query(`SELECT 1 FROM students WHERE id IN ('student-sam', 'student-noor')`)).rows.length, 2);
    // Nothing else is past its period: a second run removes nothing.
    const again = (await runRetention(server.db, { policy, now, dryRun: false, actor: { kind: 'job' } }))!;
    assert.equal(again.counts.dossiers + again.counts.outbox + again.counts.students, 0);
  });

  it('removes a leaver without a dossier M months after they left, with their B1 and a guardian of no other student', async () => {
    await server.db.query(`INSERT INTO guardians (id, naam, email) VALUES ('guardian-leaver', 'Ouder van vertrokken leerling', 'ouder@mail.example')`);
    await server.db.query(`INSERT INTO people (id, role, login) VALUES ('guardian-leaver', 'guardian', 'ouder@mail.example'), ('student-leaver', 'student', 'leaver@school.example')`);
    await server.db.query(
      `INSERT INTO students (id, school_id, data) SELECT 'student-leaver', school_id, jsonb_set(data - 'guardianIds', '{guardianIds}', '["guardian-leaver"]') FROM students WHERE id = 'student-lisa'`,
    );
    await server.db.query(`INSERT INTO begeleiding (student_id, answers, version) VALUES ('student-leaver', '{}', 1)`);
    await server.db.query(`UPDATE students SET active = false WHERE id = 'student-leaver'`);
    const { rows }: { rows: { since: Date | null }[] } = await server.db.query<{ since: Date | null }>(`SELECT inactive_since AS since FROM students WHERE id = 'student-leaver'`);
    assert.ok(rows[0]?.since, 'the database notes when a student left');
    const now = new Date(Date.now() + 30 * day);
    const soon = (await runRetention(server.db, { policy, now, dryRun: true, actor: { kind: 'job' } }))!;
    assert.deepEqual(soon.students, [], 'left a month ago: kept');
    await server.db.query(`UPDATE students SET inactive_since = now() - interval '13 months' WHERE id = 'student-leaver'`);
    const report = (await runRetention(server.db, { policy, now, dryRun: false, actor: { kind: 'job' } }))!;
    assert.deepEqual(report.students, ['student-leaver']);
    assert.deepEqual({ students: report.counts.students, begeleiding: report.counts.begeleiding, guardians: report.counts.guardians }, { students: 1, begeleiding: 1, guardians: 1 });
    for (const [table, column, id] of [
      ['students', 'id', 'student-leaver'],
      ['begeleiding', 'student_id', 'student-leaver'],
      ['guardians', 'id', 'guardian-leaver'],
      ['people', 'id', 'student-leaver'],
      ['people', 'id', 'guardian-leaver'],
    ]) {
      assert.equal((await server.db.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [id])).rows.length, 0, `${table} ${id}`);
    }
  });

  it('the beheerder erases one student on request: everything of theirs, also rows of tables added later; a guardian of another child stays', async () => {
    const [lisa] = await dossierOf('student-lisa');
    assert.ok(lisa);
    await server.db.query(`INSERT INTO begeleiding (student_id, answers, version) VALUES ('student-lisa', '{"x":1}', 1) ON CONFLICT (student_id) DO NOTHING`);
    await server.db.query(`INSERT INTO guardian_links (token_hash, dossier_id, student_id, expires_at) VALUES ('digest-lisa', $1, 'student-lisa', now() + interval '1 day')`, [lisa.id]);
    await server.db.query(
      `INSERT INTO outbox (kind, dossier_id, recipient, payload) VALUES ('reminder', NULL, '{"role":"student","id":"student-lisa"}', '{"subject":{"nl":"x"},"student":{"id":"student-lisa","naam":"Lisa"}}')`,
    );
    // A table a later migration might add, referring to dossiers: its rows go with the dossier.
    await server.db.exec(`CREATE TABLE IF NOT EXISTS test_dossier_notes (dossier_id text NOT NULL REFERENCES dossiers (id), note text)`);
    await server.db.query(`INSERT INTO test_dossier_notes VALUES ($1, 'x')`, [lisa.id]);
    const guardians = (await server.db.query<{ ids: string[] }>(`SELECT ARRAY(SELECT jsonb_array_elements_text(data->'guardianIds')) AS ids FROM students WHERE id = 'student-lisa'`)).rows[0]!.ids;
    // A sibling: one guardian also has another child, and stays.
    const sibling = guardians[0]!;
    await server.db.query(`UPDATE students SET data = jsonb_set(data, '{guardianIds}', (data->'guardianIds') || to_jsonb($1::text)) WHERE id = 'student-milan'`, [sibling]);

    const before = await state();
    const dryResponse = await call('admin/students/student-lisa?dryRun=true', { method: 'DELETE', token: beheerder });
    assert.equal(dryResponse.status, 200);
    const dry = (await dryResponse.json()) as EraseReport;
    assert.deepEqual(await state(), before, 'a dry run erases nothing');
    assert.deepEqual(dry.dossiers, [lisa.id]);

    const response = await call('admin/students/student-lisa', { method: 'DELETE', token: beheerder });
    assert.equal(response.status, 200);
    const report = (await response.json()) as EraseReport;
    assert.deepEqual({ ...report, dryRun: true, at: dry.at }, dry);
    assert.equal(report.counts.students, 1);
    assert.equal(report.counts.other['test_dossier_notes'], 1);
    assert.ok(report.counts.outbox >= 1 && report.counts.guardianLinks >= 1 && report.counts.begeleiding === 1 && report.counts.history > 0);
    const leftovers = await server.db.query(
      `SELECT 'dossiers' AS t FROM dossiers WHERE student_id = 'student-lisa'
       UNION ALL SELECT 'history' FROM history WHERE dossier_id = $1
       UNION ALL SELECT 'begeleiding' FROM begeleiding WHERE student_id = 'student-lisa'
       UNION ALL SELECT 'guardian_links' FROM guardian_links WHERE student_id = 'student-lisa' OR dossier_id = $1
       UNION ALL SELECT 'outbox' FROM outbox WHERE dossier_id = $1 OR recipient->>'id' = 'student-lisa' OR payload->'student'->>'id' = 'student-lisa'
       UNION ALL SELECT 'students' FROM students WHERE id = 'student-lisa'
       UNION ALL SELECT 'people' FROM people WHERE id = 'student-lisa'
       UNION ALL SELECT 'notes' FROM test_dossier_notes WHERE dossier_id = $1`,
      [lisa.id],
    );
    assert.deepEqual(leftovers.rows, []);
    assert.equal((await server.db.query(`SELECT 1 FROM guardians WHERE id = $1`, [sibling])).rows.length, 1, 'the guardian of another child stays');
    assert.equal((await call(`dossiers/${lisa.id}`, { token: 'student-lisa' })).status, 401, 'Lisa no longer signs in');
    assert.equal((await call('admin/students/student-lisa', { method: 'DELETE', token: beheerder })).status, 404, 'erased once; the second time there is nobody');
  });

  it('every admin action is in the audit log: who, what, when, counts; no names or answers', async () => {
    const log = await audit();
    const erase = log.items.find((e) => e.action === 'erase' && !e.dryRun)!;
    assert.deepEqual(erase.actor, { kind: 'beheerder', id: 'beheer-regio' });
    assert.equal(erase.details['studentId'], 'student-lisa');
    assert.ok(log.items.some((e) => e.action === 'erase' && e.dryRun));
    assert.ok(log.items.some((e) => e.action === 'retention' && e.actor.kind === 'cli' && e.actor.id === 'tester' && !e.dryRun));
    assert.ok(log.items.some((e) => e.action === 'retention' && e.actor.kind === 'job'));
    const text = JSON.stringify(log);
    for (const word of ['Lisa', 'Noor', 'Sam', 'Ouder van', '@mail.example', 'bsn', 'answers']) assert.ok(!text.includes(word), `no ${word} in the audit log`);
    // An import by the beheerder is recorded with its counts, a dry run as one.
    const csv = 'id;naam;e-mailadres;brin\nmbo-test-1;Test Medewerker;test@mbo.example;25LH\n';
    const imported = await call('admin/import?kind=mbo-medewerkers&dryRun=true', { method: 'POST', token: beheerder, body: csv, headers: { 'Content-Type': 'text/csv' } });
    assert.ok([200, 422].includes(imported.status), await imported.clone().text());
    if (imported.status === 200) {
      const [newest] = (await audit()).items;
      assert.equal(newest?.action, 'import');
      assert.equal(newest?.dryRun, true);
      assert.ok(!JSON.stringify(newest).includes('Test Medewerker'));
    }
    // Pages, newest first (by number: entry 10 is newer than entry 9).
    await server.db.query(`INSERT INTO audit_log (at, actor, action, dry_run, details) SELECT now(), '{"kind":"job"}', 'retention', true, '{}' FROM generate_series(1, 12)`);
    const first = (await (await call('admin/audit?limit=2', { token: beheerder })).json()) as AuditLog;
    assert.equal(first.items.length, 2);
    const second = (await (await call(`admin/audit?limit=2&before=${first.next}`, { token: beheerder })).json()) as AuditLog;
    const all = (await (await call('admin/audit?limit=500', { token: beheerder })).json()) as AuditLog;
    assert.deepEqual(
      [...first.items, ...second.items].map((e) => e.id),
      all.items.slice(0, 4).map((e) => e.id),
    );
    const ids = all.items.map((e) => Number(e.id));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a),
    );
    assert.equal(all.next, undefined);
  });

  it('bad input to the retention routes gets a problem+json and changes nothing', async () => {
    const before = await state();
    const entries = (await audit()).items.length;
    const cases: [string, RequestInit & { token?: string }, number][] = [
      ['admin/retention', { method: 'POST' }, 401],
      ['admin/retention', { method: 'POST', token: 'mentor-de-vries' }, 403],
      ['admin/retention', { method: 'POST', token: 'student-noor' }, 403],
      ['admin/retention', { method: 'POST', token: 'not-a-token' }, 401],
      ['admin/students/student-milan', { method: 'DELETE', token: 'decaan-visser' }, 403],
      ['admin/audit', { token: 'mentor-de-vries' }, 403],
      ['admin/retention', { method: 'GET', token: beheerder }, 405],
      ['admin/retention', { method: 'DELETE', token: beheerder }, 405],
      ['admin/retention?dryRun=misschien', { method: 'POST', token: beheerder }, 400],
      ['admin/retention?dryRun=true&dryRun=false', { method: 'POST', token: beheerder }, 400],
      ['admin/retention?force=true', { method: 'POST', token: beheerder }, 400],
      ['admin/retention', { method: 'POST', token: beheerder, body: '{"afgerondMonths":0}', headers: { 'Content-Type': 'application/json' } }, 400],
      ['admin/students/student-milan', { method: 'POST', token: beheerder }, 405],
      ['admin/students/student-milan', { method: 'GET', token: beheerder }, 405],
      ['admin/students/student-milan?dryRun=1', { method: 'DELETE', token: beheerder }, 400],
      ['admin/students/student-milan?confirm=yes', { method: 'DELETE', token: beheerder }, 400],
      ['admin/students/student-milan', { method: 'DELETE', token: beheerder, body: 'student-milan' }, 400],
      ['admin/students/nobody-here', { method: 'DELETE', token: beheerder }, 404],
      ['admin/students/%3Cscript%3E', { method: 'DELETE', token: beheerder }, 404],
      ['admin/students/%E0%A4%A', { method: 'DELETE', token: beheerder }, 404],
      ['admin/students/student-milan/dossiers', { method: 'DELETE', token: beheerder }, 404],
      ['admin/students', { method: 'DELETE', token: beheerder }, 404],
      ['admin/audit', { method: 'POST', token: beheerder }, 405],
      ['admin/audit?limit=0', { token: beheerder }, 400],
      ['admin/audit?limit=abc', { token: beheerder }, 400],
      ['admin/audit?limit=100000', { token: beheerder }, 400],
      ['admin/audit?before=%27%20OR%201=1', { token: beheerder }, 400],
      ['admin/audit?order=asc', { token: beheerder }, 400],
    ];
    for (const [path, init, status] of cases) {
      const response = await call(path, init);
      assert.equal(response.status, status, `${init.method ?? 'GET'} ${path}`);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, `${init.method ?? 'GET'} ${path}`);
      const body = (await response.json()) as { title: string; status: number };
      assert.equal(body.status, status);
      assert.ok(body.title.length > 0);
      assert.ok(!JSON.stringify(body).includes('script'), 'nothing of the request is echoed');
    }
    assert.deepEqual(await state(), before);
    assert.equal((await audit()).items.length, entries, 'refused requests are no admin actions');
  });

  it('POST /admin/retention runs now; with dryRun=true it reports the same and removes nothing', async () => {
    const before = await state();
    const dry = await call('admin/retention?dryRun=true', { method: 'POST', token: beheerder });
    assert.equal(dry.status, 200);
    const report = (await dry.json()) as RetentionReport;
    assert.equal(report.dryRun, true);
    assert.deepEqual(report.policy, policy);
    assert.deepEqual(await state(), before);
    const run = await call('admin/retention', { method: 'POST', token: beheerder });
    assert.equal(run.status, 200);
    assert.equal(((await run.json()) as RetentionReport).dryRun, false);
    const [newest] = (await audit()).items;
    assert.deepEqual([newest?.action, newest?.dryRun, newest?.actor], ['retention', false, { kind: 'beheerder', id: 'beheer-regio' }]);
  });
});

describe('the daily retention job (fake clock)', () => {
  let db: Db;
  let dataDir: string;
  before(async () => {
    dataDir = await freshDataDir();
    db = await openPglite({ dataDir });
    await migrate(db);
  });
  after(async () => {
    await db?.close();
    removeDir(dataDir);
  });

  it('runs at 03:00 every day, and once a day however many instances run it', async () => {
    const clock = FakeTimers.createClock(new Date(2027, 7, 1, 2, 0).getTime());
    const runs: (RetentionReport | undefined)[] = [];
    let ran: () => void = () => undefined;
    const onRun = (report: RetentionReport | undefined) => {
      runs.push(report);
      ran();
    };
    const nextRun = () => new Promise<void>((resolve) => (ran = resolve));
    const job = startRetentionJob(db, { policy, clock, onRun, onError: (error) => assert.fail(String(error)) });
    assert.equal(job.nextRunAt.getTime(), new Date(2027, 7, 1, 3, 0).getTime());
    await clock.tickAsync(59 * 60 * 1000);
    assert.equal(runs.length, 0, 'not before 03:00');
    let done = nextRun();
    await clock.tickAsync(60 * 1000);
    await done;
    assert.equal(runs.length, 1);
    assert.equal(runs[0]?.at, new Date(2027, 7, 1, 3, 0).toISOString());
    assert.equal(job.nextRunAt.getTime(), new Date(2027, 7, 2, 3, 0).getTime(), 'then again tomorrow');

    // A second instance, whose clock reaches 03:00 just after, finds today's run in the audit log.
    const other = FakeTimers.createClock(new Date(2027, 7, 1, 2, 59, 30).getTime());
    const otherRuns: (RetentionReport | undefined)[] = [];
    let otherRan: () => void = () => undefined;
    const otherJob = startRetentionJob(db, { policy, clock: other, hour: 3, onRun: (r) => (otherRuns.push(r), otherRan()) });
    const otherDone = new Promise<void>((resolve) => (otherRan = resolve));
    await other.tickAsync(60 * 1000);
    await otherDone;
    assert.deepEqual(otherRuns, [undefined], 'skipped: another instance ran it less than 20 hours ago');
    await otherJob.stop();

    done = nextRun();
    await clock.tickAsync(24 * 60 * 60 * 1000);
    await done;
    assert.equal(runs.length, 2);
    assert.equal(runs[1]?.at, new Date(2027, 7, 2, 3, 0).toISOString());
    await job.stop();
    await clock.tickAsync(3 * 24 * 60 * 60 * 1000);
    assert.equal(runs.length, 2, 'stopped: no more runs');
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'retention' AND actor->>'kind' = 'job'`);
    assert.equal(rows[0]?.n, 2);
  });

  it('an erasure of a student nobody registered finds nobody and records nothing', async () => {
    assert.equal(await eraseStudent(db, 'nobody', { now: new Date(), dryRun: false, actor: { kind: 'cli' } }), undefined);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'erase'`);
    assert.equal(rows[0]?.n, 0);
  });
});

describe('doorstroom-admin retention, erase and audit', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await freshDataDir();
    const db = await openPglite({ dataDir });
    await db.query(`INSERT INTO schools (id, naam) VALUES ('school-a', 'School A')`);
    await db.query(`INSERT INTO students (id, school_id, data) VALUES ('school-a-1', 'school-a', '{"naam": "Leerling Een", "guardianIds": []}')`);
    await db.query(`INSERT INTO people (id, role, login) VALUES ('school-a-1', 'student', 'een@school.example')`);
    await db.close();
  });
  after(() => removeDir(dataDir));

  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(DATABASE_URL|DOORSTROOM_.*)$/.test(name)));
      const child = spawn(process.execPath, [fileURLToPath(new URL('../bin/doorstroom-admin.mjs', import.meta.url)), ...args], {
        env: { ...environment, DOORSTROOM_DATA_DIR: dataDir, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('refuses unclear commands with the usage and exit 2, before opening the database', async () => {
    for (const [args, message] of [
      [['retention'], /either --dry-run .* or --apply/],
      [['retention', '--dry-run', '--apply'], /either --dry-run/],
      [['retention', '--apply', 'extra'], /takes no arguments/],
      [['erase', '--apply'], /one student id/],
      [['erase', '../etc', '--apply'], /is not a student id/],
      [['audit', '--limit', '0'], /--limit must be/],
      [['audit', '--apply'], /neither --dry-run nor --apply/],
      [['import', 'x.csv', '--apply'], /belong to retention, erase and audit/],
    ] as const) {
      const result = await run([...args]);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    const wrongPeriod = await run(['retention', '--dry-run'], { DOORSTROOM_RETENTION_OUTBOX_DAYS: 'dertig' });
    assert.equal(wrongPeriod.code, 2);
    assert.match(wrongPeriod.stderr, /DOORSTROOM_RETENTION_OUTBOX_DAYS must be a whole number/);
  });

  it('runs retention as a dry run and for real, erases a student, and lists both in the audit log', async () => {
    const dry = await run(['retention', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Proefrun: er is niets verwijderd/);
    const json = await run(['retention', '--apply', '--json'], { DOORSTROOM_RETENTION_OUTBOX_DAYS: '7' });
    assert.equal(json.code, 0, json.stderr);
    assert.equal((JSON.parse(json.stdout) as RetentionReport).policy.outboxDays, 7);
    const nobody = await run(['erase', 'school-a-2', '--apply']);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /geen leerling met id school-a-2/);
    const erased = await run(['erase', 'school-a-1', '--apply']);
    assert.equal(erased.code, 0, erased.stderr);
    assert.match(erased.stdout, /Alles van leerling school-a-1 is gewist/);
    const audit = await run(['audit', '--json']);
    const log = JSON.parse(audit.stdout) as AuditLog;
    assert.deepEqual(
      log.items.map((e) => [e.action, e.dryRun, e.actor.kind]),
      [
        ['erase', false, 'cli'],
        ['retention', false, 'cli'],
        ['retention', true, 'cli'],
      ],
    );
    assert.ok(!audit.stdout.includes('Leerling Een'));
  });
});
