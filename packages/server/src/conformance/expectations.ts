/**
 * What a conforming backend must answer, written out by hand from the domain spec (§5 workflow,
 * §6 roles) — deliberately NOT derived from the SDK's workflow table, so the SDK's own backend is
 * tested against the spec too. Checks run in this order: visibility, role, ownership, afgerond,
 * archived, state, type (for saves the type comes first: a section that is not part of the
 * dossier type does not exist there).
 */
import type { DossierAction, DossierStatus } from '../sdk.js';
import { actionExpectations, type ActingParty } from '@doorstroom/sdk/testing';

export type DossierType = 'vo-mbo' | 'mbo-mbo' | 'werk-mbo';
export type Role = 'student' | 'guardian' | 'mentor' | 'decaan' | 'mbo';

/** The people of the required tokens, seen from one dossier of `student`. */
export type RequiredParty = 'owner' | 'otherStudent' | 'guardian' | 'otherGuardian' | 'assignedMentor' | 'otherMentor' | 'mbo' | 'otherMbo';
/** The decanen of the optional tokens: `decaan` of the student's school (`schoolDecaan`, as in the action table), `otherDecaan` of another. */
export type DecaanParty = 'schoolDecaan' | 'otherDecaan';
export type Party = RequiredParty | DecaanParty;
export const parties: ReadonlyArray<RequiredParty> = ['owner', 'otherStudent', 'guardian', 'otherGuardian', 'assignedMentor', 'otherMentor', 'mbo', 'otherMbo'];
export const decaanParties: ReadonlyArray<DecaanParty> = ['schoolDecaan', 'otherDecaan'];
export const roleOf: Record<Party, Role> = {
  owner: 'student',
  otherStudent: 'student',
  guardian: 'guardian',
  otherGuardian: 'guardian',
  assignedMentor: 'mentor',
  otherMentor: 'mentor',
  mbo: 'mbo',
  otherMbo: 'mbo',
  schoolDecaan: 'decaan',
  otherDecaan: 'decaan',
};

/** The role of each party the spec's action table names. */
const actingRole: Record<ActingParty, Role> = { owner: 'student', guardian: 'guardian', assignedMentor: 'mentor', schoolDecaan: 'decaan' };

/** One dossier state to test in. `mentorAssigned`: a mentor was chosen (from bijMentor on, and after returnToDeelA). */
export interface Cell {
  type: DossierType;
  status: DossierStatus;
  archived: boolean;
  mentorAssigned: boolean;
}

/** 'hidden': 404, exactly as for a dossier that does not exist (spec §6: never 403, so no one learns which dossiers exist). */
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

const allTypes: DossierType[] = ['vo-mbo', 'mbo-mbo', 'werk-mbo'];

/**
 * Who may open the dossier at all (spec §6; the MBO is the one chosen in A7). The suite's student
 * is under the consent age by the registration, so their guardian reads the dossier that asks
 * their consent (akkoord) and the afgerond result they read and consented to (the builder has
 * the guardian do both on the way to afgerond).
 */
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
    // Spec §6: the decaan reads every dossier of the school, in every state.
    case 'schoolDecaan':
      return true;
    case 'otherStudent':
    case 'otherGuardian':
    case 'otherMentor':
    case 'otherMbo':
    case 'otherDecaan':
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
  /** The decaan: whether the school overview (GET /dossiers?view=mijnLeerlingen) lists it; undefined: not checked. */
  overview?: boolean;
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
    // Like a mentor, for every dossier of the school (spec §6); the list without a view is every dossier
    // of the school that is not archived, afgerond included (§9: the overview shows afgerond and the
    // intake status). The overview (mijnLeerlingen) shows every dossier that is not archived; §9 says
    // archived ones leave it, which is not checked (the SDK's overview keeps them as rows).
    case 'decaan':
      return { deelA: cell.status === 'concept' ? 'hidden' : 'shown', deelB: 'shown', listed: !cell.archived, ...(cell.archived ? {} : { overview: true }) };
    case 'mbo':
      return { deelA: 'shared', deelB: 'shared', listed: true };
  }
}

/** Whether the builder filled B2 advies in this cell (the mentor does so in deelB), so a reader of deel B must see it. */
export const adviesFilled = (cell: Cell) => cell.type === 'vo-mbo' && ['deelB', 'akkoord', 'afgerond'].includes(cell.status);

/**
 * Spec §6 (v2): B1 is read and written by the mentors of the student's klas and by a mentor a
 * dossier of the student was sent to. The suite's `mentor` mentors the student's klas;
 * `otherMentor` mentors another klas of the school and gets 404, as for a student that does not
 * exist. People in other roles are refused (403 or 404).
 */
export const begeleidingAccess: Record<Party, 'allowed' | 'hidden' | 'denied'> = {
  owner: 'denied',
  otherStudent: 'denied',
  guardian: 'denied',
  otherGuardian: 'denied',
  assignedMentor: 'allowed',
  otherMentor: 'hidden',
  mbo: 'denied',
  otherMbo: 'denied',
  // Spec §6: the decaan reads every B1 of the school and writes what a mentor may.
  schoolDecaan: 'allowed',
  otherDecaan: 'hidden',
};

/** Spec §5, the table of actions: one hand-written copy shared with the SDK's matrix test. */
export const actionRules = actionExpectations;

export const actions = Object.keys(actionRules) as DossierAction[];

export function expectedAction(action: DossierAction, party: Party, cell: Cell): Outcome {
  if (!visible(party, cell)) return 'hidden';
  const rule = actionRules[action];
  if (!rule.by.some((p) => actingRole[p] === roleOf[party])) return 'wrongRole';
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

/**
 * Spec §6, the writes column. B1 through the dossier: its assigned mentor, until the dossier is
 * sent to the student (spec §5 sendToStudent: from akkoord on the dossier keeps the B1 it was
 * sent with, so the dossier route refuses a B1 save there with 409 wrongState).
 */
export const editRules: Record<EditTarget, EditRule> = {
  deelA: { by: ['owner'], in: ['concept'], types: allTypes },
  // Spec §6: the decaan writes what a mentor may, for any dossier of the school.
  begeleiding: { by: ['assignedMentor', 'schoolDecaan'], in: ['concept', 'bijMentor', 'deelB'], types: ['vo-mbo'] },
  advies: { by: ['assignedMentor', 'schoolDecaan'], in: ['deelB'], types: ['vo-mbo'] },
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
 * The dossier states the suite builds and tests in: every type × reachable state, plus a vo-mbo
 * concept sent back by returnToDeelA, which keeps its mentor; and archived, each of those that
 * has an assigned mentor (spec §5 v2: the mentor or the decaan archives, the student
 * reactivates). A dossier without a mentor (mbo-mbo, werk-mbo, a vo-mbo concept never sent) is
 * archived by the school's decaan only, who is not among the tokens: those cells cannot be built
 * through the contract and are left out. Afgerond cannot be archived.
 */
export const cells: ReadonlyArray<Cell> = [
  ...allTypes.flatMap((type) => reachable[type].map((status) => ({ type, status, archived: false, mentorAssigned: type === 'vo-mbo' && status !== 'concept' }))),
  { type: 'vo-mbo', status: 'concept', archived: false, mentorAssigned: true },
  ...(['bijMentor', 'deelB', 'akkoord', 'concept'] as const).map((status) => ({ type: 'vo-mbo' as const, status, archived: true, mentorAssigned: true })),
];

export function cellName(cell: Cell): string {
  return `${cell.type} ${cell.status}${cell.mentorAssigned && cell.status === 'concept' ? ' (teruggezet)' : ''}${cell.archived ? ' (gearchiveerd)' : ''}`;
}
