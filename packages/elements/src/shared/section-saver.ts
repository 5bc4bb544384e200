/**
 * The one editing engine behind deel A (<ddd-dossier-form>), deel B (<ddd-mentor-review>) and the
 * akkoord and consent (<ddd-consent>): what the person typed goes to the server without ever being lost.
 * - Every change is remembered per section and top-level question with the server's value when
 *   the typing started (shared/pending-answers.ts), and kept on the device until acknowledged.
 * - It saves a while after the last change (`delay`), only the changed questions, one request at
 *   a time, each with the version the previous one returned.
 * - On a 409 it loads the newest version and sends again what nobody else changed, for at most
 *   three rounds; a question someone else changed too is held until the person chooses.
 * - A failed save keeps its answers queued, at the front, so a retry sends them in typing order.
 *
 * What differs between the elements is passed in: where answers are saved (`SaveTargetPort`),
 * what the person sees at each step (`SaverHooks`), and two policies (`SaverOptions`). The
 * element keeps the drafts; the engine keeps the bookkeeping.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isDossierApiError, type SectionAnswers } from '@doorstroom/sdk';
import { browserOnline, reconcileDraft, type DraftSaver, type LocalDraft } from './drafts.js';
import { PendingAnswers, type FieldConflict } from './pending-answers.js';

/** Where the answers are saved: a dossier's sections, or a student's begeleiding. */
export interface SaveTargetPort<R = unknown> {
  /** Who the answers belong to (a dossier id, `student:<id>`): the device copies are kept under it. Undefined while nothing is open. */
  owner(): string | undefined;
  /** The version the next save is based on. */
  version(): number;
  /** The server's answers of a section, as last loaded or saved. */
  saved(sectionId: string): SectionAnswers | undefined;
  /** What is on screen in a section, saved or not. */
  draft(sectionId: string): SectionAnswers;
  /** Sends the changed questions of one section; `saved` and `version` follow once the caller stores the answer. */
  save(sectionId: string, patch: Record<string, unknown>, version: number): Promise<R>;
  /** Loads the newest version after a 409; `saved` and `version` follow. Without it a 409 fails like any other refusal. */
  reload?(): Promise<void>;
}

/** What the element does at each step of a save (each optional). */
export interface SaverHooks<R = unknown> {
  /** A request for `sectionId` is about to go out. */
  saving?(sectionId: string): void;
  /** The server stored it (`result` is what `save` returned); the answers are acknowledged already. */
  saved?(sectionId: string, result: R): void;
  /** After a 409 the newest version is in and compared; `held`: something waits for a choice. */
  rebased?(sectionId: string, held: boolean): void;
  /** The save (or the reload after a 409) failed; `offline` when the policy took that as a lost connection. */
  failed?(sectionId: string, error: unknown, offline: boolean): void;
  /** Nothing is under way any more, or nothing could be tried (offline); `sectionId` when one section was asked for. */
  settled?(sectionId?: string): void;
}

export interface SaverOptions {
  /**
   * `together`: one timer, and when it fires everything queued is saved (deel A, one status for
   * the whole form). `per-section`: a timer per section, which saves that section only (deel B,
   * a status per section). `none`: nothing is saved by itself (consent: agreeing is a deliberate
   * press, `submit`).
   */
  debounce: 'together' | 'per-section' | 'none';
  /**
   * `retry`: a failure to reach the server means offline, and a failure or server hiccup is
   * tried again by itself after `retryDelay`, doubling up to a minute (deel A). `report`: the
   * failure is shown and the next change or "Opslaan" tries again (deel B).
   */
  failures: 'retry' | 'report';
  /** How an answer is sent; by default a missing one as `null` (clears a saved answer). */
  patchValue?: (value: unknown) => unknown;
  /** Where unacknowledged answers are kept on the device. */
  local?: DraftSaver;
  /** The timers to use; tests pass fake ones. */
  timers?: Timers;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** A failure worth trying again by itself: the server may be back in a moment. */
const transientKinds = new Set(['server', 'timeout', 'rateLimited']);
const conflictRounds = 3;
const together = '';

type Outcome<R> = { ok: true; result: R; stale: boolean } | { ok: false; error: unknown; stale: boolean };

export class SectionSaver<R = unknown> implements ReactiveController {
  /** Milliseconds after the last change before saving. */
  delay = 800;
  /** First wait before trying again by itself (policy `retry`); doubles up to a minute. */
  retryDelay = 5000;
  /** False while the browser is offline, or (policy `retry`) since a save could not reach the server. */
  online = browserOnline();
  local?: DraftSaver;

  private readonly pending = new PendingAnswers();
  /** What the next save sends per section, sections in the order they were typed in. */
  private readonly queued = new Map<string, Set<string>>();
  private readonly timers = new Map<string, unknown>();
  private readonly clock: Timers;
  private retryTimer: unknown;
  private retries = 0;
  private running: Promise<boolean> = Promise.resolve(true);
  /** Bumped by `reset`: an answer for what was open before changes nothing any more. */
  private generation = 0;
  private sending = false;

  constructor(
    host: ReactiveControllerHost | undefined,
    private readonly port: SaveTargetPort<R>,
    private readonly hooks: SaverHooks<R>,
    private readonly options: SaverOptions,
  ) {
    this.local = options.local;
    this.clock = options.timers ?? realTimers;
    host?.addController(this);
  }

  hostDisconnected(): void {
    this.dispose();
  }

  /** Whether anything typed is not acknowledged yet (queued, being saved, held or failed). */
  get hasPending(): boolean {
    return this.pending.any;
  }

  /** Whether a request is under way now (a newer version then comes from it, not from elsewhere). */
  get busy(): boolean {
    return this.sending;
  }

  get anyHeld(): boolean {
    return this.pending.anyHeld;
  }

  /** Whether a save is waiting to be sent. */
  get queuedAny(): boolean {
    return this.queued.size > 0;
  }

  /** Sections with unacknowledged answers. */
  sections(): string[] {
    return this.pending.sections();
  }

  /** The question ids of a section that are not acknowledged yet. */
  pendingKeys(sectionId: string): ReadonlySet<string> {
    return this.pending.keys(sectionId);
  }

  /** Questions waiting for the person's choice between their answer and the server's. */
  conflicts(): FieldConflict[] {
    return this.pending.conflicts();
  }

  /** The person changed `key` of `sectionId` (a top-level question id; a repeat counts as one). Saves after `delay`. */
  change(sectionId: string, key: string): void {
    this.pending.touch(sectionId, key, this.port.saved(sectionId)?.[key]);
    // A held question stays held: typing on does not decide the conflict.
    if (!this.pending.isHeld(sectionId, key)) this.enqueue(sectionId, [key]);
    this.persist(sectionId);
    // Together, any change restarts the wait; per section only one that has something to send.
    if (this.options.debounce !== 'none' && this.online && (this.options.debounce === 'together' || this.queued.has(sectionId))) this.schedule(sectionId);
  }

  /** The person chose for a held question; the element already put the chosen answer in its draft. */
  resolve(sectionId: string, key: string, choice: 'mine' | 'server'): void {
    if (this.pending.resolve(sectionId, key, choice)) this.enqueue(sectionId, [key]);
    this.persist(sectionId);
  }

  /**
   * Drafts kept on the device from an earlier visit, compared with the server's answers now: what
   * nobody changed since is given to `apply` and queued, what someone else changed is held.
   * Questions typed since this visit began are left alone. Returns the sections that came back.
   */
  restore(drafts: ReadonlyArray<LocalDraft>, apply: (sectionId: string, values: Record<string, unknown>) => void, options: { hold?: boolean } = {}): { restored: string[]; send: string[] } {
    const restored: string[] = [];
    const send: string[] = [];
    for (const kept of drafts) {
      const { sectionId } = kept;
      const server = this.port.saved(sectionId);
      // `hold: false`: what someone else changed comes back as the person's own answer, to be looked at before pressing.
      const draft = options.hold === false ? { ...kept, origins: { ...kept.origins, ...pick(server, Object.keys(reconcileDraft(kept, server).conflicts)) } } : kept;
      const back = this.pending.restore(draft, server);
      if (back) {
        restored.push(sectionId);
        if (back.send.length > 0) {
          this.enqueue(sectionId, back.send);
          send.push(sectionId);
        }
        apply(sectionId, back.values);
      }
      this.persist(sectionId);
    }
    return { restored, send };
  }

  /**
   * Compares every unsaved answer with the server's answers now (a newer version from elsewhere):
   * already there → done; unchanged there → still to send; changed there too → held. True when something is held.
   */
  reconcile(saved: (sectionId: string) => SectionAnswers | undefined = (id) => this.port.saved(id)): boolean {
    const sections = this.pending.sections();
    for (const { sectionId, key } of this.pending.reconcile(saved, (id) => this.port.draft(id))) this.dequeue(sectionId, key);
    for (const sectionId of sections) this.persist(sectionId);
    return this.pending.anyHeld;
  }

  /** The browser went offline or came back: offline nothing is tried; back online the retries start afresh. */
  setOnline(online: boolean): void {
    this.cancelRetry();
    this.online = online;
    if (!online) this.cancelTimers();
    else this.retries = 0;
  }

  /**
   * Saves everything queued now, in one go (after a save under way); true when nothing is left
   * unsaved. Offline it does not try, unless `force` (the person's "Opnieuw proberen").
   */
  flush(options: { force?: boolean } = {}): Promise<boolean> {
    this.cancelTimers();
    if (!this.online && !options.force) {
      this.hooks.settled?.();
      return Promise.resolve(false);
    }
    this.cancelRetry();
    this.running = this.running.then(async () => (await this.drain()) && !this.pending.any);
    return this.running;
  }

  /**
   * Sends `patch` for a section now as it is (after a save under way): the deliberate save of a
   * whole section. Every unsaved answer of the section it contains is acknowledged. Resolves with
   * what `save` returned; rejects with the failure (a 409 included), the answers kept.
   */
  submit(sectionId: string, patch: Record<string, unknown>): Promise<R> {
    const result = this.running.then(() => this.send(sectionId, patch));
    this.running = result.then(
      () => true,
      () => false,
    );
    return result;
  }

  /** Saves one section now (after a save under way); false when it failed. */
  save(sectionId: string): Promise<boolean> {
    this.cancelTimer(sectionId);
    this.running = this.running.then(() => this.drain(sectionId));
    return this.running;
  }

  /** The sections a timer is waiting for (policy `per-section`). */
  scheduled(): string[] {
    return [...this.timers.keys()].filter((id) => id !== together);
  }

  /** Writes (or removes) the device copy of a section's unacknowledged answers. */
  persist(sectionId: string): void {
    const owner = this.port.owner();
    if (!this.local || !owner) return;
    const copy = this.pending.localDraft(owner, sectionId, this.port.version(), this.port.draft(sectionId));
    if (copy) this.local.put(copy);
    else this.local.remove({ dossierId: owner, sectionId });
  }

  /** Forget unsaved changes and timers, e.g. when another dossier opens; the device copies stay. */
  reset(): void {
    this.generation++;
    this.cancelTimers();
    this.cancelRetry();
    this.pending.clear();
    this.queued.clear();
    this.retries = 0;
  }

  /** Stops the timers (the element leaves the page); changes stay queued and on the device. */
  dispose(): void {
    this.cancelTimers();
    this.cancelRetry();
  }

  /** Saves what is queued now (only `only`, when given). Resolves false when a save failed. */
  private async drain(only?: string): Promise<boolean> {
    let rounds = 0;
    const queuedNow = () => [...this.queued.keys()].filter((id) => only === undefined || id === only);
    const patchValue = this.options.patchValue ?? ((value: unknown) => value ?? null);
    // Only what is queued now: changes typed while saving wait for their own timer.
    const order = queuedNow();
    while (order.length > 0) {
      const sectionId = order.shift()!;
      const keys = this.queued.get(sectionId);
      if (!keys || !this.port.owner()) continue;
      const draft = this.port.draft(sectionId);
      const outcome = await this.attempt(sectionId, keys, Object.fromEntries([...keys].map((key) => [key, patchValue(draft[key])])));
      if (outcome.stale) return outcome.ok;
      if (outcome.ok) continue;
      const { error } = outcome;
      if (!(isDossierApiError(error) && error.kind === 'conflict' && rounds < conflictRounds && this.port.reload)) return this.failed(sectionId, error);
      rounds++;
      // Someone else saved meanwhile: take their version in and send again what they did not touch.
      const generation = this.generation;
      try {
        await this.port.reload();
      } catch (reloadError) {
        return generation === this.generation && this.failed(sectionId, reloadError);
      }
      if (generation !== this.generation) return false;
      this.hooks.rebased?.(sectionId, this.reconcile());
      order.splice(0, order.length, ...queuedNow());
    }
    this.hooks.settled?.(only);
    return true;
  }

  private async send(sectionId: string, patch: Record<string, unknown>): Promise<R> {
    // A question emptied in the draft is not in the patch: it is acknowledged as empty.
    const sent = { ...Object.fromEntries([...this.pending.keys(sectionId)].map((key) => [key, null])), ...patch };
    const outcome = await this.attempt(sectionId, this.queued.get(sectionId) ?? new Set(), patch, sent);
    if (outcome.ok) return outcome.result;
    if (!outcome.stale) this.failed(sectionId, outcome.error);
    throw outcome.error;
  }

  /**
   * One request. Stored: what was sent is acknowledged (answers still equal to it are done, newer
   * typing keeps waiting, now based on it). Failed: `keys` go back to the front of the queue.
   * `stale`: another dossier opened meanwhile, and the answer changes nothing.
   */
  private async attempt(sectionId: string, keys: Set<string>, patch: Record<string, unknown>, sent = patch): Promise<Outcome<R>> {
    const generation = this.generation;
    this.queued.delete(sectionId);
    this.hooks.saving?.(sectionId);
    let result: R;
    this.sending = true;
    try {
      result = await this.port.save(sectionId, patch, this.port.version());
    } catch (error) {
      if (generation !== this.generation) return { ok: false, error, stale: true };
      if (keys.size > 0) this.requeueFirst(sectionId, keys);
      return { ok: false, error, stale: false };
    } finally {
      this.sending = false;
    }
    if (generation !== this.generation) return { ok: true, result, stale: true };
    if (this.options.failures === 'retry') {
      this.online = true;
      this.retries = 0;
    }
    this.pending.acknowledge(sectionId, sent, this.port.draft(sectionId), this.queued.get(sectionId));
    this.hooks.saved?.(sectionId, result);
    this.persist(sectionId);
    return { ok: true, result, stale: false };
  }

  private failed(sectionId: string, error: unknown): false {
    const retry = this.options.failures === 'retry' && isDossierApiError(error);
    const offline = retry && error.kind === 'network';
    if (offline) this.online = false;
    if (offline || (retry && transientKinds.has(error.kind))) this.scheduleRetry();
    this.hooks.failed?.(sectionId, error, offline);
    return false;
  }

  private schedule(sectionId: string): void {
    const key = this.options.debounce === 'together' ? together : sectionId;
    this.cancelTimer(key);
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        void (key === together ? this.flush() : this.save(key));
      }, this.delay),
    );
  }

  /** Tries again by itself later: the 'online' event does not come when the browser thought it was online all along. */
  private scheduleRetry(): void {
    this.cancelRetry();
    const wait = Math.min(this.retryDelay * 2 ** this.retries++, 60_000);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush({ force: true });
    }, wait);
  }

  private cancelTimer(key: string): void {
    if (this.timers.has(key)) this.clock.clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private cancelTimers(): void {
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer);
    this.timers.clear();
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
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
}

function pick(answers: SectionAnswers | undefined, keys: ReadonlyArray<string>): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, answers?.[key]]));
}
