/**
 * The README's first command, played by hand: the demo portal that `npm start` builds and serves
 * (script-tag bundle, reference server over PGlite), driven in Chromium through the role switch
 * from "Nieuw dossier" to "Afgerond". Along the way the state survives a page reload and a server
 * restart, only the chosen MBO sees the dossier, its intake officer finds it by crebo, reads it,
 * plans the intake and places the student, the school's decaan sees "Geplaatst", another language
 * loads, and "Demo opnieuw beginnen" starts over. Runs in Node (node --test) with playwright-core and Debian's Chromium.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createHttpClient, type ReferenceAnswer } from '@doorstroom/sdk';
import { startServer, type RunningServer } from '@doorstroom/server';
import { freshPgliteDir } from '../../packages/server/src/testing/pglite-template.js';
import { completeAnswersFor } from '../../packages/sdk/src/testing/fixtures.js';
import { buildDemoSite } from '../../scripts/demo-site.mjs';

const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const motivatie = 'Ik wil auto’s repareren en later een eigen garage beginnen.';
const advies = 'Milan is handig en zelfstandig. Deze opleiding past bij hem.';

describe('the demo portal (npm start)', { timeout: 240_000 }, () => {
  const site = join(mkdtempSync(join(tmpdir(), 'doorstroom-demo-site-')), '/');
  let dataDir = '';
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  /** The server as scripts/demo.mjs starts it (demo tokens, default rate limit), on one port so the page's URL holds across restarts. */
  const start = async (port: number) => startServer({ port, dev: true, staticDir: site, dataDir, logger: false, nodeEnv: 'test' });

  before(async () => {
    dataDir = await freshPgliteDir();
    await buildDemoSite(site);
    server = await start(0);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });

  after(async () => {
    // What the page showed last (where a step failed): doorstroom-demo-last.png in the temp folder.
    if (problems.length) console.log(problems.join('\n'));
    if (page) await page.screenshot({ path: join(tmpdir(), 'doorstroom-demo-last.png'), fullPage: true }).catch(() => undefined);
    await browser?.close();
    await server?.close();
    rmSync(site, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const form = () => page.locator('ddd-dossier-form');
  const mentor = () => page.locator('ddd-mentor-review');
  const consent = () => page.locator('ddd-consent');
  const intake = () => page.locator('ddd-intake');
  /** Picks who you are in the portal's header, as a person playing the demo would. */
  const playAs = async (token: string) => {
    await page.selectOption('#who', token);
    await page.locator('#app ddd-context').first().waitFor();
  };
  /** Radio buttons and checkboxes are ticked through their label, where a user clicks. */
  const tick = (scope: Locator, id: string) => scope.locator(`label[for="${id}"]`).click();
  const shows = (scope: Locator, text: string) => scope.getByText(text, { exact: false }).first().waitFor();
  const card = (title: string) => page.locator(`section.card[aria-label="${title}"]`);

  it('plays the whole flow from "Nieuw dossier" to "Afgerond" and keeps it', async () => {
    await page.goto(`${server.url}/`);
    // An empty card says when something will show up there, so a newcomer knows whom to play next.
    await playAs('guardian-koster');
    await shows(card('Dossiers van uw kind'), 'Het dossier van uw kind komt hier zodra uw kind en de mentor het klaar hebben');

    // --- Milan (16) starts a dossier -------------------------------------------------------------
    await playAs('student-milan');
    await shows(form(), 'Nieuw dossier');
    await shows(card('Akkoordverklaring'), 'Je dossier komt hier zodra je mentor deel B heeft ingevuld');
    await tick(form(), 'ddd-new-type-vo-mbo');
    await form().getByRole('button', { name: 'Dossier maken' }).click();
    await form().locator('#form-heading').waitFor();

    // He typed most of deel A over a few evenings: filled here through the contract, as his earlier visits would have.
    const milan = createHttpClient({ baseUrl: server.apiUrl, token: 'student-milan' });
    const [summary] = (await milan.listDossiers()).items;
    assert.ok(summary, 'the dossier made in the portal is on the server');
    let dossier = await milan.getDossier(summary.id);
    for (const sectionId of ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding']) {
      dossier = await milan.saveSection(dossier.id, sectionId, { ...completeAnswersFor(dossier, sectionId) }, dossier.version);
    }

    // After a reload his dossier is in his list; opening it resumes at the one section left, A9.
    await page.reload();
    await shows(form(), 'Status: Deel A invullen');
    await form().getByRole('button', { name: 'Openen' }).click();
    await page.locator('#form-heading', { hasText: 'A9 Motivatie' }).waitFor();
    await form().locator('#ddd-waarom').fill(motivatie);
    await shows(form(), '7 van 7 onderdelen klaar');
    await form().getByRole('button', { name: 'Naar controleren' }).click();
    await shows(form(), 'Controleer je antwoorden');
    await tick(form(), 'ddd-mentor-0');
    await form().getByRole('button', { name: 'Opsturen naar mentor' }).click();
    await shows(form(), 'Je dossier is naar Meneer K. Yilmaz gestuurd.');
    await page.reload();
    await shows(form(), 'Status: Bij de mentor');

    // --- His mentor fills deel B -------------------------------------------------------------------
    await playAs('mentor-yilmaz');
    await mentor().getByRole('button', { name: 'Dossier van Milan Koster openen' }).click();
    await shows(mentor(), motivatie);
    await mentor().locator('button[data-action="startDeelB"]').click();
    await shows(mentor(), 'Deel B is gestart.');
    // B1 is already filled (the mentor did it before Milan began); B2 is hers to write now.
    await tick(mentor(), 'mr-advies-pastKeuze-0');
    await mentor().locator('#mr-advies-advies').fill(advies);
    await tick(mentor(), 'mr-advies-naderContact-1');
    await tick(mentor(), 'mr-advies-eensMetDeelA-0');
    await tick(mentor(), 'mr-advies-mentorAkkoord');
    const sendToStudent = mentor().locator('button[data-action="sendToStudent"]');
    await sendToStudent.and(page.locator('[aria-disabled="false"]')).waitFor();
    await sendToStudent.click();
    await shows(mentor(), 'Deel B is naar de leerling gestuurd.');

    // --- Milan agrees; he is 16, so his mother has to consent before he can finalize ---------------
    await playAs('student-milan');
    await card('Akkoordverklaring').getByRole('button', { name: 'Openen' }).click();
    await shows(consent(), 'hebt bekeken op');
    // The dossier is in closed cards under his choices: he opens deel B to read his mentor's advice.
    await consent().locator('summary', { hasText: 'B2 Inschatting en advies' }).click();
    await shows(consent(), advies);
    // Nothing starts ticked: he shares his motivation, agrees and gives permission in one go.
    await consent().locator('#ak-delen label', { hasText: 'Motivatie' }).click();
    await tick(consent(), 'ak-akkoord-0');
    await tick(consent(), 'ak-toestemming');
    await consent().locator('form[part="form"] button[type="submit"]').click();
    await shows(consent(), 'Je akkoord is opgeslagen');

    await playAs('guardian-koster');
    await card('Dossiers van uw kind').getByRole('button', { name: 'Bekijken en toestemming geven' }).click();
    await shows(consent(), 'Toestemming van ouder of verzorger');
    // The relation is asked only when his A2 does not name her already.
    if (await consent().locator('#og-relatie').count()) await consent().locator('#og-relatie label', { hasText: 'Moeder' }).click();
    await tick(consent(), 'og-toestemming');
    await consent().locator('form[part="form"] button[type="submit"]').click();
    await shows(consent(), 'U hebt toestemming gegeven op');

    // --- The server stops and starts again (Ctrl+C, npm start): nothing is lost --------------------
    const port = server.port;
    await server.close();
    server = await start(port);
    await page.reload();
    await playAs('student-milan');
    await card('Akkoordverklaring').getByRole('button', { name: 'Openen' }).click();
    await shows(consent(), 'Wendy Koster, heeft toestemming gegeven op');
    await consent().locator('#finalize').click();
    await consent().locator('#confirm-yes').click();
    await shows(consent(), 'Je dossier is afgerond');
    await page.getByRole('button', { name: '← Terug' }).click();
    await shows(form(), 'Status: Afgerond');

    // --- The MBO he chose (Albeda): its intake officer finds him by crebo, reads, plans, places -----
    const opleiding = (await milan.getDossier(dossier.id)).answers['vervolgkeuze']?.['opleiding'] as ReferenceAnswer;
    const crebo = String(opleiding.detail?.['crebo']);
    await playAs('mbo-albeda');
    await shows(intake(), 'Ontvangen dossiers');
    await intake().locator('#in-q').fill(crebo);
    const milanRow = intake().locator('tbody tr', { hasText: 'Milan Koster' });
    await milanRow.waitFor();
    for (const text of await intake().locator('tbody tr').allInnerTexts()) assert.match(text, new RegExp(`crebo ${crebo}`), 'only that crebo');
    await shows(milanRow, 'Nieuw');
    await milanRow.getByRole('button', { name: 'Openen Milan Koster' }).click();
    await shows(intake(), 'Dossier van Milan Koster');
    await shows(intake(), motivatie);
    await shows(intake(), 'Status nu: Gelezen');
    assert.equal(await intake().locator('.in-read input, .in-read textarea').count(), 0, 'the dossier is read only');
    // The reference server makes the PDF (GET /dossiers/{id}/pdf): the button downloads it.
    const download = page.waitForEvent('download');
    await intake().getByRole('button', { name: 'PDF', exact: true }).click();
    const pdf = await download;
    assert.equal(pdf.suggestedFilename(), `doorstroomdossier-${dossier.id}.pdf`);
    assert.equal(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
      '%PDF-',
      'a PDF',
    );
    await intake().getByRole('radio', { name: 'Intake gepland' }).check();
    await intake().locator('#in-datum').fill('2027-03-12');
    await intake().getByRole('button', { name: 'Status opslaan' }).click();
    await shows(intake(), 'Status nu: Intake gepland');
    await shows(intake(), 'De intake is op 12 mrt 2027.');
    await intake().getByRole('radio', { name: 'Geplaatst', exact: true }).check();
    await intake().getByRole('button', { name: 'Status opslaan' }).click();
    await shows(intake(), 'Status nu: Geplaatst');
    await intake().getByRole('button', { name: 'Terug naar de lijst' }).click();
    await shows(milanRow, 'Geplaatst');
    await playAs('mbo-roc-midden-nederland');
    await intake().locator('tbody tr').first().waitFor();
    assert.equal(await intake().getByText('Milan Koster').count(), 0, 'another MBO does not see it');

    // --- Another language is one extra file, loaded when picked ------------------------------------
    const english = page.waitForResponse((response) => response.url().endsWith('/lang/en.js') && response.ok());
    await page.selectOption('#lang', 'en');
    await english;
    await playAs('student-milan');
    await shows(form(), 'My dossiers');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.selectOption('#lang', 'nl');

    // --- The decaan sees the whole school, reminds a student and gives a dossier to another mentor ---
    await playAs('decaan-visser');
    await shows(mentor(), 'Overzicht van de school');
    const row = (naam: string) => mentor().locator('tbody tr', { hasText: naam });
    await row('Milan Koster').waitFor();
    assert.equal(await mentor().locator('tbody tr').count(), 7, 'every student of Vmbo De Brug, one row each');
    // The overview shows 50 students a page; the example school is one page, without page buttons.
    assert.equal(await mentor().locator('nav.ov-pages').count(), 0, 'one page: no page buttons');
    assert.match(await mentor().locator('.ov-status .count').innerText(), /^7 leerlingen\. Gesorteerd op/, 'no "Pagina 1 van 1"');
    // Placement feedback: the school knows where Milan ended up.
    await shows(row('Milan Koster'), 'Geplaatst');
    await row('Noor El Idrissi').getByRole('checkbox', { name: 'Noor El Idrissi kiezen' }).check();
    await mentor().getByRole('button', { name: 'Herinnering sturen' }).click();
    await shows(mentor(), 'Noor El Idrissi: herinnering verstuurd.');
    // The portal's inbox (the server's outbox) has the reminder.
    await page.locator('#inbox li', { hasText: 'reminder' }).first().waitFor({ state: 'attached' });
    await row('Noor El Idrissi').getByRole('checkbox', { name: 'Noor El Idrissi kiezen' }).uncheck();
    await row('Lisa de Graaf').getByRole('checkbox', { name: 'Lisa de Graaf kiezen' }).check();
    await mentor().locator('#ov-move-mentor').selectOption('mentor-bakker');
    await mentor().getByRole('button', { name: 'Naar deze mentor verplaatsen' }).click();
    await shows(mentor(), 'Lisa de Graaf: verplaatst naar Meneer R. Bakker.');
    await shows(row('Lisa de Graaf'), 'Meneer R. Bakker');
    const bakker = createHttpClient({ baseUrl: server.apiUrl, token: 'mentor-bakker' });
    assert.ok(
      (await bakker.listDossiers({ view: 'teBehandelen' })).items.some((d) => d.student.naam === 'Lisa de Graaf'),
      'Lisa’s dossier waits for Meneer Bakker now',
    );

    // --- At 320 CSS pixels (WCAG 1.4.10) nothing scrolls sideways, whoever plays ------------------
    await page.setViewportSize({ width: 320, height: 700 });
    for (const [token, ready] of [
      ['student-milan', form().getByText('Mijn dossiers')],
      ['mentor-bakker', mentor().getByText('Dossiers van mijn leerlingen')],
      ['decaan-visser', mentor().locator('tbody tr')],
      ['guardian-koster', card('Dossiers van uw kind').locator('.dossier-row ddd-progress')],
      ['mbo-albeda', intake().locator('tbody tr')],
    ] as const) {
      await playAs(token);
      await ready.first().waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, `${token}: the page fits 320 pixels`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // --- "Demo opnieuw beginnen" starts over ----------------------------------------------------------
    await page.getByRole('button', { name: 'Demo opnieuw beginnen' }).click();
    await page.waitForEvent('load');
    await playAs('student-milan');
    await shows(form(), 'Nieuw dossier');
    assert.equal((await milan.listDossiers()).items.length, 0, 'Milan has no dossier after the reset');

    assert.deepEqual(problems, [], 'no errors in the page, its console or its requests');
  });
});
