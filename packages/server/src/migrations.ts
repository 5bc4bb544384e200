/**
 * The schema, as numbered SQL migrations run on start. Never edit a migration that has shipped:
 * add the next number. An advisory lock lets several instances start at once on one database.
 */
import type { Db } from './db.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Arbitrary, fixed: the advisory lock that serialises migrating and seeding across instances. */
export const schemaLockKey = 7_310_422;

export const migrations: ReadonlyArray<Migration> = [
  {
    id: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE config (
        id integer PRIMARY KEY CHECK (id = 1),
        data jsonb NOT NULL
      );
      CREATE TABLE schools (
        id text PRIMARY KEY,
        naam text NOT NULL,
        plaats text
      );
      CREATE TABLE mentors (
        school_id text NOT NULL REFERENCES schools (id),
        position integer NOT NULL,
        mentor_id text,
        naam text NOT NULL,
        email text NOT NULL,
        PRIMARY KEY (school_id, position)
      );
      CREATE TABLE guardians (
        id text PRIMARY KEY,
        naam text NOT NULL,
        email text
      );
      CREATE TABLE students (
        id text PRIMARY KEY,
        school_id text REFERENCES schools (id),
        data jsonb NOT NULL
      );
      CREATE INDEX students_by_school ON students (school_id);

      -- The dossier as the SDK knows it lives in data; the columns beside it are copies the
      -- list queries filter on, written together with data in the same statement.
      CREATE TABLE dossiers (
        id text PRIMARY KEY,
        student_id text NOT NULL REFERENCES students (id),
        school_id text,
        type text NOT NULL,
        status text NOT NULL,
        archived boolean NOT NULL,
        version integer NOT NULL,
        mentor_id text,
        mentor_email text,
        chosen_brin text,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX dossiers_by_student ON dossiers (student_id);
      CREATE INDEX dossiers_by_school ON dossiers (school_id);
      CREATE INDEX dossiers_by_mentor_id ON dossiers (mentor_id) WHERE mentor_id IS NOT NULL;
      CREATE INDEX dossiers_by_mentor_email ON dossiers (mentor_email) WHERE mentor_id IS NULL AND mentor_email IS NOT NULL;
      CREATE INDEX dossiers_received ON dossiers (chosen_brin) WHERE status = 'afgerond';
      CREATE SEQUENCE dossier_number;

      CREATE TABLE begeleiding (
        student_id text PRIMARY KEY REFERENCES students (id),
        answers jsonb NOT NULL,
        version integer NOT NULL
      );

      CREATE TABLE history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dossier_id text NOT NULL REFERENCES dossiers (id),
        entry jsonb NOT NULL
      );
      CREATE INDEX history_by_dossier ON history (dossier_id, id);

      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        dossier_id text,
        recipient jsonb NOT NULL,
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        last_error text
      );
      CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE sent_at IS NULL;

      CREATE TABLE institutions (
        brin text PRIMARY KEY,
        position integer NOT NULL,
        naam text NOT NULL,
        plaatsen jsonb NOT NULL,
        search_naam text NOT NULL,
        search_all text NOT NULL
      );
      CREATE TABLE locations (
        brin text NOT NULL REFERENCES institutions (brin),
        position integer NOT NULL,
        code text NOT NULL,
        naam text NOT NULL,
        plaats text NOT NULL,
        PRIMARY KEY (brin, position)
      );
      CREATE TABLE programmes (
        brin text NOT NULL REFERENCES institutions (brin),
        position integer NOT NULL,
        data jsonb NOT NULL,
        search_naam text NOT NULL,
        search_all text NOT NULL,
        PRIMARY KEY (brin, position)
      );
    `,
  },
  {
    id: 2,
    name: 'roster per school and klas, programme lookup by id, random dossier ids',
    sql: `
      -- Whether students choose their mentor from the roster is a fact of each school (spec v2).
      ALTER TABLE schools ADD COLUMN mentor_roster boolean NOT NULL DEFAULT true;
      -- The klassen each mentor mentors: a student is offered the mentors of their klas.
      ALTER TABLE mentors ADD COLUMN klassen jsonb NOT NULL DEFAULT '[]'::jsonb;
      -- A7 is checked against the catalogue on every save.
      CREATE INDEX programmes_by_id ON programmes (brin, (data->>'id'));
      -- Dossier ids are random now; the sequence that numbered them is gone.
      DROP SEQUENCE dossier_number;
    `,
  },
  {
    id: 3,
    name: 'provisioning: people and their logins, klassen, decanen, MBO staff, beheerders, leavers',
    sql: `
      -- Every provisioned person once, whatever their role: ids are unique across roles, and the
      -- sign-in claim (login, lower-cased) names exactly one person.
      CREATE TABLE people (
        id text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('student', 'guardian', 'mentor', 'decaan', 'mbo', 'beheerder')),
        login text UNIQUE,
        active boolean NOT NULL DEFAULT true
      );
      ALTER TABLE schools ADD COLUMN brin text;
      ALTER TABLE schools ADD COLUMN active boolean NOT NULL DEFAULT true;
      CREATE TABLE klassen (
        school_id text NOT NULL REFERENCES schools (id),
        code text NOT NULL,
        leerjaar integer,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (school_id, code)
      );
      -- A student who left the school (missing from its export) is inactive: kept, never deleted while they hold a dossier.
      ALTER TABLE students ADD COLUMN active boolean NOT NULL DEFAULT true;
      CREATE INDEX students_by_guardian ON students USING gin ((data->'guardianIds'));
      -- Mentors and decanen are keyed on their own id now; position only orders the roster.
      UPDATE mentors SET mentor_id = school_id || '-mentor-' || position WHERE mentor_id IS NULL;
      ALTER TABLE mentors DROP CONSTRAINT mentors_pkey;
      ALTER TABLE mentors ALTER COLUMN mentor_id SET NOT NULL;
      ALTER TABLE mentors ADD PRIMARY KEY (mentor_id);
      CREATE INDEX mentors_by_school ON mentors (school_id, position);
      ALTER TABLE mentors ADD COLUMN decaan boolean NOT NULL DEFAULT false;
      ALTER TABLE mentors ADD COLUMN active boolean NOT NULL DEFAULT true;
      ALTER TABLE guardians ADD COLUMN relatie text;
      ALTER TABLE guardians ADD COLUMN active boolean NOT NULL DEFAULT true;
      CREATE TABLE mbo_staff (
        id text PRIMARY KEY,
        brin text NOT NULL,
        naam text NOT NULL,
        email text,
        active boolean NOT NULL DEFAULT true
      );
      CREATE TABLE beheerders (
        id text PRIMARY KEY,
        naam text NOT NULL,
        email text,
        active boolean NOT NULL DEFAULT true
      );
      -- Existing rows (a database seeded before provisioning existed) become provisioned people.
      INSERT INTO people (id, role, login) SELECT id, 'student', NULL FROM students ON CONFLICT DO NOTHING;
      INSERT INTO people (id, role, login) SELECT mentor_id, 'mentor', NULL FROM mentors ON CONFLICT DO NOTHING;
      INSERT INTO people (id, role, login) SELECT id, 'guardian', NULL FROM guardians ON CONFLICT DO NOTHING;
    `,
  },
  {
    id: 4,
    name: 'guardian links: single-use, expiring links to give consent without a portal account',
    sql: `
      -- Only digests are kept: the link and the session token themselves live in the e-mail and the guardian's browser.
      CREATE TABLE guardian_links (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        dossier_id text NOT NULL REFERENCES dossiers (id),
        student_id text NOT NULL,
        guardian_id text,
        naam text,
        email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        session_hash text UNIQUE,
        session_expires_at timestamptz
      );
      CREATE INDEX guardian_links_by_dossier ON guardian_links (dossier_id);
    `,
  },
  {
    id: 10,
    name: 'the MBO intake status of received dossiers',
    sql: `
      -- Placement feedback (spec §9): set by the MBO the student chose, read by the student and the decaan.
      CREATE TABLE intake (
        dossier_id text PRIMARY KEY REFERENCES dossiers (id),
        data jsonb NOT NULL
      );
    `,
  },
  {
    id: 11,
    name: 'the history chain: each entry links to the one before it, once',
    sql: `
      -- Every entry carries a hash over the one before it (entry->>'hash', computed by the service).
      -- prev_hash is that previous hash ('' for a dossier's first entry; NULL for entries from
      -- before the chain): unique per dossier, so two transactions that raced cannot both append
      -- after the same entry and fork the chain.
      ALTER TABLE history ADD COLUMN prev_hash text;
      CREATE UNIQUE INDEX history_chain_links ON history (dossier_id, prev_hash);
    `,
  },
  {
    id: 12,
    name: 'retention: the audit log of admin actions, and since when a leaver is inactive',
    sql: `
      -- Every provisioning import, erasure and retention run: who, what, when, counts. Never names or answers.
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor jsonb NOT NULL,
        action text NOT NULL,
        dry_run boolean NOT NULL DEFAULT false,
        details jsonb NOT NULL
      );
      CREATE INDEX audit_log_retention_runs ON audit_log (at) WHERE action = 'retention';
      -- A leaver without a dossier is removed some months after leaving: the school's import only
      -- sets active, so the database notes when that changed.
      ALTER TABLE students ADD COLUMN inactive_since timestamptz;
      UPDATE students SET inactive_since = now() WHERE NOT active;
      CREATE FUNCTION students_inactive_since() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.inactive_since := CASE WHEN NEW.active THEN NULL ELSE COALESCE(OLD.inactive_since, now()) END;
        RETURN NEW;
      END $$;
      CREATE TRIGGER students_inactive_since BEFORE UPDATE OF active ON students
        FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION students_inactive_since();
      CREATE FUNCTION students_inactive_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT NEW.active AND NEW.inactive_since IS NULL THEN NEW.inactive_since := now(); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER students_inactive_on_insert BEFORE INSERT ON students
        FOR EACH ROW EXECUTE FUNCTION students_inactive_on_insert();
    `,
  },
  {
    id: 13,
    name: 'the language a guardian reads: their consent e-mail and page',
    sql: `
      -- nl, en, ar, tr, uk or pl, from the school's registration; NULL: Dutch.
      ALTER TABLE guardians ADD COLUMN taal text;
    `,
  },
];

/** Applies the migrations this database lacks; returns their ids. */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((row) => Number(row.id)));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      applied.push(migration.id);
    }
    return applied;
  });
}
