/**
 * The dossier workflow (spec §5) as ONE transition table with guards, and who may edit which
 * section when (spec §6). Elements, the mock backend and any server all decide through
 * `can` / `apply` / `canEdit`, so the UI never offers what the backend would refuse.
 */
import { completion } from './completion.js';
import { guardianConsentNeeded } from './conditions.js';
import { buildSections, type RegionConfig } from './config.js';
import { canView, consentRecord, copyOf, isAssignedMentor, ownsDossier } from './consent.js';
import type { ActionRequest, Actor, Dossier, DossierAction, DossierStatus, HistoryEntry, Inzage, Mentor, Role } from './contract.js';
import { allow, refusal, refuse, WorkflowRefusedError, type Decision, type RefusalCode } from './refusals.js';
import type { SectionDefinition } from './sections/types.js';
import { validateAnswer } from './validators.js';

export { canView } from './consent.js';
export { WorkflowRefusedError } from './refusals.js';
export type { Decision, Refusal, RefusalCode } from './refusals.js';

export interface WorkflowContext {
  config: RegionConfig;
  /** The day ages are measured on (guardian consent). */
  today: Date;
  /**
   * The mentors the student chooses from (those of their klas), present only when the student's
   * school keeps a roster; without one the student types a name and e-mail.
   */
  roster?: Mentor[];
  /** The klassen the acting mentor mentors, from the school's registration (B1 access). */
  actorKlassen?: ReadonlyArray<string>;
  /** Every mentor on the school's roster: whom a decaan may give a dossier to (changeMentor). */
  schoolRoster?: Mentor[];
}

export interface GuardInput {
  actor: Actor;
  dossier: Dossier;
  context: WorkflowContext;
  request?: ActionRequest;
  /**
   * True while listing available actions: the request (e.g. the chosen mentor) is asked for
   * when the person acts, so its absence does not hide the action.
   */
  requestFollows?: boolean;
}

/** A data condition of a transition: the refusal code when it does not hold. */
export type Guard = (input: GuardInput) => RefusalCode | undefined;

export interface Transition {
  action: DossierAction;
  actors: Role[];
  from: DossierStatus[];
  /** The new status; absent when the action only changes data (inzage, archived flag). */
  to?: DossierStatus;
  /** Checked in order after role, ownership, final, archived and state; the type guard first. */
  guards: Guard[];
  /** Only allowed on an archived dossier (reactivate); every other action is refused on one. */
  onlyWhenArchived?: boolean;
  /** What the action changes besides status, version and updatedAt, on a copy of the dossier. */
  effect?: (draft: Dossier, input: GuardInput & { now: Date }) => void;
}

const dossierStatuses: DossierStatus[] = ['concept', 'bijMentor', 'deelB', 'akkoord', 'afgerond'];
const openStatuses = dossierStatuses.filter((s) => s !== 'afgerond');

// --- guards ---------------------------------------------------------------------------------

const onlyTypes =
  (...types: Dossier['type'][]): Guard =>
  ({ dossier }) =>
    types.includes(dossier.type) ? undefined : 'wrongType';

const partsOf = ({ dossier, context }: GuardInput) => completion(dossier, context.config, { today: context.today });

const deelAComplete: Guard = (input) => (partsOf(input).partA.complete ? undefined : 'deelAIncomplete');
const deelBComplete: Guard = (input) => (partsOf(input).partB?.complete ? undefined : 'deelBIncomplete');

const emailQuestion = { kind: 'text', id: 'email', label: { nl: 'E-mail' }, required: true, format: 'email' } as const;

/** The mentor the dossier goes to, or why there is none; `undefined` when the request follows later. */
function chooseMentor({ dossier, context, request, requestFollows }: GuardInput): Mentor | RefusalCode | undefined {
  if (request?.mentorId !== undefined) return context.roster?.find((m) => m.id === request.mentorId) ?? 'mentorNotOnRoster';
  if (request?.mentor !== undefined) {
    if (context.roster) return 'mentorNotOnRoster';
    const naam = request.mentor.naam.trim();
    const email = request.mentor.email.trim();
    if (!naam || !email || validateAnswer(emailQuestion, email) !== undefined) return 'mentorEmailInvalid';
    return { naam, email };
  }
  // Resubmitting after backToDeelA: the mentor of the first round stays.
  if (dossier.mentor) return dossier.mentor;
  return requestFollows ? undefined : 'mentorMissing';
}

const mentorChosen: Guard = (input) => {
  const chosen = chooseMentor(input);
  return typeof chosen === 'string' ? chosen : undefined;
};

const hasMentor: Guard = ({ dossier }) => (dossier.mentor ? undefined : 'noMentorToMove');

/** The mentor a decaan gives the dossier to: on the school's roster, and not the one it is with. */
function newMentor({ dossier, context, request }: GuardInput): Mentor | RefusalCode | undefined {
  if (request?.mentorId === undefined) return undefined;
  const mentor = context.schoolRoster?.find((m) => m.id === request.mentorId);
  if (!mentor) return 'mentorNotOnRoster';
  if (dossier.mentor?.id === mentor.id) return 'sameMentor';
  return mentor;
}

const newMentorChosen: Guard = (input) => {
  const chosen = newMentor(input);
  if (typeof chosen === 'string') return chosen;
  return chosen || input.requestFollows ? undefined : 'mentorNotOnRoster';
};

const studentHasSeen: Guard = ({ dossier, context }) => (consentRecord(dossier, context.config).inzage.student ? undefined : 'inzageMissing');

const studentConsented: Guard = ({ dossier, context }) => {
  const record = consentRecord(dossier, context.config);
  const agreedOrExplained = record.akkoord === 'ja' || (record.akkoord === 'nee' && record.redenNietAkkoord !== undefined);
  return agreedOrExplained && record.toestemming ? undefined : 'consentIncomplete';
};

const guardianHasSeen: Guard = ({ dossier, context }) => {
  if (!guardianConsentNeeded(dossier, context.config, context.today)) return undefined;
  return consentRecord(dossier, context.config).inzage.guardian ? undefined : 'guardianInzageMissing';
};

const guardianConsented: Guard = ({ dossier, context }) => {
  if (!guardianConsentNeeded(dossier, context.config, context.today)) return undefined;
  const guardian = consentRecord(dossier, context.config).guardian;
  return guardian && guardian.naam.trim() && guardian.relatie && guardian.toestemming ? undefined : 'guardianConsentMissing';
};

// --- the table ------------------------------------------------------------------------------

export const transitions: ReadonlyArray<Transition> = [
  {
    action: 'submitToMentor',
    actors: ['student'],
    from: ['concept'],
    to: 'bijMentor',
    guards: [onlyTypes('vo-mbo'), deelAComplete, mentorChosen],
    effect: (draft, input) => {
      const mentor = chooseMentor(input);
      if (mentor && typeof mentor === 'object') draft.mentor = mentor;
    },
  },
  { action: 'submitForConsent', actors: ['student'], from: ['concept'], to: 'akkoord', guards: [onlyTypes('mbo-mbo', 'werk-mbo'), deelAComplete] },
  // The school's decaan may do what a mentor may, for any dossier of the school (spec §6).
  { action: 'returnToDeelA', actors: ['student', 'mentor', 'decaan'], from: ['bijMentor'], to: 'concept', guards: [] },
  { action: 'startDeelB', actors: ['mentor', 'decaan'], from: ['bijMentor'], to: 'deelB', guards: [onlyTypes('vo-mbo')] },
  {
    action: 'sendToStudent',
    actors: ['mentor', 'decaan'],
    from: ['deelB'],
    to: 'akkoord',
    guards: [onlyTypes('vo-mbo'), deelBComplete],
    effect: (draft, { now }) => {
      draft.deelBSentAt = now.toISOString();
    },
  },
  {
    action: 'backToDeelA',
    actors: ['student'],
    from: ['akkoord'],
    to: 'concept',
    guards: [],
    // Deel B stays, but the mentor confirms it again; consent was given to the old content.
    effect: (draft) => {
      const advies = draft.answers['advies'];
      if (advies && 'mentorAkkoord' in advies) {
        const { mentorAkkoord: _cleared, ...rest } = advies;
        draft.answers['advies'] = rest;
      }
      delete draft.answers['akkoordverklaring'];
      delete draft.answers['ouderToestemming'];
      draft.inzage = [];
    },
  },
  {
    action: 'recordInzage',
    actors: ['student', 'guardian'],
    from: ['akkoord'],
    guards: [],
    // The first moment a person read the dossier is what counts; later reads add nothing.
    effect: (draft, { actor, now }) => {
      const role = actor.role as Inzage['role'];
      if (draft.inzage.some((i) => i.role === role && i.person.id === actor.person.id)) return;
      draft.inzage.push({ role, person: { id: actor.person.id, naam: actor.person.naam }, at: now.toISOString() });
    },
  },
  {
    action: 'finalize',
    actors: ['student'],
    from: ['akkoord'],
    to: 'afgerond',
    guards: [studentHasSeen, studentConsented, guardianHasSeen, guardianConsented],
    effect: (draft, { now }) => {
      draft.finalizedAt = now.toISOString();
    },
  },
  // Archiving is the school's call (seed 002: archived dossiers leave lists and reports); the student brings it back.
  {
    action: 'archive',
    actors: ['mentor', 'decaan'],
    from: openStatuses,
    guards: [],
    effect: (draft) => {
      draft.archived = true;
    },
  },
  {
    action: 'reactivate',
    actors: ['student'],
    from: openStatuses,
    guards: [],
    onlyWhenArchived: true,
    effect: (draft) => {
      draft.archived = false;
    },
  },
  // The decaan moves a dossier to another mentor of the school (a mentor leaves, a klas changes hands).
  {
    action: 'changeMentor',
    actors: ['decaan'],
    from: openStatuses,
    guards: [onlyTypes('vo-mbo'), hasMentor, newMentorChosen],
    effect: (draft, input) => {
      const mentor = newMentor(input);
      if (mentor && typeof mentor === 'object') draft.mentor = mentor;
    },
  },
];

const transitionOf = new Map(transitions.map((t) => [t.action, t]));

/**
 * The actor's dossier in their role, and (for a guardian) one whose consent needs them: a
 * guardian of a student at or over the consent age has nothing to do with it.
 */
function mayReach(actor: Actor, dossier: Dossier, context: WorkflowContext): boolean {
  if (!ownsDossier(actor, dossier)) return false;
  const view = canView(actor, dossier, context);
  return view.allowed || view.refusal.code !== 'notYours';
}

/** Role → ownership → final → archived → state → type → data: the first rule that fails. */
function refusalFor(action: DossierAction, input: GuardInput): RefusalCode | undefined {
  const { actor, dossier } = input;
  const transition = transitionOf.get(action);
  if (!transition) return 'wrongState';
  if (!transition.actors.includes(actor.role)) return 'wrongRole';
  if (!mayReach(actor, dossier, input.context)) return 'notYours';
  if (dossier.status === 'afgerond') return 'final';
  if (dossier.archived && !transition.onlyWhenArchived) return 'archived';
  if (!dossier.archived && transition.onlyWhenArchived) return 'notArchived';
  if (!transition.from.includes(dossier.status)) return 'wrongState';
  for (const guard of transition.guards) {
    const code = guard(input);
    if (code) return code;
  }
  return undefined;
}

export function can(actor: Actor, action: DossierAction, dossier: Dossier, context: WorkflowContext, request?: ActionRequest): Decision {
  const code = refusalFor(action, { actor, dossier, context, ...(request ? { request } : {}) });
  return code ? refuse(code) : allow;
}

/**
 * Performs the action on a copy: the input is never changed. Throws `WorkflowRefusedError`
 * when not allowed. The history entry is for the caller to store with the dossier.
 */
export function apply(actor: Actor, action: DossierAction, dossier: Dossier, context: WorkflowContext, request?: ActionRequest, now: Date = new Date()): { dossier: Dossier; entry: HistoryEntry } {
  const input: GuardInput = { actor, dossier, context, ...(request ? { request } : {}) };
  const code = refusalFor(action, input);
  if (code) throw new WorkflowRefusedError(refusal(code));
  const transition = transitionOf.get(action)!;
  // A deep copy as JSON data (consent.ts): structuredClone of the dossier was 1.4 % of the reference server's CPU per action.
  const next = copyOf(dossier);
  transition.effect?.(next, { ...input, now });
  const from = dossier.status;
  const to = transition.to ?? from;
  const at = now.toISOString();
  next.status = to;
  next.version = dossier.version + 1;
  next.updatedAt = at;
  if (to !== from) next.statusSince = at;
  const entry: HistoryEntry = {
    at,
    actor: { id: actor.person.id, role: actor.role, naam: actor.person.naam },
    kind: 'action',
    action,
    from,
    to,
    version: next.version,
  };
  return { dossier: next, entry };
}

/** The actions this actor can take now; actions that ask for input (a mentor) count as available. */
export function availableActions(actor: Actor, dossier: Dossier, context: WorkflowContext): DossierAction[] {
  return transitions.filter((t) => refusalFor(t.action, { actor, dossier, context, requestFollows: true }) === undefined).map((t) => t.action);
}

// --- editing sections -----------------------------------------------------------------------

/** The statuses in which a dossier shows the student's current B1; from akkoord on it keeps the B1 it was sent with. */
export const followsCurrentBegeleiding: ReadonlyArray<DossierStatus> = ['concept', 'bijMentor', 'deelB'];

const sameKlas = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the school's registration says about a mentor and a student, for B1. */
export interface BegeleidingAccess {
  /** The klassen the acting mentor mentors. */
  klassen?: ReadonlyArray<string>;
  /** The acting mentor is the assigned mentor of one of the student's dossiers. */
  assigned?: boolean;
}

/**
 * B1 belongs to the student, not to one dossier: the mentors of the student's klas fill it, the
 * mentor a dossier of theirs was sent to, and the school's decaan. Other mentors of the school do not.
 */
export function canEditBegeleiding(actor: Actor, student: { id: string; schoolId: string | null; klas?: string }, access: BegeleidingAccess = {}): Decision {
  if (actor.role !== 'mentor' && actor.role !== 'decaan') return refuse('wrongRole');
  if (!actor.school || student.schoolId === null || actor.school.id !== student.schoolId) return refuse('notYours');
  // The decaan keeps B1 of every student of the school (spec §6).
  if (actor.role === 'decaan') return allow;
  const klas = student.klas;
  const ofKlas = klas !== undefined && (access.klassen ?? []).some((k) => sameKlas(k, klas));
  return ofKlas || access.assigned ? allow : refuse('notYours');
}

interface EditRule {
  sections: (section: SectionDefinition) => boolean;
  actors: Role[];
  from: ReadonlyArray<DossierStatus>;
  /** Who counts as the owner for this section; by default the dossier's owner in their role. */
  owns?: (actor: Actor, dossier: Dossier, context: WorkflowContext) => Decision;
  /** A data condition checked last, like a transition's guards. */
  guard?: (dossier: Dossier, context: WorkflowContext) => RefusalCode | undefined;
}

const editRules: ReadonlyArray<EditRule> = [
  { sections: (s) => s.part === 'A', actors: ['student'], from: ['concept'] },
  { sections: (s) => s.id === 'akkoordverklaring', actors: ['student'], from: ['akkoord'] },
  // A guardian consents to the student's own declaration and sharing choices, so those come first.
  {
    sections: (s) => s.id === 'ouderToestemming',
    actors: ['guardian'],
    from: ['akkoord'],
    guard: (dossier, context) => (consentRecord(dossier, context.config).toestemming ? undefined : 'studentConsentFirst'),
  },
  { sections: (s) => s.id === 'advies', actors: ['mentor', 'decaan'], from: ['deelB'] },
  {
    sections: (s) => s.id === 'begeleiding',
    actors: ['mentor', 'decaan'],
    from: followsCurrentBegeleiding,
    owns: (actor, dossier, context) => canEditBegeleiding(actor, dossier.student, { ...(context.actorKlassen ? { klassen: context.actorKlassen } : {}), assigned: isAssignedMentor(actor, dossier) }),
  },
];

/** Whether the actor may save answers of this section now (same order of checks as the actions). */
export function canEdit(actor: Actor, dossier: Dossier, sectionId: string, context: WorkflowContext): Decision {
  const section = buildSections(context.config, dossier.type).find((s) => s.id === sectionId);
  if (!section) return refuse('wrongType');
  const rule = editRules.find((r) => r.sections(section));
  if (!rule || !rule.actors.includes(actor.role)) return refuse('wrongRole');
  const owned = rule.owns ? rule.owns(actor, dossier, context) : mayReach(actor, dossier, context) ? allow : refuse('notYours');
  if (!owned.allowed) return owned;
  if (dossier.status === 'afgerond') return refuse('final');
  if (dossier.archived) return refuse('archived');
  if (!rule.from.includes(dossier.status)) return refuse('wrongState');
  const code = rule.guard?.(dossier, context);
  return code ? refuse(code) : allow;
}
