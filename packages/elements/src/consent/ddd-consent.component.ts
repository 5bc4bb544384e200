import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
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
  type SectionAnswers,
  type SectionDefinition,
  type WorkflowContext,
} from '@doorstroom/sdk';
import { ApiController, DossierController, renderConnection } from '../shared/api.js';
import { browserOnline, DraftSaver, draftStoreFor, guardUnsavedChanges, reconcileDraft, watchConnectivity, type DraftStore } from '../shared/drafts.js';
import { renderErrorSummary } from '../shared/error-summary.js';
import { emit } from '../shared/events.js';
import { FeedbackController } from '../shared/feedback.js';
import { renderQuestions, setAnswer, type FieldsOptions } from '../shared/fields.js';
import { LocaleController } from '../shared/i18n.js';
import { fieldStyles, sharedStyles } from '../shared/tokens.js';
import { readOnlyAnswersStyles } from '../mentor-review/read-only-answers.js';
import type { ConsentKey } from './consent.messages.js';
import './consent.messages.js';
import {
  decide,
  delenQuestion,
  errorMessage,
  formatDay,
  initialDraft,
  needsInzage,
  offers,
  viewFor,
  withDraft,
} from './consent.state.js';
import { renderConfirm, renderDossier, renderFinalSummary, renderGuardianStatus, renderSharing } from './consent.views.js';
import type { ConfirmAction } from './consent.views.js';
import { consentStyles } from './ddd-consent.styles.js';
import { focusElement } from '../shared/motion.js';

type DraftSection = 'akkoordverklaring' | 'ouderToestemming';
interface Notice {
  kind: 'error' | 'success';
  text: string;
  /** Refused because the browser is offline: gone once it is back online. */
  offline?: boolean;
}

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

  @state() private draft: SectionAnswers = {};
  @state() private dirty = false;
  @state() private busy: false | 'save' | ConfirmAction = false;
  @state() private confirming?: ConfirmAction;
  @state() private notice?: Notice;
  /** False while the browser says it is offline, or since a save could not reach the server. */
  @state() private online = browserOnline();

  private readonly locale = new LocaleController(this);
  private readonly connection = new ApiController(this);
  private readonly loader = new DossierController(this, this.connection, () => this.dossierId);
  private readonly feedback = new FeedbackController(this);
  private readonly localDrafts = new DraftSaver(() => draftStoreFor(this, this.connection.api));
  /** Questions the person changed since the last save (sharing defaults filled in by us do not count). */
  private touched = new Set<string>();
  /** The saved answers the draft started from. */
  private draftOrigins: SectionAnswers = {};
  private stopGuard?: () => void;
  private stopConnectivity?: () => void;
  /** A dossier whose inzage could not be sent for lack of a connection: tried again when back online. */
  private inzageOffline?: string;
  /** `${dossier id}:${section}` the draft was started for; a new dossier or section starts afresh. */
  private draftKey?: string;
  private readonly inzageAsked = new Set<string>();
  /** Saves and actions wait for it: they need the version the inzage produced. */
  private pendingInzage: Promise<void> = Promise.resolve();
  private focusAfterRender?: string;
  private reportedLoadError?: unknown;

  private t(key: ConsentKey | 'common.retry', vars?: Record<string, string | number>): string {
    return this.locale.t(key, vars);
  }

  private get language(): string {
    return this.locale.lang;
  }

  private workflow(config: RegionConfig): WorkflowContext {
    return { config, today: new Date() };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopGuard = guardUnsavedChanges(
      () => this.touched.size > 0,
      () => void this.localDrafts.flush(),
    );
    this.online = browserOnline();
    this.stopConnectivity = watchConnectivity((online) => {
      this.online = online;
      if (!online) return;
      if (this.notice?.offline) this.notice = undefined;
      if (this.inzageOffline) this.inzageAsked.delete(this.inzageOffline);
      this.inzageOffline = undefined;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopGuard?.();
    this.stopConnectivity?.();
    void this.localDrafts.flush();
  }

  protected override willUpdate(): void {
    const dossier = this.loader.dossier;
    const { config, me } = this.connection;
    if (!dossier || !config || !me) return;
    const view = viewFor(me, dossier);
    const sectionId: DraftSection | undefined = view === 'student' ? 'akkoordverklaring' : view === 'guardian' ? 'ouderToestemming' : undefined;
    const key = sectionId && `${dossier.id}:${sectionId}`;
    if (key === this.draftKey) return;
    this.draftKey = key;
    if (!sectionId) return;
    this.feedback.reset();
    if (sectionId === 'akkoordverklaring') {
      const { draft, changed } = initialDraft(dossier.answers[sectionId], config, dossier.type);
      this.draft = draft;
      this.dirty = changed;
    } else {
      const saved = dossier.answers[sectionId] ?? {};
      // The person signed in is the one consenting: their name is a fair start.
      const naam = typeof saved['naam'] === 'string' && saved['naam'] ? saved['naam'] : me.person.naam;
      this.draft = { ...saved, naam };
      this.dirty = naam !== saved['naam'];
    }
    this.touched = new Set();
    this.draftOrigins = { ...(dossier.answers[sectionId] ?? {}) };
    void this.restoreLocal(dossier, sectionId, key!);
  }

  /**
   * Answers typed on this device and not saved (a reload, a crash): back into the form with a
   * notice. Not saved by themselves: agreeing and consenting stay a deliberate press on Opslaan.
   */
  private async restoreLocal(dossier: Dossier, sectionId: DraftSection, key: string): Promise<void> {
    const store = draftStoreFor(this, this.connection.api);
    let kept;
    try {
      kept = await store?.get({ dossierId: dossier.id, sectionId });
    } catch {
      return;
    }
    if (!kept || this.draftKey !== key) return;
    const { apply, conflicts } = reconcileDraft(kept, dossier.answers[sectionId]);
    const back = { ...apply, ...Object.fromEntries(Object.entries(conflicts).map(([k, c]) => [k, c.mine])) };
    const keys = Object.keys(back).filter((k) => !this.touched.has(k));
    if (keys.length === 0) {
      if (this.touched.size === 0) this.localDrafts.remove({ dossierId: dossier.id, sectionId });
      return;
    }
    let draft = this.draft;
    for (const k of keys) draft = setAnswer(draft, k, (back[k] ?? undefined) as AnswerValue | undefined);
    this.draft = draft;
    this.dirty = true;
    for (const k of keys) this.touched.add(k);
    this.notice = { kind: 'success', text: this.t('consent.restored') };
  }

  /** Keeps the changed answers on the device until a save went through. */
  private persistLocal(): void {
    const dossier = this.loader.dossier;
    // draftKey is `${dossier id}:${section}`; section ids never hold a colon.
    const sectionId = this.draftKey?.slice(this.draftKey.lastIndexOf(':') + 1);
    if (!dossier || !sectionId) return;
    const keys = [...this.touched];
    this.localDrafts.put({
      dossierId: dossier.id,
      sectionId,
      baseVersion: dossier.version,
      values: Object.fromEntries(keys.map((k) => [k, this.draft[k] ?? null])),
      origins: Object.fromEntries(keys.map((k) => [k, this.draftOrigins[k] ?? null])),
      savedAt: Date.now(),
    });
  }

  protected override updated(): void {
    const dossier = this.loader.dossier;
    const { config, me, api } = this.connection;
    if (dossier && config && me && api && !this.inzageAsked.has(dossier.id) && needsInzage(me, dossier, this.workflow(config))) {
      this.inzageAsked.add(dossier.id);
      this.pendingInzage = this.recordInzage(api, dossier);
    }
    const loadError = this.loader.status === 'error' || this.loader.status === 'notFound' ? this.loader.error : undefined;
    if (loadError !== undefined && loadError !== this.reportedLoadError) {
      this.reportedLoadError = loadError;
      const message = errorMessage(loadError, this.language, this.locale.t('common.errorUnknown'));
      emit(this, 'ddd-error', { error: loadError instanceof Error ? loadError : new Error(String(loadError)), message });
    }
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
      const early = me?.role === 'guardian' && isDossierApiError(this.loader.error) && this.loader.error.reason === 'wrongState';
      if (early) return this.message('consent.titleGuardian', this.t('consent.notYet.guardian'));
      return html`<div class="ddd-notice ddd-notice--error" part="notice" role="alert">
        <p>${errorMessage(this.loader.error, this.language, this.locale.t('common.errorUnknown'))}</p>
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
    const notice = this.notice;
    return html`<div class="live" role="status">${notice?.kind === 'success' ? html`<p class="ddd-notice ddd-notice--success" part="notice">${notice.text}</p>` : nothing}</div>
      ${notice?.kind === 'error' ? html`<p class="ddd-notice ddd-notice--error" part="notice" role="alert" id="action-error" tabindex="-1">${notice.text}</p>` : nothing}`;
  }

  /** Offline: what cannot happen now and what is kept. A live region that is always there, so the change is heard. */
  private renderOffline(key: 'consent.offline' | 'consent.offline.guardian'): TemplateResult {
    return html`<div class="offline-live" role="status">
      ${this.online ? nothing : html`<p class="ddd-notice offline" part="offline">${this.t(key)}</p>`}
    </div>`;
  }

  /** Nothing is sent while the browser is offline: say so, and keep what was typed on the device now. */
  private refuseOffline(): void {
    this.online = false;
    void this.localDrafts.flush();
    this.notice = { kind: 'error', text: this.t('consent.offlineTry'), offline: true };
    this.focusAfterRender = '#action-error';
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
    const errors = validateSection(section, this.draft, context);
    const fields = this.fieldsOptions(context, errors, 'ak');
    const only = (...ids: string[]) => section.questions.filter((q) => ids.includes(q.id));
    const workflow = this.workflow(config);
    const back = decide(me, 'backToDeelA', dossier, workflow);
    const finalize = decide(me, 'finalize', withDraft(dossier, 'akkoordverklaring', this.draft), workflow);
    return html`<h2 class="title" tabindex="-1">${this.t('consent.title')}</h2>
      <p class="intro">${localize(section.intro, this.language)} ${this.t('consent.readIntro')}</p>
      ${this.renderInzage(dossier, me)} ${renderDossier(dossier, config, this.language)}
      ${renderErrorSummary({ errors: this.summaryErrors(errors), lang: this.language, focusKey: this.feedback.attempt, idPrefix: 'ak' })}
      <form class="panel" part="form" aria-labelledby="form-title" novalidate @submit=${(e: Event) => this.onSave(e, 'akkoordverklaring', section, context)}>
        <h3 id="form-title">${this.t('consent.yourConsent')}</h3>
        ${this.renderOffline('consent.offline')}
        ${renderQuestions(only('akkoord', 'redenNietAkkoord'), this.draft, fields)}
        ${renderSharing(dossier, config, this.language)}
        ${delenQuestion(sections) && delenQuestion(sections)!.options.length > 0 ? renderQuestions(only('delen'), this.draft, fields) : nothing}
        ${renderQuestions(only('toestemming'), this.draft, fields)}
        <button type="submit" part="button" class="ddd-button ddd-button--secondary" ?disabled=${this.busy !== false}>
          ${this.busy === 'save' ? this.t('consent.saving') : this.t('consent.save')}
        </button>
      </form>
      ${guardianConsentNeeded(dossier, config, new Date()) ? renderGuardianStatus(dossier, config, this.language) : nothing}
      ${this.renderNotice()}
      ${offers(back) || offers(finalize)
        ? html`<section class="panel actions" part="actions" aria-labelledby="actions-title">
            <h3 id="actions-title">${this.t('consent.actions.title')}</h3>
            ${offers(finalize)
              ? html`<p>${this.t('consent.finalizeIntro')}</p>
                  <button type="button" part="button" class="ddd-button" id="finalize" ?disabled=${this.busy !== false}
                    aria-expanded=${this.confirming === 'finalize' ? 'true' : 'false'} @click=${() => this.askFinalize(section, context, dossier, me, workflow)}>
                    ${this.t('consent.finalize')}
                  </button>
                  ${this.confirming === 'finalize' ? this.renderConfirm('finalize') : nothing}`
              : nothing}
            ${offers(back)
              ? html`<p class="back-intro">${this.t('consent.backToDeelAIntro')}</p>
                  <button type="button" part="button" class="ddd-button ddd-button--secondary" id="backToDeelA" ?disabled=${this.busy !== false}
                    aria-expanded=${this.confirming === 'backToDeelA' ? 'true' : 'false'} @click=${() => this.ask('backToDeelA')}>
                    ${this.t('consent.backToDeelA')}
                  </button>
                  ${this.confirming === 'backToDeelA' ? this.renderConfirm('backToDeelA') : nothing}`
              : nothing}
          </section>`
        : nothing}`;
  }

  private renderConfirm(action: ConfirmAction): TemplateResult {
    return renderConfirm({
      action,
      lang: this.language,
      busy: this.busy === action,
      disabled: this.busy !== false,
      onConfirm: () => this.perform(action),
      onCancel: () => this.cancelConfirm(),
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
    const errors = validateSection(section, this.draft, context);
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
        ${this.renderOffline('consent.offline.guardian')}
        ${renderQuestions(questions, this.draft, this.fieldsOptions(context, errors, 'og'))}
        <button type="submit" part="button" class="ddd-button" ?disabled=${this.busy !== false}>
          ${this.busy === 'save' ? this.t('consent.saving') : this.t('consent.save')}
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
      disabled: this.busy !== false,
      errorFor: (path) => this.feedback.message(path, errors, this.language),
      onInput: (path, value: AnswerValue | undefined) => {
        this.draft = setAnswer(this.draft, path, value);
        this.dirty = true;
        this.touched.add(path.split('.', 1)[0] ?? path);
        this.persistLocal();
        this.feedback.changed(path);
        if (this.notice?.kind === 'success') this.notice = undefined;
      },
      onBlur: (path) => this.feedback.left(path),
    };
  }

  private summaryErrors(errors: FieldError[]) {
    return this.feedback.showingAll ? errors.map((e) => ({ path: e.path, message: localize(e.message, this.language) })) : [];
  }

  private async onSave(event: Event, sectionId: DraftSection, section: SectionDefinition, context: FieldsOptions['context']): Promise<void> {
    event.preventDefault();
    // The guardian's consent is one statement, so it is checked before saving; the student's
    // akkoordverklaring may be saved half-done and is checked when finalizing.
    if (sectionId === 'ouderToestemming' && validateSection(section, this.draft, context).length > 0) {
      this.feedback.showAll();
      return;
    }
    const saved = await this.save(sectionId);
    if (saved) this.notice = { kind: 'success', text: this.t('consent.saved') };
  }

  private async save(sectionId: DraftSection): Promise<Dossier | undefined> {
    await this.pendingInzage;
    const api = this.connection.api;
    const dossier = this.loader.dossier;
    if (!api || !dossier) return undefined;
    if (!browserOnline()) {
      this.refuseOffline();
      return undefined;
    }
    this.busy = 'save';
    this.notice = undefined;
    try {
      const saved = await api.saveSection(dossier.id, sectionId, { ...this.draft }, dossier.version);
      this.online = true;
      this.dirty = false;
      this.touched = new Set();
      this.draftOrigins = { ...(saved.answers[sectionId] ?? {}) };
      this.localDrafts.remove({ dossierId: dossier.id, sectionId });
      this.loader.replace(saved);
      emit(this, 'ddd-saved', { dossier: saved });
      return saved;
    } catch (error) {
      // What was typed stays in the form and goes to the device right away, in case the page closes.
      void this.localDrafts.flush();
      this.fail(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private askFinalize(section: SectionDefinition, context: FieldsOptions['context'], dossier: Dossier, me: Actor, workflow: WorkflowContext): void {
    if (validateSection(section, this.draft, context).length > 0) {
      this.feedback.showAll();
      return;
    }
    const decision = decide(me, 'finalize', withDraft(dossier, 'akkoordverklaring', this.draft), workflow);
    if (!decision.allowed) {
      this.confirming = undefined;
      this.notice = { kind: 'error', text: localize(decision.refusal.message, this.language) };
      return;
    }
    this.ask('finalize');
  }

  private ask(action: ConfirmAction): void {
    this.notice = undefined;
    this.confirming = action;
    this.focusAfterRender = '#confirm-title';
  }

  private cancelConfirm(): void {
    const action = this.confirming;
    this.confirming = undefined;
    if (action) this.focusAfterRender = `#${action}`;
  }

  private async perform(action: ConfirmAction): Promise<void> {
    await this.pendingInzage;
    const api = this.connection.api;
    let dossier = this.loader.dossier;
    if (!api || !dossier) return;
    if (!browserOnline()) {
      this.confirming = undefined;
      this.refuseOffline();
      return;
    }
    if (action === 'finalize' && this.dirty) {
      dossier = await this.save('akkoordverklaring');
      if (!dossier) return;
    }
    this.busy = action;
    this.notice = undefined;
    try {
      const next = await api.act(dossier.id, action, undefined, dossier.version);
      this.confirming = undefined;
      this.loader.replace(next);
      this.notice = action === 'backToDeelA' ? { kind: 'success', text: this.t('consent.backDone') } : undefined;
      this.focusAfterRender = '.title';
      emit(this, 'ddd-action', { action, dossier: next });
    } catch (error) {
      this.confirming = undefined;
      this.focusAfterRender = '#action-error';
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async recordInzage(api: DossierApi, dossier: Dossier): Promise<void> {
    try {
      const next = await api.act(dossier.id, 'recordInzage', undefined, dossier.version);
      this.loader.replace(next);
      emit(this, 'ddd-action', { action: 'recordInzage', dossier: next });
    } catch (error) {
      if (isDossierApiError(error) && error.kind === 'network') this.inzageOffline = dossier.id;
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    const network = isDossierApiError(error) && error.kind === 'network';
    if (network) this.online = false;
    const message = errorMessage(error, this.language, this.locale.t('common.errorUnknown'));
    this.notice = { kind: 'error', text: message, ...(network ? { offline: true } : {}) };
    emit(this, 'ddd-error', { error: error instanceof Error ? error : new Error(String(error)), message });
  }
}
