/**
 * An answer as plain text in the user's language, for read-only views (the mentor reading deel A,
 * the consent overview, print): "Ja", "Vrouw", "14 mei 2009", "Albeda". A BSN is masked.
 */
import { declinedAnswer, localize, parseIsoDate, type AnswerValue, type Question, type ReferenceAnswer, type SectionAnswers } from '@doorstroom/sdk';
import { intlLocale, translate } from './i18n.js';

const bsnMask = '•••••';

/**
 * A BSN as every read-only view shows it, '•••••6782': five dots and the last four characters
 * (never more than four, whatever was typed). Only the student's own A1 field shows it whole.
 */
export function maskBsn(value: string): string {
  const characters = Array.from(value.trim());
  return characters.length > 4 ? bsnMask + characters.slice(-4).join('') : bsnMask;
}

export function formatAnswer(question: Question, value: AnswerValue | undefined, lang: string): string {
  const empty = translate(lang, 'field.empty');
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  if (question.kind === 'text' && question.format === 'bsn') return maskBsn(String(value));
  switch (question.kind) {
    case 'yesNo':
      if (value === declinedAnswer) return translate(lang, 'field.declined');
      return translate(lang, value === true ? 'field.yes' : 'field.no');
    case 'confirm':
      return translate(lang, value === true ? 'field.yes' : 'field.no');
    case 'choice':
    case 'score':
      return localize(question.options.find((o) => o.value === value)?.label, lang) || String(value);
    case 'multiChoice':
      return (value as ReadonlyArray<string>).map((v) => localize(question.options.find((o) => String(o.value) === v)?.label, lang) || v).join(', ');
    case 'date': {
      const date = parseIsoDate(value);
      if (!date) return String(value);
      return new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
    }
    case 'reference':
      return (value as ReferenceAnswer).label;
    case 'repeat':
      return (value as ReadonlyArray<SectionAnswers>)
        .map((entry) =>
          question.questions
            .filter((q) => entry[q.id] !== undefined && entry[q.id] !== null && entry[q.id] !== '')
            .map((q) => formatAnswer(q, entry[q.id], lang))
            .join(' · '),
        )
        .join('; ');
    default:
      return String(value);
  }
}
