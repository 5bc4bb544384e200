/**
 * Hostile input in <ddd-consent>: per payload a dossier in akkoord full of it, the student's
 * remark and the guardian's name typed as it, then afgerond (see test/consent-sweep.ts).
 * Markup and script payloads here; the other payloads in hostile-consent-text.test.ts.
 */
import { hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { sweepConsent } from './test/consent-sweep.js';
import { markupCategories } from './test/deel-a-sweep.js';

describe('hostile input in <ddd-consent>: markup and script', () => {
  sweepConsent(hostilePayloads.filter((p) => markupCategories.includes(p.category)));
});
