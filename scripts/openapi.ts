// Generates docs/openapi.json (OpenAPI 3.1) from the SDK's zod schemas, so the document can
// never say something else than what the client and the fetch handler check.
// Run `npm run openapi` after changing packages/sdk/src/contract.ts or requests.ts;
// `npm run check:openapi` fails while the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as contract from '../packages/sdk/src/contract.js';
import * as requests from '../packages/sdk/src/requests.js';
import { intakeRequestSchema } from '../packages/sdk/src/intake.js';
import { historyVerificationSchema } from '../packages/sdk/src/history-chain.js';
import { wholeNumber } from '../packages/sdk/src/checks.js';
import type { DossierApi } from '../packages/sdk/src/contract.js';
import { baseSections } from '../packages/sdk/src/config.js';
import { refusal, refusalCodes } from '../packages/sdk/src/refusals.js';
import { problemTypeBase } from '../packages/sdk/src/server/problems.js';
import * as admin from '../packages/sdk/src/server/admin.js';
import * as retention from '../packages/sdk/src/server/retention.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const openApiFile = path.join(root, 'docs', 'openapi.json');

type JsonSchema = Record<string, unknown>;
interface ZodJsonSchemaApi {
  registry<Meta>(): { add(schema: unknown, meta: Meta): unknown };
  toJSONSchema(
    registry: unknown,
    params: {
      target: string;
      io: 'input' | 'output';
      uri: (id: string) => string;
      metadata: unknown;
      override: (context: { zodSchema: { _zod: { def: { checks?: Array<{ _zod: { check: unknown } }> } } }; jsonSchema: JsonSchema }) => void;
    },
  ): { schemas: Record<string, JsonSchema> };
}

/** The zod the contract was built with (the SDK's own copy; the root may hold another major). */
async function sdkZod(): Promise<ZodJsonSchemaApi> {
  const require = createRequire(path.join(root, 'packages', 'sdk', 'package.json'));
  const zodDir = path.dirname(require.resolve('zod/package.json'));
  return (await import(pathToFileURL(path.join(zodDir, 'mini', 'index.js')).href)) as ZodJsonSchemaApi;
}

/** Component name → schema, with what an implementer needs to know that the types do not say. */
const components: Record<string, [schema: unknown, description: string]> = {
  Role: [contract.roleSchema, 'The role of the person behind the bearer token.'],
  DossierType: [contract.dossierTypeSchema, 'vo-mbo needs the mentor part (deel B); mbo-mbo and werk-mbo have none.'],
  DossierStatus: [contract.dossierStatusSchema, 'Workflow state (spec §5). `afgerond` is final.'],
  DossierAction: [contract.dossierActionSchema, 'A workflow action; see docs/contract.md for who may perform which action when.'],
  Me: [contract.meSchema, 'Who the bearer of the token is: role, person, and their school, students (guardian) or instelling (mbo).'],
  RegionConfig: [contract.regionConfigResponseSchema, 'The regional configuration (spec §7) the elements build their forms from.'],
  PersonRef: [contract.personRefSchema, 'A person by id and display name.'],
  Mentor: [contract.mentorSchema, 'A mentor from the school roster (with id) or typed in by the student (name and e-mail only).'],
  Inzage: [contract.inzageSchema, 'Who read the complete dossier before consenting, and when.'],
  SectionAnswers: [
    contract.sectionAnswersSchema,
    'Answers of one section by question id: text, number, boolean, null (clears), a list of option values, a catalogue reference {id,label,detail}, or a list of repeat entries.',
  ],
  SentSectionAnswers: [
    requests.sentSectionAnswersSchema,
    'SectionAnswers as a client sends them: no text and no key may hold a NUL character or a lone surrogate (half of a UTF-16 pair), which no backend can store; such a request gets 400 with type validation.',
  ],
  Dossier: [contract.dossierSchema, 'One dossier as the viewer may see it: sections they may not read are absent from `answers`. `version` increases on every change; send it back as `If-Match`.'],
  DossierSummary: [contract.dossierSummarySchema, 'A dossier in a list: status, chosen programme (`keuze`) and deel A completion (`percentA`, 0–100).'],
  StudentOverview: [contract.studentOverviewSchema, "A mentor's student with all their dossiers (view `mijnLeerlingen`)."],
  DossierList: [contract.dossierListSchema, 'Dossiers the viewer may see; `students` only in the mentor view `mijnLeerlingen`.'],
  CreateDossierRequest: [requests.createDossierRequestSchema, 'A new dossier of this type; the leerling-specifieke sections (A1–A6) are copied from `copyFrom` or else from the newest dossier.'],
  SaveSectionRequest: [requests.saveSectionRequestSchema, 'Partial answers: only the questions sent change; `null` clears an answer. Formats are not enforced on drafts.'],
  ActionRequest: [requests.actionRequestSchema, 'Only `submitToMentor` uses a body: `mentorId` from the roster, or `mentor` {naam,email} when the region has no roster.'],
  HistoryEntry: [contract.historyEntrySchema, 'One change: a save or a workflow action, with who did it and the version it produced.'],
  History: [contract.historySchema, 'The history of a dossier, oldest first.'],
  Begeleiding: [contract.begeleidingSchema, "The student's leerling-specifiek deel B (B1), kept across their dossiers, with its own version."],
  Institution: [contract.institutionSchema, 'An MBO instelling by BRIN code, with the places it has locations in.'],
  Location: [contract.locationSchema, 'A location of an instelling.'],
  Programme: [contract.programmeSchema, 'A programme (opleiding) of an instelling: crebo, niveau 1–4, BOL/BBL, cohort and the locations offering it.'],
  Mentors: [contract.mentorsSchema, 'The mentors of a school.'],
  Institutions: [contract.institutionsSchema, 'Instellingen matching the query.'],
  Locations: [contract.locationsSchema, 'Locations of one instelling.'],
  Programmes: [contract.programmesSchema, 'Programmes of one instelling matching the query.'],
  ReminderRequest: [requests.reminderRequestSchema, 'The students a decaan reminds of their next step.'],
  ReminderResult: [contract.reminderResultSchema, 'Per student: reminded, or refused with a reason code (`notYours`, `nothingToDo`).'],
  KlasMoveRequest: [requests.klasMoveRequestSchema, 'The mentor of the school who takes the klas over.'],
  KlasMoveResult: [contract.klasMoveResultSchema, 'The dossiers moved to the new mentor, and those refused with a reason code.'],
  IntakeRequest: [intakeRequestSchema, 'The intake status an MBO sets: `datum` with `intakeGepland`, `reden` with `nietGeplaatst`.'],
  Intake: [contract.intakeSchema, "The MBO's intake status of a received dossier (placement feedback to the school)."],
  HistoryVerification: [historyVerificationSchema, "The dossier's history chain recomputed (docs/contract.md, The history chain). The MBO gets only `valid`, `finalHash` and `algorithm`."],
  ProvisioningDocument: [
    admin.provisioningDocumentSchema,
    'Admin API (@doorstroom/server): one import of any kinds of records, applied in one transaction (all or nothing). Records are upserts keyed on their stable ids; `complete` names the schools (and BRIN codes) whose lists are complete, so whoever is missing is a leaver (deactivated, never deleted).',
  ],
  ImportReport: [
    admin.importReportSchema,
    'Admin API: what an import changed (or, with `dryRun`, would change): counts per kind, every change with its CSV line, the open dossiers that followed a changed registration, and warnings.',
  ],
  ImportProblem: [
    admin.importProblemSchema,
    'Admin API: a refused import (type `…/import-refused`, status 422). Nothing was changed. `errors[]` has the record path, the CSV line and a Dutch message per problem.',
  ],
  RetentionReport: [
    retention.retentionReportSchema,
    'Admin API: what a retention run removed (or, with `dryRun`, would remove now): the policy and the limits it gave, the ids of the removed dossiers by reason and of removed leavers, and counts per kind. No names.',
  ],
  EraseReport: [retention.eraseReportSchema, 'Admin API: everything of one student erased on request (or, with `dryRun`, what would be): the dossier ids and counts per kind.'],
  AuditLog: [retention.auditLogSchema, 'Admin API: the audit log, newest first: every import, erasure and retention run with who, when and counts (never names or answers).'],
  AdminSummary: [admin.adminSummarySchema, 'Admin API: how many of each kind are provisioned, active and inactive.'],
  AdminSchools: [admin.adminSchoolsSchema, 'Admin API: every school with its klassen, student counts, mentors and decanen.'],
  AdminPerson: [admin.adminPersonSchema, 'Admin API: one provisioned person, their role, login, whether they may sign in, and their record.'],
  Problem: [contract.problemSchema, 'RFC 9457 problem details. `reason` is a typed code (see the responses), `errors` lists failing paths of a request body such as `answers.postcode`.'],
};

const ref = (name: keyof typeof components) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof components, description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref(name) } },
});
const body = (name: keyof typeof components, required = true) => ({ required, content: { 'application/json': { schema: ref(name) } } });
const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

const reasonsWith = (status: number) =>
  refusalCodes
    .filter((code) => refusal(code).status === status)
    .map((code) => `\`${code}\``)
    .join(', ');

const type = (kind: string) => `\`${problemTypeBase}${kind}\``;
const errorResponses = {
  BadRequest: `The body, query or If-Match header does not match the contract (type ${type('bad-request')}), or answers have the wrong type, option or length, or text holds a NUL character or a lone surrogate (type ${type('validation')}). \`errors\` lists the failing paths, e.g. \`answers.postcode\`.`,
  Unauthorized: `No valid bearer token (type ${type('unauthorized')}).`,
  Forbidden: `The role or person may not do this (type ${type('forbidden')}). \`reason\`: ${reasonsWith(403)}.`,
  NotFound: `No such resource, or one the person may not see (type ${type('not-found')}).`,
  Conflict:
    `Stale copy: type ${type('conflict')} with reason \`staleVersion\` (If-Match is not the current version: load it again and reapply the change). ` +
    `Otherwise the workflow refuses in this state: type ${type('refused')} with \`reason\` ${reasonsWith(409)}.`,
  PreconditionRequired: `A save was sent without \`If-Match\` (type ${type('precondition-required')}).`,
  PayloadTooLarge: `The request body is larger than the backend accepts (type ${type('payload-too-large')}; 256 kB in the reference implementation).`,
  Unprocessable: `The workflow refuses because data is still missing (type ${type('refused')}). \`reason\`: ${reasonsWith(422)}.`,
  TooManyRequests: `Too many requests (type ${type('rate-limited')}); \`Retry-After\` says when to try again. @doorstroom/server limits per token; the bare SDK handler does not.`,
  ServerError: `Something went wrong on the server (type ${type('server-error')}).`,
};

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const readErrors = {
  '400': errorRef('BadRequest'),
  '401': errorRef('Unauthorized'),
  '403': errorRef('Forbidden'),
  '404': errorRef('NotFound'),
  '429': errorRef('TooManyRequests'),
  '500': errorRef('ServerError'),
};
const writeErrors = { ...readErrors, '409': errorRef('Conflict'), '413': errorRef('PayloadTooLarge'), '422': errorRef('Unprocessable') };

const pathParam = (name: string, description: string, schema: JsonSchema = { type: 'string', minLength: 1, maxLength: contract.limits.id }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
const queryParam = (name: string, description: string, schema: JsonSchema = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const ifMatch = (required: boolean) => ({
  name: 'If-Match',
  in: 'header',
  required,
  description: 'The version the change is based on, as an ETag: `"7"`. A stale version gives 409 with reason `staleVersion`.',
  schema: { type: 'string', pattern: '^(W/)?"?\\d+"?$', examples: ['"7"'] },
});
const etag = { ETag: { description: 'The new version, quoted: `"8"`.', schema: { type: 'string' } } };

const dossierId = pathParam('id', 'Dossier id.');
const brin = pathParam('brin', 'BRIN code of the instelling, e.g. 25LJ.');

/**
 * One operation per `DossierApi` method: a method missing here fails the type check. The optional
 * `dossierPdf` is the reference server's route beside the contract (`dossierOperations` below).
 */
const operations: Record<Exclude<keyof DossierApi, 'dossierPdf'>, { method: 'get' | 'post' | 'patch' | 'put'; path: string; operation: Record<string, unknown> }> = {
  me: { method: 'get', path: '/me', operation: { tags: ['session'], summary: 'Who am I: role, person and school', responses: { '200': json('Me', 'The person behind the token.'), ...readErrors } } },
  config: {
    method: 'get',
    path: '/config',
    operation: { tags: ['session'], summary: 'The regional configuration', responses: { '200': json('RegionConfig', 'The region this backend serves.'), ...readErrors } },
  },
  listDossiers: {
    method: 'get',
    path: '/dossiers',
    operation: {
      tags: ['dossiers'],
      summary: 'List dossiers: a student their own, a mentor their work list or students',
      parameters: [
        queryParam('view', 'Mentors: `teBehandelen` (bijMentor and deelB, the default) or `mijnLeerlingen` (every student, with `students`).', {
          type: 'string',
          enum: ['teBehandelen', 'mijnLeerlingen'],
        }),
        queryParam('klas', 'Mentors: only students of this class.'),
        queryParam('leerjaar', 'Mentors: only students in this school year.', { type: 'integer', minimum: 1 }),
        queryParam('q', 'Mentors: part of a student name.'),
      ],
      responses: { '200': json('DossierList', 'The dossiers the viewer may see, each filtered for them.'), ...readErrors },
    },
  },
  createDossier: {
    method: 'post',
    path: '/dossiers',
    operation: {
      tags: ['dossiers'],
      summary: 'Create a dossier (students)',
      requestBody: body('CreateDossierRequest'),
      responses: { '201': json('Dossier', 'The new dossier, status `concept`.', etag), ...writeErrors },
    },
  },
  getDossier: {
    method: 'get',
    path: '/dossiers/{id}',
    operation: {
      tags: ['dossiers'],
      summary: 'Read one dossier, filtered for the viewer',
      parameters: [dossierId],
      responses: { '200': json('Dossier', 'The dossier as the viewer may see it.', etag), ...readErrors },
    },
  },
  saveSection: {
    method: 'patch',
    path: '/dossiers/{id}/sections/{sectionId}',
    operation: {
      tags: ['dossiers'],
      summary: 'Save partial answers of one section',
      parameters: [dossierId, pathParam('sectionId', 'Section id.', { type: 'string', enum: baseSections.map((s) => s.id) }), ifMatch(true)],
      requestBody: body('SaveSectionRequest'),
      responses: { '200': json('Dossier', 'The saved dossier with its new version.', etag), '428': errorRef('PreconditionRequired'), ...writeErrors },
    },
  },
  act: {
    method: 'post',
    path: '/dossiers/{id}/actions/{action}',
    operation: {
      tags: ['dossiers'],
      summary: 'Perform a workflow action',
      parameters: [dossierId, pathParam('action', 'The workflow action.', ref('DossierAction')), ifMatch(false)],
      requestBody: body('ActionRequest', false),
      responses: { '200': json('Dossier', 'The dossier after the action.', etag), ...writeErrors },
    },
  },
  history: {
    method: 'get',
    path: '/dossiers/{id}/history',
    operation: { tags: ['dossiers'], summary: 'Every save and action on a dossier', parameters: [dossierId], responses: { '200': json('History', 'Oldest first.'), ...readErrors } },
  },
  getBegeleiding: {
    method: 'get',
    path: '/students/{id}/begeleiding',
    operation: {
      tags: ['begeleiding'],
      summary: "A student's leerling-specifiek deel B (mentors)",
      parameters: [pathParam('id', 'Student id.')],
      responses: { '200': json('Begeleiding', 'B1 of this student (empty answers and version 0 when never saved).', etag), ...readErrors },
    },
  },
  saveBegeleiding: {
    method: 'patch',
    path: '/students/{id}/begeleiding',
    operation: {
      tags: ['begeleiding'],
      summary: "Save a student's leerling-specifiek deel B (mentors of the student's school)",
      parameters: [pathParam('id', 'Student id.'), ifMatch(true)],
      requestBody: body('SaveSectionRequest'),
      responses: { '200': json('Begeleiding', 'B1 with its new version.', etag), '428': errorRef('PreconditionRequired'), ...writeErrors },
    },
  },
  mentors: {
    method: 'get',
    path: '/schools/{id}/mentors',
    operation: {
      tags: ['schools'],
      summary: 'The mentors of a school (the roster)',
      parameters: [pathParam('id', 'School id.')],
      responses: { '200': json('Mentors', 'The roster; empty when the school has none.'), ...readErrors },
    },
  },
  remind: {
    method: 'post',
    path: '/reminders',
    operation: {
      tags: ['school'],
      summary: 'Remind students of their next step (decaan); a notification each, in their language',
      requestBody: body('ReminderRequest'),
      responses: { '200': json('ReminderResult', 'Who was reminded and who not, with why.'), ...writeErrors },
    },
  },
  moveKlas: {
    method: 'post',
    path: '/schools/{id}/klassen/{klas}/mentor',
    operation: {
      tags: ['school'],
      summary: 'Give a klas to another mentor of the school (decaan): the roster and every open dossier of its students',
      parameters: [pathParam('id', 'School id.'), pathParam('klas', 'The klas, as registered (e.g. 4B).')],
      requestBody: body('KlasMoveRequest'),
      responses: { '200': json('KlasMoveResult', 'The dossiers moved, and those refused with why.'), ...writeErrors },
    },
  },
  setIntake: {
    method: 'put',
    path: '/dossiers/{id}/intake',
    operation: {
      tags: ['intake'],
      summary: 'Set the intake status of a received dossier (staff of the chosen instelling)',
      parameters: [dossierId],
      requestBody: body('IntakeRequest'),
      responses: { '200': json('Intake', 'The intake status as stored.'), ...writeErrors },
    },
  },
  institutions: {
    method: 'get',
    path: '/catalog/institutions',
    operation: {
      tags: ['catalog'],
      summary: 'MBO instellingen (typeahead)',
      parameters: [queryParam('q', 'Part of the name, a place or the BRIN code.')],
      responses: { '200': json('Institutions', 'Matching instellingen.'), ...readErrors },
    },
  },
  locations: {
    method: 'get',
    path: '/catalog/institutions/{brin}/locations',
    operation: { tags: ['catalog'], summary: 'Locations of an instelling', parameters: [brin], responses: { '200': json('Locations', 'Its locations.'), ...readErrors } },
  },
  programmes: {
    method: 'get',
    path: '/catalog/institutions/{brin}/programmes',
    operation: {
      tags: ['catalog'],
      summary: 'Programmes of an instelling (typeahead)',
      parameters: [brin, queryParam('q', 'Part of the name or the crebo code.')],
      responses: { '200': json('Programmes', 'Matching programmes.'), ...readErrors },
    },
  },
};

/**
 * Routes beside the contract: the history chain's verification, which the SDK's handler serves (no
 * client method), and the reference server's PDF, which other backends may leave out (the optional
 * `DossierApi.dossierPdf`).
 */
const dossierOperations: { method: 'get'; path: string; operationId: string; operation: Record<string, unknown> }[] = [
  {
    method: 'get',
    path: '/dossiers/{id}/verify',
    operationId: 'verifyHistory',
    operation: {
      tags: ['dossiers'],
      summary: "Recompute the dossier's history chain (tamper evidence)",
      description:
        'For whoever may read the dossier. Every history entry carries a SHA-256 hash over the one before it; `finalHash` is the hash of the entry that made the dossier afgerond, as the PDF and the exports carry it. ' +
        'Served by the SDK handler; a backend of its own may leave it out.',
      parameters: [dossierId],
      responses: { '200': json('HistoryVerification', 'Whether the chain holds, and where it breaks.'), ...readErrors },
    },
  },
  {
    method: 'get',
    path: '/dossiers/{id}/pdf',
    operationId: 'dossierPdf',
    operation: {
      tags: ['dossiers'],
      summary: 'The afgerond dossier as a PDF, as the reader may see it (@doorstroom/server only; optional for other backends)',
      description:
        'Made from exactly what GET /dossiers/{id} gives the reader (the MBO: what the student shared, without a word about the rest), with the consent record and the final hash of the history chain. ' +
        'For the MBO, downloading it marks the dossier read. 409 `wrongState` before afgerond.',
      parameters: [dossierId],
      responses: {
        '200': {
          description: 'The PDF (Content-Disposition: attachment; filename="doorstroomdossier-<id>.pdf").',
          content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } },
        },
        '409': errorRef('Conflict'),
        ...readErrors,
      },
    },
  },
];

/**
 * The admin API of @doorstroom/server for the `beheerder` role: not part of `DossierApi` (the
 * elements never call it), so a backend of its own need not offer it. Same bearer tokens.
 */
const adminErrors = { '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '429': errorRef('TooManyRequests'), '500': errorRef('ServerError') };
const adminOperations: { method: 'get' | 'post' | 'delete'; path: string; operationId: string; operation: Record<string, unknown> }[] = [
  {
    method: 'get',
    path: '/admin/summary',
    operationId: 'adminSummary',
    operation: { tags: ['admin'], summary: 'How many schools, klassen and people are provisioned (beheerder)', responses: { '200': json('AdminSummary', 'Counts per kind.'), ...adminErrors } },
  },
  {
    method: 'post',
    path: '/admin/import',
    operationId: 'adminImport',
    operation: {
      tags: ['admin'],
      summary: 'Import provisioning: a JSON document, or a CSV export of a school information system (beheerder)',
      description:
        'One transaction: everything or nothing. A CSV file is the complete list of its school (students, or staff with `kind=medewerkers`) unless `partial=true`: whoever is missing is deactivated, never deleted. ' +
        'Open dossiers follow a changed registration; in akkoord a changed registered birth date starts the consent over. Up to 20 MB (`DOORSTROOM_ADMIN_MAX_BYTES`); the columns are documented in packages/server/README.md.',
      parameters: [
        queryParam('dryRun', '`true`: report what would change, write nothing.', { type: 'string', enum: ['true', 'false'] }),
        queryParam('kind', 'CSV: which export (default: recognised from the columns).', { type: 'string', enum: ['leerlingen', 'medewerkers', 'mbo-medewerkers'] }),
        queryParam('school', 'CSV: the school id for rows without a `school` column.', { type: 'string', pattern: admin.provisioningIdPattern.source }),
        queryParam('partial', 'CSV: `true` when the file is not the complete list (nobody becomes a leaver).', { type: 'string', enum: ['true', 'false'] }),
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: ref('ProvisioningDocument') },
          'text/csv': { schema: { type: 'string', description: 'UTF-8; `;`, `,` or tab; the first line names the columns.' } },
        },
      },
      responses: {
        '200': json('ImportReport', 'What changed (or would change).'),
        '400': errorRef('BadRequest'),
        '413': errorRef('PayloadTooLarge'),
        '415': problemResponse(`Content-Type is neither application/json nor text/csv (type ${type('unsupported-media-type')}).`),
        '422': { description: 'The import was refused; nothing changed.', content: { 'application/problem+json': { schema: ref('ImportProblem') } } },
        ...adminErrors,
      },
    },
  },
  {
    method: 'get',
    path: '/admin/schools',
    operationId: 'adminSchools',
    operation: { tags: ['admin'], summary: 'Every school with its klassen, mentors and decanen (beheerder)', responses: { '200': json('AdminSchools', 'The schools.'), ...adminErrors } },
  },
  {
    method: 'get',
    path: '/admin/people/{id}',
    operationId: 'adminPerson',
    operation: {
      tags: ['admin'],
      summary: 'One provisioned person (beheerder)',
      parameters: [pathParam('id', 'Person id.', { type: 'string', pattern: admin.provisioningIdPattern.source })],
      responses: { '200': json('AdminPerson', 'The person and their record.'), '404': errorRef('NotFound'), ...adminErrors },
    },
  },
  {
    method: 'post',
    path: '/admin/retention',
    operationId: 'adminRetention',
    operation: {
      tags: ['admin'],
      summary: 'Run retention now: remove what is past its period (beheerder)',
      description:
        "What the daily job does: afgerond dossiers some months after the end of their school year, other dossiers and leavers without a dossier some months after their last change, sent notifications after some days (the periods are the server's configuration, docs/operations.md). " +
        'One transaction; `dryRun=true` reports exactly what a run now would remove and removes nothing. No body. Recorded in the audit log.',
      parameters: [queryParam('dryRun', '`true`: report, remove nothing.', { type: 'string', enum: ['true', 'false'] })],
      responses: { '200': json('RetentionReport', 'What was (or would be) removed.'), '400': errorRef('BadRequest'), ...adminErrors },
    },
  },
  {
    method: 'delete',
    path: '/admin/students/{id}',
    operationId: 'adminEraseStudent',
    operation: {
      tags: ['admin'],
      summary: 'Erase everything of one student on request (AVG art. 17) (beheerder)',
      description:
        'Their dossiers with history, intake status, consent links and notifications, their B1, their registration and login, and guardians of no other student. `dryRun=true` first to see what goes. No body. Recorded in the audit log with the student id and counts.',
      parameters: [
        pathParam('id', 'Student id.', { type: 'string', pattern: admin.provisioningIdPattern.source }),
        queryParam('dryRun', '`true`: report, erase nothing.', { type: 'string', enum: ['true', 'false'] }),
      ],
      responses: { '200': json('EraseReport', 'What was (or would be) erased.'), '400': errorRef('BadRequest'), '404': errorRef('NotFound'), ...adminErrors },
    },
  },
  {
    method: 'get',
    path: '/admin/audit',
    operationId: 'adminAudit',
    operation: {
      tags: ['admin'],
      summary: 'The audit log of admin actions, newest first (beheerder)',
      parameters: [
        queryParam('limit', 'Entries per page, 1 to 500 (default 100).', { type: 'string', pattern: '^[1-9][0-9]{0,2}$' }),
        queryParam('before', 'An entry id (`next` of the previous page): older entries.', { type: 'string', pattern: '^[1-9][0-9]{0,17}$' }),
      ],
      responses: { '200': json('AuditLog', 'One page of entries.'), '400': errorRef('BadRequest'), ...adminErrors },
    },
  },
];

function sdkVersion(): string {
  return (JSON.parse(readFileSync(path.join(root, 'packages', 'sdk', 'package.json'), 'utf8')) as { version: string }).version;
}

export async function buildOpenApi(): Promise<Record<string, unknown>> {
  const z = await sdkZod();
  const registry = z.registry<{ id: string; description: string }>();
  for (const [id, [schema, description]] of Object.entries(components)) registry.add(schema, { id, description });
  // 'input': what the SDK accepts. Its objects ignore unknown properties, so a backend may add some.
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
    metadata: registry,
    override: ({ zodSchema, jsonSchema }) => {
      // The SDK's check functions for what z.int() and z.regex() check (packages/sdk/src/checks.ts), written as they would.
      for (const { _zod } of zodSchema._zod.def.checks ?? []) {
        if (_zod.check === wholeNumber) {
          jsonSchema['type'] = 'integer';
          jsonSchema['minimum'] ??= Number.MIN_SAFE_INTEGER;
          jsonSchema['maximum'] ??= Number.MAX_SAFE_INTEGER;
        }
        const pattern = (_zod.check as { pattern?: unknown }).pattern;
        if (pattern instanceof RegExp) jsonSchema['pattern'] = pattern.source;
      }
    },
  });
  // Shared sub-schemas without a component name would land here; name them in `components` instead.
  if ('__shared' in schemas) throw new Error(`unnamed shared schemas: ${Object.keys(schemas['__shared'] ?? {}).join(', ')}`);
  for (const schema of Object.values(schemas)) {
    delete schema['$schema'];
    delete schema['$id'];
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, { method, path: route, operation }] of Object.entries(operations)) {
    (paths[route] ??= {})[method] = { operationId, ...operation };
  }
  for (const { method, path: route, operationId, operation } of [...dossierOperations, ...adminOperations]) (paths[route] ??= {})[method] = { operationId, ...operation };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Doorstroomdossier backend contract',
      version: sdkVersion(),
      summary: 'What a backend serves for the @doorstroom/sdk client and the <ddd-*> elements.',
      description:
        'Generated from the zod schemas in packages/sdk/src/contract.ts by scripts/openapi.ts; do not edit by hand. ' +
        'JSON over HTTPS under one base URL; the portal chooses the bearer token. Every response is filtered for the person behind the token ' +
        '(see docs/privacy.md); every refusal is application/problem+json. The reference implementation is `createFetchHandler` in @doorstroom/sdk/server; ' +
        '@doorstroom/server runs it on Node with PostgreSQL, and its conformance kit checks any backend against this contract.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: 'https://api.example.nl/doorstroom', description: 'An example: the embedding portal chooses the base URL.' }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'session', description: 'Who is signed in, and the regional configuration.' },
      { name: 'dossiers', description: 'Dossiers, their sections, workflow actions and history.' },
      { name: 'begeleiding', description: "The mentor's leerling-specifiek deel B (B1)." },
      { name: 'schools', description: 'Mentor rosters.' },
      { name: 'catalog', description: 'MBO instellingen, locaties and opleidingen.' },
      { name: 'admin', description: 'Provisioning by the `beheerder` role: @doorstroom/server only, not part of the contract every backend serves.' },
    ],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A token issued by the embedding portal; the backend maps it to a person and role (`GET /me`).' } },
      responses: Object.fromEntries(Object.entries(errorResponses).map(([name, description]) => [name, problemResponse(description)])),
      schemas,
    },
  };
}

export const serialize = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(openApiFile, serialize(await buildOpenApi()));
  console.log(`Wrote ${path.relative(root, openApiFile)}`);
}
