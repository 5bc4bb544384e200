/**
 * No answer is ever lost: offline, server errors, a slow network, a conflict with another
 * change, and a reload or crash mid-typing. Every test ends by checking the server has every
 * typed value and the device copy is gone.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend, DossierApiError, exampleData, type DossierApi } from '@doorstroom/sdk';
import './ddd-dossier-form.js';
import '../mentor-review/ddd-mentor-review.js';
import '../consent/ddd-consent.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';
import type { DddMentorReview } from '../mentor-review/ddd-mentor-review.component.js';
import type { DddConsent } from '../consent/ddd-consent.component.js';
import { createIndexedDbDraftStore, createMemoryDraftStore, draftStoreFor, type DraftStore } from '../shared/drafts.js';
import { FormHarness } from './harness.js';
import { instrument, networkError, signIn, type InstrumentedApi } from './test/instrument.js';

const offlineText = 'Je bent offline. Je antwoorden worden bewaard op dit apparaat en verstuurd zodra je weer online bent.';
const restoredText = 'We hebben je niet-opgeslagen antwoorden teruggezet.';
const dossierId = 'dossier-noor';

const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });
const serverError = () => new DossierApiError({ kind: 'server', status: 500, message: 'boom (test)', write: true });

/** Noor's client behind a network that can go down: every call then fails like a real fetch would. */
function behindNetwork() {
  const backend = createMemoryBackend(exampleData());
  const client = backend.client(backend.tokens['student-noor']!);
  const network = { up: true };
  const flaky = Object.fromEntries(
    Object.entries(client).map(([name, method]) => [
      name,
      (...args: unknown[]) => (network.up ? (method as (...a: unknown[]) => Promise<unknown>).apply(client, args) : Promise.reject(networkError())),
    ]),
  ) as unknown as DossierApi;
  return { backend, network, api: instrument(flaky) };
}

const mounted: FormHarness[] = [];

async function mount(api: DossierApi, store: DraftStore, delay = 40): Promise<FormHarness> {
  const el = await fixture<DddDossierForm>(html`<ddd-dossier-form lang="nl" autosave-delay=${delay} dossier-id=${dossierId} .api=${api} .draftStore=${store}></ddd-dossier-form>`);
  const form = new FormHarness(el);
  mounted.push(form);
  await form.until(() => form.$('.tasks'), 'dossier loaded');
  return form;
}

const keptOnDevice = async (store: DraftStore) => (await store.list(dossierId)).flatMap((d) => Object.keys(d.values).map((k) => `${d.sectionId}.${k}`));
/** Whether leaving the page now would ask "Weet je het zeker?". */
function leavingWarns(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('ddd-dossier-form never loses an answer', function () {
  this.timeout(20000);
  afterEach(() => {
    for (const el of mounted.splice(0)) {
      el.forget();
      el.element.remove();
    }
    window.dispatchEvent(new Event('online'));
  });

  it('offline: says so, does not try, keeps answers on the device and sends them in order when back online', async () => {
    const { api, network } = behindNetwork();
    const store = createMemoryDraftStore();
    const el = await mount(api, store);
    const startVersion = (await api.getDossier(dossierId)).version;
    network.up = false;
    window.dispatchEvent(new Event('offline'));

    await el.openSection('voorbereiding');
    el.typeInto('#ddd-toelichting', 'Ik heb met mijn oom gepraat, hij is kok.');
    await el.openSection('motivatie');
    el.typeInto('#ddd-waarom', 'Ik kook elke dag voor mijn familie en dat vind ik leuk.');
    el.typeInto('#ddd-later', 'Kok');
    await until(() => el.text.includes(offlineText), 'offline notice');
    expect(el.$('.save-status__text')!.textContent).to.equal('Bewaard op dit apparaat');
    await expect(el.element).to.be.accessible();

    await aTimeout(300);
    expect(api.callsOf('saveSection'), 'no attempts while offline').to.have.length(0);
    await until(async () => (await keptOnDevice(store)).length === 3, 'kept on the device');
    expect(await keptOnDevice(store)).to.have.members(['voorbereiding.toelichting', 'motivatie.waarom', 'motivatie.later']);
    expect(leavingWarns(), 'leaving warns').to.equal(true);

    network.up = true;
    window.dispatchEvent(new Event('online'));
    await el.whenSaved();

    const calls = api.callsOf('saveSection');
    expect(
      calls.map((c) => c.args[1]),
      'in the order typed',
    ).to.deep.equal(['voorbereiding', 'motivatie']);
    expect(
      calls.map((c) => c.args[3]),
      'each with the version the previous save returned',
    ).to.deep.equal([startVersion, startVersion + 1]);
    const saved = await api.getDossier(dossierId);
    expect(saved.answers['voorbereiding']?.['toelichting']).to.equal('Ik heb met mijn oom gepraat, hij is kok.');
    expect(saved.answers['motivatie']).to.include({ waarom: 'Ik kook elke dag voor mijn familie en dat vind ik leuk.', later: 'Kok' });
    await until(async () => (await keptOnDevice(store)).length === 0, 'device copy removed');
    expect(el.text).not.to.contain(offlineText);
    expect(leavingWarns()).to.equal(false);
  });

  it('a network error without an offline event: offline notice, no spinning, a calm retry by itself', async () => {
    const { api } = signIn('student-noor');
    const store = createMemoryDraftStore();
    const el = await mount(api, store);
    el.retryDelay = 600;
    await el.openSection('motivatie');
    api.failNext('saveSection', networkError());
    el.typeInto('#ddd-waarom', 'Omdat ik graag met mijn handen werk, vooral met hout.');
    await until(() => el.text.includes(offlineText), 'offline notice');
    const failedAt = performance.now();
    expect(api.callsOf('saveSection')).to.have.length(1);
    el.typeInto('#ddd-later', 'Timmerman');
    await aTimeout(300);
    expect(api.callsOf('saveSection'), 'typing offline does not send').to.have.length(1);

    await el.whenSaved();
    expect(performance.now() - failedAt).to.be.greaterThan(500);
    expect(api.callsOf('saveSection')).to.have.length(2);
    expect((await api.getDossier(dossierId)).answers['motivatie']).to.include({ waarom: 'Omdat ik graag met mijn handen werk, vooral met hout.', later: 'Timmerman' });
    await until(async () => (await keptOnDevice(store)).length === 0, 'device copy removed');
  });

  it('500s: shows the error, keeps the answer on the device and saves on "Opnieuw proberen"', async () => {
    const { api } = signIn('student-noor');
    const store = createMemoryDraftStore();
    const el = await mount(api, store);
    el.retryDelay = 60_000; // the button, not the calm retry by itself
    await el.openSection('motivatie');
    api.failNext('saveSection', serverError());
    api.failNext('saveSection', serverError());
    el.typeInto('#ddd-waarom', 'Ik wil later een eigen restaurant beginnen.');
    await until(() => el.saveState === 'error', 'first failure');
    await el.settled();
    expect(el.text).to.contain('Opslaan is niet gelukt').and.to.contain('Er ging iets mis bij de server');
    await until(async () => (await keptOnDevice(store)).join() === 'motivatie.waarom', 'kept on the device');
    await expect(el.element).to.be.accessible();

    el.button('Opnieuw proberen')!.click();
    await until(() => api.callsOf('saveSection').length === 2 && el.saveState === 'error', 'second failure');
    await el.settled();
    el.button('Opnieuw proberen')!.click();
    await el.whenSaved();
    expect((await api.getDossier(dossierId)).answers['motivatie']?.['waarom']).to.equal('Ik wil later een eigen restaurant beginnen.');
    await until(async () => (await keptOnDevice(store)).length === 0, 'device copy removed');
  });

  it('a slow network: typing on during a save is kept and saved after it, with the new version', async () => {
    const { api } = signIn('student-noor');
    const store = createMemoryDraftStore();
    const el = await mount(api, store);
    await el.openSection('motivatie');
    const release = api.hold('saveSection');
    el.typeInto('#ddd-waarom', 'Ik wil koken');
    await until(() => api.callsOf('saveSection').length === 1, 'save under way');
    await el.settled();
    expect(el.saveState).to.equal('saving');
    el.typeInto('#ddd-waarom', 'Ik wil koken voor gasten in een groot hotel.');
    el.typeInto('#ddd-later', 'Chef-kok');
    await aTimeout(150);
    expect(api.callsOf('saveSection'), 'one save at a time').to.have.length(1);
    expect(leavingWarns()).to.equal(true);
    await until(async () => (await store.get({ dossierId, sectionId: 'motivatie' }))?.values['waarom'] === 'Ik wil koken voor gasten in een groot hotel.', 'newest typing on the device');

    release();
    await el.whenSaved();
    const calls = api.callsOf('saveSection');
    expect(calls).to.have.length(2);
    expect(calls[1]!.args[3]).to.equal((calls[0]!.args[3] as number) + 1);
    expect((await api.getDossier(dossierId)).answers['motivatie']).to.include({ waarom: 'Ik wil koken voor gasten in een groot hotel.', later: 'Chef-kok' });
    await until(async () => (await keptOnDevice(store)).length === 0, 'device copy removed');
    expect(leavingWarns()).to.equal(false);
  });

  it('409: asks per question that both changed, merges the rest without asking', async () => {
    const { api, backend } = signIn('student-noor');
    const elsewhere = backend.client(backend.tokens['student-noor']!);
    const store = createMemoryDraftStore();
    const el = await mount(api, store, 5000);
    await el.openSection('motivatie');
    el.typeInto('#ddd-waarom', 'Mijn eigen reden: ik help graag mensen die ziek zijn.');
    el.typeInto('#ddd-later', 'Verpleegkundige');
    // Meanwhile, in another tab: the same two questions, and one in another section.
    const before = await elsewhere.getDossier(dossierId);
    const other = await elsewhere.saveSection(dossierId, 'motivatie', { waarom: 'Van de tablet: ik wil met kinderen werken.', later: 'Leraar' }, before.version);
    await elsewhere.saveSection(dossierId, 'voorbereiding', { openDag: true }, other.version);
    el.button('Naar controleren')!.click();

    await until(() => el.$('.conflicts'), 'choice shown');
    const legends = el.$$('.conflict legend').map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['A9 Waarom past deze opleiding bij jou?', 'A9 Wat wil je later worden?']);
    const waarom = el.$('.conflict')!.textContent!.replace(/\s+/g, ' ');
    expect(waarom).to.contain('Jouw antwoord Mijn eigen reden: ik help graag mensen die ziek zijn.');
    expect(waarom).to.contain('Antwoord op de server Van de tablet: ik wil met kinderen werken.');
    expect(el.$<HTMLInputElement>('#conflict-motivatie-waarom-mine')!.checked).to.equal(true);
    expect(el.saveState).to.equal('conflict');
    await expect(el.element).to.be.accessible();

    el.$<HTMLInputElement>('#conflict-motivatie-later-server')!.click();
    el.button('Opslaan')!.click();
    await el.whenSaved();
    expect(el.$('.conflicts')).to.equal(null);
    const saved = await api.getDossier(dossierId);
    expect(saved.answers['motivatie']).to.include({ waarom: 'Mijn eigen reden: ik help graag mensen die ziek zijn.', later: 'Leraar' });
    expect(saved.answers['voorbereiding']?.['openDag']).to.equal(true);
    await until(async () => (await keptOnDevice(store)).length === 0, 'device copy removed');
  });

  it('409 on a question only I changed: saved without asking', async () => {
    const { api, backend } = signIn('student-noor');
    const elsewhere = backend.client(backend.tokens['student-noor']!);
    const el = await mount(api, createMemoryDraftStore(), 5000);
    await el.openSection('motivatie');
    el.typeInto('#ddd-waarom', 'Ik repareer graag fietsen en brommers.');
    const before = await elsewhere.getDossier(dossierId);
    await elsewhere.saveSection(dossierId, 'motivatie', { later: 'Monteur' }, before.version);
    await el.saveNow();
    await el.whenSaved();
    expect(el.$('.conflicts')).to.equal(null);
    expect(el.text).to.contain('ondertussen ergens anders aangepast');
    expect((await api.getDossier(dossierId)).answers['motivatie']).to.include({ waarom: 'Ik repareer graag fietsen en brommers.', later: 'Monteur' });
    expect(el.$<HTMLInputElement>('#ddd-later')!.value).to.equal('Monteur');
  });

  describe('reload or crash mid-typing', () => {
    // One database for the file (deleting databases between tests only adds IndexedDB churn), one namespace per test.
    const database = `ddd-no-loss-${Math.random().toString(36).slice(2)}`;
    let store: DraftStore;
    beforeEach(() => {
      store = createIndexedDbDraftStore({ database, namespace: Math.random().toString(36).slice(2) });
    });
    afterEach(() => store.clear());

    /** The page dies: its requests never arrive, the element is gone. */
    async function crash(el: FormHarness, api: InstrumentedApi): Promise<void> {
      api.hold('saveSection');
      mounted.splice(mounted.indexOf(el), 1);
      el.element.remove();
      await aTimeout(0);
    }

    it('puts unsaved answers back into the form, says so and saves them', async () => {
      const first = signIn('student-noor');
      const el = await mount(first.api, store, 5000);
      await el.openSection('ervaring');
      first.api.hold('saveSection'); // the network is slow: nothing arrives before the crash
      el.typeInto('#ddd-ervaring-0-organisatie', 'Bakkerij Bol');
      await el.openSection('motivatie');
      el.typeInto('#ddd-waarom', 'Ik bak elke zaterdag brood bij de bakker en wil dat mijn vak maken.');
      await until(async () => (await keptOnDevice(store)).length === 2, 'on the device');
      await crash(el, first.api);

      // Meanwhile another tab changed a question nobody typed in here.
      const elsewhere = first.backend.client(first.backend.tokens['student-noor']!);
      const current = await elsewhere.getDossier(dossierId);
      await elsewhere.saveSection(dossierId, 'motivatie', { later: 'Bakker' }, current.version);

      const again = instrument(first.backend.client(first.backend.tokens['student-noor']!));
      const reloaded = await mount(again, store);
      await until(() => reloaded.text.includes(restoredText), 'restored notice');
      await reloaded.whenSaved();
      const saved = await again.getDossier(dossierId);
      expect(saved.answers['motivatie']).to.include({ waarom: 'Ik bak elke zaterdag brood bij de bakker en wil dat mijn vak maken.', later: 'Bakker' });
      expect((saved.answers['ervaring']?.['ervaring'] as { organisatie?: string }[])[0]?.organisatie).to.equal('Bakkerij Bol');
      await reloaded.openSection('motivatie');
      expect(reloaded.$<HTMLTextAreaElement>('#ddd-waarom')!.value).to.equal('Ik bak elke zaterdag brood bij de bakker en wil dat mijn vak maken.');
      await until(async () => (await keptOnDevice(store)).length === 0, 'device copy removed');
      await expect(reloaded.element).to.be.accessible();
    });

    it('asks which answer to keep when the same question changed elsewhere before the reload', async () => {
      const first = signIn('student-noor');
      const el = await mount(first.api, store, 5000);
      await el.openSection('motivatie');
      el.typeInto('#ddd-waarom', 'Typed before the crash: ik wil dieren verzorgen.');
      await until(async () => (await keptOnDevice(store)).length === 1, 'on the device');
      await crash(el, first.api);
      const elsewhere = first.backend.client(first.backend.tokens['student-noor']!);
      const current = await elsewhere.getDossier(dossierId);
      await elsewhere.saveSection(dossierId, 'motivatie', { waarom: 'Van de laptop: ik wil met paarden werken.' }, current.version);

      const again = instrument(first.backend.client(first.backend.tokens['student-noor']!));
      const reloaded = await mount(again, store);
      await until(() => reloaded.$('.conflicts'), 'choice shown');
      expect(again.callsOf('saveSection'), 'nothing overwritten before choosing').to.have.length(0);
      expect(reloaded.$('.conflict')!.textContent).to.contain('Typed before the crash').and.to.contain('Van de laptop');
      reloaded.button('Opslaan')!.click();
      await reloaded.whenSaved();
      expect((await again.getDossier(dossierId)).answers['motivatie']?.['waarom']).to.equal('Typed before the crash: ik wil dieren verzorgen.');
      await until(async () => (await keptOnDevice(store)).length === 0, 'device copy removed');
    });

    it('typed offline, then the page closed: saved on the next visit', async () => {
      const first = signIn('student-noor');
      const el = await mount(first.api, store);
      await el.openSection('motivatie');
      window.dispatchEvent(new Event('offline'));
      el.typeInto('#ddd-later', 'Dierenarts-assistent');
      await until(async () => (await keptOnDevice(store)).length === 1, 'on the device');
      await crash(el, first.api);
      window.dispatchEvent(new Event('online'));

      const again = instrument(first.backend.client(first.backend.tokens['student-noor']!));
      const reloaded = await mount(again, store);
      await until(() => reloaded.text.includes(restoredText), 'restored notice');
      await reloaded.whenSaved();
      expect((await again.getDossier(dossierId)).answers['motivatie']?.['later']).to.equal('Dierenarts-assistent');
    });

    it('an answer that reached the server before the crash is not restored again', async () => {
      const first = signIn('student-noor');
      const el = await mount(first.api, store, 5000);
      await el.openSection('motivatie');
      el.typeInto('#ddd-later', 'Kapper');
      await until(async () => (await keptOnDevice(store)).length === 1, 'on the device');
      // The save arrives, but the page dies before it hears back.
      const current = await first.api.getDossier(dossierId);
      await first.backend.client(first.backend.tokens['student-noor']!).saveSection(dossierId, 'motivatie', { later: 'Kapper' }, current.version);
      await crash(el, first.api);

      const again = instrument(first.backend.client(first.backend.tokens['student-noor']!));
      const reloaded = await mount(again, store);
      await until(async () => (await keptOnDevice(store)).length === 0, 'stale copy removed');
      expect(reloaded.text).not.to.contain(restoredText);
      expect(again.callsOf('saveSection')).to.have.length(0);
    });
  });

  describe('the other elements keep unsaved answers too', () => {
    const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    const field = <T extends HTMLElement>(el: Element, id: string) => el.shadowRoot!.getElementById(id) as T | null;
    const input = (target: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      target.value = value;
      target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };

    it('<ddd-mentor-review>: deel B typed before the element went away comes back and is saved', async () => {
      const backend = createMemoryBackend(exampleData());
      const api = backend.client(backend.tokens['mentor-yilmaz']!);
      const mountMentor = (delay: number) => fixture<DddMentorReview>(html`<ddd-mentor-review .api=${api} dossier-id="dossier-mohammed" autosave-delay=${delay}></ddd-mentor-review>`);
      const first = await mountMentor(600_000);
      await until(() => field(first, 'mr-advies-advies'), 'deel B editable');
      const advies = 'Mohammed werkt hard en zoekt hulp als hij die nodig heeft. Deze opleiding past.';
      input(field<HTMLTextAreaElement>(first, 'mr-advies-advies')!, advies);
      expect(leavingWarns(), 'leaving warns').to.equal(true);
      const store = draftStoreFor(first, api)!;
      await until(async () => (await store.get({ dossierId: 'dossier-mohammed', sectionId: 'advies' }))?.values['advies'] === advies, 'on the device');
      first.remove();

      const again = await mountMentor(50);
      await until(() => field<HTMLTextAreaElement>(again, 'mr-advies-advies')?.value === advies, 'put back');
      await until(async () => (await api.getDossier('dossier-mohammed')).answers['advies']?.['advies'] === advies, 'saved on the server');
      await until(async () => (await store.list('dossier-mohammed')).length === 0, 'device copy removed');
      await until(() => shadowText(again).includes('Opgeslagen om'), 'saved state shown');
      again.remove();
    });

    it('<ddd-consent>: the akkoordverklaring comes back after a reload, but is only saved by pressing "Akkoord geven"', async () => {
      const backend = createMemoryBackend(exampleData());
      const api = backend.client(backend.tokens['student-emma']!);
      const store = createMemoryDraftStore();
      const mountConsent = () => fixture<DddConsent>(html`<ddd-consent lang="nl" .api=${api} .draftStore=${store} dossier-id="dossier-emma"></ddd-consent>`);
      const first = await mountConsent();
      await until(() => field(first, 'ak-akkoord-1'), 'form shown');
      field<HTMLInputElement>(first, 'ak-akkoord-1')!.click();
      await first.updateComplete;
      const reden = 'Mijn verzuim in klas 3 had een medische reden.';
      input(field<HTMLTextAreaElement>(first, 'ak-redenNietAkkoord')!, reden);
      expect(leavingWarns(), 'leaving warns').to.equal(true);
      await until(async () => (await store.get({ dossierId: 'dossier-emma', sectionId: 'akkoordverklaring' }))?.values['redenNietAkkoord'] === reden, 'on the device');
      first.remove();

      const again = await mountConsent();
      await until(() => shadowText(again).includes('We hebben je keuzes teruggezet die nog niet waren opgeslagen.'), 'restored notice');
      expect(field<HTMLInputElement>(again, 'ak-akkoord-1')!.checked).to.equal(true);
      expect(field<HTMLTextAreaElement>(again, 'ak-redenNietAkkoord')!.value).to.equal(reden);
      expect((await api.getDossier('dossier-emma')).answers['akkoordverklaring']?.['akkoord'], 'not saved by itself').not.to.equal('nee');
      await expect(again).to.be.accessible();

      field<HTMLInputElement>(again, 'ak-toestemming')!.click();
      await again.updateComplete;
      again.shadowRoot!.querySelector<HTMLButtonElement>('form[part="form"] button[type="submit"]')!.click();
      await until(async () => (await api.getDossier('dossier-emma')).answers['akkoordverklaring']?.['redenNietAkkoord'] === reden, 'saved');
      await until(async () => (await store.list('dossier-emma')).length === 0, 'device copy removed');
      expect(leavingWarns()).to.equal(false);
      again.remove();
    });
  });
});
