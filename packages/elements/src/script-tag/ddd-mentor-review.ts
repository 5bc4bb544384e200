/**
 * dist/ddd-mentor-review.min.js: <ddd-mentor-review> on its own, for a page with only this element (docs/embedding.md,
 * "One element on a page"). Dutch built in; other languages come from dist/lang/<code>.js.
 */
import './languages.js';
import { defineElement } from '../shared/define.js';
import { DddMentorReview } from '../mentor-review/ddd-mentor-review.component.js';
import { warnOfSecondCopy } from './second-copy.js';

export { DddMentorReview };
export { createHttpClient, isDossierApiError } from '@doorstroom/sdk';

warnOfSecondCopy('ddd-mentor-review.min.js');
defineElement('ddd-mentor-review', DddMentorReview);
