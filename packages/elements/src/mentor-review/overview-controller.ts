/**
 * The state of the school overview (and of the mentor's "Mijn leerlingen", the same table): filters,
 * sort, page and selection, the rows derived from the list (computed again only when their inputs
 * change, so an unrelated render costs nothing), the school's mentors for a decaan, and the
 * decaan's actions on the selection with a result per student.
 *
 * The filters and the sort apply to every student; the table then shows one page of 50 (the
 * shared pager, as the MBO's worklist): rendering and laying out 600 rows took longer than a
 * frame on every sort. A new filter or sort goes back to page 1. The selection is kept by student
 * across pages, and the counts, the result count and the export are about every filtered student.
 *
 * Every action is checked with the SDK's `can` first (per dossier: changeMentor, archive); what
 * the workflow refuses is not sent and is listed with its reason, and a refusal the backend still
 * gives is shown in its own words. Reminders are the backend's call per student (sent, or why not).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  isDossierApiError,
  localize,
  refusal,
  refusalCodes,
  type Actor,
  type Dossier,
  type DossierApi,
  type Mentor,
  type RefusalCode,
  type RegionConfig,
  type StudentOverview,
  type WorkflowContext,
} from '@doorstroom/sdk';
import { countBy, type SortState } from '../shared/data-table.js';
import { SortOrders } from '../shared/sort-orders.js';
import { PageMemo, RowSlots, type Page } from '../shared/pager.js';
import type { DddOverviewActionDetail } from '../shared/events.js';
import { describeError, describeRefusal } from '../shared/i18n.js';
import { decisionFor, filterOverview, klassenOf, noOverviewFilter, overviewRows, overviewSortKeys, type BulkAction, type OverviewFilter, type OverviewRow, type OverviewState } from './overview.js';

export type OverviewActionKind = DddOverviewActionDetail['kind'];

/** What one action did, per student (or, for a klas, in total and per refused dossier). */
export interface ActionResult extends DddOverviewActionDetail {
  /** Increases with every result, so the view can move focus to a new one. */
  serial: number;
}

export interface Derived {
  /** Every row, sorted. */
  rows: OverviewRow[];
  /** Keys of the rows the filters leave in. */
  shown: ReadonlySet<string>;
  /** The rows the filters leave in, in order (for the count, the selection's actions and the export). */
  shownRows: OverviewRow[];
  /** The page of `shownRows` the table shows. */
  page: Page<OverviewRow>;
  /** The table's key of each row on the page, by student id (see RowSlots). */
  keys: ReadonlyMap<string, string>;
  counts: ReadonlyMap<OverviewState, number>;
  klassen: string[];
  leerjaren: number[];
}

export interface OverviewTexts {
  lang: string;
  t(key: string, vars?: Record<string, string | number>): string;
  plural(key: string, count: number, vars?: Record<string, string | number>): string;
}

const emptyDerived: Derived = {
  rows: [],
  shown: new Set(),
  shownRows: [],
  page: { rows: [], page: 1, pages: 1, from: 0, to: 0 },
  keys: new Map(),
  counts: new Map(),
  klassen: [],
  leerjaren: [],
};

export class OverviewController implements ReactiveController {
  filter: OverviewFilter = noOverviewFilter;
  sort: SortState = { column: 'klas', direction: 'ascending' };
  selected: ReadonlySet<string> = new Set();
  /** The page of the table (1-based) and its number of rows. */
  page = 1;
  pageSize = 50;
  /** The school's mentors (decaan); undefined until loaded. */
  mentors?: Mentor[];
  mentorsError?: string;
  /** The action running now. */
  busy?: OverviewActionKind;
  result?: ActionResult;
  /** What made the last action fail as a whole, for `ddd-error`. */
  lastError?: unknown;
  /** The archive button was pressed once: the view asks to confirm. */
  confirmingArchive = false;
  /** The mentor chosen for the selection, and the klas move's klas and mentor. */
  moveTo = '';
  klasToMove = '';
  klasMoveTo = '';

  private serial = 0;
  private connected = false;
  private mentorsFor?: DossierApi;
  private rowsMemo?: {
    students: ReadonlyArray<StudentOverview>;
    me: Actor;
    day: string;
    rows: OverviewRow[];
    counts: ReadonlyMap<OverviewState, number>;
    klassen: string[];
    leerjaren: number[];
  };
  private derivedMemo?: { sorted: OverviewRow[]; filter: OverviewFilter; shownRows: OverviewRow[]; shown: ReadonlySet<string> };
  private resultMemo?: { page: Page<OverviewRow>; derived: Derived };
  private readonly pages = new PageMemo<OverviewRow>();
  /** The table's row keys: a row that comes on the page reuses the elements of one that left. */
  private readonly slots = new RowSlots();
  /** Every column's order of the rows, the ones not asked for made in idle time. */
  private readonly orders = new SortOrders<OverviewRow>(overviewSortKeys, 'klas');

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Back on the page: the orders not made yet are made in idle time again. */
  hostConnected(): void {
    this.connected = true;
    this.orders.resume(this.rowsMemo?.rows);
  }

  /** Off the page: no more work in its idle time (also not after a render that comes later, say when an action's list arrives). */
  hostDisconnected(): void {
    this.connected = false;
    this.orders.stop();
  }

  /** Rows, filtered and sorted, for this list; the same objects as long as nothing they depend on changed. */
  derive(students: ReadonlyArray<StudentOverview> | undefined, me: Actor, today: Date, lang: string): Derived {
    if (!students) return emptyDerived;
    const day = today.toDateString();
    const memo = this.rowsMemo;
    if (!memo || memo.students !== students || memo.me !== me || memo.day !== day) {
      this.orders.stop();
      const rows = overviewRows(students, me, today);
      this.rowsMemo = { students, me, day, rows, counts: countBy(rows, (r) => r.state), ...klassenOf(rows) };
    }
    const { rows, counts, klassen, leerjaren } = this.rowsMemo!;
    const ordered = this.orders.ordered(rows, this.sort.column, this.sort.direction, lang);
    if (this.connected) this.orders.prepare(rows, lang);
    const filtered = this.derivedMemo;
    if (!filtered || filtered.sorted !== ordered || filtered.filter !== this.filter) {
      const shownRows = filterOverview(ordered, this.filter);
      this.derivedMemo = { sorted: ordered, filter: this.filter, shownRows, shown: new Set(shownRows.map((r) => r.id)) };
    }
    const { shownRows, shown } = this.derivedMemo!;
    const page = this.pages.of(shownRows, this.page, this.pageSize);
    if (this.resultMemo?.page !== page || this.resultMemo.derived.counts !== counts || this.resultMemo.derived.klassen !== klassen) {
      const keys = this.slots.assign(page.rows.map((row) => row.id));
      this.resultMemo = { page, derived: { rows: ordered, shown, shownRows, page, keys, counts, klassen, leerjaren } };
    }
    return this.resultMemo!.derived;
  }

  /** A filter changed: back to page 1. */
  changeFilter(change: Partial<OverviewFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.page = 1;
    this.host.requestUpdate();
  }

  clearFilters(): void {
    this.filter = noOverviewFilter;
    this.page = 1;
    this.host.requestUpdate();
  }

  /** The filters a page asks for (the element's `filters`), the others off. */
  resetFilters(filters: Partial<OverviewFilter> | undefined): void {
    this.filter = { ...noOverviewFilter, ...filters };
    this.page = 1;
    this.host.requestUpdate();
  }

  /** A new sort: back to page 1. */
  changeSort(sort: SortState): void {
    this.sort = sort;
    this.page = 1;
    this.host.requestUpdate();
  }

  goTo(page: number): void {
    this.page = page;
    this.host.requestUpdate();
  }

  select(keys: ReadonlyArray<string>, on: boolean): void {
    const next = new Set(this.selected);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    this.selected = next;
    this.confirmingArchive = false;
    this.host.requestUpdate();
  }

  /**
   * The chosen rows the filters leave in, on every page: what is acted on is what the filters
   * show. A filter hides a chosen student without unchoosing them (arrowing through a select
   * passes other filters on the way), and so does another page.
   */
  selectedRows(derived: Derived): OverviewRow[] {
    return derived.shownRows.filter((row) => this.selected.has(row.id));
  }

  set(change: Partial<Pick<OverviewController, 'moveTo' | 'klasToMove' | 'klasMoveTo' | 'confirmingArchive'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** Loads the school's mentors once per backend (the decaan chooses from them). */
  async loadMentors(api: DossierApi, schoolId: string, lang: string): Promise<void> {
    if (this.mentorsFor === api) return;
    this.mentorsFor = api;
    this.mentorsError = undefined;
    try {
      this.mentors = (await api.mentors(schoolId)).filter((m) => m.id !== undefined);
    } catch (error) {
      this.mentorsError = describeError(error, lang);
    }
    this.host.requestUpdate();
  }

  /** Loads the mentors again after a failure. */
  retryMentors(api: DossierApi, schoolId: string, lang: string): void {
    this.mentorsFor = undefined;
    this.mentors = undefined;
    void this.loadMentors(api, schoolId, lang);
  }

  // --- actions --------------------------------------------------------------------------------

  private finish(result: Omit<ActionResult, 'serial'>): void {
    this.result = { ...result, serial: ++this.serial };
  }

  private async run(kind: OverviewActionKind, work: () => Promise<Omit<ActionResult, 'serial' | 'kind'>>, texts: OverviewTexts): Promise<boolean> {
    if (this.busy) return false;
    this.busy = kind;
    this.confirmingArchive = false;
    this.host.requestUpdate();
    try {
      this.finish({ kind, ...(await work()) });
      return true;
    } catch (error) {
      this.lastError = error;
      this.finish({ kind, entries: [], error: describeError(error, texts.lang) });
      return false;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  /** Reminds the selected students; the backend says per student whether it sent one, or why not. */
  remind(api: DossierApi, rows: ReadonlyArray<OverviewRow>, texts: OverviewTexts): Promise<boolean> {
    return this.run(
      'remind',
      async () => {
        const result = await api.remind(rows.map((r) => r.id));
        const sent = new Set(result.sent);
        const refused = new Map(result.refused.map((r) => [r.studentId, r.reason]));
        return {
          entries: rows.map((row) =>
            sent.has(row.id)
              ? { naam: row.student.naam, ok: true, text: texts.t('overview.result.sent') }
              : { naam: row.student.naam, ok: false, text: texts.t('overview.result.notSent', { reason: reasonText(refused.get(row.id), texts.lang) }) },
          ),
        };
      },
      texts,
    );
  }

  /**
   * Archives, or moves to `mentorId`, the dossier of each selected row. Rows the workflow refuses
   * are not sent; the others one by one, each with its own outcome.
   */
  actOn(
    api: DossierApi,
    action: BulkAction,
    rows: ReadonlyArray<OverviewRow>,
    me: Actor,
    config: RegionConfig,
    texts: OverviewTexts,
    options: { mentorId?: string; done?(dossier: Dossier): void } = {},
  ): Promise<boolean> {
    const { mentorId } = options;
    const mentor = this.mentors?.find((m) => m.id === mentorId);
    const context: WorkflowContext = { config, today: new Date(), ...(this.mentors ? { schoolRoster: this.mentors } : {}) };
    const done = action === 'archive' ? texts.t('overview.result.archived') : texts.t('overview.result.moved', { mentor: mentor?.naam ?? '' });
    const notDone = (reason: string) => texts.t(action === 'archive' ? 'overview.result.notArchived' : 'overview.result.notMoved', { reason });
    return this.run(
      action,
      async () => {
        const entries: ActionResult['entries'] = [];
        for (const row of rows) {
          const naam = row.student.naam;
          const decision = decisionFor(me, action, row, context, mentorId);
          if (!decision || !row.dossier) {
            entries.push({ naam, ok: false, text: notDone(texts.t('overview.result.noDossier')) });
            continue;
          }
          if (!decision.allowed) {
            entries.push({ naam, ok: false, text: notDone(localize(decision.refusal.message, texts.lang)) });
            continue;
          }
          try {
            const updated = await api.act(row.dossier.id, action, action === 'changeMentor' ? { mentorId: mentorId! } : undefined, row.dossier.version);
            entries.push({ naam, ok: true, text: done });
            options.done?.(updated);
          } catch (error) {
            // Without a connection the rest would fail the same way: stop and say so once.
            if (isDossierApiError(error) && error.kind === 'network') throw error;
            entries.push({ naam, ok: false, text: notDone(describeRefusal(error, texts.lang)) });
          }
        }
        return { entries };
      },
      texts,
    );
  }

  /** Gives a whole klas to `mentorId`: the roster and every open dossier of its students. */
  moveKlas(api: DossierApi, schoolId: string, klas: string, mentorId: string, rows: ReadonlyArray<OverviewRow>, texts: OverviewTexts): Promise<boolean> {
    const mentor = this.mentors?.find((m) => m.id === mentorId);
    return this.run(
      'klas',
      async () => {
        const result = await api.moveKlas(schoolId, klas, mentorId);
        const byDossier = new Map(rows.flatMap((row) => row.student.dossiers.map((d) => [d.id, row.student.naam] as const)));
        const count = result.moved.length;
        const moved = count === 0 ? texts.t('overview.result.klasNone') : texts.plural('overview.result.klasDossiers', count);
        return {
          summary: `${texts.t('overview.result.klasMoved', { klas, mentor: mentor?.naam ?? '' })} ${moved}`,
          entries: result.refused.map((r) => ({
            naam: byDossier.get(r.dossierId) ?? r.dossierId,
            ok: false,
            text: texts.t('overview.result.notMoved', { reason: reasonText(r.reason, texts.lang) }),
          })),
        };
      },
      texts,
    );
  }
}

/** A refusal code from the backend in the reader's words; an unknown code as a general "not possible". */
function reasonText(code: string | undefined, lang: string): string {
  if (code && (refusalCodes as ReadonlyArray<string>).includes(code)) return localize(refusal(code as RefusalCode).message, lang);
  return localize(refusal('wrongState').message, lang);
}
