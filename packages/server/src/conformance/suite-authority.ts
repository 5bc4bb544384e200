/**
 * The backend is the authority over consent (spec v2, issue 12): who must consent, what was
 * consented to, and who may read it. Each group is named after the rule; each check builds its
 * own dossier, so one that a broken backend spoiled does not fail the next for another reason.
 */
import { completion, type Dossier } from '../sdk.js';
import { ageOn, birthDateForAge, validOnderwijsnummer } from './answers.js';
import { DossierBuilder } from './builder.js';
import {
  actionPath,
  begeleidingPath,
  checkWith,
  compareOutcome,
  complain,
  dossierPath,
  expect,
  ifMatch,
  Mismatch,
  sectionPath,
  stableJson,
  type Person,
  type Recorder,
  type World,
} from './harness.js';
import { sharingProblems } from './suite-reads.js';

const guardianRefusals = ['guardianInzageMissing', 'guardianConsentMissing'];

/** Issue 12 (1): the registered birth date decides who must consent, not the one typed in A1. */
export async function registeredBirthDateChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'registered birth date';
  if (!recorder.wants(group)) return;
  await checkWith(
    recorder,
    world,
    ['people', 'catalogue', 'mentorChoice', 'minor', 'registeredBirthDate'],
    group,
    'a minor who types an adult birth date in A1 (back from akkoord) still needs a guardian to finalize',
    async () => {
      const problems: string[] = [];
      const registered = world.registration.geboortedatum!;
      let dossier = await builder.mentorRound(await builder.fillDeelA(await builder.create('vo-mbo')));
      dossier = await builder.act('owner', dossier, 'backToDeelA');
      const adult = birthDateForAge(world.config.guardianConsentBelowAge + 2, world.today);
      const typed = await world.http.request(world.token('owner'), 'PATCH', sectionPath(dossier, 'persoonlijk'), { json: { answers: { geboortedatum: adult } }, headers: ifMatch(dossier.version) });
      if (typed.status !== 200 && typed.status !== 422) problems.push(`saving another birth date in A1 got ${typed.status}, expected 422 registeredValue (or 200, ignoring it)`);
      dossier = await builder.ownerView(dossier.id);
      const inA1 = dossier.answers['persoonlijk']?.['geboortedatum'];
      if (inA1 !== registered)
        problems.push(`A1 now holds the typed birth date ${String(inA1)} instead of the registered ${registered} (a change must be refused with 422 registeredValue, or ignored)`);
      if (dossier.student.geboortedatum !== registered) problems.push(`student.geboortedatum became ${String(dossier.student.geboortedatum)}`);
      // A normal mentor round, the student's own consent, and no guardian at all.
      dossier = await builder.consent(await builder.mentorRound(dossier), { guardian: false });
      const finalize = await world.http.request(world.token('owner'), 'POST', actionPath(dossier, 'finalize'), { json: {}, headers: ifMatch(dossier.version) });
      const complaint = compareOutcome(finalize, { status: 422, reason: guardianRefusals });
      if (complaint) problems.push(`finalize without a guardian: ${complaint}`);
      const after = await builder.ownerView(dossier.id);
      if (after.status !== 'akkoord') problems.push(`the dossier is ${after.status} without the guardian's consent`);
      complain(problems, `spec v2: the birth date the school registered decides the consent age (the student is ${ageOn(registered, world.today)}), not the one typed in A1: `);
      return `refused with ${finalize.problem?.reason}`;
    },
  );
}

/** Issue 12 (2): a dossier keeps the B1 it was sent to the student with; the MBO reads that one. */
export async function b1FixedChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'B1 fixed at sendToStudent';
  if (!recorder.wants(group)) return;
  const needs = ['people', 'catalogue', 'mentorChoice', 'minor'] as const;
  let consented: Dossier | undefined;
  await checkWith(recorder, world, needs, group, 'a B1 change by the mentor after consent leaves the akkoord dossier as consented (version, answers)', async () => {
    const studentId = world.me.owner.person.id;
    const dossier = await builder.build({ type: 'vo-mbo', status: 'akkoord', archived: false, mentorAssigned: true });
    consented = dossier;
    const guardianBefore = await world.api.guardian.getDossier(dossier.id);
    const flip = builder.section('vo-mbo', 'begeleiding').questions.find((q) => q.kind === 'yesNo')?.id;
    expect(flip, 'the region config has no ja/nee question in begeleiding');
    const record = await world.api.assignedMentor.getBegeleiding(studentId);
    const response = await world.http.request(world.token('assignedMentor'), 'PATCH', begeleidingPath(studentId), {
      json: { answers: { ...record.answers, [flip]: record.answers[flip] !== true } },
      headers: ifMatch(record.version),
    });
    const saved = compareOutcome(response, { status: 200 });
    expect(!saved, `the klas's mentor changing B1 through /students/{id}/begeleiding: ${saved}`);
    const problems: string[] = [];
    const after = await builder.ownerView(dossier.id);
    if (after.version !== dossier.version) problems.push(`the dossier's version went from ${dossier.version} to ${after.version}`);
    if (stableJson(after.answers['begeleiding']) !== stableJson(dossier.answers['begeleiding'])) problems.push('the student now reads another B1 than the one they consented to');
    else if (stableJson(after.answers) !== stableJson(dossier.answers)) problems.push('the answers of the dossier changed');
    const guardianAfter = await world.api.guardian.getDossier(dossier.id);
    if (stableJson(guardianAfter.answers['begeleiding']) !== stableJson(guardianBefore.answers['begeleiding'])) problems.push('the guardian now reads another B1 than the one they consented to');
    complain(problems, 'spec v2: a dossier keeps the B1 it was sent to the student with (from akkoord on); a later B1 change must not reach it: ');
  });
  await checkWith(recorder, world, needs, group, 'after finalize with the consented version, the MBO reads the B1 the student consented to', async () => {
    expect(consented, 'no consented dossier (see the check before)');
    const finalize = await world.http.request(world.token('owner'), 'POST', actionPath(consented, 'finalize'), { json: {}, headers: ifMatch(consented.version) });
    const complaint = compareOutcome(finalize, { status: 200 });
    expect(!complaint, `finalize with the version the student and guardian consented to (v${consented.version}): ${complaint}`);
    const received = await world.api.mbo.getDossier(consented.id);
    const delen = consented.answers['akkoordverklaring']?.['delen'];
    const shared = Array.isArray(delen) && delen.includes('begeleiding');
    const problems = sharingProblems(world, 'vo-mbo', received.answers, consented.answers).filter((p) => p.includes('begeleiding'));
    complain(problems, 'spec v2: the MBO reads the B1 the student consented to: ');
    return shared ? 'B1 shared and as consented' : 'B1 not shared: the MBO reads none';
  });
}

/** Issue 12 (3): a guardian of an adult student reads nothing (spec §6: only while their consent is needed). */
export async function adultGuardianChecks(recorder: Recorder, world: World): Promise<void> {
  const group = 'guardian only while needed';
  if (!recorder.wants(group)) return;
  await checkWith(recorder, world, ['adultStudent', 'catalogue'], group, 'a guardian of an adult student reads none of their dossiers (404, not in the list), before and after afgerond', async () => {
    const adult = world.optional.adultStudent!;
    const guardian = world.optional.adultStudentGuardian!;
    const limit = world.config.guardianConsentBelowAge;
    const builder = new DossierBuilder(world, { owner: adult, guardian, assignedMentor: undefined, typedAge: limit + 2 });
    let dossier = await builder.create('mbo-mbo');
    const born = dossier.student.geboortedatum;
    if (born !== undefined && !(ageOn(born, world.today) >= limit)) {
      throw new Mismatch(`adultStudent is ${ageOn(born, world.today)} by the registration (${born}): the token must be a student of ${limit} or older (see the README)`);
    }
    const problems: string[] = [];
    const hidden = async (when: string) => {
      for (const path of [dossierPath(dossier), `${dossierPath(dossier)}/history`]) {
        const complaint = compareOutcome(await world.http.request(guardian.token, 'GET', path), { status: 'hidden' });
        if (complaint) problems.push(`${when}: the guardian reading ${path.endsWith('history') ? 'its history' : 'the dossier'}: ${complaint}`);
      }
      const list = await guardian.api.listDossiers();
      const listed = list.items.filter((d) => d.student.id === adult.me.person.id);
      if (listed.length) problems.push(`${when}: the guardian's list shows ${listed.length} dossier(s) of the adult`);
    };
    await hidden('in concept');
    dossier = await builder.act('owner', await builder.fillDeelA(dossier), 'submitForConsent');
    await hidden('in akkoord');
    const inzage = compareOutcome(await world.http.request(guardian.token, 'POST', actionPath(dossier, 'recordInzage'), { json: {}, headers: ifMatch(dossier.version) }), { status: 'hidden' });
    if (inzage) problems.push(`in akkoord: recordInzage by the guardian: ${inzage}`);
    const consent = compareOutcome(
      await world.http.request(guardian.token, 'PATCH', sectionPath(dossier, 'ouderToestemming'), {
        json: { answers: { naam: guardian.me.person.naam, toestemming: true } },
        headers: ifMatch(dossier.version),
      }),
      { status: 'hidden' },
    );
    if (consent) problems.push(`in akkoord: ouderToestemming by the guardian: ${consent}`);
    dossier = await builder.consent(await builder.ownerView(dossier.id), { guardian: false });
    const finalize = await world.http.request(adult.token, 'POST', actionPath(dossier, 'finalize'), { json: {}, headers: ifMatch(dossier.version) });
    const finalized = compareOutcome(finalize, { status: 200 });
    if (finalized) problems.push(`the adult finalizing without a guardian: ${finalized}`);
    else await hidden('in afgerond');
    complain(problems, `spec v2: a guardian reads a dossier only while the student is under ${limit} by the registration; an adult decides alone: `);
    return born ? `adult by the registration (${born})` : 'no registered birth date: an adult one was typed in A1';
  });
}

/** Spec §5 (v2): a guardian consents to the student's declaration; when the student changes it, the guardian's consent starts over. */
export async function guardianConsentChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'guardian consent';
  if (!recorder.wants(group)) return;
  await checkWith(recorder, world, ['people', 'catalogue', 'minor'], group, 'changing the akkoordverklaring after the guardian consented asks the guardian again (finalize 422)', async () => {
    let dossier = await builder.build({ type: 'werk-mbo', status: 'akkoord', archived: false, mentorAssigned: false });
    const { delen } = builder.sharingChoice('werk-mbo');
    expect(delen.length > 0, 'the region offers nothing to share, so the suite cannot change the akkoordverklaring');
    // The student shares one section less than what the guardian consented to.
    const changed = delen.slice(1);
    dossier = await builder.save('owner', dossier, 'akkoordverklaring', { ...builder.answers('werk-mbo', 'akkoordverklaring', dossier), delen: changed });
    const problems: string[] = [];
    const seen = await builder.ownerView(dossier.id);
    if (seen.answers['ouderToestemming']?.['toestemming'] === true) problems.push("the guardian's consent (ouderToestemming) stayed after the student changed what is shared");
    const finalize = await world.http.request(world.token('owner'), 'POST', actionPath(seen, 'finalize'), { json: {}, headers: ifMatch(seen.version) });
    const complaint = compareOutcome(finalize, { status: 422, reason: guardianRefusals });
    if (complaint) problems.push(`finalize: ${complaint}`);
    complain(problems, 'spec v2: the guardian consents to what the student declared and shares; a change of it needs their consent again: ');
  });
  await checkWith(recorder, world, ['people', 'catalogue', 'minor'], group, "a guardian's consent before the student's own declaration is refused (409 studentConsentFirst)", async () => {
    // In akkoord, read by the student, without her declaration yet.
    let dossier = await builder.act('owner', await builder.fillDeelA(await builder.create('werk-mbo')), 'submitForConsent');
    dossier = await builder.act('owner', dossier, 'recordInzage');
    await world.api.guardian.act(dossier.id, 'recordInzage', {}, dossier.version);
    const read = await world.api.guardian.getDossier(dossier.id);
    const answers = builder.answers('werk-mbo', 'ouderToestemming', read);
    const response = await world.http.request(world.token('guardian'), 'PATCH', sectionPath(read, 'ouderToestemming'), { json: { answers }, headers: ifMatch(read.version) });
    const problems: string[] = [];
    const complaint = compareOutcome(response, { status: 409, reason: 'studentConsentFirst' });
    if (complaint) problems.push(`the guardian consenting first: ${complaint}`);
    const after = await builder.ownerView(dossier.id);
    if (after.answers['ouderToestemming']?.['toestemming'] === true) problems.push('the guardian consent was stored');
    complain(problems, "spec v2: a guardian consents to the student's own declaration and sharing choices, so those come first: ");
  });
}

/** Issue 12 (5): an onderwijsnummer beside the BSN (ISK newcomers). */
export async function onderwijsnummerChecks(recorder: Recorder, world: World): Promise<void> {
  const group = 'onderwijsnummer';
  if (!recorder.wants(group)) return;
  const rule = 'spec v2: a student without a BSN has an onderwijsnummer, and A1 is complete with it: ';
  await checkWith(recorder, world, ['unregisteredStudent'], group, 'a student nobody registered types an onderwijsnummer and A1 is complete with it', async () => {
    const person = world.optional.unregisteredStudent!;
    const builder = new DossierBuilder(world, { owner: person, guardian: undefined, assignedMentor: undefined, typedAge: 20 });
    const created = await builder.create('werk-mbo');
    if (created.student.nummerSoort)
      throw new Mismatch(
        `unregisteredStudent has a registered number (student.nummerSoort ${created.student.nummerSoort}): the token must be a student the backend holds no number of (see the README)`,
      );
    const answers = { ...builder.answers('werk-mbo', 'persoonlijk', created), nummerSoort: 'onderwijsnummer', onderwijsnummer: validOnderwijsnummer, bsn: null };
    const response = await world.http.request(person.token, 'PATCH', sectionPath(created, 'persoonlijk'), { json: { answers }, headers: ifMatch(created.version) });
    const complaint = compareOutcome(response, { status: 200 });
    const problems: string[] = [];
    if (complaint)
      problems.push(`saving A1 with onderwijsnummer ${validOnderwijsnummer}: ${complaint}${response.problem?.errors?.length ? ` (${response.problem.errors.map((e) => e.path).join(', ')})` : ''}`);
    else {
      const after = await person.api.getDossier(created.id);
      const a1 = after.answers['persoonlijk'] ?? {};
      if (a1['nummerSoort'] !== 'onderwijsnummer' || a1['onderwijsnummer'] !== validOnderwijsnummer)
        problems.push(`A1 holds nummerSoort ${String(a1['nummerSoort'])}, onderwijsnummer ${String(a1['onderwijsnummer'])}`);
      const done = completion(after, world.config, { today: world.today }).sections['persoonlijk'];
      if (done?.status !== 'complete') problems.push(`A1 is not complete with it (${done?.status})`);
    }
    complain(problems, rule);
  });

  // A registered onderwijsnummer: the first optional student the backend registered with one.
  const name = 'a registered onderwijsnummer is prefilled, kept, and A1 is complete with it';
  if (world.missing.has('noRosterStudent') && world.missing.has('adultStudent') && world.missing.has('unregisteredStudent')) {
    recorder.skip(group, name, 'needs an optional student token whose registration has an onderwijsnummer (e.g. noRosterStudent, see the README)');
    return;
  }
  let found: { person: Person; dossier: Dossier } | undefined;
  for (const [need, key, type] of [
    ['noRosterStudent', 'noRosterStudent', 'vo-mbo'],
    ['adultStudent', 'adultStudent', 'mbo-mbo'],
    ['unregisteredStudent', 'unregisteredStudent', 'werk-mbo'],
  ] as const) {
    const person = world.optional[key];
    if (world.missing.has(need) || !person) continue;
    const dossier = await person.api.createDossier({ type }).catch(() => undefined);
    if (dossier?.student.nummerSoort === 'onderwijsnummer') {
      found = { person, dossier };
      break;
    }
  }
  if (!found) {
    recorder.skip(group, name, 'none of the optional students has a registered onderwijsnummer (student.nummerSoort of a new dossier)');
    return;
  }
  const { person, dossier } = found;
  await recorder.check(group, name, async () => {
    const problems: string[] = [];
    const number = dossier.answers['persoonlijk']?.['onderwijsnummer'];
    if (dossier.answers['persoonlijk']?.['nummerSoort'] !== 'onderwijsnummer' || typeof number !== 'string') problems.push('a new dossier does not hold the registered onderwijsnummer in A1');
    const builder = new DossierBuilder(world, { owner: person, guardian: undefined, assignedMentor: undefined });
    const saved = await world.http.request(person.token, 'PATCH', sectionPath(dossier, 'persoonlijk'), {
      json: { answers: builder.answers(dossier.type, 'persoonlijk', dossier) },
      headers: ifMatch(dossier.version),
    });
    const complaint = compareOutcome(saved, { status: 200 });
    if (complaint) problems.push(`saving the rest of A1: ${complaint}`);
    else {
      const after = await person.api.getDossier(dossier.id);
      if (after.answers['persoonlijk']?.['onderwijsnummer'] !== number) problems.push('the registered onderwijsnummer was not kept');
      const done = completion(after, world.config, { today: world.today }).sections['persoonlijk'];
      if (done?.status !== 'complete') problems.push(`A1 is not complete with it (${done?.status})`);
    }
    complain(problems, rule);
    return `${person.me.person.naam}`;
  });
}

/** Issue 12 (7): the student takes a dossier back (terugzetten) and reactivates; the school archives. */
export async function roleChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'terugzetten, archive and reactivate';
  if (!recorder.wants(group)) return;
  const needs = ['people', 'catalogue', 'mentorChoice'] as const;
  const bijMentor = () => builder.build({ type: 'vo-mbo', status: 'bijMentor', archived: false, mentorAssigned: true });
  const attempt = (party: 'owner' | 'assignedMentor', dossier: Dossier, action: string) =>
    world.http.request(world.token(party), 'POST', actionPath(dossier, action), { json: {}, headers: ifMatch(dossier.version) });
  let teruggezet: Dossier | undefined;
  await checkWith(recorder, world, needs, group, 'the student takes a dossier back from the mentor (returnToDeelA in bijMentor)', async () => {
    const dossier = await bijMentor();
    const complaint = compareOutcome(await attempt('owner', dossier, 'returnToDeelA'), { status: 200 });
    const after = await builder.ownerView(dossier.id);
    complain(
      [...(complaint ? [`returnToDeelA by the student: ${complaint}`] : []), ...(after.status !== 'concept' ? [`the dossier is ${after.status}, expected concept`] : [])],
      'spec v2: the student may take a dossier back from bijMentor (terugzetten, e.g. after a mistyped mentor): ',
    );
    teruggezet = after;
  });
  let archived: Dossier | undefined;
  await checkWith(recorder, world, needs, group, 'the mentor archives; the student may not (403 wrongRole)', async () => {
    const dossier = teruggezet ? await builder.ownerView(teruggezet.id) : await bijMentor();
    const problems: string[] = [];
    const byStudent = compareOutcome(await attempt('owner', dossier, 'archive'), { status: 403, reason: 'wrongRole' });
    if (byStudent) problems.push(`archive by the student: ${byStudent}`);
    const between = await builder.ownerView(dossier.id);
    if (between.archived || between.version !== dossier.version) problems.push('the refused archive changed the dossier');
    const byMentor = compareOutcome(await attempt('assignedMentor', between, 'archive'), { status: 200 });
    if (byMentor) problems.push(`archive by the assigned mentor: ${byMentor}`);
    archived = await builder.ownerView(dossier.id);
    if (!byMentor && !archived.archived) problems.push('the mentor archived it, but it is not archived');
    complain(problems, 'spec v2: archiving is for the mentor or the decaan, not the student: ');
  });
  await checkWith(recorder, world, needs, group, 'the student reactivates; the mentor may not (403 wrongRole)', async () => {
    let dossier = archived?.archived ? await builder.ownerView(archived.id) : undefined;
    if (!dossier) {
      // No archived dossier from the check before: archive one as the mentor (its failure is reported there).
      dossier = await builder.act('assignedMentor', await bijMentor(), 'archive');
    }
    const problems: string[] = [];
    const byMentor = compareOutcome(await attempt('assignedMentor', dossier, 'reactivate'), { status: 403, reason: 'wrongRole' });
    if (byMentor) problems.push(`reactivate by the mentor: ${byMentor}`);
    const between = await builder.ownerView(dossier.id);
    if (!between.archived || between.version !== dossier.version) problems.push('the refused reactivate changed the dossier');
    const byStudent = compareOutcome(await attempt('owner', between, 'reactivate'), { status: 200 });
    if (byStudent) problems.push(`reactivate by the student: ${byStudent}`);
    const after = await builder.ownerView(dossier.id);
    if (!byStudent && after.archived) problems.push('the student reactivated it, but it is still archived');
    complain(problems, 'spec v2: the student brings an archived dossier back (reactivate), not the mentor: ');
  });
}
