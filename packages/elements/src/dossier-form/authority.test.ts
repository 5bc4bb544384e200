// What the backend's authority (spec v2, issue 12) looks like in <ddd-dossier-form>: the school's
// registration shown read-only, the roster of the school, terugzetten and reactivate, the A7
// programmes of the chosen location, and the region's support contact wherever a person is stuck.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { offeredAt, type ReferenceAnswer, type ReferenceQuestion } from '@doorstroom/sdk';
import './ddd-dossier-form.js';
import '../consent/ddd-consent.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';
import { catalogSearch } from '../shared/catalog.js';
import { FormHarness } from './harness.js';
import { completeDeelA, signIn, type InstrumentedApi } from './test/instrument.js';

const until = (predicate: () => unknown, message = 'condition') => waitUntil(predicate, message, { timeout: 4000 });
const registeredNote = 'Dit heeft je school zo geregistreerd. Klopt het niet? Vraag je school om het aan te passen.';

async function open(api: InstrumentedApi, dossierId: string): Promise<FormHarness> {
  const form = new FormHarness(await fixture<DddDossierForm>(html`<ddd-dossier-form lang="nl" autosave-delay="40" dossier-id=${dossierId} .api=${api}></ddd-dossier-form>`));
  await form.until(() => form.$('.tasks') || form.$('.check') || form.$('[role="alert"]'), 'dossier loaded');
  return form;
}

describe('ddd-dossier-form: the backend is the authority', function () {
  this.timeout(20000);

  it('shows the number and birth date the school registered as text, with what to do when they are wrong', async () => {
    const { api } = signIn('student-noor');
    const form = await open(api, 'dossier-noor');
    await form.openSection('persoonlijk');
    expect(form.$('input#ddd-bsn'), 'no BSN field to type in').to.equal(null);
    expect(form.$('input#ddd-geboortedatum'), 'no birth date field').to.equal(null);
    expect(form.$$('input[name="ddd-nummerSoort"]').length, 'no choice of number').to.equal(0);
    const birthDate = form.$('#ddd-geboortedatum')!;
    expect(birthDate.textContent).to.contain(registeredNote);
    expect(birthDate.getAttribute('role')).to.equal('group');
    expect(form.$('input#ddd-roepnaam'), 'the rest stays editable').not.to.equal(null);
    await expect(form.element).to.be.accessible();

    await form.openCheckPage();
    expect(form.checkAnswers['A1 Persoonlijke gegevens']?.['Geboortedatum'], 'the birth date as text').to.match(/\d{4}/);
    const row = form.$$('.summary-list__row').find((r) => r.querySelector('dt')?.textContent === 'Geboortedatum')!;
    expect(row.textContent).to.contain('Van je school');
    expect(row.querySelector('a'), 'no "Wijzig" for a registered answer').to.equal(null);
  });

  it('lets a newcomer with an onderwijsnummer at a school without a roster send deel A to a mentor she names', async () => {
    const { api } = signIn('student-olena');
    const created = await api.createDossier({ type: 'vo-mbo' });
    await completeDeelA(api, created.id);
    const form = await open(api, created.id);
    await form.openSection('persoonlijk');
    expect(form.text).to.contain('Een onderwijsnummer').and.to.contain('Onderwijsnummer');
    await form.openCheckPage();
    await form.until(() => form.$('#ddd-mentorNaam'), 'free mentor fields, no roster');
    expect(form.$('#ddd-mentor'), 'no roster').to.equal(null);
    form.typeInto('#ddd-mentorNaam', 'Meneer J. Bos');
    form.typeInto('#ddd-mentorEmail', 'j.bos@horizon.example');
    const acted = oneEvent(form.element, 'ddd-action');
    form.button('Opsturen naar mentor')!.click();
    expect((await acted).detail.dossier.mentor).to.deep.equal({ naam: 'Meneer J. Bos', email: 'j.bos@horizon.example' });
  });

  it('lets the student take a dossier back from the mentor (terugzetten), and corrects a mistyped mentor', async () => {
    const { api } = signIn('student-lisa');
    const form = await open(api, 'dossier-lisa');
    await form.until(() => form.button('Dossier terughalen'), 'terugzetten offered');
    expect(form.text).to.contain('ging het naar de verkeerde mentor?');
    await expect(form.element).to.be.accessible();
    const acted = oneEvent(form.element, 'ddd-action');
    form.button('Dossier terughalen')!.click();
    const { detail } = await acted;
    expect([detail.action, detail.dossier.status]).to.deep.equal(['returnToDeelA', 'concept']);
    await form.until(() => form.text.includes('Je dossier staat weer bij jou.'), 'done');
    await form.until(() => form.focused?.classList.contains('form__notice'), 'focus on the message');
    expect((await api.getDossier('dossier-lisa')).status).to.equal('concept');
  });

  it('offers an archived dossier back to the student (the school archived it)', async () => {
    const { api } = signIn('student-tim');
    const form = await open(api, 'dossier-tim');
    await form.until(() => form.button('Weer actief maken'), 'reactivate offered');
    expect(form.text).to.contain('Je school heeft dit dossier gearchiveerd.');
    form.button('Weer actief maken')!.click();
    await form.until(() => form.text.includes('Je dossier is weer actief.'), 'done');
    expect((await api.getDossier('dossier-tim')).archived).to.equal(false);
  });

  it('asks the opleiding first, then offers only the locations that give it, grouped by city', async () => {
    const { api, backend } = signIn('student-noor');
    const brin = '00GT';
    const programme = backend.data.catalog.programmes[brin]!.find((p) => p.naam === 'Allround constructiewerker' && p.leerweg === 'BBL')!;
    const question = { kind: 'reference', id: 'opleiding', source: 'programme', dependsOn: 'instelling', label: { nl: 'Opleiding', en: 'Programme' }, required: true } as ReferenceQuestion;
    const instelling: ReferenceAnswer = { id: brin, label: 'Albeda' };
    const found = await catalogSearch(api, 'nl')(question, 'constructiewerker', { instelling });
    expect(found.map((o) => o.id)).to.include(programme.id);

    const form = await open(api, 'dossier-noor');
    await form.openSection('A7');
    const type = (id: string, value: string) => form.typeInto(`#${id}`, value);
    type('ddd-instelling', 'Albeda');
    await form.until(() => form.$('#ddd-instelling-option-0')?.textContent?.includes('Albeda'), 'Albeda found');
    form.$('#ddd-instelling-option-0')!.click();
    await form.until(() => form.$('#ddd-opleiding'), 'the opleiding is asked');
    expect(form.$('#ddd-locatie'), 'no location before the opleiding').to.equal(null);
    type('ddd-opleiding', 'constructiewerker');
    const wanted = () => form.$$<HTMLElement>('#ddd-opleiding-listbox [role="option"]').find((o) => o.textContent!.includes('BBL'));
    await form.until(wanted, 'the BBL programme in the list');
    wanted()!.click();
    await form.until(() => form.$('#ddd-locatie optgroup'), 'the locations that give it');
    const groups = form.$$<HTMLOptGroupElement>('#ddd-locatie optgroup');
    const locations = backend.data.catalog.locations[brin]!;
    const offering = locations.filter((l) => offeredAt(programme, l.code));
    expect(groups.map((g) => g.label)).to.deep.equal([...new Set(offering.map((l) => l.plaats))].sort((a, b) => a.localeCompare(b, 'nl')));
    const codes = form
      .$$<HTMLOptionElement>('#ddd-locatie option')
      .map((o) => o.value)
      .filter(Boolean);
    expect(codes.sort()).to.deep.equal(offering.map((l) => l.code).sort());
    expect(codes.length).to.be.lessThan(locations.length);
    // BOL, BBL and crebo are explained where the opleiding is asked.
    expect(form.$('#ddd-opleiding-help')!.textContent).to.contain('BBL: je werkt en leert, je hebt een leerbedrijf nodig.').and.contain('crebonummer');
  });

  it('names the region’s support contact where the student is stuck', async () => {
    const { api } = signIn('student-noor');
    const form = await open(api, 'd-bestaatniet');
    await form.until(() => form.text.includes('We konden dit dossier niet laden.'), 'not found');
    const support = form.$('[part="support"]')!;
    expect(support.textContent).to.contain('Kom je er niet uit? Neem contact op met Servicedesk Doorstroom Regio Utrecht.');
    const links = [...support.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['tel:+31300000000', 'mailto:servicedesk@doorstroom-utrecht.example', 'https://doorstroom-utrecht.example/hulp']);
    await expect(form.element).to.be.accessible();
  });
});

describe('ddd-consent: a guardian only while their consent is needed', function () {
  this.timeout(20000);

  it('tells the father of an 18-year-old, politely, that his child decides alone', async () => {
    const { api } = signIn('guardian-bos');
    const el = await fixture<HTMLElement>(html`<ddd-consent lang="nl" dossier-id="dossier-yara" .api=${api}></ddd-consent>`);
    const shown = () => el.shadowRoot!.textContent?.replace(/\s+/g, ' ') ?? '';
    await until(() => shown().includes('U kunt dit dossier nu niet openen.'), 'the guardian message');
    expect(shown()).to.contain('Is uw kind 18 jaar of ouder? Dan beslist uw kind zelf.');
    expect(shown()).not.to.contain('Yara');
    await expect(el).to.be.accessible();
  });
});
