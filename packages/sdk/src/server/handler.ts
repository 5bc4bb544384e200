/**
 * THE HTTP side of the contract (spec §8) as a fetch handler, `(Request) => Promise<Response>`:
 * the memory backend, msw, a service worker or a Node/Deno/Bun server all host this one function.
 * Request bodies are parsed with the contract's zod schemas; responses are checked against them
 * before they leave (a host may leave that out for the dossiers the service builds:
 * `checkDossierResponses`); every error is `application/problem+json` (RFC 9457).
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

export interface FetchHandlerOptions {
  /** The path the contract's routes live under, e.g. '/api'. Default: the root. */
  basePath?: string;
  /** Who holds this bearer token (null when none was sent); null answers 401. */
  authenticate(token: string | null): Promise<Actor | null>;
  /** Largest request body accepted; larger ones get 413. Default 256 kB. */
  maxBodyBytes?: number;
  /** Told about unexpected errors (answered with a 500 problem that says nothing about the cause). Default: console.error. */
  onError?: (error: unknown, request: Request) => void;
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

export const defaultMaxBodyBytes = 256 * 1024;
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
export interface RouteContext {
  actor: Actor;
  params: string[];
  url: URL;
  request: Request;
}
type RouteHandler = (context: RouteContext) => Promise<Response>;
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

function problemResponse(details: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(details), {
    status: details.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...noStore, ...headers },
  });
}

/** A contract violation by the service itself: a bug, answered as 500 rather than sent on. */
class ResponseContractError extends Error {}

// `value` is checked at run time, so the readonly SDK types (answers) need no cast here.
function ok<S extends z.ZodMiniType>(schema: S, value: unknown, status = 200, headers: Record<string, string> = {}): Response {
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
function sent(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...noStore, ...headers } });
}

/** The JSON of the read-only summaries the service hands out to more than one list (summaries.ts), as UTF-8: made once per object. */
const itemBytes = new WeakMap<object, Uint8Array>();
const utf8 = new TextEncoder();

/**
 * A list sent unchecked, byte for byte as `sent` would send it: a list of items alone is written
 * item by item, with the bytes of a shared read-only summary kept for the next list that has it.
 */
function sentList(list: { items: ReadonlyArray<unknown> }): Response {
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
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...noStore } });
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
function checkedDossier(dossier: { version: number }, status: number): Response {
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
function strictlyChecked<S extends z.ZodMiniType>(schema: S, value: unknown): Response {
  const data = checked(schema, value);
  const dropped = droppedMember(value, data);
  if (dropped !== undefined) throw new ResponseContractError(`Response does not match the contract: ${dropped} is not in it`);
  return sent(data);
}

const bad = (detail: string, errors?: Problem['errors']) => new ServiceError(problems.badRequest(detail, errors));

function issuesToErrors(error: z.core.$ZodError): NonNullable<Problem['errors']> {
  return error.issues.slice(0, 50).map((issue) => ({ path: safeErrorPath(issue.path.map(String)), message: issue.message }));
}

/** Reads at most `limit` bytes of the body as JSON; undefined when there is no body. */
async function readJson(request: Request, limit: number): Promise<unknown> {
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
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return undefined;
  let prototypeKey = false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (prototypeKeys.has(key)) prototypeKey = true;
      return value;
    });
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

/** `"7"`, `W/"7"` or `7`; undefined when absent, a 400 when it is not a version. */
function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get('If-Match');
  if (header === null) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) throw bad('If-Match must be the version you read, e.g. "7".');
  return Number(match[1]);
}

function requiredVersion(request: Request): number {
  const version = ifMatchVersion(request);
  if (version === undefined) throw new ServiceError(problems.versionRequired());
  return version;
}

function queryText(url: URL, name: string): string | undefined {
  const value = url.searchParams.get(name);
  if (value === null || value.trim() === '') return undefined;
  if (value.length > limits.query) throw bad(`Query parameter ${name} is longer than ${limits.query} characters.`);
  // A store would fail on a NUL in its query (PostgreSQL refuses it): answer 400, not 500.
  if (!isStorableText(value)) throw bad(`Query parameter ${name} contains a NUL character.`);
  return value;
}

function listQuery(url: URL): DossierListQuery {
  const query: DossierListQuery = {};
  const view = queryText(url, 'view');
  if (view !== undefined) {
    if (view !== 'teBehandelen' && view !== 'mijnLeerlingen') throw bad('view must be teBehandelen or mijnLeerlingen.');
    query.view = view;
  }
  const leerjaar = queryText(url, 'leerjaar');
  if (leerjaar !== undefined) {
    if (!/^\d{1,2}$/.test(leerjaar)) throw bad('leerjaar must be a whole number.');
    query.leerjaar = Number(leerjaar);
  }
  const klas = queryText(url, 'klas');
  if (klas !== undefined) query.klas = klas;
  const q = queryText(url, 'q');
  if (q !== undefined) query.q = q;
  return query;
}

function routesFor(service: DossierService, maxBodyBytes: number, checkDossiers: boolean): Route[] {
  const body = (request: Request) => readJson(request, maxBodyBytes);
  const dossierResponse = (dossier: { version: number }, status = 200) => (checkDossiers ? checkedDossier(dossier, status) : sent(dossier, status, withVersion(dossier)));
  return [
    { path: ['me'], methods: { GET: async ({ actor }) => ok(meSchema, await service.me(actor)) } },
    { path: ['config'], methods: { GET: async ({ actor }) => ok(regionConfigResponseSchema, await service.config(actor)) } },
    {
      path: ['dossiers'],
      methods: {
        GET: async ({ actor, url }) => {
          const list = await service.listDossiers(actor, listQuery(url));
          return checkDossiers ? strictlyChecked(dossierListSchema, list) : sentList(list);
        },
        POST: async ({ actor, request }) => {
          const created = await service.createDossier(actor, parseBody(createDossierRequestSchema, await body(request)));
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
        PATCH: async ({ actor, params, request }) => {
          const version = requiredVersion(request);
          const { answers } = parseBody(saveSectionRequestSchema, await body(request));
          return dossierResponse(await service.saveSection(actor, params[0]!, params[1]!, answers, version));
        },
      },
    },
    {
      path: ['dossiers', ':', 'actions', ':'],
      methods: {
        POST: async ({ actor, params, request }) => {
          const action = dossierActionSchema.safeParse(params[1]);
          if (!action.success) throw new ServiceError(problems.unknownRoute());
          const version = ifMatchVersion(request);
          const actionRequest = parseBody(actionRequestSchema, (await body(request)) ?? {});
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
        PATCH: async ({ actor, params, request }) => {
          const version = requiredVersion(request);
          const { answers } = parseBody(saveSectionRequestSchema, await body(request));
          const record = await service.saveBegeleiding(actor, params[0]!, answers, version);
          return ok(begeleidingSchema, record, 200, withVersion(record));
        },
      },
    },
    { path: ['schools', ':', 'mentors'], methods: { GET: async ({ actor, params }) => ok(mentorsSchema, await service.mentors(actor, params[0]!)) } },
    {
      path: ['schools', ':', 'klassen', ':', 'mentor'],
      methods: {
        POST: async ({ actor, params, request }) => {
          const { mentorId } = parseBody(klasMoveRequestSchema, await body(request));
          return ok(klasMoveResultSchema, await service.moveKlas(actor, params[0]!, params[1]!, mentorId));
        },
      },
    },
    {
      path: ['reminders'],
      methods: {
        POST: async ({ actor, request }) => ok(reminderResultSchema, await service.remind(actor, parseBody(reminderRequestSchema, await body(request)).studentIds)),
      },
    },
    {
      path: ['dossiers', ':', 'intake'],
      methods: {
        PUT: async ({ actor, params, request }) => ok(intakeSchema, await service.setIntake(actor, params[0]!, parseBody(intakeRequestSchema, await body(request)))),
      },
    },
    {
      path: ['catalog', 'institutions'],
      methods: { GET: async ({ actor, url }) => ok(institutionsSchema, await service.institutions(actor, queryText(url, 'q'))) },
    },
    {
      path: ['catalog', 'institutions', ':', 'locations'],
      methods: { GET: async ({ actor, params }) => ok(locationsSchema, await service.locations(actor, params[0]!)) },
    },
    {
      path: ['catalog', 'institutions', ':', 'programmes'],
      methods: { GET: async ({ actor, params, url }) => ok(programmesSchema, await service.programmes(actor, params[0]!, queryText(url, 'q'))) },
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

function bearerToken(request: Request): string | null {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '');
  return match ? match[1]! : null;
}

export function createFetchHandler(service: DossierService, options: FetchHandlerOptions): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const routes = [
    ...routesFor(service, options.maxBodyBytes ?? defaultMaxBodyBytes, options.checkDossierResponses ?? true),
    ...(options.routes ?? []).map((r) => ({ path: [...r.path], methods: r.methods })),
  ];
  const onError = options.onError ?? ((error: unknown) => console.error('doorstroom backend: unexpected error', error));

  return async (request) => {
    try {
      const url = new URL(request.url);
      const segments = segmentsOf(url.pathname, basePath);
      const found = segments && match(routes, segments);
      if (!found) return problemResponse(problems.unknownRoute());
      const method = request.method.toUpperCase() as Method;
      const handle = found.route.methods[method];
      if (!handle) return problemResponse(problems.methodNotAllowed(), { Allow: Object.keys(found.route.methods).join(', ') });
      const actor = await options.authenticate(bearerToken(request));
      if (!actor) return problemResponse(problems.unauthorized(), { 'WWW-Authenticate': 'Bearer' });
      return await handle({ actor, params: found.params, url, request });
    } catch (error) {
      if (error instanceof ServiceError) return problemResponse(error.problem, error.headers);
      // Only reachable when the dossier changed between `can` and `apply`: the refusal still applies.
      if (error instanceof WorkflowRefusedError) return problemResponse(problems.refused(error.refusal));
      onError(error, request);
      return problemResponse(problems.serverError());
    }
  };
}
