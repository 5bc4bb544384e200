/**
 * axe over every element in each of its main states, in Dutch and English, and each state at
 * 320 px wide (WCAG 1.4.10 reflow): nothing sticks out sideways, so no horizontal scrolling.
 * The other four languages: a11y-languages.test.ts.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MemoryBackend } from '@doorstroom/sdk';
import { overflowing, scenarios } from './a11y-scenarios.js';
import { button, freshBackend, mountForm, signedIn, until } from './helpers.js';

describe('accessibility of every element', function () {
  // axe over a whole dossier takes a few seconds.
  this.timeout(60000);
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = freshBackend();
  });

  for (const scenario of scenarios) {
    for (const lang of ['nl', 'en']) {
      it(`${scenario.name} (${lang}) passes axe`, async () => {
        const el = await scenario.show(backend, lang);
        expect(el.shadowRoot!.textContent!.trim().length, 'something is shown').to.be.greaterThan(20);
        await expect(el).to.be.accessible();
      });
    }
  }

  describe('at 320 px', () => {
    before(() => setViewport({ width: 320, height: 800 }));
    after(() => setViewport({ width: 800, height: 600 }));

    for (const scenario of scenarios) {
      it(`${scenario.name}: no horizontal overflow`, async () => {
        const el = await scenario.show(backend, 'nl');
        await el.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const page = document.documentElement.clientWidth;
        expect(page).to.equal(320);
        expect(el.scrollWidth, 'the element').to.be.at.most(page);
        expect(document.documentElement.scrollWidth, 'the page').to.be.at.most(page);
        expect(overflowing(el, page), 'parts sticking out').to.deep.equal([]);
      });
    }
  });

  it('the language switch also reaches the buttons of the check page', async () => {
    // A sanity check that "en" really renders English, so the axe runs above cover both catalogues.
    const el = await mountForm(signedIn(backend, 'student-noor'), { lang: 'en', dossierId: 'dossier-noor' });
    await until(() => button(el, 'Check and send'), 'English task list');
    expect(button(el, 'Controleren en versturen')).to.equal(undefined);
  });
});
