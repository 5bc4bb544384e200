/**
 * What every check needs: raw HTTP (status, headers, problem bodies), one SDK client per person
 * (which parses every response against the contract), and a recorder of results.
 */
import { createHttpClient, isDossierApiError, problemSchema, type Actor, type DossierApi, type Problem, type ReferenceAnswer, type RegionConfig } from '../sdk.js';
import type { Party } from './expectations.js';

/** Bearer tokens of the people the suite acts as. See the README for what each must be. */
export interface ConformanceTokens {
  /** A VO student at a school with `mentor` on its roster; the suite creates dossiers for them. */
  student: string;
  /** A parent or guardian of `student`. */
  guardian: string;
  /** A parent or guardian of another student only (not of `student`). */
  otherGuardian: string;
  /** A mentor at `student`'s school (the suite sends dossiers to them). */
  mentor: string;
  /** Another mentor at the same school. */
  otherMentor: string;
  /** Another student. */
  otherStudent: string;
  /** MBO staff of an instelling with programmes in the catalogue (the suite chooses it in A7). */
  mbo: string;
  /** MBO staff of another instelling. */
  otherMbo: string;
}

export const tokenOf: Record<Party, keyof ConformanceTokens> = {
  owner: 'student',
  otherStudent: 'otherStudent',
  guardian: 'guardian',
  otherGuardian: 'otherGuardian',
  assignedMentor: 'mentor',
  otherMentor: 'otherMentor',
  mbo: 'mbo',
  otherMbo: 'otherMbo',
};

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
  /** The body when it is application/problem+json matching the contract's Problem. */
  problem?: Problem;
  contentType: string;
}

export class Http {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch,
  ) {}

  async request(token: string | null, method: string, path: string, init: { json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json, application/problem+json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers.set('Content-Type', 'application/json');
    } else if (body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    const response = await this.fetchImpl(new URL(path, this.baseUrl), { method, headers, ...(body !== undefined ? { body } : {}) });
    const contentType = response.headers.get('Content-Type') ?? '';
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    const problem = contentType.startsWith('application/problem+json') ? problemSchema.safeParse(parsed) : undefined;
    return { status: response.status, headers: response.headers, body: parsed, contentType, ...(problem?.success ? { problem: problem.data } : {}) };
  }
}

export interface CheckResult {
  group: string;
  name: string;
  status: 'pass' | 'fail' | 'skip';
  /** Why it failed (or was skipped); for a pass, what was covered. */
  detail?: string;
  ms: number;
}

/** Thrown by checks: the message is the failure shown in the table. */
export class Mismatch extends Error {
  override name = 'Mismatch';
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Mismatch(message);
}

export function describeFailure(error: unknown): string {
  if (error instanceof Mismatch) return error.message;
  if (isDossierApiError(error)) return `${error.message} (${error.kind}${error.status ? ` ${error.status}` : ''}${error.reason ? ` ${error.reason}` : ''})`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class Recorder {
  readonly results: CheckResult[] = [];
  constructor(private readonly onResult?: (result: CheckResult) => void) {}

  /** Runs one check; a returned string is kept as the detail of a pass. */
  async check(group: string, name: string, run: () => Promise<string | void>): Promise<boolean> {
    const started = performance.now();
    let result: CheckResult;
    try {
      const detail = await run();
      result = { group, name, status: 'pass', ...(detail ? { detail } : {}), ms: performance.now() - started };
    } catch (error) {
      result = { group, name, status: 'fail', detail: describeFailure(error), ms: performance.now() - started };
    }
    this.results.push(result);
    this.onResult?.(result);
    return result.status === 'pass';
  }

  skip(group: string, name: string, detail: string) {
    const result: CheckResult = { group, name, status: 'skip', detail, ms: 0 };
    this.results.push(result);
    this.onResult?.(result);
  }
}

/** Everything the checks share once the people are known. */
export interface World {
  http: Http;
  tokens: ConformanceTokens;
  token(party: Party): string;
  api: Record<Party, DossierApi>;
  me: Record<Party, Actor>;
  config: RegionConfig;
  today: Date;
  /** The A7 choice: a programme at the `mbo` party's instelling. */
  references: { institution: ReferenceAnswer; location: ReferenceAnswer; programme: ReferenceAnswer };
  /** How the student names their mentor on submitToMentor (roster id, or name and e-mail). */
  mentorRequest: { mentorId: string } | { mentor: { naam: string; email: string } };
}

export function clientsFor(baseUrl: string, tokens: ConformanceTokens, fetchImpl: typeof fetch): Record<Party, DossierApi> {
  const client = (token: string) => createHttpClient({ baseUrl, token, fetch: fetchImpl, retry: 0, timeout: 30_000 });
  return Object.fromEntries((Object.keys(tokenOf) as Party[]).map((party) => [party, client(tokens[tokenOf[party]])])) as Record<Party, DossierApi>;
}

/** Compares a refusal or hiding with what was expected; returns a complaint or undefined. */
export function compareOutcome(response: RawResponse, expected: { status: number | 'hidden'; reason?: string }): string | undefined {
  const got = `${response.status}${response.problem?.reason ? ` ${response.problem.reason}` : ''}`;
  if (expected.status === 'hidden') {
    if (response.status !== 403 && response.status !== 404) return `got ${got}, expected 403 or 404 (may not see it)`;
  } else if (response.status !== expected.status) return `got ${got}, expected ${expected.status}${expected.reason ? ` ${expected.reason}` : ''}`;
  if (response.status >= 400) {
    if (!response.problem) return `got ${response.status} without an application/problem+json body`;
    if (response.problem.status !== response.status) return `problem.status ${response.problem.status} differs from HTTP ${response.status}`;
    if (expected.reason && response.problem.reason !== expected.reason) return `got ${got}, expected reason ${expected.reason}`;
  }
  return undefined;
}

/** JSON with object keys in order, to compare answers whatever order a backend stores them in. */
export function stableJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)]));
    return v;
  };
  return JSON.stringify(sorted(value));
}
