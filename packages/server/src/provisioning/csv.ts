/**
 * A small RFC 4180 CSV reader for the exports of a school's student information system: `;`
 * (Dutch spreadsheets), `,` or tab, found in the header line; quoted fields with `""` and line
 * breaks; a UTF-8 byte order mark; CRLF or LF. Every record keeps the line it starts on, so an
 * error can say "regel 12".
 */

export interface CsvRecord {
  /** The physical line (1-based) the record starts on. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: ';' | ',' | '\t';
  header: string[];
  records: CsvRecord[];
}

export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The delimiter that splits the header line into the most fields outside quotes. */
function detectDelimiter(firstLine: string): CsvTable['delimiter'] {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [CsvTable['delimiter'], number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ';';
}

export function parseCsv(text: string, options: { maxRecords?: number; maxFieldLength?: number } = {}): CsvTable {
  const maxRecords = options.maxRecords ?? 200_000;
  const maxField = options.maxFieldLength ?? 10_000;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = source.search(/\r?\n/);
  const delimiter = detectDelimiter(firstBreak === -1 ? source : source.slice(0, firstBreak));

  const rows: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let fieldWasQuoted = false;
  let recordLine = 1;
  let quoteLine = 1;
  let i = 0;
  const endField = () => {
    if (field.length > maxField) throw new CsvError(recordLine, `Een veld is langer dan ${maxField} tekens.`);
    cells.push(fieldWasQuoted ? field : field.trim());
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // Blank lines (and lines of only delimiters) are skipped.
    if (cells.some((cell) => cell !== '')) {
      if (rows.length >= maxRecords + 1) throw new CsvError(recordLine, `Het bestand heeft meer dan ${maxRecords} regels.`);
      rows.push({ line: recordLine, cells });
    }
    cells = [];
  };
  while (i < source.length) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (char === '\n') line++;
      field += char;
      i++;
      continue;
    }
    if (char === '"') {
      if (field.trim() !== '') throw new CsvError(line, 'Er staat een aanhalingsteken (") midden in een veld. Zet het hele veld tussen aanhalingstekens en verdubbel het teken.');
      field = '';
      quoted = true;
      fieldWasQuoted = true;
      quoteLine = line;
      i++;
      continue;
    }
    if (char === delimiter) {
      endField();
      i++;
      continue;
    }
    if (char === '\r' && source[i + 1] === '\n') i++;
    if (char === '\n' || char === '\r') {
      endRecord();
      line++;
      recordLine = line;
      i++;
      continue;
    }
    if (fieldWasQuoted) throw new CsvError(line, 'Na een aanhalingsteken (") dat een veld sluit, hoort een scheidingsteken of het einde van de regel.');
    field += char;
    i++;
  }
  if (quoted) throw new CsvError(quoteLine, 'Een veld begint met een aanhalingsteken (") dat nergens wordt gesloten.');
  if (field !== '' || cells.length > 0 || fieldWasQuoted) endRecord();

  const [head, ...records] = rows;
  if (!head) throw new CsvError(1, 'Het bestand is leeg: de eerste regel moet de kolomnamen hebben.');
  return { delimiter, header: head.cells, records };
}
