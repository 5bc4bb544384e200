/**
 * The invented people of the example data and what they wrote. Every answer is valid for the
 * SDK's validators (BSNs pass the elfproef, phones carry +31, postcodes are real-looking), so the
 * demo shows what a real dossier looks like. Names and addresses are fictitious.
 */
import type { Dossier, DossierStatus } from '../contract.js';
import type { SectionAnswers } from '../sections/types.js';

export interface ExamplePerson {
  id: string;
  naam: string;
  email: string;
  /** The persoonsgebonden nummer: a BSN, or an onderwijsnummer for a newcomer without one. */
  bsn?: string;
  onderwijsnummer?: string;
  geboortedatum: string;
  /** The school whose pupil this is (else out of school or in MBO). */
  school?: 'school-de-brug' | 'school-de-horizon';
  /** Nobody registered this person (werk-mbo): A1's number and birth date are typed, not prefilled. */
  unregistered?: true;
  klas?: string;
  leerjaar?: number;
  guardian?: { id: string; naam: string; email: string; relatie: string };
  /** B1 as the mentors filled it (leerling-specifiek). */
  begeleiding?: SectionAnswers;
  dossier?: {
    type: Dossier['type'];
    status: DossierStatus;
    archived?: boolean;
    mentorId?: string;
    startedDaysAgo: number;
    /** A7: the programme chosen from the example catalogue. */
    choice?: { brin: string; crebo: string; leerweg?: 'BOL' | 'BBL' };
    answers: Record<string, SectionAnswers>;
  };
}

interface Basics {
  roepnaam: string;
  voornamen: string;
  voorletters: string;
  tussenvoegsel?: string;
  achternaam: string;
  geslacht: 'man' | 'vrouw' | 'anders';
  bsn: string;
  email: string;
  telefoon: string;
  mobiel?: string;
  straat: string;
  huisnummer: string;
  postcode: string;
  woonplaats: string;
}

function persoonlijk(b: Basics, geboortedatum: string): SectionAnswers {
  return {
    nummerSoort: 'bsn',
    bsn: b.bsn,
    roepnaam: b.roepnaam,
    voornamen: b.voornamen,
    voorletters: b.voorletters,
    ...(b.tussenvoegsel ? { tussenvoegsel: b.tussenvoegsel } : {}),
    achternaam: b.achternaam,
    geboortedatum,
    geslacht: b.geslacht,
    email: b.email,
    telefoon: b.telefoon,
    telefoonGeheim: false,
    ...(b.mobiel ? { mobiel: b.mobiel, mobielGeheim: true } : {}),
    straat: b.straat,
    huisnummer: b.huisnummer,
    postcode: b.postcode,
    woonplaats: b.woonplaats,
  };
}

const herkomstDeBrug = (klas: string, leerweg: string, sector: string, vakken: string[]): SectionAnswers => ({
  schoolnaam: 'Vmbo De Brug',
  schoolsoort: 'vmbo',
  leerweg,
  sector,
  examenvakken: ['Nederlands', 'Engels', 'wiskunde', ...vakken],
  klas,
  verwachtDiploma: 'ja',
});

const codes = ['samenwerken', 'communiceren', 'plannen', 'zelfstandig', 'doorzetten', 'feedback', 'creativiteit', 'verantwoordelijkheid'];
const competenties = (scores: ReadonlyArray<number | '?'>): SectionAnswers => Object.fromEntries(scores.map((score, i) => [codes[i]!, score]));

const geenOndersteuning: SectionAnswers = {
  hulpTaal: false,
  hulpRekenen: false,
  dyslexie: false,
  dyscalculie: false,
  faalangst: false,
  concentratie: false,
  fysiekeBeperking: false,
  onderzoek: false,
};

const begeleidingNee: SectionAnswers = {
  extraNederlands: false,
  extraRekenen: false,
  nodigNederlands: false,
  nodigRekenen: false,
  extraAndereVakken: false,
  verzuim: false,
  lwoo: false,
  passendOnderwijs: false,
  leerplichtRmc: false,
  warmeOverdracht: false,
};

const advies = (advice: string): SectionAnswers => ({ pastKeuze: 'ja', advies: advice, naderContact: false, eensMetDeelA: true, mentorAkkoord: true });

/** Everyone, with birth dates from `born(age, daysSinceBirthday)` so the ages hold on any `today`. */
export function people(born: (years: number, daysSinceBirthday: number) => string): ExamplePerson[] {
  const sam = born(17, 40);
  const noor = born(15, 10);
  const daan = born(19, 20);
  const lisa = born(16, 5);
  const mohammed = born(16, 30);
  const emma = born(16, 15);
  const tim = born(17, 25);
  const yara = born(18, 45);
  const olena = born(16, 80);

  return [
    {
      id: 'student-sam',
      naam: 'Sam Jansen',
      email: 'sam.jansen@mail.example',
      bsn: '234567818',
      geboortedatum: sam,
      school: 'school-de-brug',
      klas: '4B',
      leerjaar: 4,
      guardian: { id: 'guardian-jansen', naam: 'Petra Jansen', email: 'petra.jansen@mail.example', relatie: 'moeder' },
      begeleiding: { ...begeleidingNee, extraRekenen: true, extraRekenenToelichting: 'Rekenbijles in klas 3, nu op niveau 2F.' },
      dossier: {
        type: 'vo-mbo',
        status: 'afgerond',
        mentorId: 'mentor-de-vries',
        startedDaysAgo: 45,
        choice: { brin: '25LH', crebo: '25242' },
        answers: {
          persoonlijk: persoonlijk(
            {
              roepnaam: 'Sam',
              voornamen: 'Samuel Pieter',
              voorletters: 'S.P.',
              achternaam: 'Jansen',
              geslacht: 'man',
              bsn: '234567818',
              email: 'sam.jansen@mail.example',
              telefoon: '+31 30 271 4455',
              mobiel: '+31 6 41 22 87 90',
              straat: 'Kanaalweg',
              huisnummer: '112',
              postcode: '3526 KM',
              woonplaats: 'Utrecht',
            },
            sam,
          ),
          thuis: {
            woonsituatie: 'eenOuder',
            ouders: [{ naam: 'Petra Jansen', relatie: 'moeder', telefoon: '+31 6 28 44 10 73', email: 'petra.jansen@mail.example' }],
            vrijeTijd: 'Sleutelen aan brommers met mijn oom en voetballen bij Hercules.',
            bijbaan: true,
            bijbaanOmschrijving: 'Bandenwissel en poetsen bij een garage, zaterdag',
          },
          herkomst: herkomstDeBrug('4B', 'kader', 'PIE', ['economie', 'beroepsgericht profielvak']),
          competenties: competenties([3, 2, 2, 3, 4, 3, 2, 3]),
          ervaring: {
            ervaring: [
              { soort: 'stage', organisatie: 'Autobedrijf Van Dam', plaats: 'Nieuwegein', werkzaamheden: 'Kleine beurten, banden wisselen en de werkplaats opruimen.', periode: 'feb – mrt 2026' },
              { soort: 'werk', organisatie: 'Garage Oog in Al', plaats: 'Utrecht', werkzaamheden: 'Auto’s wassen en helpen bij de bandenwissel.' },
            ],
          },
          ondersteuning: { ...geenOndersteuning, hulpRekenen: true },
          voorbereiding: { openDag: true, meeloopdag: true, gesprekDecaan: true, beroepentest: false, studiekeuzecheck: true },
          motivatie: {
            waarom: 'Ik ben altijd al met motoren en auto’s bezig. Op de meeloopdag vond ik het leuk om storingen te zoeken met de computer.',
            later: 'Eerste autotechnicus en later misschien een eigen garage',
          },
          advies: advies('Sam is praktisch sterk en gemotiveerd. BOL past; let op plannen van huiswerk.'),
          akkoordverklaring: { akkoord: 'ja', delen: ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'voorbereiding', 'motivatie', 'advies'], toestemming: true },
          ouderToestemming: { naam: 'Petra Jansen', relatie: 'moeder', toestemming: true },
        },
      },
    },
    {
      id: 'student-noor',
      naam: 'Noor El Idrissi',
      email: 'noor.elidrissi@mail.example',
      bsn: '305284174',
      geboortedatum: noor,
      school: 'school-de-brug',
      klas: '3A',
      leerjaar: 3,
      guardian: { id: 'guardian-el-idrissi', naam: 'Karim El Idrissi', email: 'k.elidrissi@mail.example', relatie: 'vader' },
      dossier: {
        type: 'vo-mbo',
        status: 'concept',
        startedDaysAgo: 12,
        answers: {
          persoonlijk: persoonlijk(
            {
              roepnaam: 'Noor',
              voornamen: 'Noor Yasmina',
              voorletters: 'N.Y.',
              achternaam: 'El Idrissi',
              geslacht: 'vrouw',
              bsn: '305284174',
              email: 'noor.elidrissi@mail.example',
              telefoon: '+31 30 262 1180',
              straat: 'Amsterdamsestraatweg',
              huisnummer: '415 bis',
              postcode: '3551 CL',
              woonplaats: 'Utrecht',
            },
            noor,
          ),
          thuis: {
            woonsituatie: 'beideOuders',
            ouders: [
              { naam: 'Karim El Idrissi', relatie: 'vader', telefoon: '+31 6 31 90 45 12', email: 'k.elidrissi@mail.example' },
              { naam: 'Samira El Idrissi', relatie: 'moeder', telefoon: '+31 6 50 12 77 39', email: 's.elidrissi@mail.example' },
            ],
            vrijeTijd: 'Oppassen op mijn nichtjes en turnen.',
            bijbaan: false,
          },
          herkomst: { schoolnaam: 'Vmbo De Brug', schoolsoort: 'vmbo', leerweg: 'gemengd', klas: '3A' },
          competenties: competenties([4, 3, '?', 3]),
        },
      },
    },
    {
      id: 'student-daan',
      naam: 'Daan Verhoeven',
      email: 'daan.verhoeven@mail.example',
      bsn: '416520935',
      geboortedatum: daan,
      unregistered: true,
      dossier: {
        type: 'werk-mbo',
        status: 'akkoord',
        startedDaysAgo: 20,
        choice: { brin: '25LH', crebo: '25371', leerweg: 'BBL' },
        answers: {
          persoonlijk: persoonlijk(
            {
              roepnaam: 'Daan',
              voornamen: 'Daan Willem',
              voorletters: 'D.W.',
              achternaam: 'Verhoeven',
              geslacht: 'man',
              bsn: '416520935',
              email: 'daan.verhoeven@mail.example',
              telefoon: '+31 6 19 55 20 84',
              straat: 'Dasseweide',
              huisnummer: '7',
              postcode: '3437 AB',
              woonplaats: 'Nieuwegein',
            },
            daan,
          ),
          thuis: { woonsituatie: 'zelfstandig', vrijeTijd: 'Fitness en gamen met vrienden.', bijbaan: true, bijbaanOmschrijving: 'Orderpicker via een uitzendbureau, 32 uur per week' },
          herkomst: { schoolnaam: 'Cals College Nieuwegein', schoolsoort: 'vmbo', leerweg: 'basis', sector: 'economie', examenvakken: ['Nederlands', 'Engels', 'economie'], diplomaGehaald: false },
          competenties: competenties([3, 3, 2, 4, 3, 2, 2, 3]),
          ervaring: {
            ervaring: [
              { soort: 'werk', organisatie: 'Distributiecentrum Nieuwegein', plaats: 'Nieuwegein', werkzaamheden: 'Orders verzamelen met de scanner en vrachtwagens laden.', periode: '2024 – nu' },
            ],
          },
          ondersteuning: { ...geenOndersteuning, concentratie: true, concentratieToelichting: 'Ik werk beter met korte opdrachten en pauzes.' },
          voorbereiding: { openDag: true, meeloopdag: false, gesprekDecaan: false, beroepentest: true },
          motivatie: { waarom: 'Ik werk al twee jaar in een magazijn en wil een diploma halen terwijl ik werk. Met BBL kan dat.', later: 'Teamleider logistiek' },
        },
      },
    },
    {
      id: 'student-lisa',
      naam: 'Lisa de Graaf',
      email: 'lisa.degraaf@mail.example',
      bsn: '527631048',
      geboortedatum: lisa,
      school: 'school-de-brug',
      klas: '4B',
      leerjaar: 4,
      guardian: { id: 'guardian-de-graaf', naam: 'Marieke de Graaf', email: 'marieke.degraaf@mail.example', relatie: 'moeder' },
      dossier: {
        type: 'vo-mbo',
        status: 'bijMentor',
        mentorId: 'mentor-de-vries',
        startedDaysAgo: 25,
        choice: { brin: '25LH', crebo: '25491' },
        answers: {
          persoonlijk: persoonlijk(
            {
              roepnaam: 'Lisa',
              voornamen: 'Lisa Maria',
              voorletters: 'L.M.',
              tussenvoegsel: 'de',
              achternaam: 'Graaf',
              geslacht: 'vrouw',
              bsn: '527631048',
              email: 'lisa.degraaf@mail.example',
              telefoon: '+31 30 233 9012',
              mobiel: '+31 6 44 18 20 96',
              straat: 'Biltstraat',
              huisnummer: '88a',
              postcode: '3572 BH',
              woonplaats: 'Utrecht',
            },
            lisa,
          ),
          thuis: {
            woonsituatie: 'beideOuders',
            ouders: [{ naam: 'Marieke de Graaf', relatie: 'moeder', telefoon: '+31 6 23 45 71 08', email: 'marieke.degraaf@mail.example' }],
            vrijeTijd: 'Vrijwilligerswerk bij de zorgboerderij en hockey.',
            bijbaan: true,
            bijbaanOmschrijving: 'Afwashulp in een verpleeghuis, 6 uur per week',
          },
          herkomst: herkomstDeBrug('4B', 'kader', 'ZW', ['biologie', 'beroepsgericht profielvak']),
          competenties: competenties([4, 4, 3, 3, 3, 3, 2, 4]),
          ervaring: {
            ervaring: [
              { soort: 'stage', organisatie: 'Woonzorgcentrum Tuindorp', plaats: 'Utrecht', werkzaamheden: 'Helpen bij de koffie, wandelen met bewoners en activiteiten.', periode: 'okt 2026' },
            ],
          },
          ondersteuning: { ...geenOndersteuning, faalangst: true, faalangstToelichting: 'Faalangstreductietraining gevolgd in klas 3.' },
          voorbereiding: { openDag: true, meeloopdag: true, gesprekDecaan: true, beroepentest: true },
          motivatie: { waarom: 'Ik zorg graag voor mensen. Tijdens mijn stage merkte ik dat ouderen blij worden als je tijd voor ze neemt.' },
        },
      },
    },
    {
      id: 'student-mohammed',
      naam: 'Mohammed Amrani',
      email: 'mohammed.amrani@mail.example',
      bsn: '638742158',
      geboortedatum: mohammed,
      school: 'school-de-brug',
      klas: '4A',
      leerjaar: 4,
      guardian: { id: 'guardian-amrani', naam: 'Fatima Amrani', email: 'f.amrani@mail.example', relatie: 'moeder' },
      begeleiding: { ...begeleidingNee, extraNederlands: true, extraNederlandsToelichting: 'Extra taallessen in klas 2 en 3.', nodigNederlands: true },
      dossier: {
        type: 'vo-mbo',
        status: 'deelB',
        mentorId: 'mentor-yilmaz',
        startedDaysAgo: 30,
        choice: { brin: '25PZ', crebo: '25201' },
        answers: {
          persoonlijk: persoonlijk(
            {
              roepnaam: 'Mo',
              voornamen: 'Mohammed',
              voorletters: 'M.',
              achternaam: 'Amrani',
              geslacht: 'man',
              bsn: '638742158',
              email: 'mohammed.amrani@mail.example',
              telefoon: '+31 30 294 6671',
              straat: 'Croeselaan',
              huisnummer: '21-3',
              postcode: '3521 BJ',
              woonplaats: 'Utrecht',
            },
            mohammed,
          ),
          thuis: {
            woonsituatie: 'beideOuders',
            ouders: [{ naam: 'Fatima Amrani', relatie: 'moeder', telefoon: '+31 6 12 87 33 40', email: 'f.amrani@mail.example' }],
            vrijeTijd: 'Video’s monteren voor mijn YouTube-kanaal en tekenen.',
            bijbaan: false,
          },
          herkomst: herkomstDeBrug('4A', 'theoretisch', 'EO', ['economie', 'kunstvakken 1 (CKV)', 'beeldende vakken']),
          competenties: competenties([3, 3, 2, 4, 3, 3, 4, 3]),
          ervaring: { geenErvaring: true },
          ondersteuning: { ...geenOndersteuning, hulpTaal: true },
          voorbereiding: { openDag: true, meeloopdag: false, gesprekDecaan: true, beroepentest: false },
          motivatie: { waarom: 'Ik maak al jaren filmpjes en posters. Ik wil leren hoe je dat voor echte klanten doet.', later: 'Motion designer' },
          advies: { pastKeuze: 'ja', advies: 'Creatief en zelfstandig; Nederlands blijft een aandachtspunt.' },
        },
      },
    },
    {
      id: 'student-emma',
      naam: 'Emma Bakker',
      email: 'emma.bakker@mail.example',
      bsn: '749853268',
      geboortedatum: emma,
      school: 'school-de-brug',
      klas: '4A',
      leerjaar: 4,
      guardian: { id: 'guardian-bakker', naam: 'Jeroen Bakker', email: 'jeroen.bakker@mail.example', relatie: 'vader' },
      begeleiding: begeleidingNee,
      dossier: {
        type: 'vo-mbo',
        status: 'akkoord',
        mentorId: 'mentor-yilmaz',
        startedDaysAgo: 35,
        choice: { brin: '25LH', crebo: '25486' },
        answers: {
          persoonlijk: persoonlijk(
            {
              roepnaam: 'Emma',
              voornamen: 'Emma Johanna',
              voorletters: 'E.J.',
              achternaam: 'Bakker',
              geslacht: 'vrouw',
              bsn: '749853268',
              email: 'emma.bakker@mail.example',
              telefoon: '+31 30 256 7788',
              mobiel: '+31 6 38 91 02 57',
              straat: 'Vleutenseweg',
              huisnummer: '230',
              postcode: '3532 HM',
              woonplaats: 'Utrecht',
            },
            emma,
          ),
          thuis: {
            woonsituatie: 'beideOuders',
            ouders: [{ naam: 'Jeroen Bakker', relatie: 'vader', telefoon: '+31 6 27 70 14 93', email: 'jeroen.bakker@mail.example' }],
            vrijeTijd: 'Leiding geven bij de scouting en zingen in een koor.',
            bijbaan: true,
            bijbaanOmschrijving: 'Oppassen bij twee gezinnen in de buurt',
          },
          herkomst: herkomstDeBrug('4A', 'gemengd', 'ZW', ['biologie', 'maatschappijkunde']),
          competenties: competenties([4, 4, 3, 3, 4, 3, 3, 4]),
          ervaring: {
            ervaring: [{ soort: 'stage', organisatie: 'Kinderopvang De Zonnebloem', plaats: 'Utrecht', werkzaamheden: 'Spelletjes doen met peuters en helpen bij het eten.', periode: 'jan 2026' }],
          },
          ondersteuning: {
            ...geenOndersteuning,
            dyslexie: true,
            dyslexieToelichting: 'Dyslexieverklaring; ik krijg extra tijd bij toetsen.',
            onderzoek: true,
            onderzoekWelke: 'Dyslexieonderzoek in 2025',
          },
          voorbereiding: { openDag: true, meeloopdag: true, gesprekDecaan: true, beroepentest: true, studiekeuzecheck: true },
          motivatie: { waarom: 'Bij de scouting merk ik hoe leuk ik het vind om met kinderen te werken en ze iets te leren.', later: 'Pedagogisch medewerker of leerkracht' },
          advies: advies('Emma is betrokken en verantwoordelijk. Zij past goed bij deze opleiding.'),
        },
      },
    },
    {
      id: 'student-tim',
      naam: 'Tim Hendriks',
      email: 'tim.hendriks@mail.example',
      bsn: '182736453',
      geboortedatum: tim,
      school: 'school-de-brug',
      klas: '4C',
      leerjaar: 4,
      guardian: { id: 'guardian-hendriks', naam: 'Anouk Hendriks', email: 'anouk.hendriks@mail.example', relatie: 'moeder' },
      dossier: {
        type: 'vo-mbo',
        status: 'concept',
        archived: true,
        startedDaysAgo: 60,
        choice: { brin: '00GT', crebo: '25180' },
        answers: {
          persoonlijk: persoonlijk(
            {
              roepnaam: 'Tim',
              voornamen: 'Tim',
              voorletters: 'T.',
              achternaam: 'Hendriks',
              geslacht: 'man',
              bsn: '182736453',
              email: 'tim.hendriks@mail.example',
              telefoon: '+31 30 288 1200',
              straat: 'Zonstraat',
              huisnummer: '5',
              postcode: '3581 AK',
              woonplaats: 'Utrecht',
            },
            tim,
          ),
          motivatie: { waarom: 'Ik kook thuis vaak voor het hele gezin en wil dat echt leren.' },
        },
      },
    },
    {
      id: 'student-yara',
      naam: 'Yara Bos',
      email: 'yara.bos@mail.example',
      bsn: '293847563',
      geboortedatum: yara,
      // Yara's father is still in the school's records, but at 18 she decides alone.
      guardian: { id: 'guardian-bos', naam: 'Henk Bos', email: 'henk.bos@mail.example', relatie: 'vader' },
      dossier: {
        type: 'mbo-mbo',
        status: 'afgerond',
        startedDaysAgo: 40,
        choice: { brin: '00GT', crebo: '25473' },
        answers: {
          persoonlijk: persoonlijk(
            {
              roepnaam: 'Yara',
              voornamen: 'Yara Sophie',
              voorletters: 'Y.S.',
              achternaam: 'Bos',
              geslacht: 'vrouw',
              bsn: '293847563',
              email: 'yara.bos@mail.example',
              telefoon: '+31 10 412 3344',
              straat: 'Nieuwe Binnenweg',
              huisnummer: '301',
              postcode: '3021 GJ',
              woonplaats: 'Rotterdam',
            },
            yara,
          ),
          thuis: { woonsituatie: 'zelfstandig', vrijeTijd: 'Hardlopen en koken met vriendinnen.', bijbaan: true, bijbaanOmschrijving: 'Kassamedewerker bij een drogist' },
          herkomst: { schoolnaam: 'ROC van Amsterdam', schoolsoort: 'mbo', examenvakken: ['Nederlands', 'Engels'], klas: 'MS1A', verwachtDiploma: 'nee' },
          competenties: competenties([3, 4, 3, 3, 2, 3, 2, 3]),
          ervaring: { ervaring: [{ soort: 'werk', organisatie: 'Drogisterij aan de Binnenweg', plaats: 'Rotterdam', werkzaamheden: 'Klanten helpen, kassa en vakken vullen.' }] },
          ondersteuning: geenOndersteuning,
          voorbereiding: { openDag: true, meeloopdag: true, gesprekDecaan: false, beroepentest: false },
          motivatie: { waarom: 'Op mijn huidige opleiding mis ik het contact met patiënten. In de huisartsenpraktijk van mijn tante zag ik dat dit beter past.' },
          akkoordverklaring: { akkoord: 'ja', delen: ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'voorbereiding', 'motivatie'], toestemming: true },
        },
      },
    },
    {
      id: 'student-milan',
      naam: 'Milan Koster',
      email: 'milan.koster@mail.example',
      bsn: '314159265',
      geboortedatum: born(16, 50),
      school: 'school-de-brug',
      klas: '4C',
      leerjaar: 4,
      guardian: { id: 'guardian-koster', naam: 'Wendy Koster', email: 'wendy.koster@mail.example', relatie: 'moeder' },
      // The mentor filled B1 before Milan started deel A (spec §4).
      begeleiding: {
        ...begeleidingNee,
        lwoo: true,
        lwooToelichting: 'LWOO-indicatie sinds klas 1.',
        warmeOverdracht: true,
        contactpersoon: 'Mevrouw L. Visser',
        functie: 'Zorgcoördinator',
        contactEmail: 'l.visser@debrug.example',
        contactTelefoon: '+31 30 123 4567',
        beschikbaarOp: 'maandag en donderdag',
      },
    },
    {
      // A newcomer at an ISK without a BSN: DUO gave her an onderwijsnummer. Her school keeps no
      // mentor roster, so she types her mentor's name and e-mail.
      id: 'student-olena',
      naam: 'Olena Kovalenko',
      email: 'olena.kovalenko@mail.example',
      onderwijsnummer: '101222331',
      geboortedatum: olena,
      school: 'school-de-horizon',
      klas: 'ISK-2',
      leerjaar: 2,
      guardian: { id: 'guardian-kovalenko', naam: 'Iryna Kovalenko', email: 'iryna.kovalenko@mail.example', relatie: 'moeder' },
    },
  ];
}
