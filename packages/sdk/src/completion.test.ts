import { expect } from '@open-wc/testing';
import { validateSection } from './answers.js';
import { completion, percentOf, sectionCompletion } from './completion.js';
import { buildSections, defaultRegionConfig, findSection, type RegionConfig } from './config.js';
import type { ConditionContext } from './conditions.js';
import type { Dossier } from './contract.js';
import type { SectionAnswers, SectionDefinition } from './sections/types.js';
import { birthDateForAge, completeAnswers, makeDossier, today } from './testing/fixtures.js';

const minor: ConditionContext = { dossierType: 'vo-mbo', guardianConsentNeeded: true };
const adult: ConditionContext = { dossierType: 'vo-mbo', guardianConsentNeeded: false };

function section(id: string, config: RegionConfig = defaultRegionConfig): SectionDefinition {
  const found = findSection(config, id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}
const of = (id: string, answers: SectionAnswers | undefined, context: ConditionContext = minor) => sectionCompletion(section(id), answers, context, today);
const without = (answers: SectionAnswers, ...ids: string[]): SectionAnswers => Object.fromEntries(Object.entries(answers).filter(([key]) => !ids.includes(key)));
const withRegion = (overrides: Partial<RegionConfig>): RegionConfig => ({ ...defaultRegionConfig, ...overrides });

describe('percentOf', () => {
  it('rounds, counts nothing-to-do as done, and never shows 100 while something is missing', () => {
    expect(percentOf(1, 3)).to.equal(33);
    expect(percentOf(2, 3)).to.equal(67);
    expect(percentOf(0, 0)).to.equal(100);
    expect(percentOf(199, 200)).to.equal(99);
    expect(percentOf(5, 5)).to.equal(100);
  });
});

describe('sectionCompletion', () => {
  it('is 100% and complete for every section filled in as the fixtures do', () => {
    for (const definition of buildSections(defaultRegionConfig, 'vo-mbo')) {
      const result = sectionCompletion(definition, completeAnswers(definition.id), minor, today);
      expect(result.percent, definition.id).to.equal(100);
      expect(result.status, definition.id).to.equal('complete');
      // Optional sections (A6, A8) and B1, whose questions are all sensitive (spec §6), ask nothing required.
      if (!definition.optional && definition.id !== 'begeleiding') expect(result.required, definition.id).to.be.greaterThan(0);
    }
  });

  it('starts as notStarted at 0% and goes inProgress with the first answer', () => {
    const empty = of('persoonlijk', undefined);
    expect(empty).to.include({ sectionId: 'persoonlijk', part: 'A', answered: 0, percent: 0, status: 'notStarted' });
    // nummerSoort and one number (BSN until onderwijsnummer is chosen); mobielGeheim only counts once a mobile number is given.
    expect(empty.required).to.equal(15);
    const started = of('persoonlijk', { roepnaam: 'Sam' });
    expect(started).to.include({ answered: 1, percent: 7, status: 'inProgress' });
  });

  it('asks for an onderwijsnummer instead of a BSN when the student has one', () => {
    const withOnderwijsnummer = { ...completeAnswers('persoonlijk'), nummerSoort: 'onderwijsnummer', bsn: null };
    expect(of('persoonlijk', withOnderwijsnummer).status).to.equal('inProgress');
    expect(of('persoonlijk', { ...withOnderwijsnummer, onderwijsnummer: '101222331' }).status).to.equal('complete');
    expect(of('persoonlijk', { ...withOnderwijsnummer, onderwijsnummer: '101222332' }).status, 'wrong check digit').to.equal('inProgress');
  });

  it('does not count an invalid answer', () => {
    const valid = of('persoonlijk', completeAnswers('persoonlijk'));
    const wrongBsn = of('persoonlijk', { ...completeAnswers('persoonlijk'), bsn: '123456789' });
    expect(wrongBsn.required).to.equal(valid.required);
    expect(wrongBsn.answered).to.equal(valid.required - 1);
    expect(wrongBsn.status).to.equal('inProgress');
  });

  it('asks for leerweg only at a vmbo school', () => {
    const vmbo = completeAnswers('herkomst');
    expect(of('herkomst', without(vmbo, 'leerweg'))).to.include({ answered: 6, required: 7, status: 'inProgress' });
    const havo = { ...without(vmbo, 'leerweg', 'sector'), schoolsoort: 'havo', profiel: 'CM' };
    expect(of('herkomst', havo)).to.include({ required: 6, answered: 6, status: 'complete' });
    // isk has neither leerweg nor sector
    expect(of('herkomst', { ...without(vmbo, 'leerweg', 'sector'), schoolsoort: 'isk' })).to.include({ required: 5, answered: 5, status: 'complete' });
  });

  it('does not count a conditional answer that no longer applies', () => {
    const switched = { ...completeAnswers('herkomst'), schoolsoort: 'isk' }; // leerweg and sector still hold vmbo answers
    expect(of('herkomst', switched)).to.include({ required: 5, answered: 5, percent: 100 });
    const stale = { ...completeAnswers('thuis'), bijbaan: false }; // the description is still there
    expect(of('thuis', stale)).to.include({ required: 4, answered: 4, status: 'complete' });
  });

  it('asks what the side job is only when there is one', () => {
    const answers = without(completeAnswers('thuis'), 'bijbaanOmschrijving');
    expect(of('thuis', answers)).to.include({ required: 5, answered: 4, status: 'inProgress' });
    expect(of('thuis', { ...answers, bijbaan: false })).to.include({ required: 4, answered: 4, status: 'complete' });
  });

  it('needs ouders only while the student is under the guardian consent age', () => {
    const noParents = without(completeAnswers('thuis'), 'ouders');
    expect(of('thuis', noParents, minor)).to.include({ required: 5, answered: 4, status: 'inProgress' });
    expect(of('thuis', noParents, adult)).to.include({ required: 4, answered: 4, status: 'complete' });
  });

  it('counts a repeat only with enough complete, valid entries', () => {
    const parent = { naam: 'Fatima de Vries', relatie: 'moeder', telefoon: '+31 6 87654321', email: 'fatima@voorbeeld.nl' };
    const withParents = (ouders: SectionAnswers[]) => of('thuis', { ...completeAnswers('thuis'), ouders }, minor);
    expect(withParents([parent]).status).to.equal('complete');
    expect(withParents([{ ...parent, telefoon: '06 87654321' }]).status, 'a Dutch phone number as people write it').to.equal('complete');
    expect(withParents([{ ...parent, telefoon: '06 8765432' }]).status, 'a phone number one digit short').to.equal('inProgress');
    expect(withParents([without(parent, 'email')]).status, 'entry without email').to.equal('inProgress');
    expect(withParents([without(parent, 'email'), parent]).status, 'one of two complete').to.equal('complete');
    expect(withParents([{}]).status, 'an empty entry').to.equal('inProgress');
  });

  it('completes A5 by one complete entry or by ticking geen ervaring', () => {
    const entry = { soort: 'werk', organisatie: 'Bakkerij Bol', plaats: 'Gouda', werkzaamheden: 'Brood verkopen' };
    expect(of('ervaring', { ervaring: [entry] })).to.include({ required: 1, answered: 1, status: 'complete' });
    expect(of('ervaring', { geenErvaring: true })).to.include({ required: 0, percent: 100, status: 'complete' });
    expect(of('ervaring', { ervaring: [without(entry, 'werkzaamheden')] })).to.include({ answered: 0, percent: 0, status: 'inProgress' });
    expect(of('ervaring', { ervaring: [{ ...entry, soort: 'vakantie' }] }).answered, 'unknown kind').to.equal(0);
    expect(of('ervaring', { geenErvaring: false, ervaring: [] })).to.include({ answered: 0, status: 'inProgress' });
    expect(of('ervaring', undefined).status).to.equal('notStarted');
  });

  it("counts '?' (weet ik niet) as an answered competence, but not a score outside the list", () => {
    const allDontKnow = Object.fromEntries(defaultRegionConfig.competences.map((c) => [c.code, '?']));
    expect(of('competenties', allDontKnow)).to.include({ required: 8, answered: 8, status: 'complete' });
    expect(of('competenties', { ...allDontKnow, samenwerken: 5 }).answered).to.equal(7);
  });

  it('counts a confirm only when ticked', () => {
    const unticked = { ...completeAnswers('akkoordverklaring'), toestemming: false };
    expect(of('akkoordverklaring', unticked)).to.include({ required: 2, answered: 1, status: 'inProgress' });
  });

  it('asks for the reason when the student does not agree', () => {
    expect(of('akkoordverklaring', { akkoord: 'nee', toestemming: true })).to.include({ required: 3, answered: 2 });
    expect(of('akkoordverklaring', { akkoord: 'nee', redenNietAkkoord: 'Mijn mentor schrijft dat ik vaak te laat kom; dat klopt niet.', toestemming: true }).status).to.equal('complete');
  });

  it('has nothing to ask of a guardian for an adult student', () => {
    expect(of('ouderToestemming', undefined, adult)).to.include({ required: 0, percent: 100, status: 'complete' });
    expect(of('ouderToestemming', undefined, minor)).to.include({ required: 3, percent: 0, status: 'notStarted' });
  });

  it('agrees with validateSection: complete exactly when there is nothing to fix', () => {
    const cases: Array<[string, SectionAnswers]> = [
      ['thuis', without(completeAnswers('thuis'), 'bijbaanOmschrijving')],
      ['herkomst', { ...completeAnswers('herkomst'), schoolsoort: 'isk' }],
      ['persoonlijk', { ...completeAnswers('persoonlijk'), postcode: '1234 SS' }],
      ['ervaring', { geenErvaring: true }],
    ];
    for (const [id, answers] of cases) {
      const done = of(id, answers).status === 'complete';
      expect(validateSection(section(id), answers, minor, { today }).length === 0, id).to.equal(done);
    }
  });
});

describe('completion of a dossier', () => {
  it('sums deel A, deel B and consent for a vo-mbo dossier', () => {
    const dossier = makeDossier();
    const result = completion(dossier, defaultRegionConfig, { today });
    expect(result.partA).to.deep.include({ percent: 100, complete: true });
    expect(result.partB).to.deep.include({ answered: 0, percent: 0, complete: false });
    // Every B1 question is sensitive and may be skipped (spec §6): nothing there is required.
    expect(result.sections['begeleiding']).to.include({ required: 0, status: 'complete' });
    expect(result.sections['advies']?.status).to.equal('notStarted');
    const total = result.partA.required + result.partB!.required;
    expect(result.overall).to.equal(Math.round((100 * result.partA.answered) / total));
    expect(result.consent.complete).to.equal(false);
    expect(Object.keys(result.sections)).to.include.members(['persoonlijk', 'motivatie', 'advies', 'akkoordverklaring', 'ouderToestemming']);
  });

  it('is 100% everywhere once deel B and consent are filled in', () => {
    const dossier = makeDossier({
      sections: [
        'persoonlijk',
        'thuis',
        'herkomst',
        'competenties',
        'ervaring',
        'ondersteuning',
        'vervolgkeuze',
        'voorbereiding',
        'motivatie',
        'begeleiding',
        'advies',
        'akkoordverklaring',
        'ouderToestemming',
      ],
    });
    const result = completion(dossier, defaultRegionConfig, { today });
    expect(result.partB?.complete).to.equal(true);
    expect(result.consent.complete).to.equal(true);
    expect(result.overall).to.equal(100);
  });

  it('has no deel B for mbo-mbo and werk-mbo', () => {
    for (const type of ['mbo-mbo', 'werk-mbo'] as const) {
      const result = completion(makeDossier({ type }), defaultRegionConfig, { today });
      expect(result.partB, type).to.equal(null);
      expect(result.sections['advies'], type).to.equal(undefined);
      expect(result.overall, type).to.equal(100);
    }
  });

  it('asks for guardian consent by the age on the given day and the region’s consent age', () => {
    const seventeen = makeDossier({ age: 17 });
    expect(completion(seventeen, defaultRegionConfig, { today }).sections['ouderToestemming']?.required).to.equal(3);
    const region16 = withRegion({ guardianConsentBelowAge: 16 });
    expect(completion(seventeen, region16, { today }).sections['ouderToestemming']?.required).to.equal(0);
    // Without ouders deel A is complete for a 17-year-old only where 16 is the consent age.
    const noParents: Dossier = { ...seventeen, answers: { ...seventeen.answers, thuis: without(completeAnswers('thuis'), 'ouders') } };
    expect(completion(noParents, defaultRegionConfig, { today }).partA.complete).to.equal(false);
    expect(completion(noParents, region16, { today }).partA.complete).to.equal(true);
    const birthday = { ...noParents, answers: { ...noParents.answers, persoonlijk: { ...noParents.answers['persoonlijk'], geboortedatum: birthDateForAge(18, 1) } } };
    expect(completion(birthday, defaultRegionConfig, { today }).partA.complete, 'one day before turning 18').to.equal(false);
    expect(completion(birthday, defaultRegionConfig, { today: new Date(2026, 10, 24, 12) }).partA.complete, 'on the 18th birthday').to.equal(true);
  });

  it('counts a region’s extra questions', () => {
    const region = withRegion({
      extraQuestions: {
        motivatie: [
          { id: 'stageplek', label: { nl: 'Heb je al een stageplek?', en: 'Do you have a work placement yet?' }, kind: 'yesNo', required: true },
          { id: 'hobby', label: { nl: 'Hobby', en: 'Hobby' }, kind: 'text', required: false },
        ],
      },
    });
    const dossier = makeDossier();
    const before = completion(dossier, defaultRegionConfig, { today });
    const after = completion(dossier, region, { today });
    expect(after.sections['motivatie']).to.include({ required: before.sections['motivatie']!.required + 1, status: 'inProgress' });
    expect(after.partA.complete).to.equal(false);
    const answered = { ...dossier, answers: { ...dossier.answers, motivatie: { ...dossier.answers['motivatie'], stageplek: false } } };
    expect(completion(answered, region, { today }).partA.complete).to.equal(true);
  });

  it('never lets an optional section (A6, A8) block sending, not even a region’s required question in it', () => {
    const dossier = makeDossier({ sections: ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'vervolgkeuze', 'motivatie'] });
    const result = completion(dossier, defaultRegionConfig, { today });
    expect(result.partA).to.deep.include({ percent: 100, complete: true });
    expect(result.sections['ondersteuning']).to.include({ required: 0, status: 'complete' });
    const started = { ...dossier, answers: { ...dossier.answers, ondersteuning: { dyslexie: 'zegIkLieverNiet', onderzoek: true } } };
    expect(completion(started, defaultRegionConfig, { today }).partA.complete, 'a skipped follow-up question').to.equal(true);
    const region = withRegion({
      extraQuestions: { voorbereiding: [{ id: 'studiekeuzecheck', label: { nl: 'Studiekeuzecheck gedaan?', en: 'Study-choice check done?' }, kind: 'yesNo', required: true }] },
    });
    const withExtra = completion(dossier, region, { today });
    expect(withExtra.sections['voorbereiding']).to.include({ required: 1, status: 'notStarted' });
    expect(withExtra.partA.complete).to.equal(true);
  });

  it('leaves out sections a region switched off', () => {
    const region = withRegion({ disabledSections: ['ondersteuning', 'voorbereiding'] });
    const dossier = makeDossier({ sections: ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'vervolgkeuze', 'motivatie'] });
    const result = completion(dossier, region, { today });
    expect(result.sections['ondersteuning']).to.equal(undefined);
    expect(result.partA).to.deep.include({ percent: 100, complete: true });
  });

  it('follows the region’s competence list in A4', () => {
    const region = withRegion({
      competences: [
        { code: 'samenwerken', nl: 'Samenwerken', en: 'Working together' },
        { code: 'klantgericht', nl: 'Klantgericht werken', en: 'Customer focus' },
      ],
    });
    const dossier = makeDossier();
    expect(completion(dossier, region, { today }).sections['competenties']).to.include({ required: 2, answered: 1, percent: 50 });
    const scored = { ...dossier, answers: { ...dossier.answers, competenties: { samenwerken: 3, klantgericht: '?' } } };
    expect(completion(scored, region, { today }).sections['competenties']?.status).to.equal('complete');
  });
});
