/** Languages the SDK carries labels for. Dutch is the default and always present. */
export type Lang = 'nl' | 'en';

/** A text in every supported language. */
export interface Localized {
  nl: string;
  en: string;
}

export const text = (nl: string, en: string): Localized => ({ nl, en });

/** Picks the text for `lang`, falling back to Dutch. */
export function localize(value: Localized | undefined, lang: string = 'nl'): string {
  if (!value) return '';
  const short = lang.slice(0, 2) as Lang;
  return value[short] ?? value.nl;
}
