/**
 * Hostile text in <ddd-consent>: bidi, zero-width, emoji, combining marks, control characters,
 * SQL, JSON, prototype words and long strings (see hostile-consent.test.ts).
 */
import { hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { sweepConsent } from './test/consent-sweep.js';
import { markupCategories } from './test/deel-a-sweep.js';

describe('hostile input in <ddd-consent>: text', () => {
  sweepConsent(hostilePayloads.filter((p) => !markupCategories.includes(p.category)));
});
