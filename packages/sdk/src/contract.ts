/**
 * The backend contract (spec §8): every request and response body as a zod schema.
 * The HTTP client parses every response with these; the fetch handler parses every request.
 */
import * as z from 'zod/mini';
import { wholeNumber } from './checks.js';
import { regionConfigSchema } from './config.js';
import { intakeSchema, intakeStatuses, type Intake, type IntakeRequest } from './intake.js';
import type { ActionRequest, CreateDossierRequest } from './requests.js';
export type { ActionRequest, CreateDossierRequest } from './requests.js';
import type { SectionAnswers } from './sections/types.js';

/**
 * Wire limits: generous for real answers, tight enough to refuse abuse with a 400. `query` is
 * the longest search text (`q`, and every other query parameter) the backend takes; search
 * boxes use it as their `maxlength`.
 */
export const limits = { text: 10_000, listItems: 50, answersPerSection: 200, id: 100, query: 100 } as const;

const id = z.string().check(z.minLength(1), z.maxLength(limits.id));
const isoDateTime = z.string().check(z.maxLength(40));
const nullable = <T extends z.core.SomeType>(schema: T) => z.nullable(schema);

/** `decaan`: the school's coordinator (decaan, VO-coördinator), who oversees every student of the school. */
export const roleSchema = z.enum(['student', 'guardian', 'mentor', 'decaan', 'mbo']);
export type Role = z.infer<typeof roleSchema>;

export const dossierTypeSchema = z.enum(['vo-mbo', 'mbo-mbo', 'werk-mbo']);
export const dossierStatusSchema = z.enum(['concept', 'bijMentor', 'deelB', 'akkoord', 'afgerond']);
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

export const dossierActionSchema = z.enum([
  'submitToMentor',
  'submitForConsent',
  'returnToDeelA',
  'startDeelB',
  'sendToStudent',
  'backToDeelA',
  'recordInzage',
  'finalize',
  'archive',
  'reactivate',
  'changeMentor',
]);
export type DossierAction = z.infer<typeof dossierActionSchema>;

/**
 * Text no backend can store: a NUL character (PostgreSQL text and jsonb refuse it) or half of a
 * surrogate pair (not well-formed UTF-16: jsonb refuses it, UTF-8 cannot encode it). With the `u`
 * flag a complete pair is one code point, so only a lone half matches the range.
 */
// eslint-disable-next-line no-control-regex -- NUL on purpose: PostgreSQL cannot store it
const unstorableCharacter = /[\u0000\uD800-\uDFFF]/u;
const unstorableCharacters = new RegExp(unstorableCharacter.source, 'gu');

/** False when `text` holds a NUL character or a lone surrogate, which requests may not carry. */
export function isStorableText(text: string): boolean {
  return !unstorableCharacter.test(text);
}

/** `text` without NUL characters and with every lone surrogate replaced by U+FFFD, so it can be stored. */
export function toStorableText(text: string): string {
  return text.replace(unstorableCharacters, (character) => (character === '\u0000' ? '' : '\uFFFD'));
}

/** The issue message (developers read it in a problem's `errors`) for text `isStorableText` refuses. */
export const unstorableTextMessage = 'contains a NUL character or a lone surrogate (not well-formed UTF-16), which cannot be stored';

/** A string schema, at most `maxLength` long when given. */
export type TextSchema = (maxLength?: number) => z.ZodMiniString<string>;
const anyText: TextSchema = (maxLength) => (maxLength === undefined ? z.string() : z.string().check(z.maxLength(maxLength)));

/**
 * One section's answers: scalars, string lists, references, and repeat entries, with `text` for
 * every string and key. Responses use it with any text, requests (requests.ts) with storable text.
 */
export function answersSchemaOf(text: TextSchema) {
  const referenceAnswer = z.object({
    id: text(limits.id),
    label: text(500),
    detail: z.optional(z.record(text(), z.union([text(500), z.number()]))),
  });
  const scalar = z.union([text(limits.text), z.number(), z.boolean(), z.null()]);
  const textList = z.array(text(500)).check(z.maxLength(limits.answersPerSection));
  const flatAnswers = z.record(text(limits.id), z.union([scalar, textList, referenceAnswer]));
  return z.record(text(limits.id), z.union([scalar, textList, referenceAnswer, z.array(flatAnswers).check(z.maxLength(limits.listItems))]));
}
/** One section's answers on the wire, as a backend returns them. */
export const sectionAnswersSchema = answersSchemaOf(anyText);

export const personRefSchema = z.object({ id, naam: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

export const meSchema = z.object({
  role: roleSchema,
  person: z.object({ id, naam: z.string(), email: z.optional(z.string()) }),
  /**
   * Student, mentor and decaan: their school. `mentorRoster` is a fact of the school's registration:
   * true when students choose their mentor from the school's list (of their klas), false when
   * they type a name and e-mail. Absent from older backends: then the list decides (empty = none).
   */
  school: z.optional(z.object({ id, naam: z.string(), mentorRoster: z.optional(z.boolean()) })),
  /** Guardian: the students they may consent for. */
  studentIds: z.optional(z.array(id)),
  /** MBO staff: the BRIN code of their instelling. */
  instelling: z.optional(z.object({ brin: z.string(), naam: z.string() })),
});
/** Who is acting: what `GET /me` says about the bearer of the token. */
export type Actor = z.infer<typeof meSchema>;
export type Me = Actor;

export const mentorSchema = z.object({ id: z.optional(id), naam: z.string().check(z.maxLength(200)), email: z.string().check(z.maxLength(254)) });
export type Mentor = z.infer<typeof mentorSchema>;

export const inzageSchema = z.object({ role: z.enum(['student', 'guardian']), person: personRefSchema, at: isoDateTime });
export type Inzage = z.infer<typeof inzageSchema>;

export const dossierSchema = z.object({
  id,
  type: dossierTypeSchema,
  status: dossierStatusSchema,
  archived: z.boolean(),
  /** Increases on every change; send it back as `If-Match`. */
  version: z.number().check(wholeNumber, z.nonnegative()),
  student: z.object({
    id,
    naam: z.string(),
    schoolId: nullable(id),
    klas: z.optional(z.string()),
    leerjaar: z.optional(z.number()),
    /**
     * The birth date (YYYY-MM-DD) the school registered: it decides whether a guardian must
     * consent, and A1's geboortedatum cannot differ from it. Absent when the backend holds none
     * (e.g. werk-mbo): then the one typed in A1 counts.
     */
    geboortedatum: z.optional(z.string().check(z.maxLength(10))),
    /** Which persoonsgebonden nummer the school registered (A1 then shows it read-only). */
    nummerSoort: z.optional(z.enum(['bsn', 'onderwijsnummer'])),
  }),
  mentor: nullable(mentorSchema),
  /** Section id → answers. Sections the viewer may not see are absent. */
  answers: z.record(z.string(), sectionAnswersSchema),
  inzage: z.array(inzageSchema),
  /** Set when the mentor sent deel B to the student: deel B is visible to them from then on. */
  deelBSentAt: nullable(isoDateTime),
  finalizedAt: nullable(isoDateTime),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** When the dossier reached its current status (days stuck in a step); absent from older backends. */
  statusSince: z.optional(isoDateTime),
  /** The MBO's intake status (afgerond dossiers): for the student, the decaan and the MBO only. */
  intake: z.optional(intakeSchema),
  /**
   * Afgerond: the hash of the history entry that made the dossier afgerond (history-chain.ts), as
   * the PDF and the exports carry it; `GET /dossiers/{id}/verify` checks the chain up to it.
   */
  finalHash: z.optional(z.string().check(z.maxLength(128))),
});
/** Answers are typed by the section definitions' `SectionAnswers` (read-only), which parsed JSON satisfies. */
export type Dossier = Omit<z.infer<typeof dossierSchema>, 'answers'> & { answers: Record<string, SectionAnswers> };

export const dossierSummarySchema = z.object({
  id,
  type: dossierTypeSchema,
  status: dossierStatusSchema,
  archived: z.boolean(),
  version: z.number(),
  student: z.object({ id, naam: z.string(), klas: z.optional(z.string()), leerjaar: z.optional(z.number()) }),
  mentor: nullable(mentorSchema),
  /** The chosen programme (A7), when known. */
  keuze: nullable(z.string()),
  /** Required deel A questions answered, 0–100. */
  percentA: z.number(),
  updatedAt: isoDateTime,
  /** When the dossier reached its current status. */
  statusSince: z.optional(isoDateTime),
  /** In akkoord, a guardian must still consent (the student is under the consent age and no guardian has). */
  guardianConsentOutstanding: z.optional(z.boolean()),
  /** The A7 choice in parts, for tables (the school's and the MBO's). */
  choice: z.optional(
    z.object({
      instelling: z.optional(z.string()),
      locatie: z.optional(z.string()),
      locatieCode: z.optional(z.string()),
      opleiding: z.optional(z.string()),
      crebo: z.optional(z.string()),
      cohort: z.optional(z.string()),
    }),
  ),
  /** The MBO's intake status: for the student, the decaan and the MBO only. */
  intake: z.optional(intakeSchema),
  /** The persoonsgebonden nummer (BSN or onderwijsnummer): in the MBO's worklist only, to search by. */
  nummer: z.optional(z.string()),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const studentOverviewSchema = z.object({
  id,
  naam: z.string(),
  klas: z.optional(z.string()),
  leerjaar: z.optional(z.number()),
  dossiers: z.array(dossierSummarySchema),
});
export type StudentOverview = z.infer<typeof studentOverviewSchema>;

export const dossierListSchema = z.object({
  items: z.array(dossierSummarySchema),
  /** Only for the mentor's `mijnLeerlingen` view: every student, with or without a dossier. */
  students: z.optional(z.array(studentOverviewSchema)),
});
export type DossierList = z.infer<typeof dossierListSchema>;

export interface DossierListQuery {
  view?: 'teBehandelen' | 'mijnLeerlingen';
  klas?: string;
  leerjaar?: number;
  q?: string;
}

export const historyEntrySchema = z.object({
  at: isoDateTime,
  /** Who did it; absent in what an MBO reads (milestones only, no names). */
  actor: z.optional(z.object({ id: z.string(), role: roleSchema, naam: z.string() })),
  kind: z.enum(['created', 'saved', 'action', 'intake']),
  /** kind 'intake': the status the MBO set. */
  intakeStatus: z.optional(z.enum(intakeStatuses)),
  sectionId: z.optional(z.string()),
  action: z.optional(dossierActionSchema),
  from: z.optional(dossierStatusSchema),
  to: z.optional(dossierStatusSchema),
  version: z.number(),
  /**
   * SHA-256 over the hash of the entry before it and this entry (history-chain.ts): the dossier's
   * entries form a chain that shows a later change. Absent in what an MBO reads, and in entries
   * written before the chain existed.
   */
  hash: z.optional(z.string().check(z.maxLength(128))),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const historySchema = z.array(historyEntrySchema);

export const begeleidingSchema = z.object({ studentId: id, answers: sectionAnswersSchema, version: z.number().check(wholeNumber, z.nonnegative()) });
export type Begeleiding = Omit<z.infer<typeof begeleidingSchema>, 'answers'> & { answers: SectionAnswers };

export const institutionSchema = z.object({ brin: z.string(), naam: z.string(), plaatsen: z.array(z.string()) });
export type Institution = z.infer<typeof institutionSchema>;
export const locationSchema = z.object({ code: z.string(), naam: z.string(), plaats: z.string() });
export type Location = z.infer<typeof locationSchema>;
export const programmeSchema = z.object({
  id: z.string(),
  crebo: z.string(),
  naam: z.string(),
  niveau: z.number().check(wholeNumber, z.gte(1), z.lte(4)),
  leerweg: z.enum(['BOL', 'BBL']),
  cohort: z.string(),
  locatieCodes: z.array(z.string()),
});
export type Programme = z.infer<typeof programmeSchema>;

/** What `POST /reminders` did per student: reminded, or why not (a refusal code). */
export const reminderResultSchema = z.object({
  sent: z.array(id),
  refused: z.array(z.object({ studentId: id, reason: z.string() })),
});
export type ReminderResult = z.infer<typeof reminderResultSchema>;

/** What `POST /schools/{id}/klassen/{klas}/mentor` did: the dossiers moved, and those refused with why. */
export const klasMoveResultSchema = z.object({
  moved: z.array(id),
  refused: z.array(z.object({ dossierId: id, reason: z.string() })),
});
export type KlasMoveResult = z.infer<typeof klasMoveResultSchema>;

export { intakeSchema };
export const regionConfigResponseSchema = regionConfigSchema;
export const mentorsSchema = z.array(mentorSchema);
export const institutionsSchema = z.array(institutionSchema);
export const locationsSchema = z.array(locationSchema);
export const programmesSchema = z.array(programmeSchema);

const pathSegment = /^(?:\d{1,6}|[a-zA-Z][a-zA-Z0-9]{0,40}(?:\.[a-zA-Z0-9]{1,41})*)$/;

/**
 * An `errors[].path` that repeats no text the client made up: segments are kept while each is an
 * index or an identifier (as every question id is) and the path stops before the first that is not,
 * so a key such as `<script>` is never echoed into a response, a log or a screen.
 */
export function safeErrorPath(segments: ReadonlyArray<string | number>): string {
  const kept: string[] = [];
  for (const segment of segments) {
    const text = String(segment);
    if (text !== '' && !pathSegment.test(text)) break;
    if (text !== '') kept.push(text);
  }
  return kept.join('.');
}

/** RFC 9457 problem details, with the failing paths for validation errors. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  /** A typed refusal code from the workflow (see `RefusalCode`). */
  reason: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof problemSchema>;

/** Everything a portal needs from a backend. `createHttpClient` and the memory backend implement it. */
export interface DossierApi {
  me(): Promise<Me>;
  config(): Promise<z.infer<typeof regionConfigSchema>>;
  listDossiers(query?: DossierListQuery): Promise<DossierList>;
  createDossier(request: CreateDossierRequest): Promise<Dossier>;
  getDossier(id: string): Promise<Dossier>;
  /** Saves partial answers of one section; `version` goes out as `If-Match` (409 when stale). */
  saveSection(id: string, sectionId: string, answers: Record<string, unknown>, version: number): Promise<Dossier>;
  act(id: string, action: DossierAction, request?: ActionRequest, version?: number): Promise<Dossier>;
  history(id: string): Promise<HistoryEntry[]>;
  getBegeleiding(studentId: string): Promise<Begeleiding>;
  saveBegeleiding(studentId: string, answers: Record<string, unknown>, version: number): Promise<Begeleiding>;
  mentors(schoolId: string): Promise<Mentor[]>;
  /** Decaan: reminds these students of their next step (through the backend's notifications). */
  remind(studentIds: ReadonlyArray<string>): Promise<ReminderResult>;
  /** Decaan: gives klas `klas` to another mentor of the school, with every open dossier of its students. */
  moveKlas(schoolId: string, klas: string, mentorId: string): Promise<KlasMoveResult>;
  /** MBO staff of the chosen instelling: the intake status of an afgerond dossier. */
  setIntake(dossierId: string, request: IntakeRequest): Promise<Intake>;
  /**
   * Optional: the afgerond dossier as PDF, exactly as this reader may see it (the reference
   * server's `GET /dossiers/{id}/pdf`, outside the contract: other backends may leave the route
   * out and answer 404, kind 'notFound'). `createHttpClient` has it.
   */
  dossierPdf?(id: string): Promise<Blob>;
  institutions(q?: string): Promise<Institution[]>;
  locations(brin: string): Promise<Location[]>;
  programmes(brin: string, q?: string): Promise<Programme[]>;
}
