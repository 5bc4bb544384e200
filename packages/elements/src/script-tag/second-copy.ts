/**
 * Every script-tag file carries its own Lit, SDK and shared state (the HTTP client per token,
 * config and `me` loaded once, the bus that tells one element another one saved). Two of them on
 * one page work, but their elements do not share that state: a save in the form would not
 * update a `<ddd-progress>` from another file. Say so in the console, once, for the developer.
 */
const loadedKey = Symbol.for('doorstroom.script-tag');

export function warnOfSecondCopy(file: string): void {
  const page = globalThis as { [loadedKey]?: string };
  const earlier = page[loadedKey];
  if (earlier && earlier !== file) {
    console.warn(
      `doorstroom: ${file} is loaded beside ${earlier}. Elements from different files do not share their connection or updates; on a page with more than one element load doorstroom.min.js alone (docs/embedding.md).`,
    );
  }
  page[loadedKey] ??= file;
}
