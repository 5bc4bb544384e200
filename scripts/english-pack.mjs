// English as a language file of the script-tag bundle (issue 5): the bundle leaves out the
// English texts (about 8 kB min+gzip) and dist/lang/en.js brings them, like ar/tr/uk/pl. The
// sources keep English inline, so npm users of @doorstroom/sdk and @doorstroom/elements keep
// it built in; only this build rewrites them.
//
// What is left out: the second argument of `t('nl', 'en')` / `text('nl', 'en')` and `en: '…'`
// next to `nl: '…'` in the SDK (both strings written out), the SDK's English hint table, and
// the English UI catalogues (`const en = {…}` in the elements' messages files, `enMessages` in
// shared/i18n.ts, `en: {…}` passed to `addMessages`). An emptied text keeps `en: ''`; `localize(…, 'en')` then looks its Dutch up
// in what `registerEnglish` received, so texts built from others (format, joinTexts, a label
// with a suffix) translate as well.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { applyEdits } from './source-edits.mjs';

const isText = (node) => node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
const nameOf = (node) => (ts.isIdentifier(node) || ts.isStringLiteral(node) ? node.text : undefined);
const unwrap = (node) => (node && (ts.isSatisfiesExpression(node) || ts.isAsExpression(node)) ? unwrap(node.expression) : node);

function filesUnder(dir, skip) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.includes(entry.name)) files.push(...filesUnder(full, skip));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/** Edits that empty the English of an SDK module, and the Dutch → English pairs they remove. */
function sdkEdits(file, code) {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const edits = [];
  const pairs = [];
  const empty = (node) => edits.push([node.getStart(), node.end, "''"]);
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['t', 'text'].includes(node.expression.text)) {
      const [nl, en] = node.arguments;
      if (node.arguments.length === 2 && isText(nl) && isText(en)) {
        pairs.push([nl.text, en.text]);
        empty(en);
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      const props = new Map(node.properties.filter(ts.isPropertyAssignment).map((p) => [nameOf(p.name), p.initializer]));
      if (isText(props.get('nl')) && isText(props.get('en'))) {
        pairs.push([props.get('nl').text, props.get('en').text]);
        empty(props.get('en'));
      }
    } else if (ts.isVariableDeclaration(node) && nameOf(node.name) === 'englishExplanations' && ts.isObjectLiteralExpression(unwrap(node.initializer))) {
      for (const p of unwrap(node.initializer).properties) if (isText(p.initializer)) pairs.push([nameOf(p.name), p.initializer.text]);
      edits.push([node.initializer.getStart(), node.initializer.end, '{}']);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { edits, pairs };
}

/** Edits that empty an English UI catalogue of the elements, and its messages. */
function catalogueEdits(file, code) {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const edits = [];
  const messages = {};
  const visit = (node) => {
    // `const en = {…}`, `const enMessages = {…}`, or `en: {…}` in an `addMessages({ nl: …, en: … })` call.
    const inAddMessages =
      ts.isPropertyAssignment(node) &&
      nameOf(node.name) === 'en' &&
      ts.isObjectLiteralExpression(node.parent) &&
      ts.isCallExpression(node.parent.parent) &&
      ts.isIdentifier(node.parent.parent.expression) &&
      node.parent.parent.expression.text === 'addMessages';
    const object = ((ts.isVariableDeclaration(node) && ['en', 'enMessages'].includes(nameOf(node.name))) || inAddMessages) && unwrap(node.initializer);
    if (object && ts.isObjectLiteralExpression(object) && object.properties.every((p) => ts.isPropertyAssignment(p) && isText(p.initializer))) {
      for (const p of object.properties) messages[nameOf(p.name)] = p.initializer.text;
      edits.push([object.getStart(), object.end, '{}']);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { edits, messages };
}

/** Every text the SDK registers for language packs, Dutch → English, computed ones included. */
async function registeredEnglish(sdkSrc, conditions) {
  const out = path.join(tmpdir(), `doorstroom-english-${process.pid}-${Date.now()}.mjs`);
  await build({
    stdin: {
      contents: `import { textKeys } from ${JSON.stringify(path.join(sdkSrc, 'index.ts'))};\nexport default [...textKeys().values()].map((v) => [v.nl, v.en]);`,
      resolveDir: sdkSrc,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    conditions,
    outfile: out,
    logLevel: 'error',
  });
  try {
    return (await import(pathToFileURL(out).href)).default;
  } finally {
    rmSync(out, { force: true });
  }
}

/**
 * Rollup plugin: empties the English in the sources it builds and serves `englishModuleId` as
 * the module that puts it back (registerEnglish + addMessages) and offers English to the page's lang.
 */
export function englishAsLanguageFile({ sdkSrc, elementsSrc, englishModuleId, conditions }) {
  // File → how its English is found and the text it had at buildStart. The edits are made on the
  // code rollup hands over, so a plugin that renames identifiers may come first.
  const editsByFile = new Map();
  let sdkPairs = [];
  let uiMessages = {};
  const sdkFiles = () => filesUnder(sdkSrc, ['lang', 'server', 'example', 'testing']);
  const catalogueFiles = () => filesUnder(elementsSrc, ['lang', 'test']).filter((f) => /\ben\b|addMessages/.test(readFileSync(f, 'utf8')));
  return {
    name: 'doorstroom:english-as-language-file',
    async buildStart() {
      editsByFile.clear();
      const pairs = await registeredEnglish(sdkSrc, conditions);
      for (const file of sdkFiles()) {
        const text = readFileSync(file, 'utf8');
        const result = sdkEdits(file, text);
        if (result.edits.length) editsByFile.set(file, { edits: sdkEdits, text });
        pairs.push(...result.pairs);
      }
      uiMessages = {};
      for (const file of catalogueFiles()) {
        const text = readFileSync(file, 'utf8');
        const result = catalogueEdits(file, text);
        if (result.edits.length) editsByFile.set(file, { edits: catalogueEdits, text });
        Object.assign(uiMessages, result.messages);
      }
      // First pair wins, as in i18n.ts: a Dutch wording has one English text. Texts that read the
      // same in both (names, codes) need no entry: `localize` falls back to the Dutch.
      const byDutch = {};
      for (const [nl, en] of pairs) if (nl && en && nl !== en && !(nl in byDutch)) byDutch[nl] = en;
      sdkPairs = byDutch;
    },
    resolveId: (id) => (id === englishModuleId ? id : null),
    load(id) {
      if (id !== englishModuleId) return null;
      return [
        `import { registerEnglish } from ${JSON.stringify(path.join(sdkSrc, 'i18n.ts'))};`,
        `import { addMessages, offerLanguages } from ${JSON.stringify(path.join(elementsSrc, 'shared', 'i18n.ts'))};`,
        `import { en as ui } from ${JSON.stringify(path.join(elementsSrc, 'lang', 'en.ts'))};`,
        `registerEnglish(${JSON.stringify(sdkPairs)});`,
        `addMessages({ en: { ...ui, ...${JSON.stringify(uiMessages)} } });`,
        `offerLanguages('en');`,
      ].join('\n');
    },
    transform(code, id) {
      const file = editsByFile.get(id);
      if (!file) return null;
      // The file on disk changed since buildStart (watch mode): its English is not in en.js, leave it as it is.
      if (readFileSync(id, 'utf8') !== file.text) return null;
      const { edits } = file.edits(id, code);
      return { code: applyEdits(code, edits), map: null };
    },
  };
}
