import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { makeDossier } from '../../../sdk/src/testing/fixtures.js';
import '../index.js';
import type { DddDossierForm } from '../dossier-form/ddd-dossier-form.component.js';
import { FormHarness } from '../dossier-form/harness.js';
import { signIn } from '../dossier-form/test/instrument.js';
import type { DddProgress } from '../progress/ddd-progress.component.js';
import { addMessages, catalogue, intlLocale, supportedLang, translatePlural } from '../shared/i18n.js';
import './all.js';

const languages = ['ar', 'tr', 'uk', 'pl'] as const;
const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralBase = (key: string) => {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return pluralCategories.includes(last) ? key.slice(0, key.lastIndexOf('.')) : undefined;
};
// `{itemLower}` is `{item}` in lower case, for languages that put the item mid-sentence.
const varsOf = (message: unknown) => [...new Set([...String(message).matchAll(/\{(\w+)\}/g)].map((m) => (m[1] === 'itemLower' ? 'item' : m[1]!)))].sort();

const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });
const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const arabic = /[\u0600-\u06FF]/;

describe('language packs (elements)', () => {
  it('has every Dutch UI key in English, Arabic, Turkish, Ukrainian and Polish, with the same {vars}', () => {
    const nl = catalogue('nl');
    const singleKeys = Object.keys(nl).filter((key) => !pluralBase(key));
    expect(singleKeys.length).to.be.greaterThan(250);
    for (const lang of ['en', ...languages]) {
      const messages = catalogue(lang);
      for (const key of singleKeys) {
        expect(messages[key], `${lang} ${key}`).to.be.a('string').and.not.match(/^\s*$/);
        expect(varsOf(messages[key]), `${lang} ${key} {vars}`).to.deep.equal(varsOf(nl[key]));
      }
    }
  });

  it('has every plural form each language needs, and nothing the Dutch catalogue lacks', () => {
    const nl = catalogue('nl');
    const bases = new Set(
      Object.keys(nl)
        .map(pluralBase)
        .filter((base): base is string => base !== undefined),
    );
    expect(bases.size).to.be.greaterThan(2);
    for (const lang of languages) {
      const messages = catalogue(lang);
      const categories = new Intl.PluralRules(intlLocale(lang)).resolvedOptions().pluralCategories;
      for (const base of bases) {
        for (const category of categories) {
          const message = messages[`${base}.${category}`];
          expect(message, `${lang} ${base}.${category}`).to.be.a('string').and.not.match(/^\s*$/);
          expect(
            varsOf(message).filter((name) => name !== 'count'),
            `${lang} ${base}.${category}`,
          ).to.deep.equal(varsOf(nl[`${base}.other`]).filter((name) => name !== 'count'));
        }
      }
      const unknown = Object.keys(messages).filter((key) => !(key in nl) && !bases.has(pluralBase(key) ?? ''));
      expect(unknown, lang).to.deep.equal([]);
    }
    expect(translatePlural('uk', 'combobox.results', 3)).to.equal('3 результати');
    expect(translatePlural('pl', 'combobox.results', 25)).to.equal('25 wyników');
    expect(translatePlural('ar', 'combobox.results', 2)).to.equal('نتيجتان');
  });

  it('makes the languages selectable by their tag', () => {
    for (const lang of languages) expect(supportedLang(lang)).to.equal(lang);
    expect(supportedLang('ar-MA')).to.equal('ar');
    expect(supportedLang('fr')).to.equal('nl');
  });
});

describe('right-to-left and switching language', function () {
  this.timeout(30000);

  it('<ddd-progress> in Arabic is right to left, mirrored and in Arabic; Polish takes over at runtime', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" style="width: 48rem"><ddd-progress .dossier=${makeDossier({ status: 'bijMentor' })}></ddd-progress></div>`);
    const el = wrapper.querySelector<DddProgress>('ddd-progress')!;
    await el.updateComplete;
    const root = el.shadowRoot!.querySelector<HTMLElement>('.progress')!;
    expect(root.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(root).direction).to.equal('rtl');
    const steps = [...el.shadowRoot!.querySelectorAll('.step')].map((step) => step.getBoundingClientRect());
    // The first step (deel A) sits at the right, the last (Afgerond) at the left.
    expect(steps[0]!.left).to.be.greaterThan(steps[3]!.left);
    expect(shadowText(el)).to.match(arabic).and.contain('المرشد');
    await expect(el).to.be.accessible();

    wrapper.setAttribute('lang', 'pl');
    await until(() => shadowText(el).includes('Wypełniono'), 'Polish labels');
    expect(root.getAttribute('dir')).to.equal('ltr');
    const ltrSteps = [...el.shadowRoot!.querySelectorAll('.step')].map((step) => step.getBoundingClientRect());
    expect(ltrSteps[0]!.left).to.be.lessThan(ltrSteps[3]!.left);
    expect(shadowText(el)).not.to.match(arabic);
  });

  it('<ddd-dossier-form> in Arabic puts the task list on the right, shows Arabic labels and switches language live', async () => {
    const { api } = signIn('student-noor');
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 60rem"><ddd-dossier-form lang="ar" autosave-delay="40" dossier-id="dossier-noor" .api=${api}></ddd-dossier-form></div>`);
    const el = wrapper.querySelector<DddDossierForm>('ddd-dossier-form')!;
    await until(() => el.shadowRoot!.querySelector('.tasks'), 'dossier loaded');
    await el.updateComplete;
    const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

    expect($('.form').getAttribute('dir')).to.equal('rtl');
    const tasks = $('.tasks').getBoundingClientRect();
    const main = $('.layout__main').getBoundingClientRect();
    expect(tasks.left, 'task list right of the section').to.be.greaterThan(main.left);
    expect($('.tasks').textContent).to.contain('البيانات الشخصية').and.contain('الأقسام');
    // The current task's marker bar follows the start edge (right in Arabic).
    el.shadowRoot!.querySelector<HTMLButtonElement>('.task__button')!.click();
    await until(() => el.shadowRoot!.querySelector('.task__button[aria-current]'), 'a section is open');
    expect(getComputedStyle($('.task__button[aria-current]')).boxShadow).to.contain('-4px');
    expect($('.section__heading').textContent).to.contain('البيانات الشخصية');

    el.setAttribute('lang', 'tr');
    await until(() => $('.tasks').textContent!.includes('Kişisel bilgiler'), 'Turkish labels');
    expect($('.form').getAttribute('dir')).to.equal('ltr');
    expect($('.tasks').getBoundingClientRect().left, 'task list left of the section').to.be.lessThan($('.layout__main').getBoundingClientRect().left);
    expect(shadowText(el)).to.contain('Bölümler').and.not.match(arabic);

    el.setAttribute('lang', 'nl');
    await until(() => $('.tasks').textContent!.includes('Persoonlijke gegevens'), 'Dutch labels');
  });

  it('says which language it shows: on a page in a language without a catalogue, every element marks its Dutch as lang="nl"', async () => {
    const { api } = signIn('student-noor');
    const mentor = signIn('mentor-yilmaz').api;
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr">
      <ddd-progress .dossier=${makeDossier({ status: 'concept' })}></ddd-progress>
      <ddd-dossier-form dossier-id="dossier-noor" .api=${api}></ddd-dossier-form>
      <ddd-mentor-review .api=${mentor}></ddd-mentor-review>
      <ddd-consent dossier-id="dossier-emma" .api=${signIn('student-emma').api}></ddd-consent>
    </div>`);
    const elements = [...wrapper.children];
    await until(() => elements.every((el) => el.shadowRoot?.querySelector('[dir] h2, [dir] .stepper')), 'every element rendered');
    for (const el of elements) {
      const outer = el.shadowRoot!.querySelector('[dir]')!;
      expect(outer.getAttribute('lang'), el.localName).to.equal('nl');
      expect(outer.getAttribute('dir'), el.localName).to.equal('ltr');
    }
    expect(shadowText(elements[1]!)).to.contain('Onderdelen');

    wrapper.setAttribute('lang', 'ar-MA');
    await until(() => elements.every((el) => el.shadowRoot!.querySelector('[dir]')!.getAttribute('lang') === 'ar'), 'every element in Arabic');
    for (const el of elements) expect(el.shadowRoot!.querySelector('[dir]')!.getAttribute('dir'), el.localName).to.equal('rtl');
  });

  it('picks up a language whose messages arrive after the element rendered (a separate language file)', async () => {
    const el = await fixture<DddProgress>(html`<ddd-progress lang="zz" .dossier=${makeDossier({ status: 'concept' })}></ddd-progress>`);
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Ingevuld');
    addMessages({ zz: { 'progress.overall': 'Zz-ingevuld' } });
    await until(() => shadowText(el).includes('Zz-ingevuld'), 'late language shown');
  });

  it('shows questions, options and help of a section in the chosen language', async () => {
    const { api } = signIn('student-noor');
    const el = await fixture<DddDossierForm>(html`<ddd-dossier-form lang="uk" dossier-id="dossier-noor" .api=${api}></ddd-dossier-form>`);
    await until(() => el.shadowRoot!.querySelector('.tasks'), 'dossier loaded');
    await new FormHarness(el).openSection('herkomst');
    await until(() => shadowText(el).includes('Тип школи'), 'Ukrainian question label');
    expect(shadowText(el)).to.contain('mbo (середня професійна освіта)').and.contain('Теперішня або остання школа');
    await expect(el).to.be.accessible();
  });
});
