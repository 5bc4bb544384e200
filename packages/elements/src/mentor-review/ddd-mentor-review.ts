import '../shared/english.js';
import { defineElement } from '../shared/define.js';
import { DddMentorReview } from './ddd-mentor-review.component.js';

export { DddMentorReview };
export type { OverviewFilter, OverviewState } from './overview.js';
defineElement('ddd-mentor-review', DddMentorReview);

declare global {
  interface HTMLElementTagNameMap {
    'ddd-mentor-review': DddMentorReview;
  }
}
