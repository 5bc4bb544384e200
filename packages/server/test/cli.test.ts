// The two command-line tools as a person runs them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exampleTokens } from '../src/conformance/index.js';
import { readBody, sendResponse, toRequest } from '../src/http/node-adapter.js';
import { createMemoryBackend } from '../src/sdk.js';

const bin = (name: string) => fileURLToPath(new URL(`../bin/${name}.mjs`, import.meta.url));

function run(name: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin(name), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('doorstroom-server', () => {
  it('refuses to start with NODE_ENV=production and no verifier', async () => {
    const { code, stderr, stdout } = await run('doorstroom-server', [], { NODE_ENV: 'production', DOORSTROOM_VERIFIER: '', PORT: '0' });
    assert.equal(code, 2);
    assert.match(stderr, /needs a token verifier/);
    assert.doesNotMatch(stdout, /doorstroom server: http/);
  });
});

describe('doorstroom-conformance', () => {
  it('prints the pass/fail table for a backend over HTTP and exits 0 when all pass', async () => {
    const backend = createMemoryBackend();
    // The memory backend's handler behind a real socket, under /api/ as its base URL expects.
    const server = createServer(async (req, res) => {
      const request = toRequest(req, await readBody(req, 512 * 1024));
      const url = new URL(request.url);
      await sendResponse(res, await backend.handler(new Request(new URL(url.pathname + url.search, backend.baseUrl), request)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(join(tmpdir(), 'doorstroom-tokens-'));
    try {
      const tokens = join(dir, 'tokens.json');
      writeFileSync(tokens, JSON.stringify(exampleTokens));
      const { port } = server.address() as AddressInfo;
      const { code, stdout } = await run('doorstroom-conformance', ['--base-url', `http://127.0.0.1:${port}/api/`, '--tokens', tokens, '--skip-matrix']);
      assert.match(stdout, /^group\s+check\s+result/m);
      assert.match(stdout, /versions\s+concurrent saves of one version: exactly one wins, the others get 409\s+PASS/);
      assert.doesNotMatch(stdout, /refusals of 10 actions/, '--skip-matrix leaves the matrix out');
      assert.match(stdout, /^\d+ passed, 0 failed/m);
      assert.equal(code, 0);

      writeFileSync(tokens, JSON.stringify({ ...exampleTokens, mbo: undefined }));
      const incomplete = await run('doorstroom-conformance', ['--base-url', `http://127.0.0.1:${port}/api/`, '--tokens', tokens]);
      assert.equal(incomplete.code, 2);
      assert.match(incomplete.stderr, /lacks: mbo/);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
