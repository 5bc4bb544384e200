// <ddd-mentor-review> for the school's decaan (the school overview) and the mentor's "Mijn leerlingen" as a table.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createMemoryBackend, exampleData, localize, refusal, type DossierApi, type MemoryBackend, type RefusalCode } from '@doorstroom/sdk';
import type { DddMentorReview } from './ddd-mentor-review.component.js';
import './ddd-mentor-review.js';
import { offerLanguages } from '../shared/i18n.js';
import { fakeIdle } from '../shared/harness.js';
import { bigSchoolBackend } from '../test/big-school.js';

// English as a portal offers it (`offerLanguages('en')`, or importing lang/all): a page lang="en" then counts.
offerLanguages('en');

let backend: MemoryBackend;
beforeEach(() => {
  backend = createMemoryBackend(exampleData());
});

const apiFor = (who: string): DossierApi => backend.client(backend.tokens[who]!);
const root = (el: DddMentorReview) => el.shadowRoot!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: DddMentorReview) => squash(root(el).textContent);
const $ = <T extends Element = HTMLElement>(el: DddMentorReview, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: DddMentorReview, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const until = (el: DddMentorReview, check: () => unknown, message: string, timeout = 5000) =>
  waitUntil(
    async () => {
      await el.updateComplete;
      return Boolean(check());
    },
    message,
    { timeout },
  );
const reason = (code: RefusalCode) => localize(refusal(code).message, 'nl');

/** The names in the table's shown rows, in order. */
const shownNames = (el: DddMentorReview) => $$(el, 'tbody tr:not([hidden]) th[scope="row"] span[id]').map((s) => squash(s.textContent));
const rowOf = (el: DddMentorReview, naam: string) => $$(el, 'tbody tr').find((tr) => squash(tr.querySelector('th')?.textContent).startsWith(naam))!;
const cellTexts = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => squash(c.textContent));
const checkbox = (el: DddMentorReview, naam: string) => rowOf(el, naam).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
const status = (el: DddMentorReview) => squash($(el, '.ov-status .count')?.textContent);

async function mountAs(who: string, options: { lang?: string; view?: string; api?: DossierApi } = {}): Promise<DddMentorReview> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'nl'}>
    <ddd-mentor-review .api=${options.api ?? apiFor(who)} view=${options.view ?? 'teBehandelen'} autosave-delay="600000"></ddd-mentor-review>
  </div>`);
  return wrapper.querySelector('ddd-mentor-review')!;
}

async function decaan(): Promise<DddMentorReview> {
  const el = await mountAs('decaan-visser');
  await until(el, () => $(el, 'tbody tr') && $$(el, '#ov-move-mentor option').length > 1, 'the school overview with the mentors');
  return el;
}

function change(el: DddMentorReview, selector: string, value: string) {
  const field = $<HTMLInputElement | HTMLSelectElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

describe('<ddd-mentor-review> for the decaan: the school overview', function () {
  this.timeout(30000);

  it('shows every student of the school, one row each, with a count per step and no tabs', async () => {
    const el = await decaan();
    expect(squash($(el, '#overview-title')?.textContent)).to.equal('Overzicht van de school');
    expect($(el, '[role="tablist"]')).to.equal(null);
    expect(status(el)).to.equal('7 leerlingen. Gesorteerd op Klas, oplopend.');
    // By leerjaar and klas, then name; Olena is at another school.
    expect(shownNames(el)).to.deep.equal(['Noor El Idrissi', 'Emma Bakker', 'Mohammed Amrani', 'Lisa de Graaf', 'Sam Jansen', 'Milan Koster', 'Tim Hendriks']);
    const counts = $$(el, '.ddd-counts__button').map((b) => squash(b.textContent));
    expect(counts).to.deep.equal(['2 Nog geen dossier', '1 Leerling vult deel A in', '1 Ingeleverd bij mentor', '1 Mentor vult deel B in', '1 In akkoordverklaring', '1 Afgerond']);
    // Lisa: with her mentor, her choice, nothing outstanding; Emma: her father must still consent.
    expect(cellTexts(rowOf(el, 'Lisa de Graaf'))).to.include.members(['4B', 'Ingeleverd bij mentor', 'Mevrouw E. de Vries']);
    expect(cellTexts(rowOf(el, 'Emma Bakker')).find((c) => c.startsWith('In akkoordverklaring'))).to.contain('Ouder moet nog toestemming geven');
    // While busy with deel A, how much of it is done.
    expect(cellTexts(rowOf(el, 'Noor El Idrissi')).find((c) => c.startsWith('Leerling vult deel A in'))).to.match(/\d+% van deel A ingevuld$/);
    expect(cellTexts(rowOf(el, 'Milan Koster'))).to.include('Nog geen dossier');
    expect($$(el, 'thead th')[0]!.querySelector('input[type="checkbox"]'), '"select all shown"').to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the MBO’s intake status to the decaan', async () => {
    await apiFor('mbo-roc-midden-nederland').setIntake('dossier-sam', { status: 'intakeGepland', datum: '2027-03-12' });
    const el = await decaan();
    const sam = cellTexts(rowOf(el, 'Sam Jansen'));
    expect(sam.find((c) => c.startsWith('Intake gepland'))).to.contain('12 mrt 2027');
  });

  it('filters by step, days in the step, klas, parent consent and no dossier; a count filters too', async () => {
    const el = await decaan();
    change(el, '#filter-state', 'bijMentor');
    await until(el, () => shownNames(el).length === 1, 'at the mentor');
    expect(shownNames(el)).to.deep.equal(['Lisa de Graaf']);
    expect(status(el)).to.match(/^1 van de 7 leerlingen\./);
    expect($(el, '.ddd-counts__button[aria-pressed="true"]')?.textContent).to.contain('Ingeleverd bij mentor');

    change(el, '#filter-stuck', '7');
    await until(el, () => shownNames(el).length === 0, 'nobody at the mentor longer than 7 days');
    expect(text(el)).to.contain('Geen leerlingen met deze filters.');
    change(el, '#filter-stuck', 'zeven');
    await until(el, () => $(el, '#filter-stuck-error'), 'an error beside the field');
    expect($(el, '#filter-stuck')!.getAttribute('aria-invalid')).to.equal('true');
    expect(shownNames(el), 'the days are ignored until they are a number').to.deep.equal(['Lisa de Graaf']);

    $<HTMLButtonElement>(el, '#filter-clear')!.click();
    await until(el, () => shownNames(el).length === 7, 'all again');
    $<HTMLInputElement>(el, '#filter-guardian')!.click();
    await until(el, () => shownNames(el).length === 1, 'parent consent outstanding');
    expect(shownNames(el)).to.deep.equal(['Emma Bakker']);
    $<HTMLInputElement>(el, '#filter-guardian')!.click();
    $<HTMLInputElement>(el, '#filter-noDossier')!.click();
    await until(el, () => shownNames(el).length === 2, 'no dossier');
    expect(shownNames(el)).to.have.members(['Milan Koster', 'Tim Hendriks']);
    $<HTMLInputElement>(el, '#filter-noDossier')!.click();
    change(el, '#filter-klas', '4B');
    await until(el, () => shownNames(el).length === 2, 'klas 4B');
    expect(shownNames(el)).to.have.members(['Lisa de Graaf', 'Sam Jansen']);
    await expect(el).to.be.accessible();
  });

  it('sorts by a column from its header, and says how it is sorted', async () => {
    const el = await decaan();
    const header = (label: string) => $$<HTMLButtonElement>(el, '.ddd-table__sort').find((b) => squash(b.textContent).startsWith(label))!;
    header('Leerling').click();
    await until(el, () => status(el).includes('Gesorteerd op Leerling, oplopend'), 'by name');
    expect(shownNames(el)[0]).to.equal('Emma Bakker');
    expect(header('Leerling').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    header('Leerling').click();
    await until(el, () => header('Leerling').closest('th')!.getAttribute('aria-sort') === 'descending', 'the other way');
    expect(shownNames(el)[0]).to.equal('Tim Hendriks');
    header('Stap').click();
    await until(el, () => status(el).includes('Gesorteerd op Stap'), 'by step');
    expect(shownNames(el).slice(-1)).to.deep.equal(['Sam Jansen']);
  });

  it('reminds the chosen students and says per student whether it was sent, or why not', async () => {
    const el = await decaan();
    for (const naam of ['Noor El Idrissi', 'Milan Koster', 'Lisa de Graaf']) checkbox(el, naam).click();
    await until(el, () => text(el).includes('3 leerlingen gekozen'), 'three chosen');
    const acted = oneEvent(el, 'ddd-overview-action');
    $<HTMLButtonElement>(el, '#ov-remind')!.click();
    const { detail } = await acted;
    expect(detail.kind).to.equal('remind');
    await until(el, () => $(el, '#ov-result-title'), 'the result');
    await until(el, () => root(el).activeElement?.id === 'ov-result-title', 'focus on the result');
    const result = squash($(el, '.ov-result')?.textContent);
    expect(result).to.contain('Gelukt: 2. Niet gelukt: 1.');
    expect(result).to.contain('Noor El Idrissi: herinnering verstuurd.');
    expect(result).to.contain('Milan Koster: herinnering verstuurd.');
    expect(result).to.contain(`Lisa de Graaf: niet verstuurd. ${reason('nothingToDo')}`);
    expect(
      backend
        .notifications()
        .filter((n) => n.kind === 'reminder')
        .map((n) => n.recipient.id),
    ).to.have.members(['student-noor', 'student-milan']);
    await expect(el).to.be.accessible();
  });

  it('acts only on the chosen students the filters show; a filter hides a chosen student without unchoosing them', async () => {
    const el = await decaan();
    checkbox(el, 'Noor El Idrissi').click();
    checkbox(el, 'Milan Koster').click();
    await until(el, () => text(el).includes('2 leerlingen gekozen'), 'two chosen');
    $<HTMLInputElement>(el, '#filter-noDossier')!.click();
    await until(el, () => text(el).includes('1 leerling gekozen'), 'only Milan is shown');
    expect($<HTMLInputElement>(el, '#ov-table-all')!.indeterminate, 'one of the two shown is chosen').to.equal(true);
    $<HTMLButtonElement>(el, '#ov-remind')!.click();
    await until(el, () => $(el, '.ov-result'), 'the result');
    expect(squash($(el, '.ov-result')!.textContent))
      .to.contain('Milan Koster: herinnering verstuurd.')
      .and.not.contain('Noor');
    expect(backend.notifications().map((n) => n.recipient.id)).to.deep.equal(['student-milan']);
    $<HTMLInputElement>(el, '#filter-noDossier')!.click();
    await until(el, () => text(el).includes('2 leerlingen gekozen'), 'Noor is still chosen');
  });

  it('moves a dossier to another mentor of the school: only what the workflow allows is sent, the rest says why', async () => {
    const el = await decaan();
    checkbox(el, 'Lisa de Graaf').click();
    checkbox(el, 'Noor El Idrissi').click();
    await until(el, () => text(el).includes('2 leerlingen gekozen'), 'two chosen');
    expect(squash($(el, '#ov-move-hint')?.textContent)).to.equal('Kies eerst een mentor.');
    expect($(el, '#ov-move')!.getAttribute('aria-disabled')).to.equal('true');
    const options = $$<HTMLOptionElement>(el, '#ov-move-mentor option').map((o) => squash(o.textContent));
    expect(options).to.deep.equal(['Kies een mentor', 'Mevrouw E. de Vries', 'Meneer K. Yilmaz', 'Meneer R. Bakker']);
    change(el, '#ov-move-mentor', 'mentor-yilmaz');
    await until(el, () => squash($(el, '#ov-move-hint')?.textContent).startsWith('1 van de 2'), 'how many can move');
    const moved = oneEvent(el, 'ddd-action');
    $<HTMLButtonElement>(el, '#ov-move')!.click();
    expect((await moved).detail).to.deep.include({ action: 'changeMentor' });
    await until(el, () => $(el, '.ov-result'), 'the result');
    const result = squash($(el, '.ov-result')!.textContent);
    expect(result).to.contain('Lisa de Graaf: verplaatst naar Meneer K. Yilmaz.');
    expect(result).to.contain(`Noor El Idrissi: niet verplaatst. ${reason('noMentorToMove')}`);
    expect((await apiFor('decaan-visser').getDossier('dossier-lisa')).mentor?.id).to.equal('mentor-yilmaz');
    expect(
      backend
        .notifications()
        .filter((n) => n.kind === 'mentorChanged')
        .map((n) => n.recipient.id),
    ).to.have.members(['mentor-de-vries', 'mentor-yilmaz']);
    // The list is loaded again: Lisa's row says who has her dossier now.
    await until(el, () => cellTexts(rowOf(el, 'Lisa de Graaf')).includes('Meneer K. Yilmaz'), 'the new mentor in the row');
  });

  it('shows the backend’s refusal when it still refuses (the dossier changed meanwhile)', async () => {
    const el = await decaan();
    checkbox(el, 'Lisa de Graaf').click();
    change(el, '#ov-move-mentor', 'mentor-bakker');
    // Meanwhile her mentor archives the dossier.
    const deVries = apiFor('mentor-de-vries');
    await deVries.act('dossier-lisa', 'archive', undefined, (await deVries.getDossier('dossier-lisa')).version);
    await until(el, () => !$(el, '#ov-move')!.getAttribute('aria-disabled')?.includes('true'), 'the move offered');
    $<HTMLButtonElement>(el, '#ov-move')!.click();
    await until(el, () => $(el, '.ov-result'), 'the result');
    expect(squash($(el, '.ov-result')!.textContent)).to.contain('Lisa de Graaf: niet verplaatst.');
    expect(squash($(el, '.ov-result')!.textContent)).to.not.contain('verplaatst naar');
    expect((await apiFor('decaan-visser').getDossier('dossier-lisa')).mentor?.id).to.equal('mentor-de-vries');
  });

  it('archives after a question, and refuses a finished dossier with its reason', async () => {
    const el = await decaan();
    checkbox(el, 'Noor El Idrissi').click();
    checkbox(el, 'Sam Jansen').click();
    await until(el, () => squash($(el, '#ov-archive-hint')?.textContent).startsWith('1 van de 2'), 'one can be archived');
    $<HTMLButtonElement>(el, '#ov-archive')!.click();
    await until(el, () => $(el, '#ov-archive-confirm-text'), 'the question');
    await until(el, () => root(el).activeElement?.id === 'ov-archive-confirm-text', 'focus on the question');
    expect(squash($(el, '#ov-archive-confirm-text')!.textContent)).to.contain('Je archiveert 1 dossier.');
    $<HTMLButtonElement>(el, '#ov-archive-no')!.click();
    await until(el, () => !$(el, '#ov-archive-confirm-text'), 'no question');
    expect(root(el).activeElement?.id).to.equal('ov-archive');
    $<HTMLButtonElement>(el, '#ov-archive')!.click();
    await until(el, () => $(el, '#ov-archive-yes'), 'the question again');
    $<HTMLButtonElement>(el, '#ov-archive-yes')!.click();
    await until(el, () => $(el, '.ov-result'), 'the result');
    const result = squash($(el, '.ov-result')!.textContent);
    expect(result).to.contain('Noor El Idrissi: gearchiveerd.');
    expect(result).to.contain(`Sam Jansen: niet gearchiveerd. ${reason('final')}`);
    expect((await apiFor('decaan-visser').getDossier('dossier-noor')).archived).to.equal(true);
    // Archived dossiers leave the overview: Noor has no dossier any more.
    await until(el, () => cellTexts(rowOf(el, 'Noor El Idrissi')).includes('Nog geen dossier'), 'Noor without a dossier');
  });

  it('gives a whole klas to another mentor', async () => {
    const el = await decaan();
    $<HTMLElement>(el, '.ov-klas summary')!.click();
    change(el, '#ov-klas', '4B');
    change(el, '#ov-klas-mentor', 'mentor-yilmaz');
    await until(el, () => $(el, '#ov-klas-move')!.getAttribute('aria-disabled') === 'false', 'ready');
    $<HTMLButtonElement>(el, '#ov-klas-move')!.click();
    await until(el, () => $(el, '.ov-result'), 'the result');
    expect(squash($(el, '.ov-result')!.textContent)).to.contain('Klas 4B is nu van Meneer K. Yilmaz. Er is 1 dossier mee verplaatst.');
    expect((await apiFor('decaan-visser').getDossier('dossier-lisa')).mentor?.id).to.equal('mentor-yilmaz');
  });

  it('downloads the students shown as CSV for Excel, with only what the Overstaptafel needs', async () => {
    const el = await decaan();
    change(el, '#filter-klas', '4B');
    await until(el, () => shownNames(el).length === 2, 'klas 4B');
    const click = HTMLAnchorElement.prototype.click;
    let file: { name: string; text: string } | undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href)
        .then((r) => r.arrayBuffer())
        .then((bytes) => (file = { name: this.download, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }));
    };
    try {
      expect(squash($(el, '#ov-export')?.textContent)).to.equal('Download 2 leerlingen voor Excel (CSV)');
      $<HTMLButtonElement>(el, '#ov-export')!.click();
      await until(el, () => file, 'the file');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(file!.name).to.match(/^overstaptafel-vmbo-de-brug-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = file!.text.split('\r\n');
    expect(lines[0]).to.equal('\uFEFFLeerling;Klas;Leerjaar;Stap;In deze stap sinds;Dagen in deze stap;Mentor;Mbo-instelling;Locatie;Opleiding;Crebo;Intake mbo;Datum intake');
    expect(lines.filter(Boolean)).to.have.length(3);
    expect(lines.find((l) => l.startsWith('Lisa de Graaf;4B;4;Ingeleverd bij mentor;'))).to.contain(';Mevrouw E. de Vries;ROC Midden Nederland;');
    expect(file!.text).to.not.match(/\d{9}|@|motivatie|ondersteuning/i);
    await until(el, () => text(el).includes('Het bestand is gedownload.'), 'said so');
  });

  it('opens a dossier of the school from its row and comes back to the same filters', async () => {
    const el = await decaan();
    change(el, '#filter-klas', '4A');
    await until(el, () => shownNames(el).length === 2, 'klas 4A');
    const open = rowOf(el, 'Mohammed Amrani').querySelector<HTMLButtonElement>('.ov-action')!;
    expect(
      open
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => squash(root(el).getElementById(id)?.textContent))
        .join(' '),
    ).to.equal('Dossier openen Mohammed Amrani');
    open.click();
    await until(el, () => $(el, '#dossier-title'), 'the dossier');
    // The decaan may do what the mentor may: deel B is open for them.
    await until(el, () => $(el, '#mr-advies-advies'), 'deel B');
    $$<HTMLButtonElement>(el, 'button')
      .find((b) => squash(b.textContent) === 'Terug naar het overzicht')!
      .click();
    await until(el, () => root(el).activeElement?.id === 'overview-title', 'back, focus on the title');
    await until(el, () => shownNames(el).length === 2, 'still klas 4A');
    expect($<HTMLSelectElement>(el, '#filter-klas')!.value).to.equal('4A');
  });

  it('fills B1 for a student without a dossier', async () => {
    const el = await decaan();
    const milan = rowOf(el, 'Milan Koster').querySelector<HTMLButtonElement>('.ov-action')!;
    expect(squash(milan.textContent)).to.equal('Begeleiding invullen');
    milan.click();
    await until(el, () => $(el, '#mr-begeleiding-verzuim-0'), 'the B1 questions');
    expect(text(el)).to.contain('Begeleiding van Milan Koster');
    await expect(el).to.be.accessible();
  });

  it('says so when the school has no students yet', async () => {
    const api = apiFor('decaan-visser');
    const empty: DossierApi = { ...api, listDossiers: async () => ({ items: [], students: [] }) };
    const el = await mountAs('decaan-visser', { api: empty });
    await until(el, () => text(el).includes('Er staan nog geen leerlingen in dit overzicht.'), 'the empty school');
    expect($(el, 'table')).to.equal(null);
    expect($(el, '.ov-actions')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is the same overview in English', async () => {
    const el = await mountAs('decaan-visser', { lang: 'en' });
    await until(el, () => $(el, 'tbody tr'), 'the table');
    expect(squash($(el, '#overview-title')?.textContent)).to.equal('School overview');
    expect(status(el)).to.equal('7 students. Sorted by Class, ascending.');
    expect(cellTexts(rowOf(el, 'Milan Koster'))).to.include('No dossier yet');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px: every row a block, nothing sticks out', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await decaan();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(root(el).querySelector('.base')!.scrollWidth).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const out = $$(el, '*').filter((node) => {
        const box = node.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && !node.closest('.ddd-visually-hidden') && (box.right > 321 || box.left < -1);
      });
      expect(out.map((n) => `${n.localName}.${n.className}`)).to.deep.equal([]);
      expect(getComputedStyle(rowOf(el, 'Lisa de Graaf')).display).to.equal('block');
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<ddd-mentor-review> for the decaan: a school of 120 students in pages of 50', function () {
  this.timeout(30000);

  const header = (el: DddMentorReview, column: string) => $<HTMLButtonElement>(el, `th[data-column="${column}"] .ddd-table__sort`)!;
  const current = (el: DddMentorReview) => $(el, 'nav.ov-pages [aria-current="page"]')?.id;
  async function bigSchool(): Promise<DddMentorReview> {
    const big = await bigSchoolBackend(120);
    const el = await mountAs('decaan-visser', { api: big.client('decaan-visser') });
    await until(el, () => $$(el, 'tbody tr').length === 50 && $$(el, '#ov-move-mentor option').length > 1, 'the first page');
    return el;
  }

  it('filters and sorts every student, then shows a page; a new filter or sort goes back to page 1; counts are about every student', async () => {
    const el = await bigSchool();
    const nav = $(el, 'nav.ov-pages')!;
    expect(nav.getAttribute('aria-label')).to.equal('Bladeren door de lijst');
    expect(status(el)).to.equal('120 leerlingen. Pagina 1 van 3. Gesorteerd op Klas, oplopend.');
    const counted = $$(el, '.ddd-counts__count').reduce((sum, c) => sum + Number(c.textContent), 0);
    expect(counted, 'the summary bar counts every student').to.equal(120);
    expect(squash($(el, '#ov-export')?.textContent), 'the export is of every student').to.equal('Download 120 leerlingen voor Excel (CSV)');
    const firstPage = shownNames(el);

    $<HTMLButtonElement>(el, '#ov-page-2')!.click();
    await until(el, () => status(el).includes('Pagina 2 van 3'), 'page 2');
    expect(current(el)).to.equal('ov-page-2');
    expect(shownNames(el)).to.have.length(50);
    expect(
      shownNames(el).filter((naam) => firstPage.includes(naam)),
      'other students',
    ).to.deep.equal([]);
    $<HTMLButtonElement>(el, '#ov-next')!.click();
    await until(el, () => status(el).includes('Pagina 3 van 3'), 'page 3');
    expect(shownNames(el)).to.have.length(20);

    // Sorting sorts every student: the first page by name starts with the first name of the school.
    header(el, 'naam').click();
    await until(el, () => status(el).includes('Pagina 1 van 3'), 'back to page 1 after a sort');
    const byName = [...shownNames(el)];
    expect(byName).to.deep.equal([...byName].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    $<HTMLButtonElement>(el, '#ov-page-3')!.click();
    await until(el, () => status(el).includes('Pagina 3 van 3'), 'page 3 by name');
    expect(byName[49]!.localeCompare(shownNames(el)[0]!, 'nl', { sensitivity: 'base' }), 'page 3 comes after page 1').to.be.below(0);

    change(el, '#filter-leerjaar', '4');
    await until(el, () => status(el).includes('van de 120 leerlingen'), 'filtered');
    expect(status(el)).to.not.contain('Pagina 3');
    const filtered = Number(/^(\d+) van de 120/.exec(status(el))![1]);
    expect(filtered).to.be.within(51, 119);
    expect(status(el)).to.contain('Pagina 1 van 2');
    expect(squash($(el, '#ov-export')?.textContent)).to.equal(`Download ${filtered} leerlingen voor Excel (CSV)`);
  });

  it('keeps the choice of students across pages: the header box chooses the page, the action bar counts all, an action takes all', async () => {
    const el = await bigSchool();
    const all = $<HTMLInputElement>(el, '#ov-table-all')!;
    expect(squash(all.closest('label')!.textContent)).to.equal('Alle leerlingen op deze pagina kiezen');
    all.click();
    await until(el, () => text(el).includes('50 leerlingen gekozen'), 'the page chosen');
    const chosenFirst = shownNames(el);
    $<HTMLButtonElement>(el, '#ov-next')!.click();
    await until(el, () => status(el).includes('Pagina 2 van 3'), 'page 2');
    expect($<HTMLInputElement>(el, '#ov-table-all')!.checked, 'nobody on page 2 is chosen yet').to.equal(false);
    checkbox(el, shownNames(el)[0]!).click();
    await until(el, () => text(el).includes('51 leerlingen gekozen'), 'one more, in total');
    $<HTMLButtonElement>(el, '#ov-previous')!.click();
    await until(el, () => status(el).includes('Pagina 1 van 3'), 'page 1 again');
    expect($<HTMLInputElement>(el, '#ov-table-all')!.checked, 'page 1 is still chosen').to.equal(true);
    expect(shownNames(el)).to.deep.equal(chosenFirst);
    // Deselecting the page leaves the student of page 2 chosen.
    $<HTMLInputElement>(el, '#ov-table-all')!.click();
    await until(el, () => text(el).includes('1 leerling gekozen'), 'page 1 off, page 2 still on');
    const acted = oneEvent(el, 'ddd-overview-action');
    $<HTMLButtonElement>(el, '#ov-remind')!.click();
    const { detail } = await acted;
    expect(detail.entries, 'the action takes the chosen student of the other page').to.have.length(1);
    await until(el, () => $(el, '.ov-result') && $(el, 'table')?.getAttribute('aria-busy') === 'false', 'the result, and the list loaded again');
  });

  it('pages by keyboard: Tab reaches the page buttons, Enter shows the page, focus stays on the button', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await bigSchool();
    $<HTMLButtonElement>(el, '#ov-page-3')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('ov-next');
    await sendKeys({ press: 'Enter' });
    await until(el, () => status(el).includes('Pagina 2 van 3'), 'page 2');
    expect(root(el).activeElement?.id, 'focus stays on "next"').to.equal('ov-next');
    expect($(el, '.ov-status [role="status"]') ?? $(el, '.ov-status .count[role="status"]'), 'the page is announced').to.not.equal(null);
    await sendKeys({ press: 'Shift+Tab' });
    expect(root(el).activeElement?.id).to.equal('ov-page-3');
    await sendKeys({ press: 'Enter' });
    await until(el, () => status(el).includes('Pagina 3 van 3'), 'page 3');
    await until(el, () => root(el).activeElement?.id === 'ov-page-3', 'focus on the page pressed');
    await expect(el).to.be.accessible();
  });
});

describe('<ddd-mentor-review> for the decaan: the orders of the columns, made in idle time', function () {
  this.timeout(30000);

  // requestIdleCallback under the test's control (a fake clock for idle time): a callback runs
  // only when the test says the browser is idle.
  const idle = fakeIdle();
  const { pending, idleUntilDone } = idle;
  beforeEach(() => idle.install());
  afterEach(() => idle.restore());
  const header = (el: DddMentorReview, column: string) => $<HTMLButtonElement>(el, `th[data-column="${column}"] .ddd-table__sort`)!;
  async function bigSchool(): Promise<DddMentorReview> {
    const big = await bigSchoolBackend(120);
    const el = await mountAs('decaan-visser', { api: big.client('decaan-visser') });
    await until(el, () => $$(el, 'tbody tr').length === 50 && status(el).startsWith('120 leerlingen.'), 'the first page of 120 students');
    return el;
  }

  it('sorts every column, both ways, exactly as without the prepared orders, with the filters on', async () => {
    const prepared = await bigSchool();
    // Seven columns, both ways; the order on screen was made when the list came.
    expect(idleUntilDone(), 'orders made in idle time').to.equal(13);
    const unprepared = await bigSchool();
    for (const el of [prepared, unprepared]) change(el, '#filter-stuck', '5');
    for (const column of ['naam', 'klas', 'state', 'days', 'mentor', 'keuze', 'intake', 'naam']) {
      for (let press = 0; press < 2; press++) {
        header(unprepared, column).click();
        header(prepared, column).click();
        await unprepared.updateComplete;
        await prepared.updateComplete;
        expect(status(prepared), `${column}, press ${press + 1}`).to.contain('Gesorteerd op');
        expect(status(prepared), `${column}, press ${press + 1}`).to.equal(status(unprepared));
        expect(shownNames(prepared).length, `${column}, press ${press + 1}`).to.be.within(1, 50);
        expect(shownNames(prepared), `${column}, press ${press + 1}`).to.deep.equal(shownNames(unprepared));
      }
    }
  });

  it('stops when the element leaves the page or the list changes, and goes on with the new list', async () => {
    const el = await bigSchool();
    const wrapper = el.parentElement!;
    expect(pending.size, 'orders waiting for idle time').to.equal(1);
    el.remove();
    expect(pending.size, 'nothing left to do for an element off the page').to.equal(0);
    wrapper.append(el);
    await el.updateComplete;
    expect(pending.size, 'back on the page').to.equal(1);

    // A name search brings a new list from the backend: the work for the old one is dropped.
    const [before] = pending.keys();
    const naam = shownNames(el)[3]!;
    change(el, '#filter-q', naam);
    $<HTMLFormElement>(el, 'form[role="search"]')!.requestSubmit();
    await until(el, () => !status(el).startsWith('120 leerlingen'), 'found by name');
    expect(pending.has(before!), 'the old list’s work is cancelled').to.equal(false);
    expect(pending.size, 'the new list’s work waits').to.equal(1);
    idleUntilDone();
    header(el, 'naam').click();
    await el.updateComplete;
    expect(shownNames(el)).to.include(naam);
    expect(status(el)).to.contain('Gesorteerd op Leerling, oplopend');
  });
});

describe('<ddd-mentor-review> for a mentor: "Mijn leerlingen" as the same table', function () {
  this.timeout(30000);

  it('lists the students of the mentor’s klassen, without choosing or acting on the school', async () => {
    const el = await mountAs('mentor-yilmaz', { view: 'mijnLeerlingen' });
    await until(el, () => $(el, 'tbody tr'), 'his students');
    // Meneer Yilmaz mentors 4A and 4C.
    expect(shownNames(el)).to.have.members(['Mohammed Amrani', 'Emma Bakker', 'Tim Hendriks', 'Milan Koster']);
    expect(status(el)).to.match(/^4 leerlingen\. Gesorteerd op/);
    expect($(el, 'nav.ov-pages'), 'a klas under 50 students: one page, no page buttons').to.equal(null);
    expect($(el, 'input[type="checkbox"].ddd-table__check')).to.equal(null);
    expect($(el, '.ov-actions')).to.equal(null);
    expect($(el, '#ov-export')).to.equal(null);
    expect($$(el, 'thead th').map((th) => squash(th.textContent))).to.not.include('Intake mbo');
    expect(cellTexts(rowOf(el, 'Emma Bakker')).some((c) => c.startsWith('In akkoordverklaring'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('opens a dossier of theirs, and fills B1 for a student without one', async () => {
    const el = await mountAs('mentor-yilmaz', { view: 'mijnLeerlingen' });
    await until(el, () => rowOf(el, 'Milan Koster'), 'his students');
    const milan = rowOf(el, 'Milan Koster').querySelector<HTMLButtonElement>('.ov-action')!;
    expect(squash(milan.textContent)).to.equal('Begeleiding invullen');
    milan.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => root(el).activeElement?.id === 'begeleiding-title', 'the B1 page');
    expect(text(el)).to.contain('Begeleiding van Milan Koster');
  });

  it('searches by name through the backend, and the filters work on what it found', async () => {
    const el = await mountAs('mentor-yilmaz', { view: 'mijnLeerlingen' });
    await until(el, () => $(el, 'tbody tr'), 'his students');
    $<HTMLInputElement>(el, '#filter-q')!.focus();
    await sendKeys({ type: 'milan' });
    await until(el, () => shownNames(el).length === 1, 'found by name');
    expect(shownNames(el)).to.deep.equal(['Milan Koster']);
    expect(status(el)).to.match(/^1 leerling\./);
  });
});
