/**
 * What the officer fills in on a dossier's intake form before "Status opslaan": per dossier, in
 * this page's memory (going back to the list and opening the dossier again keeps it) and on the
 * device through the element's draft store (a reload or a crash keeps it), until the backend has
 * the status. Never sent by itself: setting a status stays a deliberate press.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftSaver, draftStoreFor, guardUnsavedChanges, type DraftHost } from '../shared/drafts.js';
import { choosableStatuses, type IntakeDraft } from './worklist.js';

/** The drafts' section id in the draft store (beside the sections of the dossier). */
const sectionId = 'intake';

const fromStore = (values: Record<string, unknown>): IntakeDraft => {
  const draft: IntakeDraft = {};
  if ((choosableStatuses as ReadonlyArray<unknown>).includes(values['status'])) draft.status = values['status'] as IntakeDraft['status'];
  if (typeof values['datum'] === 'string') draft.datum = values['datum'];
  if (typeof values['reden'] === 'string') draft.reden = values['reden'];
  return draft;
};

const isEmptyDraft = (draft: IntakeDraft) => !draft.status && !draft.datum && !draft.reden;

export class IntakeDraftKeeper implements ReactiveController {
  private readonly drafts = new Map<string, IntakeDraft>();
  /** Dossiers whose draft was looked up on the device already. */
  private readonly restored = new Set<string>();
  private readonly device = new DraftSaver(() => draftStoreFor(this.host, this.host.api));
  private stopGuard?: () => void;

  constructor(
    private readonly host: DraftHost & ReactiveControllerHost,
    /** A draft from the device went back into the form of this dossier. */
    private readonly onRestored: (dossierId: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopGuard = guardUnsavedChanges(
      () => [...this.drafts.values()].some((draft) => !isEmptyDraft(draft)),
      () => void this.device.saveBeforeLeaving(),
    );
  }

  hostDisconnected(): void {
    this.stopGuard?.();
    void this.device.flush();
  }

  /** The draft of a dossier (empty when nothing was filled in). */
  of(dossierId: string): IntakeDraft {
    return this.drafts.get(dossierId) ?? {};
  }

  /** Looks for a draft this device kept of the dossier (once per dossier per page). */
  async restore(dossierId: string): Promise<void> {
    if (this.restored.has(dossierId)) return;
    this.restored.add(dossierId);
    let kept;
    try {
      kept = await draftStoreFor(this.host, this.host.api)?.get({ dossierId, sectionId });
    } catch {
      return;
    }
    if (!kept || !isEmptyDraft(this.of(dossierId))) return;
    const draft = fromStore(kept.values);
    if (isEmptyDraft(draft)) return;
    this.drafts.set(dossierId, draft);
    this.host.requestUpdate();
    this.onRestored(dossierId);
  }

  /** A field changed. */
  change(dossierId: string, change: Partial<IntakeDraft>): void {
    const draft = { ...this.of(dossierId), ...change };
    for (const key of Object.keys(draft) as Array<keyof IntakeDraft>) if (draft[key] === undefined || draft[key] === '') delete draft[key];
    this.drafts.set(dossierId, draft);
    this.restored.add(dossierId);
    this.device.put({ dossierId, sectionId, baseVersion: 0, values: { ...draft }, origins: {}, savedAt: Date.now() });
    this.host.requestUpdate();
  }

  /** The backend has the status: the draft goes, here and on the device. */
  done(dossierId: string): void {
    this.drafts.delete(dossierId);
    this.device.remove({ dossierId, sectionId });
    this.host.requestUpdate();
  }

  /** Writes what waits to the device now (a send failed, the page may close). */
  flush(): Promise<void> {
    return this.device.flush();
  }
}
