// SDK benchmarks (Node): validating and completing a full dossier, and can() over the whole
// action × role × state matrix. Prints a table; goal: a full dossier validated in under 1 ms.
import { buildSections, defaultRegionConfig } from '../packages/sdk/src/config.js';
import { conditionContext } from '../packages/sdk/src/conditions.js';
import { completion } from '../packages/sdk/src/completion.js';
import { validateSection, parseDraft } from '../packages/sdk/src/answers.js';
import { can } from '../packages/sdk/src/workflow.js';
import { dossierActionSchema, dossierStatusSchema, type Dossier } from '../packages/sdk/src/contract.js';
import { actors, completeAnswers, makeDossier, roster, today } from '../packages/sdk/src/testing/fixtures.js';

interface Row {
  name: string;
  opsPerSecond: number;
  meanMicros: number;
  p95Micros: number;
  goal: string;
  ok: boolean;
}

function measure(name: string, goalMicros: number, work: () => void, minMillis = 1000): Row {
  for (let i = 0; i < 200; i++) work(); // warm-up for the JIT
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMillis) {
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) work();
    samples.push(((performance.now() - t0) / 10) * 1000);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const p95 = samples[Math.floor(samples.length * 0.95)] ?? mean;
  return { name, opsPerSecond: Math.round(1e6 / mean), meanMicros: mean, p95Micros: p95, goal: `< ${goalMicros} µs`, ok: p95 < goalMicros };
}

const config = defaultRegionConfig;
const full: Dossier = makeDossier({
  sections: ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding', 'motivatie', 'begeleiding', 'advies'],
});
const sections = buildSections(config, full.type);
const context = conditionContext(full, config, today);

const rows: Row[] = [];
rows.push(
  measure('validate full dossier (all sections)', 1000, () => {
    for (const section of sections) validateSection(section, full.answers[section.id], context, { today });
  }),
);
rows.push(measure('completion(full dossier)', 1000, () => completion(full, config, { today })));
rows.push(
  measure('parseDraft every section (backend save check)', 1000, () => {
    for (const section of sections) if (full.answers[section.id]) parseDraft(section, full.answers[section.id]);
  }),
);

const roles = Object.values(actors);
const states = dossierStatusSchema.options;
const actions = dossierActionSchema.options;
const dossiers = states.flatMap((status) =>
  [false, true].map((archived) => makeDossier({ status, archived, mentor: roster[0] ?? null, answers: { ...full.answers, akkoordverklaring: completeAnswers('akkoordverklaring') } })),
);
const cells = roles.length * actions.length * dossiers.length;
rows.push(
  measure(`can() over the matrix (${cells} cells)`, 10_000, () => {
    for (const dossier of dossiers) for (const action of actions) for (const actor of roles) can(actor, action, dossier, { config, today, roster });
  }),
);

console.log('\nSDK benchmarks (Node ' + process.version + ')\n');
console.log('| benchmark | ops/s | mean | p95 | goal | ok |');
console.log('|---|---:|---:|---:|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.opsPerSecond.toLocaleString('en')} | ${r.meanMicros.toFixed(1)} µs | ${r.p95Micros.toFixed(1)} µs | ${r.goal} | ${r.ok ? 'yes' : 'NO'} |`);
}
if (rows.some((r) => !r.ok)) process.exitCode = 1;
