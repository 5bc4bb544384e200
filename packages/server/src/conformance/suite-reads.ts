/**
 * What each person may read (spec §6), by the hand-written table `expectedRead`: per dossier state
 * GET /dossiers/{id}, its history and whether their list shows it, and which parts of the answers
 * they get (the MBO: exactly what the sharing classes and the student's choices let through).
 * And who may read and write a student's B1 through GET/PATCH /students/{id}/begeleiding.
 */
import { applies, buildSections, conditionContext, sharingClassOf, type Dossier, type HistoryEntry, type SharingClass } from '../sdk.js';
import type { DossierBuilder } from './builder.js';
import { adviesFilled, begeleidingAccess, cellName, expectedRead, parties, roleOf, type Cell, type DossierType, type Party, type ReadExpectation } from './expectations.js';
import { begeleidingPath, checkWith, compareOutcome, complain, ifMatch, Mismatch, stableJson, type Recorder, type World } from './harness.js';

type Answers = Dossier['answers'];

const hidden = { status: 'hidden' as const };

/**
 * Spec §6 (v2): verplicht always leaves the school, verboden never, optioneel and optIn only when
 * the student ticked them: no box counts as ticked (a pre-ticked box is no consent under the AVG).
 */
function sharedBySpec(sharing: SharingClass, ticked: boolean | undefined): boolean {
  switch (sharing) {
    case 'verplicht':
      return true;
    case 'verboden':
      return false;
    case 'optioneel':
    case 'optIn':
      return ticked === true;
  }
}

/** The answers the chosen MBO must receive of an afgerond dossier, from all of them (as its owner reads them). */
function expectedShared(world: World, type: DossierType, all: Answers): Answers {
  const sections = buildSections(world.config, type);
  // Only answers to questions that apply leave the school (an onderwijsnummer kept beside a BSN does not).
  const context = conditionContext({ type, answers: all }, world.config, world.today);
  const delenQuestion = sections.find((s) => s.id === 'akkoordverklaring')?.questions.find((q) => q.id === 'delen');
  const offered = delenQuestion?.kind === 'multiChoice' ? delenQuestion.options.map((o) => String(o.value)) : [];
  const delen = all['akkoordverklaring']?.['delen'];
  // A section the student was not asked about was not ticked.
  const ticked = (id: string) => (offered.includes(id) && Array.isArray(delen) ? delen.includes(id) : undefined);
  const shared: Answers = {};
  for (const section of sections) {
    const answers = all[section.id];
    if (!answers) continue;
    // A question's own class (the legal persoonsgegevens are verplicht) goes before its section's.
    const kept = Object.fromEntries(
      section.questions.filter((q) => q.id in answers && applies(q, answers, context) && sharedBySpec(sharingClassOf(world.config, section, q), ticked(section.id))).map((q) => [q.id, answers[q.id]]),
    );
    if (Object.keys(kept).length > 0) shared[section.id] = kept as Answers[string];
  }
  return shared;
}

/** What the MBO reads beyond what was shared, and what it lacks of it; `all` is the dossier as its owner reads it. */
export function sharingProblems(world: World, type: DossierType, received: Answers, all: Answers): string[] {
  const expected = expectedShared(world, type, all);
  const problems: string[] = [];
  for (const sectionId of new Set([...Object.keys(received), ...Object.keys(expected)])) {
    const got = received[sectionId] ?? {};
    const want = expected[sectionId] ?? {};
    const leaked = Object.keys(got).filter((q) => !(q in want));
    const lacking = Object.keys(want).filter((q) => !(q in got));
    const differing = Object.keys(want).filter((q) => q in got && JSON.stringify(got[q]) !== JSON.stringify(want[q]));
    if (leaked.length) problems.push(`the MBO reads ${sectionId}.${leaked.join(', ')}, which was not shared`);
    if (lacking.length) problems.push(`the MBO lacks ${sectionId}.${lacking.join(', ')}, which was shared`);
    if (differing.length) problems.push(`the MBO reads other answers to ${sectionId}.${differing.join(', ')}`);
  }
  if (!received['persoonlijk']?.['achternaam']) problems.push('the legally required persoonsgegevens are missing for the MBO');
  return problems;
}

/** Which parts a reader got that they may not see, or lacks that they must. */
function partProblems(world: World, cell: Cell, party: Party, expected: ReadExpectation, answers: Answers, all: Answers): string[] {
  // All types: a backend must not put B1 into an mbo-mbo dossier for a student to read either.
  const partOf = (part: 'A' | 'B') =>
    buildSections(world.config)
      .filter((s) => s.part === part)
      .map((s) => s.id);
  const problems: string[] = [];
  for (const [part, view, marker] of [
    ['A', expected.deelA, 'motivatie'],
    ['B', expected.deelB, adviesFilled(cell) ? 'advies' : undefined],
  ] as const) {
    if (view === 'hidden') {
      const leaked = partOf(part).filter((id) => id in answers);
      if (leaked.length) problems.push(`${party} reads deel ${part} (${leaked.join(', ')})`);
    } else if (view === 'shown' && marker && !(marker in answers)) problems.push(`${party} does not read ${marker} (deel ${part})`);
  }
  if (expected.deelA === 'shared') problems.push(...sharingProblems(world, cell.type, answers, all).map((p) => `${party}: ${p}`));
  return problems;
}

/**
 * Spec §6 (v2): the MBO reads of the history only the milestones: status changes, without who,
 * without saves; and its own intake steps (§9), also without names.
 */
export function milestoneProblems(entries: ReadonlyArray<HistoryEntry>): string[] {
  const problems: string[] = [];
  const named = entries.filter((e) => e.actor !== undefined).length;
  const saves = entries.filter((e) => (e.kind !== 'action' && e.kind !== 'intake') || e.sectionId !== undefined).length;
  const still = entries.filter((e) => e.kind === 'action' && (e.from === undefined || e.from === e.to)).length;
  if (named) problems.push(`${named} entries name who did it (actor)`);
  if (saves) problems.push(`${saves} entries are not status changes (saves or creation)`);
  if (still) problems.push(`${still} action entries do not change the status (inzage, archive)`);
  return problems;
}

async function listShows(world: World, party: Party, id: string): Promise<boolean | string> {
  const response = await world.http.request(world.token(party), 'GET', roleOf[party] === 'mentor' ? 'dossiers?view=teBehandelen' : 'dossiers');
  if (response.status !== 200) return `GET /dossiers by ${party}: ${response.status}`;
  const items = (response.body as { items?: { id: string }[] }).items ?? [];
  return items.some((item) => item.id === id);
}

/** Every person reads the freshly built dossier of the cell. */
export async function readChecks(recorder: Recorder, world: World, builder: DossierBuilder, cell: Cell, dossier: Dossier): Promise<void> {
  await recorder.check('reads', `${cellName(cell)}: dossier, history and list for ${parties.length} people`, async () => {
    const path = `dossiers/${encodeURIComponent(dossier.id)}`;
    const all = (await builder.ownerView(dossier.id)).answers;
    const problems: string[] = [];
    const reads: string[] = [];
    for (const party of parties) {
      const expected = expectedRead(party, cell);
      const token = world.token(party);
      const read = await world.http.request(token, 'GET', path);
      const history = await world.http.request(token, 'GET', `${path}/history`);
      const listed = await listShows(world, party, dossier.id);
      if (typeof listed === 'string') problems.push(listed);
      if (expected === 'hidden') {
        const complaints = [compareOutcome(read, hidden), compareOutcome(history, hidden)];
        if (complaints[0]) problems.push(`GET ${party}: ${complaints[0]}`);
        if (complaints[1]) problems.push(`history by ${party}: ${complaints[1]}`);
        if (listed === true) problems.push(`${party}'s list shows it`);
        continue;
      }
      reads.push(party);
      const complaint = compareOutcome(read, { status: 200 });
      if (complaint) problems.push(`GET ${party}: ${complaint}`);
      else {
        const seen = read.body as Dossier;
        if (seen.id !== dossier.id || seen.status !== cell.status || seen.archived !== cell.archived) problems.push(`${party} reads ${seen.id} ${seen.status}${seen.archived ? ' (archived)' : ''}`);
        problems.push(...partProblems(world, cell, party, expected, seen.answers ?? {}, all));
      }
      const historyComplaint = compareOutcome(history, { status: 200 });
      if (historyComplaint) problems.push(`history by ${party}: ${historyComplaint}`);
      else if (!Array.isArray(history.body) || history.body.length === 0) problems.push(`history by ${party} is empty`);
      else if (roleOf[party] === 'mbo') problems.push(...milestoneProblems(history.body as HistoryEntry[]).map((p) => `history by ${party}: ${p}`));
      if (typeof listed === 'boolean' && listed !== expected.listed) problems.push(`${party}'s list ${listed ? 'shows' : 'lacks'} it`);
    }
    complain(problems);
    return `read by ${reads.join(', ')}`;
  });
}

/** B1 per student: the klas's mentor reads and writes it, another mentor of the school gets 404, everyone else is refused; refusals change nothing. */
export async function begeleidingChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const allowed = parties.filter((p) => begeleidingAccess[p] === 'allowed');
  await checkWith(recorder, world, ['people'], 'B1 access', `B1 (GET/PATCH /students/{id}/begeleiding) for the mentors of the student's klas only, by ${parties.length} people`, async () => {
    const studentId = world.me.owner.person.id;
    const path = begeleidingPath(studentId);
    const flip = builder.section('vo-mbo', 'begeleiding').questions.find((q) => q.kind === 'yesNo')?.id;
    if (!flip) throw new Mismatch('the region config has no ja/nee question in begeleiding');
    const complete = builder.answers('vo-mbo', 'begeleiding');
    const problems: string[] = [];
    const write = async (party: Party, version: number, value: boolean) =>
      world.http.request(world.token(party), 'PATCH', path, { json: { answers: { ...complete, [flip]: value } }, headers: ifMatch(version) });
    const rule = (party: Party) =>
      begeleidingAccess[party] === 'hidden' ? " (spec v2: B1 is for the mentors of the student's klas or of a dossier sent to them; another mentor of the school gets 404)" : '';

    const before = await world.api.assignedMentor.getBegeleiding(studentId);
    for (const party of parties.filter((p) => begeleidingAccess[p] !== 'allowed')) {
      const expected = { status: begeleidingAccess[party] as 'hidden' | 'denied' };
      const read = compareOutcome(await world.http.request(world.token(party), 'GET', path), expected);
      if (read) problems.push(`GET by ${party}: ${read}${rule(party)}`);
      const written = compareOutcome(await write(party, before.version, before.answers[flip] !== true), expected);
      if (written) problems.push(`PATCH by ${party}: ${written}${rule(party)}`);
    }
    let current = await world.api.assignedMentor.getBegeleiding(studentId);
    if (current.version !== before.version || stableJson(current.answers) !== stableJson(before.answers)) problems.push(`refused writes changed B1 (v${before.version} → v${current.version})`);

    for (const party of allowed) {
      const read = await world.http.request(world.token(party), 'GET', path);
      const readComplaint = compareOutcome(read, { status: 200 });
      if (readComplaint) problems.push(`GET by ${party}: ${readComplaint}`);
      const value = current.answers[flip] !== true;
      const response = await write(party, current.version, value);
      const complaint = compareOutcome(response, { status: 200 });
      if (complaint) {
        problems.push(`PATCH by ${party}: ${complaint}`);
        continue;
      }
      const saved = await world.api.assignedMentor.getBegeleiding(studentId);
      if (saved.version !== current.version + 1 || saved.answers[flip] !== value)
        problems.push(`${party}'s write gave v${saved.version} ${flip}=${String(saved.answers[flip])}, expected v${current.version + 1} ${value}`);
      current = saved;
    }
    complain(problems);
    return `written by ${allowed.join(', ')}`;
  });
}
