/** Shared set-up for the server tests: a throwaway server on a free port over a fresh PGlite copy (or DATABASE_URL). */
import { rmSync } from 'node:fs';
import { startServer, type RunningServer, type StartServerOptions } from '../src/server.js';
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
