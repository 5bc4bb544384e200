// Rollup plugin for the script-tag bundle: TypeScript `private` class members get a name with
// `privatePrefix`, which terser then shortens like a local variable (`mangle.properties`). Terser
// cannot tell a private member from a public one by itself, and public names must stay: the
// page, Lit and the language files use them. The TypeScript checker can: every access it
// resolves to a private member is renamed with it, and nothing else is.
//
// A member is left alone when anything could reach it by its name at run time: a decorator (Lit
// reactive properties are looked up by name), an access with a string or a computed key, a
// spread or a `...rest` of an object that has it. It transforms before the other plugins, which
// then work on the renamed code. Every build type-checks the renamed sources (a use the analysis
// missed is a build error), and the cross-element tests run again on the built bundle
// (web-test-runner.bundle.config.mjs): comparing bytes with the prefix taken out could not see a
// rename that reached the class but not a reader, which once disabled every consent field.
import ts from 'typescript';
import path from 'node:path';
import { applyEdits } from './source-edits.mjs';

/** Names terser may shorten: `mangle: { properties: { regex: privateMemberNames } }`. */
export const privatePrefix = '__$p_';
export const privateMemberNames = /^__\$p_/;

const isPrivate = (node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
const isDecorated = (node) => ts.canHaveDecorators(node) && (ts.getDecorators(node) ?? []).length > 0;

function compilerOptions(tsconfig) {
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(tsconfig)).options;
}

/**
 * Per source file, the edits that rename private members (`[start, end, text]` on the text on
 * disk), and the text of every file read, to tell later whether the analysis still holds.
 * `entries` are the modules the bundle starts from; `include` the folders whose files may be renamed.
 */
export function privateMemberEdits({ tsconfig, entries, include }) {
  const program = ts.createProgram(entries, { ...compilerOptions(tsconfig), noEmit: true });
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((f) => include.some((dir) => f.fileName.startsWith(dir)) && !f.fileName.endsWith('.d.ts'));

  // Property symbol → its new name; for a constructor parameter property, its parameter too.
  const renamed = new Map();
  const parameterOf = new Map();
  const unsafe = new Set();
  for (const file of files) {
    const visit = (node) => {
      const member = ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node);
      if (member && isPrivate(node) && ts.isIdentifier(node.name)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        if (symbol) renamed.set(symbol, privatePrefix + node.name.text);
        if (symbol && isDecorated(node)) unsafe.add(symbol);
        // A public getter with a private setter is public: reads from outside resolve to the
        // getter and would keep the old name while the class renamed it.
        if (symbol && symbol.declarations?.some((declaration) => !isPrivate(declaration))) unsafe.add(symbol);
      } else if (ts.isParameter(node) && isPrivate(node) && ts.isIdentifier(node.name)) {
        const [parameter, property] = checker.getSymbolsOfParameterPropertyDeclaration(node, node.name.text);
        renamed.set(property, privatePrefix + node.name.text);
        parameterOf.set(parameter, property);
        if (isDecorated(node)) unsafe.add(property);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const privatesOfType = (type) => type.getProperties().filter((p) => renamed.has(p));
  const edits = new Map();
  const add = (file, node, symbol, text) => {
    if (!edits.has(file.fileName)) edits.set(file.fileName, []);
    edits.get(file.fileName).push({ symbol, edit: [node.getStart(file), node.end, text] });
  };
  for (const file of files) {
    const visit = (node) => {
      const parent = node.parent;
      if (ts.isIdentifier(node) && ts.isBindingElement(parent) && ts.isObjectBindingPattern(parent.parent) && (parent.propertyName ?? parent.name) === node) {
        // `{ member }` or `{ member: local }` taken from an object: the property is renamed, the variable keeps its name.
        const property = checker.getTypeAtLocation(parent.parent).getProperty(node.text);
        if (property && renamed.has(property)) add(file, node, property, parent.propertyName ? renamed.get(property) : `${renamed.get(property)}: ${node.text}`);
      } else if (ts.isIdentifier(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        if (symbol && renamed.has(symbol)) add(file, node, symbol, renamed.get(symbol));
        else if (symbol && parameterOf.has(symbol)) {
          // A constructor parameter property: the parameter is renamed with its property.
          const property = parameterOf.get(symbol);
          add(file, node, property, renamed.get(property));
        } else if (ts.isShorthandPropertyAssignment(parent) && parent.name === node) {
          // `{ host }` where `host` is such a parameter: the key stays, the value is renamed.
          const value = checker.getShorthandAssignmentValueSymbol(parent);
          if (value && parameterOf.has(value)) add(file, node, parameterOf.get(value), `${node.text}: ${renamed.get(parameterOf.get(value))}`);
        }
      } else if (ts.isElementAccessExpression(node)) {
        // A string key could name a private member; a computed one any of them.
        const key = node.argumentExpression;
        const symbol = ts.isStringLiteralLike(key) ? checker.getSymbolAtLocation(key) : undefined;
        if (symbol && renamed.has(symbol)) unsafe.add(symbol);
        if (!ts.isStringLiteralLike(key) && !ts.isNumericLiteral(key)) for (const p of privatesOfType(checker.getTypeAtLocation(node.expression))) unsafe.add(p);
      } else if (ts.isSpreadAssignment(node) || ts.isSpreadElement(node)) {
        for (const p of privatesOfType(checker.getTypeAtLocation(node.expression))) unsafe.add(p);
      } else if (ts.isObjectBindingPattern(node) && node.elements.some((e) => e.dotDotDotToken)) {
        for (const p of privatesOfType(checker.getTypeAtLocation(node))) unsafe.add(p);
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword && ts.isStringLiteralLike(node.left)) {
        for (const p of privatesOfType(checker.getTypeAtLocation(node.right))) if (p.name === node.left.text) unsafe.add(p);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const renames = new Map();
  for (const [fileName, list] of edits) {
    const safe = list.filter(({ symbol }) => !unsafe.has(symbol)).map(({ edit }) => edit);
    if (safe.length) renames.set(fileName, { text: program.getSourceFile(fileName).text, edits: safe });
  }
  checkRenamedProgram(program, renames);
  return { renames, sources: files.map((f) => [f.fileName, f.text]) };
}

/**
 * The renamed sources must still type-check: a use the analysis missed (a read that still says
 * `busy` where the class now says `__$p_busy`) is a type error here instead of `undefined` in a
 * school's browser. The original program is type-checked clean by `tsc` in CI.
 */
function checkRenamedProgram(program, renames) {
  const options = program.getCompilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => {
    const file = renames.get(path.resolve(fileName)) ?? renames.get(fileName);
    return file ? applyEdits(file.text, file.edits) : readFile(fileName);
  };
  const renamed = ts.createProgram(program.getRootFileNames(), options, host);
  // Every source file, not only the renamed ones: a file that merely reads a member counts most.
  const errors = renamed.getSourceFiles().filter((f) => !f.isDeclarationFile).flatMap((f) => renamed.getSemanticDiagnostics(f));
  if (errors.length > 0) {
    const where = errors.slice(0, 5).map((d) => `${d.file ? `${path.relative(process.cwd(), d.file.fileName)}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    throw new Error(`Renaming private members broke ${errors.length} use(s):\n${where.join('\n')}`);
  }
}

// size.mjs builds several bundles in one process: the analysis holds while no source changed.
let cached;

export function privateMembers({ tsconfig, entries, include }) {
  let renames = new Map();
  return {
    name: 'doorstroom:private-members',
    buildStart() {
      const key = JSON.stringify(entries);
      const current = cached?.key === key && cached.sources.every(([file, text]) => ts.sys.readFile(file) === text);
      if (!current) cached = { key, ...privateMemberEdits({ tsconfig, entries, include }) };
      renames = cached.renames;
    },
    // Put this plugin first: the edits are positions in the file as it is on disk.
    transform(code, id) {
      const file = renames.get(id);
      if (!file || code !== file.text) return null;
      return { code: applyEdits(code, file.edits), map: null };
    },
  };
}
