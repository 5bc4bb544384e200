/**
 * A7 Vervolgkeuze: instelling and opleiding as comboboxes over the catalogue, then locatie as a
 * choice list of the places that give that opleiding (grouped by city), a summary to confirm, and
 * the registration deadline.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  offeredAt,
  type DossierApi,
  type Localized,
  type Location,
  type Programme,
  type Question,
  type ReferenceAnswer,
  type RegionConfig,
  type SectionAnswers,
  type SectionDefinition,
} from '@doorstroom/sdk';
import { catalogSearch } from '../shared/catalog.js';
import { below, heading, type HeadingLevel } from '../shared/heading.js';
import { fieldId, renderField, renderQuestions, type FieldsOptions } from '../shared/fields.js';
import type { MessageVars } from '../shared/i18n.js';
import type { FormMessageKey } from './messages.js';
import { chosenBrin, choiceKeys, deadlineText, locationAnswer } from './state.js';

type LocationsLoad = { status: 'loading' | 'ready' | 'error'; items: Location[]; error?: unknown };
type ProgrammesLoad = { status: 'loading' | 'ready' | 'error'; items: Programme[]; error?: unknown };
type Load<T> = { status: 'loading' | 'ready' | 'error'; items: T[]; error?: unknown };

/** Locations and programmes per instelling, loaded once per api and BRIN. */
export class LocationLookup implements ReactiveController {
  private readonly locationCache = new WeakMap<DossierApi, Map<string, LocationsLoad>>();
  private readonly programmeCache = new WeakMap<DossierApi, Map<string, ProgrammesLoad>>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get(api: DossierApi, brin: string): LocationsLoad {
    return this.lookup(this.locationCache, api, brin, () => api.locations(brin));
  }

  /**
   * The programmes of the instelling found by `name` (the chosen one's label: a catalogue answers a
   * search with a limited list, so the chosen programme is looked up by its own name): which
   * locations give it.
   */
  programmes(api: DossierApi, brin: string, name: string): ProgrammesLoad {
    return this.lookup(this.programmeCache, api, `${brin}\u0000${name}`, () => api.programmes(brin, name));
  }

  retry(api: DossierApi, brin: string): void {
    this.locationCache.get(api)?.delete(brin);
    const programmes = this.programmeCache.get(api);
    for (const key of [...(programmes?.keys() ?? [])]) if (key.startsWith(`${brin}\u0000`)) programmes!.delete(key);
    this.host.requestUpdate();
  }

  private lookup<T>(cache: WeakMap<DossierApi, Map<string, Load<T>>>, api: DossierApi, key: string, fetch: () => Promise<T[]>): Load<T> {
    let perApi = cache.get(api);
    if (!perApi) cache.set(api, (perApi = new Map()));
    const known = perApi.get(key);
    if (known && known.status !== 'error') return known;
    const loading: Load<T> = known ?? { status: 'loading', items: [] };
    if (!known) {
      perApi.set(key, loading);
      void this.load(perApi, key, fetch);
    }
    return loading;
  }

  private async load<T>(perApi: Map<string, Load<T>>, key: string, fetch: () => Promise<T[]>): Promise<void> {
    try {
      perApi.set(key, { status: 'ready', items: await fetch() });
    } catch (error) {
      perApi.set(key, { status: 'error', items: [], error });
    }
    this.host.requestUpdate();
  }
}

/** What A7 reads from the form. */
export interface ChoiceViewOptions {
  readonly lang: string;
  /** The locale for Intl (sorting the cities). */
  readonly intl: string;
  readonly level: HeadingLevel;
  readonly config?: RegionConfig;
  readonly locations: Pick<LocationLookup, 'get' | 'programmes' | 'retry'>;
  t(key: FormMessageKey | (string & {}), vars?: MessageVars): string;
  localize(value: Localized | undefined): string;
  /** A refusal's own message when the backend names one, else the SDK's user message. */
  messageFor(error: unknown): string;
  /** The configured backend (throws when there is none). */
  requireApi(): DossierApi;
}

function describeProgramme(host: ChoiceViewOptions, p: Pick<Programme, 'crebo' | 'niveau' | 'leerweg' | 'cohort'>): string {
  return [
    host.t('form.choice.crebo', { crebo: p.crebo }),
    host.t('form.choice.niveau', { niveau: p.niveau }),
    host.t(`form.choice.${p.leerweg}`),
    host.t('form.choice.cohort', { cohort: p.cohort }),
  ].join(' · ');
}

/**
 * A7 in the order a student thinks: the mbo-school, then the opleiding (what BOL, BBL and crebo
 * mean is said right there), then where: the locations that give that opleiding, by city.
 */
export function renderChoiceSection(host: ChoiceViewOptions, section: SectionDefinition, answers: SectionAnswers, options: FieldsOptions): TemplateResult {
  const api = host.requireApi();
  const lang = host.lang;
  const question = (id: string) => section.questions.find((q) => q.id === id);
  const brin = chosenBrin(answers);
  const locatie = answers['locatie'] as ReferenceAnswer | null | undefined;
  const opleiding = answers['opleiding'] as ReferenceAnswer | null | undefined;
  const search = catalogSearch(api, lang);
  const field = (q: Question | undefined) =>
    q
      ? renderField({
          question: q,
          value: answers[q.id],
          lang,
          error: options.errorFor(q.id),
          onInput: (value) => options.onInput(q.id, value),
          onBlur: () => options.onBlur(q.id),
          id: fieldId(q.id),
          required: q.required,
          ...(q.kind === 'reference' ? { search: (query: string) => search(q, query, answers) } : {}),
        })
      : nothing;
  const extra = section.questions.filter((q) => !(choiceKeys as ReadonlyArray<string>).includes(q.id));
  const config = host.config!;
  return html`
    <p class="ddd-notice deadline">${deadlineText(config, lang, (date) => host.t('form.choice.deadline', { date }))}</p>
    ${field(question('instelling'))}
    ${brin ? field(question('opleiding')) : nothing}
    ${brin && opleiding ? renderLocations(host, question('locatie'), brin, opleiding, locatie, options) : nothing}
    ${opleiding && answers['instelling'] ? renderSummary(host, answers) : nothing}
    ${opleiding ? field(question('bevestigd')) : nothing}
    ${extra.length ? renderQuestions(extra, answers, options) : nothing}
  `;
}

/** The locations that give the chosen opleiding, grouped by city (all of them when the catalogue does not say). */
function renderLocations(
  host: ChoiceViewOptions,
  question: Question | undefined,
  brin: string,
  opleiding: ReferenceAnswer,
  chosen: ReferenceAnswer | null | undefined,
  options: FieldsOptions,
): TemplateResult | typeof nothing {
  if (!question) return nothing;
  const api = host.requireApi();
  const locations = host.locations.get(api, brin);
  const programmes = host.locations.programmes(api, brin, opleiding.label);
  const id = fieldId(question.id);
  const error = options.errorFor(question.id);
  const label = host.localize(question.label);
  if (locations.status === 'loading' || programmes.status === 'loading') return html`<p class="ddd-notice" role="status">${host.t('form.choice.locationsLoading')}</p>`;
  if (locations.status === 'error' || programmes.status === 'error') {
    return html`<div class="ddd-notice ddd-notice--error" role="alert">
      <p>${host.t('form.choice.locationsError')} ${host.messageFor(locations.error ?? programmes.error)}</p>
      <button type="button" class="ddd-button ddd-button--secondary" @click=${() => host.locations.retry(api, brin)}>${host.t('common.retry')}</button>
    </div>`;
  }
  const programme = programmes.items.find((p) => p.id === opleiding.id);
  const offering = locations.items.filter((l) => !programme || offeredAt(programme, l.code));
  if (offering.length === 0) return html`<p class="ddd-notice">${host.t('form.choice.locationsEmpty')}</p>`;
  const cities = [...new Set(offering.map((l) => l.plaats))].sort((a, b) => a.localeCompare(b, host.intl));
  const onChange = (event: Event) => {
    const code = (event.target as HTMLSelectElement).value;
    const location = offering.find((l) => l.code === code);
    options.onInput(question.id, location ? locationAnswer(location) : null);
  };
  const help = `${id}-help`;
  return html`<div class="ddd-field ${error ? 'ddd-field--error' : ''}">
    <label class="ddd-label" for=${id}>${label}</label>
    <p class="ddd-help" id=${help}>${host.t('form.choice.locationHelp', { opleiding: opleiding.label })}</p>
    ${error ? html`<p class="ddd-error-message" id="${id}-error"><span class="ddd-visually-hidden">${host.t('field.errorPrefix')} </span>${error}</p>` : nothing}
    <select
      id=${id}
      class="ddd-input ddd-select"
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${error ? `${help} ${id}-error` : help}
      @change=${onChange}
      @blur=${() => options.onBlur(question.id)}
    >
      <option value="" ?selected=${!chosen}>${host.t('form.choice.locationChoose')}</option>
      ${cities.map(
        (city) => html`<optgroup label=${city}>
          ${offering.filter((l) => l.plaats === city).map((location) => html`<option value=${location.code} ?selected=${chosen?.id === location.code}>${location.naam}, ${location.plaats}</option>`)}
        </optgroup>`,
      )}
    </select>
  </div>`;
}

function renderSummary(host: ChoiceViewOptions, answers: SectionAnswers): TemplateResult {
  const instelling = answers['instelling'] as ReferenceAnswer;
  const locatie = answers['locatie'] as ReferenceAnswer | null | undefined;
  const opleiding = answers['opleiding'] as ReferenceAnswer;
  const detail = opleiding.detail ?? {};
  const programmeFacts =
    detail['crebo'] !== undefined
      ? describeProgramme(host, {
          crebo: String(detail['crebo']),
          niveau: Number(detail['niveau']),
          leerweg: detail['leerweg'] === 'BBL' ? 'BBL' : 'BOL',
          cohort: String(detail['cohort'] ?? ''),
        })
      : '';
  const plaats = locatie?.detail?.['plaats'];
  return html`<section class="choice-summary" aria-labelledby="choice-summary-heading">
    ${heading(below(host.level, 1), host.t('form.choice.summaryTitle'), { id: 'choice-summary-heading', class: 'heading-sub' })}
    <dl class="summary-list">
      <div class="summary-list__row"><dt>${host.t('form.choice.school')}</dt><dd>${instelling.label}</dd></div>
      <div class="summary-list__row">
        <dt>${host.t('form.choice.location')}</dt>
        <dd>${locatie ? `${locatie.label}${plaats ? `, ${plaats}` : ''}` : host.t('field.empty')}</dd>
      </div>
      <div class="summary-list__row">
        <dt>${host.t('form.choice.programme')}</dt>
        <dd>${opleiding.label}${programmeFacts ? html`<br /><span class="summary-list__detail">${programmeFacts}</span>` : nothing}</dd>
      </div>
    </dl>
  </section>`;
}
