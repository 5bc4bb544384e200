/**
 * Shared helpers for the cross-element browser tests: one memory backend per test, each element
 * signed in as the right person, and small DOM helpers that look inside shadow roots the way a
 * user would (by visible text, by role, by what has focus).
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryBackend, exampleData, localize, refusal, type DossierApi, type MemoryBackend, type Programme, type RefusalCode, type SectionAnswers } from '@doorstroom/sdk';
import { completeAnswersFor } from '../packages/sdk/src/testing/fixtures.js';
import '@doorstroom/elements';
import { offerLanguages } from '@doorstroom/elements';
import type { DddConsent, DddDossierForm, DddIntake, DddMentorReview, DddProgress } from '@doorstroom/elements';
import { ProgressHarness, type ShownStep } from '../packages/elements/src/progress/harness.js';

// English as a portal offers it (`offerLanguages('en')`, or importing lang/all): a page lang="en" then counts.
offerLanguages('en');

export type AnyElement = DddDossierForm | DddMentorReview | DddConsent | DddIntake | DddProgress;

/** A fresh backend with the example people (Noor 15, Lisa, Emma, mentors, guardians, MBO staff). */
export function freshBackend(): MemoryBackend {
  return createMemoryBackend(exampleData());
}

export const signedIn = (backend: MemoryBackend, person: string): DossierApi => {
  const token = backend.tokens[person];
  if (!token) throw new Error(`No example account ${person}`);
  return backend.client(token);
};

// --- looking inside an element -------------------------------------------------------------------

export const root = (el: Element): ShadowRoot => el.shadowRoot!;
export const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
export const text = (el: Element) => squash(root(el).textContent);
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];

/** The button whose visible text is `name` (exactly, or matching the pattern). */
export function button(el: Element, name: string | RegExp): HTMLButtonElement | undefined {
  return $$<HTMLButtonElement>(el, 'button').find((b) => (typeof name === 'string' ? squash(b.textContent) === name : name.test(squash(b.textContent))));
}

/** The radio or checkbox whose label says `label`, inside the group with id `groupId`. */
export function option(el: Element, groupId: string, label: string): HTMLInputElement {
  const labels = $$<HTMLLabelElement>(el, `#${groupId} label`);
  const found = labels.find((l) => squash(l.textContent) === label);
  if (!found) throw new Error(`No option "${label}" in #${groupId}: ${labels.map((l) => squash(l.textContent)).join(' | ')}`);
  return root(el).getElementById(found.htmlFor) as HTMLInputElement;
}

/** What has focus, through every shadow root. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until `check` holds; it may ask the backend (a promise is awaited, not taken as true). */
export const until = (check: () => unknown, message: string, timeout = 10000) => waitUntil(async () => Boolean(await check()), message, { timeout, interval: 20 });

/** The refusal's Dutch message from the SDK: the one sentence the UI must show for it. */
export const reasonNl = (code: RefusalCode) => localize(refusal(code).message, 'nl');

// --- keyboard -----------------------------------------------------------------------------------

/** One key (or chord, e.g. 'Shift+Tab') and some typing, as a keyboard user does them. */
export const press = (key: string) => sendKeys({ press: key });
export const type = (value: string) => sendKeys({ type: value });

/** Starts a keyboard user at the top of the page. */
export function startAtTop(): void {
  (document.activeElement as HTMLElement | null)?.blur();
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. The way a
 * keyboard user walks through a page, so it also proves the target is reachable.
 */
export async function tabTo(target: (active: Element | null) => boolean, what: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const max = options.max ?? 80;
  for (let i = 0; i < max; i++) {
    if (target(deepActive())) return;
    await sendKeys({ press: options.back ? 'Shift+Tab' : 'Tab' });
  }
  if (!target(deepActive())) throw new Error(`Could not reach ${what} with ${options.back ? 'Shift+Tab' : 'Tab'}; focus is on ${describeNode(deepActive())}`);
}

export const isId = (id: string) => (active: Element | null) => active?.id === id;
export const isButton = (name: string | RegExp) => (active: Element | null) =>
  active instanceof HTMLButtonElement && (typeof name === 'string' ? squash(active.textContent) === name : name.test(squash(active.textContent)));

export function describeNode(element: Element | null): string {
  if (!element) return 'nothing';
  return `<${element.localName}${element.id ? `#${element.id}` : ''}> "${squash(element.textContent).slice(0, 40)}"`;
}

// --- mounting -----------------------------------------------------------------------------------

export interface MountOptions {
  lang?: string;
  dossierId?: string;
  compact?: boolean;
  /** Deel A / deel B autosave delay in ms. */
  delay?: number;
}

export async function mountForm(api: DossierApi, options: MountOptions = {}): Promise<DddDossierForm> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'nl'}>
      <ddd-dossier-form .api=${api} dossier-id=${options.dossierId ?? ''} autosave-delay=${options.delay ?? 300}></ddd-dossier-form>
    </div>`,
  );
  return wrapper.querySelector('ddd-dossier-form')!;
}

export async function mountMentor(api: DossierApi, options: MountOptions = {}): Promise<DddMentorReview> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'nl'}>
      <ddd-mentor-review .api=${api} dossier-id=${options.dossierId ?? ''} autosave-delay=${options.delay ?? 600000}></ddd-mentor-review>
    </div>`,
  );
  const el = wrapper.querySelector('ddd-mentor-review')!;
  // An empty attribute means "no dossier": the lists.
  if (!options.dossierId) el.removeAttribute('dossier-id');
  return el;
}

export async function mountConsent(api: DossierApi, dossierId: string, options: MountOptions & { waitFor?: string } = {}): Promise<DddConsent> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'nl'}><ddd-consent .api=${api} dossier-id=${dossierId}></ddd-consent></div>`);
  const el = wrapper.querySelector('ddd-consent')!;
  const selector = options.waitFor ?? '.title';
  await until(() => $(el, selector), `the consent view rendered ${selector}`);
  return el;
}

/** The MBO's worklist (or, with `dossierId`, one received dossier); waits until it is on screen. */
export async function mountIntake(api: DossierApi, options: MountOptions = {}): Promise<DddIntake> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'nl'}><ddd-intake .api=${api} dossier-id=${options.dossierId ?? ''}></ddd-intake></div>`);
  const el = wrapper.querySelector('ddd-intake')!;
  if (!options.dossierId) el.removeAttribute('dossier-id');
  await until(() => $(el, options.dossierId ? '#in-save' : 'tbody tr'), 'the intake view rendered');
  return el;
}

export async function mountProgress(api: DossierApi, dossierId: string, options: MountOptions = {}): Promise<DddProgress> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'nl'}><ddd-progress .api=${api} dossier-id=${dossierId} ?compact=${options.compact ?? false}></ddd-progress></div>`);
  const el = wrapper.querySelector('ddd-progress')!;
  await until(() => $(el, '.stepper'), 'progress loaded');
  return el;
}

/** Takes an element (and its wrapper) off the page: the next person uses their own screen. */
export function leave(el: Element): void {
  (el.parentElement ?? el).remove();
}

// --- the stepper of <ddd-progress> ----------------------------------------------------------------

/** The steps <ddd-progress> shows: label, state ('done', 'current', 'upcoming') and which is current. */
export const steps = (el: DddProgress): ShownStep[] => new ProgressHarness(el).steps;

// --- data prepared through the API ------------------------------------------------------------

const deelA = ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding', 'motivatie'];

/**
 * Fills deel A of a dossier through the API except `leaveOut`; sections the dossier already
 * holds complete (Noor's A1, A2) stay as the student wrote them.
 */
export async function prefillDeelA(api: DossierApi, dossierId: string, leaveOut: ReadonlyArray<string>, keep: ReadonlyArray<string> = []): Promise<void> {
  let dossier = await api.getDossier(dossierId);
  for (const sectionId of deelA) {
    if (leaveOut.includes(sectionId) || keep.includes(sectionId)) continue;
    dossier = await api.saveSection(dossierId, sectionId, { ...completeAnswersFor(dossier, sectionId) }, dossier.version);
  }
}

/** A7 answers for a programme of the example catalogue, as the form would store them. */
export function choiceOf(backend: MemoryBackend, brin: string, programme: Programme): SectionAnswers {
  const institution = backend.data.catalog.institutions.find((i) => i.brin === brin)!;
  const location = backend.data.catalog.locations[brin]!.find((l) => l.code === programme.locatieCodes[0])!;
  return {
    instelling: { id: brin, label: institution.naam, detail: { brin } },
    locatie: { id: location.code, label: location.naam, detail: { plaats: location.plaats } },
    opleiding: { id: programme.id, label: programme.naam, detail: { crebo: programme.crebo, niveau: programme.niveau, leerweg: programme.leerweg, cohort: programme.cohort } },
    bevestigd: true,
  };
}

/** B1 with every question answered "nee" (complete). */
export const begeleidingNee: SectionAnswers = Object.fromEntries(
  ['extraNederlands', 'extraRekenen', 'nodigNederlands', 'nodigRekenen', 'extraAndereVakken', 'verzuim', 'lwoo', 'passendOnderwijs', 'leerplichtRmc', 'warmeOverdracht'].map((id) => [id, false]),
);
export const begeleidingIds = Object.keys(begeleidingNee);
