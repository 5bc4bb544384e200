/**
 * The test harness of <ddd-progress>: the steps it shows and their states, each section's status
 * and bar, the overall percentage and its notices, through the element's shadow DOM and public API
 * only. Test code only. Imports no element code, so tests of the built bundle can use it too.
 */
import { ElementHarness, squash } from '../shared/harness.js';
import type { DddProgress } from './ddd-progress.component.js';

export interface ShownStep {
  /** "Deel A", "Mentor", "Akkoord", "Afgerond" (in the element's language). */
  label: string;
  state: 'done' | 'current' | 'upcoming';
  /** The step is marked aria-current="step". */
  current: boolean;
  /** What a screen reader hears after the label: "(klaar)", "(nu bezig)", "(nog niet)". */
  spoken: string;
}

export class ProgressHarness extends ElementHarness<DddProgress> {
  /** The steps, in order. */
  get steps(): ShownStep[] {
    return this.$$('.step').map((step) => ({
      label: squash(step.querySelector('.step__label')?.textContent),
      state: ((step.getAttribute('part') ?? '').split(' ')[1] ?? '').replace(/^step-/, '') as ShownStep['state'],
      current: step.getAttribute('aria-current') === 'step',
      spoken: squash(step.querySelector('.ddd-visually-hidden')?.textContent),
    }));
  }

  /** The index of the current step, or -1. */
  get currentStep(): number {
    return this.steps.findIndex((step) => step.current);
  }

  /** The steps are on screen (the dossier is shown). */
  get shown(): boolean {
    return this.$('.stepper') !== null;
  }

  /** Waits until the dossier is shown, or a notice that is not "loading". */
  whenSettled(message = 'progress loaded'): Promise<void> {
    return this.until(() => this.shown || this.$('[part=notice]:not([role=status])'), message);
  }

  /** The overall bar. */
  get overallBar(): Element | null {
    return this.$('.overall [role=progressbar]');
  }

  /** The overall percentage the bar says (aria-valuenow), or undefined when there is none. */
  get overall(): number | undefined {
    const value = this.overallBar?.getAttribute('aria-valuenow');
    return value == null ? undefined : Number(value);
  }

  /** The ids of the sections shown, in order. */
  get sections(): string[] {
    return this.$$('[data-section]').map((row) => row.dataset['section']!);
  }

  /** The progress bar of a section. */
  bar(sectionId: string): Element {
    return this.get(`[data-section="${sectionId}"] [role=progressbar]`);
  }

  /** The name of a bar, as its aria-labelledby gives it. */
  nameOf(bar: Element): string {
    return squash(this.root.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent);
  }

  /** "Klaar", "Bezig", "Nog niet begonnen" (in the element's language). */
  sectionStatus(sectionId: string): string {
    return this.textOf(`[data-section="${sectionId}"] .section__status`);
  }

  /** The loading, error or "not set up" message, or ''. */
  get notice(): string {
    return this.textOf('[part~="notice"]');
  }

  /** Presses "Opnieuw proberen" after a failure. */
  async retry(): Promise<void> {
    await this.click('[part~="notice"] button');
  }
}
