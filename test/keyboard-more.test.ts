/**
 * The parts of the flow that test/keyboard.test.ts fills through the API, now with the keyboard
 * only (Tab, Shift+Tab, Enter, Space, Escape, arrow keys through `sendKeys`; no `.click()`):
 * Noor's A7 typeahead and A5 repeatable entries, the mentor's B1 from "Mijn leerlingen", and her
 * father's inzage and consent. Each checks focus and ARIA as a screen reader user needs them, and
 * what the backend holds afterwards.
 */
import { expect } from '@open-wc/testing';
import { consentRecord, type DossierApi, type MemoryBackend, type ReferenceAnswer } from '@doorstroom/sdk';
import { completeAnswers } from '../packages/sdk/src/testing/fixtures.js';
import {
  $,
  $$,
  deepActive,
  describeNode,
  freshBackend,
  isButton,
  isId,
  leave,
  mountConsent,
  mountForm,
  mountMentor,
  prefillDeelA,
  press,
  signedIn,
  squash,
  startAtTop,
  tabTo,
  text,
  type,
  until,
} from './helpers.js';

const dossierId = 'dossier-noor';

/** Focus is somewhere a keyboard user can go on from: not dropped to the page. */
function focusKeptIn(host: Element): void {
  const active = deepActive();
  expect(active === document.body || active === null, `focus fell to ${describeNode(active)}`).to.equal(false);
  expect(host.shadowRoot!.contains(active), `focus left the element: ${describeNode(active)}`).to.equal(true);
}

/** The state a task in the task list shows: "Klaar", "Bezig", … */
const taskState = (form: Element, code: string) =>
  squash(
    $$(form, '.task__button')
      .find((b) => squash(b.textContent).startsWith(code))
      ?.querySelector('.tag')?.textContent,
  );

describe('keyboard only, the parts prefilled elsewhere', function () {
  this.timeout(60000);
  let backend: MemoryBackend;
  let noor: DossierApi;
  beforeEach(() => {
    backend = freshBackend();
    noor = signedIn(backend, 'student-noor');
  });

  it('A7: instelling and opleiding through the combobox, locatie through the select, confirmed', async () => {
    await prefillDeelA(noor, dossierId, ['vervolgkeuze', 'motivatie'], ['persoonlijk', 'thuis']);
    const form = await mountForm(noor, { dossierId });
    await until(() => squash($(form, '#form-heading')?.textContent) === 'A7 Vervolgkeuze', 'opens at A7');
    startAtTop();
    await tabTo(isId('ddd-instelling'), 'the instelling combobox');
    const instelling = deepActive() as HTMLInputElement;
    expect(instelling.getAttribute('role')).to.equal('combobox');
    expect(instelling.getAttribute('aria-expanded')).to.equal('false');
    const options = (id: string) => $$(form, `#${id}-listbox [role="option"]`);
    /** The option a screen reader announces: the one aria-activedescendant points at. */
    const activeOption = (input: HTMLInputElement) => {
      const id = input.getAttribute('aria-activedescendant');
      return squash(id ? $(form, `#${id}`)?.textContent : '');
    };

    // Typing searches; the list opens without choosing anything for her.
    await type('roc');
    await until(() => instelling.getAttribute('aria-expanded') === 'true' && options('ddd-instelling').length === 3, 'three ROCs listed');
    expect(instelling.hasAttribute('aria-activedescendant'), 'nothing active before an arrow key').to.equal(false);
    const labels = options('ddd-instelling').map((o) => squash(o.querySelector('.ddd-combobox__label')?.textContent));
    expect(labels).to.have.members(['ROC Midden Nederland', 'ROC Mondriaan', 'ROC van Amsterdam']);

    // The arrow keys move the active option; focus stays in the input, as ARIA 1.2 wants.
    await press('ArrowDown');
    expect(instelling.getAttribute('aria-activedescendant')).to.equal('ddd-instelling-option-0');
    expect(options('ddd-instelling')[0]!.getAttribute('aria-selected')).to.equal('true');
    await press('ArrowDown');
    expect(instelling.getAttribute('aria-activedescendant')).to.equal('ddd-instelling-option-1');
    await press('ArrowUp');
    expect(instelling.getAttribute('aria-activedescendant')).to.equal('ddd-instelling-option-0');
    await press('ArrowUp');
    expect(instelling.getAttribute('aria-activedescendant'), 'ArrowUp wraps to the last option').to.equal('ddd-instelling-option-2');
    expect(deepActive()).to.equal(instelling);

    // Escape closes the list and keeps what she typed.
    await press('Escape');
    expect(instelling.getAttribute('aria-expanded')).to.equal('false');
    expect(instelling.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(instelling.value).to.equal('roc');
    expect(deepActive()).to.equal(instelling);

    // ArrowDown opens it again on the first option; she walks to ROC Mondriaan and chooses it.
    await press('ArrowDown');
    await until(() => instelling.getAttribute('aria-activedescendant') === 'ddd-instelling-option-0', 'reopened on the first option');
    for (let presses = 0; !activeOption(instelling).startsWith('ROC Mondriaan'); presses++) {
      expect(presses, 'ROC Mondriaan is in the list').to.be.below(3);
      await press('ArrowDown');
    }
    await press('Enter');
    expect(instelling.getAttribute('aria-expanded')).to.equal('false');
    expect(instelling.value).to.equal('ROC Mondriaan');
    expect(deepActive(), 'focus stays in the combobox after choosing').to.equal(instelling);

    // Opleiding next (before the locatie): type, End / Home, arrows, Enter.
    await press('Tab');
    expect(deepActive()?.id, 'Tab goes from instelling to opleiding').to.equal('ddd-opleiding');
    const opleiding = deepActive() as HTMLInputElement;
    await type('er');
    await until(() => options('ddd-opleiding').length > 2, 'programmes of ROC Mondriaan');
    const last = options('ddd-opleiding').length - 1;
    await press('ArrowDown');
    await press('End');
    expect(opleiding.getAttribute('aria-activedescendant'), 'End goes to the last option').to.equal(`ddd-opleiding-option-${last}`);
    await press('Home');
    expect(opleiding.getAttribute('aria-activedescendant'), 'Home goes to the first option').to.equal('ddd-opleiding-option-0');
    for (let i = 0; i < 2; i++) await press('Backspace');
    // Onderwijsassistent comes as BOL and BBL; she takes the BOL one.
    await type('onderwijs');
    await until(() => options('ddd-opleiding').length === 2, 'Onderwijsassistent BOL and BBL');
    await press('ArrowDown');
    for (let presses = 0; !activeOption(opleiding).includes('BOL'); presses++) {
      expect(presses, 'the BOL variant is in the list').to.be.below(2);
      await press('ArrowDown');
    }
    await press('Enter');
    expect(opleiding.getAttribute('aria-expanded')).to.equal('false');
    expect(opleiding.value).to.equal('Onderwijsassistent');

    // Locatie: a native select of the places that give Onderwijsassistent BOL, by city, chosen with the arrow keys.
    await until(() => $(form, '#ddd-locatie option[value="27GZ00"]'), 'the places that give it');
    expect($$(form, '#ddd-locatie optgroup').map((g) => g.getAttribute('label'))).to.deep.equal(['Delft', 'Den Haag']);
    await tabTo(isId('ddd-locatie'), 'the locatie', { max: 3 });
    const locatie = deepActive() as HTMLSelectElement;
    await press('ArrowDown');
    await press('ArrowDown');
    await until(() => locatie.value === '27GZ00', 'two steps down: Leeghwaterplein, Den Haag');
    await press('ArrowUp');
    await until(() => locatie.value === '27GZ01', 'one back up: Brasserskade, Delft');
    await press('ArrowDown');
    await until(() => locatie.value === '27GZ00', 'and down again');

    // The summary, then the confirmation box.
    await until(() => $(form, '.choice-summary'), 'the summary of her choice');
    const summary = squash($(form, '.choice-summary')!.textContent);
    expect(summary).to.contain('ROC Mondriaan').and.to.contain('Leeghwaterplein, Den Haag').and.to.contain('Onderwijsassistent').and.to.contain('25485');
    await tabTo(isId('ddd-bevestigd'), 'Ik heb mijn keuze gecontroleerd', { max: 3 });
    await press('Space');
    await until(() => taskState(form, 'A7') === 'Klaar', 'A7 complete');
    focusKeptIn(form);

    await until(async () => (await noor.getDossier(dossierId)).answers['vervolgkeuze']?.['bevestigd'] === true, 'A7 saved');
    const saved = (await noor.getDossier(dossierId)).answers['vervolgkeuze']!;
    expect((saved['instelling'] as ReferenceAnswer).id).to.equal('27GZ');
    expect((saved['locatie'] as ReferenceAnswer).id).to.equal('27GZ00');
    expect((saved['opleiding'] as ReferenceAnswer).detail).to.include({ crebo: '25485', leerweg: 'BOL' });
    leave(form);
  });

  it('A5: a checkbox, radio buttons, text fields and adding and removing an entry', async () => {
    await prefillDeelA(noor, dossierId, ['ervaring'], ['persoonlijk', 'thuis']);
    const form = await mountForm(noor, { dossierId });
    await until(() => squash($(form, '#form-heading')?.textContent) === 'A5 Stages, werk en trainingen', 'opens at A5');
    startAtTop();

    // "Nog geen ervaring" hides the entries; unticking brings them back.
    await tabTo(isId('ddd-geenErvaring'), 'Ik heb nog geen stage, werk of training gedaan');
    await press('Space');
    await until(() => !$(form, '#ddd-ervaring'), 'the entries are hidden');
    expect(taskState(form, 'A5')).to.equal('Klaar');
    await press('Space');
    await until(() => $(form, '#ddd-ervaring'), 'the entries are back');
    expect(deepActive()?.id, 'focus stays on the checkbox').to.equal('ddd-geenErvaring');

    // Entry 1: the radio group takes one Tab stop; the arrow keys choose.
    await press('Tab');
    expect(deepActive()?.id, 'Tab goes into the Soort group').to.equal('ddd-ervaring-0-soort-0');
    await press('ArrowDown');
    expect((deepActive() as HTMLInputElement).checked, 'ArrowDown chose "Werk of bijbaan"').to.equal(true);
    expect(deepActive()?.id).to.equal('ddd-ervaring-0-soort-1');
    await tabTo(isId('ddd-ervaring-0-organisatie'), 'Bedrijf of organisatie', { max: 2 });
    await type('Bakkerij Bol');
    await press('Tab');
    await type('Utrecht');
    await press('Tab');
    expect(deepActive()?.localName, 'Wat deed je daar? is a textarea').to.equal('textarea');
    await type('Brood bakken en klanten helpen');

    // "Ervaring toevoegen" puts focus in the new entry's first field.
    await tabTo(isButton('Ervaring toevoegen'), 'Ervaring toevoegen', { max: 4 });
    await press('Enter');
    await until(() => deepActive()?.id === 'ddd-ervaring-1-soort-0', 'focus in entry 2');
    expect(squash($(form, '#ddd-ervaring-entry-1 legend')?.textContent)).to.equal('Ervaring 2');
    await press('Space');
    expect((deepActive() as HTMLInputElement).checked, 'Space chose "Stage"').to.equal(true);
    await tabTo(isId('ddd-ervaring-1-organisatie'), 'Bedrijf of organisatie (2)', { max: 2 });
    await type('Garage Jansen');
    await press('Tab');
    await type('Zeist');
    await press('Tab');
    await type('Banden wisselen');
    await press('Tab');
    await type('feb 2026');
    await until(() => taskState(form, 'A5') === 'Klaar', 'A5 complete with two entries');

    // She removes entry 1 after all; focus goes to the add button, entry 2 moves up.
    await tabTo((el) => el?.classList.contains('ddd-repeat__remove') === true && $(form, '#ddd-ervaring-entry-0')!.contains(el), 'Verwijderen Ervaring 1', {
      back: true,
    });
    expect(squash(deepActive()!.textContent), 'the button says which entry it removes').to.equal('Verwijderen Ervaring 1');
    await press('Enter');
    await until(() => deepActive()?.id === 'ddd-ervaring-add', 'focus on Ervaring toevoegen');
    expect($$(form, '.ddd-repeat__entry')).to.have.length(1);
    expect($<HTMLInputElement>(form, '#ddd-ervaring-0-organisatie')!.value).to.equal('Garage Jansen');
    expect(taskState(form, 'A5')).to.equal('Klaar');

    // Entry 1 alone was saved once already while she typed it, so "one entry" is not enough.
    await until(async () => {
      const entries = (await noor.getDossier(dossierId)).answers['ervaring']?.['ervaring'];
      return Array.isArray(entries) && entries.length === 1 && (entries[0] as { organisatie?: string }).organisatie === 'Garage Jansen';
    }, 'A5 saved with only the second entry');
    const saved = (await noor.getDossier(dossierId)).answers['ervaring']!;
    expect(saved['ervaring']).to.deep.equal([{ soort: 'stage', organisatie: 'Garage Jansen', plaats: 'Zeist', werkzaamheden: 'Banden wisselen', periode: 'feb 2026' }]);
    expect(saved['geenErvaring']).to.equal(false);
    leave(form);
  });

  it('the guardian reads, says the name the dossier holds is not right, gets the error summary, fixes it and consents', async () => {
    const { father, consent } = await fatherOpensConsent(backend);
    expect((await father.getDossier(dossierId)).inzage.map((i) => i.person.id)).to.include('guardian-el-idrissi');
    startAtTop();

    // Noor's A2 names him as her father: he is not asked; he opens the fields anyway and clears the name.
    expect(squash($(consent, '.identity')!.textContent)).to.contain('U geeft toestemming als Karim El Idrissi (vader).');
    await tabTo(isButton('Klopt dit niet?'), 'Klopt dit niet?');
    await press('Enter');
    await until(() => deepActive()?.id === 'og-naam', 'focus in the name field');
    expect((deepActive() as HTMLInputElement).value).to.equal('Karim El Idrissi');
    await press('Control+a');
    await press('Backspace');
    await tabTo(isButton('Toestemming geven'), 'Toestemming geven', { max: 12 });
    await press('Enter');
    await until(() => deepActive()?.classList.contains('ddd-error-summary'), 'focus on the error summary');
    const links = $$(consent, '.ddd-error-summary a').map((a) => squash(a.textContent));
    expect(links, 'one link per missing answer: the name and the tick').to.have.length(2);
    await press('Tab');
    expect(squash(deepActive()?.textContent)).to.equal(links[0]);
    await press('Enter');
    expect(deepActive()?.id, 'the first link leads to the name').to.equal('og-naam');
    expect(deepActive()?.getAttribute('aria-invalid')).to.equal('true');
    await type('Karim El Idrissi');
    await press('Tab');
    expect(squash($(consent, `label[for="${deepActive()!.id}"]`)?.textContent), 'the relatie group: one Tab stop, on Vader').to.equal('Vader');
    await press('Tab');
    expect(deepActive()?.id).to.equal('og-toestemming');
    await press('Space');
    await press('Tab');
    expect(squash(deepActive()?.textContent)).to.equal('Toestemming geven');
    await press('Enter');
    await until(() => text(consent).includes('U hebt toestemming gegeven op'), 'the thanks');
    await until(() => !$(consent, '.ddd-error-summary'), 'the summary is gone');
    await until(() => deepActive()?.id === 'confirmation-title', 'focus on the confirmation, not on <body>');
    focusKeptIn(consent);

    const guardian = consentRecord(await father.getDossier(dossierId), backend.data.config).guardian;
    expect(guardian).to.include({ naam: 'Karim El Idrissi', relatie: 'vader', toestemming: true });
    leave(consent);
  });

  it('the guardian consents with Enter from the tick box; focus goes to the confirmation, never to <body>', async () => {
    const { father, consent } = await fatherOpensConsent(backend);
    startAtTop();
    await tabTo(isId('og-toestemming'), 'the tick box');
    await press('Space');
    // The fields are disabled while saving; afterwards focus is on what was given, not at the top of the page.
    await tabTo(isButton('Toestemming geven'), 'Toestemming geven', { max: 3 });
    await press('Enter');
    await until(() => text(consent).includes('U hebt toestemming gegeven op'), 'the thanks');
    await until(() => deepActive()?.id === 'confirmation-title', 'focus on the confirmation');
    expect(consentRecord(await father.getDossier(dossierId), backend.data.config).guardian).to.include({ naam: 'Karim El Idrissi', relatie: 'vader', toestemming: true });
    leave(consent);
  });

  it('B1 for a student from "Mijn leerlingen": ja with a toelichting, the rest nee, saved', async () => {
    const mentor = await mountMentor(signedIn(backend, 'mentor-de-vries'));
    await until(() => $(mentor, '#tab-teBehandelen'), 'the tabs');
    startAtTop();
    await tabTo(isId('tab-teBehandelen'), 'the active tab');
    await press('ArrowRight');
    await until(() => deepActive()?.id === 'tab-mijnLeerlingen', 'ArrowRight moves to Mijn leerlingen');
    expect(deepActive()?.getAttribute('aria-selected')).to.equal('true');
    // Mevrouw De Vries mentors 3A and 4B: Noor, Sam and Lisa.
    await until(() => text(mentor).includes('Sam Jansen'), 'her students');
    // "Mijn leerlingen" is a table: each row's action is named by its text and the student's name.
    await tabTo(isId('ov-act-student-noor'), 'Begeleiding invullen in the row of Noor El Idrissi');
    expect(squash(deepActive()!.textContent)).to.equal('Begeleiding invullen');
    await press('Enter');
    await until(() => deepActive()?.id === 'begeleiding-title', 'focus on the B1 heading');
    expect(squash(deepActive()!.textContent)).to.equal('Begeleiding van Noor El Idrissi');
    await until(() => $(mentor, '#mr-begeleiding-extraNederlands-0'), 'the B1 questions');

    // Ja on the first question shows its toelichting right after it.
    await tabTo(isId('mr-begeleiding-extraNederlands-0'), 'extra hulp bij Nederlands: Ja');
    await press('Space');
    await press('Tab');
    expect(deepActive()?.id, 'Tab goes to the toelichting that just appeared').to.equal('mr-begeleiding-extraNederlandsToelichting');
    await type('Bijles in klas 2 en 3.');
    // Every other question: one Tab into the group, ArrowRight to "Nee".
    const rest = ['extraRekenen', 'nodigNederlands', 'nodigRekenen', 'extraAndereVakken', 'verzuim', 'lwoo', 'passendOnderwijs', 'leerplichtRmc', 'opp', 'warmeOverdracht'];
    for (const id of rest) {
      await press('Tab');
      expect(deepActive()?.id, `Tab reaches ${id}`).to.equal(`mr-begeleiding-${id}-0`);
      await press('ArrowRight');
      expect(deepActive()?.id).to.equal(`mr-begeleiding-${id}-1`);
    }
    await press('Tab');
    expect(squash(deepActive()?.textContent)).to.equal('Opslaan');
    await press('Enter');
    await until(() => squash($(mentor, '.save-state')?.textContent).startsWith('Opgeslagen'), 'saved');
    focusKeptIn(mentor);

    const saved = await signedIn(backend, 'mentor-de-vries').getBegeleiding('student-noor');
    expect(saved.answers).to.include({ extraNederlands: true, extraNederlandsToelichting: 'Bijles in klas 2 en 3.', extraRekenen: false, warmeOverdracht: false });
    expect(Object.keys(saved.answers)).to.have.length(12);
    leave(mentor);
  });
});

/** Deel B is back with Noor and her father opens the consent; opening it records his inzage. */
async function fatherOpensConsent(backend: MemoryBackend) {
  await deelBSentToNoor(backend);
  // Noor read her dossier and gave her own declaration: her father consents to what she chose.
  const noor = signedIn(backend, 'student-noor');
  const read = await noor.act(dossierId, 'recordInzage', undefined, (await noor.getDossier(dossierId)).version);
  await noor.saveSection(dossierId, 'akkoordverklaring', { akkoord: 'ja', toestemming: true }, read.version);
  const father = signedIn(backend, 'guardian-el-idrissi');
  const consent = await mountConsent(father, dossierId);
  await until(() => text(consent).includes('hebt bekeken op'), 'his inzage is recorded');
  return { father, consent };
}

/** Noor's deel A complete and sent, deel B filled and sent back by her mentor (all through the API). */
async function deelBSentToNoor(backend: MemoryBackend): Promise<void> {
  const noor = signedIn(backend, 'student-noor');
  await prefillDeelA(noor, dossierId, [], ['persoonlijk', 'thuis']);
  let dossier = await noor.act(dossierId, 'submitToMentor', { mentorId: 'mentor-de-vries' }, (await noor.getDossier(dossierId)).version);
  const mentor = signedIn(backend, 'mentor-de-vries');
  const record = await mentor.getBegeleiding('student-noor');
  await mentor.saveBegeleiding('student-noor', completeAnswers('begeleiding'), record.version);
  dossier = await mentor.act(dossierId, 'startDeelB', undefined, dossier.version);
  dossier = await mentor.saveSection(dossierId, 'advies', completeAnswers('advies'), dossier.version);
  await mentor.act(dossierId, 'sendToStudent', undefined, dossier.version);
}
