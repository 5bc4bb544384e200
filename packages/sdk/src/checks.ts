/**
 * What `z.int()` and `z.regex()` check, written as zod check functions. The classes behind those
 * two (zod's number and string formats) would cost the script-tag bundle 0.6 kB min+gzip for
 * five numbers and one pattern. The issues are the ones zod raises; scripts/openapi.ts still
 * documents these values as a JSON Schema `integer` and `pattern`.
 */
import type * as z from 'zod/mini';

/** A whole number in the safe integer range, as `z.int()` accepts it. */
export const wholeNumber: z.core.CheckFn<number> = (payload) => {
  const input = payload.value;
  if (!Number.isInteger(input)) {
    payload.issues.push({ expected: 'int', format: 'safeint', code: 'invalid_type', continue: false, input });
  } else if (!Number.isSafeInteger(input)) {
    const note = 'Integers must be within the safe integer range.';
    payload.issues.push(
      input > 0
        ? { input, code: 'too_big', maximum: Number.MAX_SAFE_INTEGER, note, origin: 'int', inclusive: true, continue: true }
        : { input, code: 'too_small', minimum: Number.MIN_SAFE_INTEGER, note, origin: 'int', inclusive: true, continue: true },
    );
  }
};

/** A check function for strings that match `pattern`, as `z.regex(pattern)`; `pattern` is kept on it for the OpenAPI document. */
export function matching(pattern: RegExp): z.core.CheckFn<string> & { pattern: RegExp } {
  const check: z.core.CheckFn<string> = (payload) => {
    pattern.lastIndex = 0;
    if (pattern.test(payload.value)) return;
    payload.issues.push({ origin: 'string', code: 'invalid_format', format: 'regex', input: payload.value, pattern: pattern.toString(), continue: true });
  };
  return Object.assign(check, { pattern });
}
