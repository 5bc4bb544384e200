// The reference server's HTTP layer against a hostile web: the dev routes refuse other sites, rate
// limits that rotating tokens and X-Forwarded-For cannot dodge, unknown methods, security headers.
// Over real sockets (node:http), since fetch neither sends TRACE nor lets a test choose Host or Origin.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer, type StartServerOptions } from '../src/server.js';
import { removeDir, startTestServer } from './helpers.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request over node:http; `path` is relative to the server's origin. */
function call(server: { url: string }, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
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
      for (const [method, path] of [['GET', 'api/dev/accounts'], ['GET', 'api/dev/outbox'], ['POST', 'api/dev/reset']] as const) {
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
      const sameOrigin = [
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
});
