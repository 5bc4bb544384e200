// Rollup plugin for the script-tag bundle: drops the indentation inside Lit's html`` / svg`` and
// css`` templates, which terser keeps as written (issue 5, about 1 kB min+gzip).
// html: a run of whitespace with line breaks becomes just the line breaks, so text reads the
// same, also under `white-space: pre-line`; markup has no <pre> and no template text in a
// `white-space: pre-wrap` element. css: comments go, whitespace shrinks to what the syntax needs.
import ts from 'typescript';
import { sourceEditPlugin } from './source-edits.mjs';

const html = (text) => text.replace(/[ \t\r\n]*\n[ \t\r\n]*/g, (run) => '\n'.repeat(run.split('\n').length - 1));
// Outside quoted strings: no space around braces and semicolons, after `:` and `,`, around the
// child combinator `>` or before `!important`, and no `;` before a `}`. Spaces around `+` and `-`
// stay: calc() needs them.
const cssOutsideStrings = (text) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};>]) ?/g, '$1')
    .replace(/([:,]) /g, '$1')
    .replace(/ !important/g, '!important')
    .replace(/;}/g, '}');
const css = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("[^"]*"|'[^']*')/)
    .map((part, index) => (index % 2 ? part : cssOutsideStrings(part)))
    .join('');

function templateEdits(source) {
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['html', 'svg', 'css'].includes(node.tag.text)) {
      const minify = node.tag.text === 'css' ? css : html;
      const template = node.template;
      const pieces = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const piece of pieces) {
        // The raw text between the delimiters: ` or } before, ` or ${ after.
        const start = piece.getStart() + 1;
        const end = piece.end - (piece.kind === ts.SyntaxKind.TemplateHead || piece.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        const raw = source.text.slice(start, end);
        const minified = minify(raw);
        if (minified !== raw) edits.push([start, end, minified]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edits;
}

export function minifyTemplates({ include }) {
  return sourceEditPlugin({ name: 'doorstroom:minify-templates', include, mayEdit: (code) => /\b(html|css|svg)`/.test(code), editsOf: templateEdits });
}
