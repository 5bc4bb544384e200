// `npm run bench`: every benchmark, each printing a table. Budgets live beside each benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [['npx', ['tsx', '--conditions=@doorstroom/source', 'scripts/bench-sdk.ts']]];
if (existsSync('scripts/bench-elements.mjs')) steps.push(['node', ['scripts/bench-elements.mjs']]);
if (existsSync('scripts/bench-page.mjs')) steps.push(['npx', ['tsx', '--conditions=@doorstroom/source', 'scripts/bench-page.mjs']]);
if (existsSync('scripts/bench-server.ts')) steps.push(['npx', ['tsx', '--conditions=@doorstroom/source', 'scripts/bench-server.ts']]);
if (existsSync('scripts/bench-list.ts')) steps.push(['npx', ['tsx', '--conditions=@doorstroom/source', 'scripts/bench-list.ts']]);
if (existsSync('scripts/bench-list.ts')) steps.push(['npx', ['tsx', '--conditions=@doorstroom/source', 'scripts/bench-list.ts', '--as', 'decaan']]);
if (existsSync('scripts/size.mjs')) steps.push(['node', ['scripts/size.mjs']]);

let failed = false;
for (const [cmd, args] of steps) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
