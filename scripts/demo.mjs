// `npm start`: builds the script-tag bundle, then serves the demo school portal, which embeds
// the elements with one <script> tag and runs the embedded backend in the page (msw service
// worker over the SDK's memory backend, persisted in localStorage so a reload keeps the state).
import { rollup } from 'rollup';
import { bundleConfig } from '../rollup.config.mjs';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8080);

console.log('Building dist/doorstroom.min.js …');
const { output, ...input } = bundleConfig();
const bundle = await rollup(input);
await bundle.write(output);
await bundle.close();

await startDevServer({
  config: {
    rootDir: root,
    port,
    nodeResolve: { exportConditions: ['browser', 'production'] },
    appIndex: undefined,
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.esbuild.json', import.meta.url)) })],
    middleware: [
      function serveDemo(context, next) {
        if (context.url === '/' || context.url === '/index.html') context.url = '/demo/index.html';
        if (context.url === '/mockServiceWorker.js') context.url = '/node_modules/msw/lib/mockServiceWorker.js';
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`\nDemo school portal: http://localhost:${port}/\n` +
  'Switch roles at the top (leerling, mentor, ouder, mbo) to play the whole flow. Ctrl+C stops.');
