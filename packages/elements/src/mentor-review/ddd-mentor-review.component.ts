import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buildSections, intakeLabels, isDossierApiError, localize, type Begeleiding, type Dossier, type DossierAction, type DossierApi, type StudentOverview } from '@doorstroom/sdk';
import { renderSupport } from '../shared/support.js';
import { ApiController, DossierController, renderConnection } from '../shared/api.js';
import { toCsv } from '../shared/csv.js';
import { intlLocale } from '../shared/i18n.js';
import { browserOnline, type DraftStore } from '../shared/drafts.js';
import { downloadFile } from '../shared/download.js';
import { actorKey, clientKey, dossierBus, emit, errorDetail } from '../shared/events.js';
import { FeedbackController } from '../shared/feedback.js';
import { describeError, describeSearchError, LocaleController } from '../shared/i18n.js';
import { OnlineController } from '../shared/online.js';
import { idPrefix } from './deel-b-editor.js';
import { renderBegeleidingPage, renderOpenDossier, type DeelBPageOptions } from './dossier-page.js';
import { type Notice } from './dossier-view.js';
import { renderOffline } from '../shared/offline-notice.js';
import { DeelBEditor, type SaveTarget } from './editing.js';
import { HistoryLoader, renderHistory } from './history.js';
import './messages.js';
import { styles } from './ddd-mentor-review.styles.js';
import { deelBSectionIds, sectionEditState, sectionTitleLookup, type ActionOffer } from './state.js';
import { MentorLists } from './lists.js';
import { renderTabs, renderTeBehandelen, type MentorView } from './work-list.js';
import { focusElement } from '../shared/motion.js';
import { decisionFor, exportFileName, exportTable, nextDeadline, type BulkAction, type OverviewFilter, type OverviewRow } from './overview.js';
import { OverviewController, type Derived, type OverviewTexts } from './overview-controller.js';
import { renderOverview, stateText, type OverviewViewOptions } from './overview-view.js';
import { renderExport, renderSelectionActions } from './overview-actions.js';

/**
 * The school staff's view, by who signs in (`GET /me`):
 *
 * - A **mentor** gets the work lists "Te behandelen" (cards) and "Mijn leerlingen": a table of the
 *   students of their klassen with their step, % of deel A, days in the step, mentor, chosen MBO
 *   and opleiding and whether a parent must still consent; sortable, filtered in the browser,
 *   with a count per step. B1 (begeleiding) can also be filled for a student without a dossier.
 * - The school's **decaan** gets the school overview (spec §9): the same table for every student
 *   of the school, with the MBO's intake status, filters for students stuck longer than N days,
 *   without a dossier while the registration deadline nears, or waiting for a parent's consent;
 *   choose students to remind them, move their dossier to another mentor or archive it (each
 *   refused with its reason where the workflow forbids it), give a whole klas to another mentor,
 *   and download the students shown as CSV for the regional Overstaptafel.
 *
 * One element for both (and not a separate `<ddd-school-overview>`): a decaan may do what a
 * mentor may for any dossier of the school, so opening a dossier from the overview leads to the
 * same deel A / deel B page, editor and actions; the portal embeds one tag for all school staff
 * and the backend's `/me` decides what it shows. See docs/school-overview.md.
 *
 * A dossier shows deel A read-only (printable) beside deel B, the workflow actions and the history.
 *
 * Deel B saves by itself a moment after typing, each section with its own status and error.
 * Unsaved answers are kept on the device (`draftStore`) and put back, with a notice, after a
 * reload or crash. When someone else changed the same question meanwhile (a 409, or a newer
 * copy), the mentor sees both answers and chooses per question; nothing typed is lost.
 *
 * Offline (the browser says so, or a save could not reach the server) a notice says that deel B
 * stays on this device and is saved once the connection is back, and that the workflow actions
 * wait until then; nothing is sent meanwhile.
 *
 * Connect it with `api-base` (+ `token`), the `api` property, or an ancestor `<ddd-context>`.
 *
 * @event ddd-saved - A deel B section was saved; `detail.dossier` is the new version.
 * @event ddd-begeleiding-saved - B1 of a student without a dossier was saved; `detail.begeleiding`.
 * @event ddd-action - A workflow action succeeded; `detail.action`, `detail.dossier` (also per dossier moved or archived from the overview).
 * @event ddd-overview-action - The decaan acted on students from the overview (reminders, moving, archiving, a klas); `detail` is the result per student.
 * @event ddd-error - Loading, saving or an action failed; `detail.error`, `detail.message` (as shown).
 *
 * @csspart base - The outer wrapper.
 * @csspart tab - Each tab of the overviews.
 * @csspart list-item - A dossier card in "Te behandelen".
 * @csspart table - The table of students (school overview, "Mijn leerlingen").
 * @csspart counts - The count of students per step above the table.
 * @csspart dossier - An opened dossier.
 * @csspart begeleiding - The B1 page of a student without a dossier.
 * @csspart actions - The workflow actions.
 * @csspart action - Each action button.
 * @csspart deel-a - The read-only deel A.
 * @csspart answers - The read-only answers (deel A, and deel B sections the mentor cannot change now).
 * @csspart deel-b - The deel B editor.
 * @csspart section - A deel B section.
 * @csspart percent - A percentage bar with its text.
 * @csspart conflicts - The choice per question after someone else changed the same deel B answers.
 * @csspart offline - "Je bent offline…" while the browser is offline or the server cannot be reached.
 * @csspart history - The history list.
 * @csspart notice - Setup and loading messages, and the registration deadline above the overview.
 * @csspart result - What the decaan's last action did, per student.
 *
 * @cssproperty --ddd-color-primary - Buttons, active tab, percentage bars.
 * @cssproperty --ddd-color-text-subtle - Secondary text (meta data, hints).
 * @cssproperty --ddd-color-border - Card and panel borders.
 * @cssproperty --ddd-font-family - Font of the whole element.
 *
 * @tag ddd-mentor-review
 */
export class DddMentorReview extends LitElement {
  static override styles = styles;

  /** The backend; wins over `api-base` and `<ddd-context>`. */
  @property({ attribute: false }) api?: DossierApi;
  /** Base URL of the dossier API, e.g. https://school.example/api/. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Bearer token for `api-base`. */
  @property() token?: string;
  /** Opens this dossier directly instead of the lists. */
  @property({ attribute: 'dossier-id' }) dossierId?: string;
  /** A mentor's list shown first: 'teBehandelen' (default) or 'mijnLeerlingen'. A decaan always gets the school overview. */
  @property() view: MentorView = 'teBehandelen';
  /**
   * The filters the table of students starts with, e.g. `{ state: 'bijMentor', stuckDays: '7' }`
   * for a portal link "at the mentor for more than a week" (see `OverviewFilter`). The person can
   * change them; setting this property again puts these back.
   */
  @property({ attribute: false }) filters?: Partial<OverviewFilter>;
  /** Milliseconds after the last change before deel B saves by itself. */
  @property({ type: Number, attribute: 'autosave-delay' }) autosaveDelay = 1500;
  /**
   * Where unsaved deel B answers are kept on this device until the server has them. Default:
   * IndexedDB (or localStorage) with `api-base`, this page's memory for an `api` object; see `draftStoreFor`.
   */
  @property({ attribute: false }) draftStore?: DraftStore;

  /** @internal */
  @state() private openId?: string;
  /** @internal */
  @state() private begeleidingFor?: StudentOverview;
  /** @internal */
  @state() private begeleiding?: Begeleiding;
  /** @internal */
  @state() private notice?: Notice;
  /** @internal */
  @state() private busyAction?: DossierAction;

  /** @internal */
  private readonly locale = new LocaleController(this);
  /** @internal */
  private readonly connection = new ApiController(this);
  /** @internal */
  private readonly dossier = new DossierController(this, this.connection, () => this.openId);
  /** @internal */
  private readonly feedback = new FeedbackController(this);
  // A failed save shows beside its own section; the page still hears about it.
  /** @internal */
  private readonly editor = new DeelBEditor(this, (error) => void this.report(error));
  // A refused search asks for other words; the SDK's "correct the marked answers" fits no search.
  /** @internal */
  private readonly lists = new MentorLists(this, (error, what) => this.report(error, what === 'search' ? describeSearchError(error, this.locale.lang) : undefined));
  /** @internal Back online: a refusal "you are offline" has had its day (deel B saves by itself, see the editor). */
  private readonly connectivity = new OnlineController(this, (online) => {
    if (online && this.notice?.offline) this.notice = undefined;
  });
  /** @internal */
  private readonly history = new HistoryLoader(
    this,
    () => this.locale.lang,
    () => this.connectivity.reached(),
  );
  /** @internal Filters, sort, selection and the decaan's actions of the table. */
  private readonly overview = new OverviewController(this);
  /** @internal The CSV was downloaded (until the rows shown change). */
  private exported?: ReadonlySet<string>;
  /** @internal */
  private focusTarget?: string;

  /** @internal */
  private readonly t = (key: string, vars?: Record<string, string | number>) => this.locale.t(key, vars);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dossierId')) this.show(this.dossierId);
    if (changed.has('autosaveDelay')) this.editor.autosaveMs = this.autosaveDelay;
    if (changed.has('filters')) this.overview.resetFilters(this.filters);
    const dossier = this.dossier.dossier;
    // Once who is signed in is known: answers kept on the device only come back into sections they may edit.
    const ready = this.connection.me && this.connection.config;
    if (ready && this.openId && dossier?.id === this.openId && this.editor.target?.key !== dossier.id) {
      this.editor.attach(this.dossierTarget(dossier.id), deelBSectionIds);
      void this.history.load(this.connection.api!, dossier.id);
    }
    const api = this.connection.api;
    const me = this.connection.me;
    if (api && !this.openId && !this.begeleidingFor && me?.role === 'mentor') this.lists.ensure(api, this.view);
    if (api && !this.openId && me?.role === 'decaan') {
      this.lists.ensure(api, 'mijnLeerlingen');
      if (me.school) void this.overview.loadMentors(api, me.school.id, this.locale.lang);
    }
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (target) {
      this.focusTarget = undefined;
      focusElement(target);
    }
  }

  protected override render(): TemplateResult {
    // `lang` says which catalogue is shown: Dutch when the page asks for a language not loaded.
    return html`<div class="base" part="base" lang=${this.locale.lang} dir=${this.locale.dir}>${this.renderBody()}</div>`;
  }

  /** @internal */
  private renderBody(): TemplateResult | typeof nothing {
    const lang = this.locale.lang;
    const connection = renderConnection(this.connection, lang);
    if (connection !== nothing) return connection;
    const role = this.connection.me?.role;
    if (role !== 'mentor' && role !== 'decaan') return html`<p class="ddd-notice ddd-notice--error" part="notice">${this.t('mentor.notMentor')}</p>`;
    if (this.openId) return this.renderOpenDossier();
    if (this.begeleidingFor) {
      const offline = renderOffline(this.connectivity.online, this.t('mentor.offline.begeleiding'));
      const student = this.begeleidingFor;
      const page = this.pageOptions(offline, () => void this.openBegeleiding(student));
      return renderBegeleidingPage({ ...page, student, config: this.connection.config!, ...(this.begeleiding ? { record: this.begeleiding } : {}) });
    }
    const lists = this.lists;
    if (role === 'decaan') {
      return html`<h2 class="title" id="overview-title" tabindex="-1">${this.t('overview.title')}</h2>
        ${this.renderOverview('decaan')}`;
    }
    // "Mijn leerlingen" keeps its search above the message: a search the backend refused (too
    // long, say) must stay there to be changed, or the mentor is stuck with it.
    const panel =
      this.view === 'mijnLeerlingen'
        ? this.renderOverview('mentor')
        : lists.error !== undefined
          ? html`<div class="ddd-notice ddd-notice--error" role="alert"><p>${lists.error}</p>${renderSupport(this.connection.config, lang)}</div>`
          : renderTeBehandelen({ items: lists.teBehandelen, loading: lists.loading, lang, t: this.t, open: (id) => this.open(id) });
    return html`<h2 class="title">${this.t('mentor.title')}</h2>
      ${renderTabs({ view: this.view, t: this.t, panel, select: (view, focus) => this.selectView(view, focus) })}`;
  }

  /** @internal */
  private renderOpenDossier(): TemplateResult {
    const { dossier, status } = this.dossier;
    if (!dossier || dossier.id !== this.openId) {
      if (status === 'notFound' || status === 'error') {
        const text = status === 'notFound' ? this.t('mentor.dossier.notFound') : describeError(this.dossier.error, this.locale.lang);
        return html`<div class="ddd-notice ddd-notice--error" role="alert"><p>${text}</p>${renderSupport(this.connection.config, this.locale.lang)}</div>
          <button type="button" class="ddd-button ddd-button--secondary" @click=${() => void this.back()}>${this.t('mentor.dossier.back')}</button>`;
      }
      return html`<p role="status">${this.t('mentor.loadingDossier')}</p>`;
    }
    const lang = this.locale.lang;
    const config = this.connection.config!;
    return renderOpenDossier({
      ...this.pageOptions(renderOffline(this.connectivity.online, this.t('mentor.offline')), () => void this.reload()),
      dossier,
      me: this.connection.me!,
      config,
      ...(this.busyAction ? { busyAction: this.busyAction } : {}),
      history: renderHistory({
        entries: this.history.entries,
        loading: this.history.entries === undefined,
        ...(this.history.error ? { error: this.history.error } : {}),
        lang,
        t: this.t,
        sectionTitle: sectionTitleLookup(buildSections(config), lang, localize),
      }),
      act: (offer) => void this.act(offer),
    });
  }

  // --- the table of students (decaan: the school overview; mentor: "Mijn leerlingen") ---------

  /** @internal */
  private readonly plural = (key: string, count: number, vars?: Record<string, string | number>) => this.locale.plural(key, count, vars);

  /** @internal */
  private get texts(): OverviewTexts {
    return { lang: this.locale.lang, t: this.t, plural: this.plural };
  }

  /** @internal */
  private derived(): Derived {
    return this.overview.derive(this.lists.students, this.connection.me!, new Date(), this.locale.lang);
  }

  /** @internal */
  private renderOverview(role: 'mentor' | 'decaan'): TemplateResult {
    const lang = this.locale.lang;
    const lists = this.lists;
    const overview = this.overview;
    const derived = this.derived();
    const deadline = nextDeadline(this.connection.config!, new Date());
    // The klas and leerjaar options come from the whole list, so a name search keeps them all.
    const klassen = lists.klassen.length > 0 ? lists.klassen : derived.klassen;
    const leerjaren = lists.leerjaren.length > 0 ? lists.leerjaren : derived.leerjaren;
    const options: OverviewViewOptions = {
      role,
      lang,
      t: this.t,
      plural: this.plural,
      loaded: lists.students !== undefined,
      loading: lists.loading,
      ...(lists.error !== undefined ? { error: lists.error } : {}),
      derived: { ...derived, klassen, leerjaren },
      search: lists.filter.q,
      // A new search is a new list: its first page.
      changeSearch: (q, immediately) => {
        overview.goTo(1);
        lists.change({ q }, immediately);
      },
      submitSearch: () => lists.change({}, true),
      filter: overview.filter,
      changeFilter: (change) => overview.changeFilter(change),
      clearFilters: () => overview.clearFilters(),
      sort: overview.sort,
      changeSort: (sort) => overview.changeSort(sort),
      goTo: (page) => overview.goTo(page),
      deadline: { date: new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long' }).format(deadline.date), days: deadline.days },
      open: (row) => row.openable && this.open(row.openable.id),
      // B1 for a student without a dossier of theirs: the mentors of the klas and the decaan keep it (spec §6).
      begeleiding: (row: OverviewRow) => void this.openBegeleiding(row.student),
    };
    if (role === 'decaan') {
      options.selection = { selected: overview.selected, change: (keys, on) => overview.select(keys, on) };
      options.actions = this.renderDecaanActions(derived);
      options.export = renderExport({
        t: this.t,
        plural: this.plural,
        count: derived.shownRows.length,
        done: this.exported === derived.shown,
        download: () => this.exportShown(derived),
      });
    }
    return renderOverview(options);
  }

  /** @internal */
  private renderDecaanActions(derived: Derived): TemplateResult {
    const overview = this.overview;
    const me = this.connection.me!;
    const config = this.connection.config!;
    const selected = overview.selectedRows(derived);
    const context = { config, today: new Date(), ...(overview.mentors ? { schoolRoster: overview.mentors } : {}) };
    const allowed = (action: BulkAction, mentorId?: string) =>
      selected.filter((row) => {
        const decision = row.dossier ? decisionFor(me, action, row, context, mentorId) : undefined;
        return decision?.allowed === true;
      }).length;
    const api = this.connection.api!;
    const schoolId = me.school?.id ?? '';
    return renderSelectionActions({
      t: this.t,
      plural: this.plural,
      selectedCount: selected.length,
      ...(overview.busy ? { busy: overview.busy } : {}),
      ...(overview.mentors ? { mentors: overview.mentors } : {}),
      ...(overview.mentorsError ? { mentorsError: overview.mentorsError } : {}),
      retryMentors: () => overview.retryMentors(api, schoolId, this.locale.lang),
      moveTo: overview.moveTo,
      changeMoveTo: (mentorId) => overview.set({ moveTo: mentorId }),
      allowed: { changeMentor: overview.moveTo ? allowed('changeMentor', overview.moveTo) : 0, archive: allowed('archive') },
      confirmingArchive: overview.confirmingArchive,
      remind: () => void this.overviewAction(() => overview.remind(api, selected, this.texts)),
      move: () =>
        void this.overviewAction(() => overview.actOn(api, 'changeMentor', selected, me, config, this.texts, { mentorId: overview.moveTo, done: this.announce('changeMentor') }), 'changeMentor'),
      archive: () => {
        // Nothing the workflow allows: no question first, the result says why per student.
        if (allowed('archive') === 0) void this.overviewAction(() => overview.actOn(api, 'archive', selected, me, config, this.texts, { done: this.announce('archive') }), 'archive');
        else {
          overview.set({ confirmingArchive: true });
          this.focusTarget = '#ov-archive-confirm-text';
        }
      },
      confirmArchive: (yes) => {
        if (yes) void this.overviewAction(() => overview.actOn(api, 'archive', selected, me, config, this.texts, { done: this.announce('archive') }), 'archive');
        else {
          overview.set({ confirmingArchive: false });
          this.focusTarget = '#ov-archive';
        }
      },
      klas: {
        klassen: this.lists.klassen.length > 0 ? this.lists.klassen : derived.klassen,
        klas: overview.klasToMove,
        mentorId: overview.klasMoveTo,
        change: (change) => overview.set({ ...(change.klas !== undefined ? { klasToMove: change.klas } : {}), ...(change.mentorId !== undefined ? { klasMoveTo: change.mentorId } : {}) }),
        move: () => void this.overviewAction(() => overview.moveKlas(api, schoolId, overview.klasToMove, overview.klasMoveTo, derived.rows, this.texts)),
      },
      ...(overview.result ? { result: overview.result } : {}),
    });
  }

  /** @internal Tells the page about each dossier an overview action changed, as the dossier page does. */
  private announce(action: BulkAction): (dossier: Dossier) => void {
    return (dossier) => {
      emit(this, 'ddd-action', { action, dossier });
      const { api, me } = this.connection;
      dossierBus.publish(dossier, { ...(api ? { client: clientKey(api) } : {}), ...(me ? { actor: actorKey(me) } : {}) });
    };
  }

  /** @internal Runs one of the decaan's actions: online only; afterwards the list is loaded again and focus goes to the result. */
  private async overviewAction(run: () => Promise<boolean>, dossierAction?: BulkAction): Promise<void> {
    if (this.overview.busy) return;
    if (!browserOnline()) {
      this.connectivity.lost();
      this.overview.result = { kind: dossierAction ?? 'remind', serial: Date.now(), entries: [], error: this.t('overview.offline') };
      this.focusTarget = '#ov-result-title';
      this.requestUpdate();
      return;
    }
    const before = this.overview.result;
    await run();
    const result = this.overview.result;
    if (result && result !== before) {
      if (result.error) this.report(this.overview.lastError, result.error);
      const { serial: _serial, ...detail } = result;
      emit(this, 'ddd-overview-action', detail);
    }
    this.lists.invalidate();
    this.focusTarget = '#ov-result-title';
    this.requestUpdate();
  }

  /** @internal Downloads the rows shown, in the order shown, for the regional Overstaptafel. */
  private exportShown(derived: Derived): void {
    const t = this.t;
    const csv = toCsv(
      exportTable(derived.shownRows, {
        header: (column) => t(`overview.csv.${column}`),
        state: (state) => stateText(t, state),
        intake: (status) => localize(intakeLabels[status], this.locale.lang),
      }),
    );
    downloadFile(exportFileName(this.connection.me?.school?.naam, new Date()), csv, 'text/csv;charset=utf-8');
    this.exported = derived.shown;
    this.requestUpdate();
  }

  /** @internal What both deel B pages need from the element. */
  private pageOptions(offline: TemplateResult, reload: () => void): DeelBPageOptions {
    return {
      lang: this.locale.lang,
      t: this.t,
      editor: this.editor,
      feedback: this.feedback,
      offline,
      ...(this.notice ? { notice: this.notice } : {}),
      back: () => void this.back(),
      reload,
      resolve: (choices) => {
        this.focusTarget = `#${idPrefix}-notice`;
        void this.editor.resolve(choices);
      },
    };
  }

  // --- lists ----------------------------------------------------------------------------------

  /** @internal */
  private selectView(view: MentorView, focus: boolean): void {
    this.view = view;
    if (focus) this.focusTarget = `#tab-${view}`;
  }

  // --- dossier --------------------------------------------------------------------------------

  /** @internal */
  private show(id: string | undefined): void {
    this.openId = id;
    this.begeleidingFor = undefined;
    this.begeleiding = undefined;
    this.history.clear();
    this.notice = undefined;
    this.editor.detach();
    this.feedback.reset();
  }

  /** @internal */
  private open(id: string): void {
    this.show(id);
    this.focusTarget = '#dossier-title';
  }

  /** @internal */
  private async back(): Promise<void> {
    if (!(await this.savedAll())) return;
    this.show(undefined);
    this.lists.invalidate();
    this.focusTarget = this.connection.me?.role === 'decaan' ? '#overview-title' : `#tab-${this.view}`;
  }

  /** @internal */
  private dossierTarget(id: string): SaveTarget {
    return {
      key: id,
      saved: (sectionId) => this.dossier.dossier?.answers[sectionId],
      version: () => this.dossier.dossier?.version ?? 0,
      save: async (sectionId, patch, version) => {
        const saved = await this.connection.api!.saveSection(id, sectionId, patch, version);
        this.connectivity.reached();
        this.dossier.replace(saved);
        emit(this, 'ddd-saved', { dossier: saved });
        void this.history.load(this.connection.api!, id);
      },
      reload: () => this.dossier.reload(),
      editable: (sectionId) => {
        const { me, config } = this.connection;
        const dossier = this.dossier.dossier;
        return !!me && !!config && !!dossier && sectionEditState(me, dossier, sectionId as 'advies', { config, today: new Date() }).editable;
      },
    };
  }

  /** @internal */
  private async act(offer: ActionOffer): Promise<void> {
    if (!offer.allowed) {
      // Deel B incomplete: show what is missing, with links to the fields.
      if (offer.refusalCode === 'deelBIncomplete') this.feedback.showAll();
      return;
    }
    if (this.busyAction || !this.dossier.dossier) return;
    if (!browserOnline()) {
      // A workflow step is never queued: it waits for the mentor to choose it again once online.
      this.connectivity.lost();
      this.notice = { kind: 'error', text: this.t('mentor.offlineTry'), offline: true };
      return;
    }
    this.busyAction = offer.action;
    this.notice = undefined;
    try {
      if (!(await this.savedAll())) return;
      const current = this.dossier.dossier;
      const updated = await this.connection.api!.act(current.id, offer.action, undefined, current.version);
      this.connectivity.reached();
      this.dossier.replace(updated);
      this.feedback.reset();
      this.notice = { kind: 'success', text: this.t(`mentor.action.done.${offer.action}`) };
      emit(this, 'ddd-action', { action: offer.action, dossier: updated });
      void this.history.load(this.connection.api!, updated.id);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busyAction = undefined;
    }
  }

  /** @internal Saves deel B before leaving or acting; when a choice is still open, shows it instead. */
  private async savedAll(): Promise<boolean> {
    if (await this.editor.flush()) return true;
    if (this.editor.conflicts().length > 0) {
      this.focusTarget = `#${idPrefix}-conflict-heading`;
      this.requestUpdate();
    }
    return false;
  }

  /** @internal */
  private async reload(): Promise<void> {
    this.notice = undefined;
    await this.dossier.reload();
    this.editor.recheck();
  }

  /** @internal */
  private async openBegeleiding(student: StudentOverview): Promise<void> {
    const api = this.connection.api!;
    const reopening = this.begeleidingFor?.id === student.id;
    if (!reopening) {
      this.show(undefined);
      this.begeleidingFor = student;
      this.focusTarget = '#begeleiding-title';
    }
    this.notice = undefined;
    try {
      this.begeleiding = await api.getBegeleiding(student.id);
      this.connectivity.reached();
      this.editor.attach(
        {
          key: `student:${student.id}`,
          saved: (sectionId) => (sectionId === 'begeleiding' ? this.begeleiding?.answers : undefined),
          version: () => this.begeleiding?.version ?? 0,
          save: async (_sectionId, patch, version) => {
            const saved = await api.saveBegeleiding(student.id, patch, version);
            this.connectivity.reached();
            this.begeleiding = saved;
            this.dispatchEvent(new CustomEvent('ddd-begeleiding-saved', { detail: { begeleiding: saved }, bubbles: true, composed: true }));
          },
          reload: async () => {
            this.begeleiding = await api.getBegeleiding(student.id);
          },
        },
        ['begeleiding'],
      );
      if (reopening) this.editor.recheck();
    } catch (error) {
      this.fail(error);
    }
  }

  /** @internal Tells the page about a failure (and a lost connection to the element); returns the message as shown. */
  private report(error: unknown, message = describeError(error, this.locale.lang)): string {
    if (isNetworkError(error)) this.connectivity.lost();
    emit(this, 'ddd-error', errorDetail(error, message));
    return message;
  }

  /** @internal */
  private fail(error: unknown): void {
    const text = this.report(error);
    // A 409 means the dossier moved on elsewhere (another tab, the student): offer its newest version.
    const conflict = isDossierApiError(error) && (error.kind === 'conflict' || error.status === 409);
    this.notice = { kind: 'error', text, conflict, ...(isNetworkError(error) ? { offline: true } : {}) };
  }
}

const isNetworkError = (error: unknown) => isDossierApiError(error) && error.kind === 'network';
