// CI check: docs/openapi.json must be what scripts/openapi.ts generates from the current schemas.
// Prints one line; exits 1 when the file is missing or out of date.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApi, openApiFile, serialize } from './openapi.js';

const name = path.relative(process.cwd(), openApiFile) || openApiFile;
try {
  const expected = serialize(await buildOpenApi());
  const actual = existsSync(openApiFile) ? readFileSync(openApiFile, 'utf8') : undefined;
  if (actual === expected) {
    console.log(`openapi: ${name} is up to date`);
  } else {
    console.log(`openapi: ${name} is ${actual === undefined ? 'missing' : 'out of date'}: run \`npm run openapi\` and commit it`);
    process.exitCode = 1;
  }
} catch (error) {
  console.log(`openapi: could not generate the document: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
