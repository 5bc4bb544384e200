/**
 * Drafts of deel B and saving them: debounced autosave after typing, "Opslaan" at once, one save
 * at a time (each uses the version the previous one returned), a visible state per section.
 * The same controller serves a dossier (saveSection) and a student without one (saveBegeleiding).
 *
 * Unsaved answers are also kept on the device (see shared/drafts.ts) until a save went through,
 * and put back when the same dossier opens again unchanged (after a reload or crash). Back
 * online, what is unsaved is saved; leaving the page with unsaved answers asks first.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnswerValue, DossierApi, SectionAnswers } from '@doorstroom/sdk';
import { DraftSaver, draftStoreFor, guardUnsavedChanges, reconcileDraft, sameAnswer, watchConnectivity, type DraftHost, type DraftStore } from '../shared/drafts.js';
import { setAnswer } from '../shared/fields.js';
import type { SaveState } from './deel-b-editor.js';
import { isDirty, patchFor } from './state.js';

export interface SaveTarget {
  /** Which dossier (or student) the drafts belong to; a new key starts new drafts. */
  key: string;
  saved(sectionId: string): SectionAnswers | undefined;
  version(): number;
  /** Sends the patch; the host stores what the backend returns, so `saved`/`version` follow. */
  save(sectionId: string, patch: Record<string, unknown>, version: number): Promise<void>;
}

export interface SectionSaveState {
  state: SaveState;
  savedAt?: Date;
}

export class DeelBEditor implements ReactiveController {
  drafts: Record<string, SectionAnswers> = {};
  states: Record<string, SectionSaveState> = {};
  /** The last failure, until the next successful save. */
  error?: unknown;
  target?: SaveTarget;

  /** Milliseconds after the last change before a section saves by itself. */
  autosaveMs = 1500;
  /** Where unsaved answers are kept on this device; by default `draftStoreFor(host, host.api)`. */
  draftStore?: DraftStore;
  /** Sections whose unsaved answers were put back from the device since the last `attach`. */
  restoredSections: string[] = [];

  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private queue: Promise<boolean> = Promise.resolve(true);
  private readonly local = new DraftSaver(() => this.draftStore ?? draftStoreFor(this.host as unknown as DraftHost, (this.host as { api?: DossierApi }).api));
  private stopWatching: Array<() => void> = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopWatching = [
      watchConnectivity((online) => {
        if (online && this.dirty) void this.flush();
      }),
      guardUnsavedChanges(
        () => this.dirty,
        () => void this.local.flush(),
      ),
    ];
  }

  hostDisconnected(): void {
    this.stopTimers();
    for (const stop of this.stopWatching.splice(0)) stop();
    void this.local.flush();
  }

  private stopTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Starts editing `target` with its saved answers as drafts; keeps the drafts when the key did not change. */
  attach(target: SaveTarget, sectionIds: ReadonlyArray<string>): void {
    const same = this.target?.key === target.key;
    this.target = target;
    if (same) return;
    this.stopTimers();
    this.error = undefined;
    this.drafts = {};
    this.states = {};
    this.restoredSections = [];
    for (const id of sectionIds) {
      this.drafts[id] = { ...(target.saved(id) ?? {}) };
      this.states[id] = { state: 'idle' };
    }
    void this.restore(target, sectionIds);
  }

  detach(): void {
    this.stopTimers();
    this.target = undefined;
    this.drafts = {};
    this.states = {};
    this.error = undefined;
  }

  /** A field changed: `path` starts with the section id ('advies.pastKeuze'). */
  input(path: string, value: AnswerValue | undefined): void {
    const [sectionId, ...rest] = path.split('.');
    if (!sectionId || rest.length === 0) return;
    this.drafts = { ...this.drafts, [sectionId]: setAnswer(this.drafts[sectionId] ?? {}, rest.join('.'), value) };
    this.refreshState(sectionId);
    this.persist(sectionId);
    this.schedule(sectionId);
    this.host.requestUpdate();
  }

  /**
   * Answers kept on the device for this target. Only when the server still has the version they
   * were typed on: then nobody changed anything since and the section is as editable as it was.
   */
  private async restore(target: SaveTarget, sectionIds: ReadonlyArray<string>): Promise<void> {
    const store = this.draftStore ?? draftStoreFor(this.host as unknown as DraftHost, (this.host as { api?: DossierApi }).api);
    let kept: Awaited<ReturnType<DraftStore['list']>> = [];
    try {
      kept = store ? await store.list(target.key) : [];
    } catch {
      return;
    }
    if (this.target !== target) return;
    for (const draft of kept) {
      const { sectionId } = draft;
      if (!sectionIds.includes(sectionId) || draft.baseVersion !== target.version() || this.isDirty(sectionId)) continue;
      const { apply } = reconcileDraft(draft, target.saved(sectionId));
      const entries = Object.entries(apply);
      if (entries.length === 0) {
        this.persist(sectionId);
        continue;
      }
      let answers = this.drafts[sectionId] ?? {};
      for (const [key, value] of entries) answers = setAnswer(answers, key, (value ?? undefined) as AnswerValue | undefined);
      this.drafts = { ...this.drafts, [sectionId]: answers };
      this.restoredSections = [...this.restoredSections, sectionId];
      this.refreshState(sectionId);
      this.schedule(sectionId);
    }
    this.host.requestUpdate();
  }

  /** Writes the section's unsaved answers to the device, or removes them once nothing is unsaved. */
  private persist(sectionId: string): void {
    const target = this.target;
    if (!target) return;
    const key = { dossierId: target.key, sectionId };
    const saved = target.saved(sectionId) ?? {};
    const draft = this.drafts[sectionId] ?? {};
    const changed = [...new Set([...Object.keys(saved), ...Object.keys(draft)])].filter((k) => !sameAnswer(saved[k], draft[k]));
    if (changed.length === 0) {
      this.local.remove(key);
      return;
    }
    this.local.put({
      ...key,
      baseVersion: target.version(),
      values: Object.fromEntries(changed.map((k) => [k, draft[k] ?? null])),
      origins: Object.fromEntries(changed.map((k) => [k, saved[k] ?? null])),
      savedAt: Date.now(),
    });
  }

  /** Re-reads the save states after the saved answers changed underneath (a reload). */
  recheck(): void {
    for (const id of Object.keys(this.drafts)) this.refreshState(id);
    this.host.requestUpdate();
  }

  get dirty(): boolean {
    return Object.keys(this.drafts).some((id) => this.isDirty(id));
  }

  isDirty(sectionId: string): boolean {
    return !!this.target && isDirty(this.target.saved(sectionId), this.drafts[sectionId]);
  }

  /** Saves one section now (after any save in progress). Resolves false when it failed. */
  save(sectionId: string): Promise<boolean> {
    this.cancel(sectionId);
    this.queue = this.queue.then(() => this.run(sectionId));
    return this.queue;
  }

  /** Saves every section with unsaved changes; false when one failed. */
  async flush(): Promise<boolean> {
    const pending = Object.keys(this.drafts).filter((id) => this.isDirty(id) || this.timers.has(id));
    await this.queue;
    let ok = true;
    for (const id of pending) ok = (await this.save(id)) && ok;
    return ok && !this.dirty;
  }

  private schedule(sectionId: string): void {
    this.cancel(sectionId);
    this.timers.set(
      sectionId,
      setTimeout(() => {
        this.timers.delete(sectionId);
        void this.save(sectionId);
      }, this.autosaveMs),
    );
  }

  private cancel(sectionId: string): void {
    const timer = this.timers.get(sectionId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(sectionId);
  }

  private refreshState(sectionId: string): void {
    const current = this.states[sectionId] ?? { state: 'idle' };
    if (current.state === 'saving') return;
    const dirty = this.isDirty(sectionId);
    const settled = current.state === 'dirty' || current.state === 'failed' ? { state: 'idle' as const } : current;
    this.states = { ...this.states, [sectionId]: dirty ? { state: 'dirty' } : settled };
  }

  private async run(sectionId: string): Promise<boolean> {
    const target = this.target;
    const draft = this.drafts[sectionId];
    if (!target || !draft || !isDirty(target.saved(sectionId), draft)) {
      if (target) this.refreshState(sectionId);
      return true;
    }
    this.states = { ...this.states, [sectionId]: { state: 'saving' } };
    this.host.requestUpdate();
    try {
      await target.save(sectionId, patchFor(target.saved(sectionId), draft), target.version());
      if (this.target !== target) return true;
      this.error = undefined;
      this.states = { ...this.states, [sectionId]: { state: 'saved', savedAt: new Date() } };
      // Typed on while the save was under way: that is a newer draft still to save.
      if (this.isDirty(sectionId)) this.states = { ...this.states, [sectionId]: { state: 'dirty' } };
      // The version moved on: every device copy is now based on it.
      for (const id of Object.keys(this.drafts)) this.persist(id);
      return true;
    } catch (error) {
      if (this.target !== target) return false;
      this.error = error;
      this.states = { ...this.states, [sectionId]: { state: 'failed' } };
      this.onError(error);
      return false;
    } finally {
      this.host.requestUpdate();
    }
  }
}
