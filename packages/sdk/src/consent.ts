/**
 * Whose dossier it is, who may read what of it (spec §6), and the consent record (spec §5).
 * The workflow, the elements and every backend call these, so a reader never sees more in the
 * UI than the backend would send, and the MBO sees only what the student agreed to share.
 */
import { applies, conditionContext, guardianConsentNeeded } from './conditions.js';
import { seesIntake } from './intake.js';
import { buildSections, sharingClassOf, type RegionConfig } from './config.js';
import type { Actor, Dossier, HistoryEntry, Inzage } from './contract.js';
import { allow, refuse, type Decision } from './refusals.js';
import type { SectionAnswers, SectionDefinition, SharingClass } from './sections/types.js';
import type { WorkflowContext } from './workflow.js';
import { chosenInstelling } from './choice.js';

// Where A7 points (the BRIN of the chosen instelling) is read in choice.ts, beside how A7 is written.
export { chosenInstelling };

export function isAssignedMentor(actor: Actor, dossier: Pick<Dossier, 'mentor'>): boolean {
  const mentor = dossier.mentor;
  if (actor.role !== 'mentor' || !mentor) return false;
  if (mentor.id) return mentor.id === actor.person.id;
  // A mentor typed in by the student (no roster) has no id: recognise them by their e-mail.
  const email = actor.person.email?.trim().toLowerCase();
  return !!email && email === mentor.email.trim().toLowerCase();
}

/**
 * Whether the dossier is the actor's in their role: the student's own, a guardian's child's,
 * the assigned mentor's, or (only once afgerond) one sent to this MBO.
 */
export function ownsDossier(actor: Actor, dossier: Pick<Dossier, 'student' | 'mentor' | 'status' | 'answers'>): boolean {
  switch (actor.role) {
    case 'student':
      return dossier.student.id === actor.person.id;
    case 'guardian':
      return actor.studentIds?.includes(dossier.student.id) ?? false;
    case 'mentor':
      return isAssignedMentor(actor, dossier);
    case 'decaan':
      return !!actor.school && dossier.student.schoolId === actor.school.id;
    case 'mbo': {
      const brin = actor.instelling?.brin;
      return dossier.status === 'afgerond' && !!brin && chosenInstelling(dossier) === brin;
    }
  }
}

/**
 * Whether the actor may open the dossier at all; `visibleTo` decides which parts. A guardian
 * reads only the dossier of a student younger than the consent age on that day (by the
 * registered birth date): in akkoord, the dossier that asks their consent; once afgerond, the
 * result they read and consented to.
 */
export function canView(actor: Actor, dossier: Dossier, context: Pick<WorkflowContext, 'config' | 'today'>): Decision {
  if (!ownsDossier(actor, dossier)) return refuse('notYours');
  if (actor.role !== 'guardian') return allow;
  if (dossier.status === 'akkoord') return guardianConsentNeeded(dossier, context.config, context.today) ? allow : refuse('notYours');
  if (dossier.status === 'afgerond') return guardianTookPart(actor, dossier, context.config) ? allow : refuse('notYours');
  return refuse('wrongState');
}

/** The guardian read this dossier (inzage) and a guardian's consent is part of its record. */
function guardianTookPart(actor: Actor, dossier: Dossier, config: RegionConfig): boolean {
  const read = dossier.inzage.some((i) => i.role === 'guardian' && i.person.id === actor.person.id);
  return read && consentRecord(dossier, config).guardian?.toestemming === true;
}

export interface ConsentRecord {
  inzage: { student?: Inzage; guardian?: Inzage };
  akkoord?: 'ja' | 'nee';
  redenNietAkkoord?: string;
  toestemming: boolean;
  /** Per section the student may choose to share: whether it is shared. */
  sharing: Record<string, boolean>;
  guardian?: { naam: string; relatie: string; datum?: string; toestemming: boolean };
}

interface SharingChoices {
  /** Sections the student was offered in `delen`. */
  offered: ReadonlyArray<SectionDefinition>;
  /** What the student ticked; undefined when they never answered (then nothing optional is shared). */
  chosen?: ReadonlyArray<string>;
}

function sharingChoices(dossier: Pick<Dossier, 'type' | 'answers'>, config: RegionConfig): SharingChoices {
  const sections = buildSections(config, dossier.type);
  const delenQuestion = sections.find((s) => s.id === 'akkoordverklaring')?.questions.find((q) => q.id === 'delen');
  const offeredIds = delenQuestion && delenQuestion.kind === 'multiChoice' ? delenQuestion.options.map((o) => String(o.value)) : [];
  const offered = sections.filter((s) => offeredIds.includes(s.id));
  const delen = dossier.answers['akkoordverklaring']?.['delen'];
  if (!Array.isArray(delen)) return { offered };
  return { offered, chosen: delen.filter((value): value is string => typeof value === 'string') };
}

/** Whether something of this class leaves the school; `choice` is the student's explicit choice, if any. */
function isShared(sharing: SharingClass, choice: boolean | undefined): boolean {
  switch (sharing) {
    case 'verplicht':
      return true;
    case 'verboden':
      return false;
    // No box starts ticked: without the student's tick nothing optional leaves the school.
    case 'optioneel':
    case 'optIn':
      return choice ?? false;
  }
}

function explicitChoice(choices: SharingChoices, sectionId: string): boolean | undefined {
  if (!choices.chosen || !choices.offered.some((s) => s.id === sectionId)) return undefined;
  return choices.chosen.includes(sectionId);
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The consent facts kept apart as in OSO `inzageType`: inzage, akkoord, toestemming, sharing, guardian. */
export function consentRecord(dossier: Dossier, config: RegionConfig): ConsentRecord {
  const answers = dossier.answers['akkoordverklaring'] ?? {};
  const akkoord = answers['akkoord'] === 'ja' || answers['akkoord'] === 'nee' ? answers['akkoord'] : undefined;
  const reden = akkoord === 'nee' ? nonEmpty(answers['redenNietAkkoord']) : undefined;
  const choices = sharingChoices(dossier, config);
  const sharing: Record<string, boolean> = {};
  for (const section of choices.offered) sharing[section.id] = isShared(sharingClassOf(config, section), explicitChoice(choices, section.id));

  const student = dossier.inzage.find((i) => i.role === 'student' && i.person.id === dossier.student.id);
  const guardianInzage = dossier.inzage.find((i) => i.role === 'guardian');
  const record: ConsentRecord = {
    inzage: { ...(student ? { student } : {}), ...(guardianInzage ? { guardian: guardianInzage } : {}) },
    ...(akkoord ? { akkoord } : {}),
    ...(reden !== undefined ? { redenNietAkkoord: reden } : {}),
    toestemming: answers['toestemming'] === true,
    sharing,
  };
  const ouder = dossier.answers['ouderToestemming'];
  if (ouder && Object.values(ouder).some((value) => value !== undefined && value !== null && value !== '')) {
    const datum = nonEmpty(ouder['datum']);
    record.guardian = {
      naam: nonEmpty(ouder['naam']) ?? '',
      relatie: nonEmpty(ouder['relatie']) ?? '',
      ...(datum ? { datum } : {}),
      toestemming: ouder['toestemming'] === true,
    };
  }
  return record;
}

/**
 * The answers an MBO may read: per section and per question, by sharing class and the student's
 * choices, and only of questions that apply (a draft keeps answers the student moved away from,
 * such as an onderwijsnummer beside a registered BSN; those never leave the school).
 */
function sharedAnswers(dossier: Dossier, config: RegionConfig, today: Date): Record<string, SectionAnswers> {
  const choices = sharingChoices(dossier, config);
  const context = conditionContext(dossier, config, today);
  const result: Record<string, SectionAnswers> = {};
  for (const section of buildSections(config, dossier.type)) {
    const answers = dossier.answers[section.id];
    if (!answers) continue;
    const choice = explicitChoice(choices, section.id);
    const kept: Record<string, SectionAnswers[string]> = {};
    // A question's own class (the legal A1 fields are verplicht) wins over the section's.
    for (const question of section.questions) {
      if (question.id in answers && applies(question, answers, context) && isShared(sharingClassOf(config, section, question), choice)) kept[question.id] = answers[question.id];
    }
    if (Object.keys(kept).length > 0) result[section.id] = kept;
  }
  return result;
}

/**
 * Read-only: the answers the MBO would read under the student's sharing choices as they are now
 * (what a parent consents to, what the student's confirmation shows). The same filter as the
 * MBO's own view of an afgerond dossier.
 */
export function answersForMbo(dossier: Dossier, config: RegionConfig, today: Date): Record<string, SectionAnswers> {
  return sharedAnswers(dossier, config, today);
}

const deelBIds = (config: RegionConfig) =>
  buildSections(config)
    .filter((s) => s.part === 'B')
    .map((s) => s.id);

function pick(answers: Dossier['answers'], keep: (sectionId: string) => boolean): Dossier['answers'] {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => keep(id)));
}

/**
 * A deep copy of JSON data (a dossier): plain objects and arrays copied member by member, anything
 * else (a Date, a Map) by `structuredClone`. A dossier's copy this way cost a save a fraction of
 * what `structuredClone` did (issue 14, item 7: it was 7 % of the reference server's CPU).
 * The workflow's `apply` copies the dossier it changes with it too.
 */
export function copyOf<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) items[i] = copyOf(value[i] as unknown);
    return items as T;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = copyOf((value as Record<string, unknown>)[key]);
    // A member named __proto__ (JSON.parse makes it an own member) stays one, as structuredClone keeps it.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true });
    else copy[key] = member;
  }
  return copy as T;
}

/**
 * The dossier as this viewer may see it: a filtered deep copy, or null when they may not see it.
 * Student: deel B only once sent to them. Guardian: everything (akkoord, afgerond).
 * Assigned mentor: everything from bijMentor on; in concept only deel B. MBO: what is shared.
 * Filtered first, then copied: what the viewer may not see is not copied at all.
 */
export function visibleTo(viewer: Actor, dossier: Dossier, context: WorkflowContext): Dossier | null {
  if (!canView(viewer, dossier, context).allowed) return null;
  const view: Dossier = { ...dossier };
  // Placement feedback is for the student, the school's decaan and the MBO (spec §9).
  if (!seesIntake(viewer)) delete view.intake;
  const partB = deelBIds(context.config);
  switch (viewer.role) {
    case 'student':
      if (dossier.deelBSentAt === null) view.answers = pick(dossier.answers, (id) => !partB.includes(id));
      break;
    case 'mentor':
    case 'decaan':
      if (dossier.status === 'concept') view.answers = pick(dossier.answers, (id) => partB.includes(id));
      break;
    case 'mbo':
      view.answers = sharedAnswers(dossier, context.config, context.today);
      break;
    case 'guardian':
      break;
  }
  return copyOf(view);
}

/**
 * The history as this viewer may read it. The school's people and the student read it all; the
 * MBO reads only the milestones (when the dossier changed step), without names and without the
 * saves of sections it may not see.
 */
export function historyVisibleTo(viewer: Actor, entries: ReadonlyArray<HistoryEntry>): HistoryEntry[] {
  if (viewer.role !== 'mbo') return entries.map((entry) => ({ ...entry }));
  const milestone = (entry: HistoryEntry) => entry.kind === 'action' && entry.from !== undefined && entry.to !== undefined && entry.from !== entry.to;
  // Its own intake steps too, without names.
  return entries
    .filter((entry) => milestone(entry) || entry.kind === 'intake')
    .map(({ at, kind, action, from, to, intakeStatus, version }) => ({
      at,
      kind,
      ...(action ? { action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(intakeStatus ? { intakeStatus } : {}),
      version,
    }));
}
