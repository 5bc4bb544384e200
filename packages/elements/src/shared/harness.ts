/**
 * The base of the elements' test harnesses (as Material Web's `testing/harness.ts`): it wraps one
 * element and offers what a person does and sees, through its shadow DOM and public API only,
 * never the element's internals. Each element's folder has its own harness (`consent/harness.ts`,
 * `progress/harness.ts`, …) that extends this one with that element's tasks.
 *
 * Test code only: nothing in the elements imports it.
 */
import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';

/** Text as a person reads it: runs of whitespace as one space, no whitespace at either end. */
export const squash = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

export class ElementHarness<E extends LitElement = LitElement> {
  constructor(readonly element: E) {}

  get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error(`<${this.element.localName}> has no shadow root`);
    return root;
  }

  /** The first element in the shadow DOM that matches, or null. */
  $<T extends Element = HTMLElement>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  /** Every element in the shadow DOM that matches. */
  $$<T extends Element = HTMLElement>(selector: string): T[] {
    return [...this.root.querySelectorAll<T>(selector)];
  }

  /** Like `$`, but a missing element fails the test with the selector in the message. */
  get<T extends Element = HTMLElement>(selector: string): T {
    const found = this.$<T>(selector);
    if (!found) throw new Error(`Nothing in <${this.element.localName}> matches ${selector}`);
    return found;
  }

  /** All the text the element shows, whitespace squashed. */
  get text(): string {
    return squash(this.root.textContent);
  }

  /** The text of the first match, whitespace squashed ('' when there is none). */
  textOf(selector: string): string {
    return squash(this.$(selector)?.textContent);
  }

  /** What has focus inside the element, or null. */
  get focused(): Element | null {
    return this.root.activeElement;
  }

  /** The id of what has focus inside the element, or undefined. */
  get focusedId(): string | undefined {
    return this.focused?.id || undefined;
  }

  /** The button whose text is `name` (exactly, whitespace squashed) or matches it. */
  button(name: string | RegExp): HTMLButtonElement | undefined {
    return this.$$<HTMLButtonElement>('button').find((b) => (typeof name === 'string' ? squash(b.textContent) === name : name.test(squash(b.textContent))));
  }

  /** Clicks what matches and waits for the element to render the result. */
  async click(selector: string): Promise<void> {
    this.get(selector).click();
    await this.element.updateComplete;
  }

  /** Clicks the button named `name` and waits for the element to render the result. */
  async press(name: string | RegExp): Promise<void> {
    const button = this.button(name);
    if (!button) throw new Error(`No button "${name}" in <${this.element.localName}>`);
    button.click();
    await this.element.updateComplete;
  }

  /** Types `value` into the field as a person does: the value, then the event the field sends (`input`, or `change` for a select or date). */
  type(selector: string, value: string): void {
    const field = this.get<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector);
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement || field.type === 'date' ? 'change' : 'input', { bubbles: true, composed: true }));
  }

  /** The element has rendered everything it was asked to. */
  async settled(): Promise<void> {
    await this.element.updateComplete;
  }

  /** Waits (rendering first each time) until `check` holds. */
  until(check: () => unknown, message: string, timeout = 5000): Promise<void> {
    return waitUntil(
      async () => {
        await this.element.updateComplete;
        return Boolean(await check());
      },
      message,
      { timeout, interval: 20 },
    );
  }
}

/** The browser loses its connection (navigator.onLine false, an `offline` event). Undo with `goOnline`. */
export function goOffline(): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
}

/** The browser has its connection back. */
export function goOnline(): void {
  delete (navigator as unknown as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event('online'));
}

/**
 * requestIdleCallback under the test's control (a fake clock for idle time): a callback runs only
 * when the test calls `idleUntilDone()`. Call `install()` in beforeEach and `restore()` in afterEach.
 */
export function fakeIdle() {
  const pending = new Map<number, IdleRequestCallback>();
  const real = { request: window.requestIdleCallback, cancel: window.cancelIdleCallback };
  let handles = 0;
  return {
    /** The callbacks waiting for idle time, by handle. */
    pending: pending as ReadonlyMap<number, IdleRequestCallback>,
    install(): void {
      pending.clear();
      window.requestIdleCallback = (callback) => (pending.set(++handles, callback), handles);
      window.cancelIdleCallback = (handle) => void pending.delete(handle);
    },
    restore(): void {
      window.requestIdleCallback = real.request;
      window.cancelIdleCallback = real.cancel;
    },
    /** The browser is idle until there is nothing left to do in idle time; returns how many callbacks ran. */
    idleUntilDone: (): number => {
      let steps = 0;
      for (; pending.size > 0; steps++) {
        if (steps > 100) throw new Error('idle work does not end');
        const [handle, callback] = pending.entries().next().value!;
        pending.delete(handle);
        callback({ didTimeout: false, timeRemaining: () => 50 });
      }
      return steps;
    },
  };
}
