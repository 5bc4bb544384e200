/**
 * The built Storybook (storybook-static/, made by `npm test`'s "Storybook builds" step, or here
 * when missing), opened in Chromium as a developer browsing it would: every element has a Docs
 * page listing its attributes, events, CSS parts and custom properties from custom-elements.json
 * (and the shared tokens); controls change the element; every `ddd-*` event reaches the Actions
 * panel; the theme story shows CSS that copies. And docs/theming.md names exactly the parts and
 * custom properties the manifest has. Runs in Node (node --test) with playwright-core.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
const staticDir = join(root, 'storybook-static');
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

interface ManifestItem {
  name: string;
  description?: string;
}
interface Element {
  tagName: string;
  attributes?: ManifestItem[];
  events?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
  slots?: ManifestItem[];
}
const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8')) as {
  modules: Array<{ declarations?: Array<Element & { customElement?: boolean }> }>;
};
const elements: Element[] = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.customElement));

/** The part of docs/theming.md under "### `<tag>`", up to the next heading. */
function themingSection(tag: string): string {
  const doc = readFileSync(join(root, 'docs/theming.md'), 'utf8');
  const start = doc.indexOf(`### \`<${tag}>\``);
  if (start < 0) return '';
  const rest = doc.slice(start + 4);
  const end = rest.search(/^#{2,3} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

const backticked = (text: string) => new Set([...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));

describe('docs/theming.md and custom-elements.json', () => {
  for (const element of elements) {
    it(`names every part and custom property of <${element.tagName}>, and no part it does not have`, () => {
      const section = themingSection(element.tagName);
      assert.ok(section, `docs/theming.md has no section "### \`<${element.tagName}>\`"`);
      const named = backticked(section);
      const parts = (element.cssParts ?? []).map((part) => part.name);
      const properties = (element.cssProperties ?? []).map((property) => property.name);
      assert.deepEqual(
        [...parts, ...properties].filter((name) => !named.has(name)),
        [],
        `in the manifest, missing from docs/theming.md's <${element.tagName}> section`,
      );
      // "Parts: `a` (…), `b`…": every name there is a part, or a variant a part's description mentions (step-done).
      const partsParagraph = /^Parts: ([\s\S]*?)(?:\n\n|$)/m.exec(section)?.[1] ?? '';
      const mentioned = new Set([...parts, ...(element.cssParts ?? []).flatMap((part) => [...backticked(part.description ?? '')])]);
      const listed = [...partsParagraph.matchAll(/(?:^|[\s,(])`([a-z][a-z-]*)`/g)].map((match) => match[1]!);
      assert.deepEqual(
        listed.filter((name) => !mentioned.has(name) && !name.startsWith('ddd-')),
        [],
        `named as parts in docs/theming.md, not in the manifest of <${element.tagName}>`,
      );
    });
  }
});

/** Serves storybook-static/ (Storybook's output is a static site). */
function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.json': 'application/json',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
    '.png': 'image/png',
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'docs' | 'story';
}

describe('the built Storybook', { timeout: 300_000 }, () => {
  let server: Server;
  let base = '';
  let browser: Browser;
  let page: Page;
  let entries: IndexEntry[] = [];
  const problems: string[] = [];

  before(async () => {
    if (!existsSync(join(staticDir, 'index.json'))) {
      const build = spawnSync('npx', ['storybook', 'build', '--disable-telemetry', '--quiet', '--output-dir', 'storybook-static'], { cwd: root, stdio: 'inherit' });
      assert.equal(build.status, 0, 'storybook build');
    }
    entries = Object.values((JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries);
    ({ server, url: base } = await serveStatic(staticDir));
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  after(async () => {
    if (problems.length) console.log(problems.join('\n'));
    await browser?.close();
    server?.close();
  });

  const entry = (title: string, name: string, type: IndexEntry['type'] = 'story') => {
    const found = entries.find((e) => e.title === title && e.name === name && e.type === type);
    assert.ok(found, `storybook-static/index.json has no ${type} "${title} › ${name}"`);
    return found;
  };

  for (const element of elements) {
    it(`<${element.tagName}> has a Docs page with its attributes, events, slots, parts and custom properties`, async () => {
      const docs = entry(`Elementen/${element.tagName}`, 'Docs', 'docs');
      await page.goto(`${base}/iframe.html?id=${docs.id}&viewMode=docs`);
      const table = page.locator('.docblock-argstable').first();
      await table.waitFor({ timeout: 60_000 });
      const text = await table.innerText();
      const expected = [
        ...(element.attributes ?? []).map((a) => a.name),
        ...(element.events ?? []).map((e) => e.name),
        ...(element.slots ?? []).map((s) => s.name).filter(Boolean),
        ...(element.cssParts ?? []).map((p) => p.name),
        ...(element.cssProperties ?? []).map((p) => p.name),
        '--ddd-color-primary',
      ];
      assert.deepEqual(
        expected.filter((name) => !text.includes(name)),
        [],
        `rows missing from the Docs page of <${element.tagName}>`,
      );
      assert.doesNotMatch(text, /^(renderBody|connection|locale|loader)\t/m, 'private members are not documented');
    });
  }

  it('a control changes the element: "compact" on <ddd-progress>', async () => {
    const story = entry('Elementen/ddd-progress', 'Concept');
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&args=compact:!true`);
    const progress = page.locator('ddd-progress');
    await progress.locator('[part~="stepper"]').waitFor({ timeout: 60_000 });
    assert.equal(await progress.getAttribute('compact'), '');
    assert.equal(await progress.locator('[part~="section"]').count(), 0, 'compact shows no section rows');
  });

  it('every ddd-* event an element fires reaches the Actions panel, with its detail', async () => {
    const story = entry('Elementen/ddd-dossier-form', 'Concept (deel A invullen)');
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&args=autosave-delay:100`);
    const form = page.locator('ddd-dossier-form');
    const field = form.locator('textarea, input[type="text"]').first();
    await field.waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { on(name: string, fn: (e: unknown) => void): void } }).__STORYBOOK_ADDONS_CHANNEL__;
      const seen: unknown[] = [];
      (window as unknown as { seenActions: unknown[] }).seenActions = seen;
      channel.on('storybook/actions/action-event', (event) => seen.push(event));
    });
    await field.fill(`${(await field.inputValue()) || 'Antwoord'} en nog iets`);
    await field.blur();
    await page.waitForFunction(() => ((window as unknown as { seenActions: Array<{ data: { name: string } }> }).seenActions ?? []).some((e) => e.data.name === 'ddd-saved'), undefined, {
      timeout: 20_000,
    });
    const saved = await page.evaluate(() => (window as unknown as { seenActions: Array<{ data: { name: string; args: unknown[] } }> }).seenActions.find((e) => e.data.name === 'ddd-saved'));
    assert.ok(JSON.stringify(saved?.data.args).includes('"dossier"'), 'the action shows the event detail (the saved dossier)');
  });

  it('the theme story shows the CSS of the chosen tokens, and "Kopieer CSS" copies it', async () => {
    const story = entry('Thema/Eigen huisstijl', 'Thema samenstellen (CSS kopiëren)');
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&args=--ddd-border-radius:20px`);
    const code = page.locator('section[aria-labelledby="theme-css-title"] pre code');
    await code.waitFor({ timeout: 60_000 });
    const css = await code.innerText();
    assert.match(css, /^:root \{/);
    assert.match(css, /--ddd-color-primary: #00584a;/);
    assert.match(css, /--ddd-border-radius: 20px;/);
    const radius = await page.locator('ddd-dossier-form').evaluate((form) => getComputedStyle(form).getPropertyValue('--ddd-border-radius').trim());
    assert.equal(radius, '20px', 'the elements follow the control');
    await page.getByRole('button', { name: 'Kopieer CSS' }).click();
    await page.getByRole('status').filter({ hasText: 'Gekopieerd.' }).waitFor();
    assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trim(), css.trim());
  });
});
