/**
 * `doorstroom-conformance --base-url URL --tokens tokens.json`: the contract suite against any
 * backend; prints a pass/fail table and exits 1 when anything failed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exampleTokens, formatReport, optionalTokenKeys, requiredTokenKeys, runConformance, type ConformanceTokens } from '../conformance/index.js';

const usage = `Usage: doorstroom-conformance --base-url http://localhost:3000/api/ [--tokens tokens.json] [--skip-matrix] [--rate-limit]

tokens.json names the people the suite acts as (keys: ${requiredTokenKeys.join(', ')};
optional: ${optionalTokenKeys.join(', ')}; see packages/server/README.md). Without it, the demo
tokens of the example data are used. A check that needs an optional token that is not given is
reported as skipped, with the reason. --skip-matrix leaves out the workflow matrix (every action
and save by every person in every state), the longest part. --rate-limit also sends 300 requests
with junk tokens and expects a 429 (afterwards the backend may refuse this address for a while).
The suite creates dossiers: run it against a test environment.`;

const { values } = parseArgs({
  options: { 'base-url': { type: 'string' }, tokens: { type: 'string' }, 'skip-matrix': { type: 'boolean' }, 'rate-limit': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || !values['base-url']) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

let tokens: ConformanceTokens = exampleTokens;
if (values.tokens) {
  const parsed = JSON.parse(readFileSync(values.tokens, 'utf8')) as Record<string, unknown>;
  const isToken = (value: unknown) => typeof value === 'string' && value !== '';
  const missing = requiredTokenKeys.filter((k) => !isToken(parsed[k]));
  const broken = optionalTokenKeys.filter((k) => parsed[k] !== undefined && !isToken(parsed[k]));
  const unknown = Object.keys(parsed).filter((k) => !(requiredTokenKeys as ReadonlyArray<string>).includes(k) && !(optionalTokenKeys as ReadonlyArray<string>).includes(k));
  if (missing.length || broken.length || unknown.length) {
    if (missing.length) console.error(`${values.tokens} lacks: ${missing.join(', ')}`);
    if (broken.length) console.error(`${values.tokens}: not a token (a non-empty string): ${broken.join(', ')}`);
    if (unknown.length) console.error(`${values.tokens}: unknown keys: ${unknown.join(', ')} (known: ${[...requiredTokenKeys, ...optionalTokenKeys].join(', ')})`);
    process.exit(2);
  }
  tokens = parsed as unknown as ConformanceTokens;
}

const report = await runConformance({
  baseUrl: values['base-url'],
  tokens,
  ...(values['skip-matrix'] ? { cells: () => false } : {}),
  ...(values['rate-limit'] ? { checkRateLimit: true } : {}),
  onResult: (r) => process.stderr.write(r.status === 'pass' ? '.' : r.status === 'fail' ? 'F' : 's'),
});
process.stderr.write('\n');
console.log(formatReport(report));
process.exit(report.failed === 0 ? 0 : 1);
