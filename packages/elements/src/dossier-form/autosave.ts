/**
 * The autosave queue of the dossier form. It never drops a change:
 * - it remembers every answer typed and not yet acknowledged (per section and question), with
 *   the server's value when the typing started, and keeps that on the device (`local`) until the
 *   server acknowledged it;
 * - it saves a short while after the last change (one PATCH per changed section, only the
 *   changed questions, with the version the previous save returned);
 * - offline (the browser says so, or a save could not reach the server) it stops trying, keeps
 *   the order of the queue and sends everything when the connection is back;
 * - on a 409 it loads the newest version and re-sends the answers nobody else changed; a question
 *   someone else changed too is held until the person chooses (`conflicts()` / `resolve()`).
 */
import { isDossierApiError, type Dossier, type SectionAnswers } from '@doorstroom/sdk';
import { browserOnline, type DraftSaver, type LocalDraft } from '../shared/drafts.js';
import { PendingAnswers, type FieldConflict } from '../shared/pending-answers.js';

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

const transientKinds = new Set(['server', 'timeout', 'rateLimited']);

export class AutosaveQueue {
  state: SaveState = 'saved';
  error: unknown = undefined;
  /** False while the browser is offline or the server could not be reached. */
  online = browserOnline();
  /** Milliseconds after the last change before saving. */
  delay = 800;
  /** First wait before trying again by itself after a network or server failure; doubles up to a minute. */
  retryDelay = 5000;
  /** Where unacknowledged answers are kept on the device. */
  local?: DraftSaver;

  /** Every answer not acknowledged yet, with its origin, and those held for a choice. */
  private readonly pending = new PendingAnswers();
  /** What the next save sends, in the order it was typed. */
  private readonly queued = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private running: Promise<boolean> = Promise.resolve(true);

  constructor(
    private readonly host: AutosaveHost,
    local?: DraftSaver,
  ) {
    this.local = local;
  }

  /** Whether anything typed is not acknowledged by the server yet (queued, being saved, held or failed). */
  get hasPending(): boolean {
    return this.pending.any;
  }

  /** The question ids of a section that are not acknowledged yet. */
  pendingKeys(sectionId: string): ReadonlySet<string> {
    return this.pending.keys(sectionId);
  }

  /** Questions waiting for the person's choice between their answer and the server's. */
  conflicts(): FieldConflict[] {
    return this.pending.conflicts();
  }

  /** The person changed `questionId` of `sectionId` (a top-level question id; a repeat counts as one). */
  change(sectionId: string, questionId: string): void {
    this.pending.touch(sectionId, questionId, this.host.dossier()?.answers[sectionId]?.[questionId]);
    // A held question stays held: typing on does not decide the conflict.
    if (!this.pending.isHeld(sectionId, questionId)) this.enqueue(sectionId, [questionId]);
    this.persist(sectionId);
    if (this.state !== 'saving') this.setState(this.restingState());
    if (this.online) this.schedule();
  }

  /** The person chose for a held question; the host already put the chosen answer in its draft. */
  resolve(sectionId: string, key: string, choice: 'mine' | 'server'): void {
    if (this.pending.resolve(sectionId, key, choice)) this.enqueue(sectionId, [key]);
    this.persist(sectionId);
    this.setState(this.restingState());
  }

  /**
   * Drafts kept on the device from an earlier visit, compared with `fresh`: what nobody changed
   * since is given to `apply` and queued, what someone else changed is held for a choice.
   * Questions the person typed since this visit began are left alone. Returns whether anything came back.
   */
  restore(fresh: Dossier, drafts: ReadonlyArray<LocalDraft>, apply: (sectionId: string, values: Record<string, unknown>) => void): boolean {
    let restored = false;
    for (const draft of drafts) {
      const { sectionId } = draft;
      const back = this.pending.restore(draft, fresh.answers[sectionId]);
      if (back) {
        restored = true;
        if (back.send.length > 0) this.enqueue(sectionId, back.send);
        apply(sectionId, back.values);
      }
      this.persist(sectionId);
    }
    if (restored) this.setState(this.restingState());
    return restored;
  }

  /** The browser went offline or came back (window `offline`/`online`). Back online: send what waits. */
  setOnline(online: boolean): void {
    this.cancelRetry();
    this.online = online;
    if (!online) {
      this.cancelTimer();
      this.setState(this.restingState());
      return;
    }
    this.retries = 0;
    if (this.queued.size > 0) void this.flush();
    else this.setState(this.restingState());
  }

  /** Forget unsaved changes and timers in this element, e.g. when another dossier opens; the device copy stays. */
  reset(): void {
    this.cancelTimer();
    this.cancelRetry();
    this.pending.clear();
    this.queued.clear();
    this.error = undefined;
    this.retries = 0;
    this.setState('saved');
  }

  /** Throw away everything not saved, also the copy on the device. */
  clear(): void {
    const dossier = this.host.dossier();
    if (dossier && this.local) for (const sectionId of this.pending.sections()) this.local.remove({ dossierId: dossier.id, sectionId });
    this.reset();
  }

  /**
   * Saves what is queued now; resolves true when nothing is left unsaved. Offline it does not
   * try (unless `force`, the person's "Opnieuw proberen").
   */
  flush(options: { force?: boolean } = {}): Promise<boolean> {
    this.cancelTimer();
    if (!this.online && !options.force) {
      this.setState(this.restingState());
      return Promise.resolve(false);
    }
    this.cancelRetry();
    this.running = this.running.then(() => this.drain());
    return this.running;
  }

  /** Stops the timers (the host leaves the page); changes stay queued and on the device. */
  dispose(): void {
    this.cancelTimer();
    this.cancelRetry();
  }

  private async drain(): Promise<boolean> {
    let conflictRounds = 0;
    // Only what is queued now: changes typed while saving wait for their own timer.
    const order = [...this.queued.keys()];
    while (order.length > 0) {
      const sectionId = order.shift()!;
      const keys = this.queued.get(sectionId);
      const dossier = this.host.dossier();
      if (!keys || !dossier) continue;
      this.queued.delete(sectionId);
      const draft = this.host.draft(sectionId);
      // `null` clears a saved answer that is now empty in the draft.
      const answers = Object.fromEntries([...keys].map((key) => [key, draft[key] ?? null]));
      this.error = undefined;
      this.setState('saving');
      try {
        const saved = await this.host.save(dossier.id, sectionId, answers, dossier.version);
        this.online = true;
        this.retries = 0;
        this.acknowledge(sectionId, answers);
        this.host.saved(saved);
        this.persist(sectionId);
      } catch (error) {
        this.requeueFirst(sectionId, keys);
        if (isDossierApiError(error) && error.kind === 'conflict' && conflictRounds < 3) {
          conflictRounds++;
          try {
            const fresh = await this.host.reload(dossier.id);
            this.host.refreshed(fresh, this.reconcile(fresh));
          } catch (reloadError) {
            return this.failed(reloadError);
          }
          order.splice(0, order.length, ...this.queued.keys());
          continue;
        }
        return this.failed(error);
      }
    }
    this.setState(this.restingState());
    return !this.pending.any;
  }

  /** No connection: offline, quietly trying again later. A server hiccup: the error, and trying again later. Else: the error. */
  private failed(error: unknown): false {
    if (isDossierApiError(error) && error.kind === 'network') {
      this.online = false;
      this.scheduleRetry();
      this.setState(this.restingState());
      return false;
    }
    if (isDossierApiError(error) && transientKinds.has(error.kind)) this.scheduleRetry();
    return this.fail(error);
  }

  /** The server stored `sent`: answers still equal to it are done; newer typing keeps waiting, now based on `sent`. */
  private acknowledge(sectionId: string, sent: Record<string, unknown>): void {
    this.pending.acknowledge(sectionId, sent, this.host.draft(sectionId), this.queued.get(sectionId));
  }

  /**
   * Compares every unsaved answer with a newer version from elsewhere: already there → done;
   * unchanged there → still to send; changed there too → held for a choice. True when something is held.
   */
  reconcile(fresh: Dossier): boolean {
    const sections = this.pending.sections();
    const changes = this.pending.reconcile(
      (sectionId) => fresh.answers[sectionId],
      (sectionId) => this.host.draft(sectionId),
    );
    for (const { sectionId, key } of changes) this.dequeue(sectionId, key);
    for (const sectionId of sections) this.persist(sectionId);
    this.setState(this.restingState());
    return this.pending.anyHeld;
  }

  /** Writes (or removes) the device copy of a section's unacknowledged answers. */
  private persist(sectionId: string): void {
    const dossier = this.host.dossier();
    if (!this.local || !dossier) return;
    const copy = this.pending.localDraft(dossier.id, sectionId, dossier.version, this.host.draft(sectionId));
    if (copy) this.local.put(copy);
    else this.local.remove({ dossierId: dossier.id, sectionId });
  }

  private restingState(): SaveState {
    if (this.pending.anyHeld) return 'conflict';
    if (this.state === 'error' && this.error !== undefined && this.queued.size > 0) return 'error';
    if (!this.online && this.pending.any) return 'offline';
    return this.queued.size > 0 ? 'dirty' : 'saved';
  }

  private fail(error: unknown): false {
    this.error = error;
    this.setState('error');
    this.host.failed(error);
    return false;
  }

  private schedule(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delay);
  }

  /** Tries again by itself later: the 'online' event does not come when the browser thought it was online all along. */
  private scheduleRetry(): void {
    this.cancelRetry();
    const wait = Math.min(this.retryDelay * 2 ** this.retries++, 60_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush({ force: true });
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private enqueue(sectionId: string, keys: Iterable<string>): void {
    let queued = this.queued.get(sectionId);
    if (!queued) this.queued.set(sectionId, (queued = new Set()));
    for (const key of keys) queued.add(key);
  }

  private dequeue(sectionId: string, key: string): void {
    const queued = this.queued.get(sectionId);
    queued?.delete(key);
    if (queued?.size === 0) this.queued.delete(sectionId);
  }

  /** A failed section goes back to the front, so reconnecting sends everything in the order it was typed. */
  private requeueFirst(sectionId: string, keys: Iterable<string>): void {
    const later = this.queued.get(sectionId);
    const rest = [...this.queued].filter(([id]) => id !== sectionId);
    this.queued.clear();
    this.queued.set(sectionId, new Set([...keys, ...(later ?? [])]));
    for (const [id, set] of rest) this.queued.set(id, set);
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.host.changed();
  }
}
