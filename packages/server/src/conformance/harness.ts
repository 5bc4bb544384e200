/**
 * What every check needs: raw HTTP (status, headers, problem bodies), one SDK client per person
 * (which parses every response against the contract), a recorder of results, and the set-up the
 * checks share (the World) with what could not be set up, so a check that needs it is skipped
 * with the reason instead of failing for an unrelated one.
 */
import {
  createHttpClient,
  isDossierApiError,
  problemSchema,
  type Actor,
  type DossierApi,
  type Institution,
  type Location,
  type Problem,
  type Programme,
  type ReferenceAnswer,
  type RegionConfig,
} from '../sdk.js';
import type { Party, RequiredParty } from './expectations.js';

/** Bearer tokens of the people the suite acts as. See the README for what each must be. */
export interface ConformanceTokens {
  /** A VO student under the consent age (by the school's registration), at a school with `mentor` for their klas; the suite creates dossiers for them. */
  student: string;
  /** A parent or guardian of `student`. */
  guardian: string;
  /** A parent or guardian of another student only (not of `student`). */
  otherGuardian: string;
  /** A mentor of `student`'s klas (the suite sends dossiers to them). */
  mentor: string;
  /** Another mentor at the same school, who does not mentor `student`'s klas. */
  otherMentor: string;
  /** Another student. */
  otherStudent: string;
  /** MBO staff of an instelling with programmes in the catalogue (the suite chooses it in A7). */
  mbo: string;
  /** MBO staff of another instelling. */
  otherMbo: string;
  /** Optional: a student of 18 or more (by the registration); their dossiers need no guardian. */
  adultStudent?: string;
  /** Optional: a guardian the backend still holds for `adultStudent`, who must read nothing. */
  adultStudentGuardian?: string;
  /** Optional: a VO student at a school that keeps no mentor roster. */
  noRosterStudent?: string;
  /** Optional: a mentor of `noRosterStudent`'s school, whom the student names by name and e-mail. */
  noRosterMentor?: string;
  /** Optional: a student the backend holds no persoonsgebonden nummer of (e.g. werk-mbo), who types an onderwijsnummer. */
  unregisteredStudent?: string;
  /** Optional: the decaan (school coordinator) of `student`'s school, who does what a mentor may for every dossier of the school. */
  decaan?: string;
  /** Optional: a decaan of another school, who must see nothing of `student`. */
  otherDecaan?: string;
}

export const requiredTokenKeys = ['student', 'guardian', 'otherGuardian', 'mentor', 'otherMentor', 'otherStudent', 'mbo', 'otherMbo'] as const satisfies ReadonlyArray<keyof ConformanceTokens>;
export const optionalTokenKeys = ['adultStudent', 'adultStudentGuardian', 'noRosterStudent', 'noRosterMentor', 'unregisteredStudent', 'decaan', 'otherDecaan'] as const satisfies ReadonlyArray<
  keyof ConformanceTokens
>;
export type OptionalTokenKey = (typeof optionalTokenKeys)[number];

export const tokenOf: Record<RequiredParty, (typeof requiredTokenKeys)[number]> = {
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
  /** The body as it came. */
  text: string;
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
    return { status: response.status, headers: response.headers, body: parsed, text, contentType, ...(problem?.success ? { problem: problem.data } : {}) };
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

/** Throws one Mismatch with every complaint (the first six), or nothing when there are none. */
export function complain(problems: string[], prefix = ''): void {
  if (problems.length === 0) return;
  throw new Mismatch(prefix + problems.slice(0, 6).join('; ') + (problems.length > 6 ? ` (+${problems.length - 6} more)` : ''));
}

export function describeFailure(error: unknown): string {
  if (error instanceof Mismatch) return error.message;
  if (isDossierApiError(error)) return `${error.message} (${error.kind}${error.status ? ` ${error.status}` : ''}${error.reason ? ` ${error.reason}` : ''})`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class Recorder {
  readonly results: CheckResult[] = [];
  constructor(
    private readonly onResult?: (result: CheckResult) => void,
    private readonly groups?: (group: string) => boolean,
  ) {}

  /** Whether the group's checks run (the `groups` option); set-up always runs. */
  wants(group: string): boolean {
    return group === 'setup' || !this.groups || this.groups(group);
  }

  /** Runs one check; a returned string is kept as the detail of a pass. */
  async check(group: string, name: string, run: () => Promise<string | void>): Promise<boolean> {
    if (!this.wants(group)) return false;
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
    if (!this.wants(group)) return;
    const result: CheckResult = { group, name, status: 'skip', detail, ms: 0 };
    this.results.push(result);
    this.onResult?.(result);
  }
}

/**
 * What a check may need from the set-up: all the required people signed in and fitting together,
 * an A7 choice from the catalogue, a way to name the mentor, a student who is a minor by the
 * registration (and that registration on the dossier), and the optional people.
 */
export type Need = 'people' | 'catalogue' | 'mentorChoice' | 'minor' | 'registeredBirthDate' | 'roster' | 'adultStudent' | 'noRosterStudent' | 'unregisteredStudent' | 'decaan' | 'otherDecaan';

/** Someone signed in with an optional token. */
export interface Person {
  token: string;
  api: DossierApi;
  me: Actor;
}

/** What the catalogue offers the checks: the A7 choice, and choices that must be refused. */
export interface CatalogueFacts {
  institution: Institution;
  location: Location;
  programme: Programme;
  /** A location of the same instelling where a programme of it (`programme`) is not given, when the catalogue says where programmes are given. */
  notOffered?: { location: Location; programme: Programme };
  /** A location and a programme of another instelling. */
  other?: { institution: Institution; location?: Location; programme?: Programme };
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
  /** The A7 choice: a programme at the `mbo` party's instelling, at a location where it is given. */
  references?: { institution: ReferenceAnswer; location: ReferenceAnswer; programme: ReferenceAnswer };
  catalogue?: CatalogueFacts;
  /** How the student names their mentor on submitToMentor (roster id, or name and e-mail). */
  mentorRequest?: { mentorId: string } | { mentor: { naam: string; email: string } };
  /** What the school registered for the student, as a new dossier says (`dossier.student`). */
  registration: { geboortedatum?: string; nummerSoort?: string };
  /** The people of the optional tokens who signed in as what they should be. */
  optional: Partial<Record<OptionalTokenKey, Person>>;
  /** Why a need is not met (absent: met). */
  missing: Map<Need, string>;
  /** Whether the run may send 300 requests with junk tokens (checkRateLimit). */
  checkRateLimit: boolean;
}

/** The reason the first unmet need is not met, or undefined when all are met. */
export function lacking(world: World, needs: ReadonlyArray<Need>): string | undefined {
  for (const need of needs) {
    const reason = world.missing.get(need);
    if (reason) return reason;
  }
  return undefined;
}

/** Runs the check when its needs are met; else records it as skipped with the reason. */
export async function checkWith(recorder: Recorder, world: World, needs: ReadonlyArray<Need>, group: string, name: string, run: () => Promise<string | void>): Promise<boolean> {
  const reason = lacking(world, needs);
  if (reason) {
    recorder.skip(group, name, reason);
    return false;
  }
  return recorder.check(group, name, run);
}

export function clientFor(baseUrl: string, token: string, fetchImpl: typeof fetch): DossierApi {
  return createHttpClient({ baseUrl, token, fetch: fetchImpl, retry: 0, timeout: 30_000 });
}

/** The optional token of each decaan party. */
export const decaanTokenOf = { schoolDecaan: 'decaan', otherDecaan: 'otherDecaan' } as const satisfies Record<Exclude<Party, RequiredParty>, OptionalTokenKey>;

/** The token of any party ('' for a decaan whose optional token is absent: their checks are skipped). */
export function tokenFor(tokens: ConformanceTokens, party: Party): string {
  return party === 'schoolDecaan' || party === 'otherDecaan' ? (tokens[decaanTokenOf[party]] ?? '') : tokens[tokenOf[party]];
}

/** A client per party; a decaan's signs in with '' (401) when their optional token is absent. */
export function clientsFor(baseUrl: string, tokens: ConformanceTokens, fetchImpl: typeof fetch): Record<Party, DossierApi> {
  const all: Party[] = [...(Object.keys(tokenOf) as RequiredParty[]), 'schoolDecaan', 'otherDecaan'];
  return Object.fromEntries(all.map((party) => [party, clientFor(baseUrl, tokenFor(tokens, party), fetchImpl)])) as Record<Party, DossierApi>;
}

/**
 * What a refusal must look like. `hidden`: exactly 404, as for something that does not exist
 * (spec §6: whoever may not see a dossier gets 404, never 403). `denied`: 403 or 404 (e.g. a
 * student asking for B1, a route for mentors only).
 */
export type ExpectedOutcome = { status: number | 'hidden' | 'denied'; reason?: string | ReadonlyArray<string> };

/** Compares a refusal or hiding with what was expected; returns a complaint or undefined. */
export function compareOutcome(response: RawResponse, expected: ExpectedOutcome): string | undefined {
  const got = `${response.status}${response.problem?.reason ? ` ${response.problem.reason}` : ''}`;
  const reasons = expected.reason === undefined ? [] : typeof expected.reason === 'string' ? [expected.reason] : expected.reason;
  if (expected.status === 'hidden') {
    if (response.status !== 404) return `got ${got}, expected 404 (may not see it: 404 as for one that does not exist, never 403)`;
  } else if (expected.status === 'denied') {
    if (response.status !== 403 && response.status !== 404) return `got ${got}, expected 403 or 404`;
  } else if (response.status !== expected.status) return `got ${got}, expected ${expected.status}${reasons.length ? ` ${reasons.join(' or ')}` : ''}`;
  if (response.status >= 400) {
    if (!response.problem) return `got ${response.status} without an application/problem+json body`;
    if (response.problem.status !== response.status) return `problem.status ${response.problem.status} differs from HTTP ${response.status}`;
    if (reasons.length && !reasons.includes(response.problem.reason ?? '')) return `got ${got}, expected reason ${reasons.join(' or ')}`;
  }
  return undefined;
}

/** JSON with object keys in order, to compare answers whatever order a backend stores them in. */
export function stableJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, sorted(x)]),
      );
    return v;
  };
  return JSON.stringify(sorted(value));
}

export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
export const dossierPath = (dossier: { id: string }) => `dossiers/${encodeURIComponent(dossier.id)}`;
export const sectionPath = (dossier: { id: string }, sectionId: string) => `${dossierPath(dossier)}/sections/${encodeURIComponent(sectionId)}`;
export const actionPath = (dossier: { id: string }, action: string) => `${dossierPath(dossier)}/actions/${encodeURIComponent(action)}`;
export const begeleidingPath = (studentId: string) => `students/${encodeURIComponent(studentId)}/begeleiding`;
