// doorstroom-preload.js on a page (issue 16, item 4): the preload script runs before the bundle,
// as on a slow phone where the bundle is still downloading, and the form then opens without
// asking for anything twice. Each page is a fresh frame (its own module instances and global
// registry) whose `fetch` is the backend: the memory backend behind the contract, recording
// every request, optionally failing the first request of a path.
import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '@doorstroom/sdk';
import { FormHarness } from './dossier-form/harness.js';
import type { DddDossierForm } from './dossier-form/ddd-dossier-form.component.js';

type Fault = number | 'no answer';

interface Page {
  frame: HTMLIFrameElement;
  /** `GET config`, … every request the backend got, in order. */
  requests: string[];
  form: FormHarness;
}

const api = createMemoryBackend().baseUrl;
const formMarkup = `<ddd-dossier-form api-base="${api}" token="student-noor" dossier-id="dossier-noor"></ddd-dossier-form>`;

/** Loads a module script into the frame and waits until it ran. */
function run(frame: HTMLIFrameElement, src: string): Promise<void> {
  const doc = frame.contentDocument!;
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = src;
  const ran = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
  });
  doc.head.append(script);
  return ran;
}

const preloadScript = '/packages/elements/src/preload.ts';
const bundle = '/packages/elements/src/bundle.ts';

/** A page with `body` and `scripts` run in order (the preload script, then the bundle); `faults` fail the first request of a path. */
async function openPage(body: string, faults: Record<string, Fault> = {}, scripts = [preloadScript, bundle]): Promise<Page> {
  const memory = createMemoryBackend();
  const pending = new Map(Object.entries(faults));
  const requests: string[] = [];
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(`<!doctype html><html lang="nl"><head></head><body>${body}</body></html>`);
  doc.close();
  // Answers in the frame's own Request/Response classes, as the frame's fetch would give them.
  win.fetch = async (input, init) => {
    const request = new win.Request(input, init);
    const path = request.url.slice(api.length);
    requests.push(`${request.method} ${path}`);
    const fault = pending.get(path);
    if (fault !== undefined) {
      pending.delete(path);
      if (fault === 'no answer') throw new win.TypeError('Failed to fetch');
      return new win.Response(JSON.stringify({ type: 'about:blank', title: 'Fout', status: fault }), { status: fault, headers: { 'Content-Type': 'application/problem+json' } });
    }
    const answer = await memory.handler(new Request(request.url, { method: request.method, headers: [...request.headers] }));
    return new win.Response(await answer.arrayBuffer(), { status: answer.status, headers: [...answer.headers] });
  };
  for (const script of scripts) {
    const before = requests.length;
    await run(frame, script);
    if (script === preloadScript && scripts[0] === preloadScript) expect(requests.length - before, 'the preload script asks before the bundle runs').to.be.above(0);
  }
  return { frame, requests, form: new FormHarness(doc.querySelector('ddd-dossier-form') as DddDossierForm) };
}

let frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames) frame.remove();
  frames = [];
});
const opened = async (...args: Parameters<typeof openPage>) => {
  const page = await openPage(...args);
  frames.push(page.frame);
  return page;
};

const count = (requests: string[]) => Object.fromEntries([...new Set(requests)].map((request) => [request, requests.filter((r) => r === request).length]));

describe('doorstroom-preload.js before the bundle', () => {
  it('the form opens with config, who is signed in and the dossier each asked for once', async () => {
    const { requests, form } = await opened(formMarkup);
    await form.whenOpen();
    expect(form.tasks.length).to.be.above(5);
    expect(count(requests)).to.deep.equal({ 'GET config': 1, 'GET me': 1, 'GET dossiers/dossier-noor': 1 });
  });

  it('reads api-base and token from the surrounding <ddd-context>', async () => {
    const { requests, form } = await opened(`<ddd-context api-base="${api}" token="student-noor"><ddd-dossier-form dossier-id="dossier-noor"></ddd-dossier-form></ddd-context>`);
    await form.whenOpen();
    expect(count(requests)).to.deep.equal({ 'GET config': 1, 'GET me': 1, 'GET dossiers/dossier-noor': 1 });
  });

  it('a preload the server answered with 500 is retried as the form would retry it', async () => {
    const { requests, form } = await opened(formMarkup, { config: 500 });
    await form.whenOpen();
    expect(count(requests)).to.deep.equal({ 'GET config': 2, 'GET me': 1, 'GET dossiers/dossier-noor': 1 });
  });

  it('a preload that got no answer is asked for again by the form', async () => {
    const { requests, form } = await opened(formMarkup, { 'dossiers/dossier-noor': 'no answer' });
    await form.whenOpen();
    expect(count(requests)).to.deep.equal({ 'GET config': 1, 'GET me': 1, 'GET dossiers/dossier-noor': 2 });
  });

  it("asks for nothing when an element's own file ran first (a cached ddd-progress.min.js): no answer left waiting", async () => {
    const progress = `<ddd-progress api-base="${api}" token="student-noor" dossier-id="dossier-noor"></ddd-progress>`;
    const { frame, requests } = await opened(progress, {}, ['/packages/elements/src/script-tag/ddd-progress.ts', preloadScript]);
    const element = frame.contentDocument!.querySelector('ddd-progress')!;
    await waitUntil(() => element.shadowRoot?.querySelector('.sections .section'), 'the progress shows the sections');
    expect(count(requests)).to.deep.equal({ 'GET config': 1, 'GET dossiers/dossier-noor': 1 });
    const registry = (frame.contentWindow as unknown as Record<symbol, Map<string, unknown> | undefined>)[Symbol.for('doorstroom.preload')];
    expect(registry?.size ?? 0, 'preloaded answers left for a later GET to take').to.equal(0);
  });

  it('a preload refused with 401 is the form\'s own "sign in again", without asking twice', async () => {
    const { requests, form } = await opened(formMarkup, { me: 401 });
    await form.until(() => form.text.includes('Log opnieuw in'), 'sign in again');
    expect(requests.filter((request) => request === 'GET me')).to.have.length(1);
  });
});
