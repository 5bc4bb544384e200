/**
 * The school overview without any DOM (spec §9): one row per student with the dossier that got
 * furthest, the filters a decaan uses (state, klas, leerjaar, stuck longer than N days, no dossier
 * while the registration deadline nears, guardian consent outstanding), the count per state, what
 * the export for the regional Overstaptafel holds, and which actions the workflow allows on the
 * selected rows. Pure functions; the mentor's "Mijn leerlingen" uses the same rows.
 */
import {
  can,
  type Actor,
  type Decision,
  type Dossier,
  type DossierAction,
  type DossierStatus,
  type DossierSummary,
  type Intake,
  type RegionConfig,
  type StudentOverview,
  type WorkflowContext,
} from '@doorstroom/sdk';
import { filterRows, type SortKey } from '../shared/data-table.js';
import { canOpen, furthestDossier } from './state.js';

/** The step a student is in: no (active) dossier yet, or the status of the dossier that got furthest. */
export type OverviewState = 'geenDossier' | DossierStatus;
export const overviewStates: ReadonlyArray<OverviewState> = ['geenDossier', 'concept', 'bijMentor', 'deelB', 'akkoord', 'afgerond'];
const stateRank: Record<OverviewState, number> = { geenDossier: 0, concept: 1, bijMentor: 2, deelB: 3, akkoord: 4, afgerond: 5 };

export interface OverviewRow {
  /** The student's id: the row's key. */
  id: string;
  student: StudentOverview;
  /** The dossier the row is about: the one that got furthest of those not archived (archived ones leave the overview). */
  dossier?: DossierSummary;
  state: OverviewState;
  /** Whole days since the dossier reached its step (calendar days); absent without a dossier. */
  days?: number;
  /** Other active dossiers of the student besides the one shown. */
  otherDossiers: number;
  /** The dossier this person may open: the one shown, else their archived one. */
  openable?: DossierSummary;
  guardianOutstanding: boolean;
  intake?: Intake;
}

const dayMs = 86_400_000;
const dayNumber = (date: Date) => Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / dayMs);

/** Calendar days from `since` (ISO) to `today`; undefined for a date that cannot be read. */
export function daysSince(since: string | undefined, today: Date): number | undefined {
  if (!since) return undefined;
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return undefined;
  return Math.max(0, dayNumber(today) - dayNumber(date));
}

/** One row per student, in the order the backend sent them (by name). */
export function overviewRows(students: ReadonlyArray<StudentOverview>, me: Actor, today: Date): OverviewRow[] {
  return students.map((student) => {
    const active = student.dossiers.filter((d) => !d.archived);
    const dossier = furthestDossier(active);
    const mine = student.dossiers.filter((d) => canOpen(me, d));
    const openable = dossier && canOpen(me, dossier) ? dossier : furthestDossier(mine);
    const days = daysSince(dossier?.statusSince ?? dossier?.updatedAt, today);
    return {
      id: student.id,
      student,
      ...(dossier ? { dossier } : {}),
      state: dossier?.status ?? 'geenDossier',
      ...(days !== undefined ? { days } : {}),
      otherDossiers: Math.max(0, active.length - 1),
      ...(openable ? { openable } : {}),
      guardianOutstanding: dossier?.guardianConsentOutstanding === true,
      ...(dossier?.intake ? { intake: dossier.intake } : {}),
    };
  });
}

// --- filters ----------------------------------------------------------------------------------

export interface OverviewFilter {
  /** '' = every klas. */
  klas: string;
  /** '' = every leerjaar. */
  leerjaar: string;
  /** '' = every step. */
  state: '' | OverviewState;
  /** "More than N days in this step", as typed ('' = any). */
  stuckDays: string;
  /** Only students whose guardian must still consent. */
  guardian: boolean;
  /** Only students without a dossier (the registration deadline nears). */
  noDossier: boolean;
}

export const noOverviewFilter: OverviewFilter = { klas: '', leerjaar: '', state: '', stuckDays: '', guardian: false, noDossier: false };

/** The number of days typed, or undefined when the field is empty or not a whole number of days. */
export function stuckDaysOf(filter: Pick<OverviewFilter, 'stuckDays'>): number | undefined {
  const text = filter.stuckDays.trim();
  if (!/^\d{1,4}$/.test(text)) return undefined;
  return Number(text);
}

/** The field holds something that is not a number of days (shown as an error beside it). */
export const stuckDaysInvalid = (filter: Pick<OverviewFilter, 'stuckDays'>) => filter.stuckDays.trim() !== '' && stuckDaysOf(filter) === undefined;

const sameKlas = (a: string | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** The tests of the filters that are on. */
export function overviewTests(filter: OverviewFilter): Array<(row: OverviewRow) => boolean> {
  const tests: Array<(row: OverviewRow) => boolean> = [];
  if (filter.klas) tests.push((row) => sameKlas(row.student.klas, filter.klas));
  if (filter.leerjaar) tests.push((row) => String(row.student.leerjaar ?? '') === filter.leerjaar);
  if (filter.state) tests.push((row) => row.state === filter.state);
  const stuck = stuckDaysOf(filter);
  if (stuck !== undefined) tests.push((row) => row.days !== undefined && row.days > stuck);
  if (filter.guardian) tests.push((row) => row.guardianOutstanding);
  if (filter.noDossier) tests.push((row) => row.state === 'geenDossier');
  return tests;
}

export function filterOverview(rows: ReadonlyArray<OverviewRow>, filter: OverviewFilter): OverviewRow[] {
  return filterRows(rows, overviewTests(filter));
}

export const isFiltered = (filter: OverviewFilter) => overviewTests(filter).length > 0;

/** Every klas and leerjaar of the rows, sorted, for the filters' options. */
export function klassenOf(rows: ReadonlyArray<OverviewRow>): { klassen: string[]; leerjaren: number[] } {
  const klassen = new Set<string>();
  const leerjaren = new Set<number>();
  for (const { student } of rows) {
    if (student.klas) klassen.add(student.klas);
    if (student.leerjaar !== undefined) leerjaren.add(student.leerjaar);
  }
  return {
    klassen: [...klassen].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })),
    leerjaren: [...leerjaren].sort((a, b) => a - b),
  };
}

// --- sorting ----------------------------------------------------------------------------------

/** What each sortable column sorts by; ties fall back to leerjaar, klas and name. */
export const overviewSortKeys: Record<string, (row: OverviewRow) => SortKey> = {
  naam: (row) => row.student.naam,
  klas: (row) => [row.student.leerjaar, row.student.klas, row.student.naam],
  // Within a step, the students furthest with deel A first when ascending.
  state: (row) => [stateRank[row.state], row.dossier ? -row.dossier.percentA : undefined, row.student.naam],
  days: (row) => [row.days, row.student.naam],
  mentor: (row) => [row.dossier?.mentor?.naam, row.student.naam],
  keuze: (row) => [row.dossier?.choice?.opleiding ?? row.dossier?.keuze, row.dossier?.choice?.instelling, row.student.naam],
  intake: (row) => [row.intake?.status, row.student.naam],
};

// --- the registration deadline ------------------------------------------------------------------

/** The next registration deadline (today counts as before it) and the calendar days until then. */
export function nextDeadline(config: Pick<RegionConfig, 'registrationDeadline'>, today: Date): { date: Date; days: number } {
  const { month, day } = config.registrationDeadline;
  let date = new Date(today.getFullYear(), month - 1, day, 12);
  if (dayNumber(date) < dayNumber(today)) date = new Date(today.getFullYear() + 1, month - 1, day, 12);
  return { date, days: dayNumber(date) - dayNumber(today) };
}

/** Within this many days of the deadline, the overview points at the students without a dossier. */
export const deadlineNearDays = 60;

// --- acting on the selection ----------------------------------------------------------------------

/** The dossier as `can` needs it, from a row of the list (the backend lists only the school's own). */
export function dossierForDecision(summary: DossierSummary, schoolId: string | null): Dossier {
  return {
    id: summary.id,
    type: summary.type,
    status: summary.status,
    archived: summary.archived,
    version: summary.version,
    student: {
      id: summary.student.id,
      naam: summary.student.naam,
      schoolId,
      ...(summary.student.klas ? { klas: summary.student.klas } : {}),
      ...(summary.student.leerjaar ? { leerjaar: summary.student.leerjaar } : {}),
    },
    mentor: summary.mentor,
    answers: {},
    inzage: [],
    deelBSentAt: null,
    finalizedAt: null,
    createdAt: summary.updatedAt,
    updatedAt: summary.updatedAt,
  };
}

export type BulkAction = Extract<DossierAction, 'archive' | 'changeMentor'>;

/** Whether the workflow allows `action` on the row's dossier; `undefined` when the student has no dossier to act on. */
export function decisionFor(me: Actor, action: BulkAction, row: OverviewRow, context: WorkflowContext, mentorId?: string): Decision | undefined {
  if (!row.dossier) return undefined;
  return can(me, action, dossierForDecision(row.dossier, me.school?.id ?? null), context, mentorId !== undefined ? { mentorId } : undefined);
}

// --- the export for the Overstaptafel ----------------------------------------------------------------

/**
 * The columns of the CSV for the regional Overstaptafel (seed 003 §4.2: vo, mbo and leerplicht talk
 * about the students at risk of not starting in September). Who, where at school, how far, where
 * they chose to go and what the MBO did with it. Nothing from the dossier's answers beyond the A7
 * choice, no persoonsgebonden nummer, no contact details, no support needs (B1, A6), no reason for
 * "niet geplaatst" (free text from the MBO), no guardian details.
 */
export const exportColumns = ['naam', 'klas', 'leerjaar', 'stap', 'sinds', 'dagen', 'mentor', 'instelling', 'locatie', 'opleiding', 'crebo', 'intake', 'intakeDatum'] as const;
export type ExportColumn = (typeof exportColumns)[number];

export interface ExportTexts {
  header(column: ExportColumn): string;
  state(state: OverviewState): string;
  intake(status: Intake['status']): string;
}

const isoDay = (iso: string | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '');

/** The header and one line per row, as values for `toCsv`. Dates as YYYY-MM-DD (Excel reads them as dates). */
export function exportTable(rows: ReadonlyArray<OverviewRow>, texts: ExportTexts): Array<Array<string | number>> {
  const lines: Array<Array<string | number>> = [exportColumns.map((column) => texts.header(column))];
  for (const row of rows) {
    const { student, dossier } = row;
    const choice = dossier?.choice;
    const values: Record<ExportColumn, string | number> = {
      naam: student.naam,
      klas: student.klas ?? '',
      leerjaar: student.leerjaar ?? '',
      stap: texts.state(row.state),
      sinds: isoDay(dossier?.statusSince ?? dossier?.updatedAt),
      dagen: row.days ?? '',
      mentor: dossier?.mentor?.naam ?? '',
      instelling: choice?.instelling ?? '',
      locatie: choice?.locatie ?? '',
      opleiding: choice?.opleiding ?? (choice ? '' : (dossier?.keuze ?? '')),
      crebo: choice?.crebo ?? '',
      intake: row.intake ? texts.intake(row.intake.status) : '',
      intakeDatum: row.intake?.datum ?? '',
    };
    lines.push(exportColumns.map((column) => values[column]));
  }
  return lines;
}

/** `overstaptafel-vmbo-de-brug-2027-03-02.csv` */
export function exportFileName(schoolNaam: string | undefined, today: Date): string {
  const slug = (schoolNaam ?? 'school')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `overstaptafel-${slug || 'school'}-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.csv`;
}
