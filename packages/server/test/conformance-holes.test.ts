// Issue 12: for each hole a real school hit, a deliberately broken backend that reintroduces it,
// and proof that the conformance kit fails it in a check of the group named after the rule. The
// broken backends are the SDK's own service over the memory store, changed at one point: a wrapped
// store, a service method routed elsewhere, or a fetch that answers one request its own way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCatalogIndex, createMemoryStore, type StoreTx } from '@doorstroom/sdk/server';
import { exampleTokens, formatReport, runConformance, type CheckResult, type ConformanceOptions, type ConformanceReport, type ConformanceTokens } from '../src/conformance/index.js';
import { createFetchHandler, createMemoryBackend, createService, exampleData, memoryBaseUrl, problem, type BackendStore, type Dossier, type DossierService, type Problem } from '../src/sdk.js';

// --- broken backends ---------------------------------------------------------------------------

interface Backend {
  baseUrl: string;
  fetch: typeof fetch;
}

/** A store transaction with some methods replaced; everything else is the memory store's own. */
function patchedTx(tx: StoreTx, patch: (tx: StoreTx) => Partial<StoreTx>): StoreTx {
  const overrides = patch(tx) as Record<PropertyKey, unknown>;
  return new Proxy(tx, {
    get(target, property) {
      if (property in overrides) return overrides[property];
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The memory backend, built by hand so one part can be broken: `storePatch` changes what the
 * service reads and writes, `service` wraps the service (with the honest one and a factory for
 * services over other patched stores).
 */
function brokenBackend(options: {
  storePatch?: (tx: StoreTx) => Partial<StoreTx>;
  service?: (honest: DossierService, tools: { store: BackendStore; serviceOver: (patch: (tx: StoreTx) => Partial<StoreTx>) => DossierService }) => DossierService;
}): Backend & { store: BackendStore } {
  const data = exampleData({ today: new Date() });
  const inner = createMemoryStore({
    seed: { config: data.config, schools: data.schools, students: data.students, dossiers: data.dossiers, begeleiding: data.begeleiding, history: data.history },
    catalog: createCatalogIndex(data.catalog),
  });
  const over = (patch: (tx: StoreTx) => Partial<StoreTx>): BackendStore => ({ transaction: (work) => inner.transaction((tx) => work(patchedTx(tx, patch))) });
  const store: BackendStore = options.storePatch ? over(options.storePatch) : inner;
  const honest = createService(store);
  const service = options.service ? options.service(honest, { store: inner, serviceOver: (patch) => createService(over(patch)) }) : honest;
  const accounts = new Map(data.accounts.map((account) => [account.token, account.actor]));
  const handler = createFetchHandler(service, {
    basePath: new URL(memoryBaseUrl).pathname,
    authenticate: async (token) => (token !== null ? (structuredClone(accounts.get(token)) ?? null) : null),
  });
  return { baseUrl: memoryBaseUrl, fetch: (async (input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init))) as typeof fetch, store: inner };
}

/** A backend behind a fetch that may answer a request its own way (`answer` returns undefined to pass it on). */
function tampered(backend: Backend, answer: (request: Request, token: string) => Promise<Response | undefined>): Backend {
  return {
    baseUrl: backend.baseUrl,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      // The body is read once, and each use gets a request of its own (a tee'd stream nobody reads can stall a large one).
      const original = new Request(input, init);
      const body = original.method === 'GET' || original.method === 'HEAD' ? undefined : await original.text();
      const copy = () => new Request(original.url, { method: original.method, headers: original.headers, ...(body !== undefined ? { body } : {}) });
      const token = (original.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
      return (await answer(copy(), token)) ?? backend.fetch(copy());
    }) as typeof fetch,
  };
}

/** The same request, signed in as someone else. */
function as(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

const problemResponse = (body: Problem) => new Response(JSON.stringify(body), { status: body.status, headers: { 'Content-Type': 'application/problem+json' } });
const refusedResponse = (status: number, reason: string) => problemResponse(problem(status, status === 403 ? 'forbidden' : 'refused', 'Geweigerd.', { reason }));
const pathOf = (request: Request) => new URL(request.url).pathname;
const json = async (request: Request): Promise<Record<string, unknown>> => {
  const text = await request.clone().text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
};

// --- running the kit ---------------------------------------------------------------------------

const failures = (report: ConformanceReport) => report.results.filter((r) => r.status === 'fail');
const names = (results: CheckResult[]) => results.map((r) => `${r.group} / ${r.name}`).join(' | ');

/** The kit without the matrix, on the groups given (set-up always runs). */
function kit(backend: Backend, groups: string[], extra: Partial<ConformanceOptions> = {}): Promise<ConformanceReport> {
  return runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: backend.fetch, cells: () => false, groups: (g) => groups.includes(g), ...extra });
}

/** The failing check of `group` whose name matches, with the rule's name in the group and the detail matching `detail`. */
function assertFails(report: ConformanceReport, group: string, name: RegExp, detail: RegExp): CheckResult {
  const failed = failures(report);
  const found = failed.find((r) => r.group === group && name.test(r.name));
  assert.ok(found, `expected "${group}" / ${name} to fail; failed: ${names(failed)}\n${formatReport(report)}`);
  assert.match(found.detail ?? '', detail);
  // Only the rule's group fails: the set-up and everything else still pass.
  assert.deepEqual([...new Set(failed.map((r) => r.group))], [group], names(failed));
  return found;
}

const honestFirst = (backend: Backend, groups: string[]) =>
  it(`passes the groups ${groups.join(', ')} on the honest backend`, async () => {
    const report = await kit(backend, groups);
    assert.equal(report.failed, 0, formatReport(report));
    assert.ok(report.results.filter((r) => groups.includes(r.group) && r.status === 'pass').length >= groups.length, formatReport(report));
  });

// --- the holes ---------------------------------------------------------------------------------

describe('the conformance kit fails a backend with a hole of issue 12', () => {
  honestFirst(brokenBackend({}), ['registered birth date', 'B1 fixed at sendToStudent', 'B1 access', 'guardian only while needed', 'guardian consent', 'onderwijsnummer']);
  honestFirst(createMemoryBackend(), [
    'A7 checked against the catalogue',
    'roster per school and klas',
    'terugzetten, archive and reactivate',
    'MBO reads milestones',
    'dev routes',
    'no existence oracle',
    'support contact',
    'A3 per dossier type',
  ]);

  it('1. the age comes from the birth date typed in A1, not the registered one', async () => {
    // A1 saves and finalize go to a service that does not see the registration (no read-only
    // A1, the typed birth date decides); every other request is answered honestly.
    const hideRegistration = (tx: StoreTx): Partial<StoreTx> => {
      const strip = (d: Dossier | undefined) => (d ? { ...d, student: { ...d.student, geboortedatum: undefined } } : d);
      return {
        getStudent: async (id) => {
          const student = await tx.getStudent(id);
          if (!student) return student;
          const { geboortedatum: _g, bsn: _b, onderwijsnummer: _o, ...rest } = student;
          return rest;
        },
        getDossier: async (id) => strip(await tx.getDossier(id)),
        listDossiers: async (filter) => (await tx.listDossiers(filter)).map((d) => strip(d)!),
        putDossier: async (dossier) => {
          const stored = await tx.getDossier(dossier.id);
          const geboortedatum = stored?.student.geboortedatum;
          const { geboortedatum: _none, ...student } = dossier.student;
          return tx.putDossier({ ...dossier, student: { ...student, ...(geboortedatum ? { geboortedatum } : {}) } });
        },
      };
    };
    const backend = brokenBackend({
      service: (honest, { serviceOver }) => {
        const typed = serviceOver(hideRegistration);
        return {
          ...honest,
          saveSection: (actor, id, sectionId, answers, version) => (sectionId === 'persoonlijk' ? typed : honest).saveSection(actor, id, sectionId, answers, version),
          act: (actor, id, action, request, version) => (action === 'finalize' ? typed : honest).act(actor, id, action, request, version),
        };
      },
    });
    const report = await kit(backend, ['registered birth date']);
    const found = assertFails(report, 'registered birth date', /still needs a guardian/, /registered decides the consent age/);
    assert.match(found.detail ?? '', /A1 now holds the typed birth date/);
    assert.match(found.detail ?? '', /finalize without a guardian: got 200, expected 422 guardianInzageMissing or guardianConsentMissing/);
  });

  it('2a. a B1 change after consent reaches the akkoord dossier (same version) and the MBO', async () => {
    const backend = brokenBackend({
      service: (honest, { store }) => ({
        ...honest,
        // Writes the new B1 into every dossier of the student, also those already sent to them.
        saveBegeleiding: async (actor, studentId, answers, version) => {
          const saved = await honest.saveBegeleiding(actor, studentId, answers, version);
          await store.transaction(async (tx) => {
            for (const dossier of await tx.listDossiers({ studentIds: [studentId], statuses: ['akkoord'] })) {
              await tx.putDossier({ ...dossier, answers: { ...dossier.answers, begeleiding: saved.answers } });
            }
          });
          return saved;
        },
      }),
    });
    const report = await kit(backend, ['B1 fixed at sendToStudent']);
    const failed = failures(report);
    const kept = failed.find((r) => r.name.startsWith('a B1 change by the mentor after consent'));
    assert.ok(kept && kept.group === 'B1 fixed at sendToStudent', names(failed));
    assert.match(kept.detail ?? '', /a dossier keeps the B1 it was sent to the student with.*the student now reads another B1.*the guardian now reads another B1/);
    const mbo = failed.find((r) => r.name.startsWith('after finalize with the consented version'));
    assert.ok(mbo && mbo.group === 'B1 fixed at sendToStudent', names(failed));
    assert.match(mbo.detail ?? '', /the MBO reads the B1 the student consented to: the MBO reads other answers to begeleiding/);
  });

  it("2b. a mentor of the school who is not the klas's reads and writes B1", async () => {
    const backend = createMemoryBackend();
    const leaky = tampered(backend, async (request, token) =>
      token === exampleTokens.otherMentor && pathOf(request).endsWith('/begeleiding') ? backend.fetch(as(request, exampleTokens.mentor)) : undefined,
    );
    const report = await kit(leaky, ['B1 access']);
    assertFails(report, 'B1 access', /mentors of the student's klas only/, /GET by otherMentor: got 200, expected 404.*B1 is for the mentors of the student's klas.*PATCH by otherMentor: got 200/);
  });

  it('3. a guardian of an adult reads their dossier', async () => {
    const backend = createMemoryBackend();
    const adult = exampleTokens.adultStudent!;
    const leaky = tampered(backend, async (request, token) =>
      token === exampleTokens.adultStudentGuardian && request.method === 'GET' && /\/dossiers(\/[^/]+(\/history)?)?$/.test(pathOf(request)) ? backend.fetch(as(request, adult)) : undefined,
    );
    const report = await kit(leaky, ['guardian only while needed']);
    assertFails(
      report,
      'guardian only while needed',
      /guardian of an adult student/,
      /a guardian reads a dossier only while the student is under 18.*the guardian reading the dossier: got 200, expected 404/,
    );
  });

  it('4a. the A7 choice is stored as the client sent it, unchecked', async () => {
    const backend = brokenBackend({
      service: (honest, { store }) => ({
        ...honest,
        saveSection: async (actor, id, sectionId, answers, version) => {
          if (sectionId !== 'vervolgkeuze' || !answers || typeof answers !== 'object') return honest.saveSection(actor, id, sectionId, answers, version);
          const { instelling, locatie, opleiding, ...rest } = answers as Record<string, unknown>;
          await honest.saveSection(actor, id, sectionId, rest, version);
          await store.transaction(async (tx) => {
            const dossier = (await tx.getDossier(id))!;
            const refs = Object.fromEntries(Object.entries({ instelling, locatie, opleiding }).filter(([, v]) => v !== undefined)) as Dossier['answers'][string];
            await tx.putDossier({ ...dossier, answers: { ...dossier.answers, vervolgkeuze: { ...dossier.answers['vervolgkeuze'], ...refs } } });
          });
          return honest.getDossier(actor, id);
        },
      }),
    });
    const report = await kit(backend, ['A7 checked against the catalogue']);
    const failed = failures(report).filter((r) => r.group === 'A7 checked against the catalogue');
    const expected = [
      'an instelling the catalogue does not have',
      'a locatie of another instelling',
      'an opleiding of another instelling',
      'an opleiding not given at the chosen locatie',
      "forged labels are replaced by the catalogue's",
    ];
    for (const name of expected)
      assert.ok(
        failed.some((r) => r.name.startsWith(name)),
        `"${name}" did not fail: ${names(failures(report))}`,
      );
    for (const r of failed.filter((r) => r.name.includes('notInCatalogue'))) {
      assert.match(r.detail ?? '', /the backend checks the A7 choice against its catalogue.*got 200, expected 422 notInCatalogue.*the refused choice was stored/);
      // The choice stored by one case does not turn the next into a 409: each reads the dossier afresh.
      assert.doesNotMatch(r.detail ?? '', /409/);
    }
    assert.match(failed.find((r) => r.name.startsWith('forged'))?.detail ?? '', /labels come from the catalogue.*"Het ROC dat je wilde"/);
    assert.equal(failures(report).length, expected.length, names(failures(report)));
  });

  it("4b. the instelling is checked, but not whether the locatie and opleiding are that instelling's", async () => {
    // Only A7 saves go to a service whose catalogue mixes every instelling's locations and programmes.
    const everything = (tx: StoreTx): Partial<StoreTx> => {
      const all = () => tx.searchInstitutions('', 100);
      return {
        listLocations: async () => (await Promise.all((await all()).map((i) => tx.listLocations(i.brin)))).flat(),
        getProgramme: async (_brin, id) => {
          for (const institution of await all()) {
            const programme = await tx.getProgramme(institution.brin, id);
            if (programme) return { ...programme, locatieCodes: [] };
          }
          return undefined;
        },
      };
    };
    const backend = brokenBackend({
      service: (honest, { serviceOver }) => {
        const loose = serviceOver(everything);
        return { ...honest, saveSection: (actor, id, sectionId, answers, version) => (sectionId === 'vervolgkeuze' ? loose : honest).saveSection(actor, id, sectionId, answers, version) };
      },
    });
    const report = await kit(backend, ['A7 checked against the catalogue']);
    const failed = failures(report);
    assert.deepEqual(
      failed.map((r) => r.name.split(':')[0]).sort(),
      ['a locatie of another instelling', 'an opleiding not given at the chosen locatie', 'an opleiding of another instelling'],
      formatReport(report),
    );
    assert.ok(
      failed.every((r) => r.group === 'A7 checked against the catalogue' && /got 200, expected 422 notInCatalogue/.test(r.detail ?? '')),
      formatReport(report),
    );
  });

  it('5. only a BSN is accepted, no onderwijsnummer', async () => {
    const backend = createMemoryBackend();
    const bsnOnly = tampered(backend, async (request) => {
      if (request.method !== 'PATCH' || !pathOf(request).endsWith('/sections/persoonlijk')) return undefined;
      const answers = ((await json(request))['answers'] ?? {}) as Record<string, unknown>;
      if (answers['nummerSoort'] !== 'onderwijsnummer' && !('onderwijsnummer' in answers)) return undefined;
      return problemResponse(problem(400, 'validation', 'Vul een geldig BSN in.', { errors: [{ path: 'answers.bsn', message: 'a BSN is required' }] }));
    });
    const report = await kit(bsnOnly, ['onderwijsnummer']);
    assertFails(report, 'onderwijsnummer', /nobody registered types an onderwijsnummer/, /a student without a BSN has an onderwijsnummer.*got 400, expected 200 \(answers\.bsn\)/);
  });

  it("6a. the roster offers a student every mentor of the school, not their klas's", async () => {
    const backend = createMemoryBackend();
    const wholeSchool = tampered(backend, async (request, token) =>
      token === exampleTokens.student && /\/schools\/[^/]+\/mentors$/.test(pathOf(request)) ? backend.fetch(as(request, exampleTokens.mentor)) : undefined,
    );
    const report = await kit(wholeSchool, ['roster per school and klas']);
    assertFails(report, 'roster per school and klas', /offered only the mentors of their klas/, /a student chooses from the mentors of their klas.*offers otherMentor mentor-yilmaz/);
  });

  it('6b. a school without a roster: the student cannot name a mentor by name and e-mail', async () => {
    const backend = createMemoryBackend();
    // As when the roster switch was the region's: a typed mentor is not on "the" roster.
    const stuck = tampered(backend, async (request) =>
      request.method === 'POST' && pathOf(request).endsWith('/actions/submitToMentor') && 'mentor' in (await json(request)) ? refusedResponse(422, 'mentorNotOnRoster') : undefined,
    );
    const report = await kit(stuck, ['roster per school and klas']);
    assertFails(report, 'roster per school and klas', /school without a roster/, /without one the student types a name and e-mail.*got 422 mentorNotOnRoster, expected 200/);
  });

  it('6c. at a school with a roster, a free name and e-mail are taken anyway', async () => {
    const backend = createMemoryBackend();
    const loose = tampered(backend, async (request, token) => {
      if (token !== exampleTokens.student || request.method !== 'POST' || !pathOf(request).endsWith('/actions/submitToMentor') || !('mentor' in (await json(request)))) return undefined;
      return backend.fetch(new Request(request, { body: JSON.stringify({ mentorId: 'mentor-de-vries' }) }));
    });
    const report = await kit(loose, ['roster per school and klas']);
    assertFails(report, 'roster per school and klas', /free name and e-mail and a mentor of another klas are refused/, /naming a free name and e-mail: got 200, expected 422 mentorNotOnRoster/);
  });

  const roleHole = (what: string, rewrite: (request: Request, token: string, backend: ReturnType<typeof createMemoryBackend>) => Promise<Response | undefined>, name: RegExp, detail: RegExp) =>
    it(`7. ${what}`, async () => {
      const backend = createMemoryBackend();
      const report = await kit(
        tampered(backend, (request, token) => rewrite(request, token, backend)),
        ['terugzetten, archive and reactivate'],
      );
      assertFails(report, 'terugzetten, archive and reactivate', name, detail);
    });
  const action = (request: Request, name: string) => request.method === 'POST' && pathOf(request).endsWith(`/actions/${name}`);
  roleHole(
    'the student cannot take a dossier back from bijMentor (terugzetten)',
    async (request, token) => (token === exampleTokens.student && action(request, 'returnToDeelA') ? refusedResponse(403, 'wrongRole') : undefined),
    /takes a dossier back/,
    /the student may take a dossier back from bijMentor.*got 403 wrongRole, expected 200/,
  );
  roleHole(
    'the student archives',
    async (request, token, backend) => (token === exampleTokens.student && action(request, 'archive') ? backend.fetch(as(request, exampleTokens.mentor)) : undefined),
    /the mentor archives; the student may not/,
    /archiving is for the mentor or the decaan.*archive by the student: got 200, expected 403 wrongRole/,
  );
  roleHole(
    'the mentor reactivates',
    async (request, token, backend) => (token === exampleTokens.mentor && action(request, 'reactivate') ? backend.fetch(as(request, exampleTokens.student)) : undefined),
    /the student reactivates; the mentor may not/,
    /the student brings an archived dossier back.*reactivate by the mentor: got 200, expected 403 wrongRole/,
  );

  it("8. the MBO reads the school's history: names and saves", async () => {
    const backend = createMemoryBackend();
    const leaky = tampered(backend, async (request, token) => (token === exampleTokens.mbo && pathOf(request).endsWith('/history') ? backend.fetch(as(request, exampleTokens.student)) : undefined));
    const report = await kit(leaky, ['MBO reads milestones']);
    assertFails(
      report,
      'MBO reads milestones',
      /no names, no saves/,
      /the MBO reads of the history only the milestone dates.*entries name who did it.*not status changes.*it names Mevrouw E\. de Vries/,
    );
  });

  it('9. the dev routes answer another site without a token, and reset the data', async () => {
    const backend = createMemoryBackend();
    const open = tampered(backend, async (request) => {
      const path = pathOf(request);
      if (path.endsWith('/dev/reset') && request.method === 'POST') {
        backend.reset();
        return Response.json({ reset: true });
      }
      if (path.endsWith('/dev/accounts')) return Response.json({ items: backend.data.accounts.map((a) => ({ token: a.token })) });
      return undefined;
    });
    const report = await kit(open, ['dev routes']);
    assertFails(
      report,
      'dev routes',
      /never answer 2xx/,
      /dev routes exist only in dev mode and refuse other sites.*POST dev\/reset from https:\/\/evil\.example without a token: 200.*GET dev\/accounts .*: 200.*the data was reset/,
    );
  });

  it('10a. a same-school mentor gets 403 for a dossier that exists and 404 for one that does not', async () => {
    const backend = createMemoryBackend();
    const oracle = tampered(backend, async (request, token) => {
      if (token === exampleTokens.student || request.method !== 'GET' || !/\/dossiers\/[^/]+(\/history)?$/.test(pathOf(request))) return undefined;
      const asOwner = await backend.fetch(as(request, exampleTokens.student));
      const own = await backend.fetch(request);
      return asOwner.ok && own.status === 404 ? refusedResponse(403, 'notYours') : own;
    });
    const report = await kit(oracle, ['no existence oracle']);
    assertFails(
      report,
      'no existence oracle',
      /answers exactly as one that does not exist/,
      /whoever may not see a dossier gets 404.*GET by otherMentor of a dossier that exists: 403 notYours, expected 404/,
    );
  });

  it('10b. dossier ids count up', async () => {
    let next = 1000;
    const backend = brokenBackend({ storePatch: () => ({ newDossierId: async () => `dossier-${next++}` }) });
    const report = await kit(backend, ['no existence oracle']);
    assertFails(report, 'no existence oracle', /ids cannot be guessed/, /dossier ids are not guessable.*shorter than 16 characters.*count up/);
  });

  it('10c. errors[].path repeats the keys the client made up', async () => {
    const backend = createMemoryBackend();
    const echo = tampered(backend, async (request) => {
      if (request.method !== 'PATCH' || !pathOf(request).includes('/sections/')) return undefined;
      const response = await backend.fetch(request.clone());
      if (response.status !== 400) return response;
      const answers = ((await json(request))['answers'] ?? {}) as Record<string, unknown>;
      const body = (await response.json()) as Problem;
      return problemResponse({ ...body, errors: Object.keys(answers).map((key) => ({ path: `answers.${key}`, message: 'unknown question' })) });
    });
    const report = await kit(echo, ['no existence oracle']);
    assertFails(report, 'no existence oracle', /never echoes a key/, /errors\[\]\.path names only questions the section has.*repeats "<img", "onerror", "verzonnenVraag"/);
  });

  it('10d. an unknown HTTP method crashes the server (500)', async () => {
    const backend = createMemoryBackend();
    const crashing = tampered(backend, async (request) => (request.method === 'PROPFIND' ? problemResponse(problem(500, 'server-error', 'Er ging iets mis.')) : undefined));
    const report = await kit(crashing, ['no existence oracle']);
    assertFails(report, 'no existence oracle', /unknown HTTP method/, /refused plainly \(405 Method Not Allowed or 501\).*PROPFIND \/me: 500/);
  });

  it('10e. rotating junk tokens are never rate limited (only checked when asked for)', async () => {
    const backend = createMemoryBackend();
    const skipped = await kit(backend, ['rate limit']);
    const skip = skipped.results.find((r) => r.group === 'rate limit');
    assert.equal(skip?.status, 'skip');
    assert.match(skip?.detail ?? '', /opt-in \(checkRateLimit: true, or --rate-limit\)/);
    const unlimited = await kit(backend, ['rate limit'], { checkRateLimit: true });
    assertFails(unlimited, 'rate limit', /junk bearer tokens/, /no 429 after 300 requests with rotating junk bearer tokens/);
    // A backend that limits failed sign-ins per address passes.
    let junk = 0;
    const limited = tampered(backend, async (request, token) =>
      pathOf(request).endsWith('/me') && token.startsWith('conformance-junk-') && ++junk > 50 ? problemResponse(problem(429, 'bad-request', 'Te veel verzoeken.')) : undefined,
    );
    const report = await kit(limited, ['rate limit'], { checkRateLimit: true });
    assert.equal(report.failed, 0, formatReport(report));
    assert.match(report.results.find((r) => r.group === 'rate limit')?.detail ?? '', /429 after 51 requests/);
  });

  it('11a. the region config has no support contact to show', async () => {
    const backend = createMemoryBackend();
    const silent = tampered(backend, async (request) => {
      if (!pathOf(request).endsWith('/config')) return undefined;
      const config = (await (await backend.fetch(request)).json()) as Record<string, unknown>;
      return Response.json({ ...config, support: { naam: 'Servicedesk' } });
    });
    const report = await kit(silent, ['support contact']);
    assertFails(report, 'support contact', /names a support contact/, /the region serves its support contact.*support has no email, telefoon or url/);
  });

  it('11b. A3 asks a werk-mbo adult for a klas and a diploma this year', async () => {
    const backend = createMemoryBackend();
    const strict = tampered(backend, async (request, token) => {
      if (!(request.method === 'POST' && pathOf(request).endsWith('/actions/submitForConsent'))) return undefined;
      const id = pathOf(request).split('/')[3]!;
      const dossier = (await (await backend.fetch(new Request(new URL(`dossiers/${id}`, backend.baseUrl), { headers: { Authorization: `Bearer ${token}` } }))).json()) as Dossier;
      return dossier.type === 'werk-mbo' && !dossier.answers['herkomst']?.['klas'] ? refusedResponse(422, 'deelAIncomplete') : undefined;
    });
    const report = await kit(strict, ['A3 per dossier type']);
    assertFails(report, 'A3 per dossier type', /werk-mbo dossier goes to consent/, /A3 asks someone out of school \(werk-mbo\).*submitForConsent: got 422 deelAIncomplete, expected 200/);
  });

  it("a changed akkoordverklaring keeps the guardian's earlier consent", async () => {
    const backend = brokenBackend({
      service: (honest, { store }) => ({
        ...honest,
        saveSection: async (actor, id, sectionId, answers, version) => {
          const before = sectionId === 'akkoordverklaring' ? await store.transaction(async (tx) => (await tx.getDossier(id))?.answers['ouderToestemming']) : undefined;
          const saved = await honest.saveSection(actor, id, sectionId, answers, version);
          if (!before) return saved;
          await store.transaction(async (tx) => {
            const dossier = (await tx.getDossier(id))!;
            await tx.putDossier({ ...dossier, answers: { ...dossier.answers, ouderToestemming: before } });
          });
          return honest.getDossier(actor, id);
        },
      }),
    });
    const report = await kit(backend, ['guardian consent']);
    assertFails(report, 'guardian consent', /asks the guardian again/, /a change of it needs their consent again.*consent \(ouderToestemming\) stayed.*finalize: got 200, expected 422/);
  });

  it("a guardian consents before the student's own declaration", async () => {
    // The guardian's save goes to a service that cannot see the student's declaration yet, as if it were given.
    const backend = brokenBackend({
      service: (honest, { serviceOver }) => {
        const declared = serviceOver((tx) => ({
          getDossier: async (id) => {
            const dossier = await tx.getDossier(id);
            return dossier && { ...dossier, answers: { ...dossier.answers, akkoordverklaring: { akkoord: 'ja', toestemming: true, ...dossier.answers['akkoordverklaring'] } } };
          },
          putDossier: async (dossier) => {
            const stored = await tx.getDossier(dossier.id);
            const own = stored?.answers['akkoordverklaring'];
            const { akkoordverklaring: _assumed, ...answers } = dossier.answers;
            return tx.putDossier({ ...dossier, answers: own ? { ...answers, akkoordverklaring: own } : answers });
          },
        }));
        return { ...honest, saveSection: (actor, id, sectionId, answers, version) => (sectionId === 'ouderToestemming' ? declared : honest).saveSection(actor, id, sectionId, answers, version) };
      },
    });
    const report = await kit(backend, ['guardian consent']);
    assertFails(report, 'guardian consent', /before the student's own declaration/, /so those come first.*the guardian consenting first: got 200, expected 409 studentConsentFirst/);
  });
});

// --- a vendor starting from nothing ------------------------------------------------------------

describe('the conformance kit reports what it can when the set-up is incomplete', () => {
  const skippedFor = (report: ConformanceReport, reason: RegExp) => report.results.filter((r) => r.status === 'skip' && reason.test(r.detail ?? ''));

  it('without a catalogue: one set-up failure, the checks that need an A7 choice skipped, the rest run and pass', async () => {
    const backend = createMemoryBackend();
    const empty = tampered(backend, async (request) => (/\/catalog\/institutions\/[^/]+\/programmes$/.test(pathOf(request)) ? Response.json([]) : undefined));
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: empty.fetch });
    const failed = failures(report);
    assert.deepEqual(
      failed.map((r) => r.name),
      ["the catalogue offers a programme of the mbo's instelling at one of its locaties"],
      formatReport(report),
    );
    assert.match(failed[0]!.detail ?? '', /the catalogue has no programmes for 25LH/);
    const needCatalogue = skippedFor(report, /needs an A7 choice from the catalogue/);
    assert.ok(needCatalogue.length >= 20, `only ${needCatalogue.length} checks were skipped for the catalogue\n${formatReport(report)}`);
    for (const group of ['workflow', 'registered birth date', 'B1 fixed at sendToStudent', 'roster per school and klas'])
      assert.ok(
        needCatalogue.some((r) => r.group === group),
        `${group} was not skipped for the catalogue`,
      );
    const passed = new Set(report.results.filter((r) => r.status === 'pass').map((r) => r.group));
    for (const group of ['auth', 'shapes', 'errors', 'versions', 'B1 access', 'no existence oracle', 'support contact', 'dev routes', 'onderwijsnummer'])
      assert.ok(passed.has(group), `${group} did not run\n${formatReport(report)}`);
    assert.ok(
      report.results.some((r) => r.name.startsWith('an instelling the catalogue does not have') && r.status === 'pass'),
      'the unknown-instelling check needs no catalogue',
    );
  });

  it('with a token that does not fit: the set-up says which, and the checks that do not need it still run', async () => {
    const backend = createMemoryBackend();
    const tokens: ConformanceTokens = { ...exampleTokens, guardian: 'guardian-de-graaf' };
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens, fetch: backend.fetch, cells: () => false });
    const failed = failures(report);
    assert.deepEqual(
      failed.map((r) => `${r.group} / ${r.name}`),
      ['setup / the tokens fit together (school, guardian, mentor, instelling)'],
      formatReport(report),
    );
    assert.match(failed[0]!.detail ?? '', /the guardian's studentIds lack the student/);
    assert.ok(skippedFor(report, /needs the tokens to fit together: the guardian's studentIds lack the student/).length >= 8, formatReport(report));
    const passed = new Set(report.results.filter((r) => r.status === 'pass').map((r) => r.group));
    for (const group of ['A7 checked against the catalogue', 'onderwijsnummer', 'guardian only while needed', 'support contact', 'dev routes'])
      assert.ok(passed.has(group), `${group} did not run\n${formatReport(report)}`);
  });

  it('with a student who is an adult by the registration: a set-up failure that says so, and the checks of a minor skipped', async () => {
    // The example data of five years ago: Noor (15 then) is 20 now.
    const today = new Date();
    const earlier = new Date(today.getFullYear() - 5, today.getMonth(), today.getDate(), 12);
    const backend = createMemoryBackend(exampleData({ today: earlier }), { now: () => today });
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: exampleTokens, fetch: backend.fetch, cells: (c) => c.type === 'werk-mbo' && c.status === 'concept' });
    const setup = failures(report).find((r) => r.group === 'setup');
    assert.match(setup?.detail ?? '', /student-noor is 20 by the registration \(\d{4}-\d{2}-\d{2}\); the suite's student must be younger than guardianConsentBelowAge \(18\)/, formatReport(report));
    for (const group of ['registered birth date', 'workflow', 'guardian consent']) {
      assert.ok(
        skippedFor(report, /needs a student under the consent age \(18\): student-noor is 20/).some((r) => r.group === group),
        `${group} was not skipped\n${formatReport(report)}`,
      );
    }
  });

  it('without the optional tokens: their checks are skipped with the token they need, and nothing fails', async () => {
    const backend = createMemoryBackend();
    const { adultStudent: _a, adultStudentGuardian: _g, noRosterStudent: _s, noRosterMentor: _m, unregisteredStudent: _u, decaan: _d, otherDecaan: _o, ...required } = exampleTokens;
    const report = await runConformance({ baseUrl: backend.baseUrl, tokens: required, fetch: backend.fetch, cells: () => false });
    assert.equal(report.failed, 0, formatReport(report));
    const skipped = report.results.filter((r) => r.status === 'skip').map((r) => `${r.group}: ${r.detail}`);
    const decaan = "needs the optional token decaan (see the README's token table)";
    const otherDecaan = "needs the optional token otherDecaan (see the README's token table)";
    assert.deepEqual(skipped.sort(), [
      `changeMentor: ${decaan}`,
      `decaan for the school: ${decaan}`,
      `decaan of another school: ${otherDecaan}`,
      "guardian only while needed: needs the optional tokens adultStudent and adultStudentGuardian (see the README's token table)",
      `intake for the student and the decaan only: ${decaan}`,
      `intake set by the chosen MBO only: ${decaan}`,
      `moveKlas: ${decaan}`,
      'onderwijsnummer: needs an optional student token whose registration has an onderwijsnummer (e.g. noRosterStudent, see the README)',
      "onderwijsnummer: needs the optional token unregisteredStudent (see the README's token table)",
      'rate limit: opt-in (checkRateLimit: true, or --rate-limit): it sends 300 requests with junk tokens, after which the backend may refuse this address for a while',
      `reminders: ${decaan}`,
      `reminders: ${otherDecaan}`,
      "roster per school and klas: needs the optional tokens noRosterStudent and noRosterMentor (see the README's token table)",
    ]);
  });
});
