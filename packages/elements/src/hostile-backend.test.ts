/**
 * A backend that answers with malformed or hostile JSON: wrong shapes, HTML instead of JSON,
 * problem+json with HTML in its title, `__proto__` keys, deeply nested arrays, huge names.
 * Every element, for every call it makes while loading, shows a clear Dutch message (never the
 * server's own words, never a crash), or, when the answer is valid but hostile, shows it as
 * inert text with the layout intact. The api is the real `createHttpClient` over a fake fetch
 * that asks the memory backend and then spoils the answer of one route.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { createHttpClient, localize, userMessageFor, type DossierApiErrorKind, type MemoryBackend } from '@doorstroom/sdk';
import { today } from '../../sdk/src/testing/fixtures.js';
import './index.js';
import { translate } from './shared/i18n.js';
import { expectInert, expectLayoutHolds, hostileBackend, resetTrap, until } from './test/hostile-harness.js';

const run = 'window.__pwned=1';
const htmlTitle = `<img src=x onerror=${run}><script>${run}</script>`;
const json = (status: number, body: string, type = 'application/json') => new Response(body, { status, headers: { 'Content-Type': type } });
const problem = (status: number, extra = '') =>
  json(status, `{"type":"https://evil.example/x","title":${JSON.stringify(htmlTitle)},"status":${status},"detail":${JSON.stringify(htmlTitle)}${extra}}`, 'application/problem+json');

/** Answers a route must survive; each replaces the real answer completely. */
const spoiled: Record<string, () => Response> = {
  'HTML instead of JSON': () => json(200, `<!doctype html><p>Onderhoud</p><img src=x onerror=${run}>`, 'text/html'),
  'an empty body': () => json(200, ''),
  null: () => json(200, 'null'),
  'an array': () => json(200, '[]'),
  'wrong types': () => json(200, '{"id":1,"role":{"$gt":""},"status":"gehackt","items":"x","answers":"x"}'),
  'cut off JSON': () => json(200, '{"items":[{"id":"dossier-noor","status":"con'),
  'arrays nested 100 000 deep': () => json(200, '['.repeat(100_000) + ']'.repeat(100_000)),
  '__proto__ and constructor keys only': () => json(200, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  '400 with HTML in the title': () => problem(400, ',"errors":[{"path":"<b>x</b>","message":"<img src=x onerror=window.__pwned=1>"}]'),
  '403 with an unknown reason': () => problem(403, `,"reason":${JSON.stringify(htmlTitle)}`),
  '404 with HTML in the title': () => problem(404),
  '409 refused with HTML': () => problem(409, `,"reason":"<script>${run}</script>"`),
  '500 with __proto__': () => json(500, `{"__proto__":{"polluted":true},"type":"x","title":${JSON.stringify(htmlTitle)},"status":500}`, 'application/problem+json'),
  '502 HTML page': () => json(502, `<html><body onload="${run}">Bad gateway</body></html>`, 'text/html'),
  'problem+json that is not a problem': () => json(422, '{"type":1,"title":["x"]}', 'application/problem+json'),
};

interface Setup {
  element: string;
  token: string;
  dossierId?: string;
  /** Routes the element calls while loading: 'me', 'config', 'dossiers', 'dossiers/…', 'actions/…'. */
  routes: string[];
}

const setups: Setup[] = [
  { element: 'ddd-dossier-form', token: 'student-noor', routes: ['me', 'config', 'dossiers'] },
  { element: 'ddd-dossier-form', token: 'student-noor', dossierId: 'dossier-noor', routes: ['dossiers/'] },
  { element: 'ddd-mentor-review', token: 'mentor-de-vries', routes: ['me', 'config', 'dossiers'] },
  { element: 'ddd-mentor-review', token: 'mentor-de-vries', dossierId: 'dossier-lisa', routes: ['dossiers/'] },
  { element: 'ddd-consent', token: 'student-emma', dossierId: 'dossier-emma', routes: ['me', 'config', 'dossiers/', 'actions/recordInzage'] },
  { element: 'ddd-progress', token: 'student-noor', dossierId: 'dossier-noor', routes: ['dossiers/'] },
];

/** Whether the request is for `route` ('dossiers' = the list, 'dossiers/' = one dossier). */
function matches(url: URL, route: string): boolean {
  const path = url.pathname.replace(/^\/api\//, '');
  if (route === 'dossiers') return path === 'dossiers';
  if (route === 'dossiers/') return /^dossiers\/[^/]+$/.test(path);
  if (route.startsWith('actions/')) return path.endsWith(`/${route}`);
  return path === route;
}

/** The real memory backend, except that `route` answers `spoil(real answer)`. */
function spoiledFetch(backend: MemoryBackend, route: string, spoil: (real: Response) => Response | Promise<Response>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const real = await backend.fetch(request);
    return matches(new URL(request.url), route) ? spoil(real) : real;
  };
}

const kinds: DossierApiErrorKind[] = ['validation', 'conflict', 'refused', 'forbidden', 'unauthorized', 'notFound', 'rateLimited', 'server', 'network', 'timeout', 'malformed'];
const dutchMessages = [
  ...kinds.flatMap((kind) => [false, true].map((write) => localize(userMessageFor(kind, { write }), 'nl'))),
  translate('nl', 'progress.notFound'),
  translate('nl', 'mentor.dossier.notFound'),
];

const uncaught: unknown[] = [];
const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);

async function mount(setup: Setup, fetchImpl: typeof fetch, backend: MemoryBackend): Promise<LitElement> {
  const api = createHttpClient({ baseUrl: backend.baseUrl, token: backend.tokens[setup.token]!, fetch: fetchImpl, retry: 0 });
  const container = await fixture<HTMLElement>(html`<div lang="nl"></div>`);
  const el = document.createElement(setup.element) as LitElement & { api: unknown; today?: Date };
  if (setup.dossierId) el.setAttribute('dossier-id', setup.dossierId);
  el.api = api;
  if (setup.element === 'ddd-dossier-form') el.today = today;
  container.append(el);
  return el;
}

const errorText = (el: Element) => [...(el.shadowRoot?.querySelectorAll('.ddd-notice--error, [role="alert"]') ?? [])].map((n) => n.textContent ?? '').join(' ');

describe('a backend answering malformed or hostile JSON', function () {
  this.timeout(120000);
  before(() => setViewport({ width: 320, height: 720 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(() => {
    resetTrap();
    uncaught.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype polluted').to.equal(undefined);
  });

  for (const setup of setups) {
    for (const route of setup.routes) {
      it(`${setup.element}${setup.dossierId ? ` (${setup.dossierId})` : ''}: a spoiled ${route} answer gives a Dutch message, never a crash`, async () => {
        for (const [name, answer] of Object.entries(spoiled)) {
          // Fresh every time: a write that went through (inzage) is not asked for again.
          const backend = hostileBackend();
          const label = `${setup.element} ${route}: ${name}`;
          const el = await mount(setup, spoiledFetch(backend, route, answer), backend);
          await until(() => errorText(el).trim() !== '', `${label}: a message`);
          const text = errorText(el);
          expect(
            dutchMessages.some((message) => text.includes(message)),
            `${label}: "${text.trim().slice(0, 160)}"`,
          ).to.equal(true);
          expect(text, `${label}: the server's words shown`).not.to.match(/onerror|<script|<img|pwned|Bad gateway|Onderhoud/);
          await new Promise((resolve) => setTimeout(resolve, 20));
          expectInert(el, label);
          expectLayoutHolds(el, label, '.never');
          el.parentElement!.remove();
        }
        expect(uncaught, 'uncaught errors').to.deep.equal([]);
      });
    }
  }

  it('shows huge names and __proto__ keys in valid answers as inert text, the layout intact', async () => {
    const backend = hostileBackend();
    const huge = `<img src=x onerror=${run}>`.repeat(20_000);
    const spoil = async (real: Response) => {
      const body = (await real.json()) as Record<string, unknown>;
      const text = JSON.stringify(body)
        .replace(/("(?:student|person)":\{"id":"[^"]*","naam":")/g, `$1${huge}`)
        .replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')
        .replaceAll('"answers":{', '"answers":{"__proto__":{"__proto__":{"polluted":true}},');
      return json(200, text);
    };
    for (const setup of setups) {
      for (const route of ['me', 'dossiers', 'dossiers/']) {
        if (!setup.routes.includes(route) && !(route === 'dossiers/' && setup.dossierId)) continue;
        const label = `${setup.element} ${route}: huge names`;
        const el = await mount(setup, spoiledFetch(backend, route, spoil), backend);
        // Settled: something on screen and nothing loading any more (the history may follow later).
        await until(() => /\S/.test(el.shadowRoot?.textContent ?? '') && !/(?<!Geschiedenis )laden…/i.test(el.shadowRoot!.textContent!), `${label}: shown`);
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 20));
        expectInert(el, label);
        expectLayoutHolds(el, label, '.never');
        el.parentElement!.remove();
      }
    }
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
  });
});
