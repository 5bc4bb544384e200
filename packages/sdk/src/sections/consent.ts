import { codelists } from '../data/codelists.js';
import { optionsFrom, t, textQuestion } from './build.js';
import type { SectionDefinition } from './types.js';

/**
 * The student's akkoordverklaring. Its `delen` options are filled from the region's sharing
 * classes by `buildSections`; inzage is recorded by the `recordInzage` action, not answered.
 */
const akkoordverklaring: SectionDefinition = {
  id: 'akkoordverklaring',
  code: 'AK',
  part: 'consent',
  scope: 'dossier',
  title: t('Akkoordverklaring'),
  intro: t('In de akkoordverklaring zeg je of je het eens bent met je dossier. Je kiest wat het mbo mag zien. En je geeft toestemming om het te sturen.'),
  optional: false,
  sharing: 'verplicht',
  dossierTypes: ['vo-mbo', 'mbo-mbo', 'werk-mbo'],
  questions: [
    {
      kind: 'choice',
      id: 'akkoord',
      label: t('Ben je het eens met wat er in je dossier staat?'),
      required: true,
      options: [
        { value: 'ja', label: t('Ja, ik ben het eens') },
        { value: 'nee', label: t('Nee, ik ben het niet eens met deel B') },
      ],
    },
    textQuestion('redenNietAkkoord', t('Waar ben je het niet mee eens?'), {
      multiline: true,
      maxLength: 4000,
      help: t('Je opmerking gaat mee naar het mbo, naast deel B.'),
      when: { question: 'akkoord', equals: 'nee' },
    }),
    {
      kind: 'multiChoice',
      id: 'delen',
      label: t('Wat mag het mbo nog meer zien?'),
      help: t('Wat je niet aanvinkt, gaat niet mee.'),
      required: false,
      options: [],
    },
    {
      kind: 'confirm',
      id: 'toestemming',
      label: t('Ik geef toestemming om mijn dossier naar het gekozen mbo te sturen'),
      required: true,
    },
  ],
};

/** Consent of a parent or guardian, needed while the student is under the configured age. */
const ouderToestemming: SectionDefinition = {
  id: 'ouderToestemming',
  code: 'AO',
  part: 'consent',
  scope: 'dossier',
  title: t('Toestemming ouder of verzorger'),
  optional: false,
  sharing: 'verplicht',
  dossierTypes: ['vo-mbo', 'mbo-mbo', 'werk-mbo'],
  questions: [
    textQuestion('naam', t('Naam ouder of verzorger'), { autocomplete: 'name', maxLength: 200, when: { guardianConsentNeeded: true } }),
    {
      kind: 'choice',
      id: 'relatie',
      label: t('Wat bent u van de leerling?'),
      required: true,
      options: optionsFrom(codelists.relatieTotLeerling),
      when: { guardianConsentNeeded: true },
    },
    {
      kind: 'confirm',
      id: 'toestemming',
      label: t('Ik geef als ouder of verzorger toestemming om het dossier naar het mbo te sturen'),
      required: true,
      when: { guardianConsentNeeded: true },
    },
    { kind: 'date', id: 'datum', label: t('Datum'), required: false, when: { guardianConsentNeeded: true } },
  ],
};

export const consentSections: ReadonlyArray<SectionDefinition> = [akkoordverklaring, ouderToestemming];
