/**
 * A backend that already holds hostile answers, for the views that only show what others wrote:
 * the mentor's read-only deel A and the consent overview. One student (and dossier) per
 * payload, so B1, which belongs to the student, can differ per payload too. Every value is
 * within the limits, exactly as the backend would have accepted it from a form.
 */
import { buildSections, type Dossier, type DossierStatus, type ExampleData, type MemoryBackend, type SectionAnswers } from '@doorstroom/sdk';
import { completeAnswers, today } from '../../../sdk/src/testing/fixtures.js';
import type { HostilePayload } from '../../../sdk/src/testing/hostile-payloads.js';
import { setAnswer } from '../shared/fields.js';
import { hostileBackend, openingAnswers, textFields } from './hostile-harness.js';

export const hostileGuardian = 'guardian-hostile';
export const studentOf = (index: number) => `student-hostile-${index}`;
export const dossierOf = (status: DossierStatus, index: number) => `hostile-${status}-${index}`;

const sectionIds = ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding', 'motivatie', 'begeleiding', 'advies'];

/** Complete answers of a section with `value` (unless empty) in every text field it fits in, every condition opened. */
export function answersWith(data: ExampleData, sectionId: string, value: string): SectionAnswers {
  const section = buildSections(data.config, 'vo-mbo').find((s) => s.id === sectionId)!;
  let answers: SectionAnswers = { ...completeAnswers(sectionId), ...openingAnswers(section) };
  if (value === '') return answers;
  for (const field of textFields(section.questions)) if (value.length <= field.limit) answers = setAnswer(answers, field.path, value);
  return answers;
}

/**
 * The example data plus, per payload, a student of Vmbo De Brug (15, the guardian
 * `guardian-hostile`, a B1 record) named after the payload, with one dossier in `status`
 * assigned to the first mentor of the roster, its answers full of the payload.
 */
export function seededBackend(payloads: ReadonlyArray<HostilePayload>, status: 'deelB' | 'akkoord'): MemoryBackend {
  return hostileBackend((data) => {
    const noor = data.students.find((s) => s.id === 'student-noor')!;
    const mentor = data.schools[0]!.mentors[0]!;
    const at = today.toISOString();
    const studentIds = payloads.map((_, index) => studentOf(index));
    payloads.forEach((payload, index) => {
      const id = studentOf(index);
      const naam = payload.value.length <= 200 ? payload.value : `Leerling ${index}`;
      data.students.push({ ...noor, id, naam, guardianIds: [hostileGuardian] });
      data.accounts.push({ token: id, actor: { role: 'student', person: { id, naam }, school: { id: noor.schoolId!, naam: 'Vmbo De Brug' } } });
      // Deel B is the mentor's to type in while the dossier is in deelB; from akkoord on it is read-only.
      const partB = (sectionId: string) => sectionId === 'begeleiding' || sectionId === 'advies';
      const valueFor = (sectionId: string) => (status === 'deelB' && partB(sectionId) ? '' : payload.value);
      data.begeleiding.push({ studentId: id, answers: answersWith(data, 'begeleiding', valueFor('begeleiding')), version: 1 });
      const answers = Object.fromEntries(sectionIds.map((sectionId) => [sectionId, answersWith(data, sectionId, valueFor(sectionId))]));
      const dossier: Dossier = {
        id: dossierOf(status, index),
        type: 'vo-mbo',
        status,
        archived: false,
        version: 1,
        student: { id, naam, schoolId: noor.schoolId, klas: '3A', leerjaar: 3 },
        // As the service writes it (the roster's klassen are not part of a dossier).
        mentor: { id: mentor.id, naam: mentor.naam, email: mentor.email },
        answers,
        inzage: [],
        deelBSentAt: status === 'akkoord' ? at : null,
        finalizedAt: null,
        createdAt: at,
        updatedAt: at,
      };
      data.dossiers.push(dossier);
      data.history[dossier.id] = [{ at, actor: { id, role: 'student', naam }, kind: 'created', version: 1 }];
    });
    data.accounts.push({
      token: hostileGuardian,
      actor: { role: 'guardian', person: { id: hostileGuardian, naam: 'Ouder Test' }, studentIds },
    });
  });
}
