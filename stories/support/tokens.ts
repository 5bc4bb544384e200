/**
 * The shared `--ddd-*` tokens with their defaults, read from the `var(--ddd-…, default)`
 * fallbacks of the elements' own styles, so this list cannot drift from what the elements use.
 */
import { tokens } from '../../packages/elements/src/shared/tokens.js';

export interface ThemeToken {
  name: string;
  default: string;
}

export const sharedTokens: readonly ThemeToken[] = [...tokens.cssText.matchAll(/var\((--ddd-[a-z0-9-]+),\s*([^;]+)\);/g)].map(([, name, fallback]) => ({
  name: name!,
  default: fallback!.trim(),
}));

export const isColourToken = (name: string) => /-colou?r\b|-background\b/.test(name);

/** `:root { … }` with the tokens in `values` that differ from their default, ready to paste into a portal's stylesheet. */
export function themeCss(values: Record<string, unknown>): string {
  const lines = sharedTokens
    .filter((token) => typeof values[token.name] === 'string' && values[token.name] !== '' && values[token.name] !== token.default)
    .map((token) => `  ${token.name}: ${String(values[token.name])};`);
  return lines.length ? `:root {\n${lines.join('\n')}\n}\n` : '/* Alles staat op de standaardwaarden. */\n';
}
