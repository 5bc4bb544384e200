// Every language change is reviewed against the glossary (glossary.ts): one word per concept,
// everywhere, and the words the glossary rules out nowhere. Also: parents are addressed formally
// in every language, Turkish sentences do not start with a lowercase Dutch word, and Arabic never
// puts a number straight before a counted noun (its number agreement depends on the number).
import { expect } from '@open-wc/testing';
import { textKeys } from '@doorstroom/sdk';
import { ar as sdkAr } from '@doorstroom/sdk/lang/ar';
import { pl as sdkPl } from '@doorstroom/sdk/lang/pl';
import { tr as sdkTr } from '@doorstroom/sdk/lang/tr';
import { uk as sdkUk } from '@doorstroom/sdk/lang/uk';
import '../index.js';
import { catalogue } from '../shared/i18n.js';
import './all.js';
import { glossaries, parentAddress, type GlossaryLanguage, type GlossaryTerm } from './glossary.js';

const packLanguages = ['ar', 'tr', 'uk', 'pl'] as const;
const sdkPacks = { ar: sdkAr, tr: sdkTr, uk: sdkUk, pl: sdkPl } as const;

interface Text {
  key: string;
  nl: string;
  text: string;
}

/** Every text a person can meet in `lang`, with its Dutch: the SDK's (definitions, refusals, messages) and the elements'. */
function textsIn(lang: GlossaryLanguage): Text[] {
  const texts: Text[] = [];
  const uiNl = catalogue('nl');
  const ui = catalogue(lang);
  for (const [key, nl] of Object.entries(uiNl)) {
    const shown = ui[key];
    if (typeof nl === 'string' && typeof shown === 'string') texts.push({ key, nl, text: shown });
  }
  for (const [key, value] of textKeys()) {
    const shown = lang === 'nl' ? value.nl : lang === 'en' ? value.en : sdkPacks[lang].texts[key];
    if (shown) texts.push({ key, nl: value.nl, text: shown });
  }
  return texts;
}

describe('the glossary', () => {
  it('lists the same terms in every language, each with a translation and a one-line explanation', () => {
    const terms = Object.keys(glossaries.nl).sort();
    expect(terms.length).to.be.greaterThan(12);
    for (const [lang, glossary] of Object.entries(glossaries)) {
      expect(Object.keys(glossary).sort(), lang).to.deep.equal(terms);
      for (const [term, entry] of Object.entries(glossary)) {
        expect(entry.translation, `${lang} ${term}`).to.match(/\S/);
        expect(entry.explanation, `${lang} ${term}`).to.match(/\S/);
        expect(entry.explanation.split(/(?<=[.!?])\s+/).length, `${lang} ${term}: one line`).to.be.at.most(2);
      }
    }
  });

  for (const lang of ['nl', 'en', ...packLanguages] as const) {
    it(`${lang}: uses the glossary's word wherever the Dutch uses the term, and never a word it rules out`, () => {
      const texts = textsIn(lang);
      expect(texts.length).to.be.greaterThan(500);
      const wrong: string[] = [];
      for (const [term, entry] of Object.entries(glossaries[lang]) as Array<[GlossaryTerm, (typeof glossaries)['nl'][GlossaryTerm]]>) {
        for (const { key, nl, text } of texts) {
          // A {variable} is filled in later: its name is not a use of the term.
          if (entry.uses && entry.dutch?.test(nl.replace(/\{\w+\}/g, '')) && !entry.uses.test(text)) wrong.push(`${key} lacks "${entry.translation}" (${term}): ${text}`);
          if (entry.avoid?.test(text)) wrong.push(`${key} uses what the glossary rules out for ${term}: ${text}`);
        }
      }
      expect(wrong).to.deep.equal([]);
    });
  }

  it('addresses a parent formally in every language (u, siz, ви, Pan/Pani; the Arabic plural)', () => {
    // The texts a parent reads: their consent screen and the SDK texts meant for them.
    const forParents = (key: string) =>
      /^consent\.(titleGuardian|notYet\.guardian|readIntro\.guardian|inzageSav(ed|ing)\.guardian|restored\.guardian|offline\.guardian|offlineTry\.guardian)$/.test(key) ||
      /^consent\.guardian\.(intro|introNoChoice|goesTitle|goesTitleNoChoice|goesChosen|goesNotChosen|readTitle|yourConsent|as|notYou|give|notNeeded|done|change)$/.test(key) ||
      /^(refusal\.studentConsentFirst|q\.ouderToestemming\.relatie\.label)$/.test(key);
    const wrong: string[] = [];
    for (const lang of ['nl', 'ar', 'tr', 'uk', 'pl'] as const) {
      for (const { key, nl, text } of textsIn(lang)) {
        if (!forParents(key)) continue;
        if (parentAddress[lang].informal.test(text)) wrong.push(`${lang} ${key} is informal: ${text}`);
        // A text that addresses the parent (the Dutch says "u") does so formally.
        if (parentAddress.nl.formal.test(nl) && !parentAddress[lang].formal.test(text)) wrong.push(`${lang} ${key} does not address formally: ${text}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('starts no Turkish sentence with a lowercase Dutch word (deel A, mbo)', () => {
    const wrong = textsIn('tr')
      // Labels that are the Dutch term itself ("deel A" as a step name) are not sentences.
      .filter(({ key, text }) => !key.startsWith('opt.') && !/^(deel [AB]|mbo)$/.test(text) && key !== 'mentor.history.intake')
      .filter(({ text }) => /(^|[.?!] )(deel [AB]|mbo)\b/.test(text))
      .map(({ key, text }) => `${key}: ${text}`);
    expect(wrong).to.deep.equal([]);
  });

  it('never puts an Arabic number straight before a counted noun (the agreement depends on the number)', () => {
    const wrong = textsIn('ar')
      .filter(({ text }) => /\{\w+\}\s*(سنة|سنوات|عامًا|حرفًا|حرف|أحرف|رقمًا|أرقام)/.test(text))
      .map(({ key, text }) => `${key}: ${text}`);
    expect(wrong).to.deep.equal([]);
  });

  it('keeps "akkoord" (agreeing with the content) and "toestemming" (consent to send) apart in Arabic', () => {
    const texts = textsIn('ar');
    const consent = texts.filter(({ nl }) => /\btoestemming\b/i.test(nl));
    expect(consent.length).to.be.greaterThan(5);
    const agreeingToSend = consent.filter(({ text }) => /(أوافق|توافق|يوافق)\s+على\s+(إرسال|الإرسال)/.test(text));
    expect(agreeingToSend.map(({ key }) => key)).to.deep.equal([]);
  });
});
