/**
 * The school's registration is the truth: A1's persoonsgebonden nummer and geboortedatum come
 * from it (read-only for the student), and the registered birth date decides the consent age.
 */
import type { Dossier, HistoryEntry } from '../contract.js';
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

export interface RegistrationFollowed {
  /** The dossier with the new registration in `student` and A1, one version further. */
  dossier: Dossier;
  /** What to append to its history (no actor: the school's registration did it). */
  entries: HistoryEntry[];
  /** Its consent started over: it was in akkoord and the registered birth date changed. */
  consentReset: boolean;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An open dossier after the school changed the student's registration: its `student` facts and
 * A1's registered answers follow the registration. In akkoord, a changed birth date may change
 * whether a guardian must consent, so the consent starts over: the akkoordverklaring, the
 * guardian's consent and every inzage go. Undefined when nothing changes (and for afgerond,
 * which is final).
 */
export function followRegistration(dossier: Dossier, student: StoredStudent, at: string): RegistrationFollowed | undefined {
  if (dossier.status === 'afgerond' || dossier.student.id !== student.id) return undefined;
  const facts = dossierStudentOf(student);
  const registered = registeredAnswers(student);
  const persoonlijk = dossier.answers['persoonlijk'] ?? {};
  const answersChanged = Object.keys(registered).some((key) => persoonlijk[key] !== registered[key]);
  const factsChanged = !sameJson(facts, dossier.student);
  const consentGiven = 'akkoordverklaring' in dossier.answers || 'ouderToestemming' in dossier.answers || dossier.inzage.length > 0;
  const consentReset = dossier.status === 'akkoord' && dossier.student.geboortedatum !== student.geboortedatum && consentGiven;
  if (!answersChanged && !factsChanged && !consentReset) return undefined;
  const version = dossier.version + 1;
  const answers: Record<string, SectionAnswers> = { ...dossier.answers, persoonlijk: { ...persoonlijk, ...registered } };
  if (consentReset) {
    delete answers['akkoordverklaring'];
    delete answers['ouderToestemming'];
  }
  const entries: HistoryEntry[] = [{ at, kind: 'saved', sectionId: 'persoonlijk', version }];
  if (consentReset) entries.push({ at, kind: 'saved', sectionId: 'akkoordverklaring', version });
  return {
    dossier: { ...dossier, student: facts, answers, inzage: consentReset ? [] : dossier.inzage, version, updatedAt: at },
    entries,
    consentReset,
  };
}
