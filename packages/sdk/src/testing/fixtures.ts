/**
 * Valid example answers and actors for tests, stories and benchmarks. Exported as
 * `@doorstroom/sdk/testing` so integrators can test their own backends with the same data.
 */
import { registeredQuestionIds } from '../conditions.js';
import { defaultRegionConfig } from '../config.js';
import type { Actor, Dossier, Mentor } from '../contract.js';
import type { SectionAnswers } from '../sections/types.js';

// Hostile text for the same tests: `@doorstroom/sdk/testing` gives integrators both.
export * from './hostile-payloads.js';

/** The fixed day tests run on, so ages and deadlines do not drift. */
export const today = new Date(2026, 10, 23, 12, 0, 0);

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The birth date of someone exactly `years` old on `on`, plus `extraDays` (positive = younger). */
export function birthDateForAge(years: number, extraDays = 0, on: Date = today): string {
  const born = new Date(on.getFullYear() - years, on.getMonth(), on.getDate() + extraDays, 12);
  return isoDay(born);
}

const completeBySection: Record<string, (birthDate: string) => SectionAnswers> = {
  persoonlijk: (birthDate) => ({
    nummerSoort: 'bsn',
    bsn: '111222333',
    roepnaam: 'Sam',
    voornamen: 'Samira Johanna',
    voorletters: 'S.J.',
    tussenvoegsel: 'de',
    achternaam: 'Vries',
    geboortedatum: birthDate,
    geslacht: 'vrouw',
    email: 'sam.devries@voorbeeld.nl',
    telefoon: '+31 30 123 4567',
    telefoonGeheim: false,
    mobiel: '+31 6 12345678',
    mobielGeheim: true,
    straat: 'Dorpsstraat',
    huisnummer: '12a',
    postcode: '3512 AB',
    woonplaats: 'Utrecht',
  }),
  thuis: () => ({
    woonsituatie: 'beideOuders',
    ouders: [{ naam: 'Fatima de Vries', relatie: 'moeder', telefoon: '+31 6 87654321', email: 'fatima@voorbeeld.nl' }],
    vrijeTijd: 'Voetballen en oppassen op mijn broertje',
    bijbaan: true,
    bijbaanOmschrijving: 'Vakkenvuller bij de supermarkt, 8 uur per week',
  }),
  herkomst: () => ({
    schoolnaam: 'Vmbo De Brug',
    schoolsoort: 'vmbo',
    leerweg: 'kader',
    sector: 'PIE',
    examenvakken: ['Nederlands', 'Engels', 'wiskunde'],
    klas: '4B',
    verwachtDiploma: 'ja',
    diplomaGehaald: true,
  }),
  competenties: () => Object.fromEntries(defaultRegionConfig.competences.map((c, i) => [c.code, i === 0 ? '?' : (i % 4) + 1])),
  ervaring: () => ({
    ervaring: [{ soort: 'stage', organisatie: 'Garage Jansen', plaats: 'Utrecht', werkzaamheden: 'Banden wisselen en olie verversen', periode: 'feb 2026' }],
  }),
  ondersteuning: () => ({
    hulpTaal: false,
    hulpRekenen: true,
    dyslexie: true,
    dyslexieToelichting: 'Verklaring sinds groep 6',
    dyscalculie: false,
    faalangst: false,
    concentratie: false,
    fysiekeBeperking: false,
    onderzoek: false,
  }),
  // A programme of the example catalogue at a location that gives it: backends check A7 against their catalogue.
  vervolgkeuze: () => ({
    instelling: { id: '00GT', label: 'Albeda', detail: { brin: '00GT' } },
    locatie: { id: '00GT17', label: 'Zuster Hennekeplein', detail: { plaats: 'Rotterdam' } },
    opleiding: {
      id: '00GT-25180-BBL',
      label: 'Kok',
      detail: { crebo: '25180', niveau: 2, leerweg: 'BBL', cohort: '2027' },
    },
    bevestigd: true,
  }),
  voorbereiding: () => ({ openDag: true, meeloopdag: true, gesprekDecaan: true, beroepentest: false }),
  motivatie: () => ({
    waarom: 'Ik werk graag met mijn handen en ik wil weten hoe gebouwen gemaakt worden.',
    later: 'Uitvoerder in de bouw',
  }),
  begeleiding: () => ({
    extraNederlands: true,
    extraNederlandsToelichting: 'Bijles in klas 3',
    extraRekenen: false,
    nodigNederlands: false,
    nodigRekenen: false,
    extraAndereVakken: false,
    verzuim: false,
    lwoo: false,
    passendOnderwijs: false,
    leerplichtRmc: false,
    warmeOverdracht: false,
  }),
  advies: () => ({
    pastKeuze: 'ja',
    advies: 'Past goed bij haar praktische instelling.',
    naderContact: false,
    eensMetDeelA: true,
    mentorAkkoord: true,
  }),
  akkoordverklaring: () => ({ akkoord: 'ja', toestemming: true }),
  ouderToestemming: () => ({ naam: 'Fatima de Vries', relatie: 'moeder', toestemming: true, datum: isoDay(today) }),
};

/** Valid answers that make the section 100% under `defaultRegionConfig`. */
export function completeAnswers(sectionId: string, options: { birthDate?: string } = {}): SectionAnswers {
  const build = completeBySection[sectionId];
  if (!build) throw new Error(`No fixture for section ${sectionId}`);
  return build(options.birthDate ?? birthDateForAge(16));
}

/**
 * `completeAnswers` for a dossier a backend holds: what the school registered (A1's number and
 * birth date, see `registeredQuestionIds`) is kept as the dossier has it, so the save is accepted.
 */
export function completeAnswersFor(dossier: Pick<Dossier, 'student' | 'answers'>, sectionId: string): SectionAnswers {
  const birthDate = dossier.student.geboortedatum ?? (dossier.answers['persoonlijk']?.['geboortedatum'] as string | undefined);
  const complete = completeAnswers(sectionId, birthDate ? { birthDate } : {});
  if (sectionId !== 'persoonlijk') return complete;
  const own = dossier.answers['persoonlijk'] ?? {};
  const registered = registeredQuestionIds(dossier);
  const kept = Object.fromEntries(Object.entries(complete).filter(([id]) => !registered.includes(id)));
  return { ...kept, ...Object.fromEntries(registered.filter((id) => own[id] !== undefined).map((id) => [id, own[id]!])) };
}

export const deelAIds = ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding', 'motivatie'];

export const roster: Mentor[] = [
  { id: 'mentor-1', naam: 'Mevrouw De Vries', email: 'devries@debrug.example' },
  { id: 'mentor-2', naam: 'Meneer Bakker', email: 'bakker@debrug.example' },
];

export const actors = {
  student: { role: 'student', person: { id: 'student-1', naam: 'Sam de Vries' }, school: { id: 'school-1', naam: 'Vmbo De Brug' } },
  otherStudent: { role: 'student', person: { id: 'student-2', naam: 'Noor Bakker' }, school: { id: 'school-1', naam: 'Vmbo De Brug' } },
  guardian: { role: 'guardian', person: { id: 'guardian-1', naam: 'Fatima de Vries' }, studentIds: ['student-1'] },
  otherGuardian: { role: 'guardian', person: { id: 'guardian-2', naam: 'Kees Bakker' }, studentIds: ['student-2'] },
  mentor: { role: 'mentor', person: { id: 'mentor-1', naam: 'Mevrouw De Vries' }, school: { id: 'school-1', naam: 'Vmbo De Brug' } },
  otherMentor: { role: 'mentor', person: { id: 'mentor-3', naam: 'Meneer Yilmaz' }, school: { id: 'school-2', naam: 'Het Lyceum' } },
  decaan: { role: 'decaan', person: { id: 'decaan-1', naam: 'Mevrouw Visser' }, school: { id: 'school-1', naam: 'Vmbo De Brug' } },
  otherDecaan: { role: 'decaan', person: { id: 'decaan-2', naam: 'Meneer De Wit' }, school: { id: 'school-2', naam: 'Het Lyceum' } },
  mbo: { role: 'mbo', person: { id: 'mbo-1', naam: 'Intake Albeda' }, instelling: { brin: '00GT', naam: 'Albeda' } },
  otherMbo: { role: 'mbo', person: { id: 'mbo-2', naam: 'Intake ROC Midden Nederland' }, instelling: { brin: '25LH', naam: 'ROC Midden Nederland' } },
} satisfies Record<string, Actor>;

/**
 * A dossier with complete deel A by default (vo-mbo, concept, student-1 at school-1).
 * `age` sets the student's age on `today`; `sections` lists which sections get complete answers.
 */
export function makeDossier(overrides: Partial<Dossier> & { age?: number; sections?: ReadonlyArray<string> } = {}): Dossier {
  const { age = 16, sections = deelAIds, ...rest } = overrides;
  const birthDate = birthDateForAge(age);
  const answers: Record<string, SectionAnswers> = {};
  for (const id of sections) answers[id] = completeAnswers(id, { birthDate });
  const stamp = today.toISOString();
  return {
    id: 'dossier-1',
    type: 'vo-mbo',
    status: 'concept',
    archived: false,
    version: 1,
    student: { id: 'student-1', naam: 'Sam de Vries', schoolId: 'school-1', klas: '4B', leerjaar: 4 },
    mentor: null,
    answers,
    inzage: [],
    deelBSentAt: null,
    finalizedAt: null,
    createdAt: stamp,
    updatedAt: stamp,
    ...rest,
  };
}
export * from './expectations.js';
