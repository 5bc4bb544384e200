/**
 * The search boxes of the hostile-input tests: the A7 typeahead (instelling and opleiding in
 * <ddd-dossier-form>, locatie where the shared field renderer shows it as a combobox) and the
 * mentor's "Mijn leerlingen" search. Each payload is typed in; nothing runs, nothing becomes
 * markup, the layout holds, and the request carries exactly what was typed as `q` (encoded by
 * the HTTP client) without changing its path or its other parameters. The elements run over the
 * real `createHttpClient`, whose fetch records every request before the memory backend answers.
 * The boxes' `maxlength` (`limits.query`) stops a person typing or pasting more; a script setting
 * `.value`, as `typeInto` does, is not stopped, so the longer payloads reach the backend and are
 * refused, and each box must say so in words that fit a search.
 * Run by hostile-search.test.ts (markup payloads) and hostile-search-text.test.ts (the others).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createHttpClient, findSection, limits, type DossierApi, type MemoryBackend } from '@doorstroom/sdk';
import { completeAnswers } from '../../../sdk/src/testing/fixtures.js';
import { describePayload, type HostilePayload } from '../../../sdk/src/testing/hostile-payloads.js';
import { FormHarness } from '../dossier-form/harness.js';
import '../mentor-review/ddd-mentor-review.js';
import type { DddMentorReview } from '../mentor-review/ddd-mentor-review.component.js';
import { MentorReviewHarness } from '../mentor-review/harness.js';
import { catalogSearch } from '../shared/catalog.js';
import { translate } from '../shared/i18n.js';
import '../shared/test-host.js';
import type { TestSectionForm } from '../shared/test-host.js';
import { expectInert, expectLayoutHolds, hostileSweepSetup, mountForm, typeInto, until } from './hostile-harness.js';

/**
 * Whether the backend must refuse `q` (too long), may refuse it (a NUL, which no store can look
 * up) or must answer it: every other character is just text to search for.
 */
const refusal = (q: string): 'must' | 'may' | 'never' => (q.length > limits.query ? 'must' : q.includes('\u0000') ? 'may' : 'never');
const albeda = completeAnswers('vervolgkeuze')['instelling'] as { id: string; label: string };

/** A client as `person` that records every read it sends (the setup's one save is not a search). */
function recordingClient(backend: MemoryBackend, person: string): { api: DossierApi; requests: URL[]; answered: () => number } {
  const requests: URL[] = [];
  let answered = 0;
  const recording = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.method !== 'GET') return backend.fetch(request);
    requests.push(new URL(request.url));
    // Counted once the whole answer is there: what is left is the client's and the element's own work.
    const response = await backend.fetch(request);
    const body = await response.text();
    answered++;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }) as typeof fetch;
  return { api: createHttpClient({ baseUrl: backend.baseUrl, token: backend.tokens[person]!, fetch: recording, retry: 0 }), requests, answered: () => answered };
}

/**
 * The `q` the backend should read for what a box holds: trimmed (both the combobox and the
 * mentor's list trim), and lone surrogate halves as U+FFFD, since a URL carries UTF-8, which
 * cannot hold them. Empty means no `q` at all.
 */
const expectedQuery = (typed: string) => typed.trim().replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** The request went to exactly `path` with exactly `params`: the typed text changed neither. */
function expectRequest(url: URL | undefined, path: string, params: Record<string, string>, label: string): void {
  expect(url, `${label}: no request to ${path}`).to.not.equal(undefined);
  expect(url!.origin + url!.pathname, `${label}: path`).to.equal(new URL(path).href);
  const sent = [...url!.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  const wanted = Object.entries(params).sort(([a], [b]) => a.localeCompare(b));
  expect(sent, `${label}: query parameters`).to.deep.equal(wanted);
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The combobox `#id` of a shadow root: its input and its status line. */
function box(host: Element, id: string) {
  const input = host.shadowRoot!.getElementById(id) as HTMLInputElement | null;
  if (!input) throw new Error(`No combobox #${id} on screen`);
  const status = input.closest('.ddd-combobox')!.querySelector<HTMLElement>('.ddd-combobox__status')!;
  return { input, status: () => status.textContent ?? '' };
}

export function sweepSearch(payloads: ReadonlyArray<HostilePayload>): void {
  describe('search boxes', function () {
    this.timeout(280000);
    const hostile = hostileSweepSetup();

    it(`takes ${payloads.length} payloads in the A7 typeahead (instelling, opleiding, locatie) and sends each as q, nothing else`, async () => {
      const backend = hostile();
      const { api, requests } = recordingClient(backend, 'student-noor');
      const dossier = await api.getDossier('dossier-noor');
      await api.saveSection('dossier-noor', 'vervolgkeuze', { instelling: completeAnswers('vervolgkeuze')['instelling']! }, dossier.version);
      const form = await mountForm(api, 'dossier-noor');
      await new FormHarness(form).openSection('vervolgkeuze');
      // <ddd-dossier-form> offers locatie as a list of the instelling's locations; the shared
      // renderer (renderQuestions + catalogSearch, for integrators) makes it a combobox too.
      const section = findSection(await api.config(), 'vervolgkeuze')!;
      const shared = await fixture<TestSectionForm>(html`<test-section-form lang="nl" .section=${section} .search=${catalogSearch(api, 'nl')}></test-section-form>`);
      shared.draft = { instelling: albeda };
      await shared.updateComplete;
      const boxes = [
        { name: 'instelling', host: form as Element, id: 'ddd-instelling', path: 'catalog/institutions', sendsQuery: true },
        { name: 'opleiding', host: form as Element, id: 'ddd-opleiding', path: `catalog/institutions/${albeda.id}/programmes`, sendsQuery: true },
        // Locations are few per instelling: the whole list is fetched and filtered on the device.
        { name: 'locatie', host: shared as Element, id: 'ddd-locatie', path: `catalog/institutions/${albeda.id}/locations`, sendsQuery: false },
      ];
      const searching = translate('nl', 'combobox.loading');
      const refused = translate('nl', 'search.refused');

      for (const payload of payloads) {
        const label = describePayload(payload);
        requests.length = 0;
        // All three at once: each waits its own 150 ms after the last keystroke, then searches once.
        const typed = boxes.map((b) => typeInto(box(b.host, b.id).input, payload.value));
        await until(() => boxes.every((b) => box(b.host, b.id).status() !== searching), `${label}: searched`);
        await Promise.all([form.updateComplete, shared.updateComplete]);
        expect(requests.length, `${label}: one request per box`).to.equal(boxes.length);

        boxes.forEach((b, index) => {
          const q = expectedQuery(typed[index]!);
          const url = requests.find((r) => r.pathname.endsWith(`/${b.path}`));
          expectRequest(url, backend.baseUrl + b.path, b.sendsQuery && q !== '' ? { q } : {}, `${label} ${b.name}`);
          const { input, status } = box(b.host, b.id);
          expect(input.value, `${label} ${b.name}: the box keeps what was typed`).to.equal(typed[index]);
          // Refused by the backend: "search with other words", not the server's words nor "try again"; otherwise results, or "no results for …" as text.
          // The status repeats the search as typed (trimmed), not as the URL carried it.
          const answers = [translate('nl', 'combobox.empty', { query: typed[index]!.trim() }), ''];
          const expected = { must: [refused], may: [refused, ...answers], never: answers }[b.sendsQuery ? refusal(q) : 'never'];
          expect(expected, `${label} ${b.name}: "${status().slice(0, 80)}"`).to.include(status());
        });
        await frame();
        for (const host of [form, shared]) {
          expectInert(host, label);
          expectLayoutHolds(host, label, '.ddd-combobox__status, .ddd-combobox__label');
        }
      }
      // Searching chose nothing: the answer is still the instelling chosen before.
      expect((new FormHarness(form).loadedDossier!.answers['vervolgkeuze'] as { instelling?: { id: string } }).instelling?.id).to.equal(albeda.id);
    });

    it(`takes ${payloads.length} payloads in the mentor's "Mijn leerlingen" search and sends each as q, nothing else`, async () => {
      const backend = hostile();
      const { api, requests, answered } = recordingClient(backend, 'mentor-de-vries');
      const el = await fixture<DddMentorReview>(html`<ddd-mentor-review lang="nl" view="mijnLeerlingen" .api=${api}></ddd-mentor-review>`);
      const search = () => el.shadowRoot!.querySelector<HTMLInputElement>('#filter-q');
      const review = new MentorReviewHarness(el);
      await until(() => search() && review.tableShown, 'Mijn leerlingen');
      // Not the SDK's "correct the marked answers": a search has none.
      const refused = translate('nl', 'search.refused');
      let previous = '';
      let previousFailed = false;

      for (const payload of payloads) {
        const label = describePayload(payload);
        requests.length = 0;
        const answeredBefore = answered();
        const input = search();
        expect(input, `${label}: the search box is there`).to.not.equal(null);
        const typed = typeInto(input!, payload.value);
        // "Filter" (or Enter) asks at once; typing alone waits 300 ms.
        el.shadowRoot!.querySelector<HTMLFormElement>('form.filters')!.requestSubmit();
        await el.updateComplete;
        // The same filter twice is not asked for again, unless asking for it failed: then it is a retry.
        const asked = typed !== previous || previousFailed;
        // Sent (when asked) and answered, then the client reads the answer (promise jobs, done before
        // the next task) and the element shows it. Waiting for "answered" alone passed before the
        // request had left the client (0 of 0 answered).
        await review.until(() => requests.length >= (asked ? 1 : 0) && answered() - answeredBefore === requests.length, `${label}: list answered`, 10000);
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        const q = expectedQuery(typed);
        expect(requests.length, `${label}: requests`).to.equal(asked ? 1 : 0);
        if (asked) expectRequest(requests[0], `${backend.baseUrl}dossiers`, { view: 'mijnLeerlingen', ...(q ? { q } : {}) }, label);
        previous = typed;
        expect(search()?.value, `${label}: the box keeps what was typed`).to.equal(typed);
        const alert = el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
        const expected = { must: [refused], may: [refused, ''], never: [''] }[refusal(q)];
        expect(expected, `${label}: "${alert.slice(0, 80)}"`).to.include(alert);
        previousFailed = alert !== '';
        await frame();
        expectInert(el, label);
        expectLayoutHolds(el, label, '.ddd-table tbody th, .ddd-table tbody td');
      }
    });
  });
}
