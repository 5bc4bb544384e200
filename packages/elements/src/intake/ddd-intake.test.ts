// <ddd-intake>: the MBO's worklist of received dossiers and the intake status, through the element
// as an intake officer uses it (clicks, typing, what is on screen and what the backend then holds).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { DossierApiError, localize, refusal, type DossierApi } from '@doorstroom/sdk';
import { createMemoryDraftStore, type DraftStore } from '../shared/drafts.js';
import { maskBsn } from '../shared/format.js';
import { collatorFor } from '../shared/data-table.js';
import { expectBsnOnlyIn } from '../test/dom-strings.js';
import { receivedBackend, type Received } from '../test/received-dossiers.js';
import { cells, IntakeHarness } from './harness.js';
import { fakeIdle, squash } from '../shared/harness.js';
import './ddd-intake.js';
import '../lang/all.js';

type Backend = Awaited<ReturnType<typeof receivedBackend>>;
let backend: Backend;
let received: Received;
beforeEach(async () => {
  backend = await receivedBackend(40);
  received = backend.received;
});

const officer = () => backend.client(received.officer);
async function mount(options: { api?: DossierApi; lang?: string; pageSize?: number; dossierId?: string; draftStore?: DraftStore } = {}): Promise<IntakeHarness> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'nl'}>
    <ddd-intake .api=${options.api ?? officer()} page-size=${options.pageSize ?? 50} .draftStore=${options.draftStore}></ddd-intake>
  </div>`);
  const el = wrapper.querySelector('ddd-intake')!;
  if (options.dossierId) el.dossierId = options.dossierId;
  return new IntakeHarness(el);
}

async function worklist(options: Parameters<typeof mount>[0] = {}): Promise<IntakeHarness> {
  const el = await mount(options);
  await el.whenListed();
  return el;
}

const nth = (index: number) => received.dossiers[index]!;

describe('<ddd-intake>: the worklist', function () {
  this.timeout(30000);

  it('lists the afgeronde dossiers of the officer’s instelling, with the intake status and a count per status', async () => {
    const el = await worklist();
    expect(squash(el.$('#intake-title')?.textContent)).to.equal('Ontvangen dossiers');
    expect(el.text).to.contain('Dossiers die leerlingen hebben afgerond voor een opleiding van ROC Midden Nederland.');
    // 40 generated and Sam Jansen's; Yara Bos chose Albeda, Lisa is still with her mentor.
    expect(el.names).to.have.length(41);
    expect(el.names).to.include('Sam Jansen').and.not.include('Yara Bos').and.not.include('Lisa de Graaf');
    expect(el.status).to.equal('41 dossiers. Gesorteerd op Ontvangen, aflopend.');
    expect(el.counts).to.deep.equal(['9 Nieuw', '8 Gelezen', '8 Intake gepland', '8 Geplaatst', '8 Niet geplaatst']);
    // Newest first; each row says who, which opleiding (crebo), where, when and how far.
    const first = nth(0);
    expect(el.names[0]).to.equal(first.naam);
    expect(cells(el.rowOf(first.naam))).to.include.members([first.naam, maskBsn(first.bsn), `${first.opleiding} crebo ${first.crebo}`, first.locatie, first.cohort, 'Nieuw', 'Openen']);
    const planned = nth(2);
    expect(cells(el.rowOf(planned.naam)).find((c) => c.startsWith('Intake gepland'))).to.match(/^Intake gepland \d+ \w+/);
    // Real table semantics: a caption, column headers with sort buttons, a row header per row.
    expect(el.$('table caption')?.textContent).to.contain('Ontvangen dossiers');
    expect(el.$$('thead th[scope="col"]')).to.have.length(8);
    expect(el.$('thead th[aria-sort="descending"]')?.textContent).to.contain('Ontvangen');
    expect(el.$('.in-count')!.getAttribute('role'), 'the count is a live region').to.equal('status');
    // The BSN is masked, as in every read-only view.
    for (const dossier of received.dossiers.slice(0, 5)) expectBsnOnlyIn(el.element, dossier.bsn, 'worklist');
    await expect(el.element).to.be.accessible();
  });

  it('finds a student by crebo, BSN or name (case and accents do not matter)', async () => {
    const el = await worklist();
    const crebo = nth(3).crebo;
    const withCrebo = [...received.dossiers.filter((d) => d.crebo === crebo).map((d) => d.naam), ...(crebo === '25242' ? ['Sam Jansen'] : [])];
    el.search(crebo);
    await el.until(() => el.names.length === withCrebo.length, 'the rows with that crebo');
    expect(el.names).to.have.members(withCrebo);
    expect(el.status).to.match(new RegExp(`^${withCrebo.length} van de 41 dossiers\\.`));
    for (const row of el.$$('tbody tr')) expect(squash(row.textContent)).to.contain(`crebo ${crebo}`);

    el.search(nth(7).bsn.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3'));
    await el.until(() => el.names.length === 1, 'one BSN');
    expect(el.names).to.deep.equal([nth(7).naam]);

    const omer = received.dossiers.find((d) => d.naam.startsWith('Ömer'))!;
    el.search(`omer ${omer.naam.split(' ').at(-1)!.toUpperCase()}`);
    await el.until(() => el.names.includes(omer.naam), 'Ömer without the accent');
    expect(el.names.every((naam) => naam.startsWith('Ömer'))).to.equal(true);

    el.search('niemand-heet-zo');
    await el.until(() => el.text.includes('Geen dossiers met deze zoekopdracht of filters.'), 'nothing found');
    expect(el.status).to.match(/^0 van de 41 dossiers\./);
  });

  it('filters by locatie, opleiding, cohort and status; a count filters too and counts what the other filters leave', async () => {
    const el = await worklist();
    el.filter('cohort', '2026');
    const cohort2026 = received.dossiers.filter((d) => d.cohort === '2026');
    await el.until(() => el.names.length === cohort2026.length, 'cohort 2026');
    expect(el.names).to.have.members(cohort2026.map((d) => d.naam));
    // The counts follow the filter: of the dossiers of cohort 2026, how many have each status.
    const statusOf = (d: (typeof cohort2026)[number]) => el.rowOf(d.naam).querySelector('.in-status')!.textContent!.trim();
    const expected = ['Nieuw', 'Gelezen', 'Intake gepland', 'Geplaatst', 'Niet geplaatst'].map((label) => `${cohort2026.filter((d) => statusOf(d) === label).length} ${label}`);
    expect(el.counts).to.deep.equal(expected);
    el.$<HTMLButtonElement>('#in-filter-clear')!.click();
    await el.until(() => el.names.length === 41, 'all again');

    const locatie = nth(1).locatie;
    el.filter('locatie', el.filterOptions('locatie').get(locatie)!);
    await el.until(() => el.names.length < 41, 'one locatie');
    for (const row of el.$$('tbody tr')) expect(cells(row)).to.include(locatie);

    el.filter('locatie', '');
    el.filter('opleiding', nth(1).crebo);
    await el.until(() => el.names.length < 41 && el.names.includes(nth(1).naam), 'one opleiding');
    for (const row of el.$$('tbody tr')) expect(squash(row.textContent)).to.contain(`crebo ${nth(1).crebo}`);
    el.filter('opleiding', '');
    await el.until(() => el.names.length === 41, 'every opleiding');

    expect(el.counts).to.deep.equal(['9 Nieuw', '8 Gelezen', '8 Intake gepland', '8 Geplaatst', '8 Niet geplaatst']);
    await el.pressCount('8 Geplaatst');
    await el.until(() => el.names.length === 8, 'the placed ones');
    expect(el.$('.ddd-counts__button[aria-pressed="true"]')?.textContent).to.contain('Geplaatst');
    expect(el.$<HTMLSelectElement>('#in-filter-status')!.value).to.equal('geplaatst');
    for (const row of el.$$('tbody tr')) expect(cells(row)).to.include('Geplaatst');
    await expect(el.element).to.be.accessible();
  });

  it('starts with the filters a portal gives it (a link to the new dossiers)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl"><ddd-intake .api=${officer()} .filters=${{ status: 'nieuw' }}></ddd-intake></div>`);
    const el = new IntakeHarness(wrapper.querySelector('ddd-intake')!);
    await el.whenListed();
    expect(el.names).to.have.length(9);
    expect(el.status).to.match(/^9 van de 41 dossiers\./);
    expect(el.$('.ddd-counts__button[aria-pressed="true"]')?.textContent).to.contain('Nieuw');
  });

  it('sorts by a column from its header, with aria-sort, and says how it is sorted', async () => {
    const el = await worklist();
    const header = (label: string) => el.headerNamed(label);
    const sorted = (list: string[], direction = 1) => [...list].sort((a, b) => direction * collatorFor('nl').compare(a, b));
    header('Leerling').click();
    await el.until(() => el.status.endsWith('Gesorteerd op Leerling, oplopend.'), 'by name');
    // Equal names keep their order; the names themselves are in order.
    expect(el.names).to.deep.equal(sorted(el.names));
    expect(header('Leerling').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(header('Ontvangen').closest('th')!.hasAttribute('aria-sort')).to.equal(false);
    header('Leerling').click();
    await el.until(() => el.status.endsWith('Gesorteerd op Leerling, aflopend.'), 'by name, the other way');
    expect(el.names).to.deep.equal(sorted(el.names, -1));

    header('Status').click();
    await el.until(() => el.status.endsWith('Gesorteerd op Status, oplopend.'), 'by status');
    const statuses = el.$$('tbody tr').map((row) => squash(row.querySelector('.in-status')?.textContent));
    expect([...new Set(statuses)]).to.deep.equal(['Nieuw', 'Gelezen', 'Intake gepland', 'Geplaatst', 'Niet geplaatst']);
  });

  it('sorts by keyboard: Enter and Space on a header, focus stays on it', async () => {
    const el = await worklist();
    const header = (column: string) => el.header(column);
    // From the search box, Tab goes through the filters to the table's headers.
    el.$<HTMLInputElement>('#in-q')!.focus();
    for (let i = 0; i < 12 && el.focused?.closest('th')?.getAttribute('data-column') !== 'naam'; i++) await sendKeys({ press: 'Tab' });
    expect(el.focused, 'Tab reaches the first header').to.equal(header('naam'));
    await sendKeys({ press: 'Enter' });
    await el.until(() => el.status.endsWith('Gesorteerd op Leerling, oplopend.'), 'by name with Enter');
    expect(el.focused, 'focus stays on the header').to.equal(header('naam'));
    const ascending = el.names;
    await sendKeys({ press: 'Space' });
    await el.until(() => el.status.endsWith('Gesorteerd op Leerling, aflopend.'), 'the other way with Space');
    expect(el.names).to.deep.equal([...ascending].reverse());
    expect(el.focused).to.equal(header('naam'));
    expect(header('naam').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
  });

  it('shows a long list in pages, with the buttons where they were', async () => {
    const el = await worklist({ pageSize: 10 });
    expect(el.names).to.have.length(10);
    expect(el.status).to.equal('41 dossiers. Pagina 1 van 5. Gesorteerd op Ontvangen, aflopend.');
    expect(el.$('#in-previous')!.getAttribute('aria-disabled')).to.equal('true');
    const firstPage = el.names;
    el.$<HTMLButtonElement>('#in-next')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.until(() => el.status.includes('Pagina 2 van 5'), 'page 2');
    expect(el.names).to.have.length(10).and.not.include.members(firstPage.slice(0, 1));
    expect(el.focused?.id, 'focus stays on the button').to.equal('in-next');
    // A filter starts at page 1 again.
    el.filter('cohort', '2026');
    await el.until(() => !el.status.includes('Pagina'), 'one page');
    expect(el.$('nav.in-pages')).to.equal(null);
  });

  it('shows and opens the right dossier in every row after the rows changed, and never moves focus to another dossier', async () => {
    const el = await worklist({ pageSize: 10 });
    const byName = new Map(received.dossiers.map((d) => [d.naam, d]));
    /** Each row says who it is about, and its button is named after that student. */
    const expectRowsTrue = (when: string) => {
      for (const row of el.$$('tbody tr')) {
        const naam = squash(row.querySelector('th')?.textContent);
        const dossier = byName.get(naam);
        if (!dossier) continue; // Sam Jansen, of the example data
        expect(cells(row), `${when}: ${naam}`).to.include.members([maskBsn(dossier.bsn), `${dossier.opleiding} crebo ${dossier.crebo}`, dossier.locatie, dossier.cohort]);
        const button = row.querySelector<HTMLButtonElement>('.in-open')!;
        const [own, name] = button.getAttribute('aria-labelledby')!.split(' ');
        expect(own, when).to.equal(button.id);
        expect(squash(el.root.getElementById(name!)?.textContent), `${when}: the button names its student`).to.equal(naam);
      }
    };
    expectRowsTrue('at first');
    el.filter('cohort', '2026');
    await el.until(() => el.names.length < 10, 'cohort 2026');
    expectRowsTrue('cohort 2026');
    el.filter('cohort', '');
    el.$<HTMLButtonElement>('th[data-column="status"] .ddd-table__sort')!.click();
    await el.until(() => el.status.endsWith('Gesorteerd op Status, oplopend.'), 'by status');
    expectRowsTrue('by status');
    el.$<HTMLButtonElement>('#in-next')!.click();
    await el.until(() => el.status.includes('Pagina 2'), 'page 2');
    expectRowsTrue('page 2');

    // A portal sets other filters while focus is on a row: focus stays with that student or leaves
    // the rows, never on another student's button.
    const target = el.names[3]!;
    el.rowOf(target).querySelector<HTMLButtonElement>('.in-open')!.focus();
    const targetButton = el.focused!.id;
    el.element.filters = { cohort: byName.get(target)!.cohort };
    await el.settled();
    expect(el.focused?.id ?? '', 'focus after a new filter (back to page 1)').to.be.oneOf([targetButton, '']);
    const other = byName.get(target)!.cohort === '2026' ? '2027' : '2026';
    el.element.filters = { cohort: other };
    await el.settled();
    expect(el.names).not.to.include(target);
    expect(el.focused?.id ?? '', 'focus after a filter that drops the row').not.to.match(/^in-open-/);

    // The button of a reused row opens its own dossier.
    const third = el.names[2]!;
    await el.open(third);
    expect(el.dossierTitle).to.contain(third);
  });

  it('says so when the list cannot be loaded, and tries again', async () => {
    const api = officer();
    let fail = true;
    const flaky: DossierApi = Object.assign(Object.create(api) as DossierApi, {
      listDossiers: (...args: Parameters<DossierApi['listDossiers']>) => (fail ? Promise.reject(new DossierApiError({ kind: 'network', message: 'offline' })) : api.listDossiers(...args)),
    });
    const errors: string[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl" @ddd-error=${(e: CustomEvent<{ message: string }>) => errors.push(e.detail.message)}>
      <ddd-intake .api=${flaky}></ddd-intake>
    </div>`);
    const el = new IntakeHarness(wrapper.querySelector('ddd-intake')!);
    await el.until(() => el.$('[role="alert"] button'), 'the error with a retry button');
    fail = false;
    el.$<HTMLButtonElement>('[role="alert"] button')!.click();
    await el.until(() => el.names.length === 41, 'the list');
    expect(el.$('[role="alert"]')).to.equal(null);
    expect(errors.length).to.be.greaterThan(0);
  });

  it('is for MBO staff only', async () => {
    const el = await mount({ api: backend.client('mentor-de-vries') });
    await el.until(() => el.text.includes('Dit overzicht is voor medewerkers van een mbo-instelling.'), 'not for a mentor');
    const empty = await mount({ api: backend.client('mbo-roc-van-amsterdam') });
    await empty.until(() => empty.text.includes('Er zijn nog geen afgeronde dossiers voor uw instelling.'), 'nothing received yet');
    await expect(empty.element).to.be.accessible();
  });
});

describe('<ddd-intake>: the orders of the columns, made in idle time', function () {
  this.timeout(30000);

  // requestIdleCallback under the test's control (a fake clock for idle time): a callback runs
  // only when the test says the browser is idle.
  const idle = fakeIdle();
  const { pending, idleUntilDone } = idle;
  beforeEach(() => idle.install());
  afterEach(() => idle.restore());

  it('sorts every column, both ways, exactly as without the prepared orders', async () => {
    const prepared = await worklist();
    // Six columns, both ways; the order on screen was made when the list came.
    expect(idleUntilDone(), 'orders made in idle time').to.equal(11);
    const unprepared = await worklist();
    for (const column of ['naam', 'opleiding', 'locatie', 'cohort', 'ontvangen', 'status', 'naam']) {
      for (let press = 0; press < 2; press++) {
        unprepared.header(column).click();
        prepared.header(column).click();
        await unprepared.settled();
        await prepared.settled();
        expect(prepared.status, `${column}, press ${press + 1}`).to.contain('Gesorteerd op');
        expect(prepared.status, `${column}, press ${press + 1}`).to.equal(unprepared.status);
        expect(prepared.names, `${column}, press ${press + 1}`).to.have.length(41);
        expect(prepared.names, `${column}, press ${press + 1}`).to.deep.equal(unprepared.names);
      }
    }
    // What the officer sees of the status order: each status together, in the order of the intake.
    await prepared.sortBy('status');
    const statuses = prepared.$$('tbody tr').map((row) => squash(row.querySelector('.in-status')?.textContent));
    expect([...new Set(statuses)]).to.deep.equal(['Nieuw', 'Gelezen', 'Intake gepland', 'Geplaatst', 'Niet geplaatst']);
  });

  it('stops when the element leaves the page or the list changes, and goes on with the new list', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl"><ddd-intake .api=${officer()}></ddd-intake></div>`);
    const el = new IntakeHarness(wrapper.querySelector('ddd-intake')!);
    await el.whenListed();
    expect(pending.size, 'orders waiting for idle time').to.equal(1);
    el.element.remove();
    expect(pending.size, 'nothing left to do for an element off the page').to.equal(0);
    wrapper.append(el.element);
    expect(pending.size, 'back on the page').to.equal(1);

    // Opening a new dossier marks it read: a new list, so the work for the old one is dropped.
    const [before] = pending.keys();
    const first = nth(0).naam;
    await el.open(first);
    expect(pending.has(before!), 'the old list’s work is cancelled').to.equal(false);
    el.back();
    await el.until(() => el.$('tbody tr') && !el.$('#in-table[aria-busy="true"]'), 'the worklist again');
    idleUntilDone();
    await el.sortBy('status');
    expect(cells(el.rowOf(first))).to.include('Gelezen');
    expect(el.text).to.contain('8 Nieuw').and.contain('9 Gelezen');
  });
});

describe('<ddd-intake>: a received dossier', function () {
  this.timeout(30000);

  it('shows it as the MBO may see it, marks it read, and brings focus back to its row', async () => {
    const el = await worklist();
    expect(cells(el.rowOf('Sam Jansen'))).to.include('Nieuw');
    await el.open('Sam Jansen');
    await el.until(() => el.focused?.id === 'dossier-title', 'focus on the title');
    expect(el.dossierTitle).to.equal('Dossier van Sam Jansen');
    const shown = el.text;
    expect(shown).to.contain('Autotechnicus (crebo 25242)').and.contain('Harmonielaan 1, Nieuwegein').and.contain('Status nu: Gelezen');
    expect(shown).to.contain('Ik ben altijd al met motoren en auto’s bezig.');
    // Sam did not share A6 ondersteuning, and deel B's B1 never goes: nothing names or hints at them.
    expect(shown).not.to.contain('Ondersteuning').and.not.to.contain('Begeleiding').and.not.to.contain('Niet gedeeld').and.not.to.contain('Niet ingevuld');
    expect(shown).not.to.contain('Gedeeld');
    expect(shown).to.contain('Toestemming');
    expectBsnOnlyIn(el.element, '234567818', 'the dossier');
    expect(shown).to.contain(maskBsn('234567818'));
    expect((await officer().listDossiers()).items.find((d) => d.id === 'dossier-sam')?.intake?.status, 'read, in the backend').to.equal('gelezen');
    await expect(el.element).to.be.accessible();

    el.back();
    await el.until(() => el.focused?.id === 'in-open-dossier-sam', 'focus back on its row');
    expect(cells(el.rowOf('Sam Jansen'))).to.include('Gelezen');
    expect(el.counts[0]).to.equal('8 Nieuw');
  });

  it('plans the intake and places the student: the error summary takes focus, errors show after leaving a changed field', async () => {
    const el = await worklist();
    await el.open('Sam Jansen');
    const saved = oneEvent(el.element, 'ddd-intake-saved');
    el.save();
    await el.until(() => el.$('.ddd-error-summary'), 'the error summary');
    await el.until(() => el.focused?.classList.contains('ddd-error-summary'), 'the summary takes focus');
    expect(el.errorSummary).to.contain('Kies de nieuwe status');

    el.chooseStatus('Intake gepland');
    await el.until(() => el.$('#in-datum'), 'the date field');
    expect(el.errorSummary).to.contain('Vul de datum van de intake in');
    el.save();
    await el.until(() => el.$('#in-datum')!.getAttribute('aria-invalid') === 'true', 'the date is missing');
    el.type('#in-datum', '2027-03-12');
    await el.until(() => !el.$('.ddd-error-summary'), 'nothing missing');
    el.save();
    const { detail } = await saved;
    expect(detail).to.deep.include({ dossierId: 'dossier-sam' });
    expect(detail.intake).to.include({ status: 'intakeGepland', datum: '2027-03-12' });
    await el.until(() => el.text.includes('Status nu: Intake gepland'), 'the new status');
    expect(squash(el.$('.in-intake .live')?.textContent)).to.match(/^Opgeslagen: Intake gepland, 12 mrt 2027\.$/);
    expect(el.text).to.contain('De intake is op 12 mrt 2027.');
    expect((await officer().getDossier('dossier-sam')).intake).to.include({ status: 'intakeGepland', datum: '2027-03-12' });

    await el.setIntake('Geplaatst');
    await el.until(() => el.text.includes('Status nu: Geplaatst'), 'placed');
    // Placement feedback: the school's decaan and the student see it.
    const overview = await backend.client('decaan-visser').listDossiers({ view: 'mijnLeerlingen' });
    expect(overview.items.find((d) => d.id === 'dossier-sam')?.intake?.status).to.equal('geplaatst');
    expect((await backend.client('student-sam').getDossier('dossier-sam')).intake?.status).to.equal('geplaatst');
    el.back();
    await el.until(() => cells(el.rowOf('Sam Jansen')).includes('Geplaatst'), 'the row follows');
  });

  it('asks why when the student is not placed; an error shows once the emptied field is left', async () => {
    const el = await worklist();
    await el.open('Sam Jansen');
    el.chooseStatus('Niet geplaatst');
    await el.until(() => el.$('#in-reden'), 'the reason');
    expect(el.text).to.contain('De leerling en de school kunnen de status en de reden lezen.');
    const reden = el.$<HTMLTextAreaElement>('#in-reden')!;
    reden.focus();
    el.type('#in-reden', 'Vol');
    el.type('#in-reden', '');
    expect(el.$('#in-reden-error'), 'no error while typing').to.equal(null);
    reden.blur();
    await el.until(() => el.$('#in-reden')!.getAttribute('aria-invalid') === 'true', 'an error after leaving it');
    expect(el.text).to.contain('Vul in waarom de leerling niet is geplaatst');
    el.type('#in-reden', 'De opleiding is vol.');
    el.save();
    await el.until(() => el.text.includes('Status nu: Niet geplaatst'), 'not placed');
    expect(el.text).to.contain('Reden: De opleiding is vol.');
    expect((await officer().getDossier('dossier-sam')).intake).to.include({ status: 'nietGeplaatst', reden: 'De opleiding is vol.' });
  });

  it('refuses another instelling’s dossier, in Dutch, and keeps what was typed', async () => {
    // Albeda's officer asks for Sam's dossier (he chose ROC Midden Nederland): 404, as for any dossier not theirs.
    const other = await mount({ api: backend.client('mbo-albeda'), dossierId: 'dossier-sam' });
    await other.until(() => other.text.includes('Dit dossier kunnen we niet openen. Het is niet voor uw instelling, of het bestaat niet meer.'), 'not theirs');
    expect(other.text).not.to.contain('Jansen');

    // The dossier moved out of reach between opening it and saving: the backend refuses the status.
    const api = officer();
    const albeda = backend.client('mbo-albeda');
    const mixed: DossierApi = Object.assign(Object.create(api) as DossierApi, { setIntake: albeda.setIntake.bind(albeda) });
    const el = await worklist({ api: mixed });
    await el.open('Sam Jansen');
    await el.setIntake('Geplaatst');
    await el.until(() => el.$('#in-action-error'), 'the refusal');
    expect(squash(el.$('#in-action-error')!.textContent)).to.equal('Dit dossier kunnen we niet openen. Het is niet voor uw instelling, of het bestaat niet meer.');
    expect(el.$('#in-action-error')!.getAttribute('role')).to.equal('alert');
    await el.until(() => el.focused?.id === 'in-action-error', 'focus on the refusal');
    const chosen = el.$$<HTMLInputElement>('#in-status input').find((input) => input.checked);
    expect(squash(el.root.querySelector(`label[for="${chosen?.id}"]`)?.textContent), 'the choice stays').to.match(/^Geplaatst/);
    expect((await api.getDossier('dossier-sam')).intake?.status).to.equal('gelezen');
  });

  it('does not offer the form where the workflow would refuse it', async () => {
    const me = await officer().me();
    // A portal that signs in someone of another instelling but hands the element this one's dossier copy.
    const api = officer();
    const stranger: DossierApi = Object.assign(Object.create(api) as DossierApi, { me: async () => ({ ...me, instelling: { brin: '00GT', naam: 'Albeda' } }) });
    const el = await mount({ api: stranger, dossierId: 'dossier-sam' });
    await el.until(() => el.$('.in-intake'), 'the dossier');
    expect(el.$('#in-save')).to.equal(null);
    expect(el.text).to.contain(localize(refusal('notYours').message, 'nl'));
  });

  it('loses nothing on a failing network: the form keeps its values, the draft survives going back and a reload', async () => {
    const api = officer();
    let offline = true;
    const flaky: DossierApi = Object.assign(Object.create(api) as DossierApi, {
      setIntake: (...args: Parameters<DossierApi['setIntake']>) =>
        offline ? Promise.reject(new DossierApiError({ kind: 'network', message: 'Failed to fetch', networkCause: 'offline' })) : api.setIntake(...args),
    });
    const store = createMemoryDraftStore();
    const el = await worklist({ api: flaky, draftStore: store });
    await el.open('Sam Jansen');
    el.chooseStatus('Niet geplaatst');
    await el.until(() => el.$('#in-reden'), 'the reason');
    el.type('#in-reden', 'Geen plek meer in cohort 2027.');
    el.save();
    await el.until(() => el.$('#in-action-error'), 'the failure');
    expect(el.text).to.contain('Er is geen verbinding. Wat u invulde, blijft staan.');
    expect(el.$<HTMLTextAreaElement>('#in-reden')!.value).to.equal('Geen plek meer in cohort 2027.');

    // Back to the list and in again: still there.
    el.back();
    await el.until(() => el.$('tbody tr'), 'the list');
    await el.open('Sam Jansen');
    expect(el.$<HTMLTextAreaElement>('#in-reden')!.value).to.equal('Geen plek meer in cohort 2027.');

    // A reload (a new element on the same device): it comes back, with a notice.
    await waitUntil(async () => (await store.get({ dossierId: 'dossier-sam', sectionId: 'intake' })) !== undefined, 'kept on the device');
    el.element.parentElement!.remove();
    const again = await mount({ api: flaky, draftStore: store, dossierId: 'dossier-sam' });
    await again.until(() => again.$<HTMLTextAreaElement>('#in-reden')?.value === 'Geen plek meer in cohort 2027.', 'the draft is back');
    expect(again.text).to.contain('Wat u eerder invulde en nog niet opsloeg, staat er weer.');
    offline = false;
    again.save();
    await again.until(() => again.text.includes('Status nu: Niet geplaatst'), 'saved once online');
    await waitUntil(async () => (await store.get({ dossierId: 'dossier-sam', sectionId: 'intake' })) === undefined, 'the device copy is gone');
  });

  it('prints the dossier alone: no navigation, buttons or form', async () => {
    const el = await worklist();
    await el.open('Sam Jansen');
    const visible = (selector: string) => el.$$(selector).some((e) => e.checkVisibility({ checkVisibilityCSS: true } as CheckVisibilityOptions));
    expect(visible('#in-save') && visible('#in-back') && visible('#in-print')).to.equal(true);
    await emulateMedia({ media: 'print' });
    try {
      for (const selector of ['button', 'form', '.in-intake', '.in-tools', 'input']) expect(visible(selector), selector).to.equal(false);
      for (const selector of ['#dossier-title', '.in-facts', '[part="summary"]', '#part-a', '#part-b', '.ro-answers']) expect(visible(selector), selector).to.equal(true);
      expect(getComputedStyle(el.$('#dossier-title')!).color).to.equal('rgb(0, 0, 0)');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      el.$<HTMLButtonElement>('#in-print')!.click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
  });

  it('downloads the dossier as JSON and as a CSV row, as the MBO received it', async () => {
    const el = await worklist();
    await el.open('Sam Jansen');
    const click = HTMLAnchorElement.prototype.click;
    const files: Array<{ name: string; text: string }> = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href)
        .then((r) => r.arrayBuffer())
        .then((bytes) => files.push({ name: this.download, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }));
    };
    try {
      el.$<HTMLButtonElement>('#in-json')!.click();
      el.$<HTMLButtonElement>('#in-csv')!.click();
      await el.until(() => files.length === 2, 'two files');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const json = files.find((f) => f.name.endsWith('.json'))!;
    expect(json.name).to.equal('doorstroomdossier-dossier-sam.json');
    const dossier = JSON.parse(json.text) as { answers: Record<string, unknown> };
    expect(dossier.answers).to.have.property('motivatie');
    expect(dossier.answers, 'not shared').not.to.have.property('ondersteuning');
    const csv = files.find((f) => f.name.endsWith('.csv'))!;
    expect(csv.text.startsWith('\uFEFFdossierId;')).to.equal(true);
    expect(csv.text).to.contain('dossier-sam').and.contain('234567818');
  });

  it('downloads the PDF the backend makes', async () => {
    const api = officer();
    const withPdf = Object.assign(Object.create(api) as DossierApi, { dossierPdf: async () => new Blob(['%PDF-1.7'], { type: 'application/pdf' }) });
    const el = await worklist({ api: withPdf });
    await el.open('Sam Jansen');
    const click = HTMLAnchorElement.prototype.click;
    let name: string | undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      name = this.download;
    };
    try {
      el.$<HTMLButtonElement>('#in-pdf')!.click();
      await el.until(() => name, 'the PDF');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(name).to.equal('doorstroomdossier-dossier-sam.pdf');
  });

  it('says so once when the backend makes no PDF (the memory backend has no such route), and drops the button', async () => {
    const el = await worklist();
    await el.open('Sam Jansen');
    el.$<HTMLButtonElement>('#in-pdf')!.click();
    await el.until(() => el.$('#in-action-error'), 'no PDF here');
    expect(el.text).to.contain('Deze server maakt geen PDF. Kies Afdrukken en dan Opslaan als PDF.');
    expect(el.$('#in-pdf')).to.equal(null);
    await el.until(() => el.focused?.id === 'in-action-error', 'focus on the message, not on <body>');
  });

  it('offers the PDF when the backend makes one, and says so when it does not', async () => {
    const api = officer();
    let calls = 0;
    const withPdf = Object.assign(Object.create(api) as DossierApi, {
      dossierPdf: async () => {
        calls++;
        throw new DossierApiError({ kind: 'notFound', status: 404, message: 'GET dossiers/dossier-sam/pdf failed with 404' });
      },
    });
    const el = await worklist({ api: withPdf });
    await el.open('Sam Jansen');
    el.$<HTMLButtonElement>('#in-pdf')!.click();
    await el.until(() => el.$('#in-action-error'), 'no PDF here');
    expect(calls).to.equal(1);
    expect(el.text).to.contain('Deze server maakt geen PDF. Kies Afdrukken en dan Opslaan als PDF.');
  });
});

describe('<ddd-intake>: languages and small screens', function () {
  this.timeout(60000);

  for (const lang of ['nl', 'en', 'ar', 'tr', 'uk', 'pl']) {
    it(`passes axe in ${lang}: the worklist, filtered, and a dossier with the error summary`, async () => {
      const el = await worklist({ lang, pageSize: 10 });
      const wrapper = el.$('.base')!;
      expect(wrapper.getAttribute('lang')).to.equal(lang);
      expect(wrapper.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      if (lang !== 'nl') expect(squash(el.$('#intake-title')?.textContent)).not.to.equal('Ontvangen dossiers');
      el.filter('cohort', '2027');
      await el.until(() => el.$('#in-filter-clear'), 'filtered');
      await expect(el.element).to.be.accessible();
      el.$$<HTMLButtonElement>('.in-open')[0]!.click();
      await el.until(() => el.$('#in-save'), 'a dossier');
      el.save();
      await el.until(() => el.$('.ddd-error-summary'), 'the error summary');
      el.chooseStatus(localize({ nl: 'Niet geplaatst', en: 'Not placed' }, lang));
      await el.until(() => el.$('#in-reden'), 'the reason');
      await expect(el.element).to.be.accessible();
    });
  }

  for (const lang of ['nl', 'ar']) {
    it(`fits 320 px in ${lang}: nothing sticks out, the table becomes blocks`, async () => {
      await setViewport({ width: 320, height: 800 });
      try {
        const el = await worklist({ lang, pageSize: 10 });
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const width = document.documentElement.clientWidth;
        const out = () =>
          [...el.root.querySelectorAll<HTMLElement>('*')]
            .map((node) => ({ node, box: node.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && (box.right > width + 1 || box.left < -1))
            .map(({ node }) => `<${node.localName} class="${node.className}">`);
        expect(out(), 'the worklist').to.deep.equal([]);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        el.$$<HTMLButtonElement>('.in-open')[0]!.click();
        await el.until(() => el.$('#in-save'), 'a dossier');
        el.chooseStatus(localize({ nl: 'Intake gepland', en: 'Intake planned' }, lang));
        await el.until(() => el.$('#in-datum'), 'the date');
        expect(out(), 'the dossier').to.deep.equal([]);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        await expect(el.element).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }
});
