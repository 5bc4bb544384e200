/**
 * The consent view's decisions without any DOM: which screen a person gets, what is always or
 * never shared, the sharing defaults, and whether an action is offered. Every rule comes from
 * the SDK (`can`, `sharingClassOf`, `guardianConsentNeeded`), so the element never offers what
 * the backend would refuse.
 */
import {
  buildSections,
  can,
  localize,
  sharingClassOf,
  type Actor,
  type Decision,
  type Dossier,
  type DossierAction,
  type Localized,
  type MultiChoiceQuestion,
  type RegionConfig,
  type SectionAnswers,
  type SectionDefinition,
  type SharingClass,
  type WorkflowContext,
} from '@doorstroom/sdk';
import { intlLocale } from '../shared/i18n.js';

export type ConsentView =
  /** The student gives agreement, chooses what is shared and finalizes. */
  | 'student'
  /** The guardian reads and gives their own consent. */
  | 'guardian'
  /** Afgerond: read-only and printable (student, guardian, MBO). */
  | 'final'
  /** The student's dossier is not at the consent step (concept, with the mentor). */
  | 'notYet'
  | 'archived'
  | 'mboNotFinal'
  | 'wrongRole';

export function viewFor(me: Actor, dossier: Dossier): ConsentView {
  if (me.role === 'mentor') return 'wrongRole';
  if (dossier.status === 'afgerond') return 'final';
  if (me.role === 'mbo') return 'mboNotFinal';
  if (dossier.archived) return 'archived';
  if (dossier.status !== 'akkoord') return 'notYet';
  return me.role === 'student' ? 'student' : 'guardian';
}

/** The `delen` question as the region built it: one option per optioneel/optIn section. */
export function delenQuestion(sections: ReadonlyArray<SectionDefinition>): MultiChoiceQuestion | undefined {
  const question = sections.find((s) => s.id === 'akkoordverklaring')?.questions.find((q) => q.id === 'delen');
  return question?.kind === 'multiChoice' ? question : undefined;
}

/** What the student sees ticked before choosing: optioneel sections on, optIn sections off. */
export function defaultDelen(config: RegionConfig, dossierType: Dossier['type']): string[] {
  const sections = buildSections(config, dossierType);
  const offered = delenQuestion(sections)?.options.map((o) => String(o.value)) ?? [];
  return sections.filter((s) => offered.includes(s.id) && sharingClassOf(config, s) === 'optioneel').map((s) => s.id);
}

/**
 * The draft the student starts from: what was saved, with the sharing defaults written in when
 * they never chose, so what they see ticked is what gets saved. `changed` says defaults were added.
 */
export function initialDraft(saved: SectionAnswers | undefined, config: RegionConfig, dossierType: Dossier['type']): { draft: SectionAnswers; changed: boolean } {
  const draft = { ...(saved ?? {}) };
  if (Array.isArray(draft['delen'])) return { draft, changed: false };
  return { draft: { ...draft, delen: defaultDelen(config, dossierType) }, changed: true };
}

/** One line of the "always / never shared" explanation: a whole section, or some of its questions. */
export interface SharingLine {
  section: Localized;
  /** Only these questions of the section; absent = the whole section. */
  questions?: Localized[];
}

/** Deel A and B parts that always go to the MBO (`verplicht`) and that never leave the school (`verboden`). */
export function sharingOverview(config: RegionConfig, dossierType: Dossier['type']): { always: SharingLine[]; never: SharingLine[] } {
  const always: SharingLine[] = [];
  const never: SharingLine[] = [];
  const lines: Partial<Record<SharingClass, SharingLine[]>> = { verplicht: always, verboden: never };
  for (const section of buildSections(config, dossierType)) {
    if (section.part === 'consent') continue;
    const own = sharingClassOf(config, section);
    const whole = lines[own];
    if (whole) {
      whole.push({ section: section.title });
      continue;
    }
    for (const cls of ['verplicht', 'verboden'] as const) {
      const questions = section.questions.filter((q) => sharingClassOf(config, section, q) === cls).map((q) => q.label);
      if (questions.length > 0) lines[cls]!.push({ section: section.title, questions });
    }
  }
  return { always, never };
}

export function sharingLineText(line: SharingLine, lang: string): string {
  const title = localize(line.section, lang);
  if (!line.questions) return title;
  return `${title}: ${line.questions.map((q) => localize(q, lang).toLocaleLowerCase(lang)).join(', ')}`;
}

/**
 * Whether to show the button for an action: allowed, or refused only because data is still
 * missing (422), so pressing it explains what to do. Role, ownership and state refusals hide it.
 */
export function offers(decision: Decision): boolean {
  return decision.allowed || decision.refusal.status === 422;
}

export function decide(me: Actor, action: DossierAction, dossier: Dossier, context: WorkflowContext): Decision {
  return can(me, action, dossier, context);
}

/** Whether this person still has to be recorded as having read the dossier. */
export function needsInzage(me: Actor, dossier: Dossier, context: WorkflowContext): boolean {
  if (me.role !== 'student' && me.role !== 'guardian') return false;
  const seen = dossier.inzage.some((i) => i.role === me.role && i.person.id === me.person.id);
  return !seen && can(me, 'recordInzage', dossier, context).allowed;
}

/** The dossier as it would be with the student's unsaved answers, for checking `finalize` beforehand. */
export function withDraft(dossier: Dossier, sectionId: string, draft: SectionAnswers): Dossier {
  return { ...dossier, answers: { ...dossier.answers, [sectionId]: draft } };
}

/** A date (YYYY-MM-DD or an ISO timestamp) as people write it: "23 november 2026". */
export function formatDay(value: string | undefined, lang: string): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}
