/**
 * Every workflow action and every kind of save, by every person, in every state: allowed exactly
 * where the expectation tables say, refused with the right status and reason everywhere else.
 */
import type { Dossier, DossierAction } from '../sdk.js';
import type { DossierBuilder } from './builder.js';
import { actionRules, actions, cellName, cells, editTargets, expectedAction, expectedEdit, httpStatusOf, parties, sectionIdOf, type Cell, type Outcome, type Party } from './expectations.js';
import { checkWith, compareOutcome, complain, Mismatch, stableJson, type Need, type RawResponse, type Recorder, type World } from './harness.js';
import { readChecks } from './suite-reads.js';
import { decaanCellChecks, decaanGroup, otherDecaanGroup, skipDecaanMatrix } from './suite-school.js';

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const refusedText = 'Deze wijziging is geweigerd en hoort nergens te staan.';

function attemptAction(world: World, party: Party, dossier: Pick<Dossier, 'id' | 'version'>, action: DossierAction): Promise<RawResponse> {
  const request = action === 'submitToMentor' ? (world.mentorRequest ?? {}) : {};
  return world.http.request(world.token(party), 'POST', `dossiers/${encodeURIComponent(dossier.id)}/actions/${action}`, { json: request, headers: ifMatch(dossier.version) });
}

function attemptSave(world: World, party: Party, dossier: Pick<Dossier, 'id' | 'version'>, sectionId: string, answers: Record<string, unknown>): Promise<RawResponse> {
  return world.http.request(world.token(party), 'PATCH', `dossiers/${encodeURIComponent(dossier.id)}/sections/${encodeURIComponent(sectionId)}`, {
    json: { answers },
    headers: ifMatch(dossier.version),
  });
}

const expectedResponse = (outcome: Outcome) => (outcome === 'hidden' ? { status: 'hidden' as const } : { status: httpStatusOf[outcome], ...(outcome === 'allowed' ? {} : { reason: outcome }) });

/** Performs an allowed action and checks status, version and flags; returns a complaint. */
async function performAllowed(world: World, party: Party, dossier: Dossier, action: DossierAction, cell: Cell): Promise<string | undefined> {
  const response = await attemptAction(world, party, dossier, action);
  const complaint = compareOutcome(response, { status: 200 });
  if (complaint) return `${action} by ${party}: ${complaint}`;
  const after = response.body as Dossier;
  const to = actionRules[action].to ?? cell.status;
  if (after.status !== to) return `${action} by ${party}: status ${after.status}, expected ${to}`;
  if (after.version !== dossier.version + 1) return `${action} by ${party}: version ${after.version}, expected ${dossier.version + 1}`;
  if (action === 'archive' && !after.archived) return `${action} by ${party}: not archived`;
  if (action === 'reactivate' && after.archived) return `${action} by ${party}: still archived`;
  return undefined;
}

/** What a refusal must leave as it was: the answers as the owner and the assigned mentor read them (together all of it), flags and history. */
interface Snapshot {
  version: number;
  status: string;
  archived: boolean;
  answers: string;
  history: number;
}

async function snapshot(world: World, builder: DossierBuilder, cell: Cell, id: string): Promise<Snapshot> {
  const owner = await builder.ownerView(id);
  const mentor = cell.mentorAssigned ? (await world.api.assignedMentor.getDossier(id)).answers : {};
  const history = await world.api.owner.history(id);
  return { version: owner.version, status: owner.status, archived: owner.archived, answers: stableJson({ owner: owner.answers, mentor }), history: history.length };
}

function changes(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  if (after.version !== before.version) changed.push(`version ${before.version} → ${after.version}`);
  if (after.status !== before.status) changed.push(`status ${before.status} → ${after.status}`);
  if (after.archived !== before.archived) changed.push(after.archived ? 'archived' : 'reactivated');
  if (after.answers !== before.answers) changed.push('the answers');
  if (after.history !== before.history) changed.push(`history ${before.history} → ${after.history} entries`);
  return changed;
}

const matrixGroups = ['workflow', 'editing', 'reads'];

async function cellChecks(recorder: Recorder, world: World, builder: DossierBuilder, cell: Cell): Promise<void> {
  const name = cellName(cell);
  let dossier: Dossier | undefined;
  const needs: Need[] = ['people', 'catalogue', 'minor', ...(cell.type === 'vo-mbo' ? (['mentorChoice'] as const) : [])];
  const wantsMatrix = matrixGroups.some((g) => recorder.wants(g));
  const wantsDecaan = [decaanGroup, otherDecaanGroup].some((g) => recorder.wants(g));
  if (!wantsMatrix && !wantsDecaan) return;
  if (wantsMatrix) {
    const built = await checkWith(recorder, world, needs, 'workflow', `${name}: build through the API`, async () => {
      dossier = await builder.build(cell);
    });
    if (!built || !dossier) {
      recorder.skip('workflow', `${name}: reads, refusals, saves and actions`, 'the dossier could not be built');
      return;
    }
  } else {
    // Only the decaan's groups run: build without a check of its own (a failure skips them with why).
    const reason = world.missing.size ? needs.map((n) => world.missing.get(n)).find(Boolean) : undefined;
    if (reason) return;
    try {
      dossier = await builder.build(cell);
    } catch (error) {
      recorder.skip(decaanGroup, `${name}: the decaan's checks`, `the dossier could not be built: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
  }
  if (!wantsMatrix) {
    await decaanCellChecks(recorder, world, builder, cell, dossier);
    return;
  }
  await readChecks(recorder, world, builder, cell, dossier);
  let current: Dossier = dossier;
  const allowed: { party: Party; action: DossierAction }[] = [];

  await recorder.check('workflow', `${name}: refusals of ${actions.length} actions × ${parties.length} people`, async () => {
    const problems: string[] = [];
    current = await builder.ownerView(current.id);
    const before = await snapshot(world, builder, cell, current.id);
    let checked = 0;
    for (const action of actions) {
      for (const party of parties) {
        const outcome = expectedAction(action, party, cell);
        if (outcome === 'allowed') {
          allowed.push({ party, action });
          continue;
        }
        const complaint = compareOutcome(await attemptAction(world, party, current, action), expectedResponse(outcome));
        checked++;
        if (complaint) problems.push(`${action} by ${party}: ${complaint}`);
      }
    }
    const changed = changes(before, await snapshot(world, builder, cell, current.id));
    if (changed.length) problems.push(`refused actions changed the dossier: ${changed.join(', ')}`);
    complain(problems);
    return `${checked} refusals`;
  });

  await recorder.check('editing', `${name}: saves of ${editTargets.length} sections × ${parties.length} people`, async () => {
    const problems: string[] = [];
    const attempts = editTargets.flatMap((target) => parties.map((party) => ({ target, party, outcome: expectedEdit(target, party, cell) })));
    // A section that is not part of this dossier type has no answers to make: send an empty save.
    const answersOf = (sectionId: string) => (builder.sections(cell.type).some((s) => s.id === sectionId) ? builder.answers(cell.type, sectionId) : {});
    // A refused save says something new, so that storing it anyway shows in the answers.
    const refusedAnswersOf = (sectionId: string) => {
      const answers = answersOf(sectionId);
      const text = builder
        .sections(cell.type)
        .find((s) => s.id === sectionId)
        ?.questions.find((q) => q.kind === 'text' && !q.format && (q.maxLength ?? Infinity) >= refusedText.length);
      return text ? { ...answers, [text.id]: refusedText } : answers;
    };
    // First every refused save on the untouched dossier, so "nothing changed" can be checked at once.
    // Read afresh: a refused action the backend stored anyway must not make these saves 409.
    current = await builder.ownerView(current.id);
    const before = await snapshot(world, builder, cell, current.id);
    for (const { target, party, outcome } of attempts.filter((a) => a.outcome !== 'allowed')) {
      const sectionId = sectionIdOf[target];
      const complaint = compareOutcome(await attemptSave(world, party, current, sectionId, refusedAnswersOf(sectionId)), expectedResponse(outcome));
      if (complaint) problems.push(`${sectionId} by ${party}: ${complaint}`);
    }
    const changed = changes(before, await snapshot(world, builder, cell, current.id));
    if (changed.length) problems.push(`refused saves changed the dossier: ${changed.join(', ')}`);
    for (const { target, party } of attempts.filter((a) => a.outcome === 'allowed')) {
      const sectionId = sectionIdOf[target];
      const response = await attemptSave(world, party, current, sectionId, answersOf(sectionId));
      const complaint = compareOutcome(response, { status: 200 });
      if (complaint) problems.push(`${sectionId} by ${party}: ${complaint}`);
      else {
        const saved = response.body as Dossier;
        if (saved.version !== current.version + 1) problems.push(`${sectionId} by ${party}: version ${saved.version}, expected ${current.version + 1}`);
        current = { ...current, version: saved.version };
      }
    }
    const after = await builder.ownerView(current.id);
    if (after.version !== current.version || after.status !== cell.status) problems.push(`saves left v${after.version} ${after.status}, expected v${current.version} ${cell.status}`);
    current = after;
    complain(problems);
    return `${attempts.length} saves`;
  });

  // The decaan's part, on the dossier still in the cell's state (the allowed actions below change it).
  if (wantsDecaan) await decaanCellChecks(recorder, world, builder, cell, await builder.ownerView(current.id));

  if (allowed.length === 0) return;
  await recorder.check('workflow', `${name}: allowed ${allowed.map((a) => `${a.action} (${a.party})`).join(', ')}`, async () => {
    const problems: string[] = [];
    for (const [index, { party, action }] of allowed.entries()) {
      // The first allowed action runs on the dossier the refusals and saves left (read afresh); each other one on a new dossier.
      const target = index === 0 ? await builder.ownerView(current.id) : await builder.build(cell);
      const complaint = await performAllowed(world, party, target, action, cell);
      if (complaint) problems.push(complaint);
    }
    if (problems.length) throw new Mismatch(problems.join('; '));
    return `${allowed.length} actions`;
  });
}

export async function matrixChecks(recorder: Recorder, world: World, builder: DossierBuilder, only?: (cell: Cell) => boolean): Promise<void> {
  const chosen = cells.filter((c) => !only || only(c));
  if (chosen.length > 0) skipDecaanMatrix(recorder, world);
  for (const cell of chosen) await cellChecks(recorder, world, builder, cell);
}
