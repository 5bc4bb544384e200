/**
 * The memory backend behind msw (Storybook, browser tests): every request under `baseUrl` goes
 * to the backend's one fetch handler. The only module of the SDK that imports msw (an optional peer).
 */
import { http, type RequestHandler } from 'msw';
import type { MemoryBackend } from './memory.js';

export interface MswHandlerOptions {
  /** Where the app under test talks to the API, absolute or relative to the page. Default: the backend's own base URL. */
  baseUrl?: string;
}

/** The request re-addressed to the backend's base URL, with the same method, headers and body. */
async function rewrite(request: Request, baseUrl: string, backendBase: string): Promise<Request> {
  const url = new URL(request.url);
  const basePath = new URL(baseUrl, url).pathname.replace(/\/?$/, '/');
  const rest = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : '';
  const target = new URL(rest + url.search, backendBase);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(target, { method: request.method, headers: request.headers, ...(hasBody ? { body: await request.arrayBuffer() } : {}) });
}

export function createMswHandlers(backend: MemoryBackend, options: MswHandlerOptions = {}): RequestHandler[] {
  const baseUrl = options.baseUrl ?? backend.baseUrl;
  const pattern = `${baseUrl.replace(/\/?$/, '/')}*`;
  return [http.all(pattern, async ({ request }) => backend.handler(await rewrite(request, baseUrl, backend.baseUrl)))];
}
