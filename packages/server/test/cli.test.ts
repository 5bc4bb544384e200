// The two command-line tools as a person runs them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { optionsFromEnv } from '../src/config.js';
import { exampleTokens } from '../src/conformance/index.js';
import { readBody, sendResponse, toRequest } from '../src/http/node-adapter.js';
import { createMemoryBackend } from '../src/sdk.js';
import { freshDataDir, removeDir } from './helpers.js';

const bin = (name: string) => fileURLToPath(new URL(`../bin/${name}.mjs`, import.meta.url));

/** The server's own settings are cleared, so the developer's shell cannot change what a test sees. */
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|PORT|HOST|DATABASE_URL|DOORSTROOM_.*)$/.test(name)));

/** Where a server that wrongly starts would put its PGlite (never the workspace's .doorstroom-data). */
const strayDataDir = join(tmpdir(), `doorstroom-cli-test-${process.pid}`);
after(() => rmSync(strayDataDir, { recursive: true, force: true }));

/** Runs a tool to its end; one that is still running after `timeoutMs` is stopped (code null). */
function run(name: string, args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin(name), ...args], { env: { ...cleanEnv(), DOORSTROOM_DATA_DIR: strayDataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts doorstroom-server, waits for its start line, and hands back the API URL and a stop that returns the exit code. */
async function startCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin('doorstroom-server'), ...args], { env: { ...cleanEnv(), PORT: '0', DOORSTROOM_LOG: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line within 120 s: ${stdout} ${stderr}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const found = /^doorstroom server: .*$/m.exec(stdout);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before starting: ${stderr}`)));
  });
  const apiUrl = /http:\/\/\S+\/api\//.exec(line)![0];
  return {
    line,
    apiUrl,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('doorstroom-server', () => {
  it('refuses to start with NODE_ENV=production and no verifier', async () => {
    const { code, stderr, stdout } = await run('doorstroom-server', [], { NODE_ENV: 'production', DOORSTROOM_VERIFIER: '', PORT: '0' });
    assert.equal(code, 2);
    assert.match(stderr, /sign-in is not configured[\s\S]*DOORSTROOM_OIDC_ISSUER/);
    assert.doesNotMatch(stdout, /doorstroom server: http/);
  });

  it('without --dev and without a verifier refuses to start (exit 2), and says how to start the demo or configure sign-in', async () => {
    // No NODE_ENV at all: this used to start in dev mode with the demo tokens.
    const { code, stderr, stdout } = await run('doorstroom-server', [], { PORT: '0' }, 20_000);
    assert.equal(code, 2, `exit code; stdout: ${stdout}`);
    assert.doesNotMatch(stdout, /doorstroom server: http/);
    assert.match(stderr, /DOORSTROOM_VERIFIER/);
    assert.match(stderr, /npx doorstroom-server --dev/);
    assert.match(stderr, /DOORSTROOM_DEV=true/);
  });

  it('refuses --dev and DOORSTROOM_DEV=true when NODE_ENV is production, verifier or not', async () => {
    for (const [args, env] of [
      [['--dev'], { NODE_ENV: 'production' }],
      [[], { NODE_ENV: 'production', DOORSTROOM_DEV: 'true' }],
    ] as const) {
      const { code, stderr, stdout } = await run('doorstroom-server', [...args], { PORT: '0', ...env }, 20_000);
      assert.equal(code, 2, `${args.join(' ')} ${JSON.stringify(env)}`);
      assert.match(stderr, /Dev mode .*not allowed with NODE_ENV=production/);
      assert.doesNotMatch(stdout, /doorstroom server: http|Opening PGlite/);
    }
  });

  it('refuses an unknown flag and a DOORSTROOM_DEV that is neither true nor false', async () => {
    const unknown = await run('doorstroom-server', ['--devv'], { PORT: '0' }, 20_000);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--devv[\s\S]*usage: doorstroom-server \[--dev\]/);
    const odd = await run('doorstroom-server', [], { PORT: '0', DOORSTROOM_DEV: '1' }, 20_000);
    assert.equal(odd.code, 2);
    assert.match(odd.stderr, /DOORSTROOM_DEV must be true or false/);
  });

  it('starts in dev mode with --dev only, says so in its start line, and serves the demo tokens', async () => {
    const dataDir = await freshDataDir();
    try {
      const server = await startCli(['--dev'], { DOORSTROOM_DATA_DIR: dataDir });
      try {
        assert.match(server.line, /^doorstroom server: http:\/\/127\.0\.0\.1:\d+\/api\/ \(pglite, dev mode: demo tokens\b/);
        assert.equal((await fetch(new URL('me', server.apiUrl), { headers: { Authorization: 'Bearer student-noor' } })).status, 200);
        assert.equal((await fetch(new URL('dev/accounts', server.apiUrl))).status, 200);
      } finally {
        assert.equal(await server.stop(), 0);
      }
    } finally {
      removeDir(dataDir);
    }
  });

  it('with a verifier and no --dev starts in production mode, says so, and has neither demo tokens nor dev routes', async () => {
    const dataDir = await freshDataDir();
    const dir = mkdtempSync(join(tmpdir(), 'doorstroom-verifier-'));
    const verifier = join(dir, 'verify-token.mjs');
    // The verifier says who holds the token (a login); the person is provisioned with doorstroom-admin first.
    writeFileSync(verifier, "export default async (token) => (token === 'portal-jwt-sanne' ? { login: 'sanne.bakker@leerling.hetplein.example' } : null);\n");
    try {
      for (const [file, args] of [
        ['regio.json', []],
        ['leerlingen.csv', ['--school', 'vmbo-het-plein']],
      ] as const) {
        const imported = await run('doorstroom-admin', ['import', fileURLToPath(new URL(`../examples/${file}`, import.meta.url)), ...args], { DOORSTROOM_DATA_DIR: dataDir });
        assert.equal(imported.code, 0, imported.stderr);
      }
      const server = await startCli([], { DOORSTROOM_DATA_DIR: dataDir, DOORSTROOM_VERIFIER: verifier, HOST: '127.0.0.1' });
      try {
        assert.match(server.line, /\(pglite, production mode\b/);
        assert.doesNotMatch(server.line, /dev mode/);
        const me = (token: string) => fetch(new URL('me', server.apiUrl), { headers: { Authorization: `Bearer ${token}` } });
        assert.equal((await me('portal-jwt-sanne')).status, 200);
        assert.equal((await me('student-noor')).status, 401, 'no example data in production');
        assert.equal((await fetch(new URL('dev/accounts', server.apiUrl))).status, 404);
      } finally {
        assert.equal(await server.stop(), 0);
      }
    } finally {
      removeDir(dataDir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('doorstroom-admin', () => {
  const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

  it('imports the example region and school exports, reports a dry run, and refuses bad files with their lines and exit code 1', async () => {
    const dataDir = await freshDataDir();
    const dir = mkdtempSync(join(tmpdir(), 'doorstroom-admin-'));
    const admin = (args: string[]) => run('doorstroom-admin', args, { DOORSTROOM_DATA_DIR: dataDir });
    try {
      const region = await admin(['import', example('regio.json')]);
      assert.equal(region.code, 0, region.stderr);
      assert.match(region.stdout, /^Import klaar\./);
      assert.match(region.stdout, /\| scholen \| 2 \| 0 \| 0 \| 0 \| 0 \|/);
      const dry = await admin(['import', example('leerlingen.csv'), '--school', 'vmbo-het-plein', '--dry-run']);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /^Proefimport: er is niets veranderd\./);
      assert.match(dry.stdout, /\| leerlingen \| 6 \| 0 \| 0 \| 0 \| 0 \|/);
      const summary = await admin(['summary', '--json']);
      assert.equal((JSON.parse(summary.stdout) as { counts: { students: { active: number } } }).counts.students.active, 0, 'the dry run wrote nothing');

      const bad = join(dir, 'leerlingen.csv');
      writeFileSync(bad, 'Leerlingnummer;Naam;E-mailadres;Geboortedatum\n1;Kim;kim@x.example;31-02-2011\n2;Bo;bo@x.example;01-02-2011\n3;Jip;geen-mail;01-02-2011\n');
      const refused = await admin(['import', bad, '--school', 'vmbo-het-plein']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /Het bestand heeft 2 fouten\. Er is niets veranderd\./);
      assert.match(refused.stderr, /regel 2 \(.*\): Deze geboortedatum klopt niet/);
      assert.match(refused.stderr, /regel 4 \(students\.2\.email\): Dit e-mailadres klopt niet\./);

      const huge = join(dir, 'groot.csv');
      writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x61));
      const tooLarge = await admin(['import', huge, '--school', 'vmbo-het-plein']);
      assert.equal(tooLarge.code, 1);
      assert.match(tooLarge.stderr, /te groot \(50\.0 MB; hoogstens 20 MB\)\. Er is niets veranderd\./);
      const latin1 = join(dir, 'latin1.csv');
      writeFileSync(latin1, Buffer.from('Leerlingnummer;Naam;E-mailadres\n1;Jos\xe9;j@x.example\n', 'latin1'));
      assert.match((await admin(['import', latin1, '--school', 'vmbo-het-plein'])).stderr, /niet in UTF-8/);
      assert.equal((await admin(['import'])).code, 2);
      assert.equal((await admin(['import', bad, '--kind', 'docenten'])).code, 2);
      assert.equal((await admin(['import', join(dir, 'bestaat-niet.csv')])).code, 1);
      const after = await admin(['summary', '--json']);
      assert.equal((JSON.parse(after.stdout) as { counts: { students: { active: number } } }).counts.students.active, 0, 'nothing half-imported');
    } finally {
      removeDir(dataDir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('optionsFromEnv', () => {
  it('turns dev mode on for DOORSTROOM_DEV=true only, not for a missing or non-production NODE_ENV', async () => {
    assert.equal((await optionsFromEnv({})).dev, false);
    assert.equal((await optionsFromEnv({ NODE_ENV: 'development' })).dev, false);
    assert.equal((await optionsFromEnv({ NODE_ENV: 'test' })).dev, false);
    assert.equal((await optionsFromEnv({ DOORSTROOM_DEV: 'false' })).dev, false);
    assert.equal((await optionsFromEnv({ DOORSTROOM_DEV: 'true' })).dev, true);
    await assert.rejects(optionsFromEnv({ DOORSTROOM_DEV: 'yes' }), /DOORSTROOM_DEV must be true or false/);
  });

  it('reads the per-token, per-address and failed sign-in limits', async () => {
    assert.equal((await optionsFromEnv({})).rateLimit, undefined, 'the defaults');
    assert.equal((await optionsFromEnv({ DOORSTROOM_RATE_BURST: '0' })).rateLimit, false);
    assert.deepEqual((await optionsFromEnv({ DOORSTROOM_RATE_FAILED_BURST: '5' })).rateLimit, { burst: 100, perSecond: 20, failedSignIns: { burst: 5, perSecond: 1 } });
    assert.deepEqual((await optionsFromEnv({ DOORSTROOM_RATE_BURST: '50', DOORSTROOM_RATE_ADDRESS_PER_SECOND: '0' })).rateLimit, { burst: 50, perSecond: 20, perAddress: false });
    assert.deepEqual((await optionsFromEnv({ DOORSTROOM_RATE_ADDRESS_BURST: '2000' })).rateLimit, { burst: 100, perSecond: 20, perAddress: { burst: 2000, perSecond: 200 } });
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
