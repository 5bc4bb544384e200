// What the backend's authority (spec v2, issue 12) looks like in <ddd-dossier-form>: the school's
// registration shown read-only, the roster of the school, terugzetten and reactivate, the A7
// programmes of the chosen location, and the region's support contact wherever a person is stuck.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { offeredAt, type ReferenceAnswer, type ReferenceQuestion } from '@doorstroom/sdk';
import './ddd-dossier-form.js';
import '../consent/ddd-consent.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';
import { catalogSearch } from '../shared/catalog.js';
import { completeDeelA, signIn, type InstrumentedApi } from './test/instrument.js';

const root = (el: DddDossierForm) => el.shadowRoot!;
const text = (el: DddDossierForm) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';
const $ = <T extends Element = HTMLElement>(el: DddDossierForm, selector: string) => root(el).querySelector<T>(selector);
const button = (el: DddDossierForm, name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === name);
const until = (predicate: () => unknown, message = 'condition') => waitUntil(predicate, message, { timeout: 4000 });
const registeredNote = 'Dit heeft je school zo geregistreerd. Klopt het niet? Vraag je school om het aan te passen.';

async function open(api: InstrumentedApi, dossierId: string): Promise<DddDossierForm> {
  const el = await fixture<DddDossierForm>(html`<ddd-dossier-form lang="nl" autosave-delay="40" dossier-id=${dossierId} .api=${api}></ddd-dossier-form>`);
  await until(() => $(el, '.tasks') || $(el, '.check') || $(el, '[role="alert"]'), 'dossier loaded');
  return el;
}

describe('ddd-dossier-form: the backend is the authority', function () {
  this.timeout(20000);

  it('shows the number and birth date the school registered as text, with what to do when they are wrong', async () => {
    const { api } = signIn('student-noor');
    const el = await open(api, 'dossier-noor');
    el.goTo({ kind: 'section', sectionId: 'persoonlijk' });
    await el.updateComplete;
    expect($(el, 'input#ddd-bsn'), 'no BSN field to type in').to.equal(null);
    expect($(el, 'input#ddd-geboortedatum'), 'no birth date field').to.equal(null);
    expect(root(el).querySelectorAll('input[name="ddd-nummerSoort"]').length, 'no choice of number').to.equal(0);
    const birthDate = $(el, '#ddd-geboortedatum')!;
    expect(birthDate.textContent).to.contain(registeredNote);
    expect(birthDate.getAttribute('role')).to.equal('group');
    expect($(el, 'input#ddd-roepnaam'), 'the rest stays editable').not.to.equal(null);
    await expect(el).to.be.accessible();

    el.goTo({ kind: 'check' });
    await el.updateComplete;
    const row = [...root(el).querySelectorAll('.summary-list__row')].find((r) => r.querySelector('dt')?.textContent === 'Geboortedatum')!;
    expect(row.textContent).to.contain('Van je school');
    expect(row.querySelector('a'), 'no "Wijzig" for a registered answer').to.equal(null);
  });

  it('lets a newcomer with an onderwijsnummer at a school without a roster send deel A to a mentor she names', async () => {
    const { api } = signIn('student-olena');
    const created = await api.createDossier({ type: 'vo-mbo' });
    await completeDeelA(api, created.id);
    const el = await open(api, created.id);
    el.goTo({ kind: 'section', sectionId: 'persoonlijk' });
    await el.updateComplete;
    expect(text(el)).to.contain('Een onderwijsnummer').and.to.contain('Onderwijsnummer');
    el.goTo({ kind: 'check' });
    await until(() => $(el, '#ddd-mentorNaam'), 'free mentor fields, no roster');
    expect($(el, '#ddd-mentor'), 'no roster').to.equal(null);
    const naam = $<HTMLInputElement>(el, '#ddd-mentorNaam')!;
    const email = $<HTMLInputElement>(el, '#ddd-mentorEmail')!;
    for (const [field, value] of [
      [naam, 'Meneer J. Bos'],
      [email, 'j.bos@horizon.example'],
    ] as const) {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    const acted = oneEvent(el, 'ddd-action');
    button(el, 'Opsturen naar mentor')!.click();
    expect((await acted).detail.dossier.mentor).to.deep.equal({ naam: 'Meneer J. Bos', email: 'j.bos@horizon.example' });
  });

  it('lets the student take a dossier back from the mentor (terugzetten), and corrects a mistyped mentor', async () => {
    const { api } = signIn('student-lisa');
    const el = await open(api, 'dossier-lisa');
    await until(() => button(el, 'Dossier terughalen'), 'terugzetten offered');
    expect(text(el)).to.contain('ging het naar de verkeerde mentor?');
    await expect(el).to.be.accessible();
    const acted = oneEvent(el, 'ddd-action');
    button(el, 'Dossier terughalen')!.click();
    const { detail } = await acted;
    expect([detail.action, detail.dossier.status]).to.deep.equal(['returnToDeelA', 'concept']);
    await until(() => text(el).includes('Je dossier staat weer bij jou.'), 'done');
    await until(() => root(el).activeElement?.classList.contains('form__notice'), 'focus on the message');
    expect((await api.getDossier('dossier-lisa')).status).to.equal('concept');
  });

  it('offers an archived dossier back to the student (the school archived it)', async () => {
    const { api } = signIn('student-tim');
    const el = await open(api, 'dossier-tim');
    await until(() => button(el, 'Weer actief maken'), 'reactivate offered');
    expect(text(el)).to.contain('Je school heeft dit dossier gearchiveerd.');
    button(el, 'Weer actief maken')!.click();
    await until(() => text(el).includes('Je dossier is weer actief.'), 'done');
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

    const el = await open(api, 'dossier-noor');
    const task = [...root(el).querySelectorAll<HTMLButtonElement>('.task__button')].find((b) => b.textContent!.includes('A7'))!;
    task.click();
    await until(() => $(el, '#ddd-instelling'), 'A7');
    const type = async (id: string, value: string) => {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      input.focus();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    await type('ddd-instelling', 'Albeda');
    await until(() => $(el, '#ddd-instelling-option-0')?.textContent?.includes('Albeda'), 'Albeda found');
    $(el, '#ddd-instelling-option-0')!.click();
    await until(() => $(el, '#ddd-opleiding'), 'the opleiding is asked');
    expect($(el, '#ddd-locatie'), 'no location before the opleiding').to.equal(null);
    await type('ddd-opleiding', 'constructiewerker');
    const wanted = () => [...root(el).querySelectorAll<HTMLElement>('#ddd-opleiding-listbox [role="option"]')].find((o) => o.textContent!.includes('BBL'));
    await until(wanted, 'the BBL programme in the list');
    wanted()!.click();
    await until(() => $(el, '#ddd-locatie optgroup'), 'the locations that give it');
    const groups = [...root(el).querySelectorAll<HTMLOptGroupElement>('#ddd-locatie optgroup')];
    const locations = backend.data.catalog.locations[brin]!;
    const offering = locations.filter((l) => offeredAt(programme, l.code));
    expect(groups.map((g) => g.label)).to.deep.equal([...new Set(offering.map((l) => l.plaats))].sort((a, b) => a.localeCompare(b, 'nl')));
    const codes = [...root(el).querySelectorAll<HTMLOptionElement>('#ddd-locatie option')].map((o) => o.value).filter(Boolean);
    expect(codes.sort()).to.deep.equal(offering.map((l) => l.code).sort());
    expect(codes.length).to.be.lessThan(locations.length);
    // BOL, BBL and crebo are explained where the opleiding is asked.
    expect($(el, '#ddd-opleiding-help')!.textContent).to.contain('BBL: je werkt en leert, je hebt een leerbedrijf nodig.').and.contain('crebonummer');
  });

  it('names the region’s support contact where the student is stuck', async () => {
    const { api } = signIn('student-noor');
    const el = await open(api, 'd-bestaatniet');
    await until(() => text(el).includes('We konden dit dossier niet laden.'), 'not found');
    const support = $(el, '[part="support"]')!;
    expect(support.textContent).to.contain('Kom je er niet uit? Neem contact op met Servicedesk Doorstroom Regio Utrecht.');
    const links = [...support.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['tel:+31300000000', 'mailto:servicedesk@doorstroom-utrecht.example', 'https://doorstroom-utrecht.example/hulp']);
    await expect(el).to.be.accessible();
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
