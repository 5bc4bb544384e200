import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createHttpClient, createMemoryBackend, exampleData, limits, localize, userMessageFor, type DossierApi, type MemoryBackend } from '@doorstroom/sdk';
import { translate } from '../shared/i18n.js';
import type { DddMentorReview } from './ddd-mentor-review.component.js';
import './ddd-mentor-review.js';
import { offerLanguages } from '../shared/i18n.js';

// English as a portal offers it (`offerLanguages('en')`, or importing lang/all): a page lang="en" then counts.
offerLanguages('en');

let backend: MemoryBackend;
beforeEach(() => {
  backend = createMemoryBackend(exampleData());
});

const apiFor = (who: string): DossierApi => backend.client(backend.tokens[who]!);

async function mount(who = 'mentor-de-vries', extra: Partial<DddMentorReview> = {}): Promise<DddMentorReview> {
  const el = await fixture<DddMentorReview>(html`<ddd-mentor-review .api=${apiFor(who)} autosave-delay="600000"></ddd-mentor-review>`);
  Object.assign(el, extra);
  return el;
}

const root = (el: DddMentorReview) => el.shadowRoot!;
const text = (el: DddMentorReview) => root(el).textContent!.replace(/\s+/g, ' ');
const until = (el: DddMentorReview, check: () => unknown, message: string) =>
  waitUntil(
    async () => {
      await el.updateComplete;
      return Boolean(check());
    },
    message,
    { timeout: 5000 },
  );
const buttonNamed = (el: DddMentorReview, name: string | RegExp) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => (typeof name === 'string' ? b.textContent!.replace(/\s+/g, ' ').trim() === name : name.test(b.textContent!)));
/** The status line of the table of students ("4 leerlingen. Gesorteerd op …"). */
const count = (el: DddMentorReview) => (root(el).querySelector('.ov-status .count')?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Names in the table's shown rows. */
const shown = (el: DddMentorReview) => [...root(el).querySelectorAll('tbody tr:not([hidden]) th span[id]')].map((s) => s.textContent!.trim());
const actionButton = (el: DddMentorReview, action: string) => root(el).querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);

async function openLisa(el: DddMentorReview) {
  await until(el, () => buttonNamed(el, 'Dossier van Lisa de Graaf openen'), 'te behandelen list');
  buttonNamed(el, 'Dossier van Lisa de Graaf openen')!.click();
  await until(el, () => root(el).querySelector('#dossier-title'), 'dossier opened');
}

function check(el: DddMentorReview, id: string) {
  const input = root(el).getElementById(id) as HTMLInputElement | null;
  if (!input) throw new Error(`no field #${id}`);
  input.click();
}

describe('<ddd-mentor-review>', function () {
  // The first test loads the SDK's catalogue and axe; the full walkthrough takes a while too.
  this.timeout(30000);
  it('says clearly when it has no backend', async () => {
    const el = await fixture<DddMentorReview>(html`<ddd-mentor-review></ddd-mentor-review>`);
    expect(text(el)).to.contain('niet ingesteld');
    await expect(el).to.be.accessible();
  });

  it('tells a student that this view is for mentors', async () => {
    const el = await mount('student-lisa');
    await until(el, () => text(el).includes('voor mentoren'), 'not-a-mentor message');
  });

  it('lists the dossiers waiting for this mentor under "Te behandelen"', async () => {
    const el = await mount();
    await until(el, () => text(el).includes('Lisa de Graaf'), 'list loaded');
    const cards = [...root(el).querySelectorAll('[part="list-item"]')];
    expect(cards).to.have.length(1);
    expect(cards[0]!.textContent).to.contain('Ingeleverd bij mentor');
    // Sam's dossier is afgerond: nothing to do any more.
    expect(text(el)).not.to.contain('Sam Jansen');
    const tab = root(el).querySelector('[role="tab"][aria-selected="true"]')!;
    expect(tab.textContent!.trim()).to.equal('Te behandelen');
    await expect(el).to.be.accessible();
  });

  it('shows an empty state when nothing waits', async () => {
    const el = await mount('mentor-bakker');
    await until(el, () => text(el).includes('geen dossiers die op jou wachten'), 'empty state');
    await expect(el).to.be.accessible();
  });

  it('lists "Mijn leerlingen" as a table with status in plain Dutch, search and filters', async () => {
    const el = await mount('mentor-yilmaz');
    await until(el, () => root(el).querySelector('[role="tab"]'), 'tabs');
    root(el).querySelector<HTMLButtonElement>('#tab-teBehandelen')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    // Meneer Yilmaz mentors 4A and 4C: his students, not every student of the school.
    await until(el, () => count(el).startsWith('4 leerlingen.'), 'the students of his klassen');
    expect(text(el)).not.to.contain('Noor El Idrissi');
    expect(root(el).activeElement?.id).to.equal('tab-mijnLeerlingen');
    expect(root(el).querySelector('table caption')!.textContent).to.equal('Mijn leerlingen');
    const emma = [...root(el).querySelectorAll('tbody tr')].find((row) => row.textContent!.includes('Emma Bakker'))!;
    expect(emma.textContent).to.contain('In akkoordverklaring');
    await expect(el).to.be.accessible();

    const search = root(el).querySelector<HTMLInputElement>('#filter-q')!;
    search.focus();
    await sendKeys({ type: 'milan' });
    await until(el, () => count(el).startsWith('1 leerling.'), 'search by name');
    expect(shown(el)).to.deep.equal(['Milan Koster']);
    expect(text(el)).to.contain('Nog geen dossier');

    search.value = '';
    search.dispatchEvent(new InputEvent('input'));
    await until(el, () => count(el).startsWith('4 leerlingen.'), 'all his students again');
    const klas = root(el).querySelector<HTMLSelectElement>('#filter-klas')!;
    await until(el, () => [...klas.options].some((o) => o.value === '4A'), 'klas options');
    klas.value = '4A';
    klas.dispatchEvent(new Event('change'));
    await until(el, () => count(el).startsWith('2 van de 4 leerlingen.'), 'filter by klas');
    expect(shown(el)).to.have.members(['Mohammed Amrani', 'Emma Bakker']);

    klas.value = '';
    klas.dispatchEvent(new Event('change'));
    const leerjaar = root(el).querySelector<HTMLSelectElement>('#filter-leerjaar')!;
    await until(el, () => [...leerjaar.options].some((o) => o.value === '4'), 'leerjaar options');
    leerjaar.value = '4';
    leerjaar.dispatchEvent(new Event('change'));
    await until(el, () => count(el).startsWith('4 leerlingen.') && shown(el).includes('Tim Hendriks'), 'filter by leerjaar');

    search.focus();
    await sendKeys({ type: 'niemand' });
    await until(el, () => text(el).includes('Geen leerlingen gevonden'), 'empty search');
    await expect(el).to.be.accessible();
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
      const el = await fixture<DddMentorReview>(html`<ddd-mentor-review .api=${api} view="mijnLeerlingen"></ddd-mentor-review>`);
      await until(el, () => count(el).startsWith('4 leerlingen.'), 'all his students');
      const search = root(el).querySelector<HTMLInputElement>('#filter-q')!;
      const alert = () => root(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
      /** Puts `value` in the box as a script would (maxlength stops typing, not this) and presses "Zoeken". */
      const submit = async (value: string) => {
        search.value = value;
        search.dispatchEvent(new InputEvent('input'));
        buttonNamed(el, 'Zoeken')!.click();
        await el.updateComplete;
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
      await until(el, () => alert(), 'refusal shown');
      expect(searches.map((url) => url.searchParams.get('q'))).to.deep.equal([tooLong]);
      expect(alert()).to.equal(translate('nl', 'search.refused'));
      expect(alert()).to.not.equal(localize(userMessageFor('validation'), 'nl'));
      expect(root(el).querySelector<HTMLInputElement>('#filter-q')?.value, 'the mentor can shorten what they typed').to.equal(tooLong);
      await expect(el).to.be.accessible();
    });

    it('asks again when the same search is submitted after a failure, and shows the results', async () => {
      const { el, searches, alert, submit, failWith } = await mountSearch();
      failWith(500);
      await submit('milan');
      await until(el, () => alert(), 'failure shown');
      expect(alert()).to.equal(localize(userMessageFor('server'), 'nl'));
      expect(searches).to.have.length(1);

      await submit('milan');
      await until(el, () => count(el).startsWith('1 leerling.'), 'results after retrying');
      expect(searches, 'a second request for the same search').to.have.length(2);
      expect(searches[1]!.searchParams.get('q')).to.equal('milan');
      expect(text(el)).to.contain('Milan Koster');
      expect(alert()).to.equal('');

      // Succeeded: the same search again is still not asked for twice.
      await submit('milan');
      await el.updateComplete;
      expect(searches).to.have.length(2);
    });
  });

  it('takes a dossier from bijMentor through deel B to the student (akkoord)', async () => {
    const el = await mount();
    await openLisa(el);
    expect(text(el)).to.contain('Dossier van Lisa de Graaf');
    // Deel A is read-only and readable.
    expect(root(el).querySelector('[part="deel-a"]')!.textContent).to.contain('Woonzorgcentrum Tuindorp');
    expect(root(el).querySelector('[part="deel-a"] input')).to.equal(null);
    expect(actionButton(el, 'returnToDeelA')).to.exist;
    expect(actionButton(el, 'sendToStudent')).to.equal(null);
    expect(text(el)).to.contain('Kies eerst "Start deel B"');
    await expect(el).to.be.accessible();

    const started = oneEvent(el, 'ddd-action');
    actionButton(el, 'startDeelB')!.click();
    expect((await started).detail.action).to.equal('startDeelB');
    await until(el, () => text(el).includes('Mentor vult deel B in'), 'status deelB');
    expect(actionButton(el, 'returnToDeelA'), 'no return once deel B started').to.equal(null);

    // Refused with its reason visible: deel B is not complete yet.
    const send = actionButton(el, 'sendToStudent')!;
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    const reason = root(el).getElementById(send.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).to.contain('Deel B is nog niet helemaal ingevuld');
    send.click();
    await until(el, () => root(el).querySelector('.ddd-error-summary'), 'error summary after trying to send');
    await expect(el).to.be.accessible();

    const b1 = ['extraNederlands', 'extraRekenen', 'nodigNederlands', 'nodigRekenen', 'extraAndereVakken', 'verzuim', 'lwoo', 'passendOnderwijs', 'leerplichtRmc', 'warmeOverdracht'];
    for (const id of b1) check(el, `mr-begeleiding-${id}-1`);
    check(el, 'mr-advies-pastKeuze-0');
    const advies = root(el).getElementById('mr-advies-advies') as HTMLTextAreaElement;
    advies.focus();
    await sendKeys({ type: 'Goede keuze, ze is zorgzaam.' });
    check(el, 'mr-advies-naderContact-1');
    check(el, 'mr-advies-eensMetDeelA-0');
    check(el, 'mr-advies-mentorAkkoord');
    await el.updateComplete;
    expect(text(el)).to.contain('100% ingevuld');
    expect(root(el).querySelector('.ddd-error-summary')).to.equal(null);

    const saved = oneEvent(el, 'ddd-saved');
    buttonNamed(el, 'Opslaan')!.click();
    await saved;
    await until(el, () => text(el).includes('Opgeslagen om'), 'saved state');

    expect(actionButton(el, 'sendToStudent')!.getAttribute('aria-disabled')).to.equal('false');
    const sent = oneEvent(el, 'ddd-action');
    actionButton(el, 'sendToStudent')!.click();
    const { detail } = await sent;
    expect(detail.action).to.equal('sendToStudent');
    expect(detail.dossier.status).to.equal('akkoord');
    await until(el, () => text(el).includes('In akkoordverklaring'), 'status shown');
    const stored = await apiFor('mentor-de-vries').getDossier(detail.dossier.id);
    expect(stored.status).to.equal('akkoord');
    expect(stored.answers['advies']?.['advies']).to.equal('Goede keuze, ze is zorgzaam.');
    expect(stored.answers['begeleiding']?.['verzuim']).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('offers "Terugzetten naar deel A" in bijMentor and returns the dossier to the student', async () => {
    const el = await mount();
    await openLisa(el);
    const returned = oneEvent(el, 'ddd-action');
    actionButton(el, 'returnToDeelA')!.click();
    expect((await returned).detail.dossier.status).to.equal('concept');
    await until(el, () => text(el).includes('weer bij de leerling'), 'success message');
    expect(actionButton(el, 'returnToDeelA')).to.equal(null);
    expect(actionButton(el, 'startDeelB')).to.equal(null);
  });

  it('archives a dossier, and says the student can make it active again', async () => {
    const el = await mount();
    await openLisa(el);
    actionButton(el, 'archive')!.click();
    await until(el, () => text(el).includes('Dit dossier is gearchiveerd'), 'archived');
    expect(text(el)).to.contain('De leerling kan het weer actief maken');
    // Spec §5: the student reactivates, not the mentor; nothing else can happen to it meanwhile.
    expect(actionButton(el, 'reactivate')).to.equal(null);
    expect(actionButton(el, 'startDeelB')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the history: who, role, when, what', async () => {
    const el = await mount();
    await openLisa(el);
    await until(el, () => root(el).querySelector('.history-entry'), 'history loaded');
    const history = root(el).querySelector('[part="history"]')!.textContent!.replace(/\s+/g, ' ');
    expect(history).to.contain('Ingeleverd bij de mentor');
    expect(history).to.contain('Lisa de Graaf (leerling)');
    expect(history).to.contain('Dossier aangemaakt');
    expect(root(el).querySelector('.history-entry time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
  });

  it('fills B1 for a student without a dossier', async () => {
    const el = await mount('mentor-yilmaz', { view: 'mijnLeerlingen' });
    const milan = () => [...root(el).querySelectorAll('tbody tr')].find((row) => row.textContent!.includes('Milan Koster'))?.querySelector<HTMLButtonElement>('.ov-action');
    await until(el, () => milan(), 'student list');
    expect(milan()!.textContent!.trim()).to.equal('Begeleiding invullen');
    milan()!.click();
    await until(el, () => root(el).getElementById('mr-begeleiding-verzuim-0'), 'B1 form');
    expect(text(el)).to.contain('nog geen dossier');
    expect(text(el)).to.contain('100% ingevuld');
    await expect(el).to.be.accessible();
    check(el, 'mr-begeleiding-verzuim-0');
    await until(el, () => text(el).includes('Nog niet opgeslagen'), 'dirty state');
    const saved = oneEvent(el, 'ddd-begeleiding-saved');
    buttonNamed(el, 'Opslaan')!.click();
    await saved;
    await until(el, () => text(el).includes('Opgeslagen om'), 'saved');
    const stored = await apiFor('mentor-yilmaz').getBegeleiding('student-milan');
    expect(stored.answers['verzuim']).to.equal(true);
    expect(stored.answers['lwoo']).to.equal(true);
  });

  it('saves deel B by itself a moment after typing', async () => {
    const el = await mount('mentor-yilmaz');
    el.autosaveDelay = 50;
    await until(el, () => buttonNamed(el, 'Dossier van Mohammed Amrani openen'), 'list');
    buttonNamed(el, 'Dossier van Mohammed Amrani openen')!.click();
    await until(el, () => root(el).getElementById('mr-advies-advies'), 'deel B editable');
    let latest = '';
    el.addEventListener('ddd-saved', (event) => (latest = String(event.detail.dossier.answers['advies']?.['advies'])));
    root(el).getElementById('mr-advies-advies')!.focus();
    await sendKeys({ type: ' Let op de planning.' });
    await until(el, () => latest.endsWith('Let op de planning.'), 'autosaved');
    await until(el, () => text(el).includes('Opgeslagen om'), 'saved state shown');
  });

  it('opens one dossier directly with dossier-id, in English, stacked at 320 px', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const lisa = (await apiFor('mentor-de-vries').listDossiers({ view: 'teBehandelen' })).items[0]!;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">
        <ddd-mentor-review .api=${apiFor('mentor-de-vries')} dossier-id=${lisa.id}></ddd-mentor-review>
      </div>`);
      const el = wrapper.querySelector('ddd-mentor-review')!;
      await until(el, () => root(el).querySelector('#dossier-title'), 'dossier');
      expect(text(el)).to.contain('Dossier of Lisa de Graaf');
      expect(text(el)).to.contain('Handed in to mentor');
      expect(actionButton(el, 'startDeelB')!.textContent!.trim()).to.equal('Start part B');
      const a = root(el).querySelector('[part="deel-a"]')!.getBoundingClientRect();
      const b = root(el).querySelector('[part="deel-b"]')!.getBoundingClientRect();
      expect(b.top).to.be.greaterThanOrEqual(a.bottom);
      expect(root(el).querySelector('.base')!.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();

      let printed = 0;
      const print = window.print;
      window.print = () => void printed++;
      try {
        buttonNamed(el, 'Print')!.click();
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
    const a = root(el).querySelector('[part="deel-a"]')!.getBoundingClientRect();
    const b = root(el).querySelector('[part="deel-b"]')!.getBoundingClientRect();
    expect(b.left).to.be.greaterThan(a.left);
    expect(Math.abs(b.top - a.top)).to.be.lessThan(2);
  });
});
