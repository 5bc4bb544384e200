// A real HTTP backend that can misbehave, for test/no-loss/*.test.ts: the SDK's one fetch
// handler over a memory backend (the example data), with faults the test asks for, answered by
// the test server itself. So the element's own HTTP client (createHttpClient over ky) meets real
// 500 responses, dropped connections, slow answers and 409s, and the data outlives a page reload.
//
// Every test run picks its own id, so tests running side by side never share state:
//   /test-faulty/<run>/api/…        the contract (bearer tokens are the example person ids, e.g. student-noor)
//   POST /test-faulty/<run>/faults   JSON { saves?: Fault[], down?: boolean }
//       saves: faults for the next writes (PATCH/POST), one per write, in order:
//              { status: 500 } answers that status without touching the data;
//              { delay: ms } answers after `ms` (the write itself happens when the answer goes out)
//       down:  true drops every connection (no response at all: fetch rejects), false restores it
//   GET /test-faulty/<run>/log       [{ method, path, outcome }] every request to the contract so far
//   DELETE /test-faulty/<run>        forgets the run
import { tsImport } from 'tsx/esm/api';

const prefix = '/test-faulty/';

/** @type {Promise<typeof import('../../packages/sdk/src/memory.ts')> | undefined} */
let sdk;

/**
 * @typedef {{ status: number } | { delay: number }} Fault
 * @typedef {{ backend: import('../../packages/sdk/src/memory.ts').MemoryBackend, saves: Fault[], down: boolean, log: { method: string, path: string, outcome: string }[] }} Run
 */
/** @type {Map<string, Promise<Run>>} */
const runs = new Map();

function run(id) {
  let found = runs.get(id);
  if (!found) {
    sdk ??= tsImport('../../packages/sdk/src/memory.ts', import.meta.url);
    found = sdk.then(({ createMemoryBackend }) => ({ backend: createMemoryBackend(), saves: [], down: false, log: [] }));
    runs.set(id, found);
  }
  return found;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Koa middleware for @web/test-runner and @web/dev-server. */
export async function faultyBackend(context, next) {
  if (!context.path.startsWith(prefix)) return next();
  const [id, area = '', ...rest] = context.path.slice(prefix.length).split('/');
  if (!id) return next();

  if (area === '' && context.method === 'DELETE') {
    runs.delete(id);
    context.status = 204;
    return;
  }
  const state = await run(id);
  if (area === 'faults' && context.method === 'POST') {
    const body = JSON.parse((await readBody(context.req))?.toString() || '{}');
    if (Array.isArray(body.saves)) state.saves.push(...body.saves);
    if (typeof body.down === 'boolean') state.down = body.down;
    context.status = 204;
    return;
  }
  if (area === 'log' && context.method === 'GET') {
    context.set('cache-control', 'no-store');
    context.body = state.log;
    return;
  }
  if (area !== 'api') return next();

  const path = `/${rest.join('/')}`;
  const entry = { method: context.method, path, outcome: '' };
  state.log.push(entry);
  if (state.down) {
    // No answer at all, as when the cable is pulled: the browser's fetch rejects.
    entry.outcome = 'dropped';
    // Koa's default 404 would show up in the runner's "404 network requests"; nothing is sent anyway.
    context.status = 204;
    context.respond = false;
    context.req.socket.destroy();
    return;
  }
  const write = context.method !== 'GET' && context.method !== 'HEAD';
  const body = write ? await readBody(context.req) : undefined;
  const fault = write ? state.saves.shift() : undefined;
  if (fault && 'status' in fault) {
    entry.outcome = String(fault.status);
    context.status = fault.status;
    context.set('content-type', 'application/problem+json');
    context.body = JSON.stringify({ type: 'about:blank', title: 'Injected failure (test)', status: fault.status });
    return;
  }
  if (fault && 'delay' in fault) await sleep(fault.delay);

  const headers = new Headers();
  for (const [name, value] of Object.entries(context.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  headers.delete('content-length');
  const url = new URL(`${path.slice(1)}${context.querystring ? `?${context.querystring}` : ''}`, state.backend.baseUrl);
  const response = await state.backend.handler(new Request(url, { method: context.method, headers, ...(body ? { body } : {}) }));
  entry.outcome = String(response.status);

  context.status = response.status;
  response.headers.forEach((value, name) => context.set(name, value));
  const payload = Buffer.from(await response.arrayBuffer());
  context.body = payload.byteLength > 0 ? payload : null;
}
