// Server benchmark: the reference server (production mode, its own process) under a bounded
// autocannon run on localhost: 50 students at once, each saving sections of their own dossier and
// acting on it (archive/reactivate), a fixed number of requests. Prints saves/s and latencies as
// a table, then checks in the database that every acknowledged write is there.
// Database: PGlite in a temp dir (default; informational), DATABASE_URL (a schema of its own), or
// --postgres (a throwaway local PostgreSQL). The goal (≥ 1000 saves/s, p95 ≤ 50 ms) is enforced on
// PostgreSQL only. Run: npx tsx --conditions=@doorstroom/source scripts/bench-server.ts [--requests 3000] [--connections 50] [--postgres]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDb } from '../packages/server/src/db.js';
import { migrate } from '../packages/server/src/migrations.js';
import { exampleData } from '../packages/server/src/sdk.js';
import { seedIfEmpty } from '../packages/server/src/seed.js';
import { benchToken, withBenchStudents } from '../packages/server/src/testing/bench-accounts.js';
import { benchImport, type ImportTiming } from '../packages/server/src/testing/bench-import.js';
import { startLocalPostgres, type LocalPostgres } from '../packages/server/src/testing/local-postgres.js';
import { freshPgliteDir } from '../packages/server/src/testing/pglite-template.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '3000' }, connections: { type: 'string', default: '50' }, postgres: { type: 'boolean', default: false } } });
const requests = Number(values.requests);
const connections = Number(values.connections);
const goal = { savesPerSecond: 1000, p95Ms: 50 };

// --- database ---------------------------------------------------------------------------------
let localPostgres: LocalPostgres | undefined;
let databaseUrl = process.env['DATABASE_URL'];
if (values.postgres) {
  localPostgres = await startLocalPostgres({ durable: true });
  if (!localPostgres) {
    console.log('bench-server: no PostgreSQL server binaries here (apt-get install postgresql); skipped.');
    process.exit(0);
  }
  databaseUrl = localPostgres.url;
}
const schema = `doorstroom_bench_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const withSchema = (url: string) => {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
};
const dataDir = databaseUrl ? undefined : await freshPgliteDir();
const dbOptions = databaseUrl ? { databaseUrl: withSchema(databaseUrl) } : { dataDir: dataDir! };
const kind = databaseUrl ? (localPostgres ? 'PostgreSQL (local, temporary)' : 'PostgreSQL (DATABASE_URL)') : 'PGlite (file, temporary)';

if (databaseUrl) {
  const admin = await openDb({ databaseUrl });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
}
const seedDb = await openDb(dbOptions);
await migrate(seedDb);
await seedIfEmpty(seedDb, () => withBenchStudents(exampleData(), connections));
await seedDb.close();

// --- server (a process of its own, as in production) ------------------------------------------
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as { port: number };
    probe.close(() => resolve(free));
  });
});
// BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
const nodeArgs = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--conditions=@doorstroom/source', '--import', 'tsx', 'packages/server/src/cli/server.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DOORSTROOM_VERIFIER: 'packages/server/src/testing/bench-accounts.ts',
    DOORSTROOM_RATE_BURST: '0',
    DOORSTROOM_LOG: 'false',
    DOORSTROOM_DB_POOL: '20',
    ...(databaseUrl ? { DATABASE_URL: withSchema(databaseUrl) } : { DOORSTROOM_DATA_DIR: dataDir! }),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  child.stdout!.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('doorstroom server:')) resolve();
  });
});
const apiUrl = `http://127.0.0.1:${port}/api/`;

// --- one dossier per student --------------------------------------------------------------------
interface Student {
  token: string;
  id: string;
  version: number;
  startVersion: number;
  step: number;
  /** The last answer was lost (timeout) or refused: read the dossier before writing again. */
  resync: boolean;
}
const students: Student[] = await Promise.all(
  Array.from({ length: connections }, async (_, i) => {
    const token = benchToken(i + 1);
    const response = await fetch(new URL('dossiers', apiUrl), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'vo-mbo' }) });
    if (response.status !== 201) throw new Error(`creating a dossier gave ${response.status}`);
    const dossier = (await response.json()) as { id: string; version: number };
    return { token, id: dossier.id, version: dossier.version, startVersion: dossier.version, step: 0, resync: false };
  }),
);

type Op = { kind: 'save'; section: string; question: string } | { kind: 'action'; action: 'archive' | 'reactivate' };
const plan: Op[] = [
  { kind: 'save', section: 'motivatie', question: 'waarom' },
  { kind: 'save', section: 'thuis', question: 'vrijeTijd' },
  { kind: 'save', section: 'voorbereiding', question: 'toelichting' },
  { kind: 'save', section: 'motivatie', question: 'waarom' },
  { kind: 'save', section: 'thuis', question: 'vrijeTijd' },
  { kind: 'save', section: 'voorbereiding', question: 'toelichting' },
  { kind: 'save', section: 'motivatie', question: 'waarom' },
  { kind: 'save', section: 'thuis', question: 'vrijeTijd' },
  { kind: 'action', action: 'archive' },
  { kind: 'action', action: 'reactivate' },
];

interface Ack {
  dossierId: string;
  version: number;
  op: Op;
  marker: string;
}
const acks: Ack[] = [];
const failures = new Map<number, number>();
const latencies = { save: [] as number[], action: [] as number[], read: [] as number[] };

function requestFor(student: Student): autocannon.Request {
  let pending: { op: Op | 'read'; marker: string; started: number } | undefined;
  return {
    setupRequest: (request) => {
      // No answer to the previous request (a timeout): the server may have stored it anyway.
      if (pending) student.resync = true;
      const headers = { authorization: `Bearer ${student.token}`, 'content-type': 'application/json', 'if-match': `"${student.version}"` };
      if (student.resync) {
        pending = { op: 'read', marker: '', started: performance.now() };
        return { ...request, method: 'GET', path: `/api/dossiers/${student.id}`, headers, body: '' };
      }
      const op = plan[student.step % plan.length]!;
      const marker = `Mijn motivatie, versie ${student.step} van ${student.token}: ik wil graag deze opleiding volgen.`;
      student.step++;
      pending = { op, marker, started: performance.now() };
      return op.kind === 'save'
        ? { ...request, method: 'PATCH', path: `/api/dossiers/${student.id}/sections/${op.section}`, headers, body: JSON.stringify({ answers: { [op.question]: marker } }) }
        : { ...request, method: 'POST', path: `/api/dossiers/${student.id}/actions/${op.action}`, headers, body: '{}' };
    },
    onResponse: (status, _body, _context, headers) => {
      if (!pending) return;
      const { op, marker, started } = pending;
      pending = undefined;
      latencies[op === 'read' ? 'read' : op.kind].push(performance.now() - started);
      if (status >= 200 && status < 300) {
        student.version = Number((headers?.['etag'] ?? '').replaceAll('"', ''));
        if (op === 'read') student.resync = false;
        else acks.push({ dossierId: student.id, version: student.version, op, marker });
      } else {
        failures.set(status, (failures.get(status) ?? 0) + 1);
        student.resync = true;
      }
    },
  };
}

/** CPU seconds (user + system) used so far by these processes and their children still running (Linux). */
function cpuSeconds(root: number | undefined): number {
  if (root === undefined || !existsSync('/proc')) return Number.NaN;
  const stats = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        return [{ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
      } catch {
        return [];
      }
    });
  const family = new Set([root]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const s of stats) if (family.has(s.ppid) && !family.has(s.pid)) family.add(s.pid), (grown = true);
  }
  return stats.filter((s) => family.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0) / 100;
}
const cpuBefore = { server: cpuSeconds(child.pid), postgres: cpuSeconds(localPostgres?.pid()) };

let nextStudent = 0;
const result = await autocannon({
  url: apiUrl,
  connections,
  amount: requests,
  pipelining: 1,
  timeout: 30,
  setupClient: (client) => client.setRequests([requestFor(students[nextStudent++ % students.length]!)]),
});

const cpu = { server: cpuSeconds(child.pid) - cpuBefore.server, postgres: cpuSeconds(localPostgres?.pid()) - cpuBefore.postgres };
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));

// --- integrity: every acknowledged write is in the database ------------------------------------
const db = await openDb(dbOptions);
const ids = students.map((s) => s.id);
const { rows: history } = await db.query<{ dossier_id: string; version: number; kind: string; section: string | null; action: string | null }>(
  `SELECT dossier_id, (entry->>'version')::int AS version, entry->>'kind' AS kind, entry->>'sectionId' AS section, entry->>'action' AS action FROM history WHERE dossier_id = ANY($1::text[])`,
  [ids],
);
const { rows: stored } = await db.query<{ id: string; version: number; answers: Record<string, Record<string, string>> }>(
  `SELECT id, version, data->'answers' AS answers FROM dossiers WHERE id = ANY($1::text[])`,
  [ids],
);
await db.close();
const inHistory = new Set(history.map((h) => `${h.dossier_id}@${h.version}:${h.kind === 'saved' ? h.section : h.action}`));
const missing = acks.filter((a) => !inHistory.has(`${a.dossierId}@${a.version}:${a.op.kind === 'save' ? a.op.section : a.op.action}`));
const problems: string[] = [];
if (missing.length) problems.push(`${missing.length} acknowledged writes missing from the history`);
// Writes the server stored while the client gave up waiting (timeouts) were never acknowledged: not a loss.
let unacknowledged = 0;
for (const student of students) {
  const row = stored.find((r) => r.id === student.id)!;
  const own = acks.filter((a) => a.dossierId === student.id);
  const lastVersion = own.reduce((max, a) => Math.max(max, a.version), student.startVersion);
  if (row.version < lastVersion) problems.push(`${student.id}: stored version ${row.version} is older than the acknowledged ${lastVersion}`);
  unacknowledged += Math.max(0, row.version - student.startVersion - own.length);
  if (row.version !== lastVersion) continue;
  for (const op of plan) {
    if (op.kind !== 'save') continue;
    const last = own.filter((a) => a.op.kind === 'save' && a.op.section === op.section).sort((a, b) => b.version - a.version)[0];
    if (last && row.answers[op.section]?.[op.question] !== last.marker) problems.push(`${student.id}: ${op.section} does not hold the last acknowledged save`);
  }
}
// --- provisioning: 2 000 students across 3 schools, imported as their CSV exports -------------------
const importDb = await openDb(dbOptions);
let imports: ImportTiming[] = [];
try {
  imports = await benchImport(importDb, 2000);
} finally {
  await importDb.close();
}
await localPostgres?.stop();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });

// --- report -------------------------------------------------------------------------------------
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : Number.NaN;
};
const seconds = result.duration;
const saves = acks.filter((a) => a.op.kind === 'save').length;
const savesPerSecond = saves / seconds;
const p95 = percentile([...latencies.save, ...latencies.action], 95);
const onPostgres = databaseUrl !== undefined;
const meets = savesPerSecond >= goal.savesPerSecond && p95 <= goal.p95Ms;
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(`\nServer benchmark: ${kind}, ${connections} students at once, ${requests} requests (80% saves, 20% archive/reactivate), Node ${process.version}\n`);
console.log('| measure | value | goal |');
console.log('|---|---:|---|');
console.log(`| saves/s | ${savesPerSecond.toFixed(0)} | ≥ ${goal.savesPerSecond} on PostgreSQL |`);
console.log(`| requests/s | ${(result.requests.total / seconds).toFixed(0)} | |`);
console.log(`| latency p50 (save / action) | ${ms(percentile(latencies.save, 50))} / ${ms(percentile(latencies.action, 50))} | |`);
console.log(`| latency p95 (save / action) | ${ms(percentile(latencies.save, 95))} / ${ms(percentile(latencies.action, 95))} | ≤ ${goal.p95Ms} ms on PostgreSQL |`);
console.log(`| latency p99 (all) | ${ms(percentile([...latencies.save, ...latencies.action], 99))} | |`);
const perRequest = (seconds: number) => (Number.isNaN(seconds) ? 'n/a' : `${((seconds * 1000) / result.requests.total).toFixed(2)} ms`);
console.log(`| CPU per request: server process / PostgreSQL | ${perRequest(cpu.server)} / ${perRequest(cpu.postgres)} | |`);
if (!Number.isNaN(cpu.server)) {
  const ceiling = (result.requests.total / cpu.server) * (saves / result.requests.total);
  console.log(`| saves/s the server's CPU cost allows on one free core | ${ceiling.toFixed(0)} | (estimate, not measured) |`);
}
if (latencies.read.length) console.log(`| re-reads after a timeout or refusal | ${latencies.read.length} | |`);
console.log(`| non-2xx answers | ${[...failures].map(([status, n]) => `${n}× ${status}`).join(', ') || '0'} | 0 |`);
console.log(`| errors / timeouts | ${result.errors} / ${result.timeouts} | 0 |`);
console.log(`| integrity | ${problems.length ? problems.slice(0, 3).join('; ') : `all ${acks.length} acknowledged writes stored`}${unacknowledged ? ` (+${unacknowledged} stored after the client timed out)` : ''} | all |`);
console.log(`\nProvisioning: 2 000 students (with a guardian each) across 3 schools, CSV exports through runImport (one transaction per file), ${kind}\n`);
console.log('| import | time | students new / changed / unchanged / left |');
console.log('|---|---:|---|');
for (const { step, ms: took, report } of imports) {
  const c = report.counts.students ?? { created: 0, updated: 0, unchanged: 0, deactivated: 0, reactivated: 0 };
  console.log(`| ${step} | ${(took / 1000).toFixed(2)} s | ${c.created} / ${c.updated} / ${c.unchanged} / ${c.deactivated} |`);
}
console.log(`\nGoal ${meets ? 'met' : 'not met'}${onPostgres ? '' : ' (informational on PGlite: one in-process connection; the goal is for PostgreSQL, try --postgres)'}.`);

if (problems.length || (onPostgres && (failures.size || result.errors || !meets))) process.exitCode = 1;
