// React ships CommonJS only, and the test runner serves ES modules as they are. This middleware
// bundles the CommonJS packages the framework tests import (react, react-dom, react-dom/client)
// once with esbuild into one ES module, and answers the URLs the test runner resolves those
// imports to with small facades over it: `import { createElement } from 'react'` works in a
// test, and every importer shares one React (react-dom needs the same instance).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The URL the test runner's node resolution gives each package → its specifier. */
const facades = new Map([
  ['/node_modules/react/index.js', 'react'],
  ['/node_modules/react-dom/index.js', 'react-dom'],
  ['/node_modules/react-dom/client.js', 'react-dom/client'],
]);
const specifiers = [...facades.values()];
const bundleUrl = '/__commonjs__/react-bundle.js';
const exportName = (specifier) => `pkg${specifiers.indexOf(specifier)}`;

/** @type {Promise<string> | undefined} */
let bundle;
/** @type {Record<string, string[]> | undefined} */
let exportNames;

/**
 * The names each package exports, read by requiring it in a separate Node process: React
 * patches `console` when it loads, which breaks the test runner's own console in this one.
 */
function namesOf(specifier) {
  exportNames ??= JSON.parse(
    execFileSync(process.execPath, ['-e', `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(specifiers)}.map((s) => [s, Object.keys(require(s))]))))`], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  return exportNames[specifier] ?? [];
}

async function buildBundle() {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: specifiers.map((specifier) => `export * as ${exportName(specifier)} from ${JSON.stringify(specifier)};`).join('\n'),
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function facade(specifier) {
  const names = namesOf(specifier).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
  return [`import { ${exportName(specifier)} as pkg } from ${JSON.stringify(bundleUrl)};`, 'export default pkg.default;', names.length ? `export const { ${names.join(', ')} } = pkg;` : ''].join('\n');
}

/** Koa middleware for @web/test-runner and @web/dev-server. */
export async function commonJsPackages(context, next) {
  const specifier = facades.get(context.path);
  if (context.path !== bundleUrl && !specifier) return next();
  context.type = 'application/javascript';
  context.set('Cache-Control', 'no-cache');
  context.body = specifier ? facade(specifier) : await (bundle ??= buildBundle());
}
