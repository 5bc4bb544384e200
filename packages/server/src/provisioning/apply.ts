/**
 * Applies a checked provisioning document to the database in ONE transaction: idempotent upserts
 * keyed on stable ids, leavers deactivated (never deleted: their dossiers stay), and every open
 * dossier of a student whose registration changed following it (the SDK's `followRegistration`).
 * Every problem with the database's current state (an unknown school, a login someone else has,
 * a mentor of a klas the school does not have, …) is collected first; with any, nothing is
 * written. A dry run does everything and then rolls back, so its report is exactly what the real
 * import would do.
 */
import type { Db, Queryable } from '../db.js';
import { dossierColumns, dossierColumnTypes } from '../pg-store.js';
import {
  followRegistration,
  foldForSearch,
  type Dossier,
  type ImportChange,
  type ImportCounts,
  type ImportReport,
  type ProvisioningDocument,
  type ProvisioningKind,
  type RegionConfig,
  type StoredStudent,
} from '../sdk.js';
import { normalizeLogin } from '../identity.js';
import { ImportRefused, type ImportIssue } from './issues.js';

/** Arbitrary, fixed: imports run one after another. */
export const provisioningLockKey = 7_310_423;
const maxChangesListed = 5000;

export interface ApplyOptions {
  dryRun?: boolean;
  now?: () => Date;
  /** `students.3` → the CSV line (for messages). */
  lines?: ReadonlyMap<string, number>;
}

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

type PersonRole = 'student' | 'guardian' | 'mentor' | 'decaan' | 'mbo' | 'beheerder';
const roleNames: Record<PersonRole, string> = { student: 'leerling', guardian: 'ouder', mentor: 'mentor', decaan: 'decaan', mbo: 'mbo-medewerker', beheerder: 'beheerder' };

/** Inserts or updates many rows in one statement: `rows` travel as one JSON array. */
async function upsertAll(tx: Queryable, table: string, columns: Record<string, string>, key: string[], rows: ReadonlyArray<object>) {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const definition = names.map((name) => `${name} ${columns[name]}`).join(', ');
  const updates = names.filter((n) => !key.includes(n)).map((n) => `${n} = excluded.${n}`);
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${definition})
     ON CONFLICT (${key.join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
    [JSON.stringify(rows)],
  );
}

/**
 * Rows read through jsonb, so text compares exactly as stored (PGlite drops a byte order mark at
 * the start of a plain text value, which would make such a name look changed on every import).
 */
async function readRows<Row>(tx: Queryable, sql: string, params: ReadonlyArray<unknown>): Promise<Row[]> {
  const { rows } = await tx.query<{ j: Row }>(`SELECT to_jsonb(r) AS j FROM (${sql}) r`, params);
  return rows.map((row) => row.j);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedKeys = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Keeps the counts and the list of changes of one import. */
class Report {
  readonly counts = {} as Record<ProvisioningKind, ImportCounts>;
  readonly changes: ImportChange[] = [];
  omitted = 0;
  readonly warnings: ImportReport['warnings'] = [];
  followed = 0;
  consentReset = 0;

  constructor(private readonly lines: ReadonlyMap<string, number> | undefined) {}

  private bump(kind: ProvisioningKind, what: keyof ImportCounts) {
    (this.counts[kind] ??= { created: 0, updated: 0, unchanged: 0, deactivated: 0, reactivated: 0 })[what]++;
  }

  /** Compares before and after (both normalised, with `active`); returns whether anything changed. */
  record(kind: ProvisioningKind, id: string, before: Record<string, unknown> | undefined, after: Record<string, unknown>, source?: string): boolean {
    const line = source ? this.lines?.get(source) : undefined;
    let change: ImportChange['change'] | undefined;
    let fields: string[] | undefined;
    if (!before) change = 'created';
    else {
      fields = Object.keys({ ...before, ...after })
        .filter((k) => k !== 'active' && !same(before[k], after[k]))
        .sort();
      if (before['active'] === false && after['active'] !== false) change = 'reactivated';
      else if (before['active'] !== false && after['active'] === false) change = 'deactivated';
      else if (fields.length > 0) change = 'updated';
    }
    if (!change) {
      this.bump(kind, 'unchanged');
      return false;
    }
    this.bump(kind, change);
    if (this.changes.length < maxChangesListed) {
      this.changes.push({ kind, id, change, ...(fields && fields.length ? { fields } : {}), ...(line !== undefined ? { line } : {}) });
    } else this.omitted++;
    return true;
  }

  build(dryRun: boolean): ImportReport {
    return { dryRun, counts: this.counts, changes: this.changes, changesOmitted: this.omitted, dossiers: { followed: this.followed, consentReset: this.consentReset }, warnings: this.warnings };
  }
}

interface SchoolRow {
  id: string;
  naam: string;
  plaats: string | null;
  brin: string | null;
  mentor_roster: boolean;
  active: boolean;
}
interface MentorRow {
  mentor_id: string;
  school_id: string;
  position: number;
  naam: string;
  email: string;
  klassen: string[];
  decaan: boolean;
  active: boolean;
}
interface StudentRow {
  id: string;
  data: StoredStudent;
  active: boolean;
}

/** The registration facts a dossier shows: a change of one of these makes open dossiers follow. */
const registrationFields = ['naam', 'bsn', 'onderwijsnummer', 'geboortedatum', 'schoolId', 'klas', 'leerjaar'] as const;

const normalStudent = (s: StoredStudent, login: string | null, active: boolean) =>
  sortedKeys({
    naam: s.naam,
    email: s.email,
    bsn: s.bsn,
    onderwijsnummer: s.onderwijsnummer,
    geboortedatum: s.geboortedatum,
    schoolId: s.schoolId,
    klas: s.klas,
    leerjaar: s.leerjaar,
    taal: s.taal,
    guardianIds: [...s.guardianIds].sort(),
    login,
    active,
  });

export async function applyDocument(db: Db, document: ProvisioningDocument, options: ApplyOptions = {}): Promise<ImportReport> {
  const now = options.now ?? (() => new Date());
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [provisioningLockKey]);
      const report = await applyIn(tx, document, options.lines, now().toISOString());
      if (options.dryRun) throw new DryRunRollback(report.build(true));
      return report.build(false);
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

async function applyIn(tx: Queryable, doc: ProvisioningDocument, lines: ReadonlyMap<string, number> | undefined, at: string): Promise<Report> {
  const report = new Report(lines);
  const issues: ImportIssue[] = [];
  const issue = (path: string, message: string) => {
    const [kind, index] = path.split('.');
    const line = lines?.get(`${kind}.${index}`);
    issues.push({ path, message, ...(line !== undefined ? { line } : {}) });
  };

  const students = doc.students ?? [];
  const mentors = doc.mentors ?? [];
  const decanen = doc.decanen ?? [];
  const guardians = doc.guardians ?? [];
  const mboStaff = doc.mboStaff ?? [];
  const beheerders = doc.beheerders ?? [];
  const complete = doc.complete ?? {};

  // --- what the database holds now, for everything this document touches -------------------------
  const people: { id: string; role: PersonRole; login: string | null; sources: string }[] = [
    ...students.map((p, i) => ({ id: p.id, role: 'student' as const, login: p.login ?? p.email, sources: `students.${i}` })),
    ...mentors.map((p, i) => ({ id: p.id, role: 'mentor' as const, login: p.login ?? p.email, sources: `mentors.${i}` })),
    ...decanen.map((p, i) => ({ id: p.id, role: 'decaan' as const, login: p.login ?? p.email, sources: `decanen.${i}` })),
    ...guardians.map((p, i) => ({ id: p.id, role: 'guardian' as const, login: p.login ?? p.email ?? null, sources: `guardians.${i}` })),
    ...mboStaff.map((p, i) => ({ id: p.id, role: 'mbo' as const, login: p.login ?? p.email ?? null, sources: `mboStaff.${i}` })),
    ...beheerders.map((p, i) => ({ id: p.id, role: 'beheerder' as const, login: p.login ?? p.email ?? null, sources: `beheerders.${i}` })),
  ].map((p) => ({ ...p, login: p.login === null ? null : normalizeLogin(p.login) }));
  const personIds = people.map((p) => p.id);
  const personInDoc = new Map(people.map((p) => [p.id, p]));
  const docLogin = (id: string) => personInDoc.get(id)!.login;
  const logins = people.flatMap((p) => (p.login ? [p.login] : []));
  const knownPeople = await readRows<{ id: string; role: PersonRole; login: string | null; active: boolean }>(
    tx,
    'SELECT id, role, login, active FROM people WHERE id = ANY($1::text[]) OR login = ANY($2::text[])',
    [personIds, logins],
  );
  const personById = new Map(knownPeople.map((p) => [p.id, p]));
  const docIds = new Set(personIds);
  const loginOwner = new Map<string, string>();
  for (const p of knownPeople) if (p.login && !docIds.has(p.id)) loginOwner.set(p.login, p.id);
  for (const p of people) {
    const known = personById.get(p.id);
    const sameTable = (a: PersonRole, b: PersonRole) => a === b || ((a === 'mentor' || a === 'decaan') && (b === 'mentor' || b === 'decaan'));
    if (known && !sameTable(known.role, p.role)) issue(`${p.sources}.id`, `Id ${p.id} hoort al bij een ${roleNames[known.role]}. Gebruik een ander id.`);
    if (!p.login) continue;
    const owner = loginOwner.get(p.login);
    if (owner && owner !== p.id) issue(`${p.sources}.login`, `Deze login (of dit e-mailadres) hoort al bij iemand anders (id ${owner}). Geef een eigen login op.`);
    else loginOwner.set(p.login, p.id);
  }

  // Schools: those in the document, and those the records refer to.
  const schoolIds = new Set<string>([
    ...(doc.schools ?? []).map((s) => s.id),
    ...(doc.klassen ?? []).map((k) => k.schoolId),
    ...students.flatMap((s) => (s.schoolId ? [s.schoolId] : [])),
    ...mentors.map((m) => m.schoolId),
    ...decanen.map((d) => d.schoolId),
    ...(complete.students ?? []),
    ...(complete.staff ?? []),
  ]);
  const schoolRows = await readRows<SchoolRow>(tx, 'SELECT id, naam, plaats, brin, mentor_roster, active FROM schools WHERE id = ANY($1::text[])', [[...schoolIds]]);
  const schoolsNow = new Map(schoolRows.map((s) => [s.id, s]));
  const schoolExists = (id: string) => schoolsNow.has(id) || (doc.schools ?? []).some((s) => s.id === id);
  students.forEach(
    (s, i) => s.schoolId && !schoolExists(s.schoolId) && issue(`students.${i}.schoolId`, `School ${s.schoolId} bestaat niet. Voeg de school eerst toe (of zet hem in hetzelfde bestand).`),
  );
  mentors.forEach((m, i) => !schoolExists(m.schoolId) && issue(`mentors.${i}.schoolId`, `School ${m.schoolId} bestaat niet. Voeg de school eerst toe.`));
  decanen.forEach((d, i) => !schoolExists(d.schoolId) && issue(`decanen.${i}.schoolId`, `School ${d.schoolId} bestaat niet. Voeg de school eerst toe.`));
  (doc.klassen ?? []).forEach((k, i) => !schoolExists(k.schoolId) && issue(`klassen.${i}.schoolId`, `School ${k.schoolId} bestaat niet.`));
  (complete.students ?? []).forEach((id, i) => !schoolExists(id) && issue(`complete.students.${i}`, `School ${id} bestaat niet.`));
  (complete.staff ?? []).forEach((id, i) => !schoolExists(id) && issue(`complete.staff.${i}`, `School ${id} bestaat niet.`));

  // Klassen: the school's, those listed, and those its students are in (a new klas appears with its first student).
  const klasRows = await readRows<{ school_id: string; code: string; leerjaar: number | null; active: boolean }>(
    tx,
    'SELECT school_id, code, leerjaar, active FROM klassen WHERE school_id = ANY($1::text[])',
    [[...schoolIds]],
  );
  const klasKey = (schoolId: string, code: string) => `${schoolId}/${code.trim().toLowerCase()}`;
  const klassenNow = new Map(klasRows.map((k) => [klasKey(k.school_id, k.code), k]));
  const klassenAfter = new Set([
    ...klassenNow.keys(),
    ...(doc.klassen ?? []).map((k) => klasKey(k.schoolId, k.code)),
    ...students.flatMap((s) => (s.schoolId && s.klas ? [klasKey(s.schoolId, s.klas)] : [])),
  ]);
  mentors.forEach((m, i) => {
    const unknown = m.klassen.filter((k) => !klassenAfter.has(klasKey(m.schoolId, k)));
    if (unknown.length) issue(`mentors.${i}.klassen`, `School ${m.schoolId} heeft geen klas ${unknown.join(', ')}. Importeer eerst de leerlingen (of de klassen), of verbeter de klas.`);
  });

  // Students, and whoever they are linked to.
  const guardianIdsInDoc = guardians.map((g) => g.id);
  const linkedStudentIds = [...new Set(guardians.flatMap((g) => g.studentIds ?? []))];
  const studentRows = await readRows<StudentRow>(
    tx,
    `SELECT id, data, active FROM students
     WHERE id = ANY($1::text[]) OR (school_id = ANY($2::text[]) AND active) OR data->'guardianIds' ?| $3::text[]`,
    [[...students.map((s) => s.id), ...linkedStudentIds], complete.students ?? [], guardianIdsInDoc],
  );
  const studentsNow = new Map(studentRows.map((s) => [s.id, s]));
  const inDocStudents = new Map(students.map((s, i) => [s.id, { record: s, index: i }]));
  guardians.forEach((g, i) =>
    (g.studentIds ?? []).forEach((sid, j) => {
      if (!inDocStudents.has(sid) && !studentsNow.has(sid)) issue(`guardians.${i}.studentIds.${j}`, `Leerling ${sid} bestaat niet.`);
    }),
  );
  const guardianRows = await readRows<{ id: string; naam: string; email: string | null; relatie: string | null; taal: string | null; active: boolean }>(
    tx,
    'SELECT id, naam, email, relatie, taal, active FROM guardians WHERE id = ANY($1::text[])',
    [[...guardianIdsInDoc, ...students.flatMap((s) => s.guardianIds ?? [])]],
  );
  const guardiansNow = new Map(guardianRows.map((g) => [g.id, g]));
  students.forEach((s, i) =>
    (s.guardianIds ?? []).forEach((gid, j) => {
      if (!guardiansNow.has(gid) && !guardianIdsInDoc.includes(gid)) issue(`students.${i}.guardianIds.${j}`, `Ouder ${gid} bestaat niet. Zet de ouder in hetzelfde bestand.`);
    }),
  );
  // Both sides of a link in one document must agree.
  for (const [i, g] of guardians.entries()) {
    if (!g.studentIds) continue;
    for (const s of students) {
      if (!s.guardianIds) continue;
      if (s.guardianIds.includes(g.id) !== g.studentIds.includes(s.id))
        issue(`guardians.${i}.studentIds`, `Ouder ${g.id} en leerling ${s.id} zeggen iets anders over elkaar. Noem de koppeling aan beide kanten, of aan één kant.`);
    }
  }

  // Staff of the schools, and MBO staff.
  const staffIds = [...mentors.map((m) => m.id), ...decanen.map((d) => d.id)];
  const mentorRows = await readRows<MentorRow>(
    tx,
    'SELECT mentor_id, school_id, position, naam, email, klassen, decaan, active FROM mentors WHERE mentor_id = ANY($1::text[]) OR school_id = ANY($2::text[])',
    [staffIds, [...schoolIds]],
  );
  const mentorsNow = new Map(mentorRows.map((m) => [m.mentor_id, m]));
  const brins = [...new Set([...mboStaff.map((m) => m.brin), ...(complete.mboStaff ?? [])])];
  const staffRows = await readRows<{ id: string; brin: string; naam: string; email: string | null; active: boolean }>(
    tx,
    'SELECT id, brin, naam, email, active FROM mbo_staff WHERE id = ANY($1::text[]) OR (brin = ANY($2::text[]) AND active)',
    [mboStaff.map((m) => m.id), complete.mboStaff ?? []],
  );
  const mboNow = new Map(staffRows.map((s) => [s.id, s]));
  const { rows: institutionRows } = await tx.query<{ brin: string }>('SELECT brin FROM institutions WHERE brin = ANY($1::text[])', [brins]);
  const brinKnown = new Set([...institutionRows.map((r) => r.brin), ...(doc.catalog?.institutions ?? []).map((i) => i.brin)]);
  mboStaff.forEach((m, i) => !brinKnown.has(m.brin) && issue(`mboStaff.${i}.brin`, `Instelling ${m.brin} staat niet in de catalogus. Importeer eerst de catalogus.`));
  const beheerderRows = await readRows<{ id: string; naam: string; email: string | null; active: boolean }>(tx, 'SELECT id, naam, email, active FROM beheerders WHERE id = ANY($1::text[])', [
    beheerders.map((b) => b.id),
  ]);
  const beheerdersNow = new Map(beheerderRows.map((b) => [b.id, b]));

  if (issues.length > 0) throw new ImportRefused(issues);

  // --- writes ---------------------------------------------------------------------------------
  const loginNow = (id: string) => personById.get(id)?.login ?? null;

  if (doc.config) await applyConfig(tx, doc.config, report);
  if (doc.catalog) await applyCatalog(tx, doc.catalog.institutions, report);

  // Schools.
  const schoolWrites = (doc.schools ?? []).flatMap((s, i) => {
    const before = schoolsNow.get(s.id);
    const after = { id: s.id, naam: s.naam, plaats: s.plaats ?? null, brin: s.brin ?? null, mentor_roster: s.mentorRoster, active: s.active ?? true };
    const normal = (row: Omit<SchoolRow, 'id'>) => sortedKeys({ naam: row.naam, plaats: row.plaats ?? undefined, brin: row.brin ?? undefined, mentorRoster: row.mentor_roster, active: row.active });
    return report.record('schools', s.id, before && normal(before), normal(after), `schools.${i}`) ? [after] : [];
  });
  await upsertAll(tx, 'schools', { id: 'text', naam: 'text', plaats: 'text', brin: 'text', mentor_roster: 'boolean', active: 'boolean' }, ['id'], schoolWrites);

  // Klassen: listed ones, then those new students bring along.
  const klasWrites = new Map<string, { school_id: string; code: string; leerjaar: number | null; active: boolean }>();
  (doc.klassen ?? []).forEach((k, i) => {
    const key = klasKey(k.schoolId, k.code);
    const before = klassenNow.get(key);
    const after = { school_id: k.schoolId, code: before?.code ?? k.code, leerjaar: k.leerjaar ?? null, active: k.active ?? true };
    if (
      report.record(
        'klassen',
        `${k.schoolId}/${after.code}`,
        before && sortedKeys({ leerjaar: before.leerjaar, active: before.active }),
        sortedKeys({ leerjaar: after.leerjaar, active: after.active }),
        `klassen.${i}`,
      )
    )
      klasWrites.set(key, after);
  });
  students.forEach((s, i) => {
    if (!s.schoolId || !s.klas) return;
    const key = klasKey(s.schoolId, s.klas);
    const before = klassenNow.get(key);
    if (klasWrites.has(key) || (doc.klassen ?? []).some((k) => klasKey(k.schoolId, k.code) === key)) return;
    if (before && before.active) return;
    const after = { school_id: s.schoolId, code: before?.code ?? s.klas, leerjaar: before?.leerjaar ?? s.leerjaar ?? null, active: true };
    report.record(
      'klassen',
      `${s.schoolId}/${after.code}`,
      before && sortedKeys({ leerjaar: before.leerjaar, active: before.active }),
      sortedKeys({ leerjaar: after.leerjaar, active: true }),
      `students.${i}`,
    );
    klasWrites.set(key, after);
  });
  await upsertAll(tx, 'klassen', { school_id: 'text', code: 'text', leerjaar: 'integer', active: 'boolean' }, ['school_id', 'code'], [...klasWrites.values()]);

  // Guardians (before the students that point at them).
  const guardianWrites = guardians.flatMap((g, i) => {
    const before = guardiansNow.get(g.id);
    const login = docLogin(g.id);
    // Like a student's: a record without taal keeps the language registered before.
    const after = { id: g.id, naam: g.naam, email: g.email ?? null, relatie: g.relatie as string | null, taal: g.taal ?? before?.taal ?? null, active: g.active ?? true };
    const normal = (row: typeof after, rowLogin: string | null) =>
      sortedKeys({ naam: row.naam, email: row.email ?? undefined, relatie: row.relatie ?? undefined, taal: row.taal ?? undefined, login: rowLogin, active: row.active });
    return report.record('guardians', g.id, before && normal(before, loginNow(g.id)), normal(after, login), `guardians.${i}`) ? [after] : [];
  });
  await upsertAll(tx, 'guardians', { id: 'text', naam: 'text', email: 'text', relatie: 'text', taal: 'text', active: 'boolean' }, ['id'], guardianWrites);

  // Students: the registration, the guardian links from both sides, leavers.
  const nextStudents = new Map<string, { student: StoredStudent; active: boolean; source?: string; inDoc: boolean }>();
  for (const [id, row] of studentsNow) nextStudents.set(id, { student: structuredClone(row.data), active: row.active, inDoc: false });
  students.forEach((s, i) => {
    const current = studentsNow.get(s.id)?.data;
    const student: StoredStudent = {
      id: s.id,
      naam: s.naam,
      email: s.email,
      ...(s.bsn ? { bsn: s.bsn } : {}),
      ...(s.onderwijsnummer ? { onderwijsnummer: s.onderwijsnummer } : {}),
      ...(s.geboortedatum ? { geboortedatum: s.geboortedatum } : {}),
      schoolId: s.schoolId,
      ...(s.klas ? { klas: s.klas } : {}),
      ...(s.leerjaar ? { leerjaar: s.leerjaar } : {}),
      guardianIds: s.guardianIds ?? current?.guardianIds ?? [],
      ...((s.taal ?? current?.taal) ? { taal: (s.taal ?? current?.taal)! } : {}),
    };
    nextStudents.set(s.id, { student, active: s.active ?? true, source: `students.${i}`, inDoc: true });
  });
  for (const g of guardians) {
    if (!g.studentIds) continue;
    for (const entry of nextStudents.values()) {
      const linked = entry.student.guardianIds.includes(g.id);
      const wanted = g.studentIds.includes(entry.student.id);
      if (linked && !wanted) entry.student.guardianIds = entry.student.guardianIds.filter((id) => id !== g.id);
      if (!linked && wanted) entry.student.guardianIds = [...entry.student.guardianIds, g.id];
    }
  }
  const leaverSchools = new Set(complete.students ?? []);
  for (const entry of nextStudents.values()) {
    if (!entry.inDoc && entry.active && entry.student.schoolId !== null && leaverSchools.has(entry.student.schoolId)) entry.active = false;
  }
  const studentWrites: { id: string; school_id: string | null; data: StoredStudent; active: boolean }[] = [];
  const registrationChanged: StoredStudent[] = [];
  const leavers: string[] = [];
  for (const [id, entry] of nextStudents) {
    const before = studentsNow.get(id);
    const login = entry.inDoc ? docLogin(id) : loginNow(id);
    const beforeNormal = before && normalStudent(before.data, loginNow(id), before.active);
    const afterNormal = normalStudent(entry.student, login, entry.active);
    // Students read only to check links or leavers are reported when they change, not as unchanged.
    if (!entry.inDoc && same(beforeNormal, afterNormal)) continue;
    const changed = report.record('students', id, beforeNormal, afterNormal, entry.source);
    if (!changed) continue;
    studentWrites.push({ id, school_id: entry.student.schoolId, data: entry.student, active: entry.active });
    if (before && registrationFields.some((field) => !same(before.data[field], entry.student[field]))) registrationChanged.push(entry.student);
    if (before?.active && !entry.active) leavers.push(id);
  }
  await upsertAll(tx, 'students', { id: 'text', school_id: 'text', data: 'jsonb', active: 'boolean' }, ['id'], studentWrites);

  // Mentors and decanen: one table, ordered per school.
  const { rows: positions } = await tx.query<{ school_id: string; last: number }>('SELECT school_id, max(position)::int AS last FROM mentors WHERE school_id = ANY($1::text[]) GROUP BY school_id', [
    [...schoolIds],
  ]);
  const nextPosition = new Map(positions.map((p) => [p.school_id, Number(p.last) + 1]));
  const staffWrites: MentorRow[] = [];
  const staffRecords = [
    ...mentors.map((m, i) => ({ ...m, decaan: false, kind: 'mentors' as const, source: `mentors.${i}` })),
    ...decanen.map((d, i) => ({ ...d, klassen: [] as string[], decaan: true, kind: 'decanen' as const, source: `decanen.${i}` })),
  ];
  const normalStaff = (row: Omit<MentorRow, 'mentor_id' | 'position'>, login: string | null) =>
    sortedKeys({ schoolId: row.school_id, naam: row.naam, email: row.email, klassen: row.klassen, decaan: row.decaan, login, active: row.active });
  for (const m of staffRecords) {
    const before = mentorsNow.get(m.id);
    let position = before && before.school_id === m.schoolId ? before.position : undefined;
    if (position === undefined) {
      position = nextPosition.get(m.schoolId) ?? 0;
      nextPosition.set(m.schoolId, position + 1);
    }
    const after: MentorRow = { mentor_id: m.id, school_id: m.schoolId, position, naam: m.naam, email: m.email, klassen: m.klassen, decaan: m.decaan, active: m.active ?? true };
    const login = docLogin(m.id);
    if (report.record(m.kind, m.id, before && normalStaff(before, loginNow(m.id)), normalStaff(after, login), m.source)) staffWrites.push(after);
  }
  const staffInDoc = new Set(staffRecords.map((m) => m.id));
  const staffLeavers: string[] = [];
  for (const row of mentorsNow.values()) {
    if (staffInDoc.has(row.mentor_id) || !row.active || !(complete.staff ?? []).includes(row.school_id)) continue;
    report.record(row.decaan ? 'decanen' : 'mentors', row.mentor_id, normalStaff(row, loginNow(row.mentor_id)), normalStaff({ ...row, active: false }, loginNow(row.mentor_id)));
    staffWrites.push({ ...row, active: false });
    staffLeavers.push(row.mentor_id);
  }
  await upsertAll(
    tx,
    'mentors',
    { mentor_id: 'text', school_id: 'text', position: 'integer', naam: 'text', email: 'text', klassen: 'jsonb', decaan: 'boolean', active: 'boolean' },
    ['mentor_id'],
    staffWrites,
  );

  // MBO staff and beheerders.
  const mboWrites = mboStaff.flatMap((m, i) => {
    const before = mboNow.get(m.id);
    const after = { id: m.id, brin: m.brin, naam: m.naam, email: m.email ?? null, active: m.active ?? true };
    const normal = (row: typeof after, login: string | null) => sortedKeys({ brin: row.brin, naam: row.naam, email: row.email ?? undefined, login, active: row.active });
    return report.record('mboStaff', m.id, before && normal(before, loginNow(m.id)), normal(after, docLogin(m.id)), `mboStaff.${i}`) ? [after] : [];
  });
  const mboInDoc = new Set(mboStaff.map((m) => m.id));
  const mboLeavers: string[] = [];
  for (const row of mboNow.values()) {
    if (mboInDoc.has(row.id) || !row.active || !(complete.mboStaff ?? []).includes(row.brin)) continue;
    const normal = (active: boolean) => sortedKeys({ brin: row.brin, naam: row.naam, email: row.email ?? undefined, login: loginNow(row.id), active });
    report.record('mboStaff', row.id, normal(true), normal(false));
    mboWrites.push({ ...row, active: false });
    mboLeavers.push(row.id);
  }
  await upsertAll(tx, 'mbo_staff', { id: 'text', brin: 'text', naam: 'text', email: 'text', active: 'boolean' }, ['id'], mboWrites);
  const beheerderWrites = beheerders.flatMap((b, i) => {
    const before = beheerdersNow.get(b.id);
    const after = { id: b.id, naam: b.naam, email: b.email ?? null, active: b.active ?? true };
    const normal = (row: typeof after, login: string | null) => sortedKeys({ naam: row.naam, email: row.email ?? undefined, login, active: row.active });
    return report.record('beheerders', b.id, before && normal(before, loginNow(b.id)), normal(after, docLogin(b.id)), `beheerders.${i}`) ? [after] : [];
  });
  await upsertAll(tx, 'beheerders', { id: 'text', naam: 'text', email: 'text', active: 'boolean' }, ['id'], beheerderWrites);

  // The registry of people: ids, roles, logins, who may sign in. Logins that move go first, so no two rows hold one for a moment.
  const activeById = new Map<string, boolean>([...mentors, ...decanen, ...guardians, ...mboStaff, ...beheerders].map((r) => [r.id, r.active ?? true]));
  const activeOf = (p: (typeof people)[number]) => (p.role === 'student' ? nextStudents.get(p.id)!.active : (activeById.get(p.id) ?? true));
  const peopleWrites = people
    .map((p) => ({ id: p.id, role: p.role, login: p.login, active: activeOf(p) }))
    .filter((p) => {
      const known = personById.get(p.id);
      return !known || known.role !== p.role || known.login !== p.login || known.active !== p.active;
    });
  const movedLogins = peopleWrites.filter((p) => personById.has(p.id)).map((p) => p.id);
  if (movedLogins.length) await tx.query('UPDATE people SET login = NULL WHERE id = ANY($1::text[])', [movedLogins]);
  await upsertAll(tx, 'people', { id: 'text', role: 'text', login: 'text', active: 'boolean' }, ['id'], peopleWrites);
  const deactivated = [...leavers, ...staffLeavers, ...mboLeavers];
  if (deactivated.length) await tx.query('UPDATE people SET active = false WHERE id = ANY($1::text[])', [deactivated]);

  // Leavers keep their dossiers; the beheerder hears about those still open.
  if (leavers.length) {
    const { rows: open } = await tx.query<{ student_id: string; status: string }>(
      `SELECT student_id, status FROM dossiers WHERE student_id = ANY($1::text[]) AND status <> 'afgerond' AND NOT archived ORDER BY student_id`,
      [leavers],
    );
    for (const row of open) {
      report.warnings.push({
        id: row.student_id,
        message: `Leerling ${row.student_id} staat niet meer in de export en kan niet meer inloggen, maar heeft nog een open dossier (${row.status}). Het dossier blijft bewaard.`,
      });
    }
  }

  // Open dossiers follow a changed registration.
  if (registrationChanged.length) await followRegistrations(tx, registrationChanged, at, report);
  return report;
}

async function followRegistrations(tx: Queryable, changed: StoredStudent[], at: string, report: Report): Promise<void> {
  const byId = new Map(changed.map((s) => [s.id, s]));
  const { rows } = await tx.query<{ data: Dossier }>(`SELECT data FROM dossiers WHERE student_id = ANY($1::text[]) AND status <> 'afgerond' ORDER BY id FOR UPDATE`, [[...byId.keys()]]);
  const dossiers: Record<string, unknown>[] = [];
  const history: { dossier_id: string; entry: unknown }[] = [];
  for (const { data } of rows) {
    const followed = followRegistration(data, byId.get(data.student.id)!, at);
    if (!followed) continue;
    report.followed++;
    if (followed.consentReset) report.consentReset++;
    dossiers.push(dossierColumns(followed.dossier));
    for (const entry of followed.entries) history.push({ dossier_id: data.id, entry });
  }
  await upsertAll(tx, 'dossiers', dossierColumnTypes, ['id'], dossiers);
  if (history.length) {
    await tx.query('INSERT INTO history (dossier_id, entry) SELECT dossier_id, entry FROM jsonb_to_recordset($1::jsonb) AS r(dossier_id text, entry jsonb)', [JSON.stringify(history)]);
  }
}

async function applyConfig(tx: Queryable, config: RegionConfig, report: Report) {
  const { rows } = await tx.query<{ data: RegionConfig }>('SELECT data FROM config WHERE id = 1');
  const before = rows[0]?.data;
  if (!report.record('config', 'config', before && { data: sortedDeep(before) }, { data: sortedDeep(config) })) return;
  await tx.query('INSERT INTO config (id, data) VALUES (1, $1::jsonb) ON CONFLICT (id) DO UPDATE SET data = excluded.data', [JSON.stringify(config)]);
}

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortedDeep(v)]),
    );
  return value;
}

type CatalogInstitution = NonNullable<ProvisioningDocument['catalog']>['institutions'][number];

async function applyCatalog(tx: Queryable, institutions: ReadonlyArray<CatalogInstitution>, report: Report) {
  const brins = institutions.map((i) => i.brin);
  const { rows: current } = await tx.query<{ brin: string; position: number; naam: string }>('SELECT brin, position, naam FROM institutions WHERE brin = ANY($1::text[])', [brins]);
  const { rows: last } = await tx.query<{ last: number | null }>('SELECT max(position)::int AS last FROM institutions');
  let next = (last[0]?.last ?? -1) + 1;
  const { rows: locations } = await tx.query<{ brin: string; code: string; naam: string; plaats: string }>(
    'SELECT brin, code, naam, plaats FROM locations WHERE brin = ANY($1::text[]) ORDER BY brin, position',
    [brins],
  );
  const { rows: programmes } = await tx.query<{ brin: string; data: unknown }>('SELECT brin, data FROM programmes WHERE brin = ANY($1::text[]) ORDER BY brin, position', [brins]);
  const byBrin = new Map(current.map((c) => [c.brin, c]));
  const changed: CatalogInstitution[] = [];
  const positions = new Map<string, number>();
  institutions.forEach((inst, i) => {
    const before = byBrin.get(inst.brin);
    const snapshot = (naam: string, locs: unknown[], progs: unknown[]) => ({ naam, locaties: sortedDeep(locs), opleidingen: sortedDeep(progs) });
    const beforeSnapshot =
      before &&
      snapshot(
        before.naam,
        locations.filter((l) => l.brin === inst.brin).map(({ code, naam, plaats }) => ({ code, naam, plaats })),
        programmes.filter((p) => p.brin === inst.brin).map((p) => p.data),
      );
    if (report.record('catalog', inst.brin, beforeSnapshot, snapshot(inst.naam, inst.locaties, inst.opleidingen), `catalog.institutions.${i}`)) changed.push(inst);
    positions.set(inst.brin, before ? before.position : next++);
  });
  if (changed.length === 0) return;
  const changedBrins = changed.map((c) => c.brin);
  await tx.query('DELETE FROM programmes WHERE brin = ANY($1::text[])', [changedBrins]);
  await tx.query('DELETE FROM locations WHERE brin = ANY($1::text[])', [changedBrins]);
  await upsertAll(
    tx,
    'institutions',
    { brin: 'text', position: 'integer', naam: 'text', plaatsen: 'jsonb', search_naam: 'text', search_all: 'text' },
    ['brin'],
    changed.map((inst) => {
      const plaatsen = [...new Set(inst.locaties.map((l) => l.plaats))];
      return { brin: inst.brin, position: positions.get(inst.brin)!, naam: inst.naam, plaatsen, search_naam: foldForSearch(inst.naam), search_all: foldForSearch([inst.naam, ...plaatsen].join(' ')) };
    }),
  );
  await upsertAll(
    tx,
    'locations',
    { brin: 'text', position: 'integer', code: 'text', naam: 'text', plaats: 'text' },
    ['brin', 'position'],
    changed.flatMap((inst) => inst.locaties.map((l, position) => ({ brin: inst.brin, position, code: l.code, naam: l.naam, plaats: l.plaats }))),
  );
  await upsertAll(
    tx,
    'programmes',
    { brin: 'text', position: 'integer', data: 'jsonb', search_naam: 'text', search_all: 'text' },
    ['brin', 'position'],
    changed.flatMap((inst) => inst.opleidingen.map((p, position) => ({ brin: inst.brin, position, data: p, search_naam: foldForSearch(p.naam), search_all: `${foldForSearch(p.naam)} ${p.crebo}` }))),
  );
}
