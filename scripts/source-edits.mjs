// Shared by the script-tag bundle's source transforms (minify-templates, static-properties,
// private-members, english-pack): each collects edits as positions in the text it was given.
import ts from 'typescript';

/**
 * `code` with every `[start, end, replacement]` applied. Applied from the end backwards, so the
 * positions of the edits still to come stay where they were found; the list is not changed.
 */
export function applyEdits(code, edits) {
  let out = code;
  for (const [start, end, replacement] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + replacement + out.slice(end);
  return out;
}

/**
 * A Rollup plugin that edits the TypeScript files under `include` which `mayEdit` (a cheap text
 * test), with the edits `editsOf` finds in the parsed file; files without edits pass unchanged.
 */
export function sourceEditPlugin({ name, include, mayEdit, editsOf }) {
  return {
    name,
    transform(code, id) {
      if (!id.startsWith(include) || !id.endsWith('.ts') || !mayEdit(code)) return null;
      const edits = editsOf(ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true));
      if (!edits.length) return null;
      return { code: applyEdits(code, edits), map: null };
    },
  };
}
