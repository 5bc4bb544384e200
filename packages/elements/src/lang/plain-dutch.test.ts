// Dutch is the default language, for students aged 12–20 of whom some read it poorly: every
// Dutch text (UI strings and the SDK's section and question texts) must read at B1 level. What
// can be checked by a machine is checked here, after the Direct Duidelijk / NL Design System
// guidance: short sentences, an easy text overall, and none of the officialese words that
// plain-language lists replace.
import { expect } from '@open-wc/testing';
import { textKeys } from '@doorstroom/sdk';
import '../index.js';
import { catalogue, type Message } from '../shared/i18n.js';

/** Longest sentence allowed, in words (B1 guidance: on average under 15, never much over 20). */
const maxWordsPerSentence = 20;
/** Flesch-Douma reading ease over all texts: 60–70 is "fairly easy", B1; higher is easier. */
const minReadingEase = 65;
/** Officialese with a plain word beside it (in brackets, for whoever writes a new text). */
const officialese = [
  'indien (als)',
  'teneinde (om)',
  'middels (met)',
  'derhalve (daarom)',
  'ten behoeve van (voor)',
  'dienen te (moeten)',
  'dient te (moet)',
  'reeds (al)',
  'alsmede (en)',
  'conform (volgens)',
  'woonachtig (wonen)',
  'tevens (ook)',
  'omtrent (over)',
  'inzake (over)',
  'desgewenst (als je wilt)',
  'ingevolge (door)',
  'onverwijld (meteen)',
  'doch (maar)',
  'verstrekken (geven)',
  'retourneren (terugsturen)',
].map((entry) => ({ word: entry.slice(0, entry.indexOf(' (')), plain: entry.slice(entry.indexOf('(') + 1, -1) }));

/** A message with its {vars} filled by a neutral word, so functions and templates read as text. */
function asText(message: Message): string {
  const vars = new Proxy({}, { get: () => 'iets' });
  const text = typeof message === 'function' ? message(vars) : message;
  return text.replace(/\{\w+\}/g, 'iets');
}

function dutchTexts(): { key: string; text: string }[] {
  const sdk = [...textKeys()].map(([key, value]) => ({ key, text: value.nl }));
  const ui = Object.entries(catalogue('nl')).map(([key, message]) => ({ key, text: asText(message) }));
  return [...sdk, ...ui];
}

/** Whether `text` has `word` as a whole word (or words), in any case. */
const usesWord = (text: string, word: string) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'iu').test(text);

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
const wordsOf = (sentence: string) => sentence.split(/\s+/).filter((word) => /\p{L}/u.test(word));
const syllablesOf = (word: string) => word.toLowerCase().match(/[aeiouyàáâäèéêëïíîóôöúûü]+/g)?.length ?? 1;

describe('plain Dutch (B1)', () => {
  it('finds the texts: every UI string and every SDK section and question text', () => {
    const keys = dutchTexts().map((entry) => entry.key);
    expect(keys.length).to.be.greaterThan(550);
    expect(keys).to.include.members(['form.choice.deadline', 'field.optional']);
    expect(keys).to.include.members(['section.persoonlijk.title', 'q.persoonlijk.bsn.label']);
  });

  it(`keeps every sentence at ${maxWordsPerSentence} words or fewer`, () => {
    const long = dutchTexts().flatMap(({ key, text }) =>
      sentencesOf(text)
        .filter((sentence) => wordsOf(sentence).length > maxWordsPerSentence)
        .map((sentence) => `${key}: ${wordsOf(sentence).length} words: "${sentence}"`),
    );
    expect(long, 'split these sentences').to.deep.equal([]);
  });

  it(`reads easily overall (Flesch-Douma ≥ ${minReadingEase})`, () => {
    const sentences = dutchTexts()
      .flatMap(({ text }) => sentencesOf(text))
      .filter((sentence) => wordsOf(sentence).length > 0);
    const words = sentences.flatMap(wordsOf);
    const syllables = words.reduce((sum, word) => sum + syllablesOf(word), 0);
    const ease = 206.84 - 77 * (syllables / words.length) - 0.93 * (words.length / sentences.length);
    expect(ease).to.be.at.least(minReadingEase);
  });

  it('uses plain words instead of officialese', () => {
    const found = dutchTexts().flatMap(({ key, text }) => officialese.filter(({ word }) => usesWord(text, word)).map(({ word, plain }) => `${key}: "${word}" → "${plain}"`));
    expect(found).to.deep.equal([]);
  });

  it('notices a sentence that is too long, and officialese (the checks can fail)', () => {
    const tooLong = 'Meld je vóór 1 april aan want dan heb je recht op toelating als je aan de eisen voldoet en ook nog op een studiekeuzeadvies van de school.';
    expect(wordsOf(sentencesOf(tooLong)[0]!).length).to.be.greaterThan(maxWordsPerSentence);
    expect(officialese.some(({ word }) => usesWord('Indien je vragen hebt, bel ons.', word))).to.equal(true);
  });
});
