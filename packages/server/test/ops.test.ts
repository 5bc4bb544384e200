// Operations (issue 14, part 5): /healthz and /readyz outside the API, Prometheus metrics on
// /metrics (a token on the main port, or a listener of their own), and a graceful stop: a slow
// request under way completes, new connections are refused, the database closes.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { optionsFromEnv } from '../src/config.js';
import { openPglite } from '../src/db.js';
import { stopOnSignals } from '../src/ops/shutdown.js';
import { startServer, type RunningServer } from '../src/server.js';
import { freshDataDir, removeDir, startTestServer } from './helpers.js';

const metricsToken = 'metrics-token-0123456789abcdef';

/** GET on a connection of its own; resolves with status, headers and body, or rejects with the connection error (ECONNREFUSED). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('probes and metrics', () => {
  let server: RunningServer & { dataDir: string };
  before(async () => {
    server = await startTestServer({ metricsToken, metricsPort: 0 });
  });
  after(async () => {
    await server?.close();
    removeDir(server?.dataDir);
  });

  it('/healthz says the process answers; /readyz that the database answers and has every migration', async () => {
    const health = await get(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(JSON.parse(health.body), { status: 'ok' });
    assert.equal(health.headers['cache-control'], 'no-store');
    const ready = await get(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(JSON.parse(ready.body).status, 'ready');

    // A migration this version knows that the database lacks: not ready (503, problem+json).
    const { rows } = await server.db.query<{ id: number; name: string; applied_at: Date }>('SELECT id, name, applied_at FROM schema_migrations ORDER BY id DESC LIMIT 1');
    await server.db.query('DELETE FROM schema_migrations WHERE id = $1', [rows[0]!.id]);
    try {
      const notReady = await get(`${server.url}/readyz`);
      assert.equal(notReady.status, 503);
      assert.match(String(notReady.headers['content-type']), /^application\/problem\+json/);
      assert.match(JSON.parse(notReady.body).detail, /migrations not applied/);
      assert.equal((await get(`${server.url}/healthz`)).status, 200, 'the process still answers');
    } finally {
      await server.db.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [rows[0]!.id, rows[0]!.name, rows[0]!.applied_at]);
    }
    assert.equal((await get(`${server.url}/readyz`)).status, 200);
  });

  it('probes take GET and HEAD only; other methods get 405 problem+json', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const response = await fetch(`${server.url}${path}`, { method: 'POST', body: 'x' });
      assert.equal(response.status, 405, path);
      assert.equal(response.headers.get('allow'), 'GET, HEAD');
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
    assert.equal((await fetch(`${server.url}/healthz`, { method: 'HEAD' })).status, 200);
  });

  it('/metrics on the main port only with the token; request counts and latency by route pattern and status, never ids', async () => {
    // Some traffic: a dossier read by id (its id must not show), an unknown route, a 401.
    const list = (await (await fetch(`${server.apiUrl}dossiers`, { headers: { Authorization: 'Bearer student-noor' } })).json()) as { id: string }[] | { items: { id: string }[] };
    const [dossier] = Array.isArray(list) ? list : list.items;
    assert.equal((await fetch(`${server.apiUrl}dossiers/${dossier!.id}`, { headers: { Authorization: 'Bearer student-noor' } })).status, 200);
    assert.equal((await fetch(`${server.apiUrl}dossiers/${dossier!.id}`)).status, 401);
    assert.equal((await fetch(`${server.apiUrl}no-such-route/secret-word`, { headers: { Authorization: 'Bearer student-noor' } })).status, 404);

    assert.equal((await get(`${server.url}/metrics`)).status, 401);
    assert.equal((await get(`${server.url}/metrics`, { Authorization: 'Bearer wrong-token-0123456789abcdef' })).status, 401);
    const scraped = await get(`${server.url}/metrics`, { Authorization: `Bearer ${metricsToken}` });
    assert.equal(scraped.status, 200);
    assert.match(String(scraped.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const text = scraped.body;
    assert.match(text, /doorstroom_http_requests_total\{method="GET",route="\/api\/dossiers\/:id",status="200"\} 1/);
    assert.match(text, /doorstroom_http_requests_total\{method="GET",route="\/api\/dossiers\/:id",status="401"\} 1/);
    assert.match(text, /doorstroom_http_requests_total\{method="GET",route="\/api\/\(unknown\)",status="404"\} 1/);
    assert.match(text, /doorstroom_http_request_duration_seconds_bucket\{le="0\.5",method="GET",route="\/api\/dossiers",status="200"\} \d+/);
    assert.match(text, /doorstroom_http_request_duration_seconds_count\{method="GET",route="\/api\/dossiers",status="200"\} \d+/);
    assert.ok(!text.includes(dossier!.id) && !text.includes('secret-word') && !text.includes('student-noor'), 'no ids, paths or tokens in the labels');
    assert.match(text, /doorstroom_process_cpu_user_seconds_total/);
    assert.match(text, /doorstroom_database_up 1/);
    assert.match(text, /doorstroom_retention_last_run_timestamp_seconds 0/);
  });

  it('outbox backlog and failures as gauges, read from the database at each scrape', async () => {
    await server.db.query('DELETE FROM outbox');
    const row = (sent: string, attempts: number, next: string) =>
      server.db.query(
        `INSERT INTO outbox (kind, recipient, payload, sent_at, attempts, next_attempt_at, created_at) VALUES ('reminder', '{"role":"student"}', '{}', ${sent}, $1, ${next}, now() - interval '10 minutes')`,
        [attempts],
      );
    await row('NULL', 0, 'now()');
    await row('NULL', 0, 'now()');
    await row('NULL', 3, "now() + interval '5 minutes'");
    await row('NULL', 8, "'infinity'");
    await row('now()', 1, 'now()');
    const text = (await get(`${server.metricsUrl}/metrics`)).body;
    assert.match(text, /doorstroom_outbox_messages\{state="pending"\} 2/);
    assert.match(text, /doorstroom_outbox_messages\{state="retrying"\} 1/);
    assert.match(text, /doorstroom_outbox_messages\{state="given_up"\} 1/);
    const age = Number(/^doorstroom_outbox_oldest_unsent_age_seconds (\S+)$/m.exec(text)?.[1]);
    assert.ok(age >= 590 && age < 3600, `oldest unsent ${age} s`);
    await server.db.query('DELETE FROM outbox');
  });

  it('the metrics listener (DOORSTROOM_METRICS_PORT) serves /metrics, /healthz and /readyz without a token, and nothing else', async () => {
    assert.ok(server.metricsUrl?.startsWith('http://127.0.0.1:'));
    assert.equal((await get(`${server.metricsUrl}/metrics`)).status, 200);
    assert.equal((await get(`${server.metricsUrl}/healthz`)).status, 200);
    assert.equal((await get(`${server.metricsUrl}/readyz`)).status, 200);
    const other = await get(`${server.metricsUrl}/api/dossiers`, { Authorization: 'Bearer student-noor' });
    assert.equal(other.status, 404);
    assert.match(String(other.headers['content-type']), /^application\/problem\+json/);
  });

  it('without a token configured, /metrics on the main port is 404 like any unknown path', async () => {
    const plain = await startTestServer({ dataDir: server.dataDir, db: server.db });
    try {
      const response = await get(`${plain.url}/metrics`, { Authorization: `Bearer ${metricsToken}` });
      assert.equal(response.status, 404);
      assert.equal((await get(`${plain.url}/healthz`)).status, 200);
    } finally {
      await plain.close();
    }
  });

  it('the environment configures them; a weak token refuses to start', async () => {
    const options = await optionsFromEnv({
      DOORSTROOM_DEV: 'true',
      DOORSTROOM_METRICS_TOKEN: metricsToken,
      DOORSTROOM_METRICS_PORT: '9464',
      DOORSTROOM_METRICS_HOST: '10.0.0.5',
      DOORSTROOM_SHUTDOWN_TIMEOUT: '25',
    });
    assert.deepEqual([options.metricsToken, options.metricsPort, options.metricsHost, options.shutdownTimeoutMs], [metricsToken, 9464, '10.0.0.5', 25_000]);
    await assert.rejects(optionsFromEnv({ DOORSTROOM_METRICS_TOKEN: 'short' }), /at least 16 characters/);
    await assert.rejects(optionsFromEnv({ DOORSTROOM_METRICS_PORT: 'http' }), /DOORSTROOM_METRICS_PORT must be a whole number/);
  });
});

describe('graceful shutdown', () => {
  it('a slow request under way completes; new connections are refused meanwhile; /readyz says 503 on the open connection; the database closes', async () => {
    const dataDir = await freshDataDir();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (arrived = resolve));
    const server = await startServer({
      port: 0,
      dev: true,
      nodeEnv: 'test',
      logger: false,
      rateLimit: false,
      dataDir,
      shutdownTimeoutMs: 30_000,
      fallback: async (req, res) => {
        if (req.url !== '/slow') return void res.writeHead(404).end();
        arrived();
        await gate;
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('finished');
      },
    });
    try {
      const slow = get(`${server.url}/slow`);
      await inside;
      let closed = false;
      const closing = server.close().then(() => (closed = true));
      await assert.rejects(get(`${server.url}/healthz`), (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED', 'no new connections');
      assert.equal(closed, false, 'close waits for the request under way');
      release();
      const answer = await slow;
      assert.equal(answer.status, 200);
      assert.equal(answer.body, 'finished');
      assert.equal(answer.headers['connection'], 'close', 'told to close its connection');
      await closing;
      await assert.rejects(server.db.query('SELECT 1'), 'the database is closed');
    } finally {
      release();
      removeDir(dataDir);
    }
  });

  it('a request that outlives the shutdown timeout is cut off, and close still completes', async () => {
    const dataDir = await freshDataDir();
    const db = await openPglite({ dataDir });
    let arrived: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (arrived = resolve));
    const server = await startServer({
      port: 0,
      dev: true,
      nodeEnv: 'test',
      logger: false,
      rateLimit: false,
      db,
      shutdownTimeoutMs: 200,
      fallback: async () => {
        arrived();
        await new Promise(() => undefined);
      },
    });
    try {
      const hung = get(`${server.url}/hangs`);
      await inside;
      const started = Date.now();
      await server.close();
      assert.ok(Date.now() - started < 10_000);
      await assert.rejects(hung, (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET' || /socket hang up/.test(error.message));
      assert.deepEqual((await db.query<{ one: number }>('SELECT 1 AS one')).rows, [{ one: 1 }], 'a database passed in stays open');
    } finally {
      await db.close();
      removeDir(dataDir);
    }
  });

  it('SIGTERM and SIGINT stop the server once and exit 0; a second signal exits 1 at once', async () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const lines: string[] = [];
    let finish: () => void = () => undefined;
    let closes = 0;
    const running = {
      close: () => {
        closes++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    };
    stopOnSignals(running, { signals: signals as unknown as NodeJS.Process, exit: (code) => exits.push(code), log: (line) => lines.push(line) });
    signals.emit('SIGTERM');
    assert.equal(closes, 1);
    assert.deepEqual(exits, []);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(exits, [0]);
    assert.deepEqual(lines, ['SIGTERM: stopping (no new connections; requests under way may finish)', 'stopped']);

    const again = new EventEmitter();
    const exits2: number[] = [];
    stopOnSignals({ close: () => new Promise<void>(() => undefined) }, { signals: again as unknown as NodeJS.Process, exit: (code) => exits2.push(code), log: () => undefined });
    again.emit('SIGINT');
    again.emit('SIGTERM');
    assert.deepEqual(exits2, [1]);
  });
});
