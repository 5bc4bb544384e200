/**
 * The events elements dispatch (all bubble and are composed, so a page can listen on any
 * ancestor or on `document`), and `dossierBus`, the same-page channel that keeps every element
 * showing a dossier up to date when one of them saves it.
 */
import type { Dossier, DossierAction, DossierApiError } from '@doorstroom/sdk';

export interface DddEventDetails {
  /** A section (or begeleiding) was saved; `dossier` is the backend's new version. */
  'ddd-saved': { dossier: Dossier };
  /** A workflow action succeeded (submitToMentor, finalize, …). */
  'ddd-action': { action: DossierAction; dossier: Dossier };
  /** Something failed; `message` is what the element showed the user, in its language. */
  'ddd-error': { error: DossierApiError | Error; message: string };
  /** A new dossier was created. */
  'ddd-dossier-created': { dossier: Dossier };
}

export type DddEventName = keyof DddEventDetails;
export type DddEvent<K extends DddEventName> = CustomEvent<DddEventDetails[K]>;

declare global {
  interface HTMLElementEventMap {
    'ddd-saved': DddEvent<'ddd-saved'>;
    'ddd-action': DddEvent<'ddd-action'>;
    'ddd-error': DddEvent<'ddd-error'>;
    'ddd-dossier-created': DddEvent<'ddd-dossier-created'>;
  }
  interface WindowEventMap {
    'ddd-dossier-changed': CustomEvent<{ dossier: Dossier }>;
  }
}

/**
 * Dispatches a typed, bubbling, composed event from `host`. Returns false when a listener
 * called `preventDefault()`.
 *
 * @example emit(this, 'ddd-saved', { dossier });
 */
export function emit<K extends DddEventName>(host: EventTarget, type: K, detail: DddEventDetails[K]): boolean {
  return host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}

/**
 * Same-page channel for dossier changes: a form publishes after saving, `<ddd-progress>` for the
 * same dossier id follows. Carried by the window event `ddd-dossier-changed`, so a portal can
 * publish too (e.g. after its own API call).
 */
export const dossierBus = {
  publish(dossier: Dossier): void {
    if (typeof window === 'undefined') return;
    window.dispatchEvent(new CustomEvent('ddd-dossier-changed', { detail: { dossier } }));
  },
  /** Calls `listener` with every published dossier; returns the function that stops listening. */
  subscribe(listener: (dossier: Dossier) => void): () => void {
    if (typeof window === 'undefined') return () => {};
    const handler = (event: CustomEvent<{ dossier: Dossier }>) => listener(event.detail.dossier);
    window.addEventListener('ddd-dossier-changed', handler);
    return () => window.removeEventListener('ddd-dossier-changed', handler);
  },
};
