// Which code a bin runs. Installed from npm: the compiled JavaScript in dist/, with plain node.
// Inside the doorstroom workspace (the TypeScript sources beside the SDK's): the sources through
// tsx, with @doorstroom/* resolving to their sources too (export condition '@doorstroom/source'),
// so the server never runs against a stale build.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

/** True (and tsx registered) inside the workspace; false for an installed package. */
export async function workspaceSources() {
  const inWorkspace = existsSync(new URL('../src/index.ts', import.meta.url)) && existsSync(new URL('../../sdk/src/index.ts', import.meta.url));
  if (!inWorkspace) return false;
  register(
    'data:text/javascript,' +
      encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (!specifier.startsWith('@doorstroom/')) return next(specifier, context);
      return next(specifier, { ...context, conditions: [...context.conditions, '@doorstroom/source'] });
    }`),
  );
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  return true;
}
