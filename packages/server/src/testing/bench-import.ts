/**
 * The provisioning benchmark: 2 000 students across 3 schools, as their student information
 * systems export them (CSV, with a guardian per student), imported the way a region would: the
 * first import, the same files again (nothing changes), and a dry run of a school year's changes.
 */
import type { Db } from '../db.js';
import { runImport } from '../provisioning/index.js';
import type { ImportReport } from '../sdk.js';

/** A valid BSN for number `n`, a different one for every n (elfproef: 9·d1 + … + 2·d8 − d9 ≡ 0 mod 11). */
export function benchBsn(n: number): string {
  for (let k = 0; ; k++) {
    const digits = String(10_000_000 + n * 3 + k);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
    if (sum % 11 <= 9) return `${digits}${sum % 11}`;
  }
}

export interface ImportTiming {
  step: string;
  ms: number;
  report: ImportReport;
}

const schools = ['bench-vmbo-noord', 'bench-vmbo-zuid', 'bench-isk-west'];

/** The CSV export of one school: `count` students in klassen of 25, each with one guardian. */
export function benchStudentsCsv(school: string, count: number, variant = 0): string {
  const lines = ['Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;BSN;E-mailadres;Klas;Leerjaar;Ouder1 naam;Ouder1 e-mail;Ouder1 relatie'];
  for (let i = 0; i < count; i++) {
    const n = schools.indexOf(school) * 10_000 + i;
    const leerjaar = 3 + (i % 2);
    const klas = `${leerjaar}${String.fromCharCode(65 + Math.floor(i / 50))}`;
    // variant 1: a school year later, one in ten moved klas and one in fifty left.
    if (variant === 1 && i % 50 === 0) continue;
    const moved = variant === 1 && i % 10 === 0 ? `${klas}x` : klas;
    lines.push(
      [
        String(100_000 + n),
        `Leerling${n}`,
        `Bench`,
        `${String(1 + (i % 28)).padStart(2, '0')}-0${1 + (i % 9)}-2010`,
        benchBsn(n),
        `leerling${n}@bench.example`,
        moved,
        String(leerjaar),
        `Ouder ${n}`,
        `ouder${n}@bench.example`,
        'verzorger',
      ].join(';'),
    );
  }
  return lines.join('\r\n');
}

export async function benchImport(db: Db, total = 2000): Promise<ImportTiming[]> {
  const timings: ImportTiming[] = [];
  const timed = async (step: string, run: () => Promise<ImportReport>) => {
    const started = performance.now();
    const report = await run();
    timings.push({ step, ms: performance.now() - started, report });
  };
  const perSchool = [Math.ceil(total / 3), Math.ceil(total / 3), total - 2 * Math.ceil(total / 3)];
  await runImport(db, { format: 'document', document: { schools: schools.map((id) => ({ id, naam: `Bench ${id}`, mentorRoster: true })) } });
  const all = async (variant: number, dryRun: boolean) => {
    const reports = [];
    for (const [i, school] of schools.entries()) reports.push(await runImport(db, { format: 'csv', text: benchStudentsCsv(school, perSchool[i]!, variant), csv: { school } }, { dryRun }));
    // One report for the three files: the counts added up.
    const merged: ImportReport = { ...reports[0]!, counts: {}, changes: reports.flatMap((r) => r.changes), dossiers: { followed: 0, consentReset: 0 }, warnings: reports.flatMap((r) => r.warnings) };
    for (const r of reports) {
      for (const [kind, c] of Object.entries(r.counts)) {
        const into = (merged.counts[kind as keyof typeof merged.counts] ??= { created: 0, updated: 0, unchanged: 0, deactivated: 0, reactivated: 0 });
        for (const key of Object.keys(c) as (keyof typeof c)[]) into[key] += c[key];
      }
    }
    return merged;
  };
  await timed(`first import (${total} students, 3 CSV files)`, () => all(0, false));
  await timed('the same files again (nothing changes)', () => all(0, false));
  await timed('dry run of a year later (moves and leavers)', () => all(1, true));
  await timed('that import for real', () => all(1, false));
  return timings;
}
