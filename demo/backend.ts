// The demo's embedded backend: the SDK's memory backend behind msw's service worker, persisted in
// localStorage, so the elements talk plain HTTP to /api/ exactly as they would to a real server.
import { setupWorker } from 'msw/browser';
import { createMemoryBackend, type MemoryBackend } from '@doorstroom/sdk';
import { createMswHandlers } from '@doorstroom/sdk/msw';

export const apiBase = '/api/';

export async function startEmbeddedBackend(): Promise<MemoryBackend> {
  const backend = createMemoryBackend(undefined, { storage: window.localStorage, storageKey: 'doorstroom-demo' });
  const worker = setupWorker(...createMswHandlers(backend, { baseUrl: apiBase }));
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  return backend;
}
