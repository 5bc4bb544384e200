/**
 * Completion percentages (spec §3): required questions answered / required questions that apply.
 * A question that does not apply any more does not count, even when it still has an answer.
 * Optional sections (A6, A8) have their own percentage but do not count for their part.
 */
import { buildSections, type RegionConfig } from './config.js';
import { conditionContext, hasValue, isRequired, type ConditionContext } from './conditions.js';
import type { Dossier } from './contract.js';
import type { AnswerValue, Part, Question, RepeatQuestion, SectionAnswers, SectionDefinition } from './sections/types.js';
import { validateAnswer } from './validators.js';

export type SectionStatus = 'notStarted' | 'inProgress' | 'complete';

export interface SectionCompletion {
  sectionId: string;
  part: Part;
  required: number;
  answered: number;
  percent: number;
  status: SectionStatus;
}

export interface PartCompletion {
  required: number;
  answered: number;
  percent: number;
  complete: boolean;
}

export interface DossierCompletion {
  sections: Record<string, SectionCompletion>;
  partA: PartCompletion;
  /** Only `vo-mbo` dossiers have a deel B. */
  partB: PartCompletion | null;
  consent: PartCompletion;
  /** Percent over deel A, plus deel B when the dossier has one. */
  overall: number;
}

const emptyScope: SectionAnswers = Object.freeze({});

/**
 * 0–100, rounded, but never 100 while something is missing: 199 of 200 would round up and
 * tell the student they are done when the submit button still refuses.
 */
export function percentOf(answered: number, required: number): number {
  if (required === 0) return 100;
  if (answered >= required) return 100;
  return Math.min(99, Math.round((100 * answered) / required));
}

const isEntry = (value: unknown): value is SectionAnswers => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An entry of a repeat counts when something is filled in and every sub-question that is
 * required within the entry (conditions look at the entry's own answers) is answered validly.
 */
export function isEntryComplete(repeat: RepeatQuestion, entry: unknown, context: ConditionContext, today: Date): boolean {
  if (!isEntry(entry)) return false;
  let filled = false;
  for (const question of repeat.questions) {
    const value = entry[question.id];
    if (hasValue(value)) filled = true;
    if (isRequired(question, entry, context) && !isAnswered(question, value, context, today)) return false;
  }
  return filled;
}

/** Whether the answer counts as answered: present and valid; a confirm only when ticked; a repeat with `minItems` complete entries. */
export function isAnswered(question: Question, value: AnswerValue | undefined, context: ConditionContext, today: Date): boolean {
  if (question.kind === 'confirm') return value === true;
  if (question.kind === 'repeat') {
    if (validateAnswer(question, value, { today }) !== undefined) return false;
    let complete = 0;
    if (Array.isArray(value)) for (const entry of value) if (isEntryComplete(question, entry, context, today)) complete++;
    return complete >= question.minItems;
  }
  return hasValue(value) && validateAnswer(question, value, { today }) === undefined;
}

function sectionHasValue(answers: SectionAnswers | undefined): boolean {
  if (!answers) return false;
  for (const key in answers) if (hasValue(answers[key])) return true;
  return false;
}

export function sectionCompletion(section: SectionDefinition, answers: SectionAnswers | undefined, context: ConditionContext, today: Date = new Date()): SectionCompletion {
  const scope = answers ?? emptyScope;
  let required = 0;
  let answered = 0;
  for (const question of section.questions) {
    if (!isRequired(question, scope, context)) continue;
    required++;
    if (isAnswered(question, scope[question.id], context, today)) answered++;
  }
  // Nothing to do counts as done: e.g. guardian consent for a student over the consent age.
  const status: SectionStatus = answered === required ? 'complete' : sectionHasValue(answers) ? 'inProgress' : 'notStarted';
  return { sectionId: section.id, part: section.part, required, answered, percent: percentOf(answered, required), status };
}

function sumOf(sections: ReadonlyArray<SectionCompletion>): PartCompletion {
  let required = 0;
  let answered = 0;
  for (const section of sections) {
    required += section.required;
    answered += section.answered;
  }
  return { required, answered, percent: percentOf(answered, required), complete: answered === required };
}

/** Completion of every section of the dossier under this region's config, and per part. */
export function completion(dossier: Pick<Dossier, 'type' | 'answers'>, config: RegionConfig, options: { today?: Date } = {}): DossierCompletion {
  const today = options.today ?? new Date();
  const context = conditionContext(dossier, config, today);
  const sections: Record<string, SectionCompletion> = {};
  const byPart: Record<Part, SectionCompletion[]> = { A: [], B: [], consent: [] };
  for (const section of buildSections(config, dossier.type)) {
    const result = sectionCompletion(section, dossier.answers[section.id], context, today);
    sections[section.id] = result;
    // An optional section never blocks sending (spec §6), also not a region's required extra question in it.
    if (!section.optional) byPart[section.part].push(result);
  }
  const partA = sumOf(byPart.A);
  const partB = dossier.type === 'vo-mbo' ? sumOf(byPart.B) : null;
  const overall = partB ? percentOf(partA.answered + partB.answered, partA.required + partB.required) : partA.percent;
  return { sections, partA, partB, consent: sumOf(byPart.consent), overall };
}
