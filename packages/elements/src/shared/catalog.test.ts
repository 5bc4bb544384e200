import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryBackend, defaultRegionConfig, exampleData, findSection, type ReferenceAnswer } from '@doorstroom/sdk';
import { catalogSearch } from './catalog.js';
import type { TestSectionForm } from './test-host.js';
import './test-host.js';

const today = new Date(2026, 10, 23, 12);

describe('catalogSearch', function () {
  this.timeout(30000);
  it('fills A7 from the catalogue: instelling, then its locatie and opleiding', async () => {
    const api = createMemoryBackend(exampleData({ today }), { now: () => today }).client('student-noor');
    const section = findSection(defaultRegionConfig, 'vervolgkeuze')!;
    const form = await fixture<TestSectionForm>(html`<test-section-form .section=${section} .search=${catalogSearch(api, 'nl')}></test-section-form>`);
    const input = (id: string) => form.shadowRoot!.getElementById(`ddd-${id}`) as HTMLInputElement;
    const choose = async (id: string, typed: string) => {
      input(id).focus();
      // Typing searches; ArrowDown in an empty field opens the whole list on its first option.
      if (typed) await sendKeys({ type: typed });
      else await sendKeys({ press: 'ArrowDown' });
      const status = form.shadowRoot!.getElementById(`ddd-${id}`)!.parentElement!.querySelector('.ddd-combobox__status')!;
      await waitUntil(() => input(id).getAttribute('aria-expanded') === 'true' && status.textContent !== 'Zoeken…', `${id} options`, { timeout: 5000 });
      if (typed) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await form.updateComplete;
      return form.draft[id] as ReferenceAnswer;
    };

    expect(input('locatie'), 'locatie waits for the instelling').to.equal(null);
    const instelling = await choose('instelling', 'albeda');
    expect(instelling).to.deep.equal({ id: '00GT', label: 'Albeda', detail: { brin: '00GT' } });

    const locatie = await choose('locatie', '');
    expect(locatie.detail).to.have.property('plaats');

    input('opleiding').focus();
    await sendKeys({ type: 'a' });
    const programmeStatus = input('opleiding').parentElement!.querySelector('.ddd-combobox__status')!;
    await waitUntil(() => input('opleiding').getAttribute('aria-expanded') === 'true' && programmeStatus.textContent !== 'Zoeken…', 'programmes', { timeout: 5000 });
    const firstOption = form.shadowRoot!.getElementById('ddd-opleiding-option-0')!;
    expect(firstOption.textContent).to.match(/niveau \d · (BOL|BBL) · crebo \d{5}/);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    const opleiding = form.draft['opleiding'] as ReferenceAnswer;
    expect(Object.keys(opleiding.detail!)).to.have.members(['crebo', 'niveau', 'leerweg', 'cohort']);
    expect(form.shadowRoot!.getElementById('ddd-bevestigd')).to.exist;
  });
});
