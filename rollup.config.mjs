// Builds for publishing (Lit's publishing guide: ES2022 modules, one file per source module,
// dependencies left to the app's bundler, not minified) and one self-contained script-tag bundle.
// Type declarations come from `tsc -p packages/<pkg>/tsconfig.build.json` (see `npm run build`).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

export const root = fileURLToPath(new URL('.', import.meta.url));
const at = (...parts) => path.join(root, ...parts);

/**
 * Export condition that points a workspace package at its TypeScript sources, so the bundle
 * never depends on a stale dist. Without the condition the package's default export is used.
 */
export const sourceCondition = '@doorstroom/source';

export const bundleFile = at('dist', 'doorstroom.min.js');
/** The script-tag bundle's entry: the elements without English (dist/lang/en.js brings it). */
export const bundleEntry = at('packages', 'elements', 'src', 'bundle.ts');
/** The optional preload script beside the bundle: starts the elements' first GETs while the bundle downloads. */
export const preloadName = 'doorstroom-preload';
export const preloadFile = at('dist', `${preloadName}.js`);
const preloadEntry = at('packages', 'elements', 'src', 'preload.ts');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The `./src/x.ts` targets of a package's exports map (a `*` pattern expands to the matching
 * files, tests left out). Given as a list, not named, so each entry keeps its source path in
 * dist (src/server/index.ts → dist/server/index.js) next to the declarations tsc writes for it.
 */
function inputsOf(pkgDir, pkg) {
  const inputs = [];
  for (const target of Object.values(pkg.exports ?? { '.': './src/index.ts' })) {
    const file = typeof target === 'string' ? target : (target[sourceCondition] ?? target.default);
    if (!file?.endsWith('.ts')) continue;
    if (!file.includes('*')) {
      inputs.push(path.join(pkgDir, file));
      continue;
    }
    const dir = path.join(pkgDir, path.dirname(file));
    const [before, after] = path.basename(file).split('*');
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (name.startsWith(before) && name.endsWith(after) && !name.endsWith('.test.ts')) inputs.push(path.join(dir, name));
    }
  }
  return inputs;
}

/** A module id belongs to a dependency: the bare name itself or a subpath of it. */
function isDependency(pkg) {
  const names = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (id) => names.some((name) => id === name || id.startsWith(`${name}/`));
}

/** The dependency warnings zod 4 is known for; everything else still reaches the console. */
export function onwarn(warning, warn) {
  const fromNodeModules = (id) => typeof id === 'string' && id.includes(`${path.sep}node_modules${path.sep}`);
  if (warning.code === 'INVALID_ANNOTATION' && fromNodeModules(warning.id)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every(fromNodeModules)) return;
  warn(warning);
}

const typescript = () =>
  esbuild({
    target: 'es2022',
    // Keeps experimentalDecorators and useDefineForClassFields: false, which Lit's decorators need.
    tsconfig: at('tsconfig.esbuild.json'),
  });

/**
 * Elements must reach the SDK through its package name: a relative import into
 * packages/sdk/src would copy SDK modules into @doorstroom/elements' dist.
 */
function sdkThroughPackageName(sdkSrc) {
  return {
    name: 'doorstroom:sdk-through-package-name',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && resolved.id.startsWith(sdkSrc) && !importer.startsWith(sdkSrc)) {
        this.error(`${path.relative(root, importer)} imports ${source}: import it from '@doorstroom/sdk' instead.`);
      }
      return null;
    },
  };
}

/** Removes files of modules that were renamed or deleted since the last build. */
const cleanDir = (dir) => ({
  name: 'doorstroom:clean',
  buildStart: () => rmSync(dir, { recursive: true, force: true }),
});

/** The ESM library build of one workspace package into packages/<name>/dist. */
export function libraryConfig(name) {
  const pkgDir = at('packages', name);
  const pkg = readJson(path.join(pkgDir, 'package.json'));
  const src = path.join(pkgDir, 'src');
  return {
    input: inputsOf(pkgDir, pkg),
    external: isDependency(pkg),
    plugins: [cleanDir(path.join(pkgDir, 'dist')), name === 'elements' && sdkThroughPackageName(at('packages', 'sdk', 'src') + path.sep), typescript()].filter(Boolean),
    onwarn,
    output: {
      dir: path.join(pkgDir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: src,
      entryFileNames: '[name].js',
    },
  };
}

/** Modules that must never reach the script-tag bundle: the mock service worker and example data. */
const forbiddenInBundle = [
  `${path.sep}node_modules${path.sep}msw${path.sep}`,
  `${path.sep}node_modules${path.sep}@mswjs${path.sep}`,
  at('packages', 'sdk', 'src', 'example') + path.sep,
  at('packages', 'sdk', 'src', 'testing') + path.sep,
  at('packages', 'sdk', 'src', 'msw.ts'),
];

function keepOutOfBundle() {
  return {
    name: 'doorstroom:keep-out-of-bundle',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const leaked = Object.entries(chunk.modules)
          .filter(([id, info]) => info.renderedLength > 0 && forbiddenInBundle.some((part) => id.includes(part)))
          .map(([id]) => path.relative(root, id));
        if (leaked.length) this.error(`These modules must not be in ${chunk.fileName}: ${leaked.join(', ')}`);
      }
    },
  };
}

// Property names are left as written: terser cannot tell a private member from one the page,
// Lit or a language file reads by name. Members written as `#name` are shortened all the same.
// The one comment kept is V8's compile hint (see elementFileConfig).
const terserPlugin = () => terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: /^# allFunctionsCalledOnLoad$/ } });

/** lightningcss targets: the browsers docs/embedding.md supports (the ES2022 ones, Safari from 16.4). */
const version = (major, minor = 0) => (major << 16) | (minor << 8);
const cssTargets = { chrome: version(94), edge: version(94), firefox: version(93), safari: version(16, 4), ios_saf: version(16, 4) };

/**
 * Lit's template minifier: html``, svg`` and css`` lose their indentation and comments. A run of
 * whitespace keeps one space, or one line break when it had one, so text reads the same, also
 * under `white-space: pre-line`. CSS goes through lightningcss for the supported browsers: without
 * targets it drops a fallback such as `inline-size: -webkit-fill-available` before `stretch`. A
 * template it cannot parse fails the build.
 */
const minifyTemplates = () =>
  minifyHTML({
    filter: (id) => id.startsWith(at('packages', 'elements', 'src') + path.sep) && id.endsWith('.ts'),
    failOnError: true,
    options: { minifyOptions: { conservativeCollapse: true, preserveLineBreaks: true, minifyCSS: { targets: cssTargets } } },
  });

const langPrefix = '\0doorstroom-lang:';
const sdkLangDir = at('packages', 'sdk', 'src', 'lang');
const elementsLangDir = at('packages', 'elements', 'src', 'lang');

/** Languages with a pack for both the SDK texts and the elements' UI strings (lang/<code>.ts). */
export function languagePacks() {
  const codes = (dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /^[a-z]{2,3}\.ts$/.test(f))
          .map((f) => f.slice(0, -3))
      : [];
  const ui = new Set(codes(elementsLangDir));
  return codes(sdkLangDir).filter((code) => ui.has(code));
}

/**
 * dist/lang/<code>.js: one language's data, left for whichever script-tag file is on the page
 * (the whole bundle or one element's file): see packages/elements/src/script-tag/languages.ts.
 * It imports no code, so it does not pull a second copy of the elements onto a page that loads
 * one element's file, and may come before or after it.
 */
function languageEntries(codes) {
  const pathOf = (...parts) => JSON.stringify(at('packages', ...parts));
  return {
    name: 'doorstroom:language-entries',
    resolveId: (source) => (source.startsWith(langPrefix) ? source : null),
    load(id) {
      if (!id.startsWith(langPrefix)) return null;
      const code = id.slice(langPrefix.length);
      if (!codes.includes(code)) return null;
      return [
        `import { ${code} as texts } from ${pathOf('sdk', 'src', 'lang', `${code}.ts`)};`,
        `import { ${code} as messages } from ${pathOf('elements', 'src', 'lang', `${code}.ts`)};`,
        // The key and event of script-tag/languages.ts.
        `(globalThis[Symbol.for('doorstroom.languages')] ??= []).push({ lang: ${JSON.stringify(code)}, texts: texts.texts, messages });`,
        `globalThis.dispatchEvent?.(new Event('doorstroom-language'));`,
      ].join('\n');
    },
  };
}

/**
 * Fails the build when the main file carries a language pack (an import of lang/<code>.ts on its
 * way, say an element's English registration): each language belongs in its lang/<code>.js.
 */
function languagesInTheirOwnFiles(mainFile, codes) {
  const packs = codes.flatMap((code) => [path.join(sdkLangDir, `${code}.ts`), path.join(elementsLangDir, `${code}.ts`)]);
  return {
    name: 'doorstroom:languages-in-their-own-files',
    generateBundle(_options, bundle) {
      const leaked = Object.entries(bundle[mainFile]?.modules ?? {})
        .filter(([id, info]) => info.renderedLength > 0 && packs.includes(id))
        .map(([id]) => path.relative(root, id));
      if (leaked.length) this.error(`${mainFile} must not contain these language packs, only lang/<code>.js may: ${leaked.join(', ')}`);
    },
  };
}

/**
 * The preload script is worth its request only while it is a few hundred bytes on its own: it
 * must not import the bundle (or anything shared with it).
 */
function preloadStandsAlone(fileName) {
  return {
    name: 'doorstroom:preload-stands-alone',
    generateBundle(_options, bundle) {
      const chunk = bundle[fileName];
      if (!chunk) return;
      const imported = [...chunk.imports, ...chunk.dynamicImports];
      const foreign = Object.keys(chunk.modules).filter((id) => id !== preloadEntry);
      if (imported.length || foreign.length) this.error(`${fileName} must stand alone; it imports ${[...imported, ...foreign.map((id) => path.relative(root, id))].join(', ')}`);
    },
  };
}

/**
 * The script-tag build: dist/doorstroom.min.js, a self-contained, minified ES module (lit,
 * @lit/context, ky and the SDK inlined), and with `languages` (the default for the whole
 * bundle) dist/lang/<code>.js per language besides Dutch, English included: src/bundle.ts leaves
 * it out, and dist/doorstroom-preload.js (src/preload.ts) beside it. Lit's production build is picked because the 'development' condition is not set.
 * `input` other than `bundleEntry` (npm run size) builds that one entry into one file.
 */
export function bundleConfig({ input = bundleEntry, file = bundleFile, sourcemap = true, languages = input === bundleEntry } = {}) {
  const codes = languages ? languagePacks() : [];
  const plugins = [
    nodeResolve({ browser: true, exportConditions: [sourceCondition], extensions: ['.mjs', '.js', '.ts', '.json'] }),
    languageEntries(codes),
    minifyTemplates(),
    typescript(),
    keepOutOfBundle(),
    languagesInTheirOwnFiles(path.basename(file), codes),
  ];
  if (codes.length === 0) {
    return { input, plugins, onwarn, output: { file, format: 'es', sourcemap, inlineDynamicImports: true, plugins: [terserPlugin()] } };
  }
  const main = path.basename(file, '.js');
  const isLanguageData = (id) => id.startsWith(langPrefix) || [sdkLangDir, elementsLangDir].some((dir) => id.startsWith(dir + path.sep));
  return {
    input: { [main]: input, [preloadName]: preloadEntry, ...Object.fromEntries(codes.map((code) => [`lang/${code}`, langPrefix + code])) },
    plugins: [...plugins, preloadStandsAlone(`${preloadName}.js`)],
    onwarn,
    output: {
      dir: path.dirname(file),
      format: 'es',
      sourcemap,
      entryFileNames: '[name].js',
      // Everything but the language data and the preload script stays in the one main file: it must work on its own.
      manualChunks: (id) => (isLanguageData(id) || id === preloadEntry ? undefined : main),
      plugins: [terserPlugin()],
    },
  };
}

/**
 * One element's script-tag file, dist/<tag>.min.js: for a page with that element alone it
 * weighs what the element needs instead of all six (the form page 81 instead of 116 kB
 * min+gzip). Self-contained like the bundle; languages from the same dist/lang/<code>.js.
 */
export const elementFileTags = ['ddd-progress', 'ddd-dossier-form', 'ddd-consent', 'ddd-mentor-review', 'ddd-intake'];
export const elementFile = (tag) => path.join(path.dirname(bundleFile), `${tag}.min.js`);
export const elementFileEntry = (tag) => at('packages', 'elements', 'src', 'script-tag', `${tag}.ts`);

/**
 * Files whose functions nearly all run while the page first shows the element: V8's explicit
 * compile hint (`//# allFunctionsCalledOnLoad`, Chromium 136+; other engines read a comment)
 * compiles them eagerly on a background thread while the file streams in, instead of on first call
 * on the main thread. The progress page showed 25 ms sooner on the page benchmark's phone (three
 * alternating runs: 771/766/776 against 775/803/808 ms). Not the form: most of its views (a section,
 * the check page, the consent step) do not run on load, and compiling them first made it slower.
 */
const eagerlyCompiled = ['ddd-progress'];

export function elementFileConfig(tag) {
  const config = bundleConfig({ input: elementFileEntry(tag), file: elementFile(tag) });
  config.plugins.push(languagesInTheirOwnFiles(path.basename(elementFile(tag)), languagePacks()));
  if (eagerlyCompiled.includes(tag)) config.output.banner = '//# allFunctionsCalledOnLoad';
  return config;
}

/** The files a page loads by script tag, each with its own integrity hash: the bundle, its preload script, each element's own file. */
export const scriptTagFiles = () => [bundleFile, preloadFile, ...elementFileTags.map(elementFile)];

/** Everything a page may load by script tag: the bundle with its language files, and each element's file. */
export const scriptTagConfigs = () => [bundleConfig(), ...elementFileTags.map(elementFileConfig)];

export default [libraryConfig('sdk'), libraryConfig('elements'), ...scriptTagConfigs()];
