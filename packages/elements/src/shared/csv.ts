/**
 * CSV as Dutch Excel opens it with a double click: UTF-8 with a byte order mark (else Excel reads
 * "é" as "Ã©"), semicolons between fields (Excel with Dutch regional settings expects `;`, because
 * the comma is the decimal sign there) and CRLF line ends (RFC 4180). Pure: no DOM, no I/O.
 *
 * Fields holding the separator, a quote, a line break or space at either end are quoted, with
 * quotes doubled. A text field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a `'` in front, so a spreadsheet shows it as text instead of running it as a formula
 * (OWASP "CSV injection"); numbers are written as they are.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Default `;` (Dutch Excel); `,` for tools that expect RFC 4180's comma. */
  separator?: ';' | ',' | '\t';
  /** Default true: starts with U+FEFF so Excel reads UTF-8. */
  bom?: boolean;
}

export const csvBom = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;

/** One field as it goes between the separators. */
export function csvField(value: CsvValue, separator: string = ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
  if (formulaStart.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows (the first is usually the header) as one CSV text. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>, options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const body = rows.map((row) => row.map((value) => csvField(value, separator)).join(separator)).join('\r\n');
  return `${options.bom === false ? '' : csvBom}${body}\r\n`;
}
