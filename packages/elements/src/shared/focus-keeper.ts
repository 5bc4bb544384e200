/**
 * Keeps a keyboard user's place while an element disables its form for a request. Chromium drops
 * focus to <body> when the focused control becomes `disabled`, so someone who pressed Enter in a
 * field to save would have to find their way back from the top of the page. This controller notes
 * the focused control when the host turns busy and focuses it again when the host is idle, unless
 * the element moved focus on purpose meanwhile (a heading, an error) or the user went elsewhere.
 *
 * Buttons that start the request should not be disabled at all: give them aria-disabled while
 * busy and ignore presses, so focus and the button's "Opslaan…" label stay where the user is.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusKeeper implements ReactiveController {
  private kept?: HTMLElement;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly busy: () => boolean,
  ) {
    host.addController(this);
  }

  /** Before the render that disables the form: the control that still has focus. */
  hostUpdate(): void {
    if (!this.busy() || this.kept) return;
    const active = this.host.shadowRoot?.activeElement;
    if (active instanceof HTMLElement) this.kept = active;
  }

  /**
   * After the render that enables it again: back to that control if focus fell to the page. In a
   * microtask, so a focus move the host makes in its own `updated()` (an error, a new title) wins.
   */
  hostUpdated(): void {
    if (this.busy() || !this.kept) return;
    const kept = this.kept;
    this.kept = undefined;
    queueMicrotask(() => {
      const fellToPage = document.activeElement === document.body || document.activeElement === null;
      if (fellToPage && kept.isConnected && !kept.matches(':disabled')) kept.focus({ preventScroll: true });
    });
  }
}
