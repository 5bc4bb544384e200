/**
 * Answers someone typed that the server has not acknowledged yet, kept on this device so a
 * reload, a crash or a lost connection never loses them. One record per dossier and section:
 * the typed values per question, what the server had for those questions when the typing
 * started (to tell later whether someone else changed them) and the version it started from.
 *
 * Where: IndexedDB, falling back to localStorage when IndexedDB fails (private modes, quota),
 * and to memory when neither works. When the page goes away (reload, closed tab) what is not
 * written yet goes to localStorage at once, since the page does not wait for IndexedDB; reading
 * looks in both and takes the newest. Records expire after `draftMaxAge` so personal data does
 * not linger on a shared school computer.
 *
 * Also exported from here, because they decide when a draft must be kept: whether the browser is
 * online, and the warning when someone leaves the page with unsaved answers (page-lifecycle.ts).
 */
import type { DossierApi, SectionAnswers } from '@doorstroom/sdk';

export { browserOnline, guardUnsavedChanges, watchConnectivity } from './page-lifecycle.js';

export interface DraftKey {
  /** The dossier id, or another owner of the answers (e.g. `student:<id>` for begeleiding). */
  dossierId: string;
  sectionId: string;
}

export interface LocalDraft extends DraftKey {
  /** The server version the answers were last based on (for diagnosis; comparing goes by value). */
  baseVersion: number;
  /** What was typed, per top-level question id (`null` = emptied). */
  values: Record<string, unknown>;
  /** What the server had for those questions when the typing started. */
  origins: Record<string, unknown>;
  /** `Date.now()` of the last change. */
  savedAt: number;
}

export interface DraftStore {
  get(key: DraftKey): Promise<LocalDraft | undefined>;
  /** Every draft of one dossier (all sections). */
  list(dossierId: string): Promise<LocalDraft[]>;
  put(draft: LocalDraft): Promise<void>;
  delete(key: DraftKey): Promise<void>;
  /** Removes every draft of this store, e.g. when someone signs out on a shared computer. */
  clear(): Promise<void>;
  /**
   * Optional: stores `draft` (or, when undefined, removes the key) before returning. Used when
   * the page goes away, because an asynchronous write (IndexedDB) may then never finish.
   */
  writeNow?(key: DraftKey, draft: LocalDraft | undefined): void;
}

/** 30 days: long enough for a holiday, short enough not to keep someone's answers for ever. */
export const draftMaxAge = 30 * 24 * 60 * 60 * 1000;

// --- comparing answers ------------------------------------------------------------------------

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function canonical(value: unknown): unknown {
  if (isEmpty(value)) return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !isEmpty(v));
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** Whether two answers mean the same: key order does not matter; '', null, [] and a missing answer are all "empty". */
export function sameAnswer(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export interface ReconciledDraft {
  /** Typed answers the server did not change since: put them back and save them. */
  apply: Record<string, unknown>;
  /** Questions that both the person and someone else changed: the person has to choose. */
  conflicts: Record<string, { mine: unknown; server: unknown }>;
}

/**
 * Compares a kept draft with the server's answers now. A question already saved with the typed
 * value is left out; one the server did not touch since the typing started is applied; one the
 * server changed to something else is a conflict.
 */
export function reconcileDraft(draft: Pick<LocalDraft, 'values' | 'origins'>, server: SectionAnswers | undefined): ReconciledDraft {
  const result: ReconciledDraft = { apply: {}, conflicts: {} };
  // By value, not by version: a question held for a choice keeps its old origin while the
  // section's version moves on with the other questions.
  for (const [key, mine] of Object.entries(draft.values)) {
    const now = server?.[key];
    if (sameAnswer(now, mine)) continue;
    if (sameAnswer(now, draft.origins[key])) result.apply[key] = mine;
    else result.conflicts[key] = { mine, server: now };
  }
  return result;
}

// --- stores -----------------------------------------------------------------------------------

/** Records by id, within one namespace; the stores below share ids and expiry on top of this. */
interface RecordBackend {
  read(id: string): Promise<unknown>;
  readAll(): Promise<unknown[]>;
  write(id: string, record: LocalDraft): Promise<void>;
  remove(id: string): Promise<void>;
  removeAll(): Promise<void>;
  /** Synchronous write and removal, where the storage has them (localStorage). */
  now?: { write(id: string, record: LocalDraft): void; remove(id: string): void };
}

function isLocalDraft(value: unknown): value is LocalDraft {
  const v = value as Partial<LocalDraft> | null;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.dossierId === 'string' &&
    typeof v.sectionId === 'string' &&
    typeof v.baseVersion === 'number' &&
    typeof v.savedAt === 'number' &&
    !!v.values &&
    typeof v.values === 'object' &&
    !!v.origins &&
    typeof v.origins === 'object'
  );
}

const recordId = (key: DraftKey) => JSON.stringify([key.dossierId, key.sectionId]);

function keyedStore(backend: RecordBackend, maxAge: number): DraftStore {
  // Damaged or foreign records are ignored and removed; so are expired ones.
  const usable = (value: unknown): value is LocalDraft => isLocalDraft(value) && Date.now() - value.savedAt <= maxAge;
  return {
    async get(key) {
      const record = await backend.read(recordId(key));
      if (record === undefined || usable(record)) return record;
      await backend.remove(recordId(key));
      return undefined;
    },
    async list(dossierId) {
      const records = await backend.readAll();
      for (const record of records) if (!usable(record) && isLocalDraft(record)) await backend.remove(recordId(record));
      return records.filter(usable).filter((r) => r.dossierId === dossierId);
    },
    put: (draft) => backend.write(recordId(draft), JSON.parse(JSON.stringify(draft)) as LocalDraft),
    delete: (key) => backend.remove(recordId(key)),
    clear: () => backend.removeAll(),
    ...(backend.now && {
      writeNow: (key: DraftKey, draft: LocalDraft | undefined) => (draft ? backend.now!.write(recordId(draft), JSON.parse(JSON.stringify(draft)) as LocalDraft) : backend.now!.remove(recordId(key))),
    }),
  };
}

/** Drafts in this page's memory only: they survive the element being removed and added again, not a reload. */
export function createMemoryDraftStore(options: { maxAge?: number } = {}): DraftStore {
  const records = new Map<string, LocalDraft>();
  return keyedStore(
    {
      read: async (id) => structuredClone(records.get(id)),
      readAll: async () => [...records.values()].map((r) => structuredClone(r)),
      write: async (id, record) => void records.set(id, record),
      remove: async (id) => void records.delete(id),
      removeAll: async () => records.clear(),
    },
    options.maxAge ?? draftMaxAge,
  );
}

/** Drafts in `localStorage` (or any `Storage`), as JSON under `ddd-draft:<namespace>:…`. */
export function createLocalStorageDraftStore(options: { namespace?: string; storage?: Storage; maxAge?: number } = {}): DraftStore {
  const storage = options.storage ?? localStorage;
  const prefix = `ddd-draft:${JSON.stringify(options.namespace ?? '')}:`;
  const keys = () => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => !!k?.startsWith(prefix));
  const parse = (text: string | null): unknown => {
    try {
      return text === null ? undefined : JSON.parse(text);
    } catch {
      return null;
    }
  };
  const now = { write: (id: string, record: LocalDraft) => storage.setItem(prefix + id, JSON.stringify(record)), remove: (id: string) => storage.removeItem(prefix + id) };
  return keyedStore(
    {
      read: async (id) => parse(storage.getItem(prefix + id)),
      readAll: async () => keys().map((k) => parse(storage.getItem(k))),
      write: async (id, record) => now.write(id, record),
      remove: async (id) => now.remove(id),
      removeAll: async () => keys().forEach((k) => storage.removeItem(k)),
      now,
    },
    options.maxAge ?? draftMaxAge,
  );
}

const databases = new Map<string, Promise<IDBDatabase>>();

function openDatabase(name: string): Promise<IDBDatabase> {
  let opened = databases.get(name);
  if (!opened) {
    opened = new Promise<IDBDatabase>((resolve, reject) => {
      // A browser that never answers (blocked, broken profile) must not hold drafts hostage: fall back.
      const timeout = setTimeout(() => reject(new Error('IndexedDB did not open in time')), 5000);
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('drafts');
      request.onsuccess = () => {
        clearTimeout(timeout);
        const db = request.result;
        db.onversionchange = () => {
          db.close();
          databases.delete(name);
        };
        resolve(db);
      };
      request.onerror = () => {
        clearTimeout(timeout);
        reject(request.error ?? new Error('IndexedDB failed to open'));
      };
    });
    databases.set(name, opened);
    opened.catch(() => databases.delete(name));
  }
  return opened;
}

async function inTransaction<T>(name: string, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase(name);
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction('drafts', mode);
    const request = work(transaction.objectStore('drafts'));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = transaction.onabort = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Drafts in IndexedDB (database `doorstroom-drafts` unless named), within `namespace`. */
export function createIndexedDbDraftStore(options: { namespace?: string; database?: string; maxAge?: number } = {}): DraftStore {
  const name = options.database ?? 'doorstroom-drafts';
  const prefix = `${JSON.stringify(options.namespace ?? '')}:`;
  const range = () => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  return keyedStore(
    {
      read: (id) => inTransaction(name, 'readonly', (s) => s.get(prefix + id)),
      readAll: () => inTransaction(name, 'readonly', (s) => s.getAll(range())),
      write: async (id, record) => void (await inTransaction(name, 'readwrite', (s) => s.put(record, prefix + id))),
      remove: async (id) => void (await inTransaction(name, 'readwrite', (s) => s.delete(prefix + id))),
      removeAll: async () => void (await inTransaction(name, 'readwrite', (s) => s.delete(range()))),
    },
    options.maxAge ?? draftMaxAge,
  );
}

/** Uses `primary` until it fails once, then `fallback`; reads and deletes look in both, so nothing kept in either is missed or revived. */
export function fallbackDraftStore(primary: DraftStore, fallback: DraftStore): DraftStore {
  let broken = false;
  const quietly = <T>(promise: Promise<T>, otherwise: T) => promise.catch(() => otherwise);
  const attempt = async <T>(work: (store: DraftStore) => Promise<T>): Promise<T> => {
    if (!broken) {
      try {
        return await work(primary);
      } catch {
        broken = true;
      }
    }
    return work(fallback);
  };
  const newest = (a: LocalDraft | undefined, b: LocalDraft | undefined) => (!a ? b : !b ? a : a.savedAt >= b.savedAt ? a : b);
  return {
    async get(key) {
      const [a, b] = await Promise.all([broken ? undefined : quietly(primary.get(key), undefined), quietly(fallback.get(key), undefined)]);
      return newest(a, b);
    },
    async list(dossierId) {
      const [a, b] = await Promise.all([broken ? [] : quietly(primary.list(dossierId), []), quietly(fallback.list(dossierId), [])]);
      const merged = new Map<string, LocalDraft>();
      for (const draft of [...a, ...b]) merged.set(recordId(draft), newest(merged.get(recordId(draft)), draft)!);
      return [...merged.values()];
    },
    put: (draft) => attempt((store) => store.put(draft)),
    delete: async (key) => void (await Promise.allSettled([primary.delete(key), fallback.delete(key)])),
    clear: async () => void (await Promise.allSettled([primary.clear(), fallback.clear()])),
    // The fallback's copy is read too (newest wins), so a synchronous one there is enough.
    ...((primary.writeNow ?? fallback.writeNow) && { writeNow: (key: DraftKey, draft: LocalDraft | undefined) => (primary.writeNow ?? fallback.writeNow)!(key, draft) }),
  };
}

function localStorageWorks(): boolean {
  try {
    const probe = 'ddd-draft-probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/** The best store this browser offers: IndexedDB, else localStorage, else memory (each falling back to the next). */
export function createDraftStore(options: { namespace?: string; maxAge?: number } = {}): DraftStore {
  const second = typeof localStorage !== 'undefined' && localStorageWorks() ? createLocalStorageDraftStore(options) : createMemoryDraftStore(options);
  return typeof indexedDB === 'undefined' ? second : fallbackDraftStore(createIndexedDbDraftStore(options), second);
}

const deviceStores = new Map<string, DraftStore>();
const memoryStores = new WeakMap<object, DraftStore>();

/** The element properties `draftStoreFor` looks at. */
export interface DraftHost extends HTMLElement {
  api?: DossierApi;
  apiBase?: string;
  draftStore?: DraftStore;
}

/**
 * The store an element uses when its `draftStore` is not set. With an HTTP backend from
 * `api-base` (on the element or on the surrounding `<ddd-context>`) drafts are kept on this
 * device, per base URL. With an `api` object of your own they are kept in this page's memory
 * for that api (survives re-rendering, not a reload): set `draftStore = createDraftStore()` to
 * keep them on the device as well.
 */
export function draftStoreFor(host: DraftHost, api: DossierApi | undefined): DraftStore | undefined {
  if (host.draftStore) return host.draftStore;
  const base = !host.api && host.apiBase ? host.apiBase : contextApiBase(host);
  if (base) {
    let store = deviceStores.get(base);
    if (!store) deviceStores.set(base, (store = createDraftStore({ namespace: base })));
    return store;
  }
  if (!api) return undefined;
  let store = memoryStores.get(api);
  if (!store) memoryStores.set(api, (store = createMemoryDraftStore()));
  return store;
}

function contextApiBase(host: HTMLElement): string | undefined {
  if ((host as DraftHost).api) return undefined;
  let node: Element | null = host.parentElement ?? ((host.getRootNode() as ShadowRoot).host || null);
  while (node) {
    if (node.localName === 'ddd-context') {
      const context = node as DraftHost;
      return !context.api && context.apiBase ? context.apiBase : undefined;
    }
    node = node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
  }
  return undefined;
}

// --- writing lightly debounced ------------------------------------------------------------------

/**
 * Writes drafts a moment after the last change (typing fast writes once), in order per key, so
 * a removal after a put never loses against it. `flush()` writes at once; `saveBeforeLeaving()`
 * also writes synchronously where it can, for a page that is about to go away.
 */
export class DraftSaver {
  /** Milliseconds to wait for more changes before writing. */
  delay = 100;
  private readonly waiting = new Map<string, { key: DraftKey; draft?: LocalDraft }>();
  /** Handed to the store, not known to be stored yet (an IndexedDB write takes a moment). */
  private readonly unsettled = new Map<string, { key: DraftKey; draft?: LocalDraft }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly store: () => DraftStore | undefined) {}

  put(draft: LocalDraft): void {
    this.waiting.set(recordId(draft), { key: draft, draft: structuredClone(draft) });
    this.schedule();
  }

  remove(key: DraftKey): void {
    this.waiting.set(recordId(key), { key: { dossierId: key.dossierId, sectionId: key.sectionId } });
    this.schedule();
  }

  /** Writes everything waiting now; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const store = this.store();
    const work = [...this.waiting];
    this.waiting.clear();
    if (!store || work.length === 0) return this.writing;
    for (const [id, entry] of work) this.unsettled.set(id, entry);
    this.writing = this.writing.then(async () => {
      for (const [id, entry] of work) {
        // A device that refuses to store is no reason to stop saving to the server.
        await (entry.draft ? store.put(entry.draft) : store.delete(entry.key)).catch(() => undefined);
        if (this.unsettled.get(id) === entry) this.unsettled.delete(id);
      }
    });
    return this.writing;
  }

  /**
   * The page may be going away (beforeunload, pagehide, hidden): what waits or is still being
   * written is stored before this returns where the store can (`writeNow`: localStorage), since
   * a reload or a closed tab does not wait for IndexedDB; then everything as `flush()`.
   */
  saveBeforeLeaving(): Promise<void> {
    const store = this.store();
    for (const { key, draft } of new Map([...this.unsettled, ...this.waiting]).values()) {
      try {
        store?.writeNow?.(key, draft);
      } catch {
        // Full or refused storage: the asynchronous write below still tries.
      }
    }
    return this.flush();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }
}
