/**
 * The test harness of <ddd-consent>: what a student or parent sees (what goes to the MBO, what
 * they may tick, the notices, where focus is) and does (tick a part, agree, give consent, finalize),
 * through the element's shadow DOM and public API only. Test code only.
 */
import { oneEvent } from '@open-wc/testing';
import { ElementHarness, squash } from '../shared/harness.js';
import { translate } from '../shared/i18n.js';
import type { DddConsent } from './ddd-consent.component.js';

const submitButton = 'form[part="form"] button[type="submit"]';

export class ConsentHarness extends ElementHarness<DddConsent> {
  /** The language the element speaks. */
  get lang(): string {
    return this.$('.consent')?.lang || 'nl';
  }

  /** The title (`Akkoordverklaring`, `Toestemming van ouder of verzorger`, …), or '' while loading. */
  get title(): string {
    return this.textOf('.title');
  }

  /** The element says it has saved that the person signed in read the dossier (their "inzage"). */
  get inzageRecorded(): boolean {
    const shown = this.$('.inzage');
    if (!shown) return false;
    const text = squash(shown.textContent);
    return ['consent.inzageSaving', 'consent.inzageSaving.guardian'].every((key) => text !== squash(translate(this.lang, key)));
  }

  /** Waits until the inzage of the person signed in has been saved and shown. */
  whenInzageRecorded(message = 'inzage was not recorded'): Promise<void> {
    return this.until(() => this.inzageRecorded, message);
  }

  /** The form with the choices or the parent's consent is on screen. */
  get formShown(): boolean {
    return this.$('form[part="form"]') !== null;
  }

  /** The share boxes ("Stages, werk en trainingen", …), in order. */
  get shareBoxes(): HTMLInputElement[] {
    return this.$$<HTMLInputElement>('#ak-delen input[type="checkbox"]');
  }

  /** The label of a box. */
  labelOf(box: HTMLInputElement): string {
    return squash(this.$(`label[for="${box.id}"]`)?.textContent);
  }

  /** The labels of the parts that are ticked. */
  get ticked(): string[] {
    return this.shareBoxes.filter((box) => box.checked).map((box) => this.labelOf(box));
  }

  /** The share box labelled `name`. */
  shareBox(name: string): HTMLInputElement {
    const box = this.shareBoxes.find((b) => this.labelOf(b) === name);
    if (!box) throw new Error(`No share box "${name}"; there are ${this.shareBoxes.map((b) => this.labelOf(b)).join(', ')}`);
    return box;
  }

  /** Ticks (or unticks) the part labelled `name`. */
  async tick(name: string): Promise<void> {
    this.shareBox(name).click();
    await this.element.updateComplete;
  }

  /** What the hint under a share box says (what is in that part). */
  hintOf(name: string): string {
    return this.textOf(`#${this.shareBox(name).getAttribute('aria-describedby')}`);
  }

  /** The list of what always goes (text, not boxes). */
  get alwaysShared(): string {
    return this.textOf('[part="always"]');
  }

  /** The student agrees with the dossier ("Ja") and gives their consent to share. */
  async agree(): Promise<void> {
    await this.click('#ak-akkoord-0');
    await this.click('#ak-toestemming');
  }

  /** The student does not agree with deel B ("Nee"), says why, and gives their consent to share. */
  async disagree(remark?: string): Promise<void> {
    await this.click('#ak-akkoord-1');
    if (remark !== undefined) this.type('#ak-redenNietAkkoord', remark);
    const consent = this.get<HTMLInputElement>('#ak-toestemming');
    if (!consent.checked) consent.click();
    await this.element.updateComplete;
  }

  /** The parent ticks "Ik geef toestemming", presses "Toestemming geven" and waits until it is saved; resolves with `ddd-saved`. */
  async giveParentConsent(): Promise<CustomEvent> {
    await this.click('#og-toestemming');
    return this.submit();
  }

  /** The parent chooses their relation to the student ("Vader", "Moeder", …) where the dossier does not say it. */
  async chooseRelation(label: string): Promise<void> {
    const option = this.$$<HTMLLabelElement>('#og-relatie label').find((l) => squash(l.textContent) === label);
    if (!option) throw new Error(`No relation "${label}"`);
    option.click();
    await this.element.updateComplete;
  }

  /** The main button of the form ("Akkoord geven", "Toestemming geven"). */
  get submitButton(): HTMLButtonElement {
    return this.get<HTMLButtonElement>(submitButton);
  }

  /** Presses the main button, and nothing more. */
  async pressSubmit(): Promise<void> {
    await this.click(submitButton);
  }

  /** Presses "Akkoord geven" or "Toestemming geven" and waits until the save is done and its confirmation shown. */
  async submit(): Promise<CustomEvent> {
    const saved = oneEvent(this.element, 'ddd-saved');
    await this.pressSubmit();
    const event = await saved;
    await this.until(() => this.$('[part="confirmation"]'), 'the confirmation did not show');
    return event;
  }

  /**
   * Presses the main button; resolves once the save went through ('saved') or failed ('failed'), or
   * the form showed what is wrong ('invalid'), and the element is no longer sending.
   */
  async submitOutcome(timeout = 5000): Promise<'saved' | 'failed' | 'invalid'> {
    let outcome: 'saved' | 'failed' | undefined;
    const saved = () => (outcome = 'saved');
    const failed = () => (outcome = 'failed');
    this.element.addEventListener('ddd-saved', saved);
    this.element.addEventListener('ddd-error', failed);
    try {
      await this.pressSubmit();
      await this.until(() => outcome || this.$('.ddd-error-summary__list li'), 'saved, refused or invalid', timeout);
      await this.until(() => !this.sending, 'done saving', timeout);
      return outcome ?? 'invalid';
    } finally {
      this.element.removeEventListener('ddd-saved', saved);
      this.element.removeEventListener('ddd-error', failed);
    }
  }

  /** Something is being sent: the buttons say so (aria-disabled). */
  get sending(): boolean {
    return this.$('button[aria-disabled="true"]') !== null;
  }

  /** The error summary above the form says what is wrong. */
  get errorSummary(): string {
    return this.textOf('.ddd-error-summary');
  }

  /** The refusal or error the element shows (role="alert"), or ''. */
  get alert(): string {
    return this.textOf('[role="alert"]');
  }

  /** The "you are offline" notice, or ''. */
  get offlineNotice(): string {
    return this.textOf('[part="offline"]');
  }

  /** The steps: who does what next. */
  get steps(): string[] {
    return this.$$('[part="steps"] li').map((li) => squash(li.textContent));
  }

  /** Presses Afronden, confirms with "Ja", and resolves with the `ddd-action` event. */
  async finalize(): Promise<CustomEvent> {
    await this.click('#finalize');
    await this.until(() => this.$('#confirm-yes'), 'no confirmation step');
    const done = oneEvent(this.element, 'ddd-action');
    await this.click('#confirm-yes');
    return done;
  }
}
