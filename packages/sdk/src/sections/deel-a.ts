import { codelists } from '../data/codelists.js';
import { optionsFrom, repeat, sensitive, sensitiveWithNote, t, textQuestion, whenYes, yesNo } from './build.js';
import type { Question, SectionDefinition } from './types.js';

const allTypes = ['vo-mbo', 'mbo-mbo', 'werk-mbo'] as const;

const persoonlijk: SectionDefinition = {
  id: 'persoonlijk',
  code: 'A1',
  part: 'A',
  scope: 'leerling',
  title: t('Persoonlijke gegevens', 'Personal details'),
  intro: t('Deze gegevens moet je school doorgeven aan het mbo. Controleer of ze kloppen.', 'Your school has to pass these details on to the MBO. Check that they are correct.'),
  contents: t(
    'Je roepnaam, voornamen, e-mailadres, telefoonnummers en adres. Je BSN, naam en geboortedatum gaan altijd mee.',
    'Your first name, given names, email address, phone numbers and address. Your BSN, name and date of birth always go along.',
  ),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    {
      kind: 'choice',
      id: 'nummerSoort',
      label: t('Welk nummer heb je?', 'Which number do you have?'),
      help: t(
        'Heb je geen BSN? Dan heb je een onderwijsnummer. Je school weet welk nummer je hebt.',
        'No BSN? Then you have an education number (onderwijsnummer). Your school knows which number you have.',
      ),
      required: true,
      prefilled: true,
      sharing: 'verplicht',
      options: [
        { value: 'bsn', label: t('Een burgerservicenummer (BSN)', 'A citizen service number (BSN)') },
        { value: 'onderwijsnummer', label: t('Een onderwijsnummer', 'An education number (onderwijsnummer)') },
      ],
    },
    textQuestion('bsn', t('Burgerservicenummer (BSN)', 'Citizen service number (BSN)'), {
      format: 'bsn',
      prefilled: true,
      sharing: 'verplicht',
      when: { question: 'nummerSoort', notEquals: 'onderwijsnummer' },
      help: t('Je BSN heeft 9 cijfers. Je vindt het op je paspoort, je ID-kaart of je verblijfsdocument.', 'Your BSN has 9 digits. It is on your passport, your ID card or your residence document.'),
      autocomplete: 'off',
    }),
    textQuestion('onderwijsnummer', t('Onderwijsnummer', 'Education number (onderwijsnummer)'), {
      format: 'onderwijsnummer',
      prefilled: true,
      sharing: 'verplicht',
      when: { question: 'nummerSoort', equals: 'onderwijsnummer' },
      help: t('Je onderwijsnummer heeft 9 cijfers en begint met 10. Je school kan het je geven.', 'Your education number has 9 digits and starts with 10. Your school can give it to you.'),
      autocomplete: 'off',
    }),
    textQuestion('roepnaam', t('Roepnaam', 'First name you use'), {
      help: t('De naam die mensen gebruiken als ze je aanspreken.', 'The name people call you by.'),
      autocomplete: 'nickname',
      maxLength: 100,
    }),
    textQuestion('voornamen', t('Voornamen', 'Given names'), {
      help: t('Al je voornamen, zoals in je paspoort.', 'All your given names, as in your passport.'),
      autocomplete: 'given-name',
      maxLength: 200,
    }),
    textQuestion('voorletters', t('Voorletters', 'Initials'), {
      format: 'initials',
      sharing: 'verplicht',
      help: t('De eerste letter van elke voornaam, met een punt erachter. Bijvoorbeeld S.J.', 'The first letter of each given name, with a full stop after it. For example S.J.'),
      autocomplete: 'off',
      maxLength: 20,
    }),
    textQuestion('tussenvoegsel', t('Tussenvoegsel', 'Name prefix'), {
      required: false,
      sharing: 'verplicht',
      help: t(
        'Het woordje voor je achternaam, zoals van, de of van der. Heb je dat niet? Laat dit dan leeg.',
        'The little word before your surname, such as van, de or van der. If you have none, leave this empty.',
      ),
      autocomplete: 'additional-name',
      maxLength: 30,
    }),
    textQuestion('achternaam', t('Achternaam', 'Surname'), { sharing: 'verplicht', autocomplete: 'family-name', maxLength: 200 }),
    { kind: 'date', id: 'geboortedatum', label: t('Geboortedatum', 'Date of birth'), required: true, birthDate: true, sharing: 'verplicht', autocomplete: 'bday' },
    { kind: 'choice', id: 'geslacht', label: t('Geslacht', 'Gender'), required: true, sharing: 'verplicht', autocomplete: 'sex', options: optionsFrom(codelists.geslacht) },
    textQuestion('email', t('E-mailadres', 'Email address'), { format: 'email', prefilled: true, autocomplete: 'email', maxLength: 254 }),
    textQuestion('telefoon', t('Telefoonnummer', 'Phone number'), {
      format: 'phone',
      help: t('Schrijf het zoals je wilt, bijvoorbeeld 06 12345678 of 010-1234567.', 'Write it any way you like, for example 06 12345678 or +31 10 123 4567.'),
      autocomplete: 'tel',
    }),
    yesNo('telefoonGeheim', t('Is dit nummer geheim?', 'Is this number private?'), {
      help: t('Een geheim nummer geeft het mbo niet aan anderen.', 'The MBO does not give a private number to anyone else.'),
    }),
    textQuestion('mobiel', t('Mobiel nummer', 'Mobile number'), { required: false, format: 'phone', autocomplete: 'tel' }),
    yesNo('mobielGeheim', t('Is je mobiele nummer geheim?', 'Is your mobile number private?'), { when: { question: 'mobiel', answered: true } }),
    textQuestion('straat', t('Straat', 'Street'), { autocomplete: 'address-line1', maxLength: 200 }),
    textQuestion('huisnummer', t('Huisnummer', 'House number'), {
      format: 'houseNumber',
      help: t('Met de letter of het nummer erachter als je dat hebt, bijvoorbeeld 12a.', 'With the letter or number after it if you have one, for example 12a.'),
      autocomplete: 'address-line2',
      maxLength: 20,
    }),
    textQuestion('postcode', t('Postcode', 'Postcode'), {
      format: 'postcode',
      help: t('4 cijfers en 2 letters, bijvoorbeeld 1234 AB.', '4 digits and 2 letters, for example 1234 AB.'),
      autocomplete: 'postal-code',
    }),
    textQuestion('woonplaats', t('Woonplaats', 'Town or city'), { autocomplete: 'address-level2', maxLength: 100 }),
  ],
};

const ouderQuestions: Question[] = [
  textQuestion('naam', t('Naam', 'Name'), { autocomplete: 'off', maxLength: 200 }),
  { kind: 'choice', id: 'relatie', label: t('Relatie tot jou', 'Relation to you'), required: true, options: optionsFrom(codelists.relatieTotLeerling) },
  textQuestion('telefoon', t('Telefoonnummer', 'Phone number'), { format: 'phone', autocomplete: 'off' }),
  textQuestion('email', t('E-mailadres', 'Email address'), { format: 'email', autocomplete: 'off', maxLength: 254 }),
];

const thuis: SectionDefinition = {
  id: 'thuis',
  code: 'A2',
  part: 'A',
  scope: 'leerling',
  title: t('Familie, wonen en vrije tijd', 'Family, home and free time'),
  contents: t('Bij wie je woont, je ouders of verzorgers, je vrije tijd en je bijbaan.', 'Who you live with, your parents or carers, your free time and your side job.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    {
      kind: 'choice',
      id: 'woonsituatie',
      label: t('Bij wie woon je?', 'Who do you live with?'),
      required: true,
      options: [
        { value: 'beideOuders', label: t('Bij mijn ouders', 'With my parents') },
        { value: 'eenOuder', label: t('Bij één ouder', 'With one parent') },
        { value: 'zelfstandig', label: t('Zelfstandig', 'On my own') },
        { value: 'anders', label: t('Anders', 'Other') },
      ],
    },
    repeat('ouders', t('Ouders of verzorgers', 'Parents or carers'), t('Ouder of verzorger', 'Parent or carer'), ouderQuestions, {
      maxItems: 2,
      help: t(
        'Ben je jonger dan 18? Dan geeft je ouder of verzorger ook toestemming. Daarom hebben we hun gegevens nodig.',
        'Are you under 18? Then your parent or carer also gives consent. That is why we need their details.',
      ),
      required: false,
      requiredWhen: { guardianConsentNeeded: true },
    }),
    textQuestion('vrijeTijd', t('Wat doe je in je vrije tijd?', 'What do you do in your free time?'), {
      multiline: true,
      maxLength: 2000,
      help: t('Bijvoorbeeld sport, muziek, gamen of oppassen.', 'For example sport, music, gaming or babysitting.'),
    }),
    yesNo('bijbaan', t('Heb je een bijbaan?', 'Do you have a side job?')),
    textQuestion('bijbaanOmschrijving', t('Wat voor bijbaan?', 'What kind of side job?'), {
      when: whenYes('bijbaan'),
      maxLength: 500,
      help: t('Wat je doet en hoeveel uur per week.', 'What you do and how many hours a week.'),
    }),
  ],
};

const herkomst: SectionDefinition = {
  id: 'herkomst',
  code: 'A3',
  part: 'A',
  scope: 'leerling',
  title: t('School van herkomst', 'Current or last school'),
  intro: t('De school waar je nu op zit. Zit je niet meer op school? Vul dan je laatste school in.', 'The school you go to now. Not at school any more? Then fill in your last school.'),
  contents: t('Je school, je klas, je vakken en of je dit jaar je diploma verwacht.', 'Your school, your class, your subjects and whether you expect your diploma this year.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    textQuestion('schoolnaam', t('Naam van je school', 'Name of your school'), { autocomplete: 'organization', maxLength: 200 }),
    { kind: 'choice', id: 'schoolsoort', label: t('Soort school', 'Type of school'), required: true, options: optionsFrom(codelists.schoolsoort) },
    {
      kind: 'choice',
      id: 'leerweg',
      label: t('Leerweg', 'Track'),
      help: t('De leerweg is het soort vmbo dat je doet. Het staat op je rapport.', 'The track (leerweg) is the kind of vmbo you do. It is on your school report.'),
      required: true,
      when: { question: 'schoolsoort', equals: 'vmbo' },
      options: optionsFrom(codelists.leerwegVmbo),
    },
    {
      kind: 'choice',
      id: 'sector',
      label: t('Profiel of sector', 'Profile or sector'),
      help: t('Weet je het niet zeker? Kies dan Intersectoraal.', 'Not sure? Choose cross-sector.'),
      required: true,
      when: { question: 'schoolsoort', equals: 'vmbo' },
      // Current vmbo profielen first; the old sectors remain for students with an older diploma.
      options: [
        ...optionsFrom(codelists.profielVmbo),
        ...optionsFrom(codelists.sectorVmbo).map((option) =>
          option.value === 'intersectoraal' ? option : { ...option, label: t(`${option.label.nl} (sector, oude indeling)`, option.label.en && `${option.label.en} (sector, old system)`) },
        ),
      ],
    },
    {
      kind: 'choice',
      id: 'profiel',
      label: t('Profiel', 'Profile'),
      required: true,
      when: { question: 'schoolsoort', oneOf: ['havo', 'vwo'] },
      options: optionsFrom(codelists.profielHavoVwo),
    },
    {
      kind: 'multiChoice',
      id: 'examenvakken',
      label: t('Examenvakken', 'Exam subjects'),
      help: t('Kies de vakken die je weet. Een onvolledige lijst is goed.', 'Choose the subjects you know. An incomplete list is fine.'),
      required: true,
      options: codelists.examenvakVmbo.map((vak) => ({ value: vak, label: t(vak, vak) })),
    },
    // Someone out of school for a year or more (werk-mbo) has no klas and no diploma coming this year.
    textQuestion('klas', t('Klas', 'Class'), { autocomplete: 'off', maxLength: 20, when: { dossierType: ['vo-mbo', 'mbo-mbo'] } }),
    {
      kind: 'choice',
      id: 'verwachtDiploma',
      label: t('Verwacht je dit jaar je diploma te halen?', 'Do you expect to get your diploma this year?'),
      required: true,
      when: { dossierType: ['vo-mbo', 'mbo-mbo'] },
      options: [
        { value: 'ja', label: t('Ja', 'Yes') },
        { value: 'nee', label: t('Nee', 'No') },
        { value: 'weetNiet', label: t('Weet ik niet', "Don't know") },
      ],
    },
    yesNo('diplomaGehaald', t('Heb je op die school je diploma gehaald?', 'Did you get your diploma at that school?'), { when: { dossierType: ['werk-mbo'] } }),
  ],
};

/** A4's questions come from the region's competence list; see `buildSections`. */
const competenties: SectionDefinition = {
  id: 'competenties',
  code: 'A4',
  part: 'A',
  scope: 'leerling',
  title: t('Competenties', 'Competences'),
  intro: t(
    'Hoe goed ben je hierin? Kies wat het best bij je past. Weet je het echt niet? Kies dan "Weet ik niet".',
    'How good are you at this? Choose what fits you best. Really not sure? Choose "Don\'t know".',
  ),
  contents: t('Hoe goed je bent in bijvoorbeeld samenwerken en plannen.', 'How good you are at things like working together and planning.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [],
};

const ervaring: SectionDefinition = {
  id: 'ervaring',
  code: 'A5',
  part: 'A',
  scope: 'leerling',
  title: t('Stages, werk en trainingen', 'Internships, work and training'),
  contents: t('Je stages, je werk en je trainingen.', 'Your internships, your work and your training.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    { kind: 'confirm', id: 'geenErvaring', label: t('Ik heb nog geen stage, werk of training gedaan', 'I have not done an internship, work or training yet'), required: false },
    repeat(
      'ervaring',
      t('Je ervaring', 'Your experience'),
      t('Ervaring', 'Experience'),
      [
        { kind: 'choice', id: 'soort', label: t('Soort', 'Kind'), required: true, options: optionsFrom(codelists.ervaringSoort) },
        textQuestion('organisatie', t('Bedrijf of organisatie', 'Company or organisation'), { autocomplete: 'off', maxLength: 200 }),
        textQuestion('plaats', t('Plaats', 'Place'), { autocomplete: 'off', maxLength: 100 }),
        textQuestion('werkzaamheden', t('Wat deed je daar?', 'What did you do there?'), { multiline: true, maxLength: 2000 }),
        textQuestion('periode', t('Periode', 'Period'), {
          required: false,
          help: t('Van wanneer tot wanneer, bijvoorbeeld september tot januari.', 'From when to when, for example September to January.'),
          maxLength: 100,
        }),
      ],
      { minItems: 1, when: { question: 'geenErvaring', notEquals: true } },
    ),
  ],
};

const ondersteuning: SectionDefinition = {
  id: 'ondersteuning',
  code: 'A6',
  part: 'A',
  scope: 'leerling',
  title: t('Ondersteuning', 'Support'),
  intro: t(
    'Zo weet het mbo welke hulp bij je past. Je mag vragen overslaan. Jij kiest straks of het mbo dit mag zien.',
    'This helps the MBO know what support suits you. You may skip questions. You will choose later whether the MBO may see this.',
  ),
  contents: t('Hulp die je kreeg of nodig hebt, bijvoorbeeld bij dyslexie of faalangst.', 'Help you got or need, for example with dyslexia or fear of failure.'),
  optional: true,
  sharing: 'optIn',
  dossierTypes: allTypes,
  questions: [
    sensitive('hulpTaal', t('Heb je extra hulp gehad bij taal?', 'Did you get extra help with language?')),
    sensitive('hulpRekenen', t('Heb je extra hulp gehad bij rekenen?', 'Did you get extra help with maths?')),
    ...sensitiveWithNote('dyslexie', t('Heb je dyslexie?', 'Do you have dyslexia?')),
    ...sensitiveWithNote('dyscalculie', t('Heb je dyscalculie?', 'Do you have dyscalculia?')),
    ...sensitiveWithNote('faalangst', t('Heb je last van faalangst?', 'Do you suffer from fear of failure?')),
    ...sensitiveWithNote('concentratie', t('Heb je moeite met concentreren?', 'Do you find it hard to concentrate?')),
    ...sensitiveWithNote('fysiekeBeperking', t('Heb je een lichamelijke beperking?', 'Do you have a physical disability?')),
    sensitive('onderzoek', t('Heb je de laatste twee jaar een test gedaan, bijvoorbeeld een dyslexietest?', 'Have you done a test in the last two years, for example a dyslexia test?')),
    textQuestion('onderzoekWelke', t('Welke test was het?', 'Which test was it?'), { required: false, when: whenYes('onderzoek'), maxLength: 500 }),
  ],
};

const vervolgkeuze: SectionDefinition = {
  id: 'vervolgkeuze',
  code: 'A7',
  part: 'A',
  scope: 'dossier',
  title: t('Vervolgkeuze', 'Your choice of programme'),
  intro: t(
    'Kies de mbo-school en de opleiding waar je je voor aanmeldt. Daarna kies je waar je de opleiding wilt volgen.',
    'Choose the MBO school and the programme you are applying for. Then choose where you want to follow it.',
  ),
  contents: t('De mbo-school, de opleiding en de locatie die je kiest.', 'The MBO school, the programme and the location you choose.'),
  optional: false,
  sharing: 'verplicht',
  dossierTypes: allTypes,
  questions: [
    {
      kind: 'reference',
      id: 'instelling',
      source: 'institution',
      label: t('Mbo-school', 'MBO school'),
      help: t('Typ een deel van de naam, bijvoorbeeld Albeda.', 'Type part of the name, for example Albeda.'),
      required: true,
    },
    {
      kind: 'reference',
      id: 'opleiding',
      source: 'programme',
      dependsOn: 'instelling',
      label: t('Opleiding', 'Programme'),
      help: t(
        'Typ een deel van de naam. BOL: je gaat vooral naar school en loopt stage. BBL: je werkt en leert, je hebt een leerbedrijf nodig. Het crebonummer is het nummer van de opleiding.',
        'Type part of the name. BOL: you mostly go to school and do internships. BBL: you work and learn, you need a training company. The crebo number is the number of the programme.',
      ),
      required: true,
      when: { question: 'instelling', answered: true },
    },
    { kind: 'reference', id: 'locatie', source: 'location', dependsOn: 'instelling', label: t('Locatie', 'Location'), required: true, when: { question: 'instelling', answered: true } },
    {
      kind: 'confirm',
      id: 'bevestigd',
      label: t('Ik heb mijn keuze gecontroleerd en die klopt', 'I have checked my choice and it is correct'),
      required: true,
      when: { question: 'opleiding', answered: true },
    },
  ],
};

const voorbereiding: SectionDefinition = {
  id: 'voorbereiding',
  code: 'A8',
  part: 'A',
  scope: 'dossier',
  title: t('Voorbereiding keuze', 'How you prepared your choice'),
  intro: t('Wat heb je gedaan om je opleiding te kiezen?', 'What did you do to choose your programme?'),
  contents: t('Wat je deed om te kiezen, zoals een open dag of een meeloopdag.', 'What you did to choose, such as an open day or a taster day.'),
  optional: true,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    yesNo('openDag', t('Ben je naar een open dag geweest?', 'Did you go to an open day?'), { required: false }),
    yesNo('meeloopdag', t('Heb je een meeloopdag gedaan?', 'Did you do a taster day?'), { required: false }),
    yesNo('gesprekDecaan', t('Heb je met je decaan of loopbaanbegeleider gepraat?', 'Did you talk to your careers counsellor?'), {
      required: false,
      help: t('De decaan helpt je op school met het kiezen van een opleiding.', 'The decaan is the person at school who helps you choose a programme.'),
    }),
    yesNo('beroepentest', t('Heb je een beroepentest gedaan?', 'Did you do a career test?'), { required: false }),
    textQuestion('toelichting', t('Wil je nog iets vertellen over je keuze?', 'Anything else about your choice?'), { required: false, multiline: true, maxLength: 2000 }),
  ],
};

const motivatie: SectionDefinition = {
  id: 'motivatie',
  code: 'A9',
  part: 'A',
  scope: 'dossier',
  title: t('Motivatie', 'Motivation'),
  contents: t('Waarom je deze opleiding kiest en wat je later wilt worden.', 'Why you choose this programme and what you want to be later.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    textQuestion('waarom', t('Waarom past deze opleiding bij jou?', 'Why does this programme suit you?'), {
      multiline: true,
      minLength: 20,
      maxLength: 4000,
      help: t(
        'Schrijf minstens een paar zinnen (20 tekens of meer). Wat vind je leuk aan dit werk? Wat kun je al goed?',
        'Write at least a few sentences (20 characters or more). What do you like about this work? What are you already good at?',
      ),
    }),
    textQuestion('later', t('Wat wil je later worden?', 'What do you want to be later?'), { required: false, maxLength: 500 }),
  ],
};

export const deelASections: ReadonlyArray<SectionDefinition> = [persoonlijk, thuis, herkomst, competenties, ervaring, ondersteuning, vervolgkeuze, voorbereiding, motivatie];
