// Small constructors so the section tables read like the spec's tables.
import { text, type Localized } from '../i18n.js';
import { codelists } from '../data/codelists.js';
import type { ChoiceOption, Condition, Question, RepeatQuestion, TextQuestion, YesNoQuestion } from './types.js';

type Extra = Partial<Omit<TextQuestion, 'id' | 'label' | 'kind'>>;

export const t = text;

export function textQuestion(id: string, label: Localized, extra: Extra = {}): TextQuestion {
  return { kind: 'text', id, label, required: true, ...extra };
}

export function yesNo(id: string, label: Localized, extra: Partial<YesNoQuestion> = {}): YesNoQuestion {
  return { kind: 'yesNo', id, label, required: true, ...extra };
}

/** A ja/nee question followed by an optional toelichting that shows once the answer is ja. */
export function yesNoWithNote(id: string, label: Localized, required = true, extra: Partial<YesNoQuestion> = {}): Question[] {
  return [
    yesNo(id, label, { required, ...extra }),
    textQuestion(`${id}Toelichting`, t('Toelichting', 'Explanation'), {
      required: false,
      multiline: true,
      maxLength: 2000,
      when: { question: id, equals: true },
    }),
  ];
}

/**
 * A sensitive ja/nee question (spec §6: support, diagnoses, begeleiding): it may be skipped and
 * offers "Dat zeg ik liever niet".
 */
export function sensitive(id: string, label: Localized, extra: Partial<YesNoQuestion> = {}): YesNoQuestion {
  return yesNo(id, label, { required: false, declinable: true, ...extra });
}

/** A sensitive ja/nee question with an optional toelichting once the answer is ja. */
export function sensitiveWithNote(id: string, label: Localized, extra: Partial<YesNoQuestion> = {}): Question[] {
  return yesNoWithNote(id, label, false, { declinable: true, ...extra });
}

export function repeat(id: string, label: Localized, itemLabel: Localized, questions: Question[], extra: Partial<RepeatQuestion> = {}): RepeatQuestion {
  return { kind: 'repeat', id, label, itemLabel, questions, required: true, minItems: 1, ...extra };
}

type CodeList = ReadonlyArray<{ code: string | number; nl: string; en: string; uitleg?: string }>;

/** Turns a code list from shared/data into choice options. */
export function optionsFrom(list: CodeList): ChoiceOption[] {
  return list.map((entry) => ({
    value: entry.code,
    label: text(entry.nl, entry.en),
    ...(entry.uitleg ? { hint: text(entry.uitleg, englishExplanations[entry.uitleg] ?? entry.en) } : {}),
  }));
}

export const whenYes = (question: string): Condition => ({ question, equals: true });

// shared/data carries the explanations in Dutch only.
const englishExplanations: Record<string, string> = {
  'Je moet veel oefenen en hebt hulp nodig': 'You need a lot of practice and need help',
  'Je voldoet bijna aan de eisen': 'You almost meet the requirements',
  'Je voldoet aan de eisen': 'You meet the requirements',
  'Je voldoet heel goed aan alle eisen en hebt geen hulp meer nodig': 'You meet all requirements very well and need no more help',
  'Je weet het echt niet': 'You really do not know',
  'Je zit nu op het vmbo, praktijkonderwijs, havo, vwo of de ISK en wilt naar het mbo.': 'You are in vmbo, practical education, havo, vwo or the ISK and want to go to MBO.',
  'Je zit al op het mbo en wilt naar een andere mbo-opleiding.': 'You are already in MBO and want to switch to another MBO programme.',
  'Je hebt het afgelopen jaar of langer niet op school gezeten, bijvoorbeeld omdat je werkte of een uitkering had.':
    'You have been out of school for a year or more, for example because you worked or received benefits.',
};

export const competenceScoreOptions: ChoiceOption[] = optionsFrom(codelists.competentieScore);
