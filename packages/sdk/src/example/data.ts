/**
 * Example data for the embedded backend (demo, Storybook, tests, walkthrough): a region, four
 * real ROCs with real locations and real qualifications, a vmbo school with a mentor roster,
 * students aged 15 to 19 with their guardians, and dossiers in every state of the workflow.
 * People, addresses and answers are invented. The programmes are SYNTHETIC pairings of real
 * qualifications (crebo, niveau, BOL/BBL) with real locations: no public source says which
 * institution offers what where.
 */
import { defaultRegionConfig, type RegionConfig } from '../config.js';
import type { Actor, Dossier, DossierAction, DossierStatus, HistoryEntry, Mentor, Programme } from '../contract.js';
import { dossierStudentOf } from '../server/registration.js';
import type { RosterMentor, StoredBegeleiding, StoredSchool, StoredStudent } from '../server/store.js';
import { followsCurrentBegeleiding } from '../workflow.js';
import type { MemoryState } from '../server/memory-store.js';
import type { ReferenceAnswer, SectionAnswers } from '../sections/types.js';
import { catalogFor, catalogForBench, findRealInstitution, syntheticProgrammes, type CatalogData } from './catalog.js';
import { people, type ExamplePerson } from './people.js';

export { catalogForBench };

export interface ExampleAccount {
  /** The bearer token that signs in as this person (demo only). */
  token: string;
  actor: Actor;
}

export interface ExampleData extends MemoryState {
  catalog: CatalogData;
  accounts: ExampleAccount[];
  /** What is real and what is invented, for docs and the demo's footer. */
  description: string;
}

export const exampleDescription =
  'Voorbeeldgegevens. Mbo-instellingen, locaties en kwalificaties (crebo, niveau, BOL/BBL) zijn echt; ' +
  'welke instelling welke opleiding op welke locatie aanbiedt is verzonnen (synthetische koppeling). ' +
  'Personen, adressen en antwoorden zijn verzonnen. / Example data. MBO institutions, locations and ' +
  'qualifications are real; which institution offers which programme at which location is a synthetic ' +
  'pairing. People, addresses and answers are invented.';

/** The ROCs of the example catalogue and the crebos the example dossiers chose there. */
const exampleInstitutions = [
  { brin: '25LH', include: ['25242', '25491', '25486', '25371'] }, // ROC Midden Nederland
  { brin: '00GT', include: ['25180', '25473'] }, // Albeda
  { brin: '25PZ', include: ['25201'] }, // ROC van Amsterdam
  { brin: '27GZ', include: ['25485', '25407'] }, // ROC Mondriaan
] as const;
const programmesPerInstitution = 56;

const school = { id: 'school-de-brug', naam: 'Vmbo De Brug', plaats: 'Utrecht' };
/** De Brug keeps a roster: each klas chooses from its own mentors. */
const roster: RosterMentor[] = [
  { id: 'mentor-de-vries', naam: 'Mevrouw E. de Vries', email: 'e.devries@debrug.example', klassen: ['3A', '4B'] },
  { id: 'mentor-yilmaz', naam: 'Meneer K. Yilmaz', email: 'k.yilmaz@debrug.example', klassen: ['4A', '4C'] },
  { id: 'mentor-bakker', naam: 'Meneer R. Bakker', email: 'r.bakker@debrug.example', klassen: ['3B'] },
];
/** The decanen: the school's coordinators, who oversee every student of their school (spec §9). */
const decanen = [
  { id: 'decaan-visser', naam: 'Mevrouw L. Visser', email: 'l.visser@debrug.example', school },
  { id: 'decaan-de-wit', naam: 'Meneer P. de Wit', email: 'p.dewit@horizon.example', school: { id: 'school-de-horizon', naam: 'ISK De Horizon' } },
];
/** An ISK without a roster: students type their mentor's name and e-mail; the mentor is known by that e-mail. */
const horizon = { id: 'school-de-horizon', naam: 'ISK De Horizon', plaats: 'Utrecht' };
const horizonMentor = { id: 'mentor-bos', naam: 'Meneer J. Bos', email: 'j.bos@horizon.example' };
const schoolsById = { [school.id]: school, [horizon.id]: horizon } as const;

/** MBO intake staff, one per ROC, who read the afgeronde dossiers sent to them. */
const mboStaff = [
  { token: 'mbo-roc-midden-nederland', naam: 'Ingrid Smit', brin: '25LH' },
  { token: 'mbo-albeda', naam: 'Rachid Boukhari', brin: '00GT' },
  { token: 'mbo-roc-van-amsterdam', naam: 'Sanne Mulder', brin: '25PZ' },
];

export function exampleRegionConfig(): RegionConfig {
  return {
    ...defaultRegionConfig,
    id: 'regio-utrecht',
    naam: 'Regio Utrecht',
    support: {
      naam: 'Servicedesk Doorstroom Regio Utrecht',
      email: 'servicedesk@doorstroom-utrecht.example',
      telefoon: '+31 30 000 0000',
      url: 'https://doorstroom-utrecht.example/hulp',
    },
    extraQuestions: {
      voorbereiding: [
        {
          id: 'studiekeuzecheck',
          label: {
            nl: 'Heb je de studiekeuzecheck van het mbo al gedaan?',
            en: 'Have you done the MBO study-choice check yet?',
            // A region's own question brings the languages the elements offer (else they show it in Dutch).
            ar: 'هل أجريت اختبار اختيار الدراسة (studiekeuzecheck) لدى الـ mbo؟',
            tr: 'Mbo’nun bölüm seçimi kontrolünü (studiekeuzecheck) yaptın mı?',
            uk: 'Ти вже пройшов(-ла) перевірку вибору навчання (studiekeuzecheck) у mbo?',
            pl: 'Czy zrobiłeś(-aś) już sprawdzian wyboru kierunku (studiekeuzecheck) w szkole mbo?',
          },
          kind: 'yesNo',
          required: false,
        },
      ],
    },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** The birth date of someone who turned `years` `daysSinceBirthday` (0–364) days before `today`. */
const birthDate = (today: Date, years: number, daysSinceBirthday: number) => isoDay(new Date(today.getFullYear() - years, today.getMonth(), today.getDate() - daysSinceBirthday, 12));
const daysAgo = (today: Date, days: number, hour = 10) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - days, hour, 0, 0);

const schoolOf = (person: ExamplePerson) => (person.school ? schoolsById[person.school] : undefined);

function actorOf(person: ExamplePerson): Actor {
  const own = schoolOf(person);
  return { role: 'student', person: { id: person.id, naam: person.naam, email: person.email }, ...(own ? { school: { id: own.id, naam: own.naam } } : {}) };
}

/** The student as the school registered them; someone unregistered has only a name and e-mail. */
function storedStudentOf(person: ExamplePerson): StoredStudent {
  return {
    id: person.id,
    naam: person.naam,
    email: person.email,
    ...(person.unregistered ? {} : { ...(person.bsn ? { bsn: person.bsn } : {}), ...(person.onderwijsnummer ? { onderwijsnummer: person.onderwijsnummer } : {}), geboortedatum: person.geboortedatum }),
    schoolId: schoolOf(person)?.id ?? null,
    ...(person.klas ? { klas: person.klas, leerjaar: person.leerjaar } : {}),
    guardianIds: person.guardian ? [person.guardian.id] : [],
  };
}

/** The steps a dossier went through to reach its state (spec §5), as the history tells them. */
function pathTo(type: Dossier['type'], status: DossierStatus): DossierAction[] {
  const consentSteps: DossierAction[] = ['recordInzage', 'finalize'];
  const mentorPath: DossierAction[] = ['submitToMentor', 'startDeelB', 'sendToStudent'];
  if (type !== 'vo-mbo') return status === 'concept' ? [] : status === 'akkoord' ? ['submitForConsent'] : ['submitForConsent', ...consentSteps];
  const reached = { concept: 0, bijMentor: 1, deelB: 2, akkoord: 3, afgerond: 3 }[status];
  return [...mentorPath.slice(0, reached), ...(status === 'afgerond' ? consentSteps : [])];
}

const statusAfter: Partial<Record<DossierAction, DossierStatus>> = {
  submitToMentor: 'bijMentor',
  startDeelB: 'deelB',
  sendToStudent: 'akkoord',
  submitForConsent: 'akkoord',
  finalize: 'afgerond',
};

interface Built {
  dossier: Dossier;
  history: HistoryEntry[];
}

function buildDossier(person: ExamplePerson, today: Date, catalog: CatalogData, guardians: Map<string, Actor>): Built | undefined {
  const plan = person.dossier;
  if (!plan) return undefined;
  const student = actorOf(person);
  const onRoster = plan.mentorId ? roster.find((m) => m.id === plan.mentorId) : undefined;
  const mentor: Mentor | null = onRoster ? { id: onRoster.id, naam: onRoster.naam, email: onRoster.email } : null;
  const mentorActor: Actor | undefined = mentor ? { role: 'mentor', person: { id: mentor.id!, naam: mentor.naam, email: mentor.email }, school: { id: school.id, naam: school.naam } } : undefined;
  const guardian = person.guardian ? guardians.get(person.guardian.id) : undefined;

  const answers: Record<string, SectionAnswers> = { ...plan.answers };
  if (plan.choice) answers['vervolgkeuze'] = { ...chosen(catalog, plan.choice), bevestigd: true };

  // One history entry per step, spread evenly between the start and a day or two ago.
  type Step = { actor: Actor; kind: 'saved'; sectionId: string } | { actor: Actor; kind: 'action'; action: DossierAction };
  const steps: Step[] = Object.keys(answers)
    .filter((id) => !['advies', 'akkoordverklaring', 'ouderToestemming', 'begeleiding'].includes(id))
    .map((sectionId) => ({ actor: student, kind: 'saved' as const, sectionId }));
  for (const action of pathTo(plan.type, plan.status)) {
    if (action === 'sendToStudent' && mentorActor) steps.push({ actor: mentorActor, kind: 'saved', sectionId: 'advies' });
    if (action === 'finalize') {
      steps.push({ actor: student, kind: 'saved', sectionId: 'akkoordverklaring' });
      if (guardian) steps.push({ actor: guardian, kind: 'action', action: 'recordInzage' }, { actor: guardian, kind: 'saved', sectionId: 'ouderToestemming' });
    }
    const byMentor = action === 'startDeelB' || action === 'sendToStudent';
    steps.push({ actor: byMentor && mentorActor ? mentorActor : student, kind: 'action', action });
  }
  if (plan.status === 'deelB' && mentorActor && answers['advies']) steps.push({ actor: mentorActor, kind: 'saved', sectionId: 'advies' });
  // Archiving is the school's call: the mentor of the student's klas archives.
  if (plan.archived) steps.push({ actor: mentorActor ?? klasMentorActor(person), kind: 'action', action: 'archive' });

  const start = daysAgo(today, plan.startedDaysAgo);
  const end = daysAgo(today, 1, 16);
  const stepMs = (end.getTime() - start.getTime()) / Math.max(1, steps.length);
  const history: HistoryEntry[] = [{ at: start.toISOString(), actor: historyActor(student), kind: 'created', version: 1 }];
  const inzage: Dossier['inzage'] = [];
  let status: DossierStatus = 'concept';
  let deelBSentAt: string | null = null;
  let finalizedAt: string | null = null;
  steps.forEach((step, index) => {
    const at = new Date(start.getTime() + stepMs * (index + 1)).toISOString();
    const version = index + 2;
    if (step.kind === 'saved') {
      // The guardian's consent carries the day it was given, as the backend stamps it.
      if (step.sectionId === 'ouderToestemming') answers['ouderToestemming'] = { ...answers['ouderToestemming'], datum: isoDay(new Date(at)) };
      history.push({ at, actor: historyActor(step.actor), kind: 'saved', sectionId: step.sectionId, version });
      return;
    }
    const from = status;
    status = statusAfter[step.action] ?? status;
    if (step.action === 'sendToStudent') deelBSentAt = at;
    if (step.action === 'finalize') finalizedAt = at;
    if (step.action === 'recordInzage') inzage.push({ role: step.actor.role as 'student' | 'guardian', person: { id: step.actor.person.id, naam: step.actor.person.naam }, at });
    history.push({ at, actor: historyActor(step.actor), kind: 'action', action: step.action, from, to: status, version });
  });
  const last = history[history.length - 1]!;
  const dossier: Dossier = {
    id: `dossier-${person.id.replace(/^student-/, '')}`,
    type: plan.type,
    status,
    archived: plan.archived ?? false,
    version: last.version,
    student: dossierStudentOf(storedStudentOf(person)),
    mentor,
    answers,
    inzage,
    deelBSentAt,
    finalizedAt,
    createdAt: start.toISOString(),
    updatedAt: last.at,
  };
  return { dossier, history };
}

const historyActor = (actor: Actor): HistoryEntry['actor'] => ({ id: actor.person.id, role: actor.role, naam: actor.person.naam });

function mentorActorOf(mentor: Mentor & { id: string }, at: { id: string; naam: string }): Actor {
  return { role: 'mentor', person: { id: mentor.id, naam: mentor.naam, email: mentor.email }, school: { id: at.id, naam: at.naam } };
}

function klasMentorActor(person: ExamplePerson): Actor {
  const mentor = roster.find((m) => person.klas !== undefined && m.klassen.includes(person.klas)) ?? roster[0]!;
  return mentorActorOf(mentor, school);
}

/** The A7 answers for a programme of the catalogue: snapshots of instelling, locatie and opleiding. */
function chosen(catalog: CatalogData, choice: { brin: string; crebo: string; leerweg?: 'BOL' | 'BBL' }): Record<string, ReferenceAnswer> {
  const institution = catalog.institutions.find((i) => i.brin === choice.brin)!;
  const programmes = catalog.programmes[choice.brin] ?? [];
  const programme: Programme | undefined = programmes.find((p) => p.crebo === choice.crebo && p.leerweg === (choice.leerweg ?? 'BOL')) ?? programmes.find((p) => p.crebo === choice.crebo);
  if (!programme) throw new Error(`Example catalogue lacks ${choice.brin} ${choice.crebo}`);
  const location = (catalog.locations[choice.brin] ?? []).find((l) => l.code === programme.locatieCodes[0])!;
  return {
    instelling: { id: institution.brin, label: institution.naam, detail: { brin: institution.brin } },
    locatie: { id: location.code, label: location.naam, detail: { plaats: location.plaats } },
    opleiding: {
      id: programme.id,
      label: programme.naam,
      detail: { crebo: programme.crebo, niveau: programme.niveau, leerweg: programme.leerweg, cohort: programme.cohort },
    },
  };
}

/** The catalogue of the example: four real ROCs with about 56 synthetic offerings each. */
export function exampleCatalog(cohort: string): CatalogData {
  return catalogFor(exampleInstitutions.map(({ brin, include }) => ({ brin, programmes: syntheticProgrammes(brin, { count: programmesPerInstitution, cohort, include }) })));
}

/** The MBO cohort a student applying on `today` starts in: next September, or this one before August. */
export function cohortFor(today: Date): string {
  return String(today.getFullYear() + (today.getMonth() >= 7 ? 1 : 0));
}

export function exampleData(options: { today?: Date } = {}): ExampleData {
  const today = options.today ?? new Date();
  const catalog = exampleCatalog(cohortFor(today));
  const everyone = people((years, daysSinceBirthday) => birthDate(today, years, daysSinceBirthday));

  const guardianActors = new Map<string, Actor>();
  for (const person of everyone) {
    if (!person.guardian) continue;
    const existing = guardianActors.get(person.guardian.id);
    if (existing) existing.studentIds!.push(person.id);
    else
      guardianActors.set(person.guardian.id, {
        role: 'guardian',
        person: { id: person.guardian.id, naam: person.guardian.naam, email: person.guardian.email },
        studentIds: [person.id],
      });
  }

  const students: StoredStudent[] = everyone.map(storedStudentOf);

  const dossiers: Dossier[] = [];
  const history: Record<string, HistoryEntry[]> = {};
  const begeleiding: StoredBegeleiding[] = [];
  for (const person of everyone) {
    if (person.begeleiding) begeleiding.push({ studentId: person.id, answers: person.begeleiding, version: 1 });
    const built = buildDossier(person, today, catalog, guardianActors);
    if (!built) continue;
    // From akkoord on a dossier keeps the B1 it was sent with; earlier ones show the student's record.
    if (!followsCurrentBegeleiding.includes(built.dossier.status) && built.dossier.type === 'vo-mbo' && person.begeleiding) {
      built.dossier.answers = { ...built.dossier.answers, begeleiding: person.begeleiding };
    }
    dossiers.push(built.dossier);
    history[built.dossier.id] = built.history;
  }

  const schools: StoredSchool[] = [
    { ...school, mentorRoster: true, mentors: roster },
    { ...horizon, mentorRoster: false, mentors: [] },
  ];
  const accounts: ExampleAccount[] = [
    ...everyone.map((p) => ({ token: p.id, actor: actorOf(p) })),
    ...[...guardianActors.values()].map((actor) => ({ token: actor.person.id, actor })),
    ...roster.map((m) => ({ token: m.id, actor: mentorActorOf(m, school) })),
    { token: horizonMentor.id, actor: mentorActorOf(horizonMentor, horizon) },
    ...decanen.map((d) => ({
      token: d.id,
      actor: { role: 'decaan' as const, person: { id: d.id, naam: d.naam, email: d.email }, school: { id: d.school.id, naam: d.school.naam } },
    })),
    ...mboStaff.map((staff) => ({
      token: staff.token,
      actor: {
        role: 'mbo' as const,
        person: { id: staff.token, naam: staff.naam },
        instelling: { brin: staff.brin, naam: findRealInstitution(staff.brin).naam },
      },
    })),
  ];

  return {
    config: exampleRegionConfig(),
    schools,
    students,
    dossiers,
    begeleiding,
    history,
    catalog,
    accounts,
    description: exampleDescription,
  };
}
