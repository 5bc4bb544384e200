/**
 * dist/ddd-consent.min.js: <ddd-consent> on its own, for a page with only this element (docs/embedding.md,
 * "One element on a page"). Dutch built in; other languages come from dist/lang/<code>.js.
 */
import './languages.js';
import { defineElement } from '../shared/define.js';
import { DddConsent } from '../consent/ddd-consent.component.js';
import { warnOfSecondCopy } from './second-copy.js';

export { DddConsent };
export { createHttpClient, isDossierApiError } from '@doorstroom/sdk';

warnOfSecondCopy('ddd-consent.min.js');
defineElement('ddd-consent', DddConsent);
