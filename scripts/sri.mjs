// The script-tag bundle as it is published: inside @doorstroom/elements (dist/bundle/, so a CDN
// that mirrors npm serves every version at a fixed address) and with its Subresource Integrity
// hash in the docs' script tags.
//
//   node scripts/sri.mjs           (npm run sri; also the end of `npm run build` and `npm run version`)
//       builds dist/doorstroom.min.js and the element files (dist/<tag>.min.js) when they are stale,
//       copies them with the language files and the preload script (doorstroom-preload.js) into
//       packages/elements/dist/bundle/, and writes each file's sha384 into every
//       `<script … src="…/doorstroom.min.js">` (…/doorstroom-preload.js, …/ddd-progress.min.js…) tag and the elements' version into every versioned path of the documents below;
//   node scripts/sri.mjs --check   (npm test)
//       changes no document: exits 1, saying what differs, when a document's integrity or version
//       does not match the built files.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { bundleFile, preloadFile, root, scriptTagConfigs, scriptTagFiles } from '../rollup.config.mjs';
import { bundleIsStale } from './bundle-freshness.mjs';

/** Documents that may show the script tag or a versioned address of the bundle. */
export const documents = () => [
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
  'packages/elements/README.md',
];
export const publishedDir = path.join(root, 'packages', 'elements', 'dist', 'bundle');

/** `sha384-…` of a file's exact bytes, as the `integrity` attribute wants it. */
export const integrityOf = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

export const elementsVersion = () => JSON.parse(readFileSync(path.join(root, 'packages', 'elements', 'package.json'), 'utf8')).version;

export async function buildBundleIfStale() {
  if (!bundleIsStale()) return;
  console.log(`Building ${path.relative(root, bundleFile)} and the element files …`);
  for (const config of scriptTagConfigs()) {
    const bundle = await rollup(config);
    try {
      await bundle.write(config.output);
    } finally {
      await bundle.close();
    }
  }
}

const scriptFiles = scriptTagFiles();
/** The tags docs/embedding.md must show (of the element files it shows one as an example). */
const requiredTags = [bundleFile, preloadFile].map((file) => path.basename(file));

/** dist/doorstroom.min.js, dist/doorstroom-preload.js, dist/<tag>.min.js (+ maps) and dist/lang/*.js into packages/elements/dist/bundle/, as packed. */
export function copyIntoElements() {
  const from = path.dirname(bundleFile);
  rmSync(publishedDir, { recursive: true, force: true });
  mkdirSync(path.join(publishedDir, 'lang'), { recursive: true });
  for (const name of scriptFiles.flatMap((file) => [path.basename(file), `${path.basename(file)}.map`])) {
    if (existsSync(path.join(from, name))) copyFileSync(path.join(from, name), path.join(publishedDir, name));
  }
  const langDir = path.join(from, 'lang');
  for (const name of existsSync(langDir) ? readdirSync(langDir) : []) {
    if (name.endsWith('.js') || name.endsWith('.js.map')) copyFileSync(path.join(langDir, name), path.join(publishedDir, 'lang', name));
  }
}

/** `<script … src="…/<name>">…</script>` tags of one file. */
const scriptTag = (name) => new RegExp(`<script\\b[^>]*\\bsrc="[^"]*/${name.replaceAll('.', '\\.')}"[^>]*></script>`, 'g');
const versionedPaths = [/(\/static\/doorstroom\/)\d+\.\d+\.\d+[^/]*(\/)/g, /(@doorstroom\/elements@)\d+\.\d+\.\d+[^/]*(\/)/g];

/** A script tag with `integrity` set to the hash and `crossorigin="anonymous"` (needed for another origin). */
function withIntegrity(tag, integrity) {
  let next = tag.replace(/\s+integrity="[^"]*"/, '').replace(/\s+crossorigin(="[^"]*")?/, '');
  return next.replace(/><\/script>$/, ` integrity="${integrity}" crossorigin="anonymous"></script>`);
}

/** The text of a document as it should be for these hashes (file name → `sha384-…`) and version. */
export function expectedText(text, integrities, version) {
  let next = text;
  for (const [name, integrity] of Object.entries(integrities)) next = next.replace(scriptTag(name), (tag) => withIntegrity(tag, integrity));
  for (const pattern of versionedPaths) next = next.replace(pattern, `$1${version}$2`);
  return next;
}

async function main() {
  const check = process.argv.includes('--check');
  await buildBundleIfStale();
  const integrities = Object.fromEntries(scriptFiles.map((file) => [path.basename(file), integrityOf(file)]));
  const integrity = Object.values(integrities).join(', ');
  const version = elementsVersion();
  const stale = [];
  for (const document of documents()) {
    const file = path.join(root, document);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const expected = expectedText(text, integrities, version);
    for (const name of requiredTags) {
      if (document === 'docs/embedding.md' && !text.match(scriptTag(name))) stale.push(`${document} has no <script src="…/${name}"> tag any more`);
    }
    if (expected === text) continue;
    if (check) {
      const lines = text.split('\n');
      const wanted = expected.split('\n');
      const where = lines.map((line, i) => (line === wanted[i] ? undefined : `${document}:${i + 1}`)).filter(Boolean);
      stale.push(`${where.join(', ')} (integrity or version differs from the built files)`);
    } else {
      writeFileSync(file, expected);
      console.log(`${document}: integrity ${integrity}, version ${version}`);
    }
  }
  if (stale.length && !check) {
    console.log(`- ${stale.join('\n- ')}`);
    process.exit(1);
  }
  if (check) {
    if (stale.length) {
      console.log(
        `The documented script tags do not fit the built files in dist/ (${integrity}, @doorstroom/elements ${version}):\n- ${stale.join('\n- ')}\nRun \`npm run sri\` (or \`npm run build\`) and commit the documents.`,
      );
      process.exit(1);
    }
    console.log(`docs: the script tags' integrity is the built files' ${integrity} (version ${version})`);
    return;
  }
  copyIntoElements();
  console.log(`${path.relative(root, publishedDir)}/: the bundle, its preload script, the element files and the language files, for the npm package`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
