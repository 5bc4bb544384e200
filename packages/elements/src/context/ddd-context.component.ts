import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { DossierApi } from '@doorstroom/sdk';
import { ApiController } from '../shared/api.js';
import { apiContext, configContext, meContext } from '../shared/context.js';

/**
 * @summary Configures every doorstroom element inside it: one backend, loaded once.
 *
 * Provides the `DossierApi`, the region config and `me` to descendants (through @lit/context).
 * Give it `api-base` (and `token`) for the HTTP backend, or set the `api` property to any
 * `DossierApi` (e.g. the SDK's memory backend). A nested `<ddd-context>` without configuration
 * passes on the outer one's. Descendant elements that find no configuration at all say so.
 * Put `lang` on it to choose the language of everything inside (`nl`, `en`, `ar`, `tr`, `uk`, `pl`;
 * the last four with their language file); it wins over the page's `lang` (docs/embedding.md, Languages).
 *
 * @slot - The elements that use this backend.
 *
 * @event ddd-error - The set-up failed (config or who is signed in: an expired token, no connection). `detail: { error, message, kind, during: 'setup', cause?, status? }`.
 *
 * @example
 *   <ddd-context api-base="https://api.example.nl/doorstroom" token="…" lang="nl">
 *     <ddd-progress dossier-id="d-123"></ddd-progress>
 *   </ddd-context>
 *
 * @tag ddd-context
 */
export class DddContext extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Any `DossierApi`; wins over `api-base`. */
  @property({ attribute: false }) api?: DossierApi;
  /** Base URL of the backend's HTTP API (spec §8). */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Bearer token sent with every request to `api-base`. */
  @property() token?: string;

  readonly #connection = new ApiController(this);
  readonly #apiProvider = new ContextProvider(this, { context: apiContext });
  readonly #configProvider = new ContextProvider(this, { context: configContext });
  readonly #meProvider = new ContextProvider(this, { context: meContext });

  /** 'missing', 'loading', 'ready' or 'error': whether the backend, config and me are there. */
  get status() {
    return this.#connection.status;
  }

  protected override updated(): void {
    // Values change only when the connection does; setValue skips notifying for equal values.
    this.#apiProvider.setValue(this.#connection.api);
    this.#configProvider.setValue(this.#connection.config);
    this.#meProvider.setValue(this.#connection.me);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
