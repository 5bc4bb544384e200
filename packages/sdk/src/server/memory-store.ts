/**
 * The in-memory `BackendStore`: for the demo, Storybook, tests and the walkthrough. Transactions
 * run one after another (a promise chain); writes are buffered and applied only when the work
 * succeeds. With a `StorageLike` (e.g. localStorage) the state survives a reload: a snapshot is
 * written after every transaction that changed something and read back on start.
 */
import type { RegionConfig } from '../config.js';
import { chosenInstelling, isAssignedMentor } from '../consent.js';
import type { Actor, Dossier, HistoryEntry } from '../contract.js';
import type { CatalogIndex } from '../example/catalog.js';
import { newRandomDossierId } from './ids.js';
import type { Intake } from '../intake.js';
import type { BackendStore, DossierFilter, OutgoingNotification, StoredBegeleiding, StoredSchool, StoredStudent, StoreTx } from './store.js';

/** The part of the Web Storage API the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Everything the memory store holds except the (static) catalogue; also the snapshot format. */
export interface MemoryState {
  config: RegionConfig;
  schools: StoredSchool[];
  students: StoredStudent[];
  dossiers: Dossier[];
  begeleiding: StoredBegeleiding[];
  history: Record<string, HistoryEntry[]>;
  /** The MBO's intake status per dossier id. */
  intake?: Record<string, Intake>;
}

export interface MemoryStoreOptions {
  seed: MemoryState;
  catalog: CatalogIndex;
  storage?: StorageLike;
  /** Where the snapshot lives in `storage`. */
  storageKey?: string;
}

export interface MemoryStore extends BackendStore {
  /** Back to the seed; the stored snapshot is removed. */
  reset(): void;
  /** A copy of the current state (for debugging and tests). */
  snapshot(): MemoryState;
  /** Notifications queued since the start (reminders, mentor changes), oldest first. */
  notifications(): OutgoingNotification[];
}

export const defaultStorageKey = 'doorstroom:memory-backend';
// 2: schools say whether they keep a roster, mentors have klassen, ids are random; intake per dossier.
const snapshotFormat = 2;

interface Tables {
  config: RegionConfig;
  schools: Map<string, StoredSchool>;
  students: Map<string, StoredStudent>;
  dossiers: Map<string, Dossier>;
  begeleiding: Map<string, StoredBegeleiding>;
  history: Map<string, HistoryEntry[]>;
  intake: Map<string, Intake>;
  /** Notifications queued by committed transactions (the demo's inbox, tests). */
  outbox: OutgoingNotification[];
}

const clone = <T>(value: T): T => structuredClone(value);

function toTables(state: MemoryState): Tables {
  const copy = clone(state);
  return {
    config: copy.config,
    schools: new Map(copy.schools.map((s) => [s.id, s])),
    students: new Map(copy.students.map((s) => [s.id, s])),
    dossiers: new Map(copy.dossiers.map((d) => [d.id, d])),
    begeleiding: new Map(copy.begeleiding.map((b) => [b.studentId, b])),
    history: new Map(Object.entries(copy.history)),
    intake: new Map(Object.entries(copy.intake ?? {})),
    outbox: [],
  };
}

function toState(tables: Tables): MemoryState {
  return clone({
    config: tables.config,
    schools: [...tables.schools.values()],
    students: [...tables.students.values()],
    dossiers: [...tables.dossiers.values()],
    begeleiding: [...tables.begeleiding.values()],
    history: Object.fromEntries(tables.history),
    intake: Object.fromEntries(tables.intake),
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A snapshot written by this version of the store, or undefined (missing, foreign or damaged). */
function readSnapshot(storage: StorageLike, key: string): MemoryState | undefined {
  try {
    const raw = storage.getItem(key);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed) || parsed['format'] !== snapshotFormat || !isRecord(parsed['state'])) return undefined;
    const state = parsed['state'];
    const lists = ['schools', 'students', 'dossiers', 'begeleiding'] as const;
    if (!isRecord(state['config']) || !isRecord(state['history'])) return undefined;
    if (!lists.every((name) => Array.isArray(state[name]))) return undefined;
    return state as unknown as MemoryState;
  } catch {
    return undefined;
  }
}

function matches(dossier: Dossier, filter: DossierFilter): boolean {
  if (filter.studentIds && !filter.studentIds.includes(dossier.student.id)) return false;
  if (filter.schoolId !== undefined && dossier.student.schoolId !== filter.schoolId) return false;
  if (filter.statuses && !filter.statuses.includes(dossier.status)) return false;
  if (filter.archived !== undefined && dossier.archived !== filter.archived) return false;
  if (filter.chosenInstelling !== undefined && chosenInstelling(dossier) !== filter.chosenInstelling) return false;
  if (filter.assignedMentor) {
    const mentor: Actor = { role: 'mentor', person: { id: filter.assignedMentor.id, naam: '', ...(filter.assignedMentor.email ? { email: filter.assignedMentor.email } : {}) } };
    if (!isAssignedMentor(mentor, dossier)) return false;
  }
  return true;
}

/** Reads see the buffered writes; nothing reaches the tables before `commit`. */
class MemoryTx implements StoreTx {
  private readonly dossierWrites = new Map<string, Dossier>();
  private readonly begeleidingWrites = new Map<string, StoredBegeleiding>();
  private readonly historyWrites = new Map<string, HistoryEntry[]>();
  private readonly intakeWrites = new Map<string, Intake>();
  private readonly schoolWrites = new Map<string, StoredSchool>();
  private readonly notifications: OutgoingNotification[] = [];
  dirty = false;

  constructor(
    private readonly tables: Tables,
    private readonly catalog: CatalogIndex,
  ) {}

  async getConfig() {
    return clone(this.tables.config);
  }
  async getSchool(id: string) {
    const school = this.schoolWrites.get(id) ?? this.tables.schools.get(id);
    return school && clone(school);
  }
  async putSchool(school: StoredSchool) {
    this.schoolWrites.set(school.id, clone(school));
    this.dirty = true;
  }
  async notify(notification: OutgoingNotification) {
    this.notifications.push(clone(notification));
    this.dirty = true;
  }
  async getIntakes(dossierIds: ReadonlyArray<string>) {
    const found = new Map<string, Intake>();
    for (const id of dossierIds) {
      const intake = this.intakeWrites.get(id) ?? this.tables.intake.get(id);
      if (intake) found.set(id, clone(intake));
    }
    return found;
  }
  async putIntake(dossierId: string, intake: Intake) {
    this.intakeWrites.set(dossierId, clone(intake));
    this.dirty = true;
  }
  async getStudent(id: string) {
    const student = this.tables.students.get(id);
    return student && clone(student);
  }
  async listStudents(filter: { schoolId: string }) {
    return clone([...this.tables.students.values()].filter((s) => s.schoolId === filter.schoolId));
  }

  async getDossier(id: string) {
    const dossier = this.dossierWrites.get(id) ?? this.tables.dossiers.get(id);
    return dossier && clone(dossier);
  }
  async listDossiers(filter: DossierFilter) {
    const all = new Map(this.tables.dossiers);
    for (const [id, dossier] of this.dossierWrites) all.set(id, dossier);
    return clone([...all.values()].filter((d) => matches(d, filter)));
  }
  async putDossier(dossier: Dossier) {
    this.dossierWrites.set(dossier.id, clone(dossier));
    this.dirty = true;
  }
  async newDossierId() {
    let id: string;
    do id = newRandomDossierId();
    while (this.tables.dossiers.has(id) || this.dossierWrites.has(id));
    return id;
  }

  async getBegeleiding(studentId: string) {
    const record = this.begeleidingWrites.get(studentId) ?? this.tables.begeleiding.get(studentId);
    return record && clone(record);
  }
  async putBegeleiding(begeleiding: StoredBegeleiding) {
    this.begeleidingWrites.set(begeleiding.studentId, clone(begeleiding));
    this.dirty = true;
  }

  async listHistory(dossierId: string) {
    return clone([...(this.tables.history.get(dossierId) ?? []), ...(this.historyWrites.get(dossierId) ?? [])]);
  }
  async lastHistoryEntry(dossierId: string) {
    const entry = this.historyWrites.get(dossierId)?.at(-1) ?? this.tables.history.get(dossierId)?.at(-1);
    return entry && clone(entry);
  }
  // Transactions run one after another here, so the chain's link (the third argument) needs no check.
  async appendHistory(dossierId: string, entry: HistoryEntry) {
    const pending = this.historyWrites.get(dossierId) ?? [];
    pending.push(clone(entry));
    this.historyWrites.set(dossierId, pending);
    this.dirty = true;
  }

  async searchInstitutions(q: string, limit: number) {
    return clone(this.catalog.searchInstitutions(q, limit));
  }
  async getInstitution(brin: string) {
    const institution = this.catalog.getInstitution(brin);
    return institution && clone(institution);
  }
  async listLocations(brin: string) {
    return clone(this.catalog.listLocations(brin));
  }
  async getProgramme(brin: string, id: string) {
    const programme = this.catalog.getProgramme(brin, id);
    return programme && clone(programme);
  }
  async searchProgrammes(brin: string, q: string, limit: number) {
    return clone(this.catalog.searchProgrammes(brin, q, limit));
  }

  commit() {
    for (const [id, dossier] of this.dossierWrites) this.tables.dossiers.set(id, dossier);
    for (const [id, record] of this.begeleidingWrites) this.tables.begeleiding.set(id, record);
    for (const [id, entries] of this.historyWrites) this.tables.history.set(id, [...(this.tables.history.get(id) ?? []), ...entries]);
    for (const [id, intake] of this.intakeWrites) this.tables.intake.set(id, intake);
    for (const [id, school] of this.schoolWrites) this.tables.schools.set(id, school);
    this.tables.outbox.push(...this.notifications);
  }
}

export function createMemoryStore(options: MemoryStoreOptions): MemoryStore {
  const { seed, catalog, storage } = options;
  const key = options.storageKey ?? defaultStorageKey;
  let tables = toTables((storage && readSnapshot(storage, key)) ?? seed);
  let queue: Promise<unknown> = Promise.resolve();

  function persist() {
    if (!storage) return;
    try {
      storage.setItem(key, JSON.stringify({ format: snapshotFormat, state: toState(tables) }));
    } catch (error) {
      // A full or blocked storage must not undo a change that already happened in memory.
      console.warn('doorstroom memory backend: could not save the snapshot', error);
    }
  }

  return {
    transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
      const run = queue.then(async () => {
        const current = tables;
        const tx = new MemoryTx(current, catalog);
        const result = await work(tx);
        // A reset while this ran wins: its writes belong to the state that was thrown away.
        if (tx.dirty && current === tables) {
          tx.commit();
          persist();
        }
        return result;
      });
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    reset() {
      tables = toTables(seed);
      storage?.removeItem(key);
    },
    snapshot: () => toState(tables),
    notifications: () => clone(tables.outbox),
  };
}
