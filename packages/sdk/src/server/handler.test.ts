import { expect } from '@open-wc/testing';
import type { Actor, Problem } from '../contract.js';
import { createMemoryBackend, type MemoryBackend } from '../memory.js';
import { today } from '../testing/fixtures.js';
import { createFetchHandler } from './handler.js';
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
