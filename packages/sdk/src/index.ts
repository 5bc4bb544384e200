// @doorstroom/sdk: schema, workflow, completion, contract and client of the doorstroomdossier.
export * from './i18n.js';
export * from './sections/types.js';
export * from './config.js';
export * from './conditions.js';
export * from './contract.js';
export * from './validators.js';
export * from './completion.js';
export * from './answers.js';
export * from './refusals.js';
export * from './workflow.js';
export * from './consent.js';
export * from './errors.js';
export * from './client.js';
export * from './memory.js';
export * from './export.js';
export { exampleData } from './example/data.js';
export { codelists } from './data/codelists.js';
export { optionsFrom } from './sections/build.js';
