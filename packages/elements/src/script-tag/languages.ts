/**
 * How the script-tag files take a language file (dist/lang/<code>.js). A language file carries
 * only data: it puts `{ lang, texts, messages }` in a list on `globalThis` under
 * `Symbol.for('doorstroom.languages')` and fires `doorstroom-language` on `globalThis`. Every
 * script-tag file (the whole bundle or one element's file) takes the list when it starts and
 * each file that arrives later, so a language file works beside any of them, before or after it,
 * without importing it (which would load the whole bundle next to an element's own file).
 */
import { registerLanguage } from '@doorstroom/sdk';
import { addMessages, offerLanguages, type Catalogue } from '../shared/i18n.js';

/** What dist/lang/<code>.js leaves on the page. */
export interface LanguageFile {
  lang: string;
  /** The SDK's texts (a `LanguagePack`'s texts). */
  texts: Readonly<Record<string, string>>;
  /** The elements' UI strings. */
  messages: Catalogue;
}

export const languageFilesKey = Symbol.for('doorstroom.languages');
export const languageFileEvent = 'doorstroom-language';

const taken = new WeakSet<LanguageFile>();

function takeLanguageFiles(): void {
  const waiting = (globalThis as { [languageFilesKey]?: LanguageFile[] })[languageFilesKey] ?? [];
  for (const file of waiting) {
    if (taken.has(file)) continue;
    taken.add(file);
    registerLanguage({ lang: file.lang, texts: file.texts });
    addMessages({ [file.lang]: file.messages });
    // Loading the file is how a portal offers the language: the page's lang may now pick it.
    offerLanguages(file.lang);
  }
}

takeLanguageFiles();
globalThis.addEventListener?.(languageFileEvent, takeLanguageFiles);
