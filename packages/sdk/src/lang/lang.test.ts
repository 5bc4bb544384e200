import { expect } from '@open-wc/testing';
import { missingAnswerIssue } from '../answers.js';
import { buildSections, defaultRegionConfig, regionConfigSchema } from '../config.js';
import { exampleRegionConfig } from '../example/data.js';
import { DossierApiError, userMessageFor, type DossierApiErrorKind } from '../errors.js';
import { directionOf, localize, registerLanguage, registeredLanguages, textKeys, type LanguagePack, type Localized } from '../i18n.js';
import { refusal, refusalCodes } from '../refusals.js';
import { dossierTypes, type Question, type TextQuestion } from '../sections/types.js';
import { issueTexts, validateAnswer } from '../validators.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { sectionTexts } from './keys.js';
import { pl } from './pl.js';
import { tr } from './tr.js';
import { uk } from './uk.js';

// English is a pack like the others: the same keys and {vars}.
const packs: LanguagePack[] = [en, ar, tr, uk, pl];
for (const pack of packs) registerLanguage(pack);

const varsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keyByDutch = () => new Map([...textKeys()].map(([key, value]) => [value.nl, key]));

/** Every text a person can meet from the SDK: all sections of every dossier type, refusals, issues, errors. */
function everyText(): Array<[where: string, value: Localized]> {
  const texts: Array<[string, Localized]> = [];
  for (const type of [undefined, ...dossierTypes]) {
    for (const [key, value] of sectionTexts(buildSections(defaultRegionConfig, type))) texts.push([`${type ?? 'all'}: ${key}`, value]);
  }
  for (const code of refusalCodes) texts.push([`refusal ${code}`, refusal(code).message]);
  const kinds: DossierApiErrorKind[] = ['validation', 'conflict', 'refused', 'forbidden', 'unauthorized', 'notFound', 'rateLimited', 'server', 'network', 'timeout', 'malformed'];
  for (const kind of kinds) {
    texts.push([`error ${kind}`, userMessageFor(kind)], [`error ${kind} (write)`, userMessageFor(kind, { write: true })]);
  }
  return texts;
}

describe('language packs (SDK)', () => {
  it('has every key the definitions, refusals, issues and errors use, non-empty and with the same {vars}', () => {
    const keys = textKeys();
    expect(keys.size).to.be.greaterThan(250);
    for (const pack of packs) {
      for (const [key, value] of keys) {
        const translated = pack.texts[key];
        expect(translated, `${pack.lang} ${key}`).to.be.a('string').and.not.match(/^\s*$/);
        expect(varsOf(translated!), `${pack.lang} ${key} {vars}`).to.deep.equal(varsOf(value.nl));
      }
    }
  });

  it('has no keys that nothing uses', () => {
    const keys = textKeys();
    for (const pack of packs) {
      const unknown = Object.keys(pack.texts).filter((key) => !keys.has(key));
      expect(unknown, pack.lang).to.deep.equal([]);
    }
  });

  it('translates every label, option, help, placeholder, intro, refusal and error message of every dossier type', () => {
    const keys = keyByDutch();
    const texts = everyText();
    expect(texts.length).to.be.greaterThan(600);
    for (const pack of packs) {
      for (const [where, value] of texts) {
        const shown = localize(value, pack.lang);
        const key = keys.get(value.nl);
        // A joined text (an error after a failed write) has no key of its own: it must differ from the Dutch.
        if (key) expect(shown, `${pack.lang} ${where}`).to.equal(pack.texts[key]);
        else {
          expect(shown, `${pack.lang} ${where}`).to.not.equal(value.nl);
          expect(shown, `${pack.lang} ${where}`).to.not.contain('{');
        }
      }
    }
  });

  it('fills the values of a validation message into the translation', () => {
    const bsn: TextQuestion = { kind: 'text', id: 'bsn', label: { nl: 'BSN', en: 'BSN' }, required: true, format: 'bsn' };
    const issue = validateAnswer(bsn, '1234')!;
    expect(localize(issue.message, 'nl')).to.equal('Een BSN heeft 9 cijfers. Je hebt er nu 4.');
    expect(localize(issue.message, 'pl')).to.equal('BSN ma 9 cyfr. Liczba wpisanych cyfr: 4.');
    expect(localize(issue.message, 'tr')).to.contain('4').and.not.contain('{');
    const tooLong = validateAnswer({ ...bsn, format: undefined, maxLength: 3 }, 'abcdef')!;
    expect(localize(tooLong.message, 'uk')).to.equal('Це задовго: максимум символів — 3. Зараз: 6.');
    expect(Object.keys(issueTexts).every((name) => textKeys().has(`issue.${name}`))).to.equal(true);
  });

  it('names the question in its own language in a "required" message', () => {
    const question = buildSections(defaultRegionConfig)
      .find((s) => s.id === 'persoonlijk')!
      .questions.find((q) => q.id === 'postcode') as Question;
    const message = missingAnswerIssue(question).message;
    expect(localize(message, 'nl')).to.equal('Vul postcode in.');
    expect(localize(message, 'ar')).to.equal(`عبّئ هذا الحقل: ${ar.texts['q.persoonlijk.postcode.label']}.`);
  });

  it('translates copies of the definitions, such as a config that came as JSON from a server', () => {
    const fromServer = JSON.parse(JSON.stringify(defaultRegionConfig)) as typeof defaultRegionConfig;
    const sections = buildSections(fromServer, 'vo-mbo');
    const competence = sections.find((s) => s.id === 'competenties')!.questions[0]!;
    expect(localize(competence.label, 'tr')).to.equal(tr.texts[`q.competenties.${competence.id}.label`]);
    const copied = JSON.parse(JSON.stringify(sections[0]!.title)) as Localized;
    expect(localize(copied, 'uk')).to.equal('Особисті дані');
  });

  it('falls back to Dutch for a language without a pack and for texts a region added itself', () => {
    const title = buildSections(defaultRegionConfig)[0]!.title;
    expect(localize(title, 'fr')).to.equal('Persoonlijke gegevens');
    expect(localize(title, 'en-GB')).to.equal('Personal details');
    expect(localize(title, 'AR')).to.equal('البيانات الشخصية');
    expect(localize({ nl: 'Eigen vraag van de regio', en: 'Region question' }, 'pl')).to.equal('Eigen vraag van de regio');
    expect(registeredLanguages()).to.include.members(['nl', 'en', 'ar', 'tr', 'uk', 'pl']);
  });

  it('shows a region’s own question in every language the region gave it, also after the config came as JSON', () => {
    const region = regionConfigSchema.parse(
      JSON.parse(
        JSON.stringify({
          ...defaultRegionConfig,
          extraQuestions: {
            voorbereiding: [
              {
                id: 'studiekeuzecheck',
                label: {
                  nl: 'Heb je de studiekeuzecheck gedaan?',
                  en: 'Did you do the study-choice check?',
                  ar: 'هل أجريت studiekeuzecheck؟',
                  tr: 'Studiekeuzecheck yaptın mı?',
                  uk: 'Ти пройшов(-ла) studiekeuzecheck?',
                  pl: 'Czy zrobiłeś(-aś) studiekeuzecheck?',
                },
                kind: 'choice',
                required: false,
                options: [{ value: 'gepland', label: { nl: 'Gepland', en: 'Planned', tr: 'Planlandı' } }],
              },
            ],
          },
        }),
      ),
    );
    const question = buildSections(region, 'vo-mbo')
      .find((s) => s.id === 'voorbereiding')!
      .questions.find((q) => q.id === 'studiekeuzecheck')!;
    expect(localize(question.label, 'nl')).to.equal('Heb je de studiekeuzecheck gedaan?');
    expect(localize(question.label, 'en')).to.equal('Did you do the study-choice check?');
    expect(localize(question.label, 'ar')).to.equal('هل أجريت studiekeuzecheck؟');
    expect(localize(question.label, 'tr')).to.equal('Studiekeuzecheck yaptın mı?');
    expect(localize(question.label, 'uk')).to.equal('Ти пройшов(-ла) studiekeuzecheck?');
    expect(localize(question.label, 'pl')).to.equal('Czy zrobiłeś(-aś) studiekeuzecheck?');
    const option = question.kind === 'choice' ? question.options[0]!.label : undefined;
    expect(localize(option, 'tr')).to.equal('Planlandı');
    expect(localize(option, 'pl'), 'a language the region left out shows the Dutch').to.equal('Gepland');
    // The example region's question carries all six languages.
    const example = buildSections(exampleRegionConfig(), 'vo-mbo')
      .find((s) => s.id === 'voorbereiding')!
      .questions.find((q) => q.id === 'studiekeuzecheck')!;
    for (const lang of ['ar', 'tr', 'uk', 'pl']) expect(localize(example.label, lang), lang).to.not.equal(example.label.nl);
  });

  it('keeps a write failure message in one language, including "may not have been saved"', () => {
    const error = new DossierApiError({ kind: 'network', message: 'offline', write: true });
    expect(localize(error.userMessage, 'tr')).to.equal(`${tr.texts['error.network']} ${tr.texts['error.maybeNotSaved']}`);
    expect(localize(error.userMessage, 'nl')).to.match(/internetverbinding .* Je wijziging is misschien niet opgeslagen\.$/);
  });

  it('says Arabic is written right to left', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('ar-MA')).to.equal('rtl');
    for (const lang of ['nl', 'en', 'tr', 'uk', 'pl']) expect(directionOf(lang)).to.equal('ltr');
  });
});
