/**
 * `doorstroom-admin`: provisioning from the command line, straight into the server's database
 * (DATABASE_URL, or PGlite in DOORSTROOM_DATA_DIR while no server has it open). Imports CSV
 * exports of a school's student information system and JSON documents in one transaction each,
 * with a dry run; prints what changed (or would change) and every refused row with its line.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, importAuditDetails, recordAudit } from '../audit.js';
import { openDb } from '../db.js';
import { migrate } from '../migrations.js';
import { adminSummary, csvKinds, defaultMaxImportBytes, formatIssue, ImportRefused, runImport, type CsvKind } from '../provisioning/index.js';
import type { ImportReport } from '../sdk.js';
import { defaultDataDir } from '../server.js';
import { retentionCommand, retentionCommands, retentionUsage } from './admin-retention.js';

const usage = `usage: doorstroom-admin import <file.csv|file.json> [--dry-run] [--kind leerlingen|medewerkers|mbo-medewerkers] [--school <id>] [--partial] [--json]
       doorstroom-admin summary [--json]
${retentionUsage}

  import     Reads a CSV export of the school's student information system, or a JSON provisioning
             document, and applies it in one transaction: everything or nothing.
  --dry-run  Only say what would change; nothing is written.
  --kind     Which CSV export this is (default: recognised from its columns).
  --school   The school id for CSV rows without a "school" column.
  --partial  The CSV file is not the school's complete list: nobody missing from it is a leaver.
  --json     Print the report as JSON.

The database: DATABASE_URL (PostgreSQL), else PGlite in DOORSTROOM_DATA_DIR (default ${defaultDataDir};
stop the server first: PGlite has one user at a time). Columns and examples: see the README, "Provisioning".`;

const kindLabels: Record<string, string> = {
  schools: 'scholen',
  klassen: 'klassen',
  students: 'leerlingen',
  mentors: 'mentoren',
  decanen: 'decanen',
  guardians: 'ouders',
  mboStaff: 'mbo-medewerkers',
  beheerders: 'beheerders',
  config: 'regio-instellingen',
  catalog: 'catalogus (instellingen)',
};

function fail(message: string, code = 2): never {
  console.error(`doorstroom-admin: ${message}`);
  process.exit(code);
}

export function formatReport(report: ImportReport): string {
  const lines = [report.dryRun ? 'Proefimport: er is niets veranderd. Dit zou er veranderen:' : 'Import klaar. Dit is er veranderd:', ''];
  lines.push('| soort | nieuw | gewijzigd | ongewijzigd | uitgeschakeld | weer actief |', '|---|---:|---:|---:|---:|---:|');
  for (const [kind, c] of Object.entries(report.counts)) lines.push(`| ${kindLabels[kind] ?? kind} | ${c.created} | ${c.updated} | ${c.unchanged} | ${c.deactivated} | ${c.reactivated} |`);
  if (Object.keys(report.counts).length === 0) lines.push('| (niets) | 0 | 0 | 0 | 0 | 0 |');
  if (report.dossiers.followed > 0) {
    lines.push('', `Open dossiers die de nieuwe inschrijving volgen: ${report.dossiers.followed}; daarvan begint de toestemming opnieuw (geboortedatum veranderd): ${report.dossiers.consentReset}.`);
  }
  const shown = report.changes.filter((c) => c.change !== 'created').slice(0, 50);
  if (shown.length > 0) {
    lines.push('', 'Wijzigingen:');
    for (const c of shown) lines.push(`  ${c.line ? `regel ${c.line}: ` : ''}${kindLabels[c.kind] ?? c.kind} ${c.id}: ${c.change}${c.fields ? ` (${c.fields.join(', ')})` : ''}`);
  }
  if (report.warnings.length > 0) {
    lines.push('', 'Let op:');
    for (const w of report.warnings) lines.push(`  ${w.line ? `regel ${w.line}: ` : ''}${w.message}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'dry-run': { type: 'boolean' },
        kind: { type: 'string' },
        school: { type: 'string' },
        partial: { type: 'boolean' },
        json: { type: 'boolean' },
        apply: { type: 'boolean' },
        limit: { type: 'string' },
        before: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return;
  }
  const [command, file, ...rest] = positionals;
  if (command !== undefined && (retentionCommands as readonly string[]).includes(command)) {
    process.exitCode = await retentionCommand(command, positionals.slice(1), values, usage);
    return;
  }
  if (values.apply || values.limit !== undefined || values.before !== undefined) fail(`--apply, --limit and --before belong to retention, erase and audit.\n\n${usage}`);
  if (command !== 'import' && command !== 'summary') fail(usage);
  if (command === 'import' && !file) fail(`import needs a file.\n\n${usage}`);
  if (rest.length > 0 || (command === 'summary' && file)) fail(`too many arguments.\n\n${usage}`);
  if (values.kind !== undefined && !(csvKinds as readonly string[]).includes(values.kind)) fail(`--kind must be one of ${csvKinds.join(', ')}.`);

  let text = '';
  let format: 'json' | 'csv' = 'csv';
  if (command === 'import') {
    let size: number;
    try {
      size = statSync(file!).size;
    } catch {
      fail(`Het bestand ${file} bestaat niet of is niet te lezen.`, 1);
    }
    if (size > defaultMaxImportBytes) fail(`Het bestand is te groot (${(size / 1024 / 1024).toFixed(1)} MB; hoogstens ${defaultMaxImportBytes / 1024 / 1024} MB). Er is niets veranderd.`, 1);
    const bytes = readFileSync(file!);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      fail('Het bestand is niet in UTF-8 opgeslagen. Sla het op als "CSV UTF-8" en probeer het opnieuw. Er is niets veranderd.', 1);
    }
    const extension = extname(file!).toLowerCase();
    format = extension === '.json' ? 'json' : extension === '.csv' || extension === '.txt' ? 'csv' : text.trimStart().startsWith('{') ? 'json' : 'csv';
  }

  const env = process.env;
  const db = await openDb({ ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : { dataDir: env['DOORSTROOM_DATA_DIR'] || defaultDataDir }) });
  try {
    await migrate(db);
    if (command === 'summary') {
      const summary = await adminSummary(db);
      if (values.json) console.log(JSON.stringify(summary, null, 2));
      else {
        console.log('| soort | actief | niet actief |\n|---|---:|---:|');
        for (const [kind, c] of Object.entries(summary.counts)) console.log(`| ${kindLabels[kind] ?? kind} | ${c.active} | ${c.inactive} |`);
        console.log(`\nRegio-instellingen: ${summary.config ? 'ja' : 'nog niet'}. Instellingen in de catalogus: ${summary.institutions}.`);
      }
      return;
    }
    const report = await runImport(
      db,
      format === 'json'
        ? { format, text }
        : { format, text, csv: { ...(values.kind ? { kind: values.kind as CsvKind } : {}), ...(values.school ? { school: values.school } : {}), ...(values.partial ? { partial: true } : {}) } },
      { dryRun: values['dry-run'] === true },
    );
    await recordAudit(db, { actor: cliActor(), action: 'import', dryRun: report.dryRun, at: new Date(), details: importAuditDetails(report) });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    if (values.json) console.log(JSON.stringify({ refused: true, errors: error.issues }, null, 2));
    console.error(`Het bestand heeft ${error.issues.length === 1 ? 'een fout' : `${error.issues.length} fouten`}. Er is niets veranderd.`);
    for (const issue of error.issues.slice(0, 200)) console.error(`  ${formatIssue(issue)}`);
    if (error.issues.length > 200) console.error(`  … en nog ${error.issues.length - 200}.`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

await main(process.argv.slice(2));
