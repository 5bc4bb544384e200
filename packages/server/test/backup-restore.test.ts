// Backup and restore as docs/operations.md says (issue 14, part 5), with Debian's PostgreSQL started
// in a temp dir: a server's database in use, `pg_dump --format=custom`, `pg_restore` into a fresh
// database, and a server on the copy: the same rows, /readyz, and the conformance kit passes.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleTokens, formatReport, runConformance } from '../src/conformance/index.js';
import { openPostgres, type Db } from '../src/db.js';
import type { RunningServer } from '../src/server.js';
import { localPostgresUnavailable, startLocalPostgres, type LocalPostgres } from '../src/testing/local-postgres.js';
import { startTestServer } from './helpers.js';

/** The client tools of the same PostgreSQL as the server the test starts. */
function clientTool(name: 'pg_dump' | 'pg_restore'): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (existsSync(join(dir, name))) return join(dir, name);
  } catch {
    // Debian keeps them per version.
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join(root, versions[0], 'bin', name) : undefined;
}

const unavailable = localPostgresUnavailable() ?? (clientTool('pg_dump') && clientTool('pg_restore') ? undefined : 'pg_dump/pg_restore are not installed');

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** Every table's rows as a digest, to compare two databases. */
async function digest(db: Db): Promise<Record<string, unknown>> {
  const { rows: tables } = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, unknown> = {};
  for (const { name } of tables) out[name] = (await db.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM "${name}" t`)).rows[0];
  return out;
}

describe('backup with pg_dump, restore with pg_restore into a fresh database', { skip: unavailable ?? false, timeout: 600_000 }, () => {
  let postgres: LocalPostgres | undefined;
  let source: RunningServer | undefined;
  let restored: RunningServer | undefined;
  const work = mkdtempSync(join(tmpdir(), 'doorstroom-backup-'));
  const dump = join(work, 'doorstroom.dump');

  before(async () => {
    postgres = await startLocalPostgres();
    if (!postgres) throw new Error('startLocalPostgres could not start PostgreSQL');
    const admin = await openPostgres({ connectionString: postgres.url, max: 1 });
    await admin.exec('CREATE DATABASE doorstroom');
    await admin.exec('CREATE DATABASE doorstroom_restored');
    await admin.close();
  });
  after(async () => {
    await source?.close();
    await restored?.close();
    await postgres?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('a server in use: its database has data of every kind', async () => {
    source = await startTestServer({ databaseUrl: withDatabase(postgres!.url, 'doorstroom') });
    // Some use beyond the seed: the conformance kit's quick groups create dossiers, history and outbox rows.
    const report = await runConformance({ baseUrl: source.apiUrl, tokens: exampleTokens, cells: () => false });
    assert.equal(report.failed, 0, formatReport(report));
    const { rows } = await source.db.query<{ n: number }>('SELECT count(*)::int AS n FROM history');
    assert.ok(rows[0]!.n > 0);
  });

  it('pg_dump --format=custom, then pg_restore into a fresh database: the same rows', async () => {
    const url = withDatabase(postgres!.url, 'doorstroom');
    const dumped = spawnSync(clientTool('pg_dump')!, ['--format=custom', '--no-owner', `--file=${dump}`, url], { encoding: 'utf8' });
    assert.equal(dumped.status, 0, dumped.stderr);
    const before = await digest(source!.db);
    await source!.close();
    source = undefined;
    const restoredUrl = withDatabase(postgres!.url, 'doorstroom_restored');
    const restore = spawnSync(clientTool('pg_restore')!, ['--no-owner', `--dbname=${restoredUrl}`, dump], { encoding: 'utf8' });
    assert.equal(restore.status, 0, restore.stderr);
    const copy = await openPostgres({ connectionString: restoredUrl, max: 1 });
    try {
      assert.deepEqual(await digest(copy), before);
    } finally {
      await copy.close();
    }
  });

  it('a server on the restored database is ready and passes the conformance kit', async () => {
    restored = await startTestServer({ databaseUrl: withDatabase(postgres!.url, 'doorstroom_restored') });
    const ready = await fetch(new URL('/readyz', restored.url));
    assert.equal(ready.status, 200);
    const report = await runConformance({ baseUrl: restored.apiUrl, tokens: exampleTokens });
    assert.equal(report.failed, 0, formatReport(report));
    assert.ok(report.passed >= 126, `only ${report.passed} checks ran`);
  });
});
