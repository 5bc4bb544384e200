/**
 * Where an element gets its backend from, and loading a dossier.
 *
 * `ApiController` resolves the `DossierApi` for a host, first match wins:
 *   1. the host's `api` property;
 *   2. the nearest `<ddd-context>` (through @lit/context);
 *   3. the host's `api-base` (+ optional `token`) attributes → `createHttpClient`.
 * It then loads `config` and `me` (once per api, shared by every element on the page) and says
 * what is `missing` when nothing is configured, so the element can show a clear message.
 *
 * `DossierController` loads one dossier by id through it and follows `dossierBus`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { createHttpClient, isDossierApiError, type Dossier, type DossierApi, type Me, type RegionConfig } from '@doorstroom/sdk';
import { apiContext, configContext, ensureContextRoot, meContext } from './context.js';
import { acceptsCopy, actorKey, clientKey, dossierBus, emit, errorDetail, type BusOrigin } from './events.js';
import { describeError, translate, type MessageKey } from './i18n.js';

/** The properties an element declares to be configurable (attributes `api-base` and `token`). */
export interface ApiHost extends ReactiveControllerHost, HTMLElement {
  api?: DossierApi;
  apiBase?: string;
  token?: string;
}

export type ConnectionStatus = 'missing' | 'loading' | 'ready' | 'error';

export interface ApiControllerOptions {
  /** Load the region config (default true). */
  config?: boolean;
  /** Load who is signed in (default true). */
  me?: boolean;
}

const clients = new Map<string, DossierApi>();
/** One HTTP client per base URL and token, so elements on one page share it. */
function httpClientFor(baseUrl: string, token: string | undefined): DossierApi {
  const key = `${baseUrl}\n${token ?? ''}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = createHttpClient({ baseUrl, ...(token ? { token } : {}) })));
  return client;
}

const loads = new WeakMap<DossierApi, { config?: Promise<RegionConfig>; me?: Promise<Me> }>();
/** `api.config()` / `api.me()` once per api; a failure is forgotten so a retry asks again. */
function loadOnce<K extends 'config' | 'me'>(api: DossierApi, what: K): NonNullable<{ config?: Promise<RegionConfig>; me?: Promise<Me> }[K]> {
  let entry = loads.get(api);
  if (!entry) loads.set(api, (entry = {}));
  const existing = entry[what];
  if (existing) return existing as never;
  const promise = (what === 'config' ? api.config() : api.me()) as Promise<never>;
  entry[what] = promise;
  promise.catch(() => {
    if (entry[what] === promise) delete entry[what];
  });
  return promise as never;
}

export class ApiController implements ReactiveController {
  /** The backend, once one is configured. */
  api?: DossierApi;
  config?: RegionConfig;
  me?: Me;
  /** Why loading config or me failed. */
  error?: unknown;

  private readonly wantConfig: boolean;
  private readonly wantMe: boolean;
  private readonly provided: { api?: DossierApi; config?: RegionConfig; me?: Me } = {};

  constructor(
    private readonly host: ApiHost,
    options: ApiControllerOptions = {},
  ) {
    this.wantConfig = options.config !== false;
    this.wantMe = options.me !== false;
    ensureContextRoot();
    const consume = <K extends 'api' | 'config' | 'me'>(key: K, context: typeof apiContext | typeof configContext | typeof meContext) =>
      new ContextConsumer(host, {
        context: context as typeof apiContext,
        subscribe: true,
        callback: (value) => {
          this.provided[key] = value as never;
          host.requestUpdate();
        },
      });
    consume('api', apiContext);
    consume('config', configContext);
    consume('me', meContext);
    host.addController(this);
  }

  /** 'missing' (nothing configured), 'loading', 'ready' (api, and config/me as asked), or 'error'. */
  get status(): ConnectionStatus {
    if (!this.api) return 'missing';
    if (this.error !== undefined) return 'error';
    if ((this.wantConfig && !this.config) || (this.wantMe && !this.me)) return 'loading';
    return 'ready';
  }

  /** The message key saying what configuration is missing, or undefined when an api was found. */
  get missing(): MessageKey | undefined {
    return this.api ? undefined : 'setup.missing';
  }

  hostConnected(): void {
    this.resolve();
  }

  hostUpdate(): void {
    this.resolve();
  }

  /** Try loading config and me again after an error. */
  retry(): void {
    this.error = undefined;
    if (this.api) this.load(this.api);
    this.host.requestUpdate();
  }

  private resolve(): void {
    const fromContext = !this.host.api && this.provided.api !== undefined;
    const api = this.host.api ?? this.provided.api ?? (this.host.apiBase ? httpClientFor(this.host.apiBase, this.host.token || undefined) : undefined);
    if (api !== this.api) {
      this.api = api;
      this.config = undefined;
      this.me = undefined;
      this.error = undefined;
      if (api) this.load(api);
    }
    // What <ddd-context> already loaded is used as is (only when its api is the one in use).
    if (fromContext) {
      this.config ??= this.provided.config;
      this.me ??= this.provided.me;
    }
  }

  private load(api: DossierApi): void {
    const config = this.wantConfig && !this.config ? loadOnce(api, 'config') : undefined;
    const me = this.wantMe && !this.me ? loadOnce(api, 'me') : undefined;
    if (!config && !me) return;
    Promise.all([config, me]).then(
      ([loadedConfig, loadedMe]) => {
        if (this.api !== api) return;
        if (loadedConfig) this.config = loadedConfig;
        if (loadedMe) this.me = loadedMe;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.api !== api) return;
        this.error = error;
        reportLoadError(this.host, error, 'setup');
        this.host.requestUpdate();
      },
    );
  }
}

/** The language the host shows (its LocaleController), for the message of a `ddd-error`. */
const languageOf = (host: EventTarget): string => (host as { locale?: { lang?: string } }).locale?.lang ?? 'nl';

/**
 * A load that failed (config or who is signed in, or a dossier) is shown by the element and told
 * to the page as `ddd-error`, so a portal can react (sign in again after a 401, say).
 */
function reportLoadError(host: ReactiveControllerHost, error: unknown, during: 'setup' | 'load'): void {
  if (!(host instanceof EventTarget)) return;
  emit(host, 'ddd-error', errorDetail(error, describeError(error, languageOf(host)), during));
}

/**
 * What to show while the connection is not ready: the "not set up" message, a loading line, or
 * the error with a retry button. `nothing` when ready.
 */
export function renderConnection(connection: ApiController, lang: string): TemplateResult | typeof nothing {
  switch (connection.status) {
    case 'missing':
      return html`<p class="ddd-notice ddd-notice--error" part="notice">${translate(lang, connection.missing ?? 'setup.missing')}</p>`;
    case 'loading':
      // Focusable, so an element that was just opened can hold focus here until its view is there.
      return html`<p class="ddd-notice" part="notice" role="status" tabindex="-1" data-focus-while-loading>${translate(lang, 'setup.loading')}</p>`;
    case 'error':
      return html`<div class="ddd-notice ddd-notice--error" part="notice" role="alert">
        <p>${describeError(connection.error, lang)}</p>
        <button type="button" class="ddd-button ddd-button--secondary" @click=${() => connection.retry()}>${translate(lang, 'common.retry')}</button>
      </div>`;
    default:
      return nothing;
  }
}

export type DossierLoadStatus = 'idle' | 'loading' | 'ready' | 'notFound' | 'error';

/**
 * Loads the dossier `getId()` names through `connection`, reloads when the id or api changes, and
 * follows newer versions of it published on `dossierBus` (e.g. a form on the same page saved it)
 * by the same person: another person's copy is their view, not ours, and is ignored.
 *
 * @example
 *   private readonly connection = new ApiController(this);
 *   private readonly dossier = new DossierController(this, this.connection, () => this.dossierId);
 *   // after saving:  this.dossier.replace(saved);   // shows it and tells the rest of the page
 */
export class DossierController implements ReactiveController {
  dossier?: Dossier;
  status: DossierLoadStatus = 'idle';
  error?: unknown;

  private loadedFor?: { api: DossierApi; id: string };
  private sequence = 0;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly connection: ApiController,
    private readonly getId: () => string | undefined,
  ) {
    // Added after the ApiController, so its hostUpdate runs first and `connection.api` is current.
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = dossierBus.subscribe((dossier, origin) => {
      if (dossier.id !== this.getId()) return;
      const api = this.connection.api;
      const me = this.connection.me;
      const verdict = acceptsCopy(origin, { ...(api ? { client: clientKey(api) } : {}), ...(me ? { actor: actorKey(me) } : {}) });
      if (verdict === true) this.follow(dossier);
      else if (verdict === 'unknown' && api && origin?.actor) void this.followIfSamePerson(api, dossier, origin.actor);
    });
  }

  /** An element that does not load `me` itself (e.g. <ddd-progress>) looks it up once to compare. */
  private async followIfSamePerson(api: DossierApi, dossier: Dossier, actor: string): Promise<void> {
    try {
      const me = await loadOnce(api, 'me');
      if (this.connection.api === api && actorKey(me) === actor) this.follow(dossier);
    } catch {
      // Cannot tell whose copy it is: keep our own.
    }
  }

  private follow(dossier: Dossier): void {
    if (dossier.id !== this.getId() || (this.dossier && dossier.version < this.dossier.version)) return;
    if (dossier === this.dossier) return;
    this.dossier = dossier;
    this.status = 'ready';
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }

  hostUpdate(): void {
    const api = this.connection.api;
    const id = this.getId();
    if (!api || !id) {
      if (this.loadedFor) this.clear();
      return;
    }
    if (this.loadedFor?.api === api && this.loadedFor.id === id) return;
    void this.load(api, id);
  }

  /** Loads the dossier again from the backend. */
  reload(): Promise<void> {
    const api = this.connection.api;
    const id = this.getId();
    return api && id ? this.load(api, id) : Promise.resolve();
  }

  /** Shows a newer dossier (the answer to a save or action) and publishes it to the page. */
  replace(dossier: Dossier): void {
    this.dossier = dossier;
    this.status = 'ready';
    this.error = undefined;
    this.host.requestUpdate();
    dossierBus.publish(dossier, this.origin());
  }

  /** Who this element is on the bus. */
  private origin(): BusOrigin | undefined {
    const { api, me } = this.connection;
    if (!api) return undefined;
    return { client: clientKey(api), ...(me ? { actor: actorKey(me) } : {}) };
  }

  private clear(): void {
    this.loadedFor = undefined;
    this.dossier = undefined;
    this.status = 'idle';
    this.error = undefined;
    this.sequence++;
  }

  private async load(api: DossierApi, id: string): Promise<void> {
    const mine = ++this.sequence;
    this.loadedFor = { api, id };
    if (this.dossier?.id !== id) this.dossier = undefined;
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const dossier = await api.getDossier(id);
      if (mine !== this.sequence) return;
      this.dossier = dossier;
      this.status = 'ready';
    } catch (error) {
      if (mine !== this.sequence) return;
      this.error = error;
      this.status = isDossierApiError(error) && error.kind === 'notFound' ? 'notFound' : 'error';
      reportLoadError(this.host, error, 'load');
    }
    this.host.requestUpdate();
  }
}
