// Generates docs/questions.json (the question definitions of the default region config: sections,
// question ids, kinds, options, conditions and limits, Dutch labels) and docs/questions.schema.json
// (its JSON Schema) from the SDK, so a vendor validating answers reads what the SDK checks.
// Run `npm run questions` after changing a section definition or the default region config;
// `npm run check:questions` (part of `npm test`) fails while the committed files are out of date.
// For another region: `questionDefinitions(config)` from @doorstroom/sdk.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRegionConfig } from '../packages/sdk/src/config.js';
import { questionDefinitions, questionDefinitionsJsonSchema } from '../packages/sdk/src/question-definitions.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const questionsFile = path.join(root, 'docs', 'questions.json');
export const questionsSchemaFile = path.join(root, 'docs', 'questions.schema.json');

export const serialize = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

/** The two files' expected contents: path → text. */
export function buildQuestionFiles(): Map<string, string> {
  return new Map([
    [questionsFile, serialize({ $schema: './questions.schema.json', ...questionDefinitions(defaultRegionConfig) })],
    [questionsSchemaFile, serialize(questionDefinitionsJsonSchema())],
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, text] of buildQuestionFiles()) {
    writeFileSync(file, text);
    console.log(`Wrote ${path.relative(root, file)}`);
  }
}
