/** The dossier's history (who, role, when, what), newest first, as a template; and loading it. */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DossierApi, HistoryEntry } from '@doorstroom/sdk';
import { describeError } from '../shared/i18n.js';
import { describeHistory, formatDateTime, type Translate } from './state.js';

/** Loads the history of the open dossier; only the answer to the latest request counts. */
export class HistoryLoader {
  entries?: HistoryEntry[];
  /** Why loading failed, as the mentor reads it. */
  error?: string;
  private sequence = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly lang: () => string,
    /** The server answered: the connection is there. */
    private readonly reached: () => void,
  ) {}

  clear(): void {
    this.sequence++;
    this.entries = undefined;
    this.error = undefined;
    this.host.requestUpdate();
  }

  async load(api: DossierApi, id: string): Promise<void> {
    const mine = ++this.sequence;
    try {
      const entries = await api.history(id);
      this.reached();
      if (mine !== this.sequence) return;
      this.entries = entries;
      this.error = undefined;
    } catch (error) {
      if (mine !== this.sequence) return;
      this.error = describeError(error, this.lang());
    }
    this.host.requestUpdate();
  }
}

export interface HistoryViewOptions {
  entries: ReadonlyArray<HistoryEntry> | undefined;
  loading: boolean;
  error?: string;
  lang: string;
  t: Translate;
  sectionTitle: (sectionId: string) => string | undefined;
}

export function renderHistory(options: HistoryViewOptions): TemplateResult {
  const { entries, loading, error, lang, t } = options;
  let body: TemplateResult;
  if (error) body = html`<p class="ddd-notice ddd-notice--error">${error}</p>`;
  else if (loading && !entries) body = html`<p role="status">${t('mentor.history.loading')}</p>`;
  else if (!entries || entries.length === 0) body = html`<p>${t('mentor.history.empty')}</p>`;
  else {
    const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at) || b.version - a.version);
    body = html`<ol class="history-list">
      ${newestFirst.map(
        (entry) => html`<li class="history-entry">
          <span class="history-what">${describeHistory(entry, t, options.sectionTitle)}</span>
          <span class="history-meta">
            ${
              entry.actor
                ? html`<span class="ddd-visually-hidden">${t('mentor.history.who')}:</span>
                  ${entry.actor.naam} (${t(`mentor.role.${entry.actor.role}`)}),`
                : nothing
            }
            <span class="ddd-visually-hidden">${t('mentor.history.when')}:</span>
            <time datetime=${entry.at}>${formatDateTime(entry.at, lang)}</time>
          </span>
        </li>`,
      )}
    </ol>`;
  }
  return html`<section class="history" part="history" aria-labelledby="history-title">
    <h3 id="history-title" class="panel-title">${t('mentor.history.title')}</h3>
    ${body}
  </section>`;
}

export const historyStyles = css`
  .history-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .history-entry {
    display: grid;
    gap: 0.125rem;
    padding-block: var(--_space-2);
    border-bottom: 1px solid var(--_surface);
  }
  .history-what {
    font-weight: 600;
  }
  .history-meta {
    color: var(--_text-subtle);
  }
`;
