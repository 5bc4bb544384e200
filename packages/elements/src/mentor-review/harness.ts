/**
 * The test harness of <ddd-mentor-review>: what a mentor or decaan sees (the lists and the table
 * of students, an open dossier, deel B's save states, notices) and does (open a student, edit and
 * save deel B, take an action), through the element's shadow DOM and public API only. Test code only.
 */
import { ElementHarness, squash } from '../shared/harness.js';
import type { DddMentorReview } from './ddd-mentor-review.component.js';

/** A deel B section's save state as shown: 'idle', 'dirty', 'saving', 'saved', 'failed' or 'conflict'. */
export type ShownSaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed' | 'conflict';

export class MentorReviewHarness extends ElementHarness<DddMentorReview> {
  // --- the lists -----------------------------------------------------------------------------------

  /** The status line of the table of students ("4 leerlingen. Gesorteerd op …"). */
  get count(): string {
    return this.textOf('.ov-status .count');
  }

  /** Names in the table's shown rows. */
  get shown(): string[] {
    return this.$$('tbody tr:not([hidden]) th span[id]').map((s) => squash(s.textContent));
  }

  /** A list or the table of students is loading (aria-busy). */
  get loading(): boolean {
    return this.$('[aria-busy="true"]') !== null;
  }

  /** The table of students is on screen and not loading. */
  get tableShown(): boolean {
    return this.$('table[aria-busy="false"]') !== null;
  }

  /** The button of one of the decaan's actions (`data-action`). */
  actionButton(action: string): HTMLButtonElement | null {
    return this.$<HTMLButtonElement>(`button[data-action="${action}"]`);
  }

  /** Presses "Dossier van <naam> openen" once it is there, and waits until the dossier is open. */
  async openStudent(naam: string): Promise<void> {
    const name = `Dossier van ${naam} openen`;
    await this.until(() => this.button(name), `the button "${name}"`);
    this.button(name)!.click();
    await this.until(() => this.dossierOpen, 'dossier opened');
  }

  // --- an open dossier -----------------------------------------------------------------------------

  /** A dossier is open (its title is on screen). */
  get dossierOpen(): boolean {
    return this.$('#dossier-title') !== null;
  }

  /** Clicks the box or radio with this id. */
  tick(id: string): void {
    const input = this.root.getElementById(id) as HTMLInputElement | null;
    if (!input) throw new Error(`no field #${id}`);
    input.click();
  }

  /** Types into the field with this id as a person does: focus, the value, an `input` event. */
  write(id: string, value: string): void {
    const field = this.root.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
    if (!field) throw new Error(`no field #${id}`);
    field.focus();
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /** The value of the field with this id. */
  valueIn(id: string): string | undefined {
    return (this.root.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)?.value;
  }

  /** A deel B section (labelled by its title `mr-<sectionId>-title`). */
  section(sectionId: string): Element {
    return this.get(`[aria-labelledby="mr-${sectionId}-title"]`);
  }

  /** Presses a deel B section's Opslaan, and nothing more. */
  pressSave(sectionId: string): void {
    this.section(sectionId).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  }

  /** Why a deel B section's last save failed (its alert), or ''. */
  saveError(sectionId: string): string {
    return squash(this.section(sectionId).querySelector('[role="alert"]')?.textContent);
  }

  /** What a deel B section says about saving ("Opgeslagen om 10:12", "Niet opgeslagen", …). */
  saveText(sectionId: string): string {
    return squash(this.section(sectionId).querySelector('.save-state')?.textContent);
  }

  /** A deel B section's save state. */
  saveState(sectionId: string): ShownSaveState {
    const shown = this.section(sectionId).querySelector('.save-state');
    const state = [...(shown?.classList ?? [])].find((c) => c.startsWith('save-state--'));
    return (state?.slice('save-state--'.length) ?? 'idle') as ShownSaveState;
  }

  /** The deel B sections that can be edited, by id. */
  get editableSections(): string[] {
    return this.$$('form.b-form')
      .map((form) => /^mr-(.+)-title$/.exec(form.closest('[aria-labelledby]')?.getAttribute('aria-labelledby') ?? '')?.[1])
      .filter((id): id is string => id !== undefined);
  }

  /** Presses a deel B section's Opslaan and waits until it saved or failed; true when it saved. */
  async save(sectionId: string, timeout = 10000): Promise<boolean> {
    this.pressSave(sectionId);
    await this.element.updateComplete;
    await this.until(() => !['dirty', 'saving'].includes(this.saveState(sectionId)), `${sectionId} saved or refused`, timeout);
    return this.saveState(sectionId) === 'saved';
  }

  /** Saves every deel B section with changes not saved yet, one after the other; true when all saved. */
  async saveAll(timeout = 10000): Promise<boolean> {
    let ok = true;
    for (const id of this.editableSections) if (['dirty', 'failed'].includes(this.saveState(id))) ok = (await this.save(id, timeout)) && ok;
    return ok;
  }

  /** The notice or refusal shown (role="alert"), or ''. */
  get alert(): string {
    return this.textOf('[role="alert"]');
  }
}
