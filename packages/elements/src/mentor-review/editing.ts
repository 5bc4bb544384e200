/**
 * Drafts of deel B and saving them: debounced autosave after typing, "Opslaan" at once, one save
 * at a time (each uses the version the previous one returned), a state and an error per section.
 * The same controller serves a dossier (saveSection) and a student without one (saveBegeleiding).
 *
 * Nothing typed is lost (shared/pending-answers.ts does the bookkeeping, as for deel A):
 * - a save sends only the questions typed since the last acknowledged save;
 * - unsaved answers are kept on the device until the server acknowledged them, and put back
 *   when the same dossier opens again (after a reload or crash), with a notice;
 * - on a 409 it loads the newest version and sends again what nobody else changed; a question
 *   someone else changed too is held until the mentor chooses (`conflicts()` / `resolve()`);
 * - a newer version from elsewhere on the page is compared the same way;
 * - offline nothing saves by itself (the answers wait on the device); back online, what is unsaved
 *   is saved; leaving the page with unsaved answers asks first.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isDossierApiError, type AnswerValue, type DossierApi, type SectionAnswers } from '@doorstroom/sdk';
import { DraftSaver, draftStoreFor, guardUnsavedChanges, type DraftHost, type DraftStore, type LocalDraft } from '../shared/drafts.js';
import { setAnswer } from '../shared/fields.js';
import { OnlineController } from '../shared/online.js';
import { PendingAnswers, rebaseAnswers, type FieldConflict } from '../shared/pending-answers.js';
import type { ConflictChoice } from '../shared/conflict-choice.js';
import type { SaveState } from './deel-b-editor.js';

export interface SaveTarget {
  /** Which dossier (or student) the drafts belong to; a new key starts new drafts. */
  key: string;
  saved(sectionId: string): SectionAnswers | undefined;
  version(): number;
  /** Sends the patch; the host stores what the backend returns, so `saved`/`version` follow. */
  save(sectionId: string, patch: Record<string, unknown>, version: number): Promise<void>;
  /** Loads the newest version (after a 409); `saved`/`version` follow. */
  reload(): Promise<void>;
  /** Whether the section can be changed now; answers kept on the device come back only then. Default: yes. */
  editable?(sectionId: string): boolean;
}

export interface SectionSaveState {
  state: SaveState;
  savedAt?: Date;
  /** Why the last save of this section failed (state 'failed'). */
  error?: unknown;
}

/** What the mentor is told above deel B: answers came back from the device, or the chosen answers are being saved. */
export type EditorMessage = 'restored' | 'resolved';

const toPatchValue = (value: unknown) => (value === undefined || value === '' ? null : value);

export class DeelBEditor implements ReactiveController {
  drafts: Record<string, SectionAnswers> = {};
  states: Record<string, SectionSaveState> = {};
  target?: SaveTarget;
  /** Shown in the polite live region above deel B until another dossier opens. */
  message?: EditorMessage;

  /** Milliseconds after the last change before a section saves by itself. */
  autosaveMs = 1500;
  /** Where unsaved answers are kept on this device; by default `draftStoreFor(host, host.api)`. */
  draftStore?: DraftStore;
  /** Sections whose unsaved answers were put back from the device since the last `attach`. */
  restoredSections: string[] = [];

  private readonly pending = new PendingAnswers();
  /** The version the drafts are based on; another one means a newer copy arrived. */
  private basisVersion = 0;
  private saving = 0;
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private queue: Promise<boolean> = Promise.resolve(true);
  private readonly local = new DraftSaver(() => this.store());
  private readonly connectivity: OnlineController;
  private stopGuard?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
    this.connectivity = new OnlineController(host, (online) => {
      // A save started offline would only fail: what waits is sent when the browser is back.
      if (!online) this.stopTimers();
      else if (this.dirty) void this.flush();
    });
  }

  hostConnected(): void {
    this.stopGuard = guardUnsavedChanges(
      () => this.dirty,
      () => void this.local.saveBeforeLeaving(),
    );
  }

  hostDisconnected(): void {
    this.stopTimers();
    this.stopGuard?.();
    void this.local.flush();
  }

  /** Runs after the host's willUpdate: a newer version from elsewhere (the page, a reload) is merged in. */
  hostUpdate(): void {
    // Already inside the host's update: what changes here is rendered by it, no new update needed.
    if (this.target && this.saving === 0 && this.target.version() !== this.basisVersion) this.rebase(false);
  }

  /** Starts editing `target` with its saved answers as drafts; keeps the drafts when the key did not change. */
  attach(target: SaveTarget, sectionIds: ReadonlyArray<string>): void {
    const same = this.target?.key === target.key;
    this.target = target;
    if (same) return;
    this.reset();
    this.basisVersion = target.version();
    for (const id of sectionIds) {
      this.drafts[id] = { ...(target.saved(id) ?? {}) };
      this.states[id] = { state: 'idle' };
    }
    void this.restore(target, sectionIds);
  }

  detach(): void {
    this.reset();
    this.target = undefined;
  }

  private reset(): void {
    this.stopTimers();
    this.pending.clear();
    this.drafts = {};
    this.states = {};
    this.message = undefined;
    this.restoredSections = [];
  }

  /** A field changed: `path` starts with the section id ('advies.pastKeuze'). */
  input(path: string, value: AnswerValue | undefined): void {
    const [sectionId, key, ...rest] = path.split('.');
    const target = this.target;
    if (!sectionId || !key || !target) return;
    this.pending.touch(sectionId, key, target.saved(sectionId)?.[key]);
    this.drafts = { ...this.drafts, [sectionId]: setAnswer(this.drafts[sectionId] ?? {}, [key, ...rest].join('.'), value) };
    this.refreshState(sectionId);
    this.persist(sectionId);
    // A held question stays held: typing on does not decide the conflict. Offline it waits for 'online'.
    if (this.pending.sendable(sectionId).length > 0 && this.connectivity.online) this.schedule(sectionId);
    this.host.requestUpdate();
  }

  /** Questions waiting for the mentor's choice between their answer and the saved one. */
  conflicts(): FieldConflict[] {
    return this.pending.conflicts();
  }

  /** The mentor chose per question after a conflict; the chosen answers are saved right away. */
  resolve(choices: ReadonlyArray<ConflictChoice>): Promise<boolean> {
    const sections = new Set<string>();
    for (const { sectionId, key, server, choice } of choices) {
      if (choice === 'server') {
        this.drafts = { ...this.drafts, [sectionId]: setAnswer(this.drafts[sectionId] ?? {}, key, (server ?? undefined) as AnswerValue | undefined) };
      }
      this.pending.resolve(sectionId, key, choice);
      sections.add(sectionId);
    }
    this.message = 'resolved';
    for (const id of sections) {
      this.refreshState(id);
      this.persist(id);
    }
    this.host.requestUpdate();
    return this.flush();
  }

  /**
   * Compares the drafts with the saved answers now (after a reload or a newer copy): what the
   * server has already is done, what nobody else changed stays to be sent, and what someone
   * else changed too is held for a choice. Answers nobody typed follow the server.
   */
  recheck(): void {
    this.rebase();
  }

  private rebase(update = true): void {
    const target = this.target;
    if (!target) return;
    this.pending.reconcile(
      (sectionId) => target.saved(sectionId),
      (sectionId) => this.drafts[sectionId] ?? {},
    );
    const drafts: Record<string, SectionAnswers> = {};
    for (const id of Object.keys(this.drafts)) drafts[id] = rebaseAnswers(target.saved(id), this.drafts[id], this.pending.keys(id));
    this.drafts = drafts;
    this.basisVersion = target.version();
    for (const id of Object.keys(this.drafts)) {
      this.refreshState(id);
      this.persist(id);
    }
    if (update) this.host.requestUpdate();
  }

  get dirty(): boolean {
    return this.pending.any;
  }

  isDirty(sectionId: string): boolean {
    return this.pending.keys(sectionId).size > 0;
  }

  /** Saves one section now (after any save in progress). Resolves false when it failed. */
  save(sectionId: string): Promise<boolean> {
    this.cancel(sectionId);
    this.queue = this.queue.then(() => this.run(sectionId));
    return this.queue;
  }

  /** Saves every section with unsaved changes; false when one failed or a choice is still to be made. */
  async flush(): Promise<boolean> {
    const pending = new Set([...this.pending.sections(), ...this.timers.keys()]);
    await this.queue;
    let ok = true;
    for (const id of pending) ok = (await this.save(id)) && ok;
    return ok && !this.dirty;
  }

  private store(): DraftStore | undefined {
    return this.draftStore ?? draftStoreFor(this.host as unknown as DraftHost, (this.host as { api?: DossierApi }).api);
  }

  /**
   * Answers kept on the device for this target from an earlier visit: compared with the server's
   * answers now, they go back into the form (and are saved) or are offered as a choice.
   */
  private async restore(target: SaveTarget, sectionIds: ReadonlyArray<string>): Promise<void> {
    const store = this.store();
    let kept: LocalDraft[] = [];
    try {
      kept = store ? await store.list(target.key) : [];
    } catch {
      return;
    }
    if (this.target !== target) return;
    const send: string[] = [];
    for (const draft of kept) {
      const { sectionId } = draft;
      // Not editable now (e.g. sent to the student meanwhile): the copy stays until it can be used or expires.
      if (!sectionIds.includes(sectionId) || (target.editable && !target.editable(sectionId))) continue;
      const back = this.pending.restore(draft, target.saved(sectionId));
      if (back) {
        let answers = this.drafts[sectionId] ?? {};
        for (const [key, value] of Object.entries(back.values)) answers = setAnswer(answers, key, (value ?? undefined) as AnswerValue | undefined);
        this.drafts = { ...this.drafts, [sectionId]: answers };
        this.restoredSections = [...this.restoredSections, sectionId];
        if (back.send.length > 0) send.push(sectionId);
      }
      this.persist(sectionId);
      this.refreshState(sectionId);
    }
    if (this.restoredSections.length > 0) this.message = 'restored';
    this.host.requestUpdate();
    for (const sectionId of send) void this.save(sectionId);
  }

  /** Writes the section's unsaved answers to the device, or removes them once nothing is unsaved. */
  private persist(sectionId: string): void {
    const target = this.target;
    if (!target) return;
    const copy = this.pending.localDraft(target.key, sectionId, target.version(), this.drafts[sectionId] ?? {});
    if (copy) this.local.put(copy);
    else this.local.remove({ dossierId: target.key, sectionId });
  }

  private stopTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
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

  /** The state a section rests in: a choice to make, a failure not retried yet, changes waiting, or saved. */
  private refreshState(sectionId: string): void {
    const current = this.states[sectionId] ?? { state: 'idle' };
    if (current.state === 'saving') return;
    let next: SectionSaveState;
    if (this.pending.conflicts().some((c) => c.sectionId === sectionId)) next = { state: 'conflict' };
    // The failure stays visible until this section is tried again: typing on does not make it saved.
    else if (current.state === 'failed' && this.isDirty(sectionId)) next = current;
    else if (this.isDirty(sectionId)) next = { state: 'dirty' };
    else next = current.state === 'saved' ? current : { state: 'idle' };
    this.states = { ...this.states, [sectionId]: next };
  }

  private async run(sectionId: string, round = 0): Promise<boolean> {
    const target = this.target;
    if (!target) return true;
    const keys = this.pending.sendable(sectionId);
    if (keys.length === 0) {
      this.refreshState(sectionId);
      this.host.requestUpdate();
      return true;
    }
    const draft = this.drafts[sectionId] ?? {};
    const sent = Object.fromEntries(keys.map((key) => [key, toPatchValue(draft[key])]));
    this.states = { ...this.states, [sectionId]: { state: 'saving' } };
    this.host.requestUpdate();
    this.saving++;
    try {
      await target.save(sectionId, sent, target.version());
    } catch (error) {
      this.saving--;
      if (this.target !== target) return false;
      if (isDossierApiError(error) && error.kind === 'conflict' && round < 3) {
        // Someone else saved meanwhile: take their version in and send again what they did not touch.
        try {
          await target.reload();
        } catch (reloadError) {
          return this.failed(sectionId, reloadError);
        }
        if (this.target !== target) return false;
        this.states = { ...this.states, [sectionId]: { state: 'idle' } };
        this.rebase();
        return this.run(sectionId, round + 1);
      }
      return this.failed(sectionId, error);
    }
    this.saving--;
    if (this.target !== target) return true;
    this.pending.acknowledge(sectionId, sent, this.drafts[sectionId] ?? {});
    this.basisVersion = target.version();
    this.states = { ...this.states, [sectionId]: { state: 'saved', savedAt: new Date() } };
    // Typed on while the save was under way: that is a newer draft still to save.
    this.refreshState(sectionId);
    // The version moved on: every device copy is now based on it.
    for (const id of Object.keys(this.drafts)) this.persist(id);
    this.host.requestUpdate();
    return true;
  }

  /** Only this section shows the failure; the others keep their own state. */
  private failed(sectionId: string, error: unknown): false {
    this.states = { ...this.states, [sectionId]: { state: 'failed', error } };
    this.onError(error);
    this.host.requestUpdate();
    return false;
  }
}
