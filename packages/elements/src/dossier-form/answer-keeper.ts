/**
 * Everything around the autosave queue that makes sure no answer of <ddd-dossier-form> is lost:
 * the copy on the device (written by the queue through `saver`), putting it back when a dossier
 * opens, following the browser's online/offline events, the warning before leaving with unsaved
 * answers, and the save status the student sees (saved, waiting, offline, a choice to make).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { AnswerValue } from '@doorstroom/sdk';
import { DraftSaver, draftStoreFor, guardUnsavedChanges, type LocalDraft } from '../shared/drafts.js';
import { setAnswer } from '../shared/fields.js';
import { OnlineController } from '../shared/online.js';
import type { SaveState } from './autosave.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';

export class AnswerKeeper implements ReactiveController {
  /** Writes the device copy; handed to the autosave queue. */
  readonly saver = new DraftSaver(() => draftStoreFor(this.host, this.host.connection.api));
  /**
   * What the live region says: "Alles opgeslagen" once when a save is done, and being offline or
   * having a choice to make; nothing while typing or saving, so a screen reader is not told the
   * save status at every typing pause. A message key, or '' for silence.
   */
  announcement = '';
  private lastState: SaveState = 'saved';
  /** The dossier whose device copy was looked for. */
  private restoredFor?: string;
  private stops: Array<() => void> = [];

  constructor(private readonly host: DddDossierForm) {
    host.addController(this);
    // The queue keeps its own idea of online (a save that could not reach the server counts too).
    new OnlineController(host, (online) => host.autosave.setOnline(online));
  }

  hostConnected(): void {
    const { autosave } = this.host;
    this.stops = [
      guardUnsavedChanges(
        () => autosave.hasPending,
        () => void this.saver.saveBeforeLeaving(),
      ),
    ];
  }

  hostDisconnected(): void {
    for (const stop of this.stops.splice(0)) stop();
    void this.saver.flush();
  }

  /** Runs after the host's willUpdate, so a dossier that just opened is its `base` already. */
  hostUpdate(): void {
    this.follow(this.host.autosave.state);
    const { base, connection } = this.host;
    if (!base) this.restoredFor = undefined;
    if (!base || this.restoredFor === base.id || !connection.config || !connection.me) return;
    this.restoredFor = base.id;
    void this.restore(base.id);
  }

  /** One announcement per save: set when a save has finished, cleared by the next change. */
  private follow(state: SaveState): void {
    if (state === this.lastState) return;
    if (state === 'saved') this.announcement = this.lastState === 'saving' ? 'form.save.saved' : this.announcement;
    else if (state === 'offline' || state === 'conflict') this.announcement = `form.save.${state}`;
    else if (state === 'dirty' || state === 'saving') this.announcement = '';
    this.lastState = state;
  }

  /**
   * Answers kept on this device from an earlier visit (reload, crash, offline): the ones nobody
   * changed since go back into the form and are saved; the ones someone else changed too are
   * offered as a choice.
   */
  private async restore(dossierId: string): Promise<void> {
    const host = this.host;
    const store = draftStoreFor(host, host.connection.api);
    let kept: LocalDraft[] = [];
    try {
      kept = store ? await store.list(dossierId) : [];
    } catch {
      return;
    }
    const base = host.base;
    if (!base || base.id !== dossierId || !host.editable(base)) return;
    const own = new Set(host.sections(base).map((s) => s.id));
    const restored = host.autosave.restore(
      base,
      kept.filter((draft) => own.has(draft.sectionId)),
      (sectionId, values) => {
        let answers = host.drafts[sectionId] ?? {};
        for (const [key, value] of Object.entries(values)) answers = setAnswer(answers, key, (value ?? undefined) as AnswerValue | undefined);
        host.drafts = { ...host.drafts, [sectionId]: answers };
      },
    );
    if (!restored) return;
    host.notice = { key: 'form.restored' };
    void host.autosave.flush();
  }
}

/** "Alles opgeslagen" / … / "Bewaard op dit apparaat", with the offline notice or the error and a retry button. */
export function renderSaveStatus(host: DddDossierForm): TemplateResult {
  const { state, error, online, hasPending } = host.autosave;
  const text = {
    saved: 'form.save.saved',
    dirty: 'form.save.dirty',
    saving: 'form.save.saving',
    error: 'form.save.error',
    offline: 'form.save.offline',
    conflict: 'form.save.conflict',
  }[state];
  const closeFailed = host.closeFailed ? html`<p>${host.t('form.save.closeFailed')}</p>` : nothing;
  const retry = html`<button type="button" class="ddd-button ddd-button--secondary" @click=${() => host.retrySave()}>${host.t('common.retry')}</button>`;
  let detail: TemplateResult | typeof nothing = nothing;
  if (!online) {
    detail = html`<div class="ddd-notice" part="offline">
      <p>${host.t('form.offline')}</p>
      ${closeFailed} ${hasPending && state !== 'conflict' ? retry : nothing}
    </div>`;
  } else if (state === 'error') {
    detail = html`<div class="ddd-notice ddd-notice--error" role="alert">
      <p>${host.messageFor(error)}</p>
      ${closeFailed} ${retry}
    </div>`;
  } else if (host.closeFailed && state === 'conflict') {
    detail = html`<div class="ddd-notice">${closeFailed}</div>`;
  }
  // The visible status follows every change; only the live region speaks, once per save.
  return html`<div class="save-status save-status--${state}" part="save-status">
    <p class="save-status__text">${host.t(text)}</p>
    <p class="ddd-visually-hidden" role="status">${host.keeper.announcement ? host.t(host.keeper.announcement) : nothing}</p>
    ${detail}
  </div>`;
}
