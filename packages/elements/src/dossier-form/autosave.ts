/**
 * The autosave of the dossier form: shared/section-saver.ts does the saving (debounced, one
 * request at a time, rebasing on a 409, nothing typed ever dropped); this file adds what the
 * student sees of it: one status for the whole form, and the offline state, in which it stops
 * trying, keeps the order of the queue and sends everything once the connection is back.
 */
import type { Dossier, SectionAnswers } from '@doorstroom/sdk';
import type { DraftSaver, LocalDraft } from '../shared/drafts.js';
import type { FieldConflict } from '../shared/pending-answers.js';
import { SectionSaver } from '../shared/section-saver.js';

export type { FieldConflict } from '../shared/pending-answers.js';

/** What the person sees: everything saved, changes waiting, a save under way, a failure, offline, or a choice to make. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'offline' | 'conflict';

export interface AutosaveHost {
  /** The dossier as the backend last returned it (its id and version are used for saving). */
  dossier(): Dossier | undefined;
  /** The current draft of a section: what the person typed, saved or not. */
  draft(sectionId: string): SectionAnswers;
  save(dossierId: string, sectionId: string, answers: Record<string, unknown>, version: number): Promise<Dossier>;
  reload(dossierId: string): Promise<Dossier>;
  /** A save went through; `dossier` is the backend's new version. */
  saved(dossier: Dossier): void;
  /** Someone else changed the dossier: `fresh` is the newest version; unsaved answers (`pendingKeys`) stay the person's. */
  refreshed(fresh: Dossier, conflicts: boolean): void;
  failed(error: unknown): void;
  /** The state or the error changed: render again. */
  changed(): void;
}

export class AutosaveQueue {
  state: SaveState = 'saved';
  error: unknown = undefined;

  private readonly engine: SectionSaver<Dossier>;
  /** The newest version loaded after a 409, until the form has taken it in. */
  private fresh?: Dossier;

  constructor(
    private readonly host: AutosaveHost,
    local?: DraftSaver,
  ) {
    const base = () => this.fresh ?? host.dossier();
    this.engine = new SectionSaver<Dossier>(
      undefined,
      {
        owner: () => host.dossier()?.id,
        version: () => host.dossier()?.version ?? 0,
        saved: (sectionId) => base()?.answers[sectionId],
        draft: (sectionId) => host.draft(sectionId),
        save: (sectionId, patch, version) => host.save(host.dossier()!.id, sectionId, patch, version),
        reload: async () => {
          this.fresh = await host.reload(host.dossier()!.id);
        },
      },
      {
        saving: () => {
          this.error = undefined;
          this.setState('saving');
        },
        saved: (_sectionId, dossier) => host.saved(dossier),
        rebased: (_sectionId, held) => {
          const fresh = this.fresh!;
          this.fresh = undefined;
          this.setState(this.restingState());
          host.refreshed(fresh, held);
        },
        // No connection: offline, quietly trying again later. Anything else: the error (a server hiccup is tried again too).
        failed: (_sectionId, error, offline) => (offline ? this.setState(this.restingState()) : this.fail(error)),
        settled: () => this.setState(this.restingState()),
      },
      { debounce: 'together', failures: 'retry', ...(local ? { local } : {}) },
    );
  }

  /** Milliseconds after the last change before saving. */
  get delay(): number {
    return this.engine.delay;
  }
  set delay(ms: number) {
    this.engine.delay = ms;
  }

  /** First wait before trying again by itself after a network or server failure; doubles up to a minute. */
  get retryDelay(): number {
    return this.engine.retryDelay;
  }
  set retryDelay(ms: number) {
    this.engine.retryDelay = ms;
  }

  /** False while the browser is offline or the server could not be reached. */
  get online(): boolean {
    return this.engine.online;
  }

  /** Where unacknowledged answers are kept on the device. */
  get local(): DraftSaver | undefined {
    return this.engine.local;
  }
  set local(saver: DraftSaver | undefined) {
    this.engine.local = saver;
  }

  /** Whether anything typed is not acknowledged by the server yet (queued, being saved, held or failed). */
  get hasPending(): boolean {
    return this.engine.hasPending;
  }

  /** The question ids of a section that are not acknowledged yet. */
  pendingKeys(sectionId: string): ReadonlySet<string> {
    return this.engine.pendingKeys(sectionId);
  }

  /** Questions waiting for the person's choice between their answer and the server's. */
  conflicts(): FieldConflict[] {
    return this.engine.conflicts();
  }

  /** The person changed `questionId` of `sectionId` (a top-level question id; a repeat counts as one). */
  change(sectionId: string, questionId: string): void {
    this.engine.change(sectionId, questionId);
    if (this.state !== 'saving') this.setState(this.restingState());
  }

  /** The person chose for a held question; the host already put the chosen answer in its draft. */
  resolve(sectionId: string, key: string, choice: 'mine' | 'server'): void {
    this.engine.resolve(sectionId, key, choice);
    this.setState(this.restingState());
  }

  /**
   * Drafts kept on the device from an earlier visit, compared with `fresh` (the open dossier):
   * what nobody changed since is given to `apply` and queued, what someone else changed is held
   * for a choice. Questions the person typed since this visit began are left alone. Returns whether anything came back.
   */
  restore(fresh: Dossier, drafts: ReadonlyArray<LocalDraft>, apply: (sectionId: string, values: Record<string, unknown>) => void): boolean {
    this.fresh = fresh === this.host.dossier() ? undefined : fresh;
    const { restored } = this.engine.restore(drafts, apply);
    this.fresh = undefined;
    if (restored.length > 0) this.setState(this.restingState());
    return restored.length > 0;
  }

  /** The browser went offline or came back (window `offline`/`online`). Back online: send what waits. */
  setOnline(online: boolean): void {
    this.engine.setOnline(online);
    if (online && this.engine.queuedAny) void this.flush();
    else this.setState(this.restingState());
  }

  /** Forget unsaved changes and timers in this element, e.g. when another dossier opens; the device copy stays. */
  reset(): void {
    this.engine.reset();
    this.error = undefined;
    this.setState('saved');
  }

  /** Throw away everything not saved, also the copy on the device. */
  clear(): void {
    const dossier = this.host.dossier();
    if (dossier && this.local) for (const sectionId of this.engine.sections()) this.local.remove({ dossierId: dossier.id, sectionId });
    this.reset();
  }

  /**
   * Saves what is queued now; resolves true when nothing is left unsaved. Offline it does not
   * try (unless `force`, the person's "Opnieuw proberen").
   */
  flush(options: { force?: boolean } = {}): Promise<boolean> {
    return this.engine.flush(options);
  }

  /** Stops the timers (the host leaves the page); changes stay queued and on the device. */
  dispose(): void {
    this.engine.dispose();
  }

  /**
   * Compares every unsaved answer with a newer version from elsewhere: already there → done;
   * unchanged there → still to send; changed there too → held for a choice. True when something is held.
   */
  reconcile(fresh: Dossier): boolean {
    const held = this.engine.reconcile((sectionId) => fresh.answers[sectionId]);
    this.setState(this.restingState());
    return held;
  }

  private restingState(): SaveState {
    if (this.engine.anyHeld) return 'conflict';
    if (this.state === 'error' && this.error !== undefined && this.engine.queuedAny) return 'error';
    if (!this.engine.online && this.engine.hasPending) return 'offline';
    return this.engine.queuedAny ? 'dirty' : 'saved';
  }

  private fail(error: unknown): void {
    this.error = error;
    this.setState('error');
    this.host.failed(error);
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.host.changed();
  }
}
