/**
 * CSV exports of a school's student information system (Magister, Somtoday, ParnasSys, …) turned
 * into a provisioning document. Column names are matched case-insensitively, ignoring spaces,
 * `-`, `_` and `.`, with the usual Dutch names as aliases (see README, "Provisioning", and
 * examples/). Dates may be `dd-mm-jjjj` or `jjjj-mm-dd`. The file is the school's complete list,
 * so whoever is missing from it is a leaver, unless `partial` is set.
 */
import { createHash } from 'node:crypto';
import { guardianRelations, isValidBsn, isValidOnderwijsnummer } from '../sdk.js';
import { CsvError, parseCsv, type CsvRecord, type CsvTable } from './csv.js';
import { ImportRefused, type ImportIssue } from './issues.js';

export type CsvKind = 'leerlingen' | 'medewerkers' | 'mbo-medewerkers';
export const csvKinds: ReadonlyArray<CsvKind> = ['leerlingen', 'medewerkers', 'mbo-medewerkers'];

export interface CsvImportOptions {
  /** Which export this is; default: recognised from the columns. */
  kind?: CsvKind;
  /** The school id for rows without a `school` column (leerlingen, medewerkers). */
  school?: string;
  /** The file is not the complete list: nobody missing from it is a leaver. */
  partial?: boolean;
}

/** A provisioning document as read from a file (not yet checked), with the line of every record. */
export interface SourcedDocument {
  document: Record<string, unknown>;
  /** `students.3` → the CSV line that record came from. */
  lines: Map<string, number>;
}

/** Column → its accepted names (normalised: lower case, no spaces, `-`, `_` or `.`). */
const studentColumns = {
  id: ['id'],
  leerlingnummer: ['leerlingnummer', 'llnr', 'leerlingnr', 'stamnummer', 'studentnummer', 'leerlingid'],
  roepnaam: ['roepnaam', 'voornaam'],
  tussenvoegsel: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'voorvoegsels'],
  achternaam: ['achternaam', 'familienaam', 'geslachtsnaam'],
  naam: ['naam', 'volledigenaam', 'weergavenaam'],
  email: ['email', 'emailadres', 'mail', 'emailleerling', 'mailadres'],
  bsn: ['bsn', 'burgerservicenummer'],
  onderwijsnummer: ['onderwijsnummer'],
  pgn: ['persoonsgebondennummer', 'pgn', 'sofinummer'],
  geboortedatum: ['geboortedatum', 'gebdatum', 'geboortedag'],
  klas: ['klas', 'stamklas', 'stamgroep', 'groep', 'klasnaam'],
  leerjaar: ['leerjaar', 'jaar', 'jaarlaag'],
  school: ['school', 'schoolid', 'vestiging', 'vestigingid'],
  login: ['login', 'gebruikersnaam', 'upn', 'account', 'inlognaam'],
  taal: ['taal', 'voertaal', 'thuistaal'],
  ...Object.fromEntries(
    [1, 2].flatMap((n) => [
      [`ouder${n}id`, [`ouder${n}id`, `verzorger${n}id`]],
      [`ouder${n}naam`, [`ouder${n}naam`, `verzorger${n}naam`]],
      [`ouder${n}email`, [`ouder${n}email`, `ouder${n}emailadres`, `verzorger${n}email`, `verzorger${n}emailadres`]],
      [`ouder${n}relatie`, [`ouder${n}relatie`, `verzorger${n}relatie`]],
      [`ouder${n}taal`, [`ouder${n}taal`, `ouder${n}voertaal`, `verzorger${n}taal`, `verzorger${n}voertaal`]],
    ]),
  ),
} as Record<string, string[]>;

const staffColumns: Record<string, string[]> = {
  id: ['id', 'personeelsnummer', 'medewerkernummer', 'medewerkerid', 'code', 'afkorting'],
  naam: ['naam', 'volledigenaam', 'weergavenaam'],
  roepnaam: ['roepnaam', 'voornaam'],
  tussenvoegsel: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel'],
  achternaam: ['achternaam'],
  email: ['email', 'emailadres', 'mail'],
  functie: ['functie', 'rol'],
  klassen: ['klassen', 'mentorklassen', 'mentorvan', 'klas'],
  school: ['school', 'schoolid', 'vestiging'],
  login: ['login', 'gebruikersnaam', 'upn', 'account', 'inlognaam'],
};

const mboColumns: Record<string, string[]> = {
  id: ['id', 'personeelsnummer', 'medewerkernummer', 'medewerkerid'],
  naam: ['naam', 'volledigenaam'],
  email: ['email', 'emailadres', 'mail'],
  brin: ['brin', 'brincode', 'instelling'],
  login: ['login', 'gebruikersnaam', 'upn', 'account'],
};

const columnsOf: Record<CsvKind, Record<string, string[]>> = { leerlingen: studentColumns, medewerkers: staffColumns, 'mbo-medewerkers': mboColumns };

const normalize = (name: string) => name.toLowerCase().replace(/[\s\-_.]/g, '');

interface Columns {
  /** Canonical column → index in the record. */
  index: Map<string, number>;
}

function mapHeader(table: CsvTable, kind: CsvKind, issues: ImportIssue[]): Columns {
  const known = columnsOf[kind];
  const byAlias = new Map<string, string>();
  for (const [column, aliases] of Object.entries(known)) for (const alias of aliases) byAlias.set(alias, column);
  const index = new Map<string, number>();
  table.header.forEach((name, i) => {
    const column = byAlias.get(normalize(name));
    if (!column) {
      if (name.trim() !== '') issues.push({ path: 'header', line: 1, message: `De kolom "${shown(name)}" kennen we niet. Haal hem weg of gebruik een naam uit de handleiding.` });
      return;
    }
    if (index.has(column)) issues.push({ path: 'header', line: 1, message: `De kolom "${shown(name)}" staat er twee keer in.` });
    else index.set(column, i);
  });
  return { index };
}

/** Text from the file, shortened and without control characters, to quote in a message. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it strips
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\uD800-\uDFFF]/gu, '').slice(0, 40);
  return clean.length < text.length ? `${clean}…` : clean;
}

/** `dd-mm-jjjj`, `d-m-jjjj`, `dd/mm/jjjj`, `dd.mm.jjjj` or `jjjj-mm-dd` → `jjjj-mm-dd`; undefined when it is neither. */
export function isoDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (dutch) return `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}`;
  return undefined;
}

const relationWords: Record<string, string> = { moeder: 'moeder', vader: 'vader', verzorger: 'verzorger', verzorgster: 'verzorger', voogd: 'voogd', ouder: 'verzorger' };
function relation(value: string): string {
  const word = value.trim().toLowerCase();
  if (word === '') return 'verzorger';
  if (guardianRelations.includes(word)) return word;
  return relationWords[word] ?? 'anders';
}

/** A guardian without an id in the export is known by their e-mail address. */
export const guardianIdFor = (email: string) => `ouder-${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16)}`;

function guessKind(columns: Set<string>): CsvKind {
  if (['leerlingnummer', 'bsn', 'onderwijsnummer', 'geboortedatum', 'pgn'].some((c) => columns.has(c))) return 'leerlingen';
  if (columns.has('brin')) return 'mbo-medewerkers';
  return 'medewerkers';
}

function fullName(get: (column: string) => string): string {
  const naam = get('naam');
  if (naam) return naam;
  return [get('roepnaam'), get('tussenvoegsel'), get('achternaam')].filter(Boolean).join(' ');
}

const splitList = (value: string) =>
  value
    .split(/[,|;]/)
    .map((v) => v.trim())
    .filter(Boolean);

export function documentFromCsv(text: string, options: CsvImportOptions = {}): SourcedDocument {
  let table: CsvTable;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportRefused([{ path: 'file', line: error.line, message: error.message }], 'The CSV file could not be read.');
    throw error;
  }
  const names = new Set(table.header.map((h) => normalize(h)));
  const canonical = new Set<string>();
  for (const [kindName, columns] of Object.entries(columnsOf)) {
    void kindName;
    for (const [column, aliases] of Object.entries(columns)) if (aliases.some((a) => names.has(a))) canonical.add(column);
  }
  const kind = options.kind ?? guessKind(canonical);
  const issues: ImportIssue[] = [];
  const { index } = mapHeader(table, kind, issues);
  const required: Record<CsvKind, string[][]> = {
    leerlingen: [['leerlingnummer', 'id'], ['email'], ['naam', 'achternaam']],
    medewerkers: [['id'], ['email'], ['naam', 'achternaam']],
    'mbo-medewerkers': [['id'], ['naam'], ['brin']],
  };
  for (const alternatives of required[kind]) {
    if (!alternatives.some((c) => index.has(c))) issues.push({ path: 'header', line: 1, message: `De kolom "${alternatives[0]}" ontbreekt.` });
  }
  if ((kind === 'leerlingen' || kind === 'medewerkers') && !index.has('school') && !options.school) {
    issues.push({ path: 'header', line: 1, message: 'Zeg bij welke school dit bestand hoort: met --school <id>, of met een kolom "school".' });
  }
  if (issues.length > 0) throw new ImportRefused(issues, `The CSV header does not fit a ${kind} export.`);

  const lines = new Map<string, number>();
  const document: Record<string, unknown[]> = {};
  const push = (collection: string, record: Record<string, unknown>, line: number) => {
    const list = (document[collection] ??= []);
    lines.set(`${collection}.${list.length}`, line);
    list.push(record);
  };
  const schools = new Set<string>();
  const brins = new Set<string>();
  const guardians = new Map<string, { record: Record<string, unknown>; line: number }>();
  const addGuardian: AddGuardian = (guardian, line) => {
    const earlier = guardians.get(String(guardian['id']));
    if (!earlier) guardians.set(String(guardian['id']), { record: guardian, line });
    else if (earlier.record['naam'] !== guardian['naam'] || (earlier.record['email'] ?? '') !== (guardian['email'] ?? '')) {
      issues.push({ path: 'guardians', line, message: `Ouder ${shown(String(guardian['id']))} staat ook op regel ${earlier.line}, met een andere naam of een ander e-mailadres.` });
    } else if (guardian['taal'] !== undefined && earlier.record['taal'] === undefined) earlier.record['taal'] = guardian['taal'];
    else if (guardian['taal'] !== undefined && earlier.record['taal'] !== guardian['taal']) {
      issues.push({ path: 'guardians', line, message: `Ouder ${shown(String(guardian['id']))} staat ook op regel ${earlier.line}, met een andere taal.` });
    }
  };
  const has = (column: string) => index.has(column);
  for (const record of table.records) {
    const get = (column: string) => {
      const i = index.get(column);
      return i === undefined ? '' : (record.cells[i] ?? '');
    };
    if (record.cells.length > table.header.length && record.cells.slice(table.header.length).some((c) => c !== '')) {
      issues.push({ path: `${kind}`, line: record.line, message: `Deze regel heeft meer velden (${record.cells.length}) dan er kolommen zijn (${table.header.length}).` });
      continue;
    }
    if (kind === 'leerlingen') studentRow(record, get, has, options, push, addGuardian, schools, issues);
    else if (kind === 'medewerkers') staffRow(record, get, options, push, schools, issues);
    else {
      const brin = get('brin').toUpperCase();
      brins.add(brin);
      push('mboStaff', { id: get('id'), naam: fullName(get), ...(get('email') ? { email: get('email') } : {}), brin, ...(get('login') ? { login: get('login') } : {}) }, record.line);
    }
  }
  if (issues.length > 0) throw new ImportRefused(issues);
  if (table.records.length === 0) throw new ImportRefused([{ path: 'file', line: 2, message: 'Het bestand heeft kolomnamen, maar geen regels met gegevens.' }]);

  for (const { record, line } of guardians.values()) push('guardians', record, line);
  if (issues.length > 0) throw new ImportRefused(issues);

  const complete = options.partial ? undefined : kind === 'leerlingen' ? { students: [...schools] } : kind === 'medewerkers' ? { staff: [...schools] } : { mboStaff: [...brins] };
  return { document: { ...document, ...(complete ? { complete } : {}) }, lines };
}

type Push = (collection: string, record: Record<string, unknown>, line: number) => void;
type AddGuardian = (guardian: Record<string, unknown>, line: number) => void;

function studentRow(
  record: CsvRecord,
  get: (column: string) => string,
  has: (column: string) => boolean,
  options: CsvImportOptions,
  push: Push,
  addGuardian: AddGuardian,
  schools: Set<string>,
  issues: ImportIssue[],
) {
  const schoolId = get('school') || options.school || '';
  schools.add(schoolId);
  const nummer = get('leerlingnummer');
  const id = get('id') || (nummer ? `${schoolId}-${nummer}` : '');
  const student: Record<string, unknown> = { id, naam: fullName(get), email: get('email'), schoolId };
  const pgn = get('pgn').replace(/[\s.]/g, '');
  const bsn = get('bsn').replace(/\s/g, '') || (pgn && isValidBsn(pgn) ? pgn : '');
  const onderwijsnummer = get('onderwijsnummer').replace(/[\s.]/g, '') || (pgn && !bsn && isValidOnderwijsnummer(pgn) ? pgn : '');
  if (pgn && !bsn && !onderwijsnummer) issues.push({ path: 'leerlingen.pgn', line: record.line, message: 'Dit persoonsgebonden nummer is geen geldig BSN en geen geldig onderwijsnummer.' });
  if (bsn) student['bsn'] = bsn;
  if (onderwijsnummer) student['onderwijsnummer'] = onderwijsnummer;
  const geboortedatum = get('geboortedatum');
  if (geboortedatum) {
    const iso = isoDate(geboortedatum);
    if (iso) student['geboortedatum'] = iso;
    else issues.push({ path: 'leerlingen.geboortedatum', line: record.line, message: 'Deze geboortedatum klopt niet. Gebruik dd-mm-jjjj, bijvoorbeeld 01-05-2010.' });
  }
  if (get('klas')) student['klas'] = get('klas');
  const leerjaar = get('leerjaar');
  if (leerjaar) student['leerjaar'] = /^\d{1,2}$/.test(leerjaar) ? Number(leerjaar) : leerjaar;
  if (get('login')) student['login'] = get('login');
  if (get('taal')) student['taal'] = get('taal').trim().toLowerCase();
  const hasGuardianColumns = [1, 2].some((n) => ['id', 'naam', 'email'].some((f) => has(`ouder${n}${f}`)));
  const guardianIds: string[] = [];
  for (const n of [1, 2]) {
    const naam = get(`ouder${n}naam`);
    const email = get(`ouder${n}email`);
    const given = get(`ouder${n}id`);
    if (!naam && !email && !given) continue;
    const guardianId = given || (email ? guardianIdFor(email) : '');
    if (!guardianId) {
      issues.push({ path: `leerlingen.ouder${n}`, line: record.line, message: `Ouder ${n} heeft geen e-mailadres en geen id. Vul er een van in.` });
      continue;
    }
    if (!guardianIds.includes(guardianId)) guardianIds.push(guardianId);
    const taal = get(`ouder${n}taal`).trim().toLowerCase();
    addGuardian({ id: guardianId, naam: naam || email, ...(email ? { email } : {}), relatie: relation(get(`ouder${n}relatie`)), ...(taal ? { taal } : {}) }, record.line);
  }
  // A file with guardian columns says who the student's guardians are (none, when both are empty).
  if (hasGuardianColumns || guardianIds.length > 0) student['guardianIds'] = guardianIds;
  push('students', student, record.line);
}

function staffRow(record: CsvRecord, get: (column: string) => string, options: CsvImportOptions, push: Push, schools: Set<string>, issues: ImportIssue[]) {
  const schoolId = get('school') || options.school || '';
  schools.add(schoolId);
  const functie = get('functie').trim().toLowerCase();
  if (!['', 'mentor', 'decaan', 'decanen', 'loopbaanbegeleider'].includes(functie)) {
    issues.push({ path: 'medewerkers.functie', line: record.line, message: `De functie "${shown(get('functie'))}" kennen we niet. Gebruik mentor of decaan; laat andere medewerkers weg.` });
    return;
  }
  const base = { id: get('id'), schoolId, naam: fullName(get), email: get('email'), ...(get('login') ? { login: get('login') } : {}) };
  if (functie === 'decaan' || functie === 'decanen' || functie === 'loopbaanbegeleider') push('decanen', base, record.line);
  else push('mentors', { ...base, klassen: splitList(get('klassen')) }, record.line);
}
