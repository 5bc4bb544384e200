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
    ...yesNoWithNote('extraNederlands', t('Extra ondersteuning gehad bij Nederlands?', 'Extra support received for Dutch?')),
    ...yesNoWithNote('extraRekenen', t('Extra ondersteuning gehad bij rekenen/wiskunde?', 'Extra support received for arithmetic/maths?')),
    ...yesNoWithNote('nodigNederlands', t('Verwacht je dat extra ondersteuning bij Nederlands nodig is in het vervolgonderwijs?', 'Do you expect extra support for Dutch to be needed in further education?')),
    ...yesNoWithNote('nodigRekenen', t('Verwacht je dat extra ondersteuning bij rekenen/wiskunde nodig is in het vervolgonderwijs?', 'Do you expect extra support for maths to be needed in further education?')),
    ...yesNoWithNote('extraAndereVakken', t('Extra ondersteuning bij andere vakken of stage?', 'Extra support for other subjects or internship?')),
    ...yesNoWithNote('verzuim', t('Veelvuldig verzuim, te laat komen of absentie?', 'Frequent absence or lateness?')),
    ...yesNoWithNote('lwoo', t('LWOO of praktijkonderwijs?', 'LWOO or practical education?')),
    ...yesNoWithNote('passendOnderwijs', t('Extra begeleiding, LGF, REC-indicatie of passend onderwijs?', 'Extra guidance, LGF, REC indication or inclusive-education arrangement?')),
    ...yesNoWithNote('leerplichtRmc', t('In onderzoek of begeleiding bij Leerplicht of RMC?', 'Under investigation or guidance by compulsory-education officers or RMC?')),
    yesNo('warmeOverdracht', t('Is er een OPP of is warme overdracht gewenst?', 'Is there a development plan (OPP) or is a personal handover wanted?')),
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
    yesNo('naderContact', t('Nader contact met het mbo gewenst?', 'Further contact with the MBO wanted?')),
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
