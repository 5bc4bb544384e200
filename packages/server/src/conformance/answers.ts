/**
 * Complete, valid answers for any section under any region config, made from the section
 * definitions the backend's config yields (so extra questions and other competence lists are
 * answered too). The suite checks the result with the SDK's completion before relying on it.
 */
import type { Question, ReferenceAnswer, SectionDefinition } from '../sdk.js';

export interface AnswerContext {
  /** YYYY-MM-DD for birth-date questions. */
  birthDate: string;
  /** YYYY-MM-DD for other dates. */
  today: string;
  /** Catalogue choices by source: instelling, locatie, opleiding (A7). */
  references: Partial<Record<'institution' | 'location' | 'programme', ReferenceAnswer>>;
}

const byFormat: Record<string, string> = {
  bsn: '111222333',
  postcode: '3512 AB',
  phone: '+31 30 123 4567',
  email: 'conformance@voorbeeld.nl',
  initials: 'C.T.',
  houseNumber: '12',
};

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
      const entry = Object.fromEntries(question.questions.map((q) => [q.id, valueFor(q, context)]).filter(([, v]) => v !== undefined));
      return Array.from({ length: Math.max(1, question.minItems) }, () => ({ ...entry }));
    }
  }
}

/** Every question of the section answered (conditional ones too: answers that do not apply are harmless). */
export function answersFor(section: SectionDefinition, context: AnswerContext, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of section.questions) {
    const value = valueFor(question, context);
    if (value !== undefined) answers[question.id] = value;
  }
  return { ...answers, ...overrides };
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Someone `years` old, half a year past their birthday: the age holds for months either way. */
export function birthDateForAge(years: number, today: Date): string {
  return isoDay(new Date(today.getFullYear() - years, today.getMonth() - 6, today.getDate(), 12));
}
