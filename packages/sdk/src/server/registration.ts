/**
 * The school's registration is the truth: A1's persoonsgebonden nummer and geboortedatum come
 * from it (read-only for the student), and the registered birth date decides the consent age.
 */
import type { Dossier } from '../contract.js';
import { refusal } from '../refusals.js';
import type { SectionAnswers } from '../sections/types.js';
import { refusalProblem, ServiceError } from './problems.js';
import type { StoredStudent } from './store.js';

/** The A1 answers the school registered for this student (none for someone the backend holds nothing of); see `registeredQuestionIds`. */
export function registeredAnswers(student: StoredStudent): Record<string, string> {
  const answers: Record<string, string> = {};
  if (student.bsn) Object.assign(answers, { nummerSoort: 'bsn', bsn: student.bsn });
  else if (student.onderwijsnummer) Object.assign(answers, { nummerSoort: 'onderwijsnummer', onderwijsnummer: student.onderwijsnummer });
  if (student.geboortedatum) answers['geboortedatum'] = student.geboortedatum;
  return answers;
}

/** The dossier's `student`: who they are by the registration, not by anything typed. */
export function dossierStudentOf(student: StoredStudent): Dossier['student'] {
  return {
    id: student.id,
    naam: student.naam,
    schoolId: student.schoolId,
    ...(student.klas ? { klas: student.klas } : {}),
    ...(student.leerjaar ? { leerjaar: student.leerjaar } : {}),
    ...(student.geboortedatum ? { geboortedatum: student.geboortedatum } : {}),
    ...(student.bsn ? { nummerSoort: 'bsn' as const } : student.onderwijsnummer ? { nummerSoort: 'onderwijsnummer' as const } : {}),
  };
}

/**
 * A1 with the registered answers in place. A save that tries to change one is refused (422
 * `registeredValue`, with the paths), so the student never believes a typed value was kept.
 */
export function withRegisteredAnswers(student: StoredStudent, patch: SectionAnswers, merged: SectionAnswers): SectionAnswers {
  const registered = registeredAnswers(student);
  const changed = Object.keys(registered).filter((key) => key in patch && patch[key] !== registered[key]);
  if (changed.length > 0) {
    const errors = changed.map((key) => ({ path: `answers.${key}`, message: 'registered by the school; it cannot be changed here' }));
    throw new ServiceError({ ...refusalProblem(refusal('registeredValue')), errors });
  }
  return { ...merged, ...registered };
}
