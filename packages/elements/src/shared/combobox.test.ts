import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { createMemoryBackend, exampleData, limits, localize, userMessageFor, type ReferenceAnswer } from '@doorstroom/sdk';
import { combobox, type ComboboxOption } from './combobox.js';
import { translate } from './i18n.js';
import { fieldStyles, sharedStyles } from './tokens.js';
// English, registered as by every element's tag file (the package index or one element).
import './english.js';

const institutions: ComboboxOption[] = [
  { id: '00GT', label: 'Albeda', detail: { plaats: 'Rotterdam' } },
  { id: '25LJ', label: 'ROC Midden Nederland', detail: { plaats: 'Utrecht' } },
  { id: '01OE', label: 'Alfa-college', description: 'Groningen' },
  { id: '30RR', label: 'Aventus', detail: { plaats: 'Apeldoorn' } },
];

class ComboHost extends LitElement {
  static override styles = [sharedStyles, fieldStyles];
  value: ReferenceAnswer | null = null;
  override lang = 'nl';
  queries: string[] = [];
  selected: Array<ComboboxOption | null> = [];
  blurs = 0;
  delay = 0;
  /** When set, each search waits for its own gate to be opened by the test. */
  gates?: Map<string, () => void>;
  results: (query: string) => ComboboxOption[] | Promise<ComboboxOption[]> = (query) => institutions.filter((i) => i.label.toLowerCase().includes(query.toLowerCase()));

  override render() {
    return html`<label id="inst-label" for="inst">Mbo-school</label>
      ${combobox({
        id: 'inst',
        labelId: 'inst-label',
        lang: this.lang,
        value: this.value,
        search: async (query) => {
          this.queries.push(query);
          if (this.delay) await aTimeout(this.delay);
          if (this.gates) await new Promise<void>((open) => this.gates!.set(query, open));
          return this.results(query);
        },
        onSelect: (option) => {
          this.selected.push(option);
          this.value = option && { id: option.id, label: option.label };
          this.requestUpdate();
        },
        onBlur: () => this.blurs++,
      })}
      <button>Verder</button>`;
  }
}
customElements.define('test-combo-host', ComboHost);

async function setup() {
  const host = await fixture<ComboHost>(html`<test-combo-host></test-combo-host>`);
  const root = host.shadowRoot!;
  const input = root.getElementById('inst') as HTMLInputElement;
  const listbox = root.getElementById('inst-listbox')!;
  const live = root.querySelector('[role=status]')!;
  const options = () => [...listbox.querySelectorAll('[role=option]')];
  const active = () => input.getAttribute('aria-activedescendant');
  input.focus();
  const status = root.querySelector<HTMLElement>('.ddd-combobox__status')!;
  /** The last search has answered and the list is open (keys typed under load arrive slowly). */
  const settled = () => waitUntil(() => input.getAttribute('aria-expanded') === 'true' && status.textContent !== 'Zoeken…', 'results shown', { timeout: 5000 });
  const type = (text: string) => {
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  };
  return { host, root, input, listbox, live, options, active, settled, status, type };
}

describe('combobox', function () {
  this.timeout(30000);
  it('follows the ARIA 1.2 combobox pattern', async () => {
    const { input, listbox, host } = await setup();
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal('inst-listbox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(listbox.getAttribute('aria-labelledby')).to.equal('inst-label');
    expect(listbox.hidden).to.equal(true);
    await expect(host).to.be.accessible();
  });

  it('speaks of arrow keys only where there are keys: on a touch screen the hint says to tap a result', async () => {
    const description = (input: HTMLInputElement, root: ShadowRoot) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => root.getElementById(id)?.textContent ?? '')
        .join(' ');
    const desktop = await setup();
    expect(description(desktop.input, desktop.root)).to.contain('pijltjestoetsen');
    desktop.host.remove();
    const original = window.matchMedia;
    // A phone: a coarse pointer and no hover.
    window.matchMedia = ((query: string) => ({ ...original.call(window, query), matches: query.includes('pointer: coarse') || original.call(window, query).matches })) as typeof window.matchMedia;
    try {
      const phone = await setup();
      const hint = description(phone.input, phone.root);
      expect(hint).not.to.contain('pijltjestoetsen');
      expect(hint).to.contain('Tik daarna op een resultaat.');
    } finally {
      window.matchMedia = original;
    }
  });

  it('searches once after typing stops (debounce) and announces the number of results', async () => {
    const { input, host, live, options } = await setup();
    for (const typed of ['a', 'al']) {
      input.value = typed;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    await aTimeout(100);
    expect(host.queries, 'no search while typing').to.deep.equal([]);
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'list opens', { timeout: 5000 });
    expect(host.queries, 'one search for what was typed last').to.deep.equal(['al']);
    expect(options().map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Albeda Rotterdam', 'Alfa-college Groningen']);
    expect(live.textContent).to.equal('2 resultaten');
    await expect(host).to.be.accessible();
  });

  it('moves with ArrowDown/ArrowUp (wrapping) and Home/End, and chooses with Enter', async () => {
    const { input, host, options, active, settled } = await setup();
    await sendKeys({ type: 'a' });
    await settled();
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal('inst-option-0');
    expect(options()[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal('inst-option-1');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(active(), 'wraps to the last').to.equal('inst-option-3');
    await sendKeys({ press: 'Home' });
    expect(active()).to.equal('inst-option-0');
    await sendKeys({ press: 'End' });
    expect(active()).to.equal('inst-option-3');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await host.updateComplete;
    expect(host.selected).to.deep.equal([institutions[2]]);
    expect(input.value).to.equal('Alfa-college');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
  });

  it('opens with ArrowDown on the first option, and Escape closes without choosing', async () => {
    const { input, host, active } = await setup();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'list opens', { timeout: 5000 });
    expect(host.queries).to.deep.equal(['']);
    expect(active()).to.equal('inst-option-0');
    await sendKeys({ press: 'Escape' });
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(host.selected).to.deep.equal([]);
  });

  it('chooses with a click without losing focus', async () => {
    const { input, host, options, root, settled } = await setup();
    host.results = () => institutions;
    await sendKeys({ type: 'rot' });
    await settled();
    (options()[1] as HTMLElement).click();
    await host.updateComplete;
    expect(host.selected[0]!.id).to.equal('25LJ');
    expect(root.activeElement).to.equal(input);
  });

  it('shows loading, then the empty state, and announces it', async () => {
    const { input, host, live, status, type } = await setup();
    host.gates = new Map();
    type('xyz');
    expect(status.hidden).to.equal(false);
    expect(status.textContent).to.equal('Zoeken…');
    await waitUntil(() => host.gates!.has('xyz'), 'search started', { timeout: 5000 });
    expect(status.textContent, 'still loading').to.equal('Zoeken…');
    host.gates.get('xyz')!();
    await waitUntil(() => status.textContent!.startsWith('Geen'), 'empty state', { timeout: 5000 });
    expect(status.textContent).to.equal('Geen resultaten voor “xyz”. Probeer een ander woord.');
    expect(live.textContent).to.equal(status.textContent);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('ignores an older, slower answer', async () => {
    const { host, options, type } = await setup();
    host.gates = new Map();
    host.results = (query) => institutions.filter((i) => i.label.toLowerCase().startsWith(query));
    type('al');
    await waitUntil(() => host.gates!.has('al'), 'first search', { timeout: 5000 });
    type('alb');
    await waitUntil(() => host.gates!.has('alb'), 'second search', { timeout: 5000 });
    host.gates.get('alb')!();
    await waitUntil(() => options().length === 1, 'the newest answer shows', { timeout: 5000 });
    host.gates.get('al')!();
    await aTimeout(50);
    expect(options()[0]!.textContent).to.contain('Albeda');
    expect(options()[0]!.textContent).to.contain('Rotterdam');
  });

  it('on leaving: an emptied field clears the answer, other typing falls back to the chosen entry', async () => {
    const { input, host } = await setup();
    host.value = { id: '00GT', label: 'Albeda' };
    host.requestUpdate();
    await host.updateComplete;
    expect(input.value).to.equal('Albeda');
    await sendKeys({ type: 'xx' });
    await sendKeys({ press: 'Tab' });
    await host.updateComplete;
    expect(input.value).to.equal('Albeda');
    expect(host.blurs).to.equal(1);
    input.focus();
    input.select();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await host.updateComplete;
    expect(host.selected).to.deep.equal([null]);
  });

  it('takes no more characters than the backend searches for', async () => {
    const { input } = await setup();
    expect(input.maxLength).to.equal(limits.query);
    await sendKeys({ type: 'a'.repeat(limits.query + 5) });
    expect(input.value).to.equal('a'.repeat(limits.query));
  });

  describe('when the search fails', () => {
    // The real catalogue over HTTP: the handler answers a too-long `q` with 400.
    const catalogue = () => {
      const backend = createMemoryBackend(exampleData());
      const api = backend.client(backend.tokens['student-lisa']!);
      return (query: string) => api.institutions(query || undefined).then((found) => found.map((i) => ({ id: i.brin, label: i.naam })));
    };
    /** The search has answered with a message (a failure shows no list, so the list does not open). */
    const answered = (status: HTMLElement) => waitUntil(() => !status.hidden && status.textContent !== 'Zoeken…', 'search answered', { timeout: 5000 });

    it('says a refused search needs other words (not "try again", not "correct the answers") and keeps the text', async () => {
      const { input, host, live, status, type } = await setup();
      host.results = catalogue();
      const tooLong = 'Albeda '.repeat(15) + 'x';
      expect(tooLong.length).to.be.greaterThan(limits.query);
      type(tooLong);
      await answered(status);
      expect(host.queries).to.deep.equal([tooLong]);
      expect(status.textContent).to.equal(translate('nl', 'search.refused'));
      expect(status.textContent).to.not.equal(translate('nl', 'combobox.error'));
      expect(status.textContent).to.not.equal(localize(userMessageFor('validation'), 'nl'));
      expect(live.textContent).to.equal(status.textContent);
      expect(input.value).to.equal(tooLong);

      // Shortened, the same box searches again and finds.
      type('Albeda');
      await waitUntil(() => live.textContent === '1 resultaat', 'found after shortening', { timeout: 5000 });
      expect(status.hidden).to.equal(true);
    });

    it('says "try again" when the backend could not answer', async () => {
      const { host, status, type } = await setup();
      host.results = () => Promise.reject(new TypeError('Failed to fetch'));
      type('Albeda');
      await answered(status);
      expect(status.textContent).to.equal(translate('nl', 'combobox.error'));
    });
  });

  it('speaks English when lang is en', async () => {
    const { host, live, settled } = await setup();
    host.lang = 'en';
    host.requestUpdate();
    await sendKeys({ type: 'a' });
    await settled();
    expect(live.textContent).to.equal('4 results');
  });
});
