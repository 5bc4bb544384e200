import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canSetIntake, intakeCsv, intakeExportFileName, isDossierApiError, receivedDossierJson, type Dossier, type DossierApi, type IntakeStatus } from '@doorstroom/sdk';
import '../consent/messages.js';
import { renderOffline } from '../shared/offline-notice.js';
import { ApiController, DossierController, renderConnection } from '../shared/api.js';
import { downloadFile } from '../shared/download.js';
import { browserOnline, type DraftStore } from '../shared/drafts.js';
import { emit, errorDetail } from '../shared/events.js';
import { FeedbackController } from '../shared/feedback.js';
import { headingLevelOf, type HeadingLevel } from '../shared/heading.js';
import { describeError, describeRefusal, LocaleController } from '../shared/i18n.js';
import { focusElement } from '../shared/motion.js';
import { OnlineController } from '../shared/online.js';
import { renderSupport } from '../shared/support.js';
import { renderIntakeDossier, savedText, type IntakeNotice } from './dossier-page.js';
import { styles } from './ddd-intake.styles.js';
import { IntakeDraftKeeper } from './draft.js';
import './messages.js';
import { WorklistController } from './worklist-controller.js';
import { openId, renderWorklist, RowSlots } from './worklist-view.js';
import { intakeDraftErrors, intakeRequestOf, type IntakeDraft, type IntakeFilter, type IntakeRow } from './worklist.js';

/**
 * @summary The MBO's intake worklist: the afgerond dossiers for the signed-in person's
 * instelling with their intake status, and each dossier as the MBO may read it.
 *
 * For intake staff of an MBO (`GET /me` says role `mbo`). The worklist is a table of every
 * received dossier: student, BSN or onderwijsnummer, opleiding and crebo, locatie, cohort, when it
 * arrived and its intake status (nieuw, gelezen, intake gepland with the date, geplaatst, niet
 * geplaatst). A search box finds a student by name, persoonsgebonden nummer or crebo as you type;
 * filters narrow it to a locatie, opleiding, cohort or status; every column sorts; a count per
 * status (buttons that filter) sits above it, and a status line (a live region) says how many are
 * shown. Long lists come in pages of `page-size` rows.
 *
 * Opening a dossier shows it exactly as the MBO may see it: only what the student shared, and
 * nothing that names or hints at what they did not; the backend marks it read. There the officer
 * plans the intake (a date), records the student as geplaatst, or as niet geplaatst with a reason
 * (the student and the school's decaan read the status: placement feedback). What is typed and
 * not saved stays on this device until it is saved, also when the network fails. "Afdrukken"
 * prints the dossier on A4 without the buttons; downloads give it as JSON (the contract's
 * schema), as a CSV row for the student information system and as PDF (`api.dossierPdf`, the
 * reference server's `GET /dossiers/{id}/pdf`; a backend without it says so once, and the button goes).
 *
 * Connect it with `api-base` (+ `token`), the `api` property, or an ancestor `<ddd-context>`.
 *
 * @event ddd-intake-saved - The officer set a dossier's intake status. `detail: { dossierId, intake }`.
 * @event ddd-error - Loading the list or a dossier, saving the status or a download failed. `detail: { error, message }`; `message` is what the user saw.
 *
 * @csspart base - The outer wrapper.
 * @csspart notice - Loading, error and "not set up" messages, and the result of saving.
 * @csspart counts - The number of dossiers per intake status above the table.
 * @csspart table - The table of received dossiers.
 * @csspart dossier - An opened dossier.
 * @csspart tools - "Afdrukken" and the downloads of an opened dossier.
 * @csspart intake - The intake status of an opened dossier and the form that changes it.
 * @csspart summary - The consent record of the opened dossier.
 * @csspart answers - The answers of the opened dossier.
 * @csspart offline - "Er is geen verbinding…" while the browser is offline or the server cannot be reached.
 *
 * @cssproperty --ddd-intake-max-width - Maximum width of an opened dossier. Default 56rem.
 * @cssproperty --ddd-intake-panel-background - Background of the intake panel. Default --ddd-color-surface.
 *
 * @tag ddd-intake
 */
export class DddIntake extends LitElement {
  static override styles = styles;

  /** The backend; wins over `api-base` and `<ddd-context>`. */
  @property({ attribute: false }) api?: DossierApi;
  /** Base URL of the dossier API, e.g. https://mbo.example/api/. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Bearer token for `api-base`. */
  @property() token?: string;
  /** Opens this dossier directly instead of the worklist ("Terug naar de lijst" shows the list). */
  @property({ attribute: 'dossier-id' }) dossierId?: string;
  /**
   * The level of the element's top heading, 1–6 (default 2: under the portal page's own h1). Set
   * 1 when the element is the page's main content. Headings inside follow one level down.
   */
  @property({ attribute: 'heading-level' }) headingLevel?: string | number;
  /**
   * The search and filters the worklist starts with, e.g. `{ status: 'nieuw' }` for a portal link
   * "new dossiers", or `{ opleiding: '25242', cohort: '2027' }` (see `IntakeFilter`). The officer
   * can change them; setting this property again puts these back.
   */
  @property({ attribute: false }) filters?: Partial<IntakeFilter>;
  /** Rows per page of the worklist (default 50). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;
  /**
   * Where a status typed and not saved yet is kept on this device (never saved without pressing
   * "Status opslaan"). Default: see `draftStoreFor` in shared/drafts.
   */
  @property({ attribute: false }) draftStore?: DraftStore;

  /** @internal */
  @state() private openId?: string;
  /** @internal */
  @state() private notice?: IntakeNotice;
  /** @internal */
  @state() private busy = false;
  /** @internal */
  @state() private pdfBusy = false;

  readonly #locale = new LocaleController(this);
  readonly #connection = new ApiController(this);
  readonly #loaded = new DossierController(this, this.#connection, () => this.openId);
  readonly #worklist = new WorklistController(this, (error) => {
    if (isNetwork(error)) this.#connectivity.lost();
    this.#report(error, this.#loadError(error), 'load');
  });
  readonly #feedback = new FeedbackController(this);
  readonly #connectivity = new OnlineController(this, (online) => {
    if (online && this.notice?.kind === 'error') this.notice = undefined;
  });
  readonly #drafts = new IntakeDraftKeeper(this, (dossierId) => {
    if (dossierId === this.openId) this.notice = { kind: 'success', text: this.#t('intake.form.restored') };
  });
  /** The worklist table's row keys (see RowSlots). */
  readonly #slots = new RowSlots();
  /** Backends that answered 404 to the PDF: they do not make one. */
  readonly #noPdf = new WeakSet<DossierApi>();
  /** The row the dossier was opened from: focus goes back to its button. */
  #openedFrom?: string;
  #focusTarget?: string;

  readonly #t = (key: string, vars?: Record<string, string | number>) => this.#locale.t(key, vars);
  readonly #plural = (key: string, count: number, vars?: Record<string, string | number>) => this.#locale.plural(key, count, vars);

  get #level(): HeadingLevel {
    return headingLevelOf(this.headingLevel);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dossierId')) this.#show(this.dossierId || undefined);
    if (changed.has('filters')) this.#worklist.resetFilters(this.filters);
    if (changed.has('pageSize')) this.#worklist.pageSize = Math.max(1, Math.floor(this.pageSize) || 50);
    const { api, me } = this.#connection;
    if (api && me?.role === 'mbo') this.#worklist.ensure(api);
    const dossier = this.#loaded.dossier;
    if (dossier && dossier.id === this.openId) {
      // Opening it made it read: its row says so without loading the list again.
      this.#worklist.update(dossier.id, dossier.intake);
      void this.#drafts.restore(dossier.id);
    }
  }

  protected override updated(): void {
    if (!this.#focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#focusTarget);
    if (target) {
      this.#focusTarget = undefined;
      focusElement(target);
    } else if (!this.openId && this.#worklist.items !== undefined) {
      // The row it was opened from is not on this page (any more): the list's title.
      this.#focusTarget = undefined;
      focusElement(this.renderRoot.querySelector<HTMLElement>('#intake-title'));
    } else if (this.openId && this.#loaded.status === 'loading') {
      // Still loading: focus waits on the loading message, never on <body>.
      const loading = this.renderRoot.querySelector<HTMLElement>('[data-focus-while-loading]');
      if (loading && this.shadowRoot?.activeElement !== loading) focusElement(loading);
    }
  }

  protected override render(): TemplateResult {
    return html`<div class="base" part="base" lang=${this.#locale.lang} dir=${this.#locale.dir}>${this.#renderBody()}</div>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const lang = this.#locale.lang;
    const connection = renderConnection(this.#connection, lang);
    if (connection !== nothing) return connection;
    const me = this.#connection.me!;
    if (me.role !== 'mbo') return html`<p class="ddd-notice ddd-notice--error" part="notice">${this.#t('intake.notMbo')}</p>`;
    return this.openId ? this.#renderDossier() : this.#renderList();
  }

  #renderList(): TemplateResult {
    const lang = this.#locale.lang;
    const worklist = this.#worklist;
    const view = worklist.view(lang, (crebo) => this.#t('intake.crebo', { crebo }));
    const instelling = this.#connection.me?.instelling?.naam;
    return renderWorklist({
      lang,
      t: this.#t,
      plural: this.#plural,
      level: this.#level,
      ...(instelling ? { instelling } : {}),
      loaded: worklist.items !== undefined,
      loading: worklist.loading,
      ...(worklist.error !== undefined ? { error: this.#loadError(worklist.error) } : {}),
      retry: () => void this.#reloadList(),
      view,
      filter: worklist.filter,
      changeFilter: (change) => worklist.changeFilter(change),
      clearFilters: () => worklist.clearFilters(),
      sort: worklist.sort,
      changeSort: (sort) => worklist.changeSort(sort),
      goTo: (page) => worklist.goTo(page),
      open: (row) => this.#open(row),
      slots: this.#slots,
      ...(this.shadowRoot?.activeElement?.id ? { focused: this.shadowRoot.activeElement.id } : {}),
    });
  }

  #renderDossier(): TemplateResult {
    const lang = this.#locale.lang;
    const { dossier, status } = this.#loaded;
    const { config, me, api } = this.#connection;
    if (!dossier || dossier.id !== this.openId) {
      const back = html`<button type="button" class="in-back" id="in-back" @click=${() => this.#back()}>${this.#t('intake.back')}</button>`;
      if (status === 'notFound' || status === 'error') {
        const text = status === 'notFound' ? this.#t('intake.dossier.notFound') : this.#loadError(this.#loaded.error);
        return html`${back}
          <div class="ddd-notice ddd-notice--error" part="notice" role="alert">
            <p>${text}</p>
            ${renderSupport(config, lang)}
            ${status === 'error' ? html`<button type="button" class="ddd-button ddd-button--secondary" @click=${() => void this.#loaded.reload()}>${this.#t('common.retry')}</button>` : nothing}
          </div>`;
      }
      return html`${back}
        <p class="ddd-notice" part="notice" role="status" tabindex="-1" data-focus-while-loading>${this.#t('intake.dossier.loading')}</p>`;
    }
    const draft = this.#drafts.of(dossier.id);
    const errors = intakeDraftErrors(draft).map((e) => ({ path: e.path, message: this.#t(e.key) }));
    return renderIntakeDossier({
      lang,
      t: this.#t,
      level: this.#level,
      dossier,
      config: config!,
      decision: canSetIntake(me!, dossier),
      draft,
      summary: this.#feedback.showingAll ? errors : [],
      errorFor: (path) => this.#feedback.message(path, errors, lang),
      focusKey: this.#feedback.attempt,
      busy: this.busy,
      ...(this.notice ? { notice: this.notice } : {}),
      offline: renderOffline(this.#connectivity.online, this.#t('intake.form.offline')),
      change: (path, change) => this.#change(dossier, path, change),
      left: (path) => this.#feedback.left(path),
      submit: () => void this.#submit(),
      back: () => this.#back(),
      print: () => window.print(),
      downloadJson: () => downloadFile(intakeExportFileName('json', dossier), receivedDossierJson(dossier), 'application/json'),
      downloadCsv: () => downloadFile(intakeExportFileName('csv', new Date()), intakeCsv([dossier]), 'text/csv;charset=utf-8'),
      ...(typeof api?.dossierPdf === 'function' && !this.#noPdf.has(api) ? { downloadPdf: () => void this.#downloadPdf(api, dossier) } : {}),
      pdfBusy: this.pdfBusy,
    });
  }

  // --- moving between the list and a dossier ------------------------------------------------------

  #show(id: string | undefined): void {
    this.openId = id;
    this.notice = undefined;
    this.#feedback.reset();
  }

  #open(row: IntakeRow): void {
    this.#openedFrom = openId(row);
    this.#show(row.id);
    this.#focusTarget = '#dossier-title';
  }

  #back(): void {
    const from = this.#openedFrom;
    this.#openedFrom = undefined;
    this.#show(undefined);
    // The list again, with what changed meanwhile; what is on screen stays while it loads.
    void this.#reloadList();
    // Focus goes back to the button the dossier was opened with (else, see updated(), the title).
    this.#focusTarget = from ? `#${from}` : '#intake-title';
  }

  async #reloadList(): Promise<void> {
    const api = this.#connection.api;
    if (!api) return;
    if (await this.#worklist.load(api)) this.#connectivity.reached();
  }

  // --- the intake form -----------------------------------------------------------------------------

  #change(dossier: Dossier, path: 'status' | 'datum' | 'reden', change: Partial<IntakeDraft>): void {
    const draft = this.#drafts.of(dossier.id);
    // Planning again starts from the date planned before.
    if (change.status === 'intakeGepland' && !draft.datum && dossier.intake?.datum) change = { ...change, datum: dossier.intake.datum };
    this.#drafts.change(dossier.id, change);
    this.#feedback.changed(path);
    if (this.notice?.kind === 'success') this.notice = undefined;
  }

  async #submit(): Promise<void> {
    const dossier = this.#loaded.dossier;
    const api = this.#connection.api;
    if (this.busy || !dossier || !api) return;
    const draft = this.#drafts.of(dossier.id);
    if (intakeDraftErrors(draft).length > 0 || !draft.status) {
      this.notice = undefined;
      this.#feedback.showAll();
      return;
    }
    if (!browserOnline()) {
      // Never queued: the status is sent when the officer presses again, online.
      this.#connectivity.lost();
      this.#fail(this.#t('intake.form.offline'));
      return;
    }
    this.busy = true;
    this.notice = undefined;
    try {
      const intake = await api.setIntake(dossier.id, intakeRequestOf({ ...draft, status: draft.status }));
      this.#connectivity.reached();
      this.#drafts.done(dossier.id);
      this.#feedback.reset();
      const current = this.#loaded.dossier ?? dossier;
      this.#loaded.replace({ ...current, intake });
      this.#worklist.update(dossier.id, intake);
      this.notice = { kind: 'success', text: savedText(this.#t, this.#locale.lang, intake.status as IntakeStatus, intake.datum) };
      emit(this, 'ddd-intake-saved', { dossierId: dossier.id, intake });
    } catch (error) {
      void this.#drafts.flush();
      const network = isNetwork(error);
      if (network) this.#connectivity.lost();
      // Another instelling's dossier (or one gone) is a 404: say so in the element's words.
      const notFound = isDossierApiError(error) && error.kind === 'notFound';
      const text = network ? this.#t('intake.form.offline') : notFound ? this.#t('intake.dossier.notFound') : describeRefusal(error, this.#locale.lang);
      this.#report(error, text);
      this.#fail(text);
    } finally {
      this.busy = false;
    }
  }

  #fail(text: string): void {
    this.notice = { kind: 'error', text };
    this.#focusTarget = '#in-action-error';
    this.requestUpdate();
  }

  async #downloadPdf(api: DossierApi, dossier: Dossier): Promise<void> {
    if (this.pdfBusy || !api.dossierPdf) return;
    this.pdfBusy = true;
    try {
      const pdf = await api.dossierPdf(dossier.id);
      downloadFile(intakeExportFileName('pdf', dossier), pdf, 'application/pdf');
    } catch (error) {
      // A backend without the route answers 404: printing to PDF still works.
      const missing = isDossierApiError(error) && (error.kind === 'notFound' || error.status === 404);
      // The button goes (focus then rests on the message), and stays away for this backend.
      if (missing) this.#noPdf.add(api);
      const text = missing ? this.#t('intake.pdfMissing') : describeError(error, this.#locale.lang);
      this.#report(error, text);
      this.#fail(text);
    } finally {
      this.pdfBusy = false;
    }
  }

  /** Why the list did not load; without a connection in the officer's own words (the SDK's speak to a student). */
  #loadError(error: unknown): string {
    return isNetwork(error) ? this.#t('intake.loadOffline') : describeError(error, this.#locale.lang);
  }

  #report(error: unknown, message: string, during: 'load' | 'action' = 'action'): void {
    emit(this, 'ddd-error', errorDetail(error, message, during));
  }
}

const isNetwork = (error: unknown) => isDossierApiError(error) && error.kind === 'network';
