// The conformance suite against the SDK's in-memory backend, and proof that it notices a backend
// that breaks the contract.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleTokens, formatReport, runConformance, type ConformanceReport } from '../src/conformance/index.js';
import { createMemoryBackend } from '../src/sdk.js';

const failures = (report: ConformanceReport) => report.results.filter((r) => r.status === 'fail');

describe('conformance kit on the memory backend', () => {
  it('passes every check', async () => {
    const backend = createMemoryBackend();
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: backend.fetch });
    assert.equal(report.failed, 0, formatReport(report));
    assert.ok(report.passed >= 130, `only ${report.passed} checks ran`);
    // Only the opt-in rate limit is left out: every optional token of the example data is given.
    assert.deepEqual(
      report.results.filter((r) => r.status === 'skip').map((r) => r.group),
      ['rate limit'],
    );
  });

  it('fails a backend that stores a save made on a stale version', async () => {
    const backend = createMemoryBackend();
    // A sloppy backend: it ignores If-Match by always using the current version.
    const sloppy = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.method === 'PATCH' && request.url.includes('/dossiers/')) {
        const id = new URL(request.url).pathname.split('/')[3]!;
        const current = await backend.fetch(new Request(new URL(`dossiers/${id}`, backend.baseUrl), { headers: { Authorization: request.headers.get('Authorization') ?? '' } }));
        const headers = new Headers(request.headers);
        if (current.ok) headers.set('If-Match', current.headers.get('ETag') ?? '');
        return backend.fetch(new Request(request, { headers }));
      }
      return backend.fetch(request);
    }) as typeof fetch;
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: sloppy, cells: () => false });
    const failed = failures(report).map((r) => r.name);
    assert.ok(
      failed.some((name) => /stale version/.test(name)),
      `expected the stale-version check to fail, failed: ${failed.join(' | ')}`,
    );
  });

  it('fails a backend that answers refusals with the wrong status, and names the cells', async () => {
    const backend = createMemoryBackend();
    const wrongStatus = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await backend.fetch(input, init);
      if (response.status !== 409) return response;
      const body = (await response.json()) as { status: number };
      return new Response(JSON.stringify({ ...body, status: 400 }), { status: 400, headers: response.headers });
    }) as typeof fetch;
    const report = await runConformance({
      baseUrl: backend.baseUrl,
      tokens: exampleTokens,
      fetch: wrongStatus,
      cells: (cell) => cell.type === 'vo-mbo' && cell.status === 'afgerond',
    });
    const failed = failures(report);
    const matrix = failed.find((r) => r.name.startsWith('vo-mbo afgerond: refusals'));
    assert.ok(matrix, `expected the afgerond refusals to fail, failed: ${failed.map((r) => r.name).join(' | ')}`);
    assert.match(matrix.detail ?? '', /got 400 final, expected 409 final/);
  });

  /** The memory backend behind a fetch that may answer a request its own way (`answer` clones a body it reads). */
  const tampered = (backend: ReturnType<typeof createMemoryBackend>, answer: (request: Request, token: string) => Promise<Response | undefined>) =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const token = (request.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
      return (await answer(request, token)) ?? backend.fetch(request);
    }) as typeof fetch;
  const as = (request: Request, token: string) => {
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${token}`);
    return new Request(request, { headers });
  };
  const dossierRead = (request: Request) => request.method === 'GET' && /\/dossiers\/[^/]+(\/history)?$/.test(new URL(request.url).pathname);

  it('fails a backend that lets another student read a dossier, and names who read it', async () => {
    const backend = createMemoryBackend();
    const leaky = tampered(backend, async (request, token) => (token === exampleTokens.otherStudent && dossierRead(request) ? backend.fetch(as(request, exampleTokens.student)) : undefined));
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: leaky, cells: (cell) => cell.type === 'werk-mbo' && cell.status === 'akkoord' && !cell.archived });
    const reads = failures(report).find((r) => r.name.startsWith('werk-mbo akkoord: dossier, history and list'));
    assert.ok(
      reads,
      `expected the reads of werk-mbo akkoord to fail, failed: ${failures(report)
        .map((r) => r.name)
        .join(' | ')}`,
    );
    assert.match(reads.detail ?? '', /GET otherStudent: got 200, expected 404/);
    assert.match(reads.detail ?? '', /history by otherStudent: got 200/);
  });

  it('fails a backend that shows deel B to the student before the mentor sends it', async () => {
    const backend = createMemoryBackend();
    // In deelB the student gets what the mentor reads: B1 and B2 included.
    const leaky = tampered(backend, async (request, token) => {
      if (token !== exampleTokens.student || !dossierRead(request) || request.url.endsWith('/history')) return undefined;
      const mentorView = await backend.fetch(as(request, exampleTokens.mentor));
      return mentorView.ok && ((await mentorView.clone().json()) as { status: string }).status === 'deelB' ? mentorView : undefined;
    });
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: leaky, cells: (cell) => cell.type === 'vo-mbo' && cell.status === 'deelB' && !cell.archived });
    const reads = failures(report).find((r) => r.name.startsWith('vo-mbo deelB: dossier, history and list'));
    assert.ok(
      reads,
      `expected the reads of vo-mbo deelB to fail, failed: ${failures(report)
        .map((r) => r.name)
        .join(' | ')}`,
    );
    assert.match(reads.detail ?? '', /owner reads deel B \(begeleiding, advies\)/);
  });

  it('fails a backend that refuses a save but keeps an answer from it without a new version', async () => {
    const backend = createMemoryBackend();
    // After a refused save of motivatie by another mentor, every read shows an answer from it.
    const touched = new Set<string>();
    const sloppy = tampered(backend, async (request, token) => {
      const path = new URL(request.url).pathname;
      const id = path.split('/')[3]!;
      if (request.method === 'PATCH' && token === exampleTokens.otherMentor && path.endsWith('/sections/motivatie')) touched.add(id);
      if (!dossierRead(request) || path.endsWith('/history') || !touched.has(id)) return undefined;
      const response = await backend.fetch(request);
      if (!response.ok) return response;
      const dossier = (await response.json()) as { answers: Record<string, Record<string, unknown>> };
      dossier.answers['motivatie'] = { ...dossier.answers['motivatie'], later: 'kok, opgeslagen ondanks de weigering' };
      return new Response(JSON.stringify(dossier), { status: 200, headers: response.headers });
    });
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: sloppy, cells: (cell) => cell.type === 'vo-mbo' && cell.status === 'bijMentor' && !cell.archived });
    const saves = failures(report).find((r) => r.name.startsWith('vo-mbo bijMentor: saves'));
    assert.ok(
      saves,
      `expected the saves of vo-mbo bijMentor to fail, failed: ${failures(report)
        .map((r) => r.name)
        .join(' | ')}`,
    );
    assert.match(saves.detail ?? '', /refused saves changed the dossier: the answers/);
  });

  it("fails a backend that lets a guardian read and write the student's B1", async () => {
    const backend = createMemoryBackend();
    const leaky = tampered(backend, async (request, token) =>
      token === exampleTokens.guardian && new URL(request.url).pathname.endsWith('/begeleiding') ? backend.fetch(as(request, exampleTokens.mentor)) : undefined,
    );
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: leaky, cells: () => false });
    const b1 = failures(report).find((r) => r.group === 'B1 access');
    assert.ok(
      b1,
      `expected the B1 check to fail, failed: ${failures(report)
        .map((r) => r.name)
        .join(' | ')}`,
    );
    assert.match(b1.detail ?? '', /GET by guardian: got 200.*PATCH by guardian: got 200/);
  });
});
