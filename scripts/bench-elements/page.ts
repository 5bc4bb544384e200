/**
 * The page `scripts/bench-elements.mjs` opens in headless Chromium. It exposes `window.bench`
 * with one function per benchmark; each returns its samples in milliseconds.
 *
 * - keystroke: a full dossier in <ddd-dossier-form>, A9 open; one input event in the motivation
 *   field, until the task list shows A9 as complete or in progress (after Lit's update, layout forced).
 * - typeahead: the reference combobox of the form over 10 000 programmes (catalogForBench): the
 *   input event's own work plus the search (filter) until the listbox holds the results (render,
 *   layout forced). The typing debounce before the search (150 ms by design) is waiting, not
 *   work: it is set to 0 and left out.
 * - intake: the MBO's worklist in <ddd-intake> with 5 000 received dossiers (received-dossiers.ts,
 *   listed by a stub of the api: the element is measured, not the backend): one change of the
 *   search (a crebo, a name), a filter (status by its count, cohort, locatie) or one press on a
 *   sortable header, from the event until the table shows the new page of rows (Lit's update,
 *   layout forced). Each sample checks that rows are shown and that a sort changed the order.
 * - overview: the decaan's school overview in <ddd-mentor-review> with 600 students (big-school.ts),
 *   shown in pages of 50 as the MBO's worklist: one change of a filter (step, days in the step,
 *   parent consent, klas, or off again) or one press on a sortable header, from the event until the
 *   table shows the new first page (Lit's update, layout forced). Each sample checks the rows shown
 *   against the pure functions (filter and sort every student, then page 1) and that a sort changed
 *   the order.
 */
import { LitElement, html } from 'lit';
import { createMemoryBackend, exampleData, type DossierApi } from '@doorstroom/sdk';
import { catalogForBench, createCatalogIndex, type CatalogData } from '../../packages/sdk/src/example/catalog.js';
import { completeAnswersFor } from '../../packages/sdk/src/testing/fixtures.js';
import '../../packages/elements/src/index.js';
import type { DddDossierForm, DddIntake, DddMentorReview } from '../../packages/elements/src/index.js';
import { receivedSummaries } from '../../packages/elements/src/test/received-dossiers.js';
import { bigSchoolBackend } from '../../packages/elements/src/test/big-school.js';
import { combobox, type ComboboxOption } from '../../packages/elements/src/shared/combobox.js';
import { translate } from '../../packages/elements/src/shared/i18n.js';
import { nextSort, sortRows, type SortState } from '../../packages/elements/src/shared/data-table.js';
import { pageOf } from '../../packages/elements/src/shared/pager.js';
import { filterOverview, noOverviewFilter, overviewRows, overviewSortKeys, type OverviewFilter } from '../../packages/elements/src/mentor-review/overview.js';
import { fieldStyles, sharedStyles } from '../../packages/elements/src/shared/tokens.js';

const stage = document.getElementById('stage')!;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const idle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Style and layout are part of what the user waits for: make the browser do them now. */
const forceLayout = (el: Element) => el.getBoundingClientRect().height;

// --- (a) keystroke → task state ----------------------------------------------------------------

const deelA = ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding', 'motivatie'];

async function keystroke(samples: number, warmup: number): Promise<number[]> {
  const backend = createMemoryBackend(exampleData());
  const api = backend.client(backend.tokens['student-noor']!);
  let dossier = await api.getDossier('dossier-noor');
  for (const sectionId of deelA) dossier = await api.saveSection(dossier.id, sectionId, { ...completeAnswersFor(dossier, sectionId) }, dossier.version);

  const form = document.createElement('ddd-dossier-form') as DddDossierForm;
  form.api = api;
  // Saving is not what is measured here; it happens long after the last keystroke anyway.
  form.autosaveDelay = 600_000;
  form.dossierId = dossier.id;
  stage.replaceChildren(form);
  const root = form.shadowRoot!;
  while (!root.querySelector('.check')) await nextFrame();
  // A9 from the task list, as the student opens it.
  root.querySelector<HTMLButtonElement>('.task__button[data-section="motivatie"]')!.click();
  await form.updateComplete;
  const field = root.querySelector<HTMLTextAreaElement>('#ddd-waarom')!;
  // A9's state in the task list: its tag's class (the text is the language's).
  const state = () => /tag--(\w+)/.exec(root.querySelectorAll('.task')[8]!.querySelector('.tag')!.className)?.[1];

  const times: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    // Alternate between a complete and a too-short motivation, so A9 flips between complete and in progress.
    const complete = i % 2 === 0;
    field.value = complete ? `Ik wil graag met mensen werken, poging ${i}.` : `Kort ${i}`;
    const t0 = performance.now();
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await form.updateComplete;
    const shown = state();
    forceLayout(form);
    const t1 = performance.now();
    if (shown !== (complete ? 'complete' : 'inProgress')) throw new Error(`keystroke ${i}: the task list shows ${shown}`);
    if (i >= warmup) times.push(t1 - t0);
    await idle();
  }
  stage.replaceChildren();
  return times;
}

// --- (b) typeahead over 10 000 programmes ----------------------------------------------------------

/** All programmes of the benchmark catalogue under one instelling, so one search scans all of them. */
function benchCatalog(size: number): { data: CatalogData; brin: string; count: number } {
  const spread = catalogForBench(size);
  const all = Object.values(spread.programmes).flat();
  const brin = 'BENCH';
  return {
    data: { institutions: [{ brin, naam: 'Alle opleidingen (benchmark)', plaatsen: [] }], locations: { [brin]: [] }, programmes: { [brin]: all } },
    brin,
    count: all.length,
  };
}

type Search = (query: string) => Promise<ReadonlyArray<ComboboxOption>>;

/** The combobox as the form renders it for "Opleiding", in a shadow root with the same styles. */
class BenchTypeahead extends LitElement {
  static override styles = [sharedStyles, fieldStyles];
  search: Search = async () => [];
  override render() {
    return html`<div class="ddd-field">
      <label class="ddd-label" id="opleiding-label" for="opleiding">Opleiding</label>
      ${combobox({ id: 'opleiding', labelId: 'opleiding-label', lang: 'nl', value: null, search: this.search, onSelect: () => {}, debounce: 0 })}
    </div>`;
  }
}
customElements.define('bench-typeahead', BenchTypeahead);

const queries = ['verpleeg', 'monteur', 'zorg', 'logistiek', 'kok', 'ict', 'medewerker', 'sport', 'a', 'techniek', '25', 'onderhoud', 'xyzq', 'bouw', 'entree', 'assistent'];

const toOption = (p: { id: string; naam: string; crebo: string; niveau: number; leerweg: string; cohort: string }): ComboboxOption => ({
  id: p.id,
  label: p.naam,
  detail: { crebo: p.crebo, niveau: p.niveau, leerweg: p.leerweg, cohort: p.cohort },
  description: translate('nl', 'catalog.programme', { crebo: p.crebo, niveau: p.niveau, leerweg: p.leerweg, cohort: p.cohort }),
});

async function typeahead(samples: number, warmup: number, via: 'index' | 'backend'): Promise<{ times: number[]; programmes: number; results: number; byQuery: Record<string, number[]> }> {
  const { data, brin, count } = benchCatalog(10_000);
  let search: Search;
  if (via === 'index') {
    const index = createCatalogIndex(data);
    // The backend's limit (catalogLimits.programmes).
    search = async (query) => index.searchProgrammes(brin, query, 50).map(toOption);
  } else {
    const example = exampleData();
    const backend = createMemoryBackend({ ...example, catalog: data });
    const api: DossierApi = backend.client(backend.tokens['student-noor']!);
    search = async (query) => (await api.programmes(brin, query)).map(toOption);
  }
  // Which query the combobox last got results for (its render follows in the same task), and
  // when it started looking: the debounce timer before that is waiting, not work.
  let answered: string | undefined;
  let searchStarted = 0;
  let filtered = 0;
  const host = document.createElement('bench-typeahead') as BenchTypeahead;
  host.search = async (query) => {
    searchStarted = performance.now();
    const found = await search(query);
    filtered = performance.now() - searchStarted;
    answered = query;
    return found;
  };
  stage.replaceChildren(host);
  await host.updateComplete;
  const root = host.shadowRoot!;
  const input = root.querySelector<HTMLInputElement>('#opleiding')!;
  const listbox = root.querySelector<HTMLElement>('#opleiding-listbox')!;
  const live = root.querySelector<HTMLElement>('[aria-live="polite"]')!;
  input.focus();

  const times: number[] = [];
  const byQuery: Record<string, number[]> = {};
  let results = 0;
  for (let i = 0; i < warmup + samples; i++) {
    const query = queries[i % queries.length]!;
    const expected = await search(query);
    // Done when the live region announces this query's results and the listbox holds them.
    const done = new Promise<void>((resolve) => {
      const check = () => {
        const shown = listbox.querySelectorAll('[role="option"]').length;
        const announced = live.textContent ?? '';
        const settled = answered === query && (expected.length === 0 ? announced.includes(query) : shown === expected.length && !listbox.hidden && announced.includes(String(expected.length)));
        if (settled && (expected.length === 0 || listbox.querySelector('[role="option"]')!.textContent!.includes(expected[0]!.label))) {
          observer.disconnect();
          resolve();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    input.value = query;
    const t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const typed = performance.now() - t0;
    await done;
    forceLayout(host);
    const t1 = performance.now();
    if (i >= warmup) {
      // The keystroke's own work (the "Zoeken…" render) plus filtering and rendering the results.
      times.push(typed + (t1 - searchStarted));
      (byQuery[query] ??= []).push(typed + (t1 - searchStarted));
      (byQuery[`${query} (filter)`] ??= []).push(filtered);
      results += expected.length;
    }
    await idle();
  }
  stage.replaceChildren();
  return { times, programmes: count, results: results / samples, byQuery };
}

// --- (c) the school overview: filter and sort 600 students ------------------------------------------

type OverviewStep = { kind: 'filter' | 'sort'; label: string; act(root: ShadowRoot): void; filter?: Partial<OverviewFilter>; column?: string };

/** Sets a filter field as a person does: the value, then the event the element listens to. */
const setField = (root: ShadowRoot, selector: string, value: string | boolean) => {
  const field = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  if (typeof value === 'boolean') {
    (field as HTMLInputElement).checked = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  }
};
const pressHeader = (root: ShadowRoot, column: string) => root.querySelector<HTMLButtonElement>(`th[data-column="${column}"] .ddd-table__sort`)!.click();

/** What a decaan does in a row: narrow down, widen again, sort by another column. */
const overviewSteps: OverviewStep[] = [
  { kind: 'filter', label: 'step: at the mentor', filter: { state: 'bijMentor' }, act: (r) => setField(r, '#filter-state', 'bijMentor') },
  { kind: 'filter', label: 'more than 7 days', filter: { stuckDays: '7' }, act: (r) => setField(r, '#filter-stuck', '7') },
  { kind: 'sort', label: 'by days in the step', column: 'days', act: (r) => pressHeader(r, 'days') },
  { kind: 'filter', label: 'every step', filter: { state: '' }, act: (r) => setField(r, '#filter-state', '') },
  { kind: 'sort', label: 'by name', column: 'naam', act: (r) => pressHeader(r, 'naam') },
  { kind: 'filter', label: 'no limit on days', filter: { stuckDays: '' }, act: (r) => setField(r, '#filter-stuck', '') },
  { kind: 'sort', label: 'by name, the other way', column: 'naam', act: (r) => pressHeader(r, 'naam') },
  { kind: 'filter', label: 'parent consent outstanding', filter: { guardian: true }, act: (r) => setField(r, '#filter-guardian', true) },
  { kind: 'filter', label: 'parent consent: off', filter: { guardian: false }, act: (r) => setField(r, '#filter-guardian', false) },
  { kind: 'sort', label: 'by step', column: 'state', act: (r) => pressHeader(r, 'state') },
  { kind: 'filter', label: 'klas 4B', filter: { klas: '4B' }, act: (r) => setField(r, '#filter-klas', '4B') },
  { kind: 'filter', label: 'every klas', filter: { klas: '' }, act: (r) => setField(r, '#filter-klas', '') },
  { kind: 'sort', label: 'by klas', column: 'klas', act: (r) => pressHeader(r, 'klas') },
];

async function overview(samples: number, warmup: number): Promise<{ filter: number[]; sort: number[]; students: number; pageSize: number; byStep: Record<string, number[]> }> {
  const backend = await bigSchoolBackend(600);
  const api = backend.client('decaan-visser');
  // The rows as the pure functions make them, to check each sample against.
  const me = await api.me();
  const students = (await api.listDossiers({ view: 'mijnLeerlingen' })).students ?? [];
  const rows = overviewRows(students, me, new Date());
  const pageSize = 50;
  let filter: OverviewFilter = noOverviewFilter;
  let sort: SortState = { column: 'klas', direction: 'ascending' };
  const expectedPage = () => pageOf(filterOverview(sortRows(rows, overviewSortKeys[sort.column]!, sort.direction, 'nl'), filter), 1, pageSize).rows.map((row) => row.student.naam);

  const el = document.createElement('ddd-mentor-review') as DddMentorReview;
  el.api = api;
  stage.replaceChildren(el);
  const root = el.shadowRoot!;
  while (root.querySelectorAll('tbody tr').length < pageSize || root.querySelectorAll('#ov-move-mentor option').length < 2) await nextFrame();
  const shownNames = () => [...root.querySelectorAll('tbody tr:not([hidden]) th[scope="row"] span[id]')].map((span) => span.textContent!.trim());
  const currentPage = () => root.querySelector('nav.ov-pages [aria-current="page"]')?.id ?? 'ov-page-1';
  const times = { filter: [] as number[], sort: [] as number[] };
  const byStep: Record<string, number[]> = {};
  for (let i = 0; i < warmup + samples; i++) {
    const step = overviewSteps[i % overviewSteps.length]!;
    const before = shownNames()[0];
    const t0 = performance.now();
    step.act(root);
    await el.updateComplete;
    const shown = shownNames();
    forceLayout(el);
    const t1 = performance.now();
    if (step.filter) filter = { ...filter, ...step.filter };
    if (step.column) sort = nextSort(sort, step.column);
    // The table really shows the new first page: the rows the pure functions give, never none, and a sort reorders them.
    const expected = expectedPage();
    if (shown.length === 0) throw new Error(`overview ${step.label}: no rows shown`);
    if (currentPage() !== 'ov-page-1') throw new Error(`overview ${step.label}: not on page 1 but ${currentPage()}`);
    if (shown.join('|') !== expected.join('|')) throw new Error(`overview ${step.label}: shows ${shown.slice(0, 3).join(', ')}…, expected ${expected.slice(0, 3).join(', ')}…`);
    if (step.kind === 'sort' && shown.length > 1 && shown[0] === before && step.label !== 'by klas') throw new Error(`overview ${step.label}: the order did not change`);
    if (i >= warmup) {
      times[step.kind].push(t1 - t0);
      (byStep[step.label] ??= []).push(t1 - t0);
    }
    await idle();
  }
  stage.replaceChildren();
  return { ...times, students: 600, pageSize, byStep };
}

// --- (d) the MBO's worklist: filter and sort 5 000 received dossiers ---------------------------------

type IntakeStep = { kind: 'filter' | 'sort'; label: string; act(root: ShadowRoot): void; column?: string };
const pressCount = (root: ShadowRoot, index: number) => root.querySelectorAll<HTMLButtonElement>('.ddd-counts__button')[index]!.click();
const firstOption = (root: ShadowRoot, selector: string) => root.querySelector<HTMLSelectElement>(selector)!.options[1]!.value;

/** What an intake officer does in a row: find by crebo or name, narrow down by status, cohort, locatie, sort. */
const intakeSteps = (crebo: string): IntakeStep[] => [
  { kind: 'filter', label: 'status: nieuw (its count)', act: (r) => pressCount(r, 0) },
  { kind: 'filter', label: `search: crebo ${crebo}`, act: (r) => setField(r, '#in-q', crebo) },
  { kind: 'sort', label: 'by name', column: 'naam', act: (r) => pressHeader(r, 'naam') },
  { kind: 'filter', label: 'search: cleared', act: (r) => setField(r, '#in-q', '') },
  { kind: 'filter', label: 'cohort 2026', act: (r) => setField(r, '#in-filter-cohort', '2026') },
  { kind: 'sort', label: 'by status', column: 'status', act: (r) => pressHeader(r, 'status') },
  { kind: 'filter', label: 'every cohort', act: (r) => setField(r, '#in-filter-cohort', '') },
  { kind: 'filter', label: 'status: off', act: (r) => pressCount(r, 0) },
  { kind: 'filter', label: 'a locatie', act: (r) => setField(r, '#in-filter-locatie', firstOption(r, '#in-filter-locatie')) },
  { kind: 'sort', label: 'by opleiding', column: 'opleiding', act: (r) => pressHeader(r, 'opleiding') },
  { kind: 'filter', label: 'every locatie', act: (r) => setField(r, '#in-filter-locatie', '') },
  { kind: 'filter', label: 'search: a name', act: (r) => setField(r, '#in-q', 'omer') },
  { kind: 'sort', label: 'by name, the other way', column: 'naam', act: (r) => pressHeader(r, 'naam') },
  { kind: 'filter', label: 'search: cleared again', act: (r) => setField(r, '#in-q', '') },
  { kind: 'sort', label: 'by received', column: 'ontvangen', act: (r) => pressHeader(r, 'ontvangen') },
];

async function intake(samples: number, warmup: number): Promise<{ filter: number[]; sort: number[]; dossiers: number; byStep: Record<string, number[]> }> {
  const count = 5000;
  const items = receivedSummaries(count);
  const backend = createMemoryBackend(exampleData());
  const officer = backend.client('mbo-roc-midden-nederland');
  // The backend's list route is measured by the server benchmark; here the element gets the 5 000 at once.
  const api: DossierApi = Object.assign(Object.create(officer) as DossierApi, { listDossiers: async () => ({ items }) });
  const el = document.createElement('ddd-intake') as DddIntake;
  el.api = api;
  stage.replaceChildren(el);
  const root = el.shadowRoot!;
  while (!root.querySelector('tbody tr') || !root.querySelector('#in-filter-locatie')) await nextFrame();
  const rows = () => root.querySelectorAll('tbody tr');
  const sortedBy = () => root.querySelector('th[aria-sort]')?.getAttribute('data-column');
  const direction = () => root.querySelector('th[aria-sort]')?.getAttribute('aria-sort');
  const steps = intakeSteps(items[7]!.choice!.crebo!);
  const times = { filter: [] as number[], sort: [] as number[] };
  const byStep: Record<string, number[]> = {};
  for (let i = 0; i < warmup + samples; i++) {
    const step = steps[i % steps.length]!;
    const before = `${sortedBy()} ${direction()}`;
    const t0 = performance.now();
    step.act(root);
    await el.updateComplete;
    const shown = rows().length;
    forceLayout(el);
    const t1 = performance.now();
    // The table really changed as asked: rows are shown, and a sort is on the pressed column (or the other way).
    if (shown === 0) throw new Error(`intake ${step.label}: no rows shown`);
    if (step.kind === 'sort' && (sortedBy() !== step.column || `${sortedBy()} ${direction()}` === before)) throw new Error(`intake ${step.label}: not sorted by ${step.column}`);
    if (i >= warmup) {
      times[step.kind].push(t1 - t0);
      (byStep[step.label] ??= []).push(t1 - t0);
    }
    await idle();
  }
  stage.replaceChildren();
  return { ...times, dossiers: count, byStep };
}

declare global {
  interface Window {
    bench: {
      keystroke: typeof keystroke;
      typeahead: typeof typeahead;
      overview: typeof overview;
      intake: typeof intake;
    };
  }
}

window.bench = { keystroke, typeahead, overview, intake };
document.body.dataset['ready'] = 'true';
