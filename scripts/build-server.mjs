// Builds what @doorstroom/server needs to run from npm with plain `node` (no tsx): the SDK's dist
// (rollup's library build and its declarations), the server's dist (tsc), and the script-tag bundle
// dist/doorstroom.min.js with dist/ddd-consent.min.js beside it, which the guardians' consent page
// loads, and the language files. The Dockerfile runs this.
import { spawnSync } from 'node:child_process';
import { rollup } from 'rollup';
import { bundleConfig, elementFileConfig, libraryConfig } from '../rollup.config.mjs';

async function build(config) {
  const bundle = await rollup(config);
  try {
    for (const output of [config.output].flat()) await bundle.write(output);
  } finally {
    await bundle.close();
  }
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

const started = Date.now();
await build(libraryConfig('sdk'));
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'packages/sdk/tsconfig.build.json']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'packages/server/tsconfig.build.json']);
// --server-only (scripts/bench-server.ts): the server's and the SDK's dist, without the script-tag files.
const serverOnly = process.argv.includes('--server-only');
if (!serverOnly) {
  await build(bundleConfig());
  await build(elementFileConfig('ddd-consent'));
}
console.log(`built packages/sdk/dist, packages/server/dist${serverOnly ? '' : ', dist/doorstroom.min.js and dist/ddd-consent.min.js'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
