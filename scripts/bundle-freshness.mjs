// Whether dist/doorstroom.min.js or an element's file (dist/<tag>.min.js) is missing or older than what it is built from: the SDK and element
// sources and the build's own scripts. `npm run size` rebuilds it then; the tests that load the
// built bundle refuse to run on a stale one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { root, scriptTagFiles } from '../rollup.config.mjs';

const sourceDirs = [path.join(root, 'packages', 'sdk', 'src'), path.join(root, 'packages', 'elements', 'src')];
const buildFiles = ['rollup.config.mjs'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function bundleIsStale() {
  // The preload script and the element files are built with the bundle: a dist/ from before they existed is stale.
  const files = scriptTagFiles();
  if (!files.every(existsSync)) return true;
  const built = Math.min(...files.map((file) => statSync(file).mtimeMs));
  const inputs = [
    ...buildFiles
      .map((file) => path.join(root, file))
      .filter(existsSync)
      .map((file) => statSync(file).mtimeMs),
    ...sourceDirs.map(newestSource),
  ];
  return inputs.some((time) => time > built);
}
