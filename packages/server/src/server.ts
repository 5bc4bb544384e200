/**
 * The reference backend: the SDK's one handler (createHandler, the core of createFetchHandler, over
 * createService), hosted on Node's http server without fetch objects per request, persisting in PostgreSQL through PgStore. It keeps no state of
 * its own between requests (rate-limit buckets and a short config cache aside), so several
 * instances can run behind a load balancer on one database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createAdminApi, adminProblems } from './admin/routes.js';
import { demoVerifier, type TokenVerifier } from './auth.js';
import { openDb, type Db } from './db.js';
import { apiMethods, createCorsPolicy } from './http/cors.js';
import { BodyTooLargeError, clientAddress, pathnameOf, readBody, sendAnswer, sendResponse, toExchange, toRequest } from './http/node-adapter.js';
import { createRequestLimiter, type RateLimitOptions, type RequestLimitOptions } from './http/rate-limit.js';
import { routePattern } from './http/routes.js';
import { createSameOriginCheck } from './http/same-origin.js';
import { serveStatic } from './http/static-files.js';
import { consentPagePath, serveConsentPage } from './consent-page.js';
import { createGuardianLinks, linkProblems, sessionPrefix } from './guardian-links.js';
import { createIdentityResolver, type IdentityResolver, type Principal } from './identity.js';
import { migrate } from './migrations.js';
import { probePaths, readiness, tokenMatches } from './ops/health.js';
import { createMetrics, type ServerMetrics } from './ops/metrics.js';
import { defaultRetentionPolicy, startRetentionJob, type JobClock, type RetentionJob, type RetentionPolicy } from './retention.js';
import { listOutbox, startOutboxWorker, withRecipientLanguage, type NotificationSender, type OutboxMessage, type OutboxWorker } from './notifications.js';
import { createPgStore, type PgStore } from './pg-store.js';
import { dossierPdfRoute } from './pdf/route.js';
import { createHandler, createService, defaultMaxBodyBytes, exampleData, problem, problems, problemTypeBase, ServiceError, type ExampleData, type HandlerAnswer, type Problem } from './sdk.js';
import { defaultMaxImportBytes } from './provisioning/index.js';
import { reseed, seedIfEmpty, topUpDemoPeople } from './seed.js';

export interface RequestLogLine {
  level: 'info';
  method: string;
  /** The route pattern, never the path itself (ids, search terms). */
  route: string;
  status: number;
  ms: number;
}

export interface StartServerOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default: 127.0.0.1 in dev mode, all interfaces otherwise. */
  host?: string;
  /** PGlite's data directory (used without databaseUrl). Default `.doorstroom-data/pglite`. */
  dataDir?: string;
  /** PostgreSQL connection string; wins over dataDir. */
  databaseUrl?: string;
  /** An already open database (tests); left open on close. */
  db?: Db;
  poolSize?: number;
  /**
   * Demo tokens, GET /dev/outbox and friends (which answer requests from this server's own pages
   * only). Never on when NODE_ENV is production.
   */
  dev?: boolean;
  /** Default process.env.NODE_ENV. */
  nodeEnv?: string;
  verifier?: TokenVerifier;
  /** How people sign in, for the start line (e.g. "OpenID Connect sign-in (issuer …)"). */
  signIn?: string;
  /** Origins allowed by CORS. Dev mode without any allows localhost pages. */
  origins?: ReadonlyArray<string>;
  /** Where the contract's routes live. Default '/api'. */
  basePath?: string;
  /** Serves these files for paths outside basePath (the demo). */
  staticDir?: string;
  /** Answers paths outside basePath that staticDir did not (e.g. a dev server's middleware). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  /**
   * Per bearer token (else per client address): default 100 at once, 20 per second. Every request
   * also counts against its client address (`perAddress`, default ten times that) and every 401
   * against the address's failed sign-ins (`failedSignIns`, default 20 at once, 1 per second);
   * see http/rate-limit.ts. false = all off.
   */
  rateLimit?: RequestLimitOptions | false;
  /** Use the last X-Forwarded-For entry (the one your proxy appended) as the client's address. Only behind a proxy you trust. */
  trustProxy?: boolean;
  maxBodyBytes?: number;
  notificationSender?: NotificationSender;
  /** Default 1000 ms. */
  outboxIntervalMs?: number;
  /** The data an empty database is seeded with in dev mode, and whose accounts sign in. Default exampleData(). */
  seedData?: () => ExampleData;
  /** Seed an empty database with `seedData`. Default: in dev mode only; production never seeds example data. */
  seed?: boolean;
  /** Largest admin import (JSON or CSV) accepted. Default 20 MB. */
  maxImportBytes?: number;
  /**
   * The server's public address (e.g. https://doorstroom.regio.nl): guardians' consent links point at
   * its consent page, `/toestemming/`. Dev mode: its own URL. Without it (and without consentPageUrl) no links are made.
   */
  publicUrl?: string;
  /** A portal's page that hosts the consent page instead (see README); the link's token goes after its `#`. */
  consentPageUrl?: string;
  /** How long a consent link works. Default 14 days. */
  consentLinkDays?: number;
  /** The script-tag bundle the consent page loads. Default: this workspace's dist/doorstroom.min.js. */
  bundleFile?: string;
  /** How long data is kept (retention.ts). Default defaultRetentionPolicy. */
  retention?: RetentionPolicy;
  /**
   * The daily retention job (at 03:00 server time, or `hour`): on by default outside dev mode;
   * false turns it off (e.g. to run `doorstroom-admin retention --apply` from cron instead).
   */
  retentionJob?: boolean | { hour?: number; clock?: JobClock };
  /** `/metrics` on the main port answers only `Authorization: Bearer <metricsToken>`; without one it is 404 there. */
  metricsToken?: string;
  /** A second listener with `/metrics`, `/healthz` and `/readyz` only, without a token: bind it where only Prometheus reaches. */
  metricsPort?: number;
  /** Where metricsPort listens. Default 127.0.0.1. */
  metricsHost?: string;
  /** On close (SIGTERM): how long requests under way may still take before their connections are cut. Default 10 000 ms. */
  shutdownTimeoutMs?: number;
  /** The service's clock. */
  now?: () => Date;
  /** One line per request; false for none. Default: JSON lines on stdout. */
  logger?: ((line: RequestLogLine) => void) | false;
  /** How long config, rosters and signed-in people are cached per instance. Default 5000 ms. */
  cacheMs?: number;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  /** The contract's base URL, e.g. http://127.0.0.1:3000/api/ */
  apiUrl: string;
  port: number;
  server: Server;
  db: Db;
  store: PgStore;
  /** Who a token belongs to, from the provisioning. */
  identities: IdentityResolver;
  outbox: OutboxWorker;
  dev: boolean;
  /** Dev mode: the demo tokens, by person (token → role and name). */
  accounts: { token: string; role: string; naam: string }[];
  metrics: ServerMetrics;
  /** The daily retention job, when it runs. */
  retentionJob?: RetentionJob;
  /** With metricsPort: e.g. http://127.0.0.1:9464 */
  metricsUrl?: string;
  /**
   * Graceful stop: no new connections; requests under way finish (at most shutdownTimeoutMs, then
   * their connections are cut) and get `Connection: close`; /readyz answers 503 meanwhile; then
   * the outbox loop and the retention job stop and the database closes (when the server opened it).
   */
  close(): Promise<void>;
}

export const defaultShutdownTimeoutMs = 10_000;

export const defaultRateLimit: RateLimitOptions = { burst: 100, perSecond: 20 };
export const defaultDataDir = '.doorstroom-data/pglite';

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** On every API response: JSON only, so nothing in it may load, run or be framed, and no URL (with its ids) leaves in a Referer. */
const apiSecurityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * The Content-Security-Policy of every response outside the API: staticDir's files (the demo
 * portal) and the 404s beside them. Scripts (the bundle, the portal, the language files), styles
 * and images come from this origin; the elements need no inline script or style (test/csp/).
 */
export const pageContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** On every response outside the API; `fallback` gets them set on `res` and may replace or remove them. */
const pageSecurityHeaders: Record<string, string> = {
  'Content-Security-Policy': pageContentSecurityPolicy,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

const securityHeadersFor = (inApi: boolean) => (inApi ? apiSecurityHeaders : pageSecurityHeaders);

/**
 * Methods that reach the routes, the static files or `fallback`. Any other (TRACE, CONNECT,
 * PROPFIND, …) gets 405 with Allow, before anything else looks at the request.
 */
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const pageMethods = 'GET, HEAD';

function methodNotAllowed(inApi: boolean): HandlerAnswer {
  return problemResponse(problems.methodNotAllowed(), { Allow: inApi ? apiMethods : pageMethods });
}

function jsonResponse(value: unknown, status = 200): HandlerAnswer {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, body: JSON.stringify(value) };
}

function problemResponse(details: Problem, headers: Record<string, string> = {}): HandlerAnswer {
  return { status: details.status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }, body: JSON.stringify(details) };
}

const rateLimited = (retryAfter: number) =>
  problemResponse(
    {
      type: `${problemTypeBase}rate-limited`,
      title: 'Je doet te veel verzoeken achter elkaar. Wacht even en probeer het dan opnieuw.',
      status: 429,
      detail: `Too many requests. Retry after ${retryAfter} s.`,
    },
    { 'Retry-After': String(retryAfter) },
  );

const crossSiteRefused = () =>
  problem(403, 'forbidden', 'Dit kan alleen vanuit de demo zelf.', {
    detail: 'The dev routes answer requests from pages of this server only (Origin, Sec-Fetch-Site and Host are checked).',
  });

/** Error class, database code and stack frames: never the message, which may quote data. */
function describeError(error: unknown) {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.name,
    ...(code ? { code: String(code) } : {}),
    stack: error.stack
      ?.split('\n')
      .slice(1, 6)
      .map((l) => l.trim()),
  };
}

/**
 * `answer` on `res` with `extra` headers; its status. A module function rather than an arrow made
 * in each request's handler: under tsx (esbuild's keepNames), how the benchmark runs the server,
 * every named function made per request costs a defineProperty (issue 14, item 7).
 */
function sendWith(res: ServerResponse, extra: Record<string, string>, answer: HandlerAnswer): number {
  sendAnswer(res, answer, extra);
  return answer.status;
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const production = (options.nodeEnv ?? process.env.NODE_ENV) === 'production';
  if (production && options.dev) throw new ConfigurationError('Dev mode (demo tokens) is not allowed with NODE_ENV=production.');
  if (production && !options.verifier) {
    throw new ConfigurationError('NODE_ENV=production needs sign-in (DOORSTROOM_OIDC_ISSUER, or a verifier in DOORSTROOM_VERIFIER): refusing to start with demo sign-in.');
  }
  const dev = !production && options.dev === true;
  if (!dev && !options.verifier) throw new ConfigurationError('No token verifier: configure one, or start in dev mode for the demo tokens.');

  const now = options.now ?? (() => new Date());
  let data: ExampleData | undefined;
  const seedData = () => (data ??= options.seedData ? options.seedData() : exampleData({ today: now() }));

  const ownDb = !options.db;
  const db =
    options.db ??
    (await openDb({ dataDir: options.dataDir ?? defaultDataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), ...(options.poolSize ? { poolSize: options.poolSize } : {}) }));
  try {
    await migrate(db);
    if (options.seed ?? dev) await seedIfEmpty(db, seedData);
    // A dev database seeded before provisioning existed gets the demo people it lacks.
    if (dev) await topUpDemoPeople(db, seedData());
  } catch (error) {
    if (ownDb) await db.close().catch(() => undefined);
    throw error;
  }

  const store = createPgStore(db, options.cacheMs === undefined ? {} : { cacheMs: options.cacheMs });
  const service = createService(store, { now });
  const verifier = options.verifier ?? demoVerifier(seedData().accounts);
  const identities = createIdentityResolver(db, options.cacheMs === undefined ? {} : { cacheMs: options.cacheMs });
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const maxImportBytes = options.maxImportBytes ?? defaultMaxImportBytes;

  /** The provisioned person holding `token` (the verifier says who, the database says what they are); null when none. */
  /** Consent-link sessions looked up by the request now under way, by token. */
  const sessionsInFlight = new Map<string, Promise<Principal | null>>();

  async function signIn(token: string | null): Promise<Principal | null> {
    if (token === null) return null;
    // A guardian's session from a consent link is the server's own, never the verifier's business
    // (looked up once per request: the scope check in api() already did).
    if (token.startsWith(sessionPrefix)) return sessionsInFlight.get(token) ?? guardianLinks.session(token);
    const identity = await verifier(token);
    const principal = identity ? await identities.resolve(identity) : null;
    if (principal) limiter?.signedIn(token);
    return principal;
  }
  const retentionPolicy = options.retention ?? defaultRetentionPolicy;
  const admin = createAdminApi({
    db,
    basePath,
    now,
    retentionPolicy,
    onRemoved: () => {
      store.clearCache();
      identities.clear();
    },
    onImported: (report, beheerder) => {
      store.clearCache();
      identities.clear();
      const changed = Object.fromEntries(Object.entries(report.counts).map(([kind, c]) => [kind, c.created + c.updated + c.deactivated + c.reactivated]));
      console.log(JSON.stringify({ level: 'info', msg: 'admin import', beheerder: beheerder.id, changed, dossiers: report.dossiers }));
    },
  });
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const log = options.logger === false ? undefined : (options.logger ?? ((line: RequestLogLine) => console.log(JSON.stringify(line))));
  const handler = createHandler(service, {
    basePath,
    maxBodyBytes,
    // Dev mode (the demo, the tests) checks every dossier it sends against the contract; production
    // sends what the service built, which every client parses anyway (it was a large share of a save's CPU).
    checkDossierResponses: dev,
    // The reference server's own route beside the contract's: the afgerond dossier as a PDF.
    routes: [dossierPdfRoute(service, { now })],
    authenticate: async (token) => {
      const principal = await signIn(token);
      if (!principal) return null;
      // A beheerder has no part in dossiers: a clear 403 rather than a 401 that says they are not signed in.
      if (principal.kind === 'beheerder') throw new ServiceError(adminProblems.beheerderOnly());
      return principal.actor;
    },
    onError: (error, exchange) => console.error(JSON.stringify({ level: 'error', msg: 'unexpected error', route: routePattern(pathnameOf(exchange.target), basePath), ...describeError(error) })),
  });
  const cors = createCorsPolicy({ origins: options.origins ?? [], dev });
  const limiter = options.rateLimit === false ? undefined : createRequestLimiter(options.rateLimit ?? defaultRateLimit);
  // Where consent links point: known once the server listens (dev mode uses its own address).
  let consentPageUrl = options.consentPageUrl ?? (options.publicUrl ? new URL(consentPagePath, options.publicUrl).href : undefined);
  const guardianLinks = createGuardianLinks(db, {
    get pageUrl() {
      return consentPageUrl;
    },
    ...(options.consentLinkDays ? { linkDays: options.consentLinkDays } : {}),
  });
  /** Just before a message goes out: the recipient's language from their registration, then a guardian's consent link (which opens the page in it). */
  const prepareMessage = async (message: OutboxMessage): Promise<OutboxMessage> => guardianLinks.prepare(await withRecipientLanguage(db, message));
  const outbox = startOutboxWorker(db, {
    prepare: prepareMessage,
    ...(options.notificationSender ? { sender: options.notificationSender } : {}),
    ...(options.outboxIntervalMs ? { intervalMs: options.outboxIntervalMs } : {}),
  });
  const jobOption = options.retentionJob ?? !dev;
  const retentionJob =
    jobOption === false
      ? undefined
      : startRetentionJob(db, {
          policy: retentionPolicy,
          ...(typeof jobOption === 'object' && jobOption.hour !== undefined ? { hour: jobOption.hour } : {}),
          ...(typeof jobOption === 'object' && jobOption.clock ? { clock: jobOption.clock } : {}),
          onRun: (report) => {
            if (!report) return;
            store.clearCache();
            identities.clear();
            if (options.logger !== false) console.log(JSON.stringify({ level: 'info', msg: 'retention run', counts: report.counts }));
          },
          onError: (error) => console.error(JSON.stringify({ level: 'error', msg: 'retention run failed', ...describeError(error) })),
        });
  const metrics = createMetrics(db);
  /** Set by close(): /readyz answers 503 and every response closes its connection. */
  let closing = false;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? defaultShutdownTimeoutMs;

  /** /healthz, /readyz and /metrics (outside basePath); undefined for other paths. `internal`: the metrics listener, which needs no token. */
  async function probe(req: IncomingMessage, res: ServerResponse, pathname: string, internal: boolean): Promise<number | undefined> {
    if (pathname !== probePaths.health && pathname !== probePaths.ready && pathname !== probePaths.metrics) return undefined;
    const send = (answer: HandlerAnswer) => {
      sendAnswer(res, answer, apiSecurityHeaders);
      return answer.status;
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(problemResponse(problems.methodNotAllowed(), { Allow: pageMethods }));
    if (pathname === probePaths.health) return send(jsonResponse({ status: 'ok' }));
    if (pathname === probePaths.ready) {
      const state = await readiness(db, { closing });
      if (state.ready) return send(jsonResponse({ status: 'ready', migrations: state.migrations }));
      return send(problemResponse({ type: `${problemTypeBase}not-ready`, title: 'De server is (nog) niet klaar.', status: 503, detail: `Not ready: ${state.reason}.` }));
    }
    if (!internal) {
      // On the main port only with the configured token; without one, as if there were no such path.
      if (!options.metricsToken) return send(problemResponse(problems.unknownRoute()));
      if (!tokenMatches(bearer(req), options.metricsToken)) return send(problemResponse(problems.unauthorized(), { 'WWW-Authenticate': 'Bearer' }));
    }
    const { contentType, body } = await metrics.render();
    return send({ status: 200, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' }, body });
  }

  const accounts = dev ? seedData().accounts.map((a) => ({ token: a.token, role: a.actor.role, naam: a.actor.person.naam })) : [];

  const devPaths = new Set(['outbox', 'accounts', 'reset'].map((name) => `${basePath}/dev/${name}`));
  const sameOrigin = createSameOriginCheck({ origins: options.origins ?? [], ...(options.host ? { host: options.host } : {}) });

  async function devRoute(req: IncomingMessage, route: string, method: string): Promise<HandlerAnswer | undefined> {
    if (!dev || !devPaths.has(route)) return undefined;
    // A page elsewhere can make the browser send these (a form, fetch in no-cors mode): refused before anything happens.
    if (!sameOrigin(req)) return problemResponse(crossSiteRefused());
    if (route === `${basePath}/dev/outbox` && method === 'GET') return jsonResponse({ items: await listOutbox(db) });
    if (route === `${basePath}/dev/accounts` && method === 'GET') return jsonResponse({ items: accounts });
    if (route === `${basePath}/dev/reset` && method === 'POST') {
      data = undefined;
      await reseed(db, seedData());
      store.clearCache();
      identities.clear();
      return jsonResponse({ reset: true });
    }
    return undefined;
  }

  /** POST /consent-links/session {link}: a consent link, once, for a guardian's scoped session. */
  async function exchangeLink(req: IncomingMessage, method: string, address: string): Promise<HandlerAnswer> {
    if (method !== 'POST') return problemResponse(problems.methodNotAllowed(), { Allow: 'POST' });
    let link: unknown;
    try {
      const body = await readBody(req, 4096);
      link = (JSON.parse(body?.toString('utf8') ?? '') as { link?: unknown })?.link;
    } catch (error) {
      if (error instanceof BodyTooLargeError) return problemResponse(problems.payloadTooLarge(4096), { Connection: 'close' });
      return problemResponse(linkProblems.badRequest());
    }
    try {
      return jsonResponse(await guardianLinks.exchange(link), 201);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      // Guessing links counts as failed sign-ins of the address.
      if (error.problem.status !== 410) limiter?.failed(address, undefined);
      return problemResponse(error.problem, error.headers);
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, pathname: string, route: string, corsHeaders: Record<string, string>): Promise<number> {
    const extra = { ...apiSecurityHeaders, ...corsHeaders };
    const address = clientAddress(req, options.trustProxy ?? false);
    const token = bearer(req);
    if (limiter) {
      const decision = limiter.admit(address, token);
      if (!decision.allowed) return sendWith(res, extra, rateLimited(decision.retryAfter));
    }
    const method = req.method ?? 'GET';
    const devResponse = await devRoute(req, route, method);
    if (devResponse) return sendWith(res, extra, devResponse);
    if (route === `${basePath}/consent-links/session`) return sendWith(res, extra, await exchangeLink(req, method, address));
    // A consent link's session reaches its one dossier and nothing else: 404 as for what does not
    // exist. Looked up once: the handler's sign-in takes the same lookup (sessionsInFlight).
    if (token?.startsWith(sessionPrefix)) {
      const lookup = guardianLinks.session(token);
      sessionsInFlight.set(token, lookup);
      try {
        const session = await lookup;
        const segments = pathname
          .slice(basePath.length)
          .split('/')
          .filter(Boolean)
          .map((segment) => {
            try {
              return decodeURIComponent(segment);
            } catch {
              return '';
            }
          });
        if (session?.kind === 'actor' && session.scope && !guardianLinks.allows(session.scope.dossierId, method, segments)) return sendWith(res, extra, problemResponse(problems.notFound('resource')));
        return await contractOrAdmin(req, res, pathname, token, address, extra);
      } finally {
        if (sessionsInFlight.get(token) === lookup) sessionsInFlight.delete(token);
      }
    }
    return contractOrAdmin(req, res, pathname, token, address, extra);
  }

  /** The contract's routes (the SDK's handler) or the admin API, for api(); a function of startServer, not made per request (see sendWith). */
  async function contractOrAdmin(req: IncomingMessage, res: ServerResponse, pathname: string, token: string | undefined, address: string, extra: Record<string, string>): Promise<number> {
    const isAdmin = admin.owns(pathname);
    let principal: Principal | null = null;
    if (isAdmin) {
      // Who asks is checked before an upload of up to maxImportBytes is read.
      principal = await signIn(token ?? null);
      // An upload that is refused is not read: the connection closes after the answer.
      const unread: Record<string, string> = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH' ? { Connection: 'close' } : {};
      if (!principal) {
        limiter?.failed(address, token);
        return sendWith(res, extra, problemResponse(problems.unauthorized(), { 'WWW-Authenticate': 'Bearer', ...unread }));
      }
      if (principal.kind !== 'beheerder') return sendWith(res, extra, problemResponse(adminProblems.notBeheerder(), unread));
    }
    const limit = isAdmin ? maxImportBytes : maxBodyBytes;
    let body: Buffer | undefined;
    try {
      body = await readBody(req, limit);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      // The rest of the upload is not read: the connection closes after this answer.
      sendAnswer(res, problemResponse(problems.payloadTooLarge(limit)), { ...extra, Connection: 'close' });
      return 413;
    }
    if (isAdmin && principal?.kind === 'beheerder') {
      const response = await admin.handle(toRequest(req, body), principal.beheerder);
      await sendResponse(res, response, extra);
      return response.status;
    }
    const answer = await handler(toExchange(req, body));
    if (answer.status === 401) limiter?.failed(address, token);
    return sendWith(res, extra, answer);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string, inApi: boolean, route: string): Promise<number> {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const corsHeaders = inApi ? cors.headersFor(origin) : {};
    if (!inApi) {
      const probed = await probe(req, res, pathname, false);
      if (probed !== undefined) return probed;
    }
    if (!knownMethods.has(req.method ?? '')) {
      // Before the adapter: fetch's Request refuses TRACE (it used to surface as a 500).
      sendAnswer(res, methodNotAllowed(inApi), securityHeadersFor(inApi));
      return 405;
    }
    if (inApi && req.method === 'OPTIONS') {
      res.writeHead(204, { ...apiSecurityHeaders, ...corsHeaders });
      res.end();
      return 204;
    }
    if (inApi) return api(req, res, pathname, route, corsHeaders);
    for (const [name, value] of Object.entries(pageSecurityHeaders)) res.setHeader(name, value);
    if (await serveConsentPage(req, res, { apiBase: `${basePath}/`, ...(options.bundleFile ? { bundleFile: options.bundleFile } : {}) })) return res.statusCode;
    if (options.staticDir && (await serveStatic(options.staticDir, req, res))) return 200;
    if (options.fallback) {
      await options.fallback(req, res);
      return res.statusCode;
    }
    sendAnswer(res, problemResponse(problems.unknownRoute()), pageSecurityHeaders);
    return 404;
  }

  /** Responses under way, so close() can tell them to close their connection. */
  const inFlight = new Set<ServerResponse>();
  const isProbe = (pathname: string) => pathname === probePaths.health || pathname === probePaths.ready || pathname === probePaths.metrics;
  const server = createServer((req, res) => {
    const started = performance.now();
    const pathname = pathnameOf(req.url);
    const inApi = pathname === basePath || pathname.startsWith(`${basePath}/`);
    // The route pattern: for the API's dev routes, the metrics and the log (never the path itself).
    const route = inApi ? routePattern(pathname, basePath) : isProbe(pathname) ? pathname : '(static)';
    inFlight.add(res);
    if (closing) res.setHeader('Connection', 'close');
    res.on('close', () => {
      inFlight.delete(res);
      // Shutting down: the connection this response leaves idle goes now, not after keepAliveTimeout.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    handle(req, res, pathname, inApi, route)
      .catch((error) => {
        console.error(JSON.stringify({ level: 'error', msg: 'request failed', ...describeError(error) }));
        if (!res.headersSent) {
          try {
            sendAnswer(res, problemResponse(problems.serverError()), securityHeadersFor(inApi));
          } catch {
            // The response could not be written (the socket is gone): nothing more to say.
          }
        } else res.destroy();
        return 500;
      })
      .then((status) => {
        const ms = performance.now() - started;
        metrics.observe(req.method ?? '', route, status, ms / 1000);
        // Probes every few seconds would drown the log: only their failures are logged.
        if (!isProbe(pathname) || status >= 400) log?.({ level: 'info', method: req.method ?? '', route, status, ms: Math.round(ms * 10) / 10 });
      });
  });
  // CONNECT never reaches 'request': without this listener Node drops the connection unanswered.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    const started = performance.now();
    socket.on('error', () => undefined);
    const inApi = (req.url ?? '').startsWith(`${basePath}/`);
    const body = JSON.stringify(problems.methodNotAllowed());
    const headers = {
      ...securityHeadersFor(inApi),
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': 'no-store',
      Allow: inApi ? apiMethods : pageMethods,
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\n${head}\r\n${body}`);
    metrics.observe('CONNECT', '(connect)', 405, (performance.now() - started) / 1000);
    log?.({ level: 'info', method: 'CONNECT', route: '(connect)', status: 405, ms: Math.round((performance.now() - started) * 10) / 10 });
  });
  server.keepAliveTimeout = 5000;

  const host = options.host ?? (dev ? '127.0.0.1' : undefined);
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
  const url = `http://${shownHost}:${address.port}`;
  let metricsServer: Server | undefined;
  let metricsUrl: string | undefined;
  if (options.metricsPort !== undefined) {
    const internal = createServer((req, res) => {
      probe(req, res, pathnameOf(req.url), true)
        .then((status) => (status === undefined ? sendAnswer(res, problemResponse(problems.unknownRoute()), apiSecurityHeaders) : undefined))
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolvePromise, reject) => {
      internal.once('error', reject);
      internal.listen(options.metricsPort, options.metricsHost ?? '127.0.0.1', () => {
        internal.off('error', reject);
        resolvePromise();
      });
    });
    metricsServer = internal;
    const at = internal.address() as AddressInfo;
    metricsUrl = `http://${at.family === 'IPv6' ? `[${at.address}]` : at.address}:${at.port}`;
  }
  if (!consentPageUrl && dev) consentPageUrl = new URL(consentPagePath, url).href;
  if (!consentPageUrl && log) console.log(JSON.stringify({ level: 'warn', msg: 'guardian consent links are off: set DOORSTROOM_PUBLIC_URL (or DOORSTROOM_CONSENT_URL)' }));

  return {
    url,
    apiUrl: `${url}${basePath}/`,
    port: address.port,
    server,
    db,
    store,
    identities,
    outbox,
    dev,
    accounts,
    metrics,
    ...(retentionJob ? { retentionJob } : {}),
    ...(metricsUrl ? { metricsUrl } : {}),
    async close() {
      closing = true;
      // No new connections; idle keep-alive connections go now; requests under way may finish
      // (their responses close the connection) until the deadline, then their connections are cut.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      let deadline: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeIdleConnections();
        deadline = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
        deadline.unref();
      });
      clearTimeout(deadline);
      if (metricsServer) {
        const internal = metricsServer;
        await new Promise<void>((resolvePromise) => {
          internal.close(() => resolvePromise());
          internal.closeAllConnections();
        });
      }
      await retentionJob?.stop();
      await outbox.stop();
      if (ownDb) await db.close();
    },
  };
}
