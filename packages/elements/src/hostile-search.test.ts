/**
 * Hostile input in the search boxes: the A7 typeahead (instelling, opleiding, locatie) and the
 * mentor's "Mijn leerlingen" search (see test/search-sweep.ts). Markup and script payloads here;
 * the other payloads in hostile-search-text.test.ts. What the backend answers with hostile
 * names in it: hostile-backend.test.ts.
 */
import { hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { markupCategories } from './test/deel-a-sweep.js';
import { sweepSearch } from './test/search-sweep.js';

describe('hostile input in the search boxes: markup and script', () => {
  sweepSearch(hostilePayloads.filter((p) => markupCategories.includes(p.category)));
});
