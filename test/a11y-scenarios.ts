/**
 * The states every element is checked in by axe (a11y.test.ts in Dutch and English,
 * a11y-languages.test.ts in Arabic, Turkish, Ukrainian and Polish), and the 320 px overflow check.
 */
import type { MemoryBackend } from '@doorstroom/sdk';
import { $, $$, describeNode, mountConsent, mountForm, mountIntake, mountMentor, mountProgress, prefillDeelA, signedIn, until, type AnyElement } from './helpers.js';
import { FormHarness } from '../packages/elements/src/dossier-form/harness.js';

export interface Scenario {
  name: string;
  /** Puts the element in the state and returns it. */
  show(backend: MemoryBackend, lang: string): Promise<AnyElement>;
}

const inzageSaved = (el: Element) => until(() => $(el, '.inzage') && !$(el, '.inzage')!.textContent!.includes('…'), 'inzage recorded');

export const scenarios: Scenario[] = [
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
      await new FormHarness(el).openSection('vervolgkeuze');
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
      await until(() => $$(el, 'tbody tr').length > 3 && $(el, '#filter-klas'), 'all students');
      return el;
    },
  },
  {
    name: 'decaan: the school overview, filtered, with students chosen and a reminder sent',
    async show(backend, lang) {
      const el = await mountMentor(signedIn(backend, 'decaan-visser'), { lang });
      await until(() => $$(el, 'tbody tr').length > 3 && $$(el, '#ov-move-mentor option').length > 1, 'the school overview');
      $<HTMLInputElement>(el, '#filter-noDossier')!.click();
      await until(() => $$(el, 'tbody tr:not([hidden])').length === 2, 'students without a dossier');
      $<HTMLInputElement>(el, '#ov-table-all')!.click();
      await until(() => $(el, '#ov-remind')?.getAttribute('aria-disabled') === 'false', 'two chosen');
      $<HTMLButtonElement>(el, '#ov-remind')!.click();
      await until(() => $(el, '.ov-result li'), 'the result per student');
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
      // "Akkoord geven" saves and shows what goes where; then Afronden and its confirmation.
      $<HTMLButtonElement>(el, 'form[part="form"] button[type="submit"]')!.click();
      await until(() => $(el, '#finalize'), 'Afronden offered');
      $<HTMLButtonElement>(el, '#finalize')!.click();
      await until(() => $(el, '#confirm-yes'), 'the confirmation');
      return el;
    },
  },
  {
    name: 'consent: the guardian',
    async show(backend, lang) {
      // Emma gave her own akkoord, sharing her motivation: her father consents to that.
      const emma = signedIn(backend, 'student-emma');
      await emma.saveSection('dossier-emma', 'akkoordverklaring', { akkoord: 'ja', toestemming: true, delen: ['motivatie'] }, (await emma.getDossier('dossier-emma')).version);
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
    name: 'intake: the MBO’s worklist, filtered by a count',
    async show(backend, lang) {
      const el = await mountIntake(signedIn(backend, 'mbo-roc-midden-nederland'), { lang });
      $<HTMLButtonElement>(el, '.ddd-counts__button')!.click();
      await until(() => $(el, '.ddd-counts__button[aria-pressed="true"]') && $(el, '#in-filter-clear'), 'filtered by status');
      return el;
    },
  },
  {
    name: 'intake: a received dossier with the error summary',
    async show(backend, lang) {
      const el = await mountIntake(signedIn(backend, 'mbo-roc-midden-nederland'), { lang, dossierId: 'dossier-sam' });
      $<HTMLButtonElement>(el, '#in-save')!.click();
      await until(() => $(el, '.ddd-error-summary'), 'the error summary');
      $<HTMLInputElement>(el, '#in-status input')!.click();
      await until(() => $(el, '#in-datum'), 'the date field');
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

/** Elements of the shadow tree that stick out past either edge of the viewport. */
export function overflowing(el: AnyElement, width: number): string[] {
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) out.push(`${describeNode(node)} [${Math.round(box.left)}–${Math.round(box.right)}]`);
  }
  return out;
}
