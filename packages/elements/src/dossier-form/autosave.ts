/**
 * The autosave queue of the dossier form: remembers which answers changed per section, saves
 * them a short while after the last change (one PATCH per changed section, only the changed
 * questions), keeps the returned version, and never drops a change: a failed save puts the
 * answers back in the queue until the next attempt.
 */
import { isDossierApiError, type Dossier, type SectionAnswers } from '@doorstroom/sdk';

/** What the person sees: everything saved, changes waiting, a save under way, or a failure. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export interface AutosaveHost {
  /** The dossier as the backend last returned it (its id and version are used for saving). */
  dossier(): Dossier | undefined;
  /** The current draft of a section: what the person typed, saved or not. */
  draft(sectionId: string): SectionAnswers;
  save(dossierId: string, sectionId: string, answers: Record<string, unknown>, version: number): Promise<Dossier>;
  reload(dossierId: string): Promise<Dossier>;
  /** A save went through; `dossier` is the backend's new version. */
  saved(dossier: Dossier): void;
  /** Someone else changed the dossier: `fresh` is the newest version; unsaved changes are still queued. */
  conflicted(fresh: Dossier): void;
  failed(error: unknown): void;
  /** The state or the error changed: render again. */
  changed(): void;
}

export class AutosaveQueue {
  state: SaveState = 'saved';
  error: unknown = undefined;
  /** Milliseconds after the last change before saving. */
  delay = 800;
  private readonly pending = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<boolean> = Promise.resolve(true);

  constructor(private readonly host: AutosaveHost) {}

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** The question ids of a section that still need saving. */
  pendingKeys(sectionId: string): ReadonlySet<string> {
    return this.pending.get(sectionId) ?? new Set();
  }

  /** The person changed `questionId` of `sectionId` (a top-level question id; a repeat counts as one). */
  change(sectionId: string, questionId: string): void {
    let keys = this.pending.get(sectionId);
    if (!keys) this.pending.set(sectionId, (keys = new Set()));
    keys.add(questionId);
    if (this.state !== 'saving') this.setState('dirty');
    this.schedule();
  }

  /** Forget unsaved changes and timers, e.g. when another dossier opens. */
  clear(): void {
    this.cancelTimer();
    this.pending.clear();
    this.error = undefined;
    this.setState('saved');
  }

  /** Saves everything now; resolves true when nothing is left unsaved. */
  flush(): Promise<boolean> {
    this.cancelTimer();
    this.running = this.running.then(() => this.drain());
    return this.running;
  }

  /** Stops the timer (the host leaves the page); changes stay queued. */
  dispose(): void {
    this.cancelTimer();
  }

  private schedule(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delay);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private requeue(sectionId: string, keys: Iterable<string>): void {
    let queued = this.pending.get(sectionId);
    if (!queued) this.pending.set(sectionId, (queued = new Set()));
    for (const key of keys) queued.add(key);
  }

  private async drain(): Promise<boolean> {
    // Only what is queued now: changes typed while saving wait for their own timer.
    const sectionIds = [...this.pending.keys()];
    let conflictRetried = false;
    for (let index = 0; index < sectionIds.length; index++) {
      const sectionId = sectionIds[index]!;
      const keys = this.pending.get(sectionId);
      const dossier = this.host.dossier();
      if (!keys || !dossier) continue;
      this.pending.delete(sectionId);
      const draft = this.host.draft(sectionId);
      // `null` clears a saved answer that is now empty in the draft.
      const answers = Object.fromEntries([...keys].map((key) => [key, draft[key] ?? null]));
      this.error = undefined;
      this.setState('saving');
      try {
        this.host.saved(await this.host.save(dossier.id, sectionId, answers, dossier.version));
      } catch (error) {
        this.requeue(sectionId, keys);
        if (isDossierApiError(error) && error.kind === 'conflict' && !conflictRetried) {
          conflictRetried = true;
          try {
            this.host.conflicted(await this.host.reload(dossier.id));
          } catch (reloadError) {
            return this.fail(reloadError);
          }
          index--; // the same section again, against the fresh version
          continue;
        }
        return this.fail(error);
      }
    }
    this.setState(this.pending.size > 0 ? 'dirty' : 'saved');
    return this.pending.size === 0;
  }

  private fail(error: unknown): false {
    this.error = error;
    this.setState('error');
    this.host.failed(error);
    return false;
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.host.changed();
  }
}
