/**
 * When to show a field's error: Lion's single "feedback condition". An error shows once the
 * field was changed and then left (blur), or for every field after the user pressed
 * Volgende / Opslaan (`showAll()`). Once shown it stays live, so it disappears the moment the
 * answer is fixed. Paths are those of `validateSection` ('postcode', 'ervaring.0.organisatie').
 *
 * @example
 *   private readonly feedback = new FeedbackController(this);
 *   // in the fields options:
 *   onInput: (path, value) => { this.draft = setAnswer(this.draft, path, value); this.feedback.changed(path); },
 *   onBlur: (path) => this.feedback.left(path),
 *   errorFor: (path) => this.feedback.message(path, this.errors, this.locale.lang),
 *   // on submit:
 *   if (this.errors.length) { this.feedback.showAll(); return; }
 */
import type { ReactiveControllerHost } from 'lit';
import { localize, type Localized } from '@doorstroom/sdk';

// A tap or click on a button blurs the field first: an error shown at that moment pushes the
// button away from under the finger and the tap is lost. While a pointer is down, the feedback
// of a field just left waits until the press has become a click (or did not, after a while).
let pointerDown = false;
let waiting: Array<() => void> = [];

function release(delay: number): void {
  if (!pointerDown) return;
  pointerDown = false;
  setTimeout(() => {
    const due = waiting;
    waiting = [];
    for (const show of due) show();
  }, delay);
}

if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pointerDown = true), true);
  // The click comes right after the pointer is released; a press that makes no click lets go after 400 ms.
  document.addEventListener('click', () => release(0), true);
  document.addEventListener('pointerup', () => setTimeout(() => release(0), 400), true);
  document.addEventListener('pointercancel', () => release(0), true);
}

/** Runs `show` now, or once the press that is going on has ended. */
function afterPress(show: () => void): void {
  if (pointerDown) waiting.push(show);
  else show();
}

/** What the controller needs of an error: `FieldError` from the SDK fits. */
export interface PathError {
  path: string;
  message: Localized | string;
}

/** Only asks its host to re-render; it needs no lifecycle hooks. */
export class FeedbackController {
  private readonly changedPaths = new Set<string>();
  private readonly shownPaths = new Set<string>();
  private submitted = 0;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** How often `showAll()` was called: give it to the error summary as its `focusKey`. */
  get attempt(): number {
    return this.submitted;
  }

  /** True after `showAll()`, until `reset()`. */
  get showingAll(): boolean {
    return this.submitted > 0;
  }

  /** The user changed the field at `path` (call on input). */
  changed(path: string): void {
    this.changedPaths.add(path);
  }

  /**
   * Focus left the field at `path` (call on blur): a changed field now shows its feedback; while
   * a tap or click is under way, only once it has been handled, so nothing moves under the finger.
   */
  left(path: string): void {
    if (!this.changedPaths.has(path) || this.shownPaths.has(path)) return;
    afterPress(() => {
      if (this.shownPaths.has(path)) return;
      this.shownPaths.add(path);
      this.host.requestUpdate();
    });
  }

  /** The user tried to go on (Volgende, Opslaan, Versturen): show every error. */
  showAll(): void {
    this.submitted++;
    this.host.requestUpdate();
  }

  /** Forget everything, e.g. after switching to another section. */
  reset(): void {
    this.changedPaths.clear();
    this.shownPaths.clear();
    this.submitted = 0;
    this.host.requestUpdate();
  }

  /** Whether feedback for `path` may show now. */
  shows(path: string): boolean {
    return this.submitted > 0 || this.shownPaths.has(path);
  }

  /** The errors that may show now, in their original order. */
  visible<E extends PathError>(errors: ReadonlyArray<E>): E[] {
    return errors.filter((error) => this.shows(error.path));
  }

  /** The message to show under the field at `path`, or undefined. */
  message(path: string, errors: ReadonlyArray<PathError>, lang: string): string | undefined {
    if (!this.shows(path)) return undefined;
    const error = errors.find((e) => e.path === path);
    if (!error) return undefined;
    return typeof error.message === 'string' ? error.message : localize(error.message, lang);
  }
}
