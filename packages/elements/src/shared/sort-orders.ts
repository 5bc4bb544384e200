/**
 * Every order of a table's rows, kept per column, direction and language while the rows stay the
 * same array, and the orders not asked for yet made in idle time once the table is on screen.
 *
 * Sorting thousands of rows with the collator takes longer than a frame: with the orders made
 * beforehand, pressing a header only filters a prepared order and renders. Used by the MBO's
 * worklist (<ddd-intake>) and the decaan's school overview (<ddd-mentor-review>).
 */
import { sortRows, type SortDirection, type SortKey } from './data-table.js';

export class SortOrders<Row> {
  /** Every order made for these rows in this language, by `column:direction`. */
  private orders?: { rows: ReadonlyArray<Row>; lang: string; sorted: Map<string, Row[]> };
  private preparing?: { rows: ReadonlyArray<Row>; lang: string; cancel?: () => void };

  /**
   * @param keys the sort key of each sortable column
   * @param fallback the column used for a column that is not in `keys`
   */
  constructor(
    private readonly keys: Readonly<Record<string, (row: Row) => SortKey>>,
    private readonly fallback: string,
  ) {}

  /** The rows in the order of `column` (the same array every time while the rows and language stay the same). */
  ordered(rows: ReadonlyArray<Row>, column: string, direction: SortDirection, lang: string): Row[] {
    if (this.orders?.rows !== rows || this.orders.lang !== lang) this.orders = { rows, lang, sorted: new Map() };
    const known = this.keys[column] ? column : this.fallback;
    const id = `${known}:${direction}`;
    let sorted = this.orders.sorted.get(id);
    if (!sorted) this.orders.sorted.set(id, (sorted = sortRows(rows, this.keys[known]!, direction, lang)));
    return sorted;
  }

  /**
   * Makes the orders of every sortable column in idle time, one per idle period, for these rows
   * (those made already are skipped). Another list or language, or `stop`, ends it.
   */
  prepare(rows: ReadonlyArray<Row>, lang: string): void {
    if (this.preparing?.rows === rows && this.preparing.lang === lang) return;
    this.stop();
    const made = this.orders?.rows === rows && this.orders.lang === lang ? this.orders.sorted : undefined;
    const todo = Object.keys(this.keys)
      .flatMap((column) => (['ascending', 'descending'] as const).map((direction) => ({ column, direction })))
      .filter(({ column, direction }) => !made?.has(`${column}:${direction}`));
    if (todo.length === 0) return;
    const mine: NonNullable<SortOrders<Row>['preparing']> = (this.preparing = { rows, lang });
    const later = (work: () => void) => {
      if (typeof requestIdleCallback === 'function') {
        const handle = requestIdleCallback(work, { timeout: 2000 });
        mine.cancel = () => cancelIdleCallback(handle);
      } else {
        const handle = setTimeout(work, 50);
        mine.cancel = () => clearTimeout(handle);
      }
    };
    const next = () => {
      if (this.preparing !== mine) return;
      const order = todo.shift();
      if (order) this.ordered(rows, order.column, order.direction, lang);
      if (todo.length > 0) later(next);
      else this.preparing = undefined;
    };
    later(next);
  }

  /** Back on the page: the orders of `rows` not made yet are made in idle time again. */
  resume(rows: ReadonlyArray<Row> | undefined): void {
    if (this.orders && rows && this.orders.rows === rows) this.prepare(this.orders.rows, this.orders.lang);
  }

  /** Ends the idle-time preparation, if one is under way. */
  stop(): void {
    this.preparing?.cancel?.();
    this.preparing = undefined;
  }
}
