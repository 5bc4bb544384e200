// The script-tag bundle ships English as dist/lang/en.js: its texts carry `en: ''` until that
// file registers the English by Dutch wording (scripts/english-pack.mjs builds it).
import { expect } from '@open-wc/testing';
import { format, joinTexts, localize, registerEnglish, text } from '../i18n.js';

describe('English registered by Dutch wording (lang/en.js of the script-tag bundle)', () => {
  it('falls back to Dutch until the English arrives, then shows it', () => {
    const title = text('Proefonderdeel voor de taaltest', '');
    expect(localize(title, 'en')).to.equal('Proefonderdeel voor de taaltest');
    registerEnglish({ 'Proefonderdeel voor de taaltest': 'Trial section for the language test' });
    expect(localize(title, 'en')).to.equal('Trial section for the language test');
    expect(localize(title, 'en-GB')).to.equal('Trial section for the language test');
    expect(localize(title, 'nl')).to.equal('Proefonderdeel voor de taaltest');
  });

  it('fills in templates and joins texts in English', () => {
    registerEnglish({
      'Vul {label} in bij de proef.': 'Fill in {label} for the trial.',
      Proefnaam: 'Trial name',
      'Eerste proefzin. ': 'First trial sentence. ',
      'Tweede proefzin.': 'Second trial sentence.',
    });
    const message = format(text('Vul {label} in bij de proef.', ''), { label: text('Proefnaam', '') });
    expect(localize(message, 'nl')).to.equal('Vul Proefnaam in bij de proef.');
    expect(localize(message, 'en')).to.equal('Fill in Trial name for the trial.');
    expect(localize(joinTexts(text('Eerste proefzin. ', ''), text('Tweede proefzin.', '')), 'en')).to.equal('First trial sentence. Second trial sentence.');
  });

  it('gives a text whose English was left out its `en` once registered (error.userMessage.en for integrators)', () => {
    const message = text('Proefmelding voor integratoren', '');
    expect(message.en).to.equal('');
    registerEnglish({ 'Proefmelding voor integratoren': 'Trial message for integrators' });
    expect(message.en).to.equal('Trial message for integrators');
    expect(JSON.parse(JSON.stringify(message))).to.deep.equal({ nl: 'Proefmelding voor integratoren', en: 'Trial message for integrators' });
  });

  it('keeps English written inline as it is', () => {
    registerEnglish({ 'Inline proeftekst': 'Registered trial text' });
    expect(localize(text('Inline proeftekst', 'Inline trial text'), 'en')).to.equal('Inline trial text');
  });
});
