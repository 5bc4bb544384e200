/**
 * The script-tag bundle's entry (dist/doorstroom.min.js): every element, as the package index
 * registers them, but without English; dist/lang/en.js brings it like the other languages.
 *
 * The Dutch message catalogues, the style sheets and the elements' state modules (decisions
 * without DOM) come first: the bundle keeps modules in evaluation order, and like next to like
 * compresses better in gzip's 32 kB window (about 1.5 kB min+gzip). Nothing observable changes:
 * these modules only add messages, create CSS or define functions.
 */
import './consent/messages.js';
import './mentor-review/messages.js';
import './dossier-form/messages.js';
import './dossier-form/data-export.js';
import './shared/tokens.js';
import './progress/ddd-progress.styles.js';
import './consent/ddd-consent.styles.js';
import './dossier-form/ddd-dossier-form.styles.js';
import './mentor-review/ddd-mentor-review.styles.js';
import './dossier-form/state.js';
import './mentor-review/state.js';
import './consent/state.js';
import './script-tag/languages.js';
import { defineElement } from './shared/define.js';
import { warnOfSecondCopy } from './script-tag/second-copy.js';
import { DddContext } from './context/ddd-context.component.js';
import { DddProgress } from './progress/ddd-progress.component.js';
import { DddDossierForm } from './dossier-form/ddd-dossier-form.component.js';
import { DddMentorReview } from './mentor-review/ddd-mentor-review.component.js';
import { DddConsent } from './consent/ddd-consent.component.js';
import { DddIntake } from './intake/ddd-intake.component.js';

export { DddContext, DddProgress, DddDossierForm, DddMentorReview, DddConsent, DddIntake };
export * from './shared/events.js';
export * from './shared/drafts.js';
// For pages that bring their own authentication or languages (dist/lang/*.js need none of them).
export { createHttpClient, isDossierApiError, registerLanguage } from '@doorstroom/sdk';
export { addMessages, offerLanguages } from './shared/i18n.js';

warnOfSecondCopy('doorstroom.min.js');
// In the order of the package index (src/index.ts), which defines them through their tag files.
defineElement('ddd-context', DddContext);
defineElement('ddd-progress', DddProgress);
defineElement('ddd-dossier-form', DddDossierForm);
defineElement('ddd-mentor-review', DddMentorReview);
defineElement('ddd-consent', DddConsent);
defineElement('ddd-intake', DddIntake);
