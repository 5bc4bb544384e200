// The demo school portal as `npm start` serves it: the script-tag bundle (with its language files)
// and the portal's own code, built into one folder. Shared by scripts/demo.mjs and the demo's
// end-to-end test (test/demo/), so the test plays exactly what a newcomer gets.
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleConfig } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the portal into `site` (a folder path ending in a slash). */
export async function buildDemoSite(site) {
  mkdirSync(site, { recursive: true });
  const { output, ...input } = bundleConfig({ file: `${site}doorstroom.min.js` });
  const bundle = await rollup(input);
  await bundle.write(output);
  await bundle.close();
  await build({
    entryPoints: [`${root}demo/portal.ts`],
    outfile: `${site}portal.js`,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    conditions: ['@doorstroom/source', 'browser', 'production'],
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'portal.css', 'favicon.svg']) copyFileSync(`${root}demo/${file}`, `${site}${file}`);
  copyFileSync(`${root}node_modules/msw/lib/mockServiceWorker.js`, `${site}mockServiceWorker.js`);
}
