import { expect } from '@open-wc/testing';
import { missingAnswerIssue, parseDraft, validateSection, type FieldError } from './answers.js';
import { sectionCompletion } from './completion.js';
import { buildSections, defaultRegionConfig, findSection } from './config.js';
import type { ConditionContext } from './conditions.js';
import { limits } from './contract.js';
import type { Question, SectionAnswers, SectionDefinition } from './sections/types.js';
import { completeAnswers, today } from './testing/fixtures.js';
import { localize, registerLanguage } from './i18n.js';
import { en } from './lang/en.js';

// English is a language pack: registered as an integrator who shows English does.
registerLanguage(en);

const minor: ConditionContext = { dossierType: 'vo-mbo', guardianConsentNeeded: true };

function section(id: string): SectionDefinition {
  const found = findSection(defaultRegionConfig, id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}
function question(sectionId: string, questionId: string): Question {
  const found = section(sectionId).questions.find((q) => q.id === questionId);
  if (!found) throw new Error(`no question ${questionId}`);
  return found;
}
const errorsOf = (id: string, answers: SectionAnswers | undefined) => validateSection(section(id), answers, minor, { today });
const byPath = (errors: FieldError[]) => Object.fromEntries(errors.map((e) => [e.path, e]));
const errorPaths = (result: ReturnType<typeof parseDraft>) => (result.ok ? [] : result.errors.map((e) => e.path));

describe('validateSection', () => {
  const allSections = buildSections(defaultRegionConfig, 'vo-mbo');

  it('finds nothing to fix in any complete section', () => {
    for (const definition of allSections) {
      expect(validateSection(definition, completeAnswers(definition.id), minor, { today }), definition.id).to.deep.equal([]);
    }
  });

  it('lists every required question of an empty section, in both languages', () => {
    for (const definition of allSections) {
      const errors = validateSection(definition, undefined, minor, { today });
      const required = sectionCompletion(definition, undefined, minor, today).required;
      expect(errors.length, definition.id).to.equal(required);
      for (const error of errors) {
        expect(error.code, error.path).to.equal('required');
        expect(error.message.nl, error.path).to.not.equal('');
        expect(localize(error.message, 'en'), error.path).to.not.equal(error.message.nl);
      }
    }
  });

  it('phrases the missing-answer message for the kind of question', () => {
    const errors = byPath(errorsOf('persoonlijk', {}));
    expect(errors['postcode']?.message.nl).to.equal('Vul postcode in.');
    expect(localize(errors['postcode']!.message, 'en')).to.equal('Fill in postcode.');
    expect(errors['bsn']?.message.nl, 'an abbreviation keeps its capitals').to.equal('Vul burgerservicenummer (BSN) in.');
    expect(errors['geslacht']?.message.nl).to.equal('Kies een antwoord bij: Geslacht.');
    expect(errors['telefoonGeheim']?.message.nl).to.equal('Kies een antwoord bij: Is dit nummer geheim?');
    expect(byPath(errorsOf('thuis', {}))['vrijeTijd']?.message.nl).to.equal('Geef antwoord op de vraag: Wat doe je in je vrije tijd?');
    expect(byPath(errorsOf('herkomst', {}))['examenvakken']?.message.nl).to.equal('Kies minstens één antwoord bij: Examenvakken.');
    expect(byPath(errorsOf('ervaring', {}))['ervaring']?.message.nl).to.equal('Voeg minstens één ervaring toe en vul alles in.');
    expect(byPath(errorsOf('vervolgkeuze', {}))['instelling']?.message.nl).to.equal('Kies uit de lijst: Mbo-school.');
    expect(missingAnswerIssue(question('akkoordverklaring', 'toestemming')).message.nl).to.match(/^Vink dit aan: Ik geef toestemming/);
  });

  it('reports invalid formats with the field path', () => {
    const answers = { ...completeAnswers('persoonlijk'), postcode: '0123 AB', bsn: '123456789', telefoon: '030 123456' };
    const errors = errorsOf('persoonlijk', answers);
    expect(errors.map((e) => [e.path, e.code])).to.deep.equal([
      ['bsn', 'bsn'],
      ['telefoon', 'phone'],
      ['postcode', 'postcode'],
    ]);
    expect(byPath(errors)['bsn']?.message.nl).to.equal('Dit BSN klopt niet. Controleer de cijfers.');
  });

  it('reports fields inside repeat entries by entry index', () => {
    const answers = {
      ...completeAnswers('thuis'),
      ouders: [
        { naam: 'Fatima de Vries', relatie: 'moeder', telefoon: '+31 6 87654321', email: 'fatima@voorbeeld.nl' },
        { naam: 'Joost de Vries', relatie: 'vader', telefoon: '06 1234567' },
      ],
    };
    const errors = errorsOf('thuis', answers);
    expect(errors.map((e) => [e.path, e.questionId, e.code])).to.deep.equal([
      ['ouders.1.telefoon', 'telefoon', 'phone'],
      ['ouders.1.email', 'email', 'required'],
    ]);
    expect(errors[0]?.message.nl).to.contain('10 cijfers');
  });

  it('asks for A5 entries until geen ervaring is ticked, and for the fields of a started entry', () => {
    expect(errorsOf('ervaring', { geenErvaring: true })).to.deep.equal([]);
    const started = errorsOf('ervaring', { ervaring: [{ soort: 'stage', organisatie: 'Garage Jansen' }] });
    expect(started.map((e) => e.path)).to.deep.equal(['ervaring.0.plaats', 'ervaring.0.werkzaamheden']);
  });

  it('ignores questions that do not apply, even with a wrong leftover answer', () => {
    const havo = { ...completeAnswers('herkomst'), schoolsoort: 'havo', profiel: 'CM', sector: 'onzin', leerweg: 'onzin' };
    expect(errorsOf('herkomst', havo)).to.deep.equal([]);
    const vmbo = { ...havo, schoolsoort: 'vmbo', sector: 'techniek' }; // an old vmbo sector is still a valid choice
    expect(errorsOf('herkomst', vmbo).map((e) => [e.path, e.code])).to.deep.equal([['leerweg', 'option']]);
    expect(errorsOf('thuis', { ...completeAnswers('thuis'), bijbaan: false, bijbaanOmschrijving: '' })).to.deep.equal([]);
  });

  it('asks for ouders only under the guardian consent age', () => {
    const answers = { ...completeAnswers('thuis'), ouders: [] };
    expect(errorsOf('thuis', answers).map((e) => e.path)).to.deep.equal(['ouders']);
    expect(validateSection(section('thuis'), answers, { ...minor, guardianConsentNeeded: false }, { today })).to.deep.equal([]);
  });

  it('asks for an unticked confirmation', () => {
    const errors = errorsOf('vervolgkeuze', { ...completeAnswers('vervolgkeuze'), bevestigd: false });
    expect(errors.map((e) => [e.path, e.code])).to.deep.equal([['bevestigd', 'required']]);
  });

  it('checks the minimum length of the motivation', () => {
    const errors = errorsOf('motivatie', { waarom: 'Leuk' });
    expect(errors.map((e) => [e.path, e.code])).to.deep.equal([['waarom', 'minLength']]);
  });
});

describe('parseDraft', () => {
  it('accepts every complete section and any partial draft', () => {
    for (const definition of buildSections(defaultRegionConfig, 'vo-mbo')) {
      const answers = completeAnswers(definition.id);
      expect(parseDraft(definition, answers), definition.id).to.deep.equal({ ok: true, value: answers });
    }
    expect(parseDraft(section('persoonlijk'), {})).to.deep.equal({ ok: true, value: {} });
  });

  it('keeps what was typed: formats are not enforced', () => {
    const typed = { bsn: '12345', postcode: 'weet ik niet', telefoon: '06', geboortedatum: '14-05', voorletters: 'sj' };
    expect(parseDraft(section('persoonlijk'), typed)).to.deep.equal({ ok: true, value: typed });
  });

  it('keeps null to clear an answer', () => {
    expect(parseDraft(section('persoonlijk'), { tussenvoegsel: null })).to.deep.equal({ ok: true, value: { tussenvoegsel: null } });
  });

  it('refuses unknown question ids, also inside repeat entries, pointing at where they are without echoing them', () => {
    expect(errorPaths(parseDraft(section('persoonlijk'), { roepnaam: 'Sam', isAdmin: true }))).to.deep.equal(['']);
    expect(errorPaths(parseDraft(section('thuis'), { ouders: [{ naam: 'Fatima', bsn: '111222333' }] }))).to.deep.equal(['ouders.0']);
    expect(errorPaths(parseDraft(section('persoonlijk'), JSON.parse('{"__proto__": {"x": 1}}')))).to.deep.equal(['']);
    const reference = parseDraft(section('vervolgkeuze'), { instelling: { id: '00GT', label: 'Albeda', detail: { '<svg onload=x>': { nested: 1 } } } });
    expect(errorPaths(reference)).to.deep.equal(['instelling.detail']);
  });

  it('refuses answers of the wrong type or outside the options', () => {
    const result = parseDraft(section('persoonlijk'), { roepnaam: 42, telefoonGeheim: 'ja', geslacht: 'onbekend', geboortedatum: 20090514 });
    expect(errorPaths(result).sort()).to.deep.equal(['geboortedatum', 'geslacht', 'roepnaam', 'telefoonGeheim']);
    expect(errorPaths(parseDraft(section('competenties'), { samenwerken: '3' }))).to.deep.equal(['samenwerken']);
    expect(errorPaths(parseDraft(section('herkomst'), { examenvakken: ['Nederlands', 'Latijn'] }))).to.deep.equal(['examenvakken.1']);
    expect(errorPaths(parseDraft(section('herkomst'), { examenvakken: ['Nederlands', 'Nederlands'] }))).to.deep.equal(['examenvakken.1']);
    expect(errorPaths(parseDraft(section('herkomst'), { examenvakken: 'Nederlands' }))).to.deep.equal(['examenvakken']);
    expect(errorPaths(parseDraft(section('ervaring'), { ervaring: { soort: 'stage' } }))).to.deep.equal(['ervaring']);
    expect(errorPaths(parseDraft(section('ervaring'), { ervaring: ['Garage Jansen'] }))).to.deep.equal(['ervaring.0']);
  });

  it('refuses texts over the question’s maxLength, or the wire limit when it has none', () => {
    expect(errorPaths(parseDraft(section('persoonlijk'), { roepnaam: 'x'.repeat(100) }))).to.deep.equal([]);
    const tooLong = parseDraft(section('persoonlijk'), { roepnaam: 'x'.repeat(101) });
    expect(tooLong).to.deep.equal({ ok: false, errors: [{ path: 'roepnaam', message: 'longer than 100 characters' }] });
    expect(errorPaths(parseDraft(section('persoonlijk'), { postcode: 'x'.repeat(limits.text) }))).to.deep.equal([]);
    expect(errorPaths(parseDraft(section('persoonlijk'), { postcode: 'x'.repeat(limits.text + 1) }))).to.deep.equal(['postcode']);
  });

  it('refuses lists over maxItems', () => {
    const parent = { naam: 'Fatima de Vries' };
    expect(errorPaths(parseDraft(section('thuis'), { ouders: [parent, parent] }))).to.deep.equal([]);
    expect(errorPaths(parseDraft(section('thuis'), { ouders: [parent, parent, parent] }))).to.deep.equal(['ouders']);
    const entry = { soort: 'stage' };
    expect(errorPaths(parseDraft(section('ervaring'), { ervaring: Array.from({ length: limits.listItems + 1 }, () => entry) }))).to.deep.equal(['ervaring']);
  });

  it('checks references and drops fields a reference does not have', () => {
    const instelling = { id: '00GT', label: 'Albeda', detail: { brin: '00GT', niveau: 3 }, admin: true };
    const parsed = parseDraft(section('vervolgkeuze'), { instelling });
    expect(parsed).to.deep.equal({ ok: true, value: { instelling: { id: '00GT', label: 'Albeda', detail: { brin: '00GT', niveau: 3 } } } });
    expect(errorPaths(parseDraft(section('vervolgkeuze'), { instelling: { id: '00GT' } }))).to.deep.equal(['instelling.label']);
    expect(errorPaths(parseDraft(section('vervolgkeuze'), { instelling: { id: '', label: 'Albeda' } }))).to.deep.equal(['instelling.id']);
    expect(errorPaths(parseDraft(section('vervolgkeuze'), { instelling: { id: '00GT', label: 'Albeda', detail: { brin: ['00GT'] } } }))).to.deep.equal(['instelling.detail.brin']);
    expect(errorPaths(parseDraft(section('vervolgkeuze'), { instelling: 'Albeda' }))).to.deep.equal(['instelling']);
  });

  it('refuses something that is not an object of answers', () => {
    for (const body of [null, [], 'postcode', 42]) expect(parseDraft(section('persoonlijk'), body).ok, JSON.stringify(body)).to.equal(false);
    const many = Object.fromEntries(Array.from({ length: limits.answersPerSection + 1 }, (_, i) => [`q${i}`, 'x']));
    expect(parseDraft(section('persoonlijk'), many)).to.deep.equal({ ok: false, errors: [{ path: '', message: `more than ${limits.answersPerSection} answers` }] });
  });

  it('accepts the answers to a region’s extra questions', () => {
    const region = { ...defaultRegionConfig, extraQuestions: { motivatie: [{ id: 'stageplek', label: { nl: 'Stageplek?', en: 'Placement?' }, kind: 'yesNo' as const, required: true }] } };
    const motivatie = buildSections(region).find((s) => s.id === 'motivatie')!;
    expect(parseDraft(motivatie, { stageplek: true }).ok).to.equal(true);
    expect(parseDraft(section('motivatie'), { stageplek: true }).ok).to.equal(false);
  });
});
