/**
 * Hostile text through <ddd-dossier-form>: bidi overrides, zero-width characters, emoji and ZWJ
 * sequences, combining marks, control characters, SQL, JSON-breaking quotes, prototype words and
 * strings of 10 000 and 100 000 characters, in every text field of deel A (see hostile.test.ts).
 */
import { hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { markupCategories, sweepDeelA } from './test/deel-a-sweep.js';

describe('hostile input in <ddd-dossier-form>: text', () => {
  sweepDeelA(hostilePayloads.filter((p) => !markupCategories.includes(p.category)));
});
