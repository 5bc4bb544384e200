/**
 * Received dossiers for the MBO's worklist (<ddd-intake>) in tests, stories and the element
 * benchmark: the example data with `count` more afgeronde dossiers for one instelling (ROC Midden
 * Nederland, 25LH, by default), each a copy of Sam's afgerond dossier under another student's
 * name, BSN and A7 choice (an opleiding of that instelling's catalogue at one of its locaties,
 * cohort 2027 or, for every seventh, 2026), finalized on one of the last 90 days. Deterministic: the
 * same count and day give the same dossiers. Invented people only; the BSNs pass the elfproef.
 */
import { createMemoryBackend, exampleData, type Dossier, type DossierSummary, type ExampleData, type HistoryEntry, type Intake, type IntakeRequest, type MemoryBackend } from '@doorstroom/sdk';
import { dossierStudentOf } from '../../../sdk/src/server/registration.js';
import type { StoredStudent } from '../../../sdk/src/server/store.js';

const firstNames = [
  'Amira',
  'Bas',
  'Cem',
  'Dana',
  'Eva',
  'Fatima',
  'Gerrit',
  'Hanna',
  'Ilias',
  'Jade',
  'Koen',
  'Lina',
  'Mats',
  'Nour',
  'Oscar',
  'Priya',
  'Quinn',
  'Roos',
  'Selin',
  'Tijn',
  'Uma',
  'Vince',
  'Wies',
  'Yusuf',
  'Zara',
  'Ömer',
  'Björn',
  'Chloë',
  'Dominika',
  'Emir',
  'Floor',
  'Gökhan',
  'Hidde',
  'Isra',
  'Jorn',
  'Kateryna',
  'Levi',
  'Maja',
  'Noah',
  'Olivia',
];
const lastNames = [
  'Aksoy',
  'de Bruijn',
  'Claes',
  'van Dam',
  'Ertekin',
  'de Feijter',
  'Gerritsen',
  'Hoekstra',
  'Idrissi',
  'de Jager',
  'Kaya',
  'Lambrechts',
  'Molenaar',
  'Nowak',
  'Ouali',
  'Prins',
  'Quispel',
  'Rietveld',
  'Schipper',
  'Tahiri',
  'Uijl',
  'Verhoeven',
  'Wouters',
  'Yılmaz',
  'Zeegers',
  'Bondarenko',
  'Şahin',
  'van der Linden',
  'Mahabier',
  'Kowalczyk',
  'El Khatib',
  'Jacobs',
  'Bakkal',
  'Sedney',
  'Vermeulen',
  'Çelik',
  'Hermans',
  'Martens',
  'Poels',
  'Stam',
];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const daysAgo = (today: Date, days: number, hour = 10) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - days, hour, 0, 0);

/** A BSN that passes the elfproef, the n-th after 100000000 that does. */
function bsnNumber(n: number): string {
  for (let candidate = 100_000_009 + n * 97; ; candidate++) {
    const digits = String(candidate).padStart(9, '0').split('').map(Number);
    const sum = digits.slice(0, 8).reduce((total, digit, i) => total + digit * (9 - i), 0) - digits[8]!;
    if (sum % 11 === 0) return digits.join('');
  }
}

export interface ReceivedDossier {
  id: string;
  naam: string;
  bsn: string;
  crebo: string;
  opleiding: string;
  locatie: string;
  locatieCode: string;
  cohort: string;
  finalizedAt: string;
}

export interface Received {
  data: ExampleData;
  /** The generated dossiers, in the order made. */
  dossiers: ReceivedDossier[];
  /** The token of the instelling's intake officer. */
  officer: string;
}

type Catalog = ExampleData['catalog'];

/** The facts of the n-th generated dossier (no dossier is made). */
function facts(
  i: number,
  catalog: Catalog,
  brin: string,
  today: Date,
): ReceivedDossier & { voornaam: string; achternaam: string; programme: Catalog['programmes'][string][number]; location: Catalog['locations'][string][number] } {
  const locations = catalog.locations[brin]!;
  const programmes = catalog.programmes[brin]!;
  const voornaam = firstNames[i % firstNames.length]!;
  const achternaam = lastNames[(i * 7 + Math.floor(i / firstNames.length)) % lastNames.length]!;
  const programme = programmes[(i * 13) % programmes.length]!;
  const location = locations.find((l) => programme.locatieCodes.includes(l.code)) ?? locations[i % locations.length]!;
  return {
    id: `dossier-ontvangen-${i + 1}`,
    naam: `${voornaam} ${achternaam}`,
    voornaam,
    achternaam,
    bsn: bsnNumber(i + 1),
    crebo: programme.crebo,
    opleiding: programme.naam,
    locatie: location.naam,
    locatieCode: location.code,
    cohort: i % 7 === 3 ? '2026' : programme.cohort,
    finalizedAt: daysAgo(today, (i * 37) % 90, 8 + (i % 9)).toISOString(),
    programme,
    location,
  };
}

/** The example data with `count` generated afgeronde dossiers for `brin`. */
export function receivedData(count = 40, options: { today?: Date; brin?: string } = {}): Received {
  const today = options.today ?? new Date();
  const brin = options.brin ?? '25LH';
  const data = exampleData({ today });
  const template = data.dossiers.find((d) => d.id === 'dossier-sam')!;
  const school = data.schools.find((s) => s.id === 'school-de-brug')!;
  const institution = data.catalog.institutions.find((i) => i.brin === brin)!;
  const officer = data.accounts.find((a) => a.actor.role === 'mbo' && a.actor.instelling?.brin === brin)!.token;
  const made: ReceivedDossier[] = [];
  for (let i = 0; i < count; i++) {
    const fact = facts(i, data.catalog, brin, today);
    const { voornaam, achternaam, naam, bsn, programme, location, cohort } = fact;
    const student: StoredStudent = {
      id: `student-ontvangen-${i + 1}`,
      naam,
      email: `leerling${i + 1}@ontvangen.example`,
      bsn,
      geboortedatum: isoDay(new Date(today.getFullYear() - 17, (i * 5) % 12, 1 + (i % 28), 12)),
      schoolId: school.id,
      klas: '4B',
      leerjaar: 4,
      guardianIds: [],
    };
    data.students.push(student);
    const answers: Dossier['answers'] = structuredClone(template.answers);
    answers['persoonlijk'] = {
      ...answers['persoonlijk'],
      roepnaam: voornaam,
      voornamen: voornaam,
      voorletters: `${voornaam[0]}.`,
      achternaam,
      bsn,
      nummerSoort: 'bsn',
      email: student.email,
      geboortedatum: student.geboortedatum,
    };
    answers['vervolgkeuze'] = {
      instelling: { id: brin, label: institution.naam, detail: { brin } },
      locatie: { id: location.code, label: location.naam, detail: { plaats: location.plaats } },
      opleiding: { id: programme.id, label: programme.naam, detail: { crebo: programme.crebo, niveau: programme.niveau, leerweg: programme.leerweg, cohort } },
      bevestigd: true,
    };
    // Every other student is of age: no guardian consented for them.
    if (i % 2 === 1) delete answers['ouderToestemming'];
    const at = fact.finalizedAt;
    const dossier: Dossier = {
      ...structuredClone(template),
      id: fact.id,
      student: dossierStudentOf(student),
      answers,
      inzage: [],
      createdAt: daysAgo(today, 120 + (i % 30)).toISOString(),
      updatedAt: at,
      finalizedAt: at,
      statusSince: at,
      version: 12,
    };
    delete dossier.intake;
    delete dossier.finalHash;
    data.dossiers.push(dossier);
    const history: HistoryEntry[] = [
      { at: dossier.createdAt, actor: { id: student.id, role: 'student', naam }, kind: 'created', version: 1 },
      { at, actor: { id: student.id, role: 'student', naam }, kind: 'action', action: 'finalize', from: 'akkoord', to: 'afgerond', version: 12 },
    ];
    data.history[dossier.id] = history;
    made.push({ id: fact.id, naam, bsn, crebo: fact.crebo, opleiding: fact.opleiding, locatie: fact.locatie, locatieCode: fact.locatieCode, cohort, finalizedAt: at });
  }
  return { data, dossiers: made, officer };
}

/** Which intake status the n-th generated dossier gets in `receivedBackend`: every status in turn. */
export function seededStatus(index: number, today = new Date()): IntakeRequest | undefined {
  switch (index % 5) {
    case 0:
      return undefined;
    case 1:
      return { status: 'gelezen' };
    case 2:
      return { status: 'intakeGepland', datum: isoDay(daysAgo(today, -(7 + (index % 21)))) };
    case 3:
      return { status: 'geplaatst' };
    default:
      return { status: 'nietGeplaatst', reden: 'De opleiding is vol. We hebben een plek aangeboden bij een verwante opleiding.' };
  }
}

/**
 * A memory backend with the example data and `count` received dossiers, of which the officer read
 * most and gave many a status (through the API, as an officer does: opening a dossier marks it read).
 */
export async function receivedBackend(count = 40, options: { today?: Date; brin?: string } = {}): Promise<MemoryBackend & { received: Received }> {
  const received = receivedData(count, options);
  const backend = createMemoryBackend(received.data);
  const mbo = backend.client(received.officer);
  for (const [index, dossier] of received.dossiers.entries()) {
    const request = seededStatus(index, options.today);
    if (!request) continue;
    await mbo.getDossier(dossier.id);
    if (request.status !== 'gelezen') await mbo.setIntake(dossier.id, request);
  }
  return Object.assign(backend, { received });
}

/**
 * The worklist's rows for `count` received dossiers, as `GET /dossiers` lists them for the MBO,
 * made directly (no backend): for the benchmark of 5 000 dossiers, where only the element is measured.
 */
export function receivedSummaries(count: number, today = new Date()): DossierSummary[] {
  const catalog = exampleData({ today }).catalog;
  const summaries: DossierSummary[] = [];
  for (let index = 0; index < count; index++) {
    const d = facts(index, catalog, '25LH', today);
    const request = seededStatus(index, today);
    const intake: Intake = request ? { ...request, updatedAt: d.finalizedAt } : { status: 'nieuw', updatedAt: d.finalizedAt };
    summaries.push({
      id: d.id,
      type: 'vo-mbo',
      status: 'afgerond',
      archived: false,
      version: 12,
      student: { id: `student-ontvangen-${index + 1}`, naam: d.naam, klas: '4B', leerjaar: 4 },
      mentor: null,
      keuze: `${d.opleiding} – ROC Midden Nederland`,
      percentA: 100,
      updatedAt: d.finalizedAt,
      statusSince: d.finalizedAt,
      choice: { instelling: 'ROC Midden Nederland', locatie: d.locatie, locatieCode: d.locatieCode, opleiding: d.opleiding, crebo: d.crebo, cohort: d.cohort },
      intake,
      nummer: d.bsn,
    });
  }
  return summaries;
}
