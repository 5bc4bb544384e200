/**
 * Retention (AVG): the wire shapes of a backend's admin API for removing what has no purpose any
 * more, erasing one student on request, and the audit log of every admin action. Like the
 * provisioning shapes (admin.ts) these are not part of `DossierApi`: @doorstroom/server hosts them
 * under `/admin` for the `beheerder` role and `doorstroom-admin` prints the same reports.
 *
 * Reports carry counts and ids only (random dossier ids, the school's student ids), never names,
 * answers or anything else about a person.
 */
import * as z from 'zod/mini';
import { wholeNumber } from '../checks.js';

const count = z.number().check(wholeNumber, z.nonnegative());
/** An ISO 8601 date and time (`2027-08-01T00:00:00.000Z`). */
const isoDateTime = z.string().check(z.maxLength(40));

/** How long data is kept (the backend's configuration). */
export const retentionPolicySchema = z.object({
  /** An afgerond dossier is removed this many months after the end of the school year (31 July) in which it was finished. */
  afgerondMonths: count,
  /** A dossier that never reached afgerond (concept, at the mentor, awaiting consent, archived) is removed this many months after its last change. The same period applies to leavers (students the school no longer lists) who hold no dossier any more. */
  inactiveMonths: count,
  /** A notification is removed this many days after it was sent (or given up on). */
  outboxDays: count,
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

/** Rows removed (or, in a dry run, that would be removed), per kind. `other` counts rows of further tables that belong to a removed dossier or student. */
export const retentionCountsSchema = z.object({
  dossiers: count,
  history: count,
  intake: count,
  guardianLinks: count,
  outbox: count,
  begeleiding: count,
  students: count,
  guardians: count,
  other: z.record(z.string(), count),
});
export type RetentionCounts = z.infer<typeof retentionCountsSchema>;

export const retentionReportSchema = z.object({
  /** true: nothing was removed; this is what a run now would remove. */
  dryRun: z.boolean(),
  /** When the run happened (its clock). */
  at: isoDateTime,
  policy: retentionPolicySchema,
  /** The limits this run used, from the policy and `at`. */
  cutoffs: z.object({
    /** afgerond dossiers finished before this moment (the start of a school year) go. */
    afgerondFinishedBefore: isoDateTime,
    /** Dossiers that are not afgerond and have not changed since this moment go; so do leavers inactive since before it, once they hold no dossier. */
    unchangedSince: isoDateTime,
    /** Notifications sent (or given up on) before this moment go. */
    outboxBefore: isoDateTime,
  }),
  /** Ids of the removed dossiers, by reason. */
  dossiers: z.object({ afgerond: z.array(z.string()), inactive: z.array(z.string()) }),
  /** Ids of the removed leavers. */
  students: z.array(z.string()),
  counts: retentionCountsSchema,
});
export type RetentionReport = z.infer<typeof retentionReportSchema>;

/** Everything of one student, erased on request (AVG art. 17) by the beheerder. */
export const eraseReportSchema = z.object({
  dryRun: z.boolean(),
  at: isoDateTime,
  studentId: z.string(),
  /** Ids of the erased dossiers. */
  dossiers: z.array(z.string()),
  counts: retentionCountsSchema,
});
export type EraseReport = z.infer<typeof eraseReportSchema>;

export const auditActions = ['import', 'erase', 'retention'] as const;
export type AuditAction = (typeof auditActions)[number];

/** One admin action: who (a beheerder through the admin API, someone at the command line, or the daily job), what, when, and counts. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  actor: z.object({
    kind: z.enum(['beheerder', 'cli', 'job']),
    /** The beheerder's id (kind beheerder) or the operating-system user (kind cli). */
    id: z.optional(z.string()),
  }),
  action: z.enum(auditActions),
  dryRun: z.boolean(),
  /** Counts per kind; an erasure's student id; an import's counts per provisioned kind. Never names, answers or special-category data. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditLogSchema = z.object({
  /** Newest first. */
  items: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next: z.optional(z.string()),
});
export type AuditLog = z.infer<typeof auditLogSchema>;
