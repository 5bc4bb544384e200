/**
 * The admin API under `<basePath>/admin`, for the `beheerder` role only: provisioning imports
 * (JSON documents and CSV exports, with a dry run), a summary, the schools, one person; and
 * retention (retention-routes.ts): a run, erasing one student, the audit log. The
 * shapes are the SDK's provisioning schemas (`@doorstroom/sdk/server`, admin.ts); errors are
 * problem+json like the rest of the API, with Dutch titles and English details.
 */
import { importAuditDetails, recordAudit } from '../audit.js';
import type { Db } from '../db.js';
import type { Beheerder } from '../identity.js';
import { defaultRetentionPolicy, type RetentionPolicy } from '../retention.js';
import { createRetentionRoutes } from './retention-routes.js';
import { adminPerson, adminSchools, adminSummary, csvKinds, importProblem, ImportRefused, runImport, type CsvKind, type ImportSource } from '../provisioning/index.js';
import { adminPersonSchema, adminSchoolsSchema, adminSummarySchema, importReportSchema, problem, problems, problemTypeBase, type ImportReport, type Problem } from '../sdk.js';

export interface AdminApiOptions {
  db: Db;
  basePath: string;
  now?: () => Date;
  /** After every import that changed something (not a dry run): e.g. forget cached rosters and people. */
  onImported?: (report: ImportReport, beheerder: Beheerder) => void;
  /** The retention periods `POST /admin/retention` applies. Default defaultRetentionPolicy. */
  retentionPolicy?: RetentionPolicy;
  /** After a retention run or an erasure (not a dry run). */
  onRemoved?: () => void;
}

type Schema = { safeParse(value: unknown): { success: boolean } };

function json(schema: Schema, value: unknown, status = 200): Response {
  // A response that does not match its schema is a bug here: better a 500 than a wrong document.
  if (!schema.safeParse(value).success) return problemResponse(problems.serverError());
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export function problemResponse(details: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(details), {
    status: details.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

const badQuery = (detail: string) => problem(400, 'bad-request', 'Het verzoek klopt niet.', { detail });

export const adminProblems = {
  notBeheerder: () => problem(403, 'forbidden', 'U hebt geen toegang tot het beheer.', { reason: 'wrongRole', detail: 'The admin API is for the beheerder role only.' }),
  beheerderOnly: () => problem(403, 'forbidden', 'Als beheerder gebruikt u alleen het beheer.', { reason: 'wrongRole', detail: 'A beheerder has no role in the dossier contract; use /admin.' }),
  unsupportedMediaType: (): Problem => ({
    type: `${problemTypeBase}unsupported-media-type`,
    title: 'Stuur een JSON-bestand (application/json) of een CSV-bestand (text/csv).',
    status: 415,
    detail: 'Content-Type must be application/json or text/csv.',
  }),
  notUtf8: () => problem(400, 'bad-request', 'Het bestand is niet in UTF-8 opgeslagen. Sla het op als "CSV UTF-8" en probeer het opnieuw.', { detail: 'The body is not valid UTF-8.' }),
  emptyBody: () => problem(400, 'bad-request', 'Het bestand is leeg.', { detail: 'The request has no body.' }),
};

/** `true`/`false`/absent; anything else is a 400. */
function flag(url: URL, name: string): boolean | Problem {
  const value = url.searchParams.get(name);
  if (value === null || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return badQuery(`Query parameter ${name} must be true or false.`);
}

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && 'status' in value;

export function createAdminApi(options: AdminApiOptions) {
  const { db } = options;
  const prefix = `${options.basePath}/admin`;
  const now = options.now ?? (() => new Date());
  const retention = createRetentionRoutes({ db, policy: options.retentionPolicy ?? defaultRetentionPolicy, now, ...(options.onRemoved ? { onRemoved: options.onRemoved } : {}) });

  async function importRoute(request: Request, url: URL, beheerder: Beheerder): Promise<Response> {
    const dryRun = flag(url, 'dryRun');
    const partial = flag(url, 'partial');
    if (isProblem(dryRun)) return problemResponse(dryRun);
    if (isProblem(partial)) return problemResponse(partial);
    const kind = url.searchParams.get('kind');
    if (kind !== null && !(csvKinds as readonly string[]).includes(kind)) return problemResponse(badQuery(`kind must be one of ${csvKinds.join(', ')}.`));
    const school = url.searchParams.get('school');
    if (school !== null && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(school)) return problemResponse(badQuery('school must be a school id.'));
    for (const name of url.searchParams.keys()) {
      if (!['dryRun', 'partial', 'kind', 'school'].includes(name)) return problemResponse(badQuery('Unknown query parameter.'));
    }
    const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    const format = type === 'application/json' ? 'json' : type === 'text/csv' ? 'csv' : undefined;
    if (!format) return problemResponse(adminProblems.unsupportedMediaType());
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength === 0) return problemResponse(adminProblems.emptyBody());
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return problemResponse(adminProblems.notUtf8());
    }
    const source: ImportSource =
      format === 'json' ? { format, text } : { format, text, csv: { ...(kind ? { kind: kind as CsvKind } : {}), ...(school ? { school } : {}), ...(partial ? { partial: true } : {}) } };
    try {
      const report = await runImport(db, source, { dryRun, now });
      await recordAudit(db, { actor: { kind: 'beheerder', id: beheerder.id }, action: 'import', dryRun, at: now(), details: importAuditDetails(report) });
      if (!dryRun) options.onImported?.(report, beheerder);
      return json(importReportSchema, report);
    } catch (error) {
      if (error instanceof ImportRefused) return problemResponse(importProblem(error));
      throw error;
    }
  }

  return {
    /** Whether `pathname` is an admin path (answered by `handle`, with the admin body limit). */
    owns: (pathname: string) => pathname === prefix || pathname.startsWith(`${prefix}/`),
    async handle(request: Request, beheerder: Beheerder): Promise<Response> {
      const url = new URL(request.url);
      const segments = url.pathname.slice(prefix.length).split('/').filter(Boolean);
      const method = request.method.toUpperCase();
      const allow = (methods: string) => problemResponse(problems.methodNotAllowed(), { Allow: methods });
      const [first, second, third] = segments;
      if (segments.length === 1 && first === 'summary') return method === 'GET' ? json(adminSummarySchema, await adminSummary(db)) : allow('GET');
      if (segments.length === 1 && first === 'schools') return method === 'GET' ? json(adminSchoolsSchema, await adminSchools(db)) : allow('GET');
      if (segments.length === 1 && first === 'import') return method === 'POST' ? importRoute(request, url, beheerder) : allow('POST');
      if (segments.length === 2 && first === 'people' && second !== undefined && third === undefined) {
        if (method !== 'GET') return allow('GET');
        let id: string;
        try {
          id = decodeURIComponent(second);
        } catch {
          return problemResponse(problems.notFound('person'));
        }
        const person = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id) ? await adminPerson(db, id) : undefined;
        return person ? json(adminPersonSchema, person) : problemResponse(problems.notFound('person'));
      }
      const retained = await retention.handle(request, segments, beheerder);
      if (retained) return retained;
      return problemResponse(problems.unknownRoute());
    },
  };
}
