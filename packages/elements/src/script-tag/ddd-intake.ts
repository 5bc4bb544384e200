/**
 * dist/ddd-intake.min.js: <ddd-intake> on its own, for a page with only this element (docs/embedding.md,
 * "One element on a page"). Dutch built in; other languages come from dist/lang/<code>.js.
 */
import './languages.js';
import { defineElement } from '../shared/define.js';
import { DddIntake } from '../intake/ddd-intake.component.js';
import { warnOfSecondCopy } from './second-copy.js';

export { DddIntake };
export { createHttpClient, isDossierApiError } from '@doorstroom/sdk';

warnOfSecondCopy('ddd-intake.min.js');
defineElement('ddd-intake', DddIntake);
