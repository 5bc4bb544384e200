import type { Localized } from '../i18n.js';

/** OSO `categorie_uitlevering`: whether an answer may leave the school (spec §6). */
export type SharingClass = 'verplicht' | 'optioneel' | 'optIn' | 'verboden';

/** Formats a text answer must have to count as answered. */
export type TextFormat = 'bsn' | 'onderwijsnummer' | 'postcode' | 'phone' | 'email' | 'initials' | 'houseNumber';

/** Where a typeahead reference looks its options up (catalogue routes of the contract). */
export type ReferenceSource = 'institution' | 'location' | 'programme';

/**
 * When a question applies. Conditions are data, so a region config can send them.
 * - `question`: compares an answer in the same scope (section, or the repeat item).
 * - `guardianConsentNeeded`: the student is younger than `guardianConsentBelowAge` today.
 * - `dossierType`: the dossier is one of these types.
 */
export type Condition =
  | { question: string; equals: string | number | boolean }
  | { question: string; notEquals: string | number | boolean }
  | { question: string; oneOf: ReadonlyArray<string | number | boolean> }
  | { question: string; answered: true }
  | { guardianConsentNeeded: true }
  | { dossierType: ReadonlyArray<string> }
  | { all: ReadonlyArray<Condition> };

export interface ChoiceOption {
  value: string | number;
  label: Localized;
  /** A plain-language explanation shown under the option. */
  hint?: Localized;
}

interface QuestionBase {
  id: string;
  label: Localized;
  /** Shown under the label: what we mean and why we ask. */
  help?: Localized;
  /** Grey example value showing the expected format. */
  placeholder?: Localized;
  required: boolean;
  /** Required only while this holds (shown regardless); `required` should then be false. */
  requiredWhen?: Condition;
  when?: Condition;
  /** Overrides the section's sharing class for this question. */
  sharing?: SharingClass;
  /** An HTML autocomplete token for the input. */
  autocomplete?: string;
  /** Filled in by the backend (bsn, email); editable by the owner. */
  prefilled?: boolean;
  /**
   * The question as others read it back in a read-only view (the student and parent reading deel
   * B, the MBO): in the third person, e.g. "Wil de mentor nog contact met het mbo?".
   */
  readLabel?: Localized;
  /** Left out of read-only views for the student, parent and MBO (the mentor's own declaration). */
  hideWhenRead?: boolean;
}

export interface TextQuestion extends QuestionBase {
  kind: 'text';
  format?: TextFormat;
  multiline?: boolean;
  minLength?: number;
  maxLength?: number;
}
export interface YesNoQuestion extends QuestionBase {
  kind: 'yesNo';
  /**
   * A sensitive question (spec §6): besides ja and nee it offers "Dat zeg ik liever niet",
   * stored as `declinedAnswer`. Such questions are optional, so they can also be skipped.
   */
  declinable?: boolean;
}

/** The answer of a `declinable` ja/nee question when the person would rather not say. */
export const declinedAnswer = 'zegIkLieverNiet';
/** A tick box that counts as answered only when ticked (a confirmation). */
export interface ConfirmQuestion extends QuestionBase {
  kind: 'confirm';
}
export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  options: ReadonlyArray<ChoiceOption>;
}
export interface MultiChoiceQuestion extends QuestionBase {
  kind: 'multiChoice';
  options: ReadonlyArray<ChoiceOption>;
}
export interface DateQuestion extends QuestionBase {
  kind: 'date';
  /** A birth date: not in the future, a plausible age. */
  birthDate?: boolean;
}
export interface ScoreQuestion extends QuestionBase {
  kind: 'score';
  options: ReadonlyArray<ChoiceOption>;
}
export interface ReferenceQuestion extends QuestionBase {
  kind: 'reference';
  source: ReferenceSource;
  /** The question whose answer scopes the look-up (the instelling for locatie/opleiding). */
  dependsOn?: string;
}
/** A list of entries of the same sub-questions (stages, ouders/verzorgers). */
export interface RepeatQuestion extends QuestionBase {
  kind: 'repeat';
  itemLabel: Localized;
  questions: ReadonlyArray<Question>;
  /** Complete entries needed for the question to count as answered. */
  minItems: number;
  maxItems?: number;
}

export type Question = TextQuestion | YesNoQuestion | ConfirmQuestion | ChoiceQuestion | MultiChoiceQuestion | DateQuestion | ScoreQuestion | ReferenceQuestion | RepeatQuestion;

export type QuestionKind = Question['kind'];

/** Which part of the dossier a section belongs to. */
export type Part = 'A' | 'B' | 'consent';

/**
 * Leerling-specifiek sections travel to the student's next dossier;
 * dossier-specifiek sections start empty in each new dossier (spec §2).
 */
export type SectionScope = 'leerling' | 'dossier';

export interface SectionDefinition {
  id: string;
  /** Short code from the sources: A1…A9, B1, B2. */
  code: string;
  part: Part;
  scope: SectionScope;
  title: Localized;
  intro?: Localized;
  /**
   * What is in it, in a few plain words, for the sharing choice in the akkoordverklaring
   * ("Je stages, werk en trainingen."). For a section with parts that always go, only the rest.
   */
  contents?: Localized;
  /** Regions may switch an optional section off; it never blocks sending and says "(optioneel)". */
  optional: boolean;
  sharing: SharingClass;
  /** Dossier types the section is part of. */
  dossierTypes: ReadonlyArray<DossierType>;
  questions: ReadonlyArray<Question>;
}

export type DossierType = 'vo-mbo' | 'mbo-mbo' | 'werk-mbo';
export const dossierTypes: ReadonlyArray<DossierType> = ['vo-mbo', 'mbo-mbo', 'werk-mbo'];

/** Answers of one section: question id → value. A repeat holds an array of answer maps. */
export type AnswerValue = string | number | boolean | ReadonlyArray<string> | ReadonlyArray<SectionAnswers> | ReferenceAnswer | null;

export interface SectionAnswers {
  readonly [questionId: string]: AnswerValue | undefined;
}

/** A chosen catalogue entry, stored as a snapshot so the dossier reads the same later. */
export interface ReferenceAnswer {
  id: string;
  label: string;
  /** Extra facts of the entry: crebo, niveau, leerweg, plaats, cohort… */
  detail?: Readonly<Record<string, string | number>>;
}
