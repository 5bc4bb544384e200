/**
 * Why the workflow says no: a typed code for programs, an HTTP status for the backend, and a
 * plain-language message (Dutch B1 and English) that tells the person what to do next.
 */
import { localize, registerTexts, text, type Localized } from './i18n.js';

export type RefusalCode =
  | 'wrongRole'
  | 'notYours'
  | 'wrongState'
  | 'wrongType'
  | 'archived'
  | 'notArchived'
  | 'final'
  | 'deelAIncomplete'
  | 'deelBIncomplete'
  | 'mentorMissing'
  | 'mentorNotOnRoster'
  | 'mentorEmailInvalid'
  | 'inzageMissing'
  | 'consentIncomplete'
  | 'guardianInzageMissing'
  | 'guardianConsentMissing'
  | 'registeredValue'
  | 'notInCatalogue'
  | 'studentConsentFirst'
  | 'noMentorToMove'
  | 'sameMentor'
  | 'nothingToDo';

/** 403: role or ownership; 409: the dossier's state (incl. archived, final); 422: data still incomplete. */
export interface Refusal {
  code: RefusalCode;
  status: 403 | 409 | 422;
  message: Localized;
}

export type Decision = { allowed: true } | { allowed: false; refusal: Refusal };

const refusalTable: Record<RefusalCode, { status: Refusal['status']; message: Localized }> = {
  wrongRole: {
    status: 403,
    message: text('Dit kun je niet doen met jouw rol.'),
  },
  notYours: {
    status: 403,
    message: text('Dit dossier hoort niet bij jou. Open een dossier van jezelf of van je eigen leerling.'),
  },
  wrongState: {
    status: 409,
    message: text('Dit kan nu niet in deze stap van het dossier. Vernieuw de pagina om de laatste stand te zien.'),
  },
  wrongType: {
    status: 409,
    message: text('Dit hoort niet bij dit soort dossier.'),
  },
  archived: {
    status: 409,
    message: text('Dit dossier is gearchiveerd. Zet het eerst terug (heractiveren) als je verder wilt.'),
  },
  notArchived: {
    status: 409,
    message: text('Dit dossier is niet gearchiveerd. Je kunt er gewoon mee verder.'),
  },
  final: {
    status: 409,
    message: text('Dit dossier is afgerond. Er kan niets meer veranderen. Maak een nieuw dossier als je iets anders wilt.'),
  },
  deelAIncomplete: {
    status: 422,
    message: text('Deel A is nog niet helemaal ingevuld. Maak eerst alle onderdelen af.'),
  },
  deelBIncomplete: {
    status: 422,
    message: text('Deel B is nog niet helemaal ingevuld. Vul alle vragen in en vink aan dat je deel B volledig hebt ingevuld.'),
  },
  mentorMissing: {
    status: 422,
    message: text('Kies eerst je mentor.'),
  },
  mentorNotOnRoster: {
    status: 422,
    message: text('Deze mentor staat niet in de lijst van je school. Kies je mentor uit de lijst.'),
  },
  mentorEmailInvalid: {
    status: 422,
    message: text('Vul de naam en een geldig e-mailadres van je mentor in, bijvoorbeeld naam@school.nl.'),
  },
  inzageMissing: {
    status: 422,
    message: text('Bekijk eerst je hele dossier (deel A en deel B) en bevestig dat je het hebt gelezen.'),
  },
  consentIncomplete: {
    status: 422,
    message: text('Je akkoordverklaring is nog niet af. Zeg of je het eens bent (en waarom niet) en geef toestemming om je dossier te sturen.'),
  },
  guardianInzageMissing: {
    status: 422,
    message: text('Je ouder of verzorger moet je dossier eerst bekijken. Vraag hem of haar om in te loggen en het te lezen.'),
  },
  guardianConsentMissing: {
    status: 422,
    message: text('Je ouder of verzorger moet nog toestemming geven. Vraag hem of haar om dat te doen.'),
  },
  registeredValue: {
    status: 422,
    message: text('Dit gegeven heeft je school zo geregistreerd. Klopt het niet? Vraag je school om het aan te passen.'),
  },
  noMentorToMove: {
    status: 422,
    message: text('Dit dossier heeft nog geen mentor. Het komt bij een mentor als de leerling het opstuurt.'),
  },
  sameMentor: {
    status: 422,
    message: text('Dit dossier ligt al bij deze mentor.'),
  },
  nothingToDo: {
    status: 422,
    message: text('Deze leerling hoeft nu niets te doen: het dossier ligt bij de mentor of is al afgerond.'),
  },
  studentConsentFirst: {
    status: 409,
    message: text('Uw kind geeft eerst zelf akkoord en kiest wat het mbo mag zien. Daarna kunt u toestemming geven.'),
  },
  notInCatalogue: {
    status: 422,
    message: text('Deze keuze staat niet in de lijst van mbo-scholen en opleidingen. Kies je mbo-school, locatie en opleiding opnieuw uit de lijst.'),
  },
};

export const refusalCodes = Object.keys(refusalTable) as RefusalCode[];

registerTexts(() => refusalCodes.map((code) => [`refusal.${code}`, refusalTable[code].message] as const));

export function refusal(code: RefusalCode): Refusal {
  const { status, message } = refusalTable[code];
  return { code, status, message };
}

export const allow: Decision = { allowed: true };

export function refuse(code: RefusalCode): Decision {
  return { allowed: false, refusal: refusal(code) };
}

/** Thrown by `apply` when the action is not allowed; the backend turns it into a problem response. */
export class WorkflowRefusedError extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(`${refusal.code}: ${localize(refusal.message, 'en')}`);
    this.name = 'WorkflowRefusedError';
    this.refusal = refusal;
  }
}
