/**
 * Hostile text in the search boxes: bidi overrides, zero-width characters, emoji, control
 * characters, SQL, JSON-breaking quotes, prototype words and strings of 10 000 and 100 000
 * characters (see hostile-search.test.ts).
 */
import { hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { markupCategories } from './test/deel-a-sweep.js';
import { sweepSearch } from './test/search-sweep.js';

describe('hostile input in the search boxes: text', () => {
  sweepSearch(hostilePayloads.filter((p) => !markupCategories.includes(p.category)));
});
