import type { RegionConfig } from './config.js';
import type { Dossier } from './contract.js';
import type { AnswerValue, Condition, Question, SectionAnswers } from './sections/types.js';

/** What a condition may look at beyond the answers of its own scope. */
export interface ConditionContext {
  dossierType: Dossier['type'];
  /** Whether the student is younger than `guardianConsentBelowAge` on the day in question. */
  guardianConsentNeeded: boolean;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD as a calendar date; undefined when it is not a real date. */
export function parseIsoDate(value: unknown): { year: number; month: number; day: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = isoDate.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** Whole years between a birth date (YYYY-MM-DD) and the calendar day of `on` (local time). */
export function ageOn(birthDate: string, on: Date): number {
  const born = parseIsoDate(birthDate);
  if (!born) return Number.NaN;
  const [year, month, day] = [on.getFullYear(), on.getMonth() + 1, on.getDate()];
  let age = year - born.year;
  if (month < born.month || (month === born.month && day < born.day)) age -= 1;
  return age;
}

/**
 * The birth date that decides the consent age: the one the school registered; the one typed in
 * A1 only when the backend holds none (e.g. werk-mbo).
 */
export function decisiveBirthDate(dossier: Pick<Dossier, 'answers'> & { student?: Pick<Dossier['student'], 'geboortedatum'> }): unknown {
  return dossier.student?.geboortedatum ?? dossier.answers['persoonlijk']?.['geboortedatum'];
}

/**
 * True when the student is younger than the region's consent age on `today`, by
 * `decisiveBirthDate`. Without a valid birth date we cannot tell, so consent from a guardian is
 * asked (the safe side).
 */
export function guardianConsentNeeded(dossier: Pick<Dossier, 'answers'> & { student?: Pick<Dossier['student'], 'geboortedatum'> }, config: RegionConfig, today: Date): boolean {
  const birthDate = decisiveBirthDate(dossier);
  if (typeof birthDate !== 'string') return true;
  const age = ageOn(birthDate, today);
  return Number.isNaN(age) || age < config.guardianConsentBelowAge;
}

/**
 * The A1 questions whose answers come from the school's registration: read-only for the student
 * (the backend refuses a change with `registeredValue`). Empty when the backend holds none.
 */
export function registeredQuestionIds(dossier: { student?: Pick<Dossier['student'], 'geboortedatum' | 'nummerSoort'> }): string[] {
  const ids: string[] = [];
  if (dossier.student?.nummerSoort) ids.push('nummerSoort', 'bsn', 'onderwijsnummer');
  if (dossier.student?.geboortedatum) ids.push('geboortedatum');
  return ids;
}

export function conditionContext(dossier: Pick<Dossier, 'answers' | 'type'> & { student?: Pick<Dossier['student'], 'geboortedatum'> }, config: RegionConfig, today: Date): ConditionContext {
  return { dossierType: dossier.type, guardianConsentNeeded: guardianConsentNeeded(dossier, config, today) };
}

/** An answer counts as given when it is not empty; validity is the validators' business. */
export function hasValue(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function conditionHolds(condition: Condition | undefined, scope: SectionAnswers, context: ConditionContext): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, scope, context));
  if ('guardianConsentNeeded' in condition) return context.guardianConsentNeeded;
  if ('dossierType' in condition) return condition.dossierType.includes(context.dossierType);
  const value = scope[condition.question];
  if ('answered' in condition) return hasValue(value);
  if ('equals' in condition) return value === condition.equals;
  if ('notEquals' in condition) return value !== condition.notEquals;
  return condition.oneOf.some((option) => option === value);
}

/** Whether the question applies (is shown) now. */
export function applies(question: Question, scope: SectionAnswers, context: ConditionContext): boolean {
  return conditionHolds(question.when, scope, context);
}

/** Whether the question counts as required now: it applies, and it is required or its `requiredWhen` holds. */
export function isRequired(question: Question, scope: SectionAnswers, context: ConditionContext): boolean {
  if (!applies(question, scope, context)) return false;
  return question.required || (question.requiredWhen !== undefined && conditionHolds(question.requiredWhen, scope, context));
}
