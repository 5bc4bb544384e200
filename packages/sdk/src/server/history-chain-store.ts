/**
 * Where the history chain is made: the service runs every transaction through this wrapper, so
 * every entry any service method appends (`StoreTx.appendHistory`) gets its hash, whatever store
 * is underneath (memory, PostgreSQL, a vendor's). The store only keeps what it is given.
 *
 * The hash of the previous entry comes, per dossier and transaction, from (in order): an entry
 * appended earlier in the same transaction; nothing, for a dossier created in it (`newDossierId`);
 * the store's `lastHistoryEntry` (the reference server reads it with the locked dossier row, so
 * a save costs no extra round trip); else the whole history (`listHistory`), once. An entry stored
 * without a hash (from before the chain) is hashed as it is.
 */
import type { HistoryEntry } from '../contract.js';
import { historyEntryHash } from '../history-chain.js';
import type { BackendStore, StoreTx } from './store.js';

/** A transaction that can say which hash an entry will carry before it is appended. */
export interface ChainedStoreTx extends StoreTx {
  /** `entry` with the hash it gets as the next entry of the dossier; append that very object next. */
  seal(dossierId: string, entry: HistoryEntry): Promise<HistoryEntry & { hash: string }>;
}

export interface ChainedStore extends BackendStore {
  transaction<T>(work: (tx: ChainedStoreTx) => Promise<T>): Promise<T>;
}

/** The hash the chain has after `entries` (recomputed where an entry carries none); null when empty. */
async function headOf(dossierId: string, entries: ReadonlyArray<HistoryEntry>): Promise<string | null> {
  let previous: string | null = null;
  for (const entry of entries) previous = entry.hash ?? (await historyEntryHash(dossierId, previous, entry));
  return previous;
}

function chainedTx(tx: StoreTx): ChainedStoreTx {
  /** dossier id → hash of its last entry (null: none yet), as far as this transaction knows. */
  const heads = new Map<string, string | null>();
  /** Entries `seal` made, with the link they were made on. */
  const sealed = new WeakMap<HistoryEntry, string | null>();

  async function head(dossierId: string): Promise<string | null> {
    const known = heads.get(dossierId);
    if (known !== undefined) return known;
    let found: string | null;
    const last = tx.lastHistoryEntry ? await tx.lastHistoryEntry(dossierId) : undefined;
    if (tx.lastHistoryEntry && last === undefined) found = null;
    else if (last?.hash !== undefined) found = last.hash;
    else found = await headOf(dossierId, await tx.listHistory(dossierId));
    heads.set(dossierId, found);
    return found;
  }

  async function seal(dossierId: string, entry: HistoryEntry): Promise<HistoryEntry & { hash: string }> {
    const previous = await head(dossierId);
    const { hash: _theirs, ...content } = entry;
    const result = { ...content, hash: await historyEntryHash(dossierId, previous, content) };
    heads.set(dossierId, result.hash);
    sealed.set(result, previous);
    return result;
  }

  const overrides: Partial<ChainedStoreTx> = {
    seal,
    async newDossierId() {
      const id = await tx.newDossierId();
      heads.set(id, null);
      return id;
    },
    async appendHistory(dossierId, entry) {
      // An entry from `seal` goes as it is; any other is sealed now (a hash it came with is replaced).
      const ready = sealed.has(entry) ? entry : await seal(dossierId, entry);
      await tx.appendHistory(dossierId, ready, { previous: sealed.get(ready) ?? null });
    },
  };
  return new Proxy(tx as ChainedStoreTx, {
    get(target, property) {
      if (property in overrides) return overrides[property as keyof ChainedStoreTx];
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** `store` with every history entry chained (see above). */
export function withHistoryChain(store: BackendStore): ChainedStore {
  return { transaction: (work) => store.transaction((tx) => work(chainedTx(tx))) };
}
