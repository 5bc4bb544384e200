/**
 * Moving focus without motion for people who asked for less of it. A host page may set
 * `html { scroll-behavior: smooth }`; `focus()` and `scrollIntoView()` honour that even when the
 * user prefers reduced motion, so with that preference the elements scroll at once themselves.
 */

/** True when the user asked the system for less motion. */
export const prefersReducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** `behavior` for scrollIntoView: the page's own choice, or at once with reduced motion. */
export const scrollBehavior = (): ScrollBehavior => (prefersReducedMotion() ? 'instant' : 'auto');

/** Focuses `target`, scrolling it into view; at once when the user prefers reduced motion. */
export function focusElement(target: HTMLElement | null | undefined, block: ScrollLogicalPosition = 'nearest'): void {
  if (!target) return;
  if (!prefersReducedMotion()) {
    target.focus();
    return;
  }
  target.focus({ preventScroll: true });
  target.scrollIntoView?.({ block, behavior: 'instant' });
}
