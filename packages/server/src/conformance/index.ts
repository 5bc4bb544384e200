/**
 * The conformance kit: the contract suite against any backend, through the SDK's HTTP client and
 * plain fetch. `runConformance` returns the results; `formatReport` prints them as a table.
 */
import { DossierBuilder } from './builder.js';
import type { Cell } from './expectations.js';
import { Http, Recorder, type CheckResult, type ConformanceTokens } from './harness.js';
import { adultGuardianChecks, b1FixedChecks, guardianConsentChecks, onderwijsnummerChecks, registeredBirthDateChecks, roleChecks } from './suite-authority.js';
import { authChecks, discoverWorld, errorChecks, shapeChecks, versionChecks } from './suite-basics.js';
import { catalogueChecks, contentChecks, rosterChecks } from './suite-choice.js';
import { devRouteChecks, exposureChecks, rateLimitCheck } from './suite-exposure.js';
import { matrixChecks } from './suite-matrix.js';
import { lifecycleChecks } from './suite-privacy.js';
import { begeleidingChecks } from './suite-reads.js';
import { intakeChecks } from './suite-intake.js';
import { changeMentorChecks, moveKlasChecks, reminderChecks, schoolChecks } from './suite-school.js';

export type { CheckResult, ConformanceTokens } from './harness.js';
export { optionalTokenKeys, requiredTokenKeys } from './harness.js';
export { actionRules, begeleidingAccess, cells, editRules, expectedAction, expectedEdit, expectedRead, visible, type Cell, type Outcome, type Party, type ReadExpectation } from './expectations.js';

export interface ConformanceOptions {
  /** The contract's base URL, e.g. http://localhost:3000/api/ */
  baseUrl: string;
  tokens: ConformanceTokens;
  /** Default: the global fetch. The memory backend's `fetch` runs the suite in-process. */
  fetch?: typeof fetch;
  /** The day the backend lives on (ages). Default: now. */
  today?: Date;
  /** Told about each result as it comes (the CLI prints progress). */
  onResult?: (result: CheckResult) => void;
  /** Test only these cells of the workflow matrix (default: all). */
  cells?: (cell: Cell) => boolean;
  /** Run only the checks of these groups (set-up always runs). Default: all. */
  groups?: (group: string) => boolean;
  /**
   * Send 300 requests with junk tokens and expect a 429 (default: off, reported as skipped): the
   * backend may then refuse this address for a while.
   */
  checkRateLimit?: boolean;
}

export interface ConformanceReport {
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
  ms: number;
}

export const exampleTokens: ConformanceTokens = {
  student: 'student-noor',
  guardian: 'guardian-el-idrissi',
  otherGuardian: 'guardian-de-graaf',
  mentor: 'mentor-de-vries',
  otherMentor: 'mentor-yilmaz',
  otherStudent: 'student-lisa',
  mbo: 'mbo-roc-midden-nederland',
  otherMbo: 'mbo-albeda',
  adultStudent: 'student-yara',
  adultStudentGuardian: 'guardian-bos',
  noRosterStudent: 'student-olena',
  noRosterMentor: 'mentor-bos',
  unregisteredStudent: 'student-daan',
  decaan: 'decaan-visser',
  otherDecaan: 'decaan-de-wit',
};

/**
 * Runs every check it can. A set-up check that fails (a token that does not fit, no catalogue)
 * does not stop the run: the checks that need it are reported as skipped with the reason, the
 * others run. Each group builds its own dossiers.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = performance.now();
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const recorder = new Recorder(options.onResult, options.groups);
  const http = new Http(baseUrl, fetchImpl);

  await authChecks(recorder, http);
  const world = await discoverWorld(recorder, http, options.tokens, fetchImpl, options.today ?? new Date(), options.checkRateLimit === true);
  if (world) {
    const builder = new DossierBuilder(world);
    const dossier = await shapeChecks(recorder, world, builder);
    if (dossier) {
      await errorChecks(recorder, world, dossier);
      await versionChecks(recorder, world, builder, dossier);
    } else recorder.skip('errors', 'bad input and versions', 'no dossier could be created');
    // B1 first: it fills the student's B1, so a reader who may not see deel B would see it leak.
    await begeleidingChecks(recorder, world, builder);
    await registeredBirthDateChecks(recorder, world, builder);
    await b1FixedChecks(recorder, world, builder);
    await adultGuardianChecks(recorder, world);
    await guardianConsentChecks(recorder, world, builder);
    await onderwijsnummerChecks(recorder, world);
    await roleChecks(recorder, world, builder);
    await catalogueChecks(recorder, world, builder);
    await rosterChecks(recorder, world, builder);
    await contentChecks(recorder, world, builder);
    await exposureChecks(recorder, world, builder);
    await schoolChecks(recorder, world, builder);
    await reminderChecks(recorder, world);
    await intakeChecks(recorder, world, builder);
    await matrixChecks(recorder, world, builder, options.cells);
    await lifecycleChecks(recorder, world, builder);
    // Last of the workflow: they move dossiers and a klas to otherMentor (and back).
    await changeMentorChecks(recorder, world, builder);
    await moveKlasChecks(recorder, world, builder);
  } else recorder.skip('workflow', 'all checks that need the student', 'the student could not sign in or GET /config failed (see setup)');
  // Last: a backend that does reset would spoil what follows; the rate limit may lock this address out.
  await devRouteChecks(recorder, http, world);
  await rateLimitCheck(recorder, http, options.checkRateLimit === true);

  const count = (status: CheckResult['status']) => recorder.results.filter((r) => r.status === status).length;
  return { results: recorder.results, passed: count('pass'), failed: count('fail'), skipped: count('skip'), ms: performance.now() - started };
}

/** A plain-text table: group, check, result, time, and the detail of failures. */
export function formatReport(report: ConformanceReport): string {
  const rows = report.results.map((r) => [r.group, r.name, r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'skip', `${Math.round(r.ms)} ms`, r.detail ?? '']);
  const header = ['group', 'check', 'result', 'time', 'detail'];
  const widths = header.map((h, i) => Math.min(i === 1 ? 70 : i === 4 ? 90 : i === 0 ? 36 : 20, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const line = (cols: string[]) => cols.map((c, i) => (i === cols.length - 1 ? c : cut(c, widths[i]!))).join('  ');
  const failures = report.results.filter((r) => r.status === 'fail').map((r) => `FAIL ${r.group} / ${r.name}\n     ${r.detail ?? ''}`);
  const skips = report.results.filter((r) => r.status === 'skip').map((r) => `skip ${r.group} / ${r.name}\n     ${r.detail ?? ''}`);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line([...r.slice(0, 4), cut(r[4]!, widths[4]!).trimEnd()])),
    '',
    ...(failures.length ? ['Failures:', ...failures, ''] : []),
    ...(skips.length ? ['Skipped:', ...skips, ''] : []),
    `${report.passed} passed, ${report.failed} failed${report.skipped ? `, ${report.skipped} skipped` : ''} (${(report.ms / 1000).toFixed(1)} s)`,
  ].join('\n');
}
