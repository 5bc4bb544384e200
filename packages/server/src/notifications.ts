/**
 * Notifications as a transactional outbox: the rows are written in the same transaction as the
 * workflow action that causes them, and a small loop hands them to a pluggable sender. A row is
 * leased before sending, so several instances never send the same one twice at the same time.
 */
import type { Db } from './db.js';
import { guardianConsentNeeded, type Dossier, type HistoryEntry, type Localized, type RegionConfig } from './sdk.js';

export type NotificationKind = 'submittedToMentor' | 'returnedToStudent' | 'sentToStudent' | 'guardianConsentAsked' | 'reminder' | 'mentorChanged';
export type Audience = 'mentor' | 'student' | 'guardians';

export interface Recipient {
  role: 'student' | 'guardian' | 'mentor' | 'decaan' | 'mbo';
  id?: string;
  naam?: string;
  email?: string;
}

export interface OutboxMessage {
  id: string;
  kind: NotificationKind;
  dossierId: string | null;
  recipient: Recipient;
  subject: Localized;
  student: { id: string; naam: string };
  createdAt: string;
  attempts: number;
  sentAt: string | null;
  /**
   * guardianConsentAsked: a single-use, expiring link to the consent page for this dossier, made
   * when the message is handed to the sender (never stored in the outbox, never logged).
   */
  link?: string;
  /** The recipient's language (nl, en, ar, tr, uk, pl), when known: a student's registration, or what the action said. */
  lang?: string;
  /** What else the action said (a reminder's next step and who sent it): plain values, never answers. */
  details?: Record<string, string | number | boolean | null>;
}

/** Delivers one message (e-mail, push, a portal's inbox…); throws to have it retried later. */
export type NotificationSender = (message: OutboxMessage) => Promise<void>;

export const subjects: Record<NotificationKind, Localized> = {
  submittedToMentor: {
    nl: 'Er staat een doorstroomdossier voor je klaar. Open het bij "te behandelen".',
    en: 'A transfer dossier is waiting for you. Open it under "to handle".',
  },
  returnedToStudent: {
    nl: 'Je doorstroomdossier is teruggezet. Je kunt deel A weer aanpassen.',
    en: 'Your transfer dossier was sent back. You can change part A again.',
  },
  sentToStudent: {
    nl: 'Je mentor heeft deel B ingevuld. Bekijk je dossier en geef je akkoord.',
    en: 'Your mentor has filled in part B. Read your dossier and give your agreement.',
  },
  guardianConsentAsked: {
    nl: 'Uw toestemming is nodig voor het doorstroomdossier van uw kind. Log in om het te lezen.',
    en: "Your consent is needed for your child's transfer dossier. Log in to read it.",
  },
  reminder: {
    nl: 'Je decaan herinnert je aan je doorstroomdossier. Kijk wat je nu moet doen.',
    en: 'Your school counsellor reminds you of your transfer dossier. See what you need to do now.',
  },
  mentorChanged: {
    nl: 'Een doorstroomdossier heeft een andere mentor gekregen.',
    en: 'A transfer dossier has been given to another mentor.',
  },
};

/**
 * Who hears about this history entry: the mentor when a dossier is submitted to them, the student
 * when it comes back or deel B is sent, the guardians when a minor's dossier reaches akkoord.
 */
export function plannedNotifications(entry: HistoryEntry, dossier: Dossier, config: RegionConfig): { kind: NotificationKind; audience: Audience }[] {
  if (entry.kind !== 'action') return [];
  const planned: { kind: NotificationKind; audience: Audience }[] = [];
  if (entry.action === 'submitToMentor') planned.push({ kind: 'submittedToMentor', audience: 'mentor' });
  if (entry.action === 'returnToDeelA') planned.push({ kind: 'returnedToStudent', audience: 'student' });
  if (entry.action === 'sendToStudent') planned.push({ kind: 'sentToStudent', audience: 'student' });
  if (entry.to === 'akkoord' && entry.from !== 'akkoord' && guardianConsentNeeded(dossier, config, new Date(entry.at))) {
    planned.push({ kind: 'guardianConsentAsked', audience: 'guardians' });
  }
  return planned;
}

/** The default sender: one log line per message, with no personal data (no names, addresses or dossier content). */
export const logSender: NotificationSender = async (message) => {
  console.log(JSON.stringify({ level: 'info', msg: 'notification', outboxId: message.id, kind: message.kind, to: message.recipient.role }));
};

/**
 * The recipient's language, from their registration when the message does not say it already: a
 * student's or a guardian's `taal`. Staff, and parents the student listed in A2 (no record), read
 * Dutch. Looked up when the message is sent, so a language registered after the action counts.
 */
export async function withRecipientLanguage(db: Db, message: OutboxMessage): Promise<OutboxMessage> {
  const { role, id } = message.recipient;
  if (message.lang || !id || (role !== 'student' && role !== 'guardian')) return message;
  const { rows } = await db.query<{ taal: string | null }>(role === 'student' ? `SELECT data->>'taal' AS taal FROM students WHERE id = $1` : 'SELECT taal FROM guardians WHERE id = $1', [id]);
  return rows[0]?.taal ? { ...message, lang: rows[0].taal } : message;
}

interface OutboxRow {
  id: string;
  kind: NotificationKind;
  dossier_id: string | null;
  recipient: Recipient;
  payload: { subject: Localized; student: { id: string; naam: string }; lang?: unknown } & Record<string, unknown>;
  attempts: number;
  created_at: Date | string;
  sent_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function toMessage(row: OutboxRow): OutboxMessage {
  const { subject, student, lang, ...rest } = row.payload;
  const details = Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string | number | boolean | null] => entry[1] === null || ['string', 'number', 'boolean'].includes(typeof entry[1])),
  );
  return {
    id: String(row.id),
    kind: row.kind,
    dossierId: row.dossier_id,
    recipient: row.recipient,
    subject,
    student,
    createdAt: iso(row.created_at)!,
    attempts: Number(row.attempts),
    sentAt: iso(row.sent_at),
    ...(typeof lang === 'string' ? { lang } : {}),
    ...(Object.keys(details).length ? { details } : {}),
  };
}

/** A failure that no retry can mend (no e-mail address, an address the server refuses for good): not tried again. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
  readonly permanent = true;
}

const columns = 'id::text AS id, kind, dossier_id, recipient, payload, attempts, created_at, sent_at';

/** The newest messages first (for the dev inbox and tests). */
export async function listOutbox(db: Db, limit = 100): Promise<OutboxMessage[]> {
  const { rows } = await db.query<OutboxRow>(`SELECT ${columns} FROM outbox ORDER BY id DESC LIMIT $1`, [limit]);
  return rows.map(toMessage);
}

export interface OutboxWorkerOptions {
  sender?: NotificationSender;
  /** How often to look for new rows. Default 1000 ms. */
  intervalMs?: number;
  batchSize?: number;
  /** After this many failed attempts a row is left alone. Default 8. */
  maxAttempts?: number;
  /** Completes a message just before it is sent (e.g. a guardian's consent link); throwing counts as a failed attempt. */
  prepare?: (message: OutboxMessage) => Promise<OutboxMessage>;
}

export interface OutboxWorker {
  /** Sends what is due now; resolves with the number delivered. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const leaseSeconds = 300;

export function startOutboxWorker(db: Db, options: OutboxWorkerOptions = {}): OutboxWorker {
  const sender = options.sender ?? logSender;
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function drainOnce(): Promise<number> {
    // Lease the rows first: a slow sender then holds no lock, and another instance skips them.
    const { rows } = await db.query<OutboxRow>(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
       WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING ${columns}`,
      [batchSize, leaseSeconds],
    );
    let delivered = 0;
    for (const row of rows.sort((a, b) => Number(a.id) - Number(b.id))) {
      try {
        const message = toMessage(row);
        await sender(options.prepare ? await options.prepare(message) : message);
        await db.query('UPDATE outbox SET sent_at = now(), last_error = NULL WHERE id = $1::bigint', [row.id]);
        delivered++;
      } catch (error) {
        const attempts = Number(row.attempts);
        const permanent = typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
        const retryIn = permanent || attempts >= maxAttempts ? null : Math.min(3600, 2 ** attempts * 5);
        // The error's class (and an SMTP reply code) only: a sender's message may quote an address.
        const code = typeof error === 'object' && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
        const reason = `${error instanceof Error ? error.name : typeof error}${typeof code === 'number' ? ` ${code}` : ''}`;
        console.log(JSON.stringify({ level: 'warn', msg: 'notification not delivered', outboxId: row.id, kind: row.kind, attempt: attempts, error: reason, retryInSeconds: retryIn }));
        await db.query(
          `UPDATE outbox SET last_error = $2, next_attempt_at = CASE WHEN $3::integer IS NULL THEN 'infinity'::timestamptz ELSE now() + make_interval(secs => $3::integer) END WHERE id = $1::bigint`,
          [row.id, reason, retryIn],
        );
      }
    }
    return delivered;
  }

  const drain = () => {
    running ??= drainOnce().finally(() => (running = undefined));
    return running;
  };

  const timer = setInterval(() => {
    if (stopped) return;
    drain().catch((error) => console.error(JSON.stringify({ level: 'error', msg: 'outbox drain failed', error: (error as Error)?.name })));
  }, options.intervalMs ?? 1000);
  timer.unref();

  return {
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
