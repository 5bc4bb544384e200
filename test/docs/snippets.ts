/**
 * Every fenced code block of the docs (docs/*.md and every README.md), with what the tests do with
 * it. A block is run by a test (test/docs/docs-snippets.e2e.ts, test/frameworks/apps.e2e.ts)
 * or carries a marker right before its fence saying why not:
 *
 *     <!-- not-run: the reason -->
 *
 * Both tests claim the blocks they run by `file:ordinal`; a block neither claimed nor marked fails
 * the docs test, so a new snippet cannot go untested by accident.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Snippet {
  /** Repository-relative path of the Markdown file. */
  file: string;
  /** 1-based position among the file's blocks: `docs/npm.md#3`. */
  ordinal: number;
  /** Line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  /** The reason of a `<!-- not-run: … -->` marker before the fence. */
  notRun?: string;
}

export const snippetId = (snippet: Pick<Snippet, 'file' | 'ordinal'>) => `${snippet.file}#${snippet.ordinal}`;

/** docs/*.md and every README.md outside node_modules, dist and build output. */
export function docFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  const readmes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || ['node_modules', 'dist', 'storybook-static', 'coverage'].includes(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'README.md') readmes.push(relative(root, path));
    }
  };
  walk(root);
  return [...docs.sort(), ...readmes.sort()];
}

export function snippetsOf(file: string): Snippet[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const end = lines.findIndex((line, j) => j > i && line.trim() === fence);
    if (end < 0) throw new Error(`${file}:${i + 1}: a code block without its closing fence`);
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const marker = before >= 0 ? /^\s*<!--\s*not-run:\s*(.+?)\s*-->\s*$/.exec(lines[before]!) : null;
    snippets.push({
      file,
      ordinal: snippets.length + 1,
      line: i + 1,
      lang: lang ?? '',
      code: lines
        .slice(i + 1, end)
        .map((line) => line.slice(indent!.length))
        .join('\n'),
      ...(marker ? { notRun: marker[1] } : {}),
    });
    i = end;
  }
  return snippets;
}

export const allSnippets = (): Snippet[] => docFiles().flatMap(snippetsOf);

/** The one block of `file` whose code contains `needle` (fails loudly when there is none or several). */
export function snippet(file: string, needle: string): Snippet {
  const found = snippetsOf(file).filter((s) => s.code.includes(needle));
  if (found.length !== 1) throw new Error(`${file}: ${found.length} code blocks contain ${JSON.stringify(needle)}, expected exactly one`);
  return found[0]!;
}

/** docs/npm.md's blocks that test/frameworks/apps.e2e.ts builds into the React and Vue apps. */
export const frameworkAppSnippets = (): Snippet[] => [
  snippet('docs/npm.md', '// or only what a page needs'),
  snippet('docs/npm.md', '<ddd-dossier-form id="form"'),
  snippet('docs/npm.md', 'export function DossierPage'),
  snippet('docs/npm.md', "import type {} from '@doorstroom/elements/jsx'"),
  snippet('docs/npm.md', "import vue from '@vitejs/plugin-vue'"),
  snippet('docs/npm.md', '<script setup lang="ts">'),
  snippet('docs/npm.md', "import type {} from '@doorstroom/elements/vue'"),
  snippet('docs/npm.md', "import '@doorstroom/elements/lang/all'"),
];
