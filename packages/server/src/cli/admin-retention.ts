/**
 * `doorstroom-admin retention --dry-run|--apply`, `doorstroom-admin erase <student id>
 * --dry-run|--apply` and `doorstroom-admin audit [--limit N]`: retention from the command line
 * (e.g. from cron instead of the server's daily job), erasing one student on request, and the
 * audit log. Same database as the other commands; the periods come from the same environment
 * variables as the server's (docs/operations.md). Every run and erasure is in the audit log.
 */
import { cliActor, maxAuditPage, readAudit } from '../audit.js';
import { retentionPolicyFromEnv } from '../config.js';
import { openDb, type Db } from '../db.js';
import { migrate } from '../migrations.js';
import { eraseStudent, runRetention } from '../retention.js';
import { provisioningIdPattern, type AuditLog, type EraseReport, type RetentionCounts, type RetentionReport } from '../sdk.js';
import { ConfigurationError, defaultDataDir } from '../server.js';

export const retentionCommands = ['retention', 'erase', 'audit'] as const;

export const retentionUsage = `       doorstroom-admin retention --dry-run|--apply [--json]
       doorstroom-admin erase <student id> --dry-run|--apply [--json]
       doorstroom-admin audit [--limit N] [--before ID] [--json]

  retention  Removes what the retention periods say has no purpose any more (afgerond dossiers some
             months after their school year, other dossiers and leavers some months after the last
             change, sent notifications after some days; DOORSTROOM_RETENTION_*). --dry-run says what
             it would remove (counts and ids) and removes nothing.
  erase      Erases everything of one student on request (AVG): dossiers, history, B1, notifications,
             consent links, the registration, and guardians of no other student. --dry-run first.
  audit      The audit log: every import, erasure and retention run, newest first.`;

interface Values {
  'dry-run'?: boolean;
  apply?: boolean;
  json?: boolean;
  limit?: string;
  before?: string;
  kind?: string;
  school?: string;
  partial?: boolean;
}

const countLabels: Record<Exclude<keyof RetentionCounts, 'other'>, string> = {
  dossiers: 'dossiers',
  history: 'regels geschiedenis',
  intake: 'intakestatussen',
  guardianLinks: 'toestemmingslinks',
  outbox: 'meldingen (outbox)',
  begeleiding: 'begeleiding (B1)',
  students: 'leerlingen',
  guardians: 'ouders/verzorgers',
};

function countsTable(counts: RetentionCounts): string[] {
  const lines = ['| soort | aantal |', '|---|---:|'];
  for (const [key, label] of Object.entries(countLabels)) lines.push(`| ${label} | ${counts[key as keyof typeof countLabels]} |`);
  for (const [table, n] of Object.entries(counts.other)) lines.push(`| ${table} | ${n} |`);
  return lines;
}

export function formatRetentionReport(report: RetentionReport): string {
  const { policy } = report;
  const lines = [
    report.dryRun ? 'Proefrun: er is niets verwijderd. Dit zou er nu verwijderd worden:' : 'Bewaartermijnen toegepast. Dit is er verwijderd:',
    '',
    `Termijnen: afgeronde dossiers ${policy.afgerondMonths} maanden na het einde van hun schooljaar; andere dossiers en vertrokken leerlingen ${policy.inactiveMonths} maanden na de laatste wijziging; meldingen ${policy.outboxDays} dagen na verzending.`,
    '',
    ...countsTable(report.counts),
  ];
  if (report.dossiers.afgerond.length) lines.push('', `Afgeronde dossiers: ${report.dossiers.afgerond.join(', ')}`);
  if (report.dossiers.inactive.length) lines.push('', `Niet afgeronde dossiers zonder wijziging: ${report.dossiers.inactive.join(', ')}`);
  if (report.students.length) lines.push('', `Vertrokken leerlingen zonder dossier: ${report.students.join(', ')}`);
  return lines.join('\n');
}

export function formatEraseReport(report: EraseReport): string {
  return [
    report.dryRun ? `Proefrun: er is niets gewist. Dit zou er van leerling ${report.studentId} gewist worden:` : `Alles van leerling ${report.studentId} is gewist:`,
    '',
    ...countsTable(report.counts),
    ...(report.dossiers.length ? ['', `Dossiers: ${report.dossiers.join(', ')}`] : []),
  ].join('\n');
}

export function formatAudit(log: AuditLog): string {
  const lines = ['| id | wanneer | wie | wat | proef | details |', '|---:|---|---|---|---|---|'];
  for (const e of log.items) lines.push(`| ${e.id} | ${e.at} | ${e.actor.kind}${e.actor.id ? ` ${e.actor.id}` : ''} | ${e.action} | ${e.dryRun ? 'ja' : 'nee'} | ${JSON.stringify(e.details)} |`);
  if (log.items.length === 0) lines.push('| | | | (nog niets) | | |');
  if (log.next) lines.push('', `Oudere regels: doorstroom-admin audit --before ${log.next} (of GET /admin/audit?before=${log.next}).`);
  return lines.join('\n');
}

function refuse(message: string, usage: string): number {
  console.error(`doorstroom-admin: ${message}\n\n${usage}`);
  return 2;
}

/** Runs one of retentionCommands; resolves with the exit code. */
export async function retentionCommand(command: string, args: string[], values: Values, usage: string): Promise<number> {
  if (values.kind !== undefined || values.school !== undefined || values.partial) return refuse('--kind, --school and --partial belong to import.', usage);
  const mode = values['dry-run'] && values.apply ? 'both' : values['dry-run'] ? 'dry-run' : values.apply ? 'apply' : undefined;
  let limit: number | undefined;
  if (values.before !== undefined && (command !== 'audit' || !/^[1-9][0-9]{0,17}$/.test(values.before))) return refuse('--before belongs to audit and is the id of an audit log entry.', usage);
  if (command === 'audit') {
    if (args.length > 0) return refuse('audit takes no arguments.', usage);
    if (mode) return refuse('audit takes neither --dry-run nor --apply.', usage);
    if (values.limit !== undefined) {
      if (!/^[1-9][0-9]{0,3}$/.test(values.limit) || Number(values.limit) > maxAuditPage) return refuse(`--limit must be a whole number from 1 to ${maxAuditPage}.`, usage);
      limit = Number(values.limit);
    }
  } else {
    if (values.limit !== undefined) return refuse('--limit belongs to audit.', usage);
    if (mode === undefined || mode === 'both') return refuse(`${command} needs either --dry-run (say what would go) or --apply (remove it).`, usage);
    if (command === 'retention' && args.length > 0) return refuse('retention takes no arguments.', usage);
    if (command === 'erase' && args.length !== 1) return refuse('erase needs one student id.', usage);
    if (command === 'erase' && !provisioningIdPattern.test(args[0]!)) return refuse(`"${args[0]}" is not a student id.`, usage);
  }
  let policy;
  try {
    policy = retentionPolicyFromEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) return refuse(error.message, usage);
    throw error;
  }

  const env = process.env;
  const db: Db = await openDb({ ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : { dataDir: env['DOORSTROOM_DATA_DIR'] || defaultDataDir }) });
  try {
    await migrate(db);
    if (command === 'audit') {
      const log = await readAudit(db, { ...(limit ? { limit } : {}), ...(values.before ? { before: values.before } : {}) });
      console.log(values.json ? JSON.stringify(log, null, 2) : formatAudit(log));
      return 0;
    }
    const dryRun = mode === 'dry-run';
    if (command === 'retention') {
      const report = (await runRetention(db, { policy, now: new Date(), dryRun, actor: cliActor() }))!;
      console.log(values.json ? JSON.stringify(report, null, 2) : formatRetentionReport(report));
      return 0;
    }
    const report = await eraseStudent(db, args[0]!, { now: new Date(), dryRun, actor: cliActor() });
    if (!report) {
      console.error(`Er is geen leerling met id ${args[0]}. Er is niets gewist.`);
      return 1;
    }
    console.log(values.json ? JSON.stringify(report, null, 2) : formatEraseReport(report));
    return 0;
  } finally {
    await db.close();
  }
}
