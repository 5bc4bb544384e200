/**
 * The test harness of <ddd-context>: what it provides to the elements inside it (the api, the
 * region config and who is signed in), seen by a probe element that consumes it as every doorstroom
 * element does, and its public `status`. Test code only.
 */
import { waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { DossierApi } from '@doorstroom/sdk';
import { ApiController, DossierController, renderConnection } from '../shared/api.js';
import { LocaleController } from '../shared/i18n.js';
import type { DddContext } from './ddd-context.component.js';

/** `<test-api-probe>`: an element that only shows what its ApiController resolved (from a context, its own `api`, or `api-base`). */
export class ApiProbe extends LitElement {
  @property({ attribute: false }) api?: DossierApi;
  @property({ attribute: 'api-base' }) apiBase?: string;
  @property() token?: string;
  @property({ attribute: 'dossier-id' }) dossierId?: string;
  readonly locale = new LocaleController(this);
  readonly connection = new ApiController(this);
  readonly dossier = new DossierController(this, this.connection, () => this.dossierId);
  override render() {
    return renderConnection(this.connection, this.locale.lang);
  }
}
if (!customElements.get('test-api-probe')) customElements.define('test-api-probe', ApiProbe);

/** Waits until the probe has its api, config and me. */
export const ready = (probe: ApiProbe): Promise<void> => waitUntil(() => probe.connection.status === 'ready', 'ready', { timeout: 5000 });

/** What a probe was given. */
export interface Provided {
  api?: DossierApi;
  config?: ApiController['config'];
  me?: ApiController['me'];
}

export class ContextHarness {
  constructor(readonly element: DddContext) {}

  /** 'missing', 'loading', 'ready' or 'error' (public API). */
  get status() {
    return this.element.status;
  }

  /** The probes inside the context. */
  get probes(): ApiProbe[] {
    return [...this.element.querySelectorAll<ApiProbe>('test-api-probe')];
  }

  /** What each probe inside was given, once all of them are ready. */
  async provided(): Promise<Provided[]> {
    for (const probe of this.probes) await ready(probe);
    return this.probes.map(({ connection: { api, config, me } }) => ({ api, config, me }));
  }
}

/** Wraps an api to count its config and me calls, to see that they are loaded once per api. */
export function counting(api: DossierApi) {
  const calls = { config: 0, me: 0 };
  const wrapped: DossierApi = {
    ...api,
    config: () => (calls.config++, api.config()),
    me: () => (calls.me++, api.me()),
    getDossier: (id) => api.getDossier(id),
    saveSection: (...args) => api.saveSection(...args),
  };
  return { api: wrapped, calls };
}
