/**
 * Prometheus metrics (prom-client): requests by method, route pattern and status, with a latency
 * histogram; the outbox's backlog and failures and the last retention run, read from the database
 * at each scrape; and Node's process metrics. Labels never hold ids, names or paths: routes are
 * patterns (`/api/dossiers/:id`), as in the request log.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db.js';

export interface ServerMetrics {
  registry: Registry;
  /** One finished request. */
  observe(method: string, route: string, status: number, seconds: number): void;
  /** The exposition text (scrapes the database for the outbox and retention gauges). */
  render(): Promise<{ contentType: string; body: string }>;
}

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT']);

export function createMetrics(db: Db): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'doorstroom_' });
  const requests = new Counter({
    name: 'doorstroom_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'doorstroom_http_request_duration_seconds',
    help: 'Time from request to the end of the response, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const databaseUp = new Gauge({ name: 'doorstroom_database_up', help: '1 when the last scrape could read the database, else 0.', registers: [registry] });
  const outbox = new Gauge({
    name: 'doorstroom_outbox_messages',
    help: 'Notifications not sent, by state: pending (not tried yet), retrying (failed at least once, will be tried again), given_up (failed for good; see the log).',
    labelNames: ['state'],
    registers: [registry],
  });
  const oldest = new Gauge({ name: 'doorstroom_outbox_oldest_unsent_age_seconds', help: 'Age of the oldest notification still to be sent (pending or retrying); 0 when none.', registers: [registry] });
  const retention = new Gauge({
    name: 'doorstroom_retention_last_run_timestamp_seconds',
    help: 'When retention last removed data (a run that was not a dry run), as a Unix time; 0 when never.',
    registers: [registry],
  });

  async function scrapeDatabase() {
    try {
      const { rows } = await db.query<{ pending: number; retrying: number; given_up: number; oldest: number | null; retention: number | null }>(
        `SELECT count(*) FILTER (WHERE sent_at IS NULL AND attempts = 0 AND next_attempt_at <> 'infinity')::int AS pending,
           count(*) FILTER (WHERE sent_at IS NULL AND attempts > 0 AND next_attempt_at <> 'infinity')::int AS retrying,
           count(*) FILTER (WHERE sent_at IS NULL AND next_attempt_at = 'infinity')::int AS given_up,
           extract(epoch FROM now() - min(created_at) FILTER (WHERE sent_at IS NULL AND next_attempt_at <> 'infinity'))::float8 AS oldest,
           (SELECT extract(epoch FROM max(at))::float8 FROM audit_log WHERE action = 'retention' AND NOT dry_run) AS retention
         FROM outbox`,
      );
      const row = rows[0]!;
      outbox.set({ state: 'pending' }, Number(row.pending));
      outbox.set({ state: 'retrying' }, Number(row.retrying));
      outbox.set({ state: 'given_up' }, Number(row.given_up));
      oldest.set(Math.max(0, Number(row.oldest ?? 0)));
      retention.set(Number(row.retention ?? 0));
      databaseUp.set(1);
    } catch {
      databaseUp.set(0);
    }
  }

  return {
    registry,
    observe(method, route, status, seconds) {
      const labels = { method: knownMethods.has(method) ? method : 'other', route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    async render() {
      await scrapeDatabase();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
