/**
 * What a conforming backend must answer, written out by hand from the domain spec (§5 workflow,
 * §6 roles) — deliberately NOT derived from the SDK's workflow table, so the SDK's own backend is
 * tested against the spec too. Checks run in this order: visibility, role, ownership, afgerond,
 * archived, state, type (for saves the type comes first: a section that is not part of the
 * dossier type does not exist there).
 */
import type { DossierAction, DossierStatus } from '../sdk.js';
import { actionExpectations } from '@doorstroom/sdk/testing';

export type DossierType = 'vo-mbo' | 'mbo-mbo' | 'werk-mbo';
export type Role = 'student' | 'guardian' | 'mentor' | 'mbo';

/** The people of the tokens file, seen from one dossier of `student`. */
export type Party = 'owner' | 'otherStudent' | 'guardian' | 'otherGuardian' | 'assignedMentor' | 'otherMentor' | 'mbo' | 'otherMbo';
export const parties: ReadonlyArray<Party> = ['owner', 'otherStudent', 'guardian', 'otherGuardian', 'assignedMentor', 'otherMentor', 'mbo', 'otherMbo'];
export const roleOf: Record<Party, Role> = {
  owner: 'student',
  otherStudent: 'student',
  guardian: 'guardian',
  otherGuardian: 'guardian',
  assignedMentor: 'mentor',
  otherMentor: 'mentor',
  mbo: 'mbo',
  otherMbo: 'mbo',
};

/** One dossier state to test in. `mentorAssigned`: a mentor was chosen (from bijMentor on, and after returnToDeelA). */
export interface Cell {
  type: DossierType;
  status: DossierStatus;
  archived: boolean;
  mentorAssigned: boolean;
}

/** 'hidden': 404 or 403 (the party may not see the dossier, and may not learn more about it). */
export type Outcome = 'allowed' | 'hidden' | 'wrongRole' | 'notYours' | 'final' | 'archived' | 'notArchived' | 'wrongState' | 'wrongType';

export const httpStatusOf: Record<Exclude<Outcome, 'hidden'>, number> = {
  allowed: 200,
  wrongRole: 403,
  notYours: 403,
  final: 409,
  archived: 409,
  notArchived: 409,
  wrongState: 409,
  wrongType: 409,
};

const open: DossierStatus[] = ['concept', 'bijMentor', 'deelB', 'akkoord'];
const allTypes: DossierType[] = ['vo-mbo', 'mbo-mbo', 'werk-mbo'];

/** Who may open the dossier at all (spec §6; the MBO is the one chosen in A7). */
export function visible(party: Party, cell: Cell): boolean {
  switch (party) {
    case 'owner':
      return true;
    case 'guardian':
      return cell.status === 'akkoord' || cell.status === 'afgerond';
    case 'assignedMentor':
      return cell.mentorAssigned;
    case 'mbo':
      return cell.status === 'afgerond';
    case 'otherStudent':
    case 'otherGuardian':
    case 'otherMentor':
    case 'otherMbo':
      return false;
  }
}

/**
 * How much of a part of the answers a reader gets: all of it, none of it, or (the MBO) what the
 * region's sharing classes and the student's choices let through.
 */
export type PartView = 'shown' | 'hidden' | 'shared';

export interface ReadExpectation {
  deelA: PartView;
  deelB: PartView;
  /** Whether GET /dossiers (a mentor: ?view=teBehandelen) lists it. */
  listed: boolean;
}

/**
 * Spec §6, the reads column, for one who may open the dossier (else GET /dossiers/{id} and its
 * history are hidden and no list shows it). Student: own dossiers, deel B once sent to them (only
 * sendToStudent sends it, so from akkoord on). Guardian: the whole dossier they consent to.
 * Assigned mentor: deel A from bijMentor on — a concept sent back by returnToDeelA is the
 * student's again — and deel B always; "te behandelen" is bijMentor and deelB, not while parked
 * (archived). MBO: afgerond, only what is shared.
 */
export function expectedRead(party: Party, cell: Cell): ReadExpectation | 'hidden' {
  if (!visible(party, cell)) return 'hidden';
  switch (roleOf[party]) {
    case 'student': {
      const sent = cell.type === 'vo-mbo' && (cell.status === 'akkoord' || cell.status === 'afgerond');
      return { deelA: 'shown', deelB: sent ? 'shown' : 'hidden', listed: true };
    }
    case 'guardian':
      return { deelA: 'shown', deelB: 'shown', listed: true };
    case 'mentor':
      return { deelA: cell.status === 'concept' ? 'hidden' : 'shown', deelB: 'shown', listed: (cell.status === 'bijMentor' || cell.status === 'deelB') && !cell.archived };
    case 'mbo':
      return { deelA: 'shared', deelB: 'shared', listed: true };
  }
}

/** Whether the builder filled B2 advies in this cell (the mentor does so in deelB), so a reader of deel B must see it. */
export const adviesFilled = (cell: Cell) => cell.type === 'vo-mbo' && ['deelB', 'akkoord', 'afgerond'].includes(cell.status);

/**
 * Spec §6: a mentor reads and writes "their students' B1 … any time". B1 exists before any
 * dossier names a mentor, so their students are those of their school (as in "mijn leerlingen"):
 * both mentors of the tokens. Everyone else is refused (403 or 404).
 */
export const begeleidingAccess: Record<Party, boolean> = {
  owner: false,
  otherStudent: false,
  guardian: false,
  otherGuardian: false,
  assignedMentor: true,
  otherMentor: true,
  mbo: false,
  otherMbo: false,
};

/** Spec §5, the table of actions: one hand-written copy shared with the SDK's matrix test. */
export const actionRules = actionExpectations;

export const actions = Object.keys(actionRules) as DossierAction[];

export function expectedAction(action: DossierAction, party: Party, cell: Cell): Outcome {
  if (!visible(party, cell)) return 'hidden';
  const rule = actionRules[action];
  if (!rule.by.some((p) => roleOf[p] === roleOf[party])) return 'wrongRole';
  if (!(rule.by as ReadonlyArray<Party>).includes(party)) return 'notYours';
  if (cell.status === 'afgerond') return 'final';
  if (cell.archived && !rule.onlyArchived) return 'archived';
  if (!cell.archived && rule.onlyArchived) return 'notArchived';
  if (!rule.from.includes(cell.status)) return 'wrongState';
  if (!rule.types.includes(cell.type)) return 'wrongType';
  return 'allowed';
}

/** The sections a save is tried on; `deelA` stands for A9 motivatie. */
export type EditTarget = 'deelA' | 'begeleiding' | 'advies' | 'akkoordverklaring' | 'ouderToestemming';
export const editTargets: ReadonlyArray<EditTarget> = ['deelA', 'begeleiding', 'advies', 'akkoordverklaring', 'ouderToestemming'];
export const sectionIdOf: Record<EditTarget, string> = {
  deelA: 'motivatie',
  begeleiding: 'begeleiding',
  advies: 'advies',
  akkoordverklaring: 'akkoordverklaring',
  ouderToestemming: 'ouderToestemming',
};

interface EditRule {
  by: Party[];
  in: DossierStatus[];
  types: DossierType[];
}

/** Spec §6, the writes column. B1 through the dossier: its assigned mentor, while the dossier is open. */
export const editRules: Record<EditTarget, EditRule> = {
  deelA: { by: ['owner'], in: ['concept'], types: allTypes },
  begeleiding: { by: ['assignedMentor'], in: open, types: ['vo-mbo'] },
  advies: { by: ['assignedMentor'], in: ['deelB'], types: ['vo-mbo'] },
  akkoordverklaring: { by: ['owner'], in: ['akkoord'], types: allTypes },
  ouderToestemming: { by: ['guardian'], in: ['akkoord'], types: allTypes },
};

export function expectedEdit(target: EditTarget, party: Party, cell: Cell): Outcome {
  if (!visible(party, cell)) return 'hidden';
  const rule = editRules[target];
  if (!rule.types.includes(cell.type)) return 'wrongType';
  if (!rule.by.some((p) => roleOf[p] === roleOf[party])) return 'wrongRole';
  if (!(rule.by as ReadonlyArray<Party>).includes(party)) return 'notYours';
  if (cell.status === 'afgerond') return 'final';
  if (cell.archived) return 'archived';
  if (!rule.in.includes(cell.status)) return 'wrongState';
  return 'allowed';
}

/** States each type can reach (spec §5): mbo-mbo and werk-mbo skip the mentor. */
const reachable: Record<DossierType, DossierStatus[]> = {
  'vo-mbo': ['concept', 'bijMentor', 'deelB', 'akkoord', 'afgerond'],
  'mbo-mbo': ['concept', 'akkoord', 'afgerond'],
  'werk-mbo': ['concept', 'akkoord', 'afgerond'],
};

/**
 * The dossier states the suite builds and tests in: every type × reachable state × archived flag
 * (afgerond cannot be archived), plus a vo-mbo concept sent back by returnToDeelA, which keeps
 * its mentor (archived and not).
 */
export const cells: ReadonlyArray<Cell> = [
  ...allTypes.flatMap((type) =>
    reachable[type].flatMap((status) =>
      [false, true]
        .filter((archived) => !archived || status !== 'afgerond')
        .map((archived) => ({ type, status, archived, mentorAssigned: type === 'vo-mbo' && status !== 'concept' })),
    ),
  ),
  { type: 'vo-mbo', status: 'concept', archived: false, mentorAssigned: true },
  { type: 'vo-mbo', status: 'concept', archived: true, mentorAssigned: true },
];

export function cellName(cell: Cell): string {
  return `${cell.type} ${cell.status}${cell.mentorAssigned && cell.status === 'concept' ? ' (teruggezet)' : ''}${cell.archived ? ' (gearchiveerd)' : ''}`;
}
