import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './ddd-dossier-form.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';
import { DossierApiError } from '@doorstroom/sdk';
import { FormHarness, squash } from './harness.js';
import { completeDeelA, signIn, type InstrumentedApi } from './test/instrument.js';

const mounted: FormHarness[] = [];

async function mount(api: InstrumentedApi, attrs: { dossierId?: string; delay?: number; lang?: string } = {}): Promise<FormHarness> {
  const el = await fixture<DddDossierForm>(html`<ddd-dossier-form lang=${attrs.lang ?? 'nl'} autosave-delay=${attrs.delay ?? 40} dossier-id=${attrs.dossierId ?? ''} .api=${api}></ddd-dossier-form>`);
  const form = new FormHarness(el);
  mounted.push(form);
  return form;
}

/** Noor's concept dossier (vo-mbo, A1–A4 partly filled), opened at `sectionId`. */
async function openNoor(sectionId?: string, options: { delay?: number; api?: InstrumentedApi } = {}) {
  const api = options.api ?? signIn('student-noor').api;
  const form = await mount(api, { dossierId: 'dossier-noor', delay: options.delay ?? 40 });
  await form.until(() => form.$('.tasks'), 'dossier loaded');
  if (sectionId) await form.openSection(sectionId);
  return { form, api };
}

describe('ddd-dossier-form', function () {
  // Axe runs over a large form in several tests.
  this.timeout(20000);
  // Every test has its own backend, but dossierBus is page-wide: a save flushed while the
  // fixture is removed would reach the next test's element showing the same dossier id.
  afterEach(() => {
    for (const form of mounted.splice(0)) form.forget();
  });

  describe('setup and list', () => {
    it('says what is missing without any configuration', async () => {
      const form = new FormHarness(await fixture<DddDossierForm>(html`<ddd-dossier-form></ddd-dossier-form>`));
      expect(form.text).to.contain('niet ingesteld').and.to.contain('api-base');
      await expect(form.element).to.be.accessible();
    });

    it('lists the dossiers of the student with their status', async () => {
      const { api } = signIn('student-noor');
      const form = await mount(api);
      expect(form.$('[role="status"]')!.textContent).to.match(/laden/);
      await form.until(() => form.text.includes('Deel A:'), 'list');
      expect(form.text).to.contain('Mijn dossiers').and.to.contain('Status: Deel A invullen').and.to.contain('Nieuw dossier');
      await expect(form.element).to.be.accessible();
    });

    it('shows an error with retry when the list cannot load', async () => {
      const { api } = signIn('student-noor');
      api.failNext('listDossiers');
      const form = await mount(api);
      await form.until(() => form.text.includes('We konden je dossiers niet laden'), 'error');
      await expect(form.element).to.be.accessible();
      form.button('Opnieuw proberen')!.click();
      await form.until(() => form.text.includes('Deel A:'), 'list after retry');
    });

    it('creates a new dossier of the chosen type and opens it', async () => {
      const { api } = signIn('student-milan');
      const form = await mount(api);
      await form.until(() => form.text.includes('Je hebt nog geen dossier'), 'empty list');
      expect(form.text).to.contain('Je zit al op het mbo en wilt naar een andere mbo-opleiding.');
      await expect(form.element).to.be.accessible();

      form.button('Dossier maken')!.click();
      await form.settled();
      expect(form.text).to.contain('Kies welke situatie bij jou past.');
      expect(api.callsOf('createDossier')).to.have.length(0);

      form.choose('ddd-new-type-werk-mbo');
      const created = oneEvent(form.element, 'ddd-dossier-created');
      form.button('Dossier maken')!.click();
      const event = await created;
      expect(api.callsOf('createDossier')[0]!.args).to.deep.equal([{ type: 'werk-mbo' }]);
      expect(event.detail.dossier.type).to.equal('werk-mbo');
      await form.until(() => form.$('.section'), 'opened');
      expect(form.$('#form-heading')!.textContent).to.contain('A1 Persoonlijke gegevens');
      await expect(form.element).to.be.accessible();
    });

    it('"Opslaan en sluiten" saves and returns to the list', async () => {
      const { form, api } = await openNoor('motivatie', { delay: 5000 });
      form.typeInto(form.$<HTMLTextAreaElement>('#ddd-waarom')!, 'Ik wil graag met kinderen werken.');
      await form.settled();
      form.button('Opslaan en sluiten')!.click();
      await form.until(() => form.text.includes('Mijn dossiers'), 'list');
      expect(api.callsOf('saveSection')).to.have.length(1);
      const saved = await api.getDossier('dossier-noor');
      expect(saved.answers['motivatie']?.['waarom']).to.equal('Ik wil graag met kinderen werken.');
    });
  });

  describe('sections', () => {
    it('shows the task list with statuses and moves focus to the section heading', async () => {
      const { form } = await openNoor();
      expect(form.text).to.contain('Nog niet begonnen').and.to.contain('Klaar').and.to.contain('Controleren en versturen');
      await form.openSection('herkomst');
      expect(form.focused?.id).to.equal('form-heading');
      expect(form.focused?.textContent).to.contain('A3 School van herkomst');
      expect(form.$('.task__button[aria-current="step"]')!.textContent).to.contain('School van herkomst');
      expect(form.tasks.filter((task) => task.current).map((task) => task.title)).to.deep.equal(['A3 School van herkomst']);
      await expect(form.element).to.be.accessible();
      // Vorige goes back one section.
      await form.previous();
      await form.until(() => form.currentSection === 'thuis' && form.heading.startsWith('A2'), 'back to A2');
    });

    it('puts no example values in the fields (they look like answers): the format is a hint under the label, and "(optioneel)"', async () => {
      const { form } = await openNoor('persoonlijk');
      const filled = form.$$<HTMLInputElement>('input, textarea').filter((field) => field.placeholder);
      expect(
        filled.map((field) => `${field.id}: ${field.placeholder}`),
        'no placeholder',
      ).to.deep.equal([]);
      expect(form.$('#ddd-postcode-help')!.textContent).to.contain('bijvoorbeeld 1234 AB');
      expect(form.$<HTMLInputElement>('#ddd-postcode')!.getAttribute('aria-describedby')).to.contain('ddd-postcode-help');
      expect(form.text).to.contain('De naam die mensen gebruiken als ze je aanspreken.');
      const tussenvoegsel = form.$('label[for="ddd-tussenvoegsel"]')!;
      expect(tussenvoegsel.textContent).to.contain('(optioneel)');
      expect(form.$('label[for="ddd-achternaam"]')!.textContent).not.to.contain('(optioneel)');
    });

    it('shows one progress figure that does not mislead: the sections done of those that must be done', async () => {
      const { form } = await openNoor('motivatie');
      const overall = () => form.progress;
      expect(overall()).to.equal('2 van 7 onderdelen klaar');
      expect(form.$$('.task__percent, .section__percent'), 'no second figure').to.have.length(0);
      form.typeInto(form.$<HTMLTextAreaElement>('#ddd-waarom')!, 'Ik zorg graag voor mensen en wil dat mijn werk maken.');
      await form.settled();
      expect(overall()).to.equal('3 van 7 onderdelen klaar');
      const task = (section: string) => form.tasks.find((t) => t.section === section)!;
      expect(task('motivatie')).to.include({ title: 'A9 Motivatie', state: 'Klaar', current: true });
      // The optional sections say so, and do not count.
      expect(task('ondersteuning')).to.include({ title: 'A6 Ondersteuning', state: 'Mag je overslaan' });
    });

    it('lets a sensitive question be skipped or answered "Dat zeg ik liever niet", and says "(optioneel)" once for an optional section', async () => {
      const { form, api } = await openNoor('ondersteuning');
      expect(form.heading).to.equal('A6 Ondersteuning (optioneel)');
      expect(form.text).to.contain('Dit onderdeel mag je overslaan.');
      const legend = squash(form.$('#ddd-dyslexie legend')!.textContent);
      expect(legend, 'not repeated per question').to.equal('Heb je dyslexie?');
      const labels = form.$$('#ddd-dyslexie label').map((l) => squash(l.textContent));
      expect(labels).to.deep.equal(['Ja', 'Nee', 'Dat zeg ik liever niet']);
      form.choose('ddd-dyslexie-2');
      await form.settled();
      form.button('Volgende')!.click();
      await form.until(() => form.focusedId === 'form-heading' && form.heading.startsWith('A7'), 'on to A7 without an error');
      await form.until(async () => (await api.getDossier('dossier-noor')).answers['ondersteuning']?.['dyslexie'] === 'zegIkLieverNiet', 'saved');
    });

    it('shows a field error only after leaving the field', async () => {
      const { form } = await openNoor('persoonlijk');
      const postcode = form.typeInto(form.field<HTMLInputElement>('Postcode'), '12');
      expect(postcode.id).to.equal('ddd-postcode');
      await form.settled();
      expect(form.errorOf(postcode)).to.equal('');
      await form.leave(postcode);
      expect(form.errorOf('Postcode')).to.contain('Fout:');
      expect(postcode.getAttribute('aria-invalid')).to.equal('true');
      expect(postcode.getAttribute('aria-describedby')).to.contain('ddd-postcode-error');
      await expect(form.element).to.be.accessible();
    });

    it('shows an error summary on Volgende that takes focus and links to the fields', async () => {
      const { form } = await openNoor('herkomst');
      expect(form.$('.ddd-error-summary')).to.equal(null);
      await form.next();
      await form.until(() => form.focused?.classList.contains('ddd-error-summary'), 'summary focused');
      expect(form.currentSection).to.equal('herkomst');
      const links = form.$$<HTMLAnchorElement>('.ddd-error-summary a');
      expect(form.errorSummary).to.deep.equal([
        'Kies een antwoord bij: Profiel of sector.',
        'Kies minstens één antwoord bij: Examenvakken.',
        'Kies een antwoord bij: Verwacht je dit jaar je diploma te halen?',
      ]);
      await expect(form.element).to.be.accessible();
      links[1]!.click();
      expect(form.focused?.id).to.equal('ddd-examenvakken-0');
      // Never blocks: "Toch verder" goes on to the next section.
      form.button('Toch verder')!.click();
      await form.until(() => form.currentSection === 'competenties', 'moved on');
      expect(form.$('.ddd-error-summary')).to.equal(null);
    });

    it('keeps the answers of conditional questions that disappear and come back', async () => {
      const { form } = await openNoor('thuis');
      form.choose('Ja', 'Heb je een bijbaan?');
      await form.settled();
      form.typeInto('Wat voor bijbaan?', 'Vakkenvuller, 6 uur per week');
      await form.settled();
      form.choose('Nee', 'Heb je een bijbaan?');
      await form.settled();
      expect(form.$('#ddd-bijbaanOmschrijving')).to.equal(null);
      form.choose('ddd-bijbaan-0');
      await form.settled();
      expect(form.$<HTMLInputElement>('#ddd-bijbaanOmschrijving')!.value).to.equal('Vakkenvuller, 6 uur per week');
    });

    it('adds and removes repeatable entries', async () => {
      const { form } = await openNoor('ervaring');
      form.typeInto(form.$<HTMLInputElement>('#ddd-ervaring-0-organisatie')!, 'Bakkerij Bol');
      await form.settled();
      form.button('Ervaring toevoegen')!.click();
      await form.until(() => form.$('#ddd-ervaring-1-soort'), 'second entry');
      await form.until(() => form.focused?.id === 'ddd-ervaring-1-soort-0', 'focus in new entry');
      form.typeInto(form.$<HTMLInputElement>('#ddd-ervaring-1-organisatie')!, 'Garage Wit');
      await form.settled();
      expect(form.$$('.ddd-repeat__entry')).to.have.length(2);
      form.button(/Verwijderen Ervaring 1/)!.click();
      await form.settled();
      expect(form.$$('.ddd-repeat__entry')).to.have.length(1);
      expect(form.$<HTMLInputElement>('#ddd-ervaring-0-organisatie')!.value).to.equal('Garage Wit');
    });

    it('chooses instelling, opleiding and then locatie from the catalogue', async () => {
      const { form, api } = await openNoor('vervolgkeuze');
      expect(form.text).to.contain('Meld je vóór 1 april aan');
      const school = form.$<HTMLInputElement>('#ddd-instelling')!;
      form.typeInto(school, 'Albeda');
      await form.until(() => form.$('#ddd-instelling-option-0'), 'institution options');
      form.$('#ddd-instelling-option-0')!.click();
      await form.until(() => form.$('#ddd-opleiding'), 'programme asked');
      form.typeInto(form.$<HTMLInputElement>('#ddd-opleiding')!, '');
      await form.until(() => form.$('#ddd-opleiding-option-0'), 'programme options');
      expect(form.$('#ddd-opleiding-option-0')!.textContent).to.match(/niveau \d · B[OB]L · crebo \d+/);
      form.$('#ddd-opleiding-option-0')!.click();
      await form.until(() => form.$('#ddd-locatie option[value]:not([value=""])'), 'locations');
      expect(api.callsOf('locations')[0]!.args).to.deep.equal(['00GT']);
      form.select('#ddd-locatie', 1);
      await form.settled();
      await form.until(() => form.$('.choice-summary'), 'summary');
      expect(form.$('.choice-summary')!.textContent).to.contain('Albeda');
      expect(form.$('#ddd-bevestigd')).to.exist;
      await expect(form.element).to.be.accessible();
      await form.whenSaved();
      const saved = (await api.getDossier('dossier-noor')).answers['vervolgkeuze']!;
      expect(saved['instelling']).to.deep.equal({ id: '00GT', label: 'Albeda', detail: { brin: '00GT' } });
      expect((saved['opleiding'] as { detail: Record<string, unknown> }).detail).to.have.keys('crebo', 'niveau', 'leerweg', 'cohort');

      // Another instelling clears locatie and opleiding.
      form.typeInto(school, 'Mondriaan');
      await form.until(() => form.$('#ddd-instelling-option-0')?.textContent?.includes('Mondriaan'), 'other institutions');
      form.$('#ddd-instelling-option-0')!.click();
      await form.settled();
      expect(form.$<HTMLInputElement>('#ddd-opleiding')!.value, 'opleiding emptied').to.equal('');
      expect(form.$('#ddd-locatie'), 'no locatie without an opleiding').to.equal(null);
      expect(form.$('.choice-summary')).to.equal(null);
      await form.whenSaved();
      const after = (await api.getDossier('dossier-noor')).answers['vervolgkeuze']!;
      expect((after['instelling'] as { label: string }).label).to.contain('Mondriaan');
      expect([after['locatie'] ?? null, after['opleiding'] ?? null], 'locatie and opleiding cleared').to.deep.equal([null, null]);
    });

    it('completes a section with the keyboard only', async () => {
      const { form, api } = await openNoor('voorbereiding');
      expect(form.focused?.id).to.equal('form-heading');
      for (const group of ['openDag', 'meeloopdag', 'gesprekDecaan', 'beroepentest']) {
        await sendKeys({ press: 'Tab' });
        expect(form.focused?.id, group).to.equal(`ddd-${group}-0`);
        await sendKeys({ press: 'Space' });
      }
      await sendKeys({ press: 'Tab' });
      expect(form.focused?.id).to.equal('ddd-toelichting');
      await sendKeys({ type: 'Ik heb veel gelezen.' });
      for (let i = 0; i < 6 && form.focused?.textContent?.trim() !== 'Volgende'; i++) await sendKeys({ press: 'Tab' });
      expect(form.focused?.textContent?.trim()).to.equal('Volgende');
      await sendKeys({ press: 'Space' });
      await form.until(() => form.currentSection === 'motivatie', 'next section');
      expect(form.$$('.task')[7]!.textContent).to.contain('Klaar');
      await form.whenSaved();
      expect((await api.getDossier('dossier-noor')).answers['voorbereiding']?.['toelichting']).to.equal('Ik heb veel gelezen.');
    });
  });

  describe('autosave', () => {
    it('saves once, only the changed section and questions, after the last quick change', async () => {
      const { form, api } = await openNoor('motivatie', { delay: 150 });
      const waarom = form.$<HTMLTextAreaElement>('#ddd-waarom')!;
      for (const part of ['Ik', 'Ik wil', 'Ik wil koken', 'Ik wil koken voor gasten']) {
        form.typeInto(waarom, part);
        await aTimeout(20);
      }
      await form.settled();
      expect(form.$('.save-status')!.textContent).to.contain('Niet opgeslagen wijzigingen');
      const saved = oneEvent(form.element, 'ddd-saved');
      const published = oneEvent(window, 'ddd-dossier-changed');
      await saved;
      await published;
      await form.whenSaved();
      const calls = api.callsOf('saveSection');
      expect(calls).to.have.length(1);
      const before = (await api.getDossier('dossier-noor')).version - 1;
      expect(calls[0]!.args).to.deep.equal(['dossier-noor', 'motivatie', { waarom: 'Ik wil koken voor gasten' }, before]);
      expect(form.$('.save-status')!.textContent).to.contain('Alles opgeslagen');
    });

    it('keeps what was typed when saving fails, and saves on "Opnieuw proberen"', async () => {
      const { form, api } = await openNoor('motivatie');
      // A server error (a network error means offline: see no-loss.test.ts).
      api.failNext('saveSection', new DossierApiError({ kind: 'server', status: 500, message: 'boom (test)', write: true }));
      form.typeInto(form.$<HTMLTextAreaElement>('#ddd-waarom')!, 'Omdat ik graag met auto’s werk.');
      await form.whenSaveState('error', 'failed');
      await form.settled();
      expect(form.text).to.contain('Opslaan is niet gelukt').and.to.contain('Er ging iets mis bij de server');
      expect(form.$<HTMLTextAreaElement>('#ddd-waarom')!.value).to.equal('Omdat ik graag met auto’s werk.');
      await expect(form.element).to.be.accessible();
      form.button('Opnieuw proberen')!.click();
      await form.whenSaved();
      expect((await api.getDossier('dossier-noor')).answers['motivatie']!['waarom']).to.equal('Omdat ik graag met auto’s werk.');
    });

    it('stays open when "Opslaan en sluiten" cannot save', async () => {
      const { form, api } = await openNoor('motivatie', { delay: 5000 });
      api.failNext('saveSection');
      form.typeInto(form.$<HTMLTextAreaElement>('#ddd-waarom')!, 'Een tekst die niet verloren mag gaan.');
      form.button('Opslaan en sluiten')!.click();
      await form.until(() => form.text.includes('Daarom blijft het dossier open'), 'stays open');
      expect(form.$<HTMLTextAreaElement>('#ddd-waarom')!.value).to.equal('Een tekst die niet verloren mag gaan.');
    });

    it('reloads on a conflict, tells the user and keeps their typing', async () => {
      const { form, api } = await openNoor('motivatie');
      const current = await api.getDossier('dossier-noor');
      await api.saveSection('dossier-noor', 'motivatie', { later: 'Kok' }, current.version); // another tab
      form.typeInto(form.$<HTMLTextAreaElement>('#ddd-waarom')!, 'Ik kook elke dag voor mijn familie.');
      await form.until(() => form.text.includes('ondertussen ergens anders aangepast'), 'conflict notice');
      await form.whenSaved();
      const saved = (await api.getDossier('dossier-noor')).answers['motivatie']!;
      expect(saved).to.include({ later: 'Kok', waarom: 'Ik kook elke dag voor mijn familie.' });
      await form.settled();
      expect(form.$<HTMLInputElement>('#ddd-later')!.value).to.equal('Kok');
      expect(form.$<HTMLTextAreaElement>('#ddd-waarom')!.value).to.equal('Ik kook elke dag voor mijn familie.');
    });
  });

  describe('check your answers and sending', () => {
    it('"Wijzig" opens the question and returns to the check page after the change', async () => {
      const { form } = await openNoor();
      form.button('Controleren en versturen')!.click();
      await form.until(() => form.currentSection === 'check', 'check page');
      expect(form.text).to.contain('Controleer je antwoorden').and.to.contain('Noor Yasmina');
      await expect(form.element).to.be.accessible();
      form.link('Wijzig Roepnaam')!.click();
      await form.until(() => form.focused?.id === 'ddd-roepnaam', 'field focused');
      form.typeInto(form.$<HTMLInputElement>('#ddd-roepnaam')!, 'Noortje');
      await form.settled();
      await form.next(); // "Terug naar controleren"
      await form.until(() => form.currentSection === 'check', 'back on check page');
      expect(form.checkAnswer('Roepnaam')).to.equal('Noortje');
      expect(form.checkAnswers['A1 Persoonlijke gegevens']?.['Roepnaam']).to.equal('Noortje');
    });

    it('explains why sending is not possible yet', async () => {
      const { form } = await openNoor();
      await form.openCheckPage();
      expect(form.text).to.contain('Deel A is nog niet helemaal ingevuld. Maak eerst alle onderdelen af.');
      expect(form.button('Opsturen naar mentor')).to.equal(undefined);
    });

    it('sends deel A to a mentor from the roster', async () => {
      const { api } = signIn('student-noor');
      await completeDeelA(api, 'dossier-noor');
      const { form } = await openNoor(undefined, { api });
      await form.until(() => form.$('#ddd-mentor'), 'roster');
      expect(api.callsOf('mentors')[0]!.args).to.deep.equal(['school-de-brug']);
      // Noor is in 3A: the roster offers the mentor of her klas, not every mentor of the school.
      expect(form.$$('#ddd-mentor input[type="radio"]').map((r) => r.id)).to.deep.equal(['ddd-mentor-0']);
      await expect(form.element).to.be.accessible();
      form.button('Opsturen naar mentor')!.click();
      await form.settled();
      expect(form.text).to.contain('Kies eerst je mentor.');
      expect(api.callsOf('act')).to.have.length(0);

      form.choose('ddd-mentor-0');
      const acted = oneEvent(form.element, 'ddd-action');
      form.button('Opsturen naar mentor')!.click();
      const { detail } = await acted;
      expect(detail.action).to.equal('submitToMentor');
      expect(detail.dossier.status).to.equal('bijMentor');
      expect(api.callsOf('act')[0]!.args[2]).to.deep.equal({ mentorId: 'mentor-de-vries' });
      await form.settled();
      expect(form.text).to.contain('Je dossier is naar Mevrouw E. de Vries gestuurd').and.to.contain('Je dossier ligt bij je mentor');
      expect(form.$$('input, textarea, select')).to.have.length(0);
      await expect(form.element).to.be.accessible();
    });

    it('says the dossier is back with the student after it came back from the mentor, and not before', async () => {
      const { api } = signIn('student-noor');
      await completeDeelA(api, 'dossier-noor');
      const before = await openNoor(undefined, { api });
      expect(before.form.text).not.to.contain('Je dossier staat weer bij jou');
      before.form.element.remove();

      const sent = await api.act('dossier-noor', 'submitToMentor', { mentorId: 'mentor-de-vries' });
      await api.act('dossier-noor', 'returnToDeelA', {}, sent.version);
      const { form } = await openNoor(undefined, { api });
      expect(form.text).to.contain('Je dossier staat weer bij jou. Pas aan wat nodig is. Stuur het daarna opnieuw naar Mevrouw E. de Vries.');
      expect(form.$('#ddd-mentor-0'), 'the form offers sending again').not.to.equal(null);
    });

    it('asks for a free mentor name and e-mail without a roster', async () => {
      const { api } = signIn('student-noor', { mentorRoster: false });
      await completeDeelA(api, 'dossier-noor');
      const { form } = await openNoor(undefined, { api });
      await form.until(() => form.$('#ddd-mentorNaam'), 'free mentor fields');
      form.typeInto(form.$<HTMLInputElement>('#ddd-mentorNaam')!, 'Mevrouw Jansen');
      form.typeInto(form.$<HTMLInputElement>('#ddd-mentorEmail')!, 'geen-email');
      form.button('Opsturen naar mentor')!.click();
      await form.settled();
      expect(form.$('.submit [role="alert"]')!.textContent).to.match(/e-mail/i);
      form.typeInto(form.$<HTMLInputElement>('#ddd-mentorEmail')!, 'jansen@school.example');
      await form.settled();
      // The refusal was about what was typed before: correcting it takes the old message away.
      expect(form.$('.submit [role="alert"]'), 'no refusal about the corrected e-mail address').to.equal(null);
      const acted = oneEvent(form.element, 'ddd-action');
      form.button('Opsturen naar mentor')!.click();
      expect((await acted).detail.dossier.mentor).to.deep.include({ naam: 'Mevrouw Jansen', email: 'jansen@school.example' });
    });

    it('keeps keyboard focus on the button while sending, and sends once however often it is pressed', async () => {
      const { api } = signIn('student-noor');
      await completeDeelA(api, 'dossier-noor');
      const { form } = await openNoor(undefined, { api });
      await form.until(() => form.$('#ddd-mentor'), 'roster');
      form.choose('ddd-mentor-0');
      const release = api.hold('act');
      api.failNext('act');
      const send = form.button('Opsturen naar mentor')!;
      send.focus();
      await sendKeys({ press: 'Enter' });
      await form.until(() => send.textContent!.includes('Versturen'), 'busy label');
      expect(send.getAttribute('aria-disabled')).to.equal('true');
      expect(form.focused, 'focus stays on the button while busy').to.equal(send);
      await sendKeys({ press: 'Enter' });
      release();
      await form.until(() => form.$('.submit [role="alert"]'), 'the failure');
      expect(api.callsOf('act'), 'a press while busy sends nothing').to.have.length(1);
      expect(form.focused, 'focus is still on the button after the failure').to.equal(form.button('Opsturen naar mentor'));
    });

    it('gives focus back to the type choice when creating a dossier fails, and creates once', async () => {
      const { api } = signIn('student-milan');
      const form = await mount(api);
      await form.until(() => form.$('#ddd-new-type-werk-mbo'), 'the new dossier form');
      const release = api.hold('createDossier');
      api.failNext('createDossier');
      const radio = form.$<HTMLInputElement>('#ddd-new-type-werk-mbo')!;
      radio.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Enter' });
      await form.until(() => radio.disabled, 'busy');
      form.button('Dossier maken…')!.click();
      release();
      await form.until(() => form.$('.new-dossier [role="alert"]'), 'the failure');
      await form.until(() => form.focused === radio, 'focus back on the chosen type');
      expect(api.callsOf('createDossier'), 'one request for two presses').to.have.length(1);
    });

    it('goes to the agreement for a werk-mbo dossier', async () => {
      const { api } = signIn('student-milan');
      const created = await api.createDossier({ type: 'werk-mbo' });
      await completeDeelA(api, created.id);
      const form = await mount(api, { dossierId: created.id });
      await form.until(() => form.button('Naar de akkoordverklaring'), 'consent button');
      const acted = oneEvent(form.element, 'ddd-action');
      form.button('Naar de akkoordverklaring')!.click();
      const { detail } = await acted;
      expect(detail).to.deep.include({ action: 'submitForConsent' });
      expect(detail.dossier.status).to.equal('akkoord');
    });

    it('shows a dossier that is no longer in concept read-only with its status explained', async () => {
      const { api } = signIn('student-yara');
      const form = await mount(api);
      await form.until(() => form.button(/Openen/), 'list');
      form.button(/Openen/)!.click();
      await form.until(() => form.$('.check'), 'read-only view');
      expect(form.text).to.contain('Je kunt deel A nu niet aanpassen').and.to.contain('Je dossier is afgerond');
      expect(form.text).to.contain('Kan nog niet');
      expect(form.$$('input, textarea, select')).to.have.length(0);
      expect(form.link(/Wijzig/)).to.equal(undefined);
      await expect(form.element).to.be.accessible();
    });
  });

  it('works at 320 px: the task list folds away and nothing overflows', async () => {
    const { form } = await openNoor('persoonlijk');
    form.element.style.width = '320px';
    form.element.style.display = 'block';
    await form.settled();
    const toggle = form.button('Onderdelen tonen')!;
    expect(getComputedStyle(toggle).display).not.to.equal('none');
    expect(getComputedStyle(form.$('.tasks__list')!).display).to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await form.settled();
    expect(getComputedStyle(form.$('.tasks__list')!).display).to.equal('block');
    const base = form.$('.form')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    form.element.style.width = '900px';
    await form.settled();
    expect(getComputedStyle(form.button(/Onderdelen (tonen|verbergen)/)!).display).to.equal('none');
  });

  it('switches to English', async () => {
    const { form } = await openNoor('motivatie');
    form.element.setAttribute('lang', 'en');
    await form.until(() => form.text.includes('Why does this programme suit you?'), 'english');
    expect(form.text).to.contain('Sections').and.to.contain('Previous').and.to.contain('Save and close');
    await expect(form.element).to.be.accessible();
  });
});
