/**
 * dist/ddd-dossier-form.min.js: <ddd-dossier-form> on its own, for a page with only this element (docs/embedding.md,
 * "One element on a page"). Dutch built in; other languages come from dist/lang/<code>.js.
 */
import './languages.js';
import { defineElement } from '../shared/define.js';
import { DddDossierForm } from '../dossier-form/ddd-dossier-form.component.js';
import { warnOfSecondCopy } from './second-copy.js';

export { DddDossierForm };
export { createHttpClient, isDossierApiError } from '@doorstroom/sdk';

warnOfSecondCopy('ddd-dossier-form.min.js');
defineElement('ddd-dossier-form', DddDossierForm);
