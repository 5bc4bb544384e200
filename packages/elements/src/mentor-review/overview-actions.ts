/**
 * The decaan's actions in the school overview, as templates: what to do with the chosen students
 * (remind, move to another mentor, archive, each saying how many the workflow allows), the result
 * per student of the last action, giving a whole klas to another mentor, and the export for the
 * regional Overstaptafel. The element owns the state (OverviewController) and the calls.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Mentor } from '@doorstroom/sdk';
import type { ActionResult, OverviewActionKind } from './overview-controller.js';
import type { Translate } from './state.js';

export interface SelectionActionsOptions {
  t: Translate;
  plural(key: string, count: number, vars?: Record<string, string | number>): string;
  selectedCount: number;
  busy?: OverviewActionKind;
  mentors?: ReadonlyArray<Mentor>;
  mentorsError?: string;
  retryMentors(): void;
  /** The mentor chosen for "Naar deze mentor verplaatsen". */
  moveTo: string;
  changeMoveTo(mentorId: string): void;
  /** Of the chosen students, how many dossiers the workflow lets move to `moveTo`, and archive. */
  allowed: { changeMentor: number; archive: number };
  confirmingArchive: boolean;
  remind(): void;
  move(): void;
  archive(): void;
  confirmArchive(yes: boolean): void;
  /** Giving a whole klas to another mentor. */
  klas: KlasMoveOptions;
  result?: ActionResult;
}

export interface KlasMoveOptions {
  klassen: ReadonlyArray<string>;
  klas: string;
  mentorId: string;
  change(change: { klas?: string; mentorId?: string }): void;
  move(): void;
}

const busyLabel = (t: Translate, busy: OverviewActionKind | undefined, kind: OverviewActionKind, label: string) => (busy === kind ? t('mentor.action.busy') : label);

export function renderSelectionActions(options: SelectionActionsOptions): TemplateResult {
  const { t, plural, selectedCount: count, busy } = options;
  const none = count === 0;
  const disabled = (extra = false) => (none || busy !== undefined || extra ? 'true' : 'false');
  const ignoreWhenDisabled = (enabled: boolean, act: () => void) => () => {
    if (enabled && busy === undefined) act();
  };
  const moveHint = none ? '' : !options.moveTo ? t('overview.move.chooseFirst') : plural('overview.move.allowed', options.allowed.changeMentor, { selected: count });
  return html`<section class="ov-actions ddd-no-print" part="actions" aria-labelledby="ov-actions-title">
    <h3 id="ov-actions-title" class="ov-actions-title">${t('overview.actions')}</h3>
    <p class="ov-selected" role="status">${none ? t('overview.selectedNone') : plural('overview.selected', count)}</p>
    <div class="ov-action-grid">
      <div class="ov-action-box">
        <button
          type="button"
          class="ddd-button"
          id="ov-remind"
          aria-disabled=${disabled()}
          aria-describedby="ov-remind-hint"
          @click=${ignoreWhenDisabled(!none, options.remind)}
        >
          ${busyLabel(t, busy, 'remind', t('overview.remind'))}
        </button>
        <p class="ov-hint" id="ov-remind-hint">${t('overview.remindHint')}</p>
      </div>
      <div class="ov-action-box">
        <div class="filter">
          <label for="ov-move-mentor">${t('overview.move.mentor')}</label>
          ${renderMentorSelect('ov-move-mentor', options.mentors, options.moveTo, (id) => options.changeMoveTo(id), t)}
        </div>
        ${options.mentorsError ? renderMentorsError(options) : nothing}
        <button
          type="button"
          class="ddd-button ddd-button--secondary"
          id="ov-move"
          aria-disabled=${disabled(!options.moveTo)}
          aria-describedby="ov-move-hint"
          @click=${ignoreWhenDisabled(!none && !!options.moveTo, options.move)}
        >
          ${busyLabel(t, busy, 'changeMentor', t('overview.move'))}
        </button>
        <p class="ov-hint" id="ov-move-hint">${moveHint}</p>
      </div>
      <div class="ov-action-box">
        <button
          type="button"
          class="ddd-button ddd-button--secondary"
          id="ov-archive"
          aria-disabled=${disabled()}
          aria-describedby="ov-archive-hint"
          @click=${ignoreWhenDisabled(!none, options.archive)}
        >
          ${busyLabel(t, busy, 'archive', t('overview.archive'))}
        </button>
        <p class="ov-hint" id="ov-archive-hint">${none ? '' : plural('overview.archive.allowed', options.allowed.archive, { selected: count })}</p>
        ${options.confirmingArchive ? renderArchiveConfirm(options) : nothing}
      </div>
    </div>
    ${renderKlasMove(options)}
  </section>
  ${options.result ? renderResult(options.result, t) : nothing}`;
}

function renderMentorSelect(id: string, mentors: ReadonlyArray<Mentor> | undefined, value: string, change: (id: string) => void, t: Translate): TemplateResult {
  return html`<select id=${id} @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
    <option value="" ?selected=${value === ''}>${mentors ? t('overview.move.choose') : t('overview.move.loading')}</option>
    ${(mentors ?? []).map((m) => html`<option value=${m.id!} ?selected=${value === m.id}>${m.naam}</option>`)}
  </select>`;
}

function renderMentorsError(options: SelectionActionsOptions): TemplateResult {
  return html`<div class="ddd-notice ddd-notice--error" role="alert">
    <p class="ov-hint">${options.mentorsError}</p>
    <button type="button" class="ddd-button ddd-button--secondary" @click=${() => options.retryMentors()}>${options.t('common.retry')}</button>
  </div>`;
}

function renderArchiveConfirm(options: SelectionActionsOptions): TemplateResult {
  const { t, plural } = options;
  return html`<div class="ov-confirm" role="group" aria-labelledby="ov-archive-confirm-text">
    <p id="ov-archive-confirm-text" tabindex="-1">${plural('overview.archive.confirm', options.allowed.archive)}</p>
    <div class="ov-confirm-buttons">
      <button type="button" class="ddd-button" id="ov-archive-yes" @click=${() => options.confirmArchive(true)}>${t('overview.archive.yes')}</button>
      <button type="button" class="ddd-button ddd-button--secondary" id="ov-archive-no" @click=${() => options.confirmArchive(false)}>${t('overview.archive.no')}</button>
    </div>
  </div>`;
}

function renderKlasMove(options: SelectionActionsOptions): TemplateResult {
  const { t, klas, busy } = options;
  const ready = !!klas.klas && !!klas.mentorId && busy === undefined;
  return html`<details class="ov-klas">
    <summary>${t('overview.klas.title')}</summary>
    <p class="ov-hint">${t('overview.klas.intro')}</p>
    <div class="ov-klas-fields">
      <div class="filter">
        <label for="ov-klas">${t('overview.klas.klas')}</label>
        <select id="ov-klas" @change=${(e: Event) => klas.change({ klas: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${klas.klas === ''}>${t('overview.klas.choose')}</option>
          ${klas.klassen.map((k) => html`<option value=${k} ?selected=${klas.klas === k}>${k}</option>`)}
        </select>
      </div>
      <div class="filter">
        <label for="ov-klas-mentor">${t('overview.move.mentor')}</label>
        ${renderMentorSelect('ov-klas-mentor', options.mentors, klas.mentorId, (id) => klas.change({ mentorId: id }), t)}
      </div>
      <button
        type="button"
        class="ddd-button ddd-button--secondary"
        id="ov-klas-move"
        aria-disabled=${ready ? 'false' : 'true'}
        @click=${() => {
          if (ready) klas.move();
        }}
      >
        ${busyLabel(t, busy, 'klas', t('overview.klas.button'))}
      </button>
    </div>
  </details>`;
}

const resultTitle: Record<OverviewActionKind, string> = {
  remind: 'overview.result.remind',
  changeMentor: 'overview.result.changeMentor',
  archive: 'overview.result.archive',
  klas: 'overview.result.klas',
};

/** What the last action did, per student; focus moves to its heading when it appears. */
export function renderResult(result: ActionResult, t: Translate): TemplateResult {
  const done = result.entries.filter((e) => e.ok).length;
  const failed = result.entries.length - done;
  return html`<section class="ov-result" part="result" aria-labelledby="ov-result-title">
    <h3 id="ov-result-title" class="ov-result-title" tabindex="-1">${t(resultTitle[result.kind])}</h3>
    ${result.error ? html`<p class="ddd-notice ddd-notice--error" role="alert">${result.error}</p>` : nothing}
    ${result.summary ? html`<p>${result.summary}</p>` : nothing}
    ${result.kind !== 'klas' && !result.error ? html`<p>${t('overview.result.count', { done, failed })}</p>` : nothing}
    ${
      result.entries.length > 0
        ? html`<ul class="ov-result-list">
          ${result.entries.map((entry) => html`<li class=${entry.ok ? 'ov-ok' : 'ov-refused'}><span class="ov-result-name">${entry.naam}:</span> ${entry.text}</li>`)}
        </ul>`
        : nothing
    }
  </section>`;
}

export interface ExportOptions {
  t: Translate;
  plural(key: string, count: number, vars?: Record<string, string | number>): string;
  count: number;
  done: boolean;
  download(): void;
}

/** The export of the rows shown, for the regional Overstaptafel. */
export function renderExport(options: ExportOptions): TemplateResult {
  const { t } = options;
  return html`<div class="ov-export ddd-no-print">
    <button
      type="button"
      class="ddd-button ddd-button--secondary"
      id="ov-export"
      aria-describedby="ov-export-hint"
      aria-disabled=${options.count === 0 ? 'true' : 'false'}
      @click=${() => {
        if (options.count > 0) options.download();
      }}
    >
      ${options.plural('overview.export.button', options.count)}
    </button>
    <p class="ov-hint" id="ov-export-hint">${t('overview.export.hint')}</p>
    <p class="ov-hint" role="status">${options.done ? t('overview.export.done') : ''}</p>
  </div>`;
}

export const overviewActionStyles = css`
  .ov-actions {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .ov-actions-title,
  .ov-result-title {
    margin: 0;
    font-size: 1.125rem;
  }
  .ov-result-title:focus {
    outline: none;
  }
  .ov-result-title:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  .ov-selected {
    margin: 0;
    font-weight: 600;
  }
  .ov-action-grid {
    display: grid;
    gap: var(--_space-4);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    align-items: start;
  }
  .ov-action-box {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
    min-width: 0;
  }
  .ov-action-box .filter {
    width: 100%;
  }
  .ov-action-box .ddd-button,
  .ov-klas .ddd-button,
  .ov-export .ddd-button {
    max-width: 100%;
    text-align: start;
  }
  .ov-confirm {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border-inline-start: 4px solid var(--_error);
    background: var(--_background);
  }
  .ov-confirm p {
    margin: 0;
  }
  .ov-confirm p:focus {
    outline: none;
  }
  .ov-confirm-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .ov-klas summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
  }
  .ov-klas[open] {
    display: grid;
    gap: var(--_space-2);
  }
  .ov-klas-fields {
    display: grid;
    gap: var(--_space-3);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    align-items: end;
  }
  .ov-result {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface);
  }
  .ov-result p {
    margin: 0;
  }
  .ov-result-list {
    margin: 0;
    padding-inline-start: var(--_space-5);
    display: grid;
    gap: var(--_space-1);
  }
  .ov-result-name {
    font-weight: 600;
  }
  .ov-refused {
    color: var(--_text);
  }
  .ov-export {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
  }
`;
