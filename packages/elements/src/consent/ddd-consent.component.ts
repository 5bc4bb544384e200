import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  buildSections,
  canEdit,
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
import { below, heading, headingLevelOf, type HeadingLevel } from '../shared/heading.js';
import { describeRefusal, LocaleController } from '../shared/i18n.js';
import { fieldStyles, sharedStyles } from '../shared/tokens.js';
import { readOnlyAnswersStyles } from '../shared/read-only-answers.js';
import type { ConsentKey } from './messages.js';
import './messages.js';
import { ConsentDraft, type DraftSection } from './draft.js';
import { ConsentSender } from './sending.js';
import { agreementSaved, chosenProgramme, decide, delenQuestion, formatDay, knownRelation, offers, viewFor } from './state.js';
import { answersGoing, notSharedTitles, renderConfirm, renderDossier, renderFinalSummary, renderGoes, renderNotice, renderOffline, renderSharing, renderSteps } from './views.js';
import type { ConfirmAction } from './views.js';
import { consentStyles } from './ddd-consent.styles.js';
import { focusElement } from '../shared/motion.js';
import { FocusKeeper } from '../shared/focus-keeper.js';

/**
 * @summary The akkoordverklaring: the student (and, when under the consent age, a parent or
 * guardian) decides what goes to the MBO, agrees, and finalizes.
 *
 * The role comes from `api.me()`. A student first sees a short summary and the steps still to
 * take (who does what, by name), then their choices: what always goes (a plain list), what else
 * the MBO may see (every box unticked until they tick it, with what is in it, and "Alles
 * aanvinken"), the dossier itself in collapsible cards, agreeing with it and the permission to
 * send; "Akkoord geven" checks and saves that, then a confirmation shows what goes where.
 * "Afronden" (with a confirmation step) is offered only once it can work. A parent or guardian
 * sees exactly what goes to which MBO, is addressed formally and gives consent with
 * "Toestemming geven"; the relation the dossier already holds is not asked again. An MBO reads an
 * afgerond dossier. Reading is recorded (inzage) as soon as the dossier is on screen. Choices
 * not saved yet stay on the device and come back after a reload.
 * Configure it with `<ddd-context>`, the `api` property, or `api-base` (+ `token`).
 *
 * @event ddd-saved - The akkoordverklaring or the guardian's consent was saved. `detail.dossier` is the new version.
 * @event ddd-action - A workflow action succeeded (`recordInzage`, `finalize`, `backToDeelA`). `detail: { action, dossier }`.
 * @event ddd-error - Loading, saving or an action failed. `detail: { error, message }`; `message` is what the user saw.
 *
 * @csspart notice - Loading, error, success and "not set up" messages.
 * @csspart offline - "Je bent offline…" while the browser is offline or the server cannot be reached.
 * @csspart steps - What still has to happen, step by step, with who does it.
 * @csspart guardian-status - The step of the parent or guardian, as the student sees it.
 * @csspart dossier - The read-only deel A and deel B.
 * @csspart card - One section of the dossier as a collapsible card.
 * @csspart answers - The list of answers inside `dossier`.
 * @csspart form - The student's or guardian's consent form.
 * @csspart sharing - What always and never goes to the MBO.
 * @csspart always - The list of what always goes.
 * @csspart goes - What goes to the MBO under the student's choices (confirmation, parent).
 * @csspart confirmation - The student's saved akkoord: what goes where, "Keuzes wijzigen" and "Afronden".
 * @csspart actions - "Terug naar deel A".
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
   * The level of the element's top heading, 1–6 (default 2: under the portal page's own h1). Set
   * 1 when the element is the page's main content. Headings inside follow one level down.
   */
  @property({ attribute: 'heading-level' }) headingLevel?: string | number;
  /**
   * Where answers typed and not saved yet are kept on this device (put back after a reload, never
   * saved without pressing "Akkoord geven" or "Toestemming geven"). Default: see `draftStoreFor` in shared/drafts.
   */
  @property({ attribute: false }) draftStore?: DraftStore;

  /**
   * Opened by the person just now (e.g. from the dossier form's "Naar je akkoordverklaring"): focus
   * goes to the loading message and then to the title. Without it the title takes focus only when
   * focus had fallen to the page (the button that opened it went away).
   */
  @property({ type: Boolean, attribute: 'focus-on-open' }) focusOnOpen = false;

  /** @internal The student changes a saved akkoord, or the parent their saved consent: the form shows again. */
  @state() private editing = false;
  /** @internal The parent said the name and relation the dossier holds are not right: they fill them in. */
  @state() private identityOpen = false;

  readonly #locale = new LocaleController(this);
  readonly #connection = new ApiController(this);
  readonly #loader = new DossierController(this, this.#connection, () => this.dossierId);
  readonly #feedback = new FeedbackController(this);
  readonly #draft = new ConsentDraft(this, {
    dossier: () => this.#loader.dossier,
    save: (dossierId, sectionId, answers, version) => this.#connection.api!.saveSection(dossierId, sectionId, answers, version),
    restored: () => (this.#sender.notice = { kind: 'success', text: this.#t(this.#connection.me?.role === 'guardian' ? 'consent.restored.guardian' : 'consent.restored') }),
  });
  readonly #sender = new ConsentSender(this, {
    locale: this.#locale,
    connection: this.#connection,
    loader: this.#loader,
    draft: this.#draft,
    focusAfterRender: (selector) => (this.#focusAfterRender = selector),
  });
  #focusAfterRender?: string;
  /** The first view with content was shown: its title took focus if focus had fallen to the page. */
  #arrived = false;
  /** The fields are disabled while sending: focus goes back to the one it was in. */
  // eslint-disable-next-line no-unused-private-class-members -- a controller: constructing it hooks it to this element
  readonly #focusKeeper = new FocusKeeper(this, () => this.#sender.busy !== false);

  /**
   * While something is sent, buttons say so with aria-disabled instead of `disabled`: a disabled
   * button loses focus (to <body> in Chromium), and presses are ignored in `idle` instead.
   */
  get #waiting(): 'true' | typeof nothing {
    return this.#sender.busy !== false ? 'true' : nothing;
  }

  get #idle(): boolean {
    return this.#sender.busy === false;
  }

  get #level(): HeadingLevel {
    return headingLevelOf(this.headingLevel);
  }

  #t(key: ConsentKey | 'common.retry' | (string & {}), vars?: Record<string, string | number>): string {
    return this.#locale.t(key, vars);
  }

  get #language(): string {
    return this.#locale.lang;
  }

  #workflow(config: RegionConfig): WorkflowContext {
    return { config, today: new Date() };
  }

  protected override willUpdate(): void {
    const dossier = this.#loader.dossier;
    const { config, me } = this.#connection;
    if (dossier && config && me && this.#draft.sync(dossier, config, me)) {
      this.#feedback.reset();
      this.editing = false;
      this.identityOpen = false;
    }
  }

  protected override updated(): void {
    this.#sender.recordInzageWhenNeeded();
    // Opened from a button or link that is gone now: focus would fall to <body>. The title takes it, once.
    const title = this.renderRoot.querySelector<HTMLElement>('.title');
    if (!this.#arrived && title && this.#loader.dossier) {
      this.#arrived = true;
      const active = document.activeElement;
      const fellToPage = active === null || active === document.body || (active === this && !this.shadowRoot?.activeElement?.matches('.title'));
      if (!this.#focusAfterRender && (this.focusOnOpen || fellToPage)) this.#focusAfterRender = '.title';
    } else if (!this.#arrived && this.focusOnOpen) {
      // Still loading: focus waits on the loading message, never on <body>.
      const loading = this.renderRoot.querySelector<HTMLElement>('[data-focus-while-loading]');
      if (loading && this.shadowRoot?.activeElement !== loading) focusElement(loading);
    }
    if (this.#focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender);
      this.#focusAfterRender = undefined;
      focusElement(target);
    }
  }

  protected override render() {
    return html`<div class="consent" lang=${this.#language} dir=${this.#locale.dir}>${this.#renderState()}</div>`;
  }

  #renderState(): TemplateResult | typeof nothing {
    if (this.#connection.status !== 'ready') return renderConnection(this.#connection, this.#language);
    if (!this.dossierId) return html`<p class="ddd-notice ddd-notice--error" part="notice">${this.#t('consent.noDossier')}</p>`;
    const { config, me } = this.#connection;
    const dossier = this.#loader.dossier;
    if (this.#loader.status === 'error' || this.#loader.status === 'notFound') {
      // A guardian meets 404 until their consent is needed (and always for a student at or over the consent age).
      const guardianWaits = me?.role === 'guardian' && isDossierApiError(this.#loader.error) && (this.#loader.error.status === 404 || this.#loader.error.reason === 'wrongState');
      if (guardianWaits) return this.#message('consent.titleGuardian', this.#t('consent.notYet.guardian', { age: config?.guardianConsentBelowAge ?? 18 }));
      return html`<div class="ddd-notice ddd-notice--error" part="notice" role="alert">
        <p>${describeRefusal(this.#loader.error, this.#language)}</p>
        ${renderSupport(config, this.#language)}
        <button type="button" part="button" class="ddd-button ddd-button--secondary" @click=${() => this.#loader.reload()}>${this.#t('common.retry')}</button>
      </div>`;
    }
    if (!dossier || !config || !me) return html`<p class="ddd-notice" part="notice" role="status" tabindex="-1" data-focus-while-loading>${this.#t('consent.loading')}</p>`;
    const view = viewFor(me, dossier);
    switch (view) {
      case 'student':
        return this.#renderStudent(dossier, config, me);
      case 'guardian':
        return this.#renderGuardian(dossier, config, me);
      case 'final':
        return this.#renderFinal(dossier, config);
      case 'wrongRole':
        return this.#message('consent.title', this.#t('consent.wrongRole'));
      case 'mboNotFinal':
        return this.#message('consent.title', this.#t('consent.mboNotFinal'));
      case 'archived':
        return this.#message('consent.title', this.#t('consent.archived'));
      case 'notYet': {
        const key = me.role === 'guardian' ? 'consent.notYet.guardian' : dossier.status === 'concept' ? 'consent.notYet.concept' : 'consent.notYet.mentor';
        return this.#message('consent.title', this.#t(key, { age: config.guardianConsentBelowAge }));
      }
    }
  }

  #titleHeading(text: string): TemplateResult {
    return heading(this.#level, text, { class: 'title', tabindex: -1 });
  }

  #message(title: ConsentKey, text: string): TemplateResult {
    return html`${this.#titleHeading(this.#t(title))}
      ${this.#renderNotice()}
      <p class="ddd-notice" part="notice">${text}</p>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    return renderNotice(this.#sender.notice);
  }

  // --- the dossier, read-only ----------------------------------------------------------------

  #renderInzage(dossier: Dossier, me: Actor): TemplateResult {
    const seen = dossier.inzage.find((i) => i.role === me.role && i.person.id === me.person.id);
    const formal = me.role === 'guardian' ? '.guardian' : '';
    return html`<p class="inzage">${seen ? this.#t(`consent.inzageSaved${formal}`, { date: formatDay(seen.at, this.#language) }) : this.#t(`consent.inzageSaving${formal}`)}</p>`;
  }

  // --- the student ---------------------------------------------------------------------------

  #renderStudent(dossier: Dossier, config: RegionConfig, me: Actor): TemplateResult {
    const lang = this.#language;
    const level = this.#level;
    const sections = buildSections(config, dossier.type);
    const section = sections.find((s) => s.id === 'akkoordverklaring')!;
    const context = conditionContext(dossier, config, new Date());
    const workflow = this.#workflow(config);
    const back = decide(me, 'backToDeelA', dossier, workflow);
    const finalize = decide(me, 'finalize', dossier, workflow);
    const agreed = agreementSaved(dossier);
    const guardianNeeded = guardianConsentNeeded(dossier, config, new Date());
    const keuze = chosenProgramme(dossier);
    const showForm = !agreed || this.editing;
    return html`${this.#titleHeading(this.#t('consent.title'))}
      <p class="intro">${keuze?.opleiding ? this.#t('consent.summary', { opleiding: keuze.opleiding, school: keuze.school }) : this.#t('consent.summaryNoChoice')}</p>
      ${renderSteps(dossier, config, { lang, level: below(level, 1), agreed: agreed && !this.editing, canFinalize: finalize.allowed && !this.editing, guardianNeeded })}
      ${this.#renderNotice()}
      ${showForm ? this.#renderStudentForm(dossier, config, section, context) : this.#renderAgreed(dossier, config, me, finalize.allowed)}
      ${this.#renderInzage(dossier, me)}
      ${
        offers(back)
          ? html`<section class="panel actions" part="actions" aria-labelledby="actions-title">
            ${heading(below(level, 1), this.#t('consent.back.title'), { id: 'actions-title', class: 'panel__title' })}
            <p>${this.#t('consent.backToDeelAIntro')}</p>
            <button type="button" part="button" class="ddd-button ddd-button--secondary" id="backToDeelA" aria-disabled=${this.#waiting}
              aria-expanded=${this.#sender.confirming === 'backToDeelA' ? 'true' : 'false'} @click=${() => this.#idle && this.#sender.ask('backToDeelA')}>
              ${this.#t('consent.backToDeelA')}
            </button>
            ${this.#sender.confirming === 'backToDeelA' ? this.#renderConfirm('backToDeelA') : nothing}
          </section>`
          : nothing
      }`;
  }

  #renderStudentForm(dossier: Dossier, config: RegionConfig, section: SectionDefinition, context: FieldsOptions['context']): TemplateResult {
    const lang = this.#language;
    const level = this.#level;
    const errors = validateSection(section, this.#draft.answers, context);
    const fields = this.#fieldsOptions(context, errors, 'ak');
    const only = (...ids: string[]) => section.questions.filter((q) => ids.includes(q.id));
    const delen = delenQuestion(buildSections(config, dossier.type));
    const offered = delen?.options.map((o) => String(o.value)) ?? [];
    const ticked = Array.isArray(this.#draft.answers['delen']) ? (this.#draft.answers['delen'] as ReadonlyArray<string>) : [];
    const allTicked = offered.length > 0 && offered.every((id) => ticked.includes(id));
    const toggleAll = () => {
      if (!this.#idle) return;
      this.#draft.input('delen', allTicked ? [] : [...offered]);
      this.#feedback.changed('delen');
    };
    return html`${renderErrorSummary({ errors: this.#summaryErrors(errors), lang, focusKey: this.#feedback.attempt, idPrefix: 'ak', headingLevel: below(level, 1) })}
      <form class="panel" part="form" aria-labelledby="form-title" novalidate @submit=${(e: Event) => void this.#onAgree(e, section, context)}>
        ${heading(below(level, 1), this.#t('consent.yourConsent'), { id: 'form-title', class: 'panel__title' })}
        ${renderOffline(this.#sender.online, this.#t('consent.offline'))}
        ${renderSharing(dossier, config, lang, below(level, 2))}
        ${
          offered.length > 0
            ? html`<div class="choices">
              ${renderQuestions(only('delen'), this.#draft.answers, { ...fields, optionalSection: true })}
              <button type="button" part="button" class="ddd-button ddd-button--secondary select-all" aria-disabled=${this.#waiting} @click=${toggleAll}>
                ${allTicked ? this.#t('consent.selectNone') : this.#t('consent.selectAll')}
              </button>
            </div>`
            : nothing
        }
        ${heading(below(level, 2), this.#t('consent.dossierTitle'), { class: 'dossier__title' })}
        <p class="read-intro">${this.#t('consent.readIntro')}</p>
        ${renderDossier(dossier, config, { lang, level: below(level, 3), mode: 'cards', chosen: new Set(ticked) })}
        ${renderQuestions(only('akkoord', 'redenNietAkkoord'), this.#draft.answers, fields)}
        ${renderQuestions(only('toestemming'), this.#draft.answers, fields)}
        ${renderQuestions(
          section.questions.filter((q) => !['akkoord', 'redenNietAkkoord', 'delen', 'toestemming'].includes(q.id)),
          this.#draft.answers,
          fields,
        )}
        <button type="submit" part="button" class="ddd-button agree" aria-disabled=${this.#waiting}>
          ${this.#sender.busy === 'save' ? this.#t('consent.saving') : this.#t('consent.agree')}
        </button>
      </form>`;
  }

  /** The saved akkoord: what goes where, the way to change it, and "Afronden" once it can work. */
  #renderAgreed(dossier: Dossier, config: RegionConfig, me: Actor, canFinalize: boolean): TemplateResult {
    const lang = this.#language;
    const level = this.#level;
    const keuze = chosenProgramme(dossier);
    const notShared = notSharedTitles(dossier, config, lang);
    const record = consentRecord(dossier, config);
    return html`<section class="panel confirmation" part="confirmation" aria-labelledby="confirmation-title">
      ${heading(below(level, 1), this.#t('consent.agreed.title'), { id: 'confirmation-title', class: 'panel__title', tabindex: -1 })}
      <p>${keuze ? this.#t('consent.agreed.goes', { school: keuze.school }) : this.#t('consent.agreed.goesNoChoice')}</p>
      ${renderGoes(dossier, config, lang)}
      ${notShared.length > 0 ? html`<p>${this.#t('consent.agreed.notShared', { parts: notShared.join(', ') })}</p>` : nothing}
      ${record.akkoord === 'nee' ? html`<p>${this.#t('consent.agreed.notAgreed')}</p>` : nothing}
      <button type="button" part="button" class="ddd-button ddd-button--secondary" id="change" aria-disabled=${this.#waiting} @click=${() => this.#idle && this.#startEditing()}>
        ${this.#t('consent.change')}
      </button>
      ${
        canFinalize
          ? html`<div class="finalize">
            <p>${keuze ? this.#t('consent.finalizeIntro', { school: keuze.school }) : this.#t('consent.finalizeIntroNoChoice')}</p>
            <button type="button" part="button" class="ddd-button" id="finalize" aria-disabled=${this.#waiting}
              aria-expanded=${this.#sender.confirming === 'finalize' ? 'true' : 'false'} @click=${() => this.#idle && this.#askFinalize(dossier, me)}>
              ${this.#t('consent.finalize')}
            </button>
            ${this.#sender.confirming === 'finalize' ? this.#renderConfirm('finalize') : nothing}
          </div>`
          : nothing
      }
    </section>`;
  }

  #startEditing(): void {
    this.editing = true;
    this.#sender.notice = undefined;
    this.#focusAfterRender = '#form-title';
  }

  #renderConfirm(action: ConfirmAction): TemplateResult {
    return renderConfirm({
      action,
      lang: this.#language,
      level: below(this.#level, 2),
      busy: this.#sender.busy === action,
      disabled: this.#sender.busy !== false,
      onConfirm: () => {
        if (this.#idle) void this.#sender.perform(action);
      },
      onCancel: () => {
        if (this.#idle) this.#sender.cancelConfirm();
      },
    });
  }

  // --- the guardian --------------------------------------------------------------------------

  #renderGuardian(dossier: Dossier, config: RegionConfig, me: Actor): TemplateResult {
    const lang = this.#language;
    const level = this.#level;
    const section = buildSections(config, dossier.type).find((s) => s.id === 'ouderToestemming')!;
    const context = conditionContext(dossier, config, new Date());
    const naam = dossier.student.naam;
    if (!context.guardianConsentNeeded) {
      return html`${this.#titleHeading(this.#t('consent.titleGuardian'))}
        ${this.#renderInzage(dossier, me)}
        <p class="ddd-notice" part="notice">${this.#t('consent.guardian.notNeeded', { naam, age: config.guardianConsentBelowAge })}</p>
        ${renderDossier(dossier, config, { lang, level: below(level, 1), mode: 'cards' })}`;
    }
    const record = consentRecord(dossier, config);
    const keuze = chosenProgramme(dossier);
    const school = keuze?.school;
    const chosen = Array.isArray(dossier.answers['akkoordverklaring']?.['delen']);
    const given = record.guardian?.toestemming === true;
    // The parent consents to what the student declared and chose: that comes first (the workflow says why not yet).
    const edit = canEdit(me, dossier, 'ouderToestemming', this.#workflow(config));
    return html`${this.#titleHeading(this.#t('consent.titleGuardian'))}
      <p class="intro">
        ${school ? this.#t('consent.guardian.intro', { naam, school, age: config.guardianConsentBelowAge }) : this.#t('consent.guardian.introNoChoice', { naam, age: config.guardianConsentBelowAge })}
      </p>
      <section class="panel goes-panel" aria-labelledby="goes-title">
        ${heading(below(level, 1), school ? this.#t('consent.guardian.goesTitle', { school }) : this.#t('consent.guardian.goesTitleNoChoice'), { id: 'goes-title', class: 'panel__title' })}
        <p>${this.#t(chosen ? 'consent.guardian.goesChosen' : 'consent.guardian.goesNotChosen', { naam })}</p>
        ${renderGoes(dossier, config, lang, { formal: true })}
      </section>
      ${this.#renderNotice()}
      ${
        given && !this.editing
          ? html`<section class="panel confirmation" part="confirmation" aria-labelledby="confirmation-title">
            ${heading(below(level, 1), this.#t('consent.guardian.yourConsent'), { id: 'confirmation-title', class: 'panel__title', tabindex: -1 })}
            <p class="ddd-notice ddd-notice--success" part="notice">${this.#t('consent.guardian.done', { naam, date: formatDay(record.guardian!.datum, lang) })}</p>
            <button type="button" part="button" class="ddd-button ddd-button--secondary" id="change" aria-disabled=${this.#waiting} @click=${() => this.#idle && this.#startEditing()}>
              ${this.#t('consent.guardian.change')}
            </button>
          </section>`
          : edit.allowed
            ? this.#renderGuardianForm(dossier, section, context, me)
            : html`<p class="ddd-notice" part="notice">${localize(edit.refusal.message, lang)}</p>`
      }
      ${heading(below(level, 1), this.#t('consent.guardian.readTitle'), { class: 'dossier__title' })}
      <p class="read-intro">${this.#t('consent.readIntro.guardian')}</p>
      ${renderDossier(dossier, config, { lang, level: below(level, 2), mode: 'cards', answers: answersGoing(dossier, config) })}
      ${this.#renderInzage(dossier, me)}`;
  }

  #renderGuardianForm(dossier: Dossier, section: SectionDefinition, context: FieldsOptions['context'], me: Actor): TemplateResult {
    const lang = this.#language;
    const errors = validateSection(section, this.#draft.answers, context);
    const fields = this.#fieldsOptions(context, errors, 'og');
    // The date is the server's day of consent, never typed in.
    const questions = section.questions.filter((q) => q.id !== 'datum');
    const known = knownRelation(dossier, me.person.naam);
    const naam = this.#draft.answers['naam'];
    const relatie = this.#draft.answers['relatie'];
    // The dossier already says who this is (A2): no need to ask the name and relation again.
    const identityKnown = !this.identityOpen && known !== undefined && naam === me.person.naam && relatie === known && !this.#feedback.showingAll;
    const relatieQuestion = questions.find((q) => q.id === 'relatie');
    const relatieLabel = relatieQuestion && 'options' in relatieQuestion ? localize(relatieQuestion.options.find((o) => o.value === known)?.label, lang).toLocaleLowerCase(lang) : String(known ?? '');
    const asked = identityKnown ? questions.filter((q) => q.id !== 'naam' && q.id !== 'relatie') : questions;
    return html`${renderErrorSummary({ errors: this.#summaryErrors(errors), lang, focusKey: this.#feedback.attempt, idPrefix: 'og', headingLevel: below(this.#level, 1) })}
      <form class="panel" part="form" aria-labelledby="form-title" novalidate @submit=${(e: Event) => void this.#onConsent(e, section, context)}>
        ${heading(below(this.#level, 1), this.#t('consent.guardian.yourConsent'), { id: 'form-title', class: 'panel__title' })}
        ${renderOffline(this.#sender.online, this.#t('consent.offline.guardian'))}
        ${
          identityKnown
            ? html`<p class="identity">
              ${this.#t('consent.guardian.as', { naam: me.person.naam, relatie: relatieLabel })}
              <button type="button" class="link-button" id="not-you" @click=${() => this.#openIdentity()}>${this.#t('consent.guardian.notYou')}</button>
            </p>`
            : nothing
        }
        ${renderQuestions(asked, this.#draft.answers, fields)}
        <button type="submit" part="button" class="ddd-button" aria-disabled=${this.#waiting}>
          ${this.#sender.busy === 'save' ? this.#t('consent.saving') : this.#t('consent.guardian.give')}
        </button>
      </form>`;
  }

  #openIdentity(): void {
    this.identityOpen = true;
    this.#focusAfterRender = '#og-naam';
  }

  // --- afgerond --------------------------------------------------------------------------------

  #renderFinal(dossier: Dossier, config: RegionConfig): TemplateResult {
    // Guardians and MBO staff read someone else's dossier: "Je dossier" would address the wrong person.
    const title = this.#connection.me?.role === 'student' ? this.#t('consent.titleFinal') : this.#t('consent.titleFinalOf', { naam: dossier.student.naam });
    // The MBO reads what it received, as it is: no list of what was not shared, no empty answers
    // or an empty deel B that could stand for a part the student kept back (spec §6).
    const mbo = this.#connection.me?.role === 'mbo';
    return html`${this.#titleHeading(title)}
      ${this.#renderNotice()}
      <p class="intro">
        ${dossier.finalizedAt ? this.#t('consent.final.intro', { date: formatDay(dossier.finalizedAt, this.#language) }) : this.#t('consent.final.introNoDate')}
      </p>
      <button type="button" part="button" class="ddd-button ddd-button--secondary print-button" @click=${() => window.print()}>${this.#t('consent.print')}</button>
      ${renderFinalSummary(dossier, config, this.#language, below(this.#level, 1), { sharing: !mbo })}
      ${renderDossier(dossier, config, { lang: this.#language, level: below(this.#level, 1), mode: 'full', ...(mbo ? { answers: dossier.answers } : {}) })}`;
  }

  // --- behaviour -------------------------------------------------------------------------------

  #fieldsOptions(context: FieldsOptions['context'], errors: FieldError[], idPrefix: string): FieldsOptions {
    return {
      lang: this.#language,
      context,
      idPrefix,
      disabled: this.#sender.busy !== false,
      errorFor: (path) => this.#feedback.message(path, errors, this.#language),
      onInput: (path, value: AnswerValue | undefined) => {
        this.#draft.input(path, value);
        this.#feedback.changed(path);
        if (this.#sender.notice?.kind === 'success') this.#sender.notice = undefined;
      },
      onBlur: (path) => this.#feedback.left(path),
    };
  }

  #summaryErrors(errors: FieldError[]) {
    return this.#feedback.showingAll ? errors.map((e) => ({ path: e.path, message: localize(e.message, this.#language) })) : [];
  }

  /** "Akkoord geven": check, then save the student's choices (also "nothing ticked") and show what goes where. */
  async #onAgree(event: Event, section: SectionDefinition, context: FieldsOptions['context']): Promise<void> {
    event.preventDefault();
    if (!this.#idle) return;
    // Ticking nothing is a choice too: it is saved, so the record says so.
    if (!Array.isArray(this.#draft.answers['delen'])) this.#draft.input('delen', []);
    if (validateSection(section, this.#draft.answers, context).length > 0) {
      this.#feedback.showAll();
      return;
    }
    await this.#save('akkoordverklaring');
  }

  /** "Toestemming geven": the parent's consent is one statement, checked before it is saved. */
  async #onConsent(event: Event, section: SectionDefinition, context: FieldsOptions['context']): Promise<void> {
    event.preventDefault();
    if (!this.#idle) return;
    if (validateSection(section, this.#draft.answers, context).length > 0) {
      this.identityOpen = true;
      this.#feedback.showAll();
      return;
    }
    await this.#save('ouderToestemming');
  }

  /** Saves the draft; once saved, the confirmation shows what was given and takes focus. */
  async #save(sectionId: DraftSection): Promise<Dossier | undefined> {
    const saved = await this.#sender.save(sectionId);
    if (saved) {
      this.editing = false;
      this.identityOpen = false;
      this.#focusAfterRender = '#confirmation-title';
      this.#feedback.reset();
      this.#sender.notice = { kind: 'success', text: this.#t('consent.saved') };
      this.requestUpdate();
    }
    return saved;
  }

  #askFinalize(dossier: Dossier, me: Actor): void {
    const decision = decide(me, 'finalize', dossier, this.#workflow(this.#connection.config!));
    if (!decision.allowed) {
      this.#sender.refuse(localize(decision.refusal.message, this.#language));
      return;
    }
    this.#sender.ask('finalize');
  }
}
