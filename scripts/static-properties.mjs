// Rollup plugin for the script-tag bundle: turns Lit's `@property(…)` / `@state()` decorators on
// class fields into one `static properties = {…}` per class, which Lit reads the same way.
// Decorated fields cost the bundle a copy of esbuild's decorator helper per file, one helper call
// per field and Lit's decorator module (about 0.6 kB min+gzip). The sources keep the decorators:
// the custom elements manifest (`npm run analyze`) reads its attributes and privacy from them.
import ts from 'typescript';
import { sourceEditPlugin } from './source-edits.mjs';

const decoratorModule = 'lit/decorators.js';

/** The local names `property` and `state` are imported under from lit/decorators.js. */
function decoratorNames(source) {
  const names = new Map();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.moduleSpecifier.text !== decoratorModule) continue;
    for (const element of statement.importClause?.namedBindings?.elements ?? []) {
      const imported = (element.propertyName ?? element.name).text;
      if (imported === 'property' || imported === 'state') names.set(element.name.text, imported);
    }
  }
  return names;
}

/**
 * The edits for one class: its decorators removed and a `static properties` added, or none when
 * the class has a decorator this plugin does not know (it is then left as written).
 */
function classEdits(node, names, text) {
  const entries = [];
  const removals = [];
  for (const member of node.members) {
    const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
    if (decorators.length === 0) continue;
    if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name) || decorators.length !== 1) return [];
    const call = decorators[0].expression;
    const kind = ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? names.get(call.expression.text) : undefined;
    if (!kind || call.arguments.length > 1) return [];
    const options = call.arguments[0] ? text.slice(call.arguments[0].getStart(), call.arguments[0].end) : '{}';
    if (kind === 'state' && call.arguments.length > 0) return [];
    // `state()` is `property({ state: true, attribute: false })`; `createProperty` turns the attribute off for `state` itself.
    entries.push(`${member.name.text}: ${kind === 'state' ? '{ state: true }' : options}`);
    removals.push([decorators[0].getStart(), decorators[0].end, '']);
  }
  if (entries.length === 0) return [];
  if (node.members.some((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties' && m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword))) return [];
  // Right after the class's opening brace.
  const start = node.members.pos;
  return [[start, start, `static properties = { ${entries.join(', ')} };`], ...removals];
}

function propertyEdits(source) {
  const names = decoratorNames(source);
  if (names.size === 0) return [];
  const edits = [];
  const visit = (node) => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) edits.push(...classEdits(node, names, source.text));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edits;
}

export function staticProperties({ include }) {
  return sourceEditPlugin({ name: 'doorstroom:static-properties', include, mayEdit: (code) => code.includes(decoratorModule), editsOf: propertyEdits });
}
