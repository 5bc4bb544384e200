/**
 * The consent view's decisions without any DOM: which screen a person gets, what is always or
 * never shared, the sharing defaults, and whether an action is offered. Every rule comes from
 * the SDK (`can`, `sharingClassOf`, `guardianConsentNeeded`), so the element never offers what
 * the backend would refuse.
 */
import {
  applies,
  buildSections,
  can,
  localize,
  sharingClassOf,
  type Actor,
  type ConditionContext,
  type Decision,
  type Dossier,
  type DossierAction,
  type Localized,
  type MultiChoiceQuestion,
  type ReferenceAnswer,
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

/**
 * The draft the student starts from: what was saved, nothing added. No share box starts ticked:
 * a pre-ticked box is no consent under the AVG (spec §6), so `delen` stays unanswered until the
 * student ticks something or gives their akkoord (which saves their choice, also "nothing").
 */
export function initialDraft(saved: SectionAnswers | undefined): SectionAnswers {
  return { ...(saved ?? {}) };
}

/** The student gave their akkoord and permission, and that was saved: the confirmation shows instead of the form. */
export function agreementSaved(dossier: Dossier): boolean {
  const saved = dossier.answers['akkoordverklaring'];
  return saved?.['toestemming'] === true && (saved['akkoord'] === 'ja' || saved['akkoord'] === 'nee') && Array.isArray(saved['delen']);
}

/** The school and programme chosen in A7, as their labels; undefined when not chosen. */
export function chosenProgramme(dossier: Dossier): { school: string; opleiding?: string } | undefined {
  const keuze = dossier.answers['vervolgkeuze'];
  const label = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) && typeof (value as ReferenceAnswer).label === 'string' ? (value as ReferenceAnswer).label : undefined;
  const school = label(keuze?.['instelling']);
  if (!school) return undefined;
  const opleiding = label(keuze?.['opleiding']);
  return opleiding ? { school, opleiding } : { school };
}

/** A parent or carer as the student listed them in A2. */
export interface ListedParent {
  naam: string;
  relatie: string;
}

const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** The parents or carers of A2 that have a name, in the order the student listed them. */
export function listedParents(dossier: Dossier): ListedParent[] {
  const ouders = dossier.answers['thuis']?.['ouders'];
  if (!Array.isArray(ouders)) return [];
  return (ouders as ReadonlyArray<SectionAnswers>)
    .map((entry) => ({ naam: typeof entry['naam'] === 'string' ? entry['naam'].trim() : '', relatie: typeof entry['relatie'] === 'string' ? entry['relatie'] : '' }))
    .filter((parent) => parent.naam !== '');
}

/** The relation the dossier holds for the person of this name (A2), so they are not asked again. */
export function knownRelation(dossier: Dossier, naam: string | undefined): string | undefined {
  if (!naam) return undefined;
  return listedParents(dossier).find((parent) => sameName(parent.naam, naam) && parent.relatie)?.relatie;
}

/** Who the student's next step waits for: the first parent of A2 with an e-mail address, else the first one. */
export function askedParent(dossier: Dossier): ListedParent | undefined {
  const ouders = dossier.answers['thuis']?.['ouders'];
  const withEmail = Array.isArray(ouders)
    ? (ouders as ReadonlyArray<SectionAnswers>).find((entry) => typeof entry['email'] === 'string' && entry['email'].trim() !== '' && typeof entry['naam'] === 'string' && entry['naam'].trim() !== '')
    : undefined;
  if (withEmail) return { naam: String(withEmail['naam']).trim(), relatie: typeof withEmail['relatie'] === 'string' ? withEmail['relatie'] : '' };
  return listedParents(dossier)[0];
}

/** Sentences about a parent are worded per relation (a father, a mother, anyone else), so every language can use the right forms. */
export type RelationWord = 'vader' | 'moeder' | 'ander' | 'onbekend';

export function relationWord(relatie: string | undefined, naam: string | undefined): RelationWord {
  if (!naam) return 'onbekend';
  return relatie === 'vader' || relatie === 'moeder' ? relatie : 'ander';
}

/** One line of the "always / never shared" explanation: a whole section, or some of its questions. */
export interface SharingLine {
  section: Localized;
  /** What is in the whole section, when it says so. */
  contents?: Localized;
  /** Only these questions of the section; absent = the whole section. */
  questions?: Localized[];
}

/**
 * Deel A and B parts that always go to the MBO (`verplicht`) and that never leave the school
 * (`verboden`). With the dossier's answers, only questions that apply to this student are named
 * (a BSN or an onderwijsnummer, not both), and questions asked as a question ("Welk nummer heb
 * je?") are left out of the list: their answer is what the other lines name.
 */
export function sharingOverview(
  config: RegionConfig,
  dossierType: Dossier['type'],
  scope?: { answers: Dossier['answers']; context: ConditionContext },
): { always: SharingLine[]; never: SharingLine[] } {
  const always: SharingLine[] = [];
  const never: SharingLine[] = [];
  const lines: Partial<Record<SharingClass, SharingLine[]>> = { verplicht: always, verboden: never };
  for (const section of buildSections(config, dossierType)) {
    if (section.part === 'consent') continue;
    const own = sharingClassOf(config, section);
    const whole = lines[own];
    if (whole) {
      whole.push({ section: section.title, ...(section.contents ? { contents: section.contents } : {}) });
      continue;
    }
    const answers = scope?.answers[section.id] ?? {};
    for (const cls of ['verplicht', 'verboden'] as const) {
      const questions = section.questions.filter((q) => sharingClassOf(config, section, q) === cls && !q.label.nl.endsWith('?') && (!scope || applies(q, answers, scope.context))).map((q) => q.label);
      if (questions.length > 0) lines[cls]!.push({ section: section.title, questions });
    }
  }
  return { always, never };
}

/** "burgerservicenummer (BSN)": a label in the middle of a sentence; a word in capitals (BSN, A7) keeps them. */
function midSentence(text: string, lang: string): string {
  const [first, second] = Array.from(text);
  if (!first || !second || second !== second.toLocaleLowerCase(lang)) return text;
  return first.toLocaleLowerCase(lang) + text.slice(first.length);
}

export function sharingLineText(line: SharingLine, lang: string): string {
  const title = localize(line.section, lang);
  if (line.questions) return `${title}: ${line.questions.map((q) => midSentence(localize(q, lang), lang)).join(', ')}`;
  return line.contents ? `${title}: ${midSentence(localize(line.contents, lang), lang).replace(/\.$/, '')}` : title;
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
