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
    assert.ok(report.passed >= 80, `only ${report.passed} checks ran`);
    assert.equal(report.skipped, 0);
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
    assert.ok(failed.some((name) => /stale version/.test(name)), `expected the stale-version check to fail, failed: ${failed.join(' | ')}`);
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
});
