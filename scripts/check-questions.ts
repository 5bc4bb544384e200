// CI check: docs/questions.json and docs/questions.schema.json must be what scripts/questions.ts
// generates from the current section definitions and default region config, and the document must
// parse with the SDK's schema. Prints one line per file; exits 1 when one is missing or stale.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { questionDefinitionsSchema } from '../packages/sdk/src/question-definitions.js';
import { buildQuestionFiles, questionsFile } from './questions.js';

try {
  for (const [file, expected] of buildQuestionFiles()) {
    const name = path.relative(process.cwd(), file) || file;
    const actual = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (actual === expected) console.log(`questions: ${name} is up to date`);
    else {
      console.log(`questions: ${name} is ${actual === undefined ? 'missing' : 'out of date'}: run \`npm run questions\` and commit it`);
      process.exitCode = 1;
    }
  }
  if (existsSync(questionsFile)) {
    const parsed = questionDefinitionsSchema.safeParse(JSON.parse(readFileSync(questionsFile, 'utf8')));
    if (!parsed.success) {
      console.log(`questions: docs/questions.json does not parse with questionDefinitionsSchema: ${parsed.error.message}`);
      process.exitCode = 1;
    }
  }
} catch (error) {
  console.log(`questions: could not generate the document: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
