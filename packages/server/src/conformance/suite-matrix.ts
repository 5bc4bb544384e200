/**
 * Every workflow action and every kind of save, by every person, in every state: allowed exactly
 * where the expectation tables say, refused with the right status and reason everywhere else.
 */
import type { Dossier, DossierAction } from '../sdk.js';
import type { DossierBuilder } from './builder.js';
import {
  actionRules,
  actions,
  cellName,
  cells,
  editTargets,
  expectedAction,
  expectedEdit,
  httpStatusOf,
  parties,
  sectionIdOf,
  type Cell,
  type Outcome,
  type Party,
} from './expectations.js';
import { compareOutcome, Mismatch, type RawResponse, type Recorder, type World } from './harness.js';

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

function attemptAction(world: World, party: Party, dossier: Pick<Dossier, 'id' | 'version'>, action: DossierAction): Promise<RawResponse> {
  const request = action === 'submitToMentor' ? world.mentorRequest : {};
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

async function cellChecks(recorder: Recorder, world: World, builder: DossierBuilder, cell: Cell): Promise<void> {
  const name = cellName(cell);
  let dossier: Dossier | undefined;
  const built = await recorder.check('workflow', `${name}: build through the API`, async () => {
    dossier = await builder.build(cell);
  });
  if (!built || !dossier) {
    recorder.skip('workflow', `${name}: actions`, 'the dossier could not be built');
    return;
  }
  let current: Dossier = dossier;
  const allowed: { party: Party; action: DossierAction }[] = [];

  await recorder.check('workflow', `${name}: refusals of 10 actions × 7 people`, async () => {
    const problems: string[] = [];
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
    const after = await builder.ownerView(current.id);
    if (after.version !== current.version || after.status !== cell.status) problems.push(`refused actions changed the dossier (v${current.version} → v${after.version}, ${after.status})`);
    if (problems.length) throw new Mismatch(problems.slice(0, 6).join('; ') + (problems.length > 6 ? ` (+${problems.length - 6} more)` : ''));
    return `${checked} refusals`;
  });

  await recorder.check('editing', `${name}: saves of 5 sections × 7 people`, async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const target of editTargets) {
      const sectionId = sectionIdOf[target];
      // A section that is not part of this dossier type has no answers to make: send an empty save.
      const inType = builder.sections(cell.type).some((s) => s.id === sectionId);
      const answers = inType ? builder.answers(cell.type, sectionId) : {};
      for (const party of parties) {
        const outcome = expectedEdit(target, party, cell);
        const response = await attemptSave(world, party, current, sectionId, answers);
        checked++;
        const complaint = compareOutcome(response, expectedResponse(outcome));
        if (complaint) problems.push(`${sectionId} by ${party}: ${complaint}`);
        else if (outcome === 'allowed') {
          const saved = response.body as Dossier;
          if (saved.version !== current.version + 1) problems.push(`${sectionId} by ${party}: version ${saved.version}, expected ${current.version + 1}`);
          current = { ...current, version: saved.version };
        }
      }
    }
    const after = await builder.ownerView(current.id);
    if (after.version !== current.version || after.status !== cell.status) problems.push(`saves left v${after.version} ${after.status}, expected v${current.version} ${cell.status}`);
    current = after;
    if (problems.length) throw new Mismatch(problems.slice(0, 6).join('; ') + (problems.length > 6 ? ` (+${problems.length - 6} more)` : ''));
    return `${checked} saves`;
  });

  if (allowed.length === 0) return;
  await recorder.check('workflow', `${name}: allowed ${allowed.map((a) => `${a.action} (${a.party})`).join(', ')}`, async () => {
    const problems: string[] = [];
    for (const [index, { party, action }] of allowed.entries()) {
      // The first allowed action runs on the dossier the refusals left alone; each other one on a new dossier.
      const target = index === 0 ? current : await builder.build(cell);
      const complaint = await performAllowed(world, party, target, action, cell);
      if (complaint) problems.push(complaint);
    }
    if (problems.length) throw new Mismatch(problems.join('; '));
    return `${allowed.length} actions`;
  });
}

export async function matrixChecks(recorder: Recorder, world: World, builder: DossierBuilder, only?: (cell: Cell) => boolean): Promise<void> {
  for (const cell of cells.filter((c) => !only || only(c))) await cellChecks(recorder, world, builder, cell);
}
