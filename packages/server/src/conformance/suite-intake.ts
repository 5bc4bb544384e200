/**
 * The MBO's intake status of a received dossier (spec §9, issue 18): placement feedback to the
 * school. Each rule is a group of its own; each check builds its own afgerond dossier, chosen at
 * the `mbo` token's instelling.
 */
import type { DossierList } from '@doorstroom/sdk';
import type { Dossier, HistoryEntry } from '../sdk.js';
import type { DossierBuilder } from './builder.js';
import { parties, roleOf, visible, type Cell, type Party } from './expectations.js';
import { checkWith, compareOutcome, complain, dossierPath, lacking, Mismatch, type Need, type RawResponse, type Recorder, type World } from './harness.js';
import { milestoneProblems } from './suite-reads.js';

type IntakeStatus = 'nieuw' | 'gelezen' | 'intakeGepland' | 'geplaatst' | 'nietGeplaatst';
interface Intake {
  status: IntakeStatus;
  datum?: string;
  reden?: string;
}

/** A vo-mbo dossier (so the mentor and the guardian read it too), afgerond at the mbo's instelling. */
const afgerond: Cell = { type: 'vo-mbo', status: 'afgerond', archived: false, mentorAssigned: true };
const needs: Need[] = ['people', 'catalogue', 'mentorChoice', 'minor'];

const intakePath = (dossier: { id: string }) => `${dossierPath(dossier)}/intake`;
const put = (world: World, party: Party, dossier: { id: string }, body: Record<string, unknown>) => world.http.request(world.token(party), 'PUT', intakePath(dossier), { json: body });
const inAMonth = (world: World) => new Date(world.today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);

/** The intake status as a list row shows it to `party` (GET /dossiers; the decaan's overview), without opening the dossier. */
async function rowIntake(world: World, party: Party, id: string, query = ''): Promise<Intake | undefined | string> {
  const response = await world.http.request(world.token(party), 'GET', `dossiers${query}`);
  if (response.status !== 200) return `GET /dossiers${query} by ${party}: ${response.status}`;
  const row = ((response.body as DossierList).items ?? []).find((item) => item.id === id);
  if (!row) return `GET /dossiers${query} by ${party} lacks the dossier`;
  return row.intake as Intake | undefined;
}

/** The MBO's worklist row of the dossier, as a status (reading the list marks nothing). */
async function worklistStatus(world: World, id: string): Promise<string> {
  const intake = await rowIntake(world, 'mbo', id);
  if (typeof intake === 'string') return intake;
  return intake?.status ?? '(none)';
}

function expectIntake(response: RawResponse, status: IntakeStatus, what: string): string | undefined {
  const complaint = compareOutcome(response, { status: 200 });
  if (complaint) return `${what}: ${complaint}`;
  const body = response.body as Intake;
  return body?.status === status ? undefined : `${what}: the answer says ${JSON.stringify(body)}, expected status ${status}`;
}

async function received(builder: DossierBuilder): Promise<Dossier> {
  return builder.build(afgerond);
}

export async function intakeChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  await setByTheChosenMbo(recorder, world, builder);
  await dateAndReason(recorder, world, builder);
  await neverBackToNieuw(recorder, world, builder);
  await readWhenOpened(recorder, world, builder);
  await whoReadsIt(recorder, world, builder);
  await inTheMboHistory(recorder, world, builder);
}

async function setByTheChosenMbo(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'intake set by the chosen MBO only';
  if (!recorder.wants(group)) return;
  const rule =
    'spec §9: only staff of the instelling the student chose set the intake status (PUT /dossiers/{id}/intake): whoever may not see the dossier gets 404, whoever reads it in another role 403 wrongRole: ';
  await checkWith(recorder, world, needs, group, `PUT /dossiers/{id}/intake by ${parties.length} people: the mbo sets it, the others are refused and change nothing`, async () => {
    const dossier = await received(builder);
    const problems: string[] = [];
    for (const party of parties.filter((p) => p !== 'mbo')) {
      const expected = visible(party, afgerond) ? { status: 403, reason: 'wrongRole' } : { status: 'hidden' as const };
      const complaint = compareOutcome(await put(world, party, dossier, { status: 'geplaatst' }), expected);
      if (complaint) problems.push(`by ${party} (${roleOf[party]}): ${complaint}`);
    }
    const status = await worklistStatus(world, dossier.id);
    if (status !== 'nieuw') problems.push(`after the refusals the MBO's worklist says ${status}, expected nieuw`);
    const set = expectIntake(await put(world, 'mbo', dossier, { status: 'intakeGepland', datum: inAMonth(world) }), 'intakeGepland', 'by the mbo');
    if (set) problems.push(set);
    else if ((await worklistStatus(world, dossier.id)) !== 'intakeGepland') problems.push('the MBO set intakeGepland, but its worklist does not say so');
    complain(problems, rule);
  });
  await checkWith(recorder, world, [...needs, 'decaan'], group, 'the decaan of the school may not set it (403 wrongRole), a decaan of another school gets 404', async () => {
    const dossier = await received(builder);
    const problems: string[] = [];
    const own = compareOutcome(await put(world, 'schoolDecaan', dossier, { status: 'geplaatst' }), { status: 403, reason: 'wrongRole' });
    if (own) problems.push(`by the decaan: ${own}`);
    if (!lacking(world, ['otherDecaan'])) {
      const other = compareOutcome(await put(world, 'otherDecaan', dossier, { status: 'geplaatst' }), { status: 'hidden' });
      if (other) problems.push(`by a decaan of another school: ${other}`);
    }
    const status = await worklistStatus(world, dossier.id);
    if (status !== 'nieuw') problems.push(`after the refusals the MBO's worklist says ${status}, expected nieuw`);
    complain(problems, rule);
  });
}

async function dateAndReason(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'intake date and reason';
  if (!recorder.wants(group)) return;
  await checkWith(recorder, world, needs, group, 'intakeGepland needs a datum and nietGeplaatst a reden: 400 with errors[].path, nothing stored', async () => {
    const dossier = await received(builder);
    const problems: string[] = [];
    const bad = async (body: Record<string, unknown>, path: string) => {
      const response = await put(world, 'mbo', dossier, body);
      const complaint = compareOutcome(response, { status: 400 });
      if (complaint) return problems.push(`${JSON.stringify(body)}: ${complaint}`);
      const paths = (response.problem?.errors ?? []).map((e) => e.path);
      if (!paths.some((p) => p === path || p.endsWith(`.${path}`))) problems.push(`${JSON.stringify(body)}: errors[] should name ${path}, got ${JSON.stringify(paths)}`);
      return undefined;
    };
    await bad({ status: 'intakeGepland' }, 'datum');
    await bad({ status: 'nietGeplaatst' }, 'reden');
    await bad({ status: 'nietGeplaatst', reden: '   ' }, 'reden');
    const status = await worklistStatus(world, dossier.id);
    if (status !== 'nieuw') problems.push(`after the refused requests the MBO's worklist says ${status}, expected nieuw`);
    const datum = inAMonth(world);
    const planned = await put(world, 'mbo', dossier, { status: 'intakeGepland', datum });
    const complaint = expectIntake(planned, 'intakeGepland', 'intakeGepland with a datum');
    if (complaint) problems.push(complaint);
    else if ((planned.body as Intake).datum !== datum) problems.push(`intakeGepland answers datum ${(planned.body as Intake).datum}, expected ${datum}`);
    const reden = 'De opleiding is vol; aangemeld voor het volgende cohort.';
    const notPlaced = await put(world, 'mbo', dossier, { status: 'nietGeplaatst', reden });
    const notComplaint = expectIntake(notPlaced, 'nietGeplaatst', 'nietGeplaatst with a reden');
    if (notComplaint) problems.push(notComplaint);
    else if ((notPlaced.body as Intake).reden !== reden) problems.push(`nietGeplaatst answers reden ${JSON.stringify((notPlaced.body as Intake).reden)}`);
    complain(problems, 'issue 18: an intake is planned on a date, and a student not placed is told why: ');
  });
}

async function neverBackToNieuw(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'intake never back to nieuw';
  if (!recorder.wants(group)) return;
  await checkWith(recorder, world, needs, group, 'once read or set, PUT status nieuw is refused (400, 409 or 422) and changes nothing', async () => {
    const dossier = await received(builder);
    const problems: string[] = [];
    const placed = expectIntake(await put(world, 'mbo', dossier, { status: 'geplaatst' }), 'geplaatst', 'geplaatst');
    if (placed) throw new Mismatch(placed);
    const back = await put(world, 'mbo', dossier, { status: 'nieuw' });
    if (![400, 409, 422].includes(back.status)) problems.push(`PUT status nieuw: got ${back.status}, expected 400, 409 or 422`);
    else if (!back.problem) problems.push(`PUT status nieuw: ${back.status} without application/problem+json`);
    const status = await worklistStatus(world, dossier.id);
    if (status !== 'geplaatst') problems.push(`the MBO's worklist says ${status}, expected geplaatst`);
    complain(problems, 'spec §9: nieuw means nobody at the MBO has read the dossier yet; no intake goes back to it: ');
  });
}

async function readWhenOpened(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'intake read when opened';
  if (!recorder.wants(group)) return;
  await checkWith(recorder, world, needs, group, 'a received dossier is nieuw in the worklist until the MBO opens it (GET), then gelezen; others reading it change nothing', async () => {
    const dossier = await received(builder);
    const problems: string[] = [];
    let status = await worklistStatus(world, dossier.id);
    if (status !== 'nieuw') problems.push(`before anyone at the MBO opened it the worklist says ${status}, expected nieuw`);
    await world.http.request(world.token('owner'), 'GET', dossierPath(dossier));
    await world.http.request(world.token('otherMbo'), 'GET', dossierPath(dossier));
    status = await worklistStatus(world, dossier.id);
    if (status !== 'nieuw') problems.push(`after the student and another MBO opened it the worklist says ${status}, expected nieuw`);
    const opened = await world.http.request(world.token('mbo'), 'GET', dossierPath(dossier));
    const complaint = compareOutcome(opened, { status: 200 });
    if (complaint) problems.push(`the MBO opening it: ${complaint}`);
    else if ((opened.body as Dossier & { intake?: Intake }).intake?.status !== 'gelezen')
      problems.push(`the dossier the MBO opened says intake ${JSON.stringify((opened.body as { intake?: Intake }).intake)}, expected gelezen`);
    status = await worklistStatus(world, dossier.id);
    if (status !== 'gelezen') problems.push(`after the MBO opened it the worklist says ${status}, expected gelezen`);
    // A later status stays when the dossier is opened again.
    const set = expectIntake(await put(world, 'mbo', dossier, { status: 'intakeGepland', datum: inAMonth(world) }), 'intakeGepland', 'intakeGepland');
    if (set) problems.push(set);
    await world.http.request(world.token('mbo'), 'GET', dossierPath(dossier));
    status = await worklistStatus(world, dossier.id);
    if (!set && status !== 'intakeGepland') problems.push(`opening it again turned intakeGepland into ${status}`);
    complain(problems, 'spec §9: reading a dossier marks it read: ');
  });
}

async function whoReadsIt(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'intake for the student and the decaan only';
  if (!recorder.wants(group)) return;
  const rule = 'spec §9: the intake status is placement feedback for the student and the school (the decaan), nobody else: ';
  let placed: Dossier | undefined;
  await checkWith(recorder, world, needs, group, 'the student reads it (dossier and list), the mentor and the guardian do not', async () => {
    const dossier = await received(builder);
    placed = dossier;
    const set = expectIntake(await put(world, 'mbo', dossier, { status: 'geplaatst' }), 'geplaatst', 'geplaatst by the mbo');
    if (set) throw new Mismatch(set);
    const problems: string[] = [];
    const read = async (party: Party) => (await world.http.request(world.token(party), 'GET', dossierPath(dossier))).body as { intake?: Intake };
    if ((await read('owner')).intake?.status !== 'geplaatst') problems.push(`the student's dossier says intake ${JSON.stringify((await read('owner')).intake)}, expected geplaatst`);
    const row = await rowIntake(world, 'owner', dossier.id);
    if (typeof row === 'string') problems.push(row);
    else if (row?.status !== 'geplaatst') problems.push(`the student's list says intake ${JSON.stringify(row)}, expected geplaatst`);
    for (const party of ['assignedMentor', 'guardian'] as const) {
      const seen = await read(party);
      if (seen.intake !== undefined) problems.push(`the ${party === 'guardian' ? 'guardian' : 'mentor'} reads the intake status (${JSON.stringify(seen.intake)})`);
    }
    for (const [party, query] of [
      ['assignedMentor', '?view=mijnLeerlingen'],
      ['guardian', ''],
    ] as const) {
      const intake = await rowIntake(world, party, dossier.id, query);
      if (intake !== undefined && typeof intake !== 'string') problems.push(`the ${party === 'guardian' ? "guardian's list" : "mentor's mijnLeerlingen"} shows the intake status`);
    }
    complain(problems, rule);
  });
  await checkWith(recorder, world, [...needs, 'decaan'], group, 'the decaan of the school reads it in the dossier and the school overview', async () => {
    const dossier = placed ?? (await received(builder));
    if (!placed) await put(world, 'mbo', dossier, { status: 'geplaatst' });
    const problems: string[] = [];
    const read = await world.http.request(world.token('schoolDecaan'), 'GET', dossierPath(dossier));
    if (read.status !== 200) problems.push(`the decaan reading it: ${read.status}`);
    else if ((read.body as { intake?: Intake }).intake?.status !== 'geplaatst')
      problems.push(`the decaan's dossier says intake ${JSON.stringify((read.body as { intake?: Intake }).intake)}, expected geplaatst`);
    const row = await rowIntake(world, 'schoolDecaan', dossier.id, '?view=mijnLeerlingen');
    if (typeof row === 'string') problems.push(row);
    else if (row?.status !== 'geplaatst') problems.push(`the school overview says intake ${JSON.stringify(row)}, expected geplaatst`);
    complain(problems, rule);
  });
}

async function inTheMboHistory(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'intake in the MBO history without names';
  if (!recorder.wants(group)) return;
  await checkWith(recorder, world, needs, group, "the MBO's history shows its intake steps (gelezen, intakeGepland), without names, among the milestones", async () => {
    const dossier = await received(builder);
    await world.http.request(world.token('mbo'), 'GET', dossierPath(dossier));
    const set = expectIntake(await put(world, 'mbo', dossier, { status: 'intakeGepland', datum: inAMonth(world) }), 'intakeGepland', 'intakeGepland');
    if (set) throw new Mismatch(set);
    const response = await world.http.request(world.token('mbo'), 'GET', `${dossierPath(dossier)}/history`);
    const complaint = compareOutcome(response, { status: 200 });
    if (complaint) throw new Mismatch(`the MBO reading the history: ${complaint}`);
    const entries = response.body as HistoryEntry[];
    const problems = milestoneProblems(entries);
    const steps = entries.filter((e) => e.kind === 'intake').map((e) => e.intakeStatus);
    if (steps.join(',') !== 'gelezen,intakeGepland') problems.push(`its intake steps are ${JSON.stringify(steps)}, expected ["gelezen","intakeGepland"]`);
    const named = JSON.stringify(entries).includes(world.me.mbo.person.naam);
    if (named && world.me.mbo.person.naam) problems.push(`it names ${world.me.mbo.person.naam}`);
    complain(problems, 'spec §6, §9: the MBO reads of the history the milestones and its own intake steps, without who did them: ');
  });
}
