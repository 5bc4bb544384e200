/**
 * Texts in several languages. Dutch lives inline in the definitions (`Localized`); English,
 * Arabic, Turkish, Ukrainian and Polish come as language packs (`registerLanguage`), so a page
 * only loads the languages it offers (`@doorstroom/elements` registers English for npm users).
 * A pack maps stable keys (`q.persoonlijk.bsn.label`, `refusal.deelAIncomplete`,
 * `issue.bsnLength`) to texts; the modules that own texts announce them with `registerTexts`,
 * and `localize` finds a text's key by its Dutch wording, so copies of a definition (JSON from a
 * server, a rebuilt config) translate as well.
 */

/** Languages a `Localized` may carry inline. Dutch is the default and always present. */
export type Lang = 'nl' | 'en';

/** Every language the project translates; all but Dutch come as language packs. */
export const languages = ['nl', 'en', 'ar', 'tr', 'uk', 'pl'] as const;
export type LanguageCode = (typeof languages)[number];

/**
 * A text: Dutch, and English only where it comes with the text itself (a region config's own
 * texts). The SDK's own English is the `en` language pack (`@doorstroom/sdk/lang/en`).
 */
export interface Localized {
  nl: string;
  en?: string;
}

export const text = (nl: string, en?: string): Localized => (en === undefined ? { nl } : { nl, en });

/** Texts of one language by stable key, with the same `{vars}` as the Dutch text. */
export interface LanguagePack {
  lang: string;
  texts: Readonly<Record<string, string>>;
}

/** Values for `{name}` placeholders; a `Localized` value is shown in the same language. */
export type TextVars = Readonly<Record<string, string | number | Localized>>;

type TextSource = () => Iterable<readonly [key: string, value: Localized]>;
type Derivation = { template: Localized; vars: TextVars } | { parts: ReadonlyArray<Localized> } | { base: Localized; word: Wording };
type Wording = (text: string, lang: Lang) => string;

const packs = new Map<string, Readonly<Record<string, string>>>();
const sources: TextSource[] = [];
// Dutch wording → key; first registration wins, so shared wordings ("Ja", "Toelichting") need one translation.
const keyByDutch = new Map<string, string>();
const textByKey = new Map<string, Localized>();
// How a text was made, so English is made the same way from its parts' English …
const derivations = new WeakMap<Localized, Derivation>();
// … and how the other packs say it, where that differs (`formatAs`).
const packDerivations = new WeakMap<Localized, Derivation>();
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

/** Every key a language pack should have, with its Dutch text. */
export function textKeys(): ReadonlyMap<string, Localized> {
  ensureIndexed();
  return textByKey;
}

/**
 * English: the text's own `en` (a region's text), else the English pack by the text's key, else
 * the Dutch. Texts made with `format` or `joinTexts` are made again from their parts' English,
 * each part falling back to its Dutch, joined as they are (no space added, unlike other packs).
 */
function englishOf(value: Localized): string {
  if (value.en) return value.en;
  const derived = derivations.get(value);
  if (derived) {
    if ('parts' in derived) return derived.parts.map(englishOf).join('');
    if ('base' in derived) return derived.word(englishOf(derived.base), 'en');
    return fillIn(englishOf(derived.template), derived.vars, 'en');
  }
  const pack = packs.get('en');
  if (!pack) return value.nl;
  ensureIndexed();
  const key = keyByDutch.get(value.nl);
  return (key === undefined ? undefined : pack[key]) || value.nl;
}

/** Adds (or extends) a language; `localize` uses it from then on. */
export function registerLanguage(pack: LanguagePack): void {
  const lang = pack.lang.toLowerCase();
  packs.set(lang, { ...packs.get(lang), ...pack.texts });
}

/** The languages `localize` can show: nl, en and every registered pack. */
export function registeredLanguages(): string[] {
  return [...new Set(['nl', 'en', ...packs.keys()])];
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
  const value = text(fillIn(template.nl, vars, 'nl'), template.en === undefined ? undefined : fillIn(template.en, vars, 'en'));
  derivations.set(value, { template, vars });
  return value;
}

/**
 * Returns `value` (Dutch already worded, e.g. with a label lower-cased mid-sentence) and records
 * that packs show it as `template` with `vars`.
 */
export function formatAs(value: Localized, template: Localized, vars: TextVars): Localized {
  packDerivations.set(value, { template, vars });
  return value;
}

/**
 * `base` worded for its place in a sentence by `word` (e.g. lower-cased mid-sentence), in Dutch
 * and English; the other packs show `base` as they translate it.
 */
export function reword(base: Localized, word: Wording): Localized {
  const value = text(word(base.nl, 'nl'), base.en === undefined ? undefined : word(base.en, 'en'));
  derivations.set(value, { base, word });
  return value;
}

/** Texts said one after the other: Dutch and English are joined as they are, other packs with a space. */
export function joinTexts(...parts: Localized[]): Localized {
  const english = parts.every((p) => p.en !== undefined) ? parts.map((p) => p.en).join('') : undefined;
  const joined = text(parts.map((p) => p.nl).join(''), english);
  derivations.set(joined, { parts });
  return joined;
}

function translate(value: Localized, lang: string, pack: Readonly<Record<string, string>>): string | undefined {
  const derived = packDerivations.get(value) ?? derivations.get(value);
  if (derived) {
    if ('base' in derived) return translate(derived.base, lang, pack);
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
 * The text for `lang` ('nl', 'en', 'en-GB', 'ar', …): inline for Dutch (and for English when the
 * text carries its own), from the language pack otherwise; Dutch when the language or the text
 * has no translation.
 */
export function localize(value: Localized | undefined, lang: string = 'nl'): string {
  if (!value) return '';
  const short = baseLanguage(lang);
  if (short === 'nl') return value.nl;
  if (short === 'en') return englishOf(value);
  const pack = packs.get(short);
  if (!pack) return value.nl;
  ensureIndexed();
  return translate(value, short, pack) ?? value.nl;
}
