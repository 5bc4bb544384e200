// Used by the script-tag bundle's English transform (english-pack): it collects edits as
// positions in the text it was given.

/**
 * `code` with every `[start, end, replacement]` applied. Applied from the end backwards, so the
 * positions of the edits still to come stay where they were found; the list is not changed.
 */
export function applyEdits(code, edits) {
  let out = code;
  for (const [start, end, replacement] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + replacement + out.slice(end);
  return out;
}
