// The one test command (README, .ci/run). Every step counts toward the closing line CI reads:
// "N passed, N failed" alone on a line.
//   1. type check (tsc)                      — one check
//   2. element benchmarks load and run (BENCH_SMOKE, no timing judged) — one check
//   3. OpenAPI document matches the schemas  — one check
//   3b. docs/questions.json matches the section definitions — one check
//   4. script-tag bundle within size budget  — one check
//   4b. docs' script tag carries the built bundle's integrity hash (scripts/sri.mjs --check) — one check
//   5. npm packages publishable (npm publish --dry-run of all three, tarball contents, declarations) — one check
//   5b. ESLint: typescript-eslint, lit, lit-a11y, wc (eslint.config.mjs) — one check
//   5c. Prettier: every file formatted (.prettierrc.json, .prettierignore) — one check
//   6. Storybook builds (offline)             — one check
//   7. reference server + conformance kit + the demo and the built Storybook in Chromium — Node's test runner
//   8. SDK, elements, cross-element flows    — real Chromium through @web/test-runner
//   9. the cross-element flows again on dist/doorstroom.min.js (web-test-runner.bundle.config.mjs)
import './node24.mjs'; // first: on Node < 22, runs this script again under Node 24
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const totals = { passed: 0, failed: 0 };
const failures = [];

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  return result;
}

function check(name, cmd, args, env) {
  console.log(`\n── ${name}`);
  const result = run(cmd, args, env);
  if (result.status === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
  }
}

function counted(name, cmd, args, parse, env) {
  console.log(`\n── ${name}`);
  const result = run(cmd, args, env);
  const counts = parse(result.stdout ?? '');
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    if (counts.failed > 0) failures.push(`${name}: ${counts.failed} failed`);
  }
  // A runner that crashed, or exited non-zero without reporting a failure, still fails the run.
  if (!counts || (result.status !== 0 && counts.failed === 0)) {
    totals.failed += 1;
    failures.push(`${name}: exited with ${result.status}`);
  }
}

const nodeTestCounts = (out) => {
  const pass = /^[#ℹ] pass (\d+)/m.exec(out);
  const fail = /^[#ℹ] fail (\d+)/m.exec(out);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : undefined;
};
const browserCounts = (out) => {
  const match = /browser tests: (\d+) passed, (\d+) failed/.exec(out);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
};

if (!ensureChromium()) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

check('type check', 'npx', ['tsc', '-p', 'tsconfig.json']);
// Before check-packages, which leaves packages/*/dist behind: the benchmark must run without a build.
check('element benchmarks load and run (BENCH_SMOKE: 5 samples, timings not judged)', 'node', ['scripts/bench-elements.mjs'], { BENCH_SMOKE: '1' });
if (existsSync('scripts/check-openapi.ts')) check('OpenAPI document matches the schemas', 'npx', ['tsx', '--conditions=@doorstroom/source', 'scripts/check-openapi.ts']);
check('question definitions (docs/questions.json) match the SDK', 'npx', ['tsx', '--conditions=@doorstroom/source', 'scripts/check-questions.ts']);
if (existsSync('scripts/size.mjs')) check('size budget of the script-tag bundle', 'node', ['scripts/size.mjs']);
check("docs/embedding.md's script tag carries the built bundle's integrity hash (npm run sri)", 'node', ['scripts/sri.mjs', '--check']);
check('npm packages: npm publish --dry-run, exports, tarball contents and declarations', 'node', ['scripts/check-packages.mjs']);
check('lint (ESLint: typescript-eslint, lit, lit-a11y, wc)', 'npx', ['eslint', '.']);
check('format (Prettier)', 'npx', ['prettier', '--check', '.']);
check('Storybook builds', 'npx', ['storybook', 'build', '--disable-telemetry', '--quiet', '--output-dir', 'storybook-static']);
if (existsSync('packages/server/test')) {
  counted(
    'reference server, conformance kit and the demo played end to end (node --test)',
    'node',
    ['--conditions=@doorstroom/source', '--import', 'tsx', '--test', '--test-reporter=tap', ...listNodeTests()],
    nodeTestCounts,
  );
}
counted('browser tests (Chromium)', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], browserCounts);
if (process.argv.length <= 2) {
  counted('cross-element browser tests against the built script-tag bundle (Chromium)', 'npx', ['web-test-runner', '--config', 'web-test-runner.bundle.config.mjs'], browserCounts);
}

/**
 * The server's tests, and test/<area>/*.e2e.ts: pages in Chromium driven from Node (the demo
 * portal, the built Storybook).
 */
function listNodeTests() {
  return spawnSync('sh', ['-c', 'ls packages/server/test/*.test.ts test/*/*.e2e.ts'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
