import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { buildSections, defaultRegionConfig, type Question, type SectionDefinition } from '@doorstroom/sdk';
import { fieldId, focusField, getAnswer, renderField, setAnswer } from './fields.js';
import { formatAnswer } from './format.js';
import { TestSectionForm } from './test-host.js';
import { offerLanguages } from '../shared/i18n.js';
// English, registered as by every element's tag file (the package index or one element).
import './english.js';

// English as a portal offers it (`offerLanguages('en')`, or importing lang/all): a page lang="en" then counts.
offerLanguages('en');

const t = (nl: string, en = nl) => ({ nl, en });

/** One question of every kind, so each renderer is exercised. */
const everyKind: SectionDefinition = {
  id: 'alles',
  code: 'T1',
  part: 'A',
  scope: 'dossier',
  title: t('Alles'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: ['vo-mbo'],
  questions: [
    { kind: 'text', id: 'naam', label: t('Naam', 'Name'), required: true, help: t('Zoals in je paspoort'), placeholder: t('Sam'), autocomplete: 'given-name' },
    { kind: 'text', id: 'postcode', label: t('Postcode'), required: false, format: 'postcode', placeholder: t('1234 AB') },
    { kind: 'text', id: 'verhaal', label: t('Verhaal'), required: false, multiline: true, maxLength: 200 },
    { kind: 'yesNo', id: 'bijbaan', label: t('Heb je een bijbaan?'), required: true },
    { kind: 'text', id: 'bijbaanOmschrijving', label: t('Wat voor bijbaan?'), required: true, when: { question: 'bijbaan', equals: true } },
    {
      kind: 'choice',
      id: 'soort',
      label: t('Soort school'),
      required: true,
      options: [
        { value: 'vmbo', label: t('Vmbo'), hint: t('Voorbereidend') },
        { value: 'havo', label: t('Havo') },
      ],
    },
    {
      kind: 'multiChoice',
      id: 'vakken',
      label: t('Vakken'),
      required: true,
      options: [
        { value: 'nl', label: t('Nederlands') },
        { value: 'en', label: t('Engels') },
        { value: 'wi', label: t('Wiskunde') },
      ],
    },
    { kind: 'date', id: 'geboortedatum', label: t('Geboortedatum'), required: true, birthDate: true, autocomplete: 'bday' },
    {
      kind: 'score',
      id: 'samenwerken',
      label: t('Samenwerken'),
      required: true,
      options: [
        { value: 1, label: t('Beginner'), hint: t('Veel oefenen') },
        { value: 2, label: t('Half gevorderd') },
        { value: '?', label: t('Weet ik niet') },
      ],
    },
    { kind: 'confirm', id: 'bevestigd', label: t('Ik heb het gecontroleerd'), required: true },
    { kind: 'reference', id: 'instelling', source: 'institution', label: t('Mbo-school'), required: true, placeholder: t('Typ een deel van de naam') },
    {
      kind: 'repeat',
      id: 'ervaring',
      label: t('Je ervaring'),
      itemLabel: t('Ervaring', 'Experience'),
      required: true,
      minItems: 1,
      maxItems: 3,
      questions: [
        { kind: 'text', id: 'organisatie', label: t('Organisatie'), required: true },
        { kind: 'text', id: 'plaats', label: t('Plaats'), required: true },
      ],
    },
  ],
};

async function renderForm(section: SectionDefinition = everyKind, lang = 'nl') {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><test-section-form .section=${section}></test-section-form></div>`);
  const form = wrapper.querySelector<TestSectionForm>('test-section-form')!;
  await form.updateComplete;
  return form;
}

const $ = <E extends Element = HTMLElement>(form: TestSectionForm, selector: string) => form.shadowRoot!.querySelector<E & HTMLElement>(selector)!;
const byId = <E extends HTMLElement = HTMLInputElement>(form: TestSectionForm, id: string) => form.shadowRoot!.getElementById(id) as E;

/** Every id is unique and every id reference points at an element of the same shadow root. */
function expectIdsResolve(form: TestSectionForm) {
  const root = form.shadowRoot!;
  const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
  expect(new Set(ids).size, 'unique ids').to.equal(ids.length);
  for (const el of root.querySelectorAll('[for], [aria-describedby], [aria-labelledby], [aria-controls], [aria-activedescendant]')) {
    for (const attribute of ['for', 'aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-activedescendant']) {
      for (const ref of (el.getAttribute(attribute) ?? '').split(' ').filter(Boolean)) {
        expect(root.getElementById(ref), `${attribute}="${ref}"`).to.exist;
      }
    }
  }
}

describe('fields', function () {
  this.timeout(30000);
  it('renders a text field with label, help, example and "(optioneel)" only on optional questions', async () => {
    const form = await renderForm();
    const naam = byId(form, 'ddd-naam');
    expect(naam.type).to.equal('text');
    expect(naam.placeholder).to.equal('Sam');
    expect(naam.autocomplete).to.equal('given-name');
    const label = $(form, 'label[for="ddd-naam"]');
    expect(label.textContent!.trim()).to.equal('Naam');
    expect(naam.getAttribute('aria-describedby')).to.equal('ddd-naam-help');
    expect(byId(form, 'ddd-naam-help').textContent).to.contain('Zoals in je paspoort');
    expect($(form, 'label[for="ddd-postcode"]').textContent).to.contain('(optioneel)');
    expect(byId(form, 'ddd-verhaal').tagName).to.equal('TEXTAREA');
    expect(byId(form, 'ddd-geboortedatum').type).to.equal('date');
    expect(naam.hasAttribute('aria-invalid')).to.equal(false);
    expectIdsResolve(form);
    await expect(form).to.be.accessible();
  });

  it('renders yesNo, choice and score as radio groups in a fieldset with a legend', async () => {
    const form = await renderForm();
    for (const [id, count] of [
      ['bijbaan', 2],
      ['soort', 2],
      ['samenwerken', 3],
    ] as const) {
      const group = byId<HTMLFieldSetElement>(form, `ddd-${id}`);
      expect(group.tagName).to.equal('FIELDSET');
      expect(group.querySelector('legend')).to.exist;
      const radios = [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')];
      expect(radios).to.have.length(count);
      expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
      for (const radio of radios) expect(group.querySelector(`label[for="${radio.id}"]`)).to.exist;
    }
    expect(byId(form, 'ddd-bijbaan-0').labels![0]!.textContent).to.equal('Ja');
    expect(byId(form, 'ddd-soort-0').getAttribute('aria-describedby')).to.equal('ddd-soort-0-hint');
    expect(byId(form, 'ddd-vakken').querySelectorAll('input[type=checkbox]')).to.have.length(3);
    expect(byId(form, 'ddd-bevestigd').type).to.equal('checkbox');
    expect(byId(form, 'ddd-instelling').getAttribute('role')).to.equal('combobox');
  });

  it('reports answers of every kind with the right type', async () => {
    const form = await renderForm();
    byId(form, 'ddd-naam').focus();
    await sendKeys({ type: 'Sam' });
    byId(form, 'ddd-bijbaan-1').click();
    byId(form, 'ddd-soort-1').click();
    byId(form, 'ddd-vakken-2').click();
    byId(form, 'ddd-vakken-0').click();
    byId(form, 'ddd-samenwerken-2').click();
    byId(form, 'ddd-bevestigd').click();
    const date = byId(form, 'ddd-geboortedatum');
    date.value = '2009-05-14';
    date.dispatchEvent(new Event('change'));
    await form.updateComplete;
    expect(form.draft).to.deep.include({ naam: 'Sam', bijbaan: false, soort: 'havo', samenwerken: '?', bevestigd: true, geboortedatum: '2009-05-14' });
    // Checkbox groups keep the order of the options, not the order of clicking.
    expect(form.draft['vakken']).to.deep.equal(['nl', 'wi']);
    byId(form, 'ddd-vakken-0').click();
    expect(form.draft['vakken']).to.deep.equal(['wi']);
  });

  it('shows an error with aria-invalid, aria-describedby and a hidden "Fout:" prefix', async () => {
    const form = await renderForm();
    form.submit();
    await form.updateComplete;
    const naam = byId(form, 'ddd-naam');
    expect(naam.getAttribute('aria-invalid')).to.equal('true');
    expect(naam.getAttribute('aria-describedby')).to.equal('ddd-naam-help ddd-naam-error');
    const error = byId(form, 'ddd-naam-error');
    expect(error.querySelector('.ddd-visually-hidden')!.textContent).to.equal('Fout: ');
    expect(error.getAttribute('role')).to.equal(null);
    expect(byId(form, 'ddd-soort').getAttribute('aria-describedby')).to.equal('ddd-soort-error');
    expect(byId(form, 'ddd-bevestigd').getAttribute('aria-invalid')).to.equal('true');
    expect(byId(form, 'ddd-instelling').getAttribute('aria-invalid')).to.equal('true');
    expect(byId(form, 'ddd-instelling').getAttribute('aria-describedby')).to.contain('ddd-instelling-error');
    expectIdsResolve(form);
    await expect(form).to.be.accessible();
  });

  it('hides questions that stop applying but keeps their answers', async () => {
    const form = await renderForm();
    expect(byId(form, 'ddd-bijbaanOmschrijving')).to.equal(null);
    byId(form, 'ddd-bijbaan-0').click();
    await form.updateComplete;
    byId(form, 'ddd-bijbaanOmschrijving').focus();
    await sendKeys({ type: 'Vakkenvuller' });
    byId(form, 'ddd-bijbaan-1').click();
    await form.updateComplete;
    expect(byId(form, 'ddd-bijbaanOmschrijving')).to.equal(null);
    expect(form.draft['bijbaanOmschrijving']).to.equal('Vakkenvuller');
    byId(form, 'ddd-bijbaan-0').click();
    await form.updateComplete;
    expect(byId(form, 'ddd-bijbaanOmschrijving').value).to.equal('Vakkenvuller');
  });

  it('tidies a postcode when the field is left', async () => {
    const form = await renderForm();
    byId(form, 'ddd-postcode').focus();
    await sendKeys({ type: '1234ab' });
    await sendKeys({ press: 'Tab' });
    await form.updateComplete;
    expect(form.draft['postcode']).to.equal('1234 AB');
  });

  it('drops a pasted NUL and turns half an emoji into U+FFFD, which no backend can store, and keeps the rest', async () => {
    const form = await renderForm();
    const paste = async (id: string, value: string) => {
      const field = byId<HTMLInputElement | HTMLTextAreaElement>(form, id);
      field.value = value;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      await form.updateComplete;
      return field;
    };
    const naam = await paste('ddd-naam', 'Sa\u0000m 😀');
    expect(form.draft['naam']).to.equal('Sam 😀');
    expect(naam.value, 'the field shows what is kept').to.equal('Sam 😀');
    await paste('ddd-verhaal', 'half \uD83D en \uDE00 los');
    expect(form.draft['verhaal']).to.equal('half \uFFFD en \uFFFD los');
    await paste('ddd-naam', '\u0000');
    expect(form.draft['naam'], 'only a NUL is an empty field').to.equal(null);
  });

  it('repeat: starts with one entry, adds with focus on the new entry, removes with focus on the add button', async () => {
    const form = await renderForm();
    expect(byId(form, 'ddd-ervaring-0-organisatie')).to.exist;
    expect(form.shadowRoot!.querySelectorAll('.ddd-repeat__remove')).to.have.length(0);
    byId(form, 'ddd-ervaring-0-organisatie').focus();
    await sendKeys({ type: 'Garage Jansen' });
    expect(form.draft['ervaring']).to.deep.equal([{ organisatie: 'Garage Jansen' }]);

    const add = byId<HTMLButtonElement>(form, 'ddd-ervaring-add');
    expect(add.textContent!.trim()).to.equal('Ervaring toevoegen');
    add.click();
    await waitUntil(() => form.shadowRoot!.activeElement?.id === 'ddd-ervaring-1-organisatie', 'focus on the new entry', { timeout: 5000 });
    expect(byId(form, 'ddd-ervaring-entry-1').querySelector('legend')!.textContent).to.equal('Ervaring 2');

    await sendKeys({ type: 'Bakkerij' });
    add.click();
    await form.updateComplete;
    // At maxItems (3) the add button makes way for a note.
    expect(byId(form, 'ddd-ervaring-add')).to.equal(null);

    const removeFirst = byId(form, 'ddd-ervaring-entry-0').querySelector<HTMLButtonElement>('.ddd-repeat__remove')!;
    expect(removeFirst.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Verwijderen Ervaring 1');
    removeFirst.click();
    await waitUntil(() => form.shadowRoot!.activeElement?.id === 'ddd-ervaring-add', 'focus on the add button', { timeout: 5000 });
    expect(form.draft['ervaring']).to.deep.equal([{ organisatie: 'Bakkerij' }, {}]);
    expect(byId(form, 'ddd-ervaring-0-organisatie').value).to.equal('Bakkerij');
    expectIdsResolve(form);
    await expect(form).to.be.accessible();
  });

  it('stores the chosen reference as {id, label, detail}', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <test-section-form
        .section=${everyKind}
        .search=${async () => [{ id: '00GT', label: 'Albeda', detail: { plaats: 'Rotterdam' } }]}
      ></test-section-form>
    </div>`);
    const form = wrapper.querySelector<TestSectionForm>('test-section-form')!;
    await form.updateComplete;
    byId(form, 'ddd-instelling').focus();
    await sendKeys({ type: 'alb' });
    const status = form.shadowRoot!.querySelector('.ddd-combobox__status')!;
    await waitUntil(() => byId(form, 'ddd-instelling').getAttribute('aria-expanded') === 'true' && status.textContent !== 'Zoeken…', 'results', { timeout: 5000 });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    expect(form.draft['instelling']).to.deep.equal({ id: '00GT', label: 'Albeda', detail: { plaats: 'Rotterdam' } });
    expect(byId(form, 'ddd-instelling').value).to.equal('Albeda');
  });

  it('renders in English when lang is en', async () => {
    const form = await renderForm(everyKind, 'en');
    expect($(form, 'label[for="ddd-naam"]').textContent!.trim()).to.equal('Name');
    expect($(form, 'label[for="ddd-postcode"]').textContent).to.contain('(optional)');
    expect(byId(form, 'ddd-bijbaan-0').labels![0]!.textContent).to.equal('Yes');
    expect(byId(form, 'ddd-ervaring-add').textContent!.trim()).to.equal('Add experience');
  });

  for (const section of buildSections(defaultRegionConfig, 'vo-mbo').filter((s) => s.part !== 'B')) {
    it(`renders section ${section.id} accessibly, also with every error showing`, async () => {
      const form = await renderForm(section);
      expectIdsResolve(form);
      await expect(form).to.be.accessible();
      form.submit();
      await form.updateComplete;
      await aTimeout(0);
      expectIdsResolve(form);
      await expect(form).to.be.accessible();
    });
  }
});

describe('field helpers', () => {
  it('setAnswer and getAnswer work on nested repeat paths without changing the original', () => {
    const before = { naam: 'Sam' };
    const after = setAnswer(before, 'ervaring.1.plaats', 'Utrecht');
    expect(before).to.deep.equal({ naam: 'Sam' });
    expect(after).to.deep.equal({ naam: 'Sam', ervaring: [{}, { plaats: 'Utrecht' }] });
    expect(getAnswer(after, 'ervaring.1.plaats')).to.equal('Utrecht');
    expect(setAnswer(after, 'naam', undefined)).not.to.have.property('naam');
  });

  it('fieldId and focusField find a field by path; a group focuses its checked option', async () => {
    const form = await renderForm();
    expect(fieldId('ervaring.0.plaats')).to.equal('ddd-ervaring-0-plaats');
    byId(form, 'ddd-soort-1').click();
    await form.updateComplete;
    expect(focusField(form.shadowRoot!, 'soort')).to.equal(true);
    expect(form.shadowRoot!.activeElement!.id).to.equal('ddd-soort-1');
    expect(focusField(form.shadowRoot!, 'bestaatNiet')).to.equal(false);
  });

  it('renderField refuses a repeat (it needs renderQuestions for its sub-fields)', () => {
    const repeat = everyKind.questions.find((q) => q.kind === 'repeat') as Question;
    expect(() => renderField({ question: repeat, value: [], lang: 'nl', onInput() {}, onBlur() {}, id: 'x' })).to.throw(/renderQuestions/);
  });

  it('formatAnswer gives read-only text per kind', () => {
    const q = (id: string) => everyKind.questions.find((question) => question.id === id)!;
    expect(formatAnswer(q('bijbaan'), true, 'nl')).to.equal('Ja');
    expect(formatAnswer(q('soort'), 'havo', 'en')).to.equal('Havo');
    expect(formatAnswer(q('vakken'), ['nl', 'wi'], 'nl')).to.equal('Nederlands, Wiskunde');
    expect(formatAnswer(q('geboortedatum'), '2009-05-14', 'nl')).to.equal('14 mei 2009');
    expect(formatAnswer(q('instelling'), { id: '00GT', label: 'Albeda' }, 'nl')).to.equal('Albeda');
    expect(formatAnswer(q('ervaring'), [{ organisatie: 'Garage', plaats: 'Utrecht' }], 'nl')).to.equal('Garage · Utrecht');
    expect(formatAnswer(q('naam'), undefined, 'nl')).to.equal('Niet ingevuld');
  });
});

describe('fields for people on phones and keyboards (issue 13)', function () {
  this.timeout(20000);
  const section = (questions: Question[]): SectionDefinition => ({ ...everyKind, id: 'kort', questions });

  it('offers "Dat zeg ik liever niet" on a sensitive ja/nee question, and says so read-only', async () => {
    const form = await renderForm(section([{ kind: 'yesNo', id: 'dyslexie', label: t('Heb je dyslexie?'), required: false, declinable: true }]));
    const labels = [...form.shadowRoot!.querySelectorAll('#ddd-dyslexie label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Ja', 'Nee', 'Dat zeg ik liever niet']);
    byId(form, 'ddd-dyslexie-2').click();
    await form.updateComplete;
    expect(form.draft['dyslexie']).to.equal('zegIkLieverNiet');
    expect(formatAnswer({ kind: 'yesNo', id: 'dyslexie', label: t('Heb je dyslexie?'), required: false, declinable: true }, 'zegIkLieverNiet', 'nl')).to.equal('Dat zeg ik liever niet');
    await expect(form).to.be.accessible();
  });

  it('writes a phone number one way when the field is left, as it does a postcode', async () => {
    const form = await renderForm(section([{ kind: 'text', id: 'telefoon', label: t('Telefoonnummer'), required: true, format: 'phone' }]));
    const input = byId(form, 'ddd-telefoon');
    input.focus();
    input.value = '06-12 34 56 78';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.blur();
    await form.updateComplete;
    expect(form.draft['telefoon']).to.equal('+31 6 12345678');
    expect(input.value).to.equal('+31 6 12345678');
  });

  it('shows an unmistakable focus ring on a ticked box: a thick dark ring on a yellow band, and the whole row in yellow', async () => {
    const form = await renderForm(
      section([
        {
          kind: 'multiChoice',
          id: 'vakken',
          label: t('Vakken'),
          required: true,
          options: [
            { value: 'nl', label: t('Nederlands') },
            { value: 'en', label: t('Engels') },
          ],
        },
      ]),
    );
    const box = byId(form, 'ddd-vakken-0');
    box.click();
    await form.updateComplete;
    expect(box.checked).to.equal(true);
    // Keyboard focus (focus-visible): Tab from the start.
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => form.shadowRoot!.activeElement === box, 'keyboard focus on the ticked box');
    const style = getComputedStyle(box);
    expect(parseFloat(style.outlineWidth)).to.be.at.least(3);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineColor).to.equal('rgb(26, 26, 26)');
    expect(style.boxShadow).to.contain('rgb(255, 221, 0)');
    const row = box.closest('.ddd-choice')!;
    expect(getComputedStyle(row).backgroundColor).to.equal('rgb(255, 221, 0)');
    // The ring against the page: far above the 3:1 that WCAG asks of a focus indicator.
    const luminance = (r: number, g: number, b: number) =>
      [r, g, b].map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const ratio = (1 + 0.05) / (luminance(26, 26, 26) + 0.05);
    expect(ratio).to.be.above(3);
    // Another row, not focused, stays plain.
    expect(getComputedStyle(byId(form, 'ddd-vakken-1').closest('.ddd-choice')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });
});
