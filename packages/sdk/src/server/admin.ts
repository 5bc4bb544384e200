/**
 * Provisioning: the wire shapes of a backend's admin API (the `beheerder` role), with which a
 * region puts its schools, klassen, students, mentors, decanen, guardians, MBO staff, region
 * configuration and MBO catalogue into the backend. Not part of `DossierApi`: the elements never
 * call these, so the script-tag bundle leaves this module out. @doorstroom/server hosts them under
 * `/admin` and its CLI `doorstroom-admin` sends the same documents; scripts/openapi.ts documents
 * them from these schemas.
 *
 * Everything is keyed on stable ids (the school's leerlingnummer, a personeelsnummer, …): an
 * import is an idempotent upsert. Text is storable (no NUL, no lone surrogate) and bounded.
 */
import * as z from 'zod/mini';
import { matching, wholeNumber } from '../checks.js';
import { regionConfigSchema } from '../config.js';
import { isStorableText, problemSchema, unstorableTextMessage } from '../contract.js';
import { codelists } from '../data/codelists.js';
import { isValidBsn, isValidOnderwijsnummer } from '../validators.js';

/** How long provisioned text may be. */
export const provisioningLimits = { naam: 200, email: 254, login: 254, plaats: 100, records: 200_000, klassenPerMentor: 50, studentsPerGuardian: 20 } as const;

/** A stable id: letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 100 long (safe in a URL path). */
export const provisioningIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** A klas as the school names it: `4B`, `H4a`, `3 vmbo-k`. */
export const klasPattern = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,19}$/;
/** A BRIN code: two digits and two letters or digits, e.g. `25LH`. */
export const brinPattern = /^[0-9]{2}[A-Z0-9]{2}$/;
export const emailPattern = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

const storable = (max: number) => z.string().check(z.maxLength(max), z.refine(isStorableText, { error: unstorableTextMessage }));
const filled = (max: number) => storable(max).check(z.refine((value) => value.trim() !== '', { error: 'must not be empty' }));
const id = z.string().check(matching(provisioningIdPattern));
const klas = z.string().check(matching(klasPattern));
const brin = z.string().check(matching(brinPattern));
const email = z.string().check(z.maxLength(provisioningLimits.email), matching(emailPattern));
const login = filled(provisioningLimits.login);
const leerjaar = z.number().check(wholeNumber, z.gte(1), z.lte(8));

/** A real calendar day, YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900;
}
const date = z.string().check(matching(isoDatePattern), z.refine(isCalendarDate, { error: 'is not a calendar date (YYYY-MM-DD)' }));

/** Relations of a guardian to a student (codelist `relatieTotLeerling`). */
export const guardianRelations = codelists.relatieTotLeerling.map((r) => r.code) as [string, ...string[]];

const common = {
  /** What the sign-in claim holds for this person (e.g. an e-mail address or the IdP's `sub`); default: their e-mail address. */
  login: z.optional(login),
  /** false: cannot sign in any more (a leaver); their data stays. Default true. */
  active: z.optional(z.boolean()),
};

export const schoolRecordSchema = z.object({
  id,
  naam: filled(provisioningLimits.naam),
  plaats: z.optional(storable(provisioningLimits.plaats)),
  brin: z.optional(brin),
  /** Students choose their mentor from the mentors of their klas (else they type a name and e-mail). */
  mentorRoster: z.boolean(),
  active: z.optional(z.boolean()),
});
export type SchoolRecord = z.infer<typeof schoolRecordSchema>;

export const klasRecordSchema = z.object({ schoolId: id, code: klas, leerjaar: z.optional(leerjaar), active: z.optional(z.boolean()) });
export type KlasRecord = z.infer<typeof klasRecordSchema>;

export const studentRecordSchema = z
  .object({
    id,
    naam: filled(provisioningLimits.naam),
    email,
    /** The registered persoonsgebonden nummer: a BSN, or else the onderwijsnummer DUO issued. */
    bsn: z.optional(z.string().check(z.refine((value) => isValidBsn(value) && /^\d{9}$/.test(value), { error: 'is not a valid BSN (9 digits, elfproef)' }))),
    onderwijsnummer: z.optional(z.string().check(z.refine((value) => isValidOnderwijsnummer(value) && /^\d{9}$/.test(value), { error: 'is not a valid onderwijsnummer (9 digits starting with 10)' }))),
    /** The registered birth date: it decides whether a guardian must consent. */
    geboortedatum: z.optional(date),
    /** The VO school; null for someone out of school or already in MBO. */
    schoolId: z.nullable(id),
    klas: z.optional(klas),
    leerjaar: z.optional(leerjaar),
    /** The language messages to this student are written in; absent: as before (Dutch when never set). */
    taal: z.optional(z.enum(['nl', 'en', 'ar', 'tr', 'uk', 'pl'])),
    /** Exactly these guardians (replaces the list); absent: the guardians stay as they are. */
    guardianIds: z.optional(z.array(id).check(z.maxLength(10))),
    ...common,
  })
  .check(z.refine((s) => !(s.bsn && s.onderwijsnummer), { error: 'has both a BSN and an onderwijsnummer: register one', path: ['onderwijsnummer'] }));
export type StudentRecord = z.infer<typeof studentRecordSchema>;

export const mentorRecordSchema = z.object({
  id,
  schoolId: id,
  naam: filled(provisioningLimits.naam),
  email,
  /** The klassen this mentor mentors: their students choose from them when the school keeps a roster. */
  klassen: z.array(klas).check(z.maxLength(provisioningLimits.klassenPerMentor)),
  ...common,
});
export type MentorRecord = z.infer<typeof mentorRecordSchema>;

export const decaanRecordSchema = z.object({ id, schoolId: id, naam: filled(provisioningLimits.naam), email, ...common });
export type DecaanRecord = z.infer<typeof decaanRecordSchema>;

export const guardianRecordSchema = z.object({
  id,
  naam: filled(provisioningLimits.naam),
  email: z.optional(email),
  relatie: z.enum(guardianRelations),
  /** The language of the e-mail asking their consent and of the consent page it links to; absent: as before (Dutch when never set). */
  taal: z.optional(z.enum(['nl', 'en', 'ar', 'tr', 'uk', 'pl'])),
  /** Exactly the students this guardian may consent for (replaces the links); absent: the links stay as the students' records say. */
  studentIds: z.optional(z.array(id).check(z.maxLength(provisioningLimits.studentsPerGuardian))),
  ...common,
});
export type GuardianRecord = z.infer<typeof guardianRecordSchema>;

export const mboStaffRecordSchema = z.object({ id, brin, naam: filled(provisioningLimits.naam), email: z.optional(email), ...common });
export type MboStaffRecord = z.infer<typeof mboStaffRecordSchema>;

export const beheerderRecordSchema = z.object({ id, naam: filled(provisioningLimits.naam), email: z.optional(email), ...common });
export type BeheerderRecord = z.infer<typeof beheerderRecordSchema>;

const catalogText = (max: number) => filled(max);
export const catalogInstitutionRecordSchema = z.object({
  brin,
  naam: catalogText(provisioningLimits.naam),
  locaties: z.array(z.object({ code: catalogText(20), naam: catalogText(provisioningLimits.naam), plaats: catalogText(provisioningLimits.plaats) })).check(z.maxLength(500)),
  opleidingen: z
    .array(
      z.object({
        id: id,
        crebo: z.string().check(matching(/^\d{5}$/)),
        naam: catalogText(provisioningLimits.naam),
        niveau: z.number().check(wholeNumber, z.gte(1), z.lte(4)),
        leerweg: z.enum(['BOL', 'BBL']),
        cohort: z.string().check(matching(/^\d{4}$/)),
        locatieCodes: z.array(catalogText(20)).check(z.maxLength(500)),
      }),
    )
    .check(z.maxLength(20_000)),
});
export type CatalogInstitutionRecord = z.infer<typeof catalogInstitutionRecordSchema>;

const records = <T extends z.ZodMiniType>(schema: T) => z.optional(z.array(schema).check(z.maxLength(provisioningLimits.records)));

/**
 * One import: any of the kinds, in any combination, applied in one transaction (all or nothing).
 * Records are upserts keyed on their id. `complete` says which lists are the whole truth: a
 * student of a school listed there who is missing from `students` is a leaver and is deactivated
 * (never deleted: their dossiers stay); likewise mentors and decanen per school, MBO staff per BRIN.
 */
export const provisioningDocumentSchema = z.object({
  schools: records(schoolRecordSchema),
  klassen: records(klasRecordSchema),
  students: records(studentRecordSchema),
  mentors: records(mentorRecordSchema),
  decanen: records(decaanRecordSchema),
  guardians: records(guardianRecordSchema),
  mboStaff: records(mboStaffRecordSchema),
  beheerders: records(beheerderRecordSchema),
  /** The region configuration (replaces the current one). */
  config: z.optional(regionConfigSchema),
  /** The MBO catalogue: these instellingen replace their current entries; others stay. */
  catalog: z.optional(z.object({ institutions: z.array(catalogInstitutionRecordSchema).check(z.maxLength(1000)) })),
  complete: z.optional(
    z.object({
      /** School ids whose students this document lists completely. */
      students: z.optional(z.array(id).check(z.maxLength(1000))),
      /** School ids whose mentors and decanen this document lists completely. */
      staff: z.optional(z.array(id).check(z.maxLength(1000))),
      /** BRIN codes whose MBO staff this document lists completely. */
      mboStaff: z.optional(z.array(brin).check(z.maxLength(1000))),
    }),
  ),
});
export type ProvisioningDocument = z.infer<typeof provisioningDocumentSchema>;

export const provisioningKinds = ['schools', 'klassen', 'students', 'mentors', 'decanen', 'guardians', 'mboStaff', 'beheerders', 'config', 'catalog'] as const;
export type ProvisioningKind = (typeof provisioningKinds)[number];
export const provisioningKindSchema = z.enum(provisioningKinds);

const count = z.number().check(wholeNumber, z.nonnegative());
export const importCountsSchema = z.object({ created: count, updated: count, unchanged: count, deactivated: count, reactivated: count });
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importChangeSchema = z.object({
  kind: provisioningKindSchema,
  /** The record's id (klassen: `schoolId/code`; config: `config`; catalogue: the BRIN). */
  id: z.string(),
  change: z.enum(['created', 'updated', 'deactivated', 'reactivated']),
  /** Which fields changed (updates). */
  fields: z.optional(z.array(z.string())),
  /** The line in the CSV file, when the record came from one. */
  line: z.optional(count),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

export const importReportSchema = z.object({
  /** true: nothing was written; this is what the import would change. */
  dryRun: z.boolean(),
  counts: z.partialRecord(provisioningKindSchema, importCountsSchema),
  /** Every change, at most 5000 (see `changesOmitted`). */
  changes: z.array(importChangeSchema),
  changesOmitted: count,
  /** Open dossiers whose student facts and A1 followed a changed registration; and those in akkoord whose consent started over (birth date changed). */
  dossiers: z.object({ followed: count, consentReset: count }),
  /** Things the beheerder should know that did not stop the import (e.g. a leaver with an open dossier). Dutch. */
  warnings: z.array(z.object({ message: z.string(), id: z.optional(z.string()), line: z.optional(count) })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** A refused import: problem+json whose `errors` carry the CSV line (or the record's place in the JSON document). */
export const importProblemSchema = z.extend(problemSchema, {
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string(), line: z.optional(count) }))),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const adminSummarySchema = z.object({
  counts: z.record(z.string(), z.object({ active: count, inactive: count })),
  config: z.boolean(),
  institutions: count,
  /** Notifications: waiting to be sent, failed at least once and waiting for a retry, given up (see the server's log), sent. */
  outbox: z.optional(z.object({ pending: count, failing: count, givenUp: count, sent: count })),
});
export type AdminSummary = z.infer<typeof adminSummarySchema>;

export const adminSchoolSchema = z.extend(schoolRecordSchema, {
  active: z.boolean(),
  klassen: z.array(z.object({ code: z.string(), leerjaar: z.optional(z.number()), active: z.boolean(), students: count })),
  students: z.object({ active: count, inactive: count }),
  mentors: z.array(z.object({ id: z.string(), naam: z.string(), email: z.string(), klassen: z.array(z.string()), decaan: z.boolean(), active: z.boolean() })),
});
export type AdminSchool = z.infer<typeof adminSchoolSchema>;
export const adminSchoolsSchema = z.array(adminSchoolSchema);

/** One provisioned person as the admin API shows them: their role and the record they were provisioned with. */
export const adminPersonSchema = z.object({
  id: z.string(),
  role: z.enum(['student', 'guardian', 'mentor', 'decaan', 'mbo', 'beheerder']),
  login: z.nullable(z.string()),
  active: z.boolean(),
  record: z.record(z.string(), z.unknown()),
  /** Students: their dossiers (id and status), so a beheerder sees why a leaver is kept. */
  dossiers: z.optional(z.array(z.object({ id: z.string(), status: z.string(), archived: z.boolean() }))),
});
export type AdminPerson = z.infer<typeof adminPersonSchema>;
