/**
 * The preload script (dist/doorstroom-preload.js, beside the bundle; docs/embedding.md): loaded
 * with `async` before doorstroom.min.js, it starts the GETs the elements on the page will make
 * first (`/config`, `/me`, the dossier) while the much larger bundle is still downloading. The
 * requests carry a bearer token, so `<link rel=preload>` cannot make them.
 *
 * It reads the attributes the way the elements resolve their backend (shared/api.ts): the
 * outermost `<ddd-context api-base>` around an element wins, else the element's own `api-base`
 * and `token`. An `api` property set from script is invisible here: such a page gains nothing,
 * and the few preloaded answers are left unused.
 *
 * The responses wait in a plain global registry (the protocol the SDK's createHttpClient reads,
 * packages/sdk/src/client.ts): `globalThis[Symbol.for('doorstroom.preload')]`, a Map from
 * `GET <absolute URL>\n<Authorization or ''>` to `{ at: Date.now(), response: Promise<Response> }`.
 * The client takes a matching entry once, within 30 s, and parses it like any answer.
 *
 * No imports: this file must stay a few hundred bytes.
 */

interface Preload {
  at: number;
  response: Promise<Response>;
}

const registry = ((globalThis as unknown as Record<symbol, Map<string, Preload> | undefined>)[Symbol.for('doorstroom.preload')] ??= new Map());
const tags = 'ddd-context,ddd-progress,ddd-dossier-form,ddd-mentor-review,ddd-consent,ddd-intake';
/**
 * The bundle or an element's own file (ddd-progress.min.js…) ran: from then on the elements ask
 * for themselves, and an answer preloaded now would wait unused, or be taken by a later GET of the
 * same address and be older than what the element already has.
 */
const bundleRan = () => tags.split(',').some((tag) => customElements.get(tag));

/** The GET the SDK's client makes for `path` under `base`: the same URL (ky's prefixUrl joining) and headers. */
function preload(base: string, token: string | null, path: string): void {
  const url = new URL(base.replace(/\/?$/, '/') + path, document.baseURI).href;
  const authorization = token ? `Bearer ${token}` : '';
  const key = `GET ${url}\n${authorization}`;
  if (registry.has(key)) return;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (authorization) headers['authorization'] = authorization;
  const response = fetch(url, { headers });
  // Nobody may take it (an `api` property won): a failure must not show as an unhandled rejection.
  response.catch(() => {});
  registry.set(key, { at: Date.now(), response });
}

function visit(element: Element): void {
  let source: Element | undefined;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.localName === 'ddd-context' && node.getAttribute('api-base')) source = node;
  }
  if (!source && element.getAttribute('api-base')) source = element;
  if (!source) return;
  const base = source.getAttribute('api-base')!;
  const token = source.getAttribute('token');
  const tag = element.localName;
  const id = element.getAttribute('dossier-id');
  preload(base, token, 'config');
  // <ddd-progress> does not ask who is signed in.
  if (tag !== 'ddd-progress') preload(base, token, 'me');
  if (tag === 'ddd-context') return;
  // The SDK refuses an empty or dot segment without asking the server.
  if (id && id !== '.' && id !== '..') preload(base, token, `dossiers/${encodeURIComponent(id)}`);
  // Without a dossier-id the form opens the student's list of dossiers.
  else if (tag === 'ddd-dossier-form') preload(base, token, 'dossiers');
}

const scan = (root: ParentNode) => root.querySelectorAll(tags).forEach(visit);

if (!bundleRan()) {
  scan(document);
  if (document.readyState === 'loading') {
    // The page is still being parsed: elements further down arrive one by one, until the bundle
    // (a module script, which runs before DOMContentLoaded) takes over.
    const observer = new MutationObserver((records) => {
      if (bundleRan()) return observer.disconnect();
      for (const record of records) {
        record.addedNodes.forEach((node) => {
          if (!(node instanceof Element)) return;
          if (node.matches(tags)) visit(node);
          scan(node);
        });
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => observer.disconnect(), { once: true });
  }
}

// A module for TypeScript (its names stay out of the global scope); it exports nothing.
export {};
