// `npm start`: builds the script-tag bundle and the demo portal into dist/demo, then starts the
// reference server (PostgreSQL through PGlite in .doorstroom-data/, seeded with example data)
// serving both the contract at /api/ and the portal at /. The state survives restarts.
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleConfig } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = `${root}dist/demo/`;
const port = Number(process.env.PORT ?? 8080);
mkdirSync(site, { recursive: true });

console.log('Building the script-tag bundle and the demo portal …');
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
for (const file of ['index.html', 'portal.css']) copyFileSync(`${root}demo/${file}`, `${site}${file}`);
copyFileSync(`${root}node_modules/msw/lib/mockServiceWorker.js`, `${site}mockServiceWorker.js`);

const { startServer } = await import('@doorstroom/server');
const server = await startServer({ port, dev: true, staticDir: site, logger: false });
console.log(`\nDemo school portal: ${server.url}/\n` +
  'Pick who you are at the top (leerling, mentor, ouder, mbo) and play the whole flow.\n' +
  'Data: .doorstroom-data/ (delete it, or press "Demo opnieuw beginnen", to start over). Ctrl+C stops.');
