import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { addMessages, describeError, LocaleController, offerLanguages, supportedLang, translate, translatePlural } from './i18n.js';
import '../context/ddd-context.js';
import { DossierApiError } from '@doorstroom/sdk';

class LocaleProbe extends LitElement {
  readonly locale = new LocaleController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`<p>${this.locale.t('progress.overall')}</p>`;
  }
}
customElements.define('test-locale-probe', LocaleProbe);

class LocaleShell extends LitElement {
  override render() {
    return html`<test-locale-probe></test-locale-probe>`;
  }
}
customElements.define('test-locale-shell', LocaleShell);

/** Stands for one of our elements that renders another inside its shadow root (the form and its consent). */
class OwnShell extends LitElement {
  override render() {
    return html`<div lang="en"><test-locale-probe></test-locale-probe></div>`;
  }
}
customElements.define('ddd-test-own-shell', OwnShell);

const text = (el: LitElement) => el.shadowRoot!.textContent!.trim();

describe('i18n', () => {
  it('fills in {vars} and falls back to Dutch for a language without a catalogue', () => {
    expect(translate('nl', 'repeat.add', { item: 'Ervaring' })).to.equal('Ervaring toevoegen');
    expect(translate('en', 'repeat.add', { item: 'Experience', itemLower: 'experience' })).to.equal('Add experience');
    expect(translate('fr', 'common.retry')).to.equal('Opnieuw proberen');
    expect(supportedLang('en-GB')).to.equal('en');
    expect(supportedLang('fr')).to.equal('nl');
  });

  it('chooses the plural form by the language rules', () => {
    expect(translatePlural('nl', 'combobox.results', 1)).to.equal('1 resultaat');
    expect(translatePlural('nl', 'combobox.results', 12)).to.equal('12 resultaten');
    expect(translatePlural('en', 'combobox.results', 1)).to.equal('1 result');
  });

  it('takes new languages and keys with addMessages; missing keys fall back to Dutch', () => {
    addMessages({ pl: { 'combobox.results.one': '1 wynik', 'combobox.results.few': '{count} wyniki', 'combobox.results.many': '{count} wyników' } });
    expect(supportedLang('pl')).to.equal('pl');
    expect(translatePlural('pl', 'combobox.results', 3)).to.equal('3 wyniki');
    expect(translatePlural('pl', 'combobox.results', 5)).to.equal('5 wyników');
    expect(translate('pl', 'common.retry')).to.equal('Opnieuw proberen');
  });

  it('shows the SDK user message of an API error in the current language', () => {
    const error = new DossierApiError({ kind: 'network', message: 'offline' });
    expect(describeError(error, 'nl')).to.contain('Geen verbinding');
    expect(describeError(error, 'en')).to.contain('No connection');
    expect(describeError(new Error('x'), 'en')).to.equal('Something went wrong. Please try again.');
  });

  it('English keys cover every Dutch key', () => {
    // Each key of the default catalogue must have its own English text, not the Dutch fallback.
    for (const key of ['setup.missing', 'field.optional', 'combobox.loading', 'errorSummary.title', 'sectionStatus.complete']) {
      expect(translate('en', key)).not.to.equal(translate('nl', key));
    }
  });
});

// The rule (docs/embedding.md, "Languages"): the element's own lang or a ddd-* ancestor's;
// the page's lang only for a language the portal offers (loaded its file); else Dutch.
// English is not offered until offerLanguages('en') below, so the order of these tests matters.
describe('LocaleController', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  after(() => (htmlLang === null ? document.documentElement.removeAttribute('lang') : document.documentElement.setAttribute('lang', htmlLang)));

  it('ignores a page lang the portal did not offer: a framework\'s <html lang="en"> leaves the elements Dutch', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const wrapper = await fixture<HTMLDivElement>(html`<div><test-locale-probe></test-locale-probe><div lang="en-GB"><test-locale-probe></test-locale-probe></div></div>`);
    const [underHtml, underWrapper] = [...wrapper.querySelectorAll<LocaleProbe>('test-locale-probe')];
    await underWrapper!.updateComplete;
    expect(text(underHtml!)).to.equal('Ingevuld');
    expect(text(underWrapper!)).to.equal('Ingevuld');
  });

  it('takes lang on the element itself, or on <ddd-context> around it, whether offered or not', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl">
      <test-locale-probe lang="en"></test-locale-probe>
      <ddd-context lang="en"><div lang="nl-BE"><test-locale-probe></test-locale-probe></div></ddd-context>
    </div>`);
    const [own, inContext] = [...wrapper.querySelectorAll<LocaleProbe>('test-locale-probe')];
    await inContext!.updateComplete;
    expect(text(own!)).to.equal('Filled in');
    // The wrapper's nl-BE is the page's Dutch, which is always offered: it is closer, so it wins.
    expect(text(inContext!)).to.equal('Ingevuld');
    inContext!.parentElement!.removeAttribute('lang');
    await waitUntil(() => text(inContext!) === 'Filled in', "then the context's lang", { timeout: 5000 });
  });

  it("inside one of our elements' shadow roots, follows that element's language", async () => {
    const shell = await fixture<OwnShell>(html`<ddd-test-own-shell></ddd-test-own-shell>`);
    const probe = shell.shadowRoot!.querySelector<LocaleProbe>('test-locale-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Filled in');
  });

  it('once the portal offers a language (its language file), the page lang picks it, also later and across shadow roots', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const wrapper = await fixture<HTMLDivElement>(html`<section><test-locale-shell></test-locale-shell></section>`);
    const shell = wrapper.querySelector<LocaleShell>('test-locale-shell')!;
    await shell.updateComplete;
    const probe = shell.shadowRoot!.querySelector<LocaleProbe>('test-locale-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Ingevuld');

    offerLanguages('en');
    await waitUntil(() => text(probe) === 'Filled in', 'the page (html lang="en") now counts', { timeout: 5000 });
    wrapper.setAttribute('lang', 'nl');
    await waitUntil(() => text(probe) === 'Ingevuld', 'a closer page lang wins', { timeout: 5000 });
    probe.setAttribute('lang', 'en-GB');
    await waitUntil(() => text(probe) === 'Filled in', 'own lang wins', { timeout: 5000 });
    probe.removeAttribute('lang');
    await waitUntil(() => text(probe) === 'Ingevuld', 'back to the page', { timeout: 5000 });
  });
});
