import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createHttpClient, createMemoryBackend, exampleData, limits, localize, userMessageFor, type DossierApi, type MemoryBackend } from '@doorstroom/sdk';
import { translate } from '../shared/i18n.js';
import type { DddMentorReview } from './ddd-mentor-review.component.js';
import './ddd-mentor-review.js';
import { MentorReviewHarness } from './harness.js';
import { offerLanguages } from '../shared/i18n.js';

// English as a portal offers it (`offerLanguages('en')`, or importing lang/all): a page lang="en" then counts.
offerLanguages('en');

let backend: MemoryBackend;
beforeEach(() => {
  backend = createMemoryBackend(exampleData());
});

const apiFor = (who: string): DossierApi => backend.client(backend.tokens[who]!);

async function mount(who = 'mentor-de-vries', extra: Partial<DddMentorReview> = {}): Promise<MentorReviewHarness> {
  const el = await fixture<DddMentorReview>(html`<ddd-mentor-review .api=${apiFor(who)} autosave-delay="600000"></ddd-mentor-review>`);
  Object.assign(el, extra);
  return new MentorReviewHarness(el);
}

const openLisa = (el: MentorReviewHarness) => el.openStudent('Lisa de Graaf');

describe('<ddd-mentor-review>', function () {
  // The first test loads the SDK's catalogue and axe; the full walkthrough takes a while too.
  this.timeout(30000);
  it('says clearly when it has no backend', async () => {
    const el = new MentorReviewHarness(await fixture<DddMentorReview>(html`<ddd-mentor-review></ddd-mentor-review>`));
    expect(el.text).to.contain('niet ingesteld');
    await expect(el.element).to.be.accessible();
  });

  it('tells a student that this view is for mentors', async () => {
    const el = await mount('student-lisa');
    await el.until(() => el.text.includes('voor mentoren'), 'not-a-mentor message');
  });

  it('lists the dossiers waiting for this mentor under "Te behandelen"', async () => {
    const el = await mount();
    await el.until(() => el.text.includes('Lisa de Graaf'), 'list loaded');
    const cards = el.$$('[part="list-item"]');
    expect(cards).to.have.length(1);
    expect(cards[0]!.textContent).to.contain('Ingeleverd bij mentor');
    // Sam's dossier is afgerond: nothing to do any more.
    expect(el.text).not.to.contain('Sam Jansen');
    const tab = el.$('[role="tab"][aria-selected="true"]')!;
    expect(tab.textContent!.trim()).to.equal('Te behandelen');
    await expect(el.element).to.be.accessible();
  });

  it('shows an empty state when nothing waits', async () => {
    const el = await mount('mentor-bakker');
    await el.until(() => el.text.includes('geen dossiers die op jou wachten'), 'empty state');
    await expect(el.element).to.be.accessible();
  });

  it('lists "Mijn leerlingen" as a table with status in plain Dutch, search and filters', async () => {
    const el = await mount('mentor-yilmaz');
    await el.until(() => el.$('[role="tab"]'), 'tabs');
    el.$<HTMLButtonElement>('#tab-teBehandelen')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    // Meneer Yilmaz mentors 4A and 4C: his students, not every student of the school.
    await el.until(() => el.count.startsWith('4 leerlingen.'), 'the students of his klassen');
    expect(el.text).not.to.contain('Noor El Idrissi');
    expect(el.focusedId).to.equal('tab-mijnLeerlingen');
    expect(el.$('table caption')!.textContent).to.equal('Mijn leerlingen');
    const emma = el.$$('tbody tr').find((row) => row.textContent!.includes('Emma Bakker'))!;
    expect(emma.textContent).to.contain('In akkoordverklaring');
    await expect(el.element).to.be.accessible();

    const search = el.$<HTMLInputElement>('#filter-q')!;
    search.focus();
    await sendKeys({ type: 'milan' });
    await el.until(() => el.count.startsWith('1 leerling.'), 'search by name');
    expect(el.shown).to.deep.equal(['Milan Koster']);
    expect(el.text).to.contain('Nog geen dossier');

    search.value = '';
    search.dispatchEvent(new InputEvent('input'));
    await el.until(() => el.count.startsWith('4 leerlingen.'), 'all his students again');
    const klas = el.$<HTMLSelectElement>('#filter-klas')!;
    await el.until(() => [...klas.options].some((o) => o.value === '4A'), 'klas options');
    klas.value = '4A';
    klas.dispatchEvent(new Event('change'));
    await el.until(() => el.count.startsWith('2 van de 4 leerlingen.'), 'filter by klas');
    expect(el.shown).to.have.members(['Mohammed Amrani', 'Emma Bakker']);

    klas.value = '';
    klas.dispatchEvent(new Event('change'));
    const leerjaar = el.$<HTMLSelectElement>('#filter-leerjaar')!;
    await el.until(() => [...leerjaar.options].some((o) => o.value === '4'), 'leerjaar options');
    leerjaar.value = '4';
    leerjaar.dispatchEvent(new Event('change'));
    await el.until(() => el.count.startsWith('4 leerlingen.') && el.shown.includes('Tim Hendriks'), 'filter by leerjaar');

    search.focus();
    await sendKeys({ type: 'niemand' });
    await el.until(() => el.text.includes('Geen leerlingen gevonden'), 'empty search');
    await expect(el.element).to.be.accessible();
  });

  describe('the "Mijn leerlingen" search', () => {
    /** Mentor Yilmaz on "Mijn leerlingen", over HTTP; `failNext` makes the next search answer with `status`. */
    async function mountSearch() {
      const searches: URL[] = [];
      let failNext: number | undefined;
      const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        if (!url.searchParams.has('q')) return backend.fetch(request);
        searches.push(url);
        const status = failNext;
        failNext = undefined;
        if (status === undefined) return backend.fetch(request);
        return new Response(JSON.stringify({ type: 'about:blank', title: 'Failed', status }), {
          status,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      }) as typeof globalThis.fetch;
      const api = createHttpClient({ baseUrl: backend.baseUrl, token: backend.tokens['mentor-yilmaz']!, fetch, retry: 0 });
      const el = new MentorReviewHarness(await fixture<DddMentorReview>(html`<ddd-mentor-review .api=${api} view="mijnLeerlingen"></ddd-mentor-review>`));
      await el.until(() => el.count.startsWith('4 leerlingen.'), 'all his students');
      const search = el.$<HTMLInputElement>('#filter-q')!;
      const alert = () => el.$('[role="alert"]')?.textContent?.trim() ?? '';
      /** Puts `value` in the box as a script would (maxlength stops typing, not this) and presses "Zoeken". */
      const submit = async (value: string) => {
        search.value = value;
        search.dispatchEvent(new InputEvent('input'));
        el.button('Zoeken')!.click();
        await el.settled();
      };
      return { el, search, searches, alert, submit, failWith: (status: number) => (failNext = status) };
    }

    it('takes no more characters than the backend searches for', async () => {
      const { search } = await mountSearch();
      expect(search.maxLength).to.equal(limits.query);
    });

    it('says a refused search needs other words, not "correct the marked answers", and keeps the text', async () => {
      const { el, searches, alert, submit } = await mountSearch();
      const tooLong = 'Jansen '.repeat(15) + 'x';
      expect(tooLong.length).to.be.greaterThan(limits.query);
      await submit(tooLong);
      await el.until(() => alert(), 'refusal shown');
      expect(searches.map((url) => url.searchParams.get('q'))).to.deep.equal([tooLong]);
      expect(alert()).to.equal(translate('nl', 'search.refused'));
      expect(alert()).to.not.equal(localize(userMessageFor('validation'), 'nl'));
      expect(el.$<HTMLInputElement>('#filter-q')?.value, 'the mentor can shorten what they typed').to.equal(tooLong);
      await expect(el.element).to.be.accessible();
    });

    it('asks again when the same search is submitted after a failure, and shows the results', async () => {
      const { el, searches, alert, submit, failWith } = await mountSearch();
      failWith(500);
      await submit('milan');
      await el.until(() => alert(), 'failure shown');
      expect(alert()).to.equal(localize(userMessageFor('server'), 'nl'));
      expect(searches).to.have.length(1);

      await submit('milan');
      await el.until(() => el.count.startsWith('1 leerling.'), 'results after retrying');
      expect(searches, 'a second request for the same search').to.have.length(2);
      expect(searches[1]!.searchParams.get('q')).to.equal('milan');
      expect(el.text).to.contain('Milan Koster');
      expect(alert()).to.equal('');

      // Succeeded: the same search again is still not asked for twice.
      await submit('milan');
      await el.settled();
      expect(searches).to.have.length(2);
    });
  });

  it('takes a dossier from bijMentor through deel B to the student (akkoord)', async () => {
    const el = await mount();
    await openLisa(el);
    expect(el.text).to.contain('Dossier van Lisa de Graaf');
    // Deel A is read-only and readable.
    expect(el.$('[part="deel-a"]')!.textContent).to.contain('Woonzorgcentrum Tuindorp');
    expect(el.$('[part="deel-a"] input')).to.equal(null);
    expect(el.actionButton('returnToDeelA')).to.exist;
    expect(el.actionButton('sendToStudent')).to.equal(null);
    expect(el.text).to.contain('Kies eerst "Start deel B"');
    await expect(el.element).to.be.accessible();

    const started = oneEvent(el.element, 'ddd-action');
    el.actionButton('startDeelB')!.click();
    expect((await started).detail.action).to.equal('startDeelB');
    await el.until(() => el.text.includes('Mentor vult deel B in'), 'status deelB');
    expect(el.actionButton('returnToDeelA'), 'no return once deel B started').to.equal(null);

    // Refused with its reason visible: deel B is not complete yet.
    const send = el.actionButton('sendToStudent')!;
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    const reason = el.root.getElementById(send.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).to.contain('Deel B is nog niet helemaal ingevuld');
    send.click();
    await el.until(() => el.$('.ddd-error-summary'), 'error summary after trying to send');
    await expect(el.element).to.be.accessible();

    const b1 = ['extraNederlands', 'extraRekenen', 'nodigNederlands', 'nodigRekenen', 'extraAndereVakken', 'verzuim', 'lwoo', 'passendOnderwijs', 'leerplichtRmc', 'warmeOverdracht'];
    for (const id of b1) el.tick(`mr-begeleiding-${id}-1`);
    el.tick('mr-advies-pastKeuze-0');
    const advies = el.root.getElementById('mr-advies-advies') as HTMLTextAreaElement;
    advies.focus();
    await sendKeys({ type: 'Goede keuze, ze is zorgzaam.' });
    el.tick('mr-advies-naderContact-1');
    el.tick('mr-advies-eensMetDeelA-0');
    el.tick('mr-advies-mentorAkkoord');
    await el.settled();
    expect(el.text).to.contain('100% ingevuld');
    expect(el.$('.ddd-error-summary')).to.equal(null);

    const saved = oneEvent(el.element, 'ddd-saved');
    el.button('Opslaan')!.click();
    await saved;
    await el.until(() => el.text.includes('Opgeslagen om'), 'saved state');

    expect(el.actionButton('sendToStudent')!.getAttribute('aria-disabled')).to.equal('false');
    const sent = oneEvent(el.element, 'ddd-action');
    el.actionButton('sendToStudent')!.click();
    const { detail } = await sent;
    expect(detail.action).to.equal('sendToStudent');
    expect(detail.dossier.status).to.equal('akkoord');
    await el.until(() => el.text.includes('In akkoordverklaring'), 'status shown');
    const stored = await apiFor('mentor-de-vries').getDossier(detail.dossier.id);
    expect(stored.status).to.equal('akkoord');
    expect(stored.answers['advies']?.['advies']).to.equal('Goede keuze, ze is zorgzaam.');
    expect(stored.answers['begeleiding']?.['verzuim']).to.equal(false);
    await expect(el.element).to.be.accessible();
  });

  it('offers "Terugzetten naar deel A" in bijMentor and returns the dossier to the student', async () => {
    const el = await mount();
    await openLisa(el);
    const returned = oneEvent(el.element, 'ddd-action');
    el.actionButton('returnToDeelA')!.click();
    expect((await returned).detail.dossier.status).to.equal('concept');
    await el.until(() => el.text.includes('weer bij de leerling'), 'success message');
    expect(el.actionButton('returnToDeelA')).to.equal(null);
    expect(el.actionButton('startDeelB')).to.equal(null);
  });

  it('archives a dossier, and says the student can make it active again', async () => {
    const el = await mount();
    await openLisa(el);
    el.actionButton('archive')!.click();
    await el.until(() => el.text.includes('Dit dossier is gearchiveerd'), 'archived');
    expect(el.text).to.contain('De leerling kan het weer actief maken');
    // Spec §5: the student reactivates, not the mentor; nothing else can happen to it meanwhile.
    expect(el.actionButton('reactivate')).to.equal(null);
    expect(el.actionButton('startDeelB')).to.equal(null);
    await expect(el.element).to.be.accessible();
  });

  it('shows the history: who, role, when, what', async () => {
    const el = await mount();
    await openLisa(el);
    await el.until(() => el.$('.history-entry'), 'history loaded');
    const history = el.$('[part="history"]')!.textContent!.replace(/\s+/g, ' ');
    expect(history).to.contain('Ingeleverd bij de mentor');
    expect(history).to.contain('Lisa de Graaf (leerling)');
    expect(history).to.contain('Dossier aangemaakt');
    expect(el.$('.history-entry time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
  });

  it('fills B1 for a student without a dossier', async () => {
    const el = await mount('mentor-yilmaz', { view: 'mijnLeerlingen' });
    const milan = () =>
      el
        .$$('tbody tr')
        .find((row) => row.textContent!.includes('Milan Koster'))
        ?.querySelector<HTMLButtonElement>('.ov-action');
    await el.until(() => milan(), 'student list');
    expect(milan()!.textContent!.trim()).to.equal('Begeleiding invullen');
    milan()!.click();
    await el.until(() => el.root.getElementById('mr-begeleiding-verzuim-0'), 'B1 form');
    expect(el.text).to.contain('nog geen dossier');
    expect(el.text).to.contain('100% ingevuld');
    await expect(el.element).to.be.accessible();
    el.tick('mr-begeleiding-verzuim-0');
    await el.until(() => el.text.includes('Nog niet opgeslagen'), 'dirty state');
    const saved = oneEvent(el.element, 'ddd-begeleiding-saved');
    el.button('Opslaan')!.click();
    await saved;
    await el.until(() => el.text.includes('Opgeslagen om'), 'saved');
    const stored = await apiFor('mentor-yilmaz').getBegeleiding('student-milan');
    expect(stored.answers['verzuim']).to.equal(true);
    expect(stored.answers['lwoo']).to.equal(true);
  });

  it('saves deel B by itself a moment after typing', async () => {
    const el = await mount('mentor-yilmaz');
    el.element.autosaveDelay = 50;
    await el.until(() => el.button('Dossier van Mohammed Amrani openen'), 'list');
    el.button('Dossier van Mohammed Amrani openen')!.click();
    await el.until(() => el.root.getElementById('mr-advies-advies'), 'deel B editable');
    let latest = '';
    el.element.addEventListener('ddd-saved', (event) => (latest = String(event.detail.dossier.answers['advies']?.['advies'])));
    el.root.getElementById('mr-advies-advies')!.focus();
    await sendKeys({ type: ' Let op de planning.' });
    await el.until(() => latest.endsWith('Let op de planning.'), 'autosaved');
    await el.until(() => el.text.includes('Opgeslagen om'), 'saved state shown');
  });

  it('opens one dossier directly with dossier-id, in English, stacked at 320 px', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const lisa = (await apiFor('mentor-de-vries').listDossiers({ view: 'teBehandelen' })).items[0]!;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">
        <ddd-mentor-review .api=${apiFor('mentor-de-vries')} dossier-id=${lisa.id}></ddd-mentor-review>
      </div>`);
      const el = new MentorReviewHarness(wrapper.querySelector('ddd-mentor-review')!);
      await el.until(() => el.$('#dossier-title'), 'dossier');
      expect(el.text).to.contain('Dossier of Lisa de Graaf');
      expect(el.text).to.contain('Handed in to mentor');
      expect(el.actionButton('startDeelB')!.textContent!.trim()).to.equal('Start part B');
      const a = el.$('[part="deel-a"]')!.getBoundingClientRect();
      const b = el.$('[part="deel-b"]')!.getBoundingClientRect();
      expect(b.top).to.be.greaterThanOrEqual(a.bottom);
      expect(el.$('.base')!.scrollWidth).to.be.at.most(320);
      await expect(el.element).to.be.accessible();

      let printed = 0;
      const print = window.print;
      window.print = () => void printed++;
      try {
        el.button('Print')!.click();
      } finally {
        window.print = print;
      }
      expect(printed).to.equal(1);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('puts deel A and deel B side by side on a wide screen', async () => {
    await setViewport({ width: 1400, height: 900 });
    const el = await mount();
    await openLisa(el);
    const a = el.$('[part="deel-a"]')!.getBoundingClientRect();
    const b = el.$('[part="deel-b"]')!.getBoundingClientRect();
    expect(b.left).to.be.greaterThan(a.left);
    expect(Math.abs(b.top - a.top)).to.be.lessThan(2);
  });
});
