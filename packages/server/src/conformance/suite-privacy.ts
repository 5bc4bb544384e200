/**
 * One dossier from concept to afgerond, checking what each person may read on the way: deel B
 * reaches the student only once sent, the MBO sees nothing until afgerond and then only what was
 * shared, afgerond never changes again, and the history tells every step.
 */
import { buildSections, type Dossier } from '../sdk.js';
import type { DossierBuilder } from './builder.js';
import { checkWith, compareOutcome, complain, expect, lacking, stableJson, type Recorder, type World } from './harness.js';
import { milestoneProblems, sharingProblems } from './suite-reads.js';

export async function lifecycleChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const { api } = world;
  const dossierPath = (d: Pick<Dossier, 'id'>) => `dossiers/${encodeURIComponent(d.id)}`;
  const deelB = buildSections(world.config, 'vo-mbo')
    .filter((s) => s.part === 'B')
    .map((s) => s.id);
  let dossier: Dossier | undefined;

  const mboIsBlind = async (when: string) => {
    const list = await api.mbo.listDossiers();
    expect(!list.items.some((d) => d.id === dossier!.id), `${when}: the MBO's list already shows the dossier`);
    const read = await world.http.request(world.token('mbo'), 'GET', dossierPath(dossier!));
    const complaint = compareOutcome(read, { status: 'hidden' });
    expect(!complaint, `${when}: MBO reading the dossier: ${complaint}`);
  };

  const needs = ['people', 'catalogue', 'mentorChoice', 'minor'] as const;
  const afterwards = [
    ['afgerond', 'afgerond is final: saves, actions and B1 changes leave it as it was'],
    ['MBO reads milestones', "the MBO's history has the status changes only: no names, no saves"],
    ['history', 'every save and action is in the history, one version each'],
  ] as const;
  if (!recorder.wants('privacy') && !afterwards.some(([group]) => recorder.wants(group))) return;
  const skipRest = (from: ReadonlyArray<readonly [string, string]>, reason: string) => {
    for (const [group, name] of from) recorder.skip(group, name, lacking(world, needs) ?? reason);
  };

  // The privacy checks walk the dossier to afgerond; when they are not selected, it is built without them.
  if (recorder.wants('privacy')) {
    await checkWith(recorder, world, needs, 'privacy', 'deel B reaches the student only when the mentor sends it', async () => {
      dossier = await builder.build({ type: 'vo-mbo', status: 'deelB', archived: false, mentorAssigned: true });
      const leaked = deelB.filter((id) => id in dossier!.answers);
      expect(leaked.length === 0, `in deelB the student already sees ${leaked.join(', ')}`);
      const asMentor = await api.assignedMentor.getDossier(dossier.id);
      expect('motivatie' in asMentor.answers && 'advies' in asMentor.answers, 'the assigned mentor does not see deel A and deel B');
      await mboIsBlind('in deelB');
      const sent = await builder.act('assignedMentor', dossier, 'sendToStudent');
      const asStudent = await builder.ownerView(sent.id);
      expect('advies' in asStudent.answers, 'after sendToStudent the student does not see advies');
      dossier = await builder.consent(asStudent);
    });
  } else if (!lacking(world, needs)) {
    dossier = await builder.build({ type: 'vo-mbo', status: 'akkoord', archived: false, mentorAssigned: true }).catch(() => undefined);
  }
  if (!dossier || dossier.status !== 'akkoord') {
    skipRest([['privacy', 'the MBO stays blind until afgerond, then reads only what was shared'], ...afterwards], 'no dossier reached akkoord (see the checks before)');
    return;
  }

  if (recorder.wants('privacy')) {
    await recorder.check('privacy', 'the MBO stays blind until afgerond, then reads only what was shared', async () => {
      await mboIsBlind('in akkoord');
      dossier = await builder.act('owner', dossier!, 'finalize');
      const list = await api.mbo.listDossiers();
      expect(
        list.items.some((d) => d.id === dossier!.id),
        "after finalize the MBO's list lacks the dossier",
      );
      const received = await api.mbo.getDossier(dossier.id);
      const { withheld } = builder.sharingChoice('vo-mbo');
      const problems: string[] = [];
      if (received.status !== 'afgerond') problems.push(`the MBO reads status ${received.status}`);
      problems.push(...sharingProblems(world, 'vo-mbo', received.answers, (await builder.ownerView(dossier.id)).answers));
      const other = await world.http.request(world.token('otherMbo'), 'GET', dossierPath(dossier));
      const complaint = compareOutcome(other, { status: 'hidden' });
      if (complaint) problems.push(`another MBO reading it: ${complaint}`);
      if ((await api.otherMbo.listDossiers()).items.some((d) => d.id === dossier!.id)) problems.push("another MBO's list shows it");
      complain(problems);
      return withheld ? `withheld: ${withheld}` : 'no optional section to withhold';
    });
  } else dossier = await builder.act('owner', dossier, 'finalize').catch(() => dossier);
  if (!dossier || dossier.status !== 'afgerond') {
    skipRest(afterwards, 'no dossier reached afgerond (see the checks before)');
    return;
  }

  await recorder.check('afgerond', 'afgerond is final: saves, actions and B1 changes leave it as it was', async () => {
    const before = await builder.ownerView(dossier!.id);
    const attempts = [
      world.http.request(world.token('owner'), 'PATCH', `${dossierPath(before)}/sections/motivatie`, { json: { answers: { later: 'anders' } }, headers: { 'If-Match': `"${before.version}"` } }),
      world.http.request(world.token('assignedMentor'), 'PATCH', `${dossierPath(before)}/sections/advies`, { json: { answers: { advies: 'anders' } }, headers: { 'If-Match': `"${before.version}"` } }),
      world.http.request(world.token('owner'), 'POST', `${dossierPath(before)}/actions/backToDeelA`, { json: {}, headers: { 'If-Match': `"${before.version}"` } }),
      world.http.request(world.token('assignedMentor'), 'POST', `${dossierPath(before)}/actions/archive`, { json: {}, headers: { 'If-Match': `"${before.version}"` } }),
    ];
    const problems: string[] = [];
    for (const response of await Promise.all(attempts)) {
      const complaint = compareOutcome(response, { status: 409, reason: 'final' });
      if (complaint) problems.push(complaint);
    }
    // B1 belongs to the student and changes for open dossiers; the afgerond one keeps its snapshot.
    const studentId = world.me.owner.person.id;
    const record = await api.assignedMentor.getBegeleiding(studentId);
    const changed = { ...builder.answers('vo-mbo', 'begeleiding'), verzuim: !(record.answers['verzuim'] === true) };
    await api.assignedMentor.saveBegeleiding(studentId, changed, record.version);
    const after = await builder.ownerView(before.id);
    if (after.version !== before.version) problems.push(`version changed from ${before.version} to ${after.version}`);
    if (stableJson(after.answers) !== stableJson(before.answers)) problems.push('the answers of the afgerond dossier changed');
    complain(problems);
  });

  await recorder.check('MBO reads milestones', "the MBO's history has the status changes only: no names, no saves", async () => {
    const mbo = await api.mbo.history(dossier!.id);
    const own = await api.owner.history(dossier!.id);
    const problems = milestoneProblems(mbo);
    const milestones = own.filter((e) => e.kind === 'action' && e.from !== undefined && e.from !== e.to);
    const said = (entries: typeof own) => entries.map((e) => `${e.from}→${e.to}`).join(', ');
    if (said(mbo.filter((e) => e.kind === 'action')) !== said(milestones)) problems.push(`the milestones are ${said(mbo)}, expected ${said(milestones)} (the status changes of the school's history)`);
    const text = JSON.stringify(mbo);
    const names = [world.me.assignedMentor.person.naam, world.me.guardian.person.naam].filter((n) => n && text.includes(n));
    if (names.length) problems.push(`it names ${names.join(', ')}`);
    complain(problems, 'spec v2: the MBO reads of the history only the milestone dates (no names, no section saves): ');
    return `${mbo.length} milestones`;
  });

  await recorder.check('history', 'every save and action is in the history, one version each', async () => {
    const history = await api.owner.history(dossier!.id);
    const current = await builder.ownerView(dossier!.id);
    // A B1 change is logged on every open dossier of the student at that dossier's version, so versions may repeat.
    const versions = history.map((h) => h.version);
    const expected = Array.from({ length: current.version }, (_, i) => i + 1);
    const ownVersions = [...new Set(versions)].sort((a, b) => a - b);
    expect(JSON.stringify(ownVersions) === JSON.stringify(expected), `history versions ${ownVersions.join(',')} for a dossier at version ${current.version}`);
    const last = history[history.length - 1]!;
    const finalize = history.find((h) => h.kind === 'action' && h.action === 'finalize');
    expect(finalize?.from === 'akkoord' && finalize.to === 'afgerond' && finalize.actor?.role === 'student', `finalize entry: ${JSON.stringify(finalize)}`);
    expect(last.version <= current.version, 'the history runs ahead of the dossier');
    return `${history.length} entries`;
  });
}
