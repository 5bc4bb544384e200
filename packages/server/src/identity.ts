/**
 * Who a signed-in person is comes from the provisioning, never from the token: a verifier says
 * which login (or person id) holds the token, and this looks the person up in the database, with
 * their role and relations (a guardian's students, a mentor's school, MBO staff's instelling).
 * Inactive people (leavers) and people of an inactive school do not sign in.
 */
import type { Db } from './db.js';
import { deepFreeze } from './freeze.js';
import type { Actor } from './sdk.js';

export interface Beheerder {
  id: string;
  naam: string;
  email?: string;
}

/** A signed-in person: someone of the contract (an `Actor`), or a beheerder of the admin API. */
export type Principal =
  | {
      kind: 'actor';
      actor: Actor;
      /** A guardian's session from a consent link: this one dossier only (see guardian-links.ts). */
      scope?: { dossierId: string };
    }
  | { kind: 'beheerder'; beheerder: Beheerder };

/**
 * What a token verifier may answer: a login (the value of the sign-in claim) or a person id,
 * looked up among the provisioned people; or an `Actor` as older verifiers return it, of which
 * only `person.id` is used (the role and relations come from the database all the same).
 */
export type VerifiedIdentity = string | { login: string } | { personId: string } | Actor;

/** Logins compare case-insensitively and without surrounding spaces: e-mail addresses are the usual claim. */
export const normalizeLogin = (login: string) => login.trim().toLowerCase();

export interface IdentityResolver {
  resolve(identity: VerifiedIdentity): Promise<Principal | null>;
  byLogin(login: string): Promise<Principal | null>;
  byId(id: string): Promise<Principal | null>;
  /** Forget cached people (after an import on this instance). */
  clear(): void;
}

export interface IdentityResolverOptions {
  /** How long a looked-up person is kept per instance. Default 5000 ms; 0 = always read. */
  cacheMs?: number;
  maxEntries?: number;
}

interface PersonRow {
  id: string;
  role: 'student' | 'guardian' | 'mentor' | 'decaan' | 'mbo' | 'beheerder';
}

const maxLoginLength = 254;

/**
 * One row as a jsonb object: text read through JSON arrives exactly as stored (PGlite drops a byte
 * order mark at the start of a plain text value; a name may begin with one).
 */
async function one<Row>(db: Pick<Db, 'query'>, sql: string, id: string): Promise<Row | undefined> {
  const { rows } = await db.query<{ j: Row }>(sql, [id]);
  return rows[0]?.j;
}

/** Reads one person and their relations; null when unknown, inactive or of an inactive school. */
export async function loadPrincipal(db: Pick<Db, 'query'>, person: PersonRow): Promise<Principal | null> {
  switch (person.role) {
    case 'student': {
      const row = await one<{ data: { naam: string; email?: string }; active: boolean; school_id: string | null; school_naam: string | null; school_active: boolean | null }>(
        db,
        `SELECT jsonb_build_object('data', s.data, 'active', s.active, 'school_id', sc.id, 'school_naam', sc.naam, 'school_active', sc.active) AS j
         FROM students s LEFT JOIN schools sc ON sc.id = s.school_id WHERE s.id = $1`,
        person.id,
      );
      if (!row || !row.active || row.school_active === false) return null;
      const actor: Actor = {
        role: 'student',
        person: { id: person.id, naam: row.data.naam, ...(row.data.email ? { email: row.data.email } : {}) },
        ...(row.school_id && row.school_naam !== null ? { school: { id: row.school_id, naam: row.school_naam } } : {}),
      };
      return { kind: 'actor', actor };
    }
    case 'mentor':
    case 'decaan': {
      const row = await one<{ naam: string; email: string; active: boolean; decaan: boolean; school_id: string; school_naam: string; school_active: boolean }>(
        db,
        `SELECT jsonb_build_object('naam', m.naam, 'email', m.email, 'active', m.active, 'decaan', m.decaan, 'school_id', sc.id, 'school_naam', sc.naam, 'school_active', sc.active) AS j
         FROM mentors m JOIN schools sc ON sc.id = m.school_id WHERE m.mentor_id = $1`,
        person.id,
      );
      if (!row || !row.active || !row.school_active) return null;
      const actor: Actor = {
        role: row.decaan ? 'decaan' : 'mentor',
        person: { id: person.id, naam: row.naam, ...(row.email ? { email: row.email } : {}) },
        school: { id: row.school_id, naam: row.school_naam },
      };
      return { kind: 'actor', actor };
    }
    case 'guardian': {
      const row = await one<{ naam: string; email: string | null; active: boolean; student_ids: string[] }>(
        db,
        `SELECT jsonb_build_object('naam', g.naam, 'email', g.email, 'active', g.active,
           'student_ids', to_jsonb(ARRAY(SELECT s.id FROM students s WHERE s.data->'guardianIds' ? g.id AND s.active ORDER BY s.id))) AS j
         FROM guardians g WHERE g.id = $1`,
        person.id,
      );
      if (!row || !row.active) return null;
      const actor: Actor = {
        role: 'guardian',
        person: { id: person.id, naam: row.naam, ...(row.email ? { email: row.email } : {}) },
        studentIds: row.student_ids,
      };
      return { kind: 'actor', actor };
    }
    case 'mbo': {
      const row = await one<{ naam: string; email: string | null; active: boolean; brin: string; instelling: string | null }>(
        db,
        `SELECT jsonb_build_object('naam', st.naam, 'email', st.email, 'active', st.active, 'brin', st.brin, 'instelling', i.naam) AS j
         FROM mbo_staff st LEFT JOIN institutions i ON i.brin = st.brin WHERE st.id = $1`,
        person.id,
      );
      if (!row || !row.active) return null;
      const actor: Actor = {
        role: 'mbo',
        person: { id: person.id, naam: row.naam, ...(row.email ? { email: row.email } : {}) },
        instelling: { brin: row.brin, naam: row.instelling ?? row.brin },
      };
      return { kind: 'actor', actor };
    }
    case 'beheerder': {
      const row = await one<{ naam: string; email: string | null; active: boolean }>(
        db,
        `SELECT jsonb_build_object('naam', naam, 'email', email, 'active', active) AS j FROM beheerders WHERE id = $1`,
        person.id,
      );
      if (!row || !row.active) return null;
      return { kind: 'beheerder', beheerder: { id: person.id, naam: row.naam, ...(row.email ? { email: row.email } : {}) } };
    }
  }
}

export function createIdentityResolver(db: Db, options: IdentityResolverOptions = {}): IdentityResolver {
  const ttl = options.cacheMs ?? 5000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { value: Principal | null; until: number }>();

  /** One frozen principal per person while cached, handed to every request: no copy per request (it cost one structuredClone each). */
  async function cached(key: string, load: () => Promise<Principal | null>): Promise<Principal | null> {
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = deepFreeze(await load());
    if (ttl > 0) {
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
      cache.set(key, { value, until: Date.now() + ttl });
    }
    return value;
  }

  async function find(column: 'login' | 'id', value: string): Promise<Principal | null> {
    const { rows } = await db.query<PersonRow>(`SELECT id, role FROM people WHERE ${column} = $1 AND active`, [value]);
    return rows[0] ? loadPrincipal(db, rows[0]) : null;
  }

  const byLogin = (login: string) => {
    const key = normalizeLogin(login);
    if (key === '' || key.length > maxLoginLength || key.includes('\u0000')) return Promise.resolve(null);
    return cached(`login:${key}`, () => find('login', key));
  };
  const byId = (id: string) => {
    if (id === '' || id.length > 100 || id.includes('\u0000')) return Promise.resolve(null);
    return cached(`id:${id}`, () => find('id', id));
  };

  return {
    byLogin,
    byId,
    resolve(identity) {
      if (typeof identity === 'string') return byLogin(identity);
      if ('login' in identity && typeof identity.login === 'string') return byLogin(identity.login);
      if ('personId' in identity && typeof identity.personId === 'string') return byId(identity.personId);
      if ('person' in identity && identity.person && typeof identity.person.id === 'string') return byId(identity.person.id);
      return Promise.resolve(null);
    },
    clear: () => cache.clear(),
  };
}
