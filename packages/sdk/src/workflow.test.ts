import { expect } from '@open-wc/testing';
import { actionExpectations, type ActingParty } from './testing/expectations.js';
import { defaultRegionConfig, type RegionConfig } from './config.js';
import type { Actor, Dossier, DossierAction, DossierStatus, Role } from './contract.js';
import type { SectionAnswers } from './sections/types.js';
import { actors, birthDateForAge, completeAnswers, deelAIds, makeDossier, roster, today } from './testing/fixtures.js';
import { apply, availableActions, can, canEdit, canEditBegeleiding, WorkflowRefusedError, type WorkflowContext } from './workflow.js';
import { localize, registerLanguage } from './i18n.js';
import { en } from './lang/en.js';

// English is a language pack: registered as an integrator who shows English does.
registerLanguage(en);

// schoolRoster: every mentor of the school, whom the decaan may give a dossier to.
const context: WorkflowContext = { config: defaultRegionConfig, today, roster, schoolRoster: roster };
const now = new Date(2026, 10, 24, 9, 30);
const mentorOnRoster = roster[0]!;
const pickRoster = { mentorId: mentorOnRoster.id! };

type DossierType = Dossier['type'];
const inzageOf = (actor: Actor) => ({ role: actor.role as 'student' | 'guardian', person: { id: actor.person.id, naam: actor.person.naam }, at: today.toISOString() });

/** A dossier in `status` that satisfies every data guard of the actions leaving that status. */
function readyDossier(type: DossierType, status: DossierStatus, archived = false): Dossier {
  const voMbo = type === 'vo-mbo';
  const consentGiven = status === 'akkoord' || status === 'afgerond';
  const sections = [...deelAIds, ...(voMbo ? ['begeleiding', 'advies'] : []), ...(consentGiven ? ['akkoordverklaring', 'ouderToestemming'] : [])];
  return makeDossier({
    type,
    status,
    archived,
    sections,
    mentor: voMbo ? mentorOnRoster : null,
    inzage: consentGiven ? [inzageOf(actors.student), inzageOf(actors.guardian)] : [],
    deelBSentAt: voMbo && consentGiven ? today.toISOString() : null,
    finalizedAt: status === 'afgerond' ? today.toISOString() : null,
  });
}

function refusalCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkflowRefusedError) return error.refusal.code;
    throw error;
  }
  return 'no refusal';
}

// ---------------------------------------------------------------------------------------------
// The expectation, written out by hand from spec §5 (not derived from the SDK's table).

type Party = ActingParty;
const allTypes: DossierType[] = ['vo-mbo', 'mbo-mbo', 'werk-mbo'];
const roleOfParty: Record<Party, Role> = { owner: 'student', guardian: 'guardian', assignedMentor: 'mentor', schoolDecaan: 'decaan' };
const expected = actionExpectations;

const cast: { name: string; actor: Actor; party?: Party }[] = [
  { name: 'student owner', actor: actors.student, party: 'owner' },
  { name: 'other student', actor: actors.otherStudent },
  { name: 'guardian', actor: actors.guardian, party: 'guardian' },
  { name: 'other guardian', actor: actors.otherGuardian },
  { name: 'assigned mentor', actor: actors.mentor, party: 'assignedMentor' },
  { name: 'other mentor', actor: actors.otherMentor },
  { name: 'decaan of the school', actor: actors.decaan, party: 'schoolDecaan' },
  { name: 'decaan of another school', actor: actors.otherDecaan },
  { name: 'mbo', actor: actors.mbo },
];

function expectedOutcome(action: DossierAction, member: (typeof cast)[number], dossier: Dossier): string {
  const row = expected[action];
  if (!row.by.some((party) => roleOfParty[party] === member.actor.role)) return 'wrongRole';
  const owns = member.party !== undefined && row.by.includes(member.party) && (member.party !== 'assignedMentor' || dossier.mentor !== null);
  if (!owns) return 'notYours';
  // Spec §6: once afgerond, a guardian reads only the result they read and consented to.
  const guardianTookPart = dossier.inzage.some((i) => i.role === 'guardian' && i.person.id === member.actor.person.id);
  if (member.party === 'guardian' && dossier.status === 'afgerond' && !guardianTookPart) return 'notYours';
  if (dossier.status === 'afgerond') return 'final';
  if (dossier.archived && !row.onlyArchived) return 'archived';
  if (!dossier.archived && row.onlyArchived) return 'notArchived';
  if (!row.from.includes(dossier.status)) return 'wrongState';
  if (!row.types.includes(dossier.type)) return 'wrongType';
  return 'allowed';
}

/** mbo-mbo and werk-mbo never pass the mentor's states, so those cells do not exist. */
const cells: { type: DossierType; status: DossierStatus; archived: boolean }[] = allTypes.flatMap((type) =>
  (type === 'vo-mbo' ? ['concept', 'bijMentor', 'deelB', 'akkoord', 'afgerond'] : ['concept', 'akkoord', 'afgerond']).flatMap((status) =>
    (status === 'afgerond' ? [false] : [false, true]).map((archived) => ({ type, status: status as DossierStatus, archived })),
  ),
);

describe('workflow: every action × role × state × type', () => {
  const allowedPerAction = new Map<DossierAction, number>();

  for (const action of Object.keys(expected) as DossierAction[]) {
    for (const cell of cells) {
      it(`${action} on ${cell.type} ${cell.status}${cell.archived ? ' (archived)' : ''}`, () => {
        const problems: string[] = [];
        for (const member of cast) {
          const dossier = readyDossier(cell.type, cell.status, cell.archived);
          if (action === 'recordInzage') dossier.inzage = [];
          const before = structuredClone(dossier);
          const request = action === 'submitToMentor' ? pickRoster : action === 'changeMentor' ? { mentorId: roster[1]!.id! } : undefined;
          const want = expectedOutcome(action, member, dossier);
          const decision = can(member.actor, action, dossier, context, request);
          const got = decision.allowed ? 'allowed' : decision.refusal.code;
          if (got !== want) problems.push(`${member.name}: can() gave ${got}, expected ${want}`);

          if (want === 'allowed') {
            allowedPerAction.set(action, (allowedPerAction.get(action) ?? 0) + 1);
            const { dossier: after, entry } = apply(member.actor, action, dossier, context, request, now);
            const to = expected[action].to ?? cell.status;
            if (after.status !== to) problems.push(`${member.name}: status ${after.status}, expected ${to}`);
            if (after.version !== before.version + 1) problems.push(`${member.name}: version not bumped`);
            if (after.updatedAt !== now.toISOString()) problems.push(`${member.name}: updatedAt not set`);
            const wantEntry = {
              at: now.toISOString(),
              actor: { id: member.actor.person.id, role: member.actor.role, naam: member.actor.person.naam },
              kind: 'action',
              action,
              from: cell.status,
              to,
              version: before.version + 1,
            };
            if (JSON.stringify(entry) !== JSON.stringify(wantEntry)) problems.push(`${member.name}: history entry ${JSON.stringify(entry)}`);
            if (action === 'archive' && !after.archived) problems.push(`${member.name}: not archived`);
            if (action === 'reactivate' && after.archived) problems.push(`${member.name}: still archived`);
            if (action === 'recordInzage' && !after.inzage.some((i) => i.person.id === member.actor.person.id && i.at === now.toISOString())) problems.push(`${member.name}: inzage not recorded`);
          } else {
            const thrown = refusalCode(() => apply(member.actor, action, dossier, context, request, now));
            if (thrown !== want) problems.push(`${member.name}: apply() threw ${thrown}, expected ${want}`);
          }
          try {
            expect(dossier).to.deep.equal(before);
          } catch {
            problems.push(`${member.name}: the input dossier was changed`);
          }
        }
        expect(problems).to.deep.equal([]);
      });
    }
  }

  it('has at least one allowed cell for every action (the matrix is not all refusals)', () => {
    for (const action of Object.keys(expected) as DossierAction[]) expect(allowedPerAction.get(action) ?? 0, action).to.be.greaterThan(0);
  });
});

describe('workflow: refusals', () => {
  it('maps codes to HTTP statuses and explains them in Dutch and English', () => {
    const other = can(actors.otherStudent, 'finalize', readyDossier('vo-mbo', 'akkoord'), context);
    const final = can(actors.student, 'backToDeelA', readyDossier('vo-mbo', 'afgerond'), context);
    const incomplete = can(actors.student, 'submitToMentor', makeDossier({ sections: deelAIds.slice(1) }), context, pickRoster);
    expect([other, final, incomplete].map((d) => (d.allowed ? 'allowed' : `${d.refusal.code}:${d.refusal.status}`))).to.deep.equal(['notYours:403', 'final:409', 'deelAIncomplete:422']);
    if (incomplete.allowed) throw new Error('expected a refusal');
    expect(incomplete.refusal.message.nl).to.equal('Deel A is nog niet helemaal ingevuld. Maak eerst alle onderdelen af.');
    expect(localize(incomplete.refusal.message, 'en')).to.match(/Part A/);
  });
});

describe('workflow: submitToMentor', () => {
  const noRoster: WorkflowContext = { config: defaultRegionConfig, today };
  const code = (d: ReturnType<typeof can>) => (d.allowed ? 'allowed' : d.refusal.code);

  it('needs deel A at 100%', () => {
    const withoutMotivation = makeDossier({ sections: deelAIds.filter((id) => id !== 'motivatie') });
    expect(code(can(actors.student, 'submitToMentor', withoutMotivation, context, pickRoster))).to.equal('deelAIncomplete');
  });

  it('takes the mentor from the roster and refuses someone not on it', () => {
    const dossier = makeDossier();
    expect(code(can(actors.student, 'submitToMentor', dossier, context))).to.equal('mentorMissing');
    expect(code(can(actors.student, 'submitToMentor', dossier, context, { mentorId: 'mentor-99' }))).to.equal('mentorNotOnRoster');
    expect(code(can(actors.student, 'submitToMentor', dossier, context, { mentor: { naam: 'Vrij', email: 'vrij@school.nl' } }))).to.equal('mentorNotOnRoster');
    const { dossier: sent } = apply(actors.student, 'submitToMentor', dossier, context, { mentorId: 'mentor-2' }, now);
    expect(sent.mentor).to.deep.equal(roster[1]);
  });

  it('refuses a roster id when the school keeps no roster', () => {
    expect(code(can(actors.student, 'submitToMentor', makeDossier(), noRoster, pickRoster))).to.equal('mentorNotOnRoster');
  });

  it('without a roster takes a free name and valid e-mail', () => {
    const dossier = makeDossier();
    expect(code(can(actors.student, 'submitToMentor', dossier, noRoster, { mentor: { naam: 'J. Jansen', email: 'jansen@school' } }))).to.equal('mentorEmailInvalid');
    expect(code(can(actors.student, 'submitToMentor', dossier, noRoster, { mentor: { naam: '  ', email: 'jansen@school.nl' } }))).to.equal('mentorEmailInvalid');
    const { dossier: sent } = apply(actors.student, 'submitToMentor', dossier, noRoster, { mentor: { naam: ' J. Jansen ', email: 'jansen@school.nl' } }, now);
    expect(sent.mentor).to.deep.equal({ naam: 'J. Jansen', email: 'jansen@school.nl' });
    // That mentor has no id yet; they are recognised by their e-mail when they log in.
    const jansen: Actor = { role: 'mentor', person: { id: 'm-77', naam: 'J. Jansen', email: 'Jansen@School.nl' }, school: { id: 'school-1', naam: 'Vmbo De Brug' } };
    expect(code(can(jansen, 'startDeelB', sent, noRoster))).to.equal('allowed');
    expect(code(can(actors.otherMentor, 'startDeelB', sent, noRoster))).to.equal('notYours');
  });

  it('keeps the mentor of the first round on resubmission', () => {
    const dossier = makeDossier({ mentor: roster[1]! });
    const { dossier: sent } = apply(actors.student, 'submitToMentor', dossier, context, undefined, now);
    expect(sent.mentor).to.deep.equal(roster[1]);
  });

  it('is offered to the student before a mentor is picked (the form asks for one)', () => {
    const dossier = makeDossier();
    expect(availableActions(actors.student, dossier, context)).to.deep.equal(['submitToMentor']);
    expect(availableActions(actors.student, makeDossier({ sections: deelAIds.slice(2) }), context)).to.deep.equal([]);
    expect(availableActions(actors.mbo, readyDossier('vo-mbo', 'afgerond'), context)).to.deep.equal([]);
  });

  it('submitForConsent needs deel A at 100% too', () => {
    const dossier = makeDossier({ type: 'werk-mbo', sections: deelAIds.filter((id) => id !== 'vervolgkeuze') });
    expect(code(can(actors.student, 'submitForConsent', dossier, context))).to.equal('deelAIncomplete');
  });
});

describe('workflow: archive and reactivate (spec §5 v2)', () => {
  const code = (d: ReturnType<typeof can>) => (d.allowed ? 'allowed' : d.refusal.code);

  it('the assigned mentor archives; the student cannot', () => {
    const open = readyDossier('vo-mbo', 'bijMentor');
    expect(code(can(actors.mentor, 'archive', open, context))).to.equal('allowed');
    expect(code(can(actors.student, 'archive', open, context))).to.equal('wrongRole');
  });

  it('the student reactivates; the mentor cannot', () => {
    const archived = readyDossier('vo-mbo', 'bijMentor', true);
    expect(code(can(actors.student, 'reactivate', archived, context))).to.equal('allowed');
    expect(code(can(actors.mentor, 'reactivate', archived, context))).to.equal('wrongRole');
    expect(availableActions(actors.student, archived, context)).to.deep.equal(['reactivate']);
  });

  it('the student takes a dossier back from the mentor (terugzetten) before deel B starts', () => {
    expect(availableActions(actors.student, readyDossier('vo-mbo', 'bijMentor'), context)).to.deep.equal(['returnToDeelA']);
    expect(code(can(actors.student, 'returnToDeelA', readyDossier('vo-mbo', 'deelB'), context))).to.equal('wrongState');
  });
});

describe('workflow: deel B and the way back', () => {
  const withAnswers = (dossier: Dossier, sectionId: string, answers: SectionAnswers | undefined): Dossier => {
    const copy = structuredClone(dossier);
    if (answers) copy.answers[sectionId] = answers;
    else delete copy.answers[sectionId];
    return copy;
  };

  it('sendToStudent needs B1, B2 and the mentor confirmation', () => {
    const ready = readyDossier('vo-mbo', 'deelB');
    const { mentorAkkoord: _omit, ...unconfirmed } = completeAnswers('advies');
    const refusal = (d: Dossier) => refusalCode(() => apply(actors.mentor, 'sendToStudent', d, context, undefined, now));
    expect(refusal(withAnswers(ready, 'advies', unconfirmed))).to.equal('deelBIncomplete');
    // B1's questions may be skipped (spec §6); a warme overdracht without its contact person is incomplete.
    expect(refusal(withAnswers(ready, 'begeleiding', { warmeOverdracht: true }))).to.equal('deelBIncomplete');
    const { dossier: sent } = apply(actors.mentor, 'sendToStudent', ready, context, undefined, now);
    expect(sent.deelBSentAt).to.equal(now.toISOString());
  });

  it('backToDeelA keeps deel B, clears the mentor confirmation and the old consent', () => {
    const { dossier: back } = apply(actors.student, 'backToDeelA', readyDossier('vo-mbo', 'akkoord'), context, undefined, now);
    const { mentorAkkoord: _omit, ...adviesWithoutConfirm } = completeAnswers('advies');
    expect(back.status).to.equal('concept');
    expect(back.answers['begeleiding']).to.deep.equal(completeAnswers('begeleiding'));
    expect(back.answers['advies']).to.deep.equal(adviesWithoutConfirm);
    expect(back.answers).not.to.have.keys('akkoordverklaring', 'ouderToestemming');
    expect(back.inzage).to.deep.equal([]);

    // The cycle repeats with the same mentor, who has to confirm deel B again.
    const resubmitted = apply(actors.student, 'submitToMentor', back, context, undefined, now).dossier;
    const started = apply(actors.mentor, 'startDeelB', resubmitted, context, undefined, now).dossier;
    expect(refusalCode(() => apply(actors.mentor, 'sendToStudent', started, context, undefined, now))).to.equal('deelBIncomplete');
    const confirmed = withAnswers(started, 'advies', { ...started.answers['advies'], mentorAkkoord: true });
    expect(apply(actors.mentor, 'sendToStudent', confirmed, context, undefined, now).dossier.status).to.equal('akkoord');
  });

  it('recordInzage counts each person once, keeping the first moment', () => {
    const dossier = { ...readyDossier('vo-mbo', 'akkoord'), inzage: [] };
    const once = apply(actors.guardian, 'recordInzage', dossier, context, undefined, now).dossier;
    const twice = apply(actors.guardian, 'recordInzage', once, context, undefined, new Date(2026, 10, 25)).dossier;
    expect(twice.inzage).to.deep.equal([{ role: 'guardian', person: { id: 'guardian-1', naam: 'Fatima de Vries' }, at: now.toISOString() }]);
  });

  it('never changes a frozen input', () => {
    const deepFreeze = <T>(value: T): T => {
      if (value && typeof value === 'object') for (const inner of Object.values(value)) deepFreeze(inner);
      return Object.freeze(value);
    };
    const frozen = deepFreeze(readyDossier('vo-mbo', 'akkoord'));
    expect(() => apply(actors.student, 'backToDeelA', frozen, context, undefined, now)).not.to.throw();
    expect(() => apply(actors.student, 'finalize', frozen, context, undefined, now)).not.to.throw();
  });
});

describe('workflow: finalize and consent', () => {
  const code = (d: ReturnType<typeof can>) => (d.allowed ? 'allowed' : d.refusal.code);
  function akkoordDossier(birthDate: string, changes: Partial<Dossier> = {}): Dossier {
    const dossier = readyDossier('vo-mbo', 'akkoord');
    dossier.answers['persoonlijk'] = { ...dossier.answers['persoonlijk'], geboortedatum: birthDate };
    return { ...dossier, ...changes };
  }
  const studentOnly = [inzageOf(actors.student)];
  const withoutGuardian = (d: Dossier): Dossier => {
    const { ouderToestemming: _omit, ...answers } = d.answers;
    return { ...d, inzage: studentOnly, answers };
  };
  const outcome = (d: Dossier, ctx: WorkflowContext = context) => {
    const decision = can(actors.student, 'finalize', d, ctx);
    return decision.allowed ? 'allowed' : decision.refusal.code;
  };

  it('needs the student to have seen the dossier, agreed or explained, and given toestemming', () => {
    const adult = akkoordDossier(birthDateForAge(19));
    const consent = (answers: SectionAnswers) => ({ ...adult, answers: { ...adult.answers, akkoordverklaring: answers } });
    expect(outcome({ ...adult, inzage: [] })).to.equal('inzageMissing');
    expect(outcome(consent({ toestemming: true }))).to.equal('consentIncomplete');
    expect(outcome(consent({ akkoord: 'nee', toestemming: true }))).to.equal('consentIncomplete');
    expect(outcome(consent({ akkoord: 'ja', toestemming: false }))).to.equal('consentIncomplete');
    expect(outcome(consent({ akkoord: 'nee', redenNietAkkoord: 'Ik heb geen verzuim gehad.', toestemming: true }))).to.equal('allowed');
    const { dossier: done } = apply(actors.student, 'finalize', adult, context, undefined, now);
    expect(done.finalizedAt).to.equal(now.toISOString());
  });

  it('asks a guardian at 17 years and 364 days', () => {
    const almost18 = birthDateForAge(18, 1);
    expect(outcome(withoutGuardian(akkoordDossier(almost18)))).to.equal('guardianInzageMissing');
    const seen = { ...withoutGuardian(akkoordDossier(almost18)), inzage: [inzageOf(actors.student), inzageOf(actors.guardian)] };
    expect(outcome(seen)).to.equal('guardianConsentMissing');
    const halfway = { ...seen, answers: { ...seen.answers, ouderToestemming: { naam: 'Fatima de Vries', relatie: 'moeder', toestemming: false } } };
    expect(outcome(halfway)).to.equal('guardianConsentMissing');
    expect(outcome(akkoordDossier(almost18))).to.equal('allowed');
  });

  it('takes the age from the birth date the school registered, not from the one typed in A1', () => {
    const minor = birthDateForAge(16);
    const typedAdult = akkoordDossier(birthDateForAge(25));
    // A 16-year-old typed an adult's birth date in A1: the registration still says 16.
    const registeredMinor = withoutGuardian({ ...typedAdult, student: { ...typedAdult.student, geboortedatum: minor } });
    expect(outcome(registeredMinor)).to.equal('guardianInzageMissing');
    // Without a registered birth date (werk-mbo), the typed one counts.
    expect(outcome(withoutGuardian(typedAdult))).to.equal('allowed');
    // A registered adult needs no guardian, whatever A1 says.
    const registeredAdult = withoutGuardian({ ...akkoordDossier(minor), student: { ...typedAdult.student, geboortedatum: birthDateForAge(19) } });
    expect(outcome(registeredAdult)).to.equal('allowed');
  });

  it('keeps a guardian of an adult out: no inzage, no consent', () => {
    const adult = akkoordDossier(birthDateForAge(19), { inzage: [inzageOf(actors.student)] });
    expect(code(can(actors.guardian, 'recordInzage', adult, context))).to.equal('notYours');
    expect(code(canEdit(actors.guardian, adult, 'ouderToestemming', context))).to.equal('notYours');
  });

  it('does not ask a guardian from the 18th birthday on', () => {
    expect(outcome(withoutGuardian(akkoordDossier(birthDateForAge(18))))).to.equal('allowed');
  });

  it('follows a region that uses the legal age of 16', () => {
    const at16: RegionConfig = { ...defaultRegionConfig, guardianConsentBelowAge: 16 };
    const ctx = { ...context, config: at16 };
    expect(outcome(withoutGuardian(akkoordDossier(birthDateForAge(16))), ctx)).to.equal('allowed');
    expect(outcome(withoutGuardian(akkoordDossier(birthDateForAge(16, 1))), ctx)).to.equal('guardianInzageMissing');
  });
});

describe('workflow: canEdit', () => {
  const otherSchoolMentor = actors.otherMentor;
  const colleague: Actor = { role: 'mentor', person: { id: 'mentor-2', naam: 'Meneer Bakker' }, school: { id: 'school-1', naam: 'Vmbo De Brug' } };
  // The colleague mentors klas 4B (the fixture student's), as the school registered it.
  const klasMentor = { ...context, actorKlassen: ['4b'] };
  const result = (actor: Actor, dossier: Dossier, sectionId: string, ctx: WorkflowContext = context) => {
    const decision = canEdit(actor, dossier, sectionId, ctx);
    return decision.allowed ? 'allowed' : decision.refusal.code;
  };
  const d = (status: DossierStatus, archived = false, type: DossierType = 'vo-mbo') => readyDossier(type, status, archived);
  const withoutStudentConsent = (dossier: Dossier): Dossier => ({ ...dossier, answers: { ...dossier.answers, akkoordverklaring: { akkoord: 'ja' } } });

  // [actor, dossier, section, expected]: written out from spec §6.
  const table: [string, Actor, Dossier, string, string, WorkflowContext?][] = [
    ['owner edits deel A in concept', actors.student, d('concept'), 'persoonlijk', 'allowed'],
    ['owner edits a region-optional deel A section', actors.student, d('concept'), 'ondersteuning', 'allowed'],
    ['owner cannot edit deel A with the mentor', actors.student, d('bijMentor'), 'motivatie', 'wrongState'],
    ['owner cannot edit deel A in akkoord', actors.student, d('akkoord'), 'motivatie', 'wrongState'],
    ['other student', actors.otherStudent, d('concept'), 'persoonlijk', 'notYours'],
    ['mentor never edits deel A', actors.mentor, d('concept'), 'persoonlijk', 'wrongRole'],
    ['archived dossier', actors.student, d('concept', true), 'persoonlijk', 'archived'],
    ['afgerond is final', actors.student, d('afgerond'), 'persoonlijk', 'final'],
    ['owner gives consent in akkoord', actors.student, d('akkoord'), 'akkoordverklaring', 'allowed'],
    ['no consent before akkoord', actors.student, d('deelB'), 'akkoordverklaring', 'wrongState'],
    ['guardian cannot answer for the student', actors.guardian, d('akkoord'), 'akkoordverklaring', 'wrongRole'],
    ['guardian consents in akkoord', actors.guardian, d('akkoord'), 'ouderToestemming', 'allowed'],
    ['guardian not before akkoord', actors.guardian, d('deelB'), 'ouderToestemming', 'wrongState'],
    ['guardian not before the student gave their own toestemming', actors.guardian, withoutStudentConsent(d('akkoord')), 'ouderToestemming', 'studentConsentFirst'],
    ['other guardian', actors.otherGuardian, d('akkoord'), 'ouderToestemming', 'notYours'],
    ['student cannot give guardian consent', actors.student, d('akkoord'), 'ouderToestemming', 'wrongRole'],
    ['assigned mentor fills B2 in deelB', actors.mentor, d('deelB'), 'advies', 'allowed'],
    ['B2 not before deelB starts', actors.mentor, d('bijMentor'), 'advies', 'wrongState'],
    ['B2 not after it was sent', actors.mentor, d('akkoord'), 'advies', 'wrongState'],
    ['colleague is not the assigned mentor for B2', colleague, d('deelB'), 'advies', 'notYours'],
    ['student never edits deel B', actors.student, d('deelB'), 'advies', 'wrongRole'],
    ["mentor of the student's klas fills B1 in concept", colleague, d('concept'), 'begeleiding', 'allowed', klasMentor],
    ['assigned mentor fills B1 in deelB', actors.mentor, d('deelB'), 'begeleiding', 'allowed'],
    ['a mentor of the school, not of the klas nor assigned', colleague, d('concept'), 'begeleiding', 'notYours'],
    ['B1 of a dossier sent to the student stays as sent', actors.mentor, d('akkoord'), 'begeleiding', 'wrongState'],
    ['mentor of another school', otherSchoolMentor, d('deelB'), 'begeleiding', 'notYours'],
    ['B1 not once afgerond', actors.mentor, d('afgerond'), 'begeleiding', 'final'],
    ['B1 not while archived', actors.mentor, d('deelB', true), 'begeleiding', 'archived'],
    ['mbo never edits', actors.mbo, d('afgerond'), 'persoonlijk', 'wrongRole'],
    ['mbo never edits, not even consent', actors.mbo, d('akkoord'), 'akkoordverklaring', 'wrongRole'],
    ['unknown section', actors.student, d('concept'), 'geheim', 'wrongType'],
    ['no deel B in an mbo-mbo dossier', actors.mentor, d('concept', false, 'mbo-mbo'), 'advies', 'wrongType'],
  ];

  for (const [name, actor, dossier, sectionId, want, ctx] of table) {
    it(`${name}: ${want}`, () => expect(result(actor, dossier, sectionId, ctx)).to.equal(want));
  }

  it('a region that switches a section off cannot have it edited', () => {
    const ctx = { ...context, config: { ...defaultRegionConfig, disabledSections: ['voorbereiding'] } };
    const decision = canEdit(actors.student, d('concept'), 'voorbereiding', ctx);
    expect(decision.allowed ? 'allowed' : decision.refusal.code).to.equal('wrongType');
  });

  it('canEditBegeleiding: a mentor of the same school who mentors the klas or got a dossier of the student', () => {
    const code = (x: ReturnType<typeof canEditBegeleiding>) => (x.allowed ? 'allowed' : x.refusal.code);
    const student = { id: 'student-1', schoolId: 'school-1', klas: '4B' };
    expect(code(canEditBegeleiding(colleague, student, { klassen: ['4B'] }))).to.equal('allowed');
    expect(code(canEditBegeleiding(colleague, student, { klassen: ['3A'], assigned: true }))).to.equal('allowed');
    expect(code(canEditBegeleiding(colleague, student, { klassen: ['3A'] }))).to.equal('notYours');
    expect(code(canEditBegeleiding(colleague, student))).to.equal('notYours');
    expect(code(canEditBegeleiding(colleague, { ...student, schoolId: null }, { klassen: ['4B'] }))).to.equal('notYours');
    expect(code(canEditBegeleiding(otherSchoolMentor, student, { klassen: ['4B'] }))).to.equal('notYours');
    expect(code(canEditBegeleiding(actors.student, student, { klassen: ['4B'] }))).to.equal('wrongRole');
  });
});

describe('workflow: the decaan (spec §6, §9)', () => {
  const code = (d: ReturnType<typeof can>) => (d.allowed ? 'allowed' : d.refusal.code);
  const inBijMentor = () => readyDossier('vo-mbo', 'bijMentor');

  it('gives a dossier to another mentor of the school, and says why not otherwise', () => {
    const { dossier: moved, entry } = apply(actors.decaan, 'changeMentor', inBijMentor(), context, { mentorId: roster[1]!.id! }, now);
    expect(moved.mentor).to.deep.equal(roster[1]);
    expect([entry.action, entry.from, entry.to]).to.deep.equal(['changeMentor', 'bijMentor', 'bijMentor']);
    expect(code(can(actors.decaan, 'changeMentor', inBijMentor(), context, { mentorId: roster[0]!.id! }))).to.equal('sameMentor');
    expect(code(can(actors.decaan, 'changeMentor', inBijMentor(), context, { mentorId: 'mentor-elders' }))).to.equal('mentorNotOnRoster');
    expect(code(can(actors.decaan, 'changeMentor', makeDossier(), context, { mentorId: roster[1]!.id! })), 'a concept nobody sent yet').to.equal('noMentorToMove');
    expect(code(can(actors.otherDecaan, 'changeMentor', inBijMentor(), context, { mentorId: roster[1]!.id! })), 'another school').to.equal('notYours');
    expect(code(can(actors.mentor, 'changeMentor', inBijMentor(), context, { mentorId: roster[1]!.id! }))).to.equal('wrongRole');
  });

  it('fills B1 and B2 like a mentor, for any student of the school', () => {
    const result = (actor: Actor, dossier: Dossier, sectionId: string) => {
      const decision = canEdit(actor, dossier, sectionId, context);
      return decision.allowed ? 'allowed' : decision.refusal.code;
    };
    expect(result(actors.decaan, readyDossier('vo-mbo', 'deelB'), 'advies')).to.equal('allowed');
    expect(result(actors.decaan, readyDossier('vo-mbo', 'concept'), 'begeleiding')).to.equal('allowed');
    expect(result(actors.otherDecaan, readyDossier('vo-mbo', 'deelB'), 'advies')).to.equal('notYours');
    expect(result(actors.decaan, readyDossier('vo-mbo', 'concept'), 'motivatie'), 'never deel A').to.equal('wrongRole');
  });

  it('records when a dossier reached its step', () => {
    const { dossier: started } = apply(actors.decaan, 'startDeelB', inBijMentor(), context, undefined, now);
    expect(started.statusSince).to.equal(now.toISOString());
    const { dossier: moved } = apply(actors.decaan, 'changeMentor', started, context, { mentorId: roster[1]!.id! }, new Date(2026, 10, 25));
    expect(moved.statusSince, 'a new mentor is no new step').to.equal(now.toISOString());
  });
});
