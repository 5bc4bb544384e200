/**
 * Drafts of deel B and saving them: debounced autosave after typing, "Opslaan" at once, one save
 * at a time (each uses the version the previous one returned), a state and an error per section.
 * The same controller serves a dossier (saveSection) and a student without one (saveBegeleiding).
 * The saving itself is shared/section-saver.ts, as for deel A; this file keeps the drafts, the
 * state per section and the device copies that come back.
 *
 * Nothing typed is lost:
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
import type { AnswerValue, DossierApi, SectionAnswers } from '@doorstroom/sdk';
import { DraftSaver, draftStoreFor, guardUnsavedChanges, type DraftHost, type DraftStore, type LocalDraft } from '../shared/drafts.js';
import { setAnswer } from '../shared/fields.js';
import { OnlineController } from '../shared/online.js';
import { rebaseAnswers, type FieldConflict } from '../shared/pending-answers.js';
import { SectionSaver } from '../shared/section-saver.js';
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

  /** Where unsaved answers are kept on this device; by default `draftStoreFor(host, host.api)`. */
  draftStore?: DraftStore;
  /** Sections whose unsaved answers were put back from the device since the last `attach`. */
  restoredSections: string[] = [];

  /** The version the drafts are based on; another one means a newer copy arrived. */
  private basisVersion = 0;
  private readonly local = new DraftSaver(() => this.store());
  private readonly engine: SectionSaver<void>;
  private stopGuard?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
    this.engine = new SectionSaver<void>(
      host,
      {
        owner: () => this.target?.key,
        version: () => this.target?.version() ?? 0,
        saved: (sectionId) => this.target?.saved(sectionId),
        draft: (sectionId) => this.drafts[sectionId] ?? {},
        save: (sectionId, patch, version) => this.target!.save(sectionId, patch, version),
        reload: () => this.target!.reload(),
      },
      {
        saving: (sectionId) => {
          this.states = { ...this.states, [sectionId]: { state: 'saving' } };
          this.host.requestUpdate();
        },
        saved: (sectionId) => {
          this.basisVersion = this.target!.version();
          this.states = { ...this.states, [sectionId]: { state: 'saved', savedAt: new Date() } };
          // Typed on while the save was under way: that is a newer draft still to save.
          this.refreshState(sectionId);
          // The version moved on: every device copy is now based on it.
          for (const id of Object.keys(this.drafts)) this.engine.persist(id);
          this.host.requestUpdate();
        },
        rebased: (sectionId) => {
          this.states = { ...this.states, [sectionId]: { state: 'idle' } };
          this.rebaseDrafts();
        },
        // Only this section shows the failure; the others keep their own state.
        failed: (sectionId, error) => {
          this.states = { ...this.states, [sectionId]: { state: 'failed', error } };
          this.onError(error);
          this.host.requestUpdate();
        },
        settled: (sectionId) => {
          if (sectionId === undefined) return;
          this.refreshState(sectionId);
          this.host.requestUpdate();
        },
      },
      { debounce: 'per-section', failures: 'report', patchValue: toPatchValue, local: this.local },
    );
    this.engine.delay = 1500;
    new OnlineController(host, (online) => {
      // A save started offline would only fail: what waits is sent when the browser is back.
      this.engine.setOnline(online);
      if (online && this.dirty) void this.flush();
    });
  }

  /** Milliseconds after the last change before a section saves by itself. */
  get autosaveMs(): number {
    return this.engine.delay;
  }
  set autosaveMs(ms: number) {
    this.engine.delay = ms;
  }

  hostConnected(): void {
    this.stopGuard = guardUnsavedChanges(
      () => this.dirty,
      () => void this.local.saveBeforeLeaving(),
    );
  }

  hostDisconnected(): void {
    this.stopGuard?.();
    void this.local.flush();
  }

  /** Runs after the host's willUpdate: a newer version from elsewhere (the page, a reload) is merged in. */
  hostUpdate(): void {
    // Already inside the host's update: what changes here is rendered by it, no new update needed.
    if (this.target && !this.engine.busy && this.target.version() !== this.basisVersion) this.rebase(false);
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
    this.engine.reset();
    this.drafts = {};
    this.states = {};
    this.message = undefined;
    this.restoredSections = [];
  }

  /** A field changed: `path` starts with the section id ('advies.pastKeuze'). */
  input(path: string, value: AnswerValue | undefined): void {
    const [sectionId, key, ...rest] = path.split('.');
    if (!sectionId || !key || !this.target) return;
    this.drafts = { ...this.drafts, [sectionId]: setAnswer(this.drafts[sectionId] ?? {}, [key, ...rest].join('.'), value) };
    // A held question stays held: typing on does not decide the conflict. Offline it waits for 'online'.
    this.engine.change(sectionId, key);
    this.refreshState(sectionId);
    this.host.requestUpdate();
  }

  /** Questions waiting for the mentor's choice between their answer and the saved one. */
  conflicts(): FieldConflict[] {
    return this.engine.conflicts();
  }

  /** The mentor chose per question after a conflict; the chosen answers are saved right away. */
  resolve(choices: ReadonlyArray<ConflictChoice>): Promise<boolean> {
    const sections = new Set<string>();
    for (const { sectionId, key, server, choice } of choices) {
      if (choice === 'server') {
        this.drafts = { ...this.drafts, [sectionId]: setAnswer(this.drafts[sectionId] ?? {}, key, (server ?? undefined) as AnswerValue | undefined) };
      }
      this.engine.resolve(sectionId, key, choice);
      sections.add(sectionId);
    }
    this.message = 'resolved';
    for (const id of sections) this.refreshState(id);
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
    if (!this.target) return;
    this.engine.reconcile();
    this.rebaseDrafts(update);
  }

  /** The drafts on top of the server's answers now, the unsaved answers kept. */
  private rebaseDrafts(update = true): void {
    const target = this.target!;
    const drafts: Record<string, SectionAnswers> = {};
    for (const id of Object.keys(this.drafts)) drafts[id] = rebaseAnswers(target.saved(id), this.drafts[id], this.engine.pendingKeys(id));
    this.drafts = drafts;
    this.basisVersion = target.version();
    for (const id of Object.keys(this.drafts)) {
      this.refreshState(id);
      this.engine.persist(id);
    }
    if (update) this.host.requestUpdate();
  }

  get dirty(): boolean {
    return this.engine.hasPending;
  }

  isDirty(sectionId: string): boolean {
    return this.engine.pendingKeys(sectionId).size > 0;
  }

  /** Saves one section now (after any save in progress). Resolves false when it failed. */
  save(sectionId: string): Promise<boolean> {
    return this.engine.save(sectionId);
  }

  /** Saves every section with unsaved changes; false when one failed or a choice is still to be made. */
  async flush(): Promise<boolean> {
    const pending = new Set([...this.engine.sections(), ...this.engine.scheduled()]);
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
    // Not editable now (e.g. sent to the student meanwhile): the copy stays until it can be used or expires.
    const usable = kept.filter(({ sectionId }) => sectionIds.includes(sectionId) && (!target.editable || target.editable(sectionId)));
    const { restored, send } = this.engine.restore(usable, (sectionId, values) => {
      let answers = this.drafts[sectionId] ?? {};
      for (const [key, value] of Object.entries(values)) answers = setAnswer(answers, key, (value ?? undefined) as AnswerValue | undefined);
      this.drafts = { ...this.drafts, [sectionId]: answers };
    });
    this.restoredSections = [...this.restoredSections, ...restored];
    for (const { sectionId } of usable) this.refreshState(sectionId);
    if (this.restoredSections.length > 0) this.message = 'restored';
    this.host.requestUpdate();
    for (const sectionId of send) void this.save(sectionId);
  }

  /** The state a section rests in: a choice to make, a failure not retried yet, changes waiting, or saved. */
  private refreshState(sectionId: string): void {
    const current = this.states[sectionId] ?? { state: 'idle' };
    if (current.state === 'saving') return;
    let next: SectionSaveState;
    if (this.engine.conflicts().some((c) => c.sectionId === sectionId)) next = { state: 'conflict' };
    // The failure stays visible until this section is tried again: typing on does not make it saved.
    else if (current.state === 'failed' && this.isDirty(sectionId)) next = current;
    else if (this.isDirty(sectionId)) next = { state: 'dirty' };
    else next = current.state === 'saved' ? current : { state: 'idle' };
    this.states = { ...this.states, [sectionId]: next };
  }
}
