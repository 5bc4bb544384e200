import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay, type HttpResponseResolver } from 'msw';
import { setupWorker } from 'msw/browser';
import { createHttpClient, parseVersionTag, type HttpClientOptions } from './client.js';
import { defaultRegionConfig } from './config.js';
import type { Begeleiding, DossierSummary, HistoryEntry, Institution, Programme } from './contract.js';
import { errorFromProblem } from './errors.js';
import { failure } from './test/failure.js';
import { actors, makeDossier } from './testing/fixtures.js';
import { localize, registerLanguage } from './i18n.js';
import { en } from './lang/en.js';

// English is a language pack: registered as an integrator who shows English does.
registerLanguage(en);

const base = `${location.origin}/api-test/`;
const worker = setupWorker();

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}
let seen: Seen[] = [];

/** Answers `method path` with `resolve`, recording every request that reaches the "server". */
function serve(method: 'get' | 'post' | 'patch', path: string, resolve: HttpResponseResolver) {
  worker.use(
    http[method](base + path, async (info) => {
      const { request } = info;
      seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: await request.clone().text() });
      return resolve(info);
    }),
  );
}

const client = (options: Partial<HttpClientOptions> = {}) => createHttpClient({ baseUrl: base, token: 'tok-student', retryDelay: 1, ...options });

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ type: 'about:blank', title: 'Fout', status, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });

const summary: DossierSummary = {
  id: 'dossier-1',
  type: 'vo-mbo',
  status: 'bijMentor',
  archived: false,
  version: 3,
  student: { id: 'student-1', naam: 'Sam de Vries', klas: '4B', leerjaar: 4 },
  mentor: { id: 'mentor-1', naam: 'Mevrouw De Vries', email: 'devries@debrug.example' },
  keuze: 'Betonboorder',
  percentA: 100,
  updatedAt: '2026-11-23T11:00:00.000Z',
};
const albeda: Institution = { brin: '00GT', naam: 'Albeda', plaatsen: ['Rotterdam'] };
const programme: Programme = {
  id: '00GT-25078-BOL',
  crebo: '25078',
  naam: 'Betonboorder',
  niveau: 2,
  leerweg: 'BOL',
  cohort: '2026',
  locatieCodes: ['00GT00'],
};

before(async () => {
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
});
after(() => worker.stop());
beforeEach(() => {
  seen = [];
});
afterEach(() => worker.resetHandlers());

describe('createHttpClient: successful calls', () => {
  it('me() returns the parsed actor and sends the bearer token', async () => {
    serve('get', 'me', () => HttpResponse.json(actors.student));
    expect(await client().me()).to.deep.equal(actors.student);
    expect(seen).to.have.length(1);
    expect(seen[0]!.headers.get('authorization')).to.equal('Bearer tok-student');
  });

  it('works with a base URL without a trailing slash', async () => {
    serve('get', 'config', () => HttpResponse.json(defaultRegionConfig));
    const config = await client({ baseUrl: base.replace(/\/$/, '') }).config();
    expect(config.guardianConsentBelowAge).to.equal(defaultRegionConfig.guardianConsentBelowAge);
    expect(seen[0]!.url.pathname).to.equal('/api-test/config');
  });

  it('listDossiers() sends the mentor filters and leaves out empty ones', async () => {
    serve('get', 'dossiers', () => HttpResponse.json({ items: [summary] }));
    const list = await client().listDossiers({ view: 'teBehandelen', klas: '4B', leerjaar: 4, q: '' });
    expect(list.items).to.deep.equal([summary]);
    const params = seen[0]!.url.searchParams;
    expect(params.get('view')).to.equal('teBehandelen');
    expect(params.get('klas')).to.equal('4B');
    expect(params.get('leerjaar')).to.equal('4');
    expect(params.has('q')).to.equal(false);
  });

  it('getDossier() encodes the id as one path segment', async () => {
    const dossier = makeDossier({ id: 'a/b c' });
    serve('get', 'dossiers/:id', () => HttpResponse.json(dossier));
    expect(await client().getDossier('a/b c')).to.deep.equal(dossier);
    expect(seen[0]!.url.pathname).to.equal('/api-test/dossiers/a%2Fb%20c');
  });

  it('createDossier() posts the request', async () => {
    serve('post', 'dossiers', () => HttpResponse.json(makeDossier({ type: 'mbo-mbo' }), { status: 201 }));
    const dossier = await client().createDossier({ type: 'mbo-mbo', copyFrom: 'dossier-0' });
    expect(dossier.type).to.equal('mbo-mbo');
    expect(JSON.parse(seen[0]!.body)).to.deep.equal({ type: 'mbo-mbo', copyFrom: 'dossier-0' });
  });

  it('saveSection() patches {answers} with the version as a quoted If-Match', async () => {
    serve('patch', 'dossiers/:id/sections/:sectionId', () => HttpResponse.json(makeDossier({ version: 8 })));
    const saved = await client().saveSection('dossier-1', 'motivatie', { motivatie: 'Ik wil bouwen' }, 7);
    expect(saved.version).to.equal(8);
    const request = seen[0]!;
    expect(request.method).to.equal('PATCH');
    expect(request.url.pathname).to.equal('/api-test/dossiers/dossier-1/sections/motivatie');
    expect(request.headers.get('if-match')).to.equal('"7"');
    expect(request.headers.get('content-type')).to.match(/^application\/json/);
    expect(JSON.parse(request.body)).to.deep.equal({ answers: { motivatie: 'Ik wil bouwen' } });
  });

  it('act() posts the action request, with If-Match only when a version is given', async () => {
    serve('post', 'dossiers/:id/actions/:action', () => HttpResponse.json(makeDossier({ status: 'bijMentor' })));
    const moved = await client().act('dossier-1', 'submitToMentor', { mentorId: 'mentor-1' }, 4);
    expect(moved.status).to.equal('bijMentor');
    expect(seen[0]!.url.pathname).to.equal('/api-test/dossiers/dossier-1/actions/submitToMentor');
    expect(seen[0]!.headers.get('if-match')).to.equal('"4"');
    expect(JSON.parse(seen[0]!.body)).to.deep.equal({ mentorId: 'mentor-1' });

    await client().act('dossier-1', 'startDeelB');
    expect(seen[1]!.headers.has('if-match')).to.equal(false);
    expect(JSON.parse(seen[1]!.body)).to.deep.equal({});
  });

  it('history(), begeleiding and mentors() parse their bodies', async () => {
    const entry: HistoryEntry = {
      at: '2026-11-23T10:00:00.000Z',
      actor: { id: 'student-1', role: 'student', naam: 'Sam de Vries' },
      kind: 'action',
      action: 'submitToMentor',
      from: 'concept',
      to: 'bijMentor',
      version: 2,
    };
    const begeleiding: Begeleiding = { studentId: 'student-1', answers: { huiswerkbegeleiding: true }, version: 2 };
    serve('get', 'dossiers/:id/history', () => HttpResponse.json([entry]));
    serve('get', 'students/:id/begeleiding', () => HttpResponse.json(begeleiding));
    serve('patch', 'students/:id/begeleiding', () => HttpResponse.json({ ...begeleiding, version: 3 }));
    serve('get', 'schools/:id/mentors', () => HttpResponse.json([{ naam: 'Meneer Bakker', email: 'bakker@debrug.example' }]));
    const api = client();
    expect(await api.history('dossier-1')).to.deep.equal([entry]);
    expect(await api.getBegeleiding('student-1')).to.deep.equal(begeleiding);
    expect((await api.saveBegeleiding('student-1', { huiswerkbegeleiding: false }, 2)).version).to.equal(3);
    expect(seen[2]!.headers.get('if-match')).to.equal('"2"');
    expect(JSON.parse(seen[2]!.body)).to.deep.equal({ answers: { huiswerkbegeleiding: false } });
    expect(await api.mentors('school-1')).to.have.length(1);
  });

  it('dossierPdf() fetches the PDF as a Blob with the bearer token; a backend without the route is notFound', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 test');
    serve('get', 'dossiers/:id/pdf', () => new HttpResponse(bytes, { headers: { 'Content-Type': 'application/pdf' } }));
    const pdf = await client().dossierPdf!('dossier 1');
    expect(pdf.type).to.equal('application/pdf');
    expect(new TextDecoder().decode(await pdf.arrayBuffer())).to.equal('%PDF-1.7 test');
    expect(seen[0]!.url.pathname).to.equal('/api-test/dossiers/dossier%201/pdf');
    expect(seen[0]!.headers.get('authorization')).to.equal('Bearer tok-student');
    expect(seen[0]!.headers.get('accept')).to.contain('application/pdf');
    worker.resetHandlers();
    serve('get', 'dossiers/:id/pdf', () => problem(404));
    expect((await failure(client().dossierPdf!('dossier-2'))).kind).to.equal('notFound');
  });

  it('the catalogue calls send the typeahead text as ?q=', async () => {
    serve('get', 'catalog/institutions', () => HttpResponse.json([albeda]));
    serve('get', 'catalog/institutions/:brin/locations', () => HttpResponse.json([{ code: '00GT00', naam: 'Rosestraat', plaats: 'Rotterdam' }]));
    serve('get', 'catalog/institutions/:brin/programmes', () => HttpResponse.json([programme]));
    const api = client();
    expect(await api.institutions('albe')).to.deep.equal([albeda]);
    expect(seen[0]!.url.searchParams.get('q')).to.equal('albe');
    expect((await api.locations('00GT'))[0]!.plaats).to.equal('Rotterdam');
    expect(seen[1]!.url.pathname).to.equal('/api-test/catalog/institutions/00GT/locations');
    expect(await api.programmes('00GT', 'beton')).to.deep.equal([programme]);
    expect(seen[2]!.url.pathname).to.equal('/api-test/catalog/institutions/00GT/programmes');
    expect(seen[2]!.url.searchParams.get('q')).to.equal('beton');
    await api.institutions();
    expect(seen[3]!.url.search).to.equal('');
  });
});

describe('createHttpClient: tokens', () => {
  it('asks getToken() before every request, so a refreshed token is used', async () => {
    serve('get', 'me', () => HttpResponse.json(actors.mentor));
    const tokens = ['first', 'second'];
    const api = client({ token: undefined, getToken: async () => tokens.shift() ?? 'none' });
    await api.me();
    await api.me();
    expect(seen.map((request) => request.headers.get('authorization'))).to.deep.equal(['Bearer first', 'Bearer second']);
  });

  it('sends no Authorization header without a token', async () => {
    serve('get', 'me', () => problem(401));
    const error = await failure(client({ token: undefined }).me());
    expect(seen[0]!.headers.has('authorization')).to.equal(false);
    expect(error.kind).to.equal('unauthorized');
  });

  it('a failing getToken() is "unauthorized" and sends nothing', async () => {
    serve('get', 'me', () => HttpResponse.json(actors.student));
    let asked = 0;
    const getToken = () => {
      asked++;
      return Promise.reject(new Error('session expired'));
    };
    const error = await failure(client({ getToken }).me());
    expect(error.kind).to.equal('unauthorized');
    expect(seen).to.have.length(0);
    expect(asked, 'not retried').to.equal(1);
  });
});

describe('createHttpClient: errors', () => {
  it('409 staleVersion is a conflict that says the change was not saved', async () => {
    serve('patch', 'dossiers/:id/sections/:sectionId', () => problem(409, { type: 'https://doorstroom.example/problems/conflict', reason: 'staleVersion' }));
    const error = await failure(client().saveSection('dossier-1', 'motivatie', {}, 3));
    expect(error.kind).to.equal('conflict');
    expect(error.status).to.equal(409);
    expect(error.reason).to.equal('staleVersion');
    expect(error.userMessage.nl).to.contain('niet opgeslagen');
    expect(localize(error.userMessage, 'en')).to.contain('not saved');
  });

  it('a workflow refusal keeps its reason', async () => {
    serve('post', 'dossiers/:id/actions/:action', () => problem(422, { reason: 'deelAIncomplete' }));
    const error = await failure(client().act('dossier-1', 'submitToMentor', { mentorId: 'mentor-1' }));
    expect(error.kind).to.equal('refused');
    expect(error.reason).to.equal('deelAIncomplete');
  });

  it('problem+json validation errors come back with their paths', async () => {
    const errors = [
      { path: 'answers.postcode', message: 'Te lang' },
      { path: 'answers.ervaring.0.organisatie', message: 'Verwacht tekst' },
    ];
    serve('patch', 'dossiers/:id/sections/:sectionId', () => problem(400, { title: 'Ongeldige antwoorden', errors }));
    const error = await failure(client().saveSection('dossier-1', 'persoonlijk', { postcode: 'x'.repeat(20000) }, 1));
    expect(error.kind).to.equal('validation');
    expect(error.errors).to.deep.equal(errors);
    expect(error.problem?.title).to.equal('Ongeldige antwoorden');
  });

  it('403 is forbidden and 404 is notFound, each with a Dutch and English message', async () => {
    serve('get', 'dossiers/:id', ({ params }) => (params['id'] === 'secret' ? problem(403) : problem(404)));
    const forbidden = await failure(client().getDossier('secret'));
    const missing = await failure(client().getDossier('gone'));
    expect([forbidden.kind, missing.kind]).to.deep.equal(['forbidden', 'notFound']);
    expect(forbidden.userMessage.nl).to.contain('geen toegang');
    expect(localize(missing.userMessage, 'en')).to.contain('does not exist');
    // 4xx other than 408/429 are not retried
    expect(seen).to.have.length(2);
  });

  it('an error body that is not a problem is still mapped by its status', async () => {
    serve('get', 'me', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = await failure(client({ retry: 0 }).me());
    expect(error.kind).to.equal('server');
    expect(error.status).to.equal(502);
    expect(error.problem).to.equal(undefined);
  });

  it('a dot segment as id is refused without a request', async () => {
    serve('get', '*', () => HttpResponse.json(makeDossier()));
    const error = await failure(client().getDossier('..'));
    expect(error.kind).to.equal('notFound');
    expect(seen).to.have.length(0);
  });
});

describe('createHttpClient: retries and timeouts', () => {
  it('retries a GET after 503 and returns the later success', async () => {
    let attempts = 0;
    serve('get', 'me', () => (++attempts < 3 ? problem(503) : HttpResponse.json(actors.student)));
    expect(await client().me()).to.deep.equal(actors.student);
    expect(seen).to.have.length(3);
  });

  it('gives up on a GET after the configured retries with kind "server"', async () => {
    serve('get', 'dossiers/:id', () => problem(500));
    const error = await failure(client({ retry: 1 }).getDossier('dossier-1'));
    expect(error.kind).to.equal('server');
    expect(seen).to.have.length(2);
  });

  it('never retries a POST or PATCH', async () => {
    serve('post', 'dossiers/:id/actions/:action', () => problem(503));
    serve('patch', 'dossiers/:id/sections/:sectionId', () => problem(502));
    const acted = await failure(client().act('dossier-1', 'finalize'));
    const saved = await failure(client().saveSection('dossier-1', 'motivatie', {}, 1));
    expect([acted.kind, saved.kind]).to.deep.equal(['server', 'server']);
    expect(seen.map((request) => request.method)).to.deep.equal(['POST', 'PATCH']);
    expect(saved.userMessage.nl).to.contain('misschien niet opgeslagen');
  });

  it('does not wait for a Retry-After longer than a few seconds: "rateLimited" at once', async () => {
    serve('get', 'catalog/institutions', () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '120' } }));
    const started = performance.now();
    const error = await failure(client().institutions('a'));
    expect(error.kind).to.equal('rateLimited');
    expect(seen).to.have.length(1);
    expect(performance.now() - started).to.be.below(2000);
  });

  it('a slow server is a "timeout"', async () => {
    serve('get', 'me', async () => {
      await delay(2000);
      return HttpResponse.json(actors.student);
    });
    const error = await failure(client({ timeout: 100 }).me());
    expect(error.kind).to.equal('timeout');
    expect(error.userMessage.nl).to.contain('niet op tijd');
  });

  it('a network failure is "network", retried on GET only', async () => {
    serve('get', 'me', () => HttpResponse.error());
    serve('post', 'dossiers', () => HttpResponse.error());
    const read = await failure(client().me());
    expect(read.kind).to.equal('network');
    // Online, yet no answer: the server is down, at a wrong address or refuses this page (CORS).
    expect(read.networkCause).to.equal('unreachable');
    expect(read.userMessage.nl).to.contain('niet bereikbaar').and.not.to.contain('internetverbinding');
    expect(seen).to.have.length(3);
    const write = await failure(client().createDossier({ type: 'vo-mbo' }));
    expect(write.kind).to.equal('network');
    expect(seen).to.have.length(4);
  });

  it('uses the fetch it is given, also a bare window.fetch', async () => {
    serve('get', 'me', () => HttpResponse.json(actors.guardian));
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return window.fetch(input, init);
    };
    expect((await client({ fetch: counting }).me()).role).to.equal('guardian');
    expect((await client({ fetch: window.fetch }).me()).role).to.equal('guardian');
    expect(calls).to.equal(1);
  });
});

describe('createHttpClient: response validation', () => {
  it('a 200 with a body that is not JSON is "malformed"', async () => {
    serve('get', 'me', () => new HttpResponse('{"role": "student",', { headers: { 'Content-Type': 'application/json' } }));
    const error = await failure(client().me());
    expect(error.kind).to.equal('malformed');
    expect(error.userMessage.nl).to.contain('niet kunnen lezen');
  });

  it('valid JSON of the wrong shape is "malformed", naming the failing path', async () => {
    const { version: _dropped, ...withoutVersion } = makeDossier();
    serve('get', 'dossiers/:id', () => HttpResponse.json(withoutVersion));
    const error = await failure(client().getDossier('dossier-1'));
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.contain('version');
    expect(error.errors).to.deep.equal([]);
  });

  it('an unknown role or status never reaches the caller', async () => {
    serve('get', 'me', () => HttpResponse.json({ ...actors.student, role: 'admin' }));
    serve('get', 'dossiers', () => HttpResponse.json({ items: [{ ...summary, status: 'verwijderd' }] }));
    expect((await failure(client().me())).kind).to.equal('malformed');
    expect((await failure(client().listDossiers())).kind).to.equal('malformed');
  });

  it('after a write, "malformed" says the change may have been saved', async () => {
    serve('patch', 'dossiers/:id/sections/:sectionId', () => HttpResponse.json({ ok: true }));
    const error = await failure(client().saveSection('dossier-1', 'motivatie', {}, 1));
    expect(error.kind).to.equal('malformed');
    expect(error.userMessage.nl).to.contain('misschien wel opgeslagen');
  });
});

describe('errorFromProblem', () => {
  const kind = (status: number, extra: Record<string, unknown> = {}) => errorFromProblem(status, { type: 'about:blank', title: 't', status, ...extra }).kind;

  it('maps statuses and reasons to kinds', () => {
    expect(kind(409)).to.equal('conflict');
    expect(kind(409, { type: 'https://x.example/problems/conflict', reason: 'wrongState' })).to.equal('conflict');
    expect(kind(409, { reason: 'final' })).to.equal('refused');
    expect(kind(422, { errors: [{ path: 'a', message: 'b' }] })).to.equal('validation');
    expect(kind(422, { reason: 'consentIncomplete' })).to.equal('refused');
    expect(kind(401)).to.equal('unauthorized');
    expect(kind(429)).to.equal('rateLimited');
    expect(kind(503)).to.equal('server');
    expect(errorFromProblem(500, undefined).kind).to.equal('server');
  });
});

describe('parseVersionTag', () => {
  it('accepts the quoted, weak and bare forms', () => {
    expect(['"7"', 'W/"7"', '7'].map(parseVersionTag)).to.deep.equal([7, 7, 7]);
    expect([null, '', '"x"', '*'].map(parseVersionTag)).to.deep.equal([undefined, undefined, undefined, undefined]);
  });
});
