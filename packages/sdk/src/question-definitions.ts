/**
 * The question definitions as data, for a backend that validates answers itself (docs/contract.md,
 * "Question definitions"): every section a region's config gives, with its questions' ids, kinds,
 * options, conditions and limits, and Dutch labels. `docs/questions.json` is this document for the
 * default region config (`npm run questions`, checked in `npm test`); a vendor produces it for
 * their own region with `questionDefinitions(config)`.
 *
 * The document is derived from the same `buildSections` the elements, the validators and the
 * reference backend use, so it says what they check, not a copy of it.
 */
import * as z from 'zod/mini';
import { buildSections, defaultRegionConfig, sharingClassOf, type RegionConfig } from './config.js';
import { localize } from './i18n.js';
import { declinedAnswer, type Condition, type DossierType, type Question, type SectionDefinition, type TextFormat } from './sections/types.js';
import { plausibleAge } from './validators.js';

/** Raised when the document's shape changes in a way a reader must notice. */
export const questionDefinitionsVersion = 1;

const sharingClass = z.enum(['verplicht', 'optioneel', 'optIn', 'verboden']);
const primitive = z.union([z.string(), z.number(), z.boolean()]);

/** A condition (`when`, `requiredWhen`), exactly as the section definitions hold it. */
export const conditionSchema: z.ZodMiniType<Condition> = z.union([
  z.object({ question: z.string(), equals: primitive }),
  z.object({ question: z.string(), notEquals: primitive }),
  z.object({ question: z.string(), oneOf: z.array(primitive) }),
  z.object({ question: z.string(), answered: z.literal(true) }),
  z.object({ guardianConsentNeeded: z.literal(true) }),
  z.object({ dossierType: z.array(z.string()) }),
  z.object({
    get all() {
      return z.array(conditionSchema);
    },
  }),
]) as z.ZodMiniType<Condition>;

const optionSchema = z.object({ value: z.union([z.string(), z.number()]), label: z.string(), hint: z.optional(z.string()) });

export interface QuestionDefinition {
  id: string;
  kind: Question['kind'];
  label: string;
  help?: string;
  /** Needed for the section to be complete (a draft may leave it empty). */
  required: boolean;
  /** Required only while this holds. */
  requiredWhen?: Condition;
  /** Asked (and kept) only while this holds; an answer to a question that does not apply is not sent. */
  when?: Condition;
  /** Whether the answer may leave the school, when it differs from the section's. */
  sharing?: z.infer<typeof sharingClass>;
  /** Filled in by the backend (from the registration); editable by the owner. */
  prefilled?: boolean;
  /** text: a format the answer must have (see the document's `formats`). */
  format?: TextFormat;
  multiline?: boolean;
  /** text: at most this many characters. */
  maxLength?: number;
  /** text: at least this many characters, not counting spaces at either end. */
  minLength?: number;
  /** yesNo: `"zegIkLieverNiet"` is an answer too. */
  declinable?: boolean;
  /** date: a birth date (not in the future, a plausible age). */
  birthDate?: boolean;
  /** choice, multiChoice, score: the values allowed. */
  options?: Array<{ value: string | number; label: string; hint?: string }>;
  /** reference: the catalogue route the entry comes from. */
  source?: 'institution' | 'location' | 'programme';
  /** reference: the question whose answer scopes the look-up. */
  dependsOn?: string;
  /** repeat: the name of one entry, its questions and how many entries. */
  itemLabel?: string;
  questions?: QuestionDefinition[];
  minItems?: number;
  maxItems?: number;
}

export const questionDefinitionSchema: z.ZodMiniType<QuestionDefinition> = z.object({
  id: z.string(),
  kind: z.enum(['text', 'yesNo', 'confirm', 'choice', 'multiChoice', 'date', 'score', 'reference', 'repeat']),
  label: z.string(),
  help: z.optional(z.string()),
  required: z.boolean(),
  requiredWhen: z.optional(conditionSchema),
  when: z.optional(conditionSchema),
  sharing: z.optional(sharingClass),
  prefilled: z.optional(z.boolean()),
  format: z.optional(z.enum(['bsn', 'onderwijsnummer', 'postcode', 'phone', 'email', 'initials', 'houseNumber'])),
  multiline: z.optional(z.boolean()),
  maxLength: z.optional(z.number()),
  minLength: z.optional(z.number()),
  declinable: z.optional(z.boolean()),
  birthDate: z.optional(z.boolean()),
  options: z.optional(z.array(optionSchema)),
  source: z.optional(z.enum(['institution', 'location', 'programme'])),
  dependsOn: z.optional(z.string()),
  itemLabel: z.optional(z.string()),
  get questions() {
    return z.optional(z.array(questionDefinitionSchema));
  },
  minItems: z.optional(z.number()),
  maxItems: z.optional(z.number()),
}) as z.ZodMiniType<QuestionDefinition>;

export const sectionDefinitionDocSchema = z.object({
  id: z.string(),
  code: z.string(),
  part: z.enum(['A', 'B', 'consent']),
  /** `leerling`: travels to the student's next dossier; `dossier`: starts empty in each. */
  scope: z.enum(['leerling', 'dossier']),
  title: z.string(),
  /** Never blocks sending; a region may switch it off. */
  optional: z.boolean(),
  sharing: sharingClass,
  dossierTypes: z.array(z.enum(['vo-mbo', 'mbo-mbo', 'werk-mbo'])),
  questions: z.array(questionDefinitionSchema),
});
export type SectionDefinitionDoc = z.infer<typeof sectionDefinitionDocSchema>;

export const questionDefinitionsSchema = z.object({
  /** docs/questions.json points at its JSON Schema. */
  $schema: z.optional(z.string()),
  version: z.literal(questionDefinitionsVersion),
  region: z.object({ id: z.string(), naam: z.string(), guardianConsentBelowAge: z.number(), disabledSections: z.array(z.string()) }),
  /** The JSON value an answer of each kind is (`SectionAnswers` in docs/openapi.json). */
  answers: z.record(z.string(), z.string()),
  /** What each text `format` accepts. */
  formats: z.record(z.string(), z.string()),
  /** How `when` and `requiredWhen` read. */
  conditions: z.record(z.string(), z.string()),
  sections: z.array(sectionDefinitionDocSchema),
});
export type QuestionDefinitions = z.infer<typeof questionDefinitionsSchema>;

const answers: Record<Question['kind'], string> = {
  text: 'a string',
  yesNo: `true or false; "${declinedAnswer}" too when the question is declinable`,
  confirm: 'true (ticked) or false; counts as answered only when true',
  choice: "one of the options' values (string or number)",
  multiChoice: "an array of the chosen options' values, as strings",
  date: 'a date "YYYY-MM-DD"',
  score: "one of the options' values (a number)",
  reference: 'a catalogue entry { id, label, detail? } from the source route (GET /catalog/…)',
  repeat: "an array of answer objects, one per entry, keyed by the ids of the repeat's questions",
};

const formats: Record<TextFormat, string> = {
  bsn: '9 digits (spaces allowed) passing the elfproef',
  onderwijsnummer: '9 digits (spaces and dots allowed) starting with 10, passing the elfproef with remainder 5',
  postcode: 'a Dutch postcode: 4 digits not starting with 0, an optional space, 2 letters other than SA, SD and SS ("1234 AB")',
  phone: 'a Dutch or international phone number (stored as +31 …)',
  email: 'an e-mail address: no spaces, one @, a domain with a dot',
  initials: 'initials, one to three letters each followed by a dot ("J.", "Th.A.")',
  houseNumber: 'a house number 1–99999 with an optional addition ("12", "12a", "12-II")',
};

const conditions = {
  question: 'compares the answer of that question in the same scope (the section, or the repeat entry): equals, notEquals, oneOf, or answered',
  guardianConsentNeeded: `the student is younger than region.guardianConsentBelowAge today (by the registered birth date)`,
  dossierType: 'the dossier is of one of these types',
  all: 'every condition in the list holds',
  birthDate: `a date question with birthDate: not in the future and an age from ${plausibleAge.min} to ${plausibleAge.max}`,
};

function questionDoc(section: SectionDefinition, question: Question, config: RegionConfig, topLevel: boolean): QuestionDefinition {
  const doc: QuestionDefinition = { id: question.id, kind: question.kind, label: localize(question.label, 'nl'), required: question.required };
  if (question.help) doc.help = localize(question.help, 'nl');
  if (question.requiredWhen) doc.requiredWhen = question.requiredWhen;
  if (question.when) doc.when = question.when;
  if (topLevel) {
    const sharing = sharingClassOf(config, section, question);
    if (sharing !== sharingClassOf(config, section)) doc.sharing = sharing;
  } else if (question.sharing) doc.sharing = question.sharing;
  if (question.prefilled) doc.prefilled = true;
  switch (question.kind) {
    case 'text':
      if (question.format) doc.format = question.format;
      if (question.multiline) doc.multiline = true;
      if (question.maxLength !== undefined) doc.maxLength = question.maxLength;
      if (question.minLength !== undefined) doc.minLength = question.minLength;
      break;
    case 'yesNo':
      if (question.declinable) doc.declinable = true;
      break;
    case 'date':
      if (question.birthDate) doc.birthDate = true;
      break;
    case 'choice':
    case 'multiChoice':
    case 'score':
      doc.options = question.options.map((option) => ({
        value: option.value,
        label: localize(option.label, 'nl'),
        ...(option.hint ? { hint: localize(option.hint, 'nl') } : {}),
      }));
      break;
    case 'reference':
      doc.source = question.source;
      if (question.dependsOn) doc.dependsOn = question.dependsOn;
      break;
    case 'repeat':
      doc.itemLabel = localize(question.itemLabel, 'nl');
      doc.questions = question.questions.map((inner) => questionDoc(section, inner, config, false));
      doc.minItems = question.minItems;
      if (question.maxItems !== undefined) doc.maxItems = question.maxItems;
      break;
    case 'confirm':
      break;
  }
  return doc;
}

/**
 * Every section and question of `config` (all dossier types) as plain JSON with Dutch labels:
 * what a backend needs to validate answers the way the SDK does (`validateSection`,
 * `completion`). Parses with `questionDefinitionsSchema`; docs/questions.schema.json is its
 * JSON Schema.
 *
 * @example writeFileSync('questions.json', JSON.stringify(questionDefinitions(myRegionConfig), null, 2));
 */
export function questionDefinitions(config: RegionConfig = defaultRegionConfig): QuestionDefinitions {
  return {
    version: questionDefinitionsVersion,
    region: { id: config.id, naam: config.naam, guardianConsentBelowAge: config.guardianConsentBelowAge, disabledSections: [...config.disabledSections] },
    answers,
    formats,
    conditions,
    sections: buildSections(config).map((section) => ({
      id: section.id,
      code: section.code,
      part: section.part,
      scope: section.scope,
      title: localize(section.title, 'nl'),
      optional: section.optional,
      sharing: sharingClassOf(config, section),
      dossierTypes: [...section.dossierTypes] as DossierType[],
      questions: section.questions.map((question) => questionDoc(section, question, config, true)),
    })),
  };
}

/** The JSON Schema (draft 2020-12) of the document `questionDefinitions` returns: docs/questions.schema.json. */
export function questionDefinitionsJsonSchema(): Record<string, unknown> {
  const names = z.registry<{ id: string; description?: string }>();
  names.add(conditionSchema, { id: 'Condition', description: "When a question applies (`when`) or is required (`requiredWhen`); see the document's `conditions`." });
  names.add(questionDefinitionSchema, { id: 'Question', description: 'One question; a repeat holds the questions of each entry.' });
  names.add(sectionDefinitionDocSchema, { id: 'Section', description: 'One section as the region config gives it.' });
  return z.toJSONSchema(questionDefinitionsSchema, { target: 'draft-2020-12', io: 'output', metadata: names }) as Record<string, unknown>;
}
