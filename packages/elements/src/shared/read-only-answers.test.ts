import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { buildSections, defaultRegionConfig, type SectionAnswers } from '@doorstroom/sdk';
import { completeAnswers } from '../../../sdk/src/testing/fixtures.js';
import { renderAnswers } from './read-only-answers.js';
// English, registered as by every element's tag file (the package index or one element).
import './english.js';

const sections = buildSections(defaultRegionConfig, 'vo-mbo');
const section = (id: string) => sections.filter((s) => s.id === id);

async function show(ids: string[], answers: Record<string, SectionAnswers>, lang = 'nl') {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(renderAnswers(ids.flatMap(section), answers, lang), host);
  return host;
}

describe('renderAnswers (read-only deel A/B)', function () {
  // The first test loads the SDK's catalogue and axe; the full walkthrough takes a while too.
  this.timeout(30000);
  it('shows each answer in words: ja/nee, option labels, repeat entries, catalogue details', async () => {
    const host = await show(['ondersteuning', 'ervaring', 'vervolgkeuze'], {
      ondersteuning: completeAnswers('ondersteuning'),
      ervaring: completeAnswers('ervaring'),
      vervolgkeuze: completeAnswers('vervolgkeuze'),
    });
    const text = host.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Verklaring sinds groep 6');
    expect(text).to.contain('Ja');
    expect(text).to.contain('Nee');
    expect(text).to.contain('Garage Jansen');
    expect(text).to.match(/crebo \d+/);
    expect(host.querySelectorAll('input, textarea, select')).to.have.length(0);
    await expect(host).to.be.accessible();
  });

  it('titles each section with a heading of the level the caller asks for (3 by default, kept within 2–6)', async () => {
    const levels = async (headingLevel?: number) => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      render(renderAnswers(section('motivatie'), {}, 'nl', headingLevel === undefined ? {} : { headingLevel }), host);
      return [...host.querySelectorAll('.ro-title')].map((title) => `${title.localName} ${title.textContent!.trim()}`);
    };
    expect(await levels()).to.deep.equal(['h3 A9 Motivatie']);
    expect(await levels(2)).to.deep.equal(['h2 A9 Motivatie']);
    expect(await levels(5)).to.deep.equal(['h5 A9 Motivatie']);
    expect(await levels(1)).to.deep.equal(['h2 A9 Motivatie']);
    expect(await levels(9)).to.deep.equal(['h6 A9 Motivatie']);
  });

  it('says "Niet ingevuld" for a required question without an answer, and hides questions that do not apply', async () => {
    const host = await show(['advies'], { advies: { pastKeuze: 'twijfel', eensMetDeelA: true } });
    const text = host.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Twijfel');
    expect(text).to.contain('Niet ingevuld');
    expect(text).not.to.contain('Waarom niet?');
  });

  it('speaks English when asked', async () => {
    const host = await show(['advies'], { advies: { pastKeuze: 'ja', naderContact: false } }, 'en');
    const text = host.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Assessment and advice');
    expect(text).to.contain('Not filled in');
    expect(text).to.contain('No');
  });
});
