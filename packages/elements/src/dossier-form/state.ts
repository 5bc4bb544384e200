/**
 * The form's state logic without rendering: which sections deel A has for this dossier, the
 * draft per section, the task list, and the rules of the A7 choice (instelling → locatie,
 * opleiding). Pure functions, so they are easy to test and reuse.
 */
import {
  buildSections,
  canEdit,
  codelists,
  completion,
  conditionContext,
  hasValue,
  localize,
  type Actor,
  type ConditionContext,
  type Dossier,
  type DossierCompletion,
  type Location,
  type ReferenceAnswer,
  type RegionConfig,
  type SectionAnswers,
  type SectionDefinition,
  type SectionStatus,
} from '@doorstroom/sdk';
import { intlLocale } from '../shared/i18n.js';
import { rebaseAnswers } from '../shared/pending-answers.js';
// Not re-exported by the SDK's index; a pure helper, safe to import by path.
import { optionsFrom } from '@doorstroom/sdk';

export type Drafts = Readonly<Record<string, SectionAnswers>>;

/** Where the person is inside an opened dossier. */
export type Step = { kind: 'section'; sectionId: string } | { kind: 'check' };

/** How the form arrives at a step: "Wijzig" returns to the check page; focus a field or an element instead of the heading. */
export interface GoToOptions {
  returnToCheck?: boolean;
  focusPath?: string;
  focusSelector?: string;
}

/**
 * Task list status: the SDK's completion status, 'cannotYet' when editing is refused, or
 * 'optional' for an optional section (A6, A8) the student left empty: it never blocks sending.
 */
export type TaskStatus = SectionStatus | 'cannotYet' | 'optional';

export interface TaskItem {
  section: SectionDefinition;
  status: TaskStatus;
  percent: number;
}

/** The deel A sections of this dossier type under the region's config, in order. */
export function deelASections(config: RegionConfig, type: Dossier['type']): ReadonlyArray<SectionDefinition> {
  return buildSections(config, type).filter((section) => section.part === 'A');
}

/** A working copy of the answers of every section the dossier holds. */
export function draftsOf(dossier: Dossier): Drafts {
  return structuredClone(dossier.answers);
}

/**
 * The drafts after the dossier changed elsewhere (a conflict, another tab): the backend's
 * answers, with the answers the person changed and did not save yet put back on top.
 */
export function rebaseDrafts(fresh: Dossier, drafts: Drafts, pending: (sectionId: string) => ReadonlySet<string>): Drafts {
  const next: Record<string, SectionAnswers> = structuredClone(fresh.answers);
  for (const [sectionId, draft] of Object.entries(drafts)) {
    const keys = pending(sectionId);
    if (keys.size > 0) next[sectionId] = rebaseAnswers(fresh.answers[sectionId], draft, keys);
  }
  return next;
}

/** The question id a change at `path` belongs to: 'ervaring.0.plaats' → 'ervaring'. */
export const topLevelKey = (path: string): string => path.split('.', 1)[0] ?? path;

export interface DraftView {
  dossier: Dossier;
  /** The dossier with the drafts as its answers: what completion and conditions look at. */
  working: Pick<Dossier, 'type' | 'answers'>;
  context: ConditionContext;
  completion: DossierCompletion;
}

export function draftView(dossier: Dossier, drafts: Drafts, config: RegionConfig, today: Date): DraftView {
  const working = { type: dossier.type, answers: drafts as Record<string, SectionAnswers> };
  return {
    dossier,
    working,
    context: conditionContext(working, config, today),
    completion: completion(working, config, { today }),
  };
}

/** One entry per deel A section: status and percentage, or 'cannotYet' when the person may not edit it now. */
export function taskItems(view: DraftView, sections: ReadonlyArray<SectionDefinition>, me: Actor, config: RegionConfig, today: Date): TaskItem[] {
  return sections.map((section) => {
    const done = view.completion.sections[section.id];
    const editable = canEdit(me, view.dossier, section.id, { config, today }).allowed;
    const answers = view.working.answers[section.id] ?? {};
    const empty = !Object.values(answers).some((value) => hasValue(value));
    let status: TaskStatus = editable ? (done?.status ?? 'notStarted') : 'cannotYet';
    if (editable && section.optional && empty) status = 'optional';
    return { section, status, percent: done?.percent ?? 0 };
  });
}

// --- A7: instelling → locatie, opleiding ----------------------------------------------------

export const choiceKeys = ['instelling', 'locatie', 'opleiding', 'bevestigd'] as const;

export function locationAnswer(location: Location): ReferenceAnswer {
  return { id: location.code, label: location.naam, detail: { plaats: location.plaats } };
}

/** The BRIN of the chosen instelling, when there is one. */
export function chosenBrin(answers: SectionAnswers): string | undefined {
  const instelling = answers['instelling'] as ReferenceAnswer | null | undefined;
  if (!instelling) return undefined;
  const brin = instelling.detail?.['brin'];
  return typeof brin === 'string' ? brin : instelling.id;
}

/**
 * The A7 answers after the person changed `key`: another instelling clears locatie and
 * opleiding (they belong to the old one), another opleiding clears the locatie (it is chosen
 * among those that give it), and any change to the choice asks for a new check.
 * Returns the answers and every key that changed.
 */
export function applyChoiceChange(answers: SectionAnswers, key: string, value: unknown): { answers: SectionAnswers; changed: string[] } {
  const next: Record<string, unknown> = { ...answers, [key]: value };
  const changed = [key];
  const clear = (name: string) => {
    if (next[name] === undefined || next[name] === null) return;
    next[name] = null;
    changed.push(name);
  };
  if (key === 'instelling') {
    const before = (answers['instelling'] as ReferenceAnswer | null | undefined)?.id;
    const after = (value as ReferenceAnswer | null | undefined)?.id;
    if (before !== after) {
      clear('locatie');
      clear('opleiding');
    }
  }
  // The locatie is chosen among those that give the opleiding: another opleiding, another choice.
  if (key === 'opleiding') {
    const before = (answers['opleiding'] as ReferenceAnswer | null | undefined)?.id;
    const after = (value as ReferenceAnswer | null | undefined)?.id;
    if (before !== after) clear('locatie');
  }
  if (key !== 'bevestigd' && (choiceKeys as ReadonlyArray<string>).includes(key) && next['bevestigd'] === true) {
    next['bevestigd'] = false;
    changed.push('bevestigd');
  }
  return { answers: next as SectionAnswers, changed };
}

/** "1 april" in the person's language; the registration deadline from the region's config. */
export function deadlineDate(config: RegionConfig, lang: string): string {
  const { month, day } = config.registrationDeadline;
  return new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, day)));
}

/**
 * The deadline sentence with the region's date. The elements' own sentence (checked for plain
 * Dutch, translated into every language) is used for 1 April too, not the code list's.
 */
export function deadlineText(config: RegionConfig, lang: string, template: (date: string) => string): string {
  return template(deadlineDate(config, lang));
}

/** The three dossier types with their plain-language explanation from the code list. */
export function dossierTypeInfo(lang: string): { value: Dossier['type']; label: string; explanation: string }[] {
  return optionsFrom(codelists.dossierType).map((option) => ({
    value: option.value as Dossier['type'],
    label: localize(option.label, lang),
    explanation: localize(option.hint, lang),
  }));
}
