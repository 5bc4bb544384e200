/**
 * The browser around the drafts (re-exported by drafts.ts): whether it is online, and the moments
 * the page may go away with answers the server has not acknowledged yet.
 */

/** What the browser says about the network (true outside a browser). */
export function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Calls `listener(false)` on the window's `offline` event and `listener(true)` on `online`; returns the function that stops. */
export function watchConnectivity(listener: (online: boolean) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const online = () => listener(true);
  const offline = () => listener(false);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}

/**
 * Asks the browser to warn before leaving while `hasUnsaved()` is true, and calls `beforeLeaving`
 * (e.g. write the drafts now) whenever the page may go away: beforeunload, pagehide, hidden.
 */
export function guardUnsavedChanges(hasUnsaved: () => boolean, beforeLeaving?: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    beforeLeaving?.();
    if (!hasUnsaved()) return;
    event.preventDefault();
    // Older browsers only show the warning when returnValue is set.
    event.returnValue = '';
  };
  const onHide = () => beforeLeaving?.();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') beforeLeaving?.();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
