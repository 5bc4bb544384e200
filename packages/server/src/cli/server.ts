/** `doorstroom-server`: the reference backend, configured through the environment (README). */
import { optionsFromEnv } from '../config.js';
import { ConfigurationError, startServer } from '../server.js';

try {
  const options = await optionsFromEnv();
  if (!options.databaseUrl && (options.dev || options.verifier)) console.log('Opening PGlite (the first start initialises the database and can take a minute) …');
  const running = await startServer(options);
  console.log(`doorstroom server: ${running.apiUrl} (${running.db.kind}${running.dev ? ', dev mode: demo tokens, GET /api/dev/outbox' : ''})`);
  const stop = async (signal: string) => {
    console.log(`${signal}: stopping`);
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(`doorstroom server: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
