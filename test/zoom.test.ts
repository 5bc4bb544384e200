/**
 * 200 % zoom and 200 % text (WCAG 1.4.4 resize text, 1.4.10 reflow). A 1280 px wide window at
 * 200 % browser zoom is a 640 × 512 CSS px viewport; text-only zoom keeps the 1280 px window and
 * doubles the root font size. In both, nothing may need sideways scrolling and no text may be cut
 * off; with text-only zoom every text of the elements must really be twice as big (rem/em, not px).
 * The 320 px reflow of every state is in a11y.test.ts.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MemoryBackend } from '@doorstroom/sdk';
import { $, $$, describeNode, freshBackend, mountConsent, mountForm, mountMentor, mountProgress, prefillDeelA, signedIn, until, type AnyElement } from './helpers.js';
import { clipped, fontSize, overflowing, relayout, textElements } from './layout.js';
import { FormHarness } from '../packages/elements/src/dossier-form/harness.js';

interface Scenario {
  name: string;
  show(backend: MemoryBackend): Promise<AnyElement>;
}

const scenarios: Scenario[] = [
  {
    name: 'dossier form: the task list beside (or unfolded above) a section',
    async show(backend) {
      const el = await mountForm(signedIn(backend, 'student-noor'), { dossierId: 'dossier-noor' });
      await until(() => $(el, '.section') && $(el, '.tasks__list'), 'a section and the task list');
      // On narrow screens the list is folded away behind a button: unfold it, as a user would.
      const toggle = $<HTMLButtonElement>(el, '.tasks__toggle');
      if (toggle && toggle.offsetWidth > 0) toggle.click();
      await until(() => $(el, '.tasks__list')!.offsetHeight > 0, 'the task list shown');
      return el;
    },
  },
  {
    name: 'dossier form: a section with the error summary',
    async show(backend) {
      const el = await mountForm(signedIn(backend, 'student-noor'), { dossierId: 'dossier-noor' });
      await until(() => $(el, '.section'), 'a section');
      $<HTMLButtonElement>(el, '.section button[type="submit"]')!.click();
      await until(() => $(el, '.ddd-error-summary') && $$(el, '.ddd-error-message').length > 0, 'the error summary and messages');
      return el;
    },
  },
  {
    name: 'dossier form: check your answers',
    async show(backend) {
      const api = signedIn(backend, 'student-noor');
      await prefillDeelA(api, 'dossier-noor', ['motivatie'], ['persoonlijk', 'thuis']);
      const el = await mountForm(api, { dossierId: 'dossier-noor' });
      await until(() => $(el, '.section'), 'a section');
      await new FormHarness(el).openCheckPage();
      await until(() => $$(el, '.summary-list__row').length > 10 && $(el, '.check .submit'), 'the answers and the submit part');
      return el;
    },
  },
  {
    name: 'mentor: deel A read-only beside the deel B editor',
    async show(backend) {
      const el = await mountMentor(signedIn(backend, 'mentor-yilmaz'), { dossierId: 'dossier-mohammed' });
      await until(() => $(el, '.ro-section') && $(el, '#mr-advies-advies') && $(el, '.history-entry'), 'deel A, deel B and the history');
      return el;
    },
  },
  {
    name: 'decaan: the school overview (counts, filters, chosen students, the table)',
    async show(backend) {
      const el = await mountMentor(signedIn(backend, 'decaan-visser'));
      await until(() => $$(el, 'tbody tr').length > 3 && $$(el, '#ov-move-mentor option').length > 1, 'the overview with the mentors');
      $<HTMLInputElement>(el, '#ov-table-all')!.click();
      await until(() => $(el, '#ov-remind')?.getAttribute('aria-disabled') === 'false', 'every student chosen');
      return el;
    },
  },
  {
    name: 'consent: the student (deel A and B, sharing, guardian status)',
    async show(backend) {
      const el = await mountConsent(signedIn(backend, 'student-emma'), 'dossier-emma');
      await until(() => $(el, '.inzage') && !$(el, '.inzage')!.textContent!.includes('…'), 'inzage recorded');
      return el;
    },
  },
  {
    name: 'progress: steps and sections',
    show: (backend) => mountProgress(signedIn(backend, 'student-noor'), 'dossier-noor'),
  },
];

/** The checks both kinds of zoom share: no sideways scrolling, no text cut off. */
function expectReflowed(el: AnyElement): void {
  const page = window.innerWidth;
  const container = el.parentElement!;
  expect(el.scrollWidth, `the element is wider than its container (${container.clientWidth} px)`).to.be.at.most(container.clientWidth);
  expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(page);
  expect(overflowing(el, page), 'parts sticking out of the viewport').to.deep.equal([]);
  expect(clipped(el), 'text cut off').to.deep.equal([]);
}

describe('200 % zoom and 200 % text', function () {
  this.timeout(30000);
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = freshBackend();
  });
  afterEach(() => {
    document.documentElement.style.fontSize = '';
  });
  after(() => setViewport({ width: 800, height: 600 }));

  describe('browser zoom 200 % of a 1280 × 1024 window (640 × 512 CSS px)', () => {
    before(() => setViewport({ width: 640, height: 512 }));

    for (const scenario of scenarios) {
      it(`${scenario.name}: fits the width, nothing cut off`, async () => {
        const el = await scenario.show(backend);
        await relayout(el);
        expect(window.innerWidth).to.equal(640);
        expectReflowed(el);
      });
    }
  });

  describe('text-only zoom 200 % in a 1280 px window', () => {
    before(() => setViewport({ width: 1280, height: 1024 }));

    for (const scenario of scenarios) {
      it(`${scenario.name}: all text twice as big, fits the width, nothing cut off`, async () => {
        const el = await scenario.show(backend);
        await relayout(el);
        const texts = textElements(el);
        expect(texts.length, 'text to measure').to.be.greaterThan(5);
        const before = new Map(texts.map((node) => [node, fontSize(node)]));

        document.documentElement.style.fontSize = '200%';
        await relayout(el);

        const notScaled = texts
          .filter((node) => node.isConnected)
          .filter((node) => Math.abs(fontSize(node) / before.get(node)! - 2) > 0.05)
          .map((node) => `${describeNode(node)}: ${before.get(node)} px → ${fontSize(node)} px`);
        expect(notScaled, 'text that did not grow with the browser text size').to.deep.equal([]);
        expect(fontSize(el), 'the element text').to.equal(32);
        expectReflowed(el);
      });
    }
  });
});
