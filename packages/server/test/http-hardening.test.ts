// The reference server's HTTP layer against a hostile web: the dev routes refuse other sites, rate
// limits that rotating tokens and X-Forwarded-For cannot dodge, unknown methods, security headers.
// Over real sockets (node:http), since fetch neither sends TRACE nor lets a test choose Host or Origin.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultRateLimit, startServer, type RunningServer, type StartServerOptions } from '../src/server.js';
import { removeDir, startTestServer } from './helpers.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request over node:http; `path` is relative to the server's origin. */
function call(server: { url: string }, method: string, path: string, headers: Record<string, string | string[]> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, `${server.url}/`), { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('HTTP hardening', () => {
  let dev: TestServer;
  const others: RunningServer[] = [];
  /** Another server over the same database (closed after the suite). */
  const alsoStart = async (options: StartServerOptions) => {
    const running = await startServer({ port: 0, db: dev.db, logger: false, outboxIntervalMs: 60_000, nodeEnv: 'test', ...options });
    others.push(running);
    return running;
  };

  before(async () => {
    dev = await startTestServer();
  });
  after(async () => {
    for (const server of others) await server.close();
    await dev?.close();
    removeDir(dev?.dataDir);
  });

  describe('dev routes', () => {
    const dossierIds = async () => (JSON.parse((await call(dev, 'GET', 'api/dossiers', bearer('student-noor'))).body) as { items: { id: string }[] }).items.map((d) => d.id).sort();

    it('exist only in dev mode: elsewhere 404 problem+json, as any unknown route', async () => {
      const verifier = async () => null;
      const production = await alsoStart({ verifier });
      for (const [method, path] of [
        ['GET', 'api/dev/accounts'],
        ['GET', 'api/dev/outbox'],
        ['POST', 'api/dev/reset'],
      ] as const) {
        const answer = await call(production, method, path, { Origin: production.url });
        assert.equal(answer.status, 404, `${method} ${path}`);
        assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
      }
    });

    it('refuse a POST /dev/reset from a page on another site with 403 problem+json, and it changes nothing', async () => {
      const created = await call(dev, 'POST', 'api/dossiers', { ...bearer('student-noor'), 'Content-Type': 'application/json' }, JSON.stringify({ type: 'werk-mbo' }));
      assert.equal(created.status, 201);
      const before = await dossierIds();
      assert.ok(before.length > 1, 'a dossier beside the example data');
      const crossSite: Record<string, string>[] = [
        { Origin: 'http://evil.example' },
        { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' },
        { 'Sec-Fetch-Site': 'cross-site' },
        { 'Sec-Fetch-Site': 'same-site' },
        { Origin: 'null' },
        // A page on another localhost port (Storybook, another dev server) is another origin too.
        { Origin: 'http://localhost:6006', 'Sec-Fetch-Site': 'same-site' },
        { Origin: dev.url.replace(/:\d+$/, ':1') },
        // DNS rebinding: evil.example resolves to this server, so Origin and Host agree; the Host is not ours.
        { Host: `evil.example:${dev.port}`, Origin: `http://evil.example:${dev.port}`, 'Sec-Fetch-Site': 'same-origin' },
      ];
      for (const headers of crossSite) {
        const answer = await call(dev, 'POST', 'api/dev/reset', headers);
        assert.equal(answer.status, 403, JSON.stringify(headers));
        assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
        assert.equal((JSON.parse(answer.body) as { status: number }).status, 403);
      }
      assert.deepEqual(await dossierIds(), before, 'no reset happened');
      for (const path of ['api/dev/accounts', 'api/dev/outbox']) {
        assert.equal((await call(dev, 'GET', path, { Origin: 'http://evil.example' })).status, 403, path);
        assert.equal((await call(dev, 'GET', path, { 'Sec-Fetch-Site': 'cross-site' })).status, 403, path);
      }
    });

    it('answer the demo portal on the same origin (as Chromium sends it) and requests from no page at all', async () => {
      const port = dev.port;
      const sameOrigin: { method: string; path: string; headers: Record<string, string> }[] = [
        // fetch('/api/dev/accounts') from the portal: no Origin on a same-origin GET.
        { method: 'GET', path: 'api/dev/accounts', headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' } },
        { method: 'GET', path: 'api/dev/outbox', headers: { 'Sec-Fetch-Site': 'same-origin' } },
        // The portal opened as http://localhost:PORT/ rather than 127.0.0.1.
        { method: 'GET', path: 'api/dev/accounts', headers: { Host: `localhost:${port}`, Origin: `http://localhost:${port}`, 'Sec-Fetch-Site': 'same-origin' } },
        // curl, a script, the address bar.
        { method: 'GET', path: 'api/dev/accounts', headers: {} },
        { method: 'GET', path: 'api/dev/accounts', headers: { 'Sec-Fetch-Site': 'none' } },
      ];
      for (const { method, path, headers } of sameOrigin) assert.equal((await call(dev, method, path, headers)).status, 200, JSON.stringify(headers));
      // "Demo opnieuw beginnen": a same-origin POST carries the page's Origin.
      const reset = await call(dev, 'POST', 'api/dev/reset', { Origin: dev.url, 'Sec-Fetch-Site': 'same-origin' });
      assert.equal(reset.status, 200);
      assert.deepEqual(await dossierIds(), ['dossier-noor'], 'the reset brought back the example data');
    });
  });

  describe('methods', () => {
    const isProblem = (answer: Answer, what: string) => {
      assert.match(String(answer.headers['content-type']), /^application\/problem\+json/, what);
      assert.equal((JSON.parse(answer.body) as { status: number }).status, 405, what);
    };

    it('TRACE, PROPFIND and other methods the server does not know answer 405 problem+json with Allow, on the API and beside it', async () => {
      for (const [method, path] of [
        ['TRACE', 'api/me'],
        ['TRACE', 'api/dossiers/dossier-noor'],
        ['TRACE', ''],
        ['PROPFIND', 'api/me'],
        ['PROPFIND', 'api/nothing-here'],
        ['PROPFIND', 'index.html'],
        ['MKCOL', 'api/dossiers'],
        ['LOCK', 'api/dev/reset'],
        ['PURGE', 'api/config'],
      ] as const) {
        const answer = await call(dev, method, path, bearer('student-noor'));
        assert.equal(answer.status, 405, `${method} /${path}`);
        isProblem(answer, `${method} /${path}`);
        assert.match(String(answer.headers['allow']), path.startsWith('api/') ? /^GET, POST, PATCH, OPTIONS$/ : /^GET, HEAD$/, `${method} /${path}`);
      }
      // Methods the server knows keep their answers: a route's own 405 and Allow, the preflight.
      const put = await call(dev, 'PUT', 'api/me', bearer('student-noor'));
      assert.equal(put.status, 405);
      assert.equal(put.headers['allow'], 'GET');
      assert.equal((await call(dev, 'OPTIONS', 'api/me')).status, 204);
      assert.equal((await call(dev, 'GET', 'api/me', bearer('student-noor'))).status, 200);
    });

    it('CONNECT on a path answers 405 problem+json with Allow instead of dropping the connection', async () => {
      for (const target of ['/api/me', '/index.html', `127.0.0.1:${dev.port}`]) {
        const raw = await new Promise<string>((resolve, reject) => {
          const socket = connect(dev.port, '127.0.0.1', () => socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: 127.0.0.1:${dev.port}\r\n\r\n`));
          let text = '';
          socket.setEncoding('utf8');
          socket.on('data', (chunk: string) => (text += chunk));
          socket.on('end', () => resolve(text));
          socket.on('error', reject);
        });
        const [head = '', body = ''] = raw.split('\r\n\r\n');
        assert.match(head, /^HTTP\/1\.1 405 /, `CONNECT ${target}: ${JSON.stringify(raw)}`);
        assert.match(head, /\r\nContent-Type: application\/problem\+json/i);
        assert.match(head, target.startsWith('/api/') ? /\r\nAllow: GET, POST, PATCH, OPTIONS\r\n/ : /\r\nAllow: GET, HEAD\r\n/);
        assert.equal((JSON.parse(body) as { status: number }).status, 405);
      }
    });
  });

  describe('security headers', () => {
    const directives = (answer: Answer) =>
      new Set(
        String(answer.headers['content-security-policy'] ?? '')
          .split(';')
          .map((d) => d.trim().replace(/\s+/g, ' ')),
      );
    let site = '';
    let withStatic: RunningServer;
    before(async () => {
      site = mkdtempSync(join(tmpdir(), 'doorstroom-static-'));
      writeFileSync(join(site, 'index.html'), '<!doctype html><title>Demo</title><script type="module" src="./app.js"></script>');
      writeFileSync(join(site, 'app.js'), 'document.title = "ok";');
      withStatic = await alsoStart({ dev: true, staticDir: site });
    });
    after(() => removeDir(site));

    it('a static HTML page (staticDir) and every other response beside the API carry CSP, Referrer-Policy, nosniff and X-Frame-Options', async () => {
      const page = await call(withStatic, 'GET', '');
      assert.equal(page.status, 200);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      for (const answer of [
        page,
        await call(withStatic, 'GET', 'index.html'),
        await call(withStatic, 'HEAD', ''),
        await call(withStatic, 'GET', 'app.js'),
        await call(withStatic, 'GET', 'nothing-here.html'),
        await call(dev, 'GET', 'index.html'),
        await call(withStatic, 'TRACE', ''),
      ]) {
        const policy = directives(answer);
        for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'"])
          assert.ok(policy.has(directive), `${answer.status}: ${directive} in ${answer.headers['content-security-policy']}`);
        assert.ok(![...policy].some((d) => /unsafe-inline|unsafe-eval|\*/.test(d)), 'nothing inline, no eval, no wildcard');
        assert.equal(answer.headers['referrer-policy'], 'no-referrer');
        assert.equal(answer.headers['x-content-type-options'], 'nosniff');
        assert.equal(answer.headers['x-frame-options'], 'DENY');
      }
    });

    it('API responses keep nosniff and no-store and also get Referrer-Policy, whatever their status', async () => {
      const answers = [
        await call(withStatic, 'GET', 'api/me', bearer('student-noor')),
        await call(withStatic, 'GET', 'api/me'),
        await call(withStatic, 'GET', 'api/nothing-here', bearer('student-noor')),
        await call(withStatic, 'OPTIONS', 'api/me', { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'GET' }),
        await call(withStatic, 'POST', 'api/dev/reset', { Origin: 'http://evil.example' }),
        await call(withStatic, 'TRACE', 'api/me'),
      ];
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 401, 404, 204, 403, 405],
      );
      for (const answer of answers) {
        assert.equal(answer.headers['referrer-policy'], 'no-referrer', String(answer.status));
        assert.equal(answer.headers['x-content-type-options'], 'nosniff', String(answer.status));
        assert.ok(directives(answer).has("frame-ancestors 'none'"), String(answer.status));
        if (answer.status !== 204) assert.equal(answer.headers['cache-control'], 'no-store', String(answer.status));
      }
    });
  });

  describe('rate limits', () => {
    const statuses = (answers: Answer[]) => answers.map((a) => a.status);
    const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;
    const each = async (n: number, send: (i: number) => Promise<Answer>) => {
      const answers: Answer[] = [];
      for (let i = 0; i < n; i++) answers.push(await send(i));
      return answers;
    };

    it('300 requests with 300 different junk tokens from one address get 429s (default limits)', async () => {
      const server = await alsoStart({ dev: true, rateLimit: defaultRateLimit });
      assert.equal((await call(server, 'GET', 'api/me', bearer('student-noor'))).status, 200, 'Noor signs in first');
      const answers = await each(300, (i) => call(server, 'GET', 'api/me', bearer(`junk-${i}-${Math.random().toString(36).slice(2)}`)));
      assert.deepEqual(statuses(answers.slice(0, 20)), Array(20).fill(401), 'the first failed sign-ins are answered');
      assert.ok(count(answers, 429) >= 250, `only ${count(answers, 429)} of 300 were limited: ${statuses(answers).join(' ')}`);
      assert.equal(count(answers, 200), 0);
      const limited = answers.find((a) => a.status === 429)!;
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      assert.match(String(limited.headers['content-type']), /^application\/problem\+json/);
      assert.equal((await call(server, 'GET', 'api/me', bearer('student-noor'))).status, 200, 'a token that signed in before is not locked out by the junk from its address');
    });

    it('rotating X-Forwarded-For values do not reset the limit: behind a trusted proxy the address is the entry it appended', async () => {
      const behindProxy = await alsoStart({ dev: true, trustProxy: true, rateLimit: { burst: 5, perSecond: 0.001 } });
      // The client sends any X-Forwarded-For it likes; our proxy appends the address it saw (198.51.100.7).
      const rotating = await each(8, (i) => call(behindProxy, 'GET', 'api/dev/accounts', { 'X-Forwarded-For': `203.0.113.${i}, 198.51.100.7` }));
      assert.deepEqual(statuses(rotating), [200, 200, 200, 200, 200, 429, 429, 429]);
      // The client's own header line, and the proxy's line after it: still the proxy's entry.
      const twoLines = await call(behindProxy, 'GET', 'api/dev/accounts', { 'X-Forwarded-For': ['203.0.113.50', '198.51.100.7'] });
      assert.equal(twoLines.status, 429, 'two header lines: the last entry counts');
      assert.equal((await call(behindProxy, 'GET', 'api/dev/accounts', { 'X-Forwarded-For': '203.0.113.9, 198.51.100.8' })).status, 200, 'another client behind the proxy has its own bucket');

      const direct = await alsoStart({ dev: true, rateLimit: { burst: 5, perSecond: 0.001 } });
      const ignored = await each(8, (i) => call(direct, 'GET', 'api/dev/accounts', { 'X-Forwarded-For': `203.0.113.${i}` }));
      assert.deepEqual(statuses(ignored), [200, 200, 200, 200, 200, 429, 429, 429], 'without trustProxy X-Forwarded-For is ignored');
    });

    it('every request counts against its client address, so rotating valid tokens is limited too', async () => {
      const server = await alsoStart({ dev: true, rateLimit: { burst: 100, perSecond: 0.001, perAddress: { burst: 10, perSecond: 0.001 } } });
      const tokens = ['student-noor', 'student-lisa', 'student-mohammed', 'student-emma', 'student-sam', 'mentor-de-vries', 'mentor-yilmaz', 'guardian-el-idrissi'];
      const answers = await each(14, (i) => call(server, 'GET', 'api/me', bearer(tokens[i % tokens.length]!)));
      assert.deepEqual(statuses(answers), [...Array(10).fill(200), ...Array(4).fill(429)]);
    });

    it('a signed-in user under the limits is not hit, while another address behind the same proxy floods junk tokens (default limits)', async () => {
      const server = await alsoStart({ dev: true, trustProxy: true, rateLimit: defaultRateLimit });
      const attacker = { 'X-Forwarded-For': '198.51.100.66' };
      const user = { 'X-Forwarded-For': '10.1.2.3, 198.51.100.7' };
      const flood = await each(150, (i) => call(server, 'GET', 'api/me', { ...attacker, ...bearer(`junk-${i}`) }));
      assert.ok(count(flood, 429) > 100);
      const work = await each(80, (i) => call(server, 'GET', i % 2 ? 'api/me' : 'api/dossiers', { ...user, ...bearer('student-lisa') }));
      assert.deepEqual(statuses(work), Array(80).fill(200));
    });
  });
});
