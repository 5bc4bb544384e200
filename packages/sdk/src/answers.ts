/**
 * Two checks on a section's answers:
 * - `validateSection`: what the student still has to fix, for the error summary (formats, required).
 * - `parseDraft`: what the backend refuses on save (400). A draft keeps whatever was typed, so
 *   only the shape is checked: known questions, right types, options, lengths.
 */
import { applies, hasValue, isRequired, type ConditionContext } from './conditions.js';
import { limits, safeErrorPath } from './contract.js';
import { format, formatAs, registerTexts, reword, text, type Localized, type TextVars } from './i18n.js';
import { declinedAnswer, type AnswerValue, type Question, type ReferenceAnswer, type SectionAnswers, type SectionDefinition } from './sections/types.js';
import { validateAnswer, type Issue } from './validators.js';

export interface FieldError {
  /** Where the field is: 'postcode', or 'ervaring.0.organisatie' inside a repeat entry. */
  path: string;
  /** The question the field belongs to; inside a repeat entry the sub-question's id. */
  questionId: string;
  code: string;
  message: Localized;
}

export interface DraftError {
  path: string;
  message: string;
}
export type DraftResult = { ok: true; value: SectionAnswers } | { ok: false; errors: DraftError[] };

// Lower-case the first word inside a sentence, unless it is an abbreviation such as BSN or LWOO.
function midSentence(label: string): string {
  const firstWord = label.split(/[\s(]/, 1)[0] ?? '';
  return firstWord.length > 1 && firstWord === firstWord.toUpperCase() ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
const sentence = (label: string) => (/[.?!]$/.test(label) ? label : `${label}.`);
const both = (make: (label: string, lang: 'nl' | 'en') => string, label: Localized): Localized => reword(label, make);

/**
 * How a missing answer is worded; language packs key them as `issue.required.<name>`. For Dutch
 * and English `missingAnswerIssue` fills in the label worded for its place in the sentence
 * (lower-cased inside it, a full stop at the end).
 */
export const missingAnswerTexts = {
  choice: text('Kies een antwoord bij: {label}'),
  multiChoice: text('Kies minstens één antwoord bij: {label}'),
  confirm: text('Vink dit aan: {label}'),
  reference: text('Kies uit de lijst: {label}'),
  repeatOne: text('Voeg minstens één {item} toe en vul alles in.'),
  repeatMany: text('Voeg minstens {count} keer een {item} toe en vul alles in.'),
  question: text('Geef antwoord op de vraag: {label}'),
  text: text('Vul {label} in.'),
} satisfies Record<string, Localized>;

registerTexts(() => Object.entries(missingAnswerTexts).map(([name, message]) => [`issue.required.${name}`, message] as const));

/**
 * `template` (one of `missingAnswerTexts`) with `name` filled in, in Dutch and English by
 * `word(label)` (a label worded for the middle or the end of a sentence); language packs get the
 * template with the label as defined.
 */
function missing(template: Localized, name: 'label' | 'item', label: Localized, word: (label: string) => string, vars: TextVars = {}): Localized {
  const worded = both(word, label);
  return formatAs(format(template, { ...vars, [name]: worded }), template, { ...vars, [name]: label });
}

/** The message for a required question that has no (valid) answer yet, phrased for its kind. */
export function missingAnswerIssue(question: Question): Issue {
  const label = question.label;
  let message: Localized;
  switch (question.kind) {
    case 'choice':
    case 'yesNo':
    case 'score':
      message = missing(missingAnswerTexts.choice, 'label', label, sentence);
      break;
    case 'multiChoice':
      message = missing(missingAnswerTexts.multiChoice, 'label', label, sentence);
      break;
    case 'confirm':
      message = missing(missingAnswerTexts.confirm, 'label', label, sentence);
      break;
    case 'reference':
      message = missing(missingAnswerTexts.reference, 'label', label, sentence);
      break;
    case 'repeat': {
      const count = question.minItems;
      message = missing(count <= 1 ? missingAnswerTexts.repeatOne : missingAnswerTexts.repeatMany, 'item', question.itemLabel, midSentence, { count });
      break;
    }
    default:
      message = both(
        (l, lang) => (l.endsWith('?') ? (lang === 'nl' ? `Geef antwoord op de vraag: ${l}` : `Answer the question: ${l}`) : lang === 'nl' ? `Vul ${midSentence(l)} in.` : `Fill in ${midSentence(l)}.`),
        label,
      );
      formatAs(message, label.nl.endsWith('?') ? missingAnswerTexts.question : missingAnswerTexts.text, { label });
  }
  return { code: 'required', message };
}

function collectErrors(questions: ReadonlyArray<Question>, scope: SectionAnswers, context: ConditionContext, today: Date, prefix: string, errors: FieldError[]): void {
  for (const question of questions) {
    if (!applies(question, scope, context)) continue;
    const path = prefix + question.id;
    const value = scope[question.id];
    const problem = validateAnswer(question, value, { today });
    if (problem) {
      errors.push({ path, questionId: question.id, ...problem });
      continue;
    }
    if (question.kind === 'repeat') {
      const entries = Array.isArray(value) ? (value as ReadonlyArray<SectionAnswers>) : [];
      if (entries.length < question.minItems && isRequired(question, scope, context)) {
        errors.push({ path, questionId: question.id, ...missingAnswerIssue(question) });
      }
      entries.forEach((entry, index) => collectErrors(question.questions, entry, context, today, `${path}.${index}.`, errors));
      continue;
    }
    const given = question.kind === 'confirm' ? value === true : hasValue(value);
    if (!given && isRequired(question, scope, context)) errors.push({ path, questionId: question.id, ...missingAnswerIssue(question) });
  }
}

/**
 * Everything the student still has to fix in a section, in question order: missing required
 * answers and invalid ones, only for questions that apply. An empty list means 100% and valid.
 */
export function validateSection(section: SectionDefinition, answers: SectionAnswers | undefined, context: ConditionContext, options: { today?: Date } = {}): FieldError[] {
  const errors: FieldError[] = [];
  collectErrors(section.questions, answers ?? {}, context, options.today ?? new Date(), '', errors);
  return errors;
}

// ---------------------------------------------------------------------------------------------
// parseDraft

const dateMaxLength = 40;
const labelMaxLength = 500;
const detailMaxKeys = 30;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const byIdCache = new WeakMap<ReadonlyArray<Question>, Map<string, Question>>();
function questionsById(questions: ReadonlyArray<Question>): Map<string, Question> {
  let map = byIdCache.get(questions);
  if (!map) byIdCache.set(questions, (map = new Map(questions.map((q) => [q.id, q]))));
  return map;
}

function parseString(value: unknown, max: number, path: string, errors: DraftError[]): string | undefined {
  if (typeof value !== 'string') {
    errors.push({ path, message: 'expected a string' });
    return undefined;
  }
  if (value.length > max) {
    errors.push({ path, message: `longer than ${max} characters` });
    return undefined;
  }
  return value;
}

function parseReference(value: unknown, path: string, errors: DraftError[]): ReferenceAnswer | undefined {
  if (!isPlainObject(value)) {
    errors.push({ path, message: 'expected an object with id and label' });
    return undefined;
  }
  const failures = errors.length;
  const id = parseString(value['id'], limits.id, `${path}.id`, errors);
  const label = parseString(value['label'], labelMaxLength, `${path}.label`, errors);
  if (id === '') errors.push({ path: `${path}.id`, message: 'must not be empty' });
  let detail: Record<string, string | number> | undefined;
  const rawDetail = value['detail'];
  if (rawDetail !== undefined && rawDetail !== null) {
    if (!isPlainObject(rawDetail) || Object.keys(rawDetail).length > detailMaxKeys) {
      errors.push({ path: `${path}.detail`, message: `expected an object of at most ${detailMaxKeys} strings or numbers` });
    } else {
      detail = {};
      for (const [key, item] of Object.entries(rawDetail)) {
        const itemPath = safeErrorPath([path, 'detail', key]);
        if (key.length > limits.id) errors.push({ path: itemPath, message: `key longer than ${limits.id} characters` });
        else if (typeof item === 'number' && Number.isFinite(item)) detail[key] = item;
        else {
          const kept = parseString(item, labelMaxLength, itemPath, errors);
          if (kept !== undefined) detail[key] = kept;
        }
      }
    }
  }
  if (errors.length > failures || id === undefined || label === undefined) return undefined;
  return detail ? { id, label, detail } : { id, label };
}

function parseValue(question: Question, value: unknown, path: string, errors: DraftError[]): AnswerValue | undefined {
  switch (question.kind) {
    case 'text': {
      const max = Math.min(question.maxLength ?? limits.text, limits.text);
      return parseString(value, max, path, errors);
    }
    case 'date':
      return parseString(value, dateMaxLength, path, errors);
    case 'yesNo':
    case 'confirm':
      if (typeof value === 'boolean') return value;
      // A sensitive question may be answered "Dat zeg ik liever niet" (spec §6).
      if (question.kind === 'yesNo' && question.declinable && value === declinedAnswer) return declinedAnswer;
      errors.push({ path, message: question.kind === 'yesNo' && question.declinable ? `expected true, false or "${declinedAnswer}"` : 'expected true or false' });
      return undefined;
    case 'choice':
    case 'score':
      if ((typeof value === 'string' || typeof value === 'number') && question.options.some((o) => o.value === value)) return value;
      errors.push({ path, message: `expected one of ${question.options.map((o) => JSON.stringify(o.value)).join(', ')}` });
      return undefined;
    case 'multiChoice': {
      const max = Math.min(question.options.length, limits.answersPerSection);
      if (!Array.isArray(value) || value.length > max) {
        errors.push({ path, message: `expected a list of at most ${max} options` });
        return undefined;
      }
      const seen = new Set<string>();
      const failures = errors.length;
      for (const [index, item] of value.entries()) {
        if (typeof item !== 'string' || !question.options.some((o) => String(o.value) === item)) {
          errors.push({ path: `${path}.${index}`, message: 'not one of the options' });
        } else if (seen.has(item)) {
          errors.push({ path: `${path}.${index}`, message: 'chosen twice' });
        } else seen.add(item);
      }
      return errors.length > failures ? undefined : (value as string[]);
    }
    case 'reference':
      return parseReference(value, path, errors);
    case 'repeat': {
      const max = Math.min(question.maxItems ?? limits.listItems, limits.listItems);
      if (!Array.isArray(value) || value.length > max) {
        errors.push({ path, message: `expected a list of at most ${max} entries` });
        return undefined;
      }
      return value.map((entry, index) => parseScope(question.questions, entry, `${path}.${index}.`, errors));
    }
  }
}

function parseScope(questions: ReadonlyArray<Question>, input: unknown, prefix: string, errors: DraftError[]): SectionAnswers {
  const result: Record<string, AnswerValue> = {};
  if (!isPlainObject(input)) {
    errors.push({ path: prefix.slice(0, -1), message: 'expected an object of answers' });
    return result;
  }
  const keys = Object.keys(input);
  if (keys.length > limits.answersPerSection) {
    errors.push({ path: prefix.slice(0, -1), message: `more than ${limits.answersPerSection} answers` });
    return result;
  }
  const known = questionsById(questions);
  for (const key of keys) {
    const path = prefix + key;
    const question = known.get(key);
    if (!question) {
      // A key the client made up is not echoed back: the error points at the answers it sits in.
      errors.push({ path: prefix.slice(0, -1), message: 'unknown question' });
      continue;
    }
    const value = input[key];
    if (value === undefined) continue;
    if (value === null) {
      result[key] = null; // null clears a saved answer
      continue;
    }
    const parsed = parseValue(question, value, path, errors);
    if (parsed !== undefined) result[key] = parsed;
  }
  return result;
}

/**
 * Checks a save of one section's answers (the backend answers 400 with these errors).
 * Unknown question ids, wrong types, values outside the options, texts over their length and
 * lists over their size are refused; formats are not (a draft keeps what was typed).
 */
export function parseDraft(section: SectionDefinition, answers: unknown): DraftResult {
  const errors: DraftError[] = [];
  const value = parseScope(section.questions, answers, '', errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
