/**
 * Complete, valid answers for any section under any region config, made from the section
 * definitions the backend's config yields (so extra questions and other competence lists are
 * answered too). A question whose condition does not hold (`when`) is left out, as a person
 * filling the form would. The suite checks the result with the SDK's completion before relying on it.
 */
import type { Condition } from '@doorstroom/sdk';
import type { Question, ReferenceAnswer, SectionDefinition } from '../sdk.js';
import type { DossierType } from './expectations.js';

export interface AnswerContext {
  /** YYYY-MM-DD for birth-date questions (only sent where the backend holds no registered one). */
  birthDate: string;
  /** YYYY-MM-DD for other dates. */
  today: string;
  /** The dossier type (conditions on it, e.g. A3's klas only for vo-mbo and mbo-mbo). */
  type: DossierType;
  /** Whether a guardian must consent (conditions on it, e.g. A2's ouders). */
  guardianNeeded: boolean;
  /** Catalogue choices by source: instelling, locatie, opleiding (A7). */
  references: Partial<Record<'institution' | 'location' | 'programme', ReferenceAnswer>>;
}

const byFormat: Record<string, string> = {
  bsn: '111222333',
  // DUO's rule: 9 digits starting with 10 whose elfproef sum (9·d1 + … + 2·d8 − d9) leaves 5 modulo 11.
  onderwijsnummer: '101222331',
  postcode: '3512 AB',
  phone: '+31 30 123 4567',
  email: 'conformance@voorbeeld.nl',
  initials: 'C.T.',
  houseNumber: '12',
};

/** A valid onderwijsnummer, for students who type one. */
export const validOnderwijsnummer = byFormat['onderwijsnummer']!;

const sentence = 'Dit antwoord is ingevuld door de conformance-test van het doorstroomdossier.';

function textValue(question: Extract<Question, { kind: 'text' }>): string {
  if (question.format) return byFormat[question.format] ?? sentence;
  let value = sentence;
  while (question.minLength !== undefined && value.length < question.minLength) value += ` ${sentence}`;
  return question.maxLength !== undefined ? value.slice(0, question.maxLength) : value;
}

export function valueFor(question: Question, context: AnswerContext): unknown {
  switch (question.kind) {
    case 'text':
      return textValue(question);
    case 'yesNo':
      return false;
    case 'confirm':
      return true;
    case 'choice':
    case 'score':
      return question.options[0]?.value;
    case 'multiChoice':
      return question.options.length > 0 ? [String(question.options[0]!.value)] : undefined;
    case 'date':
      return question.birthDate ? context.birthDate : context.today;
    case 'reference':
      return context.references[question.source];
    case 'repeat': {
      const entry = answersOf(question.questions, context);
      return Array.from({ length: Math.max(1, question.minItems) }, () => ({ ...entry }));
    }
  }
}

const given = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Spec §3: a conditional question applies only while its condition holds (written out here, not the SDK's). */
export function holds(condition: Condition | undefined, answers: Record<string, unknown>, context: Pick<AnswerContext, 'type' | 'guardianNeeded'>): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => holds(c, answers, context));
  if ('guardianConsentNeeded' in condition) return context.guardianNeeded;
  if ('dossierType' in condition) return condition.dossierType.includes(context.type);
  const value = answers[condition.question];
  if ('answered' in condition) return given(value);
  if ('equals' in condition) return value === condition.equals;
  if ('notEquals' in condition) return value !== condition.notEquals;
  return condition.oneOf.includes(value as string);
}

function answersOf(questions: ReadonlyArray<Question>, context: AnswerContext, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...overrides };
  // Conditions refer to earlier questions: decide in order, with the overrides already in place.
  for (const question of questions) {
    if (question.id in overrides) continue;
    if (!holds(question.when, answers, context)) continue;
    const value = valueFor(question, context);
    if (value !== undefined) answers[question.id] = value;
  }
  return answers;
}

/** Every question of the section that applies, answered; `overrides` go first and steer the conditions. */
export function answersFor(section: SectionDefinition, context: AnswerContext, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return answersOf(section.questions, context, overrides);
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Someone `years` old, half a year past their birthday: the age holds for months either way. */
export function birthDateForAge(years: number, today: Date): string {
  return isoDay(new Date(today.getFullYear() - years, today.getMonth() - 6, today.getDate(), 12));
}

/** Whole years between a YYYY-MM-DD birth date and `today` (NaN when it is not a date). */
export function ageOn(birthDate: string, today: Date): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = today.getFullYear() - year;
  if (today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)) age -= 1;
  return age;
}
