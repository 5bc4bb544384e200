// The backend behind `api-base="/test-api"` for test/bundle/page.html: the SDK's one fetch
// handler over the memory backend (example region, school, students and dossiers), answering
// the HTTP contract (spec §8) from the test server itself, as a portal's backend would.
//   /test-api/…               the contract (bearer tokens are the example person ids, e.g. student-noor)
//   POST /test-backend/reset  back to the example data, so every test starts from the same state
// The SDK is TypeScript; tsx's scoped tsImport compiles it for this import only, without
// registering a loader for the rest of the test runner. It is loaded on the first request, so
// test runs that never call the backend do not pay for it.
import { tsImport } from 'tsx/esm/api';

export const apiPrefix = '/test-api';
const resetPath = '/test-backend/reset';

/** @type {Promise<import('../../packages/sdk/src/memory.ts').MemoryBackend> | undefined} */
let backendPromise;

function backend() {
  backendPromise ??= tsImport('../../packages/sdk/src/memory.ts', import.meta.url).then(({ createMemoryBackend }) => createMemoryBackend());
  return backendPromise;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

/** Koa middleware for @web/test-runner and @web/dev-server. */
export async function contractBackend(context, next) {
  if (context.path === resetPath && context.method === 'POST') {
    (await backend()).reset();
    context.status = 204;
    return;
  }
  if (context.path !== apiPrefix && !context.path.startsWith(`${apiPrefix}/`)) return next();

  const memory = await backend();
  const body = context.method === 'GET' || context.method === 'HEAD' ? undefined : await readBody(context.req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(context.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  headers.delete('content-length');
  const url = new URL(context.url.slice(apiPrefix.length).replace(/^\/?/, ''), memory.baseUrl);
  const response = await memory.handler(new Request(url, { method: context.method, headers, ...(body ? { body } : {}) }));

  context.status = response.status;
  response.headers.forEach((value, name) => context.set(name, value));
  const payload = Buffer.from(await response.arrayBuffer());
  context.body = payload.byteLength > 0 ? payload : null;
}
