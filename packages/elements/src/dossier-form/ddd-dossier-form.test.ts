import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './ddd-dossier-form.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';
import { DossierApiError } from '@doorstroom/sdk';
import { completeDeelA, signIn, type InstrumentedApi } from './test/instrument.js';

const root = (el: DddDossierForm) => el.shadowRoot!;
const text = (el: DddDossierForm) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';
const $ = <T extends Element = HTMLElement>(el: DddDossierForm, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: DddDossierForm, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const named = <T extends HTMLElement = HTMLButtonElement>(el: DddDossierForm, selector: string, name: string | RegExp) =>
  $$<T>(el, selector).find((b) => {
    const label = b.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return typeof name === 'string' ? label === name : name.test(label);
  });
const button = (el: DddDossierForm, name: string | RegExp) => named(el, 'button', name);
const until = (predicate: () => unknown, message = 'condition') => waitUntil(predicate, message, { timeout: 4000 });
const active = (el: DddDossierForm) => root(el).activeElement as HTMLElement | null;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function choose(el: DddDossierForm, id: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.click();
}

const mounted: DddDossierForm[] = [];

async function mount(api: InstrumentedApi, attrs: { dossierId?: string; delay?: number; lang?: string } = {}): Promise<DddDossierForm> {
  const el = await fixture<DddDossierForm>(html`<ddd-dossier-form lang=${attrs.lang ?? 'nl'} autosave-delay=${attrs.delay ?? 40} dossier-id=${attrs.dossierId ?? ''} .api=${api}></ddd-dossier-form>`);
  mounted.push(el);
  return el;
}

/** Noor's concept dossier (vo-mbo, A1–A4 partly filled), opened at `sectionId`. */
async function openNoor(sectionId?: string, options: { delay?: number; api?: InstrumentedApi } = {}) {
  const api = options.api ?? signIn('student-noor').api;
  const el = await mount(api, { dossierId: 'dossier-noor', delay: options.delay ?? 40 });
  await until(() => $(el, '.tasks'), 'dossier loaded');
  if (sectionId) await openSection(el, sectionId);
  return { el, api };
}

async function openSection(el: DddDossierForm, sectionId: string) {
  const index = el.sections().findIndex((s) => s.id === sectionId);
  $$<HTMLButtonElement>(el, '.task__button')[index]!.click();
  await until(() => el.step.kind === 'section' && el.step.sectionId === sectionId, `section ${sectionId}`);
  await el.updateComplete;
}

const savedSettled = (el: DddDossierForm) => until(() => el.autosave.state === 'saved' && !el.autosave.hasPending, 'saved');

describe('ddd-dossier-form', function () {
  // Axe runs over a large form in several tests.
  this.timeout(20000);
  // Every test has its own backend, but dossierBus is page-wide: a save flushed while the
  // fixture is removed would reach the next test's element showing the same dossier id.
  afterEach(() => {
    for (const el of mounted.splice(0)) el.autosave.clear();
  });

  describe('setup and list', () => {
    it('says what is missing without any configuration', async () => {
      const el = await fixture<DddDossierForm>(html`<ddd-dossier-form></ddd-dossier-form>`);
      expect(text(el)).to.contain('niet ingesteld').and.to.contain('api-base');
      await expect(el).to.be.accessible();
    });

    it('lists the dossiers of the student with their status', async () => {
      const { api } = signIn('student-noor');
      const el = await mount(api);
      expect($(el, '[role="status"]')!.textContent).to.match(/laden/);
      await until(() => text(el).includes('Deel A:'), 'list');
      expect(text(el)).to.contain('Mijn dossiers').and.to.contain('Status: Deel A invullen').and.to.contain('Nieuw dossier');
      await expect(el).to.be.accessible();
    });

    it('shows an error with retry when the list cannot load', async () => {
      const { api } = signIn('student-noor');
      api.failNext('listDossiers');
      const el = await mount(api);
      await until(() => text(el).includes('We konden je dossiers niet laden'), 'error');
      await expect(el).to.be.accessible();
      button(el, 'Opnieuw proberen')!.click();
      await until(() => text(el).includes('Deel A:'), 'list after retry');
    });

    it('creates a new dossier of the chosen type and opens it', async () => {
      const { api } = signIn('student-milan');
      const el = await mount(api);
      await until(() => text(el).includes('Je hebt nog geen dossier'), 'empty list');
      expect(text(el)).to.contain('Je zit al op het mbo en wilt naar een andere mbo-opleiding.');
      await expect(el).to.be.accessible();

      button(el, 'Dossier maken')!.click();
      await el.updateComplete;
      expect(text(el)).to.contain('Kies welke situatie bij jou past.');
      expect(api.callsOf('createDossier')).to.have.length(0);

      choose(el, 'ddd-new-type-werk-mbo');
      const created = oneEvent(el, 'ddd-dossier-created');
      button(el, 'Dossier maken')!.click();
      const event = await created;
      expect(api.callsOf('createDossier')[0]!.args).to.deep.equal([{ type: 'werk-mbo' }]);
      expect(event.detail.dossier.type).to.equal('werk-mbo');
      await until(() => $(el, '.section'), 'opened');
      expect($(el, '#form-heading')!.textContent).to.contain('A1 Persoonlijke gegevens');
      await expect(el).to.be.accessible();
    });

    it('"Opslaan en sluiten" saves and returns to the list', async () => {
      const { el, api } = await openNoor('motivatie', { delay: 5000 });
      typeInto($<HTMLTextAreaElement>(el, '#ddd-waarom')!, 'Ik wil graag met kinderen werken.');
      await el.updateComplete;
      button(el, 'Opslaan en sluiten')!.click();
      await until(() => text(el).includes('Mijn dossiers'), 'list');
      expect(api.callsOf('saveSection')).to.have.length(1);
      const saved = await api.getDossier('dossier-noor');
      expect(saved.answers['motivatie']?.['waarom']).to.equal('Ik wil graag met kinderen werken.');
    });
  });

  describe('sections', () => {
    it('shows the task list with statuses and moves focus to the section heading', async () => {
      const { el } = await openNoor();
      expect(text(el)).to.contain('Nog niet begonnen').and.to.contain('Klaar').and.to.contain('Controleren en versturen');
      await openSection(el, 'herkomst');
      expect(active(el)?.id).to.equal('form-heading');
      expect(active(el)?.textContent).to.contain('A3 School van herkomst');
      expect($(el, '.task__button[aria-current="step"]')!.textContent).to.contain('School van herkomst');
      await expect(el).to.be.accessible();
    });

    it('puts no example values in the fields (they look like answers): the format is a hint under the label, and "(optioneel)"', async () => {
      const { el } = await openNoor('persoonlijk');
      const filled = $$<HTMLInputElement>(el, 'input, textarea').filter((field) => field.placeholder);
      expect(
        filled.map((field) => `${field.id}: ${field.placeholder}`),
        'no placeholder',
      ).to.deep.equal([]);
      expect($(el, '#ddd-postcode-help')!.textContent).to.contain('bijvoorbeeld 1234 AB');
      expect($<HTMLInputElement>(el, '#ddd-postcode')!.getAttribute('aria-describedby')).to.contain('ddd-postcode-help');
      expect(text(el)).to.contain('De naam die mensen gebruiken als ze je aanspreken.');
      const tussenvoegsel = $(el, 'label[for="ddd-tussenvoegsel"]')!;
      expect(tussenvoegsel.textContent).to.contain('(optioneel)');
      expect($(el, 'label[for="ddd-achternaam"]')!.textContent).not.to.contain('(optioneel)');
    });

    it('shows one progress figure that does not mislead: the sections done of those that must be done', async () => {
      const { el } = await openNoor('motivatie');
      const overall = () => squash($(el, '.tasks__overall')!.textContent);
      expect(overall()).to.equal('2 van 7 onderdelen klaar');
      expect($$(el, '.task__percent, .section__percent'), 'no second figure').to.have.length(0);
      typeInto($<HTMLTextAreaElement>(el, '#ddd-waarom')!, 'Ik zorg graag voor mensen en wil dat mijn werk maken.');
      await el.updateComplete;
      expect(overall()).to.equal('3 van 7 onderdelen klaar');
      const task = $$(el, '.task')[8]!;
      expect(task.textContent).to.contain('Klaar');
      // The optional sections say so, and do not count.
      expect(squash($$(el, '.task')[5]!.textContent))
        .to.contain('A6 Ondersteuning')
        .and.contain('Mag je overslaan');
    });

    it('lets a sensitive question be skipped or answered "Dat zeg ik liever niet", and says "(optioneel)" once for an optional section', async () => {
      const { el, api } = await openNoor('ondersteuning');
      expect(squash($(el, '#form-heading')!.textContent)).to.equal('A6 Ondersteuning (optioneel)');
      expect(text(el)).to.contain('Dit onderdeel mag je overslaan.');
      const legend = squash($(el, '#ddd-dyslexie legend')!.textContent);
      expect(legend, 'not repeated per question').to.equal('Heb je dyslexie?');
      const labels = $$(el, '#ddd-dyslexie label').map((l) => squash(l.textContent));
      expect(labels).to.deep.equal(['Ja', 'Nee', 'Dat zeg ik liever niet']);
      choose(el, 'ddd-dyslexie-2');
      await el.updateComplete;
      button(el, 'Volgende')!.click();
      await until(() => el.shadowRoot!.activeElement?.id === 'form-heading' && squash($(el, '#form-heading')!.textContent).startsWith('A7'), 'on to A7 without an error');
      await until(async () => (await api.getDossier('dossier-noor')).answers['ondersteuning']?.['dyslexie'] === 'zegIkLieverNiet', 'saved');
    });

    it('shows a field error only after leaving the field', async () => {
      const { el } = await openNoor('persoonlijk');
      const postcode = $<HTMLInputElement>(el, '#ddd-postcode')!;
      typeInto(postcode, '12');
      await el.updateComplete;
      expect($(el, '#ddd-postcode-error')).to.equal(null);
      postcode.blur();
      await el.updateComplete;
      expect($(el, '#ddd-postcode-error')!.textContent).to.contain('Fout:');
      expect(postcode.getAttribute('aria-invalid')).to.equal('true');
      expect(postcode.getAttribute('aria-describedby')).to.contain('ddd-postcode-error');
      await expect(el).to.be.accessible();
    });

    it('shows an error summary on Volgende that takes focus and links to the fields', async () => {
      const { el } = await openNoor('herkomst');
      expect($(el, '.ddd-error-summary')).to.equal(null);
      button(el, 'Volgende')!.click();
      await until(() => active(el)?.classList.contains('ddd-error-summary'), 'summary focused');
      expect(el.step).to.deep.equal({ kind: 'section', sectionId: 'herkomst' });
      const links = $$<HTMLAnchorElement>(el, '.ddd-error-summary a');
      expect(links.map((a) => a.textContent)).to.deep.equal([
        'Kies een antwoord bij: Profiel of sector.',
        'Kies minstens één antwoord bij: Examenvakken.',
        'Kies een antwoord bij: Verwacht je dit jaar je diploma te halen?',
      ]);
      await expect(el).to.be.accessible();
      links[1]!.click();
      expect(active(el)?.id).to.equal('ddd-examenvakken-0');
      // Never blocks: "Toch verder" goes on to the next section.
      button(el, 'Toch verder')!.click();
      await until(() => el.step.kind === 'section' && el.step.sectionId === 'competenties', 'moved on');
      expect($(el, '.ddd-error-summary')).to.equal(null);
    });

    it('keeps the answers of conditional questions that disappear and come back', async () => {
      const { el } = await openNoor('thuis');
      choose(el, 'ddd-bijbaan-0'); // Ja
      await el.updateComplete;
      typeInto($<HTMLInputElement>(el, '#ddd-bijbaanOmschrijving')!, 'Vakkenvuller, 6 uur per week');
      await el.updateComplete;
      choose(el, 'ddd-bijbaan-1'); // Nee
      await el.updateComplete;
      expect($(el, '#ddd-bijbaanOmschrijving')).to.equal(null);
      choose(el, 'ddd-bijbaan-0');
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#ddd-bijbaanOmschrijving')!.value).to.equal('Vakkenvuller, 6 uur per week');
    });

    it('adds and removes repeatable entries', async () => {
      const { el } = await openNoor('ervaring');
      typeInto($<HTMLInputElement>(el, '#ddd-ervaring-0-organisatie')!, 'Bakkerij Bol');
      await el.updateComplete;
      button(el, 'Ervaring toevoegen')!.click();
      await until(() => $(el, '#ddd-ervaring-1-soort'), 'second entry');
      await until(() => active(el)?.id === 'ddd-ervaring-1-soort-0', 'focus in new entry');
      typeInto($<HTMLInputElement>(el, '#ddd-ervaring-1-organisatie')!, 'Garage Wit');
      await el.updateComplete;
      expect($$(el, '.ddd-repeat__entry')).to.have.length(2);
      named(el, 'button', /Verwijderen Ervaring 1/)!.click();
      await el.updateComplete;
      expect($$(el, '.ddd-repeat__entry')).to.have.length(1);
      expect($<HTMLInputElement>(el, '#ddd-ervaring-0-organisatie')!.value).to.equal('Garage Wit');
    });

    it('chooses instelling, opleiding and then locatie from the catalogue', async () => {
      const { el, api } = await openNoor('vervolgkeuze');
      expect(text(el)).to.contain('Meld je vóór 1 april aan');
      const school = $<HTMLInputElement>(el, '#ddd-instelling')!;
      typeInto(school, 'Albeda');
      await until(() => $(el, '#ddd-instelling-option-0'), 'institution options');
      $(el, '#ddd-instelling-option-0')!.click();
      await until(() => $(el, '#ddd-opleiding'), 'programme asked');
      typeInto($<HTMLInputElement>(el, '#ddd-opleiding')!, '');
      await until(() => $(el, '#ddd-opleiding-option-0'), 'programme options');
      expect($(el, '#ddd-opleiding-option-0')!.textContent).to.match(/niveau \d · B[OB]L · crebo \d+/);
      $(el, '#ddd-opleiding-option-0')!.click();
      await until(() => $(el, '#ddd-locatie option[value]:not([value=""])'), 'locations');
      expect(api.callsOf('locations')[0]!.args).to.deep.equal(['00GT']);
      const select = $<HTMLSelectElement>(el, '#ddd-locatie')!;
      select.value = select.options[1]!.value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await until(() => $(el, '.choice-summary'), 'summary');
      expect($(el, '.choice-summary')!.textContent).to.contain('Albeda');
      expect($(el, '#ddd-bevestigd')).to.exist;
      await expect(el).to.be.accessible();
      await savedSettled(el);
      const saved = (await api.getDossier('dossier-noor')).answers['vervolgkeuze']!;
      expect(saved['instelling']).to.deep.equal({ id: '00GT', label: 'Albeda', detail: { brin: '00GT' } });
      expect((saved['opleiding'] as { detail: Record<string, unknown> }).detail).to.have.keys('crebo', 'niveau', 'leerweg', 'cohort');

      // Another instelling clears locatie and opleiding.
      typeInto(school, 'Mondriaan');
      await until(() => $(el, '#ddd-instelling-option-0')?.textContent?.includes('Mondriaan'), 'other institutions');
      $(el, '#ddd-instelling-option-0')!.click();
      await el.updateComplete;
      expect(el.drafts['vervolgkeuze']!['locatie']).to.equal(null);
      expect(el.drafts['vervolgkeuze']!['opleiding']).to.equal(null);
      expect($(el, '.choice-summary')).to.equal(null);
    });

    it('completes a section with the keyboard only', async () => {
      const { el } = await openNoor('voorbereiding');
      expect(active(el)?.id).to.equal('form-heading');
      for (const group of ['openDag', 'meeloopdag', 'gesprekDecaan', 'beroepentest']) {
        await sendKeys({ press: 'Tab' });
        expect(active(el)?.id, group).to.equal(`ddd-${group}-0`);
        await sendKeys({ press: 'Space' });
      }
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('ddd-toelichting');
      await sendKeys({ type: 'Ik heb veel gelezen.' });
      for (let i = 0; i < 6 && active(el)?.textContent?.trim() !== 'Volgende'; i++) await sendKeys({ press: 'Tab' });
      expect(active(el)?.textContent?.trim()).to.equal('Volgende');
      await sendKeys({ press: 'Space' });
      await until(() => el.step.kind === 'section' && el.step.sectionId === 'motivatie', 'next section');
      expect($$(el, '.task')[7]!.textContent).to.contain('Klaar');
      expect(el.drafts['voorbereiding']!['toelichting']).to.equal('Ik heb veel gelezen.');
    });
  });

  describe('autosave', () => {
    it('saves once, only the changed section and questions, after the last quick change', async () => {
      const { el, api } = await openNoor('motivatie', { delay: 150 });
      const waarom = $<HTMLTextAreaElement>(el, '#ddd-waarom')!;
      for (const part of ['Ik', 'Ik wil', 'Ik wil koken', 'Ik wil koken voor gasten']) {
        typeInto(waarom, part);
        await aTimeout(20);
      }
      await el.updateComplete;
      expect($(el, '.save-status')!.textContent).to.contain('Niet opgeslagen wijzigingen');
      const saved = oneEvent(el, 'ddd-saved');
      const published = oneEvent(window, 'ddd-dossier-changed');
      await saved;
      await published;
      await savedSettled(el);
      const calls = api.callsOf('saveSection');
      expect(calls).to.have.length(1);
      const before = (await api.getDossier('dossier-noor')).version - 1;
      expect(calls[0]!.args).to.deep.equal(['dossier-noor', 'motivatie', { waarom: 'Ik wil koken voor gasten' }, before]);
      expect($(el, '.save-status')!.textContent).to.contain('Alles opgeslagen');
    });

    it('keeps what was typed when saving fails, and saves on "Opnieuw proberen"', async () => {
      const { el, api } = await openNoor('motivatie');
      // A server error (a network error means offline: see no-loss.test.ts).
      api.failNext('saveSection', new DossierApiError({ kind: 'server', status: 500, message: 'boom (test)', write: true }));
      typeInto($<HTMLTextAreaElement>(el, '#ddd-waarom')!, 'Omdat ik graag met auto’s werk.');
      await until(() => el.autosave.state === 'error', 'failed');
      await el.updateComplete;
      expect(text(el)).to.contain('Opslaan is niet gelukt').and.to.contain('Er ging iets mis bij de server');
      expect($<HTMLTextAreaElement>(el, '#ddd-waarom')!.value).to.equal('Omdat ik graag met auto’s werk.');
      await expect(el).to.be.accessible();
      button(el, 'Opnieuw proberen')!.click();
      await savedSettled(el);
      expect((await api.getDossier('dossier-noor')).answers['motivatie']!['waarom']).to.equal('Omdat ik graag met auto’s werk.');
    });

    it('stays open when "Opslaan en sluiten" cannot save', async () => {
      const { el, api } = await openNoor('motivatie', { delay: 5000 });
      api.failNext('saveSection');
      typeInto($<HTMLTextAreaElement>(el, '#ddd-waarom')!, 'Een tekst die niet verloren mag gaan.');
      button(el, 'Opslaan en sluiten')!.click();
      await until(() => text(el).includes('Daarom blijft het dossier open'), 'stays open');
      expect($<HTMLTextAreaElement>(el, '#ddd-waarom')!.value).to.equal('Een tekst die niet verloren mag gaan.');
    });

    it('reloads on a conflict, tells the user and keeps their typing', async () => {
      const { el, api } = await openNoor('motivatie');
      const current = await api.getDossier('dossier-noor');
      await api.saveSection('dossier-noor', 'motivatie', { later: 'Kok' }, current.version); // another tab
      typeInto($<HTMLTextAreaElement>(el, '#ddd-waarom')!, 'Ik kook elke dag voor mijn familie.');
      await until(() => text(el).includes('ondertussen ergens anders aangepast'), 'conflict notice');
      await savedSettled(el);
      const saved = (await api.getDossier('dossier-noor')).answers['motivatie']!;
      expect(saved).to.include({ later: 'Kok', waarom: 'Ik kook elke dag voor mijn familie.' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#ddd-later')!.value).to.equal('Kok');
      expect($<HTMLTextAreaElement>(el, '#ddd-waarom')!.value).to.equal('Ik kook elke dag voor mijn familie.');
    });
  });

  describe('check your answers and sending', () => {
    it('"Wijzig" opens the question and returns to the check page after the change', async () => {
      const { el } = await openNoor();
      button(el, 'Controleren en versturen')!.click();
      await until(() => el.step.kind === 'check', 'check page');
      expect(text(el)).to.contain('Controleer je antwoorden').and.to.contain('Noor Yasmina');
      await expect(el).to.be.accessible();
      named<HTMLAnchorElement>(el, 'a', 'Wijzig Roepnaam')!.click();
      await until(() => active(el)?.id === 'ddd-roepnaam', 'field focused');
      typeInto($<HTMLInputElement>(el, '#ddd-roepnaam')!, 'Noortje');
      await el.updateComplete;
      button(el, 'Terug naar controleren')!.click();
      await until(() => el.step.kind === 'check', 'back on check page');
      expect(text(el)).to.contain('Noortje');
    });

    it('explains why sending is not possible yet', async () => {
      const { el } = await openNoor();
      el.goTo({ kind: 'check' });
      await el.updateComplete;
      expect(text(el)).to.contain('Deel A is nog niet helemaal ingevuld. Maak eerst alle onderdelen af.');
      expect(button(el, 'Opsturen naar mentor')).to.equal(undefined);
    });

    it('sends deel A to a mentor from the roster', async () => {
      const { api } = signIn('student-noor');
      await completeDeelA(api, 'dossier-noor');
      const { el } = await openNoor(undefined, { api });
      await until(() => $(el, '#ddd-mentor'), 'roster');
      expect(api.callsOf('mentors')[0]!.args).to.deep.equal(['school-de-brug']);
      // Noor is in 3A: the roster offers the mentor of her klas, not every mentor of the school.
      expect($$(el, '#ddd-mentor input[type="radio"]').map((r) => r.id)).to.deep.equal(['ddd-mentor-0']);
      await expect(el).to.be.accessible();
      button(el, 'Opsturen naar mentor')!.click();
      await el.updateComplete;
      expect(text(el)).to.contain('Kies eerst je mentor.');
      expect(api.callsOf('act')).to.have.length(0);

      choose(el, 'ddd-mentor-0');
      const acted = oneEvent(el, 'ddd-action');
      button(el, 'Opsturen naar mentor')!.click();
      const { detail } = await acted;
      expect(detail.action).to.equal('submitToMentor');
      expect(detail.dossier.status).to.equal('bijMentor');
      expect(api.callsOf('act')[0]!.args[2]).to.deep.equal({ mentorId: 'mentor-de-vries' });
      await el.updateComplete;
      expect(text(el)).to.contain('Je dossier is naar Mevrouw E. de Vries gestuurd').and.to.contain('Je dossier ligt bij je mentor');
      expect($$(el, 'input, textarea, select')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('says the dossier is back with the student after it came back from the mentor, and not before', async () => {
      const { api } = signIn('student-noor');
      await completeDeelA(api, 'dossier-noor');
      const before = await openNoor(undefined, { api });
      expect(text(before.el)).not.to.contain('Je dossier staat weer bij jou');
      before.el.remove();

      const sent = await api.act('dossier-noor', 'submitToMentor', { mentorId: 'mentor-de-vries' });
      await api.act('dossier-noor', 'returnToDeelA', {}, sent.version);
      const { el } = await openNoor(undefined, { api });
      expect(text(el)).to.contain('Je dossier staat weer bij jou. Pas aan wat nodig is. Stuur het daarna opnieuw naar Mevrouw E. de Vries.');
      expect($(el, '#ddd-mentor-0'), 'the form offers sending again').not.to.equal(null);
    });

    it('asks for a free mentor name and e-mail without a roster', async () => {
      const { api } = signIn('student-noor', { mentorRoster: false });
      await completeDeelA(api, 'dossier-noor');
      const { el } = await openNoor(undefined, { api });
      await until(() => $(el, '#ddd-mentorNaam'), 'free mentor fields');
      typeInto($<HTMLInputElement>(el, '#ddd-mentorNaam')!, 'Mevrouw Jansen');
      typeInto($<HTMLInputElement>(el, '#ddd-mentorEmail')!, 'geen-email');
      button(el, 'Opsturen naar mentor')!.click();
      await el.updateComplete;
      expect($(el, '.submit [role="alert"]')!.textContent).to.match(/e-mail/i);
      typeInto($<HTMLInputElement>(el, '#ddd-mentorEmail')!, 'jansen@school.example');
      const acted = oneEvent(el, 'ddd-action');
      button(el, 'Opsturen naar mentor')!.click();
      expect((await acted).detail.dossier.mentor).to.deep.include({ naam: 'Mevrouw Jansen', email: 'jansen@school.example' });
    });

    it('keeps keyboard focus on the button while sending, and sends once however often it is pressed', async () => {
      const { api } = signIn('student-noor');
      await completeDeelA(api, 'dossier-noor');
      const { el } = await openNoor(undefined, { api });
      await until(() => $(el, '#ddd-mentor'), 'roster');
      choose(el, 'ddd-mentor-0');
      const release = api.hold('act');
      api.failNext('act');
      const send = button(el, 'Opsturen naar mentor')!;
      send.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => send.textContent!.includes('Versturen'), 'busy label');
      expect(send.getAttribute('aria-disabled')).to.equal('true');
      expect(active(el), 'focus stays on the button while busy').to.equal(send);
      await sendKeys({ press: 'Enter' });
      release();
      await until(() => $(el, '.submit [role="alert"]'), 'the failure');
      expect(api.callsOf('act'), 'a press while busy sends nothing').to.have.length(1);
      expect(active(el), 'focus is still on the button after the failure').to.equal(button(el, 'Opsturen naar mentor'));
    });

    it('gives focus back to the type choice when creating a dossier fails, and creates once', async () => {
      const { api } = signIn('student-milan');
      const el = await mount(api);
      await until(() => $(el, '#ddd-new-type-werk-mbo'), 'the new dossier form');
      const release = api.hold('createDossier');
      api.failNext('createDossier');
      const radio = $<HTMLInputElement>(el, '#ddd-new-type-werk-mbo')!;
      radio.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Enter' });
      await until(() => radio.disabled, 'busy');
      button(el, 'Dossier maken…')!.click();
      release();
      await until(() => $(el, '.new-dossier [role="alert"]'), 'the failure');
      await until(() => active(el) === radio, 'focus back on the chosen type');
      expect(api.callsOf('createDossier'), 'one request for two presses').to.have.length(1);
    });

    it('goes to the agreement for a werk-mbo dossier', async () => {
      const { api } = signIn('student-milan');
      const created = await api.createDossier({ type: 'werk-mbo' });
      await completeDeelA(api, created.id);
      const el = await mount(api, { dossierId: created.id });
      await until(() => button(el, 'Naar de akkoordverklaring'), 'consent button');
      const acted = oneEvent(el, 'ddd-action');
      button(el, 'Naar de akkoordverklaring')!.click();
      const { detail } = await acted;
      expect(detail).to.deep.include({ action: 'submitForConsent' });
      expect(detail.dossier.status).to.equal('akkoord');
    });

    it('shows a dossier that is no longer in concept read-only with its status explained', async () => {
      const { api } = signIn('student-yara');
      const el = await mount(api);
      await until(() => button(el, /Openen/), 'list');
      button(el, /Openen/)!.click();
      await until(() => $(el, '.check'), 'read-only view');
      expect(text(el)).to.contain('Je kunt deel A nu niet aanpassen').and.to.contain('Je dossier is afgerond');
      expect(text(el)).to.contain('Kan nog niet');
      expect($$(el, 'input, textarea, select')).to.have.length(0);
      expect(named(el, 'a', /Wijzig/)).to.equal(undefined);
      await expect(el).to.be.accessible();
    });
  });

  it('works at 320 px: the task list folds away and nothing overflows', async () => {
    const { el } = await openNoor('persoonlijk');
    el.style.width = '320px';
    el.style.display = 'block';
    await el.updateComplete;
    const toggle = button(el, 'Onderdelen tonen')!;
    expect(getComputedStyle(toggle).display).not.to.equal('none');
    expect(getComputedStyle($(el, '.tasks__list')!).display).to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(getComputedStyle($(el, '.tasks__list')!).display).to.equal('block');
    const base = $(el, '.form')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    el.style.width = '900px';
    await el.updateComplete;
    expect(getComputedStyle(button(el, /Onderdelen (tonen|verbergen)/)!).display).to.equal('none');
  });

  it('switches to English', async () => {
    const { el } = await openNoor('motivatie');
    el.setAttribute('lang', 'en');
    await until(() => text(el).includes('Why does this programme suit you?'), 'english');
    expect(text(el)).to.contain('Sections').and.to.contain('Previous').and.to.contain('Save and close');
    await expect(el).to.be.accessible();
  });
});
