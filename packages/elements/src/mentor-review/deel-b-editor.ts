/**
 * Deel B (B1 begeleiding, B2 inschatting en advies) as templates: per section its percentage,
 * then the shared fields when the mentor may edit it, or the answers read-only with the reason.
 * Field paths are prefixed with the section id ('advies.pastKeuze') so one error summary can
 * link into both sections; the field ids then come out as 'mr-advies-pastKeuze'.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { localize, type AnswerValue, type ConditionContext, type SectionAnswers, type SectionDefinition } from '@doorstroom/sdk';
import { renderConflictChoice, type ConflictChoice } from '../shared/conflict-choice.js';
import { renderErrorSummary, type SummaryError } from '../shared/error-summary.js';
import { renderQuestions } from '../shared/fields.js';
import { describeError } from '../shared/i18n.js';
import { styleProperties } from '../shared/style-properties.js';
import { heading, renderAnswers } from '../shared/read-only-answers.js';
import type { DeelBEditor, SectionSaveState } from './editing.js';
import { formatTime, type Translate } from './state.js';

/** The id prefix of every deel B field: `fieldId('advies.pastKeuze', idPrefix)` is the control's id. */
export const idPrefix = 'mr';

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed' | 'conflict';

export interface DeelBSectionView {
  section: SectionDefinition;
  /** The draft while editable, the saved answers otherwise. */
  answers: SectionAnswers;
  percent: number;
  editable: boolean;
  /** Shown when not editable. */
  reason?: string;
  saveState: SaveState;
  savedAt?: string;
  /** Why this section's last save failed, as the mentor reads it (state 'failed'). */
  error?: string;
}

export interface DeelBOptions {
  sections: ReadonlyArray<DeelBSectionView>;
  lang: string;
  t: Translate;
  context: ConditionContext;
  /** Errors in the summary (already visible per the feedback rules), paths prefixed with the section id. */
  summary: ReadonlyArray<SummaryError>;
  focusKey: unknown;
  errorFor(path: string): string | undefined;
  onInput(path: string, value: AnswerValue | undefined): void;
  onBlur(path: string): void;
  save(sectionId: string): void;
  /** Heading level of the section titles (default 3). */
  headingLevel?: number;
}

/** The sections; put `renderDeelBSummary` at the top of the page (its heading is an h2). */
export function renderDeelB(options: DeelBOptions): TemplateResult {
  return html`${options.sections.map((view) => renderSection(view, options))}`;
}

/** A section's save state as shown: the state, the time it was saved and why it failed. */
export function saveStateView(state: SectionSaveState | undefined, lang: string): Pick<DeelBSectionView, 'saveState' | 'savedAt' | 'error'> {
  return {
    saveState: state?.state ?? 'idle',
    ...(state?.savedAt ? { savedAt: formatTime(state.savedAt, lang) } : {}),
    ...(state?.error !== undefined ? { error: describeError(state.error, lang) } : {}),
  };
}

export interface DeelBTopOptions {
  editor: Pick<DeelBEditor, 'message' | 'conflicts' | 'drafts'>;
  sections: ReadonlyArray<SectionDefinition>;
  lang: string;
  t: Translate;
  headingLevel: 3 | 4;
  onResolve(choices: ConflictChoice[]): void;
}

/**
 * Above the sections: a live region (always present, so screen readers hear what appears in it)
 * and, after a conflict, the choice per question between the mentor's answer and the saved one.
 */
export function renderDeelBTop(options: DeelBTopOptions): TemplateResult {
  const { t, editor } = options;
  const message = editor.message && t(editor.message === 'restored' ? 'mentor.restored' : 'mentor.conflict.resolved');
  return html`<div class="b-live" role="status">
      ${message ? html`<p class="ddd-notice" id=${`${idPrefix}-notice`} tabindex="-1">${message}</p>` : nothing}
    </div>
    ${renderConflictChoice({
      conflicts: editor.conflicts(),
      sections: options.sections,
      mine: (conflict) => editor.drafts[conflict.sectionId]?.[conflict.key],
      lang: options.lang,
      text: {
        title: t('mentor.conflict.title'),
        intro: t('mentor.conflict.intro'),
        mine: t('mentor.conflict.mine'),
        server: t('mentor.conflict.server'),
        save: t('mentor.conflict.save'),
      },
      onResolve: options.onResolve,
      headingLevel: options.headingLevel,
      idPrefix: `${idPrefix}-conflict`,
    })}`;
}

export function renderDeelBSummary(options: Pick<DeelBOptions, 'summary' | 'lang' | 'focusKey'>): TemplateResult | typeof nothing {
  return renderErrorSummary({ errors: options.summary, lang: options.lang, focusKey: options.focusKey, idPrefix });
}

function renderSection(view: DeelBSectionView, options: DeelBOptions): TemplateResult {
  const { section } = view;
  const { t, lang } = options;
  const titleId = `${idPrefix}-${section.id}-title`;
  const title = `${section.code} ${localize(section.title, lang)}`;
  const hasAnswers = Object.values(view.answers).some((v) => v !== undefined && v !== null && v !== '');
  // While saving, Opslaan is aria-disabled and presses are ignored: a disabled button would drop focus to the page.
  return html`<section class="b-section" part="section" aria-labelledby=${titleId}>
    <div class="b-head">
      ${heading(options.headingLevel ?? 3, title, titleId)}
      ${percentBar(view.percent, title, t)}
    </div>
    ${section.intro ? html`<p class="b-intro">${localize(section.intro, lang)}</p>` : nothing}
    ${
      view.editable
        ? html`<form class="b-form" novalidate @submit=${(event: SubmitEvent) => (event.preventDefault(), view.saveState !== 'saving' && options.save(section.id))}>
          ${renderQuestions(section.questions, view.answers, {
            lang,
            context: options.context,
            idPrefix: `${idPrefix}-${section.id}`,
            errorFor: (path) => options.errorFor(`${section.id}.${path}`),
            onInput: (path, value) => options.onInput(`${section.id}.${path}`, value),
            onBlur: (path) => options.onBlur(`${section.id}.${path}`),
          })}
          <div class="save-bar">
            <button type="submit" class="ddd-button" aria-disabled=${view.saveState === 'saving' ? 'true' : nothing}>${t('mentor.save')}</button>
            <span class="save-state save-state--${view.saveState}" role="status">${saveText(view, t)}</span>
          </div>
          ${view.saveState === 'failed' && view.error ? html`<p class="ddd-notice ddd-notice--error save-error" id=${`${idPrefix}-${section.id}-save-error`} role="alert">${view.error}</p>` : nothing}
        </form>`
        : html`<p class="b-reason">${view.reason ?? t('mentor.deelB.readOnly')}</p>
          ${hasAnswers ? renderAnswers([section], { [section.id]: view.answers }, lang, { context: options.context, hideTitles: true }) : nothing}`
    }
  </section>`;
}

function saveText(view: DeelBSectionView, t: Translate): string {
  switch (view.saveState) {
    case 'dirty':
      return t('mentor.save.dirty');
    case 'saving':
      return t('mentor.save.saving');
    case 'saved':
      return view.savedAt ? t('mentor.save.saved', { time: view.savedAt }) : '';
    case 'failed':
      return t('mentor.save.failed');
    case 'conflict':
      return t('mentor.save.conflict');
    default:
      return '';
  }
}

/** A labelled bar with the number as text too, so nobody depends on the bar alone. */
export function percentBar(percent: number, label: string, t: Translate): TemplateResult {
  const text = t('mentor.deelB.percent', { percent });
  return html`<div class="percent" part="percent">
    <div
      class="percent-bar"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
      aria-valuetext=${text}
    >
      <div class="percent-fill" ${styleProperties({ 'inline-size': `${percent}%` })}></div>
    </div>
    <span class="percent-text">${text}</span>
  </div>`;
}

export const deelBStyles = css`
  .b-section {
    display: grid;
    gap: var(--_space-3);
    padding-block: var(--_space-3);
  }
  .b-section + .b-section {
    border-top: 1px solid var(--_border);
  }
  .b-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-4);
  }
  .b-head .ro-title {
    margin: 0;
    font-size: 1.125rem;
  }
  .b-intro,
  .b-reason {
    margin: 0;
    color: var(--_text-subtle);
  }
  .b-form {
    display: grid;
    gap: var(--_space-4);
  }
  .save-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
  }
  .save-state--failed {
    color: var(--_error);
    font-weight: 600;
  }
  .save-state--conflict {
    font-weight: 600;
  }
  .save-error {
    margin: 0;
  }
  .b-live .ddd-notice {
    margin: 0 0 var(--_space-3);
  }
  .save-state--saved {
    color: var(--_success);
  }
  .percent {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .percent-bar {
    inline-size: 6rem;
    block-size: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
    background: var(--_background);
  }
  .percent-fill {
    block-size: 100%;
    background: var(--_primary);
  }
  .percent-text {
    color: var(--_text-subtle);
    white-space: nowrap;
  }
`;
