/**
 * A minimal section form for the shared pieces' tests (and a working example of wiring them):
 * fields + FeedbackController + error summary, no backend.
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { validateSection, type AnswerValue, type ConditionContext, type ReferenceQuestion, type SectionAnswers, type SectionDefinition } from '@doorstroom/sdk';
import type { ComboboxOption } from './combobox.js';
import { renderErrorSummary } from './error-summary.js';
import { FeedbackController } from './feedback.js';
import { renderQuestions, setAnswer } from './fields.js';
import { LocaleController } from './i18n.js';
import { fieldStyles, sharedStyles } from './tokens.js';

export class TestSectionForm extends LitElement {
  static override styles = [sharedStyles, fieldStyles];

  @property({ attribute: false }) section!: SectionDefinition;
  @property({ attribute: false }) context: ConditionContext = { dossierType: 'vo-mbo', guardianConsentNeeded: true };
  @property({ attribute: false }) search?: (question: ReferenceQuestion, query: string, answers: SectionAnswers) => Promise<ReadonlyArray<ComboboxOption>>;
  @state() draft: SectionAnswers = {};

  readonly locale = new LocaleController(this);
  readonly feedback = new FeedbackController(this);
  readonly inputs: Array<{ path: string; value: AnswerValue | undefined }> = [];

  get errors() {
    return validateSection(this.section, this.draft, this.context, { today: new Date(2026, 10, 23) });
  }

  submit(): void {
    this.feedback.showAll();
  }

  override render() {
    const { lang } = this.locale;
    const errors = this.errors;
    const summary = this.feedback.showingAll ? errors.map((e) => ({ path: e.path, message: this.locale.localize(e.message) })) : [];
    return html`${renderErrorSummary({ errors: summary, lang, focusKey: this.feedback.attempt })}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), this.submit())}>
        ${renderQuestions(this.section.questions, this.draft, {
          lang,
          context: this.context,
          errorFor: (path) => this.feedback.message(path, errors, lang),
          onInput: (path, value) => {
            this.inputs.push({ path, value });
            this.draft = setAnswer(this.draft, path, value);
            this.feedback.changed(path);
          },
          onBlur: (path) => this.feedback.left(path),
          search: this.search,
        })}
        <button class="ddd-button" type="submit">Volgende</button>
      </form>`;
  }
}
if (!customElements.get('test-section-form')) customElements.define('test-section-form', TestSectionForm);
