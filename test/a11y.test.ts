/**
 * axe over every element in each of its main states, in Dutch and English, and each state at
 * 320 px wide (WCAG 1.4.10 reflow): nothing sticks out sideways, so no horizontal scrolling.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MemoryBackend } from '@doorstroom/sdk';
import {
  $,
  $$,
  button,
  describeNode,
  freshBackend,
  mountConsent,
  mountForm,
  mountMentor,
  mountProgress,
  prefillDeelA,
  signedIn,
  until,
  type AnyElement,
} from './helpers.js';

interface Scenario {
  name: string;
  /** Puts the element in the state and returns it. */
  show(backend: MemoryBackend, lang: string): Promise<AnyElement>;
}

const inzageSaved = (el: Element) => until(() => $(el, '.inzage') && !$(el, '.inzage')!.textContent!.includes('…'), 'inzage recorded');

const scenarios: Scenario[] = [
  {
    name: 'dossier form: list of dossiers and "Nieuw dossier"',
    async show(backend, lang) {
      const el = await mountForm(signedIn(backend, 'student-noor'), { lang });
      await until(() => $(el, '.dossier-card') && $(el, '.new-dossier'), 'the list');
      return el;
    },
  },
  {
    name: 'dossier form: a section',
    async show(backend, lang) {
      const el = await mountForm(signedIn(backend, 'student-noor'), { lang, dossierId: 'dossier-noor' });
      await until(() => $(el, '.section'), 'a section');
      return el;
    },
  },
  {
    name: 'dossier form: a section with the error summary',
    async show(backend, lang) {
      const el = await mountForm(signedIn(backend, 'student-noor'), { lang, dossierId: 'dossier-noor' });
      await until(() => $(el, '.section'), 'a section');
      $<HTMLButtonElement>(el, '.section button[type="submit"]')!.click();
      await until(() => $(el, '.ddd-error-summary'), 'the error summary');
      return el;
    },
  },
  {
    name: 'dossier form: A7 choice with the summary',
    async show(backend, lang) {
      const api = signedIn(backend, 'student-noor');
      await prefillDeelA(api, 'dossier-noor', ['motivatie'], ['persoonlijk', 'thuis']);
      const el = await mountForm(api, { lang, dossierId: 'dossier-noor' });
      await until(() => $(el, '.section'), 'a section');
      el.goTo({ kind: 'section', sectionId: 'vervolgkeuze' });
      await until(() => $(el, '.choice-summary') && $(el, '#ddd-locatie'), 'the choice summary');
      return el;
    },
  },
  {
    name: 'dossier form: check answers (incomplete)',
    async show(backend, lang) {
      const el = await mountForm(signedIn(backend, 'student-noor'), { lang, dossierId: 'dossier-noor' });
      await until(() => $(el, '.task--check button'), 'the task list');
      $<HTMLButtonElement>(el, '.task--check button')!.click();
      await until(() => $(el, '.check .submit'), 'the check page');
      return el;
    },
  },
  {
    name: 'dossier form: submit step with the roster',
    async show(backend, lang) {
      const api = signedIn(backend, 'student-noor');
      await prefillDeelA(api, 'dossier-noor', [], ['persoonlijk', 'thuis']);
      const el = await mountForm(api, { lang, dossierId: 'dossier-noor' });
      await until(() => $(el, '#ddd-mentor'), 'the roster');
      return el;
    },
  },
  {
    name: 'dossier form: read-only while with the mentor',
    async show(backend, lang) {
      const el = await mountForm(signedIn(backend, 'student-lisa'), { lang, dossierId: 'dossier-lisa' });
      await until(() => $(el, '.check .readonly'), 'the read-only overview');
      return el;
    },
  },
  {
    name: 'mentor: "Te behandelen"',
    async show(backend, lang) {
      const el = await mountMentor(signedIn(backend, 'mentor-de-vries'), { lang });
      await until(() => $(el, '[part="list-item"]'), 'the work list');
      return el;
    },
  },
  {
    name: 'mentor: "Mijn leerlingen" with filters',
    async show(backend, lang) {
      const el = await mountMentor(signedIn(backend, 'mentor-yilmaz'), { lang });
      await until(() => $(el, '#tab-mijnLeerlingen'), 'the tabs');
      $<HTMLButtonElement>(el, '#tab-mijnLeerlingen')!.click();
      await until(() => $$(el, '[part="list-item"]').length > 3 && $(el, '#filter-klas'), 'all students');
      return el;
    },
  },
  {
    name: 'mentor: a dossier in deel B (deel A read-only beside the editor)',
    async show(backend, lang) {
      const el = await mountMentor(signedIn(backend, 'mentor-yilmaz'), { lang, dossierId: 'dossier-mohammed' });
      await until(() => $(el, '#mr-advies-advies') && $(el, '.history-entry'), 'deel B editable');
      return el;
    },
  },
  {
    name: 'mentor: deel B incomplete with the error summary',
    async show(backend, lang) {
      const el = await mountMentor(signedIn(backend, 'mentor-yilmaz'), { lang, dossierId: 'dossier-mohammed' });
      await until(() => $(el, 'button[data-action="sendToStudent"]'), 'the actions');
      $<HTMLButtonElement>(el, 'button[data-action="sendToStudent"]')!.click();
      await until(() => $(el, '.ddd-error-summary'), 'the error summary');
      return el;
    },
  },
  {
    name: 'consent: the student (minor, deel A and B, sharing, guardian status)',
    async show(backend, lang) {
      const el = await mountConsent(signedIn(backend, 'student-emma'), 'dossier-emma', { lang });
      await inzageSaved(el);
      return el;
    },
  },
  {
    name: 'consent: the confirmation step',
    async show(backend, lang) {
      const el = await mountConsent(signedIn(backend, 'student-daan'), 'dossier-daan', { lang });
      await inzageSaved(el);
      $<HTMLInputElement>(el, '#ak-akkoord-0')!.click();
      $<HTMLInputElement>(el, '#ak-toestemming')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#finalize')!.click();
      await until(() => $(el, '#confirm-yes'), 'the confirmation');
      return el;
    },
  },
  {
    name: 'consent: the guardian',
    async show(backend, lang) {
      const el = await mountConsent(signedIn(backend, 'guardian-bakker'), 'dossier-emma', { lang });
      await inzageSaved(el);
      return el;
    },
  },
  {
    name: 'consent: afgerond',
    async show(backend, lang) {
      const el = await mountConsent(signedIn(backend, 'student-sam'), 'dossier-sam', { lang });
      await until(() => $(el, '[part="summary"]'), 'the summary');
      return el;
    },
  },
  {
    name: 'progress: full',
    show: (backend, lang) => mountProgress(signedIn(backend, 'student-noor'), 'dossier-noor', { lang }),
  },
  {
    name: 'progress: compact',
    show: (backend, lang) => mountProgress(signedIn(backend, 'student-mohammed'), 'dossier-mohammed', { lang, compact: true }),
  },
];

/** Elements of the shadow tree that stick out past the right edge of the viewport. */
function overflowing(el: AnyElement, width: number): string[] {
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) out.push(`${describeNode(node)} [${Math.round(box.left)}–${Math.round(box.right)}]`);
  }
  return out;
}

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
