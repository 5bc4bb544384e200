/**
 * A7 checked against the backend's own catalogue: the instelling exists, the locatie and the
 * opleiding are that instelling's (and the opleiding is given there, when the catalogue says
 * where), and every label is the catalogue's. The id decides which MBO may read the dossier, so a
 * client may not choose one the person never saw.
 */
import { institutionAnswer, locationAnswer, offeredAt, programmeAnswer } from '../choice.js';
import type { Problem } from '../contract.js';
import { refusal } from '../refusals.js';
import type { ReferenceAnswer, SectionAnswers } from '../sections/types.js';
import { refusalProblem, ServiceError } from './problems.js';
import type { StoreTx } from './store.js';

const referenceOf = (value: unknown): ReferenceAnswer | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) && typeof (value as ReferenceAnswer).id === 'string' ? (value as ReferenceAnswer) : undefined;

/** The merged A7 answers with catalogue labels, or a 422 `notInCatalogue` naming the paths that do not fit. */
export async function checkedChoice(tx: StoreTx, answers: SectionAnswers): Promise<SectionAnswers> {
  const errors: NonNullable<Problem['errors']> = [];
  const next: Record<string, SectionAnswers[string]> = { ...answers };
  const instelling = referenceOf(answers['instelling']);
  const locatie = referenceOf(answers['locatie']);
  const opleiding = referenceOf(answers['opleiding']);
  const institution = instelling ? await tx.getInstitution(instelling.id) : undefined;
  if (instelling) {
    if (institution) next['instelling'] = institutionAnswer(institution);
    else errors.push({ path: 'answers.instelling', message: 'not an institution of the catalogue' });
  }
  if (locatie) {
    const location = institution && (await tx.listLocations(institution.brin)).find((l) => l.code === locatie.id);
    if (location) next['locatie'] = locationAnswer(location);
    else errors.push({ path: 'answers.locatie', message: 'not a location of the chosen institution' });
  }
  if (opleiding) {
    const programme = institution && (await tx.getProgramme(institution.brin, opleiding.id));
    if (!programme) errors.push({ path: 'answers.opleiding', message: 'not a programme of the chosen institution' });
    else if (locatie && !offeredAt(programme, locatie.id)) errors.push({ path: 'answers.opleiding', message: 'not given at the chosen location' });
    else next['opleiding'] = programmeAnswer(programme);
  }
  if (errors.length > 0) throw new ServiceError({ ...refusalProblem(refusal('notInCatalogue')), errors });
  return next;
}
