/** Builds the demo portal (script-tag bundle, language files, portal code) into `site`, a folder path ending in a slash. */
export function buildDemoSite(site: string): Promise<void>;
