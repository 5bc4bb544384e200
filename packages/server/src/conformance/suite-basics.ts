/** Set-up, sign-in, response shapes, problem+json on bad input, and versions (409 on stale). */
import { isDossierApiError, type Actor, type Dossier, type DossierApi } from '../sdk.js';
import { DossierBuilder } from './builder.js';
import { parties, roleOf, type Party } from './expectations.js';
import { clientsFor, compareOutcome, expect, Http, Mismatch, tokenOf, type ConformanceTokens, type RawResponse, type Recorder, type World } from './harness.js';

const sectionPath = (dossier: Pick<Dossier, 'id'>, sectionId: string) => `dossiers/${encodeURIComponent(dossier.id)}/sections/${encodeURIComponent(sectionId)}`;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** Signs everyone in and finds the A7 choice and the mentor; undefined when the tokens do not fit together. */
export async function discoverWorld(recorder: Recorder, http: Http, tokens: ConformanceTokens, fetchImpl: typeof fetch, today: Date): Promise<World | undefined> {
  const api = clientsFor(http.baseUrl, tokens, fetchImpl);
  const me = {} as Record<Party, Actor>;
  let world: World | undefined;
  await recorder.check('setup', 'GET /me for every token, with the expected role', async () => {
    const wrong: string[] = [];
    for (const party of parties) {
      me[party] = await api[party].me();
      if (me[party].role !== roleOf[party]) wrong.push(`${party}: ${me[party].role}, expected ${roleOf[party]}`);
    }
    expect(wrong.length === 0, wrong.join('; '));
    return `${parties.length} people`;
  });
  if (Object.keys(me).length < parties.length) return undefined;
  await recorder.check('setup', 'the tokens fit together (school, guardian, instelling)', async () => {
    const problems: string[] = [];
    const school = me.owner.school?.id;
    if (!school) problems.push('the student has no school');
    if (me.assignedMentor.school?.id !== school) problems.push("the mentor is not at the student's school");
    if (!me.guardian.studentIds?.includes(me.owner.person.id)) problems.push("the guardian's studentIds lack the student");
    if (me.otherGuardian.studentIds?.includes(me.owner.person.id)) problems.push('otherGuardian is a guardian of the student');
    if (me.otherStudent.person.id === me.owner.person.id) problems.push('otherStudent is the student');
    if (me.otherMentor.person.id === me.assignedMentor.person.id) problems.push('otherMentor is the mentor');
    const brin = me.mbo.instelling?.brin;
    if (!brin) problems.push('the mbo token has no instelling');
    if (me.otherMbo.instelling?.brin === brin) problems.push('otherMbo is at the same instelling');
    if (problems.length) throw new Mismatch(problems.join('; '));

    const config = await api.owner.config();
    const institutions = await api.owner.institutions(me.mbo.instelling!.naam);
    const institution = institutions.find((i) => i.brin === brin);
    expect(institution, `GET /catalog/institutions?q=${me.mbo.instelling!.naam} does not list ${brin}`);
    const programmes = await api.owner.programmes(brin!);
    const programme = programmes[0];
    expect(programme, `the catalogue has no programmes for ${brin}`);
    const locations = await api.owner.locations(brin!);
    const location = locations.find((l) => programme.locatieCodes.includes(l.code)) ?? locations[0];
    expect(location, `the catalogue has no locations for ${brin}`);
    let mentorRequest: World['mentorRequest'];
    if (me.owner.school?.mentorRoster ?? (await api.owner.mentors(school!)).length > 0) {
      const roster = await api.owner.mentors(school!);
      expect(roster.some((m) => m.id === me.assignedMentor.person.id), `the roster of ${school} lacks the mentor ${me.assignedMentor.person.id}`);
      mentorRequest = { mentorId: me.assignedMentor.person.id };
    } else {
      expect(me.assignedMentor.person.email, 'without a roster the mentor needs an e-mail address in GET /me');
      mentorRequest = { mentor: { naam: me.assignedMentor.person.naam, email: me.assignedMentor.person.email! } };
    }
    world = {
      http,
      tokens,
      token: (party) => tokens[tokenOf[party]],
      api,
      me,
      config,
      today,
      references: {
        institution: { id: institution.brin, label: institution.naam, detail: { brin: institution.brin } },
        location: { id: location.code, label: location.naam, detail: { plaats: location.plaats } },
        programme: {
          id: programme.id,
          label: programme.naam,
          detail: { crebo: programme.crebo, niveau: programme.niveau, leerweg: programme.leerweg, cohort: programme.cohort },
        },
      },
      mentorRequest,
    };
    return `A7 choice: ${programme.naam} at ${institution.naam}`;
  });
  return world;
}

export async function authChecks(recorder: Recorder, http: Http): Promise<void> {
  await recorder.check('auth', '401 problem+json without a token, and with an unknown one', async () => {
    for (const token of [null, 'conformance-no-such-token']) {
      const response = await http.request(token, 'GET', 'me');
      const complaint = compareOutcome(response, { status: 401 });
      expect(!complaint, `${token ? 'unknown token' : 'no token'}: ${complaint}`);
    }
  });
}

export async function shapeChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<Dossier | undefined> {
  const { api, me } = world;
  let created: Dossier | undefined;
  await recorder.check('shapes', 'POST /dossiers answers 201 with the dossier and its version as ETag', async () => {
    const response = await world.http.request(world.token('owner'), 'POST', 'dossiers', { json: { type: 'vo-mbo' } });
    expect(response.status === 201, `got ${response.status}`);
    const body = response.body as Dossier;
    expect(response.headers.get('ETag')?.replace(/^W\//, '') === `"${body.version}"`, `ETag ${response.headers.get('ETag')} for version ${body.version}`);
    created = await api.owner.getDossier(body.id);
    expect(created.status === 'concept' && created.type === 'vo-mbo' && created.student.id === me.owner.person.id, 'the new dossier is not a concept of the student');
  });
  await recorder.check('shapes', 'every read parses against the contract (client)', async () => {
    const reads: [string, (a: Record<Party, DossierApi>) => Promise<unknown>][] = [
      ['config', (a) => a.owner.config()],
      ['dossiers (student)', (a) => a.owner.listDossiers()],
      ['dossiers (guardian)', (a) => a.guardian.listDossiers()],
      ['dossiers?view=teBehandelen', (a) => a.assignedMentor.listDossiers({ view: 'teBehandelen' })],
      ['dossiers (mbo)', (a) => a.mbo.listDossiers()],
      ['catalog/institutions', (a) => a.owner.institutions()],
      ['begeleiding (mentor)', (a) => a.assignedMentor.getBegeleiding(me.owner.person.id)],
      ...(created ? [['dossiers/{id}/history', (a: Record<Party, DossierApi>) => a.owner.history(created!.id)] as [string, (a: Record<Party, DossierApi>) => Promise<unknown>]] : []),
    ];
    for (const [name, read] of reads) {
      try {
        await read(api);
      } catch (error) {
        throw new Mismatch(`${name}: ${isDossierApiError(error) ? error.message : String(error)}`);
      }
    }
    const leerlingen = await api.assignedMentor.listDossiers({ view: 'mijnLeerlingen' });
    expect(leerlingen.students?.some((s) => s.id === me.owner.person.id), 'mijnLeerlingen lacks the student');
    const own = await api.owner.listDossiers();
    expect(!created || own.items.some((d) => d.id === created!.id), "the student's list lacks the new dossier");
    return `${reads.length + 2} reads`;
  });
  await recorder.check('shapes', 'history starts with "created" and B1 is for mentors only', async () => {
    expect(created, 'no dossier was created');
    const history = await api.owner.history(created.id);
    expect(history[0]?.kind === 'created' && history[0].version === 1, `first history entry: ${JSON.stringify(history[0])}`);
    const asStudent = await world.http.request(world.token('owner'), 'GET', `students/${encodeURIComponent(me.owner.person.id)}/begeleiding`);
    expect(asStudent.status === 403 || asStudent.status === 404, `a student reading B1 got ${asStudent.status}`);
  });
  return created ? builder.ownerView(created.id) : undefined;
}

export async function errorChecks(recorder: Recorder, world: World, dossier: Dossier): Promise<void> {
  const { http } = world;
  const token = world.token('owner');
  const cases: { name: string; run: () => Promise<RawResponse>; status: number[]; errorsAt?: string }[] = [
    { name: 'POST /dossiers with an unknown type', run: () => http.request(token, 'POST', 'dossiers', { json: { type: 'havo-mbo' } }), status: [400], errorsAt: 'type' },
    { name: 'POST /dossiers with broken JSON', run: () => http.request(token, 'POST', 'dossiers', { body: '{"type": ' }), status: [400] },
    {
      name: 'PATCH a section with an answer of the wrong type',
      run: () => http.request(token, 'PATCH', sectionPath(dossier, 'motivatie'), { json: { answers: { waarom: 12345 } }, headers: ifMatch(dossier.version) }),
      status: [400],
      errorsAt: 'answers.waarom',
    },
    {
      name: 'PATCH a section with an unknown question',
      run: () => http.request(token, 'PATCH', sectionPath(dossier, 'motivatie'), { json: { answers: { geenVraag: 'x' } }, headers: ifMatch(dossier.version) }),
      status: [400],
      errorsAt: 'answers',
    },
    { name: 'PATCH a section without If-Match', run: () => http.request(token, 'PATCH', sectionPath(dossier, 'motivatie'), { json: { answers: {} } }), status: [428, 400] },
    { name: 'PATCH an unknown section', run: () => http.request(token, 'PATCH', sectionPath(dossier, 'geenSectie'), { json: { answers: {} }, headers: ifMatch(dossier.version) }), status: [404] },
    { name: 'POST an unknown action', run: () => http.request(token, 'POST', `dossiers/${encodeURIComponent(dossier.id)}/actions/verwijderen`, { json: {} }), status: [404, 400] },
    { name: 'GET an unknown route', run: () => http.request(token, 'GET', 'geen-route'), status: [404] },
    {
      name: 'PATCH a body over 256 kB',
      run: () => http.request(token, 'PATCH', sectionPath(dossier, 'motivatie'), { body: JSON.stringify({ answers: { waarom: 'x'.repeat(300 * 1024) } }), headers: ifMatch(dossier.version) }),
      status: [413, 400],
    },
  ];
  for (const c of cases) {
    await recorder.check('errors', `${c.name}: ${c.status.join(' or ')} problem+json`, async () => {
      const response = await c.run();
      const complaint = compareOutcome(response, { status: c.status.includes(response.status) ? response.status : c.status[0]! });
      expect(!complaint, complaint!);
      if (c.errorsAt) {
        const paths = (response.problem?.errors ?? []).map((e) => e.path);
        expect(paths.some((p) => p === c.errorsAt || p.startsWith(`${c.errorsAt}.`)), `errors[] should name ${c.errorsAt}, got ${JSON.stringify(paths)}`);
      }
    });
  }
  await recorder.check('errors', 'nothing was stored by the bad requests', async () => {
    const after = await world.api.owner.getDossier(dossier.id);
    expect(after.version === dossier.version, `version went from ${dossier.version} to ${after.version}`);
  });
}

export async function versionChecks(recorder: Recorder, world: World, builder: DossierBuilder, dossier: Dossier): Promise<void> {
  const { api } = world;
  const motivatie = builder.answers(dossier.type, 'motivatie');
  await recorder.check('versions', 'a save with a stale version gets 409 and changes nothing', async () => {
    const saved = await api.owner.saveSection(dossier.id, 'motivatie', { ...motivatie, later: 'eerste' }, dossier.version);
    expect(saved.version === dossier.version + 1, `save gave version ${saved.version}`);
    const stale = await world.http.request(world.token('owner'), 'PATCH', sectionPath(dossier, 'motivatie'), {
      json: { answers: { later: 'verouderd' } },
      headers: ifMatch(dossier.version),
    });
    const complaint = compareOutcome(stale, { status: 409 });
    expect(!complaint, complaint!);
    expect(stale.problem?.type.endsWith('/conflict'), `problem type ${stale.problem?.type} should end in /conflict (the client's stale-copy signal)`);
    const after = await api.owner.getDossier(dossier.id);
    expect(after.version === saved.version && after.answers['motivatie']?.['later'] === 'eerste', 'the stale save changed the dossier');
  });
  await recorder.check('versions', 'an action with a stale If-Match gets 409', async () => {
    const current = await api.owner.getDossier(dossier.id);
    const response = await world.http.request(world.token('owner'), 'POST', `dossiers/${encodeURIComponent(dossier.id)}/actions/archive`, { json: {}, headers: ifMatch(current.version - 1) });
    const complaint = compareOutcome(response, { status: 409 });
    expect(!complaint, complaint!);
    const after = await api.owner.getDossier(dossier.id);
    expect(!after.archived && after.version === current.version, 'the stale action changed the dossier');
  });
  await recorder.check('versions', 'concurrent saves of one version: exactly one wins, the others get 409', async () => {
    const current = await api.owner.getDossier(dossier.id);
    const writers = 6;
    const results = await Promise.allSettled(
      Array.from({ length: writers }, (_, i) => api.owner.saveSection(dossier.id, 'motivatie', { later: `schrijver ${i}` }, current.version)),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    const conflicts = results.filter((r) => r.status === 'rejected' && isDossierApiError(r.reason) && r.reason.kind === 'conflict').length;
    expect(won.length === 1 && conflicts === writers - 1, `${won.length} saves won and ${conflicts} got 409 (of ${writers})`);
    const after = await api.owner.getDossier(dossier.id);
    expect(after.version === current.version + 1, `version ${after.version}, expected ${current.version + 1}`);
    expect(after.answers['motivatie']?.['later'] === `schrijver ${won[0]}`, 'the stored answer is not the acknowledged one');
  });
}
