/**
 * The backend's rules, transport-free: every method takes the acting person first and either
 * returns what the contract promises or throws a `ServiceError` with a problem. Every rule is the
 * SDK's own (workflow `can`/`apply`/`canEdit`, `visibleTo`, `parseDraft`, `completion`), so the
 * backend cannot drift from what the elements offer.
 */
import { parseDraft } from '../answers.js';
import { buildSections, type RegionConfig } from '../config.js';
import { canView, historyVisibleTo, isAssignedMentor, visibleTo } from '../consent.js';
import type {
  ActionRequest,
  Actor,
  Begeleiding,
  CreateDossierRequest,
  Dossier,
  DossierAction,
  DossierList,
  DossierListQuery,
  DossierStatus,
  HistoryEntry,
  Institution,
  KlasMoveResult,
  Location,
  Me,
  Mentor,
  Programme,
  ReminderResult,
  StudentOverview,
} from '../contract.js';
import { foldForSearch } from '../example/catalog.js';
import { refusal, type Refusal } from '../refusals.js';
import type { SectionAnswers } from '../sections/types.js';
import { apply, can, canEdit, canEditBegeleiding, followsCurrentBegeleiding, type WorkflowContext } from '../workflow.js';
import { checkedChoice } from './choice-check.js';
import { problems, ServiceError } from './problems.js';
import { summarize } from './summaries.js';
import { applyIntake, canSetIntake, intakeRequestErrors, newIntake, seesIntake, type Intake, type IntakeRequest } from '../intake.js';
import { moveKlas as moveKlasTo, remind as remindStudents } from './school-actions.js';
import { dossierStudentOf, registeredAnswers, withRegisteredAnswers } from './registration.js';
import type { BackendStore, RosterMentor, StoredBegeleiding, StoredSchool, StoredStudent, StoreTx } from './store.js';
import { historyChainAlgorithm, verifyHistoryChain, type HistoryVerification } from '../history-chain.js';
import { withHistoryChain } from './history-chain-store.js';

export interface DossierService {
  me(actor: Actor): Promise<Me>;
  config(actor: Actor): Promise<RegionConfig>;
  listDossiers(actor: Actor, query?: DossierListQuery): Promise<DossierList>;
  createDossier(actor: Actor, request: CreateDossierRequest): Promise<Dossier>;
  getDossier(actor: Actor, id: string): Promise<Dossier>;
  /** `answers` is checked here with `parseDraft`; `version` is the one the client read (If-Match). */
  saveSection(actor: Actor, id: string, sectionId: string, answers: unknown, version: number): Promise<Dossier>;
  act(actor: Actor, id: string, action: DossierAction, request?: ActionRequest, version?: number): Promise<Dossier>;
  history(actor: Actor, id: string): Promise<HistoryEntry[]>;
  getBegeleiding(actor: Actor, studentId: string): Promise<Begeleiding>;
  saveBegeleiding(actor: Actor, studentId: string, answers: unknown, version: number): Promise<Begeleiding>;
  mentors(actor: Actor, schoolId: string): Promise<Mentor[]>;
  remind(actor: Actor, studentIds: ReadonlyArray<string>): Promise<ReminderResult>;
  moveKlas(actor: Actor, schoolId: string, klas: string, mentorId: string): Promise<KlasMoveResult>;
  setIntake(actor: Actor, dossierId: string, request: IntakeRequest): Promise<Intake>;
  /** Recomputes the dossier's history chain (history-chain.ts), for whoever may read the dossier. */
  verifyHistory(actor: Actor, dossierId: string): Promise<HistoryVerification>;
  institutions(actor: Actor, q?: string): Promise<Institution[]>;
  locations(actor: Actor, brin: string): Promise<Location[]>;
  programmes(actor: Actor, brin: string, q?: string): Promise<Programme[]>;
}

export interface ServiceOptions {
  now?: () => Date;
}

export const catalogLimits = { institutions: 20, programmes: 50 } as const;

const teBehandelen: DossierStatus[] = ['bijMentor', 'deelB'];
const forGuardians: DossierStatus[] = ['akkoord', 'afgerond'];

const pad = (n: number) => String(n).padStart(2, '0');
/** The calendar day of `date` in local time, YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const refused = (refusal: Refusal) => new ServiceError(problems.refused(refusal));
const notFound = (what: string) => new ServiceError(problems.notFound(what));

/**
 * B1 lives with the student: a vo-mbo dossier up to deel B shows the current record; from
 * akkoord on it keeps the B1 it was sent to the student with (consent is given to that one).
 */
function withCurrentBegeleiding(dossier: Dossier, record: StoredBegeleiding | undefined): Dossier {
  if (!followsCurrentBegeleiding.includes(dossier.status) || dossier.type !== 'vo-mbo') return dossier;
  const answers = { ...dossier.answers };
  if (record && Object.keys(record.answers).length > 0) answers['begeleiding'] = record.answers;
  else delete answers['begeleiding'];
  return { ...dossier, answers };
}

/** What is stored: the live B1 stays with the student until the dossier is sent to them, then the dossier keeps its copy. */
function forStorage(dossier: Dossier): Dossier {
  if (!followsCurrentBegeleiding.includes(dossier.status) || !('begeleiding' in dossier.answers)) return dossier;
  const { begeleiding: _shared, ...answers } = dossier.answers;
  return { ...dossier, answers };
}

/** `null` clears a saved answer; everything else replaces it. */
function merge(current: SectionAnswers | undefined, patch: SectionAnswers): SectionAnswers {
  const next: Record<string, SectionAnswers[string]> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The same answers whatever order their keys were stored in. */
function sameAnswers(a: SectionAnswers | undefined, b: SectionAnswers | undefined): boolean {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([k, v]) => [k, sorted(v)]),
      );
    return value;
  };
  return JSON.stringify(sorted(a ?? {})) === JSON.stringify(sorted(b ?? {}));
}

const withIntake = (intake: Intake | undefined) => (intake ? { intake } : {});

const newestFirst = (a: { updatedAt: string }, b: { updatedAt: string }) => b.updatedAt.localeCompare(a.updatedAt);

/** The mentors a student of `klas` chooses from: those of the klas, else (none registered for it) the school's. */
function klasRoster(school: StoredSchool, klas: string | undefined): RosterMentor[] {
  const ofKlas = klas === undefined ? [] : school.mentors.filter((m) => m.klassen.some((k) => k.trim().toLowerCase() === klas.trim().toLowerCase()));
  return ofKlas.length > 0 ? ofKlas : school.mentors;
}

/** A roster entry as the contract shows it: who, not which klassen. */
const onWire = (mentor: RosterMentor): Mentor => ({ id: mentor.id, naam: mentor.naam, email: mentor.email });

/**
 * The roster a student of `klas` chooses from, as the contract shows it. Made once per school
 * object and klas when the store hands out one read-only (frozen) school to every unit while it is
 * unchanged (the PostgreSQL store does): every save built it again (issue 14, item 7: 2 % of the
 * reference server's CPU). Read-only as the school is; a store that hands out copies gets a new one.
 */
const rosters = new WeakMap<StoredSchool, Map<string | undefined, Mentor[]>>();
function studentRoster(school: StoredSchool, klas: string | undefined): Mentor[] {
  if (!Object.isFrozen(school)) return klasRoster(school, klas).map(onWire);
  let perKlas = rosters.get(school);
  if (!perKlas) rosters.set(school, (perKlas = new Map()));
  let roster = perKlas.get(klas);
  if (!roster) perKlas.set(klas, (roster = Object.freeze(klasRoster(school, klas).map((mentor) => Object.freeze(onWire(mentor)))) as Mentor[]));
  return roster;
}

/** A school with a roster and at least one mentor on it; without one, students type a name and e-mail. */
const keepsRoster = (school: StoredSchool | undefined): school is StoredSchool => !!school && school.mentorRoster && school.mentors.length > 0;

const historyActor = (actor: Actor): HistoryEntry['actor'] => ({ id: actor.person.id, role: actor.role, naam: actor.person.naam });

function withPathPrefix(errors: { path: string; message: string }[]) {
  return errors.map((e) => ({ path: e.path ? `answers.${e.path}` : 'answers', message: e.message }));
}

export function createService(backendStore: BackendStore, options: ServiceOptions = {}): DossierService {
  const now = options.now ?? (() => new Date());
  // Every history entry gets its hash on the way to the store (history-chain-store.ts).
  const store = withHistoryChain(backendStore);

  /** The workflow's view of the world: config, day, the student's roster (when the school keeps one), the acting mentor's klassen. */
  async function contextFor(tx: StoreTx, actor: Actor, config: RegionConfig, student: { schoolId: string | null; klas?: string }, today: Date): Promise<WorkflowContext> {
    const school = student.schoolId ? await tx.getSchool(student.schoolId) : undefined;
    const context: WorkflowContext = { config, today };
    if (keepsRoster(school)) context.roster = studentRoster(school, student.klas);
    const own = actor.role === 'mentor' ? school?.mentors.find((m) => m.id === actor.person.id) : undefined;
    if (own) context.actorKlassen = own.klassen;
    if (actor.role === 'decaan' && school) context.schoolRoster = school.mentors.map(onWire);
    return context;
  }

  /** Tells both mentors that a dossier moved from one to the other (the decaan's changeMentor). */
  async function notifyMentorChange(tx: StoreTx, dossier: Dossier, previous: Mentor | null, actor: Actor) {
    const payload = { student: dossier.student.naam, from: previous?.naam ?? null, to: dossier.mentor?.naam ?? null, by: actor.person.naam };
    for (const mentor of [previous, dossier.mentor]) {
      if (!mentor) continue;
      await tx.notify({ kind: 'mentorChanged', dossierId: dossier.id, recipient: { role: 'mentor', ...(mentor.id ? { id: mentor.id } : {}), naam: mentor.naam, email: mentor.email }, payload });
    }
  }

  /** The dossier as the viewer sees it, with the MBO's intake status for those who read it. */
  async function withIntakeOf(tx: StoreTx, actor: Actor, dossier: Dossier): Promise<Dossier> {
    if (dossier.status !== 'afgerond' || !seesIntake(actor)) return dossier;
    const intake = (await tx.getIntakes([dossier.id])).get(dossier.id);
    return intake ? { ...dossier, intake } : dossier;
  }

  /** An afgerond dossier from before the history chain: the chain's hash of its finalize entry, recomputed. */
  async function withFinalHash(tx: StoreTx, dossier: Dossier): Promise<Dossier> {
    if (dossier.status !== 'afgerond' || dossier.finalHash !== undefined) return dossier;
    const { finalHash } = await verifyHistoryChain(dossier.id, await tx.listHistory(dossier.id));
    return finalHash ? { ...dossier, finalHash } : dossier;
  }

  /**
   * The dossier with its current B1 and the workflow context. Whoever may not see it gets 404,
   * exactly as for a dossier that does not exist: no one learns which dossiers exist.
   */
  async function load(tx: StoreTx, actor: Actor, id: string, today: Date) {
    const stored = await tx.getDossier(id);
    if (!stored) throw notFound('dossier');
    const dossier = withCurrentBegeleiding(stored, await tx.getBegeleiding(stored.student.id));
    const config = await tx.getConfig();
    if (!canView(actor, dossier, { config, today }).allowed) throw notFound('dossier');
    return { dossier, context: await contextFor(tx, actor, config, dossier.student, today) };
  }

  function shown(actor: Actor, dossier: Dossier, context: WorkflowContext): Dossier {
    const visible = visibleTo(actor, dossier, context);
    if (!visible) throw notFound('dossier');
    return visible;
  }

  function checkVersion(expected: number | undefined, current: number) {
    if (expected !== undefined && expected !== current) throw new ServiceError(problems.staleVersion());
  }

  /**
   * The mentor's students (those of the klassen they mentor, and those with a dossier sent to
   * them), or for the decaan every student of the school: one row each with their dossiers.
   */
  async function mijnLeerlingen(tx: StoreTx, actor: Actor, query: DossierListQuery, config: RegionConfig, today: Date): Promise<DossierList> {
    if (!actor.school) return { items: [], students: [] };
    const school = await tx.getSchool(actor.school.id);
    const klassen = new Set((school?.mentors.find((m) => m.id === actor.person.id)?.klassen ?? []).map((k) => k.trim().toLowerCase()));
    const schoolDossiers = await tx.listDossiers({ schoolId: actor.school.id });
    const assignedTo = new Set(schoolDossiers.filter((d) => isAssignedMentor(actor, d)).map((d) => d.student.id));
    const theirs = (s: StoredStudent) => actor.role === 'decaan' || (s.klas !== undefined && klassen.has(s.klas.trim().toLowerCase())) || assignedTo.has(s.id);
    const term = query.q ? foldForSearch(query.q) : '';
    const klas = query.klas?.trim().toLowerCase();
    const students = (await tx.listStudents({ schoolId: actor.school.id })).filter(
      (s) => theirs(s) && (!klas || s.klas?.toLowerCase() === klas) && (query.leerjaar === undefined || s.leerjaar === query.leerjaar) && (!term || foldForSearch(s.naam).includes(term)),
    );
    students.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
    const mine = new Set(students.map((s) => s.id));
    const shown = schoolDossiers.filter((d) => mine.has(d.student.id));
    const intakes = actor.role === 'decaan' ? await tx.getIntakes(shown.filter((d) => d.status === 'afgerond').map((d) => d.id)) : new Map<string, Intake>();
    const summaries = shown.map((d) => summarize(d, config, today, actor, withIntake(intakes.get(d.id)))).sort(newestFirst);
    const overview = (s: StoredStudent): StudentOverview => ({
      id: s.id,
      naam: s.naam,
      ...(s.klas ? { klas: s.klas } : {}),
      ...(s.leerjaar ? { leerjaar: s.leerjaar } : {}),
      dossiers: summaries.filter((d) => d.student.id === s.id),
    });
    return { items: summaries, students: students.map(overview) };
  }

  /** A pre-selection of the actor's dossiers; the caller keeps those `canView` allows. */
  async function visibleDossiers(tx: StoreTx, actor: Actor): Promise<Dossier[]> {
    switch (actor.role) {
      case 'student':
        return tx.listDossiers({ studentIds: [actor.person.id] });
      case 'guardian':
        return tx.listDossiers({ studentIds: actor.studentIds ?? [], statuses: forGuardians });
      case 'mentor': {
        // Without a view a mentor gets te behandelen; mijnLeerlingen is answered separately.
        const assigned = await tx.listDossiers({
          assignedMentor: { id: actor.person.id, ...(actor.person.email ? { email: actor.person.email } : {}) },
          statuses: teBehandelen,
          archived: false,
        });
        return assigned.filter((d) => isAssignedMentor(actor, d));
      }
      case 'decaan':
        // Without a view: every open dossier of the school; the overview is mijnLeerlingen.
        return actor.school ? tx.listDossiers({ schoolId: actor.school.id, archived: false }) : [];
      case 'mbo':
        return actor.instelling ? tx.listDossiers({ statuses: ['afgerond'], chosenInstelling: actor.instelling.brin }) : [];
    }
  }

  /** The student whose B1 the actor may read and write (mentors of their klas, or of one of their dossiers); else 404. */
  async function requireStudent(tx: StoreTx, actor: Actor, studentId: string): Promise<StoredStudent> {
    // Anyone but a mentor or the decaan, or one not of this student, hears what they would for a student who does not exist.
    if (actor.role !== 'mentor' && actor.role !== 'decaan') throw notFound('student');
    const student = await tx.getStudent(studentId);
    if (!student) throw notFound('student');
    const school = student.schoolId ? await tx.getSchool(student.schoolId) : undefined;
    const klassen = school?.mentors.find((m) => m.id === actor.person.id)?.klassen ?? [];
    const assigned = (await tx.listDossiers({ studentIds: [student.id] })).some((d) => isAssignedMentor(actor, d));
    const decision = canEditBegeleiding(actor, student, { klassen, assigned });
    if (!decision.allowed) {
      if (decision.refusal.code === 'notYours') throw notFound('student');
      throw refused(decision.refusal);
    }
    return student;
  }

  const begeleidingOf = (studentId: string, record: StoredBegeleiding | undefined): Begeleiding =>
    record ? { studentId, answers: record.answers, version: record.version } : { studentId, answers: {}, version: 0 };

  return {
    me: (actor) =>
      store.transaction(async (tx) => {
        if (!actor.school || (actor.role !== 'student' && actor.role !== 'mentor' && actor.role !== 'decaan')) return actor;
        const school = await tx.getSchool(actor.school.id);
        return school ? { ...actor, school: { ...actor.school, mentorRoster: keepsRoster(school) } } : actor;
      }),

    config: (_actor) => store.transaction((tx) => tx.getConfig()),

    listDossiers: (actor, query = {}) =>
      store.transaction(async (tx) => {
        const config = await tx.getConfig();
        const today = now();
        if ((actor.role === 'mentor' || actor.role === 'decaan') && query.view === 'mijnLeerlingen') return mijnLeerlingen(tx, actor, query, config, today);
        const dossiers = (await visibleDossiers(tx, actor)).filter((d) => canView(actor, d, { config, today }).allowed);
        const intakes = seesIntake(actor) ? await tx.getIntakes(dossiers.filter((d) => d.status === 'afgerond').map((d) => d.id)) : new Map<string, Intake>();
        // A dossier the MBO received but nobody there opened yet is new.
        const intakeOf = (d: Dossier) => intakes.get(d.id) ?? (actor.role === 'mbo' ? newIntake(d.finalizedAt ?? d.updatedAt) : undefined);
        return { items: dossiers.map((d) => summarize(d, config, today, actor, withIntake(intakeOf(d)))).sort(newestFirst) };
      }),

    createDossier: (actor, request) =>
      store.transaction(async (tx) => {
        if (actor.role !== 'student') throw refused(refusal('wrongRole'));
        const student = await tx.getStudent(actor.person.id);
        if (!student) throw new ServiceError(problems.forbidden('No student record for this person.'));
        const config = await tx.getConfig();
        const own = await tx.listDossiers({ studentIds: [student.id] });
        let source: Dossier | undefined;
        if (request.copyFrom !== undefined) {
          source = own.find((d) => d.id === request.copyFrom);
          if (!source) throw notFound('dossier to copy from');
        } else {
          source = [...own].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        }
        const answers: Record<string, SectionAnswers> = {};
        const leerlingSections = buildSections(config, request.type).filter((s) => s.part === 'A' && s.scope === 'leerling');
        if (source) {
          for (const section of leerlingSections) {
            const copied = source.answers[section.id];
            if (copied) answers[section.id] = structuredClone(copied);
          }
        } else {
          answers['persoonlijk'] = { email: student.email };
        }
        // What the school registered is prefilled, and wins over an older dossier's copy.
        answers['persoonlijk'] = { ...answers['persoonlijk'], ...registeredAnswers(student) };
        const at = now().toISOString();
        const dossier: Dossier = {
          id: await tx.newDossierId(),
          type: request.type,
          status: 'concept',
          archived: false,
          version: 1,
          student: dossierStudentOf(student),
          mentor: null,
          answers,
          inzage: [],
          deelBSentAt: null,
          finalizedAt: null,
          createdAt: at,
          updatedAt: at,
          statusSince: at,
        };
        await tx.putDossier(dossier);
        await tx.appendHistory(dossier.id, { at, actor: historyActor(actor), kind: 'created', version: 1 });
        const context = await contextFor(tx, actor, config, student, now());
        return shown(actor, withCurrentBegeleiding(dossier, await tx.getBegeleiding(student.id)), context);
      }),

    getDossier: (actor, id) =>
      store.transaction(async (tx) => {
        const today = now();
        const { dossier, context } = await load(tx, actor, id, today);
        // The MBO opening a received dossier marks it read (spec §9).
        if (actor.role === 'mbo' && canSetIntake(actor, dossier).allowed) {
          const current = (await tx.getIntakes([id])).get(id);
          if (!current || current.status === 'nieuw') {
            const at = today.toISOString();
            await tx.putIntake(id, applyIntake(current, { status: 'gelezen' }, at));
            await tx.appendHistory(id, { at, actor: historyActor(actor), kind: 'intake', intakeStatus: 'gelezen', version: dossier.version });
          }
        }
        return shown(actor, await withIntakeOf(tx, actor, await withFinalHash(tx, dossier)), context);
      }),

    saveSection: (actor, id, sectionId, answers, version) =>
      store.transaction(async (tx) => {
        const today = now();
        const { dossier, context } = await load(tx, actor, id, today);
        if (!buildSections(context.config).some((s) => s.id === sectionId)) throw notFound('section');
        const decision = canEdit(actor, dossier, sectionId, context);
        if (!decision.allowed) throw refused(decision.refusal);
        checkVersion(version, dossier.version);
        const section = buildSections(context.config, dossier.type).find((s) => s.id === sectionId)!;
        const parsed = parseDraft(section, answers);
        if (!parsed.ok) throw new ServiceError(problems.invalidAnswers(withPathPrefix(parsed.errors)));

        let patch = parsed.value;
        let merged: SectionAnswers;
        if (sectionId === 'ouderToestemming') {
          // The date of the guardian's consent is the server's day, never what a client sends.
          const { datum: _ignored, ...rest } = patch;
          patch = rest;
          const next: Record<string, SectionAnswers[string]> = { ...merge(dossier.answers[sectionId], patch) };
          if (patch['toestemming'] === true) next['datum'] = isoDay(today);
          else if (next['toestemming'] !== true) delete next['datum'];
          merged = next;
        } else {
          merged = merge(dossier.answers[sectionId], patch);
        }
        if (sectionId === 'persoonlijk') {
          const student = await tx.getStudent(dossier.student.id);
          if (student) merged = withRegisteredAnswers(student, patch, merged);
        }
        if (sectionId === 'vervolgkeuze') merged = await checkedChoice(tx, merged);

        const answersAfter: Record<string, SectionAnswers> = { ...dossier.answers, [sectionId]: merged };
        // A guardian consents to the student's declaration and choices: when those change, their consent starts over.
        if (sectionId === 'akkoordverklaring' && answersAfter['ouderToestemming'] && !sameAnswers(dossier.answers[sectionId], merged)) {
          delete answersAfter['ouderToestemming'];
        }

        const at = today.toISOString();
        if (sectionId === 'begeleiding') {
          const record = await tx.getBegeleiding(dossier.student.id);
          await tx.putBegeleiding({ studentId: dossier.student.id, answers: merged, version: (record?.version ?? 0) + 1 });
        }
        const saved: Dossier = { ...dossier, answers: answersAfter, version: dossier.version + 1, updatedAt: at };
        await tx.putDossier(forStorage(saved));
        await tx.appendHistory(id, { at, actor: historyActor(actor), kind: 'saved', sectionId, version: saved.version });
        return shown(actor, saved, context);
      }),

    act: (actor, id, action, request = {}, version) =>
      store.transaction(async (tx) => {
        const today = now();
        const { dossier, context } = await load(tx, actor, id, today);
        const decision = can(actor, action, dossier, context, request);
        if (!decision.allowed) throw refused(decision.refusal);
        checkVersion(version, dossier.version);
        const applied = apply(actor, action, dossier, context, request, today);
        const entry = await tx.seal(id, applied.entry);
        // The entry that makes the dossier afgerond seals it: its hash goes with the PDF and the exports.
        const next = applied.dossier.status === 'afgerond' && dossier.status !== 'afgerond' ? { ...applied.dossier, finalHash: entry.hash } : applied.dossier;
        await tx.putDossier(forStorage(next));
        await tx.appendHistory(id, entry);
        if (action === 'changeMentor') await notifyMentorChange(tx, next, dossier.mentor, actor);
        return shown(actor, next, context);
      }),

    remind: (actor, studentIds) =>
      store.transaction(async (tx) => {
        if (actor.role !== 'decaan') throw refused(refusal('wrongRole'));
        return remindStudents(tx, actor, studentIds);
      }),

    moveKlas: (actor, schoolId, klas, mentorId) =>
      store.transaction(async (tx) => {
        const school = await tx.getSchool(schoolId);
        if (!school || actor.school?.id !== schoolId || (actor.role !== 'decaan' && actor.role !== 'mentor')) throw notFound('school');
        if (actor.role !== 'decaan') throw refused(refusal('wrongRole'));
        if (!school.mentors.some((m) => m.id === mentorId)) throw refused(refusal('mentorNotOnRoster'));
        const today = now();
        const config = await tx.getConfig();
        return moveKlasTo(tx, actor, school, klas, mentorId, {
          now: today,
          contextFor: (dossier) => contextFor(tx, actor, config, dossier.student, today),
          moved: async (_before, next, entry, previous) => {
            await tx.putDossier(forStorage(next));
            await tx.appendHistory(next.id, entry);
            await notifyMentorChange(tx, next, previous, actor);
          },
        });
      }),

    setIntake: (actor, dossierId, request) =>
      store.transaction(async (tx) => {
        const today = now();
        const { dossier } = await load(tx, actor, dossierId, today);
        const decision = canSetIntake(actor, dossier);
        if (!decision.allowed) throw refused(decision.refusal);
        const errors = intakeRequestErrors(request);
        if (errors.length > 0) throw new ServiceError(problems.badRequest('The intake status needs more.', errors));
        const at = today.toISOString();
        const intake = applyIntake((await tx.getIntakes([dossierId])).get(dossierId), request, at);
        await tx.putIntake(dossierId, intake);
        await tx.appendHistory(dossierId, { at, actor: historyActor(actor), kind: 'intake', intakeStatus: intake.status, version: dossier.version });
        return intake;
      }),

    history: (actor, id) =>
      store.transaction(async (tx) => {
        await load(tx, actor, id, now());
        return historyVisibleTo(actor, await tx.listHistory(id));
      }),

    verifyHistory: (actor, id) =>
      store.transaction(async (tx) => {
        const { dossier } = await load(tx, actor, id, now());
        const report = await verifyHistoryChain(id, await tx.listHistory(id), dossier.finalHash);
        const final = report.finalHash ? { finalHash: dossier.finalHash ?? report.finalHash } : {};
        // The MBO reads milestones only: not how many entries there are, nor where one was changed.
        if (actor.role === 'mbo') return { valid: report.valid, ...final, algorithm: historyChainAlgorithm };
        return {
          valid: report.valid,
          entries: report.entries,
          sealed: report.sealed,
          ...(report.brokenAt !== undefined ? { brokenAt: report.brokenAt } : {}),
          ...(report.head ? { head: report.head } : {}),
          ...final,
          algorithm: historyChainAlgorithm,
        };
      }),

    getBegeleiding: (actor, studentId) =>
      store.transaction(async (tx) => {
        await requireStudent(tx, actor, studentId);
        return begeleidingOf(studentId, await tx.getBegeleiding(studentId));
      }),

    saveBegeleiding: (actor, studentId, answers, version) =>
      store.transaction(async (tx) => {
        const student = await requireStudent(tx, actor, studentId);
        const current = begeleidingOf(studentId, await tx.getBegeleiding(studentId));
        checkVersion(version, current.version);
        const section = buildSections(await tx.getConfig()).find((s) => s.id === 'begeleiding');
        if (!section) throw notFound('section');
        const parsed = parseDraft(section, answers);
        if (!parsed.ok) throw new ServiceError(problems.invalidAnswers(withPathPrefix(parsed.errors)));
        const saved: StoredBegeleiding = { studentId, answers: merge(current.answers, parsed.value), version: current.version + 1 };
        await tx.putBegeleiding(saved);
        // The dossiers that show the current B1 say in their history who changed it; those sent to the student keep theirs.
        const at = now().toISOString();
        for (const dossier of await tx.listDossiers({ studentIds: [student.id] })) {
          if (dossier.type !== 'vo-mbo' || !followsCurrentBegeleiding.includes(dossier.status)) continue;
          await tx.appendHistory(dossier.id, { at, actor: historyActor(actor), kind: 'saved', sectionId: 'begeleiding', version: dossier.version });
        }
        return begeleidingOf(studentId, saved);
      }),

    mentors: (actor, schoolId) =>
      store.transaction(async (tx) => {
        const school = await tx.getSchool(schoolId);
        const ownSchool = (actor.role === 'student' || actor.role === 'mentor' || actor.role === 'decaan') && actor.school?.id === schoolId;
        if (!school || !ownSchool) throw notFound('school');
        if (!keepsRoster(school)) return [];
        // The decaan gives a dossier or a klas to another mentor of the school: the whole roster.
        if (actor.role === 'mentor' || actor.role === 'decaan') return school.mentors.map(onWire);
        return klasRoster(school, (await tx.getStudent(actor.person.id))?.klas).map(onWire);
      }),

    institutions: (_actor, q = '') => store.transaction((tx) => tx.searchInstitutions(q, catalogLimits.institutions)),

    locations: (_actor, brin) =>
      store.transaction(async (tx) => {
        if (!(await tx.getInstitution(brin))) throw notFound('institution');
        return tx.listLocations(brin);
      }),

    programmes: (_actor, brin, q = '') =>
      store.transaction(async (tx) => {
        if (!(await tx.getInstitution(brin))) throw notFound('institution');
        return tx.searchProgrammes(brin, q, catalogLimits.programmes);
      }),
  };
}
