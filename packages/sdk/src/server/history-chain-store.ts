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
import type { Dossier, HistoryEntry } from '../contract.js';
import { historyEntryHash } from '../history-chain.js';
import type { Intake } from '../intake.js';
import type { BackendStore, DossierFilter, OutgoingNotification, StoredBegeleiding, StoredSchool, StoreTx } from './store.js';

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

/**
 * The transaction with `seal`, and `appendHistory`/`newDossierId` keeping track of each dossier's
 * chain head; every other method is the store's own, called on the store's transaction. A class
 * rather than a Proxy: a Proxy bound a new function at every method call, and its helpers were
 * functions made per transaction (issue 14, item 7).
 */
class ChainedTx implements ChainedStoreTx {
  /** dossier id → hash of its last entry (null: none yet), as far as this transaction knows. */
  private readonly heads = new Map<string, string | null>();
  /** Entries `seal` made, with the link they were made on. */
  private readonly sealed = new WeakMap<HistoryEntry, string | null>();

  constructor(private readonly tx: StoreTx) {}

  private async head(dossierId: string): Promise<string | null> {
    const known = this.heads.get(dossierId);
    if (known !== undefined) return known;
    const tx = this.tx;
    let found: string | null;
    const last = tx.lastHistoryEntry ? await tx.lastHistoryEntry(dossierId) : undefined;
    if (tx.lastHistoryEntry && last === undefined) found = null;
    else if (last?.hash !== undefined) found = last.hash;
    else found = await headOf(dossierId, await tx.listHistory(dossierId));
    this.heads.set(dossierId, found);
    return found;
  }

  async seal(dossierId: string, entry: HistoryEntry): Promise<HistoryEntry & { hash: string }> {
    const previous = await this.head(dossierId);
    const { hash: _theirs, ...content } = entry;
    const result = { ...content, hash: await historyEntryHash(dossierId, previous, content) };
    this.heads.set(dossierId, result.hash);
    this.sealed.set(result, previous);
    return result;
  }

  async newDossierId(): Promise<string> {
    const id = await this.tx.newDossierId();
    this.heads.set(id, null);
    return id;
  }

  async appendHistory(dossierId: string, entry: HistoryEntry): Promise<void> {
    // An entry from `seal` goes as it is; any other is sealed now (a hash it came with is replaced).
    const ready = this.sealed.has(entry) ? entry : await this.seal(dossierId, entry);
    await this.tx.appendHistory(dossierId, ready, { previous: this.sealed.get(ready) ?? null });
  }

  /** Optional in StoreTx; here always answered: the store's own, else the last of the whole history. */
  async lastHistoryEntry(dossierId: string): Promise<HistoryEntry | undefined> {
    if (this.tx.lastHistoryEntry) return this.tx.lastHistoryEntry(dossierId);
    return (await this.tx.listHistory(dossierId)).at(-1);
  }
  getConfig() {
    return this.tx.getConfig();
  }
  getSchool(id: string) {
    return this.tx.getSchool(id);
  }
  getStudent(id: string) {
    return this.tx.getStudent(id);
  }
  listStudents(filter: { schoolId: string }) {
    return this.tx.listStudents(filter);
  }
  getDossier(id: string) {
    return this.tx.getDossier(id);
  }
  listDossiers(filter: DossierFilter) {
    return this.tx.listDossiers(filter);
  }
  putDossier(dossier: Dossier) {
    return this.tx.putDossier(dossier);
  }
  getBegeleiding(studentId: string) {
    return this.tx.getBegeleiding(studentId);
  }
  putBegeleiding(begeleiding: StoredBegeleiding) {
    return this.tx.putBegeleiding(begeleiding);
  }
  listHistory(dossierId: string) {
    return this.tx.listHistory(dossierId);
  }
  putSchool(school: StoredSchool) {
    return this.tx.putSchool(school);
  }
  notify(notification: OutgoingNotification) {
    return this.tx.notify(notification);
  }
  getIntakes(dossierIds: ReadonlyArray<string>) {
    return this.tx.getIntakes(dossierIds);
  }
  putIntake(dossierId: string, intake: Intake) {
    return this.tx.putIntake(dossierId, intake);
  }
  searchInstitutions(q: string, limit: number) {
    return this.tx.searchInstitutions(q, limit);
  }
  getInstitution(brin: string) {
    return this.tx.getInstitution(brin);
  }
  listLocations(brin: string) {
    return this.tx.listLocations(brin);
  }
  getProgramme(brin: string, id: string) {
    return this.tx.getProgramme(brin, id);
  }
  searchProgrammes(brin: string, q: string, limit: number) {
    return this.tx.searchProgrammes(brin, q, limit);
  }
}

/** `store` with every history entry chained (see above). */
export function withHistoryChain(store: BackendStore): ChainedStore {
  return { transaction: (work) => store.transaction((tx) => work(new ChainedTx(tx))) };
}
