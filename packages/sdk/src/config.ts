import * as z from 'zod/mini';
import { matching, wholeNumber } from './checks.js';
import { codelists } from './data/codelists.js';
import { format, registerLanguage, registerTexts, text, type Localized } from './i18n.js';
import { optionTexts, sectionTexts } from './lang/keys.js';
import { competenceScoreOptions, optionsFrom } from './sections/build.js';
import { consentSections } from './sections/consent.js';
import { deelASections } from './sections/deel-a.js';
import { deelBSections } from './sections/deel-b.js';
import type { DossierType, Question, SectionDefinition, SharingClass } from './sections/types.js';

/**
 * A region's own text: Dutch, and optionally English and the other languages the elements offer
 * (ar, tr, uk, pl). Without them that language shows the Dutch.
 */
const regionText = z.object({
  nl: z.string(),
  en: z.optional(z.string()),
  ar: z.optional(z.string()),
  tr: z.optional(z.string()),
  uk: z.optional(z.string()),
  pl: z.optional(z.string()),
});
type RegionText = z.infer<typeof regionText>;
const packLanguages = ['ar', 'tr', 'uk', 'pl'] as const;
export const sharingClassSchema = z.enum(['verplicht', 'optioneel', 'optIn', 'verboden']);

/** A question a region adds to a section (spec §7). */
export const extraQuestionSchema = z.object({
  id: z.string().check(matching(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/)),
  label: regionText,
  help: z.optional(regionText),
  kind: z.enum(['yesNo', 'text', 'choice', 'multiChoice', 'date', 'score']),
  required: z.boolean(),
  options: z.optional(z.array(z.object({ value: z.union([z.string(), z.number()]), label: regionText }))),
});
export type ExtraQuestion = z.infer<typeof extraQuestionSchema>;

export const regionConfigSchema = z.object({
  id: z.string(),
  naam: z.string(),
  /** Optional sections this region leaves out (only sections marked optional). */
  disabledSections: z.array(z.string()),
  extraQuestions: z.record(z.string(), z.array(extraQuestionSchema)),
  competences: z.array(z.object({ code: z.string(), nl: z.string(), en: z.optional(z.string()) })),
  /** Sharing class per section id or `sectionId.questionId`; overrides the defaults. */
  sharing: z.record(z.string(), sharingClassSchema),
  guardianConsentBelowAge: z.number().check(wholeNumber, z.gte(12), z.lte(21)),
  /** Shown in help and in every message that leaves a person stuck ("vraag je school om hulp"). */
  support: z.object({
    naam: z.string(),
    email: z.optional(z.string()),
    telefoon: z.optional(z.string()),
    url: z.optional(z.string()),
  }),
  registrationDeadline: z.object({ month: z.number().check(wholeNumber, z.gte(1), z.lte(12)), day: z.number().check(wholeNumber, z.gte(1), z.lte(31)) }),
});
export type RegionConfig = z.infer<typeof regionConfigSchema>;

export const defaultRegionConfig: RegionConfig = {
  id: 'standaard',
  naam: 'Standaard',
  disabledSections: [],
  extraQuestions: {},
  competences: codelists.competentiesStandaard.map((c) => ({ code: c.code, nl: c.nl })),
  sharing: {},
  guardianConsentBelowAge: 18,
  support: { naam: 'Servicedesk doorstroomdossier' },
  registrationDeadline: { month: codelists.aanmelddeadline.maand, day: codelists.aanmelddeadline.dag },
};

/** Every section the SDK knows, before a region config is applied. */
export const baseSections: ReadonlyArray<SectionDefinition> = [...deelASections, ...deelBSections, ...consentSections];

/**
 * A region's text as the definitions carry it (Dutch, and English when it has one), with the
 * other languages it brings registered under `key`, so `localize` shows them like the SDK's own texts.
 */
function regionLocalized(key: string, value: RegionText): Localized {
  const inline = text(value.nl, value.en);
  const extra = packLanguages.filter((lang) => value[lang]);
  if (extra.length === 0) return inline;
  registerTexts(() => [[key, inline]]);
  for (const lang of extra) registerLanguage({ lang, texts: { [key]: value[lang]! } });
  return inline;
}

function extraToQuestion(sectionId: string, extra: ExtraQuestion): Question {
  const key = `extra.${sectionId}.${extra.id}`;
  const base = {
    id: extra.id,
    label: regionLocalized(`${key}.label`, extra.label),
    required: extra.required,
    ...(extra.help ? { help: regionLocalized(`${key}.help`, extra.help) } : {}),
  };
  switch (extra.kind) {
    case 'choice':
    case 'multiChoice':
      return {
        ...base,
        kind: extra.kind,
        options: (extra.options ?? []).map((option) => ({ value: option.value, label: regionLocalized(`${key}.${option.value}`, option.label) })),
      };
    case 'score':
      return { ...base, kind: 'score', options: competenceScoreOptions };
    case 'text':
      return { ...base, kind: 'text', maxLength: 4000, multiline: true };
    default:
      return { ...base, kind: extra.kind };
  }
}

/** The sharing class of a section or question under this region's config. */
export function sharingClassOf(config: RegionConfig, section: SectionDefinition, question?: Question): SharingClass {
  if (question) {
    const own = config.sharing[`${section.id}.${question.id}`] ?? question.sharing;
    if (own) return own;
  }
  return config.sharing[section.id] ?? section.sharing;
}

const cache = new WeakMap<RegionConfig, Map<string, ReadonlyArray<SectionDefinition>>>();

/**
 * The section definitions as this region uses them, for one dossier type (or all):
 * competences filled in, extra questions appended, switched-off sections left out,
 * and the consent `delen` options listing what the student may choose to share.
 * Results are cached per config object; treat them as read-only.
 */
export function buildSections(config: RegionConfig, dossierType?: DossierType): ReadonlyArray<SectionDefinition> {
  let perType = cache.get(config);
  if (!perType) cache.set(config, (perType = new Map()));
  const key = dossierType ?? '*';
  const hit = perType.get(key);
  if (hit) return hit;

  const included = baseSections.filter((s) => !(s.optional && config.disabledSections.includes(s.id)) && (!dossierType || s.dossierTypes.includes(dossierType)));
  const shareable = included.filter((s) => s.part !== 'consent' && ['optioneel', 'optIn'].includes(sharingClassOf(config, s)));
  const built = included.map((section): SectionDefinition => {
    let questions: Question[] = [...section.questions];
    if (section.id === 'competenties') {
      questions = config.competences.map((c) => ({
        kind: 'score' as const,
        id: c.code,
        label: text(c.nl, c.en),
        required: true,
        options: competenceScoreOptions,
      }));
    }
    if (section.id === 'akkoordverklaring') {
      questions = questions.map((q) =>
        q.id === 'delen' && q.kind === 'multiChoice' ? { ...q, options: shareable.map((s) => ({ value: s.id, label: s.title, hint: sharingHint(sharingClassOf(config, s), s.contents) })) } : q,
      );
    }
    questions.push(...(config.extraQuestions[section.id] ?? []).map((extra) => extraToQuestion(section.id, extra)));
    return { ...section, questions };
  });
  perType.set(key, built);
  return built;
}

/**
 * The hint under a part the student may share: what is in it, and whether the region recommends
 * sharing it. Both classes go along only when ticked: no box starts ticked (a pre-ticked box is
 * no consent under the AVG); the explanation of that stands once above the boxes.
 */
const sharingHints = {
  optioneel: { nl: '{contents} Aangeraden om te delen.' },
  optIn: { nl: '{contents} Deel dit alleen als jij dat wilt.' },
  optionalAlone: { nl: 'Aangeraden om te delen.' },
  optInAlone: { nl: 'Deel dit alleen als jij dat wilt.' },
} satisfies Record<string, Localized>;

function sharingHint(sharing: SharingClass, contents: Localized | undefined): Localized {
  const optIn = sharing === 'optIn';
  if (!contents) return optIn ? sharingHints.optInAlone : sharingHints.optionalAlone;
  return format(optIn ? sharingHints.optIn : sharingHints.optioneel, { contents });
}

// Language packs translate the standard definitions; a region's extra questions bring their own
// translations (`regionText`), else they show in Dutch.
registerTexts(() => [
  ['sharing.optIn', sharingHints.optIn],
  ['sharing.optioneel', sharingHints.optioneel],
  ['sharing.optInAlone', sharingHints.optInAlone],
  ['sharing.optioneelAlone', sharingHints.optionalAlone],
  // The sharing options are the section titles with a hint made of the section's contents (derived: no keys of their own).
  ...sectionTexts(buildSections(defaultRegionConfig)).filter(([key]) => !key.startsWith('opt.akkoordverklaring.delen.')),
  ...optionTexts('dossierType', optionsFrom(codelists.dossierType)),
]);

export function findSection(config: RegionConfig, sectionId: string): SectionDefinition | undefined {
  return buildSections(config).find((s) => s.id === sectionId);
}
