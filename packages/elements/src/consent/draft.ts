/**
 * What the student or guardian fills in on <ddd-consent> before pressing "Akkoord geven" or
 * "Toestemming geven": the draft of their one section (akkoordverklaring or ouderToestemming),
 * which questions they changed, and the copy on this device. That copy comes back after a reload
 * or crash but is never saved by itself: agreeing and consenting stay a deliberate press.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Actor, AnswerValue, Dossier, RegionConfig, SectionAnswers } from '@doorstroom/sdk';
import { DraftSaver, draftStoreFor, guardUnsavedChanges, type DraftHost } from '../shared/drafts.js';
import { setAnswer } from '../shared/fields.js';
import { SectionSaver } from '../shared/section-saver.js';
import { initialDraft, knownRelation, viewFor } from './state.js';

export type DraftSection = 'akkoordverklaring' | 'ouderToestemming';

/** The element: a Lit host whose `api`, `apiBase` and `draftStore` say where the device copy goes. */
export type ConsentDraftHost = ReactiveControllerHost & DraftHost;

/** What the draft needs from the element: the dossier on screen, where to save, and whom to tell. */
export interface ConsentDraftPort {
  /** The dossier on screen now. */
  dossier(): Dossier | undefined;
  /** Saves the section's answers with `version`; resolves with the backend's new dossier. */
  save(dossierId: string, sectionId: DraftSection, answers: SectionAnswers, version: number): Promise<Dossier>;
  /** Answers from this device went back into the form. */
  restored(): void;
}

export class ConsentDraft implements ReactiveController {
  /** The answers as on screen. */
  answers: SectionAnswers = {};
  /** What is on screen differs from what is saved (a name and relation filled in by us count here). */
  dirty = false;
  /** The section being filled in, once a dossier is open for a student or guardian. */
  sectionId?: DraftSection;

  /**
   * The questions the person changed since the last save (a name or relation filled in by us does
   * not count), their device copy and the save: the editing engine of deel A and B, which here
   * never saves by itself and takes a 409 as a refusal like any other.
   */
  private readonly engine: SectionSaver<Dossier>;
  /** `${dossier id}:${section}` the draft was started for; a new dossier or section starts afresh. */
  private key?: string;
  private stopGuard?: () => void;

  constructor(
    private readonly host: ConsentDraftHost,
    private readonly port: ConsentDraftPort,
  ) {
    host.addController(this);
    this.engine = new SectionSaver<Dossier>(
      host,
      {
        owner: () => (this.sectionId ? port.dossier()?.id : undefined),
        version: () => port.dossier()?.version ?? 0,
        saved: (sectionId) => port.dossier()?.answers[sectionId],
        draft: () => this.answers,
        save: (sectionId, answers, version) => port.save(port.dossier()!.id, sectionId as DraftSection, answers as SectionAnswers, version),
      },
      {
        // The server has the draft: nothing is unsaved any more (the engine removes the device copy).
        // A failure is told by the sender; what was typed stays in the form and on the device.
        saved: () => {
          this.dirty = false;
          this.host.requestUpdate();
        },
      },
      { debounce: 'none', failures: 'report', local: new DraftSaver(() => draftStoreFor(this.host, this.host.api)) },
    );
  }

  hostConnected(): void {
    this.stopGuard = guardUnsavedChanges(
      () => this.engine.hasPending,
      () => void this.engine.local?.saveBeforeLeaving(),
    );
  }

  hostDisconnected(): void {
    this.stopGuard?.();
    void this.flush();
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
    this.engine.reset();
    void this.restore(dossier, sectionId, key!);
    return true;
  }

  /** A question changed (`path` as from the fields: 'delen', 'naam'). */
  input(path: string, value: AnswerValue | undefined): void {
    this.answers = setAnswer(this.answers, path, value);
    this.dirty = true;
    // Kept on the device until a save went through.
    if (this.sectionId) this.engine.change(this.sectionId, path.split('.', 1)[0] ?? path);
    this.host.requestUpdate();
  }

  /** Saves the whole section as on screen (with a name and relation filled in by us); resolves with the saved dossier. */
  save(sectionId: DraftSection): Promise<Dossier> {
    return this.engine.submit(sectionId, { ...this.answers });
  }

  /** Writes the device copy now, e.g. when a send failed and the page may close. */
  flush(): Promise<void> {
    return this.engine.local?.flush() ?? Promise.resolve();
  }

  /**
   * Answers typed on this device and not saved (a reload, a crash): back into the form, also
   * those someone else changed since, since the person sees them before pressing.
   */
  private async restore(dossier: Dossier, sectionId: DraftSection, key: string): Promise<void> {
    const store = draftStoreFor(this.host, this.host.api);
    let kept;
    try {
      kept = await store?.get({ dossierId: dossier.id, sectionId });
    } catch {
      return;
    }
    if (!kept || this.key !== key) return;
    const { restored } = this.engine.restore(
      [kept],
      (_sectionId, values) => {
        let draft = this.answers;
        for (const [k, value] of Object.entries(values)) draft = setAnswer(draft, k, (value ?? undefined) as AnswerValue | undefined);
        this.answers = draft;
      },
      { hold: false },
    );
    if (restored.length === 0) return;
    this.dirty = true;
    this.host.requestUpdate();
    this.port.restored();
  }
}
