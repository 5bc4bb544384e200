/** The mentor's tabs and "Te behandelen" as templates; "Mijn leerlingen" is the table of overview-view.ts. */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DossierSummary } from '@doorstroom/sdk';
import { formatDate, statusLabel, type Translate } from './state.js';

export type MentorView = 'teBehandelen' | 'mijnLeerlingen';
export const mentorViews: ReadonlyArray<MentorView> = ['teBehandelen', 'mijnLeerlingen'];

export interface StudentFilter {
  q: string;
  klas: string;
  leerjaar: string;
}

export interface TabsOptions {
  view: MentorView;
  t: Translate;
  select(view: MentorView, focus: boolean): void;
  panel: TemplateResult;
}

/** ARIA tabs: arrow keys, Home and End move between the tabs; only the active one is in the tab order. */
export function renderTabs({ view, t, select, panel }: TabsOptions): TemplateResult {
  const onKeydown = (event: KeyboardEvent) => {
    const index = mentorViews.indexOf(view);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % mentorViews.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + mentorViews.length) % mentorViews.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = mentorViews.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    select(mentorViews[next]!, true);
  };
  return html`
    <div class="tabs ddd-no-print" role="tablist" aria-label=${t('mentor.views')} @keydown=${onKeydown}>
      ${mentorViews.map(
        (id) => html`<button
          type="button"
          role="tab"
          class="tab"
          part="tab"
          id="tab-${id}"
          aria-controls="panel-${id}"
          aria-selected=${id === view ? 'true' : 'false'}
          tabindex=${id === view ? 0 : -1}
          @click=${() => select(id, false)}
        >
          ${t(`mentor.tab.${id}`)}
        </button>`,
      )}
    </div>
    <div class="tabpanel" role="tabpanel" id="panel-${view}" aria-labelledby="tab-${view}" tabindex="0">${panel}</div>
  `;
}

export interface DossierListOptions {
  items: ReadonlyArray<DossierSummary> | undefined;
  loading: boolean;
  lang: string;
  t: Translate;
  open(id: string): void;
}

export function renderTeBehandelen({ items, loading, lang, t, open }: DossierListOptions): TemplateResult {
  if (!items) return html`<p role="status">${loading ? t('mentor.loading') : ''}</p>`;
  if (items.length === 0) return html`<p class="empty" role="status">${t('mentor.list.empty')}</p>`;
  return html`<h2 class="ddd-visually-hidden">${t('mentor.list.caption')}</h2>
    <ul class="cards" aria-busy=${loading ? 'true' : 'false'}>
      ${items.map(
        (item) => html`<li class="card" part="list-item">
          <h3 class="card-title">${item.student.naam}</h3>
          <dl class="facts">
            ${item.student.klas ? fact(t('mentor.list.klas'), item.student.klas) : nothing}
            ${fact(t('mentor.list.status'), statusLabel(t, item.status, item.archived))}
            ${fact(t('mentor.list.keuze'), item.keuze ?? t('mentor.list.noKeuze'))}
            ${fact(t('mentor.list.deelA'), `${item.percentA}%`)}
            ${fact(t('mentor.list.updated'), formatDate(item.updatedAt, lang))}
          </dl>
          <button type="button" class="ddd-button" @click=${() => open(item.id)}>${t('mentor.list.openFor', { naam: item.student.naam })}</button>
        </li>`,
      )}
    </ul>`;
}

const fact = (label: string, value: string) => html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;

export const workListStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    border-bottom: var(--_border-width) solid var(--_border);
    margin-bottom: var(--_space-4);
  }
  .tab {
    font: inherit;
    min-height: 44px;
    padding: var(--_space-2) var(--_space-4);
    border: var(--_border-width) solid transparent;
    border-bottom: none;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: transparent;
    color: var(--_primary);
    cursor: pointer;
    margin-bottom: calc(-1 * var(--_border-width));
  }
  .tab[aria-selected='true'] {
    border-color: var(--_border);
    background: var(--_background);
    color: var(--_text);
    font-weight: 600;
  }
  .tabpanel:focus-visible {
    outline-offset: 4px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-3);
    margin-bottom: var(--_space-3);
  }
  .filter {
    display: grid;
    gap: var(--_space-1);
    flex: 1 1 10rem;
    min-width: 0;
  }
  .filter input,
  .filter select {
    font: inherit;
    min-height: 44px;
    padding: var(--_space-2);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    width: 100%;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
  }
  .card {
    display: grid;
    gap: var(--_space-2);
    align-content: start;
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  .card-title {
    margin: 0;
    font-size: 1.125rem;
  }
  .facts {
    margin: 0;
    display: grid;
    gap: var(--_space-1);
  }
  .fact {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
  }
  .fact dt {
    color: var(--_text-subtle);
  }
  .fact dt::after {
    content: ':';
  }
  .fact dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .card-actions {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }
  .card .ddd-button {
    max-width: 100%;
    text-align: start;
  }
  .hint,
  .empty {
    margin: 0;
    color: var(--_text-subtle);
  }
`;
