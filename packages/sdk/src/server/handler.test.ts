import { expect } from '@open-wc/testing';
import type { Actor, Problem } from '../contract.js';
import { createMemoryBackend, type MemoryBackend } from '../memory.js';
import { today } from '../testing/fixtures.js';
import { createFetchHandler, createHandler, type HandlerRoute } from './handler.js';
import type { DossierService } from './service.js';

const base = 'http://doorstroom.local/api/';

describe('createFetchHandler', () => {
  let backend: MemoryBackend;
  const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    const token = init.token === undefined ? 'student-noor' : init.token;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return backend.handler(new Request(base + path, { ...init, headers }));
  };
  const problemOf = async (response: Response) => {
    expect(response.headers.get('Content-Type')).to.match(/^application\/problem\+json/);
    const body = (await response.json()) as Problem;
    expect(body.status).to.equal(response.status);
    expect(body.type).to.match(/^https:\/\//);
    expect(body.title).to.be.a('string').and.not.equal('');
    return body;
  };

  beforeEach(() => {
    backend = createMemoryBackend(undefined, { now: () => today });
  });

  it('answers a dossier with its version as ETag and no caching', async () => {
    const response = await call('dossiers/dossier-noor');
    expect(response.status).to.equal(200);
    const dossier = await response.json();
    expect(response.headers.get('ETag')).to.equal(`"${dossier.version}"`);
    expect(response.headers.get('Cache-Control')).to.equal('no-store');
  });

  it('answers 401 without a (known) token', async () => {
    for (const token of [null, 'not-a-person']) {
      const response = await call('me', { token });
      expect(response.status).to.equal(401);
      expect(response.headers.get('WWW-Authenticate')).to.equal('Bearer');
      await problemOf(response);
    }
  });

  it('answers 404 to unknown routes and actions, 405 to a wrong method', async () => {
    expect((await problemOf(await call('dossiers/dossier-noor/comments'))).status).to.equal(404);
    expect((await call('dossiers/dossier-noor/actions/delete', { method: 'POST' })).status).to.equal(404);
    const wrong = await call('dossiers/dossier-noor', { method: 'DELETE' });
    expect(wrong.status).to.equal(405);
    expect(wrong.headers.get('Allow')).to.equal('GET');
    await problemOf(wrong);
  });

  it('answers 400 to bad JSON and to bodies of the wrong shape, with the failing paths', async () => {
    const badJson = await call('dossiers', { method: 'POST', body: '{"type": ' });
    expect((await problemOf(badJson)).status).to.equal(400);
    const wrongShape = await call('dossiers', { method: 'POST', body: JSON.stringify({ type: 'havo-mbo' }) });
    const problem = await problemOf(wrongShape);
    expect(problem.status).to.equal(400);
    expect(problem.errors?.map((e) => e.path)).to.deep.equal(['type']);
    const badQuery = await call('dossiers?view=alles', { token: 'mentor-de-vries' });
    expect(badQuery.status).to.equal(400);
  });

  it('answers 413 to a body over 256 kB, declared or streamed', async () => {
    const big = JSON.stringify({ answers: { waarom: 'x'.repeat(300 * 1024) } });
    const response = await call('dossiers/dossier-noor/sections/motivatie', { method: 'PATCH', headers: { 'If-Match': '"5"' }, body: big });
    expect((await problemOf(response)).status).to.equal(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(100 * 1024)));
        controller.close();
      },
    });
    const streamed = await backend.handler(new Request(`${base}dossiers`, { method: 'POST', body: stream, headers: { Authorization: 'Bearer student-noor' }, duplex: 'half' } as RequestInit));
    expect(streamed.status).to.equal(413);
  });

  it('never echoes user input into problem titles or details', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const responses = [
      await call(`dossiers/${encodeURIComponent(evil)}`),
      await call(`catalog/institutions/${encodeURIComponent(evil)}/programmes`),
      await call('dossiers', { method: 'POST', body: JSON.stringify({ type: evil }) }),
      await call(`dossiers/dossier-noor/sections/thuis`, { method: 'PATCH', headers: { 'If-Match': evil }, body: '{}' }),
    ];
    for (const response of responses) {
      const problem = await problemOf(response);
      expect(`${problem.title} ${problem.detail ?? ''}`).not.to.contain('<img');
    }
  });

  it('checks responses against the contract and answers 500 (without details) when the service breaks it', async () => {
    const reported: unknown[] = [];
    const actor: Actor = { role: 'student', person: { id: 's', naam: 'S' } };
    const broken = { me: async () => ({ role: 'rector', person: { id: 's', naam: 'S' } }) } as unknown as DossierService;
    const handler = createFetchHandler(broken, { basePath: '/api', authenticate: async () => actor, onError: (error) => reported.push(error) });
    const response = await handler(new Request('https://x.example/api/me'));
    expect(response.status).to.equal(500);
    const problem = (await response.json()) as Problem;
    expect(JSON.stringify(problem)).not.to.contain('rector');
    expect(reported).to.have.length(1);
  });

  it('checks the dossiers it sends unless the host leaves that to the clients (checkDossierResponses: false); requests are always parsed', async () => {
    const actor: Actor = { role: 'student', person: { id: 's', naam: 'S' } };
    const dossier = { ...backend.data.dossiers[0]!, status: 'verzonnen' };
    const service = { getDossier: async () => dossier, saveSection: async () => dossier } as unknown as DossierService;
    const checked = createFetchHandler(service, { authenticate: async () => actor, onError: () => undefined });
    expect((await checked(new Request('https://x.example/dossiers/d'))).status).to.equal(500);
    const unchecked = createFetchHandler(service, { authenticate: async () => actor, checkDossierResponses: false });
    const response = await unchecked(new Request('https://x.example/dossiers/d'));
    expect(response.status).to.equal(200);
    expect(response.headers.get('ETag')).to.equal(`"${dossier.version}"`);
    expect(((await response.json()) as { status: string }).status).to.equal('verzonnen');
    const badRequest = await unchecked(new Request('https://x.example/dossiers/d/sections/motivatie', { method: 'PATCH', headers: { 'If-Match': '"1"' }, body: JSON.stringify({ antwoorden: {} }) }));
    expect(badRequest.status).to.equal(400);
  });

  it('refuses, checking, a dossier with a member the contract does not have, as unchecked it would be sent on', async () => {
    const reported: unknown[] = [];
    const actor: Actor = { role: 'student', person: { id: 's', naam: 'S' } };
    const dossier = backend.data.dossiers[0]!;
    const withExtra = { ...dossier, student: { ...dossier.student, bsn: '123456782' } };
    const service = { getDossier: async (_actor: Actor, id: string) => (id === 'extra' ? withExtra : dossier) } as unknown as DossierService;
    const handler = createFetchHandler(service, { authenticate: async () => actor, onError: (error) => reported.push(error) });
    expect((await handler(new Request('https://x.example/dossiers/extra'))).status).to.equal(500);
    expect(String(reported[0])).to.contain('student.bsn');
    expect((await handler(new Request('https://x.example/dossiers/d'))).status).to.equal(200);
  });

  it('answers a failing store with a 500 problem in Dutch that tells nothing of the cause', async () => {
    const reported: unknown[] = [];
    const actor: Actor = { role: 'student', person: { id: 's', naam: 'S' } };
    const storeFailure = Object.assign(new Error('unsupported Unicode escape sequence: \\u0000 cannot be converted to text'), { code: '22P05' });
    const failing = { saveSection: async () => Promise.reject(storeFailure) } as unknown as DossierService;
    const handler = createFetchHandler(failing, { authenticate: async () => actor, onError: (error) => reported.push(error) });
    const response = await handler(
      new Request('https://x.example/dossiers/d/sections/motivatie', { method: 'PATCH', headers: { 'If-Match': '"1"' }, body: JSON.stringify({ answers: { waarom: 'x' } }) }),
    );
    expect(response.status).to.equal(500);
    const problem = await problemOf(response);
    expect(problem.title).to.equal('Er ging iets mis bij de server. Probeer het later opnieuw.');
    expect(JSON.stringify(problem)).not.to.match(/22P05|Unicode|u0000/);
    expect(reported).to.deep.equal([storeFailure]);
  });

  it('serves only paths under its base path', async () => {
    const handler = createFetchHandler({} as DossierService, { basePath: '/api/', authenticate: async () => null });
    expect((await handler(new Request('https://x.example/apiary/me'))).status).to.equal(404);
    expect((await handler(new Request('https://x.example/api/me'))).status).to.equal(401);
  });
});

describe('createHandler (the core) and createFetchHandler', () => {
  /** One request of the table, and the status it must get (what a client would see, worked out from the contract, not from the code). */
  interface Row {
    name: string;
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    status: number;
  }
  const noor = { Authorization: 'Bearer student-noor' };
  const table = (version: number): Row[] => [
    { name: 'who am I', method: 'GET', path: '/api/me', headers: noor, status: 200 },
    { name: 'no token', method: 'GET', path: '/api/me', status: 401 },
    { name: 'an unknown token', method: 'GET', path: '/api/me', headers: { Authorization: 'Bearer not-a-person' }, status: 401 },
    { name: 'a dossier', method: 'GET', path: '/api/dossiers/dossier-noor', headers: noor, status: 200 },
    { name: 'a dossier by a dot segment', method: 'GET', path: '/api/dossiers/x/../dossier-noor', headers: noor, status: 200 },
    { name: 'an encoded id nobody has', method: 'GET', path: '/api/dossiers/%3Cimg%20src%3Dx%3E', headers: noor, status: 404 },
    { name: 'an encoded NUL', method: 'GET', path: '/api/dossiers/a%00b', headers: noor, status: 404 },
    { name: 'a malformed escape', method: 'GET', path: '/api/dossiers/%E0%A4%A', headers: noor, status: 404 },
    { name: 'an unknown route', method: 'GET', path: '/api/dossiers/dossier-noor/comments', headers: noor, status: 404 },
    { name: 'outside the base path', method: 'GET', path: '/apiary/me', headers: noor, status: 404 },
    { name: 'a wrong method', method: 'DELETE', path: '/api/dossiers/dossier-noor', headers: noor, status: 405 },
    { name: 'HEAD, which no route has', method: 'HEAD', path: '/api/me', headers: noor, status: 405 },
    { name: 'a list with a bad view', method: 'GET', path: '/api/dossiers?view=alles', headers: { Authorization: 'Bearer mentor-de-vries' }, status: 400 },
    { name: 'a list', method: 'GET', path: '/api/dossiers?view=mijnLeerlingen&q=', headers: { Authorization: 'Bearer mentor-de-vries' }, status: 200 },
    { name: 'bad JSON', method: 'POST', path: '/api/dossiers', headers: noor, body: '{"type": ', status: 400 },
    { name: 'a body of the wrong shape', method: 'POST', path: '/api/dossiers', headers: noor, body: '{"type":"havo-mbo"}', status: 400 },
    {
      name: 'a prototype key',
      method: 'PATCH',
      path: '/api/dossiers/dossier-noor/sections/motivatie',
      headers: { ...noor, 'If-Match': `"${version}"` },
      body: '{"answers":{"__proto__":{}}}',
      status: 400,
    },
    { name: 'a save without If-Match', method: 'PATCH', path: '/api/dossiers/dossier-noor/sections/motivatie', headers: noor, body: '{"answers":{"waarom":"x"}}', status: 428 },
    { name: 'a save with a malformed If-Match', method: 'PATCH', path: '/api/dossiers/dossier-noor/sections/motivatie', headers: { ...noor, 'If-Match': 'zeven' }, body: '{}', status: 400 },
    {
      name: 'a save of an old version',
      method: 'PATCH',
      path: '/api/dossiers/dossier-noor/sections/motivatie',
      headers: { ...noor, 'If-Match': `"${version - 1}"` },
      body: '{"answers":{"waarom":"x"}}',
      status: 409,
    },
    {
      name: 'a body over 256 kB',
      method: 'PATCH',
      path: '/api/dossiers/dossier-noor/sections/motivatie',
      headers: { ...noor, 'If-Match': `"${version}"` },
      body: JSON.stringify({ answers: { waarom: 'é'.repeat(140 * 1024) } }),
      status: 413,
    },
    {
      name: 'a save',
      method: 'PATCH',
      path: '/api/dossiers/dossier-noor/sections/motivatie',
      headers: { ...noor, 'If-Match': `"${version}"` },
      body: '\uFEFF{"answers":{"waarom":"Omdat ik graag met mensen werk."}}',
      status: 200,
    },
    {
      name: 'a save in lower case',
      method: 'patch',
      path: '/api/dossiers/dossier-noor/sections/motivatie',
      headers: { ...noor, 'If-Match': `W/"${version + 1}"` },
      body: '{"answers":{"waarom":"Nog een keer."}}',
      status: 200,
    },
    { name: 'a host route reading url and request', method: 'GET', path: '/api/echo?q=a+b%21', headers: { ...noor, 'Accept-Language': 'nl' }, status: 200 },
  ];
  const echo: HandlerRoute = {
    path: ['echo'],
    methods: {
      GET: async ({ url, request, actor }) =>
        new Response(JSON.stringify({ q: url.searchParams.get('q'), path: url.pathname, language: request.headers.get('Accept-Language'), who: actor.person.id }), {
          headers: { 'Content-Type': 'application/json', 'X-Echo': 'yes' },
        }),
    },
  };
  const optionsFor = (backend: MemoryBackend) => {
    const accounts = new Map(backend.data.accounts.map((a) => [a.token, a.actor]));
    return { basePath: '/api', routes: [echo], authenticate: async (token: string | null) => (token === null ? null : (structuredClone(accounts.get(token)) ?? null)) };
  };

  it('answers a table of requests alike: status, headers and body', async () => {
    const viaFetch = createMemoryBackend(undefined, { now: () => today });
    const viaCore = createMemoryBackend(undefined, { now: () => today });
    const fetchHandler = createFetchHandler(viaFetch.service, optionsFor(viaFetch));
    const core = createHandler(viaCore.service, optionsFor(viaCore));
    const { version } = (await (await fetchHandler(new Request('http://x.example/api/dossiers/dossier-noor', { headers: noor }))).json()) as { version: number };
    for (const row of table(version)) {
      const response = await fetchHandler(new Request(`http://x.example${row.path}`, { method: row.method, headers: row.headers ?? {}, ...(row.body === undefined ? {} : { body: row.body }) }));
      const lower = new Map(Object.entries(row.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
      const answer = await core({ method: row.method, target: row.path, header: (name) => lower.get(name), body: row.body });
      const fetched = { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
      const answered = {
        status: answer.status,
        headers: Object.fromEntries(new Headers(answer.headers)),
        body: typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body),
      };
      expect(fetched.status, row.name).to.equal(row.status);
      expect(answered, row.name).to.deep.equal(fetched);
      if (row.name.startsWith('a host route')) expect(JSON.parse(answered.body), row.name).to.deep.equal({ q: 'a b!', path: '/api/echo', language: 'nl', who: 'student-noor' });
    }
  });

  it('refuses a prototype key however the JSON spells it, and keeps the words and escapes in values as text', async () => {
    const backend = createMemoryBackend(undefined, { now: () => today });
    const core = createHandler(backend.service, optionsFor(backend));
    const target = '/api/dossiers/dossier-noor/sections/motivatie';
    const save = async (body: string) => {
      const read = await core({ method: 'GET', target: '/api/dossiers/dossier-noor', header: (name) => (name === 'authorization' ? 'Bearer student-noor' : undefined) });
      const { version } = JSON.parse(read.body as string) as { version: number };
      const header = (name: string) => (name === 'authorization' ? 'Bearer student-noor' : name === 'if-match' ? `"${version}"` : undefined);
      return core({ method: 'PATCH', target, header, body });
    };
    for (const body of ['{"answers":{"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":true}}}', '{"answers":{"constr\\u0075ctor":"x"}}', '{"\\u0070rototype":{},"answers":{}}']) {
      const answer = await save(body);
      expect(answer.status, body).to.equal(400);
      expect((JSON.parse(answer.body as string) as Problem).detail, body).to.contain('not allowed');
    }
    const words = await save('{"answers":{"waarom":"Het prototype van een constructor, en __proto__"}}');
    expect(words.status).to.equal(200);
    const escaped = await save('{"answers":{"waar\\u006fm":"caf\\u00e9"}}');
    expect(escaped.status).to.equal(200);
    expect((JSON.parse(escaped.body as string) as { answers: Record<string, Record<string, unknown>> }).answers['motivatie']!['waarom']).to.equal('café');
  });

  it('answers 413 to a body given as bytes over the limit, and reads a body given lazily only when the route needs it', async () => {
    const backend = createMemoryBackend(undefined, { now: () => today });
    const core = createHandler(backend.service, { ...optionsFor(backend), maxBodyBytes: 1024 });
    const header = (name: string) => (name === 'authorization' ? 'Bearer student-noor' : name === 'if-match' ? '"1"' : undefined);
    const target = '/api/dossiers/dossier-noor/sections/motivatie';
    const tooLarge = await core({ method: 'PATCH', target, header, body: new TextEncoder().encode(JSON.stringify({ answers: { waarom: 'x'.repeat(2000) } })) });
    expect(tooLarge.status).to.equal(413);
    let read = 0;
    const body = async () => {
      read += 1;
      return '{}';
    };
    expect((await core({ method: 'PATCH', target, header: () => undefined, body })).status).to.equal(401);
    expect(read).to.equal(0);
    expect((await core({ method: 'PATCH', target, header, body })).status).to.equal(400);
    expect(read).to.equal(1);
  });
});
