/**
 * What went wrong talking to a dossier backend, as one typed error with a message a student,
 * parent or mentor can act on (Dutch B1 and English).
 */
import type { Problem } from './contract.js';
import { joinTexts, registerTexts, text, type Localized } from './i18n.js';

export type DossierApiErrorKind = 'validation' | 'conflict' | 'refused' | 'forbidden' | 'unauthorized' | 'notFound' | 'rateLimited' | 'server' | 'network' | 'timeout' | 'malformed';

/**
 * Why a request got no answer, as far as a browser can tell: the device is `offline`, or the
 * server is `unreachable` — down, a wrong address, or refusing this page by its CORS settings
 * (a browser shows those three the same way, on purpose).
 */
export type NetworkCause = 'offline' | 'unreachable';

/** One failing field of a request, e.g. `{ path: 'answers.postcode', message: '…' }`. */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface DossierApiErrorInit {
  kind: DossierApiErrorKind;
  /** Developer-facing summary (English); `userMessage` is what a person should see. */
  message: string;
  status?: number;
  problem?: Problem;
  errors?: FieldProblem[];
  reason?: string;
  /** Defaults to the standard message of `kind`. */
  userMessage?: Localized;
  /** The request changed data (POST/PATCH): messages then say whether the change may be lost. */
  write?: boolean;
  /** kind 'network': offline, or the server unreachable (down, wrong address, CORS). */
  networkCause?: NetworkCause;
  cause?: unknown;
}

export class DossierApiError extends Error {
  readonly kind: DossierApiErrorKind;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** The RFC 9457 problem the server sent, when it sent a valid one. */
  readonly problem?: Problem;
  /** Failing fields (validation errors); empty otherwise. */
  readonly errors: FieldProblem[];
  /** Typed refusal code from the workflow (see `RefusalCode`), e.g. 'deelAIncomplete' or 'staleVersion'. */
  readonly reason?: string;
  /** kind 'network': whether the device was offline or the server could not be reached. */
  readonly networkCause?: NetworkCause;
  readonly userMessage: Localized;

  constructor(init: DossierApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DossierApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.problem = init.problem;
    this.errors = init.errors ?? [];
    this.reason = init.reason;
    this.networkCause = init.networkCause;
    this.userMessage = init.userMessage ?? userMessageFor(init.kind, { write: init.write, networkCause: init.networkCause });
  }
}

/** Works across duplicated copies of the SDK, where `instanceof` does not. */
export function isDossierApiError(value: unknown): value is DossierApiError {
  return value instanceof DossierApiError || (value instanceof Error && value.name === 'DossierApiError' && 'kind' in value);
}

// Said only after a failed write: we cannot know whether the server stored it before the failure.
const maybeNotSaved = text(' Je wijziging is misschien niet opgeslagen.');

const messages: Record<DossierApiErrorKind, Localized> = {
  validation: text('Niet alle antwoorden kloppen. Verbeter de gemarkeerde antwoorden en probeer het opnieuw.'),
  conflict: text('Iemand anders heeft dit net gewijzigd. Je laatste wijziging is niet opgeslagen. Laad de nieuwste versie, kijk je antwoorden na en sla opnieuw op.'),
  refused: text('Deze stap kan nu niet. Laad de pagina opnieuw om te zien wat nog nodig is.'),
  forbidden: text('Je hebt geen toegang tot dit onderdeel. Denk je dat dit niet klopt? Vraag je school om hulp.'),
  unauthorized: text('Je bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.'),
  notFound: text('Dit bestaat niet (meer). Ga terug naar het overzicht.'),
  rateLimited: text('Er komen nu te veel verzoeken binnen. Wacht een minuut en probeer het opnieuw.'),
  server: text('Er ging iets mis bij de server. Probeer het later opnieuw.'),
  network: text('Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.'),
  timeout: text('De server reageert niet op tijd. Probeer het over een paar minuten opnieuw.'),
  malformed: text('De server stuurde een antwoord dat we niet kunnen lezen. Probeer het later opnieuw.'),
};

// A network failure, told apart where the browser can: the device is offline, or the server is not reachable.
const networkMessages: Record<NetworkCause, Localized> = {
  offline: text('Je bent offline. Controleer je internetverbinding en probeer het opnieuw. Wat je typt, blijft op dit apparaat bewaard.'),
  unreachable: text('De server is nu niet bereikbaar. Probeer het over een paar minuten opnieuw. Blijft dit zo? Vraag je school om hulp.'),
};

// After a 2xx write with an unreadable body the change most likely did go through.
const malformedAfterWrite = text('De server stuurde een antwoord dat we niet kunnen lezen. Je wijziging is misschien wel opgeslagen: laad de pagina opnieuw om dat te controleren.');

registerTexts(() => [
  ...Object.entries(messages).map(([kind, message]) => [`error.${kind}`, message] as const),
  ['error.maybeNotSaved', maybeNotSaved],
  ['error.malformedAfterWrite', malformedAfterWrite],
  ...Object.entries(networkMessages).map(([cause, message]) => [`error.network.${cause}`, message] as const),
]);

/** The standard message a person sees for `kind`. */
export function userMessageFor(kind: DossierApiErrorKind, options: { write?: boolean; networkCause?: NetworkCause } = {}): Localized {
  const base = kind === 'network' && options.networkCause ? networkMessages[options.networkCause] : messages[kind];
  if (!options.write) return base;
  if (kind === 'malformed') return malformedAfterWrite;
  if (kind === 'network' || kind === 'timeout' || kind === 'server' || kind === 'rateLimited') {
    return joinTexts(base, maybeNotSaved);
  }
  return base;
}

/** 409 reasons that mean "your copy is out of date" rather than "the workflow refuses this". */
const staleReasons = new Set(['staleVersion', 'versionMismatch']);

function kindForStatus(status: number, problem: Problem | undefined): DossierApiErrorKind {
  const reason = problem?.reason;
  if (status === 409) {
    if ((reason && staleReasons.has(reason)) || problem?.type.endsWith('/conflict')) return 'conflict';
    return reason ? 'refused' : 'conflict';
  }
  // A typed workflow reason names the real cause; field paths that come with it are kept on `errors`.
  if (status === 422) return reason ? 'refused' : 'validation';
  if (status === 400 || status === 413) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rateLimited';
  return 'server';
}

/**
 * The error for an HTTP error response. `problem` is the parsed problem+json body, or undefined
 * when the server sent something else: the status alone then decides.
 */
export function errorFromProblem(status: number, problem: Problem | undefined, request: { method: string; path: string } = { method: 'GET', path: '' }): DossierApiError {
  const kind = kindForStatus(status, problem);
  const write = request.method.toUpperCase() !== 'GET';
  const summary = [problem?.title, problem?.reason && `reason ${problem.reason}`, problem?.detail].filter(Boolean).join('; ');
  return new DossierApiError({
    kind,
    message: `${request.method.toUpperCase()} ${request.path} failed with ${status} (${kind})${summary ? `: ${summary}` : ''}`,
    status,
    problem,
    errors: problem?.errors ?? [],
    reason: problem?.reason,
    write,
  });
}
