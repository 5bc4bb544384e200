/**
 * Fills an empty database with the SDK's example data (the demo region, its school, people,
 * dossiers in every state and the catalogue). Runs under the schema lock, so two instances
 * starting together seed once.
 */
import type { Db, Queryable } from './db.js';
import { schemaLockKey } from './migrations.js';
import { dossierColumns, dossierColumnTypes } from './pg-store.js';
import { exampleData, foldForSearch, type ExampleData } from './sdk.js';

/** Inserts many rows in one statement: `rows` travel as one JSON array. */
async function insertAll(tx: Queryable, table: string, columns: Record<string, string>, rows: ReadonlyArray<Record<string, unknown>>) {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const definition = names.map((name) => `${name} ${columns[name]}`).join(', ');
  await tx.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${definition})`, [JSON.stringify(rows)]);
}

/**
 * Everyone who signs in is a provisioned person: the demo tokens are their logins. Mentors who are
 * on no roster (a school without one) and decanen are still their school's people; MBO staff have their instelling.
 * With `onConflict` = 'ON CONFLICT DO NOTHING' it only adds what is missing.
 */
async function seedPeople(tx: Queryable, data: ExampleData, onConflict: string): Promise<void> {
  const insert = async (table: string, columns: Record<string, string>, rows: ReadonlyArray<Record<string, unknown>>) => {
    if (rows.length === 0) return;
    const names = Object.keys(columns);
    const definition = names.map((name) => `${name} ${columns[name]}`).join(', ');
    await tx.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${definition}) ${onConflict}`, [JSON.stringify(rows)]);
  };
  const onRoster = new Set(data.schools.flatMap((s) => s.mentors.map((m) => m.id)));
  await insert(
    'mentors',
    { school_id: 'text', position: 'integer', mentor_id: 'text', naam: 'text', email: 'text', klassen: 'jsonb', decaan: 'boolean' },
    data.accounts
      .filter((a) => (a.actor.role === 'mentor' || a.actor.role === 'decaan') && a.actor.school && !onRoster.has(a.actor.person.id))
      .map((a, i) => ({
        school_id: a.actor.school!.id,
        position: 1000 + i,
        mentor_id: a.actor.person.id,
        naam: a.actor.person.naam,
        email: a.actor.person.email ?? '',
        klassen: [],
        decaan: a.actor.role === 'decaan',
      })),
  );
  await insert(
    'mbo_staff',
    { id: 'text', brin: 'text', naam: 'text', email: 'text' },
    data.accounts
      .filter((a) => a.actor.role === 'mbo' && a.actor.instelling)
      .map((a) => ({ id: a.actor.person.id, brin: a.actor.instelling!.brin, naam: a.actor.person.naam, email: a.actor.person.email ?? null })),
  );
  const people = new Map<string, { id: string; role: string; login: string }>();
  for (const account of data.accounts) people.set(account.actor.person.id, { id: account.actor.person.id, role: account.actor.role, login: account.token.toLowerCase() });
  for (const student of data.students) if (!people.has(student.id)) people.set(student.id, { id: student.id, role: 'student', login: student.id.toLowerCase() });
  await insert('people', { id: 'text', role: 'text', login: 'text' }, [...people.values()]);
  const klassen = new Map<string, { school_id: string; code: string; leerjaar: number | null }>();
  for (const s of data.students) if (s.schoolId && s.klas) klassen.set(`${s.schoolId}/${s.klas}`, { school_id: s.schoolId, code: s.klas, leerjaar: s.leerjaar ?? null });
  await insert('klassen', { school_id: 'text', code: 'text', leerjaar: 'integer' }, [...klassen.values()]);
}

/** Dev mode on a database seeded before provisioning existed: adds the demo people it lacks (never in production). */
export async function topUpDemoPeople(db: Db, data: ExampleData): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey]);
    const { rows } = await tx.query<{ id: string }>("SELECT id FROM config WHERE id = 1 AND data->>'id' = $1", [data.config.id]);
    if (rows.length === 0) return;
    // Mentors on no roster may already be in the people table by an earlier migration, as may everyone else.
    await seedPeople(tx, data, 'ON CONFLICT DO NOTHING');
  });
}

export async function seedTables(tx: Queryable, data: ExampleData): Promise<void> {
  await tx.query('INSERT INTO config (id, data) VALUES (1, $1::jsonb)', [JSON.stringify(data.config)]);
  await insertAll(
    tx,
    'schools',
    { id: 'text', naam: 'text', plaats: 'text', mentor_roster: 'boolean' },
    data.schools.map((s) => ({ id: s.id, naam: s.naam, plaats: s.plaats ?? null, mentor_roster: s.mentorRoster })),
  );
  await insertAll(
    tx,
    'mentors',
    { school_id: 'text', position: 'integer', mentor_id: 'text', naam: 'text', email: 'text', klassen: 'jsonb' },
    data.schools.flatMap((s) => s.mentors.map((m, position) => ({ school_id: s.id, position, mentor_id: m.id, naam: m.naam, email: m.email, klassen: m.klassen }))),
  );
  await seedPeople(tx, data, '');
  const guardians = data.accounts.filter((a) => a.actor.role === 'guardian').map((a) => ({ id: a.actor.person.id, naam: a.actor.person.naam, email: a.actor.person.email ?? null }));
  await insertAll(tx, 'guardians', { id: 'text', naam: 'text', email: 'text' }, guardians);
  await insertAll(
    tx,
    'students',
    { id: 'text', school_id: 'text', data: 'jsonb' },
    data.students.map((s) => ({ id: s.id, school_id: s.schoolId, data: s })),
  );
  await insertAll(tx, 'dossiers', dossierColumnTypes, data.dossiers.map(dossierColumns));
  await insertAll(
    tx,
    'begeleiding',
    { student_id: 'text', answers: 'jsonb', version: 'integer' },
    data.begeleiding.map((b) => ({ student_id: b.studentId, answers: b.answers, version: b.version })),
  );
  await insertAll(
    tx,
    'history',
    { dossier_id: 'text', entry: 'jsonb' },
    Object.entries(data.history).flatMap(([dossierId, entries]) => entries.map((entry) => ({ dossier_id: dossierId, entry }))),
  );

  const { institutions, locations, programmes } = data.catalog;
  await insertAll(
    tx,
    'institutions',
    { brin: 'text', position: 'integer', naam: 'text', plaatsen: 'jsonb', search_naam: 'text', search_all: 'text' },
    institutions.map((i, position) => ({
      brin: i.brin,
      position,
      naam: i.naam,
      plaatsen: i.plaatsen,
      search_naam: foldForSearch(i.naam),
      search_all: foldForSearch([i.naam, ...i.plaatsen].join(' ')),
    })),
  );
  await insertAll(
    tx,
    'locations',
    { brin: 'text', position: 'integer', code: 'text', naam: 'text', plaats: 'text' },
    Object.entries(locations).flatMap(([brin, list]) => list.map((l, position) => ({ brin, position, code: l.code, naam: l.naam, plaats: l.plaats }))),
  );
  await insertAll(
    tx,
    'programmes',
    { brin: 'text', position: 'integer', data: 'jsonb', search_naam: 'text', search_all: 'text' },
    Object.entries(programmes).flatMap(([brin, list]) =>
      list.map((p, position) => ({ brin, position, data: p, search_naam: foldForSearch(p.naam), search_all: `${foldForSearch(p.naam)} ${p.crebo}` })),
    ),
  );
}

/** Seeds when the database holds no region config yet; true when it did. */
export async function seedIfEmpty(db: Db, data: () => ExampleData = () => exampleData()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey]);
    const { rows } = await tx.query('SELECT 1 FROM config WHERE id = 1');
    if (rows.length > 0) return false;
    await seedTables(tx, data());
    return true;
  });
}

const dataTables = [
  'outbox',
  'guardian_links',
  'intake',
  'history',
  'begeleiding',
  'dossiers',
  'students',
  'guardians',
  'mentors',
  'klassen',
  'schools',
  'people',
  'mbo_staff',
  'beheerders',
  'config',
  'programmes',
  'locations',
  'institutions',
];

/** Empties every table and seeds again (the demo's "begin opnieuw"; dev mode only). */
export async function reseed(db: Db, data: ExampleData): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey]);
    await tx.exec(`TRUNCATE ${dataTables.join(', ')}`);
    await seedTables(tx, data);
  });
}
