import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  buildSections,
  conditionContext,
  consentRecord,
  guardianConsentNeeded,
  isDossierApiError,
  localize,
  validateSection,
  type AnswerValue,
  type Actor,
  type Dossier,
  type DossierApi,
  type FieldError,
  type RegionConfig,
  type SectionDefinition,
  type WorkflowContext,
} from '@doorstroom/sdk';
import { ApiController, DossierController, renderConnection } from '../shared/api.js';
import { renderSupport } from '../shared/support.js';
import type { DraftStore } from '../shared/drafts.js';
import { renderErrorSummary } from '../shared/error-summary.js';
import { FeedbackController } from '../shared/feedback.js';
import { renderQuestions, type FieldsOptions } from '../shared/fields.js';
import { describeRefusal, LocaleController } from '../shared/i18n.js';
import { fieldStyles, sharedStyles } from '../shared/tokens.js';
import { readOnlyAnswersStyles } from '../mentor-review/read-only-answers.js';
import type { ConsentKey } from './consent.messages.js';
import './consent.messages.js';
import { ConsentDraft, type DraftSection } from './consent.draft.js';
import { ConsentSender } from './consent.sending.js';
import { decide, delenQuestion, formatDay, offers, viewFor, withDraft } from './consent.state.js';
import { renderConfirm, renderDossier, renderFinalSummary, renderGuardianStatus, renderNotice, renderOffline, renderSharing } from './consent.views.js';
import type { ConfirmAction } from './consent.views.js';
import { consentStyles } from './ddd-consent.styles.js';
import { focusElement } from '../shared/motion.js';
import { FocusKeeper } from '../shared/focus-keeper.js';

/**
 * @summary The akkoordverklaring: the student (and, when under the consent age, a parent or
 * guardian) reads deel A and deel B, agrees, chooses what the MBO may see, and finalizes.
 *
 * The role comes from `api.me()`: a student gets the akkoordverklaring and the actions
 * "Terug naar deel A" and "Afronden" (with a confirmation step); a guardian gets their own
 * consent block; an MBO reads an afgerond dossier. Reading is recorded (inzage) as soon as the
 * dossier is on screen. An afgerond dossier is read-only and can be printed.
 * Configure it with `<ddd-context>`, the `api` property, or `api-base` (+ `token`).
 *
 * @event ddd-saved - The akkoordverklaring or the guardian's consent was saved. `detail.dossier` is the new version.
 * @event ddd-action - A workflow action succeeded (`recordInzage`, `finalize`, `backToDeelA`). `detail: { action, dossier }`.
 * @event ddd-error - Loading, saving or an action failed. `detail: { error, message }`; `message` is what the user saw.
 *
 * @csspart notice - Loading, error, success and "not set up" messages.
 * @csspart offline - "Je bent offline…" while the browser is offline or the server cannot be reached.
 * @csspart dossier - The read-only deel A and deel B.
 * @csspart answers - The list of answers inside `dossier`.
 * @csspart form - The student's or guardian's consent form.
 * @csspart sharing - The explanation of what is always and never shared.
 * @csspart guardian-status - What the student sees about the guardian's consent.
 * @csspart actions - "Terug naar deel A" and "Afronden".
 * @csspart confirm - The confirmation panel ("Weet je het zeker?").
 * @csspart summary - The consent summary of an afgerond dossier.
 * @csspart button - Every button.
 *
 * @cssproperty --ddd-consent-max-width - Maximum width of the content. Default 48rem.
 * @cssproperty --ddd-consent-panel-background - Background of the form, actions and confirmation panels. Default --ddd-color-surface.
 * @cssproperty --ddd-consent-confirm-border-color - Border of the confirmation panel. Default --ddd-color-primary.
 *
 * @tag ddd-consent
 */
export class DddConsent extends LitElement {
  static override styles = [sharedStyles, fieldStyles, readOnlyAnswersStyles, consentStyles];

  /** The dossier to show. */
  @property({ attribute: 'dossier-id' }) dossierId?: string;
  /** Any `DossierApi`; wins over `<ddd-context>` and `api-base`. */
  @property({ attribute: false }) api?: DossierApi;
  /** Base URL of the backend's HTTP API, when not inside a `<ddd-context>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Bearer token for `api-base`. */
  @property() token?: string;
  /**
   * Where answers typed and not saved yet are kept on this device (put back after a reload, never
   * saved without pressing Opslaan). Default: see `draftStoreFor` in shared/drafts.
   */
  @property({ attribute: false }) draftStore?: DraftStore;

  private readonly locale = new LocaleController(this);
  private readonly connection = new ApiController(this);
  private readonly loader = new DossierController(this, this.connection, () => this.dossierId);
  private readonly feedback = new FeedbackController(this);
  private readonly draft = new ConsentDraft(
    this,
    () => this.loader.dossier,
    () => (this.sender.notice = { kind: 'success', text: this.t('consent.restored') }),
  );
  private readonly sender = new ConsentSender(this, {
    locale: this.locale,
    connection: this.connection,
    loader: this.loader,
    draft: this.draft,
    focusAfterRender: (selector) => (this.focusAfterRender = selector),
  });
  private focusAfterRender?: string;
  /** The fields are disabled while sending: focus goes back to the one it was in. */
  private readonly focusKeeper = new FocusKeeper(this, () => this.sender.busy !== false);

  /**
   * While something is sent, buttons say so with aria-disabled instead of `disabled`: a disabled
   * button loses focus (to <body> in Chromium), and presses are ignored in `idle` instead.
   */
  private get waiting(): 'true' | typeof nothing {
    return this.sender.busy !== false ? 'true' : nothing;
  }

  private get idle(): boolean {
    return this.sender.busy === false;
  }

  private t(key: ConsentKey | 'common.retry', vars?: Record<string, string | number>): string {
    return this.locale.t(key, vars);
  }

  private get language(): string {
    return this.locale.lang;
  }

  private workflow(config: RegionConfig): WorkflowContext {
    return { config, today: new Date() };
  }

  protected override willUpdate(): void {
    const dossier = this.loader.dossier;
    const { config, me } = this.connection;
    if (dossier && config && me && this.draft.sync(dossier, config, me)) this.feedback.reset();
  }

  protected override updated(): void {
    this.sender.recordInzageWhenNeeded();
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = undefined;
      focusElement(target);
    }
  }

  protected override render() {
    return html`<div class="consent" lang=${this.language} dir=${this.locale.dir}>${this.renderState()}</div>`;
  }

  private renderState(): TemplateResult | typeof nothing {
    if (this.connection.status !== 'ready') return renderConnection(this.connection, this.language);
    if (!this.dossierId) return html`<p class="ddd-notice ddd-notice--error" part="notice">${this.t('consent.noDossier')}</p>`;
    const { config, me } = this.connection;
    const dossier = this.loader.dossier;
    if (this.loader.status === 'error' || this.loader.status === 'notFound') {
      // A guardian meets 404 until their consent is needed (and always for a student at or over the consent age).
      const guardianWaits = me?.role === 'guardian' && isDossierApiError(this.loader.error) && (this.loader.error.status === 404 || this.loader.error.reason === 'wrongState');
      if (guardianWaits) return this.message('consent.titleGuardian', this.t('consent.notYet.guardian', { age: config?.guardianConsentBelowAge ?? 18 }));
      return html`<div class="ddd-notice ddd-notice--error" part="notice" role="alert">
        <p>${describeRefusal(this.loader.error, this.language)}</p>
        ${renderSupport(config, this.language)}
        <button type="button" part="button" class="ddd-button ddd-button--secondary" @click=${() => this.loader.reload()}>${this.t('common.retry')}</button>
      </div>`;
    }
    if (!dossier || !config || !me) return html`<p class="ddd-notice" part="notice" role="status">${this.t('consent.loading')}</p>`;
    const view = viewFor(me, dossier);
    switch (view) {
      case 'student':
        return this.renderStudent(dossier, config, me);
      case 'guardian':
        return this.renderGuardian(dossier, config);
      case 'final':
        return this.renderFinal(dossier, config);
      case 'wrongRole':
        return this.message('consent.title', this.t('consent.wrongRole'));
      case 'mboNotFinal':
        return this.message('consent.title', this.t('consent.mboNotFinal'));
      case 'archived':
        return this.message('consent.title', this.t('consent.archived'));
      case 'notYet': {
        const key = me.role === 'guardian' ? 'consent.notYet.guardian' : dossier.status === 'concept' ? 'consent.notYet.concept' : 'consent.notYet.mentor';
        return this.message('consent.title', this.t(key));
      }
    }
  }

  private message(title: ConsentKey, text: string): TemplateResult {
    return html`<h2 class="title" tabindex="-1">${this.t(title)}</h2>
      ${this.renderNotice()}
      <p class="ddd-notice" part="notice">${text}</p>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    return renderNotice(this.sender.notice);
  }

  // --- the dossier, read-only ----------------------------------------------------------------

  private renderInzage(dossier: Dossier, me: Actor): TemplateResult {
    const seen = dossier.inzage.find((i) => i.role === me.role && i.person.id === me.person.id);
    return html`<p class="inzage">${seen ? this.t('consent.inzageSaved', { date: formatDay(seen.at, this.language) }) : this.t('consent.inzageSaving')}</p>`;
  }

  // --- the student ---------------------------------------------------------------------------

  private renderStudent(dossier: Dossier, config: RegionConfig, me: Actor): TemplateResult {
    const sections = buildSections(config, dossier.type);
    const section = sections.find((s) => s.id === 'akkoordverklaring')!;
    const context = conditionContext(dossier, config, new Date());
    const errors = validateSection(section, this.draft.answers, context);
    const fields = this.fieldsOptions(context, errors, 'ak');
    const only = (...ids: string[]) => section.questions.filter((q) => ids.includes(q.id));
    const workflow = this.workflow(config);
    const back = decide(me, 'backToDeelA', dossier, workflow);
    const finalize = decide(me, 'finalize', withDraft(dossier, 'akkoordverklaring', this.draft.answers), workflow);
    return html`<h2 class="title" tabindex="-1">${this.t('consent.title')}</h2>
      <p class="intro">${localize(section.intro, this.language)} ${this.t('consent.readIntro')}</p>
      ${this.renderInzage(dossier, me)} ${renderDossier(dossier, config, this.language)}
      ${renderErrorSummary({ errors: this.summaryErrors(errors), lang: this.language, focusKey: this.feedback.attempt, idPrefix: 'ak' })}
      <form class="panel" part="form" aria-labelledby="form-title" novalidate @submit=${(e: Event) => this.onSave(e, 'akkoordverklaring', section, context)}>
        <h3 id="form-title">${this.t('consent.yourConsent')}</h3>
        ${renderOffline(this.sender.online, this.t('consent.offline'))}
        ${renderQuestions(only('akkoord', 'redenNietAkkoord'), this.draft.answers, fields)}
        ${renderSharing(dossier, config, this.language)}
        ${delenQuestion(sections) && delenQuestion(sections)!.options.length > 0 ? renderQuestions(only('delen'), this.draft.answers, fields) : nothing}
        ${renderQuestions(only('toestemming'), this.draft.answers, fields)}
        <button type="submit" part="button" class="ddd-button ddd-button--secondary" aria-disabled=${this.waiting}>
          ${this.sender.busy === 'save' ? this.t('consent.saving') : this.t('consent.save')}
        </button>
      </form>
      ${guardianConsentNeeded(dossier, config, new Date()) ? renderGuardianStatus(dossier, config, this.language) : nothing}
      ${this.renderNotice()}
      ${offers(back) || offers(finalize)
        ? html`<section class="panel actions" part="actions" aria-labelledby="actions-title">
            <h3 id="actions-title">${this.t('consent.actions.title')}</h3>
            ${offers(finalize)
              ? html`<p>${this.t('consent.finalizeIntro')}</p>
                  <button type="button" part="button" class="ddd-button" id="finalize" aria-disabled=${this.waiting}
                    aria-expanded=${this.sender.confirming === 'finalize' ? 'true' : 'false'} @click=${() => this.idle && this.askFinalize(section, context, dossier, me, workflow)}>
                    ${this.t('consent.finalize')}
                  </button>
                  ${this.sender.confirming === 'finalize' ? this.renderConfirm('finalize') : nothing}`
              : nothing}
            ${offers(back)
              ? html`<p class="back-intro">${this.t('consent.backToDeelAIntro')}</p>
                  <button type="button" part="button" class="ddd-button ddd-button--secondary" id="backToDeelA" aria-disabled=${this.waiting}
                    aria-expanded=${this.sender.confirming === 'backToDeelA' ? 'true' : 'false'} @click=${() => this.idle && this.sender.ask('backToDeelA')}>
                    ${this.t('consent.backToDeelA')}
                  </button>
                  ${this.sender.confirming === 'backToDeelA' ? this.renderConfirm('backToDeelA') : nothing}`
              : nothing}
          </section>`
        : nothing}`;
  }

  private renderConfirm(action: ConfirmAction): TemplateResult {
    return renderConfirm({
      action,
      lang: this.language,
      busy: this.sender.busy === action,
      disabled: this.sender.busy !== false,
      onConfirm: () => {
        if (this.idle) void this.sender.perform(action);
      },
      onCancel: () => {
        if (this.idle) this.sender.cancelConfirm();
      },
    });
  }

  // --- the guardian --------------------------------------------------------------------------

  private renderGuardian(dossier: Dossier, config: RegionConfig): TemplateResult {
    const me = this.connection.me!;
    const section = buildSections(config, dossier.type).find((s) => s.id === 'ouderToestemming')!;
    const context = conditionContext(dossier, config, new Date());
    const naam = dossier.student.naam;
    if (!context.guardianConsentNeeded) {
      return html`<h2 class="title" tabindex="-1">${this.t('consent.titleGuardian')}</h2>
        ${this.renderInzage(dossier, me)}
        <p class="ddd-notice" part="notice">${this.t('consent.guardian.notNeeded', { naam, age: config.guardianConsentBelowAge })}</p>
        ${renderDossier(dossier, config, this.language)}`;
    }
    const errors = validateSection(section, this.draft.answers, context);
    const record = consentRecord(dossier, config);
    // The date is the server's day of consent, never typed in.
    const questions = section.questions.filter((q) => q.id !== 'datum');
    return html`<h2 class="title" tabindex="-1">${this.t('consent.titleGuardian')}</h2>
      <p class="intro">${this.t('consent.guardian.intro', { naam })}</p>
      ${this.renderInzage(dossier, me)} ${renderDossier(dossier, config, this.language)}
      ${record.guardian?.toestemming
        ? html`<p class="ddd-notice ddd-notice--success" part="notice">${this.t('consent.guardian.done', { naam, date: formatDay(record.guardian.datum, this.language) })}</p>`
        : nothing}
      ${renderErrorSummary({ errors: this.summaryErrors(errors), lang: this.language, focusKey: this.feedback.attempt, idPrefix: 'og' })}
      <form class="panel" part="form" aria-labelledby="form-title" novalidate @submit=${(e: Event) => this.onSave(e, 'ouderToestemming', section, context)}>
        <h3 id="form-title">${localize(section.title, this.language)}</h3>
        ${renderOffline(this.sender.online, this.t('consent.offline.guardian'))}
        ${renderQuestions(questions, this.draft.answers, this.fieldsOptions(context, errors, 'og'))}
        <button type="submit" part="button" class="ddd-button" aria-disabled=${this.waiting}>
          ${this.sender.busy === 'save' ? this.t('consent.saving') : this.t('consent.save')}
        </button>
      </form>
      ${this.renderNotice()}`;
  }

  // --- afgerond --------------------------------------------------------------------------------

  private renderFinal(dossier: Dossier, config: RegionConfig): TemplateResult {
    // Guardians and MBO staff read someone else's dossier: "Je dossier" would address the wrong person.
    const title = this.connection.me?.role === 'student' ? this.t('consent.titleFinal') : this.t('consent.titleFinalOf', { naam: dossier.student.naam });
    return html`<h2 class="title" tabindex="-1">${title}</h2>
      ${this.renderNotice()}
      <p class="intro">
        ${dossier.finalizedAt ? this.t('consent.final.intro', { date: formatDay(dossier.finalizedAt, this.language) }) : this.t('consent.final.introNoDate')}
      </p>
      <button type="button" part="button" class="ddd-button ddd-button--secondary print-button" @click=${() => window.print()}>${this.t('consent.print')}</button>
      ${renderFinalSummary(dossier, config, this.language)} ${renderDossier(dossier, config, this.language)}`;
  }

  // --- behaviour -------------------------------------------------------------------------------

  private fieldsOptions(context: FieldsOptions['context'], errors: FieldError[], idPrefix: string): FieldsOptions {
    return {
      lang: this.language,
      context,
      idPrefix,
      disabled: this.sender.busy !== false,
      errorFor: (path) => this.feedback.message(path, errors, this.language),
      onInput: (path, value: AnswerValue | undefined) => {
        this.draft.input(path, value);
        this.feedback.changed(path);
        if (this.sender.notice?.kind === 'success') this.sender.notice = undefined;
      },
      onBlur: (path) => this.feedback.left(path),
    };
  }

  private summaryErrors(errors: FieldError[]) {
    return this.feedback.showingAll ? errors.map((e) => ({ path: e.path, message: localize(e.message, this.language) })) : [];
  }

  private async onSave(event: Event, sectionId: DraftSection, section: SectionDefinition, context: FieldsOptions['context']): Promise<void> {
    event.preventDefault();
    if (!this.idle) return;
    // The guardian's consent is one statement, so it is checked before saving; the student's
    // akkoordverklaring may be saved half-done and is checked when finalizing.
    if (sectionId === 'ouderToestemming' && validateSection(section, this.draft.answers, context).length > 0) {
      this.feedback.showAll();
      return;
    }
    const saved = await this.sender.save(sectionId);
    if (saved) this.sender.notice = { kind: 'success', text: this.t('consent.saved') };
  }

  private askFinalize(section: SectionDefinition, context: FieldsOptions['context'], dossier: Dossier, me: Actor, workflow: WorkflowContext): void {
    if (validateSection(section, this.draft.answers, context).length > 0) {
      this.feedback.showAll();
      return;
    }
    const decision = decide(me, 'finalize', withDraft(dossier, 'akkoordverklaring', this.draft.answers), workflow);
    if (!decision.allowed) {
      this.sender.refuse(localize(decision.refusal.message, this.language));
      return;
    }
    this.sender.ask('finalize');
  }
}
