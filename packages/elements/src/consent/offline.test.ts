/**
 * <ddd-consent> offline: it says what cannot happen and what is kept, sends nothing while the
 * browser is offline, and never loses the remark when a send fails for lack of a connection.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend, exampleData, type DossierApi } from '@doorstroom/sdk';
import './ddd-consent.js';
import type { DddConsent } from './ddd-consent.component.js';
import { ConsentHarness } from './harness.js';
import { createMemoryDraftStore, type DraftStore } from '../shared/drafts.js';
import { goOffline, goOnline } from '../shared/harness.js';
import { instrument } from '../dossier-form/test/instrument.js';

const offlineText = 'Je bent offline. Je kunt je akkoord pas geven als je weer online bent. Wat je hier kiest, blijft bewaard op dit apparaat.';
const refusedText = 'Dat lukt nu niet, want je bent offline.';
const remark = 'Mijn verzuim in klas 3 had een medische reden. Dat staat niet in deel B.';
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });

async function mount(api: DossierApi, store: DraftStore, dossierId = 'dossier-emma'): Promise<ConsentHarness> {
  const el = new ConsentHarness(await fixture<DddConsent>(html`<ddd-consent lang="nl" .api=${api} .draftStore=${store} dossier-id=${dossierId}></ddd-consent>`));
  await el.whenInzageRecorded();
  return el;
}

describe('<ddd-consent> offline', function () {
  this.timeout(30000);
  afterEach(() => goOnline());

  it('says it is offline, sends nothing, keeps the remark, and sends once online again', async () => {
    const backend = createMemoryBackend(exampleData());
    const api = instrument(backend.client(backend.tokens['student-emma']!));
    const store = createMemoryDraftStore();
    const el = await mount(api, store);
    expect(el.text).not.to.contain(offlineText);

    goOffline();
    await until(() => el.text.includes(offlineText), 'offline notice');
    expect(el.$('[part="offline"]')!.closest('[role="status"]'), 'in a polite live region').not.to.equal(null);
    await el.disagree(remark);
    await expect(el.element).to.be.accessible();

    el.submitButton.click();
    await until(() => el.alert.includes(refusedText), 'refused while offline');
    expect(api.callsOf('saveSection'), 'nothing sent while offline').to.have.length(0);
    expect(el.$<HTMLTextAreaElement>('#ak-redenNietAkkoord')!.value, 'remark still in the form').to.equal(remark);
    await until(async () => (await store.get({ dossierId: 'dossier-emma', sectionId: 'akkoordverklaring' }))?.values['redenNietAkkoord'] === remark, 'remark on the device');

    goOnline();
    await until(() => !el.text.includes(offlineText) && !el.text.includes(refusedText), 'notices gone online');
    el.submitButton.click();
    await until(async () => (await api.getDossier('dossier-emma')).answers['akkoordverklaring']?.['redenNietAkkoord'] === remark, 'sent online');
    await until(async () => (await store.list('dossier-emma')).length === 0, 'device copy removed');
  });

  it('does not finalize (send the akkoordverklaring) while offline, and says why', async () => {
    const backend = createMemoryBackend(exampleData());
    const api = instrument(backend.client(backend.tokens['student-daan']!));
    const el = await mount(api, createMemoryDraftStore(), 'dossier-daan');
    await el.agree();
    el.submitButton.click();
    await until(() => el.$('#finalize'), 'the akkoord is given: Afronden is offered');
    const saves = api.callsOf('saveSection').length;
    goOffline();
    el.$<HTMLButtonElement>('#finalize')!.click();
    await until(() => el.$('#confirm-yes'), 'confirmation');
    el.$<HTMLButtonElement>('#confirm-yes')!.click();
    await until(() => el.focusedId === 'action-error', 'focus on the reason');
    expect(el.$('#action-error')!.textContent).to.contain(refusedText);
    expect(api.callsOf('saveSection'), 'nothing saved').to.have.length(saves);
    expect(
      api.callsOf('act').filter((c) => c.args[1] === 'finalize'),
      'not sent',
    ).to.have.length(0);
    expect(el.$('#finalize'), 'still offered').not.to.equal(null);
    await expect(el.element).to.be.accessible();
    goOnline();
    await until(() => !el.text.includes(refusedText), 'refusal gone online');
  });

  it('a send that cannot reach the server keeps the remark; it comes back after a reload', async () => {
    const backend = createMemoryBackend(exampleData());
    const api = instrument(backend.client(backend.tokens['student-emma']!));
    const store = createMemoryDraftStore();
    const el = await mount(api, store);
    await el.disagree(remark);
    api.failNext('saveSection');
    el.submitButton.click();
    await until(() => el.text.includes(offlineText), 'offline notice after a network error');
    expect(el.alert).to.contain('Geen verbinding met de server');
    expect(el.$<HTMLTextAreaElement>('#ak-redenNietAkkoord')!.value).to.equal(remark);
    await until(async () => (await store.get({ dossierId: 'dossier-emma', sectionId: 'akkoordverklaring' }))?.values['redenNietAkkoord'] === remark, 'remark on the device');
    await expect(el.element).to.be.accessible();
    el.element.remove();

    const again = await mount(backend.client(backend.tokens['student-emma']!), store);
    await until(() => again.text.includes('We hebben je keuzes teruggezet die nog niet waren opgeslagen.'), 'restored notice');
    expect(again.$<HTMLTextAreaElement>('#ak-redenNietAkkoord')!.value).to.equal(remark);
    expect(again.text, 'online again: no offline notice').not.to.contain(offlineText);
  });

  it('tells a guardian their consent waits until they are online', async () => {
    const backend = createMemoryBackend(exampleData());
    // The guardian consents after the student's own akkoord.
    const emma = backend.client(backend.tokens['student-emma']!);
    await emma.saveSection('dossier-emma', 'akkoordverklaring', { akkoord: 'ja', toestemming: true, delen: [] }, (await emma.getDossier('dossier-emma')).version);
    const el = await mount(backend.client(backend.tokens['guardian-bakker']!), createMemoryDraftStore());
    goOffline();
    await until(() => el.text.includes('U bent offline. U kunt uw toestemming pas geven als u weer online bent.'), 'guardian offline notice');
    await expect(el.element).to.be.accessible();
  });
});
