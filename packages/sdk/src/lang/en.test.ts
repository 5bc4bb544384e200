// English is a language pack like the others (lang/en.ts): until it is registered, English shows
// the Dutch, except a text that carries its own English (a region's own texts). This file runs in
// its own page, so nothing registered English before it.
import { expect } from '@open-wc/testing';
import { missingAnswerIssue } from '../answers.js';
import { buildSections, defaultRegionConfig } from '../config.js';
import { DossierApiError } from '../errors.js';
import { joinTexts, localize, registerLanguage, text } from '../i18n.js';
import { refusal } from '../refusals.js';
import type { Question } from '../sections/types.js';
import { en } from './en.js';

const postcode = () =>
  buildSections(defaultRegionConfig)
    .find((s) => s.id === 'persoonlijk')!
    .questions.find((q) => q.id === 'postcode') as Question;

describe('English as a language pack (lang/en.ts)', () => {
  it('shows Dutch until the pack is registered, then English, derived texts included', () => {
    const title = buildSections(defaultRegionConfig)[0]!.title;
    const required = missingAnswerIssue(postcode()).message;
    const writeFailed = new DossierApiError({ kind: 'network', message: 'offline', write: true }).userMessage;
    expect(title.en).to.equal(undefined);
    expect(localize(title, 'en')).to.equal('Persoonlijke gegevens');
    expect(localize({ nl: 'Eigen vraag van de regio', en: 'Region question' }, 'en'), 'a text with its own English').to.equal('Region question');

    registerLanguage(en);
    expect(localize(title, 'en')).to.equal('Personal details');
    expect(localize(title, 'en-GB')).to.equal('Personal details');
    expect(localize(title, 'nl')).to.equal('Persoonlijke gegevens');
    // Worded for its place in the sentence like the Dutch ("Vul postcode in."), from the pack's label.
    expect(localize(required, 'en')).to.equal('Fill in postcode.');
    expect(localize(writeFailed, 'en')).to.equal(`${en.texts['error.network']}${en.texts['error.maybeNotSaved']}`);
    expect(localize(refusal('deelAIncomplete').message, 'en')).to.equal(en.texts['refusal.deelAIncomplete']);
    expect(localize({ nl: 'Eigen vraag van de regio', en: 'Region question' }, 'en'), 'its own English still wins').to.equal('Region question');
    expect(localize(text('Tekst die alleen Nederlands heeft'), 'en'), 'a text without a key').to.equal('Tekst die alleen Nederlands heeft');
    expect(localize(joinTexts(text('Eerste zin. '), title), 'en'), 'joined, each part in English or Dutch').to.equal('Eerste zin. Personal details');
  });
});
