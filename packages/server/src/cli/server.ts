/**
 * `doorstroom-server [--dev]`: the reference backend, configured through the environment (README).
 * Without `--dev` (or DOORSTROOM_DEV=true) it needs a token verifier (DOORSTROOM_VERIFIER), and
 * says so instead of starting.
 */
import { parseArgs } from 'node:util';
import { optionsFromEnv } from '../config.js';
import { stopOnSignals } from '../ops/shutdown.js';
import { ConfigurationError, startServer } from '../server.js';

const usage = `usage: doorstroom-server [--dev]

  --dev    dev mode: the demo tokens, GET /api/dev/accounts, /api/dev/outbox and POST /api/dev/reset,
           on 127.0.0.1 unless HOST says otherwise (same as DOORSTROOM_DEV=true). Fictitious data only.

Without --dev, sign-in needs OpenID Connect (DOORSTROOM_OIDC_ISSUER, DOORSTROOM_OIDC_AUDIENCE and
DOORSTROOM_OIDC_JWKS_URL or DOORSTROOM_OIDC_KEY_FILE), or DOORSTROOM_VERIFIER: an ES module whose
default export is async (token) => ({ login }) | null. Everything else comes from the environment (see the README).`;

function refuse(message: string): never {
  console.error(`doorstroom server: ${message}`);
  process.exit(2);
}

let dev = false;
try {
  const { values } = parseArgs({ options: { dev: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  dev = values.dev === true;
} catch (error) {
  refuse(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
}

try {
  const options = await optionsFromEnv();
  if (dev) options.dev = true;
  if (options.dev && options.nodeEnv === 'production') {
    refuse('Dev mode (demo tokens, /api/dev routes) is not allowed with NODE_ENV=production: start without --dev and DOORSTROOM_DEV=true, with DOORSTROOM_OIDC_ISSUER or DOORSTROOM_VERIFIER.');
  }
  if (!options.dev && !options.verifier) {
    const production = options.nodeEnv === 'production';
    refuse(
      'refusing to start: sign-in is not configured.\n' +
        '  To run it for real with OpenID Connect: DOORSTROOM_OIDC_ISSUER=https://… DOORSTROOM_OIDC_AUDIENCE=<client id> DOORSTROOM_OIDC_JWKS_URL=https://… npx doorstroom-server\n' +
        '  or with a verifier of your own: DOORSTROOM_VERIFIER=./verify-token.mjs npx doorstroom-server\n' +
        '    (an ES module whose default export is async (token) => ({ login }) | null; see the README, "Sign-in").\n' +
        (production
          ? '  NODE_ENV=production never allows the demo tokens.'
          : '  To try the demo with its demo tokens instead: npx doorstroom-server --dev (or DOORSTROOM_DEV=true). Fictitious data only.'),
    );
  }
  if (!options.databaseUrl) console.log('Opening PGlite (the first start initialises the database and can take a minute) …');
  const running = await startServer(options);
  const mode = running.dev
    ? `dev mode: ${options.verifier ? (options.signIn ?? 'sign-in through DOORSTROOM_VERIFIER') : 'demo tokens'}, /api/dev routes; fictitious data only`
    : `production mode: ${options.signIn ?? 'sign-in through DOORSTROOM_VERIFIER'}`;
  console.log(`doorstroom server: ${running.apiUrl} (${running.db.kind}, ${mode})`);
  if (running.metricsUrl) console.log(`doorstroom server: metrics on ${running.metricsUrl}/metrics`);
  // SIGTERM/SIGINT: stop accepting, finish requests under way (DOORSTROOM_SHUTDOWN_TIMEOUT), close the database.
  stopOnSignals(running);
} catch (error) {
  if (error instanceof ConfigurationError) refuse(error.message);
  throw error;
}
