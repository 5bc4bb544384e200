import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { consentRecord, createMemoryBackend, exampleData, type MemoryBackend } from '@doorstroom/sdk';
import '../context/ddd-context.js';
import './ddd-consent.js';
import type { DddConsent } from './ddd-consent.component.js';

// Example people (sdk/src/example/people.ts): Daan is 19 (werk-mbo, akkoord), Emma 16 (vo-mbo,
// akkoord, guardian Jeroen Bakker), Sam's dossier is afgerond and went to ROC Midden Nederland.
let backend: MemoryBackend;
beforeEach(() => {
  backend = createMemoryBackend(exampleData());
});

const root = (el: DddConsent) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: DddConsent, selector: string) => root(el).querySelector<T>(selector);
const text = (el: DddConsent) => root(el).textContent!.replace(/\s+/g, ' ');
const click = async (el: DddConsent, selector: string) => {
  const target = $(el, selector);
  if (!target) throw new Error(`Nothing matches ${selector}`);
  target.click();
  await el.updateComplete;
};

async function mount(token: string, dossierId: string, lang?: string): Promise<DddConsent> {
  const api = backend.client(token);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang ?? 'nl'}><ddd-consent .api=${api} dossier-id=${dossierId}></ddd-consent></div>`,
  );
  const el = wrapper.querySelector('ddd-consent')!;
  await waitUntil(() => $(el, '.title') !== null, 'the consent view did not render', { timeout: 5000 });
  return el;
}

/** Waits until the inzage of the person signed in has been saved and shown. */
const inzageSaved = (el: DddConsent) => waitUntil(() => /bekeken op|looked at the dossier on/.test(text(el)), 'inzage was not recorded', { timeout: 5000 });

async function agree(el: DddConsent) {
  await click(el, '#ak-akkoord-0');
  await click(el, '#ak-toestemming');
}

async function finalizeConfirmed(el: DddConsent) {
  await click(el, '#finalize');
  await waitUntil(() => $(el, '#confirm-yes') !== null, 'no confirmation step');
  const done = oneEvent(el, 'ddd-action');
  await click(el, '#confirm-yes');
  return done;
}

/** Presses Opslaan and waits until the save is done and the form is usable again. */
async function saveForm(el: DddConsent) {
  const saved = oneEvent(el, 'ddd-saved');
  await click(el, 'form[part="form"] button[type="submit"]');
  const event = await saved;
  await waitUntil(() => !$<HTMLButtonElement>(el, 'form[part="form"] button[type="submit"]')!.hasAttribute('aria-disabled'));
  return event;
}

const dossierOf = (token: string, id: string) => backend.client(token).getDossier(id);

describe('<ddd-consent>', function () {
  // axe over the whole read-only dossier takes a few seconds per check.
  this.timeout(30000);
  it('says clearly when no backend is configured', async () => {
    const el = await fixture<DddConsent>(html`<ddd-consent dossier-id="dossier-daan"></ddd-consent>`);
    expect(text(el)).to.contain('niet ingesteld');
    await expect(el).to.be.accessible();
  });

  it('lets an adult student agree, give permission and finalize after a confirmation', async () => {
    const el = await mount('student-daan', 'dossier-daan');
    await inzageSaved(el);
    expect(text(el)).to.contain('Deel A: gegevens van de leerling');
    expect(text(el)).to.contain('Distributiecentrum Nieuwegein');
    expect(text(el), 'werk-mbo has no deel B').not.to.contain('Deel B');
    expect(text(el), 'no guardian needed at 19').not.to.contain('Toestemming van je ouder');
    await expect(el).to.be.accessible();

    await agree(el);
    await click(el, '#finalize');
    await waitUntil(() => $(el, '#confirm-yes') !== null);
    expect(text(el)).to.contain('Weet je het zeker? Daarna kun je niets meer veranderen.');
    await waitUntil(() => root(el).activeElement?.id === 'confirm-title', 'focus did not move to the confirmation');
    await expect(el).to.be.accessible();

    const saved = oneEvent(el, 'ddd-saved');
    const acted = oneEvent(el, 'ddd-action');
    await click(el, '#confirm-yes');
    await saved;
    const { detail } = await acted;
    expect(detail.action).to.equal('finalize');
    expect(detail.dossier.status).to.equal('afgerond');
    await waitUntil(() => text(el).includes('Je dossier is afgerond'));
    const stored = await dossierOf('student-daan', 'dossier-daan');
    expect(stored.status).to.equal('afgerond');
    expect(stored.answers['akkoordverklaring']).to.include({ akkoord: 'ja', toestemming: true });
    expect(stored.inzage.map((i) => i.role)).to.deep.equal(['student']);
    await expect(el).to.be.accessible();
  });

  it('refuses to finalize for a minor until the guardian has read and consented', async () => {
    const student = await mount('student-emma', 'dossier-emma');
    await inzageSaved(student);
    expect(text(student)).to.contain('Deel B: inschatting van de mentor');
    expect(text(student)).to.contain('Je ouder of verzorger moet ook toestemming geven');
    expect(text(student)).to.contain('moet nog toestemming geven');
    await agree(student);
    await saveForm(student);
    expect(text(student)).to.contain('Opgeslagen.');
    await click(student, '#finalize');
    expect($(student, '#confirm-yes'), 'no confirmation while refused').to.equal(null);
    expect($(student, '[role="alert"]')!.textContent).to.contain('Je ouder of verzorger moet je dossier eerst bekijken');
    await expect(student).to.be.accessible();
    student.parentElement!.remove();

    const guardian = await mount('guardian-bakker', 'dossier-emma');
    await inzageSaved(guardian);
    expect(text(guardian)).to.contain('Toestemming van ouder of verzorger');
    expect($<HTMLInputElement>(guardian, '#og-naam')!.value, 'name of the person signed in').to.equal('Jeroen Bakker');
    // Consent without the tick is not saved.
    await click(guardian, 'form[part="form"] button[type="submit"]');
    await waitUntil(() => $(guardian, '.ddd-error-summary') !== null);
    const vader = [...root(guardian).querySelectorAll<HTMLLabelElement>('#og-relatie label')].find((l) => l.textContent!.trim() === 'Vader')!;
    vader.click();
    await click(guardian, '#og-toestemming');
    await expect(guardian).to.be.accessible();
    const { detail } = await saveForm(guardian);
    expect(detail.dossier.answers['ouderToestemming']).to.include({ naam: 'Jeroen Bakker', relatie: 'vader', toestemming: true });
    await waitUntil(() => text(guardian).includes('Je hebt toestemming gegeven op'));
    guardian.parentElement!.remove();

    const again = await mount('student-emma', 'dossier-emma');
    await waitUntil(() => text(again).includes('Jeroen Bakker heeft toestemming gegeven op'));
    expect($<HTMLInputElement>(again, '#ak-toestemming')!.checked, 'saved answers come back').to.equal(true);
    const acted = await finalizeConfirmed(again);
    expect(acted.detail.dossier.status).to.equal('afgerond');
    expect((await dossierOf('student-emma', 'dossier-emma')).status).to.equal('afgerond');
  });

  it('asks for the remark on deel B when the student does not agree', async () => {
    const el = await mount('student-emma', 'dossier-emma');
    await inzageSaved(el);
    expect($(el, '#ak-redenNietAkkoord')).to.equal(null);
    await click(el, '#ak-akkoord-1');
    await click(el, '#ak-toestemming');
    expect($(el, '#ak-redenNietAkkoord'), 'remark appears for nee').not.to.equal(null);
    await click(el, '#finalize');
    expect($(el, '#confirm-yes')).to.equal(null);
    await waitUntil(() => $(el, '.ddd-error-summary') !== null);
    expect($(el, '#ak-redenNietAkkoord')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    const remark = $<HTMLTextAreaElement>(el, '#ak-redenNietAkkoord')!;
    remark.value = 'Mijn verzuim in klas 3 had een medische reden.';
    remark.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await saveForm(el);
    const record = consentRecord(await dossierOf('student-emma', 'dossier-emma'), backend.data.config);
    expect(record.akkoord).to.equal('nee');
    expect(record.redenNietAkkoord).to.equal('Mijn verzuim in klas 3 had een medische reden.');
  });

  it('explains what is always shared and ticks optioneel sections, not optIn ones, saving what is shown', async () => {
    const el = await mount('student-emma', 'dossier-emma');
    await inzageSaved(el);
    const sharing = $(el, '[part="sharing"]')!.textContent!.replace(/\s+/g, ' ');
    expect(sharing).to.contain('Gaat altijd mee');
    expect(sharing).to.contain('Vervolgkeuze');
    expect(sharing).to.match(/Persoonlijke gegevens: .*geboortedatum/);
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('#ak-delen input[type="checkbox"]')];
    const label = (box: HTMLInputElement) => root(el).querySelector(`label[for="${box.id}"]`)!.textContent!.trim();
    const ticked = Object.fromEntries(boxes.map((b) => [label(b), b.checked]));
    expect(ticked['Familie, wonen en vrije tijd'], 'optioneel').to.equal(true);
    expect(ticked['Ondersteuning'], 'optIn').to.equal(false);
    expect($(el, '#ak-delen')!.textContent).to.contain('Gaat alleen mee als jij het aanvinkt.');

    boxes.find((b) => label(b) === 'Familie, wonen en vrije tijd')!.click();
    await el.updateComplete;
    await saveForm(el);
    const stored = await dossierOf('student-emma', 'dossier-emma');
    const delen = stored.answers['akkoordverklaring']?.['delen'] as string[];
    expect(delen).not.to.include('thuis');
    expect(delen).to.include('competenties');
    expect(delen).not.to.include('ondersteuning');
    const record = consentRecord(stored, backend.data.config);
    expect(record.sharing['thuis']).to.equal(false);
    expect(record.sharing['herkomst']).to.equal(true);
    expect(record.sharing['ondersteuning']).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('goes back to deel A after confirming', async () => {
    const el = await mount('student-emma', 'dossier-emma');
    await inzageSaved(el);
    expect(text(el)).to.contain('Je mentor moet deel B daarna opnieuw bekijken');
    await click(el, '#backToDeelA');
    await waitUntil(() => $(el, '#confirm-yes') !== null);
    const acted = oneEvent(el, 'ddd-action');
    await click(el, '#confirm-yes');
    const { detail } = await acted;
    expect(detail.action).to.equal('backToDeelA');
    expect(detail.dossier.status).to.equal('concept');
    await waitUntil(() => text(el).includes('Je dossier staat weer bij deel A'));
    expect($(el, '#finalize')).to.equal(null);
    expect((await dossierOf('student-emma', 'dossier-emma')).status).to.equal('concept');
    await expect(el).to.be.accessible();
  });

  it('cancels the confirmation step with Annuleren or Escape and returns focus', async () => {
    const el = await mount('student-daan', 'dossier-daan');
    await inzageSaved(el);
    await agree(el);
    await click(el, '#finalize');
    await waitUntil(() => $(el, '#confirm-no') !== null);
    await click(el, '#confirm-no');
    expect($(el, '[part="confirm"]')).to.equal(null);
    await waitUntil(() => root(el).activeElement?.id === 'finalize', 'focus did not return to Afronden');

    await click(el, '#finalize');
    await waitUntil(() => root(el).activeElement?.id === 'confirm-title');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => $(el, '[part="confirm"]') === null, 'Escape did not close the confirmation');
    expect((await dossierOf('student-daan', 'dossier-daan')).status).to.equal('akkoord');
  });

  it('shows an afgerond dossier read-only with a print button, also to the MBO', async () => {
    const el = await mount('student-sam', 'dossier-sam');
    expect(text(el)).to.contain('Je dossier is afgerond');
    expect(root(el).querySelectorAll('input, textarea, form').length).to.equal(0);
    expect($(el, '#finalize')).to.equal(null);
    expect($(el, '[part="summary"]')!.textContent).to.contain('Toestemming ouder of verzorger');
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      const button = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Afdrukken')!;
      button.click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
    await expect(el).to.be.accessible();

    const mbo = await mount('mbo-roc-midden-nederland', 'dossier-sam');
    expect(text(mbo)).to.contain('Deel A: gegevens van de leerling');
    expect(root(mbo).querySelectorAll('input, textarea').length).to.equal(0);
  });

  it('takes its backend from <ddd-context>', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<ddd-context .api=${backend.client('student-daan')}><ddd-consent dossier-id="dossier-daan"></ddd-consent></ddd-context>`,
    );
    const el = wrapper.querySelector('ddd-consent')!;
    await waitUntil(() => $(el, '.title') !== null, 'no view through the context', { timeout: 5000 });
    await inzageSaved(el);
    expect($(el, '.title')!.textContent).to.equal('Akkoordverklaring');
  });

  it('shows an error with a retry button when the dossier does not exist', async () => {
    const api = backend.client('student-daan');
    const errors: string[] = [];
    const listen = (event: Event) => errors.push((event as CustomEvent<{ message: string }>).detail.message);
    document.addEventListener('ddd-error', listen);
    const el = await fixture<DddConsent>(html`<ddd-consent .api=${api} dossier-id="dossier-bestaat-niet"></ddd-consent>`);
    await waitUntil(() => $(el, '[role="alert"]') !== null, 'no error shown', { timeout: 5000 });
    document.removeEventListener('ddd-error', listen);
    expect(errors).to.have.length(1);
    expect($(el, '[role="alert"]')!.textContent).to.contain(errors[0]!);
    expect($(el, '[role="alert"]')!.textContent).to.contain('Opnieuw proberen');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px wide screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await mount('student-emma', 'dossier-emma');
      await inzageSaved(el);
      await click(el, '#backToDeelA');
      const panel = $(el, '.consent')!;
      expect(panel.scrollWidth).to.be.at.most(panel.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('tells a mentor this screen is not for them', async () => {
    const el = await mount('mentor-de-vries', 'dossier-sam');
    expect(text(el)).to.contain('Dit scherm is voor de leerling en de ouder of verzorger');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount('student-daan', 'dossier-daan', 'en');
    await inzageSaved(el);
    expect($(el, '.title')!.textContent).to.equal('Declaration of agreement');
    expect(text(el)).to.contain('Do you agree with what is in your dossier?');
    expect(text(el)).to.contain('Always shared');
    await click(el, '#finalize');
    await waitUntil(() => $(el, '.ddd-error-summary') !== null);
    expect($(el, '.ddd-error-summary')!.textContent).to.contain('There is a problem');
    await expect(el).to.be.accessible();
  });
});
