/**
 * `doorstroom-conformance --base-url URL --tokens tokens.json`: the contract suite against any
 * backend; prints a pass/fail table and exits 1 when anything failed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exampleTokens, formatReport, runConformance, type ConformanceTokens } from '../conformance/index.js';

const usage = `Usage: doorstroom-conformance --base-url http://localhost:3000/api/ [--tokens tokens.json] [--skip-matrix]

tokens.json names the people the suite acts as (keys: student, guardian, otherGuardian, mentor,
otherMentor, otherStudent, mbo, otherMbo; see packages/server/README.md). Without it, the demo tokens of
the example data are used. --skip-matrix leaves out the workflow matrix (every action and save
by every person in every state), the longest part. The suite creates dossiers: run it against a
test environment.`;

const { values } = parseArgs({ options: { 'base-url': { type: 'string' }, tokens: { type: 'string' }, 'skip-matrix': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help || !values['base-url']) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

const keys = Object.keys(exampleTokens) as (keyof ConformanceTokens)[];
let tokens: ConformanceTokens = exampleTokens;
if (values.tokens) {
  const parsed = JSON.parse(readFileSync(values.tokens, 'utf8')) as Partial<ConformanceTokens>;
  const missing = keys.filter((k) => typeof parsed[k] !== 'string' || parsed[k] === '');
  if (missing.length) {
    console.error(`${values.tokens} lacks: ${missing.join(', ')}`);
    process.exit(2);
  }
  tokens = parsed as ConformanceTokens;
}

const report = await runConformance({
  baseUrl: values['base-url'],
  tokens,
  ...(values['skip-matrix'] ? { cells: () => false } : {}),
  onResult: (r) => process.stderr.write(r.status === 'pass' ? '.' : r.status === 'fail' ? 'F' : 's'),
});
process.stderr.write('\n');
console.log(formatReport(report));
process.exit(report.failed === 0 ? 0 : 1);
