/**
 * What the student can still do with a dossier they cannot edit: take it back from the mentor
 * before deel B starts ("terugzetten", e.g. after a mistyped mentor e-mail) and make an archived
 * dossier active again. Offered only when the SDK's workflow allows it, as the backend does.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { availableActions, type Actor, type Dossier, type RegionConfig } from '@doorstroom/sdk';
import { emit } from '../shared/events.js';
import { renderSupport } from '../shared/support.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';
import type { FormMessageKey } from './messages.js';

type StatusAction = 'returnToDeelA' | 'reactivate';

const labels: Record<StatusAction, { button: FormMessageKey; done: FormMessageKey }> = {
  returnToDeelA: { button: 'form.returnToDeelA', done: 'form.returnToDeelA.done' },
  reactivate: { button: 'form.reactivate', done: 'form.reactivate.done' },
};

/** The actions of this kind the student may take on the dossier now. */
export function statusActions(me: Actor, dossier: Dossier, config: RegionConfig, today: Date): StatusAction[] {
  return availableActions(me, dossier, { config, today }).filter((a): a is StatusAction => a === 'returnToDeelA' || a === 'reactivate');
}

/** One button per action, kept focusable while busy (aria-disabled) so keyboard focus stays put. */
export function renderStatusActions(host: DddDossierForm, actions: ReadonlyArray<StatusAction>): TemplateResult | typeof nothing {
  if (actions.length === 0) return nothing;
  const busy = host.statusAction.busy;
  return html`<div class="readonly__actions">
    ${actions.map(
      (action) => html`<button type="button" class="ddd-button ddd-button--secondary" data-action=${action} aria-disabled=${busy ? 'true' : nothing}
        @click=${() => void host.statusAction.run(action)}>${busy === action ? host.t('form.action.busy') : host.t(labels[action].button)}</button>`,
    )}
    ${
      host.statusAction.problem
        ? html`<div class="ddd-notice ddd-notice--error" role="alert"><p>${host.statusAction.problem}</p>${renderSupport(host.connection.config, host.locale.lang)}</div>`
        : nothing
    }
  </div>`;
}

/** Runs one status action against the backend and shows what happened. */
export class StatusActionRunner {
  busy?: StatusAction;
  problem?: string;

  constructor(private readonly host: DddDossierForm) {}

  async run(action: StatusAction): Promise<void> {
    const host = this.host;
    const base = host.base;
    if (this.busy || !base) return;
    this.busy = action;
    this.problem = undefined;
    host.requestUpdate();
    try {
      const dossier = await host.requireApi().act(base.id, action, {}, base.version);
      host.accept(dossier, false);
      emit(host, 'ddd-action', { action, dossier });
      host.notice = { key: labels[action].done };
      host.goTo({ kind: 'check' }, { focusSelector: '.form__notice' });
    } catch (error) {
      this.problem = `${host.t('form.action.failed')} ${host.report(error)}`;
    } finally {
      this.busy = undefined;
      host.requestUpdate();
    }
  }
}
