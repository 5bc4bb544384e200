// List-route benchmark (issue 18): `GET /dossiers` as the MBO's intake officer sees it, the list
// <ddd-intake> loads, with 5 000 received (afgerond) dossiers for the officer's instelling on PGlite.
//
// The reference server runs in this process in production mode (no contract checks on responses,
// no dev routes), on a fresh PGlite copy seeded through its store: the example data plus `--dossiers`
// afgeronde dossiers for ROC Midden Nederland (packages/elements/src/test/received-dossiers.ts, the
// same dossiers the element benchmark shows), four in five with an intake status (read, intake
// planned, placed, not placed) as the officer would have set them. Then the officer asks for the
// list `--requests` times, one request after the other (an officer opening the worklist): the time
// is from sending the request to the last byte of the answer (the client's JSON parse not included).
// Prints a table with p50/p95 against the goal (p95 ≤ 100 ms) and the load average; exits 1 when
// the goal is missed (not with --smoke).
//
// Run: npm run bench, or npx tsx --conditions=@doorstroom/source scripts/bench-list.ts
//   [--dossiers 5000] [--requests 100] [--warmup 10] [--smoke]
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { DossierList } from '@doorstroom/sdk';
import { receivedData, seededStatus } from '../packages/elements/src/test/received-dossiers.js';
import { demoVerifier } from '../packages/server/src/auth.js';
import { startServer } from '../packages/server/src/server.js';
import { freshPgliteDir } from '../packages/server/src/testing/pglite-template.js';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string' },
    requests: { type: 'string' },
    warmup: { type: 'string' },
    smoke: { type: 'boolean', default: false },
  },
});
const smoke = values.smoke;
const count = Number(values.dossiers ?? 5000);
const requests = Number(values.requests ?? (smoke ? 5 : 100));
const warmup = Number(values.warmup ?? (smoke ? 1 : 10));
const goalMs = 100;

const today = new Date();
const seedStarted = performance.now();
const received = receivedData(count, { today });
const dataDir = await freshPgliteDir();
let failure: unknown;
const times: number[] = [];
const readTimes: number[] = [];
const load: [number, number] = [Number.NaN, Number.NaN];
let bytes = 0;
let seedSeconds = 0;
let listed: DossierList['items'] = [];
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  nodeEnv: 'production',
  dataDir,
  seed: true,
  seedData: () => received.data,
  verifier: demoVerifier(received.data.accounts),
  logger: false,
  rateLimit: false,
  retentionJob: false,
  outboxIntervalMs: 3_600_000,
});
try {
  // What the officer did before: opened most dossiers (read), and gave many a status.
  await server.store.transaction(async (tx) => {
    for (const [index, dossier] of received.dossiers.entries()) {
      const request = seededStatus(index, today);
      if (request) await tx.putIntake(dossier.id, { ...request, updatedAt: dossier.finalizedAt });
    }
  });
  seedSeconds = (performance.now() - seedStarted) / 1000;

  const url = new URL('dossiers', server.apiUrl);
  const headers = { Authorization: `Bearer ${received.officer}` };
  const list = async () => {
    const t0 = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    const took = performance.now() - t0;
    if (response.status !== 200) throw new Error(`GET /dossiers answered ${response.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
    return { took, body };
  };
  load[0] = loadavg()[0]!;
  for (let i = 0; i < warmup + requests; i++) {
    const { took, body } = await list();
    if (i >= warmup) times.push(took);
    if (i === 0) {
      bytes = body.byteLength;
      listed = (JSON.parse(new TextDecoder().decode(body)) as DossierList).items;
    }
  }
  load[1] = loadavg()[0]!;
  // Informational: the database read alone (the statement pg-store's listDossiers sends for the MBO).
  for (let i = 0; i < warmup + Math.min(requests, 20); i++) {
    const t0 = performance.now();
    await server.db.query('SELECT data FROM dossiers WHERE status = ANY($1::text[]) AND chosen_brin = $2 ORDER BY created_at, id', [['afgerond'], '25LH']);
    if (i >= warmup) readTimes.push(performance.now() - t0);
  }
  // The answer is the officer's worklist: every generated dossier (and Sam's), afgerond, with its intake status.
  const ids = new Set(listed.map((item) => item.id));
  const missing = received.dossiers.filter((d) => !ids.has(d.id)).length;
  if (missing > 0 || listed.some((item) => item.status !== 'afgerond' || !item.intake)) throw new Error(`the list lacks ${missing} of the ${count} dossiers, or lists one not afgerond or without intake status`);
} catch (error) {
  failure = error;
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (failure) {
  console.error(failure);
  process.exit(1);
}

/** Nearest-rank percentile. */
const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
};
const p50 = percentile(times, 0.5);
const p95 = percentile(times, 0.95);
const ok = p95 <= goalMs;
const byStatus = new Map<string, number>();
for (const item of listed) byStatus.set(item.intake!.status, (byStatus.get(item.intake!.status) ?? 0) + 1);

console.log(
  `\nList-route benchmark: GET /dossiers as the MBO's intake officer (ROC Midden Nederland), reference server in production mode on PGlite (in-process), Node ${process.version}`,
);
console.log(
  `${listed.length.toLocaleString('en')} dossiers listed (${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ')}); answer ${(bytes / 1024).toFixed(0)} kB; seeded in ${seedSeconds.toFixed(1)} s; ${requests} requests one after the other after ${warmup} to warm up; load average ${load[0].toFixed(1)} → ${load[1].toFixed(1)} on ${cpus().length} CPUs${smoke ? '; SMOKE RUN: goal not judged' : ''}\n`,
);
console.log('| benchmark | requests | p50 | p95 | max | goal | ok |');
console.log('|---|---:|---:|---:|---:|---|---|');
console.log(
  `| GET /dossiers, MBO, ${count.toLocaleString('en')} received dossiers (PGlite) | ${times.length} | ${p50.toFixed(1)} ms | ${p95.toFixed(1)} ms | ${Math.max(...times).toFixed(1)} ms | ≤ ${goalMs} ms p95 | ${smoke ? '—' : ok ? 'yes' : 'NO'} |`,
);
console.log(
  `| of which the database read alone: SELECT data of those dossiers (informational) | ${readTimes.length} | ${percentile(readTimes, 0.5).toFixed(1)} ms | ${percentile(readTimes, 0.95).toFixed(1)} ms | ${Math.max(...readTimes).toFixed(1)} ms | — | — |`,
);
if (!smoke && !ok) process.exitCode = 1;
