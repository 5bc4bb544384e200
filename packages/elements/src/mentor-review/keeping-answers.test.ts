/**
 * Deel B never loses an answer: put back after a reload (and said so), a 409 offers a choice per
 * question, each section keeps its own save status, and a copy published on the page by someone
 * else never reaches another person's element.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DossierApiError, type DossierApi } from '@doorstroom/sdk';
import './ddd-mentor-review.js';
import '../dossier-form/ddd-dossier-form.js';
import type { DddMentorReview } from './ddd-mentor-review.component.js';
import { MentorReviewHarness } from './harness.js';
import type { DddDossierForm } from '../dossier-form/ddd-dossier-form.component.js';
import { FormHarness } from '../dossier-form/harness.js';
import { createMemoryDraftStore, type DraftStore } from '../shared/drafts.js';
import { instrument, signIn } from '../dossier-form/test/instrument.js';

const dossierId = 'dossier-mohammed';
const restoredText = 'Je had nog antwoorden in deel B die niet waren opgeslagen. We hebben ze teruggezet.';

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });
const serverError = () => new DossierApiError({ kind: 'server', status: 500, message: 'boom (test)', write: true });
const mounted: HTMLElement[] = [];
async function mountMentor(api: DossierApi, store: DraftStore, delay = 600_000): Promise<MentorReviewHarness> {
  const el = new MentorReviewHarness(
    await fixture<DddMentorReview>(html`<ddd-mentor-review lang="nl" .api=${api} .draftStore=${store} dossier-id=${dossierId} autosave-delay=${delay}></ddd-mentor-review>`),
  );
  mounted.push(el.element);
  await until(() => el.$('#mr-advies-advies'), 'deel B editable');
  return el;
}

describe('<ddd-mentor-review> keeps every deel B answer', function () {
  this.timeout(30000);
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
  });

  it('puts unsaved answers back after a reload, says so in a polite live region, and saves them', async () => {
    const { api, backend } = signIn('mentor-yilmaz');
    const store = createMemoryDraftStore();
    const first = await mountMentor(api, store);
    const advies = 'Mohammed is creatief en zelfstandig. Blijf letten op Nederlands.';
    first.write('mr-advies-advies', advies);
    await until(async () => (await store.get({ dossierId, sectionId: 'advies' }))?.values['advies'] === advies, 'kept on the device');
    expect(api.callsOf('saveSection'), 'nothing sent yet').to.have.length(0);
    first.element.remove();

    const again = instrument(backend.client(backend.tokens['mentor-yilmaz']!));
    const reloaded = await mountMentor(again, store);
    await until(() => reloaded.text.includes(restoredText), 'restored notice');
    expect(reloaded.$('.b-live[role="status"]')!.textContent).to.contain(restoredText);
    expect(reloaded.valueIn('mr-advies-advies')).to.equal(advies);
    await until(async () => (await again.getDossier(dossierId)).answers['advies']?.['advies'] === advies, 'saved on the server');
    await until(async () => (await store.list(dossierId)).length === 0, 'device copy removed');
    await until(() => reloaded.saveText('advies').startsWith('Opgeslagen om'), 'saved state');
    await expect(reloaded.element).to.be.accessible();
  });

  it('409: shows both answers per question with a choice, merges the rest, loses nothing', async () => {
    const { api, backend } = signIn('mentor-yilmaz');
    const elsewhere = backend.client(backend.tokens['mentor-yilmaz']!);
    const store = createMemoryDraftStore();
    const el = await mountMentor(api, store);
    const mine = 'Mijn advies: een goede keuze, met extra hulp bij Nederlands.';
    el.write('mr-advies-advies', mine);
    el.tick('mr-advies-naderContact-0');
    // Meanwhile a colleague (or another tab) saves the same question and one the mentor left alone.
    const before = await elsewhere.getDossier(dossierId);
    await elsewhere.saveSection(dossierId, 'advies', { advies: 'Van de decaan: eerst een intake doen.', pastKeuze: 'twijfel' }, before.version);

    el.pressSave('advies');
    await until(() => el.$('.conflicts'), 'choice shown');
    const legends = el.$$('.conflict legend').map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['B2 Advies']);
    const choice = el.$('.conflict')!.textContent!.replace(/\s+/g, ' ');
    expect(choice).to.contain(`Jouw antwoord ${mine}`);
    expect(choice).to.contain('Antwoord dat nu is opgeslagen Van de decaan: eerst een intake doen.');
    expect(el.$<HTMLInputElement>('#mr-conflict-advies-advies-mine')!.checked).to.equal(true);
    expect(el.valueIn('mr-advies-advies'), 'still in the field').to.equal(mine);
    await until(() => el.saveText('advies') === 'Kies hierboven welk antwoord je wilt bewaren', 'section waits for the choice');
    // What only one side changed is merged without asking: theirs shows, mine is saved.
    await until(async () => (await api.getDossier(dossierId)).answers['advies']?.['naderContact'] === true, 'own change re-sent');
    const meanwhile = await api.getDossier(dossierId);
    expect(meanwhile.answers['advies']?.['advies'], 'not overwritten before choosing').to.equal('Van de decaan: eerst een intake doen.');
    expect(el.$<HTMLInputElement>('#mr-advies-pastKeuze-1')!.checked, 'their pastKeuze shows').to.equal(true);
    await until(async () => (await store.get({ dossierId, sectionId: 'advies' }))?.values['advies'] === mine, 'kept on the device while choosing');
    await expect(el.element).to.be.accessible();
    // Leaving first needs the choice: the element stays and shows it.
    el.button('Terug naar het overzicht')!.click();
    await until(() => el.focusedId === 'mr-conflict-heading', 'focus on the choice');
    expect(el.$('#dossier-title'), 'still in the dossier').not.to.equal(null);

    el.button('Deze antwoorden bewaren')!.click();
    await until(async () => (await api.getDossier(dossierId)).answers['advies']?.['advies'] === mine, 'chosen answer saved');
    await until(() => el.$('.conflicts') === null, 'choice gone');
    expect(el.$('.b-live')!.textContent).to.contain('We slaan de antwoorden op die je hebt gekozen.');
    await until(() => el.focusedId === 'mr-notice', 'focus on the notice, not lost');
    const saved = await api.getDossier(dossierId);
    expect(saved.answers['advies']).to.include({ advies: mine, naderContact: true, pastKeuze: 'twijfel' });
    await until(async () => (await store.list(dossierId)).length === 0, 'device copy removed');
    await expect(el.element).to.be.accessible();
  });

  it('409 choosing the other answer puts it in the field', async () => {
    const { api, backend } = signIn('mentor-yilmaz');
    const elsewhere = backend.client(backend.tokens['mentor-yilmaz']!);
    const el = await mountMentor(api, createMemoryDraftStore());
    el.write('mr-advies-advies', 'Mijn eerste versie.');
    const before = await elsewhere.getDossier(dossierId);
    await elsewhere.saveSection(dossierId, 'advies', { advies: 'De betere versie van de decaan.' }, before.version);
    el.pressSave('advies');
    await until(() => el.$('#mr-conflict-advies-advies-server'), 'choice shown');
    el.$<HTMLInputElement>('#mr-conflict-advies-advies-server')!.click();
    el.$$<HTMLButtonElement>('.conflicts button').at(-1)!.click();
    await until(() => el.$('.conflicts') === null, 'choice gone');
    expect(el.valueIn('mr-advies-advies')).to.equal('De betere versie van de decaan.');
    expect(el.text).not.to.contain('Nog niet opgeslagen');
    expect((await api.getDossier(dossierId)).answers['advies']?.['advies']).to.equal('De betere versie van de decaan.');
  });

  it('each section keeps its own failed-save alert: saving B2 does not clear the failure of B1', async () => {
    const { api } = signIn('mentor-yilmaz');
    const el = await mountMentor(api, createMemoryDraftStore());
    api.failNext('saveSection', serverError());
    el.tick('mr-begeleiding-verzuim-0');
    el.pressSave('begeleiding');
    await until(() => el.section('begeleiding').querySelector('[role="alert"]'), 'B1 failure shown');
    expect(el.saveError('begeleiding')).to.contain('Er ging iets mis bij de server');
    expect(el.saveText('begeleiding')).to.equal('Niet opgeslagen');

    el.write('mr-advies-advies', 'Goed plan, let op de planning.');
    el.pressSave('advies');
    await until(() => el.saveText('advies').startsWith('Opgeslagen om'), 'B2 saved');
    expect(el.section('advies').querySelector('[role="alert"]'), 'no alert on B2').to.equal(null);
    expect(el.section('begeleiding').querySelector('[role="alert"]'), 'B1 alert still there').not.to.equal(null);
    expect(el.saveText('begeleiding')).to.equal('Niet opgeslagen');
    expect(el.$<HTMLInputElement>('#mr-begeleiding-verzuim-0')!.checked, 'B1 answer kept').to.equal(true);
    await expect(el.element).to.be.accessible();

    el.pressSave('begeleiding');
    await until(() => el.saveText('begeleiding').startsWith('Opgeslagen om'), 'B1 saved on retry');
    expect(el.section('begeleiding').querySelector('[role="alert"]')).to.equal(null);
    expect((await api.getDossier(dossierId)).answers['begeleiding']?.['verzuim']).to.equal(true);
  });

  it('a copy published by one person never reaches another person’s element; the same person follows live', async () => {
    const { backend } = signIn('mentor-yilmaz');
    const client = (who: string) => backend.client(backend.tokens[who]!);
    const mentor = await mountMentor(client('mentor-yilmaz'), createMemoryDraftStore());
    // The same mentor in a second element with its own client (e.g. a second widget on the portal).
    const sameMentor = await mountMentor(client('mentor-yilmaz'), createMemoryDraftStore());
    const student = await fixture<DddDossierForm>(html`<ddd-dossier-form lang="nl" .api=${client('student-mohammed')} dossier-id=${dossierId}></ddd-dossier-form>`);
    mounted.push(student);
    const studentForm = new FormHarness(student);
    await until(() => studentForm.loadedDossier, 'student view loaded');
    const studentVersion = studentForm.loadedDossier!.version;
    expect(studentForm.loadedDossier!.answers['advies'], 'deel B is not for the student yet').to.equal(undefined);

    const advies = 'Alleen voor de mentor: de leerling heeft extra hulp nodig bij taal.';
    mentor.write('mr-advies-advies', advies);
    mentor.pressSave('advies');
    await until(() => mentor.saveText('advies').startsWith('Opgeslagen om'), 'mentor saved');

    await until(() => sameMentor.valueIn('mr-advies-advies') === advies, 'same person follows live');
    await student.updateComplete;
    expect(studentForm.loadedDossier!.answers['advies'], 'no leak to the student').to.equal(undefined);
    expect(studentForm.loadedDossier!.version, 'the student kept their own copy').to.equal(studentVersion);
    expect(text(student)).not.to.contain(advies);
  });
});
