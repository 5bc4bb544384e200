/**
 * Every code block of docs/*.md and the READMEs, run (issue 15: examples with a dossier and a base
 * path the reference server did not have). Each block is handled by one of these, or carries a
 * `<!-- not-run: reason -->` marker (listed at the end of the run):
 *
 * - html and js of docs/embedding.md: pages served from ANOTHER origin than the reference server
 *   (a school's page: http://localhost:<port>, the bundle under /static/doorstroom/0.1.0/, a
 *   /sessie/doorstroom-token route) against the server in dev mode (http://127.0.0.1:<port>/api,
 *   standing in for the docs' http://127.0.0.1:3000), opened in Debian's Chromium: CORS, the
 *   demo token and Noor's dossier, the token from the school's server, the portal's own getToken,
 *   the document-level ddd-error listener calling portal.signIn() for a refused token, English
 *   from lang/en.js;
 * - ts: written to files, type-checked with the workspace's tsc settings and run with tsx
 *   (Node), with a declared `element` where a snippet assumes one;
 * - json: parsed; css: parsed by Chromium, each ::part() one the manifest lists for that element,
 *   each --ddd-* property one the elements read;
 * - sh (all marked not-run): every `npm run` script, `npx` binary and file they name exists;
 * - a block in another language (a formula, a header value, nginx, systemd): text, listed;
 * - docs/npm.md's React, Vue and plain-page blocks: built into apps by test/frameworks/apps.e2e.ts;
 * - packages/elements/src/shared/README.md's example: readme-example.test.ts runs it; here it must
 *   equal that test's copy (import paths and the `html` alias aside).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '@doorstroom/server';
import { freshPgliteDir } from '../../packages/server/src/testing/pglite-template.js';
import { allSnippets, frameworkAppSnippets, root, snippet, snippetId } from './snippets.js';

const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
/** The address the docs give for `npx doorstroom-server --dev`; the test's server has another port. */
const docsServer = 'http://127.0.0.1:3000';

const embedding = {
  scriptTag: () => snippet('docs/embedding.md', 'dossier-id="dossier-noor"\n  lang="nl"\n></ddd-dossier-form>'),
  context: () => snippet('docs/embedding.md', 'token="student-noor" lang="nl">'),
  tokenFromSchool: () => snippet('docs/embedding.md', '/sessie/doorstroom-token'),
  ownAuth: () => snippet('docs/embedding.md', 'portal.session.getAccessToken()'),
  events: () => snippet('docs/embedding.md', "document.addEventListener('ddd-error'"),
  languages: () => snippet('docs/embedding.md', 'lang/en.js"></script>'),
  oneElement: () => snippet('docs/embedding.md', '/ddd-progress.min.js"'),
};
const nodeSnippets = () => [snippet('docs/contract.md', 'questionDefinitions(regionConfig)'), snippet('docs/npm.md', 'createMemoryBackend()')];
const jsonSnippets = () => allSnippets().filter((s) => s.lang === 'json' && !s.notRun);
const cssSnippets = () => allSnippets().filter((s) => s.lang === 'css' && !s.notRun);
/** The languages whose blocks must be run or marked; any other (text, ini, nginx, …) is listed as text. */
const runnableLanguages = new Set(['ts', 'tsx', 'js', 'mjs', 'html', 'vue', 'sh', 'bash', 'json', 'css']);
const readmeExample = () => snippet('packages/elements/src/shared/README.md', 'export class DddSectionExample');

describe('every code block of the docs and READMEs', { timeout: 600_000 }, () => {
  it('is run by a test or marked <!-- not-run: reason --> (the marked ones are listed)', () => {
    const claimed = new Set([
      ...Object.values(embedding).map((get) => snippetId(get())),
      ...nodeSnippets().map(snippetId),
      ...jsonSnippets().map(snippetId),
      ...cssSnippets().map(snippetId),
      snippetId(readmeExample()),
      ...frameworkAppSnippets().map(snippetId),
    ]);
    const snippets = allSnippets();
    const notRun = snippets.filter((s) => s.notRun);
    // A block in no language this test can run (a formula, a header value, an nginx or systemd
    // configuration) is text, not code: listed, not run.
    const text = snippets.filter((s) => !s.notRun && !runnableLanguages.has(s.lang));
    console.log(`# ${snippets.length} code blocks: ${claimed.size} run, ${notRun.length} marked not-run, ${text.length} untagged text:`);
    for (const s of notRun) console.log(`#   not run: ${snippetId(s)} (line ${s.line}, ${s.lang || 'text'}): ${s.notRun}`);
    for (const s of text) console.log(`#   text:    ${snippetId(s)} (line ${s.line}): ${JSON.stringify(s.code.split('\n')[0]!.slice(0, 80))}`);
    const neither = snippets.filter((s) => !s.notRun && !text.includes(s) && !claimed.has(snippetId(s)));
    assert.deepEqual(
      neither.map((s) => `${snippetId(s)} (line ${s.line}, ${s.lang || 'text'})`),
      [],
      'blocks no test runs and no marker explains',
    );
    const both = snippets.filter((s) => s.notRun && claimed.has(snippetId(s)));
    assert.deepEqual(both.map(snippetId), [], 'blocks marked not-run that a test runs after all');
  });

  it('sh: every npm script, npx binary and file the commands name exists', () => {
    const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const bins = new Set<string>();
    for (const name of ['sdk', 'elements', 'server']) {
      const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
      for (const bin of Object.keys(pkg.bin ?? {})) bins.add(bin);
    }
    const problems: string[] = [];
    for (const s of allSnippets().filter((block) => block.lang === 'sh')) {
      const commands = s.code
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .flatMap((line) => line.replace(/#.*$/, '').split(/&&|;/))
        .map((command) => command.trim())
        .filter(Boolean);
      for (const command of commands) {
        const words = command.split(/\s+/).filter((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word));
        const [tool, first] = words;
        if (tool === 'npm' && first === 'run' && !rootPackage.scripts[words[2]!]) problems.push(`${snippetId(s)}: no npm script "${words[2]}"`);
        if (tool === 'npx' && !bins.has(first!) && !existsSync(join(root, 'node_modules/.bin', first!))) problems.push(`${snippetId(s)}: no binary "${first}"`);
        for (const word of words.slice(1)) {
          // Paths into the repository (examples/regio.json, packages/server/test/…); a bare name is the reader's own file.
          if (!/^[\w.-]+\/[\w./-]+\.(json|csv|mjs|ts)$/.test(word) || /[*…]/.test(word)) continue;
          const candidates = [join(root, dirname(s.file), word), join(root, word), join(root, dirname(s.file), word.replace(/^packages\/server\//, ''))];
          if (!candidates.some((file) => existsSync(file))) problems.push(`${snippetId(s)}: no file "${word}"`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('json: parses', () => {
    for (const s of jsonSnippets()) assert.doesNotThrow(() => JSON.parse(s.code), snippetId(s));
  });

  it("packages/elements/src/shared/README.md's example is the one readme-example.test.ts runs", () => {
    const test = readFileSync(join(root, 'packages/elements/src/shared/readme-example.test.ts'), 'utf8');
    const copy = /\/\/ ---- README example start\n([\s\S]*?)\/\/ ---- README example end/.exec(test)![1]!.trim();
    const readme = readmeExample()
      .code.replaceAll("from '../shared/", "from './")
      .replace("import { LitElement, html } from 'lit';", "import { LitElement, html as litHtml } from 'lit';")
      .replace(/(^|[^\w.])html`/gm, '$1litHtml`')
      .trim();
    assert.equal(readme, copy);
  });

  describe('ts: type-checked and run in Node', () => {
    const dir = join(root, 'test/docs/.tmp-snippets');
    /** Declarations a snippet assumes from its page (a variable the prose introduces). */
    const preludes: Record<string, string> = { createMemoryBackend: 'const element: { api?: unknown } = {};\n' };
    const files = () =>
      nodeSnippets().map((s, index) => {
        const prelude = Object.entries(preludes).find(([needle]) => s.code.includes(needle))?.[1] ?? '';
        return { s, file: join(dir, `snippet-${index + 1}.ts`), source: `// ${snippetId(s)}\n${prelude}${s.code}\nexport {};\n` };
      });
    before(() => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const { file, source } of files()) writeFileSync(file, source);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', include: ['*.ts'], compilerOptions: { noUnusedLocals: false } }));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('type-checks (tsc, the workspace settings)', () => {
      const result = spawnSync('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    });

    it('runs (tsx)', () => {
      for (const { s, file } of files()) {
        const result = spawnSync(process.execPath, ['--conditions=@doorstroom/source', '--import', 'tsx', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
        assert.equal(result.status, 0, `${snippetId(s)}:\n${result.stdout}${result.stderr}`);
        if (s.code.includes('questionDefinitions')) assert.match(result.stdout, /^A1 Persoonlijke gegevens: \d+ vragen$/m);
      }
    });
  });

  describe('docs/embedding.md on a school page from another origin, against the reference server', () => {
    let server: RunningServer;
    let school: Server;
    let schoolOrigin = '';
    let browser: Browser;
    let dataDir = '';
    const site = mkdtempSync(join(tmpdir(), 'doorstroom-school-'));
    const problems: string[] = [];
    const requested: string[] = [];
    const bundle = join(root, 'dist');

    before(async () => {
      if (!['doorstroom.min.js', 'ddd-progress.min.js', 'lang/en.js'].every((file) => existsSync(join(bundle, file)))) {
        const built = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: root, encoding: 'utf8' });
        assert.equal(built.status, 0, built.stderr);
      }
      dataDir = await freshPgliteDir();
      server = await startServer({ port: 0, dev: true, dataDir, logger: false, nodeEnv: 'test', rateLimit: false });
      const api = server.url; // http://127.0.0.1:<port>
      const pages: Record<string, string> = {
        'script-tag.html': embedding.scriptTag().code,
        // The snippet's script tags (the preload script and the bundle), then the context example.
        'context.html': `${embedding
          .scriptTag()
          .code.split('\n')
          .filter((line) => line.startsWith('<script'))
          .join('\n')}\n${embedding.context().code}`,
        'token-from-school.html': embedding.tokenFromSchool().code,
        'own-auth.html': [
          // The portal's own objects the snippets call, recording what happened.
          '<script type="module" src="/portal.js"></script>',
          embedding.context().code,
          embedding.ownAuth().code,
          `<script type="module">\n${embedding.events().code}\n</script>`,
        ].join('\n'),
        'one-element.html': embedding.oneElement().code,
        'languages.html': `${embedding.languages().code}\n<ddd-progress api-base="${docsServer}/api" token="student-noor" dossier-id="dossier-noor"></ddd-progress>`,
      };
      for (const [name, body] of Object.entries(pages)) {
        const lang = name === 'languages.html' ? 'en' : 'nl';
        writeFileSync(
          join(site, name),
          `<!doctype html>\n<html lang="${lang}">\n<head><meta charset="utf-8"><title>${name}</title></head>\n<body>\n${body.replaceAll(docsServer, api)}\n</body>\n</html>\n`,
        );
      }
      writeFileSync(
        join(site, 'portal.js'),
        `const token = new URLSearchParams(location.search).get('token') ?? 'student-noor';
window.portalLog = [];
window.portal = {
  session: { getAccessToken: async () => token },
  notify: (message) => window.portalLog.push('notify: ' + message),
  signIn: () => window.portalLog.push('signIn'),
};
`,
      );
      // The school's web server: its pages, the bundle it hosts itself, and the signed-in person's token.
      school = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://school').pathname;
        if (path === '/sessie/doorstroom-token') {
          res.writeHead(200, { 'content-type': 'text/plain' }).end('student-noor');
          return;
        }
        const file = path.startsWith('/static/doorstroom/0.1.0/') ? join(bundle, path.slice('/static/doorstroom/0.1.0/'.length)) : join(site, path);
        if (!file.startsWith(bundle) && !file.startsWith(site)) return void res.writeHead(403).end();
        if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
        const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      });
      await new Promise<void>((resolve) => school.listen(0, '127.0.0.1', resolve));
      schoolOrigin = `http://localhost:${(school.address() as AddressInfo).port}`;
      assert.notEqual(new URL(schoolOrigin).origin, new URL(api).origin, 'the page and the API are on different origins');
      browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    });

    after(async () => {
      if (problems.length) console.log(problems.join('\n'));
      await browser?.close();
      await server?.close();
      await new Promise((resolve) => school?.close(resolve));
      for (const dir of [site, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const open = async (path: string, refused = false): Promise<Page> => {
      const page = await browser.newPage();
      page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`${path}: console error: ${message.text()}`);
      });
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (response.status() >= 400 && !(refused && response.status() === 401) && url.pathname !== '/favicon.ico') problems.push(`${path}: HTTP ${response.status()} ${url.href}`);
      });
      page.on('request', (request) => requested.push(request.url()));
      page.on('requestfailed', (request) => problems.push(`${path}: request failed (CORS?): ${request.url()} ${request.failure()?.errorText}`));
      await page.goto(`${schoolOrigin}/${path}`);
      return page;
    };
    /** The form shows Noor's dossier: its task list with "A9 Motivatie". */
    const showsNoorsDossier = async (page: Page) => {
      await page.locator('ddd-dossier-form .task__button', { hasText: 'A9 Motivatie' }).waitFor({ timeout: 20_000 });
    };

    it("the script tag and <ddd-dossier-form api-base token dossier-id> load Noor's dossier across origins, in Dutch", async () => {
      const before = requested.length;
      const page = await open('script-tag.html');
      await showsNoorsDossier(page);
      const text = await page.locator('ddd-dossier-form').evaluate((form) => form.shadowRoot!.textContent ?? '');
      assert.match(text, /Persoonlijke gegevens/);
      // The preload script asked first, the bundle took its answers: each request once.
      const api = requested.slice(before).filter((url) => url.startsWith(`${server.url}/api/`));
      assert.deepEqual(api.map((url) => url.slice(server.url.length)).sort(), ['/api/config', '/api/dossiers/dossier-noor', '/api/me']);
      await page.close();
    });

    it('<ddd-context> with <ddd-progress compact> and the form: both show the dossier', async () => {
      const page = await open('context.html');
      await showsNoorsDossier(page);
      await page.locator('ddd-progress [part~="overall"]').first().waitFor({ timeout: 20_000 });
      await page.close();
    });

    it("the token comes from the school's own server (getToken → /sessie/doorstroom-token)", async () => {
      const page = await open('token-from-school.html');
      await showsNoorsDossier(page);
      assert.ok(
        requested.some((url) => url.endsWith('/sessie/doorstroom-token')),
        'the page asked the school for the token',
      );
      await page.close();
    });

    it("the portal's own getToken: a valid token loads; a refused (expired) one reaches document's ddd-error listener, which calls portal.signIn()", async () => {
      const valid = await open('own-auth.html');
      await showsNoorsDossier(valid);
      assert.deepEqual(await valid.evaluate(() => (window as unknown as { portalLog: string[] }).portalLog), []);
      await valid.close();
      const refused = await open('own-auth.html?token=verlopen-token', true);
      await refused.waitForFunction(() => (window as unknown as { portalLog: string[] }).portalLog.includes('signIn'), undefined, { timeout: 20_000 });
      await refused.close();
    });

    it("one element's own file: ddd-progress.min.js shows the progress without the whole bundle", async () => {
      const before = requested.length;
      const page = await open('one-element.html');
      await page.locator('ddd-progress [part~="overall"]').first().waitFor({ timeout: 20_000 });
      const scripts = requested.slice(before).filter((url) => url.endsWith('.js'));
      assert.deepEqual(scripts.map((url) => new URL(url).pathname).sort(), ['/static/doorstroom/0.1.0/ddd-progress.min.js', '/static/doorstroom/0.1.0/doorstroom-preload.js']);
      await page.close();
    });

    it('lang/en.js next to the bundle offers English: <ddd-progress> follows <html lang="en">', async () => {
      const page = await open('languages.html');
      await page.locator('ddd-progress [part~="overall"]').first().waitFor({ timeout: 20_000 });
      const text = await page.locator('ddd-progress').evaluate((element) => element.shadowRoot!.textContent ?? '');
      assert.match(text, /Completed/);
      await page.close();
    });

    it('css: parses, and names only parts the manifest lists and --ddd-* properties the elements read', async () => {
      const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8')) as {
        modules: Array<{ declarations?: Array<{ tagName?: string; cssParts?: Array<{ name: string; description?: string }> }> }>;
      };
      // A part and the variants its description names ("One step; also `step-done`, `step-current` …").
      const parts = new Map<string, Set<string>>();
      for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (!declaration.tagName) continue;
        const names = (declaration.cssParts ?? []).flatMap((part) => [part.name, ...[...(part.description ?? '').matchAll(/`([a-z-]+)`/g)].map((match) => match[1]!)]);
        parts.set(declaration.tagName, new Set(names));
      }
      const sources = spawnSync('sh', ['-c', "cat packages/elements/src/*/*.ts | grep -o -- '--ddd-[a-z0-9-]*' | sort -u"], { cwd: root, encoding: 'utf8' }).stdout.split('\n');
      const page = await browser.newPage();
      for (const s of cssSnippets()) {
        const rules = await page.evaluate((css) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          return sheet.cssRules.length;
        }, s.code);
        assert.ok(rules > 0, `${snippetId(s)} has rules`);
        for (const [, tag, part] of s.code.matchAll(/(ddd-[a-z-]+)::part\(([a-z-]+)\)/g)) {
          assert.ok(parts.get(tag!)?.has(part!), `${snippetId(s)}: ${tag}::part(${part}) is not in the manifest`);
        }
        for (const [property] of s.code.matchAll(/--ddd-[a-z0-9-]+/g)) assert.ok(sources.includes(property), `${snippetId(s)}: no element reads ${property}`);
      }
      await page.close();
    });

    it('no page error, console error, failed request or blocked (CORS) request', () => {
      assert.deepEqual(problems, []);
    });
  });
});
