import { sensitiveWithNote, t, textQuestion, whenYes, yesNo } from './build.js';
import type { SectionDefinition } from './types.js';

const begeleiding: SectionDefinition = {
  id: 'begeleiding',
  code: 'B1',
  part: 'B',
  scope: 'leerling',
  title: t('Begeleiding'),
  intro: t('Dit deel hoort bij de leerling, niet bij één dossier. Je kunt het invullen voordat de leerling deel A heeft.'),
  contents: t('Welke hulp de mentor zag en verwacht, bijvoorbeeld bij taal of rekenen. En of de mentor het mbo wil spreken.'),
  optional: false,
  sharing: 'optIn',
  dossierTypes: ['vo-mbo'],
  questions: [
    ...sensitiveWithNote('extraNederlands', t('Heeft de leerling extra hulp gehad bij Nederlands?')),
    ...sensitiveWithNote('extraRekenen', t('Heeft de leerling extra hulp gehad bij rekenen of wiskunde?')),
    ...sensitiveWithNote('nodigNederlands', t('Heeft de leerling in de nieuwe opleiding waarschijnlijk extra hulp nodig bij Nederlands?')),
    ...sensitiveWithNote('nodigRekenen', t('Heeft de leerling in de nieuwe opleiding waarschijnlijk extra hulp nodig bij rekenen of wiskunde?')),
    ...sensitiveWithNote('extraAndereVakken', t('Heeft de leerling volgens jou extra hulp nodig bij andere vakken of bij de stage?'), {
      readLabel: t('Heeft de leerling volgens de mentor extra hulp nodig bij andere vakken of bij de stage?'),
    }),
    ...sensitiveWithNote('verzuim', t('Was de leerling vaak afwezig of vaak te laat (verzuim)?')),
    ...sensitiveWithNote('lwoo', t('Had de leerling LWOO (leerwegondersteuning) of praktijkonderwijs?')),
    ...sensitiveWithNote('passendOnderwijs', t('Kreeg de leerling extra begeleiding van school, bijvoorbeeld via passend onderwijs?')),
    ...sensitiveWithNote('leerplichtRmc', t('Is de leerling in onderzoek of begeleiding bij Leerplicht of het RMC?'), {
      help: t('Het RMC helpt jongeren die zonder diploma van school dreigen te gaan.'),
    }),
    ...sensitiveWithNote('opp', t('Heeft de leerling een ontwikkelingsperspectief (OPP)?'), {
      help: t('Een OPP is een plan voor een leerling die veel extra ondersteuning nodig heeft.'),
    }),
    yesNo('warmeOverdracht', t('Wil je een warme overdracht: een gesprek met het mbo over deze leerling?'), {
      required: false,
      readLabel: t('Wil de mentor een warme overdracht: een gesprek met het mbo over de leerling?'),
    }),
    textQuestion('contactpersoon', t('Contactpersoon'), { when: whenYes('warmeOverdracht'), autocomplete: 'name', maxLength: 200 }),
    textQuestion('functie', t('Functie'), {
      required: false,
      when: whenYes('warmeOverdracht'),
      autocomplete: 'organization-title',
      help: t('Bijvoorbeeld mentor of zorgcoördinator.'),
      maxLength: 200,
    }),
    textQuestion('contactEmail', t('E-mailadres'), { format: 'email', when: whenYes('warmeOverdracht'), autocomplete: 'email', maxLength: 254 }),
    textQuestion('contactTelefoon', t('Telefoonnummer'), { format: 'phone', when: whenYes('warmeOverdracht'), autocomplete: 'tel' }),
    textQuestion('beschikbaarOp', t('Bereikbaar op'), {
      required: false,
      when: whenYes('warmeOverdracht'),
      help: t('Op welke dagen of tijden, bijvoorbeeld maandag en donderdag.'),
      maxLength: 200,
    }),
  ],
};

const advies: SectionDefinition = {
  id: 'advies',
  code: 'B2',
  part: 'B',
  scope: 'dossier',
  title: t('Inschatting en advies'),
  contents: t('Wat de mentor van je keuze vindt en het advies van de mentor.'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: ['vo-mbo'],
  questions: [
    {
      kind: 'choice',
      id: 'pastKeuze',
      label: t('Past de gekozen opleiding bij de leerling?'),
      readLabel: t('Past de gekozen opleiding bij de leerling, volgens de mentor?'),
      required: true,
      options: [
        { value: 'ja', label: t('Ja') },
        { value: 'twijfel', label: t('Twijfel') },
        { value: 'nee', label: t('Nee') },
      ],
    },
    textQuestion('advies', t('Advies'), { multiline: true, maxLength: 4000, readLabel: t('Advies van de mentor') }),
    yesNo('naderContact', t('Wil je nog contact met het mbo over deze leerling?'), {
      readLabel: t('Wil de mentor nog contact met het mbo over de leerling?'),
    }),
    yesNo('eensMetDeelA', t('Ben je het eens met wat de leerling in deel A schreef?'), {
      readLabel: t('Is de mentor het eens met wat de leerling in deel A schreef?'),
    }),
    textQuestion('eensToelichting', t('Waarom niet?'), {
      multiline: true,
      maxLength: 2000,
      when: { question: 'eensMetDeelA', equals: false },
      readLabel: t('Waarom is de mentor het niet eens?'),
    }),
    {
      kind: 'confirm',
      id: 'mentorAkkoord',
      label: t('Ik heb deel B volledig en naar waarheid ingevuld'),
      required: true,
      hideWhenRead: true,
    },
  ],
};

export const deelBSections: ReadonlyArray<SectionDefinition> = [begeleiding, advies];
