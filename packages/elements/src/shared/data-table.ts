/**
 * A data table for lists of people or dossiers: a real `<table>` with a caption, sortable column
 * headers (buttons, `aria-sort`), a row header per row, optional selection with a checkbox per row
 * and a "select all shown" checkbox, and a count-per-state summary bar (`renderCountSummary`).
 *
 * Sorting and filtering are pure functions (`sortRows`, `filterRows`, `countBy`) that the view calls
 * with its own state; they take a few milliseconds for 5 000 rows. A long list shows one page of
 * rows (shared/pager.ts: the MBO's worklist of 5 000 dossiers, the school overview of 600
 * students), keyed by slot (`renderKey`): moving and laying out 600 rows on a new sort took longer
 * than an animation frame, a page of 50 does not (scripts/bench-elements). A short list may be
 * given whole, with the rows the filters leave out hidden (`shown`).
 *
 * Narrow (the table's own width below 56rem, a container query: 320 px, 400 % zoom, a narrow
 * portal column) each row becomes a block with the column names beside the values, so nothing
 * scrolls sideways (WCAG 1.4.10). The column names there are CSS text hidden from assistive
 * technology (`content: … / ""`), which keeps reading the header cells; the table carries its
 * roles explicitly (`role="table"`, `row`, `cell`, …) because some browsers drop table semantics
 * when `display` changes. The header row stays as a row of sort buttons.
 *
 * Templates only: the view owns sort, filter and selection state and passes them in.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { addMessages, intlLocale, translate } from './i18n.js';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  /** The id of the sorted column. */
  column: string;
  direction: SortDirection;
}

/** One value to sort by; empty values (undefined, null, '') go last in both directions. */
export type SortValue = string | number | boolean | null | undefined;
/** A value, or several compared in turn (klas, then name). */
export type SortKey = SortValue | ReadonlyArray<SortValue>;

export interface DataTableColumn<Row> {
  id: string;
  /** The header text; in the narrow layout also the name beside each value. */
  label: string;
  /** The content of the cell: text or a template. */
  cell(row: Row): unknown;
  /** Makes the column sortable. */
  sortKey?(row: Row): SortKey;
  /** The cells of this column are the row headers (`<th scope="row">`): the name of the row. */
  rowHeader?: boolean;
  /** Numbers: aligned to the end, with figures of equal width. */
  numeric?: boolean;
  /**
   * The column's grid track in the wide layout: a length (`4rem`) or `minmax(8rem, 1.5fr)`; columns
   * without one share what is left (`minmax(0, 1fr)`). Keep the minimums of all columns within 56rem,
   * where the table switches to the narrow layout, so nothing sticks out.
   */
  width?: string;
}

export interface DataTableSelection<Row> {
  /** Keys (`rowKey`) of the selected rows. */
  selected: ReadonlySet<string>;
  /** The accessible name of a row's checkbox, e.g. "Noor El Idrissi selecteren". */
  rowLabel(row: Row): string;
  /** The "select all shown" checkbox, e.g. "Alle getoonde leerlingen selecteren". */
  allLabel: string;
  /** The column name of the checkboxes in the narrow layout, e.g. "Selecteren". */
  columnLabel: string;
  /** Rows were selected (`true`) or deselected. */
  change(keys: string[], selected: boolean): void;
}

export interface DataTableOptions<Row> {
  /** Unique within the shadow root: ids inside the table start with it. */
  id: string;
  caption: string | TemplateResult;
  /** Show the caption to screen readers only (when a heading right above says the same). */
  captionHidden?: boolean;
  columns: ReadonlyArray<DataTableColumn<Row>>;
  /** Every row, in the order shown (`sortRows`). */
  rows: ReadonlyArray<Row>;
  rowKey(row: Row): string;
  /**
   * The key of the row's elements, when it is not `rowKey`: a page of a long list keys its rows by
   * slot (`RowSlots` in pager.ts), so a row that comes reuses the elements of one that left.
   * Selection and `shown` stay by `rowKey`.
   */
  renderKey?(row: Row): string;
  /** Keys of the rows that pass the filters; absent: all. Rows left out are hidden, not removed. */
  shown?: ReadonlySet<string>;
  sort?: SortState;
  /** Makes the headers of sortable columns buttons; called with the next sort state. */
  onSort?(sort: SortState): void;
  selection?: DataTableSelection<Row>;
  /** Shown below the header row when no row is shown. */
  empty?: string | TemplateResult;
  /** The rows are being (re)loaded. */
  busy?: boolean;
  lang: string;
  /**
   * What the cells depend on besides their row (the language, the role…). A row renders again only
   * when its row object, its selection or this changes; filtering and sorting leave the other rows
   * alone. So the callbacks in columns and `selection` must not depend on the render they came from.
   */
  cellsKey?: unknown;
}

// --- pure functions ---------------------------------------------------------------------------

const collators = new Map<string, Intl.Collator>();

/** A collator per language: numeric ("klas 10" after "klas 9"), accents and case only as tie-breakers. */
export function collatorFor(lang: string): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(intlLocale(lang), { numeric: true, sensitivity: 'base' });
    collators.set(lang, collator);
  }
  return collator;
}

const isEmpty = (value: SortValue) => value === undefined || value === null || value === '';

function compareValues(a: SortValue, b: SortValue, collator: Intl.Collator): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

/**
 * Compares two keys in `direction`; empty values sort last either way, so "no choice yet" never
 * pushes the real values off the top.
 */
export function compareKeys(a: SortKey, b: SortKey, direction: SortDirection, collator: Intl.Collator): number {
  const left = Array.isArray(a) ? (a as ReadonlyArray<SortValue>) : [a as SortValue];
  const right = Array.isArray(b) ? (b as ReadonlyArray<SortValue>) : [b as SortValue];
  const sign = direction === 'ascending' ? 1 : -1;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    const emptyX = isEmpty(x);
    const emptyY = isEmpty(y);
    if (emptyX || emptyY) {
      if (emptyX && emptyY) continue;
      return emptyX ? 1 : -1;
    }
    const order = compareValues(x, y, collator);
    if (order !== 0) return sign * order;
  }
  return 0;
}

/**
 * The rows sorted by `key` (computed once per row), stable: rows with equal keys keep the order
 * they came in. A new array; the input is not changed.
 */
export function sortRows<Row>(rows: ReadonlyArray<Row>, key: (row: Row) => SortKey, direction: SortDirection, lang = 'nl'): Row[] {
  const collator = collatorFor(lang);
  const keyed = rows.map((row, index) => ({ row, key: key(row), index }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, direction, collator) || a.index - b.index);
  return keyed.map((entry) => entry.row);
}

/** The rows sorted as `sort` says, by that column's `sortKey`; unchanged (a copy) when the column cannot sort. */
export function sortByColumn<Row>(rows: ReadonlyArray<Row>, columns: ReadonlyArray<DataTableColumn<Row>>, sort: SortState | undefined, lang = 'nl'): Row[] {
  const column = sort ? columns.find((c) => c.id === sort.column) : undefined;
  if (!sort || !column?.sortKey) return [...rows];
  return sortRows(rows, (row) => column.sortKey!(row), sort.direction, lang);
}

/** The rows for which every test holds (no tests: all of them). */
export function filterRows<Row>(rows: ReadonlyArray<Row>, tests: ReadonlyArray<(row: Row) => boolean>): Row[] {
  if (tests.length === 0) return [...rows];
  return rows.filter((row) => tests.every((test) => test(row)));
}

/** How many rows have each value of `key`. */
export function countBy<Row, K>(rows: ReadonlyArray<Row>, key: (row: Row) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) {
    const value = key(row);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Pressing a header: the other direction on the sorted column, else ascending on the new one. */
export function nextSort(current: SortState | undefined, column: string): SortState {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}

/** "Gesorteerd op Klas, oplopend.": for a status line after a sort. */
export function describeSort(columns: ReadonlyArray<{ id: string; label: string }>, sort: SortState | undefined, lang: string): string {
  const column = sort ? columns.find((c) => c.id === sort.column) : undefined;
  if (!sort || !column) return '';
  return translate(lang, 'table.sortedBy', { column: column.label, direction: translate(lang, `table.${sort.direction}`) });
}

/** Whether every shown row is selected, some are, or none (for the "select all shown" checkbox). */
export function selectionState(shownKeys: ReadonlyArray<string>, selected: ReadonlySet<string>): 'all' | 'some' | 'none' {
  let count = 0;
  for (const key of shownKeys) if (selected.has(key)) count++;
  if (count === 0) return 'none';
  return count === shownKeys.length ? 'all' : 'some';
}

// --- templates --------------------------------------------------------------------------------

const arrows: Record<SortDirection | 'none', string> = { ascending: '▲', descending: '▼', none: '↕' };

/**
 * `--ddd-table-columns` on the table through the CSSOM, on every render. Not a `style` attribute
 * (nor Lit's styleMap, which writes one on its first render): `style-src 'self'` blocks those.
 */
class ColumnTracks extends Directive {
  render(_tracks: string) {
    return nothing;
  }
  override update(part: ElementPart, [tracks]: [string]) {
    (part.element as HTMLElement).style.setProperty('--ddd-table-columns', tracks);
    return nothing;
  }
}
const columnTracks = directive(ColumnTracks);

/** The table. Hidden rows (not in `shown`) stay in the DOM, so filtering back costs no rendering. */
export function renderDataTable<Row>(options: DataTableOptions<Row>): TemplateResult {
  const { id, columns, rows, rowKey, shown, sort, onSort, selection } = options;
  const shownKeys = shown ? rows.map(rowKey).filter((key) => shown.has(key)) : rows.map(rowKey);
  const all = selection ? selectionState(shownKeys, selection.selected) : 'none';
  const header = (column: DataTableColumn<Row>) => {
    const sorted = sort?.column === column.id ? sort.direction : undefined;
    const label =
      column.sortKey && onSort
        ? html`<button type="button" class="ddd-table__sort" @click=${() => onSort(nextSort(sort, column.id))}>
            ${column.label}<span class="ddd-table__arrow" aria-hidden="true">\u00a0${arrows[sorted ?? 'none']}</span>
          </button>`
        : column.label;
    return html`<th role="columnheader" scope="col" class=${column.numeric ? 'ddd-table__num' : ''} data-column=${column.id} aria-sort=${sorted ?? nothing}>${label}</th>`;
  };
  const cell = (column: DataTableColumn<Row>, row: Row) => {
    const content = column.cell(row);
    if (column.rowHeader) return html`<th role="rowheader" scope="row" class="ddd-table__rowheader">${content}</th>`;
    // A blank cell is left out of the narrow layout: a column name with nothing beside it says nothing.
    const blank = content === '' || content === undefined || content === null || content === nothing;
    const classes = `${column.numeric ? 'ddd-table__num' : ''}${blank ? ' ddd-table__blank' : ''}`.trim();
    return html`<td role="cell" class=${classes} data-label=${column.label}>${content}</td>`;
  };
  const checkbox = (row: Row, key: string) =>
    html`<td role="cell" class="ddd-table__select" data-label=${selection!.columnLabel}>
      <input
        type="checkbox"
        class="ddd-table__check"
        aria-label=${selection!.rowLabel(row)}
        .checked=${live(selection!.selected.has(key))}
        @change=${(event: Event) => selection!.change([key], (event.target as HTMLInputElement).checked)}
      />
    </td>`;
  // Every row is a grid with the same columns: widths as given, the rest sharing what is left.
  // Set through the CSSOM, which a strict Content-Security-Policy allows; a style attribute it blocks.
  const tracks = [...(selection ? ['3rem'] : []), ...columns.map((column) => column.width ?? 'minmax(0, 1fr)')].join(' ');
  /* eslint-disable lit-a11y/no-redundant-role -- explicit table roles on purpose: rows are CSS grids (blocks when narrow), which can drop the implicit ones */
  return html`<div class="ddd-table" part="table">
    <table role="table" id=${id} aria-busy=${options.busy ? 'true' : 'false'} ${columnTracks(tracks)}>
      <caption class=${options.captionHidden ? 'ddd-visually-hidden' : 'ddd-table__caption'}>${options.caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          ${
            selection
              ? html`<th role="columnheader" scope="col" class="ddd-table__select">
                <label class="ddd-table__all">
                  <input
                    type="checkbox"
                    class="ddd-table__check"
                    id=${`${id}-all`}
                    .checked=${live(all === 'all')}
                    .indeterminate=${all === 'some'}
                    ?disabled=${shownKeys.length === 0}
                    @change=${() => selection.change(shownKeys, all !== 'all')}
                  />
                  <span class="ddd-table__all-text">${selection.allLabel}</span>
                </label>
              </th>`
              : nothing
          }
          ${columns.map(header)}
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${repeat(rows, options.renderKey ?? rowKey, (row) => {
          const key = rowKey(row);
          const selected = selection?.selected.has(key) ?? false;
          return html`<tr role="row" class=${selected ? 'ddd-table__row--selected' : ''} ?hidden=${shown !== undefined && !shown.has(key)}>
              ${guard([row, selected, options.cellsKey], () => html`${selection ? checkbox(row, key) : nothing}${columns.map((column) => cell(column, row))}`)}
            </tr>`;
        })}
      </tbody>
    </table>
    ${shownKeys.length === 0 && options.empty ? html`<p class="ddd-table__empty">${options.empty}</p>` : nothing}
  </div>`;
  /* eslint-enable lit-a11y/no-redundant-role */
}

export interface CountItem {
  key: string;
  label: string;
  count: number;
}

export interface CountSummaryOptions {
  id: string;
  /** What is counted, e.g. "Alle leerlingen per stap". */
  label: string;
  items: ReadonlyArray<CountItem>;
  /** The item whose filter is on (its button is pressed). */
  pressed?: string;
  /** Makes each count a toggle button that filters the table (`undefined`: the filter is off again). */
  select?(key: string | undefined): void;
}

/** A bar with a count per state; with `select`, each count is a toggle button for that state's filter. */
export function renderCountSummary(options: CountSummaryOptions): TemplateResult {
  const labelId = `${options.id}-label`;
  return html`<div class="ddd-counts" part="counts">
    <p class="ddd-counts__label" id=${labelId}>${options.label}</p>
    <ul class="ddd-counts__list" aria-labelledby=${labelId}>
      ${options.items.map((item) => {
        const content = html`<span class="ddd-counts__count">${item.count}</span> <span class="ddd-counts__name">${item.label}</span>`;
        if (!options.select) return html`<li class="ddd-counts__item">${content}</li>`;
        const pressed = options.pressed === item.key;
        return html`<li>
          <button
            type="button"
            class="ddd-counts__item ddd-counts__button"
            aria-pressed=${pressed ? 'true' : 'false'}
            @click=${() => options.select!(pressed ? undefined : item.key)}
          >
            ${content}
          </button>
        </li>`;
      })}
    </ul>
  </div>`;
}

// --- styles -----------------------------------------------------------------------------------

export const dataTableStyles = css`
  .ddd-table {
    container-type: inline-size;
    min-width: 0;
  }
  /*
   * Rows are grids with the same columns (--ddd-table-columns), not a table layout: the browser then
   * lays out and paints only the rows on screen (content-visibility), which keeps a filter or a
   * new sort within one frame. The roles on the elements keep it a table for
   * assistive technology.
   */
  .ddd-table table,
  .ddd-table thead,
  .ddd-table tbody,
  .ddd-table caption {
    display: block;
    width: 100%;
  }
  .ddd-table tr {
    display: grid;
    grid-template-columns: var(--ddd-table-columns);
  }
  .ddd-table tbody tr {
    content-visibility: auto;
    contain-intrinsic-size: auto 4rem;
  }
  .ddd-table__caption {
    caption-side: top;
    text-align: start;
    font-weight: 700;
    padding-block-end: var(--_space-2);
  }
  .ddd-table th,
  .ddd-table td {
    padding: var(--_space-2);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .ddd-table thead {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_background);
  }
  .ddd-table thead th {
    display: flex;
    align-items: flex-end;
    border-bottom: var(--_border-width) solid var(--_border);
  }
  .ddd-table thead th.ddd-table__num {
    justify-content: flex-end;
  }
  .ddd-table__rowheader {
    font-weight: 600;
  }
  .ddd-table td.ddd-table__num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .ddd-table tr[hidden] {
    display: none !important;
  }
  .ddd-table__row--selected > * {
    background: var(--_surface);
  }
  .ddd-table__select {
    display: flex;
    justify-content: center;
  }
  .ddd-table__check {
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_primary);
  }
  .ddd-table__all {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    cursor: pointer;
  }
  /* Wide: the "select all" checkbox stands above the column of checkboxes; its text is for screen readers. */
  .ddd-table__all-text {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* A long label wraps between words; the arrow stays with its last word. */
  .ddd-table__sort {
    display: inline-block;
    max-width: 100%;
    min-height: 44px;
    padding: var(--_space-1) 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    font-weight: 700;
    text-align: start;
    cursor: pointer;
  }
  .ddd-table__sort:hover {
    color: var(--_primary-hover);
    text-decoration: underline;
  }
  .ddd-table__arrow {
    font-size: 0.75em;
    white-space: nowrap;
  }
  th:not([aria-sort]) .ddd-table__arrow {
    opacity: 0.6;
  }
  .ddd-table__empty {
    margin: var(--_space-3) 0 0;
    color: var(--_text-subtle);
  }

  /* Narrow: every row a block, the column names beside the values; the header a row of sort buttons. */
  @container (max-width: 56rem) {
    .ddd-table tr {
      display: block;
    }
    .ddd-table thead {
      position: static;
    }
    .ddd-table thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_space-4);
      padding-block-end: var(--_space-2);
      border-bottom: var(--_border-width) solid var(--_border);
      margin-bottom: var(--_space-3);
    }
    .ddd-table thead th {
      display: block;
      padding: 0;
      border: 0;
      text-align: start;
    }
    /* A header that cannot sort stays a (plain) label in the row of sort buttons: it names its cells. */
    .ddd-table thead th:not(:has(button)):not(.ddd-table__select) {
      display: flex;
      align-items: center;
      min-height: 44px;
      color: var(--_text-subtle);
      font-weight: 400;
    }
    .ddd-table th.ddd-table__select {
      flex-basis: 100%;
    }
    .ddd-table__all {
      min-height: 44px;
    }
    .ddd-table__all-text {
      position: static;
      width: auto;
      height: auto;
      overflow: visible;
      clip-path: none;
      white-space: normal;
    }
    .ddd-table tbody tr {
      contain-intrinsic-size: auto 16rem;
      padding: var(--_space-3);
      margin-bottom: var(--_space-3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .ddd-table tbody th,
    .ddd-table tbody td {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: var(--_space-2);
      padding: var(--_space-1) 0;
      border: 0;
      text-align: start;
    }
    .ddd-table tbody td.ddd-table__blank {
      display: none;
    }
    .ddd-table tbody td.ddd-table__num {
      text-align: start;
    }
    .ddd-table tbody td::before {
      content: attr(data-label) / '';
      color: var(--_text-subtle);
    }
    /* The same size as in the wide layout: text zoom must not change it by more than the zoom. */
    .ddd-table tbody .ddd-table__rowheader {
      display: block;
    }
    .ddd-table tbody .ddd-table__select {
      align-items: center;
    }
    .ddd-table__row--selected > * {
      background: none;
    }
    .ddd-table__row--selected {
      background: var(--_surface);
    }
  }

  .ddd-counts {
    display: grid;
    gap: var(--_space-1);
  }
  .ddd-counts__label {
    margin: 0;
    font-weight: 700;
  }
  .ddd-counts__list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .ddd-counts__item {
    display: inline-flex;
    align-items: baseline;
    gap: var(--_space-2);
    min-height: 44px;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    text-align: start;
    overflow-wrap: anywhere;
  }
  .ddd-counts__button {
    cursor: pointer;
  }
  .ddd-counts__button:hover {
    background: var(--_surface);
  }
  .ddd-counts__button[aria-pressed='true'] {
    border: var(--_border-width) solid var(--_primary);
    background: var(--_surface);
    font-weight: 600;
  }
  .ddd-counts__count {
    font-weight: 700;
    font-size: 1.25em;
    font-variant-numeric: tabular-nums;
  }
  @media print {
    .ddd-table thead {
      position: static;
    }
    .ddd-table tbody tr {
      content-visibility: visible;
    }
    .ddd-table__sort {
      color: inherit;
    }
    .ddd-table__arrow {
      display: none;
    }
    /* Kept as an empty column, so the others stay in their grid tracks. */
    .ddd-table__select {
      visibility: hidden;
    }
  }
`;

addMessages({
  nl: {
    'table.sortedBy': 'Gesorteerd op {column}, {direction}.',
    'table.ascending': 'oplopend',
    'table.descending': 'aflopend',
  },
});
