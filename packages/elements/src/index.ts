// @doorstroom/elements: importing this module registers every element (tolerating tags that
// another copy already defined). Import a single element's tag file to register only that one.
export * from './context/ddd-context.js';
export * from './progress/ddd-progress.js';
export * from './dossier-form/ddd-dossier-form.js';
export * from './mentor-review/ddd-mentor-review.js';
export * from './consent/ddd-consent.js';
export * from './intake/ddd-intake.js';
export * from './shared/events.js';
export * from './shared/drafts.js';
// For pages that load the script-tag bundle and bring their own authentication or languages.
export { createHttpClient, isDossierApiError, registerLanguage } from '@doorstroom/sdk';
export { addMessages, offerLanguages } from './shared/i18n.js';
