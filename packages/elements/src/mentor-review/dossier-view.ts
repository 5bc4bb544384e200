/**
 * One opened dossier: header, the actions the workflow allows (a refused one with its reason),
 * deel A read-only beside deel B, and the history. Also the B1-only page for a student without a
 * dossier. Templates only; the element owns state and calls.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { localize, type Dossier, type DossierAction, type SectionDefinition } from '@doorstroom/sdk';
import { percentBar } from './deel-b-editor.js';
import { renderAnswers } from '../shared/read-only-answers.js';
import { statusLabel, type ActionOffer, type Translate } from './state.js';

export interface Notice {
  kind: 'success' | 'error';
  text: string;
  /** Someone else changed the dossier: offer to load the newest version. */
  conflict?: boolean;
  /** Refused or failed for lack of a connection: gone once the browser is back online. */
  offline?: boolean;
}

export interface DossierViewOptions {
  dossier: Dossier;
  lang: string;
  t: Translate;
  partA: ReadonlyArray<SectionDefinition>;
  offers: ReadonlyArray<ActionOffer>;
  busyAction?: DossierAction;
  notice?: Notice;
  /** The offline notice (`renderOffline`), in the header under the title. */
  offline: TemplateResult;
  partBPercent?: number;
  deelB: TemplateResult;
  /** The error summary of deel B (shown at the top, after the title). */
  summary: TemplateResult | typeof nothing;
  history: TemplateResult;
  back(): void;
  act(offer: ActionOffer): void;
  reload(): void;
}

export function renderToolbar(t: Translate, back: () => void, print?: () => void): TemplateResult {
  return html`<div class="toolbar ddd-no-print">
    <button type="button" class="ddd-button ddd-button--secondary" @click=${back}>${t('mentor.dossier.back')}</button>
    ${print ? html`<button type="button" class="ddd-button ddd-button--secondary" @click=${print}>${t('mentor.dossier.print')}</button>` : nothing}
  </div>`;
}

export function renderNotice(notice: Notice | undefined, t: Translate, reload: () => void): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  if (notice.kind === 'success') return html`<p class="ddd-notice notice-success" role="status">${notice.text}</p>`;
  return html`<div class="ddd-notice ddd-notice--error" role="alert">
    <p class="notice-text">${notice.text}</p>
    ${notice.conflict ? html`<button type="button" class="ddd-button ddd-button--secondary" @click=${reload}>${t('mentor.reload')}</button>` : nothing}
  </div>`;
}

export function renderDossier(options: DossierViewOptions): TemplateResult {
  const { dossier, t, lang } = options;
  const hasDeelA = options.partA.some((s) => dossier.answers[s.id] !== undefined);
  const meta = [statusLabel(t, dossier.status, dossier.archived), dossier.student.klas ? `${t('mentor.list.klas').toLowerCase()} ${dossier.student.klas}` : ''].filter(Boolean).join(' · ');
  return html`<article class="dossier" part="dossier" aria-labelledby="dossier-title">
    ${renderToolbar(t, options.back, () => window.print())}
    <header class="dossier-head">
      <h2 id="dossier-title" class="dossier-title" tabindex="-1">${t('mentor.dossier.heading', { naam: dossier.student.naam })}</h2>
      <p class="dossier-meta">${meta}</p>
      ${options.offline}
    </header>
    ${dossier.archived ? html`<p class="ddd-notice">${t('mentor.dossier.archived')}</p>` : nothing}
    ${options.summary} ${renderNotice(options.notice, t, options.reload)} ${renderActions(options)}
    <div class="columns">
      <section class="deel deel-a" part="deel-a" aria-labelledby="deel-a-title">
        <h3 id="deel-a-title" class="deel-title">${t('mentor.deelA.title')}</h3>
        ${
          hasDeelA
            ? renderAnswers(options.partA, dossier.answers, lang, { context: { dossierType: dossier.type, guardianConsentNeeded: false }, headingLevel: 4 })
            : html`<p class="hint">${t('mentor.deelA.notYet')}</p>`
        }
      </section>
      <section class="deel deel-b ddd-no-print" part="deel-b" aria-labelledby="deel-b-title">
        <div class="deel-head">
          <h3 id="deel-b-title" class="deel-title">${t('mentor.deelB.title')}</h3>
          ${options.partBPercent !== undefined ? percentBar(options.partBPercent, t('mentor.deelB.title'), t) : nothing}
        </div>
        ${options.deelB}
      </section>
    </div>
    <div class="ddd-no-print">${options.history}</div>
  </article>`;
}

function renderActions(options: DossierViewOptions): TemplateResult | typeof nothing {
  const { offers, t, lang, busyAction } = options;
  if (offers.length === 0) return nothing;
  return html`<section class="actions ddd-no-print" part="actions" aria-labelledby="actions-title">
    <h3 id="actions-title" class="ddd-visually-hidden">${t('mentor.actions')}</h3>
    <ul class="action-list">
      ${offers.map((offer) => {
        const reasonId = `reason-${offer.action}`;
        const secondary = offer.action === 'archive' || offer.action === 'returnToDeelA';
        return html`<li class="action">
          <button
            type="button"
            part="action"
            class="ddd-button ${secondary ? 'ddd-button--secondary' : ''}"
            data-action=${offer.action}
            aria-disabled=${offer.allowed && !busyAction ? 'false' : 'true'}
            aria-describedby=${offer.reason ? reasonId : nothing}
            @click=${() => options.act(offer)}
          >
            ${busyAction === offer.action ? t('mentor.action.busy') : t(`mentor.action.${offer.action}`)}
          </button>
          ${offer.reason ? html`<p class="action-reason" id=${reasonId}>${localize(offer.reason, lang)}</p>` : nothing}
        </li>`;
      })}
    </ul>
  </section>`;
}

export interface BegeleidingViewOptions {
  naam: string;
  t: Translate;
  loading: boolean;
  notice?: Notice;
  /** The offline notice (`renderOffline`), right under the introduction. */
  offline: TemplateResult;
  deelB?: TemplateResult;
  summary?: TemplateResult | typeof nothing;
  back(): void;
  reload(): void;
}

/** B1 for a student who has no dossier yet (spec §4: a mentor may fill it before deel A exists). */
export function renderBegeleidingOnly(options: BegeleidingViewOptions): TemplateResult {
  const { t } = options;
  return html`<article class="dossier" part="begeleiding" aria-labelledby="begeleiding-title">
    ${renderToolbar(t, options.back)}
    <h2 id="begeleiding-title" class="dossier-title" tabindex="-1">${t('mentor.begeleiding.heading', { naam: options.naam })}</h2>
    <div>
      <p class="hint">${t('mentor.begeleiding.intro')}</p>
      ${options.offline}
    </div>
    ${options.summary ?? nothing} ${renderNotice(options.notice, t, options.reload)}
    ${options.deelB ?? (options.loading ? html`<p role="status">${t('mentor.loadingDossier')}</p>` : nothing)}
  </article>`;
}

export const dossierViewStyles = css`
  .dossier {
    display: grid;
    gap: var(--_space-4);
    container-type: inline-size;
  }
  .toolbar,
  .action-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
  }
  .dossier-title {
    margin: 0;
    font-size: 1.5rem;
  }
  .dossier-meta,
  .hint {
    margin: 0;
    color: var(--_text-subtle);
  }
  .ddd-notice p {
    margin: 0;
  }
  .ddd-notice .ddd-button {
    margin-top: var(--_space-2);
  }
  .notice-success {
    border-color: var(--_success);
  }
  .offline {
    margin: var(--_space-3) 0 0;
    background: var(--_warning-bg);
  }
  .action-list {
    list-style: none;
    margin: 0;
    padding: 0;
    align-items: flex-start;
  }
  .action {
    display: grid;
    gap: var(--_space-1);
    max-width: 28rem;
  }
  .action-reason {
    margin: 0;
    color: var(--_text-subtle);
    font-size: 0.9375rem;
  }
  .columns {
    display: grid;
    gap: var(--_space-5);
    grid-template-columns: minmax(0, 1fr);
    align-items: start;
  }
  @container (min-width: 56rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  .deel {
    min-width: 0;
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  .deel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    margin-bottom: var(--_space-2);
  }
  .deel-title {
    margin: 0 0 var(--_space-3);
    font-size: 1.25rem;
  }
  .deel-head .deel-title {
    margin: 0;
  }
  @media print {
    .dossier {
      display: block;
    }
    .columns {
      display: block;
    }
    .deel {
      border: none;
      padding: 0;
    }
  }
`;
