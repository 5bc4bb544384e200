import * as z from 'zod/mini';
import { matching, wholeNumber } from './checks.js';
import { codelists } from './data/codelists.js';
import { registerTexts } from './i18n.js';
import { optionTexts, sectionTexts } from './lang/keys.js';
import { competenceScoreOptions, optionsFrom } from './sections/build.js';
import { consentSections } from './sections/consent.js';
import { deelASections } from './sections/deel-a.js';
import { deelBSections } from './sections/deel-b.js';
import type { DossierType, Question, SectionDefinition, SharingClass } from './sections/types.js';

const localized = z.object({ nl: z.string(), en: z.string() });
export const sharingClassSchema = z.enum(['verplicht', 'optioneel', 'optIn', 'verboden']);

/** A question a region adds to a section (spec §7). */
export const extraQuestionSchema = z.object({
  id: z.string().check(matching(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/)),
  label: localized,
  help: z.optional(localized),
  kind: z.enum(['yesNo', 'text', 'choice', 'multiChoice', 'date', 'score']),
  required: z.boolean(),
  options: z.optional(z.array(z.object({ value: z.union([z.string(), z.number()]), label: localized }))),
});
export type ExtraQuestion = z.infer<typeof extraQuestionSchema>;

export const regionConfigSchema = z.object({
  id: z.string(),
  naam: z.string(),
  /** Optional sections this region leaves out (only sections marked optional). */
  disabledSections: z.array(z.string()),
  extraQuestions: z.record(z.string(), z.array(extraQuestionSchema)),
  competences: z.array(z.object({ code: z.string(), nl: z.string(), en: z.string() })),
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
  competences: codelists.competentiesStandaard.map((c) => ({ code: c.code, nl: c.nl, en: c.en })),
  sharing: {},
  guardianConsentBelowAge: 18,
  support: { naam: 'Servicedesk doorstroomdossier' },
  registrationDeadline: { month: codelists.aanmelddeadline.maand, day: codelists.aanmelddeadline.dag },
};

/** Every section the SDK knows, before a region config is applied. */
export const baseSections: ReadonlyArray<SectionDefinition> = [...deelASections, ...deelBSections, ...consentSections];

function extraToQuestion(extra: ExtraQuestion): Question {
  const base = { id: extra.id, label: extra.label, required: extra.required, ...(extra.help ? { help: extra.help } : {}) };
  switch (extra.kind) {
    case 'choice':
    case 'multiChoice':
      return { ...base, kind: extra.kind, options: extra.options ?? [] };
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

  const included = baseSections.filter(
    (s) => !(s.optional && config.disabledSections.includes(s.id)) && (!dossierType || s.dossierTypes.includes(dossierType)),
  );
  const shareable = included.filter((s) => s.part !== 'consent' && ['optioneel', 'optIn'].includes(sharingClassOf(config, s)));
  const built = included.map((section): SectionDefinition => {
    let questions: Question[] = [...section.questions];
    if (section.id === 'competenties') {
      questions = config.competences.map((c) => ({
        kind: 'score' as const,
        id: c.code,
        label: { nl: c.nl, en: c.en },
        required: true,
        options: competenceScoreOptions,
      }));
    }
    if (section.id === 'akkoordverklaring') {
      questions = questions.map((q) =>
        q.id === 'delen' && q.kind === 'multiChoice'
          ? { ...q, options: shareable.map((s) => ({ value: s.id, label: s.title, hint: sharingHint(sharingClassOf(config, s)) })) }
          : q,
      );
    }
    questions.push(...(config.extraQuestions[section.id] ?? []).map(extraToQuestion));
    return { ...section, questions };
  });
  perType.set(key, built);
  return built;
}

// Both classes go along only when ticked: no box starts ticked (a pre-ticked box is no consent under the AVG).
function sharingHint(sharing: SharingClass) {
  return sharing === 'optIn'
    ? { nl: 'Gaat alleen mee als jij het aanvinkt.', en: 'Only shared when you tick it.' }
    : { nl: 'Aangeraden om te delen. Gaat alleen mee als jij het aanvinkt.', en: 'Recommended to share. Only shared when you tick it.' };
}

// Language packs translate the standard definitions (a region's own extra questions show in Dutch or English).
registerTexts(() => [
  ['sharing.optIn', sharingHint('optIn')],
  ['sharing.optioneel', sharingHint('optioneel')],
  ...sectionTexts(buildSections(defaultRegionConfig)),
  ...optionTexts('dossierType', optionsFrom(codelists.dossierType)),
]);

export function findSection(config: RegionConfig, sectionId: string): SectionDefinition | undefined {
  return buildSections(config).find((s) => s.id === sectionId);
}
