/**
 * The admin API's retention routes, for the beheerder: `POST /admin/retention` (a run now, or with
 * `dryRun=true` what it would remove), `DELETE /admin/students/{id}` (erase one student on request,
 * also with `dryRun`), `GET /admin/audit` (the audit log, newest first). Bad input is a 400
 * problem+json and changes nothing.
 */
import type { Db } from '../db.js';
import { maxAuditPage, readAudit } from '../audit.js';
import type { Beheerder } from '../identity.js';
import { eraseStudent, runRetention, type RetentionPolicy } from '../retention.js';
import { auditLogSchema, eraseReportSchema, problem, problems, provisioningIdPattern, retentionReportSchema, type Problem } from '../sdk.js';

export interface RetentionRoutesOptions {
  db: Db;
  policy: RetentionPolicy;
  now: () => Date;
  /** After a run or an erasure that removed something: e.g. forget cached rosters and people. */
  onRemoved?: () => void;
}

type Schema = { safeParse(value: unknown): { success: boolean } };

const problemResponse = (details: Problem, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(details), {
    status: details.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

function json(schema: Schema, value: unknown): Response {
  if (!schema.safeParse(value).success) return problemResponse(problems.serverError());
  return new Response(JSON.stringify(value), { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
}

const badRequest = (detail: string) => problemResponse(problem(400, 'bad-request', 'Het verzoek klopt niet.', { detail }));

/** Only the named query parameters, each at most once. */
function query(url: URL, allowed: ReadonlyArray<string>): Problem | undefined {
  const names = [...url.searchParams.keys()];
  if (names.some((name) => !allowed.includes(name))) return problem(400, 'bad-request', 'Het verzoek klopt niet.', { detail: `Unknown query parameter; allowed: ${allowed.join(', ') || 'none'}.` });
  if (new Set(names).size !== names.length) return problem(400, 'bad-request', 'Het verzoek klopt niet.', { detail: 'A query parameter is given more than once.' });
  return undefined;
}

/** `dryRun`: true, false or absent (false). */
function dryRunOf(url: URL): boolean | undefined {
  const value = url.searchParams.get('dryRun');
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  return undefined;
}

/** These routes take no body: one sent anyway is refused rather than ignored. */
async function hasBody(request: Request): Promise<boolean> {
  if (!request.body) return false;
  return (await request.arrayBuffer()).byteLength > 0;
}

export function createRetentionRoutes(options: RetentionRoutesOptions) {
  const { db } = options;

  return {
    /** Answers the retention routes (segments after `/admin`); undefined for other paths. */
    async handle(request: Request, segments: ReadonlyArray<string>, beheerder: Beheerder): Promise<Response | undefined> {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const allow = (methods: string) => problemResponse(problems.methodNotAllowed(), { Allow: methods });
      const actor = { kind: 'beheerder' as const, id: beheerder.id };
      const [first, second] = segments;

      if (segments.length === 1 && first === 'retention') {
        if (method !== 'POST') return allow('POST');
        const wrong = query(url, ['dryRun']);
        if (wrong) return problemResponse(wrong);
        const dryRun = dryRunOf(url);
        if (dryRun === undefined) return badRequest('Query parameter dryRun must be true or false.');
        if (await hasBody(request)) return badRequest('This route takes no body.');
        const report = await runRetention(db, { policy: options.policy, now: options.now(), dryRun, actor });
        if (!dryRun) options.onRemoved?.();
        return json(retentionReportSchema, report);
      }

      if (segments.length === 2 && first === 'students' && second !== undefined) {
        if (method !== 'DELETE') return allow('DELETE');
        let id: string;
        try {
          id = decodeURIComponent(second);
        } catch {
          return problemResponse(problems.notFound('student'));
        }
        if (!provisioningIdPattern.test(id)) return problemResponse(problems.notFound('student'));
        const wrong = query(url, ['dryRun']);
        if (wrong) return problemResponse(wrong);
        const dryRun = dryRunOf(url);
        if (dryRun === undefined) return badRequest('Query parameter dryRun must be true or false.');
        if (await hasBody(request)) return badRequest('This route takes no body.');
        const report = await eraseStudent(db, id, { now: options.now(), dryRun, actor });
        if (!report) return problemResponse(problems.notFound('student'));
        if (!dryRun) options.onRemoved?.();
        return json(eraseReportSchema, report);
      }

      if (segments.length === 1 && first === 'audit') {
        if (method !== 'GET') return allow('GET');
        const wrong = query(url, ['limit', 'before']);
        if (wrong) return problemResponse(wrong);
        const limit = url.searchParams.get('limit');
        const before = url.searchParams.get('before');
        if (limit !== null && !(/^[1-9][0-9]{0,3}$/.test(limit) && Number(limit) <= maxAuditPage)) return badRequest(`limit must be a whole number from 1 to ${maxAuditPage}.`);
        if (before !== null && !/^[1-9][0-9]{0,17}$/.test(before)) return badRequest('before must be the id of an audit log entry.');
        return json(auditLogSchema, await readAudit(db, { ...(limit ? { limit: Number(limit) } : {}), ...(before ? { before } : {}) }));
      }
      return undefined;
    },
  };
}
