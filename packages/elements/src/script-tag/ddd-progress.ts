/**
 * dist/ddd-progress.min.js: <ddd-progress> on its own, for a page with only this element (docs/embedding.md,
 * "One element on a page"). Dutch built in; other languages come from dist/lang/<code>.js.
 */
import './languages.js';
import { defineElement } from '../shared/define.js';
import { DddProgress } from '../progress/ddd-progress.component.js';
import { warnOfSecondCopy } from './second-copy.js';

export { DddProgress };
export { createHttpClient, isDossierApiError } from '@doorstroom/sdk';

warnOfSecondCopy('ddd-progress.min.js');
defineElement('ddd-progress', DddProgress);
