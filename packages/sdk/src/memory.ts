/**
 * A complete backend in the page (or in Node): the one HTTP handler over the in-memory store,
 * reachable through a fetch-compatible function and through ready-made HTTP clients per person.
 * Used by the demo, Storybook (via msw), tests and the walkthrough.
 */
import { createHttpClient } from './client.js';
import type { Actor, DossierApi } from './contract.js';
import { createCatalogIndex } from './example/catalog.js';
import { exampleData, type ExampleData } from './example/data.js';
import { createFetchHandler } from './server/handler.js';
import { createMemoryStore, type MemoryState, type StorageLike } from './server/memory-store.js';
import type { OutgoingNotification } from './server/store.js';
import { createService, type DossierService } from './server/service.js';

export type { StorageLike } from './server/memory-store.js';
export type { ExampleData } from './example/data.js';

/** Where the memory backend answers; `fetch` serves every URL under it. */
export const memoryBaseUrl = 'http://doorstroom.local/api/';

export interface MemoryBackendOptions {
  /** Keeps the state across reloads, e.g. `localStorage`. */
  storage?: StorageLike;
  storageKey?: string;
  /** The clock of the backend (ages, dates, history). Default: the real time. */
  now?: () => Date;
}

export interface MemoryBackend {
  service: DossierService;
  /** The contract's HTTP implementation: `(Request) => Promise<Response>`. */
  handler: (request: Request) => Promise<Response>;
  /** `fetch` for URLs under `baseUrl`; anything else is refused like a network error. */
  fetch: typeof fetch;
  baseUrl: string;
  /** Demo sign-ins: a name such as 'student-sam' → its bearer token. */
  tokens: Record<string, string>;
  /** An HTTP client signed in with this token, talking to this backend. */
  client(token: string): DossierApi;
  /** Back to the example data; a stored snapshot is removed. */
  reset(): void;
  /** The example data the backend started from (people, accounts, catalogue). */
  data: ExampleData;
  /** Notifications the backend queued (reminders, a dossier moved to another mentor): the demo's inbox, tests. */
  notifications(): OutgoingNotification[];
}

export function createMemoryBackend(data?: ExampleData, options: MemoryBackendOptions = {}): MemoryBackend {
  const now = options.now ?? (() => new Date());
  const seedData = data ?? exampleData({ today: now() });
  const seed: MemoryState = {
    config: seedData.config,
    schools: seedData.schools,
    students: seedData.students,
    dossiers: seedData.dossiers,
    begeleiding: seedData.begeleiding,
    history: seedData.history,
  };
  const store = createMemoryStore({
    seed,
    catalog: createCatalogIndex(seedData.catalog),
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.storageKey ? { storageKey: options.storageKey } : {}),
  });
  const service = createService(store, { now });
  const accounts = new Map<string, Actor>(seedData.accounts.map((account) => [account.token, account.actor]));
  const handler = createFetchHandler(service, {
    basePath: new URL(memoryBaseUrl).pathname,
    authenticate: async (token) => (token !== null ? (structuredClone(accounts.get(token)) ?? null) : null),
  });

  const memoryFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    // ky passes its Request with an empty options object; re-wrapping it would only copy the body.
    const bare = init === undefined || Object.keys(init).length === 0;
    const request = input instanceof Request && bare ? input : new Request(input, init);
    if (!request.url.startsWith(memoryBaseUrl)) throw new TypeError(`The memory backend only serves ${memoryBaseUrl}`);
    return handler(request);
  }) as typeof fetch;

  return {
    service,
    handler,
    fetch: memoryFetch,
    baseUrl: memoryBaseUrl,
    tokens: Object.fromEntries(seedData.accounts.map((account) => [account.token, account.token])),
    client: (token) => createHttpClient({ baseUrl: memoryBaseUrl, token, fetch: memoryFetch, retry: 0 }),
    reset: () => store.reset(),
    data: seedData,
    notifications: () => store.notifications(),
  };
}
