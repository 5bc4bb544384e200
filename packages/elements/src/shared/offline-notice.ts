/**
 * The offline notice of an element: what waits while the browser is offline. A polite live region
 * that is always there, so a screen reader hears the notice appear; left out of print.
 */
import { html, nothing, type TemplateResult } from 'lit';

export function renderOffline(online: boolean, text: string): TemplateResult {
  return html`<div class="offline-live ddd-no-print" role="status">
    ${online ? nothing : html`<p class="ddd-notice offline" part="offline">${text}</p>`}
  </div>`;
}
