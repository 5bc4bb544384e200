/**
 * The state of the MBO's worklist: the received dossiers as the backend listed them, the search,
 * filters, sort and page, and the rows derived from them. Each step (rows, sorted, filtered,
 * counted, the page) is computed again only when its own inputs changed, so typing one letter in
 * the search does not sort 5 000 rows again and a new sort does not rebuild the rows.
 *
 * The list is loaded once and then again when the element asks (back from a dossier): what was on
 * screen stays while the new list comes, and stays when it does not come (a failing network).
 *
 * Sorting 5 000 rows by a text column takes longer than a frame (the collator), so every order is
 * kept per column and direction while the list stays the same, and the orders of the other
 * columns are made in idle time once the list is on screen: pressing a header then only filters
 * the prepared order and renders one page. That preparation stops when the element leaves the
 * page or the list changes (a new load, a dossier's new status), and starts again for the new list.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DossierApi, DossierSummary, Intake, IntakeStatus } from '@doorstroom/sdk';
import { filterRows, type SortState } from '../shared/data-table.js';
import { SortOrders } from '../shared/sort-orders.js';
import { PageMemo, type Page } from '../shared/pager.js';
import { countByStatus, filterOptions, intakeRows, intakeSortKeys, intakeTests, noIntakeFilter, withIntake, type FilterOption, type IntakeFilter, type IntakeRow } from './worklist.js';

export interface WorklistView {
  /** Every row (sorted). */
  all: IntakeRow[];
  /** The rows the search and filters leave in, sorted. */
  shown: IntakeRow[];
  /** Per status, of the rows the search and the other filters leave in. */
  counts: ReadonlyMap<IntakeStatus, number>;
  options: { locaties: FilterOption[]; opleidingen: FilterOption[]; cohorts: FilterOption[] };
  page: Page<IntakeRow>;
}

const emptyView: WorklistView = {
  all: [],
  shown: [],
  counts: new Map(),
  options: { locaties: [], opleidingen: [], cohorts: [] },
  page: { rows: [], page: 1, pages: 1, from: 0, to: 0 },
};

export class WorklistController implements ReactiveController {
  /** The list as the backend sent it; undefined until it came. */
  items?: DossierSummary[];
  loading = false;
  /** Why the last load failed (a list already shown stays). */
  error?: unknown;
  filter: IntakeFilter = noIntakeFilter;
  sort: SortState = { column: 'ontvangen', direction: 'descending' };
  page = 1;
  pageSize = 50;

  private loadedFor?: DossierApi;
  private sequence = 0;
  private rowsMemo?: { items: DossierSummary[]; rows: IntakeRow[] };
  /** Every column's order of the rows, the ones not asked for made in idle time. */
  private readonly orders = new SortOrders<IntakeRow>(intakeSortKeys, 'ontvangen');
  private filteredMemo?: { sorted: IntakeRow[]; filter: IntakeFilter; shown: IntakeRow[]; counts: Map<IntakeStatus, number> };
  private optionsMemo?: { rows: IntakeRow[]; lang: string; options: WorklistView['options'] };
  private readonly pages = new PageMemo<IntakeRow>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** A load failed (the element tells the page with `ddd-error`). */
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    host.addController(this);
  }

  /** Back on the page: the orders not made yet are made in idle time again. */
  hostConnected(): void {
    this.orders.resume(this.rowsMemo?.rows);
  }

  /** Off the page: no more work in its idle time. */
  hostDisconnected(): void {
    this.orders.stop();
  }

  /** Loads the list once per backend. */
  ensure(api: DossierApi): void {
    if (this.loadedFor === api) return;
    this.loadedFor = api;
    this.items = undefined;
    void this.load(api);
  }

  /** Loads the list again; what is shown stays meanwhile, and stays when loading fails. */
  async load(api: DossierApi): Promise<boolean> {
    const mine = ++this.sequence;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const { items } = await api.listDossiers();
      if (mine !== this.sequence) return false;
      if (items !== this.items) this.orders.stop();
      this.items = items;
      this.error = undefined;
      return true;
    } catch (error) {
      if (mine !== this.sequence) return false;
      this.error = error;
      this.onError(error);
      return false;
    } finally {
      if (mine === this.sequence) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** One dossier's intake changed (it was opened and so read, or the officer set it): its row follows. */
  update(dossierId: string, intake: Intake | undefined): void {
    if (!this.items || !intake) return;
    const current = this.items.find((item) => item.id === dossierId);
    if (!current || (current.intake?.status === intake.status && current.intake?.updatedAt === intake.updatedAt)) return;
    this.orders.stop();
    this.items = withIntake(this.items, dossierId, intake);
    this.host.requestUpdate();
  }

  changeFilter(change: Partial<IntakeFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.page = 1;
    this.host.requestUpdate();
  }

  /** The search and filters a portal asked for (`filters` on the element); the rest off. */
  resetFilters(filters: Partial<IntakeFilter> | undefined): void {
    this.filter = { ...noIntakeFilter, ...filters };
    this.page = 1;
    this.host.requestUpdate();
  }

  clearFilters(): void {
    this.filter = { ...noIntakeFilter, q: this.filter.q };
    this.page = 1;
    this.host.requestUpdate();
  }

  changeSort(sort: SortState): void {
    this.sort = sort;
    this.page = 1;
    this.host.requestUpdate();
  }

  goTo(page: number): void {
    this.page = page;
    this.host.requestUpdate();
  }

  /** The rows for the table and everything around it; the same objects while nothing they depend on changed. */
  view(lang: string, crebo: (crebo: string) => string): WorklistView {
    const items = this.items;
    if (!items) return emptyView;
    if (this.rowsMemo?.items !== items) this.rowsMemo = { items, rows: intakeRows(items) };
    const rows = this.rowsMemo.rows;
    const ordered = this.orders.ordered(rows, this.sort.column, this.sort.direction, lang);
    this.orders.prepare(rows, lang);
    const filtered = this.filteredMemo;
    if (!filtered || filtered.sorted !== ordered || filtered.filter !== this.filter) {
      // The counts leave the status filter out: pressing "Geplaatst" still shows how many are new.
      const others = filterRows(ordered, intakeTests(this.filter, { withStatus: false }));
      const shown = this.filter.status ? others.filter((row) => row.status === this.filter.status) : others;
      this.filteredMemo = { sorted: ordered, filter: this.filter, shown, counts: countByStatus(others) };
    }
    const { shown, counts } = this.filteredMemo!;
    if (this.optionsMemo?.rows !== rows || this.optionsMemo.lang !== lang) {
      this.optionsMemo = { rows, lang, options: filterOptions(rows, crebo) };
    }
    return { all: ordered, shown, counts, options: this.optionsMemo.options, page: this.pages.of(shown, this.page, this.pageSize) };
  }
}
