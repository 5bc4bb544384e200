/**
 * Shared checks of the hostile-input tests: which text fields a section has, how a value is
 * typed into one, and what "nothing happened" means on screen (nothing ran, no markup came from
 * user text, the layout holds, answers wrap).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  createMemoryBackend,
  exampleData,
  limits,
  type DossierApi,
  type ExampleData,
  type MemoryBackend,
  type Question,
  type SectionAnswers,
  type SectionDefinition,
  type TextQuestion,
} from '@doorstroom/sdk';
import { today } from '../../../sdk/src/testing/fixtures.js';
import { hostileTrap } from '../../../sdk/src/testing/hostile-payloads.js';
import '../dossier-form/ddd-dossier-form.js';
import type { DddDossierForm } from '../dossier-form/ddd-dossier-form.component.js';
import { fieldId } from '../shared/fields.js';

export const until = (predicate: () => unknown, message: string): Promise<void> => waitUntil(predicate, message, { timeout: 10000 });

/** The example data on the fixed test day, mentors typed in freely (no roster); `change` may add to it. */
export function hostileBackend(change: (data: ExampleData) => void = () => {}): MemoryBackend {
  const data = exampleData({ today });
  data.schools = data.schools.map((school) => ({ ...school, mentorRoster: false }));
  change(data);
  return createMemoryBackend(data, { now: () => today });
}

/** <ddd-dossier-form> with the dossier open; autosave only when the test flushes. */
export async function mountForm(api: DossierApi, dossierId: string): Promise<DddDossierForm> {
  const el = await fixture<DddDossierForm>(html`<ddd-dossier-form lang="nl" autosave-delay="600000" dossier-id=${dossierId} .api=${api} .today=${today}></ddd-dossier-form>`);
  await until(() => el.shadowRoot!.querySelector('#form-heading') && el.shadowRoot!.querySelector('.tasks, .check'), 'dossier open');
  return el;
}

/** The control of a field path in a shadow root ('ouders.0.naam' → #ddd-ouders-0-naam). */
export function control(host: Element, path: string, idPrefix = 'ddd'): HTMLInputElement | HTMLTextAreaElement {
  const field = host.shadowRoot!.getElementById(fieldId(path, idPrefix)) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!field) throw new Error(`No field ${path} on screen`);
  return field;
}

export interface TextField {
  /** 'postcode', or 'ouders.0.naam' inside the first entry of a repeat. */
  path: string;
  question: TextQuestion;
  /** The longest text the backend stores for it. */
  limit: number;
}

/** Every text question of the questions, repeats included (their first entry). */
export function textFields(questions: ReadonlyArray<Question>, prefix = ''): TextField[] {
  return questions.flatMap((question): TextField[] => {
    if (question.kind === 'repeat') return textFields(question.questions, `${prefix}${question.id}.0.`);
    if (question.kind !== 'text') return [];
    return [{ path: prefix + question.id, question, limit: Math.min(question.maxLength ?? limits.text, limits.text) }];
  });
}

/** Answers that make every `when: { question, equals }` of the section hold, so all text fields show. */
export function openingAnswers(section: SectionDefinition): SectionAnswers {
  const answers: Record<string, string | number | boolean> = {};
  for (const question of section.questions) {
    const when = question.when;
    if (when && 'question' in when && 'equals' in when) answers[when.question] = when.equals;
  }
  return answers;
}

export function resetTrap(): void {
  (window as unknown as Record<string, unknown>)[hostileTrap] = undefined;
}

/**
 * Inside a sweep's `describe`: a phone-sized viewport (where layout breaks first), a fresh
 * hostile backend and trap before each test, and no prototype pollution after it. Returns the
 * current test's backend.
 */
export function hostileSweepSetup(): () => MemoryBackend {
  let backend: MemoryBackend;
  before(() => setViewport({ width: 320, height: 720 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(() => {
    resetTrap();
    backend = hostileBackend();
  });
  afterEach(() => expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined));
  return () => backend;
}

/** Types a value the way the browser would accept it; returns what the control now holds (inputs drop line breaks). */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): string {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return field.value;
}

// No element renders any of these (but the consent's collapsible cards, <details part="card">, which
// the check leaves out), so one in a shadow root can only come from user text.
const markupFromText = [
  'script',
  'img',
  'image',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'details',
  'marquee',
  'style',
  'link',
  'meta',
  'base',
  'noscript',
  'template',
  'slot',
  'animate',
  'set',
  'foreignObject',
  'b',
].join(', ');
const dangerousAttributes = /^(on|srcdoc$|formaction$|xlink:href$)/i;

function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (root: ShadowRoot) => {
    roots.push(root);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return roots;
}

/**
 * Nothing ran and nothing turned into markup: no trap, no foreign elements and (unless `quick`)
 * no handler attributes and no links other than in-page ones.
 */
export function expectInert(host: Element, label: string, options: { quick?: boolean } = {}): void {
  expect((window as unknown as Record<string, unknown>)[hostileTrap], `${label}: a payload ran`).to.equal(undefined);
  for (const root of shadowRoots(host)) {
    const foreign = [...root.querySelectorAll(markupFromText)].filter((e) => !(e.localName === 'details' && e.getAttribute('part') === 'card' && e.classList.contains('card'))).map((e) => e.localName);
    expect(foreign, `${label}: elements from user text`).to.deep.equal([]);
    if (options.quick) continue;
    for (const element of root.querySelectorAll('*')) {
      const attributes = [...element.attributes].map((a) => a.name).filter((name) => dangerousAttributes.test(name));
      expect(attributes, `${label}: handler attributes on <${element.localName}>`).to.deep.equal([]);
      const href = element.getAttribute('href');
      // Links come only from the element itself: in-page anchors, and the region's support contact (config, not user text).
      const ours = href !== null && (href.startsWith('#') || element.closest('[part="support"]') !== null);
      if (href !== null) expect(ours, `${label}: link to ${href.slice(0, 40)}`).to.equal(true);
    }
  }
}

/** The page does not scroll sideways, the element stays within the viewport, and answers (`selector`) wrap anywhere. */
export function expectLayoutHolds(host: HTMLElement, label: string, selector = 'dd'): void {
  const page = document.documentElement;
  expect(page.scrollWidth, `${label}: the page scrolls sideways`).to.be.at.most(page.clientWidth);
  const box = host.getBoundingClientRect();
  expect(box.width, `${label}: wider than the viewport`).to.be.at.most(window.innerWidth);
  expect(host.scrollWidth, `${label}: content wider than the element`).to.be.at.most(host.clientWidth + 1);
  const answers = [...(host.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
  for (const answer of answers) expect(getComputedStyle(answer).overflowWrap, `${label}: ${selector} must wrap`).to.equal('anywhere');
}

/** The visible text of a shadow root (whitespace as is: payloads hold line breaks and tabs). */
export const shadowText = (host: Element): string => host.shadowRoot?.textContent ?? '';
