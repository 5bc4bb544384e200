/**
 * Layout measurements for the zoom and reflow tests: what sticks out sideways, what text is cut
 * off, and how big the text is. They walk the element's shadow tree (nested shadow roots too).
 */
import { describeNode, squash } from './helpers.js';

/** Every element in the shadow tree of `host`, through nested shadow roots. */
export function* shadowElements(host: Element): Generator<HTMLElement> {
  const root = host.shadowRoot;
  if (!root) return;
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    yield element;
    if (element.shadowRoot) yield* shadowElements(element);
  }
}

/** Visible on screen: has a box and is not the visually-hidden text for screen readers. */
export function isShown(element: HTMLElement): boolean {
  if (element.closest('.ddd-visually-hidden')) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/** Parts of the shadow tree that stick out past the left or right edge of the viewport. */
export function overflowing(host: Element, width = document.documentElement.clientWidth): string[] {
  const out: string[] = [];
  for (const node of shadowElements(host)) {
    if (!isShown(node)) continue;
    const box = node.getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1) out.push(`${describeNode(node)} [${Math.round(box.left)}–${Math.round(box.right)}]`);
  }
  return out;
}

const clipsOverflow = (value: string) => value !== 'visible';
const interactive = 'button, a[href], input:not([type="checkbox"]):not([type="radio"]), select, textarea, summary, [role="tab"], [role="button"]';

/**
 * Text that does not fit its box: controls narrower than their content (a button's label running
 * out of it, an input cutting its value), and boxes that hide or scroll away part of their content.
 * A box that scrolls vertically on purpose (a listbox, a textarea) may; nothing may sideways.
 */
export function clipped(host: Element): string[] {
  const out: string[] = [];
  for (const node of shadowElements(host)) {
    if (!isShown(node)) continue;
    const style = getComputedStyle(node);
    const isControl = node.matches(interactive);
    const wide = node.scrollWidth > node.clientWidth + 1;
    const tall = node.scrollHeight > node.clientHeight + 1;
    const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    if ((isControl || clipsOverflow(style.overflowX)) && wide) out.push(`${describeNode(node)} is ${node.scrollWidth} px of content in ${node.clientWidth} px`);
    else if (((isControl && node.localName !== 'textarea') || hidesY) && tall) out.push(`${describeNode(node)} is ${node.scrollHeight} px high in ${node.clientHeight} px`);
  }
  return out;
}

/** Elements that show text themselves (a text node of their own), and form controls with text. */
export function textElements(host: Element): HTMLElement[] {
  return [...shadowElements(host)].filter(
    (node) =>
      isShown(node) &&
      (node.matches('input:not([type="checkbox"]):not([type="radio"]), select, textarea, button') ||
        [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && squash(child.textContent) !== '')),
  );
}

export const fontSize = (element: Element) => parseFloat(getComputedStyle(element).fontSize);

/** After a style change: one frame for layout (container queries included) and Lit's update. */
export async function relayout(host: Element & { updateComplete?: Promise<unknown> }): Promise<void> {
  await host.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
