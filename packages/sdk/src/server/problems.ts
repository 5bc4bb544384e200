/**
 * RFC 9457 problem details for every error the embedded backend answers with. Titles are fixed
 * Dutch sentences (a refusal's title is the workflow's Dutch message); details are English for
 * developers. Nothing a client sent is ever copied into a title or detail.
 */
import type { Problem } from '../contract.js';
import type { Refusal } from '../refusals.js';
import { localize } from '../i18n.js';

/** Base of the problem `type` URIs. The client treats a 409 whose type ends in `/conflict` as a stale copy. */
export const problemTypeBase = 'https://doorstroom.example/problems/';

export type ProblemKind =
  'bad-request' | 'validation' | 'unauthorized' | 'forbidden' | 'not-found' | 'method-not-allowed' | 'conflict' | 'refused' | 'precondition-required' | 'payload-too-large' | 'server-error';

export function problem(status: number, kind: ProblemKind, title: string, extra: Omit<Problem, 'type' | 'title' | 'status'> = {}): Problem {
  return { type: problemTypeBase + kind, title, status, ...extra };
}

/** Thrown by the service; the handler answers with `problem` (and `headers`) as it is. */
export class ServiceError extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;
  constructor(problemDetails: Problem, headers: Record<string, string> = {}) {
    super(`${problemDetails.status} ${problemDetails.type}${problemDetails.detail ? `: ${problemDetails.detail}` : ''}`);
    this.name = 'ServiceError';
    this.problem = problemDetails;
    this.headers = headers;
  }
}

/**
 * A workflow refusal: 403 keeps the forbidden type, 409/422 are refusals with their typed `reason`.
 * `detail` is the English for integrators (the server entry, `@doorstroom/sdk/server`, registers
 * the English pack; the memory backend in a page has it once the page has English).
 */
export function refusalProblem(refusal: Refusal): Problem {
  const kind: ProblemKind = refusal.status === 403 ? 'forbidden' : 'refused';
  return problem(refusal.status, kind, refusal.message.nl, { reason: refusal.code, detail: localize(refusal.message, 'en') });
}

export const problems = {
  notFound: (what = 'resource') => problem(404, 'not-found', 'Dit bestaat niet (meer), of je mag het niet zien.', { detail: `The ${what} does not exist or is not visible to you.` }),
  unknownRoute: () => problem(404, 'not-found', 'Dit adres bestaat niet.', { detail: 'No route matches this path.' }),
  methodNotAllowed: () => problem(405, 'method-not-allowed', 'Deze bewerking kan hier niet.', { detail: 'The method is not allowed on this path.' }),
  unauthorized: () => problem(401, 'unauthorized', 'Je bent niet (meer) ingelogd. Log opnieuw in.', { detail: 'A valid bearer token is required.' }),
  forbidden: (detail = 'Your role does not allow this.') => problem(403, 'forbidden', 'Je hebt geen toegang tot dit onderdeel.', { reason: 'wrongRole', detail }),
  badRequest: (detail: string, errors?: Problem['errors']) => problem(400, 'bad-request', 'Het verzoek klopt niet.', { detail, ...(errors && errors.length ? { errors } : {}) }),
  invalidAnswers: (errors: NonNullable<Problem['errors']>) =>
    problem(400, 'validation', 'Niet alle antwoorden kunnen worden opgeslagen.', { detail: 'Some answers have the wrong type, option or length.', errors }),
  unstorableText: (errors: NonNullable<Problem['errors']>) =>
    problem(400, 'validation', 'Een tekst bevat een onzichtbaar of kapot teken. Daardoor kan de tekst niet worden opgeslagen.', {
      detail: 'Text must not contain NUL characters or lone surrogates (it must be well-formed UTF-16).',
      errors,
    }),
  staleVersion: () =>
    problem(409, 'conflict', 'Iemand anders heeft dit net gewijzigd. Laad de nieuwste versie.', {
      reason: 'staleVersion',
      detail: 'If-Match does not match the current version.',
    }),
  versionRequired: () =>
    problem(428, 'precondition-required', 'De versie ontbreekt. Laad de pagina opnieuw en probeer het nog eens.', {
      detail: 'Send If-Match with the version you read.',
    }),
  payloadTooLarge: (limitBytes: number) => problem(413, 'payload-too-large', 'Het verzoek is te groot.', { detail: `Request bodies are limited to ${limitBytes} bytes.` }),
  serverError: () => problem(500, 'server-error', 'Er ging iets mis bij de server. Probeer het later opnieuw.', { detail: 'Unexpected error.' }),
  refused: refusalProblem,
};
