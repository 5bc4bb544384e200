/**
 * What the school's decaan does across students (spec §9): remind students of their next step,
 * and give a whole klas to another mentor. Each is refused per student or dossier with a reason
 * code, never all-or-nothing, so one finished student does not stop the reminders of the rest.
 */
import type { Actor, Dossier, HistoryEntry, KlasMoveResult, Mentor, ReminderResult } from '../contract.js';
import type { RefusalCode } from '../refusals.js';
import { apply, can, type WorkflowContext } from '../workflow.js';
import type { StoredSchool, StoreTx } from './store.js';

/** What a student has to do next, by their furthest open dossier; undefined when it is not their turn. */
export type NextStep = 'start' | 'deelA' | 'consent';

const progress: Record<Dossier['status'], number> = { concept: 0, bijMentor: 1, deelB: 2, akkoord: 3, afgerond: 4 };

export function nextStepOf(dossiers: ReadonlyArray<Dossier>): NextStep | undefined {
  const open = dossiers.filter((d) => !d.archived);
  if (open.length === 0) return 'start';
  const furthest = [...open].sort((a, b) => progress[b.status] - progress[a.status])[0]!;
  if (furthest.status === 'concept') return 'deelA';
  if (furthest.status === 'akkoord') return 'consent';
  return undefined;
}

const sameKlas = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function remind(tx: StoreTx, actor: Actor, studentIds: ReadonlyArray<string>): Promise<ReminderResult> {
  const result: ReminderResult = { sent: [], refused: [] };
  for (const studentId of new Set(studentIds)) {
    const student = await tx.getStudent(studentId);
    if (!student || !actor.school || student.schoolId !== actor.school.id) {
      result.refused.push({ studentId, reason: 'notYours' satisfies RefusalCode });
      continue;
    }
    const next = nextStepOf(await tx.listDossiers({ studentIds: [student.id] }));
    if (!next) {
      result.refused.push({ studentId, reason: 'nothingToDo' satisfies RefusalCode });
      continue;
    }
    await tx.notify({
      kind: 'reminder',
      recipient: { role: 'student', id: student.id, naam: student.naam, ...(student.email ? { email: student.email } : {}) },
      payload: { next, lang: student.taal ?? 'nl', from: actor.person.naam },
    });
    result.sent.push(student.id);
  }
  return result;
}

export interface KlasMoveDeps {
  contextFor(dossier: Dossier): Promise<WorkflowContext>;
  /** Stores the moved dossier with its history entry and tells both mentors. */
  moved(dossier: Dossier, next: Dossier, entry: HistoryEntry, previous: Mentor | null): Promise<void>;
  now: Date;
}

/**
 * Gives klas `klas` to `mentor`: the roster says the new mentor mentors it (and no one else), and
 * every open dossier of its students that is with a mentor moves to them through `changeMentor`.
 */
export async function moveKlas(tx: StoreTx, actor: Actor, school: StoredSchool, klas: string, mentorId: string, deps: KlasMoveDeps): Promise<KlasMoveResult> {
  const result: KlasMoveResult = { moved: [], refused: [] };
  const mentors = school.mentors.map((m) => ({
    ...m,
    klassen: m.id === mentorId ? [...m.klassen.filter((k) => !sameKlas(k, klas)), klas] : m.klassen.filter((k) => !sameKlas(k, klas)),
  }));
  await tx.putSchool({ ...school, mentors });
  const students = (await tx.listStudents({ schoolId: school.id })).filter((s) => s.klas !== undefined && sameKlas(s.klas, klas));
  const dossiers = await tx.listDossiers({ studentIds: students.map((s) => s.id) });
  for (const dossier of dossiers) {
    if (dossier.status === 'afgerond' || !dossier.mentor || dossier.mentor.id === mentorId) continue;
    const context = await deps.contextFor(dossier);
    const decision = can(actor, 'changeMentor', dossier, context, { mentorId });
    if (!decision.allowed) {
      result.refused.push({ dossierId: dossier.id, reason: decision.refusal.code });
      continue;
    }
    const { dossier: next, entry } = apply(actor, 'changeMentor', dossier, context, { mentorId }, deps.now);
    await deps.moved(dossier, next, entry, dossier.mentor);
    result.moved.push(dossier.id);
  }
  return result;
}
