// Are @doorstroom/sdk, @doorstroom/elements and @doorstroom/server publishable as they are? Builds
// them (rollup + declarations, the server with tsc, the script-tag bundle copied into the elements package), then
// checks what an npm user would get:
//   1. `npm publish --dry-run` of each package succeeds, and its tarball holds README.md,
//      CHANGELOG.md, every target of every `exports` entry (types and default) and every `bin`;
//      the elements' tarball also holds the script-tag bundle (dist/bundle/doorstroom.min.js and
//      its language files) whose sha384 is the `integrity` docs/embedding.md gives;
//   2. Node imports @doorstroom/sdk from dist, without the workspace's source condition;
//   3. TypeScript compiles a consumer against the published declarations only, also React 19 JSX
//      and Vue components through the shipped `@doorstroom/elements/jsx` and `/vue` types.
// Exits non-zero with the reasons when anything is missing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scriptTagFiles } from '../rollup.config.mjs';
import { copyIntoElements, integrityOf, publishedDir } from './sri.mjs';

const problems = [];
const run = (cmd, args, options = {}) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });

for (const [cmd, args] of [
  ['npx', ['rollup', '-c', '--silent']],
  ['npx', ['tsc', '-p', 'packages/sdk/tsconfig.build.json']],
  ['npx', ['tsc', '-p', 'packages/elements/tsconfig.build.json']],
  // The server's JavaScript and declarations (its exports point at dist), against the SDK's dist just built.
  ['npx', ['tsc', '-p', 'packages/server/tsconfig.build.json']],
]) {
  const result = run(cmd, args);
  if (result.status !== 0) {
    console.log(`${cmd} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
}
// dist/jsx.d.ts and dist/vue.d.ts (`@doorstroom/elements/jsx`, `/vue`), as `npm run analyze` makes them.
const frameworkTypes = run(process.execPath, ['scripts/framework-types.mjs']);
if (frameworkTypes.status !== 0) {
  console.log(`scripts/framework-types.mjs failed:\n${frameworkTypes.stdout}${frameworkTypes.stderr}`);
  process.exit(1);
}
// dist/doorstroom.min.js and dist/lang/ into packages/elements/dist/bundle/, as `npm run build` does.
copyIntoElements();

/** Every file an exports entry may point at, `*` patterns matched against the packed files. */
function exportTargets(exportsMap) {
  const targets = [];
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const conditions = typeof target === 'string' ? { default: target } : target;
    for (const [condition, file] of Object.entries(conditions)) {
      if (condition === '@doorstroom/source') continue; // workspace only, not published
      targets.push({ subpath, condition, file: file.replace(/^\.\//, '') });
    }
  }
  return targets;
}

/** The `integrity` values of the script tags of one file (doorstroom.min.js, doorstroom-preload.js, ddd-progress.min.js…) in docs/embedding.md. */
const documentedIntegrity = (name) =>
  [...readFileSync('docs/embedding.md', 'utf8').matchAll(new RegExp(`<script\\b[^>]*/${name.replaceAll('.', '\\.')}"[^>]*\\bintegrity="([^"]+)"`, 'g'))].map((match) => match[1]);

for (const name of ['sdk', 'elements', 'server']) {
  const dir = path.join('packages', name);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  // What `npm publish` would upload, without uploading (no login needed for a dry run).
  const published = run('npm', ['publish', '--dry-run', '--json', '--ignore-scripts', '--access', 'public'], { cwd: dir });
  if (published.status !== 0) {
    problems.push(`${pkg.name}: npm publish --dry-run failed (exit ${published.status}): ${published.stderr.trim().split('\n').slice(-3).join(' ')}`);
    continue;
  }
  const report = JSON.parse(published.stdout);
  const tarball = Array.isArray(report) ? report[0] : (report[pkg.name] ?? Object.values(report)[0]);
  if (tarball.name !== pkg.name || tarball.version !== pkg.version) problems.push(`${pkg.name}: npm would publish ${tarball.id} instead of ${pkg.name}@${pkg.version}`);
  const files = new Set(tarball.files.map((file) => file.path));
  for (const file of ['README.md', 'CHANGELOG.md']) if (!files.has(file)) problems.push(`${pkg.name}: ${file} is not in the package`);
  for (const { subpath, condition, file } of exportTargets(pkg.exports)) {
    const pattern = new RegExp(
      `^${file
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}$`,
    );
    if (![...files].some((packedFile) => pattern.test(packedFile))) problems.push(`${pkg.name} "${subpath}" (${condition}) → ${file} is not in the package`);
  }
  for (const [command, file] of Object.entries(pkg.bin ?? {})) if (!files.has(file.replace(/^\.\//, ''))) problems.push(`${pkg.name}: bin ${command} → ${file} is not in the package`);
  if (pkg.customElements && !files.has(pkg.customElements)) problems.push(`${pkg.name}: ${pkg.customElements} is not in the package`);
  if (name === 'elements') {
    const scripts = scriptTagFiles().map((file) => path.basename(file));
    const languages = readdirSync(path.join(publishedDir, 'lang')).filter((file) => file.endsWith('.js'));
    for (const file of [...scripts.map((name) => path.join(publishedDir, name)), ...languages.map((language) => path.join(publishedDir, 'lang', language))]) {
      if (!files.has(path.relative(dir, file))) problems.push(`${pkg.name}: the script-tag file ${path.relative(dir, file)} is not in the package`);
    }
    if (languages.length === 0) problems.push(`${pkg.name}: the script-tag bundle has no language files`);
    // The bundle's and the preload script's tags are documented, and so is every element file's that the docs show.
    for (const name of scripts) {
      const integrity = integrityOf(path.join(publishedDir, name));
      const documented = documentedIntegrity(name);
      const required = name === 'doorstroom.min.js' || name === 'doorstroom-preload.js';
      if ((required && documented.length === 0) || documented.some((value) => value !== integrity)) {
        problems.push(`${pkg.name}: ${name} is ${integrity}, docs/embedding.md says ${documented.join(', ') || 'nothing'} (npm run sri)`);
      }
    }
  }
}

const nodeImport = run(process.execPath, [
  '--input-type=module',
  '-e',
  `
  const sdk = await import('@doorstroom/sdk');
  const resolved = import.meta.resolve('@doorstroom/sdk');
  if (!resolved.includes('/dist/')) throw new Error('resolved to ' + resolved);
  for (const name of ['createHttpClient', 'createMemoryBackend', 'buildSections', 'completion', 'can']) {
    if (typeof sdk[name] !== 'function') throw new Error(name + ' is missing');
  }
`,
]);
if (nodeImport.status !== 0) problems.push(`Node cannot import @doorstroom/sdk from dist: ${nodeImport.stderr.trim().split('\n').slice(-3).join(' ')}`);

// A consumer's project inside the repository (so node_modules resolves as for an installed
// package) without customConditions: only the published declarations are visible.
const consumer = path.resolve('.tmp-consumer');
mkdirSync(consumer, { recursive: true });
try {
  writeFileSync(
    path.join(consumer, 'consumer.ts'),
    `
    import { createHttpClient, type Dossier } from '@doorstroom/sdk';
    import type { DddDossierForm } from '@doorstroom/elements';
    import '@doorstroom/elements/dossier-form';
    const form: DddDossierForm | null = document.querySelector('ddd-dossier-form');
    if (form) form.api = createHttpClient({ baseUrl: '/api/doorstroom' });
    form?.addEventListener('ddd-saved', (event) => {
      const dossier: Dossier = event.detail.dossier;
      console.log(dossier.version);
    });
  `,
  );
  // React 19 through the shipped JSX types: attributes, properties and `onddd-*` handlers typed
  // from the manifest; a wrong type is an error (checked by @ts-expect-error).
  writeFileSync(
    path.join(consumer, 'react.tsx'),
    `
    import type {} from '@doorstroom/elements/jsx';
    import type { Dossier, DossierAction } from '@doorstroom/sdk';
    import { createHttpClient } from '@doorstroom/sdk';
    const api = createHttpClient({ baseUrl: '/api' });
    export const page = (
      <ddd-context api={api} lang="nl">
        <ddd-progress dossier-id="dossier-noor" compact />
        <ddd-dossier-form
          dossier-id="dossier-noor"
          autosave-delay={500}
          onddd-saved={(event) => { const dossier: Dossier = event.detail.dossier; return dossier.version; }}
          onddd-action={(event) => { const action: DossierAction = event.detail.action; return action; }}
          onddd-error={(event) => (event.detail.kind === 'unauthorized' ? event.detail.status : event.detail.message)}
        />
        <ddd-mentor-review view="mijnLeerlingen" onddd-begeleiding-saved={(event) => event.detail.begeleiding.version} />
        {/* @ts-expect-error autosave-delay is a number */}
        <ddd-dossier-form autosave-delay="soon" />
        {/* @ts-expect-error the detail of ddd-saved has no action */}
        <ddd-consent onddd-saved={(event) => event.detail.action} />
      </ddd-context>
    );
  `,
  );
  // Vue: the shipped GlobalComponents, as vue-tsc reads them for templates.
  writeFileSync(
    path.join(consumer, 'vue.ts'),
    `
    import type {} from '@doorstroom/elements/vue';
    import type { GlobalComponents } from 'vue';
    import type { DddErrorDetail } from '@doorstroom/elements';
    type FormProps = InstanceType<GlobalComponents['ddd-dossier-form']>['$props'];
    const onError: FormProps['onDddError'] = (event) => { const detail: DddErrorDetail = event.detail; return detail; };
    const props: FormProps = { 'dossier-id': 'dossier-noor', 'autosave-delay': 500, onDddError: onError };
    // @ts-expect-error autosave-delay is a number
    const wrong: FormProps = { 'autosave-delay': 'soon' };
    export { props, wrong };
  `,
  );
  writeFileSync(
    path.join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ES2022',
        moduleResolution: 'bundler',
        strict: true,
        noEmit: true,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        skipLibCheck: false,
        jsx: 'react-jsx',
      },
      files: ['consumer.ts', 'react.tsx', 'vue.ts'],
    }),
  );
  const types = run('npx', ['tsc', '-p', path.join(consumer, 'tsconfig.json')]);
  if (types.status !== 0) problems.push(`A TypeScript consumer does not compile against the published declarations:\n${types.stdout}`);
} finally {
  rmSync(consumer, { recursive: true, force: true });
}

if (problems.length) {
  console.log(`Packages are not publishable:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  'packages: npm publish --dry-run passes for all three; README, CHANGELOG, every export and bin are in the tarballs, the script-tag bundle with the documented integrity in the elements; Node imports the SDK from dist; a TypeScript consumer (plain, React JSX, Vue) compiles against the declarations',
);
