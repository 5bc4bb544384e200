/**
 * The school overview as templates: the count per step (toggle buttons that filter), the name
 * search (asked of the backend), the filters (applied here, in the browser), a status line, the
 * table of one page of students and the page buttons (shared/pager.ts, as the MBO's worklist). The
 * decaan's selection actions, result and export come from overview-actions.ts. The mentor's "Mijn
 * leerlingen" is the same view without selection and without the MBO's intake (a klas of fewer
 * than 50 students: one page, no page buttons).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { intakeLabels, limits, localize, type DossierStatus } from '@doorstroom/sdk';
import { dataTableStyles, describeSort, renderCountSummary, renderDataTable, type DataTableColumn, type SortState } from '../shared/data-table.js';
import { pagerStyles, pageStatus, pagerTexts, renderPager } from '../shared/pager.js';
import { deadlineNearDays, isFiltered, overviewSortKeys, overviewStates, stuckDaysInvalid, type OverviewFilter, type OverviewRow, type OverviewState } from './overview.js';
import type { Derived } from './overview-controller.js';
import { formatDate, statusLabel, type Translate } from './state.js';

export type OverviewRole = 'mentor' | 'decaan';

export interface OverviewViewOptions {
  role: OverviewRole;
  lang: string;
  t: Translate;
  plural(key: string, count: number, vars?: Record<string, string | number>): string;
  /** Undefined until the list arrived. */
  loaded: boolean;
  loading: boolean;
  /** Why the list could not be loaded; shown instead of the table, below the search and filters. */
  error?: string;
  derived: Derived;
  /** The name search, asked of the backend (`q`); `immediately` is false while typing. */
  search: string;
  changeSearch(q: string, immediately: boolean): void;
  /** "Zoeken" or Enter: ask for what the box holds now (again after a failure). */
  submitSearch(): void;
  filter: OverviewFilter;
  changeFilter(change: Partial<OverviewFilter>): void;
  clearFilters(): void;
  sort: SortState;
  changeSort(sort: SortState): void;
  /** Show another page of the table. */
  goTo(page: number): void;
  /** The next registration deadline, formatted, and the days until then. */
  deadline: { date: string; days: number };
  /** The decaan's selection (absent for a mentor: no checkboxes). */
  selection?: { selected: ReadonlySet<string>; change(keys: string[], on: boolean): void };
  open(row: OverviewRow): void;
  /** B1 for a student whose dossier this person cannot open, or who has none. */
  begeleiding?(row: OverviewRow): void;
  /** Between the status line and the table: the decaan's actions and the last result. */
  actions?: TemplateResult;
  /** Beside the status line: the export. */
  export?: TemplateResult;
}

/** A DOM id from a row key (ids of the backend are letters, digits and dashes; anything else becomes _). */
const domId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '_');
export const nameId = (row: OverviewRow) => `ov-name-${domId(row.id)}`;
export const actionId = (row: OverviewRow) => `ov-act-${domId(row.id)}`;

export const stateText = (t: Translate, state: OverviewState) => (state === 'geenDossier' ? t('overview.state.geenDossier') : statusLabel(t, state as DossierStatus));

/** The columns for this role. */
export function overviewColumns(options: Pick<OverviewViewOptions, 'role' | 'lang' | 't' | 'plural' | 'open' | 'begeleiding'>): DataTableColumn<OverviewRow>[] {
  const { t, lang, role } = options;
  const sortable = (id: string) => ({ sortKey: overviewSortKeys[id]! });
  const small = (text: string | undefined) => (text ? html`<span class="ov-sub">${text}</span>` : nothing);
  // Tracks that fit side by side from 56rem (the table's narrow layout below that, see data-table.ts).
  const columns: Array<DataTableColumn<OverviewRow> | undefined> = [
    {
      id: 'naam',
      label: t('overview.col.naam'),
      rowHeader: true,
      width: 'minmax(8.5rem, 1.3fr)',
      ...sortable('naam'),
      cell: (row) => html`<span id=${nameId(row)}>${row.student.naam}</span>${row.otherDossiers > 0 ? small(options.plural('overview.cell.otherDossiers', row.otherDossiers)) : nothing}`,
    },
    { id: 'klas', label: t('overview.col.klas'), width: '3.75rem', ...sortable('klas'), cell: (row) => row.student.klas ?? '' },
    {
      id: 'state',
      label: t('overview.col.state'),
      width: 'minmax(9.25rem, 1.3fr)',
      ...sortable('state'),
      // The step, with how much of deel A is done while the student is busy with it, and whether a parent must still consent.
      cell: (row) =>
        html`${stateText(t, row.state)}${row.state === 'concept' && row.dossier ? small(t('overview.cell.percentA', { percent: row.dossier.percentA })) : nothing}${
          row.guardianOutstanding ? html`<span class="ov-sub ov-attention">${t('overview.cell.guardianNeeded')}</span>` : nothing
        }`,
    },
    { id: 'days', label: t('overview.col.days'), numeric: true, width: '4.5rem', ...sortable('days'), cell: (row) => (row.days !== undefined ? String(row.days) : '') },
    { id: 'mentor', label: t('overview.col.mentor'), width: 'minmax(6.5rem, 1fr)', ...sortable('mentor'), cell: (row) => row.dossier?.mentor?.naam ?? '' },
    {
      id: 'keuze',
      label: t('overview.col.keuze'),
      width: 'minmax(7.5rem, 1.5fr)',
      ...sortable('keuze'),
      cell: (row) => {
        const choice = row.dossier?.choice;
        if (!choice) return row.dossier?.keuze ?? '';
        const where = [choice.instelling, choice.locatie].filter(Boolean).join(', ');
        const crebo = choice.crebo ? t('answer.detail.crebo', { value: choice.crebo }) : '';
        return html`${choice.opleiding ?? ''}${small(where)}${small(crebo)}`;
      },
    },
    role === 'decaan'
      ? {
          id: 'intake',
          label: t('overview.col.intake'),
          width: 'minmax(6.25rem, 0.9fr)',
          ...sortable('intake'),
          cell: (row) => (row.intake ? html`${localize(intakeLabels[row.intake.status], lang)}${small(row.intake.datum ? formatDate(row.intake.datum, lang) : undefined)}` : ''),
        }
      : undefined,
    { id: 'action', label: t('overview.col.action'), width: '6.5rem', cell: (row) => actionCell(row, options) },
  ];
  return columns.filter((c): c is DataTableColumn<OverviewRow> => c !== undefined);
}

/** Open the dossier, or (a mentor) fill B1 for a student whose dossier is not theirs yet or who has none. */
function actionCell(row: OverviewRow, options: Pick<OverviewViewOptions, 't' | 'open' | 'begeleiding'>): TemplateResult | string {
  const { t } = options;
  // The button's name is its text and the student's name: "Dossier openen Noor El Idrissi".
  const button = (text: string, act: () => void, secondary = false) =>
    html`<button
      type="button"
      id=${actionId(row)}
      class="ov-action ${secondary ? 'ov-action--secondary' : ''}"
      aria-labelledby="${actionId(row)} ${nameId(row)}"
      @click=${act}
    >
      ${text}
    </button>`;
  if (row.openable) return button(t('overview.open'), () => options.open(row));
  if (!options.begeleiding) return '';
  return html`${row.dossier ? html`<span class="ov-sub ov-hint">${t('mentor.students.notAssigned')}</span>` : nothing}${button(
    t('mentor.students.begeleiding'),
    () => options.begeleiding!(row),
    true,
  )}`;
}

export function renderOverview(options: OverviewViewOptions): TemplateResult {
  const { t, derived, filter } = options;
  const total = derived.rows.length;
  const withoutDossier = derived.counts.get('geenDossier') ?? 0;
  const deadlineNear = options.loaded && options.deadline.days <= deadlineNearDays && withoutDossier > 0;
  return html`
    ${deadlineNear ? renderDeadline(options, withoutDossier) : nothing}
    ${
      options.loaded && total > 0
        ? renderCountSummary({
            id: 'ov-counts',
            label: t('overview.counts'),
            items: overviewStates.map((state) => ({ key: state, label: stateText(t, state), count: derived.counts.get(state) ?? 0 })),
            ...(filter.state ? { pressed: filter.state } : {}),
            select: (state) => options.changeFilter({ state: (state ?? '') as OverviewState | '' }),
          })
        : nothing
    }
    ${renderSearch(options)} ${renderFilters(options)}
    ${
      options.error !== undefined
        ? html`<p class="ddd-notice ddd-notice--error" role="alert">${options.error}</p>`
        : html`<div class="ov-status">
            <p class="count" role="status">${statusText(options)}</p>
            ${options.loaded && total > 0 ? (options.export ?? nothing) : nothing}
          </div>
          ${options.loaded && total > 0 ? (options.actions ?? nothing) : nothing} ${renderTable(options)} ${renderPages(options)}`
    }
  `;
}

function statusText(options: OverviewViewOptions): string {
  const { t, derived, loaded, loading } = options;
  if (!loaded) return loading ? t('mentor.loading') : '';
  const total = derived.rows.length;
  const shown = derived.shownRows.length;
  if (total === 0) return options.search.trim() ? t('mentor.students.empty') : t('overview.emptySchool');
  const count = shown === total ? options.plural('overview.shown', total) : options.plural('overview.shownOf', shown, { total });
  const columns = overviewColumns(options);
  return `${count}.${pageStatus(derived.page, pagerTexts(options.lang))} ${describeSort(columns, options.sort, options.lang)}`;
}

/** The page buttons under the table; none for a single page (a mentor's klas, a narrow filter). */
function renderPages(options: OverviewViewOptions): unknown {
  const { derived } = options;
  if (!options.loaded || derived.rows.length === 0) return nothing;
  return renderPager({ id: 'ov', page: derived.page.page, pages: derived.page.pages, texts: pagerTexts(options.lang), goTo: (page) => options.goTo(page) });
}

function renderDeadline(options: OverviewViewOptions, withoutDossier: number): TemplateResult {
  const { t, deadline } = options;
  const when = deadline.days === 0 ? t('overview.deadline.today') : options.plural('overview.deadline', deadline.days, { date: deadline.date });
  return html`<div class="ddd-notice ov-deadline" part="notice">
    <p>${when} ${options.plural('overview.deadline.withoutDossier', withoutDossier)}</p>
    ${
      options.filter.noDossier
        ? nothing
        : html`<button type="button" class="ddd-button ddd-button--secondary" @click=${() => options.changeFilter({ noDossier: true })}>
          ${t('overview.deadline.show')}
        </button>`
    }
  </div>`;
}

function renderSearch(options: OverviewViewOptions): TemplateResult {
  const { t } = options;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    options.submitSearch();
  };
  return html`<form class="filters ddd-no-print" role="search" @submit=${onSubmit}>
    <div class="filter">
      <label for="filter-q">${t('mentor.students.search')}</label>
      <input
        id="filter-q"
        type="search"
        autocomplete="off"
        maxlength=${limits.query}
        placeholder=${t('mentor.students.searchHint')}
        .value=${live(options.search)}
        @input=${(e: InputEvent) => options.changeSearch((e.target as HTMLInputElement).value, false)}
      />
    </div>
    <button type="submit" class="ddd-button ddd-button--secondary">${t('mentor.students.filter')}</button>
  </form>`;
}

function renderFilters(options: OverviewViewOptions): TemplateResult {
  const { t, filter, derived } = options;
  const change = (key: keyof OverviewFilter) => (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    options.changeFilter({ [key]: target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value });
  };
  const option = (value: string, label: string, selected: string) => html`<option value=${value} ?selected=${selected === value}>${label}</option>`;
  const invalid = stuckDaysInvalid(filter);
  return html`<fieldset class="ov-filters ddd-no-print">
    <legend class="ov-legend">${t('overview.filters')}</legend>
    <div class="ov-filter-grid">
      <div class="filter">
        <label for="filter-klas">${t('mentor.students.klas')}</label>
        <select id="filter-klas" @change=${change('klas')}>
          ${option('', t('mentor.students.all'), filter.klas)} ${derived.klassen.map((klas) => option(klas, klas, filter.klas))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-leerjaar">${t('mentor.students.leerjaar')}</label>
        <select id="filter-leerjaar" @change=${change('leerjaar')}>
          ${option('', t('mentor.students.all'), filter.leerjaar)} ${derived.leerjaren.map((jaar) => option(String(jaar), String(jaar), filter.leerjaar))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-state">${t('overview.filter.state')}</label>
        <select id="filter-state" @change=${change('state')}>
          ${option('', t('overview.filter.allStates'), filter.state)} ${overviewStates.map((state) => option(state, stateText(t, state), filter.state))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-stuck">${t('overview.filter.stuck')}</label>
        ${invalid ? html`<p class="ddd-error-message" id="filter-stuck-error"><span class="ddd-visually-hidden">${t('field.errorPrefix')}</span> ${t('overview.filter.stuckError')}</p>` : nothing}
        <input
          id="filter-stuck"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          maxlength="4"
          aria-describedby=${invalid ? 'filter-stuck-error' : 'filter-stuck-hint'}
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${live(filter.stuckDays)}
          @input=${change('stuckDays')}
        />
        <p class="ov-hint" id="filter-stuck-hint">${t('overview.filter.stuckHint')}</p>
      </div>
    </div>
    <div class="ov-checks">
      <div class="ov-check">
        <input type="checkbox" id="filter-guardian" .checked=${live(filter.guardian)} @change=${change('guardian')} />
        <label for="filter-guardian">${t('overview.filter.guardian')}</label>
      </div>
      <div class="ov-check">
        <input type="checkbox" id="filter-noDossier" .checked=${live(filter.noDossier)} @change=${change('noDossier')} />
        <label for="filter-noDossier">${t('overview.filter.noDossier')}</label>
      </div>
      ${
        isFiltered(filter) || filter.stuckDays.trim()
          ? html`<button type="button" class="ddd-button ddd-button--secondary" id="filter-clear" @click=${() => options.clearFilters()}>${t('overview.filter.clear')}</button>`
          : nothing
      }
    </div>
  </fieldset>`;
}

function renderTable(options: OverviewViewOptions): unknown {
  const { derived, role, lang, t } = options;
  if (!options.loaded || derived.rows.length === 0) return nothing;
  const selection = options.selection;
  // Only what the table shows decides whether it renders again: typing in a search box or a
  // choice in the action bar leaves the page of rows alone.
  return guard([derived.page, selection?.selected, options.sort, lang, role, options.loading], () =>
    renderDataTable<OverviewRow>({
      id: 'ov-table',
      caption: role === 'decaan' ? t('overview.caption') : t('mentor.students.caption'),
      captionHidden: true,
      columns: overviewColumns(options),
      rows: derived.page.rows,
      rowKey: (row) => row.id,
      // Keyed by slot (the elements of a row that left are reused for one that came), as the MBO's worklist.
      renderKey: (row) => derived.keys.get(row.id) ?? row.id,
      sort: options.sort,
      onSort: (sort) => options.changeSort(sort),
      empty: t('overview.empty'),
      busy: options.loading,
      lang,
      cellsKey: `${lang}:${role}`,
      ...(selection
        ? {
            selection: {
              selected: selection.selected,
              rowLabel: (row: OverviewRow) => t('overview.selectRow', { naam: row.student.naam }),
              allLabel: t('overview.selectAll'),
              columnLabel: t('overview.col.select'),
              change: (keys: string[], on: boolean) => selection.change(keys, on),
            },
          }
        : {}),
    }),
  );
}

export const overviewStyles = [
  dataTableStyles,
  pagerStyles,
  css`
    .ov-sub {
      display: block;
      color: var(--_text-subtle);
      font-size: 0.875em;
      font-weight: 400;
    }
    .ov-attention {
      color: var(--_text);
      font-weight: 600;
    }
    .ov-hint {
      margin: 0;
      color: var(--_text-subtle);
      font-size: 0.875em;
    }
    /* Row actions look like links: 600 buttons in a column would shout; the target stays 44 px high. */
    .ov-action {
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
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    .ov-action:hover {
      color: var(--_primary-hover);
      text-decoration-thickness: 2px;
    }
    .ov-action--secondary {
      font-weight: 400;
    }
    .ov-deadline {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-3);
      border-color: var(--_primary);
      background: var(--_warning-bg);
    }
    .ov-deadline p {
      margin: 0;
      flex: 1 1 16rem;
    }
    .ov-filters {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
      display: grid;
      gap: var(--_space-3);
    }
    .ov-legend {
      padding: 0;
      margin-bottom: var(--_space-2);
      font-weight: 700;
    }
    .ov-filter-grid {
      display: grid;
      gap: var(--_space-3);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
      align-items: start;
    }
    .ov-checks {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-2) var(--_space-5);
    }
    .ov-check {
      display: flex;
      align-items: center;
      gap: var(--_space-2);
      min-height: 44px;
    }
    .ov-check input {
      flex: none;
      width: 24px;
      height: 24px;
      margin: 0;
      accent-color: var(--_primary);
    }
    .ov-status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space-2) var(--_space-4);
    }
    .ov-status .count {
      margin: 0;
      font-weight: 600;
    }
  `,
];
