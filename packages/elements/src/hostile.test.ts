/**
 * Hostile input through <ddd-dossier-form>: every text field of deel A (repeat entries included)
 * takes every payload of the SDK's hostile list that tries to become markup or script. Typed in,
 * saved through the memory backend, shown again on "Controleer je antwoorden": nothing runs,
 * nothing becomes markup, the page does not scroll sideways and answers wrap. The backend stores
 * exactly what the field held; what is too long is refused with a Dutch message, storing nothing.
 *
 * The other payloads (bidi, emoji, control characters, long strings…): hostile-text.test.ts.
 * The free mentor name and e-mail: hostile-submit.test.ts. Deel B, the consent remark and the
 * guardian's name: hostile-review.test.ts. A backend sending hostile JSON: hostile-backend.test.ts.
 */
import { hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { markupCategories, sweepDeelA } from './test/deel-a-sweep.js';

describe('hostile input in <ddd-dossier-form>: markup and script', () => {
  sweepDeelA(hostilePayloads.filter((p) => markupCategories.includes(p.category)));
});
