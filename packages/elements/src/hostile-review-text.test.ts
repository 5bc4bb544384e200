/**
 * Hostile text in <ddd-mentor-review>: bidi, zero-width, emoji, combining marks, control
 * characters, SQL, JSON, prototype words and long strings (see hostile-review.test.ts).
 */
import { hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { markupCategories } from './test/deel-a-sweep.js';
import { sweepReview } from './test/review-sweep.js';

describe('hostile input in <ddd-mentor-review>: text', () => {
  sweepReview(hostilePayloads.filter((p) => !markupCategories.includes(p.category)));
});
