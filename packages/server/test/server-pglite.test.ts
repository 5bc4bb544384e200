// The reference server on PGlite (a temporary data directory): the conformance suite, the outbox,
// concurrent saves, the HTTP adapter (CORS, size limit, logs), dev routes, restart and rate limit.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleTokens, formatReport, runConformance } from '../src/conformance/index.js';
import { listOutbox, type OutboxMessage } from '../src/notifications.js';
import { startServer, type RequestLogLine } from '../src/server.js';
import { createFetchHandler, createService, type Actor } from '../src/sdk.js';
import { removeDir, startTestServer } from './helpers.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe('reference server on PGlite', () => {
  let server: TestServer;
  const logs: RequestLogLine[] = [];
  const delivered: OutboxMessage[] = [];
  const call = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    return fetch(new URL(path, server.apiUrl), { ...init, headers });
  };

  before(async () => {
    server = await startTestServer({ logger: (line) => logs.push(line), notificationSender: async (message) => void delivered.push(message) });
  });
  after(async () => {
    await server?.close();
    removeDir(server?.dataDir);
  });

  it('passes the conformance suite', async () => {
    const report = await runConformance({ baseUrl: server.apiUrl, tokens: exampleTokens });
    assert.equal(report.failed, 0, formatReport(report));
    assert.ok(report.passed >= 126, `only ${report.passed} checks ran`);
  });

  it('wrote one outbox row per notifying action, to the right person, and the sender drains them', async () => {
    // The dossiers the suite created (random ids; the example data's are named), of every student.
    const { rows: acted } = await server.db.query<{ action: string; to: string; n: number }>(
      `SELECT entry->>'action' AS action, entry->>'to' AS to, count(*)::int AS n FROM history
       WHERE dossier_id ~ '^d-[a-z2-7]{24}$' AND entry->>'kind' = 'action' GROUP BY 1, 2`,
    );
    // Only the minor's (Noor's) arrivals in akkoord ask a guardian; the suite's adult student decides alone.
    const { rows: minorArrivals } = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM history h JOIN dossiers d ON d.id = h.dossier_id
       WHERE h.dossier_id ~ '^d-[a-z2-7]{24}$' AND d.student_id = 'student-noor' AND h.entry->>'kind' = 'action' AND h.entry->>'to' = 'akkoord'
         AND h.entry->>'action' IN ('sendToStudent', 'submitForConsent')`,
    );
    const actions = (action: string, to?: string) => acted.filter((r) => r.action === action && (!to || r.to === to)).reduce((sum, r) => sum + r.n, 0);
    const { rows: queued } = await server.db.query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM outbox GROUP BY kind');
    const rows = (kind: string) => queued.find((r) => r.kind === kind)?.n ?? 0;
    assert.ok(actions('submitToMentor') > 0 && actions('returnToDeelA') > 0 && actions('sendToStudent') > 0, JSON.stringify(acted));
    assert.equal(rows('submittedToMentor'), actions('submitToMentor'));
    assert.equal(rows('returnedToStudent'), actions('returnToDeelA'));
    assert.equal(rows('sentToStudent'), actions('sendToStudent'));
    assert.equal(rows('guardianConsentAsked'), minorArrivals[0]!.n);

    const recipients = new Map((await listOutbox(server.db, 10_000)).map((m) => [m.kind, m.recipient]));
    assert.deepEqual(recipients.get('submittedToMentor'), { role: 'mentor', id: 'mentor-de-vries', naam: 'Mevrouw E. de Vries', email: 'e.devries@debrug.example' });
    assert.equal(recipients.get('sentToStudent')?.id, 'student-noor');
    assert.equal(recipients.get('returnedToStudent')?.id, 'student-noor');
    assert.deepEqual(recipients.get('guardianConsentAsked'), { role: 'guardian', id: 'guardian-el-idrissi', naam: 'Karim El Idrissi', email: 'k.elidrissi@mail.example' });

    const total = queued.reduce((sum, r) => sum + r.n, 0);
    while ((await server.outbox.drain()) > 0);
    assert.equal(delivered.length, total);
    const { rows: unsent } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
    assert.equal(unsent[0]!.n, 0);
    const inbox = (await (await call('dev/outbox')).json()) as { items: OutboxMessage[] };
    assert.ok(inbox.items.length > 0 && inbox.items.every((m) => m.sentAt !== null && m.subject.nl && m.subject.en));
  });

  it('serialises concurrent saves of one dossier: one wins per version, no acknowledged save is lost', async () => {
    const token = 'student-noor';
    const created = (await (await call('dossiers', { method: 'POST', token, body: JSON.stringify({ type: 'werk-mbo' }), headers: { 'Content-Type': 'application/json' } })).json()) as {
      id: string;
      version: number;
    };
    const save = (version: number, later: string) =>
      call(`dossiers/${created.id}/sections/motivatie`, {
        method: 'PATCH',
        token,
        body: JSON.stringify({ answers: { later } }),
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
      });

    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => save(created.version, `burst ${i}`)));
    assert.deepEqual(burst.map((r) => r.status).sort(), [200, ...Array(11).fill(409)]);

    // Writers that retry on 409: every save they were told succeeded must be in the history.
    const acknowledged: { version: number; later: string }[] = [];
    const writer = async (w: number) => {
      for (let n = 0; n < 4; n++) {
        for (;;) {
          const current = Number((await call(`dossiers/${created.id}`, { token })).headers.get('ETag')!.replaceAll('"', ''));
          const response = await save(current, `writer ${w} save ${n}`);
          if (response.status === 409) continue;
          assert.equal(response.status, 200);
          acknowledged.push({ version: ((await response.json()) as { version: number }).version, later: `writer ${w} save ${n}` });
          break;
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, w) => writer(w)));
    const versions = acknowledged.map((a) => a.version).sort((a, b) => a - b);
    assert.equal(new Set(versions).size, versions.length, 'two saves were acknowledged with the same version');
    const { rows } = await server.db.query<{ version: number }>(
      `SELECT (entry->>'version')::int AS version FROM history WHERE dossier_id = $1 AND entry->>'kind' = 'saved' AND (entry->>'version')::int > $2 ORDER BY 1`,
      [created.id, created.version + 1],
    );
    assert.deepEqual(
      rows.map((r) => r.version),
      versions,
    );
    const final = (await (await call(`dossiers/${created.id}`, { token })).json()) as { version: number; answers: { motivatie: { later: string } } };
    const last = acknowledged.find((a) => a.version === versions[versions.length - 1])!;
    assert.equal(final.version, created.version + 1 + acknowledged.length);
    assert.equal(final.answers.motivatie.later, last.later);
  });

  it('logs method, route pattern, status and duration only', async () => {
    assert.ok(logs.length > 500);
    const text = JSON.stringify(logs);
    for (const personal of ['noor', 'dossier-', '111222333', 'El Idrissi', 'conformance']) assert.ok(!text.toLowerCase().includes(personal.toLowerCase()), `a log line holds "${personal}"`);
    assert.deepEqual(Object.keys(logs[0]!).sort(), ['level', 'method', 'ms', 'route', 'status']);
    assert.ok(logs.some((l) => l.route === '/api/dossiers/:id/sections/:sectionId' && l.status === 409));
  });

  it('answers CORS for allowed origins only and cuts oversized bodies off at the adapter', async () => {
    const preflight = await call('dossiers', { method: 'OPTIONS', headers: { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'PATCH' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), 'http://localhost:6006');
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /If-Match/);
    const foreign = await call('me', { token: 'student-noor', headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.headers.get('Access-Control-Allow-Origin'), null);

    const tooLarge = await call('dossiers', { method: 'POST', token: 'student-noor', body: 'x'.repeat(300 * 1024), headers: { 'Content-Type': 'application/json' } });
    assert.equal(tooLarge.status, 413);
    assert.match(tooLarge.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
  });

  it('has the dev routes only in dev mode, and a production server needs a verifier', async () => {
    const accounts = (await (await call('dev/accounts')).json()) as { items: { token: string; role: string }[] };
    assert.deepEqual([...new Set(accounts.items.map((a) => a.role))].sort(), ['decaan', 'guardian', 'mbo', 'mentor', 'student']);
    const dossiersOf = async () => ((await (await call('dossiers', { token: 'student-noor' })).json()) as { items: { id: string }[] }).items.map((d) => d.id);
    assert.ok((await dossiersOf()).length > 20, 'the conformance dossiers are there');
    assert.equal((await call('dev/reset', { method: 'POST' })).status, 200);
    assert.deepEqual(await dossiersOf(), ['dossier-noor'], 'reset brings back the example data');
    assert.deepEqual((await listOutbox(server.db)).length, 0);

    await assert.rejects(startServer({ nodeEnv: 'production', db: server.db, port: 0 }), /verifier/);
    await assert.rejects(startServer({ nodeEnv: 'production', dev: true, db: server.db, port: 0, verifier: async () => null }), /Dev mode/);
    const fixtures = mkdtempSync(join(tmpdir(), 'doorstroom-static-'));
    writeFileSync(join(fixtures, 'index.html'), '<h1>Demo</h1>');
    const verifier = async (token: string) => (token === 'portal-jwt-noor' ? { role: 'student' as const, person: { id: 'student-noor', naam: 'Noor El Idrissi' } } : null);
    const production = await startServer({ nodeEnv: 'production', db: server.db, port: 0, verifier, logger: false, staticDir: fixtures });
    try {
      assert.equal(await (await fetch(production.url)).text(), '<h1>Demo</h1>', 'staticDir serves files beside the API');
      assert.equal((await fetch(`${production.url}/..%2f..%2fetc/passwd`)).status, 404);
      assert.equal((await fetch(new URL('dev/outbox', production.apiUrl))).status, 404);
      assert.equal((await fetch(new URL('me', production.apiUrl), { headers: { Authorization: 'Bearer student-noor' } })).status, 401, 'demo tokens do not work');
      assert.equal((await fetch(new URL('me', production.apiUrl), { headers: { Authorization: 'Bearer portal-jwt-noor' } })).status, 200);
    } finally {
      await production.close();
      removeDir(fixtures);
    }
  });

  it('lists a dossier as its row is now: the cached one while the row is unchanged, read again after any write to it', async () => {
    const list = () => server.store.transaction((tx) => tx.listDossiers({ statuses: ['afgerond'] }));
    const first = await list();
    assert.ok(first.length > 0, 'the example data has afgeronde dossiers');
    const second = await list();
    assert.deepEqual(
      second.map((d) => d.id),
      first.map((d) => d.id),
    );
    assert.ok(
      second.every((d, i) => d === first[i] && Object.isFrozen(d) && Object.isFrozen(d.answers)),
      'unchanged rows: the same read-only objects',
    );
    // A write that leaves the version as it was (as a repair by hand would) is seen all the same.
    const target = first[0]!;
    await server.db.query(`UPDATE dossiers SET data = jsonb_set(data, '{student,naam}', '"Hand Gewijzigd"') WHERE id = $1`, [target.id]);
    const third = await list();
    const changed = third.find((d) => d.id === target.id)!;
    assert.equal(changed.student.naam, 'Hand Gewijzigd');
    assert.equal(changed.version, target.version);
    assert.ok(
      third.filter((d) => d.id !== target.id).every((d) => first.includes(d)),
      'the other rows still come from the cache',
    );
    // A row that no longer matches the filter is left out.
    await server.db.query(`UPDATE dossiers SET status = 'akkoord' WHERE id = $1`, [target.id]);
    assert.ok(!(await list()).some((d) => d.id === target.id));
    await server.db.query(`UPDATE dossiers SET status = 'afgerond', data = jsonb_set(data, '{student,naam}', to_jsonb($2::text)) WHERE id = $1`, [target.id, target.student.naam]);
    assert.equal((await list()).find((d) => d.id === target.id)?.student.naam, target.student.naam);
  });

  it('sends a list unchecked (production) with the values dev mode checks, byte for byte as JSON.stringify, from the caches too', async () => {
    const tokens = [exampleTokens.mbo, exampleTokens.decaan, exampleTokens.student, exampleTokens.mentor, exampleTokens.guardian].map((token) => token!);
    const actors = new Map<string, Actor>();
    for (const token of tokens) actors.set(token, (await (await call('me', { token })).json()) as Actor);
    const service = createService(server.store);
    const unchecked = createFetchHandler(service, { checkDossierResponses: false, authenticate: async (token) => (token ? (actors.get(token) ?? null) : null) });
    const compare = async () => {
      for (const token of tokens) {
        for (const query of ['', '?view=mijnLeerlingen']) {
          const checked = await call(`dossiers${query}`, { token });
          assert.equal(checked.status, 200);
          const expected = await checked.json();
          for (let round = 0; round < 2; round++) {
            const response = await unchecked(new Request(`http://server.local/dossiers${query}`, { headers: { Authorization: `Bearer ${token}` } }));
            assert.equal(response.status, 200);
            const text = await response.text();
            assert.deepEqual(JSON.parse(text), expected, `${token} ${query}: the values dev mode checked`);
            const query_ = query ? { view: 'mijnLeerlingen' as const } : {};
            assert.equal(text, JSON.stringify(await service.listDossiers(actors.get(token)!, query_)), `${token} ${query}: as JSON.stringify writes it`);
          }
        }
      }
    };
    await compare();
    // The MBO sets an intake status: the list shows the new one (a new summary), not the cached one.
    const mbo = exampleTokens.mbo!;
    const listed = (await (await call('dossiers', { token: mbo })).json()) as { items: { id: string; intake?: { status: string } }[] };
    const target = listed.items[0]!;
    const set = await call(`dossiers/${target.id}/intake`, { method: 'PUT', token: mbo, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'geplaatst' }) });
    assert.equal(set.status, 200, await set.clone().text());
    const after = (await (await call('dossiers', { token: mbo })).json()) as typeof listed;
    assert.equal(after.items.find((d) => d.id === target.id)?.intake?.status, 'geplaatst');
    await compare();
  });

  it('keeps every change across a restart, and answers 429 past the rate limit', async () => {
    const token = 'student-noor';
    const json = { 'Content-Type': 'application/json' };
    const created = (await (await call('dossiers', { method: 'POST', token, headers: json, body: JSON.stringify({ type: 'vo-mbo' }) })).json()) as { id: string; version: number };
    const saved = await call(`dossiers/${created.id}/sections/motivatie`, {
      method: 'PATCH',
      token,
      headers: { ...json, 'If-Match': `"${created.version}"` },
      body: JSON.stringify({ answers: { later: 'Pedagogisch medewerker' } }),
    });
    assert.equal(saved.status, 200);
    const before = (await (await call('dossiers', { token })).json()) as { items: { id: string; version: number }[] };
    await server.close();
    // Almost no refill, so a slow machine does not hand out extra requests during the test.
    server = await startTestServer({ dataDir: server.dataDir, rateLimit: { burst: 5, perSecond: 0.001 } });
    const afterRestart = (await (await call('dossiers', { token })).json()) as { items: { id: string; version: number }[] };
    assert.deepEqual(afterRestart.items.map((d) => `${d.id}@${d.version}`).sort(), before.items.map((d) => `${d.id}@${d.version}`).sort());
    const reread = (await (await call(`dossiers/${created.id}`, { token })).json()) as { version: number; answers: { motivatie?: { later?: string } } };
    assert.equal(reread.version, created.version + 1);
    assert.equal(reread.answers.motivatie?.later, 'Pedagogisch medewerker');

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('me', { token })).status);
    // The list and the read above took two of the burst of 5.
    assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429]);
    const limited = await call('me', { token });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
    assert.match(limited.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
    assert.equal((await call('me', { token: 'student-lisa' })).status, 200, 'another token has its own bucket');
  });
});
