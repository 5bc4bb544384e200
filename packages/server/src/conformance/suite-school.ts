/**
 * The school's decaan (spec §6, §9; issue 17), with the optional tokens `decaan` (of the
 * student's school) and `otherDecaan` (of another school). Each rule is a group of its own:
 *
 * - `decaan for the school`: in every dossier state the decaan reads as a mentor does (deel A
 *   from bijMentor on, deel B always, the history, the lists), may do exactly the actions and
 *   saves the spec's tables give the school's decaan, and is refused every other with the reason;
 *   B1 of every student of the school.
 * - `decaan of another school`: 404 for every dossier, its history, every action and save and
 *   B1; nothing of the student in the lists or the overview.
 * - `reminders`, `changeMentor`, `moveKlas`: the decaan's own routes.
 *
 * What the decaan moves to `otherMentor` is moved back at the end, so the next run (and the B1
 * rule: a mentor a dossier was sent to reads B1) finds the school as it was.
 */
import type { DossierList, KlasMoveResult, ReminderResult } from '@doorstroom/sdk';
import type { Dossier, DossierAction, Mentor } from '../sdk.js';
import type { DossierBuilder } from './builder.js';
import {
  actionRules,
  actions,
  cellName,
  editTargets,
  expectedAction,
  expectedEdit,
  expectedRead,
  httpStatusOf,
  sectionIdOf,
  type Cell,
  type DecaanParty,
  type Outcome,
  type Party,
} from './expectations.js';
import {
  actionPath,
  begeleidingPath,
  checkWith,
  compareOutcome,
  complain,
  dossierPath,
  expect,
  ifMatch,
  lacking,
  Mismatch,
  sectionPath,
  stableJson,
  type ExpectedOutcome,
  type Need,
  type RawResponse,
  type Recorder,
  type World,
} from './harness.js';

export const decaanGroup = 'decaan for the school';
export const otherDecaanGroup = 'decaan of another school';
const decaanRule = 'spec §6: the decaan does what a mentor may, for every dossier of the school (deel A from bijMentor on), and is refused the rest with the reason: ';
const otherRule = 'spec §6: a decaan of another school gets 404 for the dossier, as for one that does not exist, and sees nothing of the student: ';

const expectedResponse = (outcome: Outcome): ExpectedOutcome =>
  outcome === 'hidden' ? { status: 'hidden' } : { status: httpStatusOf[outcome], ...(outcome === 'allowed' ? {} : { reason: outcome }) };

/**
 * The decaan's changeMentor moves a dossier from its mentor to another (spec §9): without a
 * mentor (a concept never sent) there is nothing to move, 422 noMentorToMove.
 */
export function expectedDecaanAction(action: DossierAction, party: DecaanParty, cell: Cell): ExpectedOutcome | 'allowed' {
  const outcome = expectedAction(action, party, cell);
  if (outcome === 'allowed' && action === 'changeMentor' && !cell.mentorAssigned) return { status: 422, reason: 'noMentorToMove' };
  return outcome === 'allowed' ? 'allowed' : expectedResponse(outcome);
}

function attempt(world: World, party: Party, dossier: Pick<Dossier, 'id' | 'version'>, action: DossierAction, body: Record<string, unknown> = {}): Promise<RawResponse> {
  return world.http.request(world.token(party), 'POST', actionPath(dossier, action), { json: body, headers: ifMatch(dossier.version) });
}

/** The body of an action by the decaan: changeMentor names `otherMentor` (or back to the mentor). */
const bodyFor = (world: World, action: DossierAction, to: 'otherMentor' | 'assignedMentor' = 'otherMentor') =>
  action === 'changeMentor' ? { mentorId: world.me[to].person.id } : action === 'submitToMentor' ? (world.mentorRequest ?? {}) : {};

async function listHas(world: World, party: Party, query: string, id: string): Promise<boolean | string> {
  const response = await world.http.request(world.token(party), 'GET', `dossiers${query}`);
  if (response.status !== 200) return `GET /dossiers${query} by ${party}: ${response.status}`;
  return ((response.body as DossierList).items ?? []).some((item) => item.id === id);
}

/** What the owner and the mentor read, flags and history: a refusal must leave all of it. */
async function snapshot(world: World, builder: DossierBuilder, id: string): Promise<string> {
  const owner = await builder.ownerView(id);
  const history = await world.api.owner.history(id);
  return stableJson({
    version: owner.version,
    status: owner.status,
    archived: owner.archived,
    mentor: owner.mentor?.id ?? owner.mentor?.email ?? null,
    answers: owner.answers,
    history: history.length,
  });
}

/** Moves the dossier back to the assigned mentor after the decaan gave it to otherMentor. */
async function moveBack(world: World, builder: DossierBuilder, id: string): Promise<string | undefined> {
  const current = await builder.ownerView(id);
  if (!current.mentor || current.mentor.id === world.me.assignedMentor.person.id) return undefined;
  const back = await attempt(world, 'schoolDecaan', current, 'changeMentor', bodyFor(world, 'changeMentor', 'assignedMentor'));
  const complaint = compareOutcome(back, { status: 200 });
  return complaint ? `changeMentor back to the mentor: ${complaint}` : undefined;
}

/** The decaan's part of one matrix cell, on `dossier` (in the cell's state, as its owner reads it). */
export async function decaanCellChecks(recorder: Recorder, world: World, builder: DossierBuilder, cell: Cell, dossier: Dossier): Promise<void> {
  const name = cellName(cell);
  if (recorder.wants(decaanGroup) && !lacking(world, ['decaan'])) {
    await recorder.check(decaanGroup, `${name}: reads, ${actions.length} actions and ${editTargets.length} saves`, async () => {
      const problems: string[] = [];
      const expected = expectedRead('schoolDecaan', cell);
      const read = await world.http.request(world.token('schoolDecaan'), 'GET', dossierPath(dossier));
      const history = await world.http.request(world.token('schoolDecaan'), 'GET', `${dossierPath(dossier)}/history`);
      if (expected === 'hidden') throw new Mismatch('the decaan sees every dossier of the school');
      const readComplaint = compareOutcome(read, { status: 200 });
      if (readComplaint) problems.push(`GET: ${readComplaint}`);
      else {
        const answers = (read.body as Dossier).answers ?? {};
        const partA = builder
          .sections(cell.type)
          .filter((s) => s.part === 'A')
          .map((s) => s.id);
        if (expected.deelA === 'hidden' && partA.some((id) => id in answers)) problems.push(`reads deel A in concept (${partA.filter((id) => id in answers).join(', ')})`);
        if (expected.deelA === 'shown' && !('motivatie' in answers)) problems.push('does not read motivatie (deel A)');
        if (cell.type === 'vo-mbo' && ['deelB', 'akkoord', 'afgerond'].includes(cell.status) && !('advies' in answers)) problems.push('does not read advies (deel B)');
      }
      const historyComplaint = compareOutcome(history, { status: 200 });
      if (historyComplaint) problems.push(`history: ${historyComplaint}`);
      const listed = await listHas(world, 'schoolDecaan', '', dossier.id);
      if (typeof listed === 'string') problems.push(listed);
      else if (listed !== expected.listed) problems.push(`GET /dossiers ${listed ? 'shows' : 'lacks'} it`);
      if (expected.overview !== undefined) {
        const overview = await listHas(world, 'schoolDecaan', '?view=mijnLeerlingen', dossier.id);
        if (typeof overview === 'string') problems.push(overview);
        else if (overview !== expected.overview) problems.push(`the school overview (?view=mijnLeerlingen) ${overview ? 'shows' : 'lacks'} it`);
      }

      // Refusals first, on the untouched dossier.
      const before = await snapshot(world, builder, dossier.id);
      let current = await builder.ownerView(dossier.id);
      const allowedActions: DossierAction[] = [];
      for (const action of actions) {
        const outcome = expectedDecaanAction(action, 'schoolDecaan', cell);
        if (outcome === 'allowed') {
          allowedActions.push(action);
          continue;
        }
        const complaint = compareOutcome(await attempt(world, 'schoolDecaan', current, action, bodyFor(world, action)), outcome);
        if (complaint) problems.push(`${action}: ${complaint}`);
      }
      const allowedSaves = editTargets.filter((t) => expectedEdit(t, 'schoolDecaan', cell) === 'allowed');
      for (const target of editTargets.filter((t) => !allowedSaves.includes(t))) {
        const sectionId = sectionIdOf[target];
        const answers = builder.sections(cell.type).some((s) => s.id === sectionId) ? builder.answers(cell.type, sectionId) : {};
        const response = await world.http.request(world.token('schoolDecaan'), 'PATCH', sectionPath(current, sectionId), { json: { answers }, headers: ifMatch(current.version) });
        const complaint = compareOutcome(response, expectedResponse(expectedEdit(target, 'schoolDecaan', cell)));
        if (complaint) problems.push(`save ${sectionId}: ${complaint}`);
      }
      const after = await snapshot(world, builder, dossier.id);
      if (after !== before) problems.push('refused actions or saves changed the dossier');
      // The saves the decaan may make.
      for (const target of allowedSaves) {
        const sectionId = sectionIdOf[target];
        const response = await world.http.request(world.token('schoolDecaan'), 'PATCH', sectionPath(current, sectionId), {
          json: { answers: builder.answers(cell.type, sectionId) },
          headers: ifMatch(current.version),
        });
        const complaint = compareOutcome(response, { status: 200 });
        if (complaint) problems.push(`save ${sectionId}: ${complaint}`);
        else current = { ...current, version: (response.body as Dossier).version };
      }
      complain(problems, decaanRule);
      return `${allowedActions.length ? `may ${allowedActions.join(', ')}; ` : ''}${allowedSaves.length ? `saved ${allowedSaves.map((t) => sectionIdOf[t]).join(', ')}` : 'no saves'}`;
    });
    const allowed = actions.filter((a) => expectedDecaanAction(a, 'schoolDecaan', cell) === 'allowed');
    if (allowed.length) {
      await recorder.check(decaanGroup, `${name}: the decaan's ${allowed.join(', ')}`, async () => {
        const problems: string[] = [];
        for (const action of allowed) {
          const target = await builder.build(cell);
          const response = await attempt(world, 'schoolDecaan', target, action, bodyFor(world, action));
          const complaint = compareOutcome(response, { status: 200 });
          if (complaint) {
            problems.push(`${action}: ${complaint}`);
            continue;
          }
          const next = response.body as Dossier;
          const to = actionRules[action].to ?? cell.status;
          if (next.status !== to) problems.push(`${action}: status ${next.status}, expected ${to}`);
          if (next.version !== target.version + 1) problems.push(`${action}: version ${next.version}, expected ${target.version + 1}`);
          if (action === 'archive' && !next.archived) problems.push('archive: not archived');
          if (action === 'changeMentor') {
            if (next.mentor?.id !== world.me.otherMentor.person.id) problems.push(`changeMentor: the mentor is ${next.mentor?.id ?? 'none'}, expected ${world.me.otherMentor.person.id}`);
            const back = await moveBack(world, builder, target.id);
            if (back) problems.push(back);
          }
        }
        complain(problems, decaanRule);
        return `${allowed.length} actions`;
      });
    }
  }
  if (recorder.wants(otherDecaanGroup) && !lacking(world, ['otherDecaan'])) {
    await recorder.check(otherDecaanGroup, `${name}: 404 for the dossier, its history, ${actions.length} actions and ${editTargets.length} saves`, async () => {
      const problems: string[] = [];
      const before = await snapshot(world, builder, dossier.id);
      const current = await builder.ownerView(dossier.id);
      const hidden = { status: 'hidden' as const };
      for (const [what, path] of [
        ['GET', dossierPath(dossier)],
        ['history', `${dossierPath(dossier)}/history`],
      ] as const) {
        const complaint = compareOutcome(await world.http.request(world.token('otherDecaan'), 'GET', path), hidden);
        if (complaint) problems.push(`${what}: ${complaint}`);
      }
      for (const action of actions) {
        const complaint = compareOutcome(await attempt(world, 'otherDecaan', current, action, bodyFor(world, action)), hidden);
        if (complaint) problems.push(`${action}: ${complaint}`);
      }
      for (const target of editTargets) {
        const sectionId = sectionIdOf[target];
        const answers = builder.sections(cell.type).some((s) => s.id === sectionId) ? builder.answers(cell.type, sectionId) : {};
        const response = await world.http.request(world.token('otherDecaan'), 'PATCH', sectionPath(current, sectionId), { json: { answers }, headers: ifMatch(current.version) });
        const complaint = compareOutcome(response, hidden);
        if (complaint) problems.push(`save ${sectionId}: ${complaint}`);
      }
      for (const query of ['', '?view=mijnLeerlingen']) {
        const listed = await listHas(world, 'otherDecaan', query, dossier.id);
        if (listed !== false) problems.push(typeof listed === 'string' ? listed : `GET /dossiers${query} shows it`);
      }
      if ((await snapshot(world, builder, dossier.id)) !== before) problems.push('the refused requests changed the dossier');
      complain(problems, otherRule);
    });
  }
}

/** Once per run: one skip line per decaan group when its token is absent (instead of one per cell). */
export function skipDecaanMatrix(recorder: Recorder, world: World): void {
  for (const [group, need] of [
    [decaanGroup, 'decaan'],
    [otherDecaanGroup, 'otherDecaan'],
  ] as const) {
    const reason = lacking(world, [need]);
    if (reason) recorder.skip(group, 'every dossier state: reads, actions and saves', reason);
  }
}

/** The decaan's B1 and the overview; the other school's decaan sees neither. */
export async function schoolChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  await checkWith(
    recorder,
    world,
    ['people', 'decaan'],
    decaanGroup,
    'B1 of every student of the school (GET/PATCH /students/{id}/begeleiding), and the school overview lists the student',
    async () => {
      const studentId = world.me.owner.person.id;
      const problems: string[] = [];
      const path = begeleidingPath(studentId);
      const read = await world.http.request(world.token('schoolDecaan'), 'GET', path);
      const complaint = compareOutcome(read, { status: 200 });
      if (complaint) problems.push(`GET B1: ${complaint}`);
      else {
        const record = read.body as { version: number; answers: Record<string, unknown> };
        const flip = builder.section('vo-mbo', 'begeleiding').questions.find((q) => q.kind === 'yesNo')?.id;
        expect(flip, 'the region config has no ja/nee question in begeleiding');
        const written = await world.http.request(world.token('schoolDecaan'), 'PATCH', path, {
          json: { answers: { ...builder.answers('vo-mbo', 'begeleiding'), [flip]: record.answers[flip] !== true } },
          headers: ifMatch(record.version),
        });
        const writeComplaint = compareOutcome(written, { status: 200 });
        if (writeComplaint) problems.push(`PATCH B1: ${writeComplaint}`);
      }
      const overview = await world.http.request(world.token('schoolDecaan'), 'GET', 'dossiers?view=mijnLeerlingen');
      if (overview.status !== 200) problems.push(`GET /dossiers?view=mijnLeerlingen: ${overview.status}`);
      else if (!(overview.body as DossierList).students?.some((s) => s.id === studentId)) problems.push('the school overview (students) lacks the student');
      complain(problems, 'spec §6, §9: the decaan reads every B1 of the school, writes what a mentor may, and oversees every student of the school: ');
    },
  );
  await checkWith(recorder, world, ['people', 'otherDecaan'], otherDecaanGroup, "nothing of the student in the other school's overview, and 404 for their B1", async () => {
    const studentId = world.me.owner.person.id;
    const problems: string[] = [];
    for (const method of ['GET', 'PATCH'] as const) {
      const response = await world.http.request(world.token('otherDecaan'), method, begeleidingPath(studentId), method === 'PATCH' ? { json: { answers: {} }, headers: ifMatch(1) } : {});
      const complaint = compareOutcome(response, { status: 'hidden' });
      if (complaint) problems.push(`${method} B1: ${complaint}`);
    }
    const overview = await world.http.request(world.token('otherDecaan'), 'GET', 'dossiers?view=mijnLeerlingen');
    if (overview.status !== 200) problems.push(`GET /dossiers?view=mijnLeerlingen: ${overview.status}`);
    else {
      const list = overview.body as DossierList;
      if (list.students?.some((s) => s.id === studentId)) problems.push('the overview lists the student');
      if (list.items.some((d) => d.student.id === studentId)) problems.push("the overview lists the student's dossiers");
    }
    const plain = await world.http.request(world.token('otherDecaan'), 'GET', 'dossiers');
    if (plain.status === 200 && (plain.body as DossierList).items.some((d) => d.student.id === studentId)) problems.push("GET /dossiers lists the student's dossiers");
    complain(problems, otherRule);
  });
}

const made = () => `conformance-geen-leerling-${Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('')}`;

/** Spec §9: the decaan reminds students; per student sent, or refused with a reason. */
export async function reminderChecks(recorder: Recorder, world: World): Promise<void> {
  const group = 'reminders';
  if (!recorder.wants(group)) return;
  const rule = 'spec §9: the decaan sends a reminder to the selected students of the school, each one sent or refused with a reason; nobody else sends them: ';
  await checkWith(
    recorder,
    world,
    ['people', 'decaan'],
    group,
    'POST /reminders: each student once, sent or refused with a reason; one made up is refused; a mentor and a student may not',
    async () => {
      const problems: string[] = [];
      const studentId = world.me.owner.person.id;
      const unknown = made();
      const response = await world.http.request(world.token('schoolDecaan'), 'POST', 'reminders', { json: { studentIds: [studentId, unknown, studentId] } });
      const complaint = compareOutcome(response, { status: 200 });
      if (complaint) problems.push(`by the decaan: ${complaint}`);
      else {
        const result = response.body as ReminderResult;
        const sent = result.sent ?? [];
        const refused = result.refused ?? [];
        for (const id of [studentId, unknown]) {
          const times = sent.filter((s) => s === id).length + refused.filter((r) => r.studentId === id).length;
          if (times !== 1) problems.push(`${id === unknown ? 'the made-up student' : 'the student'} is ${times} times in sent and refused, expected once`);
        }
        if (sent.includes(unknown)) problems.push('a reminder was "sent" to a student who does not exist');
        const reasonless = refused.filter((r) => typeof r.reason !== 'string' || r.reason === '');
        if (reasonless.length) problems.push(`${reasonless.length} refused without a reason`);
      }
      for (const party of ['assignedMentor', 'owner'] as const) {
        const other = await world.http.request(world.token(party), 'POST', 'reminders', { json: { studentIds: [studentId] } });
        const refusal = compareOutcome(other, { status: 'denied' });
        if (refusal) problems.push(`by the ${party === 'owner' ? 'student' : 'mentor'}: ${refusal}`);
      }
      complain(problems, rule);
    },
  );
  await checkWith(recorder, world, ['people', 'otherDecaan'], group, 'a decaan of another school cannot remind the student (refused per student, or 403/404)', async () => {
    const studentId = world.me.owner.person.id;
    const response = await world.http.request(world.token('otherDecaan'), 'POST', 'reminders', { json: { studentIds: [studentId] } });
    if (response.status === 200) {
      const result = response.body as ReminderResult;
      if ((result.sent ?? []).includes(studentId)) throw new Mismatch(`${rule}a decaan of another school sent the student a reminder`);
      if (!(result.refused ?? []).some((r) => r.studentId === studentId)) throw new Mismatch(`${rule}the answer neither sends nor refuses the student`);
      return 'refused';
    }
    const complaint = compareOutcome(response, { status: 'denied' });
    if (complaint) throw new Mismatch(`${rule}${complaint}`);
    return `${response.status}`;
  });
}

const bijMentor: Cell = { type: 'vo-mbo', status: 'bijMentor', archived: false, mentorAssigned: true };
const needsForMoves: Need[] = ['people', 'catalogue', 'mentorChoice', 'roster', 'decaan'];

/** Whether `party` reads the dossier (200) and their work list shows it, as a complaint or undefined. */
async function holds(world: World, party: 'assignedMentor' | 'otherMentor', id: string, expected: boolean): Promise<string[]> {
  const problems: string[] = [];
  const read = await world.http.request(world.token(party), 'GET', dossierPath({ id }));
  if (expected && read.status !== 200) problems.push(`${party} reading it: ${read.status}, expected 200`);
  if (!expected && read.status !== 404) problems.push(`${party} reading it: ${read.status}, expected 404 (no longer theirs)`);
  const listed = await listHas(world, party, '?view=teBehandelen', id);
  if (typeof listed === 'string') problems.push(listed);
  else if (listed !== expected) problems.push(`${party}'s te behandelen ${listed ? 'shows' : 'lacks'} it`);
  return problems;
}

/** Spec §9: the decaan moves one dossier to another mentor; the history records it. */
export async function changeMentorChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'changeMentor';
  if (!recorder.wants(group)) return;
  await checkWith(recorder, world, needsForMoves, group, 'the decaan moves a dossier to another mentor: the history says so, the new mentor has it, the old one no longer reads it', async () => {
    const problems: string[] = [];
    const dossier = await builder.build(bijMentor);
    // Refusals first: the mentor may not, nor a mentor not on the roster, nor the other school's decaan.
    const byMentor = compareOutcome(await attempt(world, 'assignedMentor', dossier, 'changeMentor', bodyFor(world, 'changeMentor')), { status: 403, reason: 'wrongRole' });
    if (byMentor) problems.push(`changeMentor by the mentor: ${byMentor}`);
    const elsewhere = compareOutcome(await attempt(world, 'schoolDecaan', dossier, 'changeMentor', { mentorId: made() }), { status: 422 });
    if (elsewhere) problems.push(`changeMentor to a mentor not on the roster: ${elsewhere}`);
    if (!lacking(world, ['otherDecaan'])) {
      const other = compareOutcome(await attempt(world, 'otherDecaan', dossier, 'changeMentor', bodyFor(world, 'changeMentor')), { status: 'hidden' });
      if (other) problems.push(`changeMentor by a decaan of another school: ${other}`);
    }
    const unchanged = await builder.ownerView(dossier.id);
    if (unchanged.version !== dossier.version || unchanged.mentor?.id !== dossier.mentor?.id) problems.push('the refused moves changed the dossier');

    const moved = await attempt(world, 'schoolDecaan', unchanged, 'changeMentor', bodyFor(world, 'changeMentor'));
    const complaint = compareOutcome(moved, { status: 200 });
    if (complaint) {
      problems.push(`changeMentor by the decaan: ${complaint}`);
      complain(problems, 'spec §9: the decaan moves a dossier to another mentor of the school: ');
    }
    const next = moved.body as Dossier & { mentor: Mentor | null };
    if (next.mentor?.id !== world.me.otherMentor.person.id) problems.push(`the dossier is with ${next.mentor?.id ?? 'nobody'}, expected ${world.me.otherMentor.person.id}`);
    if (next.status !== 'bijMentor' || next.version !== unchanged.version + 1) problems.push(`the move left ${next.status} v${next.version}, expected bijMentor v${unchanged.version + 1}`);
    const last = (await world.api.owner.history(dossier.id)).at(-1);
    if (last?.kind !== 'action' || last.action !== 'changeMentor') problems.push(`the history's last entry is ${JSON.stringify(last)}, expected the action changeMentor`);
    problems.push(...(await holds(world, 'otherMentor', dossier.id, true)), ...(await holds(world, 'assignedMentor', dossier.id, false)));
    const back = await moveBack(world, builder, dossier.id);
    if (back) problems.push(back);
    else problems.push(...(await holds(world, 'assignedMentor', dossier.id, true)));
    complain(problems, 'spec §9: the decaan moves a dossier to another mentor of the school; the history records it: ');
  });
}

/** Spec §9: the decaan moves a whole klas (roster and open dossiers) to another mentor; moved back afterwards. */
export async function moveKlasChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'moveKlas';
  if (!recorder.wants(group)) return;
  await checkWith(
    recorder,
    world,
    needsForMoves,
    group,
    "the decaan gives the student's klas to another mentor (POST /schools/{id}/klassen/{klas}/mentor): roster and open dossiers; and back",
    async () => {
      const dossier = await builder.build(bijMentor);
      const klas = dossier.student.klas;
      const school = world.me.owner.school?.id;
      if (!klas || !school) throw new Mismatch("the student's dossier says no klas (student.klas), so the suite cannot move it");
      const path = `schools/${encodeURIComponent(school)}/klassen/${encodeURIComponent(klas)}/mentor`;
      const move = (party: Party, mentorId: string) => world.http.request(world.token(party), 'POST', path, { json: { mentorId } });
      const problems: string[] = [];
      const roster = async () => (await world.api.owner.mentors(school)).map((m) => m.id);
      const byMentor = compareOutcome(await move('assignedMentor', world.me.otherMentor.person.id), { status: 'denied' });
      if (byMentor) problems.push(`by the mentor: ${byMentor}`);
      if (!lacking(world, ['otherDecaan'])) {
        const other = compareOutcome(await move('otherDecaan', world.me.otherMentor.person.id), { status: 'hidden' });
        if (other) problems.push(`by a decaan of another school: ${other}`);
      }
      const unknown = compareOutcome(await move('schoolDecaan', made()), { status: 422 });
      if (unknown) problems.push(`to a mentor not on the roster: ${unknown}`);
      const untouched = await builder.ownerView(dossier.id);
      if (untouched.mentor?.id !== world.me.assignedMentor.person.id || untouched.version !== dossier.version) problems.push('the refused moves changed the dossier');

      const response = await move('schoolDecaan', world.me.otherMentor.person.id);
      const complaint = compareOutcome(response, { status: 200 });
      if (complaint) {
        problems.push(`by the decaan: ${complaint}`);
        complain(problems, 'spec §9: the decaan moves a whole klas to another mentor: ');
      }
      const result = response.body as KlasMoveResult;
      if (!result.moved?.includes(dossier.id)) problems.push(`moved ${JSON.stringify(result.moved)} lacks the klas's dossier at the mentor`);
      const offered = await roster();
      if (!offered.includes(world.me.otherMentor.person.id)) problems.push(`the student's roster (GET /schools/{id}/mentors) lacks the new mentor: ${offered.join(', ')}`);
      if (offered.includes(world.me.assignedMentor.person.id)) problems.push('the student is still offered the old mentor');
      problems.push(...(await holds(world, 'otherMentor', dossier.id, true)), ...(await holds(world, 'assignedMentor', dossier.id, false)));

      // And back, so the school is as it was.
      const back = compareOutcome(await move('schoolDecaan', world.me.assignedMentor.person.id), { status: 200 });
      if (back) problems.push(`moving the klas back: ${back}`);
      else {
        if (!(await roster()).includes(world.me.assignedMentor.person.id)) problems.push('moved back, the roster still lacks the mentor');
        problems.push(...(await holds(world, 'assignedMentor', dossier.id, true)));
      }
      complain(problems, 'spec §9: the decaan moves a whole klas (the roster and its open dossiers) to another mentor: ');
      return `klas ${klas}: ${result.moved.length} moved, ${result.refused.length} refused`;
    },
  );
}
