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
    textQuestion(`${id}Toelichting`, t('Toelichting'), {
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

type CodeList = ReadonlyArray<{ code: string | number; nl: string; uitleg?: string }>;

/** Turns a code list from shared/data into choice options (their English is in the `en` pack, by key). */
export function optionsFrom(list: CodeList): ChoiceOption[] {
  return list.map((entry) => ({
    value: entry.code,
    label: text(entry.nl),
    ...(entry.uitleg ? { hint: text(entry.uitleg) } : {}),
  }));
}

export const whenYes = (question: string): Condition => ({ question, equals: true });

export const competenceScoreOptions: ChoiceOption[] = optionsFrom(codelists.competentieScore);
