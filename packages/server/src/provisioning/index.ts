/**
 * Provisioning as the admin API and the CLI use it: a JSON document or a CSV export in, checked
 * (shape, then against the database), applied in one transaction, a report out. Plus the reads a
 * beheerder needs: a summary, the schools, one person.
 */
import type { Db } from '../db.js';
import type { AdminPerson, AdminSchool, AdminSummary, ImportReport } from '../sdk.js';
import { applyDocument } from './apply.js';
import { checkDocument } from './check.js';
import { ImportRefused } from './issues.js';
import { documentFromCsv, type CsvImportOptions } from './sis.js';

export { ImportRefused, importProblem, formatIssue, type ImportIssue } from './issues.js';
export { csvKinds, type CsvKind, type CsvImportOptions } from './sis.js';

/** The largest import accepted (the admin API and the CLI): a region's whole catalogue fits easily. */
export const defaultMaxImportBytes = 20 * 1024 * 1024;

export type ImportSource = { format: 'json'; text: string } | { format: 'csv'; text: string; csv?: CsvImportOptions } | { format: 'document'; document: unknown };

export interface ImportOptions {
  dryRun?: boolean;
  now?: () => Date;
}

const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON text → value; ImportRefused (in Dutch) when it is no JSON or holds a prototype key. */
export function parseJsonDocument(text: string): unknown {
  let prototypeKey = false;
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, (key, item: unknown) => {
      if (prototypeKeys.has(key)) prototypeKey = true;
      return item;
    });
    if (prototypeKey)
      throw new ImportRefused([{ path: '', message: 'Het bestand bevat een veld "__proto__", "constructor" of "prototype". Dat mag niet.' }], 'The document contains a key that is not allowed.');
    return value;
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new ImportRefused([{ path: 'file', message: 'Dit is geen geldig JSON-bestand.', ...(line ? { line } : {}) }], 'The body is not valid JSON.');
  }
}

/** Imports one source; ImportRefused (nothing changed) when anything is wrong. */
export async function runImport(db: Db, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  let raw: unknown;
  let lines: Map<string, number> | undefined;
  if (source.format === 'csv') {
    const sourced = documentFromCsv(source.text, source.csv);
    raw = sourced.document;
    lines = sourced.lines;
  } else raw = source.format === 'json' ? parseJsonDocument(source.text) : source.document;
  const document = checkDocument(raw, lines);
  return applyDocument(db, document, { ...options, ...(lines ? { lines } : {}) });
}

export async function adminSummary(db: Db): Promise<AdminSummary> {
  const { rows } = await db.query<{ kind: string; active: number; inactive: number }>(
    `SELECT 'schools' AS kind, count(*) FILTER (WHERE active)::int AS active, count(*) FILTER (WHERE NOT active)::int AS inactive FROM schools
     UNION ALL SELECT 'klassen', count(*) FILTER (WHERE active)::int, count(*) FILTER (WHERE NOT active)::int FROM klassen
     UNION ALL SELECT 'students', count(*) FILTER (WHERE active)::int, count(*) FILTER (WHERE NOT active)::int FROM students
     UNION ALL SELECT 'mentors', count(*) FILTER (WHERE active AND NOT decaan)::int, count(*) FILTER (WHERE NOT active AND NOT decaan)::int FROM mentors
     UNION ALL SELECT 'decanen', count(*) FILTER (WHERE active AND decaan)::int, count(*) FILTER (WHERE NOT active AND decaan)::int FROM mentors
     UNION ALL SELECT 'guardians', count(*) FILTER (WHERE active)::int, count(*) FILTER (WHERE NOT active)::int FROM guardians
     UNION ALL SELECT 'mboStaff', count(*) FILTER (WHERE active)::int, count(*) FILTER (WHERE NOT active)::int FROM mbo_staff
     UNION ALL SELECT 'beheerders', count(*) FILTER (WHERE active)::int, count(*) FILTER (WHERE NOT active)::int FROM beheerders`,
  );
  const { rows: config } = await db.query('SELECT 1 FROM config WHERE id = 1');
  const { rows: institutions } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions');
  const { rows: outbox } = await db.query<{ pending: number; failing: number; given_up: number; sent: number }>(
    `SELECT count(*) FILTER (WHERE sent_at IS NULL AND attempts = 0)::int AS pending,
       count(*) FILTER (WHERE sent_at IS NULL AND attempts > 0 AND next_attempt_at <> 'infinity')::int AS failing,
       count(*) FILTER (WHERE sent_at IS NULL AND next_attempt_at = 'infinity')::int AS given_up,
       count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent FROM outbox`,
  );
  const o = outbox[0];
  return {
    counts: Object.fromEntries(rows.map((r) => [r.kind, { active: Number(r.active), inactive: Number(r.inactive) }])),
    config: config.length > 0,
    institutions: Number(institutions[0]?.n ?? 0),
    outbox: { pending: Number(o?.pending ?? 0), failing: Number(o?.failing ?? 0), givenUp: Number(o?.given_up ?? 0), sent: Number(o?.sent ?? 0) },
  };
}

export async function adminSchools(db: Db): Promise<AdminSchool[]> {
  const { rows: schools } = await db.query<{ id: string; naam: string; plaats: string | null; brin: string | null; mentor_roster: boolean; active: boolean }>(
    'SELECT id, naam, plaats, brin, mentor_roster, active FROM schools ORDER BY naam, id',
  );
  const { rows: klassen } = await db.query<{ school_id: string; code: string; leerjaar: number | null; active: boolean; students: number }>(
    `SELECT k.school_id, k.code, k.leerjaar, k.active,
       (SELECT count(*)::int FROM students s WHERE s.school_id = k.school_id AND s.active AND lower(s.data->>'klas') = lower(k.code)) AS students
     FROM klassen k ORDER BY k.school_id, k.code`,
  );
  const { rows: counts } = await db.query<{ school_id: string; active: number; inactive: number }>(
    'SELECT school_id, count(*) FILTER (WHERE active)::int AS active, count(*) FILTER (WHERE NOT active)::int AS inactive FROM students WHERE school_id IS NOT NULL GROUP BY school_id',
  );
  const { rows: mentors } = await db.query<{ school_id: string; mentor_id: string; naam: string; email: string; klassen: string[]; decaan: boolean; active: boolean }>(
    'SELECT school_id, mentor_id, naam, email, klassen, decaan, active FROM mentors ORDER BY school_id, position',
  );
  return schools.map((s) => {
    const count = counts.find((c) => c.school_id === s.id);
    return {
      id: s.id,
      naam: s.naam,
      ...(s.plaats ? { plaats: s.plaats } : {}),
      ...(s.brin ? { brin: s.brin } : {}),
      mentorRoster: s.mentor_roster,
      active: s.active,
      klassen: klassen
        .filter((k) => k.school_id === s.id)
        .map((k) => ({ code: k.code, ...(k.leerjaar !== null ? { leerjaar: Number(k.leerjaar) } : {}), active: k.active, students: Number(k.students) })),
      students: { active: Number(count?.active ?? 0), inactive: Number(count?.inactive ?? 0) },
      mentors: mentors.filter((m) => m.school_id === s.id).map((m) => ({ id: m.mentor_id, naam: m.naam, email: m.email, klassen: m.klassen, decaan: m.decaan, active: m.active })),
    };
  });
}

/** One provisioned person, or undefined. */
export async function adminPerson(db: Db, id: string): Promise<AdminPerson | undefined> {
  const { rows } = await db.query<{ id: string; role: AdminPerson['role']; login: string | null; active: boolean }>('SELECT id, role, login, active FROM people WHERE id = $1', [id]);
  const person = rows[0];
  if (!person) return undefined;
  // Through jsonb: text comes back exactly as stored (PGlite drops a leading byte order mark from plain text values).
  const one = async (sql: string) => (await db.query<{ j: Record<string, unknown> }>(`SELECT to_jsonb(r) AS j FROM (${sql}) r`, [id])).rows[0]?.j ?? {};
  let record: Record<string, unknown>;
  let dossiers: AdminPerson['dossiers'];
  switch (person.role) {
    case 'student': {
      const row = await one('SELECT data FROM students WHERE id = $1');
      record = (row['data'] as Record<string, unknown>) ?? {};
      const { rows: own } = await db.query<{ id: string; status: string; archived: boolean }>('SELECT id, status, archived FROM dossiers WHERE student_id = $1 ORDER BY created_at, id', [id]);
      dossiers = own;
      break;
    }
    case 'mentor':
    case 'decaan':
      record = await one('SELECT school_id AS "schoolId", naam, email, klassen FROM mentors WHERE mentor_id = $1');
      break;
    case 'guardian': {
      record = await one('SELECT naam, email, relatie, taal FROM guardians WHERE id = $1');
      const { rows: children } = await db.query<{ id: string }>(`SELECT id FROM students WHERE data->'guardianIds' ? $1 ORDER BY id`, [id]);
      record = { ...record, studentIds: children.map((c) => c.id) };
      break;
    }
    case 'mbo':
      record = await one('SELECT brin, naam, email FROM mbo_staff WHERE id = $1');
      break;
    case 'beheerder':
      record = await one('SELECT naam, email FROM beheerders WHERE id = $1');
      break;
  }
  const cleaned = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));
  return { id: person.id, role: person.role, login: person.login, active: person.active, record: cleaned, ...(dossiers ? { dossiers } : {}) };
}
