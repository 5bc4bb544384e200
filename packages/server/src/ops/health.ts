/**
 * Probes outside the API's base path: `/healthz` (the process answers) and `/readyz` (the
 * database answers and has every migration this version knows; 503 while shutting down), and
 * `/metrics` for Prometheus. They carry no personal data and need no sign-in, except `/metrics` on
 * the main port, which answers only with `DOORSTROOM_METRICS_TOKEN` (see docs/operations.md).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Db } from '../db.js';
import { migrations } from '../migrations.js';

export const probePaths = { health: '/healthz', ready: '/readyz', metrics: '/metrics' } as const;

export interface Readiness {
  ready: boolean;
  /** Why not: `database unreachable`, `migrations not applied`, `shutting down`. */
  reason?: string;
  /** Migrations applied (when the database answered). */
  migrations?: number;
}

/** Is this instance ready for traffic? The database must answer within `timeoutMs`. */
export async function readiness(db: Db, options: { closing: boolean; timeoutMs?: number }): Promise<Readiness> {
  if (options.closing) return { ready: false, reason: 'shutting down' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), options.timeoutMs ?? 2000);
    });
    const { rows } = await Promise.race([db.query<{ id: number }>('SELECT id FROM schema_migrations'), timeout]);
    const applied = new Set(rows.map((r) => Number(r.id)));
    if (!migrations.every((m) => applied.has(m.id))) return { ready: false, reason: 'migrations not applied', migrations: applied.size };
    return { ready: true, migrations: applied.size };
  } catch {
    return { ready: false, reason: 'database unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** Compares a presented bearer token with the configured one without leaking its length or contents through timing. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
