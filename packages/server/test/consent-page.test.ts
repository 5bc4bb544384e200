// The consent page in the guardian's language. The e-mail's link carries the registered language
// after # (`#taal=tr&link=dgl_…`, never in a query or on a server); the page puts its own texts,
// <html lang>/dir and <ddd-consent> (from its own script-tag file) in it, loading the language file from
// /toestemming/lang/<code>.js under the strict CSP; a switch with each language named in itself
// changes all of it in place. In Chromium (Debian's, with playwright-core): a Turkish guardian's link
// opens the page in Turkish, the element speaks Turkish, the switch to Dutch (and every other
// language) works, an Arabic guardian's page is right to left, problems are said in the page's
// language, and axe finds nothing in any of the six languages. The page's own texts address the
// parent formally and use the glossary's words, checked as the elements' glossary test checks them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import '../../elements/src/consent/messages.js';
import { ar } from '../../elements/src/lang/ar.js';
import { en } from '../../elements/src/lang/en.js';
import { glossaries, parentAddress, type GlossaryLanguage } from '../../elements/src/lang/glossary.js';
import { pl } from '../../elements/src/lang/pl.js';
import { tr } from '../../elements/src/lang/tr.js';
import { uk } from '../../elements/src/lang/uk.js';
import { catalogue } from '../../elements/src/shared/i18n.js';
import { makeDossier } from '../../sdk/src/testing/fixtures.js';
import { consentPagePath, defaultBundleFile } from '../src/consent-page.js';
import type { OutboxMessage } from '../src/notifications.js';
import { dossierColumns } from '../src/pg-store.js';
import { runImport } from '../src/provisioning/index.js';
import { guardianIdFor } from '../src/provisioning/sis.js';
import { startServer, type RunningServer } from '../src/server.js';
import { freshDataDir, removeDir } from './helpers.js';

type Code = 'nl' | 'en' | 'ar' | 'tr' | 'uk' | 'pl';
type PageTexts = Record<string, string>;
const pageModule = (await import(new URL('../public/toestemming/consent-page-texts.js', import.meta.url).href)) as {
  languages: { code: Code; name: string; dir?: string }[];
  texts: Record<Code, PageTexts>;
  problemTexts: Record<string, string>;
};
const { languages, texts } = pageModule;
const codes = languages.map((l) => l.code);

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/${name}`, import.meta.url)), 'utf8');
const school = 'vmbo-het-plein';
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const languageFilesBuilt =
  existsSync(defaultBundleFile) &&
  existsSync(join(dirname(defaultBundleFile), 'ddd-consent.min.js')) &&
  ['en', 'ar', 'tr', 'uk', 'pl'].every((code) => existsSync(join(dirname(defaultBundleFile), 'lang', `${code}.js`)));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The heading <ddd-consent> shows a guardian, in each language (as the built bundle has it). */
const guardianTitle: Record<Code, string> = {
  nl: String(catalogue('nl')['consent.titleGuardian']),
  en: String(en['consent.titleGuardian']),
  ar: String(ar['consent.titleGuardian']),
  tr: String(tr['consent.titleGuardian']),
  uk: String(uk['consent.titleGuardian']),
  pl: String(pl['consent.titleGuardian']),
};

describe("the consent page's own texts", () => {
  it('has every text in all six languages, each language named in itself', () => {
    assert.deepEqual(codes, ['nl', 'en', 'ar', 'tr', 'uk', 'pl']);
    assert.deepEqual(
      languages.map((l) => l.name),
      ['Nederlands', 'English', 'العربية', 'Türkçe', 'Українська', 'Polski'],
    );
    for (const code of codes) {
      assert.deepEqual(Object.keys(texts[code]).sort(), Object.keys(texts.nl).sort(), code);
      for (const [key, text] of Object.entries(texts[code])) assert.match(text, /\S/, `${code} ${key}`);
      if (code !== 'nl') for (const key of Object.keys(texts.nl)) assert.notEqual(texts[code]![key], texts.nl[key], `${code} ${key} is translated`);
    }
    // Every problem the link exchange answers with has a text of its own.
    for (const key of Object.values(pageModule.problemTexts)) assert.ok(key in texts.nl, key);
  });

  it('addresses the parent formally in every language and uses the glossary’s words: the glossary test’s own checks', () => {
    const wrong: string[] = [];
    for (const code of ['nl', 'ar', 'tr', 'uk', 'pl'] as const) {
      for (const [key, text] of Object.entries(texts[code])) {
        const nl = texts.nl[key]!;
        if (parentAddress[code].informal.test(text)) wrong.push(`${code} ${key} is informal: ${text}`);
        if (parentAddress.nl.formal.test(nl) && !parentAddress[code].formal.test(text)) wrong.push(`${code} ${key} does not address formally: ${text}`);
      }
    }
    for (const code of ['en', 'ar', 'tr', 'uk', 'pl'] as const satisfies readonly GlossaryLanguage[]) {
      for (const entry of Object.values(glossaries[code])) {
        for (const [key, text] of Object.entries(texts[code])) {
          if (entry.uses && entry.dutch?.test(texts.nl[key]!) && !entry.uses.test(text)) wrong.push(`${code} ${key} lacks "${entry.translation}" (${entry.term}): ${text}`);
          if (entry.avoid?.test(text)) wrong.push(`${code} ${key} uses what the glossary rules out for ${entry.term}: ${text}`);
        }
      }
    }
    for (const [key, text] of Object.entries(texts.tr)) if (/(^|[.?!] )(deel [AB]|mbo)\b/.test(text)) wrong.push(`tr ${key} starts a sentence with a lowercase Dutch word: ${text}`);
    assert.deepEqual(wrong, []);
  });
});

describe('the consent page in the guardian’s language', () => {
  let server: RunningServer;
  let dataDir: string;
  const delivered: OutboxMessage[] = [];
  const kaya = { student: `${school}-100240`, guardian: 'ouder-kaya' };
  const haddou = { student: `${school}-100235`, guardian: guardianIdFor('f.haddou@mail.example') };
  const bakker = { student: `${school}-100231`, guardian: guardianIdFor('m.bakker@mail.example') };

  /** A dossier in akkoord waiting for its guardian, and the notification pg-store would queue for them. */
  async function awaitingGuardian(id: string, who: { student: string; guardian: string }, naam: string): Promise<void> {
    const dossier = makeDossier({
      id,
      status: 'akkoord',
      version: 7,
      student: { id: who.student, naam, schoolId: school, klas: '4A', leerjaar: 4, geboortedatum: '2011-05-01', nummerSoort: 'bsn' },
      inzage: [{ role: 'student', person: { id: who.student, naam }, at: new Date().toISOString() }],
      sections: ['persoonlijk', 'thuis', 'akkoordverklaring'],
    });
    const c = dossierColumns(dossier);
    await server.db.query(
      `INSERT INTO dossiers (id, student_id, school_id, type, status, archived, version, mentor_id, mentor_email, chosen_brin, created_at, updated_at, data)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::jsonb)`,
      [c.id, c.student_id, c.school_id, c.type, c.status, c.archived, c.version, c.mentor_id, c.mentor_email, c.chosen_brin, c.created_at, c.updated_at, JSON.stringify(c.data)],
    );
    const { rows } = await server.db.query<{ naam: string; email: string }>('SELECT naam, email FROM guardians WHERE id = $1', [who.guardian]);
    await server.db.query(`INSERT INTO outbox (kind, dossier_id, recipient, payload) VALUES ('guardianConsentAsked', $1, $2::jsonb, $3::jsonb)`, [
      id,
      JSON.stringify({ role: 'guardian', id: who.guardian, naam: rows[0]!.naam, email: rows[0]!.email }),
      JSON.stringify({ subject: { nl: 'Uw toestemming is nodig.', en: 'Your consent is needed.' }, student: { id: who.student, naam } }),
    ]);
  }
  const linkOf = (dossierId: string) => delivered.find((m) => m.dossierId === dossierId)!.link!;
  /** The link points at the public address; here the page is served by the server under test. */
  const local = (link: string) => new URL(`${new URL(link).pathname}${new URL(link).hash}`, server.url).href;

  before(async () => {
    dataDir = await freshDataDir();
    server = await startServer({
      port: 0,
      nodeEnv: 'production',
      dataDir,
      verifier: async () => null,
      publicUrl: 'https://doorstroom.regio-voorbeeld.example',
      logger: false,
      rateLimit: false,
      outboxIntervalMs: 60_000,
      cacheMs: 0,
      notificationSender: async (message) => void delivered.push(message),
    });
    await runImport(server.db, { format: 'json', text: example('regio.json') });
    // leerlingen.csv: Aya's mother reads Arabic, Sanne's mother has no taal (Dutch).
    await runImport(server.db, { format: 'csv', text: example('leerlingen.csv'), csv: { school } });
    // A Turkish mother, registered in JSON.
    await runImport(server.db, {
      format: 'document',
      document: {
        guardians: [{ id: kaya.guardian, naam: 'Ayşe Kaya', email: 'a.kaya@mail.example', relatie: 'moeder', taal: 'tr', studentIds: [kaya.student] }],
        students: [
          { id: kaya.student, naam: 'Elif Kaya', email: 'elif.kaya@leerling.hetplein.example', schoolId: school, klas: '4A', leerjaar: 4, geboortedatum: '2011-05-01', guardianIds: [kaya.guardian] },
        ],
      },
    });
    await awaitingGuardian('d-elif', kaya, 'Elif Kaya');
    await awaitingGuardian('d-aya', haddou, 'Aya Haddou');
    await awaitingGuardian('d-sanne', bakker, 'Sanne Bakker');
    assert.equal(await server.outbox.drain(), 3);
  });
  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  it('puts the registered language in the link after # (Turkish, Arabic), nothing for Dutch; the token stays single-use', async () => {
    assert.match(linkOf('d-elif'), /^https:\/\/doorstroom\.regio-voorbeeld\.example\/toestemming\/#taal=tr&link=dgl_[A-Za-z0-9_-]{43}$/);
    assert.match(linkOf('d-aya'), /^https:\/\/doorstroom\.regio-voorbeeld\.example\/toestemming\/#taal=ar&link=dgl_[A-Za-z0-9_-]{43}$/);
    assert.match(linkOf('d-sanne'), /^https:\/\/doorstroom\.regio-voorbeeld\.example\/toestemming\/#dgl_[A-Za-z0-9_-]{43}$/);
    // Nothing before #: no server, proxy log or Referer learns the guardian's language.
    for (const id of ['d-elif', 'd-aya', 'd-sanne']) assert.equal(new URL(linkOf(id)).search, '');
    assert.equal(delivered.find((m) => m.dossierId === 'd-elif')!.lang, 'tr', 'the e-mail is Turkish too');
  });

  it('serves the language files at /toestemming/lang/<code>.js, and nothing else from there', async () => {
    const get = (path: string) => fetch(new URL(`${consentPagePath}${path}`, server.url));
    const served = await get('consent-page-texts.js');
    assert.equal(served.status, 200);
    assert.match(served.headers.get('Content-Type') ?? '', /^text\/javascript/);
    for (const path of ['lang/nl.js', 'lang/xx.js', 'lang/tr.js.map', 'lang/', 'lang/tr', 'lang/..%2fdoorstroom.min.js']) assert.equal((await get(path)).status, 404, path);
    if (!languageFilesBuilt) return;
    for (const code of ['en', 'ar', 'tr', 'uk', 'pl']) {
      const file = await get(`lang/${code}.js`);
      assert.equal(file.status, 200, code);
      assert.match(file.headers.get('Content-Type') ?? '', /^text\/javascript/);
      const text = await file.text();
      assert.match(text, new RegExp(`lang:"${code}"`), `${code}: the language's texts`);
      assert.doesNotMatch(text, /\bimport\b/, `${code}: data only, it loads no second copy of the elements`);
    }
  });

  describe('in Chromium', { skip: !chromiumPath ? 'Chromium is not installed (/usr/bin/chromium)' : !languageFilesBuilt ? 'the bundle is not built: npm run build' : false, timeout: 300_000 }, () => {
    let browser: Browser;
    const problems: string[] = [];

    before(async () => {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    });
    after(async () => {
      await browser?.close();
    });

    /** A tab of its own (its own sessionStorage) that records CSP violations and script errors. */
    async function newPage(): Promise<Page> {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
      page.on('pageerror', (error) => problems.push(error.message));
      // 404/410 answers of a refused link are the point of some steps, not errors.
      page.on('console', (message) => message.type() === 'error' && !/status of 4(04|10)/.test(message.text()) && problems.push(message.text()));
      return page;
    }
    /** axe over the whole page, <ddd-consent>'s shadow DOM included. */
    async function axe(page: Page, where: string): Promise<void> {
      // Through the DevTools protocol, which the page's CSP does not govern (an injected <script> would be refused).
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const results = await (
          window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }
        ).axe.run(document, { resultTypes: ['violations'] });
        return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${JSON.stringify(n.target)}`));
      });
      assert.deepEqual(violations, [], `axe, ${where}`);
    }
    /** The page and the switch say `code`; the element speaks it once opened. */
    async function expectLanguage(page: Page, code: Code, opened: boolean): Promise<void> {
      const t = texts[code];
      await page.locator('h1').getByText(t['title']!, { exact: true }).waitFor();
      const state = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        title: document.title,
        nav: document.getElementById('languages')!.getAttribute('aria-label'),
        current: [...document.querySelectorAll('#languages a[aria-current="true"]')].map((a) => a.getAttribute('lang')),
        links: [...document.querySelectorAll('#languages a')].map((a) => [a.getAttribute('lang'), a.textContent]),
      }));
      assert.deepEqual(state, {
        lang: code,
        dir: code === 'ar' ? 'rtl' : 'ltr',
        title: t['title'],
        nav: t['languages'],
        current: [code],
        links: languages.map((l) => [l.code, l.name]),
      });
      if (!opened) return;
      const consent = page.locator('ddd-consent');
      assert.equal(await consent.getAttribute('lang'), code);
      await consent.getByRole('heading', { name: guardianTitle[code] }).waitFor({ timeout: 30_000 });
      assert.equal(await consent.evaluate((el) => getComputedStyle(el).direction), code === 'ar' ? 'rtl' : 'ltr');
    }

    it('a Turkish guardian’s link opens the page in Turkish, <ddd-consent> speaks Turkish, and the switch changes everything to Dutch (and every other language) in place', async () => {
      const page = await newPage();
      await page.goto(local(linkOf('d-elif')));
      await expectLanguage(page, 'tr', false);
      assert.equal(new URL(page.url()).hash, '#taal=tr', 'the token left the address bar; the language stayed');
      await axe(page, 'tr, before the dossier is opened');
      await page.getByRole('button', { name: texts.tr['open'] }).click();
      await expectLanguage(page, 'tr', true);
      await axe(page, 'tr, the dossier open');

      // To Dutch with the switch: the page, the element, the address; focus stays on the switch.
      await page.getByRole('link', { name: 'Nederlands' }).click();
      await expectLanguage(page, 'nl', true);
      assert.equal(new URL(page.url()).hash, '#taal=nl');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Nederlands');
      await axe(page, 'nl');
      for (const code of ['en', 'ar', 'uk', 'pl'] as const) {
        await page.getByRole('link', { name: languages.find((l) => l.code === code)!.name }).click();
        await expectLanguage(page, code, true);
        await axe(page, code);
      }
      // A reload keeps the language and the session (the link itself was used once).
      await page.reload();
      await expectLanguage(page, 'pl', true);
      assert.deepEqual(problems, []);
      await page.context().close();
    });

    it('an Arabic guardian’s link opens the page right to left, in Arabic, <ddd-consent> too', async () => {
      const page = await newPage();
      await page.goto(local(linkOf('d-aya')));
      await expectLanguage(page, 'ar', false);
      await page.getByRole('button', { name: texts.ar['open'] }).click();
      await expectLanguage(page, 'ar', true);
      await axe(page, 'ar, from the link');
      assert.deepEqual(problems, []);
      await page.context().close();
    });

    it('says what went wrong in the page’s language, as text, and every start and problem screen passes axe in each language', async () => {
      for (const code of codes) {
        const page = await newPage();
        // A link nobody made: the start screen, then the server's 404 said in this language.
        const fake = `dgl_${'A'.repeat(43)}`;
        await page.goto(new URL(`${consentPagePath}#${code === 'nl' ? fake : `taal=${code}&link=${fake}`}`, server.url).href);
        await expectLanguage(page, code, false);
        await axe(page, `${code}, start`);
        await page.getByRole('button', { name: texts[code]['open'] }).click();
        await page.getByRole('alert').getByText(texts[code]['invalid']!, { exact: true }).waitFor();
        await axe(page, `${code}, a link that does not work`);
        await page.context().close();
      }
      // The Turkish link again: used, said in Turkish; as text, never markup.
      const page = await newPage();
      await page.goto(local(linkOf('d-elif')));
      await page.getByRole('button', { name: texts.tr['open'] }).click();
      await page.getByRole('alert').getByText(texts.tr['used']!, { exact: true }).waitFor();
      assert.equal(await page.locator('#problem-text').evaluate((p) => p.children.length), 0);
      // Switching language says the same problem again in the new language.
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('alert').getByText(texts.en['used']!, { exact: true }).waitFor();
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  });
});
