/**
 * Pages of a long table: which rows a page holds (`pageOf`), the page buttons under the table
 * (`renderPager`) and the "Pagina 2 van 12." a status line announces (`pageStatus`). Used by the
 * MBO's worklist (<ddd-intake>, 5 000 dossiers) and the decaan's school overview
 * (<ddd-mentor-review>, 600 students): a page of 50 rows renders, lays out and sorts within one
 * animation frame where a table of every row does not (scripts/bench-elements).
 *
 * The filters, the sort and the counts work on every row; only what the table shows is one page.
 * A table of one page shows no buttons.
 *
 * Keyboard and screen readers: a `nav` named by `texts.label`, a list of buttons (previous, the
 * page numbers around the current one, the first and the last, next), the current page's button
 * with `aria-current="page"`. The previous and next buttons stay at the first and last page
 * (`aria-disabled`) so the button with focus never disappears, and after a page change focus goes
 * to the button that was pressed once the element rendered the new page (a page number's button
 * may be rendered anew: the numbers around the current page change). The status line of the
 * table says the new page ("Pagina 3 van 12.", `pageStatus`). The buttons wrap at 320 px.
 *
 * Templates only: the element owns the page number and passes it in.
 */
import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { addMessages, translate } from './i18n.js';
import { focusElement } from './motion.js';

export interface Page<Row> {
  rows: Row[];
  /** 1-based. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown; 0 when none. */
  from: number;
  to: number;
}

/** The rows of page `page` (kept within the pages there are). */
export function pageOf<Row>(rows: ReadonlyArray<Row>, page: number, size: number): Page<Row> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const start = (current - 1) * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, page: current, pages, from: shown.length ? start + 1 : 0, to: start + shown.length };
}

/** `pageOf`, kept while the rows (the same array), the page and the size stay the same: the table's guard sees the same object. */
export class PageMemo<Row> {
  private memo?: { rows: ReadonlyArray<Row>; page: number; size: number; result: Page<Row> };

  of(rows: ReadonlyArray<Row>, page: number, size: number): Page<Row> {
    const memo = this.memo;
    if (memo && memo.rows === rows && memo.page === page && memo.size === size) return memo.result;
    this.memo = { rows, page, size, result: pageOf(rows, page, size) };
    return this.memo.result;
  }
}

/**
 * The page numbers to offer: the first, the last, and the current one with its neighbours; `gap`
 * where pages are left out (a single page left out is shown instead: "…" would be no shorter).
 */
export function pageButtons(page: number, pages: number): Array<number | 'gap'> {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: Array<number | 'gap'> = [];
  let last = 0;
  for (const n of sorted) {
    if (n - last === 2) result.push(n - 1);
    else if (n - last > 2) result.push('gap');
    result.push(n);
    last = n;
  }
  return result;
}

/**
 * The keys of the table's rows. A new search, filter, sort or page changes most of the 50 rows on
 * a page (of 5 000 dossiers, of 600 students); keyed by dossier, the table would remove every row that left and build every
 * row that came, which is most of the time a change takes. Keyed by slot instead, a row that stays
 * keeps its slot (and its elements, also when it moves), and a row that comes takes the slot of
 * one that left: its elements are reused and only their text and attributes change. The row with
 * focus never gives its slot to another row: focus never lands on someone else's row.
 */
export class RowSlots {
  private slots = new Map<string, string>();
  private made = 0;

  /** The key of each row on the page, by the row's own id; `keep` says which row holds focus. */
  assign(ids: ReadonlyArray<string>, keep: (id: string) => boolean = () => false): ReadonlyMap<string, string> {
    const wanted = new Set(ids);
    // Freed slots in the order they were on screen, so rows that come replace rows in place.
    const free = [...this.slots].filter(([id]) => !wanted.has(id) && !keep(id)).map(([, slot]) => slot);
    const next = new Map<string, string>();
    for (const id of ids) next.set(id, this.slots.get(id) ?? free.shift() ?? `row-${++this.made}`);
    this.slots = next;
    return next;
  }
}

export interface PagerTexts {
  /** The name of the `nav`, e.g. "Bladeren door de lijst". */
  label: string;
  /** "Pagina 2 van 12": beside the buttons, in the status line, and the name of a page number's button. */
  page(page: number, pages: number): string;
  previous: string;
  next: string;
}

/** The pager's texts in `lang` (the `pager.*` keys). */
export function pagerTexts(lang: string): PagerTexts {
  return {
    label: translate(lang, 'pager.label'),
    page: (page, pages) => translate(lang, 'pager.page', { page, pages }),
    previous: translate(lang, 'pager.previous'),
    next: translate(lang, 'pager.next'),
  };
}

export interface PagerOptions {
  /** Unique within the shadow root: `${id}-previous`, `${id}-next`, `${id}-page-3`; the nav's class `${id}-pages`. */
  id: string;
  page: number;
  pages: number;
  texts: PagerTexts;
  /** Show page `page`. */
  goTo(page: number): void;
}

/** " Pagina 2 van 12." for a status line, or '' when there is one page. */
export function pageStatus(page: Pick<Page<unknown>, 'page' | 'pages'>, texts: Pick<PagerTexts, 'page'>): string {
  return page.pages > 1 ? ` ${texts.page(page.page, page.pages)}.` : '';
}

/** The page buttons; nothing when there is one page. */
export function renderPager(options: PagerOptions): TemplateResult | typeof nothing {
  const { id, page, pages, texts } = options;
  if (pages <= 1) return nothing;
  const go = (to: number, focus: string) => (event: Event) => {
    if (to < 1 || to > pages || to === page) return;
    const root = (event.currentTarget as Element).getRootNode() as ShadowRoot | Document;
    options.goTo(to);
    // Once the element rendered the new page: the pressed button (the same id) has focus.
    const host = root instanceof ShadowRoot ? (root.host as Partial<ReactiveElement>) : undefined;
    void Promise.resolve(host?.updateComplete).then(() => {
      const button = root.getElementById(focus);
      if (button && root.activeElement !== button) focusElement(button);
    });
  };
  const pageId = (n: number) => `${id}-page-${n}`;
  return html`<nav class="ddd-pager ${id}-pages ddd-no-print" aria-label=${texts.label}>
    <ul class="ddd-pager__list">
      <li>
        <button
          type="button"
          class="ddd-button ddd-button--secondary"
          id=${`${id}-previous`}
          aria-disabled=${page <= 1 ? 'true' : 'false'}
          @click=${go(page - 1, `${id}-previous`)}
        >
          ${texts.previous}
        </button>
      </li>
      ${repeat(
        pageButtons(page, pages),
        (entry, index) => (entry === 'gap' ? `gap-${index}` : `page-${entry}`),
        (entry) =>
          entry === 'gap'
            ? html`<li class="ddd-pager__gap" aria-hidden="true"></li>`
            : html`<li>
                <button
                  type="button"
                  class="ddd-pager__page"
                  id=${pageId(entry)}
                  aria-label=${texts.page(entry, pages)}
                  aria-current=${entry === page ? 'page' : nothing}
                  @click=${go(entry, pageId(entry))}
                >
                  ${entry}
                </button>
              </li>`,
      )}
      <li>
        <button
          type="button"
          class="ddd-button ddd-button--secondary"
          id=${`${id}-next`}
          aria-disabled=${page >= pages ? 'true' : 'false'}
          @click=${go(page + 1, `${id}-next`)}
        >
          ${texts.next}
        </button>
      </li>
    </ul>
    <p class="ddd-pager__where" aria-hidden="true">${texts.page(page, pages)}</p>
  </nav>`;
}

export const pagerStyles = css`
  .ddd-pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-4);
    min-width: 0;
  }
  .ddd-pager__list {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    min-width: 0;
  }
  .ddd-pager [aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  .ddd-pager__page {
    min-width: 44px;
    min-height: 44px;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .ddd-pager__page:hover {
    background: var(--_surface);
  }
  .ddd-pager__page[aria-current='page'] {
    border: var(--_border-width) solid var(--_primary);
    background: var(--_primary);
    color: var(--_primary-text);
    cursor: default;
  }
  /* Pages left out: an ellipsis drawn by CSS, the item hidden from assistive technology (text ending in "…" means "loading" in the elements). */
  .ddd-pager__gap {
    min-width: 1.5rem;
    text-align: center;
    color: var(--_text-subtle);
  }
  .ddd-pager__gap::before {
    content: '…';
  }
  .ddd-pager__where {
    margin: 0;
    color: var(--_text-subtle);
  }
`;

addMessages({
  nl: {
    'pager.label': 'Bladeren door de lijst',
    'pager.page': 'Pagina {page} van {pages}',
    'pager.previous': 'Vorige pagina',
    'pager.next': 'Volgende pagina',
  },
});
