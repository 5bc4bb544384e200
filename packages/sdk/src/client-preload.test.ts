// createHttpClient takes the GETs that doorstroom-preload.js started while the bundle downloaded
// (issue 16, item 4). The registry is the protocol between the two scripts: a global Map from
// `GET <absolute URL>\n<Authorization>` to `{ at, response }`, filled here as the preload script
// fills it. What counts is what reaches the server (the fetch the client is given) and what the
// caller gets back.
import { expect } from '@open-wc/testing';
import { createHttpClient, type HttpClientOptions } from './client.js';
import { defaultRegionConfig } from './config.js';
import { failure } from './test/failure.js';
import { actors } from './testing/fixtures.js';

const base = 'http://doorstroom.test/api/';
const registryKey = Symbol.for('doorstroom.preload');
type Registry = Map<string, { at: number; response: Promise<Response> }>;
const registry = () => (globalThis as unknown as Record<symbol, Registry>)[registryKey]!;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
const problem = (status: number) => json({ type: 'about:blank', title: 'Fout', status }, status);

/** What the preload script does for one GET: start it now, leave the promise in the registry. */
function preloaded(path: string, response: Promise<Response> | Response, { token = 'tok-student', at = Date.now() } = {}): void {
  const promise = Promise.resolve(response);
  promise.catch(() => {});
  registry().set(`GET ${base}${path}\nBearer ${token}`, { at, response: promise });
}

/** The server behind the client: answers `me` and `config`, and remembers every request it got. */
let requests: string[] = [];
const server: typeof fetch = async (input) => {
  const request = input as Request;
  requests.push(`${request.method} ${new URL(request.url).pathname}`);
  return request.url.endsWith('/config') ? json(defaultRegionConfig) : json(actors.student);
};

const client = (options: Partial<HttpClientOptions> = {}) => createHttpClient({ baseUrl: base, token: 'tok-student', retryDelay: 1, fetch: server, ...options });

beforeEach(() => {
  requests = [];
  (globalThis as unknown as Record<symbol, Registry>)[registryKey] = new Map();
});
after(() => delete (globalThis as unknown as Record<symbol, Registry | undefined>)[registryKey]);

describe('createHttpClient: answers the preload script already asked for', () => {
  it('uses a preloaded answer for the same GET and token once, then asks the server', async () => {
    preloaded('me', json(actors.guardian));
    expect((await client().me()).role).to.equal('guardian');
    expect(requests).to.deep.equal([]);
    expect((await client().me()).role).to.equal('student');
    expect(requests).to.deep.equal(['GET /api/me']);
  });

  it('leaves a preload for another token or another address to the one it was made for', async () => {
    preloaded('me', json(actors.guardian), { token: 'tok-someone-else' });
    preloaded('dossiers/other', json(actors.guardian));
    expect((await client().me()).role).to.equal('student');
    expect(requests).to.deep.equal(['GET /api/me']);
    expect(registry().size).to.equal(2);
  });

  it('ignores a preload older than 30 seconds: the dossier may have changed since', async () => {
    preloaded('me', json(actors.guardian), { at: Date.now() - 31_000 });
    expect((await client().me()).role).to.equal('student');
    expect(requests).to.deep.equal(['GET /api/me']);
    expect(registry().size).to.equal(0);
  });

  it('checks a preloaded answer against the contract like any other', async () => {
    preloaded('me', json({ id: 'x' }));
    const error = await failure(client().me());
    expect(error.kind).to.equal('malformed');
  });

  it('retries a preloaded 500 as the first attempt of the request, and gives the same error for a 401', async () => {
    preloaded('config', problem(500));
    expect(await client().config()).to.deep.equal(defaultRegionConfig);
    expect(requests).to.deep.equal(['GET /api/config']);

    preloaded('me', problem(401));
    const error = await failure(client().me());
    expect([error.kind, error.status]).to.deep.equal(['unauthorized', 401]);
    expect(requests).to.deep.equal(['GET /api/config']);
  });

  it('asks the server itself when the preload got no answer', async () => {
    preloaded('me', Promise.reject(new TypeError('Failed to fetch')));
    expect((await client({ retry: 0 }).me()).role).to.equal('student');
    expect(requests).to.deep.equal(['GET /api/me']);
  });

  it('a preload that stays unanswered is a "timeout" after the client\'s own timeout', async () => {
    preloaded('me', new Promise<Response>(() => {}));
    const error = await failure(client({ timeout: 20 }).me());
    expect(error.kind).to.equal('timeout');
    expect(requests).to.deep.equal([]);
  });

  it('never takes a preload for a write', async () => {
    registry().set(`POST ${base}dossiers\nBearer tok-student`, { at: Date.now(), response: Promise.resolve(json(actors.guardian)) });
    await failure(client().createDossier({ type: 'vo-mbo' }));
    expect(requests).to.deep.equal(['POST /api/dossiers']);
  });
});
