/**
 * Retention (AVG): what has no purpose any more is removed, by a daily job in the server, by
 * `doorstroom-admin retention --apply`, or by `POST /admin/retention`; one student's everything is
 * erased on request (`DELETE /admin/students/{id}`, `doorstroom-admin erase`). Periods come from the
 * environment (see docs/operations.md):
 *
 * - an afgerond dossier: `afgerondMonths` after the end of the school year (31 July) in which it was
 *   finished;
 * - any other dossier (concept, at the mentor, awaiting consent, archived): `inactiveMonths` after
 *   its last change;
 * - a leaver (a student the school no longer lists) without a dossier: `inactiveMonths` after they
 *   left; with their B1 and their guardians' records when those have no other student;
 * - a notification: `outboxDays` after it was sent or given up on.
 *
 * With a dossier go its history, intake status, consent links and notifications, and rows of any
 * other table that refers to it. Every run is one transaction under an advisory lock (instances
 * never run it twice at once); a dry run is the same run rolled back, so it reports exactly what
 * the real one would remove. Every run and erasure goes into the audit log with counts only.
 */
import type { Db, Queryable } from './db.js';
import { recordAudit, type AuditActor } from './audit.js';
import type { EraseReport, RetentionCounts, RetentionPolicy, RetentionReport } from './sdk.js';

export type { RetentionPolicy } from './sdk.js';

export const defaultRetentionPolicy: RetentionPolicy = { afgerondMonths: 12, inactiveMonths: 12, outboxDays: 30 };

/** Arbitrary, fixed: serialises retention runs and erasures across instances. */
export const retentionLockKey = 7_310_423;

const day = 24 * 60 * 60 * 1000;

/** `date` minus whole months (calendar months; the 31st becomes the last day of a shorter month). */
export function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const dayOfMonth = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(dayOfMonth, lastDay));
  return result;
}

/** The start of the school year (1 August, UTC) that `date` falls in. */
export function schoolYearStart(date: Date): Date {
  const year = date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return new Date(Date.UTC(year, 7, 1));
}

/**
 * The limits of a run at `now`. An afgerond dossier goes once `afgerondMonths` have passed since
 * the end of its school year: it was finished before the start of the school year that contains
 * `now - afgerondMonths`.
 */
export function retentionCutoffs(policy: RetentionPolicy, now: Date): RetentionReport['cutoffs'] {
  return {
    afgerondFinishedBefore: schoolYearStart(monthsBefore(now, policy.afgerondMonths)).toISOString(),
    unchangedSince: monthsBefore(now, policy.inactiveMonths).toISOString(),
    outboxBefore: new Date(now.getTime() - policy.outboxDays * day).toISOString(),
  };
}

const emptyCounts = (): RetentionCounts => ({ dossiers: 0, history: 0, intake: 0, guardianLinks: 0, outbox: 0, begeleiding: 0, students: 0, guardians: 0, other: {} });

const identifier = /^[a-z_][a-z0-9_]*$/;

/** Tables (besides `known`) with a foreign key to `table`: later migrations may add such tables; their rows go with what they refer to. */
async function referencing(tx: Queryable, table: 'dossiers' | 'students', known: ReadonlyArray<string>): Promise<{ table: string; column: string }[]> {
  const { rows } = await tx.query<{ tbl: string; col: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, a.attname::text AS col
     FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = $1::regclass ORDER BY 1, 2`,
    [table],
  );
  const found = rows.map((r) => ({ table: r.tbl, column: r.col })).filter((r) => !known.includes(r.table));
  for (const r of found) if (!identifier.test(r.table) || !identifier.test(r.column)) throw new Error(`retention: cannot handle the table ${JSON.stringify(r.table)}`);
  return found;
}

/** `column IN (the ids)`, with the ids as one JSON parameter (the same on PGlite and pg). */
const inIds = (column: string, param: number) => `${column} IN (SELECT jsonb_array_elements_text($${param}::jsonb))`;

async function remove(tx: Queryable, sql: string, params: unknown[]): Promise<number> {
  return (await tx.query(sql, params)).rowCount;
}

/** Removes dossiers and everything that belongs to them. */
async function removeDossiers(tx: Queryable, ids: ReadonlyArray<string>, counts: RetentionCounts): Promise<void> {
  if (ids.length === 0) return;
  const list = JSON.stringify(ids);
  for (const other of await referencing(tx, 'dossiers', ['history', 'intake', 'guardian_links'])) {
    const n = await remove(tx, `DELETE FROM ${other.table} WHERE ${inIds(other.column, 1)}`, [list]);
    counts.other[other.table] = (counts.other[other.table] ?? 0) + n;
  }
  counts.history += await remove(tx, `DELETE FROM history WHERE ${inIds('dossier_id', 1)}`, [list]);
  counts.intake += await remove(tx, `DELETE FROM intake WHERE ${inIds('dossier_id', 1)}`, [list]);
  counts.guardianLinks += await remove(tx, `DELETE FROM guardian_links WHERE ${inIds('dossier_id', 1)}`, [list]);
  counts.outbox += await remove(tx, `DELETE FROM outbox WHERE ${inIds('dossier_id', 1)}`, [list]);
  counts.dossiers += await remove(tx, `DELETE FROM dossiers WHERE ${inIds('id', 1)}`, [list]);
}

/** Removes students (who hold no dossier any more), their B1, their notifications, and guardians left without a student. */
async function removeStudents(tx: Queryable, ids: ReadonlyArray<string>, counts: RetentionCounts): Promise<void> {
  if (ids.length === 0) return;
  const list = JSON.stringify(ids);
  const { rows: guardianRows } = await tx.query<{ id: string }>(`SELECT DISTINCT jsonb_array_elements_text(COALESCE(data->'guardianIds', '[]'::jsonb)) AS id FROM students WHERE ${inIds('id', 1)}`, [
    list,
  ]);
  for (const other of await referencing(tx, 'students', ['begeleiding', 'dossiers'])) {
    const n = await remove(tx, `DELETE FROM ${other.table} WHERE ${inIds(other.column, 1)}`, [list]);
    counts.other[other.table] = (counts.other[other.table] ?? 0) + n;
  }
  counts.begeleiding += await remove(tx, `DELETE FROM begeleiding WHERE ${inIds('student_id', 1)}`, [list]);
  counts.guardianLinks += await remove(tx, `DELETE FROM guardian_links WHERE ${inIds('student_id', 1)}`, [list]);
  counts.outbox += await remove(tx, `DELETE FROM outbox WHERE ${inIds("recipient->>'id'", 1)} OR ${inIds("payload->'student'->>'id'", 1)}`, [list]);
  counts.students += await remove(tx, `DELETE FROM students WHERE ${inIds('id', 1)}`, [list]);
  await tx.query(`DELETE FROM people WHERE role = 'student' AND ${inIds('id', 1)}`, [list]);
  // Guardians exist here only as someone's guardian: one of no remaining student goes too.
  const orphans = JSON.stringify(guardianRows.map((r) => r.id));
  const { rows: gone } = await tx.query<{ id: string }>(
    `DELETE FROM guardians g WHERE ${inIds('g.id', 1)} AND NOT EXISTS (SELECT 1 FROM students s WHERE s.data->'guardianIds' ? g.id) RETURNING g.id`,
    [orphans],
  );
  counts.guardians += gone.length;
  if (gone.length) await tx.query(`DELETE FROM people WHERE role = 'guardian' AND ${inIds('id', 1)}`, [JSON.stringify(gone.map((g) => g.id))]);
}

/** Thrown inside a dry run's transaction so that it rolls back; carries the result out. */
class RolledBack<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

async function inTransaction<T>(db: Db, dryRun: boolean, work: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [retentionLockKey]);
      const result = await work(tx);
      if (dryRun) throw new RolledBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result as T;
    throw error;
  }
}

export interface RetentionRunOptions {
  policy: RetentionPolicy;
  /** The run's clock. */
  now: Date;
  dryRun: boolean;
  actor: AuditActor;
  /** Skip the run (undefined) when a run by the daily job was recorded less than this many hours ago (another instance did it). */
  skipIfJobRanWithinHours?: number;
}

/** One retention run; undefined when skipped (skipIfJobRanWithinHours). */
export async function runRetention(db: Db, options: RetentionRunOptions): Promise<RetentionReport | undefined> {
  const { policy, now, dryRun } = options;
  const cutoffs = retentionCutoffs(policy, now);
  const report = await inTransaction(db, dryRun, async (tx): Promise<RetentionReport | undefined> => {
    if (options.skipIfJobRanWithinHours !== undefined) {
      const since = new Date(now.getTime() - options.skipIfJobRanWithinHours * 60 * 60 * 1000).toISOString();
      const { rows } = await tx.query(`SELECT 1 FROM audit_log WHERE action = 'retention' AND NOT dry_run AND actor->>'kind' = 'job' AND at > $1::timestamptz LIMIT 1`, [since]);
      if (rows.length > 0) return undefined;
    }
    const counts = emptyCounts();
    const { rows: afgerond } = await tx.query<{ id: string }>(
      `SELECT id FROM dossiers WHERE status = 'afgerond' AND COALESCE(data->>'finalizedAt', updated_at)::timestamptz < $1::timestamptz ORDER BY id`,
      [cutoffs.afgerondFinishedBefore],
    );
    const { rows: inactive } = await tx.query<{ id: string }>(`SELECT id FROM dossiers WHERE status <> 'afgerond' AND updated_at::timestamptz < $1::timestamptz ORDER BY id`, [cutoffs.unchangedSince]);
    await removeDossiers(
      tx,
      [...afgerond, ...inactive].map((r) => r.id),
      counts,
    );
    const { rows: leavers } = await tx.query<{ id: string }>(
      `SELECT s.id FROM students s WHERE NOT s.active AND s.inactive_since < $1::timestamptz
         AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.student_id = s.id) ORDER BY s.id`,
      [cutoffs.unchangedSince],
    );
    await removeStudents(
      tx,
      leavers.map((r) => r.id),
      counts,
    );
    counts.outbox += await remove(
      tx,
      `DELETE FROM outbox WHERE (sent_at IS NOT NULL AND sent_at < $1::timestamptz) OR (sent_at IS NULL AND next_attempt_at = 'infinity' AND created_at < $1::timestamptz)`,
      [cutoffs.outboxBefore],
    );
    const result: RetentionReport = {
      dryRun,
      at: now.toISOString(),
      policy: { ...policy },
      cutoffs,
      dossiers: { afgerond: afgerond.map((r) => r.id), inactive: inactive.map((r) => r.id) },
      students: leavers.map((r) => r.id),
      counts,
    };
    if (!dryRun) await recordAudit(tx, { actor: options.actor, action: 'retention', dryRun, at: now, details: { policy, counts } });
    return result;
  });
  if (report && dryRun) await recordAudit(db, { actor: options.actor, action: 'retention', dryRun, at: now, details: { policy, counts: report.counts } });
  return report;
}

export interface EraseOptions {
  now: Date;
  dryRun: boolean;
  actor: AuditActor;
}

/**
 * Erases everything of one student (AVG art. 17, on request, by the beheerder): their dossiers
 * with history, intake status, consent links and notifications, their B1, their registration and
 * login, and their guardians' records when those have no other student. Undefined when no such student.
 */
export async function eraseStudent(db: Db, studentId: string, options: EraseOptions): Promise<EraseReport | undefined> {
  const { now, dryRun } = options;
  const report = await inTransaction(db, dryRun, async (tx): Promise<EraseReport | undefined> => {
    const { rows: student } = await tx.query('SELECT 1 FROM students WHERE id = $1 FOR UPDATE', [studentId]);
    if (student.length === 0) return undefined;
    const counts = emptyCounts();
    const { rows: dossiers } = await tx.query<{ id: string }>('SELECT id FROM dossiers WHERE student_id = $1 ORDER BY id', [studentId]);
    await removeDossiers(
      tx,
      dossiers.map((r) => r.id),
      counts,
    );
    await removeStudents(tx, [studentId], counts);
    const result: EraseReport = { dryRun, at: now.toISOString(), studentId, dossiers: dossiers.map((r) => r.id), counts };
    if (!dryRun) await recordAudit(tx, { actor: options.actor, action: 'erase', dryRun, at: now, details: { studentId, counts } });
    return result;
  });
  if (report && dryRun) await recordAudit(db, { actor: options.actor, action: 'erase', dryRun, at: now, details: { studentId, counts: report.counts } });
  return report;
}

/** The timers the daily job uses: the real ones by default; tests pass a fake clock (@sinonjs/fake-timers' createClock). */
export interface JobClock {
  /** Milliseconds since the epoch. */
  readonly now: number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: JobClock = {
  get now() {
    return Date.now();
  },
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Milliseconds from `now` to the next `hour`:00 of the server's local time (TZ), strictly later. */
export function untilNextRun(now: number, hour: number): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now) next.setDate(next.getDate() + 1);
  return next.getTime() - now;
}

export interface RetentionJobOptions {
  policy: RetentionPolicy;
  /** The local hour (0–23) the job runs at every day. Default 3. */
  hour?: number;
  clock?: JobClock;
  /** After each run (also a skipped one: undefined). */
  onRun?: (report: RetentionReport | undefined) => void;
  onError?: (error: unknown) => void;
}

export interface RetentionJob {
  /** When the next run is due. */
  readonly nextRunAt: Date;
  /** The run under way, if any. */
  readonly running: Promise<void> | undefined;
  stop(): Promise<void>;
}

/** Runs retention once a day at `hour`:00; with several instances, one run a day (the audit log says whether another instance did it). */
export function startRetentionJob(db: Db, options: RetentionJobOptions): RetentionJob {
  const clock = options.clock ?? realClock;
  const hour = options.hour ?? 3;
  let handle: unknown;
  let stopped = false;
  let running: Promise<void> | undefined;
  let nextRunAt = new Date(clock.now + untilNextRun(clock.now, hour));

  const schedule = () => {
    if (stopped) return;
    const wait = untilNextRun(clock.now, hour);
    nextRunAt = new Date(clock.now + wait);
    handle = clock.setTimeout(tick, wait);
  };
  function tick() {
    running = runRetention(db, { policy: options.policy, now: new Date(clock.now), dryRun: false, actor: { kind: 'job' }, skipIfJobRanWithinHours: 20 })
      .then((report) => options.onRun?.(report))
      .catch((error) => options.onError?.(error))
      .finally(() => {
        running = undefined;
        schedule();
      });
  }
  schedule();
  return {
    get nextRunAt() {
      return nextRunAt;
    },
    get running() {
      return running;
    },
    async stop() {
      stopped = true;
      clock.clearTimeout(handle);
      await running;
    },
  };
}
