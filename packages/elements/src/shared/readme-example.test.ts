// The example element of README.md, kept working by this test.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryBackend, exampleData } from '@doorstroom/sdk';
import '../progress/ddd-progress.js';
// ---- README example start
import { LitElement, html as litHtml } from 'lit';
import { property, state } from 'lit/decorators.js';
import { conditionContext, findSection, validateSection, type DossierApi, type SectionAnswers } from '@doorstroom/sdk';
import { ApiController, DossierController, renderConnection } from './api.js';
import { catalogSearch } from './catalog.js';
import { renderErrorSummary } from './error-summary.js';
import { emit, errorDetail } from './events.js';
import { FeedbackController } from './feedback.js';
import { renderQuestions, setAnswer } from './fields.js';
import { describeError, LocaleController } from './i18n.js';
import { fieldStyles, sharedStyles } from './tokens.js';

export class DddSectionExample extends LitElement {
  static override styles = [sharedStyles, fieldStyles];
  @property({ attribute: false }) api?: DossierApi;
  @property({ attribute: 'api-base' }) apiBase?: string;
  @property() token?: string;
  @property({ attribute: 'dossier-id' }) dossierId?: string;
  @property({ attribute: 'section-id' }) sectionId = 'persoonlijk';
  @state() private draft?: SectionAnswers; // undefined = nothing changed yet
  @state() private saveError?: string;

  private readonly locale = new LocaleController(this);
  private readonly connection = new ApiController(this); // before DossierController
  private readonly loaded = new DossierController(this, this.connection, () => this.dossierId);
  private readonly feedback = new FeedbackController(this);

  override render() {
    const { lang } = this.locale;
    const { dossier } = this.loaded;
    const { config, api } = this.connection;
    if (!api || !config || !dossier) return renderConnection(this.connection, lang);
    const section = findSection(config, this.sectionId)!;
    const context = conditionContext(dossier, config, new Date());
    const answers = this.draft ?? dossier.answers[section.id] ?? {};
    const errors = validateSection(section, answers, context);
    const summary = this.feedback.showingAll ? errors.map((e) => ({ path: e.path, message: this.locale.localize(e.message) })) : [];
    return litHtml`${renderErrorSummary({ errors: summary, lang, focusKey: this.feedback.attempt })}
      <h2>${this.locale.localize(section.title)}</h2>
      ${renderQuestions(section.questions, answers, {
        lang,
        context,
        errorFor: (path) => this.feedback.message(path, errors, lang),
        onInput: (path, value) => ((this.draft = setAnswer(answers, path, value)), this.feedback.changed(path)),
        onBlur: (path) => this.feedback.left(path),
        search: catalogSearch(api, lang),
      })}
      ${this.saveError ? litHtml`<p class="ddd-notice ddd-notice--error" role="alert">${this.saveError}</p>` : ''}
      <button class="ddd-button" @click=${() => this.save(answers, errors.length > 0)}>Opslaan</button>`;
  }

  private async save(answers: SectionAnswers, incomplete: boolean) {
    const dossier = this.loaded.dossier!;
    if (incomplete) this.feedback.showAll(); // a draft is saved anyway: nothing typed is lost
    try {
      const saved = await this.connection.api!.saveSection(dossier.id, this.sectionId, answers, dossier.version);
      this.draft = undefined;
      this.saveError = undefined;
      this.loaded.replace(saved); // <ddd-progress> for this dossier follows
      emit(this, 'ddd-saved', { dossier: saved });
    } catch (error) {
      this.saveError = describeError(error, this.locale.lang);
      emit(this, 'ddd-error', errorDetail(error, this.saveError));
    }
  }
}
customElements.define('ddd-section-example', DddSectionExample);
// ---- README example end

describe('README example', function () {
  this.timeout(30000);
  it('loads a dossier, edits a section, shows errors, saves, and a progress on the page follows', async () => {
    const today = new Date(2026, 10, 23, 12);
    const api = createMemoryBackend(exampleData({ today }), { now: () => today }).client('student-noor');
    const page = await fixture<HTMLElement>(html`<div>
      <ddd-progress .api=${api} dossier-id="dossier-noor"></ddd-progress>
      <ddd-section-example .api=${api} dossier-id="dossier-noor" section-id="motivatie"></ddd-section-example>
    </div>`);
    const form = page.querySelector<DddSectionExample>('ddd-section-example')!;
    const progress = page.querySelector('ddd-progress')!;
    const status = () => progress.shadowRoot!.querySelector('[data-section="motivatie"] .section__status')?.textContent;
    await waitUntil(() => form.shadowRoot!.getElementById('ddd-waarom') && status(), 'both loaded', { timeout: 5000 });
    expect(status()).to.equal('Nog niet begonnen');

    const waarom = form.shadowRoot!.getElementById('ddd-waarom') as HTMLTextAreaElement;
    waarom.focus();
    await sendKeys({ type: 'Te kort' });
    const button = form.shadowRoot!.querySelector('button.ddd-button') as HTMLButtonElement;
    button.click();
    await oneEvent(form, 'ddd-saved');
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('.ddd-error-summary')).to.exist;
    // The summary takes focus in the next animation frame; typing before that would land in it.
    await waitUntil(() => form.shadowRoot!.activeElement?.classList.contains('ddd-error-summary'), 'the error summary takes focus', { timeout: 5000 });
    await waitUntil(() => status() === 'Bezig', 'progress follows the draft save', { timeout: 5000 });

    waarom.focus();
    await sendKeys({ type: ', want ik wil graag met mijn handen werken.' });
    button.click();
    await oneEvent(form, 'ddd-saved');
    await waitUntil(() => status() === 'Klaar', 'progress follows the complete save', { timeout: 5000 });
    await expect(form).to.be.accessible();
  });
});
