import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  buildSections,
  completion,
  defaultRegionConfig,
  localize,
  type Dossier,
  type DossierApi,
  type DossierCompletion,
  type DossierStatus,
  type RegionConfig,
  type SectionDefinition,
} from '@doorstroom/sdk';
import { ApiController, DossierController, renderConnection } from '../shared/api.js';
import { describeError, LocaleController, type MessageKey } from '../shared/i18n.js';
import { sharedStyles } from '../shared/tokens.js';
import { styleProperties } from '../shared/style-properties.js';
import { progressStyles } from './ddd-progress.styles.js';

type StepId = 'deelA' | 'mentor' | 'akkoord' | 'afgerond';

const stepOfStatus: Record<DossierStatus, StepId> = {
  concept: 'deelA',
  bijMentor: 'mentor',
  deelB: 'mentor',
  akkoord: 'akkoord',
  afgerond: 'afgerond',
};

/** The steps a dossier of this type goes through; mbo-mbo and werk-mbo have no mentor part. */
export function stepsFor(type: Dossier['type']): StepId[] {
  return type === 'vo-mbo' ? ['deelA', 'mentor', 'akkoord', 'afgerond'] : ['deelA', 'akkoord', 'afgerond'];
}

/**
 * @summary Where a dossier stands: the steps (Deel A → Mentor → Akkoord → Afgerond) and how far
 * each section is filled in.
 *
 * Loads the dossier named by `dossier-id` (through `<ddd-context>`, `api` or `api-base`), or shows
 * the `dossier` property. Follows saves made by other elements on the page (`dossierBus`).
 * Deel B sections show only when the viewer may see them (the backend leaves them out otherwise).
 *
 * @event ddd-error - Loading failed (an expired token, a dossier that is not there, no connection). `detail: { error, message, kind, during, cause?, status? }`; `message` is what the element showed.
 *
 * @csspart stepper - The list of steps.
 * @csspart step - One step; also `step-done`, `step-current` or `step-upcoming`.
 * @csspart overall - The overall percentage and its bar.
 * @csspart section - One section's row.
 * @csspart bar - A progress bar (overall and per section).
 * @csspart bar-fill - The filled part of a bar.
 * @csspart notice - Loading, error and "not set up" messages.
 *
 * @cssproperty --ddd-progress-bar-height - Height of the bars. Default 0.75rem.
 * @cssproperty --ddd-progress-bar-color - Fill of a bar in progress. Default --ddd-color-primary.
 * @cssproperty --ddd-progress-complete-color - Fill of a complete bar and of done steps. Default --ddd-color-success.
 * @cssproperty --ddd-progress-track-color - The empty part of a bar. Default #dcdcdc.
 * @cssproperty --ddd-progress-step-size - Diameter of a step's marker. Default 2rem.
 *
 * @tag ddd-progress
 */
export class DddProgress extends LitElement {
  static override styles = [sharedStyles, progressStyles];

  /** The dossier to load. */
  @property({ attribute: 'dossier-id' }) dossierId?: string;
  /** A dossier to show as is (no loading); wins over `dossier-id`. */
  @property({ attribute: false }) dossier?: Dossier;
  /** Only the steps and the overall percentage, for dashboards. */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** Any `DossierApi`; wins over `<ddd-context>` and `api-base`. */
  @property({ attribute: false }) api?: DossierApi;
  /** Base URL of the backend's HTTP API, when not inside a `<ddd-context>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Bearer token for `api-base`. */
  @property() token?: string;
  /** Region config for a `dossier` shown without any backend; defaults to the standard config. */
  @property({ attribute: false }) config?: RegionConfig;

  readonly #locale = new LocaleController(this);
  readonly #connection = new ApiController(this, { me: false });
  readonly #loader = new DossierController(this, this.#connection, () => (this.dossier ? undefined : this.dossierId));

  #t(key: MessageKey, vars?: Record<string, string | number>): string {
    return this.#locale.t(key, vars);
  }

  protected override render() {
    const lang = this.#locale.lang;
    return html`<div class="progress" lang=${lang} dir=${this.#locale.dir}>${this.#renderState()}</div>`;
  }

  #renderState(): TemplateResult | typeof nothing {
    const lang = this.#locale.lang;
    const config = this.config ?? this.#connection.config ?? (this.#connection.status === 'missing' ? defaultRegionConfig : undefined);
    if (this.dossier) return config ? this.#renderDossier(this.dossier, config) : renderConnection(this.#connection, lang);
    if (this.#connection.status !== 'ready') return renderConnection(this.#connection, lang);
    if (!this.dossierId) return this.#notice(this.#t('progress.noDossier'), 'error');
    const dossier = this.#loader.dossier;
    switch (this.#loader.status) {
      case 'notFound':
        return this.#notice(this.#t('progress.notFound'), 'error');
      case 'error':
        return html`<div class="ddd-notice ddd-notice--error" part="notice" role="alert">
          <p>${describeError(this.#loader.error, lang)}</p>
          <button type="button" class="ddd-button ddd-button--secondary" @click=${() => this.#loader.reload()}>${this.#t('common.retry')}</button>
        </div>`;
      default:
        return dossier && config ? this.#renderDossier(dossier, config) : this.#notice(this.#t('progress.loading'), 'status');
    }
  }

  #notice(text: string, kind: 'status' | 'error'): TemplateResult {
    return kind === 'status' ? html`<p class="ddd-notice" part="notice" role="status">${text}</p>` : html`<p class="ddd-notice ddd-notice--error" part="notice">${text}</p>`;
  }

  #renderDossier(dossier: Dossier, config: RegionConfig): TemplateResult {
    const result = completion(dossier, config);
    const sections = buildSections(config, dossier.type);
    const partA = sections.filter((s) => s.part === 'A');
    // The backend leaves out sections the viewer may not see: deel B stays hidden until then.
    const partB = sections.filter((s) => s.part === 'B' && dossier.answers[s.id] !== undefined);
    const overall = partB.length > 0 ? result.overall : result.partA.percent;
    return html`<div role="group" aria-label=${this.#t('progress.title')}>
      ${this.#renderStepper(dossier)}
      ${dossier.archived ? html`<p class="archived">${this.#t('progress.archived')}</p>` : nothing}
      <div class="overall" part="overall">
        <span class="overall__label" id="overall-label">${this.#t('progress.overall')}</span>
        <span class="overall__percent" aria-hidden="true">${this.#t('progress.percent', { percent: overall })}</span>
        ${this.#renderBar(overall, 'overall-label', overall === 100 ? 'complete' : 'inProgress')}
      </div>
      ${
        this.compact
          ? nothing
          : html`${this.#renderPart(this.#t('progress.partA'), partA, result, 'a')}
          ${partB.length > 0 ? this.#renderPart(this.#t('progress.partB'), partB, result, 'b') : nothing}`
      }
    </div>`;
  }

  #renderStepper(dossier: Dossier): TemplateResult {
    const steps = stepsFor(dossier.type);
    const finished = dossier.status === 'afgerond';
    const current = Math.max(0, steps.indexOf(stepOfStatus[dossier.status]));
    return html`<ol class="stepper" part="stepper" aria-label=${this.#t('progress.steps')}>
      ${steps.map((step, index) => {
        const state = finished || index < current ? 'done' : index === current ? 'current' : 'upcoming';
        const isCurrent = index === current;
        return html`<li class="step step--${state} ${isCurrent ? 'step--here' : ''}" part="step step-${state}" aria-current=${isCurrent ? 'step' : nothing}>
          <span class="step__marker" aria-hidden="true">${state === 'done' ? '✓' : index + 1}</span>
          <span class="step__label">${this.#t(`progress.step.${step}`)}</span>
          <span class="ddd-visually-hidden">(${this.#t(`progress.stepState.${isCurrent && !finished ? 'current' : state}`)})</span>
        </li>`;
      })}
    </ol>`;
  }

  #renderPart(title: string, sections: ReadonlyArray<SectionDefinition>, result: DossierCompletion, key: string): TemplateResult {
    const headingId = `part-${key}`;
    return html`<div class="part">
      <p class="part__title" id=${headingId}>${title}</p>
      <ul class="sections" aria-labelledby=${headingId}>
        ${sections.map((section) => {
          const done = result.sections[section.id];
          if (!done) return nothing;
          const status = this.#t(`sectionStatus.${done.status}`);
          const labelId = `section-${section.id}`;
          return html`<li class="section section--${done.status}" part="section" data-section=${section.id}>
            <span class="section__title" id=${labelId}>${localize(section.title, this.#locale.lang)}</span>
            <span class="section__status">${status}</span>
            <span class="section__percent" aria-hidden="true">${this.#t('progress.percent', { percent: done.percent })}</span>
            ${this.#renderBar(done.percent, labelId, done.status, status)}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderBar(percent: number, labelledBy: string, status: string, statusText?: string): TemplateResult {
    return html`<div
      class="bar bar--${status}"
      part="bar"
      role="progressbar"
      aria-labelledby=${labelledBy}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
      aria-valuetext=${statusText ? this.#t('progress.barText', { percent, status: statusText }) : this.#t('progress.percent', { percent })}
    >
      <div class="bar__fill" part="bar-fill" ${styleProperties({ 'inline-size': `${percent}%` })}></div>
    </div>`;
  }
}
