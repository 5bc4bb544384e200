/**
 * Guardians without a portal account. When a minor's dossier needs guardian consent, the
 * notification to each guardian carries a single-use, expiring link to the consent page. The page
 * trades the link once for a scoped session: a guardian of that one student, for that one dossier,
 * while it is in akkoord, allowed to read it, record their inzage and save their consent; nothing
 * else (every other route answers 404). Only digests of links and session tokens are stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';
import type { Principal } from './identity.js';
import type { OutboxMessage } from './notifications.js';
import { guardianIdFor } from './provisioning/sis.js';
import { guardianConsentNeeded, problemTypeBase, ServiceError, type Actor, type Dossier, type Problem, type RegionConfig } from './sdk.js';

export const linkPrefix = 'dgl_';
export const sessionPrefix = 'dgs_';

export interface GuardianLinkOptions {
  /** The consent page; the link's token goes in its fragment (never sent to a server, never in a log). Without it, no links. */
  pageUrl?: string;
  /** How long a link works. Default 14 days. */
  linkDays?: number;
  /** How long the session a link opens lasts. Default 60 minutes. */
  sessionMinutes?: number;
}

export interface GuardianSession {
  token: string;
  dossierId: string;
  expiresAt: string;
}

/** The languages the consent page speaks besides Dutch. */
const pageLanguages = new Set(['en', 'ar', 'tr', 'uk', 'pl']);

/**
 * What follows # in a consent link: the token alone for Dutch (`dgl_…`), else the guardian's
 * language and the token (`taal=tr&link=dgl_…`), so the page is in their language from the first
 * screen. After #, neither reaches a server, a log or a Referer; the page drops the token from the
 * address at once and keeps `#taal=…`.
 */
export function consentLinkFragment(token: string, lang?: string): string {
  return lang && pageLanguages.has(lang) ? `taal=${lang}&link=${token}` : token;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
const tokenPattern = (prefix: string) => new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`);

/** Problems of the link page, in Dutch (formal "u"), each with what to do. */
export const linkProblems = {
  invalid: (): Problem => ({
    type: `${problemTypeBase}consent-link-invalid`,
    title: 'Deze link werkt niet. Misschien is de link niet helemaal overgenomen. Open de link uit de e-mail opnieuw, of vraag de school om een nieuwe link.',
    status: 404,
    detail: 'No such consent link (unknown, mistyped or changed).',
  }),
  used: (): Problem => ({
    type: `${problemTypeBase}consent-link-used`,
    title: 'Deze link is al gebruikt. Een link werkt maar één keer. Moet u nog toestemming geven? Vraag de school dan om een nieuwe link.',
    status: 410,
    detail: 'The consent link was used before; links are single-use.',
  }),
  expired: (): Problem => ({
    type: `${problemTypeBase}consent-link-expired`,
    title: 'Deze link is verlopen. Vraag de school om een nieuwe link.',
    status: 410,
    detail: 'The consent link has expired.',
  }),
  notNeeded: (): Problem => ({
    type: `${problemTypeBase}consent-not-needed`,
    title: 'Uw toestemming is niet meer nodig voor dit dossier. U hoeft niets te doen.',
    status: 410,
    detail: 'The dossier no longer asks for guardian consent (it left akkoord, or the student is of age).',
  }),
  badRequest: (): Problem => ({
    type: `${problemTypeBase}bad-request`,
    title: 'Deze link werkt niet. Open de link uit de e-mail opnieuw.',
    status: 400,
    detail: 'Send {"link": "<what follows # in the link>"} as JSON.',
  }),
};

interface LinkRow {
  id: string;
  dossier_id: string;
  student_id: string;
  guardian_id: string | null;
  naam: string | null;
  email: string | null;
  expired: boolean;
  used: boolean;
}

export interface GuardianLinks {
  /** The outbox worker's `prepare`: a guardianConsentAsked message gets its link. */
  prepare(message: OutboxMessage): Promise<OutboxMessage>;
  /** Trades a link for a session, once; a ServiceError with a Dutch problem otherwise. */
  exchange(link: unknown): Promise<GuardianSession>;
  /** The guardian behind a session token, scoped to one dossier; null when the session is unknown, over, or the dossier left akkoord. */
  session(token: string): Promise<(Principal & { kind: 'actor'; scope: { dossierId: string } }) | null>;
  /** Whether a scoped session may use this route (segments after the base path). */
  allows(dossierId: string, method: string, segments: ReadonlyArray<string>): boolean;
}

export function createGuardianLinks(db: Db, options: GuardianLinkOptions = {}): GuardianLinks {
  const linkMs = (options.linkDays ?? 14) * 24 * 3600 * 1000;
  const sessionMinutes = options.sessionMinutes ?? 60;

  /** The dossier still asks a guardian's consent: in akkoord, and the student under the consent age by the registration. */
  async function consentNeeded(dossierId: string): Promise<boolean> {
    const { rows } = await db.query<{ data: Dossier; config: RegionConfig | null }>('SELECT d.data, (SELECT data FROM config WHERE id = 1) AS config FROM dossiers d WHERE d.id = $1', [dossierId]);
    const row = rows[0];
    if (!row || !row.config || row.data.status !== 'akkoord' || row.data.archived) return false;
    return guardianConsentNeeded(row.data, row.config, new Date());
  }

  return {
    async prepare(message) {
      if (message.kind !== 'guardianConsentAsked' || !message.dossierId || !options.pageUrl || !message.recipient.email) return message;
      const token = newToken(linkPrefix);
      await db.query(
        `INSERT INTO guardian_links (token_hash, dossier_id, student_id, guardian_id, naam, email, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
        [digest(token), message.dossierId, message.student.id, message.recipient.id ?? null, message.recipient.naam ?? null, message.recipient.email, Math.round(linkMs / 1000)],
      );
      const url = new URL(options.pageUrl);
      url.hash = consentLinkFragment(token, message.lang);
      return { ...message, link: url.href };
    },

    async exchange(link) {
      if (typeof link !== 'string') throw new ServiceError(linkProblems.badRequest());
      if (!tokenPattern(linkPrefix).test(link)) throw new ServiceError(linkProblems.invalid());
      const hash = digest(link);
      const { rows } = await db.query<LinkRow>(
        `SELECT id::text AS id, dossier_id, student_id, guardian_id, naam, email, expires_at <= now() AS expired, used_at IS NOT NULL AS used
         FROM guardian_links WHERE token_hash = $1`,
        [hash],
      );
      const row = rows[0];
      if (!row) throw new ServiceError(linkProblems.invalid());
      if (row.used) throw new ServiceError(linkProblems.used());
      if (row.expired) throw new ServiceError(linkProblems.expired());
      if (!(await consentNeeded(row.dossier_id))) throw new ServiceError(linkProblems.notNeeded());
      const token = newToken(sessionPrefix);
      // Single use, also when the page is opened twice at the same moment: one of them wins.
      const { rows: opened } = await db.query<{ session_expires_at: Date | string }>(
        `UPDATE guardian_links SET used_at = now(), session_hash = $2, session_expires_at = now() + make_interval(mins => $3)
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING session_expires_at`,
        [hash, digest(token), sessionMinutes],
      );
      if (!opened[0]) throw new ServiceError(linkProblems.used());
      return { token, dossierId: row.dossier_id, expiresAt: new Date(opened[0].session_expires_at).toISOString() };
    },

    async session(token) {
      if (!tokenPattern(sessionPrefix).test(token)) return null;
      const { rows } = await db.query<{
        j: {
          dossier_id: string;
          student_id: string;
          guardian_id: string | null;
          naam: string | null;
          email: string | null;
          status: string;
          g_naam: string | null;
          g_email: string | null;
          g_active: boolean | null;
        };
      }>(
        `SELECT jsonb_build_object('dossier_id', l.dossier_id, 'student_id', l.student_id, 'guardian_id', l.guardian_id, 'naam', l.naam, 'email', l.email,
           'status', d.status, 'g_naam', g.naam, 'g_email', g.email, 'g_active', g.active) AS j
         FROM guardian_links l JOIN dossiers d ON d.id = l.dossier_id LEFT JOIN guardians g ON g.id = l.guardian_id
         WHERE l.session_hash = $1 AND l.session_expires_at > now()`,
        [digest(token)],
      );
      const row = rows[0]?.j;
      if (!row || row.status !== 'akkoord' || row.g_active === false) return null;
      {
        const email = row.g_email ?? row.email ?? undefined;
        // A provisioned guardian is themselves; a parent the student listed in A2 is known by their e-mail address.
        const id = row.guardian_id ?? (row.email ? guardianIdFor(row.email) : `ouder-link`);
        const actor: Actor = {
          role: 'guardian',
          person: { id, naam: row.g_naam ?? row.naam ?? 'Ouder of verzorger', ...(email ? { email } : {}) },
          // Only this student, whatever else the guardian may be provisioned for.
          studentIds: [row.student_id],
        };
        return { kind: 'actor', actor, scope: { dossierId: row.dossier_id } };
      }
    },

    allows(dossierId, method, segments) {
      const [first, id, third, fourth, ...rest] = segments;
      if (rest.length > 0) return false;
      if (segments.length === 1) return method === 'GET' && (first === 'me' || first === 'config');
      if (first !== 'dossiers' || id !== dossierId) return false;
      if (segments.length === 2) return method === 'GET';
      if (segments.length === 4 && third === 'sections') return method === 'PATCH' && fourth === 'ouderToestemming';
      if (segments.length === 4 && third === 'actions') return method === 'POST' && fourth === 'recordInzage';
      return false;
    },
  };
}
