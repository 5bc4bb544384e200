/**
 * Texts in several languages. Dutch and English live inline in the definitions (`Localized`);
 * Arabic, Turkish, Ukrainian and Polish come as language packs (`registerLanguage`), so a page
 * only loads the languages it offers. A pack maps stable keys (`q.persoonlijk.bsn.label`,
 * `refusal.deelAIncomplete`, `issue.bsnLength`) to texts; the modules that own texts announce
 * them with `registerTexts`, and `localize` finds a text's key by its Dutch wording, so copies
 * of a definition (JSON from a server, a rebuilt config) translate as well.
 */

/** Languages the definitions carry inline. Dutch is the default and always present. */
export type Lang = 'nl' | 'en';

/** Every language the project translates; the last four come as language packs. */
export const languages = ['nl', 'en', 'ar', 'tr', 'uk', 'pl'] as const;
export type LanguageCode = (typeof languages)[number];

/** A text in the inline languages. */
export interface Localized {
  nl: string;
  en: string;
}

export const text = (nl: string, en: string): Localized => (en === '' ? englishLater(nl) : { nl, en });

// Dutch wording → English, for a build that ships English as a language file (dist/lang/en.js):
// its definitions carry `en: ''` and `localize` looks the English up here.
const englishByDutch = new Map<string, string>();

/** A text whose English was left out of the build: `en` reads it once lang/en.js registered it. */
function englishLater(nl: string): Localized {
  return {
    nl,
    get en() {
      return englishByDutch.get(nl) ?? '';
    },
  };
}

/** Texts of one language by stable key, with the same `{vars}` as the Dutch text. */
export interface LanguagePack {
  lang: string;
  texts: Readonly<Record<string, string>>;
}

/** Values for `{name}` placeholders; a `Localized` value is shown in the same language. */
export type TextVars = Readonly<Record<string, string | number | Localized>>;

type TextSource = () => Iterable<readonly [key: string, value: Localized]>;
type Derivation = { template: Localized; vars: TextVars } | { parts: ReadonlyArray<Localized> };

const packs = new Map<string, Readonly<Record<string, string>>>();
const sources: TextSource[] = [];
// Dutch wording → key; first registration wins, so shared wordings ("Ja", "Toelichting") need one translation.
const keyByDutch = new Map<string, string>();
const textByKey = new Map<string, Localized>();
const derivations = new WeakMap<Localized, Derivation>();
let indexed = false;

function indexSource(source: TextSource): void {
  for (const [key, value] of source()) {
    if (keyByDutch.has(value.nl)) continue;
    keyByDutch.set(value.nl, key);
    textByKey.set(key, value);
  }
}

function ensureIndexed(): void {
  if (indexed) return;
  indexed = true;
  for (const source of sources) indexSource(source);
}

/**
 * Announces texts that language packs translate, as `[key, text]` pairs. Called once by each
 * module that owns texts; the source runs only when another language is first needed.
 */
export function registerTexts(source: TextSource): void {
  sources.push(source);
  if (indexed) indexSource(source);
}

/** Every key a language pack should have, with its Dutch and English text. */
export function textKeys(): ReadonlyMap<string, Localized> {
  ensureIndexed();
  return textByKey;
}

/** Adds English texts by their Dutch wording (the script-tag bundle's lang/en.js calls this). */
export function registerEnglish(texts: Readonly<Record<string, string>>): void {
  for (const [nl, en] of Object.entries(texts)) englishByDutch.set(nl, en);
}

function englishOf(value: Localized): string {
  const derived = derivations.get(value);
  if (derived) {
    if ('parts' in derived) return derived.parts.map((part) => localize(part, 'en')).join('');
    return fillIn(localize(derived.template, 'en'), derived.vars, 'en');
  }
  return englishByDutch.get(value.nl) ?? value.nl;
}

/** Adds (or extends) a language; `localize` uses it from then on. */
export function registerLanguage(pack: LanguagePack): void {
  const lang = pack.lang.toLowerCase();
  packs.set(lang, { ...packs.get(lang), ...pack.texts });
}

/** The languages `localize` can show: nl, en and every registered pack. */
export function registeredLanguages(): string[] {
  return ['nl', 'en', ...packs.keys()];
}

const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur']);

/** 'rtl' for languages written right to left. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(baseLanguage(lang)) ? 'rtl' : 'ltr';
}

const baseLanguage = (lang: string) => lang.slice(0, 2).toLowerCase();

function fillIn(template: string, vars: TextVars, lang: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? localize(value, lang) : String(value);
  });
}

/** The template with `{vars}` filled in; other languages fill in their own translation of it. */
export function format(template: Localized, vars: TextVars): Localized {
  return formatAs(text(fillIn(template.nl, vars, 'nl'), fillIn(template.en, vars, 'en')), template, vars);
}

/**
 * Returns `value` (Dutch and English already worded, e.g. with a label lower-cased mid-sentence)
 * and records that packs show it as `template` with `vars`.
 */
export function formatAs(value: Localized, template: Localized, vars: TextVars): Localized {
  derivations.set(value, { template, vars });
  return value;
}

/** Texts said one after the other: Dutch and English are joined as they are, packs with a space. */
export function joinTexts(...parts: Localized[]): Localized {
  const joined = text(parts.map((p) => p.nl).join(''), parts.map((p) => p.en).join(''));
  derivations.set(joined, { parts });
  return joined;
}

function translate(value: Localized, lang: string, pack: Readonly<Record<string, string>>): string | undefined {
  const derived = derivations.get(value);
  if (derived) {
    if ('parts' in derived) {
      const parts = derived.parts.map((part) => translate(part, lang, pack)?.trim());
      return parts.every((part) => part) ? parts.join(' ') : undefined;
    }
    const template = translate(derived.template, lang, pack);
    return template === undefined ? undefined : fillIn(template, derived.vars, lang);
  }
  const key = keyByDutch.get(value.nl);
  return key === undefined ? undefined : pack[key] || undefined;
}

/**
 * The text for `lang` ('nl', 'en', 'en-GB', 'ar', …): inline for Dutch and English, from the
 * language pack otherwise; Dutch when the language or the text has no translation.
 */
export function localize(value: Localized | undefined, lang: string = 'nl'): string {
  if (!value) return '';
  const short = baseLanguage(lang);
  if (short === 'nl') return value.nl;
  if (short === 'en') return value.en || englishOf(value);
  const pack = packs.get(short);
  if (!pack) return value.nl;
  ensureIndexed();
  return translate(value, short, pack) ?? value.nl;
}
