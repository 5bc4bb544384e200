import { expect } from '@open-wc/testing';
import { defaultRegionConfig, type RegionConfig } from './config.js';
import { canView, consentRecord, historyVisibleTo, visibleTo } from './consent.js';
import type { Actor, Dossier, DossierStatus } from './contract.js';
import type { SectionAnswers } from './sections/types.js';
import { actors, birthDateForAge, completeAnswers, deelAIds, makeDossier, roster, today } from './testing/fixtures.js';
import type { WorkflowContext } from './workflow.js';

const context: WorkflowContext = { config: defaultRegionConfig, today, roster };
const deelB = ['begeleiding', 'advies'];
const everySection = [...deelAIds, ...deelB, 'akkoordverklaring', 'ouderToestemming'];
const legalA1 = ['nummerSoort', 'bsn', 'voorletters', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'geslacht'];

function dossierIn(status: DossierStatus, changes: Partial<Dossier> = {}): Dossier {
  const sent = status === 'akkoord' || status === 'afgerond';
  return makeDossier({
    status,
    sections: everySection,
    mentor: roster[0]!,
    deelBSentAt: sent ? today.toISOString() : null,
    finalizedAt: status === 'afgerond' ? today.toISOString() : null,
    ...changes,
  });
}

function withConsent(dossier: Dossier, akkoordverklaring: SectionAnswers): Dossier {
  return { ...dossier, answers: { ...dossier.answers, akkoordverklaring } };
}

const sectionsSeenBy = (actor: Actor, dossier: Dossier, ctx: WorkflowContext = context) => {
  const seen = visibleTo(actor, dossier, ctx);
  return seen ? Object.keys(seen.answers).sort() : null;
};

describe('visibleTo: who reads what', () => {
  it('shows the student their dossier without deel B until the mentor sends it', () => {
    const inDeelB = dossierIn('deelB');
    expect(sectionsSeenBy(actors.student, inDeelB)).to.deep.equal(everySection.filter((id) => !deelB.includes(id)).sort());
    const sent = dossierIn('akkoord');
    expect(sectionsSeenBy(actors.student, sent)).to.deep.equal([...everySection].sort());
    expect(visibleTo(actors.student, sent, context)?.answers['advies']).to.deep.equal(completeAnswers('advies'));
  });

  it('shows nothing to another student', () => {
    expect(visibleTo(actors.otherStudent, dossierIn('concept'), context)).to.equal(null);
    expect(canView(actors.otherStudent, dossierIn('concept'), context)).to.deep.include({ allowed: false });
  });

  it('shows the guardian everything, but only once consent is asked, and afterwards only what they took part in', () => {
    const guardianRead = [{ role: 'guardian' as const, person: { id: actors.guardian.person.id, naam: actors.guardian.person.naam }, at: today.toISOString() }];
    expect(visibleTo(actors.guardian, dossierIn('concept'), context)).to.equal(null);
    expect(visibleTo(actors.guardian, dossierIn('deelB'), context)).to.equal(null);
    expect(sectionsSeenBy(actors.guardian, dossierIn('akkoord'))).to.deep.equal([...everySection].sort());
    expect(sectionsSeenBy(actors.guardian, dossierIn('afgerond', { inzage: guardianRead }))).to.deep.equal([...everySection].sort());
    expect(visibleTo(actors.guardian, dossierIn('afgerond'), context), 'afgerond without having read it').to.equal(null);
    expect(visibleTo(actors.otherGuardian, dossierIn('akkoord'), context)).to.equal(null);
  });

  it('shows a guardian nothing of a student at or over the consent age, by the registered birth date', () => {
    const adultByRegistration = (status: DossierStatus) => {
      const dossier = dossierIn(status, { inzage: [{ role: 'guardian', person: { id: actors.guardian.person.id, naam: actors.guardian.person.naam }, at: today.toISOString() }] });
      return { ...dossier, student: { ...dossier.student, geboortedatum: birthDateForAge(18) } };
    };
    expect(visibleTo(actors.guardian, adultByRegistration('akkoord'), context)).to.equal(null);
    expect(visibleTo(actors.guardian, adultByRegistration('afgerond'), { ...context, config: { ...defaultRegionConfig } })).not.to.equal(null);
    // A1 typed as an adult does not shut out the guardian of a registered minor.
    const typedAdult = dossierIn('akkoord');
    typedAdult.answers['persoonlijk'] = { ...typedAdult.answers['persoonlijk'], geboortedatum: birthDateForAge(30) };
    expect(visibleTo(actors.guardian, { ...typedAdult, student: { ...typedAdult.student, geboortedatum: birthDateForAge(16) } }, context)).not.to.equal(null);
  });

  it('shows the assigned mentor only their deel B in concept, and everything from bijMentor on', () => {
    expect(sectionsSeenBy(actors.mentor, dossierIn('concept'))).to.deep.equal([...deelB].sort());
    expect(sectionsSeenBy(actors.mentor, dossierIn('bijMentor'))).to.deep.equal([...everySection].sort());
    expect(visibleTo(actors.otherMentor, dossierIn('bijMentor'), context)).to.equal(null);
    expect(visibleTo(actors.mentor, dossierIn('bijMentor', { mentor: null }), context)).to.equal(null);
  });

  it('shows the MBO only afgerond dossiers that chose it', () => {
    expect(visibleTo(actors.mbo, dossierIn('akkoord'), context)).to.equal(null);
    expect(visibleTo(actors.otherMbo, dossierIn('afgerond'), context)).to.equal(null);
    expect(visibleTo(actors.mbo, dossierIn('afgerond'), context)).not.to.equal(null);
  });

  it('returns a copy: changing it leaves the dossier alone', () => {
    const dossier = dossierIn('akkoord');
    const before = structuredClone(dossier);
    const seen = visibleTo(actors.student, dossier, context)!;
    seen.answers['motivatie'] = {};
    seen.inzage.push({ role: 'student', person: { id: 'x', naam: 'x' }, at: 'x' });
    expect(dossier).to.deep.equal(before);
  });
});

describe('visibleTo: what the MBO receives', () => {
  it('shares nothing optional when the student ticked nothing: no box counts as ticked (spec §6 v2)', () => {
    const seen = sectionsSeenBy(actors.mbo, dossierIn('afgerond'));
    expect(seen).to.deep.equal(['akkoordverklaring', 'ouderToestemming', 'persoonlijk', 'vervolgkeuze']);
    expect(Object.keys(visibleTo(actors.mbo, dossierIn('afgerond'), context)!.answers['persoonlijk']!).sort()).to.deep.equal([...legalA1].sort());
  });

  it('leaves out what the student unticked and adds what they ticked, but keeps the legal fields', () => {
    const dossier = withConsent(dossierIn('afgerond'), {
      akkoord: 'nee',
      redenNietAkkoord: 'Ik heb nooit te laat gehad.',
      delen: ['ondersteuning', 'motivatie'],
      toestemming: true,
    });
    const seen = visibleTo(actors.mbo, dossier, context)!;
    expect(Object.keys(seen.answers).sort()).to.deep.equal(['akkoordverklaring', 'motivatie', 'ondersteuning', 'ouderToestemming', 'persoonlijk', 'vervolgkeuze']);
    // A1 was left out, yet the persoonsgegevens the law requires still go along, and only those.
    expect(Object.keys(seen.answers['persoonlijk']!).sort()).to.deep.equal([...legalA1].sort());
    expect(seen.answers['persoonlijk']!['achternaam']).to.equal('Vries');
    // The parents' contact details live in A2, which was left out.
    expect(seen.answers['thuis']).to.equal(undefined);
    // The student's remark on deel B goes along.
    expect(seen.answers['akkoordverklaring']!['redenNietAkkoord']).to.equal('Ik heb nooit te laat gehad.');
    expect(seen.answers['advies']).to.equal(undefined);
  });

  it('follows the region: verboden never leaves, a verplicht section cannot be unticked', () => {
    const config: RegionConfig = { ...defaultRegionConfig, sharing: { 'thuis.vrijeTijd': 'verboden', herkomst: 'verplicht', motivatie: 'verboden' } };
    const dossier = withConsent(dossierIn('afgerond'), { akkoord: 'ja', delen: ['thuis'], toestemming: true });
    const seen = visibleTo(actors.mbo, dossier, { ...context, config })!;
    // diplomaGehaald is a werk-mbo question: an answer to it in a vo-mbo dossier does not apply, so it stays.
    const { diplomaGehaald: _notApplicable, ...herkomst } = completeAnswers('herkomst');
    expect(seen.answers['herkomst']).to.deep.equal(herkomst);
    expect(seen.answers['motivatie']).to.equal(undefined);
    expect(seen.answers['thuis']).to.have.property('ouders');
    expect(seen.answers['thuis']).not.to.have.property('vrijeTijd');
  });

  it('shares optIn deel B only when ticked', () => {
    const ticked = withConsent(dossierIn('afgerond'), { akkoord: 'ja', delen: ['begeleiding', 'advies'], toestemming: true });
    const seen = visibleTo(actors.mbo, ticked, context)!;
    expect(seen.answers['begeleiding']).to.deep.equal(completeAnswers('begeleiding'));
    expect(seen.answers['advies']).to.deep.equal(completeAnswers('advies'));
  });

  it('drops answers to questions the region does not know', () => {
    const dossier = withConsent(dossierIn('afgerond'), { akkoord: 'ja', delen: ['motivatie'], toestemming: true });
    dossier.answers['motivatie'] = { ...dossier.answers['motivatie'], verzonnen: 'geheim' };
    expect(visibleTo(actors.mbo, dossier, context)!.answers['motivatie']).not.to.have.property('verzonnen');
  });
});

describe('consentRecord', () => {
  it('keeps inzage, akkoord, toestemming, sharing and the guardian apart', () => {
    const inzage = [
      { role: 'student' as const, person: { id: 'student-1', naam: 'Sam de Vries' }, at: '2026-11-20T10:00:00.000Z' },
      { role: 'guardian' as const, person: { id: 'guardian-1', naam: 'Fatima de Vries' }, at: '2026-11-21T10:00:00.000Z' },
    ];
    const dossier = withConsent(dossierIn('akkoord', { inzage }), {
      akkoord: 'nee',
      redenNietAkkoord: 'Deel B klopt niet over verzuim.',
      delen: ['persoonlijk', 'ondersteuning'],
      toestemming: true,
    });
    const record = consentRecord(dossier, defaultRegionConfig);
    expect(record.inzage).to.deep.equal({ student: inzage[0], guardian: inzage[1] });
    expect(record.akkoord).to.equal('nee');
    expect(record.redenNietAkkoord).to.equal('Deel B klopt niet over verzuim.');
    expect(record.toestemming).to.equal(true);
    expect(record.sharing).to.deep.equal({
      persoonlijk: true,
      thuis: false,
      herkomst: false,
      competenties: false,
      ervaring: false,
      ondersteuning: true,
      voorbereiding: false,
      motivatie: false,
      begeleiding: false,
      advies: false,
    });
    expect(record.guardian).to.deep.equal({ naam: 'Fatima de Vries', relatie: 'moeder', datum: completeAnswers('ouderToestemming')['datum'], toestemming: true });
  });

  it('shares nothing optional while the student has not chosen', () => {
    const record = consentRecord(withConsent(dossierIn('akkoord'), { akkoord: 'ja' }), defaultRegionConfig);
    expect(Object.values(record.sharing).every((shared) => shared === false)).to.equal(true);
    expect(record.sharing['thuis']).to.equal(false);
    expect(record.sharing['ondersteuning']).to.equal(false);
    expect(record.sharing).not.to.have.property('vervolgkeuze');
    expect(record.toestemming).to.equal(false);
    expect(record.redenNietAkkoord).to.equal(undefined);
  });

  it('has no deel B choices for an mbo-mbo dossier and no guardian when none answered', () => {
    const dossier = makeDossier({ type: 'mbo-mbo', status: 'akkoord' });
    const record = consentRecord(dossier, defaultRegionConfig);
    expect(record.sharing).not.to.have.property('advies');
    expect(record.guardian).to.equal(undefined);
    expect(record.akkoord).to.equal(undefined);
    expect(record.inzage).to.deep.equal({});
  });
});

describe('historyVisibleTo', () => {
  const entries = [
    { at: '2026-11-01T10:00:00.000Z', actor: { id: 'student-1', role: 'student' as const, naam: 'Sam de Vries' }, kind: 'created' as const, version: 1 },
    { at: '2026-11-02T10:00:00.000Z', actor: { id: 'student-1', role: 'student' as const, naam: 'Sam de Vries' }, kind: 'saved' as const, sectionId: 'ondersteuning', version: 2 },
    {
      at: '2026-11-03T10:00:00.000Z',
      actor: { id: 'mentor-1', role: 'mentor' as const, naam: 'Mevrouw De Vries' },
      kind: 'action' as const,
      action: 'startDeelB' as const,
      from: 'bijMentor' as const,
      to: 'deelB' as const,
      version: 3,
    },
    {
      at: '2026-11-04T10:00:00.000Z',
      actor: { id: 'guardian-1', role: 'guardian' as const, naam: 'Fatima de Vries' },
      kind: 'action' as const,
      action: 'recordInzage' as const,
      from: 'akkoord' as const,
      to: 'akkoord' as const,
      version: 4,
    },
  ];

  it('gives the MBO the milestones only: no names, no saves, no inzage of others', () => {
    expect(historyVisibleTo(actors.mbo, entries)).to.deep.equal([{ at: '2026-11-03T10:00:00.000Z', kind: 'action', action: 'startDeelB', from: 'bijMentor', to: 'deelB', version: 3 }]);
    expect(JSON.stringify(historyVisibleTo(actors.mbo, entries))).not.to.match(/Vries|ondersteuning/);
  });

  it('gives the school and the student all of it', () => {
    expect(historyVisibleTo(actors.student, entries)).to.deep.equal(entries);
    expect(historyVisibleTo(actors.mentor, entries)).to.deep.equal(entries);
  });
});
