/**
 * Synthetic students for the load benchmark, and the verifier that signs them in: the token
 * `bench-student-7` is student number 7 of Vmbo De Brug; `bench-decaan` is that school's decaan
 * of the example data (who archives dossiers: the workflow leaves that to the school). Loaded by
 * the benchmark's server through DOORSTROOM_VERIFIER; never use it for anything else.
 */
import type { VerifiedIdentity } from '../identity.js';
import type { Actor, ExampleData, StoredStudent } from '../sdk.js';

const school = { id: 'school-de-brug', naam: 'Vmbo De Brug' };
const pattern = /^bench-student-(\d{1,4})$/;

export const benchToken = (n: number) => `bench-student-${n}`;
export const benchDecaanToken = 'bench-decaan';
/** The example data's decaan of Vmbo De Brug. */
const decaanId = 'decaan-visser';

function actorFor(n: number): Actor {
  return { role: 'student', person: { id: benchToken(n), naam: `Bench Leerling ${n}`, email: `bench${n}@voorbeeld.nl` }, school };
}

/** The example data plus `count` students without dossiers. */
export function withBenchStudents(data: ExampleData, count: number): ExampleData {
  const students: StoredStudent[] = Array.from({ length: count }, (_, i) => ({
    id: benchToken(i + 1),
    naam: `Bench Leerling ${i + 1}`,
    email: `bench${i + 1}@voorbeeld.nl`,
    bsn: '111222333',
    geboortedatum: '2010-05-01',
    schoolId: school.id,
    klas: '4B',
    leerjaar: 4,
    guardianIds: [],
  }));
  return {
    ...data,
    students: [...data.students, ...students],
    accounts: [...data.accounts, ...students.map((s, i) => ({ token: s.id, actor: actorFor(i + 1) }))],
  };
}

export default async function verifyBenchToken(token: string): Promise<VerifiedIdentity | null> {
  if (token === benchDecaanToken) return { personId: decaanId };
  const match = pattern.exec(token);
  return match ? actorFor(Number(match[1])) : null;
}
