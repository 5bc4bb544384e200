/**
 * A new vendor's first day (issue 15): a Vite + React 19 + TypeScript app and a Vite + Vue 3 app,
 * each with create-vite's own CSS (`#root`/`#app { text-align: center }`) and `<html lang="en">`,
 * built from the packed tarballs of @doorstroom/sdk and @doorstroom/elements (npm pack, then
 * npm install of the .tgz files), with docs/npm.md's snippets as their source files:
 *
 *   react/src/DossierPage.tsx   ← the React 19 snippet (+ the portal's `auth` and `toast`)
 *   react/src/elements.ts       ← the imports snippet and the languages snippet
 *   react/src/jsx-types.ts      ← the shipped JSX types snippet
 *   react/plain.html            ← the plain HTML and JavaScript snippet (+ the portal's `session`)
 *   vue/vite.config.ts          ← the vite.config.ts snippet, as it is
 *   vue/src/DossierPage.vue     ← the Vue SFC snippet (+ the portal's `auth`)
 *   vue/src/vue-types.ts        ← the shipped Vue types snippet
 *
 * Each is type-checked (tsc --noEmit, vue-tsc --noEmit) against the tarballs' declarations, built
 * with `vite build`, served by the reference server (dev mode, demo tokens, same origin as the API
 * at /api) and loaded in Debian's Chromium: the labels inside the form are not centred by the
 * page's CSS, the elements speak Dutch under `<html lang="en">` unless the app offers English,
 * and a ddd-error reaches the app when the token is refused. The apps' dependencies are installed once into a cache
 * keyed on their versions (DOORSTROOM_APPS_CACHE, default ~/.cache/doorstroom/framework-apps);
 * afterwards only the two tarballs are installed, offline.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '@doorstroom/server';
import { freshPgliteDir } from '../../packages/server/src/testing/pglite-template.js';
import { root, snippet } from '../docs/snippets.js';

const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const fixtures = join(root, 'test/frameworks/apps');

/** What a new Vite app of each kind installs (create-vite 9.3's templates), plus the elements' own dependencies. */
export const appDependencies = {
  dependencies: { react: '^19.3.1', 'react-dom': '^19.3.1', vue: '^3.5.44', lit: '^3.3.0', '@lit/context': '^1.1.0', ky: '~1.14.0', zod: '^4.1.0' },
  devDependencies: {
    '@types/react': '^19.3.0',
    '@types/react-dom': '^19.3.0',
    '@vitejs/plugin-react': '^6.1.2',
    '@vitejs/plugin-vue': '^6.0.10',
    vite: '^8.3.4',
    'vue-tsc': '^3.3.13',
    // 5.9 rather than the templates' 7.0 (react) and 6.0 (vue): the workspace's, and what vue-tsc runs on.
    typescript: '~5.9.0',
  },
};

function run(cmd: string, args: string[], cwd: string, timeoutMs = 300_000) {
  const started = performance.now();
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: '' } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`# ${cmd} ${args.join(' ')} (${cwd.replace(root, '')}): ${seconds} s`);
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/** Newest modification time of the files under `dir` (0 when there are none). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/** The packages' dist, as `npm run build` makes it (npm test's package check has built it already); rebuilt when missing or older than the sources. */
function ensureBuilt() {
  const outputs = ['packages/sdk/dist/index.js', 'packages/elements/dist/index.js', 'packages/elements/dist/jsx.d.ts', 'packages/elements/dist/vue.d.ts'].map((file) => join(root, file));
  const oldest = Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  if (oldest > 0 && process.env['DOORSTROOM_USE_DIST'] === '1') return; // as it is, e.g. while the sources are mid-edit
  if (oldest > Math.max(newest(join(root, 'packages/sdk/src')), newest(join(root, 'packages/elements/src')))) return;
  for (const [cmd, args] of [
    ['npx', ['rollup', '-c', '--silent']],
    ['npx', ['tsc', '-p', 'packages/sdk/tsconfig.build.json']],
    ['npx', ['tsc', '-p', 'packages/elements/tsconfig.build.json']],
    [process.execPath, ['scripts/framework-types.mjs']],
  ] as const) {
    const result = run(cmd, [...args], root);
    assert.ok(result.ok, `${cmd} ${args.join(' ')}:\n${result.output}`);
  }
}

describe('Vite + React 19 and Vue 3 apps from the packed tarballs (docs/npm.md)', { timeout: 900_000 }, () => {
  const key = createHash('sha256').update(JSON.stringify(appDependencies)).digest('hex').slice(0, 12);
  const cache = join(process.env['DOORSTROOM_APPS_CACHE'] ?? join(homedir(), '.cache', 'doorstroom', 'framework-apps'), key);
  const site = mkdtempSync(join(tmpdir(), 'doorstroom-apps-site-'));
  const tarballs = mkdtempSync(join(tmpdir(), 'doorstroom-tarballs-'));
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];

  before(() => {
    ensureBuilt();
    for (const name of ['sdk', 'elements']) {
      const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', tarballs], join(root, 'packages', name));
      assert.ok(packed.ok, packed.output);
    }
    mkdirSync(cache, { recursive: true });
    if (!existsSync(join(cache, 'node_modules', '.installed'))) {
      writeFileSync(join(cache, 'package.json'), JSON.stringify({ name: 'doorstroom-framework-apps', private: true, type: 'module', ...appDependencies }, null, 2));
      const installed = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], cache, 600_000);
      assert.ok(installed.ok, `npm install of the apps' dependencies:\n${installed.output}`);
      writeFileSync(join(cache, 'node_modules', '.installed'), key);
    }
    const tgz = readdirSync(tarballs)
      .filter((file) => file.endsWith('.tgz'))
      .map((file) => join(tarballs, file));
    assert.equal(tgz.length, 2, 'two tarballs');
    const fromTarballs = run('npm', ['install', '--no-save', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tgz], cache);
    assert.ok(fromTarballs.ok, `npm install of the tarballs:\n${fromTarballs.output}`);
    assert.ok(!existsSync(join(cache, 'node_modules/@doorstroom/elements/src')), 'the installed package is the tarball, not the workspace');

    // The apps: the fixtures, then the docs' snippets as their source files.
    for (const app of ['react', 'vue']) {
      rmSync(join(cache, app), { recursive: true, force: true });
      cpSync(join(fixtures, app), join(cache, app), { recursive: true });
    }
    const docs = (needle: string) => snippet('docs/npm.md', needle).code;
    writeFileSync(join(cache, 'react/src/DossierPage.tsx'), `import { auth, toast } from './portal.ts';\n${docs('export function DossierPage')}\n`);
    writeFileSync(join(cache, 'react/src/elements.ts'), `${docs('// or only what a page needs')}\n${docs("import '@doorstroom/elements/lang/all'")}\n`);
    writeFileSync(join(cache, 'react/src/jsx-types.ts'), `${docs("import type {} from '@doorstroom/elements/jsx'")}\n`);
    writeFileSync(
      join(cache, 'react/plain.html'),
      `<!doctype html>\n<html lang="en">\n<head><meta charset="UTF-8" /><title>Plain HTML</title></head>\n<body>\n` +
        `<script type="module" src="/src/session.ts"></script>\n${docs('<ddd-dossier-form id="form"')}\n</body>\n</html>\n`,
    );
    writeFileSync(
      join(cache, 'react/src/session.ts'),
      `// The portal's session the plain page's snippet asks for a token.\n(globalThis as { session?: unknown }).session = { accessToken: () => 'student-noor' };\nexport {};\n`,
    );
    writeFileSync(join(cache, 'vue/vite.config.ts'), `${docs("import vue from '@vitejs/plugin-vue'")}\n`);
    writeFileSync(
      join(cache, 'vue/src/DossierPage.vue'),
      docs('<script setup lang="ts">').replace('<script setup lang="ts">\n', `<script setup lang="ts">\nimport { auth } from './portal.ts';\n`) + '\n',
    );
    writeFileSync(join(cache, 'vue/src/vue-types.ts'), `${docs("import type {} from '@doorstroom/elements/vue'")}\n`);
  });

  after(async () => {
    if (problems.length) console.log(problems.join('\n'));
    await browser?.close();
    await server?.close();
    for (const dir of [site, tarballs, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the React app type-checks against the tarballs (tsc --noEmit) and builds (vite build)', () => {
    const types = run(join(cache, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], join(cache, 'react'));
    assert.ok(types.ok, `tsc:\n${types.output}`);
    const build = run(join(cache, 'node_modules/.bin/vite'), ['build', '--base', '/react/', '--outDir', join(site, 'react'), '--emptyOutDir', '--logLevel', 'warn'], join(cache, 'react'));
    assert.ok(build.ok, `vite build:\n${build.output}`);
  });

  it('the Vue app type-checks against the tarballs (vue-tsc --noEmit) and builds (vite build)', () => {
    const types = run(join(cache, 'node_modules/.bin/vue-tsc'), ['--noEmit', '-p', 'tsconfig.json'], join(cache, 'vue'));
    assert.ok(types.ok, `vue-tsc:\n${types.output}`);
    const build = run(join(cache, 'node_modules/.bin/vite'), ['build', '--base', '/vue/', '--outDir', join(site, 'vue'), '--emptyOutDir', '--logLevel', 'warn'], join(cache, 'vue'));
    assert.ok(build.ok, `vite build:\n${build.output}`);
  });

  describe('in Chromium against the reference server', () => {
    let page: Page;
    before(async () => {
      dataDir = await freshPgliteDir();
      server = await startServer({ port: 0, dev: true, staticDir: site, dataDir, logger: false, nodeEnv: 'test', rateLimit: false });
      browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    });
    const open = async (path: string) => {
      page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`));
      page.on('console', (message) => {
        // Failed requests are told apart below, by their URL.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`${path}: console error: ${message.text()}`);
      });
      page.on('response', (response) => {
        const url = new URL(response.url());
        const refused = response.status() === 401 && path.includes('token=verlopen-token');
        if (response.status() >= 400 && !refused && url.pathname !== '/favicon.ico') problems.push(`${path}: HTTP ${response.status()} ${url.pathname}`);
      });
      await page.goto(`${server!.url}${path}`);
      return page;
    };
    /** Opens A9 Motivatie in the form (its task list shows once the dossier loaded). */
    const openMotivatie = async () => {
      const form = page.locator('ddd-dossier-form');
      await form.locator('.task__button', { hasText: 'A9 Motivatie' }).click();
      await form.locator('#ddd-later').waitFor();
    };
    /** text-align of every label inside the form's shadow root, and of the app's root element. */
    const alignments = () =>
      page.evaluate(() => {
        const form = document.querySelector('ddd-dossier-form')!;
        const labels = [...form.shadowRoot!.querySelectorAll('label')].filter((label) => label.getClientRects().length > 0);
        return { root: getComputedStyle(document.querySelector('#root, #app')!).textAlign, labels: labels.map((label) => getComputedStyle(label).textAlign) };
      });

    for (const app of ['react', 'vue'] as const) {
      it(`${app}: the page's centred #root does not centre the form's labels; the form (lang="nl") speaks Dutch under <html lang="en">`, async () => {
        await open(`/${app}/`);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        await openMotivatie();
        const { root: rootAlign, labels } = await alignments();
        assert.equal(rootAlign, 'center', "the template's CSS is in force");
        assert.ok(labels.length >= 2, `labels in the Motivatie section: ${labels.length}`);
        for (const align of labels) assert.ok(['start', 'left'].includes(align), `a label's text-align is ${align}`);
        await page.locator('ddd-dossier-form').getByText('Wat wil je later worden?').first().waitFor();
        // A save goes through the app's api to the reference server (same origin, /api).
        await page.locator('ddd-dossier-form #ddd-later').fill(`Automonteur (${app})`);
        await page.waitForResponse((response) => response.url().includes('/api/dossiers/dossier-noor/sections/motivatie') && response.status() === 200, { timeout: 15_000 });
        await page.close();
      });
    }

    /** The text of <ddd-progress> once it shows the dossier. */
    const progressText = async () => {
      await page.locator('ddd-progress [part~="overall"]').first().waitFor({ state: 'attached', timeout: 15_000 });
      return (await page.locator('ddd-progress').evaluate((element) => element.shadowRoot!.textContent ?? '')).replace(/\s+/g, ' ');
    };

    // The language rule (docs/embedding.md#languages): the page's lang counts only for a language
    // the page offers by importing its pack. The Vue app imports none; the React app imports
    // docs/npm.md's `lang/all` and `lang/en`, which offer English.
    it('vue: <ddd-progress> without lang under <html lang="en"> speaks Dutch (the app offers no English)', async () => {
      await open('/vue/');
      const text = await progressText();
      await page.close();
      assert.match(text, /Afgerond/, `Dutch in <ddd-progress>: ${text.slice(0, 200)}`);
    });

    it('react: <ddd-progress> without lang follows <html lang="en"> once the app imports the languages (docs/npm.md)', async () => {
      await open('/react/');
      const text = await progressText();
      await page.close();
      assert.match(text, /Completed/, `English in <ddd-progress>: ${text.slice(0, 200)}`);
      assert.doesNotMatch(text, /Afgerond/);
    });

    it("react: <ddd-progress> in create-vite's #center (flex, place-items: center) keeps a usable width", async () => {
      await open('/react/');
      await page.locator('ddd-progress [part~="overall"]').first().waitFor({ state: 'attached', timeout: 15_000 });
      const width = await page.locator('ddd-progress').evaluate((element) => element.getBoundingClientRect().width);
      await page.close();
      assert.ok(width > 200, `width of <ddd-progress> in #center: ${width} px`);
    });

    it('react: a refused token (expired) reaches the app as ddd-error through onddd-error → toast', async () => {
      await open('/react/?token=verlopen-token');
      const toast = page.locator('#toast');
      await page.waitForFunction(() => (document.querySelector('#toast')?.textContent ?? '').trim() !== '', undefined, { timeout: 15_000 });
      const message = (await toast.textContent())!.trim();
      const shown = await page.locator('ddd-dossier-form').evaluate((form) => form.shadowRoot!.textContent ?? '');
      assert.ok(shown.replace(/\s+/g, ' ').includes(message), `the toast says what the element showed: ${message}`);
      await page.close();
    });

    it("vue: a refused token reaches the app as ddd-error (bubbling to the app's @ddd-error)", async () => {
      await open('/vue/?token=verlopen-token');
      await page.waitForFunction(() => (document.querySelector('#toast')?.textContent ?? '').trim() !== '', undefined, { timeout: 15_000 });
      await page.close();
    });

    it("react: docs/npm.md's plain HTML page (bundled by Vite) loads Noor's dossier and hears ddd-saved", async () => {
      await open('/react/plain.html');
      await openMotivatie();
      const saved = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('versie'), timeout: 15_000 });
      await page.locator('ddd-dossier-form #ddd-later').fill('Kapper');
      assert.match((await saved).text(), /^versie \d+$/);
      await page.close();
    });

    it("no page error, console error or failed request (besides the refused token's 401s and favicon.ico)", () => {
      assert.deepEqual(problems, []);
    });
  });
});
