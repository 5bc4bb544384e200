// Where the demo's data lives. With `npm start` the reference server (PostgreSQL through
// PGlite) answers /api/ and the state survives restarts. Opened as plain static files, the page
// falls back to the SDK's memory backend behind msw's service worker, persisted in localStorage.
import { createMemoryBackend } from '@doorstroom/sdk';
import { createMswHandlers } from '@doorstroom/sdk/msw';

export const apiBase = '/api/';

export interface DemoAccount {
  token: string;
  role: 'student' | 'guardian' | 'mentor' | 'decaan' | 'mbo';
  naam: string;
}

export interface DemoBackend {
  kind: 'server' | 'embedded';
  accounts: DemoAccount[];
  reset(): Promise<void>;
  /** Signal mails the backend would send (server mode only). */
  outbox?(): Promise<{ kind: string; recipientRole?: string; createdAt?: string; [key: string]: unknown }[]>;
}

async function serverBackend(): Promise<DemoBackend | undefined> {
  try {
    const response = await fetch(`${apiBase}dev/accounts`);
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return undefined;
    const { items } = (await response.json()) as { items: DemoAccount[] };
    return {
      kind: 'server',
      accounts: items,
      reset: async () => {
        await fetch(`${apiBase}dev/reset`, { method: 'POST' });
      },
      outbox: async () => ((await (await fetch(`${apiBase}dev/outbox`)).json()) as { items: never[] }).items,
    };
  } catch {
    return undefined;
  }
}

async function embeddedBackend(): Promise<DemoBackend> {
  const { setupWorker } = await import('msw/browser');
  const backend = createMemoryBackend(undefined, { storage: window.localStorage, storageKey: 'doorstroom-demo' });
  const worker = setupWorker(...createMswHandlers(backend, { baseUrl: apiBase }));
  await worker.start({ serviceWorker: { url: './mockServiceWorker.js' }, onUnhandledFrame: 'bypass', quiet: true });
  return {
    kind: 'embedded',
    accounts: backend.data.accounts.map((a) => ({ token: a.token, role: a.actor.role, naam: a.actor.person.naam })),
    reset: async () => backend.reset(),
  };
}

export async function connectBackend(): Promise<DemoBackend> {
  return (await serverBackend()) ?? embeddedBackend();
}
