/**
 * The bookkeeping that makes sure no typed answer is lost, shared by <ddd-dossier-form> (deel A)
 * and <ddd-mentor-review> (deel B): per section and top-level question, every answer typed and
 * not acknowledged by the server yet, with the server's value when the typing started (its
 * origin), and the questions held for a choice because someone else changed them too.
 *
 * It decides nothing about when to save; the element's queue does. What it decides is the
 * three-way comparison, the same after a 409, after a newer copy from elsewhere on the page and
 * when answers kept on the device come back after a reload:
 *   server equals what was typed  → done;
 *   server still equals the origin → the typed answer still has to be sent;
 *   server changed to something else → held until the person chooses.
 */
import type { SectionAnswers } from '@doorstroom/sdk';
import { reconcileDraft, sameAnswer, type LocalDraft } from './drafts.js';

/** A question both the person and someone else changed; `server` is the other answer. */
export interface FieldConflict {
  sectionId: string;
  key: string;
  server: unknown;
}

/** What `reconcile` decided for one question. */
export interface Reconciled {
  sectionId: string;
  key: string;
  /** `settled`: the server has the typed answer already; `held`: waits for the person's choice. */
  outcome: 'settled' | 'held';
}

/** A device copy taken back in: the answers to put into the draft, and which of them to send. */
export interface RestoredSection {
  values: Record<string, unknown>;
  /** Keys to send now (nobody else changed them); the others are held. */
  send: string[];
}

type KeyMap<T> = Map<string, Map<string, T>>;

export class PendingAnswers {
  /** Every answer not acknowledged yet → the server's value when the typing started. */
  private readonly unsaved: KeyMap<unknown> = new Map();
  /** Held until the person chooses → the server's answer. */
  private readonly held: KeyMap<unknown> = new Map();

  /** Whether anything typed is not acknowledged by the server yet (also what is held). */
  get any(): boolean {
    return this.unsaved.size > 0;
  }

  /** Whether a question waits for the person's choice. */
  get anyHeld(): boolean {
    return this.held.size > 0;
  }

  /** The sections with unacknowledged answers. */
  sections(): string[] {
    return [...this.unsaved.keys()];
  }

  /** The question ids of a section that are not acknowledged yet (held ones included). */
  keys(sectionId: string): ReadonlySet<string> {
    return new Set(this.unsaved.get(sectionId)?.keys());
  }

  /** The keys of a section that may be sent now: not acknowledged and not held. */
  sendable(sectionId: string): string[] {
    return [...this.keys(sectionId)].filter((key) => !this.isHeld(sectionId, key));
  }

  isHeld(sectionId: string, key: string): boolean {
    return this.held.get(sectionId)?.has(key) ?? false;
  }

  /** Questions waiting for the person's choice between their answer and the server's. */
  conflicts(): FieldConflict[] {
    return [...this.held].flatMap(([sectionId, keys]) => [...keys].map(([key, server]) => ({ sectionId, key, server })));
  }

  /** The person changed `key`; `origin` is what the server has now (kept when the key was already unsaved). */
  touch(sectionId: string, key: string, origin: unknown): void {
    const keys = keysOf(this.unsaved, sectionId);
    if (!keys.has(key)) keys.set(key, origin);
  }

  /**
   * The person chose for a held question (the host puts the chosen answer in its draft).
   * Returns true when their own answer stays and must be sent.
   */
  resolve(sectionId: string, key: string, choice: 'mine' | 'server'): boolean {
    const server = this.held.get(sectionId)?.get(key);
    deleteKey(this.held, sectionId, key);
    if (choice === 'server') {
      deleteKey(this.unsaved, sectionId, key);
      return false;
    }
    // The person saw the other answer and overrules it: that is the new starting point.
    keysOf(this.unsaved, sectionId).set(key, server);
    return true;
  }

  /**
   * The server stored `sent` for a section: answers the draft still has are done; typing since
   * (or keys in `stillQueued`) keeps waiting, now based on what was sent.
   */
  acknowledge(sectionId: string, sent: Record<string, unknown>, draft: SectionAnswers, stillQueued?: ReadonlySet<string>): void {
    for (const [key, value] of Object.entries(sent)) {
      if (!stillQueued?.has(key) && sameAnswer(draft[key], value)) deleteKey(this.unsaved, sectionId, key);
      else if (this.unsaved.get(sectionId)?.has(key)) this.unsaved.get(sectionId)!.set(key, value);
    }
  }

  /**
   * Compares every unsaved answer with a newer version from elsewhere (`fresh` per section) and
   * returns what changed: settled questions are forgotten, the others held for a choice.
   */
  reconcile(fresh: (sectionId: string) => SectionAnswers | undefined, draft: (sectionId: string) => SectionAnswers): Reconciled[] {
    const changes: Reconciled[] = [];
    for (const [sectionId, keys] of [...this.unsaved]) {
      const typed = draft(sectionId);
      for (const [key, origin] of [...keys]) {
        const server = fresh(sectionId)?.[key];
        if (sameAnswer(server, typed[key])) {
          deleteKey(this.unsaved, sectionId, key);
          deleteKey(this.held, sectionId, key);
          changes.push({ sectionId, key, outcome: 'settled' });
        } else if (this.isHeld(sectionId, key) || !sameAnswer(server, origin)) {
          keysOf(this.held, sectionId).set(key, server);
          changes.push({ sectionId, key, outcome: 'held' });
        }
      }
    }
    return changes;
  }

  /**
   * A copy kept on the device from an earlier visit, compared with the server's answers now:
   * what nobody changed since is to be sent, what someone else changed is held. Questions typed
   * since this visit began are left alone. Undefined when nothing comes back.
   */
  restore(kept: Pick<LocalDraft, 'sectionId' | 'values' | 'origins'>, server: SectionAnswers | undefined): RestoredSection | undefined {
    const { sectionId } = kept;
    const typed = this.unsaved.get(sectionId);
    const { apply, conflicts } = reconcileDraft(kept, server);
    const values: Record<string, unknown> = {};
    const send: string[] = [];
    for (const [key, value] of Object.entries(apply)) {
      if (typed?.has(key)) continue;
      values[key] = value;
      send.push(key);
      keysOf(this.unsaved, sectionId).set(key, server?.[key]);
    }
    for (const [key, { mine, server: theirs }] of Object.entries(conflicts)) {
      if (typed?.has(key)) continue;
      values[key] = mine;
      keysOf(this.unsaved, sectionId).set(key, kept.origins[key]);
      keysOf(this.held, sectionId).set(key, theirs);
    }
    return Object.keys(values).length > 0 ? { values, send } : undefined;
  }

  /** The device copy of a section's unacknowledged answers, or undefined when there are none (remove it). */
  localDraft(dossierId: string, sectionId: string, baseVersion: number, draft: SectionAnswers): LocalDraft | undefined {
    const keys = this.unsaved.get(sectionId);
    if (!keys || keys.size === 0) return undefined;
    return {
      dossierId,
      sectionId,
      baseVersion,
      values: Object.fromEntries([...keys.keys()].map((key) => [key, draft[key] ?? null])),
      origins: Object.fromEntries([...keys].map(([key, origin]) => [key, origin ?? null])),
      savedAt: Date.now(),
    };
  }

  /** Forget everything (another dossier opened); device copies are the host's business. */
  clear(): void {
    this.unsaved.clear();
    this.held.clear();
  }
}

/**
 * The server's answers with the unacknowledged ones laid over them: the draft after a newer
 * version arrived. A pending key the draft emptied stays empty.
 */
export function rebaseAnswers(server: SectionAnswers | undefined, draft: SectionAnswers | undefined, pending: ReadonlySet<string>): SectionAnswers {
  const merged: Record<string, unknown> = { ...structuredClone(server ?? {}) };
  for (const key of pending) {
    if (draft?.[key] === undefined) delete merged[key];
    else merged[key] = draft[key];
  }
  return merged as SectionAnswers;
}

function keysOf<T>(map: KeyMap<T>, sectionId: string): Map<string, T> {
  let keys = map.get(sectionId);
  if (!keys) map.set(sectionId, (keys = new Map()));
  return keys;
}

function deleteKey<T>(map: KeyMap<T>, sectionId: string, key: string): void {
  const keys = map.get(sectionId);
  keys?.delete(key);
  if (keys?.size === 0) map.delete(sectionId);
}
