/**
 * The test harness of <ddd-dossier-form> (as Material Web's `harness.ts`, Lion's test helpers):
 * it wraps one element and offers what a student does (open a section from the task list, type,
 * choose, tick, leave a field, Volgende / Vorige, the check page) and sees (the headings, the
 * task list and its states, the error summary and where focus is, the save status, the answers
 * on the check page), through the element's shadow DOM. Test code only: nothing in the elements
 * imports it.
 *
 * A few seams go through the element's `@internal` autosave and loader (stripped from the
 * published types), for what no person can do or see: the dossier as loaded (`loadedDossier`),
 * sending what waits now instead of after `autosave-delay` (`saveNow`), a shorter wait before it
 * retries by itself (`retryDelay`), a later device copy (`deviceCopyDelay`), and throwing away
 * what a removed form still had to save between tests (`forget`).
 */
import type { Dossier } from '@doorstroom/sdk';
import { ElementHarness, squash } from '../shared/harness.js';
import type { SaveState } from './autosave.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';

export { squash } from '../shared/harness.js';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** One row of the task list as the student sees it. */
export interface TaskRow {
  /** The section's id (`persoonlijk`, …), or 'check' for "Controleren en versturen". */
  section: string;
  /** "A1 Persoonlijke gegevens". */
  title: string;
  /** The tag: "Klaar", "Nog niet begonnen", … ('' for the check page). */
  state: string;
  /** The row is where the student is (aria-current="step"). */
  current: boolean;
}

export class FormHarness extends ElementHarness<DddDossierForm> {
  // --- arriving --------------------------------------------------------------------------------

  /** Waits until the dossier is open: its heading and the task list (or its read-only check page) show. */
  whenOpen(message = 'dossier open'): Promise<void> {
    return this.until(() => this.$('#form-heading') && (this.$('.tasks') || this.$('.check')), message);
  }

  /** Waits until the list of the student's dossiers has loaded (or failed to). */
  whenListed(message = 'dossier list'): Promise<void> {
    return this.until(() => this.$('.list') && !this.$('.list [data-focus-while-loading]'), message);
  }

  /** The top heading: the list, the section ("A3 School van herkomst") or "Controleer je antwoorden". */
  get heading(): string {
    return this.textOf('#form-heading');
  }

  // --- the task list ---------------------------------------------------------------------------

  /** The rows of the task list, the check page last. */
  get tasks(): TaskRow[] {
    return this.$$<HTMLButtonElement>('.task__button').map((button) => ({
      section: button.dataset['section'] ?? 'check',
      title: squash(button.querySelector('.task__title')?.textContent),
      state: squash(button.querySelector('.task__state')?.textContent),
      current: button.getAttribute('aria-current') === 'step',
    }));
  }

  /** Where the student is: a section id, 'check', or undefined when no dossier is open. */
  get currentSection(): string | undefined {
    return this.tasks.find((task) => task.current)?.section;
  }

  /** "2 van 7 onderdelen klaar". */
  get progress(): string {
    return this.textOf('.tasks__overall');
  }

  /** Opens a section from the task list, by its id (`motivatie`) or code (`A9`), and waits for its heading. */
  async openSection(section: string): Promise<void> {
    const button = this.taskButton(section);
    const code = squash(button.querySelector('.task__title')?.textContent).split(' ')[0]!;
    button.click();
    await this.until(() => this.heading.startsWith(code) && this.currentSection === button.dataset['section'], `section ${section} open`);
  }

  /** "Controleren en versturen" in the task list; waits for the check page. */
  async openCheckPage(): Promise<void> {
    this.get<HTMLButtonElement>('.task--check .task__button').click();
    await this.until(() => this.$('.check') && this.currentSection === 'check', 'check page');
  }

  private taskButton(section: string): HTMLButtonElement {
    const button = this.$$<HTMLButtonElement>('.task__button[data-section]').find(
      (b) => b.dataset['section'] === section || squash(b.querySelector('.task__title')?.textContent).startsWith(`${section} `),
    );
    if (!button) throw new Error(`No section "${section}" in the task list: ${this.tasks.map((t) => t.title).join(', ')}`);
    return button;
  }

  // --- fields ----------------------------------------------------------------------------------

  /**
   * A field by its label as shown (without "(optioneel)"), or a selector starting with `#` or `.`.
   * A group of radio buttons or tick boxes is found by its legend: the fieldset is returned.
   */
  field<T extends Element = Field>(target: string): T {
    if (/^[#.[]/.test(target)) return this.get<T>(target);
    const bare = (node: Element | null) => squash(node?.textContent).replace(/ \(optioneel\)$/, '');
    const label = this.$$<HTMLLabelElement>('label[for]').find((l) => bare(l) === target);
    const control = label && this.root.getElementById(label.htmlFor);
    if (control) return control as unknown as T;
    const legend = this.$$('legend').find((l) => bare(l) === target);
    if (legend?.parentElement) return legend.parentElement as unknown as T;
    throw new Error(`No field labelled "${target}" in <ddd-dossier-form>`);
  }

  /** Types into a field as a person does: focus, the whole value, then the `input` event. Returns the field. */
  typeInto<T extends HTMLInputElement | HTMLTextAreaElement>(target: string | T, value: string): T {
    const field = typeof target === 'string' ? this.field<T>(target) : target;
    field.focus();
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return field;
  }

  /**
   * Clicks a radio button or tick box: by its id (`#ddd-bijbaan-0` or `ddd-bijbaan-0`), or by its
   * label inside the group labelled `group` (`choose('Ja', 'Heb je een bijbaan?')`).
   */
  choose(option: string, group?: string): HTMLInputElement {
    let input: HTMLInputElement | undefined | null;
    if (group) {
      const fieldset = this.field<HTMLElement>(group);
      const label = [...fieldset.querySelectorAll<HTMLLabelElement>('label[for]')].find((l) => squash(l.textContent) === option);
      input = label ? (this.root.getElementById(label.htmlFor) as HTMLInputElement | null) : undefined;
    } else {
      input = this.$<HTMLInputElement>(option.startsWith('#') ? option : `#${option}`);
    }
    if (!input) throw new Error(`No choice "${option}"${group ? ` in "${group}"` : ''}`);
    input.click();
    return input;
  }

  /** Picks the option with text `option` (or the n-th when a number) in a select. */
  select(target: string, option: string | number): HTMLSelectElement {
    const select = this.field<HTMLSelectElement>(target);
    const chosen = typeof option === 'number' ? select.options[option] : [...select.options].find((o) => squash(o.textContent) === option);
    if (!chosen) throw new Error(`No option "${option}" in ${target}`);
    select.value = chosen.value;
    select.dispatchEvent(new Event('change'));
    return select;
  }

  /** Leaves a field (blur): a changed field now shows its error. */
  async leave(target: string | HTMLElement): Promise<void> {
    (typeof target === 'string' ? this.field<HTMLElement>(target) : target).blur();
    await this.settled();
  }

  /** The error shown under a field now ('' when none). */
  errorOf(target: string | HTMLElement): string {
    const field = typeof target === 'string' ? this.field<HTMLElement>(target) : target;
    return this.textOf(`#${CSS.escape(field.id)}-error`);
  }

  /** The link or `<a>` whose text is `name` (whitespace squashed) or matches it. */
  link(name: string | RegExp): HTMLAnchorElement | undefined {
    return this.$$<HTMLAnchorElement>('a').find((a) => (typeof name === 'string' ? squash(a.textContent) === name : name.test(squash(a.textContent))));
  }

  // --- moving through the sections --------------------------------------------------------------

  /** Volgende (or "Naar controleren" / "Terug naar controleren": the section's submit button). */
  async next(): Promise<void> {
    this.get<HTMLButtonElement>('.section form button[type="submit"]').click();
    await this.settled();
  }

  /** Vorige. */
  async previous(): Promise<void> {
    await this.press('Vorige');
  }

  /** The messages of the error summary after Volgende, in order ([] when it is not shown). */
  get errorSummary(): string[] {
    return this.$$('.ddd-error-summary a').map((a) => squash(a.textContent));
  }

  // --- saving ------------------------------------------------------------------------------------

  /** The save status the student sees (from its class): saved, dirty, saving, error, offline or conflict; undefined when not shown. */
  get saveState(): SaveState | undefined {
    const status = this.$('.save-status');
    const state = [...(status?.classList ?? [])].find((c) => c.startsWith('save-status--'));
    return state?.slice('save-status--'.length) as SaveState | undefined;
  }

  /** "Alles opgeslagen", "Niet opgeslagen wijzigingen", … */
  get saveStatus(): string {
    return this.textOf('.save-status');
  }

  /** Waits until the save status shows `state`. */
  whenSaveState(state: SaveState, message = `save status ${state}`): Promise<void> {
    return this.until(() => this.saveState === state, message);
  }

  /** Waits until everything typed is saved ("Alles opgeslagen"). */
  whenSaved(message = 'everything saved'): Promise<void> {
    return this.whenSaveState('saved', message);
  }

  /** Sends what waits now instead of after `autosave-delay` (as leaving the page does); true when nothing is left unsaved. */
  saveNow(): Promise<boolean> {
    return this.element.autosave.flush();
  }

  /** The first wait before the form retries a failed save by itself (doubles up to a minute). */
  set retryDelay(ms: number) {
    this.element.autosave.retryDelay = ms;
  }

  /** How long after a change the device copy is written (as the page leaves, it is written at once). */
  set deviceCopyDelay(ms: number) {
    this.element.autosave.local!.delay = ms;
  }

  /** The dossier as the form last loaded it (its version, and answers no view shows, such as deel B). */
  get loadedDossier(): Dossier | undefined {
    return this.element.loader.dossier;
  }

  /**
   * Throws away what this form has not saved (and its device copy). For afterEach: dossierBus is
   * page-wide, so a save a removed form still flushes would reach the next test's form.
   */
  forget(): void {
    this.element.autosave.clear();
  }

  // --- the check page ----------------------------------------------------------------------------

  /** The check page's answers: per section heading ("A9 Motivatie"), each question's answer as shown. */
  get checkAnswers(): Record<string, Record<string, string>> {
    return Object.fromEntries(
      this.$$('.check__section').map((section) => {
        const title = squash(section.querySelector('.heading-sub')?.textContent);
        const rows = [...section.querySelectorAll('.summary-list__row')].map((row) => [squash(row.querySelector('dt')?.textContent), squash(row.querySelector('dd')?.textContent)]);
        return [title, Object.fromEntries(rows)];
      }),
    );
  }

  /** The answer to a question on the check page, as shown ('' when the question is not listed). */
  checkAnswer(question: string): string {
    const row = this.$$('.check .summary-list__row').find((r) => squash(r.querySelector('dt')?.textContent) === question);
    return squash(row?.querySelector('dd')?.textContent);
  }
}
