// Inside the doorstroom workspace, @doorstroom/* packages resolve to their TypeScript sources
// (export condition '@doorstroom/source'), so the server never runs against a stale dist.
// Installed from npm, the SDK ships only dist and this hook stays off.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

if (existsSync(new URL('../../sdk/src/index.ts', import.meta.url))) {
  register('data:text/javascript,' + encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (!specifier.startsWith('@doorstroom/')) return next(specifier, context);
      return next(specifier, { ...context, conditions: [...context.conditions, '@doorstroom/source'] });
    }`));
}
