import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { consentRecord, createMemoryBackend, exampleData, type MemoryBackend } from '@doorstroom/sdk';
import '../context/ddd-context.js';
import './ddd-consent.js';
import type { DddConsent } from './ddd-consent.component.js';
import { offerLanguages } from '../shared/i18n.js';
import { createMemoryDraftStore, type DraftStore } from '../shared/drafts.js';
import { ariaTree, checkboxesIn, headingsIn } from '../test/a11y-tree.js';
import { squash } from '../shared/harness.js';
import { ConsentHarness } from './harness.js';

// English as a portal offers it (`offerLanguages('en')`, or importing lang/all): a page lang="en" then counts.
offerLanguages('en');

// Example people (sdk/src/example/people.ts): Daan is 19 (werk-mbo, akkoord), Emma 16 (vo-mbo,
// akkoord, guardian Jeroen Bakker, her father, listed in her A2), Sam's dossier is afgerond and
// went to ROC Midden Nederland.
let backend: MemoryBackend;
beforeEach(() => {
  backend = createMemoryBackend(exampleData());
});

async function mount(token: string, dossierId: string, options: { lang?: string; store?: DraftStore; level?: string } = {}): Promise<ConsentHarness> {
  const api = backend.client(token);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'nl'}><ddd-consent .api=${api} .draftStore=${options.store} heading-level=${options.level ?? ''} dossier-id=${dossierId}></ddd-consent></div>`,
  );
  const el = wrapper.querySelector('ddd-consent')!;
  if (!options.level) el.removeAttribute('heading-level');
  const consent = new ConsentHarness(el);
  await waitUntil(() => consent.title !== '', 'the consent view did not render', { timeout: 5000 });
  return consent;
}

const dossierOf = (token: string, id: string) => backend.client(token).getDossier(id);

describe('<ddd-consent>', function () {
  // axe over the whole read-only dossier takes a few seconds per check.
  this.timeout(30000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('says clearly when no backend is configured', async () => {
    const el = new ConsentHarness(await fixture<DddConsent>(html`<ddd-consent dossier-id="dossier-daan"></ddd-consent>`));
    expect(el.text).to.contain('niet ingesteld');
    await expect(el.element).to.be.accessible();
  });

  it('starts every shareable part unticked, each with what is in it; what always goes is a list, not a box', async () => {
    const el = await mount('student-emma', 'dossier-emma');
    await el.whenInzageRecorded();
    const tree = await ariaTree('ddd-consent');
    const boxes = checkboxesIn(tree).filter((box) => !box.name.startsWith('Ik geef toestemming'));
    expect(boxes.map((b) => b.name)).to.include.members(['Familie, wonen en vrije tijd', 'Ondersteuning', 'Begeleiding', 'Persoonlijke gegevens']);
    expect(
      boxes.filter((b) => b.checked),
      'no share box starts ticked',
    ).to.deep.equal([]);
    expect(el.shareBoxes.every((box) => !box.checked)).to.equal(true);
    // Each part says what is in it.
    const hint = (name: string) => el.hintOf(name);
    expect(hint('Stages, werk en trainingen')).to.contain('Je stages, je werk en je trainingen.').and.contain('Aangeraden');
    expect(hint('Ondersteuning')).to.contain('dyslexie').and.contain('Deel dit alleen als jij dat wilt.');
    expect(hint('Persoonlijke gegevens'), 'the rest of A1; the legal part always goes').to.contain('Je BSN, naam en geboortedatum gaan altijd mee.');
    // What always goes: text, not a box.
    const always = el.alwaysShared;
    expect(always).to.contain('Persoonlijke gegevens: burgerservicenummer (BSN)').and.contain('geboortedatum').and.contain('Vervolgkeuze');
    expect(always, 'only the number this student has').not.to.contain('Onderwijsnummer');
    expect(el.$('[part="always"] input'), 'no box in what always goes').to.equal(null);
    expect(boxes.map((b) => b.name)).not.to.include('Vervolgkeuze');
    await expect(el.element).to.be.accessible();
  });

  it('"Alles aanvinken" ticks every part; ticking nothing is saved as nothing shared', async () => {
    const el = await mount('student-daan', 'dossier-daan');
    await el.whenInzageRecorded();
    await el.click('.select-all');
    expect(el.shareBoxes.every((box) => box.checked)).to.equal(true);
    expect(squash(el.$('.select-all')!.textContent)).to.equal('Alles uitvinken');
    await el.click('.select-all');
    expect(el.shareBoxes.some((box) => box.checked)).to.equal(false);
    await el.agree();
    await el.submit();
    const stored = await dossierOf('student-daan', 'dossier-daan');
    expect(stored.answers['akkoordverklaring']?.['delen'], 'the choice "nothing" is on record').to.deep.equal([]);
    expect(Object.values(consentRecord(stored, backend.data.config).sharing).some(Boolean)).to.equal(false);
  });

  it('"Akkoord geven" checks, saves and shows what goes where; Afronden comes only then, after a confirmation', async () => {
    const el = await mount('student-daan', 'dossier-daan');
    await el.whenInzageRecorded();
    expect(el.text).to.contain('Deel A: gegevens van de leerling');
    expect(el.text, 'werk-mbo has no deel B').not.to.contain('Deel B');
    expect(el.text, 'no guardian needed at 19').not.to.contain('Je vader');
    expect(el.$('#finalize'), 'no Afronden before the akkoord is given').to.equal(null);
    expect(el.button('Opslaan'), 'one primary button, no separate Opslaan').to.equal(undefined);

    // Nothing chosen yet: "Akkoord geven" says what is missing and saves nothing.
    const before = await dossierOf('student-daan', 'dossier-daan');
    await el.pressSubmit();
    await waitUntil(() => el.$('.ddd-error-summary') !== null, 'no error summary');
    expect(squash(el.submitButton.textContent)).to.equal('Akkoord geven');
    expect((await dossierOf('student-daan', 'dossier-daan')).version).to.equal(before.version);

    await el.tick('Stages, werk en trainingen');
    await el.agree();
    await el.submit();
    const panel = squash(el.$('[part="confirmation"]')!.textContent);
    expect(panel).to.contain('Je akkoord is opgeslagen').and.contain('Dit gaat naar ROC Midden Nederland:').and.contain('Stages, werk en trainingen');
    expect(panel).to.contain('Gaat niet mee:').and.contain('Motivatie');
    await el.until(() => el.focusedId === 'confirmation-title', 'focus on the confirmation');
    expect((await dossierOf('student-daan', 'dossier-daan')).answers['akkoordverklaring']).to.deep.include({ akkoord: 'ja', toestemming: true, delen: ['ervaring'] });
    await expect(el.element).to.be.accessible();

    await el.click('#finalize');
    await waitUntil(() => el.$('#confirm-yes') !== null);
    expect(el.text).to.contain('Weet je het zeker? Daarna kun je niets meer veranderen.');
    await el.until(() => el.focusedId === 'confirm-title', 'focus did not move to the confirmation');
    const acted = oneEvent(el.element, 'ddd-action');
    await el.click('#confirm-yes');
    const { detail } = await acted;
    expect(detail.action).to.equal('finalize');
    expect(detail.dossier.status).to.equal('afgerond');
    await waitUntil(() => el.text.includes('Je dossier is afgerond'));
    expect((await dossierOf('student-daan', 'dossier-daan')).inzage.map((i) => i.role)).to.deep.equal(['student']);
  });

  it('changes a saved akkoord with "Keuzes wijzigen" and keeps what was chosen', async () => {
    const el = await mount('student-daan', 'dossier-daan');
    await el.whenInzageRecorded();
    await el.tick('Motivatie');
    await el.agree();
    await el.submit();
    await el.click('#change');
    await waitUntil(() => el.$('form[part="form"]') !== null, 'the form is back');
    expect(el.ticked).to.deep.equal(['Motivatie']);
    expect(el.$<HTMLInputElement>('#ak-toestemming')!.checked).to.equal(true);
    expect(el.$('#finalize'), 'no Afronden while changing').to.equal(null);
  });

  it('never loses a choice: what was ticked and not given yet comes back after a reload', async () => {
    const store = createMemoryDraftStore();
    const first = await mount('student-emma', 'dossier-emma', { store });
    await first.whenInzageRecorded();
    await first.tick('Ondersteuning');
    await first.click('#ak-akkoord-0');
    await first.settled();
    first.element.parentElement!.remove();

    const again = await mount('student-emma', 'dossier-emma', { store });
    await waitUntil(() => again.text.includes('We hebben je keuzes teruggezet'), 'restored notice');
    expect(again.ticked).to.deep.equal(['Ondersteuning']);
    expect(again.$<HTMLInputElement>('#ak-akkoord-0')!.checked).to.equal(true);
    expect(again.text).to.contain('Kies Akkoord geven om ze te bewaren.');
  });

  it('puts the summary and the choices first at 390 × 844: the decision starts on the first two screens, the dossier in closed cards', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await mount('student-emma', 'dossier-emma');
    await el.whenInzageRecorded();
    const top = el.element.getBoundingClientRect().top;
    const firstChoice = el.shareBoxes[0]!.getBoundingClientRect().top - top;
    expect(firstChoice, 'the first choice').to.be.below(2 * 844);
    expect(el.$('.intro')!.getBoundingClientRect().top - top, 'the summary').to.be.below(200);
    const cards = el.$$<HTMLDetailsElement>('details[part="card"]');
    expect(cards.length).to.equal(11);
    expect(
      cards.every((card) => !card.open),
      'cards start closed',
    ).to.equal(true);
    expect(el.element.getBoundingClientRect().height, 'the page').to.be.below(4500);
    // A card opens on a tap and shows its answers.
    const motivatie = cards.find((card) => card.textContent!.includes('A9 Motivatie'))!;
    motivatie.querySelector('summary')!.click();
    await waitUntil(() => motivatie.open);
    expect(squash(motivatie.textContent)).to.contain('Bij de scouting merk ik');
  });

  it('reads deel B in the third person, without the mentor’s declaration and without LGF or REC', async () => {
    const el = await mount('student-emma', 'dossier-emma');
    await el.whenInzageRecorded();
    const partB = squash(el.$('.dossier')!.textContent);
    expect(partB).to.contain('Deel B: wat de mentor schrijft');
    expect(partB).to.contain('Wil de mentor nog contact met het mbo over de leerling?').and.contain('Is de mentor het eens met wat de leerling in deel A schreef?');
    expect(partB).not.to.contain('Wil je nog contact');
    expect(partB).not.to.contain('naar waarheid ingevuld');
    expect(partB).not.to.match(/\bLGF\b|\bREC\b/);
    expect(partB).to.contain('Emma is betrokken en verantwoordelijk.');
  });

  it('names who does what next, and offers Afronden only once the parent consented', async () => {
    const student = await mount('student-emma', 'dossier-emma');
    await student.whenInzageRecorded();
    const steps = () => student.steps;
    expect(steps()).to.have.length(3);
    expect(steps()[1]).to.contain('Je vader, Jeroen Bakker, geeft toestemming. Hij heeft een e-mail gekregen.');
    expect(steps()[2]).to.contain('Jij rondt af. Dan gaat je dossier naar ROC Midden Nederland.');
    expect(student.text).not.to.contain('hem of haar');
    await student.agree();
    await student.submit();
    expect(student.$('#finalize'), 'Afronden cannot work yet: not offered').to.equal(null);
    expect(student.$('[part="guardian-status"]')!.getAttribute('aria-current')).to.equal('step');
    await expect(student.element).to.be.accessible();
    student.element.parentElement!.remove();

    const guardian = await mount('guardian-bakker', 'dossier-emma');
    await guardian.whenInzageRecorded();
    await guardian.giveParentConsent();
    guardian.element.parentElement!.remove();

    const again = await mount('student-emma', 'dossier-emma');
    await waitUntil(() => again.text.includes('Je vader, Jeroen Bakker, heeft toestemming gegeven op'), 'the parent’s consent by name');
    const acted = await again.finalize();
    expect(acted.detail.dossier.status).to.equal('afgerond');
  });

  it('shows the parent exactly what goes to which MBO, does not ask the relation the dossier holds, and says "u"', async () => {
    // Emma chose: A5 and A9 go along, her support (A6) does not.
    const emma = backend.client('student-emma');
    const dossier = await emma.getDossier('dossier-emma');
    await emma.saveSection('dossier-emma', 'akkoordverklaring', { akkoord: 'ja', toestemming: true, delen: ['ervaring', 'motivatie'] }, dossier.version);

    const el = await mount('guardian-bakker', 'dossier-emma');
    await el.whenInzageRecorded();
    expect(el.title).to.equal('Toestemming van ouder of verzorger');
    const form = el.$('form[part="form"]')!;
    const goes = el.$('[part="goes"]')!;
    expect(goes.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING, 'what goes stands above the button').to.not.equal(0);
    expect(squash(el.$('.goes-panel')!.textContent))
      .to.contain('Dit gaat naar ROC Midden Nederland')
      .and.contain('Emma Bakker heeft gekozen');
    expect(squash(goes.textContent)).to.contain('Stages, werk en trainingen').and.contain('Motivatie').and.contain('burgerservicenummer');
    expect(squash(goes.textContent), 'not what Emma chose not to share').not.to.contain('Ondersteuning');
    const cards = squash(el.$('.dossier')!.textContent);
    expect(cards).to.contain('A5 Stages').and.not.contain('A6 Ondersteuning').and.not.contain('Dyslexieverklaring');
    // The relation is in the dossier (A2): not asked, only said.
    expect(el.$('#og-relatie'), 'no question about the relation').to.equal(null);
    expect(squash(el.$('.identity')!.textContent)).to.contain('U geeft toestemming als Jeroen Bakker (vader).');
    expect(squash(el.submitButton.textContent)).to.equal('Toestemming geven');
    // Formal: no "je" or "jij" addresses the parent anywhere (the dossier itself quotes the student's questions).
    const parentText = [...el.root.querySelector('.consent')!.children]
      .filter((child) => !child.matches('.dossier'))
      .map((child) => child.textContent)
      .join(' ');
    expect(parentText).to.match(/\bu\b|\buw\b/);
    expect(parentText).not.to.match(/\b(je|jij|jouw|jou)\b/i);
    expect(cards, 'only what goes, no empty questions').not.to.contain('Niet ingevuld');
    await expect(el.element).to.be.accessible();

    const { detail } = await el.giveParentConsent();
    expect(detail.dossier.answers['ouderToestemming']).to.include({ naam: 'Jeroen Bakker', relatie: 'vader', toestemming: true });
    await waitUntil(() => el.text.includes('U hebt toestemming gegeven op'));
    await expect(el.element).to.be.accessible();
  });

  it('tells the parent to wait for the student’s own akkoord before consenting', async () => {
    const el = await mount('guardian-bakker', 'dossier-emma');
    await el.whenInzageRecorded();
    expect(el.$('form[part="form"]'), 'no form yet').to.equal(null);
    expect(el.text).to.contain('Uw kind geeft eerst zelf akkoord').and.contain('Emma Bakker heeft nog niet gekozen wat het mbo mag zien');
    await expect(el.element).to.be.accessible();
  });

  it('asks a parent the dossier does not know by name for their name and relation', async () => {
    const data = exampleData();
    const emma = data.dossiers.find((d) => d.id === 'dossier-emma')!;
    emma.answers['thuis'] = { ...emma.answers['thuis'], ouders: [] };
    emma.answers['akkoordverklaring'] = { akkoord: 'ja', toestemming: true, delen: [] };
    backend = createMemoryBackend(data);
    const el = await mount('guardian-bakker', 'dossier-emma');
    await el.whenInzageRecorded();
    expect(el.$<HTMLInputElement>('#og-naam')!.value, 'name of the person signed in').to.equal('Jeroen Bakker');
    await el.pressSubmit();
    await waitUntil(() => el.$('.ddd-error-summary') !== null, 'consent without the tick is not saved');
    await el.chooseRelation('Vader');
    const { detail } = await el.giveParentConsent();
    expect(detail.dossier.answers['ouderToestemming']).to.include({ naam: 'Jeroen Bakker', relatie: 'vader', toestemming: true });
  });

  it('asks for the remark on deel B when the student does not agree', async () => {
    const el = await mount('student-emma', 'dossier-emma');
    await el.whenInzageRecorded();
    expect(el.$('#ak-redenNietAkkoord')).to.equal(null);
    await el.click('#ak-akkoord-1');
    await el.click('#ak-toestemming');
    expect(el.$('#ak-redenNietAkkoord'), 'remark appears for nee').not.to.equal(null);
    await el.pressSubmit();
    await waitUntil(() => el.$('.ddd-error-summary') !== null);
    expect(el.$('#ak-redenNietAkkoord')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el.element).to.be.accessible();

    const remark = el.$<HTMLTextAreaElement>('#ak-redenNietAkkoord')!;
    remark.value = 'Mijn verzuim in klas 3 had een medische reden.';
    remark.dispatchEvent(new Event('input'));
    await el.settled();
    await el.submit();
    expect(el.text).to.contain('Je bent het niet eens met deel B. Je opmerking gaat mee naar het mbo.');
    const record = consentRecord(await dossierOf('student-emma', 'dossier-emma'), backend.data.config);
    expect(record.akkoord).to.equal('nee');
    expect(record.redenNietAkkoord).to.equal('Mijn verzuim in klas 3 had een medische reden.');
  });

  it('goes back to deel A after confirming', async () => {
    const el = await mount('student-emma', 'dossier-emma');
    await el.whenInzageRecorded();
    expect(el.text).to.contain('Je mentor moet deel B daarna opnieuw bekijken');
    await el.click('#backToDeelA');
    await waitUntil(() => el.$('#confirm-yes') !== null);
    const acted = oneEvent(el.element, 'ddd-action');
    await el.click('#confirm-yes');
    const { detail } = await acted;
    expect(detail.action).to.equal('backToDeelA');
    expect(detail.dossier.status).to.equal('concept');
    await waitUntil(() => el.text.includes('Je dossier staat weer bij deel A'));
    expect(el.$('#finalize')).to.equal(null);
    expect((await dossierOf('student-emma', 'dossier-emma')).status).to.equal('concept');
    await expect(el.element).to.be.accessible();
  });

  it('cancels the confirmation step with Annuleren or Escape and returns focus', async () => {
    const el = await mount('student-daan', 'dossier-daan');
    await el.whenInzageRecorded();
    await el.agree();
    await el.submit();
    await el.click('#finalize');
    await waitUntil(() => el.$('#confirm-no') !== null);
    await el.click('#confirm-no');
    expect(el.$('[part="confirm"]')).to.equal(null);
    await el.until(() => el.focusedId === 'finalize', 'focus did not return to Afronden');

    await el.click('#finalize');
    await el.until(() => el.focusedId === 'confirm-title', 'focus on the confirmation');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.$('[part="confirm"]') === null, 'Escape did not close the confirmation');
    expect((await dossierOf('student-daan', 'dossier-daan')).status).to.equal('akkoord');
  });

  it('shows an afgerond dossier read-only with a print button, also to the MBO', async () => {
    const el = await mount('student-sam', 'dossier-sam');
    expect(el.text).to.contain('Je dossier is afgerond');
    expect(el.root.querySelectorAll('input, textarea, form').length).to.equal(0);
    expect(el.$('#finalize')).to.equal(null);
    expect(el.$('[part="summary"]')!.textContent).to.contain('Toestemming ouder of verzorger');
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      el.button('Afdrukken')!.click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
    await expect(el.element).to.be.accessible();

    const mbo = await mount('mbo-roc-midden-nederland', 'dossier-sam');
    expect(mbo.text).to.contain('Deel A: gegevens van de leerling');
    expect(mbo.root.querySelectorAll('input, textarea').length).to.equal(0);
    // Sam kept A6 ondersteuning back: the MBO reads no list of what was (not) shared, no empty answers, no empty deel B.
    expect(mbo.text).to.contain('Toestemming ouder of verzorger').and.not.contain('Niet gedeeld').and.not.contain('Ondersteuning').and.not.contain('Niet ingevuld');
  });

  it('has a top heading at the level the page sets (default 2), and the levels below follow it', async () => {
    const plain = await mount('student-emma', 'dossier-emma');
    await plain.whenInzageRecorded();
    let headings = headingsIn(await ariaTree('ddd-consent'));
    expect(headings[0]).to.deep.equal([2, 'Akkoordverklaring']);
    expect(
      headings.slice(1).every(([level]) => level > 2),
      'nothing above the top heading',
    ).to.equal(true);
    plain.element.parentElement!.remove();

    const page = await mount('student-emma', 'dossier-emma', { level: '1' });
    await page.whenInzageRecorded();
    headings = headingsIn(await ariaTree('ddd-consent'));
    expect(headings[0]).to.deep.equal([1, 'Akkoordverklaring']);
    expect(headings).to.deep.include([2, 'Jouw keuzes']);
    // No level is skipped on the way down.
    for (let i = 1; i < headings.length; i++) expect(headings[i]![0] - headings[i - 1]![0], `${headings[i]![1]}`).to.be.at.most(1);
  });

  it('takes focus on its title when it opens after the button that opened it went away, never leaving it on <body>', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Openen';
    document.body.append(opener);
    opener.focus();
    opener.remove();
    expect(document.activeElement).to.equal(document.body);
    const el = await mount('student-emma', 'dossier-emma');
    await waitUntil(() => el.focused?.classList.contains('title'), 'focus on the title');
    const tree = await ariaTree('ddd-consent');
    expect(tree).to.match(/- heading "Akkoordverklaring" \[level=2\]/);
  });

  it('takes its backend from <ddd-context>', async () => {
    const wrapper = await fixture<HTMLElement>(html`<ddd-context .api=${backend.client('student-daan')}><ddd-consent dossier-id="dossier-daan"></ddd-consent></ddd-context>`);
    const el = new ConsentHarness(wrapper.querySelector('ddd-consent')!);
    await waitUntil(() => el.$('.title') !== null, 'no view through the context', { timeout: 5000 });
    await el.whenInzageRecorded();
    expect(el.title).to.equal('Akkoordverklaring');
  });

  it('shows an error with a retry button when the dossier does not exist', async () => {
    const api = backend.client('student-daan');
    const errors: string[] = [];
    const listen = (event: Event) => errors.push((event as CustomEvent<{ message: string }>).detail.message);
    document.addEventListener('ddd-error', listen);
    const el = new ConsentHarness(await fixture<DddConsent>(html`<ddd-consent .api=${api} dossier-id="dossier-bestaat-niet"></ddd-consent>`));
    await el.until(() => el.alert, 'no error shown');
    document.removeEventListener('ddd-error', listen);
    expect(errors).to.have.length(1);
    expect(el.alert).to.contain(errors[0]!);
    expect(el.alert).to.contain('Opnieuw proberen');
    await expect(el.element).to.be.accessible();
  });

  it('fits a 320 px wide screen', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount('student-emma', 'dossier-emma');
    await el.whenInzageRecorded();
    for (const card of el.$$<HTMLDetailsElement>('details[part="card"]')) card.open = true;
    await el.click('#backToDeelA');
    const panel = el.$('.consent')!;
    expect(panel.scrollWidth).to.be.at.most(panel.clientWidth);
    expect(el.element.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('tells a mentor this screen is not for them', async () => {
    const el = await mount('mentor-de-vries', 'dossier-sam');
    expect(el.text).to.contain('Dit scherm is voor de leerling en de ouder of verzorger');
    await expect(el.element).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount('student-daan', 'dossier-daan', { lang: 'en' });
    await el.whenInzageRecorded();
    expect(el.title).to.equal('Declaration of agreement');
    expect(el.text).to.contain('Do you agree with what is in your dossier?');
    expect(el.text).to.contain('Always shared');
    await el.pressSubmit();
    await el.until(() => el.errorSummary, 'an error summary');
    expect(el.errorSummary).to.contain('There is a problem');
    expect(squash(el.submitButton.textContent)).to.equal('Give agreement');
    await expect(el.element).to.be.accessible();
  });
});
