/**
 * The persistence port of the backend: what the service needs to read and write, nothing more.
 * The memory store implements it now; a PostgreSQL store can implement it later with the same
 * service and handler on top. Everything returned is the caller's own copy.
 */
import type { RegionConfig } from '../config.js';
import type { Dossier, DossierStatus, HistoryEntry, Institution, Location, Mentor, Programme, Role } from '../contract.js';
import type { Intake } from '../intake.js';
import type { SectionAnswers } from '../sections/types.js';

/**
 * A student as the school registered them: the truth that A1's read-only answers and the
 * consent age come from. Everything optional is absent when the backend holds none (werk-mbo).
 */
export interface StoredStudent {
  id: string;
  naam: string;
  email: string;
  /** The registered persoonsgebonden nummer: a BSN, or else the onderwijsnummer DUO issued. */
  bsn?: string;
  onderwijsnummer?: string;
  /** YYYY-MM-DD, as registered. */
  geboortedatum?: string;
  /** The VO school; null for someone out of school or already in MBO. */
  schoolId: string | null;
  klas?: string;
  leerjaar?: number;
  guardianIds: string[];
  /** The language messages to this student are written in (nl, en, ar, tr, uk, pl); Dutch when absent. */
  taal?: string;
}

/** A mentor on a school's roster, with the klassen they mentor. */
export interface RosterMentor extends Mentor {
  id: string;
  /** The klassen (as in `StoredStudent.klas`) this mentor mentors. */
  klassen: string[];
}

export interface StoredSchool {
  id: string;
  naam: string;
  plaats?: string;
  /** Whether students choose their mentor from `mentors` (else they type a name and e-mail). */
  mentorRoster: boolean;
  /** The school's mentors; students of a klas are offered the mentors of that klas. */
  mentors: RosterMentor[];
}

/** B1, kept per student and shared by all their dossiers until one is afgerond (which snapshots it). */
export interface StoredBegeleiding {
  studentId: string;
  answers: SectionAnswers;
  version: number;
}

/**
 * A pre-filter the store may apply (e.g. in SQL). The service checks every dossier again with
 * the SDK's rules, so a store that ignores a field is slower, never less safe.
 */
export interface DossierFilter {
  studentIds?: ReadonlyArray<string>;
  schoolId?: string;
  statuses?: ReadonlyArray<DossierStatus>;
  archived?: boolean;
  /** Assigned to this mentor: by roster id, or by e-mail for a mentor typed in by the student. */
  assignedMentor?: { id: string; email?: string };
  /** The A7 instelling (BRIN). */
  chosenInstelling?: string;
}

/**
 * A message the backend sends someone through its notification channel (the reference server's
 * outbox): a reminder from the decaan, a dossier moved to another mentor. Never answers or other
 * special-category data: who it is for, what happened, and the dossier it is about.
 */
export interface OutgoingNotification {
  kind: 'reminder' | 'mentorChanged';
  dossierId?: string;
  recipient: { role: Role; id?: string; naam?: string; email?: string };
  payload: Record<string, string | number | boolean | null>;
}

/** Which entry of the chain an appended entry follows: the hash of the one before it, or null for the first. */
export interface HistoryLink {
  previous: string | null;
}

export interface StoreTx {
  /**
   * The region configuration. Unlike the rest, a store may hand every caller the same object, as
   * long as it is read-only (frozen): it changes rarely, and `buildSections` caches per object.
   */
  getConfig(): Promise<RegionConfig>;

  /** The school with its roster; undefined when the school is unknown. Like the config, it may be one shared read-only (frozen) object. */
  getSchool(id: string): Promise<StoredSchool | undefined>;

  getStudent(id: string): Promise<StoredStudent | undefined>;
  listStudents(filter: { schoolId: string }): Promise<StoredStudent[]>;

  /**
   * Like a listed dossier, this may be a read-only (frozen) object the store keeps (the reference
   * server keeps what each instance read or wrote last, and checks it when the unit writes): a
   * caller copies what it changes.
   */
  getDossier(id: string): Promise<Dossier | undefined>;
  /**
   * Unlike the rest, the dossiers of a list may be read-only (frozen) objects a store hands every
   * caller while the dossier is unchanged (the reference server's list cache): a caller copies
   * what it changes, as the service does.
   */
  listDossiers(filter: DossierFilter): Promise<Dossier[]>;
  putDossier(dossier: Dossier): Promise<void>;
  /** A fresh, unused dossier id. */
  newDossierId(): Promise<string>;

  getBegeleiding(studentId: string): Promise<StoredBegeleiding | undefined>;
  putBegeleiding(begeleiding: StoredBegeleiding): Promise<void>;

  listHistory(dossierId: string): Promise<HistoryEntry[]>;
  /**
   * Appends an entry. The service hands every entry over with its `hash` (history-chain.ts) and,
   * as `link`, the hash of the entry it follows (null for the first): a store may refuse an entry
   * whose link another one already took (the reference server's unique index), so two
   * transactions that raced cannot fork the chain.
   */
  appendHistory(dossierId: string, entry: HistoryEntry, link?: HistoryLink): Promise<void>;
  /**
   * Optional: the dossier's last history entry (undefined when it has none), so the service can
   * chain the next one without reading the whole history. Without it the service reads
   * `listHistory` once per dossier and transaction.
   */
  lastHistoryEntry?(dossierId: string): Promise<HistoryEntry | undefined>;

  /** The roster after a decaan moved a klas to another mentor. */
  putSchool(school: StoredSchool): Promise<void>;
  /** Queues a notification; it is sent only if the transaction commits. */
  notify(notification: OutgoingNotification): Promise<void>;
  /** The MBO's intake status of these dossiers (those without one are absent). */
  getIntakes(dossierIds: ReadonlyArray<string>): Promise<Map<string, Intake>>;
  putIntake(dossierId: string, intake: Intake): Promise<void>;

  /** Institutions whose name or a plaats matches `q` (case- and accent-insensitive), at most `limit`. */
  searchInstitutions(q: string, limit: number): Promise<Institution[]>;
  getInstitution(brin: string): Promise<Institution | undefined>;
  listLocations(brin: string): Promise<Location[]>;
  /** One programme of the institution by its id; undefined when that institution has no such programme. */
  getProgramme(brin: string, id: string): Promise<Programme | undefined>;
  /** Programmes of the institution whose name or crebo matches `q`, at most `limit`. */
  searchProgrammes(brin: string, q: string, limit: number): Promise<Programme[]>;
}

export interface BackendStore {
  /**
   * Runs `work` as one unit: its writes are all kept, or (when it throws) none are.
   * The memory store runs transactions one after another.
   */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
}
