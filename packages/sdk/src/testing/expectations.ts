/**
 * Spec §5's table of actions, written out by hand — deliberately not derived from the workflow's
 * `transitions`, so that checking one against the other means something. The SDK's matrix test
 * and the conformance kit (any backend) both check against this one copy.
 */
import type { DossierAction, DossierStatus } from '../contract.js';
import type { DossierType } from '../sections/types.js';

/**
 * Who may act, relative to the dossier: the student who owns it, their guardian, the assigned
 * mentor, the decaan of the student's school (spec §6: what a mentor may, for any dossier of the school).
 */
export type ActingParty = 'owner' | 'guardian' | 'assignedMentor' | 'schoolDecaan';

export interface ActionExpectation {
  by: ReadonlyArray<ActingParty>;
  from: ReadonlyArray<DossierStatus>;
  types: ReadonlyArray<DossierType>;
  /** The status after; absent = unchanged. */
  to?: DossierStatus;
  /** Only on an archived dossier (reactivate). */
  onlyArchived?: true;
}

const open: DossierStatus[] = ['concept', 'bijMentor', 'deelB', 'akkoord'];
const allTypes: DossierType[] = ['vo-mbo', 'mbo-mbo', 'werk-mbo'];

export const actionExpectations: Readonly<Record<DossierAction, ActionExpectation>> = {
  submitToMentor: { by: ['owner'], from: ['concept'], types: ['vo-mbo'], to: 'bijMentor' },
  submitForConsent: { by: ['owner'], from: ['concept'], types: ['mbo-mbo', 'werk-mbo'], to: 'akkoord' },
  returnToDeelA: { by: ['owner', 'assignedMentor', 'schoolDecaan'], from: ['bijMentor'], types: allTypes, to: 'concept' },
  startDeelB: { by: ['assignedMentor', 'schoolDecaan'], from: ['bijMentor'], types: ['vo-mbo'], to: 'deelB' },
  sendToStudent: { by: ['assignedMentor', 'schoolDecaan'], from: ['deelB'], types: ['vo-mbo'], to: 'akkoord' },
  backToDeelA: { by: ['owner'], from: ['akkoord'], types: allTypes, to: 'concept' },
  recordInzage: { by: ['owner', 'guardian'], from: ['akkoord'], types: allTypes },
  finalize: { by: ['owner'], from: ['akkoord'], types: allTypes, to: 'afgerond' },
  // Spec §5 (v2): the school archives, the student brings the dossier back.
  archive: { by: ['assignedMentor', 'schoolDecaan'], from: open, types: allTypes },
  reactivate: { by: ['owner'], from: open, types: allTypes, onlyArchived: true },
  // A dossier with a mentor moves to another mentor of the school (spec §9); needs a mentor to move from.
  changeMentor: { by: ['schoolDecaan'], from: open, types: ['vo-mbo'] },
};
