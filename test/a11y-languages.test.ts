/**
 * axe over every state of a11y-scenarios.ts in Arabic, Turkish, Ukrainian and Polish (Dutch and
 * English: a11y.test.ts). Besides axe, each state must really be in that language: the element
 * says so with `lang` (and `dir="rtl"` for Arabic), no Dutch UI string or section text is left
 * in a text node or an accessible name, and Arabic still reflows at 320 px without anything
 * sticking out on the left.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { textKeys, localize, type MemoryBackend } from '@doorstroom/sdk';
import { catalogue, translate } from '../packages/elements/src/shared/i18n.js';
import '../packages/elements/src/lang/all.js';
import { overflowing, scenarios } from './a11y-scenarios.js';
import { freshBackend, squash, type AnyElement } from './helpers.js';

const languages = ['ar', 'tr', 'uk', 'pl'] as const;

/**
 * Dutch UI strings and SDK texts (section titles, question labels, options, help) that read
 * differently in `lang`: if one of these shows up whole, that text was not translated.
 */
function dutchOnly(lang: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, message] of Object.entries(catalogue('nl'))) {
    if (typeof message !== 'string' || message.includes('{') || message.length < 4) continue;
    const translated = translate(lang, key);
    if (translated !== message) found.set(message, translated);
  }
  for (const [, value] of textKeys()) {
    if (value.nl.includes('{') || value.nl.length < 4) continue;
    const translated = localize(value, lang);
    if (translated !== value.nl) found.set(value.nl, translated);
  }
  return found;
}

const accessibleTextAttributes = ['aria-label', 'title', 'placeholder', 'aria-roledescription', 'alt'];

/** Whole text nodes and accessible-name attributes of the shadow tree, nested shadow roots included. */
function shownTexts(root: ShadowRoot | Element): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      const parent = node.parentElement?.localName;
      if (parent !== 'style' && parent !== 'script') texts.push(squash(node.data));
      continue;
    }
    const element = node as Element;
    for (const name of accessibleTextAttributes) {
      const value = element.getAttribute(name);
      if (value) texts.push(squash(value));
    }
    if (element.shadowRoot) texts.push(...shownTexts(element.shadowRoot));
  }
  return texts.filter(Boolean);
}

/** The language and direction the element declares for what it renders. */
function declared(el: AnyElement): { lang: string | null; dir: string | null } {
  const wrapper = el.shadowRoot!.querySelector('[dir]');
  const langHolder = wrapper?.closest('[lang]') ?? el.closest('[lang]');
  return { lang: langHolder?.getAttribute('lang') ?? null, dir: wrapper?.getAttribute('dir') ?? null };
}

describe('accessibility of every element in Arabic, Turkish, Ukrainian and Polish', function () {
  this.timeout(60000);
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = freshBackend();
  });

  for (const lang of languages) {
    describe(lang, () => {
      const untranslated = dutchOnly(lang);

      it('the check for Dutch leftovers finds them in a Dutch element (so it can fail)', async () => {
        expect(untranslated.size).to.be.greaterThan(300);
        const el = await scenarios[1]!.show(backend, 'nl');
        const dutch = shownTexts(el.shadowRoot!).filter((shown) => untranslated.has(shown));
        expect(dutch).to.include.members(['Controleren en versturen', 'Soort school', 'Vorige', 'Volgende']);
      });

      for (const scenario of scenarios) {
        it(`${scenario.name}: in ${lang}, passes axe`, async () => {
          const el = await scenario.show(backend, lang);
          await el.updateComplete;
          expect(el.shadowRoot!.textContent!.trim().length, 'something is shown').to.be.greaterThan(20);
          expect(declared(el)).to.deep.equal({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
          const dutch = shownTexts(el.shadowRoot!).filter((shown) => untranslated.has(shown));
          expect(dutch, 'Dutch texts left in the element').to.deep.equal([]);
          await expect(el).to.be.accessible();
        });
      }
    });
  }

  describe('Arabic at 320 px', () => {
    before(() => setViewport({ width: 320, height: 800 }));
    after(() => setViewport({ width: 800, height: 600 }));

    for (const scenario of scenarios) {
      it(`${scenario.name}: no horizontal overflow on either side`, async () => {
        const el = await scenario.show(backend, 'ar');
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
});
