/**
 * Hostile input in <ddd-mentor-review>: deel A full of each payload shows as inert text beside
 * deel B, and every deel B text field takes it (see test/review-sweep.ts). Markup and script
 * payloads here; the others in hostile-review-text.test.ts.
 */
import { hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { markupCategories } from './test/deel-a-sweep.js';
import { sweepReview } from './test/review-sweep.js';

describe('hostile input in <ddd-mentor-review>: markup and script', () => {
  sweepReview(hostilePayloads.filter((p) => markupCategories.includes(p.category)));
});
