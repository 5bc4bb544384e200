/**
 * THE HTTP side of the contract (spec §8), in two forms that answer alike: `createHandler`, a
 * transport-neutral core (method, target, headers and body in; status, headers and a JSON body
 * out) that a Node server calls without building fetch objects, and `createFetchHandler`,
 * `(Request) => Promise<Response>` over that core, which the memory backend, msw, a service
 * worker or a Deno/Bun server host. Request bodies are parsed with the contract's zod schemas;
 * responses are checked against them before they leave (a host may leave that out for the
 * dossiers the service builds: `checkDossierResponses`); every error is
 * `application/problem+json` (RFC 9457).
 */
import type * as z from 'zod/mini';
import {
  begeleidingSchema,
  dossierActionSchema,
  dossierListSchema,
  dossierSchema,
  historySchema,
  institutionsSchema,
  intakeSchema,
  klasMoveResultSchema,
  reminderResultSchema,
  isStorableText,
  limits,
  locationsSchema,
  meSchema,
  mentorsSchema,
  programmesSchema,
  regionConfigResponseSchema,
  safeErrorPath,
  unstorableTextMessage,
  type Actor,
  type DossierListQuery,
  type Problem,
} from '../contract.js';
import { intakeRequestSchema } from '../intake.js';
import { historyVerificationSchema } from '../history-chain.js';
import { actionRequestSchema, createDossierRequestSchema, klasMoveRequestSchema, reminderRequestSchema, saveSectionRequestSchema } from '../requests.js';
import { WorkflowRefusedError } from '../refusals.js';
import { problems, ServiceError } from './problems.js';
import type { DossierService } from './service.js';
import { sharedSummaries } from './summaries.js';

/** The options of both forms: `createHandler` (the core) and `createFetchHandler`. */
export interface HandlerOptions {
  /** The path the contract's routes live under, e.g. '/api'. Default: the root. */
  basePath?: string;
  /** Who holds this bearer token (null when none was sent); null answers 401. */
  authenticate(token: string | null): Promise<Actor | null>;
  /** Largest request body accepted; larger ones get 413. Default 256 kB. */
  maxBodyBytes?: number;
  /** Told about unexpected errors (answered with a 500 problem that says nothing about the cause). Default: console.error. */
  onError?: (error: unknown, exchange: HandlerExchange) => void;
  /**
   * Routes a host adds beside the contract's (the reference server's PDF), with the same sign-in,
   * 404/405 and problem+json handling. Matched after the contract's own routes.
   */
  routes?: ReadonlyArray<HandlerRoute>;
  /**
   * Whether a dossier the service returns (GET, create, save, action) is parsed against the
   * contract's schema before it is sent; default true. Checked, a dossier with a member the schema
   * does not know is refused too (500), not quietly trimmed: so a host that checks in development
   * and its tests (the reference server's dev mode) sees any dossier that production, unchecked,
   * would send differently. Why a server may skip it: the service builds every dossier itself
   * (`visibleTo` of what it stored, its student and mentor as the contract has them), and every
   * client parses every response with the same schemas (`createHttpClient`, the elements, the
   * conformance kit), so this is a second check of the server's own output, and it was a large
   * share of a save's CPU. It guards nothing a client relies on: requests are always parsed, and
   * the service's rules (workflow, version, visibility, consent) run either way. The same goes for
   * the list of dossiers (`GET /dossiers`): checked as strictly, or sent as the service built it.
   */
  checkDossierResponses?: boolean;
}

/** `createFetchHandler`'s options: the core's, with `onError` told the fetch Request. */
export interface FetchHandlerOptions extends Omit<HandlerOptions, 'onError'> {
  /** Told about unexpected errors (answered with a 500 problem that says nothing about the cause). Default: console.error. */
  onError?: (error: unknown, request: Request) => void;
}

/**
 * One request as the core (`createHandler`) sees it, whatever carried it: a Node
 * `IncomingMessage`, a fetch `Request`, a test's table.
 */
export interface HandlerExchange {
  /** The method, e.g. `GET` (compared in upper case). */
  method: string;
  /** The request target: path and query as on the request line, e.g. `/api/dossiers?view=teBehandelen` (an absolute URL works too; its origin is not used). */
  target: string;
  /** A request header by its lower-case name (`authorization`, `if-match`, …); undefined or null when absent, repeated lines joined with `, `. */
  header(name: string): string | null | undefined;
  /**
   * The body: its UTF-8 bytes or its text, undefined when there is none; or a function that reads
   * it when a route needs it (it may throw a `ServiceError`, e.g. `problems.payloadTooLarge`).
   * A body over `maxBodyBytes` is answered 413 either way.
   */
  body?: Uint8Array | string | (() => Promise<Uint8Array | string | undefined>) | undefined;
  /**
   * The request as a fetch `Request`, for host routes (`routes`) that read `context.request`;
   * only called when one does. Without it such a route gets one built from the method, target,
   * body and the headers the contract uses (Authorization, Content-Type, If-Match, Accept, Accept-Language).
   */
  request?: () => Request;
}

/** The core's answer: written as it is (`res.writeHead(status, headers)`, `res.end(body)`), or made a `Response` by `createFetchHandler`. */
export interface HandlerAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON (`application/json` or `application/problem+json`) as text, or bytes (a list built from cached parts, a host route's file). */
  body: string | Uint8Array;
}

export const defaultMaxBodyBytes = 256 * 1024;
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
/** What a host route (`routes`) is given; `url` and `request` are made when it first reads them. */
export interface RouteContext {
  actor: Actor;
  params: string[];
  url: URL;
  request: Request;
}
/** What the contract's own routes are given: the exchange itself, no fetch objects. */
interface Call {
  actor: Actor;
  params: string[];
  exchange: HandlerExchange;
  /** The query, without its `?`. */
  search: string;
}
type RouteHandler = (call: Call) => Promise<HandlerAnswer>;
interface Route {
  /** Path segments; ':' marks a parameter. */
  path: string[];
  methods: Partial<Record<Method, RouteHandler>>;
}
/** A route beside the contract's: path segments (':' marks a parameter) and a handler per method; throw a ServiceError for a problem. */
export interface HandlerRoute {
  path: ReadonlyArray<string>;
  methods: Partial<Record<Method, (context: RouteContext) => Promise<Response>>>;
}

const noStore = { 'Cache-Control': 'no-store' };

/** The version as an ETag, quoted as `If-Match` expects it back. */
export const etagOf = (version: number) => `"${version}"`;

function problemResponse(details: Problem, headers: Record<string, string> = {}): HandlerAnswer {
  return { status: details.status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...noStore, ...headers }, body: JSON.stringify(details) };
}

/** A contract violation by the service itself: a bug, answered as 500 rather than sent on. */
class ResponseContractError extends Error {}

// `value` is checked at run time, so the readonly SDK types (answers) need no cast here.
function ok<S extends z.ZodMiniType>(schema: S, value: unknown, status = 200, headers: Record<string, string> = {}): HandlerAnswer {
  return sent(checked(schema, value), status, headers);
}

function checked<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ResponseContractError(`Response does not match the contract: ${issues.join('; ')}`);
  }
  return parsed.data;
}

const withVersion = (value: { version: number }) => ({ ETag: etagOf(value.version) });

/** A value the service built, sent as it is (see `checkDossierResponses`). */
function sent(value: unknown, status = 200, headers: Record<string, string> = {}): HandlerAnswer {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...noStore, ...headers }, body: JSON.stringify(value) };
}

/** The JSON of the read-only summaries the service hands out to more than one list (summaries.ts), as UTF-8: made once per object. */
const itemBytes = new WeakMap<object, Uint8Array>();
const utf8 = new TextEncoder();

/**
 * A list sent unchecked, byte for byte as `sent` would send it: a list of items alone is written
 * item by item, with the bytes of a shared read-only summary kept for the next list that has it.
 */
function sentList(list: { items: ReadonlyArray<unknown> }): HandlerAnswer {
  const keys = Object.keys(list);
  if (keys.length !== 1 || keys[0] !== 'items' || !Array.isArray(list.items)) return sent(list);
  const parts: Uint8Array[] = [utf8.encode('{"items":[')];
  const comma = utf8.encode(',');
  let length = parts[0]!.byteLength + 2;
  for (const [index, item] of list.items.entries()) {
    let bytes = item !== null && typeof item === 'object' ? itemBytes.get(item) : undefined;
    if (bytes === undefined) {
      bytes = utf8.encode(JSON.stringify(item) ?? 'null');
      if (item !== null && typeof item === 'object' && sharedSummaries.has(item)) itemBytes.set(item, bytes);
    }
    if (index > 0) {
      parts.push(comma);
      length += 1;
    }
    parts.push(bytes);
    length += bytes.byteLength;
  }
  parts.push(utf8.encode(']}'));
  const body = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...noStore }, body };
}

/** The path of the first member of `value` that parsing left out of `kept` (zod drops unknown keys without a word). */
function droppedMember(value: unknown, kept: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object' || kept === null || typeof kept !== 'object') return undefined;
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue;
    if (!Object.hasOwn(kept, key)) return `${path}${key}`;
    const deeper = droppedMember(member, (kept as Record<string, unknown>)[key], `${path}${key}.`);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/**
 * A dossier checked as strictly as it would be sent unchecked: besides the schema, no member the
 * schema would drop, for unchecked (`checkDossierResponses: false`) sends it as the service built
 * it. So what dev mode and the tests accept is exactly what production sends.
 */
function checkedDossier(dossier: { version: number }, status: number): HandlerAnswer {
  const data = checked(dossierSchema, dossier);
  const dropped = droppedMember(dossier, data);
  if (dropped !== undefined) throw new ResponseContractError(`Response does not match the contract: ${dropped} is not in it`);
  return sent(data, status, withVersion(dossier));
}

/**
 * A list of dossiers (their summaries) checked as strictly as a dossier: a long list is most of
 * the service's output, and its summaries are built by the service as its dossiers are, so a host
 * that leaves out the dossier check (`checkDossierResponses: false`) sends lists unchecked too.
 */
function strictlyChecked<S extends z.ZodMiniType>(schema: S, value: unknown): HandlerAnswer {
  const data = checked(schema, value);
  const dropped = droppedMember(value, data);
  if (dropped !== undefined) throw new ResponseContractError(`Response does not match the contract: ${dropped} is not in it`);
  return sent(data);
}

const bad = (detail: string, errors?: Problem['errors']) => new ServiceError(problems.badRequest(detail, errors));

function issuesToErrors(error: z.core.$ZodError): NonNullable<Problem['errors']> {
  return error.issues.slice(0, 50).map((issue) => ({ path: safeErrorPath(issue.path.map(String)), message: issue.message }));
}

const utf8Decoder = new TextDecoder();

/** The UTF-8 length of `text` is over `limit` (counted only when its length leaves that open). */
function textOver(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  return text.length * 3 > limit && utf8.encode(text).byteLength > limit;
}

/** The body as JSON, at most `limit` bytes of it; undefined when there is none. */
async function readJson(exchange: HandlerExchange, limit: number): Promise<unknown> {
  const source = exchange.body;
  const body = typeof source === 'function' ? await source() : source;
  if (body === undefined) return undefined;
  let text: string;
  if (typeof body === 'string') {
    if (textOver(body, limit)) throw new ServiceError(problems.payloadTooLarge(limit));
    // As TextDecoder does for bytes: a leading byte order mark is not part of the JSON.
    text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  } else {
    if (body.byteLength > limit) throw new ServiceError(problems.payloadTooLarge(limit));
    text = utf8Decoder.decode(body);
  }
  if (text.trim() === '') return undefined;
  let prototypeKey = false;
  let parsed: unknown;
  // The reviver (a call per value) only when the text could hold such a key: one of the words, or
  // an escape, which could spell one (\u005f\u005fproto\u005f\u005f). A save's body rarely has either.
  const suspect = text.includes('\\u') || text.includes('__proto__') || text.includes('constructor') || text.includes('prototype');
  try {
    parsed = suspect
      ? JSON.parse(text, (key, value: unknown) => {
          if (prototypeKeys.has(key)) prototypeKey = true;
          return value;
        })
      : JSON.parse(text);
  } catch {
    throw bad('The request body is not valid JSON.');
  }
  // No contract field has these names; refusing them keeps a careless merge anywhere behind us from reaching Object.prototype.
  if (prototypeKey) throw bad('The request body contains a key that is not allowed (__proto__, constructor or prototype).');
  return parsed;
}

function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = issuesToErrors(parsed.error);
  // Text no backend can store gets its own Dutch title; mixed with other mistakes, the general one.
  if (errors.every((e) => e.message === unstorableTextMessage)) throw new ServiceError(problems.unstorableText(errors));
  throw bad('The request body does not match the contract.', errors);
}

/** Reads a fetch Request's body for the core, at most `limit` bytes (413 past that, declared or streamed). */
async function requestBody(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > limit) throw new ServiceError(problems.payloadTooLarge(limit));
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new ServiceError(problems.payloadTooLarge(limit));
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `"7"`, `W/"7"` or `7`; undefined when absent, a 400 when it is not a version. */
function ifMatchVersion(exchange: HandlerExchange): number | undefined {
  const header = exchange.header('if-match');
  if (header === null || header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) throw bad('If-Match must be the version you read, e.g. "7".');
  return Number(match[1]);
}

function requiredVersion(exchange: HandlerExchange): number {
  const version = ifMatchVersion(exchange);
  if (version === undefined) throw new ServiceError(problems.versionRequired());
  return version;
}

function queryText(search: string, name: string): string | undefined {
  const value = search === '' ? null : new URLSearchParams(search).get(name);
  if (value === null || value.trim() === '') return undefined;
  if (value.length > limits.query) throw bad(`Query parameter ${name} is longer than ${limits.query} characters.`);
  // A store would fail on a NUL in its query (PostgreSQL refuses it): answer 400, not 500.
  if (!isStorableText(value)) throw bad(`Query parameter ${name} contains a NUL character.`);
  return value;
}

function listQuery(search: string): DossierListQuery {
  const query: DossierListQuery = {};
  const view = queryText(search, 'view');
  if (view !== undefined) {
    if (view !== 'teBehandelen' && view !== 'mijnLeerlingen') throw bad('view must be teBehandelen or mijnLeerlingen.');
    query.view = view;
  }
  const leerjaar = queryText(search, 'leerjaar');
  if (leerjaar !== undefined) {
    if (!/^\d{1,2}$/.test(leerjaar)) throw bad('leerjaar must be a whole number.');
    query.leerjaar = Number(leerjaar);
  }
  const klas = queryText(search, 'klas');
  if (klas !== undefined) query.klas = klas;
  const q = queryText(search, 'q');
  if (q !== undefined) query.q = q;
  return query;
}

function routesFor(service: DossierService, maxBodyBytes: number, checkDossiers: boolean): Route[] {
  const body = (exchange: HandlerExchange) => readJson(exchange, maxBodyBytes);
  const dossierResponse = (dossier: { version: number }, status = 200) => (checkDossiers ? checkedDossier(dossier, status) : sent(dossier, status, withVersion(dossier)));
  return [
    { path: ['me'], methods: { GET: async ({ actor }) => ok(meSchema, await service.me(actor)) } },
    { path: ['config'], methods: { GET: async ({ actor }) => ok(regionConfigResponseSchema, await service.config(actor)) } },
    {
      path: ['dossiers'],
      methods: {
        GET: async ({ actor, search }) => {
          const list = await service.listDossiers(actor, listQuery(search));
          return checkDossiers ? strictlyChecked(dossierListSchema, list) : sentList(list);
        },
        POST: async ({ actor, exchange }) => {
          const created = await service.createDossier(actor, parseBody(createDossierRequestSchema, await body(exchange)));
          return dossierResponse(created, 201);
        },
      },
    },
    {
      path: ['dossiers', ':'],
      methods: {
        GET: async ({ actor, params }) => {
          return dossierResponse(await service.getDossier(actor, params[0]!));
        },
      },
    },
    {
      path: ['dossiers', ':', 'sections', ':'],
      methods: {
        PATCH: async ({ actor, params, exchange }) => {
          const version = requiredVersion(exchange);
          const { answers } = parseBody(saveSectionRequestSchema, await body(exchange));
          return dossierResponse(await service.saveSection(actor, params[0]!, params[1]!, answers, version));
        },
      },
    },
    {
      path: ['dossiers', ':', 'actions', ':'],
      methods: {
        POST: async ({ actor, params, exchange }) => {
          const action = dossierActionSchema.safeParse(params[1]);
          if (!action.success) throw new ServiceError(problems.unknownRoute());
          const version = ifMatchVersion(exchange);
          const actionRequest = parseBody(actionRequestSchema, (await body(exchange)) ?? {});
          return dossierResponse(await service.act(actor, params[0]!, action.data, actionRequest, version));
        },
      },
    },
    { path: ['dossiers', ':', 'history'], methods: { GET: async ({ actor, params }) => ok(historySchema, await service.history(actor, params[0]!)) } },
    {
      path: ['dossiers', ':', 'verify'],
      methods: { GET: async ({ actor, params }) => ok(historyVerificationSchema, await service.verifyHistory(actor, params[0]!)) },
    },
    {
      path: ['students', ':', 'begeleiding'],
      methods: {
        GET: async ({ actor, params }) => {
          const record = await service.getBegeleiding(actor, params[0]!);
          return ok(begeleidingSchema, record, 200, withVersion(record));
        },
        PATCH: async ({ actor, params, exchange }) => {
          const version = requiredVersion(exchange);
          const { answers } = parseBody(saveSectionRequestSchema, await body(exchange));
          const record = await service.saveBegeleiding(actor, params[0]!, answers, version);
          return ok(begeleidingSchema, record, 200, withVersion(record));
        },
      },
    },
    { path: ['schools', ':', 'mentors'], methods: { GET: async ({ actor, params }) => ok(mentorsSchema, await service.mentors(actor, params[0]!)) } },
    {
      path: ['schools', ':', 'klassen', ':', 'mentor'],
      methods: {
        POST: async ({ actor, params, exchange }) => {
          const { mentorId } = parseBody(klasMoveRequestSchema, await body(exchange));
          return ok(klasMoveResultSchema, await service.moveKlas(actor, params[0]!, params[1]!, mentorId));
        },
      },
    },
    {
      path: ['reminders'],
      methods: {
        POST: async ({ actor, exchange }) => ok(reminderResultSchema, await service.remind(actor, parseBody(reminderRequestSchema, await body(exchange)).studentIds)),
      },
    },
    {
      path: ['dossiers', ':', 'intake'],
      methods: {
        PUT: async ({ actor, params, exchange }) => ok(intakeSchema, await service.setIntake(actor, params[0]!, parseBody(intakeRequestSchema, await body(exchange)))),
      },
    },
    {
      path: ['catalog', 'institutions'],
      methods: { GET: async ({ actor, search }) => ok(institutionsSchema, await service.institutions(actor, queryText(search, 'q'))) },
    },
    {
      path: ['catalog', 'institutions', ':', 'locations'],
      methods: { GET: async ({ actor, params }) => ok(locationsSchema, await service.locations(actor, params[0]!)) },
    },
    {
      path: ['catalog', 'institutions', ':', 'programmes'],
      methods: { GET: async ({ actor, params, search }) => ok(programmesSchema, await service.programmes(actor, params[0]!, queryText(search, 'q'))) },
    },
  ];
}

function match(routes: Route[], segments: string[]): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if (route.path.length !== segments.length) continue;
    const params: string[] = [];
    if (route.path.every((part, i) => (part === ':' ? (params.push(segments[i]!), true) : part === segments[i]))) return { route, params };
  }
  return undefined;
}

/** The route's segments after `basePath`, decoded; undefined when the path is outside it or malformed. */
function segmentsOf(pathname: string, basePath: string): string[] | undefined {
  if (basePath && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
  const rest = pathname
    .slice(basePath.length)
    .split('/')
    .filter((s) => s !== '');
  try {
    const decoded = rest.map((s) => decodeURIComponent(s));
    // `%00` decodes to a NUL, which no store can look up (PostgreSQL fails on it): no such path.
    return decoded.every((s) => s !== '' && s.length <= 200 && isStorableText(s)) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

function bearerToken(exchange: HandlerExchange): string | null {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(exchange.header('authorization') ?? '');
  return match ? match[1]! : null;
}

/** The origin a target without one is resolved against; routing only looks at path and query. */
const internalOrigin = 'http://doorstroom.internal';
/** A path `new URL` leaves as it is: no dot segment, backslash or character it would encode, not `//` (which it reads as a host). */
const plainPath = /^\/(?!\/)[\w\-~!$&'()*+,;=:@/%]*$/;
/** A query of printable ASCII only: nothing for `new URL` to encode or strip. */
const plainQuery = /^[!-~]*$/;

/** The target's path and query (without `?`), as `new URL(target, origin)` has them; parsed by `new URL` only when it would change them. */
function pathAndQuery(target: string): { pathname: string; search: string } {
  const hash = target.indexOf('#');
  const plain = hash === -1 ? target : target.slice(0, hash);
  const q = plain.indexOf('?');
  const pathname = q === -1 ? plain : plain.slice(0, q);
  const search = q === -1 ? '' : plain.slice(q + 1);
  if (plainPath.test(pathname) && !/%2e/i.test(pathname) && plainQuery.test(search)) return { pathname, search };
  const url = new URL(target, internalOrigin);
  return { pathname: url.pathname, search: url.search.slice(1) };
}

/** A fetch Request for a host route when the exchange brings none: method, target, body and the headers the contract uses. */
function requestOf(exchange: HandlerExchange, body: Uint8Array | string | undefined): Request {
  const headers = new Headers();
  for (const name of ['authorization', 'content-type', 'if-match', 'accept', 'accept-language']) {
    const value = exchange.header(name);
    if (value !== null && value !== undefined) headers.set(name, value);
  }
  const method = exchange.method.toUpperCase();
  const withBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(exchange.target, internalOrigin), { method, headers, ...(withBody ? { body: body as BodyInit } : {}) });
}

/** A host route's Response as the core's answer. */
async function answerOf(response: Response): Promise<HandlerAnswer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}

/** A host route (`routes`) as one of the core's: its context's `url` and `request` are made when it reads them. */
function hostRoute(handle: (context: RouteContext) => Promise<Response>): RouteHandler {
  return async ({ actor, params, exchange }) => {
    let url: URL | undefined;
    let request: Request | undefined;
    const context: RouteContext = {
      actor,
      params,
      get url() {
        return (url ??= new URL(exchange.request ? exchange.request().url : new URL(exchange.target, internalOrigin)));
      },
      get request() {
        if (request) return request;
        if (exchange.request) return (request = exchange.request());
        if (typeof exchange.body === 'function') throw new Error('A host route that reads context.request needs exchange.request when the body is read lazily.');
        return (request = requestOf(exchange, exchange.body));
      },
    };
    return answerOf(await handle(context));
  };
}

/**
 * The contract's HTTP side as a transport-neutral function: one request in (`HandlerExchange`:
 * method, target, headers, body), its answer out (`HandlerAnswer`: status, headers and the JSON
 * body as text), with the same routes, status codes, headers, problem+json bodies and size limits
 * as `createFetchHandler`, which is a thin wrapper over it. A server that is not fetch-based (the
 * reference server on Node's http) calls it directly: no `Request`, `Response`, `Headers` or
 * `URL` per request, and the JSON is encoded once. Vendors may host either form.
 */
export function createHandler(service: DossierService, options: HandlerOptions): (exchange: HandlerExchange) => Promise<HandlerAnswer> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const routes: Route[] = [
    ...routesFor(service, options.maxBodyBytes ?? defaultMaxBodyBytes, options.checkDossierResponses ?? true),
    ...(options.routes ?? []).map((r) => ({
      path: [...r.path],
      methods: Object.fromEntries(Object.entries(r.methods).map(([method, handle]) => [method, hostRoute(handle)])) as Route['methods'],
    })),
  ];
  const onError = options.onError ?? ((error: unknown) => console.error('doorstroom backend: unexpected error', error));

  return async (exchange) => {
    try {
      const { pathname, search } = pathAndQuery(exchange.target);
      const segments = segmentsOf(pathname, basePath);
      const found = segments && match(routes, segments);
      if (!found) return problemResponse(problems.unknownRoute());
      const method = exchange.method.toUpperCase() as Method;
      const handle = found.route.methods[method];
      if (!handle) return problemResponse(problems.methodNotAllowed(), { Allow: Object.keys(found.route.methods).join(', ') });
      const actor = await options.authenticate(bearerToken(exchange));
      if (!actor) return problemResponse(problems.unauthorized(), { 'WWW-Authenticate': 'Bearer' });
      return await handle({ actor, params: found.params, exchange, search });
    } catch (error) {
      if (error instanceof ServiceError) return problemResponse(error.problem, error.headers);
      // Only reachable when the dossier changed between `can` and `apply`: the refusal still applies.
      if (error instanceof WorkflowRefusedError) return problemResponse(problems.refused(error.refusal));
      onError(error, exchange);
      return problemResponse(problems.serverError());
    }
  };
}

/**
 * The contract's HTTP side as a fetch handler, `(Request) => Promise<Response>`: `createHandler`
 * with the Request as its exchange (the body read when a route needs it, at most `maxBodyBytes`)
 * and its answer as a Response.
 */
export function createFetchHandler(service: DossierService, options: FetchHandlerOptions): (request: Request) => Promise<Response> {
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const { onError, ...rest } = options;
  const handle = createHandler(service, { ...rest, ...(onError ? { onError: (error, exchange) => onError(error, exchange.request!()) } : {}) });
  return async (request) => {
    const url = new URL(request.url);
    const answer = await handle({
      method: request.method,
      target: url.pathname + url.search,
      header: (name) => request.headers.get(name),
      body: () => requestBody(request, limit),
      request: () => request,
    });
    return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers });
  };
}
