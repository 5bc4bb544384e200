/**
 * One section of deel A: heading (focused on arrival), intro, the error summary after
 * Volgende, the questions, and Vorige / Volgende / Opslaan en sluiten.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { localize, registeredQuestionIds, type AnswerValue, type FieldError, type SectionDefinition } from '@doorstroom/sdk';
import { renderErrorSummary } from '../shared/error-summary.js';
import type { FeedbackController } from '../shared/feedback.js';
import { below, heading } from '../shared/heading.js';
import { renderQuestions, type FieldsOptions } from '../shared/fields.js';
import { renderChoiceSection, type ChoiceViewOptions } from './choice-view.js';
import type { Drafts, DraftView, GoToOptions, Step } from './state.js';

/** What a section reads from the form and asks it to do. */
export interface SectionViewOptions extends ChoiceViewOptions {
  /** The student's answers, saved or not. */
  readonly drafts: Drafts;
  /** Which errors show now: after leaving a field, all of them after Volgende. */
  readonly feedback: Pick<FeedbackController, 'message' | 'left' | 'showingAll' | 'attempt'>;
  /** Set by "Wijzig": Volgende returns to the check page. */
  readonly returnToCheck: boolean;
  sections(): ReadonlyArray<SectionDefinition>;
  errorsOf(section: SectionDefinition, view: DraftView): FieldError[];
  /** A field changed. */
  change(sectionId: string, path: string, value: AnswerValue | undefined): void;
  /** Volgende (`force`: "Toch verder"). */
  next(section: SectionDefinition, view: DraftView, force?: boolean): void;
  goTo(step: Step, options?: GoToOptions): void;
  saveAndClose(): Promise<void>;
}

export function renderSectionView(host: SectionViewOptions, section: SectionDefinition, view: DraftView): TemplateResult {
  const lang = host.lang;
  const sections = host.sections();
  const index = sections.findIndex((s) => s.id === section.id);
  const errors = host.errorsOf(section, view);
  const answers = host.drafts[section.id] ?? {};
  const options: FieldsOptions = {
    lang,
    context: view.context,
    errorFor: (path) => host.feedback.message(path, errors, lang),
    onInput: (path, value) => host.change(section.id, path, value),
    onBlur: (path) => host.feedback.left(path),
    ...(section.id === 'persoonlijk' ? { registered: new Set(registeredQuestionIds(view.dossier)) } : {}),
    // An optional section says "(optioneel)" once, in its heading.
    optionalSection: section.optional,
  };
  const previous = sections[index - 1];
  const summaryErrors = host.feedback.showingAll ? errors.map((e) => ({ path: e.path, message: localize(e.message, lang) })) : [];
  const nextLabel = host.returnToCheck ? host.t('form.backToCheck') : sections[index + 1] ? host.t('form.next') : host.t('form.toCheck');
  return html`<section class="section" part="section" aria-labelledby="form-heading">
    <p class="section__counter">${host.t('form.section.counter', { number: index + 1, total: sections.length })}</p>
    ${heading(host.level, html`${section.code} ${localize(section.title, lang)}${section.optional ? html` <span class="ddd-optional">${host.t('field.optional')}</span>` : nothing}`, {
      id: 'form-heading',
      class: 'heading-top section__heading',
      tabindex: -1,
    })}
    ${section.optional ? html`<p class="section__optional">${host.t('form.section.optional')}</p>` : nothing}
    ${renderErrorSummary({ errors: summaryErrors, lang, focusKey: host.feedback.attempt, headingLevel: below(host.level, 1) })}
    ${
      summaryErrors.length > 0
        ? html`<div class="later">
          <p>${host.t('form.errorsLater')}</p>
          <button type="button" class="ddd-button ddd-button--secondary" @click=${() => host.next(section, view, true)}>${host.t('form.continueAnyway')}</button>
        </div>`
        : nothing
    }
    ${section.intro ? html`<p class="section__intro">${localize(section.intro, lang)}</p>` : nothing}
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        host.next(section, view);
      }}
    >
      ${section.id === 'vervolgkeuze' ? renderChoiceSection(host, section, answers, options) : renderQuestions(section.questions, answers, options)}
      <div class="section__nav">
        ${
          previous
            ? html`<button type="button" class="ddd-button ddd-button--secondary" @click=${() => host.goTo({ kind: 'section', sectionId: previous.id })}>
              ${host.t('form.previous')}
            </button>`
            : nothing
        }
        <button type="submit" class="ddd-button">${nextLabel}</button>
        <button type="button" class="ddd-button ddd-button--secondary section__close" @click=${() => void host.saveAndClose()}>${host.t('form.saveClose')}</button>
      </div>
    </form>
  </section>`;
}
