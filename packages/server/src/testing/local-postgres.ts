/**
 * A throwaway PostgreSQL server in a temporary directory on a loopback port, for the benchmark
 * and for trying the server against real PostgreSQL without installing anything else. Needs the
 * PostgreSQL server binaries (Debian: `apt-get install postgresql`); as root it runs them as the
 * `postgres` user, because initdb refuses to run as root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface LocalPostgres {
  url: string;
  /** The postmaster's process id (its backends are its children), for CPU accounting. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

function binDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // No pg_config on PATH: look where Debian puts the server.
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresUid(): { uid: number; gid: number } | undefined {
  const line = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).stdout.trim();
  const [, , uid, gid] = line.split(':');
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

/** Why no local PostgreSQL can be started here, or undefined when one can. */
export function localPostgresUnavailable(): string | undefined {
  if (!binDir()) return 'the PostgreSQL server binaries are not installed (Debian: apt-get install postgresql)';
  if (userInfo().uid === 0 && !postgresUid()) return 'running as root, and there is no postgres user to run the server as';
  return undefined;
}

/** Starts one; undefined when the binaries (or, as root, a postgres user) are missing. */
export async function startLocalPostgres(options: { durable?: boolean } = {}): Promise<LocalPostgres | undefined> {
  const bin = binDir();
  if (!bin) return undefined;
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? postgresUid() : undefined;
  if (asRoot && !owner) return undefined;

  const dir = mkdtempSync(join(tmpdir(), 'doorstroom-postgres-'));
  chmodSync(dir, 0o700);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (command: string, args: string[]) => {
    const full = join(bin, command);
    const result = owner ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' }) : spawnSync(full, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'doorstroom', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=100'];
    if (!options.durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '120', '-o', settings.join(' '), 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://doorstroom@127.0.0.1:${port}/postgres`,
    pid() {
      try {
        return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return undefined;
      }
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
