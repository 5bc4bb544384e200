// The server as published (issue 14, part 5): the repository's Dockerfile, run step by step as it
// is written (parsed from the file, so the two cannot drift) without a docker daemon: the build
// stage compiles the SDK and the server with tsc and packs both tarballs; the install stage
// installs them in an empty directory with production dependencies only; the last stage's CMD
// starts the server with plain node (no tsx anywhere), and its HEALTHCHECK passes. Then SIGTERM
// during a slow request: the request completes, new connections are refused, the process exits 0.
//
// One step is not run as written: `npm ci` of the build stage. npm test runs after `npm ci` of this
// same lock file, so the build directory links that install (with @doorstroom/* pointing at the
// build directory's own packages) instead of downloading it again.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshPgliteDir } from '../src/testing/pglite-template.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}
interface Stage {
  name: string;
  base: string;
  steps: Instruction[];
}

/** The Dockerfile's stages and their instructions (line continuations joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!.trim()}`;
    line = line.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [, keyword, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (!keyword || args === undefined) throw new Error(`Dockerfile line ${start + 1}: cannot read ${JSON.stringify(line)}`);
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim(), line: start + 1 };
    if (instruction.keyword === 'FROM') {
      const [, base, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args) ?? [];
      stages.push({ name: name ?? `stage-${stages.length}`, base: base!, steps: [] });
    } else {
      if (!stages.length) throw new Error(`Dockerfile line ${start + 1}: ${keyword} before FROM`);
      stages.at(-1)!.steps.push(instruction);
    }
  }
  return stages;
}

/** Shell form, or the JSON exec form. */
const execForm = (args: string): string[] | undefined => (args.startsWith('[') ? (JSON.parse(args) as string[]) : undefined);

/** Paths in the build context: the repository's files (tracked, and new ones git does not ignore), less what .dockerignore leaves out. */
function contextFiles(): string[] {
  const ignore = readFileSync(join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map(
      (pattern) =>
        new RegExp(
          `^${pattern
            .replace(/\/$/, '')
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*\//g, '(?:.*/)?')
            .replace(/\*/g, '[^/]*')}(?:/|$)`,
        ),
    );
  const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  return tracked.filter((file) => existsSync(join(root, file)) && !ignore.some((pattern) => pattern.test(file)));
}

/** What `npm ci` would make in `dir`: the workspace's node_modules, with @doorstroom/* pointing at dir's own packages. */
function linkInstall(dir: string) {
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@doorstroom'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '@doorstroom') continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
  for (const pkg of readdirSync(join(root, 'node_modules', '@doorstroom'))) symlinkSync(join(dir, 'packages', pkg), join(modules, '@doorstroom', pkg));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function get(url: string, token?: string): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: token ? { Authorization: `Bearer ${token}` } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ...(res.headers.connection ? { connection: res.headers.connection } : {}) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Node 24 (the image's base) is the node running these tests: its directory first on PATH, and nothing that would load tsx. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
    HOME: process.env['HOME'] ?? tmpdir(),
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
    ...extra,
  };
  return env;
}

describe('the Dockerfile, step by step without docker: build, install from the tarballs, run with plain node', { timeout: 1_200_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'doorstroom-docker-'));
  let child: ChildProcess | undefined;
  after(() => {
    child?.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  const stages = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
  /** Each stage's filesystem root, in the temp dir. */
  const stageRoot = (name: string) => join(work, name);
  const inStage = (stage: string, path: string) => join(stageRoot(stage), path);
  const final = stages.at(-1)!;
  const finalEnv: Record<string, string> = {};
  let finalWorkdir = '';

  it('has a build stage on Node 24 and runs as an unprivileged user', () => {
    assert.ok(stages.length >= 2, 'multi-stage');
    for (const stage of stages) assert.match(stage.base, /^node:24[.-]/, `${stage.name} is based on Node 24`);
    assert.deepEqual(
      final.steps.filter((s) => s.keyword === 'USER').map((s) => s.args),
      ['node'],
    );
    assert.ok(final.steps.some((s) => s.keyword === 'HEALTHCHECK'));
  });

  it('runs every stage as written', () => {
    for (const stage of stages) {
      let cwd = stageRoot(stage.name);
      const env: Record<string, string> = {};
      mkdirSync(cwd, { recursive: true });
      for (const step of stage.steps) {
        const where = `Dockerfile line ${step.line} (${step.keyword} ${step.args.slice(0, 60)})`;
        switch (step.keyword) {
          case 'WORKDIR':
            assert.ok(step.args.startsWith('/'), where);
            cwd = inStage(stage.name, step.args);
            mkdirSync(cwd, { recursive: true });
            break;
          case 'ENV': {
            const [, name, value] = /^([A-Z_][A-Z0-9_]*)=(\S+)$/.exec(step.args) ?? [];
            assert.ok(name && value, `${where}: one NAME=value per ENV`);
            // Absolute paths in the image are paths in this stage's directory here.
            env[name] = value.startsWith('/') ? inStage(stage.name, value) : value;
            break;
          }
          case 'COPY': {
            const from = /^--from=(\S+)\s+(\S+)\s+(\S+)$/.exec(step.args);
            if (from) {
              const [, source, src, dest] = from;
              assert.ok(src!.startsWith('/'), where);
              cpSync(inStage(source!, src!), join(cwd, dest!), { recursive: true });
            } else {
              assert.equal(step.args, '. .', `${where}: the build context goes in whole`);
              for (const file of contextFiles()) {
                mkdirSync(dirname(join(cwd, file)), { recursive: true });
                cpSync(join(root, file), join(cwd, file));
              }
            }
            break;
          }
          case 'RUN': {
            assert.ok(!/(^|\s)\/(?!dev\/null)/.test(step.args), `${where}: paths relative to WORKDIR only`);
            if (/^npm ci(\s|$)/.test(step.args)) {
              linkInstall(cwd);
              break;
            }
            const started = Date.now();
            const result = spawnSync('sh', ['-c', step.args], { cwd, env: cleanEnv(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
            assert.equal(result.status, 0, `${where} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
            console.log(`${where}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
            break;
          }
          case 'USER':
          case 'EXPOSE':
          case 'HEALTHCHECK':
          case 'CMD':
          case 'LABEL':
            break;
          default:
            assert.fail(`${where}: this test does not know how to run ${step.keyword}; teach it before using it`);
        }
      }
      if (stage === final) {
        Object.assign(finalEnv, env);
        finalWorkdir = cwd;
      }
    }
    // What the image holds: the compiled server, no TypeScript sources, no tsx.
    const installed = join(finalWorkdir, 'node_modules');
    assert.ok(existsSync(join(installed, '@doorstroom/server/dist/cli/server.js')));
    assert.ok(existsSync(join(installed, '@doorstroom/sdk/dist/index.js')));
    assert.ok(!existsSync(join(installed, '@doorstroom/server/src')), 'no sources in the package');
    assert.ok(!existsSync(join(installed, 'tsx')), 'tsx is not installed');
    assert.ok(existsSync(finalEnv['DOORSTROOM_BUNDLE']!), 'the script-tag bundle');
    assert.ok(existsSync(join(dirname(finalEnv['DOORSTROOM_BUNDLE']!), 'ddd-consent.min.js')), "the consent page's script, <ddd-consent>'s own file, beside it");
    for (const code of ['en', 'ar', 'tr', 'uk', 'pl']) assert.ok(existsSync(join(dirname(finalEnv['DOORSTROOM_BUNDLE']!), 'lang', `${code}.js`)), `its language file lang/${code}.js beside it`);
  });

  it('the package imports with plain node from dist', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('@doorstroom/server'); const at = import.meta.resolve('@doorstroom/server'); if (!at.includes('/dist/') || typeof m.startServer !== 'function' || typeof m.runConformance !== 'function') throw new Error(at);",
      ],
      { cwd: finalWorkdir, env: cleanEnv({}), encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
  });

  it('CMD starts it with plain node; HEALTHCHECK passes; SIGTERM lets a slow request finish, refuses new connections and exits 0', async () => {
    const cmd = execForm(final.steps.find((s) => s.keyword === 'CMD')!.args)!;
    assert.equal(cmd[0], 'node');
    const port = await freePort();
    // A token verifier of the region's own, in plain JavaScript: "slow" takes a while, then nobody.
    const verifier = join(work, 'verify-token.mjs');
    writeFileSync(verifier, "export default async (token) => { if (token === 'slow') await new Promise((r) => setTimeout(r, 1500)); return null; };\n");
    const dataDir = await freshPgliteDir();
    const env = cleanEnv({ ...finalEnv, PORT: String(port), HOST: '127.0.0.1', DOORSTROOM_DATA_DIR: dataDir, DOORSTROOM_VERIFIER: verifier, DOORSTROOM_RETENTION_JOB: 'false' });
    let output = '';
    child = spawn(process.execPath, cmd.slice(1), { cwd: finalWorkdir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 180_000;
      while (!/doorstroom server: http:\/\/127\.0\.0\.1:\d+\/api\//.test(output)) {
        assert.ok(Date.now() < deadline && child.exitCode === null, `did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.match(output, /production mode: sign-in through DOORSTROOM_VERIFIER/);
      const healthcheck = execForm(/CMD\s+(\[.*\])$/.exec(final.steps.find((s) => s.keyword === 'HEALTHCHECK')!.args)![1]!)!;
      const probe = spawnSync(process.execPath, healthcheck.slice(1), { env, encoding: 'utf8' });
      assert.equal(probe.status, 0, `HEALTHCHECK: ${probe.stderr}`);
      assert.equal((await get(`http://127.0.0.1:${port}/readyz`)).status, 200);
      // The guardians' consent page, in every language: its texts from the package, the bundle's language files beside the bundle.
      for (const path of ['toestemming/', 'toestemming/consent-page-texts.js', 'toestemming/ddd-consent.min.js', 'toestemming/lang/tr.js', 'toestemming/lang/ar.js']) {
        assert.equal((await get(`http://127.0.0.1:${port}/${path}`)).status, 200, path);
      }

      const slow = get(`http://127.0.0.1:${port}/api/admin/summary`, 'slow');
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGTERM');
      const deadlineRefused = Date.now() + 5000;
      let refused = false;
      while (!refused && Date.now() < deadlineRefused) {
        refused = await get(`http://127.0.0.1:${port}/healthz`).then(
          () => false,
          (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
        );
        if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(refused, 'new connections are refused while stopping');
      const answer = await slow;
      assert.equal(answer.status, 401, 'the slow request got its answer');
      assert.equal(await exited, 0, output);
      assert.match(output, /SIGTERM: stopping/);
      assert.match(output, /\nstopped\n/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
    assert.equal(relative(root, finalWorkdir).startsWith('..'), true, 'ran outside the repository');
  });
});
