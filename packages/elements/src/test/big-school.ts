/**
 * A whole school for the school overview's tests, stories and benchmark: the example data with
 * Vmbo De Brug grown to `size` students (600 by default) in 24 klassen of leerjaar 3 and 4, each
 * klas with a mentor on the roster, and dossiers in every step, stuck for 0 to 45 days, with
 * choices from the example catalogue. Deterministic: the same size and day give the same school.
 *
 * The generated dossiers are copies of the example dossiers of the same step (deel A, deel B,
 * consent) under the new student's name and registration, so percentages, guardian consent and
 * actions behave as they do for the real examples. Invented people only.
 */
import { createMemoryBackend, exampleData, type Dossier, type DossierStatus, type ExampleData, type HistoryEntry, type IntakeRequest, type MemoryBackend } from '@doorstroom/sdk';
import { dossierStudentOf } from '../../../sdk/src/server/registration.js';
import type { RosterMentor, StoredStudent } from '../../../sdk/src/server/store.js';

const firstNames = [
  'Aya',
  'Bram',
  'Chaima',
  'Daan',
  'Elif',
  'Finn',
  'Giulia',
  'Hamza',
  'Iris',
  'Jesse',
  'Kiki',
  'Luuk',
  'Maryam',
  'Niels',
  'Olga',
  'Pim',
  'Quinty',
  'Rayan',
  'Sanne',
  'Thijs',
  'Umut',
  'Vera',
  'Wout',
  'Xena',
  'Youssef',
  'Zoë',
  'Anouk',
  'Bilal',
  'Charlotte',
  'Dewi',
  'Emre',
  'Fenna',
  'Gijs',
  'Hira',
  'Ivo',
  'Julia',
  'Kerem',
  'Lotte',
  'Mees',
  'Nadia',
];
const lastNames = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'Yıldız',
  'Öztürk',
  'El Amrani',
  'Kowalski',
  'Kovalenko',
  'Bouzid',
  'Nguyen',
  'Pinas',
  'Doğan',
  'Haddou',
  'Tahiri',
  'Schouten',
  'Koster',
  'Postma',
  'Verbeek',
];
const mentorNames = [
  'Mevrouw A. Kramer',
  'Meneer T. Hoekstra',
  'Mevrouw S. Aydın',
  'Meneer D. van Vliet',
  'Mevrouw M. Boukhari',
  'Meneer J. Prins',
  'Mevrouw L. Timmermans',
  'Meneer B. Koç',
  'Mevrouw N. Groen',
  'Meneer W. Sanders',
];

/** A small deterministic random generator (mulberry32), so the school is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const daysAgo = (today: Date, days: number, hour = 10) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - days, hour, 0, 0);

/** The klassen of the big school: 3A–3L and 4A–4L. */
export const bigSchoolKlassen = [3, 4].flatMap((jaar) => 'ABCDEFGHIJKL'.split('').map((letter) => `${jaar}${letter}`));

/** Which step, by share of the school: some without a dossier, most busy with deel A, the rest further. */
const stepShares: ReadonlyArray<[DossierStatus | 'geen', number]> = [
  ['geen', 0.14],
  ['concept', 0.3],
  ['bijMentor', 0.14],
  ['deelB', 0.1],
  ['akkoord', 0.16],
  ['afgerond', 0.16],
];

export interface BigSchool {
  data: ExampleData;
  /** Ids of the generated afgeronde dossiers with the MBO (brin) that received them, for `seedIntakes`. */
  afgerond: Array<{ dossierId: string; brin: string }>;
}

/** The example data with De Brug grown to `size` students. */
export function bigSchoolData(size = 600, today = new Date()): BigSchool {
  const data = exampleData({ today });
  const rand = random(size * 31 + 7);
  const school = data.schools.find((s) => s.id === 'school-de-brug')!;
  const existing = data.students.filter((s) => s.schoolId === school.id);

  // Every klas gets a mentor: the example mentors keep theirs, the others are shared out.
  const taken = new Set(school.mentors.flatMap((m) => m.klassen));
  const free = bigSchoolKlassen.filter((k) => !taken.has(k));
  const extra: RosterMentor[] = mentorNames.map((naam, i) => ({
    id: `mentor-extra-${i + 1}`,
    naam,
    email: `mentor${i + 1}@debrug.example`,
    klassen: free.filter((_, j) => j % mentorNames.length === i),
  }));
  school.mentors = [...school.mentors, ...extra.filter((m) => m.klassen.length > 0)];
  const mentorOf = (klas: string) => school.mentors.find((m) => m.klassen.includes(klas))!;
  for (const mentor of extra) {
    data.accounts.push({
      token: mentor.id,
      actor: { role: 'mentor', person: { id: mentor.id, naam: mentor.naam, email: mentor.email }, school: { id: school.id, naam: school.naam } },
    });
  }

  // One example dossier per step to copy from.
  const template = (status: DossierStatus) => data.dossiers.find((d) => d.status === status && d.type === 'vo-mbo' && !d.archived && d.student.schoolId === school.id)!;
  const programmes = Object.entries(data.catalog.programmes).flatMap(([brin, list]) => list.slice(0, 12).map((p) => ({ brin, programme: p })));
  const used = new Set(data.students.map((s) => s.naam));
  const afgerond: BigSchool['afgerond'] = [];

  for (let i = 0; data.students.filter((s) => s.schoolId === school.id).length < size; i++) {
    const naam = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7 + Math.floor(i / firstNames.length)) % lastNames.length]}`;
    if (used.has(naam)) continue;
    used.add(naam);
    const klas = bigSchoolKlassen[i % bigSchoolKlassen.length]!;
    const leerjaar = Number(klas[0]);
    const age = leerjaar === 3 ? 15 : 16 + Math.floor(rand() * 3);
    const student: StoredStudent = {
      id: `student-gen-${i + 1}`,
      naam,
      email: `leerling${i + 1}@debrug.example`,
      geboortedatum: isoDay(new Date(today.getFullYear() - age, today.getMonth(), today.getDate() - 1 - Math.floor(rand() * 300), 12)),
      schoolId: school.id,
      klas,
      leerjaar,
      guardianIds: [],
    };
    data.students.push(student);

    let pick = rand();
    const step = stepShares.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'concept';
    if (step === 'geen') continue;
    const copy = structuredClone(template(step));
    const days = Math.floor(rand() * 46);
    const since = daysAgo(today, days, 9 + Math.floor(rand() * 8));
    const created = daysAgo(today, days + 5 + Math.floor(rand() * 30));
    const choice = programmes[Math.floor(rand() * programmes.length)]!;
    const institution = data.catalog.institutions.find((inst) => inst.brin === choice.brin)!;
    const location = (data.catalog.locations[choice.brin] ?? []).find((l) => choice.programme.locatieCodes.includes(l.code)) ?? data.catalog.locations[choice.brin]![0]!;
    const answers: Dossier['answers'] = { ...copy.answers };
    // A student busy with deel A has done part of it; about half chose a programme already.
    if (step === 'concept') {
      for (const id of ['competenties', 'ervaring', 'voorbereiding', 'motivatie', 'herkomst'].slice(0, Math.floor(rand() * 5))) delete answers[id];
    }
    if (step !== 'concept' || rand() < 0.5) {
      answers['vervolgkeuze'] = {
        instelling: { id: institution.brin, label: institution.naam, detail: { brin: institution.brin } },
        locatie: { id: location.code, label: location.naam, detail: { plaats: location.plaats } },
        opleiding: {
          id: choice.programme.id,
          label: choice.programme.naam,
          detail: { crebo: choice.programme.crebo, niveau: choice.programme.niveau, leerweg: choice.programme.leerweg, cohort: choice.programme.cohort },
        },
        bevestigd: true,
      };
    } else delete answers['vervolgkeuze'];
    const mentor = mentorOf(klas);
    const dossier: Dossier = {
      ...copy,
      id: `dossier-gen-${i + 1}`,
      student: dossierStudentOf(student),
      mentor: step === 'concept' ? null : { id: mentor.id, naam: mentor.naam, email: mentor.email },
      answers,
      createdAt: created.toISOString(),
      updatedAt: since.toISOString(),
      statusSince: since.toISOString(),
      version: 3,
    };
    data.dossiers.push(dossier);
    const history: HistoryEntry[] = [
      { at: created.toISOString(), actor: { id: student.id, role: 'student', naam }, kind: 'created', version: 1 },
      { at: since.toISOString(), actor: { id: student.id, role: 'student', naam }, kind: 'action', action: 'submitToMentor', from: 'concept', to: step, version: 3 },
    ];
    data.history[dossier.id] = step === 'concept' ? history.slice(0, 1) : history;
    if (step === 'afgerond') afgerond.push({ dossierId: dossier.id, brin: institution.brin });
  }
  if (existing.length > size) throw new Error(`A school of ${size} is smaller than the example school`);
  return { data, afgerond };
}

/** A memory backend with the big school, and the intake status the MBOs gave part of the afgeronde dossiers. */
export async function bigSchoolBackend(size = 600, today = new Date()): Promise<MemoryBackend> {
  const { data, afgerond } = bigSchoolData(size, today);
  const backend = createMemoryBackend(data);
  const steps: IntakeRequest[] = [{ status: 'gelezen' }, { status: 'intakeGepland', datum: isoDay(daysAgo(today, -14)) }, { status: 'geplaatst' }];
  for (const [index, { dossierId, brin }] of afgerond.entries()) {
    const staff = data.accounts.find((a) => a.actor.role === 'mbo' && a.actor.instelling?.brin === brin);
    if (!staff || index % 4 === 3) continue;
    const mbo = backend.client(staff.token);
    // Opening the dossier marks it read; then the MBO sets its status.
    await mbo.getDossier(dossierId);
    if (index % 4 > 0) await mbo.setIntake(dossierId, steps[index % 4]!);
  }
  return backend;
}
