/** Shared set-up for the server tests: a throwaway server on a free port over a fresh PGlite copy (or DATABASE_URL). */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { openPostgres } from '../src/db.js';
import { startServer, type RunningServer, type StartServerOptions } from '../src/server.js';
import { localPostgresUnavailable, startLocalPostgres } from '../src/testing/local-postgres.js';
import { freshPgliteDir } from '../src/testing/pglite-template.js';

export const freshDataDir = freshPgliteDir;

export async function startTestServer(options: StartServerOptions = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = options.dataDir ?? (options.databaseUrl ? '' : await freshDataDir());
  const running = await startServer({ port: 0, dev: true, nodeEnv: 'test', logger: false, rateLimit: false, outboxIntervalMs: 60_000, ...(dataDir ? { dataDir } : {}), ...options });
  return Object.assign(running, { dataDir });
}

export function removeDir(dir: string) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

const givenPostgres = process.env['DATABASE_URL'];
/** Why a PostgreSQL test file cannot run here (skip it with this reason), or undefined when it can. */
export const postgresUnavailable = givenPostgres ? undefined : localPostgresUnavailable();

export interface TestSchema {
  /** A connection string whose search_path is the schema. */
  url: string;
  /** Drops the schema (and stops the throwaway server, if one was started). */
  drop(): Promise<void>;
}

/**
 * A fresh schema on DATABASE_URL, or on a throwaway local PostgreSQL when none is given, so test
 * files (and several servers in one file) each get their own tables without touching the others.
 */
export async function freshPostgresSchema(prefix: string): Promise<TestSchema> {
  const local = givenPostgres ? undefined : await startLocalPostgres();
  const base = givenPostgres ?? local?.url;
  if (!base) throw new Error(`no PostgreSQL: ${postgresUnavailable}`);
  const schema = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = await openPostgres({ connectionString: base, max: 2 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(base);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: scoped.toString(),
    async drop() {
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
      await local?.stop();
    },
  };
}
