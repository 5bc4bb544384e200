/**
 * Everything around the autosave queue that makes sure no answer of <ddd-dossier-form> is lost:
 * the copy on the device (written by the queue through `saver`), putting it back when a dossier
 * opens, following the browser's online/offline events, the warning before leaving with unsaved
 * answers, and the save status the student sees (saved, waiting, offline, a choice to make).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AnswerValue, Dossier, DossierApi, SectionDefinition } from '@doorstroom/sdk';
import { DraftSaver, draftStoreFor, guardUnsavedChanges, type DraftHost, type LocalDraft } from '../shared/drafts.js';
import { setAnswer } from '../shared/fields.js';
import type { MessageVars } from '../shared/i18n.js';
import { OnlineController } from '../shared/online.js';
import type { AutosaveQueue, SaveState } from './autosave.js';
import type { FormMessageKey } from './messages.js';
import type { Drafts } from './state.js';

/** What the keeper reads from the form and changes in it. */
export interface AnswerKeeperPort {
  readonly autosave: Pick<AutosaveQueue, 'state' | 'hasPending' | 'setOnline' | 'restore' | 'flush'>;
  /** The dossier the drafts are based on. */
  readonly base?: Dossier;
  /** The backend, when one is configured. */
  readonly api?: DossierApi;
  /** The region's configuration and the signed-in person are known. */
  readonly ready: boolean;
  /** The student's answers; the keeper puts answers kept on the device back in. */
  drafts: Drafts;
  editable(dossier: Dossier): boolean;
  sections(dossier: Dossier): ReadonlyArray<SectionDefinition>;
  /** Answers kept on the device were put back: say so above the form. */
  restored(): void;
}

export class AnswerKeeper implements ReactiveController {
  /** Writes the device copy; handed to the autosave queue. */
  readonly saver = new DraftSaver(() => draftStoreFor(this.host, this.port.api));
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

  constructor(
    private readonly host: ReactiveControllerHost & DraftHost,
    private readonly port: AnswerKeeperPort,
  ) {
    host.addController(this);
    // The queue keeps its own idea of online (a save that could not reach the server counts too).
    new OnlineController(host, (online) => port.autosave.setOnline(online));
  }

  hostConnected(): void {
    const { autosave } = this.port;
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
    this.follow(this.port.autosave.state);
    const { base, ready } = this.port;
    if (!base) this.restoredFor = undefined;
    if (!base || this.restoredFor === base.id || !ready) return;
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
    const host = this.port;
    const store = draftStoreFor(this.host, host.api);
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
    host.restored();
    void host.autosave.flush();
  }
}

/** What the save status reads from the form and asks it to do. */
export interface SaveStatusOptions {
  readonly autosave: Pick<AutosaveQueue, 'state' | 'error' | 'online' | 'hasPending'>;
  /** "Opslaan en sluiten" could not save everything. */
  readonly closeFailed: boolean;
  /** What the live region says now (a message key, or '' for silence): `AnswerKeeper.announcement`. */
  readonly announcement: string;
  t(key: FormMessageKey | (string & {}), vars?: MessageVars): string;
  messageFor(error: unknown): string;
  retrySave(): void;
}

/** "Alles opgeslagen" / … / "Bewaard op dit apparaat", with the offline notice or the error and a retry button. */
export function renderSaveStatus(host: SaveStatusOptions): TemplateResult {
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
    <p class="ddd-visually-hidden" role="status">${host.announcement ? host.t(host.announcement) : nothing}</p>
    ${detail}
  </div>`;
}
