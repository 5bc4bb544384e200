/**
 * The first check of an import, before the database is asked anything: the document's shape
 * (the SDK's provisioning schemas), storable text everywhere, and ids that occur once. Every
 * problem is collected, with the record's path and (from a CSV file) its line, in Dutch.
 */
import { isStorableText, klasPattern, provisioningDocumentSchema, provisioningIdPattern, provisioningKinds, safeErrorPath, type ProvisioningDocument } from '../sdk.js';
import { ImportRefused, maxIssues, type ImportIssue } from './issues.js';

/** Dutch messages per field: what a good value looks like. */
const fieldMessages: Record<string, string> = {
  id: 'Dit id klopt niet. Gebruik letters, cijfers, punt, streepje of liggend streepje, begin met een letter of cijfer, hoogstens 100 tekens.',
  schoolId: 'Dit school-id klopt niet. Gebruik letters, cijfers, punt, streepje of liggend streepje.',
  studentIds: 'Deze lijst met leerling-id’s klopt niet.',
  guardianIds: 'Deze lijst met ouder-id’s klopt niet (hoogstens 10).',
  naam: 'De naam ontbreekt of is langer dan 200 tekens.',
  email: 'Dit e-mailadres klopt niet.',
  login: 'De login ontbreekt of is te lang.',
  bsn: 'Dit BSN klopt niet: 9 cijfers die de elfproef halen.',
  onderwijsnummer: 'Dit onderwijsnummer klopt niet: 9 cijfers die met 10 beginnen.',
  geboortedatum: 'Deze geboortedatum klopt niet. Gebruik jjjj-mm-dd (of dd-mm-jjjj in een CSV-bestand).',
  klas: 'Deze klas klopt niet: letters, cijfers en spaties, hoogstens 20 tekens.',
  klassen: 'Deze klassen kloppen niet: letters, cijfers en spaties, hoogstens 20 tekens per klas.',
  code: 'Deze code klopt niet.',
  leerjaar: 'Het leerjaar is een getal van 1 tot en met 8.',
  brin: 'Deze BRIN-code klopt niet. Een BRIN-code is 2 cijfers en 2 letters, bijvoorbeeld 25LH.',
  relatie: 'Deze relatie kennen we niet. Kies moeder, vader, verzorger, voogd of anders.',
  mentorRoster: 'Vul true (leerlingen kiezen hun mentor uit de lijst) of false in.',
  active: 'Vul true of false in.',
  plaats: 'De plaats is te lang (hoogstens 100 tekens).',
  crebo: 'Een crebo-code is 5 cijfers.',
  niveau: 'Het niveau is 1, 2, 3 of 4.',
  leerweg: 'De leerweg is BOL of BBL.',
  cohort: 'Het cohort is een jaartal, bijvoorbeeld 2027.',
  taal: 'Kies een taal: nl, en, ar, tr, uk of pl.',
};

const kindNames: Record<string, string> = {
  schools: 'scholen',
  klassen: 'klassen',
  students: 'leerlingen',
  mentors: 'mentoren',
  decanen: 'decanen',
  guardians: 'ouders',
  mboStaff: 'mbo-medewerkers',
  beheerders: 'beheerders',
};

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
}

function messageFor(issue: ZodIssueLike): string {
  if (issue.message.includes('NUL character')) return 'Deze tekst bevat een onzichtbaar of kapot teken. Haal het weg.';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Dit veld ontbreekt.';
  if (issue.code === 'unrecognized_keys') return 'Hier staat een veld dat we niet kennen.';
  const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string');
  if (field === 'onderwijsnummer' && issue.message.includes('both')) return 'Deze leerling heeft een BSN én een onderwijsnummer. Vul er één in.';
  if (issue.code === 'too_big' && typeof issue.path.at(-1) !== 'string' && issue.path.length <= 1) return `Er staan te veel ${kindNames[String(issue.path[0])] ?? 'regels'} in één bestand.`;
  return (field && fieldMessages[field]) ?? 'Deze waarde klopt niet.';
}

/** Every string (and key) that no database can store, with its path; at most `limit`. */
function unstorablePaths(value: unknown, path: (string | number)[], found: (string | number)[][], limit: number): void {
  if (found.length >= limit) return;
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push(path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => unstorablePaths(item, [...path, i], found, limit));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) found.push(path);
      else unstorablePaths(item, [...path, key], found, limit);
    }
  }
}

/** The line a record came from, for an issue at `path` (e.g. students.3.email → students.3). */
function lineOf(path: ReadonlyArray<PropertyKey>, lines?: ReadonlyMap<string, number>): number | undefined {
  if (!lines || path.length < 2) return undefined;
  return lines.get(`${String(path[0])}.${String(path[1])}`);
}

/** Issues in the order of the file: by line, then as found. */
const byLine = (issues: ImportIssue[]) =>
  issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.i - b.i)
    .map(({ issue }) => issue);

const withLine = (issue: Omit<ImportIssue, 'line'>, line: number | undefined): ImportIssue => (line === undefined ? issue : { ...issue, line });

/** The checked document, or ImportRefused with every problem found (nothing is written either way). */
export function checkDocument(raw: unknown, lines?: ReadonlyMap<string, number>): ProvisioningDocument {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ImportRefused([{ path: '', message: 'Het bestand moet een JSON-object zijn, met bijvoorbeeld "schools" en "students".' }], 'The document must be a JSON object.');
  }
  const issues: ImportIssue[] = [];
  const unknownKinds = Object.keys(raw).filter((key) => !(provisioningKinds as readonly string[]).includes(key) && key !== 'complete');
  for (const key of unknownKinds.slice(0, 10))
    issues.push({
      path: safeErrorPath([key]),
      message: 'Dit onderdeel kennen we niet. Gebruik schools, klassen, students, mentors, decanen, guardians, mboStaff, beheerders, config, catalog of complete.',
    });

  const unstorable: (string | number)[][] = [];
  unstorablePaths(raw, [], unstorable, maxIssues);
  for (const path of unstorable)
    issues.push(withLine({ path: safeErrorPath(path), message: 'Deze tekst bevat een onzichtbaar of kapot teken (NUL of een half teken). Haal het weg.' }, lineOf(path, lines)));
  if (issues.length > 0) throw new ImportRefused(issues);

  // One id, one person (or school): twice in one import is a mistake in the file. Checked on the
  // raw records, so a duplicate is reported beside every other mistake in the same file.
  const seen = new Map<string, { path: string; line: number | undefined }>();
  const once = (key: string, path: (string | number)[], label: string) => {
    const line = lineOf(path, lines);
    const earlier = seen.get(key);
    if (earlier) issues.push(withLine({ path: safeErrorPath(path), message: `${label} staat er twee keer in (ook ${earlier.line ? `op regel ${earlier.line}` : `bij ${earlier.path}`}).` }, line));
    else seen.set(key, { path: safeErrorPath(path), line });
  };
  const recordsOf = (kind: string): Record<string, unknown>[] => {
    const list = (raw as Record<string, unknown>)[kind];
    return Array.isArray(list) ? list.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];
  };
  const idOf = (record: Record<string, unknown>, key = 'id') => (typeof record[key] === 'string' && provisioningIdPattern.test(record[key]) ? record[key] : undefined);
  recordsOf('schools').forEach((s, i) => idOf(s) && once(`school:${idOf(s)}`, ['schools', i, 'id'], `School ${idOf(s)}`));
  recordsOf('klassen').forEach((k, i) => {
    if (idOf(k, 'schoolId') && typeof k['code'] === 'string' && klasPattern.test(k['code']))
      once(`klas:${idOf(k, 'schoolId')}/${k['code'].toLowerCase()}`, ['klassen', i, 'code'], `Klas ${k['code']} van ${idOf(k, 'schoolId')}`);
  });
  for (const kind of ['students', 'mentors', 'decanen', 'guardians', 'mboStaff', 'beheerders']) {
    recordsOf(kind).forEach((person, i) => idOf(person) && once(`person:${idOf(person)}`, [kind, i, 'id'], `Id ${idOf(person)}`));
  }
  // One persoonsgebonden nummer, one student.
  recordsOf('students').forEach((s, i) => {
    for (const field of ['bsn', 'onderwijsnummer']) {
      if (typeof s[field] === 'string' && /^\d{9}$/.test(s[field])) once(`${field}:${s[field]}`, ['students', i, field], field === 'bsn' ? 'Dit BSN' : 'Dit onderwijsnummer');
    }
  });

  const parsed = provisioningDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, maxIssues)) {
      issues.push(withLine({ path: safeErrorPath(issue.path.map((p) => (typeof p === 'symbol' ? '' : p))), message: messageFor(issue as ZodIssueLike) }, lineOf(issue.path, lines)));
    }
    throw new ImportRefused(byLine(issues), 'The document does not match the provisioning schema.');
  }
  const document = parsed.data;

  document.catalog?.institutions.forEach((inst, i) => {
    once(`brin:${inst.brin}`, ['catalog', 'institutions', i, 'brin'], `Instelling ${inst.brin}`);
    const codes = new Set(inst.locaties.map((l) => l.code));
    if (codes.size !== inst.locaties.length) issues.push({ path: `catalog.institutions.${i}.locaties`, message: `Instelling ${inst.brin} heeft een locatiecode twee keer.` });
    const ids = new Set<string>();
    inst.opleidingen.forEach((programme, j) => {
      if (ids.has(programme.id)) issues.push({ path: `catalog.institutions.${i}.opleidingen.${j}.id`, message: `Opleiding ${programme.id} staat er twee keer in.` });
      ids.add(programme.id);
      const missing = programme.locatieCodes.filter((code) => !codes.has(code));
      if (missing.length > 0)
        issues.push({ path: `catalog.institutions.${i}.opleidingen.${j}.locatieCodes`, message: `Opleiding ${programme.id} noemt een locatie die instelling ${inst.brin} niet heeft.` });
    });
  });
  document.students?.forEach((s, i) => {
    if (s.klas && s.schoolId === null) issues.push(withLine({ path: `students.${i}.klas`, message: 'Een leerling zonder school kan geen klas hebben.' }, lineOf(['students', i], lines)));
  });
  if (issues.length > 0) throw new ImportRefused(byLine(issues));
  return document;
}
