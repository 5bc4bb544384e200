import { codelists } from '../data/codelists.js';
import { optionsFrom, repeat, sensitive, sensitiveWithNote, t, textQuestion, whenYes, yesNo } from './build.js';
import type { Question, SectionDefinition } from './types.js';

const allTypes = ['vo-mbo', 'mbo-mbo', 'werk-mbo'] as const;

const persoonlijk: SectionDefinition = {
  id: 'persoonlijk',
  code: 'A1',
  part: 'A',
  scope: 'leerling',
  title: t('Persoonlijke gegevens'),
  intro: t('Deze gegevens moet je school doorgeven aan het mbo. Controleer of ze kloppen.'),
  contents: t('Je roepnaam, voornamen, e-mailadres, telefoonnummers en adres. Je BSN, naam en geboortedatum gaan altijd mee.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    {
      kind: 'choice',
      id: 'nummerSoort',
      label: t('Welk nummer heb je?'),
      help: t('Heb je geen BSN? Dan heb je een onderwijsnummer. Je school weet welk nummer je hebt.'),
      required: true,
      prefilled: true,
      sharing: 'verplicht',
      options: [
        { value: 'bsn', label: t('Een burgerservicenummer (BSN)') },
        { value: 'onderwijsnummer', label: t('Een onderwijsnummer') },
      ],
    },
    textQuestion('bsn', t('Burgerservicenummer (BSN)'), {
      format: 'bsn',
      prefilled: true,
      sharing: 'verplicht',
      when: { question: 'nummerSoort', notEquals: 'onderwijsnummer' },
      help: t('Je BSN heeft 9 cijfers. Je vindt het op je paspoort, je ID-kaart of je verblijfsdocument.'),
      autocomplete: 'off',
    }),
    textQuestion('onderwijsnummer', t('Onderwijsnummer'), {
      format: 'onderwijsnummer',
      prefilled: true,
      sharing: 'verplicht',
      when: { question: 'nummerSoort', equals: 'onderwijsnummer' },
      help: t('Je onderwijsnummer heeft 9 cijfers en begint met 10. Je school kan het je geven.'),
      autocomplete: 'off',
    }),
    textQuestion('roepnaam', t('Roepnaam'), {
      help: t('De naam die mensen gebruiken als ze je aanspreken.'),
      autocomplete: 'nickname',
      maxLength: 100,
    }),
    textQuestion('voornamen', t('Voornamen'), {
      help: t('Al je voornamen, zoals in je paspoort.'),
      autocomplete: 'given-name',
      maxLength: 200,
    }),
    textQuestion('voorletters', t('Voorletters'), {
      format: 'initials',
      sharing: 'verplicht',
      help: t('De eerste letter van elke voornaam, met een punt erachter. Bijvoorbeeld S.J.'),
      autocomplete: 'off',
      maxLength: 20,
    }),
    textQuestion('tussenvoegsel', t('Tussenvoegsel'), {
      required: false,
      sharing: 'verplicht',
      help: t('Het woordje voor je achternaam, zoals van, de of van der. Heb je dat niet? Laat dit dan leeg.'),
      autocomplete: 'additional-name',
      maxLength: 30,
    }),
    textQuestion('achternaam', t('Achternaam'), { sharing: 'verplicht', autocomplete: 'family-name', maxLength: 200 }),
    { kind: 'date', id: 'geboortedatum', label: t('Geboortedatum'), required: true, birthDate: true, sharing: 'verplicht', autocomplete: 'bday' },
    { kind: 'choice', id: 'geslacht', label: t('Geslacht'), required: true, sharing: 'verplicht', autocomplete: 'sex', options: optionsFrom(codelists.geslacht) },
    textQuestion('email', t('E-mailadres'), { format: 'email', prefilled: true, autocomplete: 'email', maxLength: 254 }),
    textQuestion('telefoon', t('Telefoonnummer'), {
      format: 'phone',
      help: t('Schrijf het zoals je wilt, bijvoorbeeld 06 12345678 of 010-1234567.'),
      autocomplete: 'tel',
    }),
    yesNo('telefoonGeheim', t('Is dit nummer geheim?'), {
      help: t('Een geheim nummer geeft het mbo niet aan anderen.'),
    }),
    textQuestion('mobiel', t('Mobiel nummer'), { required: false, format: 'phone', autocomplete: 'tel' }),
    yesNo('mobielGeheim', t('Is je mobiele nummer geheim?'), { when: { question: 'mobiel', answered: true } }),
    textQuestion('straat', t('Straat'), { autocomplete: 'address-line1', maxLength: 200 }),
    textQuestion('huisnummer', t('Huisnummer'), {
      format: 'houseNumber',
      help: t('Met de letter of het nummer erachter als je dat hebt, bijvoorbeeld 12a.'),
      autocomplete: 'address-line2',
      maxLength: 20,
    }),
    textQuestion('postcode', t('Postcode'), {
      format: 'postcode',
      help: t('4 cijfers en 2 letters, bijvoorbeeld 1234 AB.'),
      autocomplete: 'postal-code',
    }),
    textQuestion('woonplaats', t('Woonplaats'), { autocomplete: 'address-level2', maxLength: 100 }),
  ],
};

const ouderQuestions: Question[] = [
  textQuestion('naam', t('Naam'), { autocomplete: 'off', maxLength: 200 }),
  { kind: 'choice', id: 'relatie', label: t('Relatie tot jou'), required: true, options: optionsFrom(codelists.relatieTotLeerling) },
  textQuestion('telefoon', t('Telefoonnummer'), { format: 'phone', autocomplete: 'off' }),
  textQuestion('email', t('E-mailadres'), { format: 'email', autocomplete: 'off', maxLength: 254 }),
];

const thuis: SectionDefinition = {
  id: 'thuis',
  code: 'A2',
  part: 'A',
  scope: 'leerling',
  title: t('Familie, wonen en vrije tijd'),
  contents: t('Bij wie je woont, je ouders of verzorgers, je vrije tijd en je bijbaan.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    {
      kind: 'choice',
      id: 'woonsituatie',
      label: t('Bij wie woon je?'),
      required: true,
      options: [
        { value: 'beideOuders', label: t('Bij mijn ouders') },
        { value: 'eenOuder', label: t('Bij één ouder') },
        { value: 'zelfstandig', label: t('Zelfstandig') },
        { value: 'anders', label: t('Anders') },
      ],
    },
    repeat('ouders', t('Ouders of verzorgers'), t('Ouder of verzorger'), ouderQuestions, {
      maxItems: 2,
      help: t('Ben je jonger dan 18? Dan geeft je ouder of verzorger ook toestemming. Daarom hebben we hun gegevens nodig.'),
      required: false,
      requiredWhen: { guardianConsentNeeded: true },
    }),
    textQuestion('vrijeTijd', t('Wat doe je in je vrije tijd?'), {
      multiline: true,
      maxLength: 2000,
      help: t('Bijvoorbeeld sport, muziek, gamen of oppassen.'),
    }),
    yesNo('bijbaan', t('Heb je een bijbaan?')),
    textQuestion('bijbaanOmschrijving', t('Wat voor bijbaan?'), {
      when: whenYes('bijbaan'),
      maxLength: 500,
      help: t('Wat je doet en hoeveel uur per week.'),
    }),
  ],
};

const herkomst: SectionDefinition = {
  id: 'herkomst',
  code: 'A3',
  part: 'A',
  scope: 'leerling',
  title: t('School van herkomst'),
  intro: t('De school waar je nu op zit. Zit je niet meer op school? Vul dan je laatste school in.'),
  contents: t('Je school, je klas, je vakken en of je dit jaar je diploma verwacht.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    textQuestion('schoolnaam', t('Naam van je school'), { autocomplete: 'organization', maxLength: 200 }),
    { kind: 'choice', id: 'schoolsoort', label: t('Soort school'), required: true, options: optionsFrom(codelists.schoolsoort) },
    {
      kind: 'choice',
      id: 'leerweg',
      label: t('Leerweg'),
      help: t('De leerweg is het soort vmbo dat je doet. Het staat op je rapport.'),
      required: true,
      when: { question: 'schoolsoort', equals: 'vmbo' },
      options: optionsFrom(codelists.leerwegVmbo),
    },
    {
      kind: 'choice',
      id: 'sector',
      label: t('Profiel of sector'),
      help: t('Weet je het niet zeker? Kies dan Intersectoraal.'),
      required: true,
      when: { question: 'schoolsoort', equals: 'vmbo' },
      // Current vmbo profielen first; the old sectors remain for students with an older diploma.
      options: [
        ...optionsFrom(codelists.profielVmbo),
        ...optionsFrom(codelists.sectorVmbo).map((option) => (option.value === 'intersectoraal' ? option : { ...option, label: t(`${option.label.nl} (sector, oude indeling)`) })),
      ],
    },
    {
      kind: 'choice',
      id: 'profiel',
      label: t('Profiel'),
      required: true,
      when: { question: 'schoolsoort', oneOf: ['havo', 'vwo'] },
      options: optionsFrom(codelists.profielHavoVwo),
    },
    {
      kind: 'multiChoice',
      id: 'examenvakken',
      label: t('Examenvakken'),
      help: t('Kies de vakken die je weet. Een onvolledige lijst is goed.'),
      required: true,
      options: codelists.examenvakVmbo.map((vak) => ({ value: vak, label: t(vak, vak) })),
    },
    // Someone out of school for a year or more (werk-mbo) has no klas and no diploma coming this year.
    textQuestion('klas', t('Klas'), { autocomplete: 'off', maxLength: 20, when: { dossierType: ['vo-mbo', 'mbo-mbo'] } }),
    {
      kind: 'choice',
      id: 'verwachtDiploma',
      label: t('Verwacht je dit jaar je diploma te halen?'),
      required: true,
      when: { dossierType: ['vo-mbo', 'mbo-mbo'] },
      options: [
        { value: 'ja', label: t('Ja') },
        { value: 'nee', label: t('Nee') },
        { value: 'weetNiet', label: t('Weet ik niet') },
      ],
    },
    yesNo('diplomaGehaald', t('Heb je op die school je diploma gehaald?'), { when: { dossierType: ['werk-mbo'] } }),
  ],
};

/** A4's questions come from the region's competence list; see `buildSections`. */
const competenties: SectionDefinition = {
  id: 'competenties',
  code: 'A4',
  part: 'A',
  scope: 'leerling',
  title: t('Competenties'),
  intro: t('Hoe goed ben je hierin? Kies wat het best bij je past. Weet je het echt niet? Kies dan "Weet ik niet".'),
  contents: t('Hoe goed je bent in bijvoorbeeld samenwerken en plannen.'),
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
  title: t('Stages, werk en trainingen'),
  contents: t('Je stages, je werk en je trainingen.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    { kind: 'confirm', id: 'geenErvaring', label: t('Ik heb nog geen stage, werk of training gedaan'), required: false },
    repeat(
      'ervaring',
      t('Je ervaring'),
      t('Ervaring'),
      [
        { kind: 'choice', id: 'soort', label: t('Soort'), required: true, options: optionsFrom(codelists.ervaringSoort) },
        textQuestion('organisatie', t('Bedrijf of organisatie'), { autocomplete: 'off', maxLength: 200 }),
        textQuestion('plaats', t('Plaats'), { autocomplete: 'off', maxLength: 100 }),
        textQuestion('werkzaamheden', t('Wat deed je daar?'), { multiline: true, maxLength: 2000 }),
        textQuestion('periode', t('Periode'), {
          required: false,
          help: t('Van wanneer tot wanneer, bijvoorbeeld september tot januari.'),
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
  title: t('Ondersteuning'),
  intro: t('Zo weet het mbo welke hulp bij je past. Je mag vragen overslaan. Jij kiest straks of het mbo dit mag zien.'),
  contents: t('Hulp die je kreeg of nodig hebt, bijvoorbeeld bij dyslexie of faalangst.'),
  optional: true,
  sharing: 'optIn',
  dossierTypes: allTypes,
  questions: [
    sensitive('hulpTaal', t('Heb je extra hulp gehad bij taal?')),
    sensitive('hulpRekenen', t('Heb je extra hulp gehad bij rekenen?')),
    ...sensitiveWithNote('dyslexie', t('Heb je dyslexie?')),
    ...sensitiveWithNote('dyscalculie', t('Heb je dyscalculie?')),
    ...sensitiveWithNote('faalangst', t('Heb je last van faalangst?')),
    ...sensitiveWithNote('concentratie', t('Heb je moeite met concentreren?')),
    ...sensitiveWithNote('fysiekeBeperking', t('Heb je een lichamelijke beperking?')),
    sensitive('onderzoek', t('Heb je de laatste twee jaar een test gedaan, bijvoorbeeld een dyslexietest?')),
    textQuestion('onderzoekWelke', t('Welke test was het?'), { required: false, when: whenYes('onderzoek'), maxLength: 500 }),
  ],
};

const vervolgkeuze: SectionDefinition = {
  id: 'vervolgkeuze',
  code: 'A7',
  part: 'A',
  scope: 'dossier',
  title: t('Vervolgkeuze'),
  intro: t('Kies de mbo-school en de opleiding waar je je voor aanmeldt. Daarna kies je waar je de opleiding wilt volgen.'),
  contents: t('De mbo-school, de opleiding en de locatie die je kiest.'),
  optional: false,
  sharing: 'verplicht',
  dossierTypes: allTypes,
  questions: [
    {
      kind: 'reference',
      id: 'instelling',
      source: 'institution',
      label: t('Mbo-school'),
      help: t('Typ een deel van de naam, bijvoorbeeld Albeda.'),
      required: true,
    },
    {
      kind: 'reference',
      id: 'opleiding',
      source: 'programme',
      dependsOn: 'instelling',
      label: t('Opleiding'),
      help: t('Typ een deel van de naam. BOL: je gaat vooral naar school en loopt stage. BBL: je werkt en leert, je hebt een leerbedrijf nodig. Het crebonummer is het nummer van de opleiding.'),
      required: true,
      when: { question: 'instelling', answered: true },
    },
    { kind: 'reference', id: 'locatie', source: 'location', dependsOn: 'instelling', label: t('Locatie'), required: true, when: { question: 'instelling', answered: true } },
    {
      kind: 'confirm',
      id: 'bevestigd',
      label: t('Ik heb mijn keuze gecontroleerd en die klopt'),
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
  title: t('Voorbereiding keuze'),
  intro: t('Wat heb je gedaan om je opleiding te kiezen?'),
  contents: t('Wat je deed om te kiezen, zoals een open dag of een meeloopdag.'),
  optional: true,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    yesNo('openDag', t('Ben je naar een open dag geweest?'), { required: false }),
    yesNo('meeloopdag', t('Heb je een meeloopdag gedaan?'), { required: false }),
    yesNo('gesprekDecaan', t('Heb je met je decaan of loopbaanbegeleider gepraat?'), {
      required: false,
      help: t('De decaan helpt je op school met het kiezen van een opleiding.'),
    }),
    yesNo('beroepentest', t('Heb je een beroepentest gedaan?'), { required: false }),
    textQuestion('toelichting', t('Wil je nog iets vertellen over je keuze?'), { required: false, multiline: true, maxLength: 2000 }),
  ],
};

const motivatie: SectionDefinition = {
  id: 'motivatie',
  code: 'A9',
  part: 'A',
  scope: 'dossier',
  title: t('Motivatie'),
  contents: t('Waarom je deze opleiding kiest en wat je later wilt worden.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: allTypes,
  questions: [
    textQuestion('waarom', t('Waarom past deze opleiding bij jou?'), {
      multiline: true,
      minLength: 20,
      maxLength: 4000,
      help: t('Schrijf minstens een paar zinnen (20 tekens of meer). Wat vind je leuk aan dit werk? Wat kun je al goed?'),
    }),
    textQuestion('later', t('Wat wil je later worden?'), { required: false, maxLength: 500 }),
  ],
};

export const deelASections: ReadonlyArray<SectionDefinition> = [persoonlijk, thuis, herkomst, competenties, ervaring, ondersteuning, vervolgkeuze, voorbereiding, motivatie];
