import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { addMessages, describeError, LocaleController, supportedLang, translate, translatePlural } from './i18n.js';
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

describe('LocaleController', () => {
  it('uses lang on the host, else the nearest ancestor, and re-renders when it changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><test-locale-probe></test-locale-probe></div>`);
    const probe = wrapper.querySelector<LocaleProbe>('test-locale-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Filled in');

    wrapper.setAttribute('lang', 'nl');
    await waitUntil(() => text(probe) === 'Ingevuld', 'switches to Dutch', { timeout: 5000 });

    probe.setAttribute('lang', 'en-GB');
    await waitUntil(() => text(probe) === 'Filled in', 'own lang wins', { timeout: 5000 });
    probe.removeAttribute('lang');
    await waitUntil(() => text(probe) === 'Ingevuld', 'back to the ancestor', { timeout: 5000 });
  });

  it('finds lang outside a shadow root and defaults to Dutch', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<section><test-locale-shell></test-locale-shell></section>`);
    const shell = wrapper.querySelector<LocaleShell>('test-locale-shell')!;
    await shell.updateComplete;
    const probe = shell.shadowRoot!.querySelector<LocaleProbe>('test-locale-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Ingevuld');
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => text(probe) === 'Filled in', 'follows the ancestor across the shadow boundary', { timeout: 5000 });
  });
});
