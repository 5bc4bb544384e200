/**
 * The test harness of <ddd-intake>: what an MBO intake officer sees (the worklist's rows, counts
 * and status line, a received dossier, notices, where focus is) and does (search, filter, sort,
 * page, open a dossier, set the intake status and save), through the element's shadow DOM and
 * public API only. Test code only.
 */
import { ElementHarness, squash } from '../shared/harness.js';
import type { DddIntake } from './ddd-intake.component.js';

/** The texts of a row's cells (row header first), whitespace squashed. */
export const cells = (row: Element): string[] => [...row.querySelectorAll('th, td')].map((c) => squash(c.textContent));

export class IntakeHarness extends ElementHarness<DddIntake> {
  /** A list of 5 000 takes a while to prepare: the waits are longer than the base harness's. */
  override until(check: () => unknown, message: string, timeout = 8000): Promise<void> {
    return super.until(check, message, timeout);
  }

  // --- the worklist ------------------------------------------------------------------------------

  /** The worklist's rows are on screen. */
  get listShown(): boolean {
    return this.$('tbody tr') !== null;
  }

  /** Waits until the worklist's rows are on screen. */
  whenListed(): Promise<void> {
    return this.until(() => this.listShown, 'the worklist');
  }

  /** The students' names in the table, in order. */
  get names(): string[] {
    return this.$$('tbody th[scope="row"] span[id]').map((s) => squash(s.textContent));
  }

  /** The rows of the table. */
  get rows(): HTMLTableRowElement[] {
    return this.$$<HTMLTableRowElement>('tbody tr');
  }

  /** The row of the student named `naam`. */
  rowOf(naam: string): HTMLTableRowElement {
    const row = this.rows.find((tr) => squash(tr.querySelector('th')?.textContent) === naam);
    if (!row) throw new Error(`No row of "${naam}"; shown: ${this.names.join(', ')}`);
    return row;
  }

  /** The status line ("41 dossiers. Pagina 1 van 5. Gesorteerd op …"). */
  get status(): string {
    return this.textOf('.in-count');
  }

  /** The count buttons ("9 Nieuw", …). */
  get counts(): string[] {
    return this.$$('.ddd-counts__button').map((b) => squash(b.textContent));
  }

  /** Types in the search box. */
  search(query: string): void {
    this.type('#in-q', query);
  }

  /** Chooses a filter's value (`locatie`, `opleiding`, `cohort`, `status`; '' for all). */
  filter(name: string, value: string): void {
    this.type(`#in-filter-${name}`, value);
  }

  /** The options of a filter, as label → value. */
  filterOptions(name: string): Map<string, string> {
    return new Map([...this.get<HTMLSelectElement>(`#in-filter-${name}`).options].map((o) => [squash(o.textContent), o.value]));
  }

  /** Presses a count button ("8 Geplaatst"), which filters by that status. */
  async pressCount(label: string): Promise<void> {
    const button = this.$$<HTMLButtonElement>('.ddd-counts__button').find((b) => squash(b.textContent) === label);
    if (!button) throw new Error(`No count "${label}"; there are ${this.counts.join(', ')}`);
    button.click();
    await this.element.updateComplete;
  }

  /** The sort button in the header of a column (`naam`, `status`, `ontvangen`, …). */
  header(column: string): HTMLButtonElement {
    return this.get<HTMLButtonElement>(`th[data-column="${column}"] .ddd-table__sort`);
  }

  /** The sort button of the column whose header starts with `label`. */
  headerNamed(label: string): HTMLButtonElement {
    const found = this.$$<HTMLButtonElement>('.ddd-table__sort').find((b) => squash(b.textContent).startsWith(label));
    if (!found) throw new Error(`No column "${label}"`);
    return found;
  }

  /** Sorts by a column (presses its header once: ascending first, again for descending). */
  async sortBy(column: string): Promise<void> {
    this.header(column).click();
    await this.element.updateComplete;
  }

  /** Opens a dossier from its row, as the officer does, and waits until it is on screen. */
  async open(naam: string): Promise<void> {
    this.rowOf(naam).querySelector<HTMLButtonElement>('.in-open')!.click();
    await this.until(() => this.$('#dossier-title') && !this.$('[data-focus-while-loading]'), `the dossier of ${naam}`);
  }

  // --- a received dossier ------------------------------------------------------------------------

  /** The title of the open dossier ("Dossier van Sam Jansen"), or ''. */
  get dossierTitle(): string {
    return this.textOf('#dossier-title');
  }

  /** Chooses a status in the form by the start of its label ("Intake gepland", "Geplaatst", …). */
  chooseStatus(label: string): void {
    const option = this.$$<HTMLLabelElement>('#in-status label').find((l) => squash(l.textContent).startsWith(label));
    if (!option) throw new Error(`No status "${label}"`);
    option.click();
  }

  /** The label of the status chosen in the form, or ''. */
  get chosenStatus(): string {
    const chosen = this.$$<HTMLInputElement>('#in-status input').find((input) => input.checked);
    return chosen ? this.textOf(`label[for="${chosen.id}"]`) : '';
  }

  /**
   * Sets the intake status as the officer does: chooses it, fills in the date of the intake or the
   * reason it did not work out when given, and presses Opslaan (without waiting for the answer).
   */
  async setIntake(label: string, details: { datum?: string; reden?: string } = {}): Promise<void> {
    this.chooseStatus(label);
    await this.element.updateComplete;
    if (details.datum !== undefined) this.type('#in-datum', details.datum);
    if (details.reden !== undefined) this.type('#in-reden', details.reden);
    await this.element.updateComplete;
    this.save();
  }

  /** Presses Opslaan. */
  save(): void {
    this.get<HTMLButtonElement>('#in-save').click();
  }

  /** Presses "Terug naar de lijst". */
  back(): void {
    this.get<HTMLButtonElement>('#in-back').click();
  }

  /** The error summary of the form, or ''. */
  get errorSummary(): string {
    return this.textOf('.ddd-error-summary');
  }
}
