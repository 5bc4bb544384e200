// The one test command (README, .ci/run): type check, then every browser test in Chromium.
// Ends with "N passed, N failed" alone on a line, as CI expects.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

let passed = 0;
let failed = 0;
if (!ensureChromium()) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json']);
process.stdout.write(typecheck.stdout);
if (typecheck.status === 0) passed += 1;
else {
  failed += 1;
  console.log('typecheck: failed');
}

const wtr = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)]);
process.stdout.write(wtr.stdout);
const match = /browser tests: (\d+) passed, (\d+) failed/.exec(wtr.stdout);
if (match) {
  passed += Number(match[1]);
  failed += Number(match[2]);
}
if (wtr.status !== 0 && (!match || Number(match[2]) === 0)) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
