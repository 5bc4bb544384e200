/**
 * Everything <ddd-consent> sends: the inzage (as soon as the dossier is on screen), the saved
 * akkoordverklaring ("Akkoord geven") or consent ("Toestemming geven"), and the actions
 * "Afronden" and "Terug naar deel A" (after a confirmation). One thing at a time, each after the inzage (it needs the version the inzage
 * produced). Offline nothing is sent: the person is told why and what they typed stays on the device.
 */
import type { ReactiveControllerHost } from 'lit';
import { isDossierApiError, type Dossier, type DossierApi } from '@doorstroom/sdk';
import type { ApiController, DossierController } from '../shared/api.js';
import { browserOnline } from '../shared/drafts.js';
import { emit, errorDetail } from '../shared/events.js';
import { describeRefusal, type LocaleController } from '../shared/i18n.js';
import { OnlineController } from '../shared/online.js';
import type { ConsentDraft, DraftSection } from './draft.js';
import type { ConsentKey } from './messages.js';
import { needsInzage } from './state.js';
import type { ConfirmAction } from './views.js';

export interface Notice {
  kind: 'error' | 'success';
  text: string;
  /** Refused because the browser is offline: gone once it is back online. */
  offline?: boolean;
}

export interface ConsentSenderParts {
  locale: LocaleController;
  connection: ApiController;
  loader: DossierController;
  draft: ConsentDraft;
  /** Moves focus to `selector` in the host's shadow root after the next render. */
  focusAfterRender(selector: string): void;
}

export class ConsentSender {
  /** False while the browser says it is offline, or since a send could not reach the server. */
  readonly connectivity: OnlineController;

  private busyWith: false | 'save' | ConfirmAction = false;
  private confirmingAction?: ConfirmAction;
  private shown?: Notice;
  private readonly inzageAsked = new Set<string>();
  /** A dossier whose inzage could not be sent for lack of a connection: tried again when back online. */
  private inzageOffline?: string;
  /** Saves and actions wait for it: they need the version the inzage produced. */
  private pendingInzage: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly parts: ConsentSenderParts,
  ) {
    this.connectivity = new OnlineController(host, (online) => {
      if (!online) return;
      if (this.notice?.offline) this.notice = undefined;
      if (this.inzageOffline) this.inzageAsked.delete(this.inzageOffline);
      this.inzageOffline = undefined;
    });
  }

  /** What is being sent now; every button waits meanwhile. */
  get busy(): false | 'save' | ConfirmAction {
    return this.busyWith;
  }
  private set busy(value: false | 'save' | ConfirmAction) {
    this.busyWith = value;
    this.host.requestUpdate();
  }

  /** The action whose confirmation is open. */
  get confirming(): ConfirmAction | undefined {
    return this.confirmingAction;
  }
  private set confirming(value: ConfirmAction | undefined) {
    this.confirmingAction = value;
    this.host.requestUpdate();
  }

  /** The message under the form: saved, refused, failed. */
  get notice(): Notice | undefined {
    return this.shown;
  }
  set notice(value: Notice | undefined) {
    this.shown = value;
    this.host.requestUpdate();
  }

  get online(): boolean {
    return this.connectivity.online;
  }

  private t(key: ConsentKey): string {
    return this.parts.locale.t(key);
  }

  /** Records once per dossier that this person has read it, when the workflow asks for that. */
  recordInzageWhenNeeded(): void {
    const dossier = this.parts.loader.dossier;
    const { config, me, api } = this.parts.connection;
    if (!dossier || !config || !me || !api || this.inzageAsked.has(dossier.id)) return;
    if (!needsInzage(me, dossier, { config, today: new Date() })) return;
    this.inzageAsked.add(dossier.id);
    this.pendingInzage = this.recordInzage(api, dossier);
  }

  /** Saves the draft of `sectionId`; the saved dossier, or undefined when it did not happen (the notice says why). */
  async save(sectionId: DraftSection): Promise<Dossier | undefined> {
    await this.pendingInzage;
    const api = this.parts.connection.api;
    const dossier = this.parts.loader.dossier;
    if (!api || !dossier) return undefined;
    if (!browserOnline()) {
      this.refuseOffline();
      return undefined;
    }
    this.busy = 'save';
    this.notice = undefined;
    try {
      // The draft sends the whole section and, once it is stored, forgets its device copy.
      const saved = await this.parts.draft.save(sectionId);
      this.connectivity.reached();
      this.parts.loader.replace(saved);
      emit(this.host, 'ddd-saved', { dossier: saved });
      return saved;
    } catch (error) {
      // What was typed stays in the form and goes to the device right away, in case the page closes.
      void this.parts.draft.flush();
      this.fail(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Opens the confirmation of `action` and moves focus into it. */
  ask(action: ConfirmAction): void {
    this.notice = undefined;
    this.confirming = action;
    this.parts.focusAfterRender('#confirm-title');
  }

  /** Closes the confirmation; focus goes back to the button that opened it. */
  cancelConfirm(): void {
    const action = this.confirming;
    this.confirming = undefined;
    if (action) this.parts.focusAfterRender(`#${action}`);
  }

  /** Refuses a finalize the workflow does not allow (yet), with its reason. */
  refuse(text: string): void {
    this.confirming = undefined;
    this.notice = { kind: 'error', text };
  }

  /** The confirmed action: "Afronden" saves unsaved answers first. */
  async perform(action: ConfirmAction): Promise<void> {
    await this.pendingInzage;
    const api = this.parts.connection.api;
    let dossier = this.parts.loader.dossier;
    if (!api || !dossier) return;
    if (!browserOnline()) {
      this.confirming = undefined;
      this.refuseOffline();
      return;
    }
    if (action === 'finalize' && this.parts.draft.dirty) {
      dossier = await this.save('akkoordverklaring');
      if (!dossier) return;
    }
    this.busy = action;
    this.notice = undefined;
    try {
      const next = await api.act(dossier.id, action, undefined, dossier.version);
      this.confirming = undefined;
      this.parts.loader.replace(next);
      this.notice = action === 'backToDeelA' ? { kind: 'success', text: this.t('consent.backDone') } : undefined;
      this.parts.focusAfterRender('.title');
      emit(this.host, 'ddd-action', { action, dossier: next });
    } catch (error) {
      this.confirming = undefined;
      this.parts.focusAfterRender('#action-error');
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async recordInzage(api: DossierApi, dossier: Dossier): Promise<void> {
    try {
      const next = await api.act(dossier.id, 'recordInzage', undefined, dossier.version);
      this.parts.loader.replace(next);
      emit(this.host, 'ddd-action', { action: 'recordInzage', dossier: next });
    } catch (error) {
      if (isDossierApiError(error) && error.kind === 'network') this.inzageOffline = dossier.id;
      this.fail(error);
    }
  }

  /** Nothing is sent while the browser is offline: say so, and keep what was typed on the device now. */
  private refuseOffline(): void {
    this.connectivity.lost();
    void this.parts.draft.flush();
    const formal = this.parts.connection.me?.role === 'guardian';
    this.notice = { kind: 'error', text: this.t(formal ? 'consent.offlineTry.guardian' : 'consent.offlineTry'), offline: true };
    this.parts.focusAfterRender('#action-error');
  }

  private fail(error: unknown): void {
    const network = isDossierApiError(error) && error.kind === 'network';
    if (network) this.connectivity.lost();
    const { lang } = this.parts.locale;
    const message = describeRefusal(error, lang);
    this.notice = { kind: 'error', text: message, ...(network ? { offline: true } : {}) };
    emit(this.host, 'ddd-error', errorDetail(error, message));
  }
}
