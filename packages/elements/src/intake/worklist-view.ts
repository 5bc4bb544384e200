/**
 * The MBO's worklist as templates: the count per intake status (toggle buttons that filter), the
 * search (name, BSN or onderwijsnummer, crebo) and the filters (locatie, opleiding, cohort,
 * status), a status line that says how many dossiers are shown and how they are sorted (a live
 * region), the table of one page of dossiers (the shared data table) and the page buttons.
 * Templates only: the element owns the state (WorklistController) and passes it in.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { intakeLabels, intakeStatuses, limits, localize, type IntakeStatus } from '@doorstroom/sdk';
import { dataTableStyles, describeSort, renderCountSummary, renderDataTable, type DataTableColumn, type SortState } from '../shared/data-table.js';
import { maskBsn } from '../shared/format.js';
import { heading, type HeadingLevel } from '../shared/heading.js';
import { intlLocale } from '../shared/i18n.js';
import { pagerStyles, pageStatus, pagerTexts, renderPager, type RowSlots } from '../shared/pager.js';

// The element keeps the table's row keys (shared with the school overview).
export { RowSlots } from '../shared/pager.js';
import type { WorklistView } from './worklist-controller.js';
import { intakeSortKeys, isFiltered, type FilterOption, type IntakeFilter, type IntakeRow } from './worklist.js';

type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface WorklistViewOptions {
  lang: string;
  t: Translate;
  plural(key: string, count: number, vars?: Record<string, string | number>): string;
  level: HeadingLevel;
  /** The signed-in person's instelling, for the introduction. */
  instelling?: string;
  /** The list arrived (once). */
  loaded: boolean;
  loading: boolean;
  /** Why the list could not be loaded (again); shown with a retry button, above what was shown. */
  error?: string;
  retry(): void;
  view: WorklistView;
  filter: IntakeFilter;
  changeFilter(change: Partial<IntakeFilter>): void;
  clearFilters(): void;
  sort: SortState;
  changeSort(sort: SortState): void;
  goTo(page: number): void;
  open(row: IntakeRow): void;
  /** The table's row keys, kept by the element from one render to the next. */
  slots: RowSlots;
  /** The id of what has focus in the element, if anything. */
  focused?: string;
}

/** A DOM id from a dossier id (letters, digits and dashes; anything else becomes _). */
const domId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '_');
export const nameId = (row: IntakeRow) => `in-name-${domId(row.id)}`;
const openIdOf = (dossierId: string) => `in-open-${domId(dossierId)}`;
export const openId = (row: IntakeRow) => openIdOf(row.id);

// One formatter per language: making an Intl.DateTimeFormat costs more than rendering a row.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** "6 dec 2026" for an ISO date or date-time, in the element's language. */
export function shortDate(iso: string | undefined, lang: string): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium' })));
  return format.format(date);
}

export const statusText = (status: IntakeStatus, lang: string) => localize(intakeLabels[status], lang);

/** The columns of the table. */
export function worklistColumns(options: Pick<WorklistViewOptions, 't' | 'lang' | 'open'>): DataTableColumn<IntakeRow>[] {
  const { t, lang } = options;
  const sortable = (id: string) => ({ sortKey: intakeSortKeys[id]! });
  const small = (text: string | undefined) => (text ? html`<span class="in-sub">${text}</span>` : nothing);
  return [
    { id: 'naam', label: t('intake.col.naam'), rowHeader: true, width: '11rem', ...sortable('naam'), cell: (row) => html`<span id=${nameId(row)}>${row.naam}</span>` },
    // Masked as in every read-only view (only the student's own A1 field shows a BSN whole); the search still finds the whole number.
    { id: 'nummer', label: t('intake.col.nummer'), width: '8.5rem', cell: (row) => (row.nummer ? maskBsn(row.nummer) : '') },
    {
      id: 'opleiding',
      label: t('intake.col.opleiding'),
      ...sortable('opleiding'),
      cell: (row) => html`${row.opleiding} ${small(row.crebo ? t('intake.crebo', { crebo: row.crebo }) : undefined)}`,
    },
    { id: 'locatie', label: t('intake.col.locatie'), width: '9rem', ...sortable('locatie'), cell: (row) => row.locatie },
    { id: 'cohort', label: t('intake.col.cohort'), width: '5.5rem', ...sortable('cohort'), cell: (row) => row.cohort },
    { id: 'ontvangen', label: t('intake.col.ontvangen'), width: '7rem', ...sortable('ontvangen'), cell: (row) => shortDate(row.ontvangen, lang) },
    {
      id: 'status',
      label: t('intake.col.status'),
      width: '8.5rem',
      ...sortable('status'),
      cell: (row) =>
        html`<span class="in-status in-status--${row.status}">${statusText(row.status, lang)}</span> ${small(row.status === 'intakeGepland' ? shortDate(row.intake?.datum, lang) : undefined)}`,
    },
    {
      id: 'actie',
      label: t('intake.col.actie'),
      width: '6rem',
      // The button's name is its text and the student's name: "Openen Sam Jansen".
      cell: (row) =>
        html`<button type="button" id=${openId(row)} class="in-open" aria-labelledby="${openId(row)} ${nameId(row)}" @click=${() => options.open(row)}>
          ${t('intake.open')}
        </button>`,
    },
  ];
}

export function renderWorklist(options: WorklistViewOptions): TemplateResult {
  const { t, view } = options;
  const total = view.all.length;
  return html`${heading(options.level, t('intake.title'), { id: 'intake-title', class: 'title', tabindex: -1 })}
    ${options.instelling ? html`<p class="intro">${t('intake.intro', { instelling: options.instelling })}</p>` : nothing}
    ${
      options.loaded && total > 0
        ? renderCountSummary({
            id: 'in-counts',
            label: t('intake.counts'),
            items: intakeStatuses.map((status) => ({ key: status, label: statusText(status, options.lang), count: view.counts.get(status) ?? 0 })),
            ...(options.filter.status ? { pressed: options.filter.status } : {}),
            select: (status) => options.changeFilter({ status: (status ?? '') as IntakeStatus | '' }),
          })
        : nothing
    }
    ${options.loaded && total > 0 ? html`${renderSearch(options)} ${renderFilters(options)}` : nothing}
    ${
      options.error !== undefined
        ? html`<div class="ddd-notice ddd-notice--error" part="notice" role="alert">
          <p>${options.error}</p>
          <button type="button" class="ddd-button ddd-button--secondary" @click=${() => options.retry()}>${t('common.retry')}</button>
        </div>`
        : nothing
    }
    <p class="in-count" role="status">${statusLine(options)}</p>
    ${options.loaded && total > 0 ? html`${renderTable(options)} ${renderPages(options)}` : nothing}`;
}

function statusLine(options: WorklistViewOptions): string {
  const { t, view, loaded } = options;
  if (!loaded) return options.loading ? t('intake.loading') : '';
  const total = view.all.length;
  if (total === 0) return t('intake.empty');
  const shown = view.shown.length;
  const count = shown === total ? options.plural('intake.shown', total) : options.plural('intake.shownOf', shown, { total });
  return `${count}.${pageStatus(view.page, pagerTexts(options.lang))} ${describeSort(worklistColumns(options), options.sort, options.lang)}`;
}

function renderSearch(options: WorklistViewOptions): TemplateResult {
  const { t } = options;
  // The whole list is here: every keystroke filters it at once, Enter changes nothing more.
  return html`<form class="in-search ddd-no-print" role="search" @submit=${(event: Event) => event.preventDefault()}>
    <label class="in-label" for="in-q">${t('intake.search')}</label>
    <p class="in-hint" id="in-q-hint">${t('intake.searchHint')}</p>
    <input
      id="in-q"
      class="ddd-input"
      type="search"
      autocomplete="off"
      spellcheck="false"
      maxlength=${limits.query}
      aria-describedby="in-q-hint"
      .value=${live(options.filter.q)}
      @input=${(event: InputEvent) => options.changeFilter({ q: (event.target as HTMLInputElement).value })}
    />
  </form>`;
}

function renderFilters(options: WorklistViewOptions): TemplateResult {
  const { t, filter, view, lang } = options;
  const select = (id: keyof IntakeFilter, label: string, choices: ReadonlyArray<FilterOption>) =>
    html`<div class="in-filter">
      <label class="in-label" for=${`in-filter-${id}`}>${label}</label>
      <select id=${`in-filter-${id}`} class="ddd-input" @change=${(event: Event) => options.changeFilter({ [id]: (event.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${filter[id] === ''}>${t('intake.filter.all')}</option>
        ${choices.map((choice) => html`<option value=${choice.value} ?selected=${filter[id] === choice.value}>${choice.label}</option>`)}
      </select>
    </div>`;
  const statuses = intakeStatuses.map((status) => ({ value: status, label: statusText(status, lang) }));
  return html`<fieldset class="in-filters ddd-no-print">
    <legend class="in-legend">${t('intake.filters')}</legend>
    <div class="in-filter-grid">
      ${select('locatie', t('intake.filter.locatie'), view.options.locaties)} ${select('opleiding', t('intake.filter.opleiding'), view.options.opleidingen)}
      ${select('cohort', t('intake.filter.cohort'), view.options.cohorts)} ${select('status', t('intake.filter.status'), statuses)}
    </div>
    ${
      isFiltered({ ...filter, q: '' })
        ? html`<button type="button" class="ddd-button ddd-button--secondary" id="in-filter-clear" @click=${() => options.clearFilters()}>${t('intake.filter.clear')}</button>`
        : nothing
    }
  </fieldset>`;
}

function renderTable(options: WorklistViewOptions): unknown {
  const { view, lang, t } = options;
  // Only what the table shows decides whether it renders again: the page of rows, the sort, the language.
  return guard([view.page, options.sort, lang, options.loading], () => {
    const keys = options.slots.assign(
      view.page.rows.map((row) => row.id),
      (id) => options.focused !== undefined && openIdOf(id) === options.focused,
    );
    return renderDataTable<IntakeRow>({
      id: 'in-table',
      caption: t('intake.caption'),
      captionHidden: true,
      columns: worklistColumns(options),
      rows: view.page.rows,
      rowKey: (row) => keys.get(row.id)!,
      sort: options.sort,
      onSort: (sort) => options.changeSort(sort),
      empty: t('intake.emptyFiltered'),
      busy: options.loading,
      lang,
    });
  });
}

/** The page buttons; only when there is more than one page. */
function renderPages(options: WorklistViewOptions): TemplateResult | typeof nothing {
  const { page, pages } = options.view.page;
  return renderPager({ id: 'in', page, pages, texts: pagerTexts(options.lang), goTo: (to) => options.goTo(to) });
}

export const worklistStyles = [
  dataTableStyles,
  pagerStyles,
  css`
    .in-sub {
      display: block;
      color: var(--_text-subtle);
      font-size: 0.875em;
      font-weight: 400;
    }
    .in-count {
      margin: 0;
      font-weight: 600;
    }
    .in-search {
      display: grid;
      gap: var(--_space-1);
      max-inline-size: 32rem;
    }
    .in-label {
      font-weight: 700;
    }
    .in-hint {
      margin: 0;
      color: var(--_text-subtle);
    }
    .in-filters {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
      display: grid;
      gap: var(--_space-3);
      justify-items: start;
    }
    .in-legend {
      padding: 0;
      margin-bottom: var(--_space-2);
      font-weight: 700;
    }
    .in-filter-grid {
      display: grid;
      gap: var(--_space-3);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
      align-items: end;
      justify-self: stretch;
    }
    .in-filter {
      display: grid;
      gap: var(--_space-1);
      min-width: 0;
    }
    .in-filter select {
      inline-size: 100%;
    }
    .in-open {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      max-width: 100%;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_primary);
      font: inherit;
      font-weight: 600;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    .in-open:hover {
      color: var(--_primary-hover);
      text-decoration-thickness: 2px;
    }
    .in-status--nieuw {
      font-weight: 700;
    }
  `,
];
