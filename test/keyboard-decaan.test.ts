/**
 * Issue 17's "Done when", with the keyboard only (Tab, Shift+Tab, arrow keys, Space, Enter through
 * `sendKeys`; no `.click()`): the decaan of Vmbo De Brug sees the whole example school, filters to
 * the students who have been at the mentor for more than 7 days, reminds them, and moves one
 * dossier to another mentor. The example data is dated ten days back, so every dossier has been in
 * its step for more than a week. Checks focus, the result per student, and what the backend did.
 */
import { expect } from '@open-wc/testing';
import { createMemoryBackend, exampleData, localize, refusal, type MemoryBackend } from '@doorstroom/sdk';
import { bigSchoolBackend } from '../packages/elements/src/test/big-school.js';
import { $, $$, deepActive, isId, mountMentor, press, signedIn, squash, startAtTop, tabTo, text, type, until } from './helpers.js';

const tenDaysAgo = () => new Date(Date.now() - 10 * 86_400_000);
const shownNames = (el: Element) => $$(el, 'tbody tr:not([hidden]) th[scope="row"] span[id]').map((s) => squash(s.textContent));
const result = (el: Element) => squash($(el, '.ov-result')?.textContent);

describe('keyboard only: the decaan’s school overview (issue 17, done when)', function () {
  this.timeout(90000);
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = createMemoryBackend(exampleData({ today: tenDaysAgo() }));
  });

  it('sees the whole school, filters to those at the mentor for more than 7 days, reminds them and moves one dossier', async () => {
    const decaan = await mountMentor(signedIn(backend, 'decaan-visser'));
    await until(() => $$(decaan, 'tbody tr').length > 0 && $$(decaan, '#ov-move-mentor option').length > 1, 'the school overview');

    // The whole example school: every student of De Brug, one row each, with a count per step.
    expect(shownNames(decaan)).to.have.members(['Noor El Idrissi', 'Emma Bakker', 'Mohammed Amrani', 'Lisa de Graaf', 'Sam Jansen', 'Milan Koster', 'Tim Hendriks']);
    expect(squash($(decaan, '.ov-status .count')?.textContent)).to.equal('7 leerlingen. Gesorteerd op Klas, oplopend.');
    // Seven students are one page: no page buttons.
    expect($(decaan, 'nav.ov-pages')).to.equal(null);

    // Step "Ingeleverd bij mentor" with the arrow keys, then "more than 7 days" typed.
    startAtTop();
    await tabTo(isId('filter-state'), 'the step filter');
    for (let i = 0; i < 3; i++) await press('ArrowDown');
    await until(() => ($(decaan, '#filter-state') as HTMLSelectElement).value === 'bijMentor', 'at the mentor');
    await tabTo(isId('filter-stuck'), 'more days than', { max: 3 });
    await type('7');
    await until(() => shownNames(decaan).join() === 'Lisa de Graaf', 'only Lisa has been at the mentor that long');
    expect(squash($(decaan, '.ov-status .count')?.textContent)).to.match(/^1 van de 7 leerlingen\./);

    // Choose every student shown, then remind them.
    await tabTo(isId('ov-table-all'), 'choose all shown');
    await press('Space');
    await until(() => text(decaan).includes('1 leerling gekozen'), 'Lisa chosen');
    await tabTo(isId('ov-remind'), 'Herinnering sturen', { back: true });
    await press('Enter');
    await until(() => deepActive()?.id === 'ov-result-title', 'focus on the result');
    // Lisa has nothing to do herself: her dossier waits for her mentor. Refused, with the reason.
    expect(result(decaan)).to.contain(`Lisa de Graaf: niet verstuurd. ${localize(refusal('nothingToDo').message, 'nl')}`);

    // Every step, still more than 7 days: remind all of them; those whose turn it is get one.
    await tabTo(isId('filter-state'), 'the step filter', { back: true });
    for (let i = 0; i < 3; i++) await press('ArrowUp');
    await until(() => shownNames(decaan).length === 5, 'everyone with a dossier (all older than a week)');
    await tabTo(isId('ov-table-all'), 'choose all shown');
    await press('Space');
    await until(() => text(decaan).includes('5 leerlingen gekozen'), 'five chosen');
    await tabTo(isId('ov-remind'), 'Herinnering sturen', { back: true });
    await press('Enter');
    await until(() => result(decaan).includes('Gelukt: 2. Niet gelukt: 3.'), 'two reminders sent');
    expect(result(decaan)).to.contain('Noor El Idrissi: herinnering verstuurd.').and.contain('Emma Bakker: herinnering verstuurd.');
    const reminders = backend.notifications().filter((n) => n.kind === 'reminder');
    expect(reminders.map((n) => [n.recipient.id, n.payload['next']])).to.have.deep.members([
      ['student-noor', 'deelA'],
      ['student-emma', 'consent'],
    ]);

    // Back to the students at the mentor: only Lisa stays chosen. Her dossier goes to Meneer Yilmaz.
    await tabTo(isId('filter-state'), 'the step filter', { back: true });
    for (let i = 0; i < 3; i++) await press('ArrowDown');
    await until(() => shownNames(decaan).join() === 'Lisa de Graaf', 'at the mentor again');
    await until(() => text(decaan).includes('1 leerling gekozen'), 'only Lisa counts: what is acted on is what is seen');
    await tabTo(isId('ov-move-mentor'), 'the new mentor');
    await press('ArrowDown');
    await press('ArrowDown');
    await until(() => ($(decaan, '#ov-move-mentor') as HTMLSelectElement).value === 'mentor-yilmaz', 'Meneer K. Yilmaz');
    await until(() => squash($(decaan, '#ov-move-hint')?.textContent).startsWith('1 van de 1'), 'the workflow allows it');
    await tabTo(isId('ov-move'), 'Naar deze mentor verplaatsen', { max: 3 });
    await press('Enter');
    await until(() => deepActive()?.id === 'ov-result-title' && result(decaan).includes('Lisa de Graaf: verplaatst naar Meneer K. Yilmaz.'), 'moved');

    const lisa = await signedIn(backend, 'decaan-visser').getDossier('dossier-lisa');
    expect(lisa.mentor?.id).to.equal('mentor-yilmaz');
    expect(
      backend
        .notifications()
        .filter((n) => n.kind === 'mentorChanged')
        .map((n) => n.recipient.id),
    ).to.have.members(['mentor-de-vries', 'mentor-yilmaz']);
    // The table follows: Lisa's row names her new mentor (the table holds the rows the filters
    // leave in, a page at a time: the days filter off, by keyboard, in case her step started again).
    await tabTo(isId('filter-stuck'), 'more days than', { back: true });
    await press('Backspace');
    await until(() => ($(decaan, '#filter-stuck') as HTMLInputElement).value === '', 'no limit on days');
    await until(() => squash($$(decaan, 'tbody tr').find((tr) => tr.textContent!.includes('Lisa de Graaf'))?.textContent).includes('Meneer K. Yilmaz'), 'the row follows');
  });

  it('pages through a school of 120 students: the page buttons, choosing a page at a time, the total chosen', async () => {
    const big = await bigSchoolBackend(120);
    const decaan = await mountMentor(big.client('decaan-visser'));
    await until(() => $$(decaan, 'tbody tr').length === 50 && $$(decaan, '#ov-move-mentor option').length > 1, 'the first page');
    const count = () => squash($(decaan, '.ov-status .count')?.textContent);
    expect(count()).to.equal('120 leerlingen. Pagina 1 van 3. Gesorteerd op Klas, oplopend.');
    expect($(decaan, 'nav.ov-pages')!.getAttribute('aria-label')).to.equal('Bladeren door de lijst');

    // "Choose all on this page", then the next page by its button.
    startAtTop();
    await tabTo(isId('ov-table-all'), 'choose all on this page', { max: 200 });
    expect(squash(deepActive()!.closest('label')?.textContent)).to.equal('Alle leerlingen op deze pagina kiezen');
    await press('Space');
    await until(() => text(decaan).includes('50 leerlingen gekozen'), 'page 1 chosen');
    await tabTo(isId('ov-next'), 'the next page', { max: 200 });
    await press('Enter');
    await until(() => count().includes('Pagina 2 van 3'), 'page 2');
    expect(deepActive()?.id, 'focus stays on "next"').to.equal('ov-next');
    expect($(decaan, 'nav.ov-pages [aria-current="page"]')?.id).to.equal('ov-page-2');

    // Page 2 chosen too: the action bar counts every chosen student, on every page.
    await tabTo(isId('ov-table-all'), 'choose all on this page', { back: true, max: 200 });
    await press('Space');
    await until(() => text(decaan).includes('100 leerlingen gekozen'), 'pages 1 and 2 chosen');
    // Page 3 by its number, further along the pager.
    await tabTo(isId('ov-page-3'), 'page 3', { max: 200 });
    await press('Enter');
    await until(() => count().includes('Pagina 3 van 3'), 'page 3');
    await until(() => deepActive()?.id === 'ov-page-3', 'focus on the page pressed');
    expect(shownNames(decaan)).to.have.length(20);
    expect(text(decaan)).to.include('100 leerlingen gekozen');
  });
});
