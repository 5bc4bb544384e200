/**
 * <ddd-mentor-review> offline: a notice in a polite live region says deel B stays on this device
 * and the actions wait; deel B typed offline is saved once the browser is back online; an action
 * is refused (not queued) while offline; a save that cannot reach the server shows the notice too.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import './ddd-mentor-review.js';
import type { DddMentorReview } from './ddd-mentor-review.component.js';
import { MentorReviewHarness } from './harness.js';
import { createMemoryDraftStore, type DraftStore } from '../shared/drafts.js';
import { goOffline, goOnline } from '../shared/harness.js';
import { signIn, type InstrumentedApi } from '../dossier-form/test/instrument.js';

const offlineText = 'Je bent offline. Wat je in deel B invult, blijft bewaard op dit apparaat. We slaan het op zodra je weer online bent.';
const actionsWaitText = 'Acties zoals terugzetten naar deel A en opsturen naar de leerling kun je pas doen als je weer online bent.';
const refusedText = 'Dat kan nu niet, want je bent offline.';

const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });

const mounted: HTMLElement[] = [];
async function mount(api: InstrumentedApi, store: DraftStore, dossierId: string, delay: number): Promise<MentorReviewHarness> {
  const el = new MentorReviewHarness(
    await fixture<DddMentorReview>(html`<ddd-mentor-review lang="nl" .api=${api} .draftStore=${store} dossier-id=${dossierId} autosave-delay=${delay}></ddd-mentor-review>`),
  );
  mounted.push(el.element);
  await until(() => el.dossierOpen, 'dossier open');
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
    await until(() => el.root.getElementById('mr-advies-advies'), 'deel B editable');
    expect(el.text).not.to.contain(offlineText);
    expect(el.$('.offline-live[role="status"]'), 'the live region is there before it is needed').not.to.equal(null);

    goOffline();
    await until(() => el.text.includes(offlineText), 'offline notice');
    const notice = el.$('[part="offline"]')!;
    expect(notice.textContent).to.contain(actionsWaitText);
    expect(notice.closest('[role="status"]'), 'in a polite live region').not.to.equal(null);

    const advies = 'Mohammed werkt zelfstandig. Blijf letten op zijn planning.';
    el.write('mr-advies-advies', advies);
    await aTimeout(300);
    expect(api.callsOf('saveSection'), 'nothing sent while offline').to.have.length(0);
    expect(el.saveText('advies')).to.equal('Nog niet opgeslagen');
    await until(async () => (await store.get({ dossierId: 'dossier-mohammed', sectionId: 'advies' }))?.values['advies'] === advies, 'kept on the device');
    await expect(el.element).to.be.accessible();

    goOnline();
    await until(() => !el.text.includes(offlineText), 'notice gone online');
    await until(async () => (await api.getDossier('dossier-mohammed')).answers['advies']?.['advies'] === advies, 'saved once online');
    await until(() => el.saveText('advies').startsWith('Opgeslagen om'), 'saved state');
    await until(async () => (await store.list('dossier-mohammed')).length === 0, 'device copy removed');
    expect((el.root.getElementById('mr-advies-advies') as HTMLTextAreaElement).value).to.equal(advies);
  });

  it('refuses a workflow action while offline and says why; it works again once online', async () => {
    const { api } = signIn('mentor-de-vries');
    const el = await mount(api, createMemoryDraftStore(), 'dossier-lisa', 600_000);
    await until(() => el.actionButton('returnToDeelA'), 'actions');

    goOffline();
    await until(() => el.text.includes(offlineText), 'offline notice');
    el.actionButton('returnToDeelA')!.click();
    await until(() => el.alert.includes(refusedText), 'refused while offline');
    expect(api.callsOf('act'), 'not sent').to.have.length(0);
    expect(el.text).to.contain('Ingeleverd bij mentor');
    await expect(el.element).to.be.accessible();

    goOnline();
    await until(() => !el.text.includes(refusedText) && !el.text.includes(offlineText), 'refusal and notice gone online');
    el.actionButton('returnToDeelA')!.click();
    await until(() => el.text.includes('Het dossier staat weer bij de leerling in deel A.'), 'done online');
    expect(api.callsOf('act').map((c) => c.args[1])).to.deep.equal(['returnToDeelA']);
  });

  it('a save that cannot reach the server shows the notice until a save gets through', async () => {
    const { api } = signIn('mentor-yilmaz');
    const el = await mount(api, createMemoryDraftStore(), 'dossier-mohammed', 600_000);
    await until(() => el.root.getElementById('mr-advies-advies'), 'deel B editable');
    const advies = 'Een goede keuze; extra hulp bij taal.';
    el.write('mr-advies-advies', advies);
    api.failNext('saveSection');
    el.pressSave('advies');
    await until(() => el.text.includes(offlineText), 'offline notice after a network error');
    expect(el.saveError('advies')).to.contain('Geen verbinding met de server');
    expect((el.root.getElementById('mr-advies-advies') as HTMLTextAreaElement).value, 'answer kept').to.equal(advies);
    await expect(el.element).to.be.accessible();

    el.pressSave('advies');
    await until(() => el.saveText('advies').startsWith('Opgeslagen om'), 'saved on retry');
    await until(() => !el.text.includes(offlineText), 'notice gone once the server was reached');
    expect((await api.getDossier('dossier-mohammed')).answers['advies']?.['advies']).to.equal(advies);
  });
});
