/**
 * The backend's rules, transport-free: every method takes the acting person first and either
 * returns what the contract promises or throws a `ServiceError` with a problem. Every rule is the
 * SDK's own (workflow `can`/`apply`/`canEdit`, `visibleTo`, `parseDraft`, `completion`), so the
 * backend cannot drift from what the elements offer.
 */
import { parseDraft } from '../answers.js';
import { completion } from '../completion.js';
import { buildSections, type RegionConfig } from '../config.js';
import { canView, isAssignedMentor, visibleTo } from '../consent.js';
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
  DossierSummary,
  HistoryEntry,
  Institution,
  Location,
  Me,
  Mentor,
  Programme,
  StudentOverview,
} from '../contract.js';
import { foldForSearch } from '../example/catalog.js';
import { refusal, type Refusal } from '../refusals.js';
import type { SectionAnswers } from '../sections/types.js';
import { apply, can, canEdit, canEditBegeleiding, type WorkflowContext } from '../workflow.js';
import { problem, problems, ServiceError } from './problems.js';
import type { BackendStore, StoredBegeleiding, StoredStudent, StoreTx } from './store.js';

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
 * B1 lives with the student: an open vo-mbo dossier shows the current record; an afgerond one
 * keeps the snapshot taken when it was finalized.
 */
function withCurrentBegeleiding(dossier: Dossier, record: StoredBegeleiding | undefined): Dossier {
  if (dossier.status === 'afgerond' || dossier.type !== 'vo-mbo') return dossier;
  const answers = { ...dossier.answers };
  if (record && Object.keys(record.answers).length > 0) answers['begeleiding'] = record.answers;
  else delete answers['begeleiding'];
  return { ...dossier, answers };
}

function forStorage(dossier: Dossier): Dossier {
  if (dossier.status === 'afgerond' || !('begeleiding' in dossier.answers)) return dossier;
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

function keuzeOf(dossier: Dossier): string | null {
  const keuze = dossier.answers['vervolgkeuze'];
  const label = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) && 'label' in value && typeof value.label === 'string' ? value.label : undefined;
  const opleiding = label(keuze?.['opleiding']);
  const instelling = label(keuze?.['instelling']);
  if (opleiding && instelling) return `${opleiding} – ${instelling}`;
  return opleiding ?? instelling ?? null;
}

function summarize(dossier: Dossier, config: RegionConfig, today: Date): DossierSummary {
  const { student } = dossier;
  return {
    id: dossier.id,
    type: dossier.type,
    status: dossier.status,
    archived: dossier.archived,
    version: dossier.version,
    student: { id: student.id, naam: student.naam, ...(student.klas ? { klas: student.klas } : {}), ...(student.leerjaar ? { leerjaar: student.leerjaar } : {}) },
    mentor: dossier.mentor,
    keuze: keuzeOf(dossier),
    percentA: completion(dossier, config, { today }).partA.percent,
    updatedAt: dossier.updatedAt,
  };
}

const newestFirst = (a: { updatedAt: string }, b: { updatedAt: string }) => b.updatedAt.localeCompare(a.updatedAt);

/** Whether the actor already knows the dossier exists (and so may hear "not for you" instead of "not found"). */
function knowsOf(actor: Actor, dossier: Dossier): boolean {
  switch (actor.role) {
    case 'student':
      return dossier.student.id === actor.person.id;
    case 'guardian':
      return actor.studentIds?.includes(dossier.student.id) ?? false;
    case 'mentor':
      return !!actor.school && actor.school.id === dossier.student.schoolId;
    case 'mbo':
      return false;
  }
}

const historyActor = (actor: Actor): HistoryEntry['actor'] => ({ id: actor.person.id, role: actor.role, naam: actor.person.naam });

function withPathPrefix(errors: { path: string; message: string }[]) {
  return errors.map((e) => ({ path: e.path ? `answers.${e.path}` : 'answers', message: e.message }));
}

export function createService(store: BackendStore, options: ServiceOptions = {}): DossierService {
  const now = options.now ?? (() => new Date());

  async function contextFor(tx: StoreTx, config: RegionConfig, student: { schoolId: string | null }, today: Date): Promise<WorkflowContext> {
    const mentors = config.mentorRoster && student.schoolId ? await tx.listMentors(student.schoolId) : undefined;
    return { config, today, ...(mentors && mentors.length > 0 ? { roster: mentors } : {}) };
  }

  /** The dossier with its current B1 and the workflow context, or 404/403 for those who may not see it. */
  async function load(tx: StoreTx, actor: Actor, id: string, today: Date) {
    const stored = await tx.getDossier(id);
    if (!stored) throw notFound('dossier');
    const dossier = withCurrentBegeleiding(stored, await tx.getBegeleiding(stored.student.id));
    const decision = canView(actor, dossier);
    if (!decision.allowed) {
      if (!knowsOf(actor, dossier)) throw notFound('dossier');
      throw new ServiceError(problem(403, 'forbidden', decision.refusal.message.nl, { reason: decision.refusal.code, detail: decision.refusal.message.en }));
    }
    const config = await tx.getConfig();
    return { dossier, context: await contextFor(tx, config, dossier.student, today) };
  }

  function shown(actor: Actor, dossier: Dossier, context: WorkflowContext): Dossier {
    const visible = visibleTo(actor, dossier, context);
    if (!visible) throw notFound('dossier');
    return visible;
  }

  function checkVersion(expected: number | undefined, current: number) {
    if (expected !== undefined && expected !== current) throw new ServiceError(problems.staleVersion());
  }

  async function mijnLeerlingen(tx: StoreTx, actor: Actor, query: DossierListQuery, config: RegionConfig, today: Date): Promise<DossierList> {
    if (!actor.school) return { items: [], students: [] };
    const term = query.q ? foldForSearch(query.q) : '';
    const klas = query.klas?.trim().toLowerCase();
    const students = (await tx.listStudents({ schoolId: actor.school.id })).filter(
      (s) =>
        (!klas || s.klas?.toLowerCase() === klas) &&
        (query.leerjaar === undefined || s.leerjaar === query.leerjaar) &&
        (!term || foldForSearch(s.naam).includes(term)),
    );
    students.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
    const dossiers = await tx.listDossiers({ studentIds: students.map((s) => s.id), schoolId: actor.school.id });
    const summaries = dossiers.map((d) => summarize(d, config, today)).sort(newestFirst);
    const overview = (s: StoredStudent): StudentOverview => ({
      id: s.id,
      naam: s.naam,
      ...(s.klas ? { klas: s.klas } : {}),
      ...(s.leerjaar ? { leerjaar: s.leerjaar } : {}),
      dossiers: summaries.filter((d) => d.student.id === s.id),
    });
    return { items: summaries, students: students.map(overview) };
  }

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
      case 'mbo':
        return actor.instelling ? tx.listDossiers({ statuses: ['afgerond'], chosenInstelling: actor.instelling.brin }) : [];
    }
  }

  async function requireStudent(tx: StoreTx, actor: Actor, studentId: string): Promise<StoredStudent> {
    const student = await tx.getStudent(studentId);
    if (!student) throw notFound('student');
    const decision = canEditBegeleiding(actor, student);
    if (!decision.allowed) {
      if (decision.refusal.code === 'notYours') throw notFound('student');
      throw refused(decision.refusal);
    }
    return student;
  }

  const begeleidingOf = (studentId: string, record: StoredBegeleiding | undefined): Begeleiding =>
    record ? { studentId, answers: record.answers, version: record.version } : { studentId, answers: {}, version: 0 };

  return {
    me: async (actor) => actor,

    config: (_actor) => store.transaction((tx) => tx.getConfig()),

    listDossiers: (actor, query = {}) =>
      store.transaction(async (tx) => {
        const config = await tx.getConfig();
        const today = now();
        if (actor.role === 'mentor' && query.view === 'mijnLeerlingen') return mijnLeerlingen(tx, actor, query, config, today);
        const dossiers = (await visibleDossiers(tx, actor)).filter((d) => canView(actor, d).allowed);
        return { items: dossiers.map((d) => summarize(d, config, today)).sort(newestFirst) };
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
          answers['persoonlijk'] = { bsn: student.bsn, email: student.email };
        }
        const at = now().toISOString();
        const dossier: Dossier = {
          id: await tx.newDossierId(),
          type: request.type,
          status: 'concept',
          archived: false,
          version: 1,
          student: { id: student.id, naam: student.naam, schoolId: student.schoolId, ...(student.klas ? { klas: student.klas } : {}), ...(student.leerjaar ? { leerjaar: student.leerjaar } : {}) },
          mentor: null,
          answers,
          inzage: [],
          deelBSentAt: null,
          finalizedAt: null,
          createdAt: at,
          updatedAt: at,
        };
        await tx.putDossier(dossier);
        await tx.appendHistory(dossier.id, { at, actor: historyActor(actor), kind: 'created', version: 1 });
        const context = await contextFor(tx, config, student, now());
        return shown(actor, withCurrentBegeleiding(dossier, await tx.getBegeleiding(student.id)), context);
      }),

    getDossier: (actor, id) =>
      store.transaction(async (tx) => {
        const { dossier, context } = await load(tx, actor, id, now());
        return shown(actor, dossier, context);
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

        const at = today.toISOString();
        if (sectionId === 'begeleiding') {
          const record = await tx.getBegeleiding(dossier.student.id);
          await tx.putBegeleiding({ studentId: dossier.student.id, answers: merged, version: (record?.version ?? 0) + 1 });
        }
        const saved: Dossier = { ...dossier, answers: { ...dossier.answers, [sectionId]: merged }, version: dossier.version + 1, updatedAt: at };
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
        const { dossier: next, entry } = apply(actor, action, dossier, context, request, today);
        await tx.putDossier(forStorage(next));
        await tx.appendHistory(id, entry);
        return shown(actor, next, context);
      }),

    history: (actor, id) =>
      store.transaction(async (tx) => {
        await load(tx, actor, id, now());
        return tx.listHistory(id);
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
        // The open dossiers show this B1, so their history says who changed it.
        const at = now().toISOString();
        for (const dossier of await tx.listDossiers({ studentIds: [student.id] })) {
          if (dossier.type !== 'vo-mbo' || dossier.status === 'afgerond') continue;
          await tx.appendHistory(dossier.id, { at, actor: historyActor(actor), kind: 'saved', sectionId: 'begeleiding', version: dossier.version });
        }
        return begeleidingOf(studentId, saved);
      }),

    mentors: (actor, schoolId) =>
      store.transaction(async (tx) => {
        const roster = await tx.listMentors(schoolId);
        if (!roster) throw notFound('school');
        const ownSchool = (actor.role === 'student' || actor.role === 'mentor') && actor.school?.id === schoolId;
        if (!ownSchool) throw new ServiceError(problems.forbidden('Only students and mentors of this school see its mentors.'));
        return (await tx.getConfig()).mentorRoster ? roster : [];
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
