import { t, textQuestion, whenYes, yesNo, yesNoWithNote } from './build.js';
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
  optional: false,
  sharing: 'optIn',
  dossierTypes: ['vo-mbo'],
  questions: [
    ...yesNoWithNote('extraNederlands', t('Heeft de leerling extra hulp gehad bij Nederlands?', 'Did the student get extra help with Dutch?')),
    ...yesNoWithNote('extraRekenen', t('Heeft de leerling extra hulp gehad bij rekenen of wiskunde?', 'Did the student get extra help with arithmetic or maths?')),
    ...yesNoWithNote('nodigNederlands', t('Heeft de leerling in de nieuwe opleiding waarschijnlijk extra hulp nodig bij Nederlands?', 'Will the student probably need extra help with Dutch in the new programme?')),
    ...yesNoWithNote('nodigRekenen', t('Heeft de leerling in de nieuwe opleiding waarschijnlijk extra hulp nodig bij rekenen of wiskunde?', 'Will the student probably need extra help with arithmetic or maths in the new programme?')),
    ...yesNoWithNote('extraAndereVakken', t('Heeft de leerling volgens jou extra hulp nodig bij andere vakken of bij de stage?', 'In your view, does the student need extra help with other subjects or the internship?')),
    ...yesNoWithNote('verzuim', t('Was de leerling vaak afwezig of vaak te laat (verzuim)?', 'Was the student often absent or often late (truancy)?')),
    ...yesNoWithNote('lwoo', t('Had de leerling LWOO (leerwegondersteuning) of praktijkonderwijs?', 'Did the student have LWOO (learning support in vmbo) or practical education?')),
    ...yesNoWithNote('passendOnderwijs', t('Had de leerling extra begeleiding, LGF, een REC-indicatie of een arrangement passend onderwijs?', 'Did the student have extra guidance, LGF, a REC indication or an inclusive-education arrangement?')),
    ...yesNoWithNote('leerplichtRmc', t('Is de leerling in onderzoek of begeleiding bij Leerplicht of het RMC?', 'Is the student being investigated or guided by the compulsory-education officer (Leerplicht) or the RMC?')),
    yesNo('warmeOverdracht', t('Is er een OPP (ontwikkelingsperspectief), of wil je een warme overdracht (een gesprek met het mbo)?', 'Is there a development plan (OPP), or do you want a personal handover (a talk with the MBO)?')),
    textQuestion('contactpersoon', t('Contactpersoon', 'Contact person'), { when: whenYes('warmeOverdracht'), autocomplete: 'name', maxLength: 200 }),
    textQuestion('functie', t('Functie', 'Role'), { required: false, when: whenYes('warmeOverdracht'), autocomplete: 'organization-title', placeholder: t('Zorgcoördinator', 'Care coordinator'), maxLength: 200 }),
    textQuestion('contactEmail', t('E-mailadres', 'Email address'), { format: 'email', when: whenYes('warmeOverdracht'), autocomplete: 'email', maxLength: 254 }),
    textQuestion('contactTelefoon', t('Telefoonnummer', 'Phone number'), { format: 'phone', when: whenYes('warmeOverdracht'), autocomplete: 'tel', placeholder: t('+31 30 123 4567', '+31 30 123 4567') }),
    textQuestion('beschikbaarOp', t('Bereikbaar op', 'Available on'), { required: false, when: whenYes('warmeOverdracht'), placeholder: t('maandag en donderdag', 'Mondays and Thursdays'), maxLength: 200 }),
  ],
};

const advies: SectionDefinition = {
  id: 'advies',
  code: 'B2',
  part: 'B',
  scope: 'dossier',
  title: t('Inschatting en advies', 'Assessment and advice'),
  optional: false,
  sharing: 'optioneel',
  dossierTypes: ['vo-mbo'],
  questions: [
    {
      kind: 'choice',
      id: 'pastKeuze',
      label: t('Past de gekozen opleiding bij de leerling?', 'Does the chosen programme suit the student?'),
      required: true,
      options: [
        { value: 'ja', label: t('Ja', 'Yes') },
        { value: 'twijfel', label: t('Twijfel', 'In doubt') },
        { value: 'nee', label: t('Nee', 'No') },
      ],
    },
    textQuestion('advies', t('Advies', 'Advice'), { multiline: true, maxLength: 4000, placeholder: t('Goede keuze; let op de planning bij de BBL-variant.', 'Good choice; mind the planning in the work-based variant.') }),
    yesNo('naderContact', t('Wil je nog contact met het mbo over deze leerling?', 'Do you want further contact with the MBO about this student?')),
    yesNo('eensMetDeelA', t('Ben je het eens met wat de leerling in deel A schreef?', 'Do you agree with what the student wrote in part A?')),
    textQuestion('eensToelichting', t('Waarom niet?', 'Why not?'), { multiline: true, maxLength: 2000, when: { question: 'eensMetDeelA', equals: false } }),
    {
      kind: 'confirm',
      id: 'mentorAkkoord',
      label: t('Ik heb deel B volledig en naar waarheid ingevuld', 'I have completed part B fully and truthfully'),
      required: true,
    },
  ],
};

export const deelBSections: ReadonlyArray<SectionDefinition> = [begeleiding, advies];
