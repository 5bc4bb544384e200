/**
 * What the student or guardian fills in on <ddd-consent> before pressing "Akkoord geven" or
 * "Toestemming geven": the draft of their one section (akkoordverklaring or ouderToestemming),
 * which questions they changed, and the copy on this device. That copy comes back after a reload
 * or crash but is never saved by itself: agreeing and consenting stay a deliberate press.
 */
import type { ReactiveController } from 'lit';
import type { Actor, AnswerValue, Dossier, RegionConfig, SectionAnswers } from '@doorstroom/sdk';
import { DraftSaver, draftStoreFor, guardUnsavedChanges, reconcileDraft, type DraftHost } from '../shared/drafts.js';
import { setAnswer } from '../shared/fields.js';
import { initialDraft, knownRelation, viewFor } from './consent.state.js';

export type DraftSection = 'akkoordverklaring' | 'ouderToestemming';

export interface ConsentDraftHost extends DraftHost {
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
}

export class ConsentDraft implements ReactiveController {
  /** The answers as on screen. */
  answers: SectionAnswers = {};
  /** What is on screen differs from what is saved (a name and relation filled in by us count here). */
  dirty = false;
  /** The section being filled in, once a dossier is open for a student or guardian. */
  sectionId?: DraftSection;

  private readonly device = new DraftSaver(() => draftStoreFor(this.host, this.host.api));
  /** Questions the person changed since the last save (a name or relation filled in by us does not count). */
  private touched = new Set<string>();
  /** The saved answers the draft started from. */
  private origins: SectionAnswers = {};
  /** `${dossier id}:${section}` the draft was started for; a new dossier or section starts afresh. */
  private key?: string;
  private stopGuard?: () => void;

  constructor(
    private readonly host: ConsentDraftHost,
    /** The dossier on screen now. */
    private readonly dossier: () => Dossier | undefined,
    /** Answers from this device went back into the form. */
    private readonly onRestored: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopGuard = guardUnsavedChanges(
      () => this.touched.size > 0,
      () => void this.device.saveBeforeLeaving(),
    );
  }

  hostDisconnected(): void {
    this.stopGuard?.();
    void this.device.flush();
  }

  /**
   * Starts the draft when another dossier or section is on screen: from what was saved (nothing
   * ticked for the student that they did not tick), the signed-in person's name and relation
   * (guardian), then what this device kept. Returns true when it started afresh. Call it before rendering.
   */
  sync(dossier: Dossier, config: RegionConfig, me: Actor): boolean {
    const view = viewFor(me, dossier);
    const sectionId: DraftSection | undefined = view === 'student' ? 'akkoordverklaring' : view === 'guardian' ? 'ouderToestemming' : undefined;
    const key = sectionId && `${dossier.id}:${sectionId}`;
    if (key === this.key) return false;
    this.key = key;
    this.sectionId = sectionId;
    if (!sectionId) return false;
    if (sectionId === 'akkoordverklaring') {
      // Nothing ticked for the student: what is on screen is what they saved.
      this.answers = initialDraft(dossier.answers[sectionId]);
      this.dirty = false;
    } else {
      const saved = dossier.answers[sectionId] ?? {};
      // The person signed in is the one consenting: their name is a fair start, and the relation
      // the student gave for them in A2 (they are not asked for it again).
      const naam = typeof saved['naam'] === 'string' && saved['naam'] ? saved['naam'] : me.person.naam;
      const relatie = typeof saved['relatie'] === 'string' && saved['relatie'] ? saved['relatie'] : knownRelation(dossier, naam);
      this.answers = { ...saved, naam, ...(relatie ? { relatie } : {}) };
      this.dirty = naam !== saved['naam'] || (relatie ?? undefined) !== (saved['relatie'] ?? undefined);
    }
    this.touched = new Set();
    this.origins = { ...(dossier.answers[sectionId] ?? {}) };
    void this.restore(dossier, sectionId, key!);
    return true;
  }

  /** A question changed (`path` as from the fields: 'delen', 'naam'). */
  input(path: string, value: AnswerValue | undefined): void {
    this.answers = setAnswer(this.answers, path, value);
    this.dirty = true;
    this.touched.add(path.split('.', 1)[0] ?? path);
    this.persist();
    this.host.requestUpdate();
  }

  /** The server has the draft: nothing is unsaved any more and the device copy goes. */
  saved(sectionId: DraftSection, dossier: Dossier): void {
    this.dirty = false;
    this.touched = new Set();
    this.origins = { ...(dossier.answers[sectionId] ?? {}) };
    this.device.remove({ dossierId: dossier.id, sectionId });
    this.host.requestUpdate();
  }

  /** Writes the device copy now, e.g. when a send failed and the page may close. */
  flush(): Promise<void> {
    return this.device.flush();
  }

  /** Answers typed on this device and not saved (a reload, a crash): back into the form. */
  private async restore(dossier: Dossier, sectionId: DraftSection, key: string): Promise<void> {
    const store = draftStoreFor(this.host, this.host.api);
    let kept;
    try {
      kept = await store?.get({ dossierId: dossier.id, sectionId });
    } catch {
      return;
    }
    if (!kept || this.key !== key) return;
    const { apply, conflicts } = reconcileDraft(kept, dossier.answers[sectionId]);
    const back = { ...apply, ...Object.fromEntries(Object.entries(conflicts).map(([k, c]) => [k, c.mine])) };
    const keys = Object.keys(back).filter((k) => !this.touched.has(k));
    if (keys.length === 0) {
      if (this.touched.size === 0) this.device.remove({ dossierId: dossier.id, sectionId });
      return;
    }
    let draft = this.answers;
    for (const k of keys) draft = setAnswer(draft, k, (back[k] ?? undefined) as AnswerValue | undefined);
    this.answers = draft;
    this.dirty = true;
    for (const k of keys) this.touched.add(k);
    this.host.requestUpdate();
    this.onRestored();
  }

  /** Keeps the changed answers on the device until a save went through. */
  private persist(): void {
    const dossier = this.dossier();
    const sectionId = this.sectionId;
    if (!dossier || !sectionId) return;
    const keys = [...this.touched];
    this.device.put({
      dossierId: dossier.id,
      sectionId,
      baseVersion: dossier.version,
      values: Object.fromEntries(keys.map((k) => [k, this.answers[k] ?? null])),
      origins: Object.fromEntries(keys.map((k) => [k, this.origins[k] ?? null])),
      savedAt: Date.now(),
    });
  }
}
