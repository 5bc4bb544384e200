/**
 * Without a dossier open: the student's dossiers with their status, and "Nieuw dossier" with
 * the three dossier types explained in plain language, and "Download mijn gegevens".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { below, heading } from '../shared/heading.js';
import type { Dossier, DossierSummary } from '@doorstroom/sdk';
import { renderDataExport, type DataExportOptions } from './data-export.js';
import { dossierTypeInfo } from './state.js';

/** The student's dossiers: loading, loaded or failed. */
export type ListLoad = { status: 'idle' | 'loading' | 'ready' | 'error'; value?: DossierSummary[]; error?: unknown };

/** "Nieuw dossier": the chosen type, and whether creating is under way or failed. */
export type Creating = { type?: Dossier['type']; status: 'idle' | 'busy' | 'error'; missingType?: boolean; error?: unknown };

/** What the list reads from the form and asks it to do. */
export interface DossierListOptions extends DataExportOptions {
  readonly list: ListLoad;
  readonly creating: Creating;
  readonly lang: string;
  /** The locale for Intl (dates). */
  readonly intl: string;
  /** A refusal's own message when the backend names one, else the SDK's user message. */
  messageFor(error: unknown): string;
  reloadList(): void;
  open(id: string): void;
  /** The student chose a dossier type for a new dossier. */
  chooseType(type: Dossier['type']): void;
  createDossier(): Promise<void>;
}

export function renderDossierList(host: DossierListOptions): TemplateResult {
  const { list } = host;
  return html`<section class="list" part="list" aria-labelledby="form-heading">
      ${heading(host.level, host.t('form.list.title'), { id: 'form-heading', class: 'heading-top', tabindex: -1 })}
      <p>${host.t('form.list.intro')}</p>
      ${
        list.status === 'error'
          ? html`<div class="ddd-notice ddd-notice--error" part="notice" role="alert">
            <p>${host.t('form.listError')} ${host.messageFor(list.error)}</p>
            <button type="button" class="ddd-button ddd-button--secondary" @click=${() => host.reloadList()}>${host.t('common.retry')}</button>
          </div>`
          : list.status === 'ready'
            ? renderItems(host, list.value ?? [])
            : html`<p class="ddd-notice" part="notice" role="status" tabindex="-1" data-focus-while-loading>${host.t('form.loadingList')}</p>`
      }
    </section>
    ${list.status === 'ready' ? renderNewDossier(host) : nothing}
    ${list.status === 'ready' ? renderDataExport(host) : nothing}`;
}

function renderItems(host: DossierListOptions, items: ReadonlyArray<DossierSummary>): TemplateResult {
  if (items.length === 0) return html`<p class="ddd-notice" part="notice">${host.t('form.list.empty')}</p>`;
  const types = new Map(dossierTypeInfo(host.lang).map((info) => [info.value, info.label]));
  const date = new Intl.DateTimeFormat(host.intl, { day: 'numeric', month: 'long', year: 'numeric' });
  return html`<ul class="dossiers">
    ${items.map((item) => {
      const title = item.keuze ?? host.t('form.list.noChoice');
      return html`<li class="dossier-card">
        ${heading(below(host.level, 1), title, { id: `dossier-${item.id}`, class: 'heading-sub dossier-card__title' })}
        <p class="dossier-card__meta">${types.get(item.type) ?? item.type} · ${date.format(new Date(item.updatedAt))}</p>
        <p class="dossier-card__status">
          <span class="tag tag--${item.status}">${host.t('form.list.status', { status: host.t(`dossierStatus.${item.status}`) })}</span>
          ${item.archived ? html`<span class="tag">${host.t('form.list.archived')}</span>` : nothing}
        </p>
        <p class="dossier-card__percent">${host.t('form.list.percent', { percent: item.percentA })}</p>
        <button type="button" class="ddd-button ddd-button--secondary" aria-describedby="dossier-${item.id}" @click=${() => host.open(item.id)}>
          ${host.t('form.list.open')}
        </button>
      </li>`;
    })}
  </ul>`;
}

function renderNewDossier(host: DossierListOptions): TemplateResult {
  const creating = host.creating;
  const busy = creating.status === 'busy';
  const errorId = 'ddd-new-type-error';
  return html`<section class="new-dossier" aria-labelledby="new-dossier-heading">
    ${heading(below(host.level, 1), host.t('form.new.title'), { id: 'new-dossier-heading', class: 'heading-sub' })}
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        void host.createDossier();
      }}
    >
      <fieldset class="ddd-fieldset ${creating.missingType ? 'ddd-field--error' : ''}" aria-describedby=${creating.missingType ? errorId : 'ddd-new-type-help'}>
        <legend class="ddd-legend">${host.t('form.new.legend')}</legend>
        <p class="ddd-help" id="ddd-new-type-help">${host.t('form.new.copyNote')}</p>
        ${
          creating.missingType ? html`<p class="ddd-error-message" id=${errorId}><span class="ddd-visually-hidden">${host.t('field.errorPrefix')} </span>${host.t('form.new.chooseType')}</p>` : nothing
        }
        <div class="ddd-choices">
          ${dossierTypeInfo(host.lang).map(
            (info) => html`<div class="ddd-choice">
              <input
                type="radio"
                class="ddd-choice__input"
                name="ddd-new-type"
                id="ddd-new-type-${info.value}"
                value=${info.value}
                aria-describedby="ddd-new-type-${info.value}-hint"
                .checked=${creating.type === info.value}
                ?disabled=${busy}
                @change=${() => host.chooseType(info.value)}
              />
              <label class="ddd-choice__label" for="ddd-new-type-${info.value}">${info.label}</label>
              <div class="ddd-choice__hint" id="ddd-new-type-${info.value}-hint">${info.explanation}</div>
            </div>`,
          )}
        </div>
      </fieldset>
      ${creating.status === 'error' ? html`<div class="ddd-notice ddd-notice--error" role="alert"><p>${host.t('form.new.error')} ${host.messageFor(creating.error)}</p></div>` : nothing}
      <button type="submit" class="ddd-button" aria-disabled=${busy ? 'true' : nothing}>${busy ? host.t('form.new.creating') : host.t('form.new.create')}</button>
    </form>
  </section>`;
}
