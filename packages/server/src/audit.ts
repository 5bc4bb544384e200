/**
 * The audit log of admin actions: provisioning imports, erasures on request and retention runs,
 * each with who did it (a beheerder through the admin API, someone at the command line, or the
 * daily job), when, and counts. Never names, answers or special-category data: an import's counts
 * per kind, an erasure's student id and counts, a retention run's counts. Readable by the
 * beheerder (`GET /admin/audit`, `doorstroom-admin audit`); retention never removes it.
 */
import { userInfo } from 'node:os';
import type { Queryable } from './db.js';
import type { AuditAction, AuditEntry, AuditLog, ImportReport } from './sdk.js';

export type AuditActor = AuditEntry['actor'];

export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  dryRun: boolean;
  details: Record<string, unknown>;
  at: Date;
}

export async function recordAudit(db: Queryable, record: AuditRecord): Promise<void> {
  await db.query('INSERT INTO audit_log (at, actor, action, dry_run, details) VALUES ($1, $2, $3, $4, $5)', [
    record.at.toISOString(),
    JSON.stringify(record.actor),
    record.action,
    record.dryRun,
    JSON.stringify(record.details),
  ]);
}

/** Someone at the command line: the operating-system user that ran doorstroom-admin. */
export function cliActor(): AuditActor {
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = process.env['USER'];
  }
  return user ? { kind: 'cli', id: user } : { kind: 'cli' };
}

/** What an import's audit entry keeps: per kind, how many were created, changed, deactivated and reactivated (no ids, no names). */
export function importAuditDetails(report: ImportReport): Record<string, unknown> {
  const counts = Object.fromEntries(Object.entries(report.counts).map(([kind, c]) => [kind, { created: c.created, updated: c.updated, deactivated: c.deactivated, reactivated: c.reactivated }]));
  return { counts, dossiersFollowed: report.dossiers.followed, consentReset: report.dossiers.consentReset };
}

export const maxAuditPage = 500;

interface AuditRow {
  id: string;
  at: Date | string;
  actor: AuditActor;
  action: AuditAction;
  dry_run: boolean;
  details: Record<string, unknown>;
}

/** Newest first, `limit` at a time; `before` (an entry's id) pages to older entries. */
export async function readAudit(db: Queryable, options: { limit?: number; before?: string } = {}): Promise<AuditLog> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), maxAuditPage);
  const { rows } = await db.query<AuditRow>(
    `SELECT id::text AS id, at, actor, action, dry_run, details FROM audit_log
     WHERE ($1::bigint IS NULL OR audit_log.id < $1::bigint) ORDER BY audit_log.id DESC LIMIT $2`,
    [options.before ?? null, limit + 1],
  );
  const items = rows.slice(0, limit).map((row) => ({
    id: String(row.id),
    at: (row.at instanceof Date ? row.at : new Date(row.at)).toISOString(),
    actor: row.actor,
    action: row.action,
    dryRun: row.dry_run,
    details: row.details,
  }));
  return rows.length > limit ? { items, next: items.at(-1)!.id } : { items };
}
