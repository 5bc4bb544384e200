// The backend behind `api-base="/test-api"` for test/bundle/page.html: the SDK's one fetch
// handler over the memory backend (example region, school, students and dossiers), answering
// the HTTP contract (spec §8) from the test server itself, as a portal's backend would.
//   /test-api/…               the contract (bearer tokens are the example person ids, e.g. student-noor)
//   /test-api-<name>/…        the same over a backend of its own, so a test file that runs beside
//                             test/bundle/ (test/csp/bundle.html uses /test-api-csp) shares no state
//   POST /test-backend/reset  back to the example data, so every test starts from the same state
//                             (`?api=<name>` resets /test-api-<name>)
// The SDK is TypeScript; tsx's scoped tsImport compiles it for this import only, without
// registering a loader for the rest of the test runner. It is loaded on the first request, so
// test runs that never call the backend do not pay for it.
import { tsImport } from 'tsx/esm/api';

export const apiPrefix = '/test-api';
const apiPath = /^\/test-api(?:-([a-z0-9]+))?(?=\/|$)/;
const resetPath = '/test-backend/reset';

/** @type {Map<string, Promise<import('../../packages/sdk/src/memory.ts').MemoryBackend>>} */
const backends = new Map();

/** The backend of /test-api ('') or of /test-api-<name>. */
function backend(name = '') {
  let found = backends.get(name);
  if (!found) {
    found = tsImport('../../packages/sdk/src/memory.ts', import.meta.url).then(({ createMemoryBackend }) => createMemoryBackend());
    backends.set(name, found);
  }
  return found;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

/** Koa middleware for @web/test-runner and @web/dev-server. */
export async function contractBackend(context, next) {
  if (context.path === resetPath && context.method === 'POST') {
    (await backend(typeof context.query.api === 'string' ? context.query.api : '')).reset();
    context.status = 204;
    return;
  }
  const match = apiPath.exec(context.path);
  if (!match) return next();

  const memory = await backend(match[1] ?? '');
  const body = context.method === 'GET' || context.method === 'HEAD' ? undefined : await readBody(context.req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(context.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  headers.delete('content-length');
  const url = new URL(context.url.slice(match[0].length).replace(/^\/?/, ''), memory.baseUrl);
  const response = await memory.handler(new Request(url, { method: context.method, headers, ...(body ? { body } : {}) }));

  context.status = response.status;
  response.headers.forEach((value, name) => context.set(name, value));
  const payload = Buffer.from(await response.arrayBuffer());
  context.body = payload.byteLength > 0 ? payload : null;
}
