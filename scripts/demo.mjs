// `npm start`: builds the script-tag bundle and the demo portal into dist/demo, then starts the
// reference server (PostgreSQL through PGlite in .doorstroom-data/, seeded with example data)
// serving both the contract at /api/ and the portal at /. The state survives restarts.
import './node24.mjs'; // first: on Node < 22, runs this script again under Node 24
import { fileURLToPath } from 'node:url';
import { buildDemoSite } from './demo-site.mjs';

const site = fileURLToPath(new URL('../dist/demo/', import.meta.url));
const port = Number(process.env.PORT ?? 8080);

console.log('Building the script-tag bundle and the demo portal …');
await buildDemoSite(site);

const { startServer } = await import('@doorstroom/server');
const server = await startServer({ port, dev: true, staticDir: site, logger: false });
console.log(
  `\nDemo school portal: ${server.url}/\n` +
    'Pick who you are at the top (leerling, mentor, ouder, mbo) and play the whole flow.\n' +
    'Data: .doorstroom-data/ (delete it, or press "Demo opnieuw beginnen", to start over). Ctrl+C stops.',
);
