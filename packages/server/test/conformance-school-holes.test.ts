// Issues 17 and 18: for each rule of the decaan and of the MBO's intake status, a deliberately
// broken backend that breaks it, and proof that the conformance kit fails it in a check of the
// group named after the rule (and nothing else fails). The broken backends are the SDK's own
// service over the memory store, changed at one point: a wrapped store, a service method routed
// elsewhere, or a fetch that answers one request its own way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCatalogIndex, createMemoryStore, type StoreTx } from '@doorstroom/sdk/server';
import { exampleTokens, formatReport, runConformance, type Cell, type CheckResult, type ConformanceOptions, type ConformanceReport } from '../src/conformance/index.js';
import { createFetchHandler, createMemoryBackend, createService, exampleData, memoryBaseUrl, problem, type BackendStore, type DossierService, type Problem } from '../src/sdk.js';

// --- broken backends (as in conformance-holes.test.ts) ---------------------------------------

interface Backend {
  baseUrl: string;
  fetch: typeof fetch;
}

function patchedTx(tx: StoreTx, patch: (tx: StoreTx) => Partial<StoreTx>): StoreTx {
  const overrides = patch(tx) as Record<PropertyKey, unknown>;
  return new Proxy(tx, {
    get(target, property) {
      if (property in overrides) return overrides[property];
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The memory backend built by hand: `storePatch` changes what the service reads and writes, `service` wraps the service. */
function brokenBackend(options: { storePatch?: (tx: StoreTx) => Partial<StoreTx>; service?: (honest: DossierService, store: BackendStore) => DossierService }): Backend {
  const data = exampleData({ today: new Date() });
  const inner = createMemoryStore({
    seed: { config: data.config, schools: data.schools, students: data.students, dossiers: data.dossiers, begeleiding: data.begeleiding, history: data.history },
    catalog: createCatalogIndex(data.catalog),
  });
  const patch = options.storePatch;
  const store: BackendStore = patch ? { transaction: (work) => inner.transaction((tx) => work(patchedTx(tx, patch))) } : inner;
  const honest = createService(store);
  const service = options.service ? options.service(honest, inner) : honest;
  const accounts = new Map(data.accounts.map((account) => [account.token, account.actor]));
  const handler = createFetchHandler(service, {
    basePath: new URL(memoryBaseUrl).pathname,
    authenticate: async (token) => (token !== null ? (structuredClone(accounts.get(token)) ?? null) : null),
  });
  return { baseUrl: memoryBaseUrl, fetch: (async (input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init))) as typeof fetch };
}

/** A backend behind a fetch that may answer a request its own way (`answer` returns undefined to pass it on). */
function tampered(backend: Backend, answer: (request: Request, token: string) => Promise<Response | undefined>): Backend {
  return {
    baseUrl: backend.baseUrl,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const original = new Request(input, init);
      const body = original.method === 'GET' || original.method === 'HEAD' ? undefined : await original.text();
      const copy = () => new Request(original.url, { method: original.method, headers: original.headers, ...(body !== undefined ? { body } : {}) });
      const token = (original.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
      return (await answer(copy(), token)) ?? backend.fetch(copy());
    }) as typeof fetch,
  };
}

/** The same request, signed in as someone else. */
function as(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

const problemResponse = (body: Problem) => new Response(JSON.stringify(body), { status: body.status, headers: { 'Content-Type': 'application/problem+json' } });
const pathOf = (request: Request) => new URL(request.url).pathname;
const json = async (request: Request): Promise<Record<string, unknown>> => {
  const text = await request.clone().text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
};
const dossierRead = (request: Request) => request.method === 'GET' && /\/dossiers\/[^/]+$/.test(pathOf(request));
const decaan = exampleTokens.decaan!;
const otherDecaan = exampleTokens.otherDecaan!;

// --- running the kit ---------------------------------------------------------------------------

const failures = (report: ConformanceReport) => report.results.filter((r) => r.status === 'fail');
const names = (results: CheckResult[]) => results.map((r) => `${r.group} / ${r.name}`).join(' | ');

function kit(backend: Backend, groups: string[], extra: Partial<ConformanceOptions> = {}): Promise<ConformanceReport> {
  return runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: backend.fetch, cells: () => false, groups: (g) => groups.includes(g), ...extra });
}

/** The failing check of `group` whose name matches, with the detail matching `detail`; nothing of another group fails. */
function assertFails(report: ConformanceReport, group: string, name: RegExp, detail: RegExp): CheckResult {
  const failed = failures(report);
  const found = failed.find((r) => r.group === group && name.test(r.name));
  assert.ok(found, `expected "${group}" / ${name} to fail; failed: ${names(failed)}\n${formatReport(report)}`);
  assert.match(found.detail ?? '', detail);
  assert.deepEqual([...new Set(failed.map((r) => r.group))], [group], names(failed));
  return found;
}

const some =
  (type: Cell['type'], ...statuses: Cell['status'][]) =>
  (cell: Cell) =>
    cell.type === type && statuses.includes(cell.status) && !cell.archived && (cell.status !== 'concept' || !cell.mentorAssigned);

const schoolGroups = ['decaan for the school', 'decaan of another school', 'reminders', 'changeMentor', 'moveKlas'];
const intakeGroups = [
  'intake set by the chosen MBO only',
  'intake date and reason',
  'intake never back to nieuw',
  'intake read when opened',
  'intake for the student and the decaan only',
  'intake in the MBO history without names',
];

describe('the conformance kit fails a backend that breaks a rule of the decaan (issue 17)', () => {
  it('passes every group of the decaan on the honest backend, in every dossier state', async () => {
    const report = await kit(createMemoryBackend(), schoolGroups, { cells: () => true });
    assert.equal(report.failed, 0, formatReport(report));
    assert.ok(report.results.filter((r) => r.status === 'pass').length >= 40, formatReport(report));
  });

  it('the decaan reads deel A of a concept (as the student does)', async () => {
    const backend = createMemoryBackend();
    const leaky = tampered(backend, async (request, token) => {
      if (token !== decaan || !dossierRead(request)) return undefined;
      const own = await backend.fetch(as(request, exampleTokens.student));
      return own.ok && ((await own.clone().json()) as { status: string }).status === 'concept' ? own : undefined;
    });
    const report = await kit(leaky, ['decaan for the school'], { cells: some('vo-mbo', 'concept', 'bijMentor') });
    assertFails(report, 'decaan for the school', /^vo-mbo concept: reads/, /the decaan does what a mentor may.*reads deel A in concept \(persoonlijk/);
  });

  it('the decaan may not start deel B (treated as someone without a mentor’s rights)', async () => {
    const backend = createMemoryBackend();
    const strict = tampered(backend, async (request, token) =>
      token === decaan && request.method === 'POST' && pathOf(request).endsWith('/actions/startDeelB') ? problemResponse(problem(403, 'forbidden', 'Geweigerd.', { reason: 'wrongRole' })) : undefined,
    );
    const report = await kit(strict, ['decaan for the school'], { cells: some('vo-mbo', 'bijMentor') });
    assertFails(report, 'decaan for the school', /^vo-mbo bijMentor: the decaan's returnToDeelA, startDeelB/, /startDeelB: got 403 wrongRole, expected 200/);
  });

  it('the decaan may finalize for the student', async () => {
    const backend = createMemoryBackend();
    const loose = tampered(backend, async (request, token) =>
      token === decaan && request.method === 'POST' && pathOf(request).endsWith('/actions/finalize') ? backend.fetch(as(request, exampleTokens.student)) : undefined,
    );
    const report = await kit(loose, ['decaan for the school'], { cells: some('werk-mbo', 'akkoord') });
    assertFails(report, 'decaan for the school', /^werk-mbo akkoord: reads/, /finalize: got 200, expected 403 wrongRole.*refused actions or saves changed the dossier/);
  });

  it("the decaan cannot read or write a student's B1 (404, as the SDK once answered)", async () => {
    const backend = createMemoryBackend();
    const closed = tampered(backend, async (request, token) =>
      token === decaan && pathOf(request).endsWith('/begeleiding') ? problemResponse(problem(404, 'not-found', 'Dit bestaat niet.')) : undefined,
    );
    const report = await kit(closed, ['decaan for the school']);
    assertFails(report, 'decaan for the school', /B1 of every student of the school/, /the decaan reads every B1 of the school.*GET B1: got 404, expected 200/);
  });

  it("a decaan reads every school's dossiers", async () => {
    const backend = createMemoryBackend();
    const leaky = tampered(backend, async (request, token) => (token === otherDecaan && pathOf(request).includes('/dossiers') ? backend.fetch(as(request, decaan)) : undefined));
    const report = await kit(leaky, ['decaan of another school'], { cells: some('werk-mbo', 'concept') });
    assertFails(report, 'decaan of another school', /^werk-mbo concept: 404/, /a decaan of another school gets 404.*GET: got 200, expected 404.*history: got 200/);
    assert.ok(
      failures(report).some((r) => /other school's overview/.test(r.name) && /the overview lists the student/.test(r.detail ?? '')),
      formatReport(report),
    );
  });

  it('a mentor sends reminders', async () => {
    const backend = createMemoryBackend();
    const loose = tampered(backend, async (request, token) => (token === exampleTokens.mentor && pathOf(request).endsWith('/reminders') ? backend.fetch(as(request, decaan)) : undefined));
    const report = await kit(loose, ['reminders']);
    assertFails(report, 'reminders', /each student once/, /the decaan sends a reminder.*by the mentor: got 200, expected 403 or 404/);
  });

  it('a reminder for a student who does not exist is neither sent nor refused', async () => {
    const backend = createMemoryBackend();
    const silent = tampered(backend, async (request, token) => {
      if (token !== decaan || !pathOf(request).endsWith('/reminders')) return undefined;
      const response = await backend.fetch(request);
      const result = (await response.json()) as { sent: string[]; refused: { studentId: string; reason: string }[] };
      return Response.json({ sent: result.sent, refused: result.refused.filter((r) => !r.studentId.startsWith('conformance-')) });
    });
    const report = await kit(silent, ['reminders']);
    assertFails(report, 'reminders', /each student once/, /the made-up student is 0 times in sent and refused/);
  });

  it("a decaan reminds another school's students", async () => {
    const backend = createMemoryBackend();
    const loose = tampered(backend, async (request, token) =>
      token === otherDecaan && pathOf(request).endsWith('/reminders') ? Response.json({ sent: ((await json(request))['studentIds'] as string[]) ?? [], refused: [] }) : undefined,
    );
    const report = await kit(loose, ['reminders']);
    assertFails(report, 'reminders', /another school cannot remind/, /a decaan of another school sent the student a reminder/);
  });

  it('changeMentor leaves no trace in the history', async () => {
    const backend = brokenBackend({ storePatch: (tx) => ({ appendHistory: async (id, entry, link) => (entry.action === 'changeMentor' ? undefined : tx.appendHistory(id, entry, link)) }) });
    const report = await kit(backend, ['changeMentor']);
    assertFails(report, 'changeMentor', /the history says so/, /the history records it.*the history's last entry is .*"action":"submitToMentor".*expected the action changeMentor/);
  });

  it('the old mentor keeps reading a dossier moved away from them', async () => {
    const backend = createMemoryBackend();
    const sticky = tampered(backend, async (request, token) => {
      if (token !== exampleTokens.mentor || !dossierRead(request)) return undefined;
      const own = await backend.fetch(request);
      return own.status === 404 ? backend.fetch(as(request, decaan)) : own;
    });
    const report = await kit(sticky, ['changeMentor']);
    assertFails(report, 'changeMentor', /the old one no longer reads it/, /assignedMentor reading it: 200, expected 404 \(no longer theirs\)/);
  });

  it('moving a klas changes the roster but leaves its dossiers with the old mentor', async () => {
    const backend = brokenBackend({
      service: (honest, store) => ({
        ...honest,
        moveKlas: async (actor, schoolId, klas, mentorId) => {
          const school = await store.transaction((tx) => tx.getSchool(schoolId));
          if (actor.role !== 'decaan' || actor.school?.id !== schoolId || !school?.mentors.some((m) => m.id === mentorId)) return honest.moveKlas(actor, schoolId, klas, mentorId);
          await store.transaction((tx) =>
            tx.putSchool({ ...school, mentors: school.mentors.map((m) => ({ ...m, klassen: m.id === mentorId ? [...m.klassen, klas] : m.klassen.filter((k) => k !== klas) })) }),
          );
          return { moved: [], refused: [] };
        },
      }),
    });
    const report = await kit(backend, ['moveKlas']);
    assertFails(report, 'moveKlas', /gives the student's klas to another mentor/, /moves a whole klas.*moved \[\] lacks the klas's dossier at the mentor.*otherMentor reading it: 404, expected 200/);
  });

  it('a mentor moves a klas', async () => {
    const backend = createMemoryBackend();
    const loose = tampered(backend, async (request, token) => (token === exampleTokens.mentor && /\/klassen\/[^/]+\/mentor$/.test(pathOf(request)) ? backend.fetch(as(request, decaan)) : undefined));
    const report = await kit(loose, ['moveKlas']);
    assertFails(report, 'moveKlas', /gives the student's klas/, /by the mentor: got 200, expected 403 or 404/);
  });
});

describe('the conformance kit fails a backend that breaks a rule of the intake status (issue 18)', () => {
  it('passes every intake group on the honest backend', async () => {
    const report = await kit(createMemoryBackend(), intakeGroups);
    assert.equal(report.failed, 0, formatReport(report));
    assert.equal(report.results.filter((r) => intakeGroups.includes(r.group) && r.status === 'pass').length, 8, formatReport(report));
  });

  const intakePut = (request: Request) => request.method === 'PUT' && pathOf(request).endsWith('/intake');

  it('another MBO sets the intake status', async () => {
    const backend = createMemoryBackend();
    const loose = tampered(backend, async (request, token) => (token === exampleTokens.otherMbo && intakePut(request) ? backend.fetch(as(request, exampleTokens.mbo)) : undefined));
    const report = await kit(loose, ['intake set by the chosen MBO only']);
    assertFails(
      report,
      'intake set by the chosen MBO only',
      /the mbo sets it/,
      /only staff of the instelling the student chose.*by otherMbo \(mbo\): got 200, expected 404.*worklist says geplaatst, expected nieuw/,
    );
  });

  it('the decaan sets the intake status', async () => {
    const backend = createMemoryBackend();
    const loose = tampered(backend, async (request, token) => (token === decaan && intakePut(request) ? backend.fetch(as(request, exampleTokens.mbo)) : undefined));
    const report = await kit(loose, ['intake set by the chosen MBO only']);
    assertFails(report, 'intake set by the chosen MBO only', /the decaan of the school may not set it/, /by the decaan: got 200, expected 403 wrongRole/);
  });

  it('an intake is planned without a date', async () => {
    const backend = createMemoryBackend();
    const loose = tampered(backend, async (request) => {
      if (!intakePut(request)) return undefined;
      const body = await json(request);
      if (body['status'] !== 'intakeGepland' || body['datum']) return undefined;
      return backend.fetch(new Request(request, { body: JSON.stringify({ ...body, datum: '2099-01-01' }) }));
    });
    const report = await kit(loose, ['intake date and reason']);
    assertFails(report, 'intake date and reason', /needs a datum/, /an intake is planned on a date.*\{"status":"intakeGepland"\}: got 200, expected 400/);
  });

  it('an intake goes back to nieuw', async () => {
    const backend = brokenBackend({
      service: (honest, store) => ({
        ...honest,
        setIntake: async (actor, id, request) =>
          request.status === 'nieuw'
            ? store.transaction(async (tx) => (await tx.putIntake(id, { status: 'nieuw', updatedAt: new Date().toISOString() }), { status: 'nieuw', updatedAt: new Date().toISOString() }))
            : honest.setIntake(actor, id, request),
      }),
    });
    const report = await kit(backend, ['intake never back to nieuw']);
    assertFails(report, 'intake never back to nieuw', /PUT status nieuw is refused/, /no intake goes back to it.*PUT status nieuw: got 200.*worklist says nieuw, expected geplaatst/);
  });

  it('opening a received dossier does not mark it read', async () => {
    const backend = brokenBackend({ storePatch: (tx) => ({ putIntake: async (id, intake) => (intake.status === 'gelezen' ? undefined : tx.putIntake(id, intake)) }) });
    const report = await kit(backend, ['intake read when opened']);
    assertFails(
      report,
      'intake read when opened',
      /nieuw in the worklist until the MBO opens it/,
      /reading a dossier marks it read.*after the MBO opened it the worklist says nieuw, expected gelezen/,
    );
  });

  it('the mentor reads the intake status', async () => {
    const backend = createMemoryBackend();
    const leaky = tampered(backend, async (request, token) => {
      if (token !== exampleTokens.mentor || !dossierRead(request)) return undefined;
      const own = await backend.fetch(request);
      const student = await backend.fetch(as(request, exampleTokens.student));
      if (!own.ok || !student.ok) return own;
      const { intake } = (await student.json()) as { intake?: unknown };
      return Response.json({ ...((await own.json()) as object), ...(intake ? { intake } : {}) });
    });
    const report = await kit(leaky, ['intake for the student and the decaan only']);
    assertFails(
      report,
      'intake for the student and the decaan only',
      /the mentor and the guardian do not/,
      /placement feedback for the student and the school.*the mentor reads the intake status \(\{"status":"geplaatst"/,
    );
  });

  it('the decaan does not see where the student was placed', async () => {
    const backend = createMemoryBackend();
    const blind = tampered(backend, async (request, token) => {
      if (token !== decaan || request.method !== 'GET' || !pathOf(request).includes('/dossiers')) return undefined;
      const text = await (await backend.fetch(request)).text();
      return new Response(text.replace(/,"intake":\{[^}]*\}/g, ''), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const report = await kit(blind, ['intake for the student and the decaan only']);
    assertFails(
      report,
      'intake for the student and the decaan only',
      /the decaan of the school reads it/,
      /the decaan's dossier says intake undefined, expected geplaatst.*the school overview says intake undefined/,
    );
  });

  it("the MBO reads who took each intake step (the school's history)", async () => {
    const backend = createMemoryBackend();
    const leaky = tampered(backend, async (request, token) => (token === exampleTokens.mbo && pathOf(request).endsWith('/history') ? backend.fetch(as(request, exampleTokens.student)) : undefined));
    const report = await kit(leaky, ['intake in the MBO history without names']);
    assertFails(report, 'intake in the MBO history without names', /shows its intake steps/, /without who did them.*entries name who did it.*it names/);
  });
});
