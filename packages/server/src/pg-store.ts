/**
 * `BackendStore` over PostgreSQL (or PGlite): the SDK's service and handler run on top unchanged.
 * Every service call is one unit of work (`Db.session`). Dossier, history and outbox writes are
 * buffered and sent as ONE statement at the end, and that statement writes a dossier only if its
 * version is still the one this unit read (else nothing of it is written, and the unit runs again:
 * a save whose If-Match is now stale gets 409, an action applies to the newer dossier). The read
 * may come from what this instance read or wrote last (getDossier's cache): the write then checks
 * everything that read gave (the row's xmin, the B1 version, the last history entry), and a unit
 * that decided on a stale copy runs again reading the database. So a save costs one round trip
 * (two when the dossier is not cached), with no BEGIN or COMMIT: one statement commits on its own. A unit that writes more than once (B1, intake, a klas move, a read after a write) opens
 * a transaction first, and then reads lock the dossier row as they always did. Two units that
 * chained a history entry onto the same one are refused by the chain's unique index and run again.
 * The hot statements are prepared once per connection (named).
 */
import type { Db, Session } from './db.js';
import { deepFreeze } from './freeze.js';
import { plannedNotifications, subjects, type Recipient } from './notifications.js';
import {
  chosenInstelling,
  foldForSearch,
  problems,
  problemTypeBase,
  ServiceError,
  type BackendStore,
  type Dossier,
  type DossierFilter,
  type HistoryEntry,
  type HistoryLink,
  type Institution,
  type Intake,
  type Location,
  type OutgoingNotification,
  newRandomDossierId,
  type Programme,
  type RegionConfig,
  type RosterMentor,
  type StoredBegeleiding,
  type StoredSchool,
  type StoredStudent,
  type StoreTx,
} from './sdk.js';

export interface PgStoreOptions {
  /** Config and rosters change rarely: each instance keeps them this long. Default 5000 ms; 0 = always read. */
  cacheMs?: number;
  /**
   * How many listed dossiers each instance keeps (read-only, with the row version they were read
   * in) so a list reads again only the rows that changed. Default 20 000; 0 = none.
   */
  listCacheSize?: number;
  /**
   * How many dossiers each instance keeps as a save reads them (the row, the student's B1 and the
   * last history entry, each with its version), so a save is one statement: its write checks that
   * every one is still what was kept, and runs again reading the database when one is not.
   * Default 10 000; 0 = always read.
   */
  readCacheSize?: number;
}

/** The PostgreSQL type of each column `dossierColumns` fills, for statements that send rows as JSON. */
export const dossierColumnTypes: Readonly<Record<keyof ReturnType<typeof dossierColumns>, string>> = {
  id: 'text',
  student_id: 'text',
  school_id: 'text',
  type: 'text',
  status: 'text',
  archived: 'boolean',
  version: 'integer',
  mentor_id: 'text',
  mentor_email: 'text',
  chosen_brin: 'text',
  created_at: 'text',
  updated_at: 'text',
  data: 'jsonb',
};

/** The filter columns of a dossier row, derived from the dossier itself. */
export function dossierColumns(dossier: Dossier) {
  return {
    id: dossier.id,
    student_id: dossier.student.id,
    school_id: dossier.student.schoolId,
    type: dossier.type,
    status: dossier.status,
    archived: dossier.archived,
    version: dossier.version,
    mentor_id: dossier.mentor?.id ?? null,
    mentor_email: dossier.mentor ? dossier.mentor.email.trim().toLowerCase() : null,
    chosen_brin: chosenInstelling(dossier) ?? null,
    created_at: dossier.createdAt,
    updated_at: dossier.updatedAt,
    data: dossier,
  };
}

/** 503 until the region configuration is imported (doorstroom-admin, or POST /admin/import). */
export const notProvisioned = () => ({
  type: `${problemTypeBase}not-provisioned`,
  title: 'Het doorstroomdossier is nog niet ingericht. Probeer het later opnieuw of neem contact op met de school.',
  status: 503,
  detail: 'The database holds no region configuration yet: import one with doorstroom-admin or POST /admin/import.',
});

const words = (q: string) => foldForSearch(q).split(/\s+/).filter(Boolean);
const likeEscape = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Cached<T> {
  value: T;
  until: number;
}

class PgTx implements StoreTx {
  /** Dossiers written in this transaction: the outbox needs the state an action produced. */
  private readonly written = new Map<string, Dossier>();
  /** B1 records read with their dossier (the service asks for it right after): one round trip less. */
  private readonly begeleidingRead = new Map<string, StoredBegeleiding | null>();
  private pendingDossier: Dossier | undefined;
  private pendingHistory: { dossier_id: string; entry: HistoryEntry; prev_hash: string | null }[] = [];
  /** Each dossier's last history entry (null: none), read with the dossier row or appended here. */
  private readonly lastEntries = new Map<string, HistoryEntry | null>();
  /** The version each dossier had when this unit read it: its write goes through only if it still has it. */
  private readonly readVersions = new Map<string, number>();
  private pendingOutbox: { kind: string; dossier_id: string | null; recipient: Recipient; payload: unknown }[] = [];
  /** Whether this unit wrote anything yet: until then every row it reads is committed (the list caches keep only such rows). */
  private wrote = false;
  /** The dossiers listed in this unit: the xmin of each one's intake status row (null: none). */
  private readonly listedIntakes = new Map<string, string | null>();
  /** The xmin of each dossier row as this unit read (or wrote) it: its write goes through only if the row is still that one. */
  private readonly readXmins = new Map<string, string>();
  /** The id of each dossier's last history entry as read or written ('0': none): its write checks the history is still there. */
  private readonly lastIds = new Map<string, string>();
  /** Dossiers this unit took from the instance's read cache and no write of it has checked yet (finish() checks them). */
  private readonly fromCache = new Map<string, Dossier>();
  /** Whether this unit decided anything on a cached read: then any failure runs it again reading the database. */
  usedCache = false;
  /** What this unit's writes leave in the read cache once it commits (null: forget that dossier). */
  private readonly toCache = new Map<string, CachedRead | null>();

  constructor(
    private readonly q: Session,
    private readonly cache: StoreCache,
    private readonly dossiers: RowVersionCache<Dossier>,
    private readonly intakes: RowVersionCache<Intake>,
    private readonly reads: ReadCache,
    private readonly trustReads: boolean,
  ) {}

  /** After the unit committed: its writes into the instance's read cache. */
  publish(): void {
    for (const [id, read] of this.toCache) {
      if (read) this.reads.put(id, read);
      else this.reads.delete(id);
    }
  }

  /** After the unit failed on a cached read: those entries go (unless a newer unit replaced them already). */
  forgetCachedReads(): void {
    for (const [id, read] of this.usedReads) this.reads.delete(id, read);
  }
  private readonly usedReads = new Map<string, CachedRead>();

  /** The unit's end: the cached reads no write of this unit checked are checked now, then the last write goes. */
  async finish(): Promise<void> {
    const unchecked = [...this.fromCache.keys()].filter((id) => id !== this.pendingDossier?.id);
    if (unchecked.length > 0) await this.verifyCachedReads(unchecked);
    await this.flush(true);
  }

  /**
   * What a write of `dossier` checks besides its version: the row's xmin, the student's B1 version
   * (-1: none) and the dossier's last history entry id (0: none), each as this unit read them;
   * null where this unit did not read it (nothing to check).
   */
  private guards(dossier: Dossier): [xmin: string | null, b1: number | null, lastId: string | null] {
    if (!this.readVersions.has(dossier.id)) return [null, null, null];
    const b1 = this.begeleidingRead.get(dossier.student.id);
    return [this.readXmins.get(dossier.id) ?? null, b1 === undefined ? null : b1 === null ? -1 : b1.version, this.lastIds.get(dossier.id) ?? null];
  }

  /** The cached reads of `ids` against the database: one that changed (or is gone) runs the unit again. */
  private async verifyCachedReads(ids: string[]): Promise<void> {
    const { rows } = await this.q.query<{ id: string; xmin: string; b_version: number; last_id: string }>(
      `SELECT d.id, d.xmin::text AS xmin, coalesce(b.version, -1) AS b_version,
         coalesce((SELECT max(h.id) FROM history h WHERE h.dossier_id = d.id), 0)::text AS last_id
       FROM dossiers d LEFT JOIN begeleiding b ON b.student_id = d.student_id WHERE d.id = ANY($1::text[])`,
      [ids],
      { name: 'doorstroom_check_reads' },
    );
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) {
      const row = found.get(id);
      const [xmin, b1, lastId] = this.guards(this.fromCache.get(id)!);
      if (!row || (xmin !== null && row.xmin !== xmin) || (b1 !== null && Number(row.b_version) !== b1) || (lastId !== null && row.last_id !== lastId)) throw staleRead();
      this.fromCache.delete(id);
    }
  }

  /** Before a second write, or a read that must see a buffered one: from here on one transaction. */
  private async writing(): Promise<void> {
    this.wrote = true;
    await this.q.begin();
  }

  /**
   * The region configuration: ONE frozen object for every unit while it is unchanged, never a copy.
   * A copy per call cost two structuredClones per save, and made every save miss `buildSections`'
   * cache (keyed on the config object), building all sections again. Read again after `cacheMs`;
   * unchanged content keeps the object it had.
   */
  async getConfig(): Promise<RegionConfig> {
    return this.cache.get('config', async () => {
      const { rows } = await this.q.query<{ data: RegionConfig; text: string }>('SELECT data, data::text AS text FROM config WHERE id = 1', [], { name: 'doorstroom_config' });
      // A production database starts empty: the beheerder imports the region configuration first.
      if (!rows[0]) throw new ServiceError(notProvisioned());
      return this.cache.shared('config', rows[0].text, () => deepFreeze(rows[0]!.data));
    });
  }

  /**
   * The school with its roster (cached: rosters change rarely): like the config, ONE frozen object
   * per instance while cached, never a copy (a structuredClone of the roster cost every save more
   * than the rest of its workflow context). Whoever changes a roster builds a new one (putSchool).
   */
  async getSchool(id: string): Promise<StoredSchool | undefined> {
    const school = await this.cache.get(`school:${id}`, async () => {
      const { rows } = await this.q.query<{
        naam: string;
        plaats: string | null;
        mentor_roster: boolean;
        mentor_id: string | null;
        m_naam: string | null;
        email: string | null;
        klassen: string[] | null;
      }>(
        `SELECT s.naam, s.plaats, s.mentor_roster, m.mentor_id, m.naam AS m_naam, m.email, m.klassen
         FROM schools s LEFT JOIN mentors m ON m.school_id = s.id AND m.active AND NOT m.decaan WHERE s.id = $1 ORDER BY m.position`,
        [id],
      );
      const first = rows[0];
      if (!first) return null;
      const mentors: RosterMentor[] = rows.filter((r) => r.m_naam !== null && r.mentor_id !== null).map((r) => ({ id: r.mentor_id!, naam: r.m_naam!, email: r.email!, klassen: r.klassen ?? [] }));
      return deepFreeze<StoredSchool>({ id, naam: first.naam, ...(first.plaats ? { plaats: first.plaats } : {}), mentorRoster: first.mentor_roster, mentors });
    });
    return school ?? undefined;
  }

  async getStudent(id: string): Promise<StoredStudent | undefined> {
    const { rows } = await this.q.query<{ data: StoredStudent }>('SELECT data FROM students WHERE id = $1', [id], { name: 'doorstroom_student' });
    return rows[0]?.data;
  }

  async listStudents(filter: { schoolId: string }): Promise<StoredStudent[]> {
    const { rows } = await this.q.query<{ data: StoredStudent }>('SELECT data FROM students WHERE school_id = $1 AND active ORDER BY id', [filter.schoolId]);
    return rows.map((r) => r.data);
  }

  async getDossier(id: string): Promise<Dossier | undefined> {
    await this.flush();
    // The last history entry comes along (the chain's head, history-chain-store.ts), and the
    // student's B1: one round trip. Outside a transaction this one statement sees one moment, and
    // the write at the end checks the version; inside one (a unit that writes more than once) the
    // row is locked until the end, as the write that follows would have to wait for it anyway.
    const locked = this.q.inTransaction();
    if (!locked && this.trustReads) {
      // What this instance read or wrote last, with no round trip: trusted only because the write
      // checks every part of it (the row's xmin, the B1 version, the last history entry), and a
      // unit that ends without such a write checks it in finish(). Stale: the unit runs again
      // reading the database (createPgStore), so a stale cache never decides an answer.
      const hit = this.reads.get(id);
      if (hit) {
        this.usedCache = true;
        this.usedReads.set(id, hit);
        // A dossier this instance wrote is kept as the JSON it sent: each unit parses its own copy.
        const dossier = typeof hit.dossier === 'string' ? (JSON.parse(hit.dossier) as Dossier) : hit.dossier;
        this.fromCache.set(id, dossier);
        this.readVersions.set(id, dossier.version);
        this.readXmins.set(id, hit.xmin);
        this.lastIds.set(id, hit.lastId);
        this.begeleidingRead.set(dossier.student.id, hit.b1);
        this.lastEntries.set(id, hit.lastEntry);
        return dossier;
      }
    }
    const { rows } = await this.q.query<{
      data: Dossier;
      xmin: string;
      answers: StoredBegeleiding['answers'] | null;
      b_version: number | null;
      last_entry: HistoryEntry | null;
      last_id: string | null;
    }>(
      `SELECT d.data, d.xmin::text AS xmin, b.answers, b.version AS b_version, h.entry AS last_entry, h.id::text AS last_id
       FROM dossiers d LEFT JOIN begeleiding b ON b.student_id = d.student_id
         LEFT JOIN LATERAL (SELECT h.id, h.entry FROM history h WHERE h.dossier_id = d.id ORDER BY h.id DESC LIMIT 1) h ON true
       WHERE d.id = $1${locked ? ' FOR UPDATE OF d' : ''}`,
      [id],
      { name: locked ? 'doorstroom_dossier_locked_v2' : 'doorstroom_dossier_v2' },
    );
    const row = rows[0];
    if (!row) {
      if (this.fromCache.has(id)) throw staleRead();
      return undefined;
    }
    const studentId = row.data.student.id;
    const b1 = row.answers === null ? null : { studentId, answers: row.answers, version: Number(row.b_version) };
    const cached = this.fromCache.get(id);
    if (cached) {
      // Read from the cache earlier in this unit, and decided on: it must be what the database holds.
      const [xmin, b1Version, lastId] = this.guards(cached);
      if ((xmin !== null && row.xmin !== xmin) || (b1Version !== null && (b1?.version ?? -1) !== b1Version) || (lastId !== null && (row.last_id ?? '0') !== lastId)) throw staleRead();
      this.fromCache.delete(id);
    }
    this.readVersions.set(id, row.data.version);
    this.readXmins.set(id, row.xmin);
    this.begeleidingRead.set(studentId, b1);
    // After waiting for the lock the row is the newest, but the subquery saw the history from before
    // the wait: an entry older than the row's version is not trusted (lastHistoryEntry reads again).
    // What this misses (an entry that changed no version) the unique index on the chain's links refuses.
    if (row.last_entry === null || row.last_entry.version >= row.data.version) {
      this.lastEntries.set(id, row.last_entry);
      this.lastIds.set(id, row.last_id ?? '0');
    } else {
      this.lastEntries.delete(id);
      this.lastIds.delete(id);
    }
    if (locked) return row.data;
    // Committed (no transaction): kept for the next unit of this instance, read-only.
    const read = { dossier: deepFreeze(row.data), xmin: row.xmin, b1: b1 && deepFreeze(b1), lastEntry: row.last_entry && deepFreeze(row.last_entry), lastId: row.last_id ?? '0' };
    this.reads.put(id, read);
    return read.dossier;
  }

  async listDossiers(filter: DossierFilter): Promise<Dossier[]> {
    await this.flush();
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.studentIds) where.push(`student_id = ANY(${param([...filter.studentIds])}::text[])`);
    if (filter.schoolId !== undefined) where.push(`school_id = ${param(filter.schoolId)}`);
    if (filter.statuses) where.push(`status = ANY(${param([...filter.statuses])}::text[])`);
    if (filter.archived !== undefined) where.push(`archived = ${param(filter.archived)}`);
    if (filter.chosenInstelling !== undefined) where.push(`chosen_brin = ${param(filter.chosenInstelling)}`);
    if (filter.assignedMentor) {
      const byId = `mentor_id = ${param(filter.assignedMentor.id)}`;
      const email = filter.assignedMentor.email?.trim().toLowerCase();
      where.push(email ? `(${byId} OR (mentor_id IS NULL AND mentor_email = ${param(email)}))` : byId);
    }
    const condition = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    // Which rows, and which version of each (xmin changes with every write of the row, whatever
    // wrote it): the dossiers this instance read before in that same version come from its cache,
    // the rest are read in full. Reading every full row was most of a long list's time. The version
    // of each one's intake status row comes along: getIntakes of these dossiers needs no more.
    // One row with one JSON array: a row per dossier cost PGlite more than the query itself.
    const { rows: aggregated } = await this.q.query<{ heads: [id: string, version: number, xmin: string, intakeXmin: string | null][] | null }>(
      `SELECT json_agg(json_build_array(d.id, d.version, d.xmin::text, i.xmin::text) ORDER BY d.created_at, d.id) AS heads
       FROM dossiers d LEFT JOIN intake i ON i.dossier_id = d.id${condition}`,
      params,
    );
    const heads = (aggregated[0]?.heads ?? []).map(([id, version, xmin, intakeXmin]) => ({ id, version, xmin, intake_xmin: intakeXmin }));
    // Only committed rows are kept (their xmin is theirs alone): those read before this unit wrote
    // anything, never one it may have written (and may write again under the same xmin).
    const keep = !this.wrote;
    for (const head of heads) this.listedIntakes.set(head.id, head.intake_xmin);
    const found = new Map<string, Dossier>();
    const missing: string[] = [];
    for (const head of heads) {
      const known = this.dossiers.get(head.id, dossierRowVersion(head.xmin, Number(head.version)));
      if (known) found.set(head.id, known);
      else missing.push(head.id);
    }
    if (missing.length > 0) {
      // The same filter again: a row that changed in between is taken as it is now, or left out when it no longer matches.
      const { rows } = await this.q.query<{ data: Dossier; xmin: string }>(
        `SELECT data, xmin::text AS xmin FROM dossiers WHERE ${[...where, `id = ANY(${param(missing)}::text[])`].join(' AND ')}`,
        params,
      );
      for (const row of rows) found.set(row.data.id, keep ? this.dossiers.put(row.data.id, dossierRowVersion(row.xmin, row.data.version), row.data) : deepFreeze(row.data));
    }
    const list: Dossier[] = [];
    for (const head of heads) {
      const dossier = found.get(head.id);
      if (!dossier) continue;
      if (!this.readVersions.has(dossier.id)) this.readVersions.set(dossier.id, dossier.version);
      list.push(dossier);
    }
    return list;
  }

  /**
   * Buffered: the dossier, its history entries and outbox rows go to the database in ONE statement
   * at the end of the unit (or before a read that must see them), so a save costs at most two round
   * trips: the read (none when cached) and this write.
   */
  async putDossier(dossier: Dossier): Promise<void> {
    if (this.pendingDossier && this.pendingDossier.id !== dossier.id) await this.flush();
    this.pendingDossier = dossier;
    this.written.set(dossier.id, dossier);
  }

  /**
   * Writes what is buffered, in one statement. The dossier is written only if its stored version
   * is still the one this unit read (and, read or not, only forward); otherwise nothing of the
   * statement is written and the unit runs again (code 40001), and answers 409 should it lose three
   * times. `last`: the unit's final statement, which may commit on its own; any earlier one opens
   * the transaction first, as more writes follow.
   */
  async flush(last = false): Promise<void> {
    const dossier = this.pendingDossier;
    if (!dossier && this.pendingHistory.length === 0 && this.pendingOutbox.length === 0) return;
    if (!last) await this.writing();
    const readVersion = dossier && this.readVersions.get(dossier.id);
    const [entry] = this.pendingHistory;
    if (dossier && readVersion !== undefined && this.pendingHistory.length === 1 && entry!.dossier_id === dossier.id && this.pendingOutbox.length === 0) {
      // The usual unit, a save or an action on the dossier it read: a plain UPDATE of that row
      // where the version is still the one read, and the history row only if it was updated. The
      // upsert below costs PostgreSQL more (conflict arbitration, every column sent, both
      // recordsets unpacked) and is kept for the rest (a new dossier, several entries, outbox rows).
      // Whatever else the unit decided on is checked in the same statement: the row is the one read
      // (xmin: any write changes it, with or without a new version), the student's B1 has the
      // version read, and the last history entry is the one read (the chain's unique index refuses
      // a stale head too). So the read may come from the instance's cache (getDossier).
      this.pendingDossier = undefined;
      this.pendingHistory = [];
      const c = dossierColumns(dossier);
      const data = JSON.stringify(c.data);
      const [xmin, b1, lastId] = this.guards(dossier);
      const { rows } = await chainGuarded(
        this.q.query<{ xmin: string; history_id: string }>(
          `WITH d AS (
           UPDATE dossiers SET school_id = $4, type = $5, status = $6, archived = $7, version = $8, mentor_id = $9, mentor_email = $10,
             chosen_brin = $11, updated_at = $12, data = $13::jsonb
           WHERE id = $3 AND version = $14::integer AND version < $8::integer
             AND ($15::xid IS NULL OR xmin = $15::xid)
             AND ($17::integer IS NULL OR coalesce((SELECT b.version FROM begeleiding b WHERE b.student_id = $16), -1) = $17::integer)
             AND ($18::bigint IS NULL OR coalesce((SELECT max(l.id) FROM history l WHERE l.dossier_id = $3), 0) = $18::bigint)
           RETURNING id, xmin::text AS xmin),
         h AS (INSERT INTO history (dossier_id, entry, prev_hash) SELECT id, $1::jsonb, $2::text FROM d RETURNING id)
         SELECT d.xmin, (SELECT h.id::text FROM h) AS history_id FROM d`,
          [
            JSON.stringify(entry!.entry),
            entry!.prev_hash,
            c.id,
            c.school_id,
            c.type,
            c.status,
            c.archived,
            c.version,
            c.mentor_id,
            c.mentor_email,
            c.chosen_brin,
            c.updated_at,
            data,
            readVersion,
            xmin,
            c.student_id,
            b1,
            lastId,
          ],
          { name: 'doorstroom_update_v2' },
        ),
      );
      const written = rows[0];
      this.afterWrite(dossier, written?.xmin);
      this.lastIds.set(dossier.id, written!.history_id);
      this.lastEntries.set(dossier.id, entry!.entry);
      // Once committed, the next unit of this instance starts from what was written (as the database will return it).
      const b1Now = this.begeleidingRead.get(dossier.student.id);
      this.toCache.set(
        dossier.id,
        b1Now === undefined
          ? null
          : {
              dossier: data,
              xmin: written!.xmin,
              b1: b1Now && deepFreeze(b1Now),
              lastEntry: Object.freeze(entry!.entry),
              lastId: written!.history_id,
            },
      );
      return;
    }
    const history = JSON.stringify(this.pendingHistory);
    const outbox = JSON.stringify(this.pendingOutbox);
    const historyOf = new Set(this.pendingHistory.map((h) => h.dossier_id));
    this.pendingDossier = undefined;
    this.pendingHistory = [];
    this.pendingOutbox = [];
    // These dossiers' last history entry is now one this statement wrote (not known here: not checked again).
    for (const id of historyOf) {
      this.lastIds.delete(id);
      this.toCache.set(id, null);
    }
    const log = (dossier: boolean) => {
      // With a dossier, its history and outbox rows are written only if the dossier is (one statement, all or nothing).
      const when = dossier ? ' WHERE EXISTS (SELECT 1 FROM d)' : '';
      return `h AS (INSERT INTO history (dossier_id, entry, prev_hash) SELECT dossier_id, entry, prev_hash FROM jsonb_to_recordset($1::jsonb) AS r(dossier_id text, entry jsonb, prev_hash text)${when}),
      o AS (INSERT INTO outbox (kind, dossier_id, recipient, payload)
            SELECT kind, dossier_id, recipient, payload FROM jsonb_to_recordset($2::jsonb) AS r(kind text, dossier_id text, recipient jsonb, payload jsonb)${when})`;
    };
    if (!dossier) {
      await chainGuarded(this.q.query(`WITH ${log(false)} SELECT 1`, [history, outbox], { name: 'doorstroom_log' }));
      return;
    }
    const c = dossierColumns(dossier);
    const [xmin, b1, lastId] = this.guards(dossier);
    this.toCache.set(dossier.id, null);
    const { rows } = await chainGuarded(
      this.q.query<{ xmin: string }>(
        `WITH d AS (
         INSERT INTO dossiers (id, student_id, school_id, type, status, archived, version, mentor_id, mentor_email, chosen_brin, created_at, updated_at, data)
         VALUES ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb)
         ON CONFLICT (id) DO UPDATE SET school_id = excluded.school_id, type = excluded.type, status = excluded.status,
           archived = excluded.archived, version = excluded.version, mentor_id = excluded.mentor_id, mentor_email = excluded.mentor_email,
           chosen_brin = excluded.chosen_brin, updated_at = excluded.updated_at, data = excluded.data
         WHERE dossiers.version < excluded.version AND ($16::integer IS NULL OR dossiers.version = $16::integer)
           AND ($17::xid IS NULL OR dossiers.xmin = $17::xid)
           AND ($18::integer IS NULL OR coalesce((SELECT b.version FROM begeleiding b WHERE b.student_id = $4), -1) = $18::integer)
           AND ($19::bigint IS NULL OR coalesce((SELECT max(l.id) FROM history l WHERE l.dossier_id = $3), 0) = $19::bigint)
         RETURNING xmin::text AS xmin),
       ${log(true)}
       SELECT xmin FROM d`,
        [
          history,
          outbox,
          c.id,
          c.student_id,
          c.school_id,
          c.type,
          c.status,
          c.archived,
          c.version,
          c.mentor_id,
          c.mentor_email,
          c.chosen_brin,
          c.created_at,
          c.updated_at,
          JSON.stringify(c.data),
          this.readVersions.get(dossier.id) ?? null,
          xmin,
          b1,
          lastId,
        ],
        { name: 'doorstroom_write_v2' },
      ),
    );
    this.afterWrite(dossier, rows[0]?.xmin);
  }

  /** After a dossier's write: not written (its version moved on, or what the unit read changed) runs the unit again. */
  private afterWrite(dossier: Dossier, xmin: string | undefined): void {
    if (xmin !== undefined) {
      this.readVersions.set(dossier.id, dossier.version);
      this.readXmins.set(dossier.id, xmin);
      this.fromCache.delete(dossier.id);
      return;
    }
    // The history and outbox rows of this statement go with the dossier: one statement, all or
    // nothing, and inside a transaction the rollback takes the rest. Run the unit again.
    throw Object.assign(new ServiceError(problems.staleVersion()), { code: '40001' });
  }

  /** 120 random bits: a clash is not expected in the lifetime of the universe, and the primary key would refuse one. */
  async newDossierId(): Promise<string> {
    return newRandomDossierId();
  }

  async getBegeleiding(studentId: string): Promise<StoredBegeleiding | undefined> {
    const read = this.begeleidingRead.get(studentId);
    if (read !== undefined) return read === null ? undefined : structuredClone(read);
    const { rows } = await this.q.query<{ answers: StoredBegeleiding['answers']; version: number }>('SELECT answers, version FROM begeleiding WHERE student_id = $1', [studentId], {
      name: 'doorstroom_begeleiding',
    });
    const row = rows[0];
    return row && { studentId, answers: row.answers, version: Number(row.version) };
  }

  async putBegeleiding(begeleiding: StoredBegeleiding): Promise<void> {
    // B1 is not locked when read (dossier reads show it), so the version check happens here:
    // a write that lost a race against another one changes nothing and answers 409.
    await this.writing();
    const { rowCount } = await this.q.query(
      `INSERT INTO begeleiding (student_id, answers, version) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (student_id) DO UPDATE SET answers = excluded.answers, version = excluded.version
       WHERE begeleiding.version = excluded.version - 1`,
      [begeleiding.studentId, JSON.stringify(begeleiding.answers), begeleiding.version],
    );
    if (rowCount === 0) throw new ServiceError(problems.staleVersion());
    this.begeleidingRead.set(begeleiding.studentId, structuredClone(begeleiding));
  }

  async listHistory(dossierId: string): Promise<HistoryEntry[]> {
    await this.flush();
    const { rows } = await this.q.query<{ entry: HistoryEntry }>('SELECT entry FROM history WHERE dossier_id = $1 ORDER BY id', [dossierId]);
    return rows.map((r) => r.entry);
  }

  async lastHistoryEntry(dossierId: string): Promise<HistoryEntry | undefined> {
    const known = this.lastEntries.get(dossierId);
    if (known !== undefined) return known ?? undefined;
    await this.flush();
    const { rows } = await this.q.query<{ entry: HistoryEntry }>('SELECT entry FROM history WHERE dossier_id = $1 ORDER BY id DESC LIMIT 1', [dossierId], { name: 'doorstroom_last_entry' });
    return rows[0]?.entry;
  }

  /** `link.previous` goes into history.prev_hash ('' for the first entry): unique per dossier, so a forked chain cannot be stored. */
  async appendHistory(dossierId: string, entry: HistoryEntry, link?: HistoryLink): Promise<void> {
    this.pendingHistory.push({ dossier_id: dossierId, entry, prev_hash: link ? (link.previous ?? '') : null });
    this.lastEntries.set(dossierId, entry);
    const dossier = this.written.get(dossierId);
    if (dossier) await this.queueNotifications(entry, dossier);
  }

  private async queueNotifications(entry: HistoryEntry, dossier: Dossier): Promise<void> {
    const planned = plannedNotifications(entry, dossier, await this.getConfig());
    for (const { kind, audience } of planned) {
      for (const recipient of await this.recipients(audience, dossier)) {
        this.pendingOutbox.push({ kind, dossier_id: dossier.id, recipient, payload: { subject: subjects[kind], student: { id: dossier.student.id, naam: dossier.student.naam } } });
      }
    }
  }

  private async recipients(audience: 'mentor' | 'student' | 'guardians', dossier: Dossier): Promise<Recipient[]> {
    if (audience === 'mentor') {
      const mentor = dossier.mentor;
      return mentor ? [{ role: 'mentor', ...(mentor.id ? { id: mentor.id } : {}), naam: mentor.naam, email: mentor.email }] : [];
    }
    const student = await this.getStudent(dossier.student.id);
    if (audience === 'student') return [{ role: 'student', id: dossier.student.id, naam: dossier.student.naam, ...(student?.email ? { email: student.email } : {}) }];
    const ids = student?.guardianIds ?? [];
    if (ids.length > 0) {
      const { rows } = await this.q.query<{ id: string; naam: string; email: string | null }>('SELECT id, naam, email FROM guardians WHERE id = ANY($1::text[]) ORDER BY id', [ids]);
      if (rows.length > 0) return rows.map((g) => ({ role: 'guardian', id: g.id, naam: g.naam, ...(g.email ? { email: g.email } : {}) }));
    }
    // No guardian account: the parents the student listed in A2, by e-mail.
    const ouders = dossier.answers['thuis']?.['ouders'];
    if (!Array.isArray(ouders)) return [];
    return (ouders as ReadonlyArray<Record<string, unknown>>)
      .filter((o) => typeof o?.['email'] === 'string' && o['email'] !== '')
      .map((o) => ({ role: 'guardian' as const, ...(typeof o['naam'] === 'string' ? { naam: o['naam'] } : {}), email: String(o['email']) }));
  }

  /** The roster after a decaan moved a klas: each mentor's klassen, and whether the school keeps a roster. */
  async putSchool(school: StoredSchool): Promise<void> {
    await this.writing();
    await this.q.query('UPDATE schools SET mentor_roster = $2 WHERE id = $1', [school.id, school.mentorRoster]);
    await this.q.query(
      `UPDATE mentors m SET klassen = r.klassen FROM jsonb_to_recordset($2::jsonb) AS r(mentor_id text, klassen jsonb)
       WHERE m.school_id = $1 AND m.mentor_id = r.mentor_id`,
      [school.id, JSON.stringify(school.mentors.map((mentor) => ({ mentor_id: mentor.id, klassen: mentor.klassen })))],
    );
    this.cache.forget(`school:${school.id}`);
  }

  /** Queued with the dossier's own writes: sent only when the transaction commits. */
  async notify(notification: OutgoingNotification): Promise<void> {
    const student = typeof notification.payload['student'] === 'string' ? notification.payload['student'] : (notification.recipient.naam ?? '');
    this.pendingOutbox.push({
      kind: notification.kind,
      dossier_id: notification.dossierId ?? null,
      recipient: notification.recipient as Recipient,
      payload: { ...notification.payload, subject: subjects[notification.kind], student: { id: notification.recipient.id ?? '', naam: student } },
    });
  }

  async getIntakes(dossierIds: ReadonlyArray<string>): Promise<Map<string, Intake>> {
    if (dossierIds.length === 0) return new Map();
    if (dossierIds.every((id) => this.listedIntakes.has(id))) {
      // Dossiers of a list in this unit: which have an intake status, and which version of it, came
      // with the list; the ones this instance read before in that version come from its cache.
      const intakes = new Map<string, Intake>();
      const missing: string[] = [];
      for (const id of dossierIds) {
        const xmin = this.listedIntakes.get(id);
        if (!xmin) continue;
        const known = this.intakes.get(id, xmin);
        if (known) intakes.set(id, known);
        else missing.push(id);
      }
      if (missing.length > 0) {
        const keep = !this.wrote;
        const { rows } = await this.q.query<{ dossier_id: string; data: Intake; xmin: string }>('SELECT dossier_id, data, xmin::text AS xmin FROM intake WHERE dossier_id = ANY($1::text[])', [
          missing,
        ]);
        for (const row of rows) intakes.set(row.dossier_id, keep ? this.intakes.put(row.dossier_id, row.xmin, row.data) : deepFreeze(row.data));
      }
      return intakes;
    }
    const { rows } = await this.q.query<{ dossier_id: string; data: Intake }>('SELECT dossier_id, data FROM intake WHERE dossier_id = ANY($1::text[])', [[...dossierIds]]);
    return new Map(rows.map((row) => [row.dossier_id, row.data]));
  }

  async putIntake(dossierId: string, intake: Intake): Promise<void> {
    await this.writing();
    this.listedIntakes.delete(dossierId);
    await this.q.query('INSERT INTO intake (dossier_id, data) VALUES ($1, $2::jsonb) ON CONFLICT (dossier_id) DO UPDATE SET data = excluded.data', [dossierId, JSON.stringify(intake)]);
  }

  async searchInstitutions(q: string, limit: number): Promise<Institution[]> {
    const terms = words(q);
    const patterns = terms.map((t) => `%${likeEscape(t)}%`);
    const first = terms[0] ? likeEscape(terms[0]) : '';
    // Names that start with what was typed first, then names containing it, then the rest, each by name.
    const { rows } = await this.q.query<{ brin: string; naam: string; plaatsen: string[] }>(
      `SELECT brin, naam, plaatsen FROM institutions
       WHERE search_all LIKE ALL($1::text[])
       ORDER BY CASE WHEN $2 = '' THEN 2 WHEN search_naam LIKE $2 || '%' THEN 0 WHEN search_naam LIKE '%' || $2 || '%' THEN 1 ELSE 2 END, position
       LIMIT $3`,
      [patterns, first, limit],
    );
    return rows.map((r) => ({ brin: r.brin, naam: r.naam, plaatsen: r.plaatsen }));
  }

  async getInstitution(brin: string): Promise<Institution | undefined> {
    const { rows } = await this.q.query<{ brin: string; naam: string; plaatsen: string[] }>('SELECT brin, naam, plaatsen FROM institutions WHERE brin = $1', [brin]);
    return rows[0] && { brin: rows[0].brin, naam: rows[0].naam, plaatsen: rows[0].plaatsen };
  }

  async listLocations(brin: string): Promise<Location[]> {
    const { rows } = await this.q.query<Location>('SELECT code, naam, plaats FROM locations WHERE brin = $1 ORDER BY position', [brin]);
    return rows.map((r) => ({ code: r.code, naam: r.naam, plaats: r.plaats }));
  }

  async getProgramme(brin: string, id: string): Promise<Programme | undefined> {
    const { rows } = await this.q.query<{ data: Programme }>(`SELECT data FROM programmes WHERE brin = $1 AND data->>'id' = $2`, [brin, id]);
    return rows[0]?.data;
  }

  async searchProgrammes(brin: string, q: string, limit: number): Promise<Programme[]> {
    const terms = words(q);
    const patterns = terms.map((t) => `%${likeEscape(t)}%`);
    const first = terms[0] ? likeEscape(terms[0]) : '';
    const { rows } = await this.q.query<{ data: Programme }>(
      `SELECT data FROM programmes
       WHERE brin = $1 AND search_all LIKE ALL($2::text[])
       ORDER BY CASE WHEN $3 = '' THEN 2 WHEN data->>'crebo' LIKE $3 || '%' OR search_naam LIKE $3 || '%' THEN 0
                     WHEN search_naam LIKE '% ' || $3 || '%' THEN 1 ELSE 2 END, position
       LIMIT $4`,
      [brin, patterns, first, limit],
    );
    return rows.map((r) => r.data);
  }
}

/**
 * Two units that chained an entry onto the same one (both read the same head) violate
 * history_chain_links; the loser is run again from the start (db.ts retries SQLSTATE 40001), and
 * answers 409 should it lose three times.
 */
async function chainGuarded<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
    const message = error instanceof Error ? error.message : '';
    if (code === '23505' && (constraint === 'history_chain_links' || message.includes('history_chain_links'))) {
      throw Object.assign(new ServiceError(problems.staleVersion()), { code: '40001' });
    }
    throw error;
  }
}

/** A per-instance cache of rarely changing rows (config, rosters), so a save needs fewer round trips. */
class StoreCache {
  private readonly entries = new Map<string, Cached<unknown>>();
  /** Objects handed to every caller, by key, with the stored text they were made from. */
  private readonly sharedObjects = new Map<string, { text: string; value: unknown }>();
  constructor(private readonly ttlMs: number) {}
  /** The object made from `text` last time when the text is the same (its identity is what later caches key on), else a new one. */
  shared<T>(key: string, text: string, make: () => T): T {
    const known = this.sharedObjects.get(key);
    if (known?.text === text) return known.value as T;
    const value = make();
    this.sharedObjects.set(key, { text, value });
    return value;
  }
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value as T;
    const value = await load();
    if (this.ttlMs > 0) this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    return value;
  }
  clear() {
    this.entries.clear();
  }
  forget(key: string) {
    this.entries.delete(key);
  }
}

/**
 * Rows an instance listed, read-only (frozen), each with the row version it was read in (xmin,
 * and for a dossier also its version): a list hands out the cached object while the row is
 * unchanged, so neither the row nor what the service derives from the object (summaries.ts keeps
 * the completion count per object) is made again. At most `size` rows: the longest kept go first.
 * One class for the dossiers and the intake status rows.
 */
class RowVersionCache<Row extends object> {
  private readonly entries = new Map<string, { rowVersion: string; row: Row }>();
  constructor(private readonly size: number) {}
  get(id: string, rowVersion: string): Row | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.rowVersion !== rowVersion) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.row;
  }
  /** Keeps `row` (frozen) as `rowVersion` of `id`; returns the frozen object. */
  put(id: string, rowVersion: string, row: Row): Row {
    deepFreeze(row);
    if (this.size <= 0) return row;
    this.entries.delete(id);
    this.entries.set(id, { rowVersion, row });
    if (this.entries.size > this.size) {
      for (const key of this.entries.keys()) {
        this.entries.delete(key);
        if (this.entries.size <= this.size) break;
      }
    }
    return row;
  }
  clear() {
    this.entries.clear();
  }
}

/** What getDossier reads, as one instance keeps it: read-only, each part with the version a write checks. */
interface CachedRead {
  /** Read-only; or the JSON text this instance wrote (parsed by each unit that uses it: cheaper than parsing and freezing one shared copy). */
  dossier: Dossier | string;
  /** The row's xmin: changes with every write of the row, whatever wrote it. */
  xmin: string;
  /** The student's B1 (null: none). */
  b1: StoredBegeleiding | null;
  lastEntry: HistoryEntry | null;
  /** The id of that history entry ('0': none). */
  lastId: string;
}

/**
 * The dossiers an instance read or wrote last (getDossier's cache): at most `size`, the longest
 * kept go first. Never trusted on its own: every write checks what it was read from.
 */
class ReadCache {
  private readonly entries = new Map<string, CachedRead>();
  constructor(private readonly size: number) {}
  get(id: string): CachedRead | undefined {
    return this.entries.get(id);
  }
  put(id: string, read: CachedRead): void {
    if (this.size <= 0) return;
    this.entries.delete(id);
    this.entries.set(id, read);
    if (this.entries.size > this.size) {
      for (const key of this.entries.keys()) {
        this.entries.delete(key);
        if (this.entries.size <= this.size) break;
      }
    }
  }
  /** Forgets `id` (only if it is still `read`, when given: a newer unit may have replaced it already). */
  delete(id: string, read?: CachedRead): void {
    if (read === undefined || this.entries.get(id) === read) this.entries.delete(id);
  }
  clear() {
    this.entries.clear();
  }
}

/** A unit that decided on a cached read which turned out stale (or failed for any reason): it runs again reading the database. */
class StaleRead extends Error {
  /** Not an SQLSTATE db.ts retries: the store runs the unit again itself, with the attempts of a fresh one. */
  readonly code = 'doorstroom-stale-read';
  constructor(cause?: unknown) {
    super('A cached read was stale: the unit runs again reading the database.', { cause });
  }
}
const staleRead = () => new StaleRead();

/** A dossier row's version for the cache: the row's xmin and the dossier's own version. */
const dossierRowVersion = (xmin: string, version: number) => `${xmin}:${version}`;

export interface PgStore extends BackendStore {
  readonly db: Db;
  /** Forget cached config and rosters (after changing them in the database). */
  clearCache(): void;
}

export function createPgStore(db: Db, options: PgStoreOptions = {}): PgStore {
  const cache = new StoreCache(options.cacheMs ?? 5000);
  const dossiers = new RowVersionCache<Dossier>(options.listCacheSize ?? 20_000);
  const intakes = new RowVersionCache<Intake>(options.listCacheSize ?? 20_000);
  const reads = new ReadCache(options.readCacheSize ?? 10_000);
  /** One unit; `trustReads`: getDossier may answer from the instance's cache (checked by the unit's write). */
  const run = async <T>(work: (tx: StoreTx) => Promise<T>, trustReads: boolean): Promise<T> => {
    let done: PgTx | undefined;
    const result = await db.session(async (q) => {
      const tx = new PgTx(q, cache, dossiers, intakes, reads, trustReads);
      try {
        const value = await work(tx);
        await tx.finish();
        done = tx;
        return value;
      } catch (error) {
        if (!tx.usedCache) throw error;
        // Decided on a cached read: whatever went wrong (a 409, a refusal, a write that found the
        // cache stale) is decided again on what the database holds.
        tx.forgetCachedReads();
        throw error instanceof StaleRead ? error : new StaleRead(error);
      }
    });
    done?.publish();
    return result;
  };
  return {
    db,
    transaction: async (work) => {
      try {
        return await run(work, true);
      } catch (error) {
        if (!(error instanceof StaleRead)) throw error;
        return run(work, false);
      }
    },
    clearCache: () => {
      cache.clear();
      dossiers.clear();
      intakes.clear();
      reads.clear();
    },
  };
}
