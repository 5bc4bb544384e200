/**
 * The accessibility tree as assistive technology reads it (Playwright's ARIA snapshot through the
 * `aria-snapshot` test-runner command, test/a11y-tree-plugin.mjs): roles, names, heading levels
 * and states, shadow roots included. Tests check headings and names here, not only with axe.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** Playwright's YAML of the element matched by `selector` (first match; shadow roots pierced). */
export async function ariaTree(selector: string): Promise<string> {
  return executeServerCommand<string, { selector: string }>('aria-snapshot', { selector });
}

/** The headings in the tree, in order, as `[level, name]`. */
export function headingsIn(tree: string): Array<[number, string]> {
  return [...tree.matchAll(/- heading "((?:[^"\\]|\\.)*)" \[level=(\d)\]/g)].map((m) => [Number(m[2]), m[1]!.replace(/\\"/g, '"')]);
}

/** The checkboxes in the tree: their names and whether they are checked. */
export function checkboxesIn(tree: string): Array<{ name: string; checked: boolean }> {
  return [...tree.matchAll(/- checkbox "((?:[^"\\]|\\.)*)"( \[checked\])?/g)].map((m) => ({ name: m[1]!, checked: m[2] !== undefined }));
}
