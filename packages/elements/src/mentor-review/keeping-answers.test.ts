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
import type { DddDossierForm } from '../dossier-form/ddd-dossier-form.component.js';
import { FormHarness } from '../dossier-form/harness.js';
import { createMemoryDraftStore, type DraftStore } from '../shared/drafts.js';
import { instrument, signIn } from '../dossier-form/test/instrument.js';

const dossierId = 'dossier-mohammed';
const restoredText = 'Je had nog antwoorden in deel B die niet waren opgeslagen. We hebben ze teruggezet.';

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });
const serverError = () => new DossierApiError({ kind: 'server', status: 500, message: 'boom (test)', write: true });
/** A deel B section by id ('begeleiding', 'advies'). */
const section = (el: DddMentorReview, id: string) => $(el, `#mr-${id}-title`)!.closest('section')!;
const saveButton = (el: DddMentorReview, id: string) => section(el, id).querySelector<HTMLButtonElement>('button[type="submit"]')!;
const saveState = (el: DddMentorReview, id: string) => section(el, id).querySelector('.save-state')!.textContent!.trim();

function typeInto(el: HTMLElement, id: string, value: string): void {
  const field = root(el).getElementById(id) as HTMLTextAreaElement;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const mounted: HTMLElement[] = [];
async function mountMentor(api: DossierApi, store: DraftStore, delay = 600_000): Promise<DddMentorReview> {
  const el = await fixture<DddMentorReview>(html`<ddd-mentor-review lang="nl" .api=${api} .draftStore=${store} dossier-id=${dossierId} autosave-delay=${delay}></ddd-mentor-review>`);
  mounted.push(el);
  await until(() => root(el).getElementById('mr-advies-advies'), 'deel B editable');
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
    typeInto(first, 'mr-advies-advies', advies);
    await until(async () => (await store.get({ dossierId, sectionId: 'advies' }))?.values['advies'] === advies, 'kept on the device');
    expect(api.callsOf('saveSection'), 'nothing sent yet').to.have.length(0);
    first.remove();

    const again = instrument(backend.client(backend.tokens['mentor-yilmaz']!));
    const reloaded = await mountMentor(again, store);
    await until(() => text(reloaded).includes(restoredText), 'restored notice');
    expect($(reloaded, '.b-live[role="status"]')!.textContent).to.contain(restoredText);
    expect((root(reloaded).getElementById('mr-advies-advies') as HTMLTextAreaElement).value).to.equal(advies);
    await until(async () => (await again.getDossier(dossierId)).answers['advies']?.['advies'] === advies, 'saved on the server');
    await until(async () => (await store.list(dossierId)).length === 0, 'device copy removed');
    await until(() => saveState(reloaded, 'advies').startsWith('Opgeslagen om'), 'saved state');
    await expect(reloaded).to.be.accessible();
  });

  it('409: shows both answers per question with a choice, merges the rest, loses nothing', async () => {
    const { api, backend } = signIn('mentor-yilmaz');
    const elsewhere = backend.client(backend.tokens['mentor-yilmaz']!);
    const store = createMemoryDraftStore();
    const el = await mountMentor(api, store);
    const mine = 'Mijn advies: een goede keuze, met extra hulp bij Nederlands.';
    typeInto(el, 'mr-advies-advies', mine);
    (root(el).getElementById('mr-advies-naderContact-0') as HTMLInputElement).click();
    // Meanwhile a colleague (or another tab) saves the same question and one the mentor left alone.
    const before = await elsewhere.getDossier(dossierId);
    await elsewhere.saveSection(dossierId, 'advies', { advies: 'Van de decaan: eerst een intake doen.', pastKeuze: 'twijfel' }, before.version);

    saveButton(el, 'advies').click();
    await until(() => $(el, '.conflicts'), 'choice shown');
    const legends = [...root(el).querySelectorAll('.conflict legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['B2 Advies']);
    const choice = $(el, '.conflict')!.textContent!.replace(/\s+/g, ' ');
    expect(choice).to.contain(`Jouw antwoord ${mine}`);
    expect(choice).to.contain('Antwoord dat nu is opgeslagen Van de decaan: eerst een intake doen.');
    expect($<HTMLInputElement>(el, '#mr-conflict-advies-advies-mine')!.checked).to.equal(true);
    expect((root(el).getElementById('mr-advies-advies') as HTMLTextAreaElement).value, 'still in the field').to.equal(mine);
    await until(() => saveState(el, 'advies') === 'Kies hierboven welk antwoord je wilt bewaren', 'section waits for the choice');
    // What only one side changed is merged without asking: theirs shows, mine is saved.
    await until(async () => (await api.getDossier(dossierId)).answers['advies']?.['naderContact'] === true, 'own change re-sent');
    const meanwhile = await api.getDossier(dossierId);
    expect(meanwhile.answers['advies']?.['advies'], 'not overwritten before choosing').to.equal('Van de decaan: eerst een intake doen.');
    expect($<HTMLInputElement>(el, '#mr-advies-pastKeuze-1')!.checked, 'their pastKeuze shows').to.equal(true);
    await until(async () => (await store.get({ dossierId, sectionId: 'advies' }))?.values['advies'] === mine, 'kept on the device while choosing');
    await expect(el).to.be.accessible();
    // Leaving first needs the choice: the element stays and shows it.
    [...root(el).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent!.trim() === 'Terug naar het overzicht')!.click();
    await until(() => root(el).activeElement?.id === 'mr-conflict-heading', 'focus on the choice');
    expect($(el, '#dossier-title'), 'still in the dossier').not.to.equal(null);

    [...root(el).querySelectorAll<HTMLButtonElement>('.conflicts button')].find((b) => b.textContent!.trim() === 'Deze antwoorden bewaren')!.click();
    await until(async () => (await api.getDossier(dossierId)).answers['advies']?.['advies'] === mine, 'chosen answer saved');
    await until(() => $(el, '.conflicts') === null, 'choice gone');
    expect($(el, '.b-live')!.textContent).to.contain('We slaan de antwoorden op die je hebt gekozen.');
    await until(() => root(el).activeElement?.id === 'mr-notice', 'focus on the notice, not lost');
    const saved = await api.getDossier(dossierId);
    expect(saved.answers['advies']).to.include({ advies: mine, naderContact: true, pastKeuze: 'twijfel' });
    await until(async () => (await store.list(dossierId)).length === 0, 'device copy removed');
    await expect(el).to.be.accessible();
  });

  it('409 choosing the other answer puts it in the field', async () => {
    const { api, backend } = signIn('mentor-yilmaz');
    const elsewhere = backend.client(backend.tokens['mentor-yilmaz']!);
    const el = await mountMentor(api, createMemoryDraftStore());
    typeInto(el, 'mr-advies-advies', 'Mijn eerste versie.');
    const before = await elsewhere.getDossier(dossierId);
    await elsewhere.saveSection(dossierId, 'advies', { advies: 'De betere versie van de decaan.' }, before.version);
    saveButton(el, 'advies').click();
    await until(() => $(el, '#mr-conflict-advies-advies-server'), 'choice shown');
    $<HTMLInputElement>(el, '#mr-conflict-advies-advies-server')!.click();
    [...root(el).querySelectorAll<HTMLButtonElement>('.conflicts button')].at(-1)!.click();
    await until(() => $(el, '.conflicts') === null, 'choice gone');
    expect((root(el).getElementById('mr-advies-advies') as HTMLTextAreaElement).value).to.equal('De betere versie van de decaan.');
    expect(el.shadowRoot!.textContent).not.to.contain('Nog niet opgeslagen');
    expect((await api.getDossier(dossierId)).answers['advies']?.['advies']).to.equal('De betere versie van de decaan.');
  });

  it('each section keeps its own failed-save alert: saving B2 does not clear the failure of B1', async () => {
    const { api } = signIn('mentor-yilmaz');
    const el = await mountMentor(api, createMemoryDraftStore());
    api.failNext('saveSection', serverError());
    (root(el).getElementById('mr-begeleiding-verzuim-0') as HTMLInputElement).click();
    saveButton(el, 'begeleiding').click();
    await until(() => section(el, 'begeleiding').querySelector('[role="alert"]'), 'B1 failure shown');
    expect(section(el, 'begeleiding').querySelector('[role="alert"]')!.textContent).to.contain('Er ging iets mis bij de server');
    expect(saveState(el, 'begeleiding')).to.equal('Niet opgeslagen');

    typeInto(el, 'mr-advies-advies', 'Goed plan, let op de planning.');
    saveButton(el, 'advies').click();
    await until(() => saveState(el, 'advies').startsWith('Opgeslagen om'), 'B2 saved');
    expect(section(el, 'advies').querySelector('[role="alert"]'), 'no alert on B2').to.equal(null);
    expect(section(el, 'begeleiding').querySelector('[role="alert"]'), 'B1 alert still there').not.to.equal(null);
    expect(saveState(el, 'begeleiding')).to.equal('Niet opgeslagen');
    expect((root(el).getElementById('mr-begeleiding-verzuim-0') as HTMLInputElement).checked, 'B1 answer kept').to.equal(true);
    await expect(el).to.be.accessible();

    saveButton(el, 'begeleiding').click();
    await until(() => saveState(el, 'begeleiding').startsWith('Opgeslagen om'), 'B1 saved on retry');
    expect(section(el, 'begeleiding').querySelector('[role="alert"]')).to.equal(null);
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
    typeInto(mentor, 'mr-advies-advies', advies);
    saveButton(mentor, 'advies').click();
    await until(() => saveState(mentor, 'advies').startsWith('Opgeslagen om'), 'mentor saved');

    await until(() => (root(sameMentor).getElementById('mr-advies-advies') as HTMLTextAreaElement).value === advies, 'same person follows live');
    await student.updateComplete;
    expect(studentForm.loadedDossier!.answers['advies'], 'no leak to the student').to.equal(undefined);
    expect(studentForm.loadedDossier!.version, 'the student kept their own copy').to.equal(studentVersion);
    expect(text(student)).not.to.contain(advies);
  });
});
