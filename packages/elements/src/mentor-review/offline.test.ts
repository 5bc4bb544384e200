/**
 * <ddd-mentor-review> offline: a notice in a polite live region says deel B stays on this device
 * and the actions wait; deel B typed offline is saved once the browser is back online; an action
 * is refused (not queued) while offline; a save that cannot reach the server shows the notice too.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import './ddd-mentor-review.js';
import type { DddMentorReview } from './ddd-mentor-review.component.js';
import { createMemoryDraftStore, type DraftStore } from '../shared/drafts.js';
import { signIn, type InstrumentedApi } from '../dossier-form/test/instrument.js';

const offlineText = 'Je bent offline. Wat je in deel B invult, blijft bewaard op dit apparaat. We slaan het op zodra je weer online bent.';
const actionsWaitText = 'Acties zoals terugzetten naar deel A en opsturen naar de leerling kun je pas doen als je weer online bent.';
const refusedText = 'Dat kan nu niet, want je bent offline.';

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });
const section = (el: DddMentorReview, id: string) => $(el, `#mr-${id}-title`)!.closest('section')!;
const saveState = (el: DddMentorReview, id: string) => section(el, id).querySelector('.save-state')!.textContent!.trim();
const actionButton = (el: DddMentorReview, action: string) => $<HTMLButtonElement>(el, `button[data-action="${action}"]`);

function goOffline(): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
}
function goOnline(): void {
  delete (navigator as unknown as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event('online'));
}

function typeInto(el: HTMLElement, id: string, value: string): void {
  const field = root(el).getElementById(id) as HTMLTextAreaElement;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const mounted: HTMLElement[] = [];
async function mount(api: InstrumentedApi, store: DraftStore, dossierId: string, delay: number): Promise<DddMentorReview> {
  const el = await fixture<DddMentorReview>(html`<ddd-mentor-review lang="nl" .api=${api} .draftStore=${store} dossier-id=${dossierId} autosave-delay=${delay}></ddd-mentor-review>`);
  mounted.push(el);
  await until(() => $(el, '#dossier-title'), 'dossier open');
  return el;
}

describe('<ddd-mentor-review> offline', function () {
  this.timeout(30000);
  afterEach(() => {
    goOnline();
    for (const el of mounted.splice(0)) el.remove();
  });

  it('says so in a polite live region, keeps deel B on the device, and saves it once online', async () => {
    const { api } = signIn('mentor-yilmaz');
    const store = createMemoryDraftStore();
    const el = await mount(api, store, 'dossier-mohammed', 50);
    await until(() => root(el).getElementById('mr-advies-advies'), 'deel B editable');
    expect(text(el)).not.to.contain(offlineText);
    expect($(el, '.offline-live[role="status"]'), 'the live region is there before it is needed').not.to.equal(null);

    goOffline();
    await until(() => text(el).includes(offlineText), 'offline notice');
    const notice = $(el, '[part="offline"]')!;
    expect(notice.textContent).to.contain(actionsWaitText);
    expect(notice.closest('[role="status"]'), 'in a polite live region').not.to.equal(null);

    const advies = 'Mohammed werkt zelfstandig. Blijf letten op zijn planning.';
    typeInto(el, 'mr-advies-advies', advies);
    await aTimeout(300);
    expect(api.callsOf('saveSection'), 'nothing sent while offline').to.have.length(0);
    expect(saveState(el, 'advies')).to.equal('Nog niet opgeslagen');
    await until(async () => (await store.get({ dossierId: 'dossier-mohammed', sectionId: 'advies' }))?.values['advies'] === advies, 'kept on the device');
    await expect(el).to.be.accessible();

    goOnline();
    await until(() => !text(el).includes(offlineText), 'notice gone online');
    await until(async () => (await api.getDossier('dossier-mohammed')).answers['advies']?.['advies'] === advies, 'saved once online');
    await until(() => saveState(el, 'advies').startsWith('Opgeslagen om'), 'saved state');
    await until(async () => (await store.list('dossier-mohammed')).length === 0, 'device copy removed');
    expect((root(el).getElementById('mr-advies-advies') as HTMLTextAreaElement).value).to.equal(advies);
  });

  it('refuses a workflow action while offline and says why; it works again once online', async () => {
    const { api } = signIn('mentor-de-vries');
    const el = await mount(api, createMemoryDraftStore(), 'dossier-lisa', 600_000);
    await until(() => actionButton(el, 'returnToDeelA'), 'actions');

    goOffline();
    await until(() => text(el).includes(offlineText), 'offline notice');
    actionButton(el, 'returnToDeelA')!.click();
    await until(() => $(el, '[role="alert"]')?.textContent?.includes(refusedText), 'refused while offline');
    expect(api.callsOf('act'), 'not sent').to.have.length(0);
    expect(text(el)).to.contain('Ingeleverd bij mentor');
    await expect(el).to.be.accessible();

    goOnline();
    await until(() => !text(el).includes(refusedText) && !text(el).includes(offlineText), 'refusal and notice gone online');
    actionButton(el, 'returnToDeelA')!.click();
    await until(() => text(el).includes('Het dossier staat weer bij de leerling in deel A.'), 'done online');
    expect(api.callsOf('act').map((c) => c.args[1])).to.deep.equal(['returnToDeelA']);
  });

  it('a save that cannot reach the server shows the notice until a save gets through', async () => {
    const { api } = signIn('mentor-yilmaz');
    const el = await mount(api, createMemoryDraftStore(), 'dossier-mohammed', 600_000);
    await until(() => root(el).getElementById('mr-advies-advies'), 'deel B editable');
    const advies = 'Een goede keuze; extra hulp bij taal.';
    typeInto(el, 'mr-advies-advies', advies);
    api.failNext('saveSection');
    section(el, 'advies').querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => text(el).includes(offlineText), 'offline notice after a network error');
    expect(section(el, 'advies').querySelector('[role="alert"]')!.textContent).to.contain('Geen verbinding met de server');
    expect((root(el).getElementById('mr-advies-advies') as HTMLTextAreaElement).value, 'answer kept').to.equal(advies);
    await expect(el).to.be.accessible();

    section(el, 'advies').querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => saveState(el, 'advies').startsWith('Opgeslagen om'), 'saved on retry');
    await until(() => !text(el).includes(offlineText), 'notice gone once the server was reached');
    expect((await api.getDossier('dossier-mohammed')).answers['advies']?.['advies']).to.equal(advies);
  });
});
