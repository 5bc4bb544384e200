// Every failure a person sees is also a `ddd-error` for the portal, with a typed kind (issue 15):
// loading too — an expired token, a dossier that is not there, no connection or a server that
// cannot be reached (down, a wrong address, or its CORS settings refusing this page).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createHttpClient, createMemoryBackend, type DossierApi } from '@doorstroom/sdk';
import '../index.js';
import type { DddErrorDetail } from './events.js';

const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** A client whose every request answers `status` (or never gets an answer: a TypeError, as fetch gives). */
function failingApi(answer: number | 'no answer'): DossierApi {
  const fetch = (async () => {
    if (answer === 'no answer') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Nee', status: answer }), { status: answer, headers: { 'Content-Type': 'application/problem+json' } });
  }) as typeof globalThis.fetch;
  return createHttpClient({ baseUrl: 'http://doorstroom.test/api/', token: 'verlopen', fetch, retry: 0 });
}

async function errorOf(template: ReturnType<typeof html>): Promise<{ el: HTMLElement; detail: DddErrorDetail }> {
  const container = await fixture<HTMLDivElement>(html`<div lang="nl"></div>`);
  const arrived = oneEvent(container, 'ddd-error');
  const { render } = await import('lit');
  render(template, container);
  const event = await arrived;
  return { el: container.firstElementChild as HTMLElement, detail: event.detail };
}

describe('ddd-error when loading fails', () => {
  it('tells the page that the token expired (401), while the element says to sign in again', async () => {
    const { el, detail } = await errorOf(html`<ddd-dossier-form .api=${failingApi(401)}></ddd-dossier-form>`);
    expect([detail.kind, detail.during, detail.status]).to.deep.equal(['unauthorized', 'setup', 401]);
    await waitUntil(() => shown(el).includes('Log opnieuw in'));
    expect(detail.message).to.contain('Log opnieuw in');
  });

  it('tells the page that a dossier is not there (404), for the form, progress, the mentor and consent', async () => {
    const backend = createMemoryBackend();
    for (const [tag, token] of [
      ['ddd-dossier-form', 'student-noor'],
      ['ddd-progress', 'student-noor'],
      ['ddd-mentor-review', 'mentor-de-vries'],
      ['ddd-consent', 'student-noor'],
    ] as const) {
      const api = backend.client(token);
      const container = await fixture<HTMLDivElement>(html`<div lang="nl"></div>`);
      const arrived = oneEvent(container, 'ddd-error');
      const el = document.createElement(tag) as HTMLElement & { api: DossierApi };
      el.api = api;
      el.setAttribute('dossier-id', 'd-bestaatniet');
      container.append(el);
      const { detail } = await arrived;
      expect([detail.kind, detail.during, detail.status], tag).to.deep.equal(['notFound', 'load', 404]);
    }
  });

  it('tells apart offline from a server that cannot be reached, on screen and in the event', async () => {
    const unreachable = await errorOf(html`<ddd-progress dossier-id="dossier-noor" .api=${failingApi('no answer')}></ddd-progress>`);
    expect([unreachable.detail.kind, unreachable.detail.cause]).to.deep.equal(['network', 'unreachable']);
    expect(unreachable.detail.message).to.contain('De server is nu niet bereikbaar').and.not.to.contain('internetverbinding');

    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      const offline = await errorOf(html`<ddd-progress dossier-id="dossier-noor" .api=${failingApi('no answer')}></ddd-progress>`);
      expect([offline.detail.kind, offline.detail.cause]).to.deep.equal(['network', 'offline']);
      expect(offline.detail.message).to.contain('Je bent offline');
      await waitUntil(() => shown(offline.el).includes('Je bent offline'));
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', online);
    }
  });
});
