/**
 * The HTTP implementation of `DossierApi` (spec §8). Every response body is checked against the
 * contract's schemas before it reaches the caller; every failure becomes a `DossierApiError`.
 */
import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import type * as z from 'zod/mini';
import {
  begeleidingSchema,
  dossierListSchema,
  dossierSchema,
  historySchema,
  institutionsSchema,
  intakeSchema,
  klasMoveResultSchema,
  locationsSchema,
  meSchema,
  mentorsSchema,
  problemSchema,
  programmesSchema,
  regionConfigResponseSchema,
  reminderResultSchema,
  type ActionRequest,
  type DossierApi,
  type DossierListQuery,
  type Problem,
} from './contract.js';
import { DossierApiError, errorFromProblem } from './errors.js';

export interface HttpClientOptions {
  /** Where the contract's paths live, e.g. `https://api.example.nl/doorstroom/` (trailing slash optional). */
  baseUrl: string;
  /** A fixed bearer token. */
  token?: string;
  /** Asked before every attempt (so refreshed tokens are picked up); wins over `token`. */
  getToken?: () => string | Promise<string>;
  fetch?: typeof fetch;
  /** Milliseconds per attempt before giving up with kind 'timeout'. Default 10 000. */
  timeout?: number;
  /** Extra attempts for failed reads (GET only). Default 2. */
  retry?: number;
  /** Backoff before the first retry in milliseconds, doubling after. Default 300. */
  retryDelay?: number;
}

const defaultTimeout = 10_000;
const defaultRetries = 2;
const defaultRetryDelay = 300;
/** A server asking us to wait longer than this is better answered with 'rateLimited' right away. */
const maxRetryAfter = 5_000;
const retryStatusCodes = [408, 429, 500, 502, 503, 504];

/** `If-Match` value for a version: the quoted ETag form. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/** Reads a version from `If-Match`/`ETag`: `"7"`, `W/"7"` or a bare `7`; undefined when it is none. */
export function parseVersionTag(header: string | null | undefined): number | undefined {
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header ?? '');
  return match ? Number(match[1]) : undefined;
}

/** A failure of `getToken`: not worth retrying, and reported as 'unauthorized'. */
class TokenError extends Error {}

/**
 * Where doorstroom-preload.js (packages/elements/src/preload.ts) leaves the GETs it started while
 * the bundle downloaded: a Map from `GET <absolute URL>\n<Authorization or ''>` to
 * `{ at: Date.now(), response: Promise<Response> }`. A plain global, so the SDK needs no DOM.
 */
const preloadRegistry = Symbol.for('doorstroom.preload');
/** An older preload may describe a dossier that changed since: asked for again. */
const preloadMaxAge = 30_000;

/** The preloaded answer to exactly this request (method, URL and Authorization), taken once. */
function takePreload(request: Request): PromiseLike<Response> | undefined {
  const registry = (globalThis as Record<symbol, unknown>)[preloadRegistry];
  if (request.method !== 'GET' || !(registry instanceof Map)) return undefined;
  const key = `GET ${request.url}\n${request.headers.get('Authorization') ?? ''}`;
  const entry: unknown = registry.get(key);
  if (entry === undefined) return undefined;
  registry.delete(key);
  const { at, response } = entry as { at?: unknown; response?: PromiseLike<Response> };
  if (typeof at !== 'number' || !(Date.now() - at <= preloadMaxAge) || typeof response?.then !== 'function') return undefined;
  return response;
}

/**
 * Waits for a preloaded answer as long as the request's own timeout would have allowed. A preload
 * that got no answer (network error) gives undefined: the request is then made as usual.
 */
function preloaded(request: Request, timeout: number): Promise<Response | undefined> | undefined {
  const response = takePreload(request);
  // Without a preload nothing is awaited: the request goes out exactly as it did before.
  return response && awaitPreload(request, response, timeout);
}

async function awaitPreload(request: Request, response: PromiseLike<Response>, timeout: number): Promise<Response | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeout)));
  try {
    const first = await Promise.race([response, late]);
    if (first === 'late') throw new TimeoutError(request);
    return first;
  } catch (error) {
    if (error instanceof TimeoutError) throw error;
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isNaN(seconds) ? Date.parse(value) - Date.now() : seconds * 1000;
}

/** One path segment; dot segments would be resolved away by URL parsing, so they are refused. */
function segment(value: string, what: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new DossierApiError({ kind: 'notFound', message: `Invalid ${what}: ${JSON.stringify(value)}` });
  }
  return encodeURIComponent(value);
}

function describeIssues(error: z.core.$ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return issues.join('; ') + more;
}

async function problemOf(response: Response): Promise<Problem | undefined> {
  try {
    const parsed = problemSchema.safeParse(JSON.parse(await response.text()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function createHttpClient(options: HttpClientOptions): DossierApi {
  const userFetch = options.fetch;
  const retryDelay = options.retryDelay ?? defaultRetryDelay;
  const timeout = options.timeout ?? defaultTimeout;
  const http: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    timeout,
    // Called as a plain function: a bare `window.fetch` passed in would otherwise throw "Illegal invocation".
    ...(userFetch ? { fetch: (input: RequestInfo | URL, init?: RequestInit) => userFetch(input, init) } : {}),
    headers: { accept: 'application/json, application/problem+json' },
    retry: {
      limit: options.retry ?? defaultRetries,
      // Only reads: a repeated POST/PATCH could apply an action twice or fail on its own version bump.
      methods: ['get'],
      statusCodes: retryStatusCodes,
      afterStatusCodes: [429, 503],
      maxRetryAfter,
      delay: (attempt) => retryDelay * 2 ** (attempt - 1),
      // Spread out the retries of many clients that failed at the same moment.
      jitter: (delay) => delay * (0.5 + Math.random() * 0.5),
      shouldRetry: ({ error }) => {
        if (error instanceof TokenError) return false;
        if (error instanceof HTTPError) {
          const wait = retryAfterMs(error.response);
          if (wait !== undefined && wait > maxRetryAfter) return false;
        }
        return undefined;
      },
    },
    hooks: {
      beforeRequest: [
        async (request) => {
          let token: string | undefined;
          try {
            token = options.getToken ? await options.getToken() : options.token;
          } catch (cause) {
            throw new TokenError('getToken failed', { cause });
          }
          if (token) request.headers.set('Authorization', `Bearer ${token}`);
          // After the token is set, so the preload must have been made for the same person. A
          // preloaded answer goes on as the fetch's would: a 500 is retried, a 401 is the same error.
          // In this hook, not one of its own: without a preload the request leaves as soon as before.
          return preloaded(request, timeout);
        },
      ],
    },
  });

  async function call<S extends z.ZodMiniType>(method: 'get' | 'post' | 'patch' | 'put', path: string, schema: S, extra: Options = {}): Promise<z.infer<S>> {
    const label = `${method.toUpperCase()} ${path}`;
    const write = method !== 'get';
    // Outside the try: a synchronous throw here is a programming error (e.g. an invalid baseUrl), not the network.
    const pending = http(path, { method, ...extra });
    let body: string;
    try {
      body = await (await pending).text();
    } catch (error) {
      throw await toApiError(error, method, path);
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (cause) {
      throw new DossierApiError({ kind: 'malformed', message: `${label}: response is not JSON`, write, cause });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new DossierApiError({
        kind: 'malformed',
        message: `${label}: response does not match the contract: ${describeIssues(parsed.error)}`,
        write,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  async function toApiError(error: unknown, method: string, path: string): Promise<DossierApiError> {
    const label = `${method.toUpperCase()} ${path}`;
    const write = method !== 'get';
    if (error instanceof DossierApiError) return error;
    if (error instanceof HTTPError) {
      return errorFromProblem(error.response.status, await problemOf(error.response), { method, path });
    }
    if (error instanceof TimeoutError) {
      return new DossierApiError({ kind: 'timeout', message: `${label} timed out`, write, cause: error });
    }
    if (error instanceof TokenError) {
      return new DossierApiError({ kind: 'unauthorized', message: `${label}: getToken() failed`, cause: error.cause });
    }
    // fetch rejects (TypeError in browsers and Node) when the request never got an answer: the
    // device is offline, or the server is down, at a wrong address or refuses this origin (CORS).
    const detail = error instanceof Error ? error.message : String(error);
    const networkCause = globalThis.navigator?.onLine === false ? 'offline' : 'unreachable';
    return new DossierApiError({ kind: 'network', message: `${label} failed (${networkCause}): ${detail}`, write, networkCause, cause: error });
  }

  /** A file the backend makes (the PDF), as it came; failures as for every call. */
  async function file(path: string, accept: string): Promise<Blob> {
    const pending = http(path, { method: 'get', headers: { accept: `${accept}, application/problem+json` } });
    try {
      return await (await pending).blob();
    } catch (error) {
      throw await toApiError(error, 'get', path);
    }
  }

  const withVersion = (version: number) => ({ headers: { 'If-Match': versionTag(version) } });
  const query = (values: Record<string, string | number | undefined>) => {
    const present = Object.entries(values).filter(([, value]) => value !== undefined && value !== '');
    return present.length ? { searchParams: Object.fromEntries(present) as Record<string, string | number> } : {};
  };

  return {
    me: () => call('get', 'me', meSchema),
    config: () => call('get', 'config', regionConfigResponseSchema),
    listDossiers: (request: DossierListQuery = {}) => call('get', 'dossiers', dossierListSchema, query({ view: request.view, klas: request.klas, leerjaar: request.leerjaar, q: request.q })),
    createDossier: (request) => call('post', 'dossiers', dossierSchema, { json: request }),
    getDossier: async (id) => call('get', `dossiers/${segment(id, 'dossier id')}`, dossierSchema),
    saveSection: async (id, sectionId, answers, version) =>
      call('patch', `dossiers/${segment(id, 'dossier id')}/sections/${segment(sectionId, 'section id')}`, dossierSchema, {
        json: { answers },
        ...withVersion(version),
      }),
    act: async (id, action, request: ActionRequest = {}, version?: number) =>
      call('post', `dossiers/${segment(id, 'dossier id')}/actions/${segment(action, 'action')}`, dossierSchema, {
        json: request,
        ...(version === undefined ? {} : withVersion(version)),
      }),
    history: async (id) => call('get', `dossiers/${segment(id, 'dossier id')}/history`, historySchema),
    getBegeleiding: async (studentId) => call('get', `students/${segment(studentId, 'student id')}/begeleiding`, begeleidingSchema),
    saveBegeleiding: async (studentId, answers, version) =>
      call('patch', `students/${segment(studentId, 'student id')}/begeleiding`, begeleidingSchema, {
        json: { answers },
        ...withVersion(version),
      }),
    mentors: async (schoolId) => call('get', `schools/${segment(schoolId, 'school id')}/mentors`, mentorsSchema),
    remind: async (studentIds) => call('post', 'reminders', reminderResultSchema, { json: { studentIds } }),
    moveKlas: async (schoolId, klas, mentorId) => call('post', `schools/${segment(schoolId, 'school id')}/klassen/${segment(klas, 'klas')}/mentor`, klasMoveResultSchema, { json: { mentorId } }),
    setIntake: async (dossierId, request) => call('put', `dossiers/${segment(dossierId, 'dossier id')}/intake`, intakeSchema, { json: request }),
    dossierPdf: async (id) => file(`dossiers/${segment(id, 'dossier id')}/pdf`, 'application/pdf'),
    institutions: (q) => call('get', 'catalog/institutions', institutionsSchema, query({ q })),
    locations: async (brin) => call('get', `catalog/institutions/${segment(brin, 'BRIN')}/locations`, locationsSchema),
    programmes: async (brin, q) => call('get', `catalog/institutions/${segment(brin, 'BRIN')}/programmes`, programmesSchema, query({ q })),
  };
}
