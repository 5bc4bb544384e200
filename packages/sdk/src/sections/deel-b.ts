import { sensitiveWithNote, t, textQuestion, whenYes, yesNo } from './build.js';
import type { SectionDefinition } from './types.js';

const begeleiding: SectionDefinition = {
  id: 'begeleiding',
  code: 'B1',
  part: 'B',
  scope: 'leerling',
  title: t('Begeleiding', 'Support given'),
  intro: t(
    'Dit deel hoort bij de leerling, niet bij één dossier. Je kunt het invullen voordat de leerling deel A heeft.',
    'This part belongs to the student, not to one dossier. You can fill it in before the student has a part A.',
  ),
  contents: t(
    'Welke hulp de mentor zag en verwacht, bijvoorbeeld bij taal of rekenen. En of de mentor het mbo wil spreken.',
    'What help the mentor saw and expects, for example with language or maths. And whether the mentor wants to talk to the MBO.',
  ),
  optional: false,
  sharing: 'optIn',
  dossierTypes: ['vo-mbo'],
  questions: [
    ...sensitiveWithNote('extraNederlands', t('Heeft de leerling extra hulp gehad bij Nederlands?', 'Did the student get extra help with Dutch?')),
    ...sensitiveWithNote('extraRekenen', t('Heeft de leerling extra hulp gehad bij rekenen of wiskunde?', 'Did the student get extra help with arithmetic or maths?')),
    ...sensitiveWithNote(
      'nodigNederlands',
      t('Heeft de leerling in de nieuwe opleiding waarschijnlijk extra hulp nodig bij Nederlands?', 'Will the student probably need extra help with Dutch in the new programme?'),
    ),
    ...sensitiveWithNote(
      'nodigRekenen',
      t(
        'Heeft de leerling in de nieuwe opleiding waarschijnlijk extra hulp nodig bij rekenen of wiskunde?',
        'Will the student probably need extra help with arithmetic or maths in the new programme?',
      ),
    ),
    ...sensitiveWithNote(
      'extraAndereVakken',
      t('Heeft de leerling volgens jou extra hulp nodig bij andere vakken of bij de stage?', 'In your view, does the student need extra help with other subjects or the internship?'),
      {
        readLabel: t(
          'Heeft de leerling volgens de mentor extra hulp nodig bij andere vakken of bij de stage?',
          "In the mentor's view, does the student need extra help with other subjects or the internship?",
        ),
      },
    ),
    ...sensitiveWithNote('verzuim', t('Was de leerling vaak afwezig of vaak te laat (verzuim)?', 'Was the student often absent or often late (truancy)?')),
    ...sensitiveWithNote('lwoo', t('Had de leerling LWOO (leerwegondersteuning) of praktijkonderwijs?', 'Did the student have LWOO (learning support in vmbo) or practical education?')),
    ...sensitiveWithNote(
      'passendOnderwijs',
      t(
        'Kreeg de leerling extra begeleiding van school, bijvoorbeeld via passend onderwijs?',
        'Did the student get extra guidance from the school, for example through inclusive education (passend onderwijs)?',
      ),
    ),
    ...sensitiveWithNote(
      'leerplichtRmc',
      t('Is de leerling in onderzoek of begeleiding bij Leerplicht of het RMC?', 'Is the student being investigated or guided by the compulsory-education officer (Leerplicht) or the RMC?'),
      {
        help: t('Het RMC helpt jongeren die zonder diploma van school dreigen te gaan.', 'The RMC helps young people who are at risk of leaving school without a diploma.'),
      },
    ),
    ...sensitiveWithNote('opp', t('Heeft de leerling een ontwikkelingsperspectief (OPP)?', 'Does the student have a development plan (OPP)?'), {
      help: t('Een OPP is een plan voor een leerling die veel extra ondersteuning nodig heeft.', 'An OPP is a plan for a student who needs a lot of extra support.'),
    }),
    yesNo('warmeOverdracht', t('Wil je een warme overdracht: een gesprek met het mbo over deze leerling?', 'Do you want a personal handover: a talk with the MBO about this student?'), {
      required: false,
      readLabel: t('Wil de mentor een warme overdracht: een gesprek met het mbo over de leerling?', 'Does the mentor want a personal handover: a talk with the MBO about the student?'),
    }),
    textQuestion('contactpersoon', t('Contactpersoon', 'Contact person'), { when: whenYes('warmeOverdracht'), autocomplete: 'name', maxLength: 200 }),
    textQuestion('functie', t('Functie', 'Role'), {
      required: false,
      when: whenYes('warmeOverdracht'),
      autocomplete: 'organization-title',
      help: t('Bijvoorbeeld mentor of zorgcoördinator.', 'For example mentor or care coordinator.'),
      maxLength: 200,
    }),
    textQuestion('contactEmail', t('E-mailadres', 'Email address'), { format: 'email', when: whenYes('warmeOverdracht'), autocomplete: 'email', maxLength: 254 }),
    textQuestion('contactTelefoon', t('Telefoonnummer', 'Phone number'), { format: 'phone', when: whenYes('warmeOverdracht'), autocomplete: 'tel' }),
    textQuestion('beschikbaarOp', t('Bereikbaar op', 'Available on'), {
      required: false,
      when: whenYes('warmeOverdracht'),
      help: t('Op welke dagen of tijden, bijvoorbeeld maandag en donderdag.', 'On which days or at which times, for example Mondays and Thursdays.'),
      maxLength: 200,
    }),
  ],
};

const advies: SectionDefinition = {
  id: 'advies',
  code: 'B2',
  part: 'B',
  scope: 'dossier',
  title: t('Inschatting en advies', 'Assessment and advice'),
  contents: t('Wat de mentor van je keuze vindt en het advies van de mentor.', "What the mentor thinks of your choice and the mentor's advice."),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: ['vo-mbo'],
  questions: [
    {
      kind: 'choice',
      id: 'pastKeuze',
      label: t('Past de gekozen opleiding bij de leerling?', 'Does the chosen programme suit the student?'),
      readLabel: t('Past de gekozen opleiding bij de leerling, volgens de mentor?', "Does the chosen programme suit the student, in the mentor's view?"),
      required: true,
      options: [
        { value: 'ja', label: t('Ja', 'Yes') },
        { value: 'twijfel', label: t('Twijfel', 'In doubt') },
        { value: 'nee', label: t('Nee', 'No') },
      ],
    },
    textQuestion('advies', t('Advies', 'Advice'), { multiline: true, maxLength: 4000, readLabel: t('Advies van de mentor', "The mentor's advice") }),
    yesNo('naderContact', t('Wil je nog contact met het mbo over deze leerling?', 'Do you want further contact with the MBO about this student?'), {
      readLabel: t('Wil de mentor nog contact met het mbo over de leerling?', 'Does the mentor want further contact with the MBO about the student?'),
    }),
    yesNo('eensMetDeelA', t('Ben je het eens met wat de leerling in deel A schreef?', 'Do you agree with what the student wrote in part A?'), {
      readLabel: t('Is de mentor het eens met wat de leerling in deel A schreef?', 'Does the mentor agree with what the student wrote in part A?'),
    }),
    textQuestion('eensToelichting', t('Waarom niet?', 'Why not?'), {
      multiline: true,
      maxLength: 2000,
      when: { question: 'eensMetDeelA', equals: false },
      readLabel: t('Waarom is de mentor het niet eens?', 'Why does the mentor not agree?'),
    }),
    {
      kind: 'confirm',
      id: 'mentorAkkoord',
      label: t('Ik heb deel B volledig en naar waarheid ingevuld', 'I have completed part B fully and truthfully'),
      required: true,
      hideWhenRead: true,
    },
  ],
};

export const deelBSections: ReadonlyArray<SectionDefinition> = [begeleiding, advies];
