/**
 * Format, option and length checks for one answer. Plain functions and precompiled patterns:
 * completion runs these for every answer on every keystroke, so no schema library here.
 */
import { ageOn, hasValue, parseIsoDate } from './conditions.js';
import { format, registerTexts, text, type Localized, type TextVars } from './i18n.js';
import { declinedAnswer, type AnswerValue, type ChoiceOption, type Question, type TextFormat, type TextQuestion } from './sections/types.js';

/** What is wrong with an answer, in words a student understands. */
export interface Issue {
  /** 'required','bsn','onderwijsnummer','postcode','phone','email','initials','houseNumber','date','dateFuture','agePlausible','minLength','maxLength','option','reference','maxItems','type' */
  code: string;
  message: Localized;
}

/** Every issue message; `{vars}` are filled in per issue. Language packs key them as `issue.<name>`. */
export const issueTexts = {
  bsnDigitsOnly: text('Een BSN heeft alleen cijfers.'),
  bsnLength: text('Een BSN heeft 9 cijfers. Je hebt er nu {count}.'),
  bsnInvalid: text('Dit BSN klopt niet. Controleer de cijfers.'),
  onderwijsnummerDigitsOnly: text('Een onderwijsnummer heeft alleen cijfers.'),
  onderwijsnummerLength: text('Een onderwijsnummer heeft 9 cijfers. Je hebt er nu {count}.'),
  onderwijsnummerStart: text('Een onderwijsnummer begint met 10. Controleer de cijfers.'),
  onderwijsnummerInvalid: text('Dit onderwijsnummer klopt niet. Controleer de cijfers.'),
  postcodeShape: text('Schrijf de postcode als 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.'),
  postcodeZero: text('Een postcode begint niet met een 0. Controleer de cijfers.'),
  postcodeLetters: text('Een postcode eindigt nooit op SA, SD of SS. Controleer de letters.'),
  phoneStart: text('Begin met een 0, zoals 06 12345678. Een nummer uit het buitenland begint met + en het landnummer.'),
  phoneCharacters: text('Gebruik alleen cijfers. Spaties en streepjes mogen ook.'),
  phoneCountryCode: text('Na de + komt het landnummer, bijvoorbeeld 31 voor Nederland.'),
  phoneDutchLength: text('Een Nederlands nummer heeft 10 cijfers, bijvoorbeeld 06 12345678. Je hebt er nu {count}.'),
  phoneLength: text('Een nummer uit het buitenland heeft 8 tot 15 cijfers na de +.'),
  emailSpaces: text('Een e-mailadres heeft geen spaties.'),
  emailAt: text('Een e-mailadres heeft een @, bijvoorbeeld naam@voorbeeld.nl.'),
  emailInvalid: text('Dit e-mailadres klopt niet. Bijvoorbeeld: naam@voorbeeld.nl.'),
  initials: text('Schrijf voorletters met een punt erna, bijvoorbeeld S.J.'),
  houseNumber: text('Schrijf het huisnummer in cijfers, met de toevoeging erachter als die er is. Bijvoorbeeld 12 of 12a.'),
  maxLength: text('Dit is te lang: maximaal {max} tekens. Nu zijn het er {count}.'),
  minLength: text('Schrijf minstens {min} tekens. Nu zijn het er {count}.'),
  date: text('Deze datum bestaat niet. Schrijf hem als jaar-maand-dag, bijvoorbeeld 2009-05-14.'),
  dateFuture: text('Een geboortedatum kan niet in de toekomst liggen.'),
  agePlausible: text('Klopt deze geboortedatum? Dan ben je nu {age} jaar.'),
  type: text('Dit antwoord past niet bij de vraag. Vul het opnieuw in.'),
  option: text('Kies een van de antwoorden uit de lijst.'),
  reference: text('Kies een antwoord uit de lijst.'),
  maxItems: text('Je kunt hier maximaal {max} invullen.'),
} satisfies Record<string, Localized>;

registerTexts(() => Object.entries(issueTexts).map(([name, message]) => [`issue.${name}`, message] as const));

const issue = (code: string, message: keyof typeof issueTexts, vars: TextVars = {}): Issue => ({ code, message: format(issueTexts[message], vars) });

/** The youngest and oldest age we believe a student's birth date gives. */
export const plausibleAge = { min: 10, max: 100 } as const;

const whitespace = /\s+/g;
const nineDigits = /^\d{9}$/;
const digitsOnly = /^\d+$/;

/** The weighted sum of the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9, modulo 11; NaN when not 9 digits. */
function elfproefRest(digits: string): number {
  if (!nineDigits.test(digits)) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return ((sum % 11) + 11) % 11;
}

/** 9 digits passing the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (not all zeros). Spaces are ignored. */
export function isValidBsn(value: string): boolean {
  const digits = value.replace(whitespace, '');
  return digits !== '000000000' && elfproefRest(digits) === 0;
}

/**
 * An onderwijsnummer (DUO's number for a student without a BSN, e.g. many ISK newcomers):
 * 9 digits starting with 10, whose elfproef sum leaves 5 (a BSN's leaves 0). Spaces and dots are ignored.
 */
export function isValidOnderwijsnummer(value: string): boolean {
  const digits = value.replace(/[\s.]/g, '');
  return digits.startsWith('10') && elfproefRest(digits) === 5;
}

function onderwijsnummerIssue(value: string): Issue | undefined {
  const digits = value.replace(/[\s.]/g, '');
  if (!digitsOnly.test(digits)) return issue('onderwijsnummer', 'onderwijsnummerDigitsOnly');
  if (digits.length !== 9) return issue('onderwijsnummer', 'onderwijsnummerLength', { count: digits.length });
  if (!digits.startsWith('10')) return issue('onderwijsnummer', 'onderwijsnummerStart');
  if (elfproefRest(digits) !== 5) return issue('onderwijsnummer', 'onderwijsnummerInvalid');
  return undefined;
}

function bsnIssue(value: string): Issue | undefined {
  const digits = value.replace(whitespace, '');
  if (!digitsOnly.test(digits)) return issue('bsn', 'bsnDigitsOnly');
  if (digits.length !== 9) return issue('bsn', 'bsnLength', { count: digits.length });
  if (!isValidBsn(digits)) return issue('bsn', 'bsnInvalid');
  return undefined;
}

const postcodeShape = /^(\d{4}) ?([a-zA-Z]{2})$/;
// PostNL never issues these letter pairs (they recall the Nazi era).
const refusedPostcodeLetters = new Set(['SA', 'SD', 'SS']);

/** '1234ab' → '1234 AB'. Anything that is not 4 digits and 2 letters comes back trimmed, unchanged otherwise. */
export function normalizePostcode(value: string): string {
  const trimmed = value.trim();
  const match = postcodeShape.exec(trimmed);
  return match ? `${match[1]} ${match[2]!.toUpperCase()}` : trimmed;
}

function postcodeIssue(value: string): Issue | undefined {
  const match = postcodeShape.exec(value.trim());
  if (!match) return issue('postcode', 'postcodeShape');
  if (match[1]!.startsWith('0')) return issue('postcode', 'postcodeZero');
  if (refusedPostcodeLetters.has(match[2]!.toUpperCase())) return issue('postcode', 'postcodeLetters');
  return undefined;
}

const phoneSeparators = /[\s\-()./\u00a0\u2010-\u2015]/g;

/**
 * A phone number as people write it, read as country code + number: 06 12345678, 06-12345678,
 * 010-123 45 67, +31 6 12345678, +31 (0)6 12345678, 0031 6 12345678. A number without + or 00
 * is Dutch. `digits` is undefined when the shape is wrong; `issue` says why.
 */
function parsePhone(value: string): { digits: string } | { issue: Issue } {
  const compact = value.replace(phoneSeparators, '');
  let international: string;
  if (compact.startsWith('+')) international = compact.slice(1);
  else if (compact.startsWith('00')) international = compact.slice(2);
  else if (compact.startsWith('0')) international = `31${compact.slice(1)}`;
  else return { issue: issue('phone', digitsOnly.test(compact) ? 'phoneStart' : 'phoneCharacters') };
  if (!digitsOnly.test(international)) return { issue: issue('phone', 'phoneCharacters') };
  if (international.startsWith('0')) return { issue: issue('phone', 'phoneCountryCode') };
  // "+31 (0)6 …": the 0 in brackets is written, not dialled.
  if (international.startsWith('310')) international = `31${international.slice(3)}`;
  if (international.startsWith('31') && international.length !== 11) {
    return { issue: issue('phone', 'phoneDutchLength', { count: international.length - 1 }) };
  }
  if (international.length < 8 || international.length > 15) return { issue: issue('phone', 'phoneLength') };
  return { digits: international };
}

function phoneIssue(value: string): Issue | undefined {
  const parsed = parsePhone(value);
  return 'issue' in parsed ? parsed.issue : undefined;
}

// Dutch area codes of two digits (010, 020, 030 …); the others have three (0318, 0475 …).
const twoDigitAreaCodes = new Set([
  '10',
  '13',
  '15',
  '20',
  '23',
  '24',
  '26',
  '30',
  '33',
  '35',
  '36',
  '38',
  '40',
  '43',
  '45',
  '46',
  '50',
  '53',
  '55',
  '58',
  '70',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '77',
  '78',
  '79',
]);

/**
 * A valid phone number written one way: '0612345678' → '+31 6 12345678', '010-1234567' →
 * '+31 10 123 4567', '0031 318 123456' → '+31 318 123456', '0044 20 7946 0958' → '+442079460958'.
 * Anything that is not a valid number comes back trimmed, unchanged otherwise.
 */
export function normalizePhone(value: string): string {
  const parsed = parsePhone(value);
  if ('issue' in parsed) return value.trim();
  const digits = parsed.digits;
  if (!digits.startsWith('31')) return `+${digits}`;
  const national = digits.slice(2);
  if (national.startsWith('6')) return `+31 6 ${national.slice(1)}`;
  if (twoDigitAreaCodes.has(national.slice(0, 2))) return `+31 ${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5)}`;
  return `+31 ${national.slice(0, 3)} ${national.slice(3)}`;
}

const emailShape = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function emailIssue(value: string): Issue | undefined {
  const trimmed = value.trim();
  if (/\s/.test(trimmed)) return issue('email', 'emailSpaces');
  if (!trimmed.includes('@')) return issue('email', 'emailAt');
  if (!emailShape.test(trimmed)) return issue('email', 'emailInvalid');
  return undefined;
}

// One to three letters per initial (Th., IJ., Chr.), each followed by a dot.
const initialsShape = /^(?:\p{L}{1,3}\. ?)+$/u;
// Up to 5 digits not starting with 0, then an optional addition such as a, bis, hs, II or -1
// (an addition of digits needs a separator, or 123456 would pass as 12345 + 6).
const houseNumberShape = /^[1-9]\d{0,4}(?:(?:[ -]?\p{L}[\p{L}\d]{0,3}|[ -][\p{L}\d]{1,4})(?:[ -][\p{L}\d]{1,4})?)?$/u;

function textFormatIssue(format: TextFormat, value: string): Issue | undefined {
  switch (format) {
    case 'bsn':
      return bsnIssue(value);
    case 'onderwijsnummer':
      return onderwijsnummerIssue(value);
    case 'postcode':
      return postcodeIssue(value);
    case 'phone':
      return phoneIssue(value);
    case 'email':
      return emailIssue(value);
    case 'initials':
      return initialsShape.test(value.trim()) ? undefined : issue('initials', 'initials');
    case 'houseNumber':
      return houseNumberShape.test(value.trim()) ? undefined : issue('houseNumber', 'houseNumber');
  }
}

function textIssue(question: TextQuestion, value: string): Issue | undefined {
  if (question.maxLength !== undefined && value.length > question.maxLength) {
    return issue('maxLength', 'maxLength', { max: question.maxLength, count: value.length });
  }
  const written = value.trim().length;
  if (question.minLength !== undefined && written < question.minLength) {
    return issue('minLength', 'minLength', { min: question.minLength, count: written });
  }
  return question.format ? textFormatIssue(question.format, value) : undefined;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function dateIssue(value: string, birthDate: boolean, today: Date): Issue | undefined {
  const date = parseIsoDate(value);
  if (!date) return issue('date', 'date');
  if (!birthDate) return undefined;
  const todayIso = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  if (value > todayIso) return issue('dateFuture', 'dateFuture');
  const age = ageOn(value, today);
  if (age < plausibleAge.min || age > plausibleAge.max) {
    return issue('agePlausible', 'agePlausible', { age });
  }
  return undefined;
}

const typeIssue = (): Issue => issue('type', 'type');
const optionIssue = (): Issue => issue('option', 'option');

const isOption = (options: ReadonlyArray<ChoiceOption>, value: unknown) => options.some((option) => option.value === value);
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks format, options and length of one answer. An empty answer is fine here: whether it is
 * required is the business of completion and `validateSection`. Undefined means no problem.
 */
export function validateAnswer(question: Question, value: AnswerValue | undefined, options: { today?: Date } = {}): Issue | undefined {
  if (!hasValue(value)) return undefined;
  const answer: unknown = value;
  switch (question.kind) {
    case 'text':
      return typeof answer === 'string' ? textIssue(question, answer) : typeIssue();
    case 'yesNo':
      return typeof answer === 'boolean' || (question.declinable === true && answer === declinedAnswer) ? undefined : typeIssue();
    case 'confirm':
      return typeof answer === 'boolean' ? undefined : typeIssue();
    case 'choice':
    case 'score':
      if (typeof answer !== 'string' && typeof answer !== 'number') return typeIssue();
      return isOption(question.options, answer) ? undefined : optionIssue();
    case 'multiChoice':
      if (!Array.isArray(answer)) return typeIssue();
      return answer.every((item) => typeof item === 'string' && question.options.some((option) => String(option.value) === item)) ? undefined : optionIssue();
    case 'date':
      return typeof answer === 'string' ? dateIssue(answer, question.birthDate === true, options.today ?? new Date()) : typeIssue();
    case 'reference':
      return isPlainObject(answer) && typeof answer['id'] === 'string' && answer['id'] !== '' && typeof answer['label'] === 'string' && answer['label'] !== ''
        ? undefined
        : issue('reference', 'reference');
    case 'repeat':
      if (!Array.isArray(answer) || !answer.every(isPlainObject)) return typeIssue();
      if (question.maxItems !== undefined && answer.length > question.maxItems) {
        return issue('maxItems', 'maxItems', { max: question.maxItems });
      }
      return undefined;
  }
}
