/**
 * What the student can still do with a dossier they cannot edit: take it back from the mentor
 * before deel B starts ("terugzetten", e.g. after a mistyped mentor e-mail) and make an archived
 * dossier active again. Offered only when the SDK's workflow allows it, as the backend does.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { availableActions, type Actor, type Dossier, type DossierAction, type DossierApi, type RegionConfig } from '@doorstroom/sdk';
import type { MessageVars } from '../shared/i18n.js';
import { renderSupport } from '../shared/support.js';
import type { FormMessageKey } from './messages.js';

export type StatusAction = 'returnToDeelA' | 'reactivate';

/** What the form gives the runner of an action on a whole dossier (these, and sending deel A). */
export interface DossierActionPort {
  /** The dossier as the backend last returned it. */
  readonly base?: Dossier;
  t(key: FormMessageKey | (string & {}), vars?: MessageVars): string;
  /** The configured backend (throws when there is none). */
  requireApi(): DossierApi;
  /** Tell the page what failed; returns the message shown to the user. */
  report(error: unknown): string;
  /** The backend did `action`: keep its dossier, tell the page (`ddd-action`) and show `notice` on the check page. */
  acted(action: DossierAction, dossier: Dossier, notice: { key: FormMessageKey; vars?: MessageVars }): void;
}

/** What the buttons read. */
export interface StatusActionsOptions {
  readonly statusAction: Pick<StatusActionRunner, 'busy' | 'problem' | 'run'>;
  readonly config?: RegionConfig;
  readonly lang: string;
  t(key: FormMessageKey | (string & {}), vars?: MessageVars): string;
}

const labels: Record<StatusAction, { button: FormMessageKey; done: FormMessageKey }> = {
  returnToDeelA: { button: 'form.returnToDeelA', done: 'form.returnToDeelA.done' },
  reactivate: { button: 'form.reactivate', done: 'form.reactivate.done' },
};

/** The actions of this kind the student may take on the dossier now. */
export function statusActions(me: Actor, dossier: Dossier, config: RegionConfig, today: Date): StatusAction[] {
  return availableActions(me, dossier, { config, today }).filter((a): a is StatusAction => a === 'returnToDeelA' || a === 'reactivate');
}

/** One button per action, kept focusable while busy (aria-disabled) so keyboard focus stays put. */
export function renderStatusActions(host: StatusActionsOptions, actions: ReadonlyArray<StatusAction>): TemplateResult | typeof nothing {
  if (actions.length === 0) return nothing;
  const busy = host.statusAction.busy;
  return html`<div class="readonly__actions">
    ${actions.map(
      (action) => html`<button type="button" class="ddd-button ddd-button--secondary" data-action=${action} aria-disabled=${busy ? 'true' : nothing}
        @click=${() => void host.statusAction.run(action)}>${busy === action ? host.t('form.action.busy') : host.t(labels[action].button)}</button>`,
    )}
    ${host.statusAction.problem ? html`<div class="ddd-notice ddd-notice--error" role="alert"><p>${host.statusAction.problem}</p>${renderSupport(host.config, host.lang)}</div>` : nothing}
  </div>`;
}

/** Runs one status action against the backend and shows what happened. */
export class StatusActionRunner {
  busy?: StatusAction;
  problem?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: DossierActionPort,
  ) {}

  async run(action: StatusAction): Promise<void> {
    const { host, port } = this;
    const base = port.base;
    if (this.busy || !base) return;
    this.busy = action;
    this.problem = undefined;
    host.requestUpdate();
    try {
      const dossier = await port.requireApi().act(base.id, action, {}, base.version);
      port.acted(action, dossier, { key: labels[action].done });
    } catch (error) {
      this.problem = `${port.t('form.action.failed')} ${port.report(error)}`;
    } finally {
      this.busy = undefined;
      host.requestUpdate();
    }
  }
}
