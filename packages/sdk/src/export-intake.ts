/**
 * Exports of received dossiers for the MBO (issue 18): the dossier as JSON (the contract's
 * `Dossier` exactly as `GET /dossiers/{id}` gives it to the MBO: the sharing choices applied, with
 * its `finalHash`), and one CSV row per dossier for the import into the MBO's student information
 * system. The CSV holds what an aanmelding needs and nothing of ondersteuning (A6), begeleiding
 * (B1) or advies (B2), whether shared or not: special-category data stays in the dossier itself.
 *
 * Pure functions over dossiers the backend already filtered for the reader: a section the student
 * did not share is absent from the dossier, so its columns are empty, as for an unanswered one.
 */
import type { Dossier } from './contract.js';

/** One CSV column: its header and how it is read from a dossier (as the MBO receives it). */
export interface IntakeCsvColumn {
  header: string;
  /** What the column holds, for the documentation. */
  description: string;
  value(dossier: Dossier): string | number | boolean | null | undefined;
}

const answer = (dossier: Dossier, section: string, question: string) => dossier.answers[section]?.[question];
const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);
const reference = (dossier: Dossier, question: string) => {
  const value = answer(dossier, 'vervolgkeuze', question);
  return value && typeof value === 'object' && !Array.isArray(value) && 'id' in value ? (value as { id: string; label: string; detail?: Record<string, string | number> }) : undefined;
};
/** A phone number, unless the student marked it secret (geheim). */
const phone = (dossier: Dossier, question: 'telefoon' | 'mobiel') => (answer(dossier, 'persoonlijk', `${question}Geheim`) === true ? undefined : text(answer(dossier, 'persoonlijk', question)));
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined);

/** The columns, in order. Dates are YYYY-MM-DD; an empty cell is unknown, unanswered or not shared. */
export const intakeCsvColumns: ReadonlyArray<IntakeCsvColumn> = [
  { header: 'dossierId', description: 'the dossier id (to open it, or to match a later export)', value: (d) => d.id },
  { header: 'dossierType', description: 'vo-mbo, mbo-mbo or werk-mbo', value: (d) => d.type },
  { header: 'afgerondOp', description: 'the day the dossier was finalized', value: (d) => day(d.finalizedAt) },
  {
    header: 'bsn',
    description: 'A1 BSN (when the student has one)',
    value: (d) => (answer(d, 'persoonlijk', 'nummerSoort') === 'onderwijsnummer' ? undefined : text(answer(d, 'persoonlijk', 'bsn'))),
  },
  {
    header: 'onderwijsnummer',
    description: 'A1 onderwijsnummer (a student without a BSN)',
    value: (d) => (answer(d, 'persoonlijk', 'nummerSoort') === 'onderwijsnummer' ? text(answer(d, 'persoonlijk', 'onderwijsnummer')) : undefined),
  },
  { header: 'achternaam', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'achternaam')) },
  { header: 'tussenvoegsel', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'tussenvoegsel')) },
  { header: 'voornamen', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'voornamen')) },
  { header: 'voorletters', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'voorletters')) },
  { header: 'roepnaam', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'roepnaam')) },
  { header: 'geboortedatum', description: 'A1 (the registered one where the school registered it)', value: (d) => text(answer(d, 'persoonlijk', 'geboortedatum')) },
  { header: 'geslacht', description: 'A1, as the code list has it', value: (d) => text(answer(d, 'persoonlijk', 'geslacht')) },
  { header: 'straat', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'straat')) },
  { header: 'huisnummer', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'huisnummer')) },
  { header: 'postcode', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'postcode')) },
  { header: 'woonplaats', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'woonplaats')) },
  { header: 'email', description: 'A1', value: (d) => text(answer(d, 'persoonlijk', 'email')) },
  { header: 'telefoon', description: 'A1, left empty when the student marked it secret', value: (d) => phone(d, 'telefoon') },
  { header: 'mobiel', description: 'A1, left empty when the student marked it secret', value: (d) => phone(d, 'mobiel') },
  { header: 'brin', description: 'A7 instelling (BRIN)', value: (d) => reference(d, 'instelling')?.id },
  { header: 'instelling', description: 'A7 instelling, as the catalogue names it', value: (d) => reference(d, 'instelling')?.label },
  { header: 'locatieCode', description: 'A7 locatie code', value: (d) => reference(d, 'locatie')?.id },
  { header: 'locatie', description: 'A7 locatie', value: (d) => reference(d, 'locatie')?.label },
  { header: 'crebo', description: 'A7 opleiding: crebo code', value: (d) => text(reference(d, 'opleiding')?.detail?.['crebo']) },
  { header: 'opleiding', description: 'A7 opleiding', value: (d) => reference(d, 'opleiding')?.label },
  { header: 'niveau', description: 'A7 opleiding: niveau 1–4', value: (d) => text(reference(d, 'opleiding')?.detail?.['niveau']) },
  { header: 'leerweg', description: 'A7 opleiding: BOL or BBL', value: (d) => text(reference(d, 'opleiding')?.detail?.['leerweg']) },
  { header: 'cohort', description: 'A7 opleiding: cohort', value: (d) => text(reference(d, 'opleiding')?.detail?.['cohort']) },
  { header: 'vooropleidingSchool', description: 'A3 school (when shared)', value: (d) => text(answer(d, 'herkomst', 'schoolnaam')) },
  { header: 'vooropleidingSoort', description: 'A3 schoolsoort (when shared)', value: (d) => text(answer(d, 'herkomst', 'schoolsoort')) },
  { header: 'vooropleidingLeerweg', description: 'A3 leerweg (when shared)', value: (d) => text(answer(d, 'herkomst', 'leerweg')) },
  { header: 'verwachtDiploma', description: 'A3 diploma expected this year (when shared)', value: (d) => text(answer(d, 'herkomst', 'verwachtDiploma')) },
  { header: 'intakeStatus', description: 'nieuw, gelezen, intakeGepland, geplaatst or nietGeplaatst (the MBO’s own)', value: (d) => d.intake?.status },
  { header: 'intakeDatum', description: 'the planned intake', value: (d) => d.intake?.datum },
  { header: 'finalHash', description: 'the history chain’s hash of the finalize entry (GET /dossiers/{id}/verify checks it)', value: (d) => d.finalHash },
];

/** A cell Excel (or LibreOffice) would run as a formula gets a leading apostrophe; phone numbers such as +31 6 … stay as they are. */
function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let out = String(value);
  if (/^[=@\t\r]/.test(out) || /^[+-](?![\d\s().]*$)/.test(out)) out = `'${out}`;
  return /[";\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

export interface IntakeCsvOptions {
  /** Other columns, e.g. `intakeCsvColumns.filter(…)`. Default: all of `intakeCsvColumns`. */
  columns?: ReadonlyArray<IntakeCsvColumn>;
}

/**
 * The dossiers as one CSV file: UTF-8 with a byte order mark, `;` between cells and CRLF between
 * rows (what Dutch Excel opens correctly), a header row first. Give it dossiers as the MBO reads
 * them (`GET /dossiers/{id}`), so only what the student shared is in it.
 */
export function intakeCsv(dossiers: ReadonlyArray<Dossier>, options: IntakeCsvOptions = {}): string {
  const columns = options.columns ?? intakeCsvColumns;
  const rows = [columns.map((c) => cell(c.header)).join(';'), ...dossiers.map((d) => columns.map((c) => cell(c.value(d))).join(';'))];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** The dossier as the JSON file an MBO downloads: the contract's Dossier as it was received, indented. */
export function receivedDossierJson(dossier: Dossier): string {
  return `${JSON.stringify(dossier, null, 2)}\n`;
}

/** `doorstroomdossier-<dossier id>.json` / `.pdf`; a CSV of several: `doorstroomdossiers-<YYYY-MM-DD>.csv`. */
export function intakeExportFileName(kind: 'json' | 'pdf', dossier: Pick<Dossier, 'id'>): string;
export function intakeExportFileName(kind: 'csv', today: Date): string;
export function intakeExportFileName(kind: 'json' | 'pdf' | 'csv', of: Pick<Dossier, 'id'> | Date): string {
  if (of instanceof Date) return `doorstroomdossiers-${of.toISOString().slice(0, 10)}.csv`;
  return `doorstroomdossier-${of.id.replace(/[^a-zA-Z0-9-]/g, '_')}.${kind}`;
}
