// JSX (React 19) and Vue template types for the elements, generated from
// packages/elements/custom-elements.json by the manifest's own tool chain (@wc-toolkit/jsx-types,
// custom-element-vuejs-integration) into packages/elements/dist/: `@doorstroom/elements/jsx` and
// `@doorstroom/elements/vue` in the published package. Run by `npm run analyze` (so by
// `npm run build`) and by scripts/check-packages.mjs. Events are typed by the manifest (see
// custom-elements-manifest.config.mjs): `onddd-saved` gets a CustomEvent<DddSavedDetail>.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const elements = fileURLToPath(new URL('../packages/elements/', import.meta.url));
export const outdir = `${elements}dist`;
const manifest = JSON.parse(readFileSync(`${elements}custom-elements.json`, 'utf8'));

/** The manifest with each event's type rewritten by `map` (the two tools read event types differently). */
const withEventTypes = (map) => ({
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: module.declarations?.map((declaration) => ({
      ...declaration,
      events: declaration.events?.map((event) => (event.type?.text ? { ...event, type: { text: map(event.type.text) } } : event)),
    })),
  })),
});
const detailOf = (text) => /^CustomEvent<(.+)>$/.exec(text)?.[1] ?? text;

/**
 * For the JSX tool, which imports every export of an element's module from the package entry:
 * only the element classes (a module's helpers, like `stepsFor`, are not re-exported there).
 */
const onlyElementExports = (cem) => ({
  ...cem,
  modules: cem.modules.map((module) => {
    const elementNames = new Set((module.declarations ?? []).filter((declaration) => declaration.customElement).map((declaration) => declaration.name));
    return { ...module, exports: module.exports?.filter((entry) => elementNames.has(entry.declaration?.name)) };
  }),
});

const header = (what) => `// ${what} for @doorstroom/elements, generated from custom-elements.json by scripts/framework-types.mjs. Do not edit.\n`;

export function generateFrameworkTypes() {
  // JSX: `CustomEvent<DddSavedDetail>` as in the manifest; the detail types are imported from the
  // package's entry. Only React's JSX namespaces are augmented: the tool also augments preact,
  // solid-js, qwik, stencil, hono and react-native, which a React or Vue project does not have
  // installed (TS2664 for a consumer without skipLibCheck).
  const jsx = generateJsxTypes(onlyElementExports(manifest), { outdir, fileName: null, globalTypePath: './index.js', excludeCssCustomProperties: true });
  const reactOnly = jsx.replace(/^declare module (['"])(?!react(?:\/jsx-runtime|\/jsx-dev-runtime)?\1)[^'"]+\1 \{$[\s\S]*?^\}$\n?/gm, '');
  writeFileSync(`${outdir}/jsx.d.ts`, `${header('JSX types (React 19: props, attributes and `onddd-*` events)')}${reactOnly}`);

  // Vue: the tool wraps the event type in CustomEvent<…> itself and imports plain type names.
  generateVuejsTypes(withEventTypes(detailOf), { outdir, fileName: 'vue.d.ts', globalTypePath: './index.js', hideLogs: true });
  // Three fixes to its output: it imports a detail type once per element that fires it (TS2300
  // duplicate identifier); it names a handler `onddd-saved`, which Vue's JSX reads but a template
  // does not: the template compiler turns `@ddd-saved` into `onDddSaved`, so that key is added
  // beside it; and it augments the global `JSX` namespace, which Vue 3.4+ no longer uses (its JSX
  // lives in `vue/jsx-runtime`) and which would clash with `@doorstroom/elements/jsx` in a project
  // that has both.
  const vue = readFileSync(`${outdir}/vue.d.ts`, 'utf8')
    .replace(
      /import type \{([^}]*)\} from "\.\/index\.js";/,
      (_, names) =>
        `import type { ${[
          ...new Set(
            names
              .split(',')
              .map((name) => name.trim())
              .filter(Boolean),
          ),
        ].join(', ')} } from "./index.js";`,
    )
    .replace(
      /^(\s*)"on(ddd-[a-z-]+)"\?: (.*);$/gm,
      (line, indent, event, type) =>
        `${line}\n${indent}on${event
          .split('-')
          .map((part) => part[0].toUpperCase() + part.slice(1))
          .join('')}?: ${type};`,
    )
    .replace(/\ndeclare global \{\s*namespace JSX \{[\s\S]*?\n\}\n?$/, '\n');
  writeFileSync(`${outdir}/vue.d.ts`, `${header('Vue 3 template types (GlobalComponents)')}${vue}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generateFrameworkTypes();
  console.log('framework types: packages/elements/dist/jsx.d.ts, packages/elements/dist/vue.d.ts');
}
