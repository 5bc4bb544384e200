import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canEdit, validateSection, type AnswerValue, type Dossier, type DossierAction, type DossierApi, type FieldError, type SectionDefinition } from '@doorstroom/sdk';
import { ApiController, DossierController, renderConnection } from '../shared/api.js';
import type { DraftStore } from '../shared/drafts.js';
import { emit, errorDetail } from '../shared/events.js';
import { FeedbackController } from '../shared/feedback.js';
import { focusField, setAnswer } from '../shared/fields.js';
import { headingLevelOf, type HeadingLevel } from '../shared/heading.js';
import { describeError, describeRefusal, LocaleController, type MessageVars } from '../shared/i18n.js';
import { fieldStyles, sharedStyles } from '../shared/tokens.js';
import { AnswerKeeper, renderSaveStatus, type AnswerKeeperPort, type SaveStatusOptions } from './answer-keeper.js';
import { AutosaveQueue } from './autosave.js';
import { conflictStyles, renderConflicts, type ConflictChoice, type ConflictsOptions } from './conflict-view.js';
import { renderCheckAnswers, type CheckAnswersOptions } from './check-answers.js';
import { LocationLookup } from './choice-view.js';
import { formStyles } from './ddd-dossier-form.styles.js';
import { renderDossierList, type Creating, type DossierListOptions, type ListLoad } from './list-view.js';
import './messages.js';
import type { FormMessageKey } from './messages.js';
import { renderSectionView, type SectionViewOptions } from './section-view.js';
import { applyChoiceChange, choiceKeys, deelASections, draftsOf, draftView, rebaseDrafts, taskItems, topLevelKey, type DraftView, type Drafts, type GoToOptions, type Step } from './state.js';
import { renderSupport } from '../shared/support.js';
import { StatusActionRunner } from './status-actions.js';
import { SubmitStep, type SubmitPort } from './submit-step.js';
import { FocusKeeper } from '../shared/focus-keeper.js';
import { renderTaskList, type TaskListOptions } from './task-list.js';
import { focusElement } from '../shared/motion.js';

/** Everything the views and controllers of the form read and call: one object, made once (see `makePort`). */
type FormPort = TaskListOptions & SectionViewOptions & CheckAnswersOptions & DossierListOptions & ConflictsOptions & SaveStatusOptions & SubmitPort & AnswerKeeperPort;

/**
 * @summary The student's deel A: their dossiers, a new dossier, the sections one at a time with
 * autosave, a check-your-answers page and sending it on (to the mentor or to the agreement).
 *
 * Configure with `api-base` (+ `token`), the `api` property (any `DossierApi`), or a surrounding
 * `<ddd-context>`. Without `dossier-id` it lists the student's dossiers and offers "Nieuw dossier".
 * Every change is saved about `autosave-delay` ms after the last keystroke (only the changed
 * section and questions); nothing typed is lost when saving fails. Until the server acknowledged
 * them, typed answers are also kept on the device (`draftStore`) and put back after a reload or
 * crash. Offline it says so, keeps the answers and sends them when the connection is back. When
 * someone else changed the same question meanwhile, the student chooses per question which answer
 * stays. Leaving the page with unsaved answers asks for confirmation.
 *
 * @event ddd-saved - `{ dossier }` after every successful save; also published on `dossierBus`.
 * @event ddd-action - `{ action, dossier }` after submitToMentor / submitForConsent.
 * @event ddd-error - `{ error, message }` when loading, saving, creating or sending failed; `message` is what the user saw.
 * @event ddd-dossier-created - `{ dossier }` after "Nieuw dossier" created one (it opens right away).
 *
 * @csspart base - The outer wrapper.
 * @csspart notice - Loading, error, "not set up" and status messages.
 * @csspart list - The list of the student's dossiers.
 * @csspart tasks - The task list (side column on wide screens, collapsible on phones).
 * @csspart section - The section being filled in.
 * @csspart save-status - "Alles opgeslagen" / "Niet opgeslagen wijzigingen" / "Opslaan…".
 * @csspart offline - "Je bent offline…" while the browser is offline or the server cannot be reached.
 * @csspart conflicts - The choice between the student's and the server's answer per question.
 * @csspart check - The check-your-answers page.
 * @csspart submit - The send block (mentor choice or "Naar de akkoordverklaring").
 * @csspart consent - The `<ddd-consent>` the student opens from a dossier that waits for their akkoord ("Naar je akkoordverklaring").
 *
 * @cssproperty --ddd-form-sidebar-width - Width of the task list column on wide screens. Default 17rem.
 * @cssproperty --ddd-form-complete-color - Colour of the "Klaar" tag. Default --ddd-color-success.
 *
 * @tag ddd-dossier-form
 */
export class DddDossierForm extends LitElement {
  static override styles = [sharedStyles, fieldStyles, formStyles, conflictStyles];

  /** The dossier to open; without it the student's dossiers are listed. */
  @property({ attribute: 'dossier-id' }) dossierId?: string;
  /** Any `DossierApi`; wins over `<ddd-context>` and `api-base`. */
  @property({ attribute: false }) api?: DossierApi;
  /** Base URL of the backend's HTTP API, when not inside a `<ddd-context>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Bearer token for `api-base`. */
  @property() token?: string;
  /**
   * The level of the element's top heading, 1–6 (default 2: under the portal page's own h1). Set
   * 1 when the form is the page's main content. Headings inside follow one level down.
   */
  @property({ attribute: 'heading-level' }) headingLevel?: string | number;
  /** Milliseconds after the last change before saving. */
  @property({ type: Number, attribute: 'autosave-delay' }) autosaveDelay = 800;
  /** The day ages and conditions are computed on; the real date when unset (tests set it). */
  @property({ attribute: false }) today?: Date;
  /**
   * Where unsaved answers are kept on this device. Default: IndexedDB (or localStorage) when
   * connected through `api-base`, this page's memory for an `api` object; see `draftStoreFor`.
   */
  @property({ attribute: false }) draftStore?: DraftStore;

  private readonly locale = new LocaleController(this);
  private readonly connection = new ApiController(this);
  /** @internal For the test harness (the dossier as loaded, e.g. to check no other person's copy was taken in); not API. */
  readonly loader = new DossierController(this, this.connection, () => this.openId);
  private readonly feedback = new FeedbackController(this);
  /** What the views and controllers get instead of the element. */
  private readonly port: FormPort = this.makePort();
  private readonly submit = new SubmitStep(this, this.port);
  /** Terugzetten and reactivate, from the read-only view. */
  private readonly statusAction = new StatusActionRunner(this, this.port);
  // The type radios are disabled while a new dossier is created; a failure gives focus back.
  private readonly focusKeeper = new FocusKeeper(this, () => this.creating.status === 'busy');
  private readonly locations = new LocationLookup(this);
  private readonly keeper = new AnswerKeeper(this, this.port);
  /** @internal For the test harness (dossier-form/harness.ts: saving now, retry timing, clearing between tests); not API. */
  readonly autosave = new AutosaveQueue(
    {
      dossier: () => this.base,
      draft: (sectionId) => this.drafts[sectionId] ?? {},
      save: (id, sectionId, answers, version) => this.requireApi().saveSection(id, sectionId, answers, version),
      reload: (id) => this.requireApi().getDossier(id),
      saved: (dossier) => this.accept(dossier),
      refreshed: (fresh, conflicts) => {
        this.drafts = rebaseDrafts(fresh, this.drafts, (id) => this.autosave.pendingKeys(id));
        // With questions to choose for, the choice itself explains what happened.
        this.notice = conflicts ? undefined : { key: 'form.conflict' };
        this.accept(fresh, false);
      },
      failed: (error) => this.report(error),
      changed: () => this.requestUpdate(),
    },
    this.keeper.saver,
  );

  @state() private openId?: string;
  @state() private list: ListLoad = { status: 'idle' };
  @state() private drafts: Drafts = {};
  @state() private step: Step = { kind: 'check' };
  /** Set by "Wijzig": the section returns to the check page. */
  @state() private returnToCheck = false;
  /** Phones: whether the task list is unfolded. */
  @state() private tasksOpen = false;
  /** A message above the form: a conflict was resolved, or the dossier was sent. */
  @state() private notice?: { key: FormMessageKey; vars?: MessageVars };
  @state() private closeFailed = false;
  /** The student opened the akkoordverklaring from the dossier's read-only view. */
  @state() private consentOpen = false;
  @state() private creating: Creating = { status: 'idle' };

  /** The dossier the drafts are based on (the backend's latest answer). */
  private base?: Dossier;
  private listFor?: DossierApi;
  private focusAfterRender?: { path?: string; selector?: string };

  /** The top heading level (see `heading-level`). */
  private get level(): HeadingLevel {
    return headingLevelOf(this.headingLevel);
  }

  private get now(): Date {
    return this.today ?? new Date();
  }

  private t(key: FormMessageKey | (string & {}), vars?: MessageVars): string {
    return this.locale.t(key, vars);
  }

  private requireApi(): DossierApi {
    const api = this.connection.api;
    if (!api) throw new Error('ddd-dossier-form: no api configured');
    return api;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page: save what is waiting right away instead of after the delay.
    if (this.autosave.hasPending) void this.autosave.flush();
    this.autosave.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dossierId')) this.openId = this.dossierId || undefined;
    this.autosave.delay = Math.max(0, Number(this.autosaveDelay) || 0);
    const api = this.connection.api;
    if (api && !this.openId && this.connection.status === 'ready' && this.listFor !== api) void this.loadList(api);
    const loaded = this.loader.dossier;
    if (loaded && loaded !== this.base && loaded.id === this.openId) this.adopt(loaded);
  }

  protected override updated(): void {
    const target = this.focusAfterRender;
    if (!target) return;
    const root = this.renderRoot as ShadowRoot;
    if (target.path && focusField(root, target.path)) {
      this.focusAfterRender = undefined;
      return;
    }
    const element = root.querySelector<HTMLElement>(target.selector ?? '#form-heading');
    if (element) {
      this.focusAfterRender = undefined;
      focusElement(element);
      return;
    }
    // The button that was pressed is gone and the new view is still loading: focus waits on the
    // loading message (never on <body>) and moves on once the heading is there.
    const waiting = root.querySelector<HTMLElement>('[data-focus-while-loading]');
    if (!waiting) this.focusAfterRender = undefined;
    else if (root.activeElement !== waiting) focusElement(waiting);
  }

  /** A dossier arrived from the backend (first load, or a newer version from elsewhere on the page). */
  private adopt(dossier: Dossier): void {
    const first = this.base?.id !== dossier.id;
    if (first) {
      // What this element typed for another dossier is saved or kept on the device already.
      this.autosave.reset();
      this.drafts = draftsOf(dossier);
      this.base = dossier;
      this.step = this.startStep(dossier);
      this.feedback.reset();
    } else {
      // A newer version from elsewhere on the page: the same three-way comparison as after a 409.
      this.autosave.reconcile(dossier);
      this.drafts = rebaseDrafts(dossier, this.drafts, (id) => this.autosave.pendingKeys(id));
      this.base = dossier;
    }
  }

  /**
   * The object the views and controllers read and call instead of the element (their option
   * interfaces together). Made once; its getters read the element's state when a view renders.
   */
  private makePort(): FormPort {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below read the element, not the port
    const form = this;
    return {
      get lang() {
        return form.locale.lang;
      },
      get intl() {
        return form.locale.intl;
      },
      get level() {
        return form.level;
      },
      get now() {
        return form.now;
      },
      get me() {
        return form.connection.me;
      },
      get config() {
        return form.connection.config;
      },
      get api() {
        return form.connection.api;
      },
      get ready() {
        return Boolean(form.connection.config && form.connection.me);
      },
      get base() {
        return form.base;
      },
      get drafts() {
        return form.drafts;
      },
      set drafts(drafts: Drafts) {
        form.drafts = drafts;
      },
      get step() {
        return form.step;
      },
      get tasksOpen() {
        return form.tasksOpen;
      },
      get returnToCheck() {
        return form.returnToCheck;
      },
      get closeFailed() {
        return form.closeFailed;
      },
      get list() {
        return form.list;
      },
      get creating() {
        return form.creating;
      },
      get announcement() {
        return form.keeper.announcement;
      },
      get autosave() {
        return form.autosave;
      },
      get saveError() {
        return form.autosave.error;
      },
      get feedback() {
        return form.feedback;
      },
      get locations() {
        return form.locations;
      },
      get statusAction() {
        return form.statusAction;
      },
      t: (key, vars) => form.t(key, vars),
      localize: (value) => form.locale.localize(value),
      requireApi: () => form.requireApi(),
      report: (error) => form.report(error),
      messageFor: (error) => form.messageFor(error),
      requestUpdate: () => form.requestUpdate(),
      sections: (dossier?: Dossier) => form.sections(dossier),
      editable: (dossier) => form.editable(dossier),
      errorsOf: (section, view) => form.errorsOf(section, view),
      conflicts: () => form.autosave.conflicts(),
      change: (sectionId, path, value) => form.change(sectionId, path, value),
      next: (section, view, force) => form.next(section, view, force),
      goTo: (step, options) => form.goTo(step, options),
      toggleTasks: () => {
        form.tasksOpen = !form.tasksOpen;
      },
      saveAndClose: () => form.saveAndClose(),
      saveAll: () => form.autosave.flush(),
      retrySave: () => form.retrySave(),
      resolveConflicts: (choices) => form.resolveConflicts(choices),
      openConsent: () => form.openConsent(),
      renderSubmit: (view) => form.submit.render(view),
      reloadList: () => form.reloadList(),
      open: (id) => form.open(id),
      chooseType: (type) => {
        form.creating = { status: 'idle', type };
      },
      createDossier: () => form.createDossier(),
      restored: () => {
        form.notice = { key: 'form.restored' };
      },
      acted: (action, dossier, notice) => form.acted(action, dossier, notice),
    };
  }

  /** The student chose per question after a conflict: keep their answer or take the server's. */
  private resolveConflicts(choices: ReadonlyArray<ConflictChoice>): void {
    for (const { sectionId, key, server, choice } of choices) {
      if (choice === 'server') this.drafts = { ...this.drafts, [sectionId]: setAnswer(this.drafts[sectionId] ?? {}, key, (server ?? undefined) as AnswerValue | undefined) };
      this.autosave.resolve(sectionId, key, choice);
    }
    this.notice = { key: 'form.conflict.resolved' };
    this.focusAfterRender = { selector: '.form__notice' };
    void this.autosave.flush();
  }

  private startStep(dossier: Dossier): Step {
    const view = this.view(dossier);
    if (!view || !this.editable(dossier)) return { kind: 'check' };
    const open = this.sections(dossier).find((s) => view.completion.sections[s.id]?.status !== 'complete');
    return open ? { kind: 'section', sectionId: open.id } : { kind: 'check' };
  }

  /** The backend's newer dossier after a save or action: keep it, tell the page. */
  private accept(dossier: Dossier, announce = true): void {
    this.base = dossier;
    this.loader.replace(dossier);
    if (announce) emit(this, 'ddd-saved', { dossier });
  }

  /** An action on the whole dossier went through (sent, taken back, reactivated): tell the page, show `notice` on the check page. */
  private acted(action: DossierAction, dossier: Dossier, notice: { key: FormMessageKey; vars?: MessageVars }): void {
    this.accept(dossier, false);
    emit(this, 'ddd-action', { action, dossier });
    this.notice = notice;
    this.goTo({ kind: 'check' }, { focusSelector: '.form__notice' });
  }

  /** Tell the page what failed; returns the message shown to the user. */
  private report(error: unknown): string {
    const message = this.messageFor(error);
    emit(this, 'ddd-error', errorDetail(error, message));
    return message;
  }

  /** A refusal's own message when the backend names one, else the SDK's user message. */
  private messageFor(error: unknown): string {
    return describeRefusal(error, this.locale.lang);
  }

  private async loadList(api: DossierApi): Promise<void> {
    this.listFor = api;
    this.list = { status: 'loading' };
    try {
      const result = await api.listDossiers();
      if (this.listFor === api) this.list = { status: 'ready', value: result.items };
    } catch (error) {
      if (this.listFor !== api) return;
      this.list = { status: 'error', error };
      this.report(error);
    }
  }

  private reloadList(): void {
    this.listFor = undefined;
    this.requestUpdate();
  }

  private open(id: string): void {
    this.notice = undefined;
    this.closeFailed = false;
    this.consentOpen = false;
    this.base = undefined;
    this.openId = id;
    this.focusAfterRender = { selector: '#form-heading' };
  }

  /** "Opslaan en sluiten" and the back link: save everything, then show the list. */
  private async saveAndClose(): Promise<void> {
    this.closeFailed = false;
    const saved = await this.autosave.flush();
    if (!saved) {
      this.closeFailed = true;
      return;
    }
    this.openId = undefined;
    this.base = undefined;
    this.notice = undefined;
    this.consentOpen = false;
    this.autosave.reset();
    this.reloadList();
    this.focusAfterRender = { selector: '#form-heading' };
  }

  private async createDossier(): Promise<void> {
    // The button stays focusable while busy (aria-disabled): a second press must not create twice.
    if (this.creating.status === 'busy') return;
    const type = this.creating.type;
    if (!type) {
      this.creating = { ...this.creating, missingType: true };
      this.focusAfterRender = { selector: 'input[name="ddd-new-type"]' };
      return;
    }
    this.creating = { type, status: 'busy' };
    try {
      const dossier = await this.requireApi().createDossier({ type });
      this.creating = { status: 'idle' };
      emit(this, 'ddd-dossier-created', { dossier });
      this.open(dossier.id);
    } catch (error) {
      this.creating = { type, status: 'error', error };
      this.report(error);
    }
  }

  // --- derived state ------------------------------------------------------------------------

  private sections(dossier = this.base): ReadonlyArray<SectionDefinition> {
    const config = this.connection.config;
    return dossier && config ? deelASections(config, dossier.type) : [];
  }

  private view(dossier = this.base): DraftView | undefined {
    const config = this.connection.config;
    if (!dossier || !config) return undefined;
    return draftView(dossier, dossier === this.base ? this.drafts : draftsOf(dossier), config, this.now);
  }

  /** Whether the student may change deel A now. */
  private editable(dossier = this.base): boolean {
    const { config, me } = this.connection;
    const first = this.sections(dossier)[0];
    return Boolean(dossier && config && me && first && canEdit(me, dossier, first.id, { config, today: this.now }).allowed);
  }

  /** What is wrong in a section now (shown after blur or after Volgende). */
  private errorsOf(section: SectionDefinition, view: DraftView): FieldError[] {
    return validateSection(section, this.drafts[section.id], view.context, { today: this.now });
  }

  // --- editing --------------------------------------------------------------------------------

  /** A field changed: update the draft, queue the save, track feedback. */
  private change(sectionId: string, path: string, value: AnswerValue | undefined): void {
    const current = this.drafts[sectionId] ?? {};
    let next = setAnswer(current, path, value);
    let keys = [topLevelKey(path)];
    if (sectionId === 'vervolgkeuze' && (choiceKeys as ReadonlyArray<string>).includes(path)) {
      const result = applyChoiceChange(current, path, value ?? null);
      next = result.answers;
      keys = result.changed;
    }
    this.drafts = { ...this.drafts, [sectionId]: next };
    for (const key of keys) this.autosave.change(sectionId, key);
    this.feedback.changed(path);
    this.closeFailed = false;
  }

  /** Go to a section or the check page; focus its heading (or a field). */
  private goTo(step: Step, options: GoToOptions = {}): void {
    if (this.autosave.hasPending) void this.autosave.flush();
    this.step = step;
    this.returnToCheck = options.returnToCheck ?? false;
    this.feedback.reset();
    this.tasksOpen = false;
    this.focusAfterRender = { ...(options.focusPath ? { path: options.focusPath } : {}), selector: options.focusSelector ?? '#form-heading' };
  }

  /** Volgende / Naar controleren: shows the error summary once, then "Toch verder" goes on. */
  private next(section: SectionDefinition, view: DraftView, force = false): void {
    if (!force && this.errorsOf(section, view).length > 0) {
      this.feedback.showAll();
      return;
    }
    this.goTo(this.stepAfter(section));
  }

  private stepAfter(section: SectionDefinition): Step {
    if (this.returnToCheck) return { kind: 'check' };
    const sections = this.sections();
    const index = sections.findIndex((s) => s.id === section.id);
    const following = sections[index + 1];
    return following ? { kind: 'section', sectionId: following.id } : { kind: 'check' };
  }

  private retrySave(): void {
    void this.autosave.flush({ force: true });
  }

  // --- rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    // `lang` says which catalogue is shown: Dutch when the page asks for a language not loaded.
    return html`<div class="form" part="base" lang=${this.locale.lang} dir=${this.locale.dir}>${this.renderBody()}</div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const connection = renderConnection(this.connection, this.locale.lang);
    if (connection !== nothing) return connection;
    const me = this.connection.me;
    if (me && me.role !== 'student') {
      return html`<div class="ddd-notice ddd-notice--error" part="notice"><p>${this.t('form.notStudent', { role: me.role })}</p>${renderSupport(this.connection.config, this.locale.lang)}</div>`;
    }
    if (!this.openId) return renderDossierList(this.port);
    return this.renderDossier();
  }

  /** The akkoordverklaring from the read-only view: a link there, or the consent itself. */
  private openConsent(): void {
    this.consentOpen = true;
  }

  /** Back from the akkoordverklaring to the dossier. */
  private closeConsent(): void {
    this.consentOpen = false;
    if (this.base) void this.loader.reload();
    this.focusAfterRender = { selector: '#form-heading' };
  }

  /** The student's akkoordverklaring inside the form, with a way back to the dossier. */
  private renderConsent(dossier: Dossier): TemplateResult {
    return html`<div class="form__top">
        <button type="button" class="link-button" id="consent-back" @click=${() => this.closeConsent()}>${this.t('form.consent.back')}</button>
      </div>
      <ddd-consent
        part="consent"
        .api=${this.connection.api}
        .draftStore=${this.draftStore}
        .focusOnOpen=${true}
        heading-level=${this.level}
        dossier-id=${dossier.id}
        @ddd-action=${() => void this.loader.reload()}
      ></ddd-consent>`;
  }

  private renderDossier(): TemplateResult {
    const loader = this.loader;
    if (!this.base) {
      if (loader.status === 'error' || loader.status === 'notFound') {
        return html`<div class="ddd-notice ddd-notice--error" part="notice" role="alert">
          <p>${this.t('form.dossierError')} ${describeError(loader.error, this.locale.lang)}</p>
          ${renderSupport(this.connection.config, this.locale.lang)}
          <button type="button" class="ddd-button ddd-button--secondary" @click=${() => void loader.reload()}>${this.t('common.retry')}</button>
          <button type="button" class="ddd-button ddd-button--secondary" @click=${() => void this.saveAndClose()}>${this.t('form.back')}</button>
        </div>`;
      }
      return html`<p class="ddd-notice" part="notice" role="status" tabindex="-1" data-focus-while-loading>${this.t('form.loadingDossier')}</p>`;
    }
    if (this.consentOpen) return this.renderConsent(this.base);
    const view = this.view()!;
    const editable = this.editable();
    const items = taskItems(view, this.sections(), this.connection.me!, this.connection.config!, this.now);
    const step = this.step;
    const section = step.kind === 'section' ? this.sections().find((s) => s.id === step.sectionId) : undefined;
    return html`
      <div class="form__top">
        <button type="button" class="link-button" @click=${() => void this.saveAndClose()}>${this.t('form.back')}</button>
        ${editable ? renderSaveStatus(this.port) : nothing}
      </div>
      ${this.notice ? html`<p class="ddd-notice form__notice" part="notice" role="status" tabindex="-1">${this.t(this.notice.key, this.notice.vars)}</p>` : nothing}
      ${
        editable && view.dossier.status === 'concept' && view.dossier.mentor
          ? // A mentor is only chosen when sending: the dossier went out once and came back.
            html`<p class="ddd-notice" part="notice">${this.t('form.returned', { mentor: view.dossier.mentor.naam })}</p>`
          : nothing
      }
      ${editable ? renderConflicts(this.port) : nothing}
      <div class="layout">
        ${renderTaskList(this.port, items, editable)}
        <div class="layout__main">
          ${section && editable ? renderSectionView(this.port, section, view) : renderCheckAnswers(this.port, view, editable)}
        </div>
      </div>
    `;
  }
}
