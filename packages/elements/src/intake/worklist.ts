/**
 * The MBO's worklist without any DOM (spec §9): one row per received (afgerond) dossier with its
 * intake status, the search an intake officer types (name, persoonsgebonden nummer, crebo), the
 * filters (locatie, opleiding, cohort, status), what each column sorts by, the count per status and
 * the page of rows shown. Pure functions over `DossierSummary` rows as the backend lists them for
 * the MBO; the element calls them through `WorklistController`, which keeps their results while
 * their inputs stay the same.
 */
import { intakeStatuses, type DossierSummary, type Intake, type IntakeRequest, type IntakeStatus } from '@doorstroom/sdk';
import { filterRows, type SortKey } from '../shared/data-table.js';

export interface IntakeRow {
  /** The dossier id: the row's key. */
  id: string;
  summary: DossierSummary;
  naam: string;
  /** BSN or onderwijsnummer without spaces; '' when the dossier holds none. */
  nummer: string;
  status: IntakeStatus;
  intake?: Intake;
  opleiding: string;
  crebo: string;
  /** The locatie's name, and the key the filter uses (its code, else its name). */
  locatie: string;
  locatieKey: string;
  cohort: string;
  /** When the dossier was made afgerond (ISO), i.e. received. */
  ontvangen: string;
  /** The name folded for searching (lower case, no accents). */
  folded: string;
}

/** Lower case without accents: "Ömer Doğan" and "omer dogan" are the same search. */
export const fold = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/\s+/g, ' ')
    .trim();

/** Rows in the order the backend sent them (newest first). A dossier nobody opened is new. */
export function intakeRows(items: ReadonlyArray<DossierSummary>): IntakeRow[] {
  return items
    .filter((d) => d.status === 'afgerond')
    .map((summary) => {
      const choice = summary.choice ?? {};
      const naam = summary.student.naam;
      const locatie = choice.locatie ?? '';
      return {
        id: summary.id,
        summary,
        naam,
        nummer: (summary.nummer ?? '').replace(/\s/g, ''),
        status: summary.intake?.status ?? 'nieuw',
        ...(summary.intake ? { intake: summary.intake } : {}),
        opleiding: choice.opleiding ?? summary.keuze ?? '',
        crebo: choice.crebo ?? '',
        locatie,
        locatieKey: choice.locatieCode ?? locatie,
        cohort: choice.cohort ?? '',
        ontvangen: summary.statusSince ?? summary.updatedAt,
        folded: fold(naam),
      };
    });
}

// --- search and filters ------------------------------------------------------------------------

export interface IntakeFilter {
  /** What the officer typed: a name (or part of it), a BSN or onderwijsnummer, or a crebo. */
  q: string;
  /** '' = every locatie (else a `locatieKey`). */
  locatie: string;
  /** '' = every opleiding (else a crebo, or the name of an opleiding without one). */
  opleiding: string;
  cohort: string;
  status: '' | IntakeStatus;
}

export const noIntakeFilter: IntakeFilter = { q: '', locatie: '', opleiding: '', cohort: '', status: '' };

/** The key of a row's opleiding in the filter: its crebo (BOL and BBL of one crebo are one opleiding). */
export const opleidingKey = (row: Pick<IntakeRow, 'crebo' | 'opleiding'>) => row.crebo || row.opleiding;

/**
 * The test of the search box. Digits (spaces and dots allowed: "2345 67 818") look at the start of
 * the persoonsgebonden nummer and of the crebo; anything else looks for each word in the name, in
 * any order, without regard to case or accents.
 */
export function searchTest(q: string): ((row: IntakeRow) => boolean) | undefined {
  const query = q.trim();
  if (!query) return undefined;
  const digits = query.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits)) return (row) => row.nummer.startsWith(digits) || row.crebo.startsWith(digits);
  const words = fold(query).split(' ');
  return (row) => words.every((word) => row.folded.includes(word));
}

/** The tests of the search and the filters that are on; `withStatus: false` leaves the status out (for the counts). */
export function intakeTests(filter: IntakeFilter, options: { withStatus?: boolean } = {}): Array<(row: IntakeRow) => boolean> {
  const tests: Array<(row: IntakeRow) => boolean> = [];
  const search = searchTest(filter.q);
  if (search) tests.push(search);
  if (filter.locatie) tests.push((row) => row.locatieKey === filter.locatie);
  if (filter.opleiding) tests.push((row) => opleidingKey(row) === filter.opleiding);
  if (filter.cohort) tests.push((row) => row.cohort === filter.cohort);
  if (filter.status && options.withStatus !== false) tests.push((row) => row.status === filter.status);
  return tests;
}

export const filterIntake = (rows: ReadonlyArray<IntakeRow>, filter: IntakeFilter): IntakeRow[] => filterRows(rows, intakeTests(filter));

export const isFiltered = (filter: IntakeFilter) => intakeTests(filter).length > 0;

export interface FilterOption {
  value: string;
  label: string;
}

/** The choices of the locatie, opleiding and cohort filters: what the rows hold, sorted by name. */
export function filterOptions(rows: ReadonlyArray<IntakeRow>, crebo: (crebo: string) => string): { locaties: FilterOption[]; opleidingen: FilterOption[]; cohorts: FilterOption[] } {
  const locaties = new Map<string, string>();
  const opleidingen = new Map<string, string>();
  const cohorts = new Set<string>();
  for (const row of rows) {
    if (row.locatieKey) locaties.set(row.locatieKey, row.locatie || row.locatieKey);
    const key = opleidingKey(row);
    if (key && !opleidingen.has(key)) opleidingen.set(key, row.crebo ? `${row.opleiding} (${crebo(row.crebo)})` : row.opleiding);
    if (row.cohort) cohorts.add(row.cohort);
  }
  const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label, 'nl', { numeric: true, sensitivity: 'base' });
  return {
    locaties: [...locaties].map(([value, label]) => ({ value, label })).sort(byLabel),
    opleidingen: [...opleidingen].map(([value, label]) => ({ value, label })).sort(byLabel),
    cohorts: [...cohorts].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })).map((value) => ({ value, label: value })),
  };
}

// --- sorting and counting ------------------------------------------------------------------------

const statusRank: Record<IntakeStatus, number> = { nieuw: 0, gelezen: 1, intakeGepland: 2, geplaatst: 3, nietGeplaatst: 4 };

/** What each sortable column sorts by; ties fall back to the name. */
export const intakeSortKeys: Record<string, (row: IntakeRow) => SortKey> = {
  naam: (row) => row.naam,
  opleiding: (row) => [row.opleiding, row.crebo, row.naam],
  locatie: (row) => [row.locatie, row.naam],
  cohort: (row) => [row.cohort, row.naam],
  ontvangen: (row) => [row.ontvangen, row.naam],
  status: (row) => [statusRank[row.status], row.intake?.datum, row.naam],
};

/** How many rows have each intake status (every status present, 0 when none). */
export function countByStatus(rows: ReadonlyArray<IntakeRow>): Map<IntakeStatus, number> {
  const counts = new Map<IntakeStatus, number>(intakeStatuses.map((status) => [status, 0]));
  for (const row of rows) counts.set(row.status, counts.get(row.status)! + 1);
  return counts;
}

// --- pages ---------------------------------------------------------------------------------------

// The page of rows shown is the shared pager's (the school overview pages the same way).
export { pageOf, type Page } from '../shared/pager.js';

// --- the intake form -----------------------------------------------------------------------------

/** The statuses an officer can choose: nieuw and gelezen are set by the backend. */
export const choosableStatuses = ['intakeGepland', 'geplaatst', 'nietGeplaatst'] as const satisfies ReadonlyArray<IntakeStatus>;
export type ChoosableStatus = (typeof choosableStatuses)[number];

/** What the form holds before it is sent. */
export interface IntakeDraft {
  status?: ChoosableStatus;
  datum?: string;
  reden?: string;
}

export const redenMaxLength = 1000;

/** What is missing, as paths of the form with the message key to show; empty when it can be sent. */
export function intakeDraftErrors(draft: IntakeDraft): Array<{ path: 'status' | 'datum' | 'reden'; key: string }> {
  if (!draft.status) return [{ path: 'status', key: 'intake.error.status' }];
  if (draft.status === 'intakeGepland' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.datum ?? '')) return [{ path: 'datum', key: 'intake.error.datum' }];
  if (draft.status === 'nietGeplaatst' && !draft.reden?.trim()) return [{ path: 'reden', key: 'intake.error.reden' }];
  return [];
}

/** The request for a complete draft: a date only with intakeGepland, a reason only with nietGeplaatst. */
export function intakeRequestOf(draft: IntakeDraft & { status: ChoosableStatus }): IntakeRequest {
  if (draft.status === 'intakeGepland') return { status: draft.status, datum: draft.datum! };
  if (draft.status === 'nietGeplaatst') return { status: draft.status, reden: draft.reden!.trim().slice(0, redenMaxLength) };
  return { status: draft.status };
}

/** The list after one dossier's intake changed (opened, or set): a new array with a new row for it. */
export function withIntake(items: ReadonlyArray<DossierSummary>, dossierId: string, intake: Intake): DossierSummary[] {
  return items.map((item) => (item.id === dossierId ? { ...item, intake } : item));
}
