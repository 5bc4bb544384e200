/** Set-up, sign-in, response shapes, problem+json on bad input, and versions (409 on stale). */
import { isDossierApiError, type Actor, type Dossier, type DossierApi, type Institution, type Location, type Programme } from '../sdk.js';
import { ageOn } from './answers.js';
import { DossierBuilder } from './builder.js';
import { parties, roleOf, type Party } from './expectations.js';
import {
  actionPath,
  begeleidingPath,
  checkWith,
  clientFor,
  clientsFor,
  compareOutcome,
  expect,
  Http,
  ifMatch,
  Mismatch,
  optionalTokenKeys,
  sectionPath,
  tokenFor,
  tokenOf,
  type CatalogueFacts,
  type ConformanceTokens,
  type Need,
  type OptionalTokenKey,
  type Person,
  type RawResponse,
  type Recorder,
  type World,
} from './harness.js';

/** Spec §6 (v2): a programme is given at a location when the catalogue lists it there, or says nothing of where. */
export const offeredAt = (programme: Programme, location: Location) => programme.locatieCodes.length === 0 || programme.locatieCodes.includes(location.code);

/** What the optional tokens must be: role, and to whom they belong. */
const optionalRoles: Record<OptionalTokenKey, Actor['role']> = {
  adultStudent: 'student',
  adultStudentGuardian: 'guardian',
  noRosterStudent: 'student',
  noRosterMentor: 'mentor',
  unregisteredStudent: 'student',
  decaan: 'decaan',
  otherDecaan: 'decaan',
};
const optionalNeeds: Record<Extract<Need, 'adultStudent' | 'noRosterStudent' | 'unregisteredStudent' | 'decaan' | 'otherDecaan'>, OptionalTokenKey[]> = {
  adultStudent: ['adultStudent', 'adultStudentGuardian'],
  noRosterStudent: ['noRosterStudent', 'noRosterMentor'],
  unregisteredStudent: ['unregisteredStudent'],
  decaan: ['decaan'],
  otherDecaan: ['otherDecaan'],
};

/**
 * Signs everyone in and finds the A7 choice, the mentor and the registration. Each part is its
 * own set-up check; what fails is recorded as a missing need, so the checks that need it are
 * skipped with the reason and every other check still runs. Undefined only when the student
 * cannot sign in or the region config cannot be read.
 */
export async function discoverWorld(recorder: Recorder, http: Http, tokens: ConformanceTokens, fetchImpl: typeof fetch, today: Date, checkRateLimit: boolean): Promise<World | undefined> {
  const api = clientsFor(http.baseUrl, tokens, fetchImpl);
  const me = {} as Record<Party, Actor>;
  const missing = new Map<Need, string>();
  let config: World['config'] | undefined;

  await recorder.check('setup', 'GET /me for every token, with the expected role; GET /config', async () => {
    const wrong: string[] = [];
    for (const party of parties) {
      try {
        const actor = await api[party].me();
        if (actor.role !== roleOf[party]) wrong.push(`${tokenOf[party]}: signs in as ${actor.role}, expected ${roleOf[party]}`);
        else me[party] = actor;
      } catch (error) {
        wrong.push(`${tokenOf[party]}: ${isDossierApiError(error) ? `${error.status ?? ''} ${error.message}` : String(error)}`);
      }
    }
    if (me.owner) config = await api.owner.config();
    expect(wrong.length === 0, wrong.join('; '));
    return `${parties.length} people`;
  });
  if (!me.owner || !config) return undefined;
  const absent = parties.filter((p) => !me[p]);
  if (absent.length) {
    missing.set('people', `needs every token signed in: ${absent.map((p) => tokenOf[p]).join(', ')} did not (see setup)`);
    for (const party of absent) me[party] = { role: roleOf[party], person: { id: `(${tokenOf[party]} did not sign in)`, naam: '' } };
  }

  const world: World = {
    http,
    tokens,
    token: (party) => tokenFor(tokens, party),
    api,
    me,
    config,
    today,
    registration: {},
    optional: {},
    missing,
    checkRateLimit,
  };

  await recorder.check('setup', 'the tokens fit together (school, guardian, mentor, instelling)', async () => {
    if (absent.length) throw new Mismatch(`cannot tell: ${absent.map((p) => tokenOf[p]).join(', ')} did not sign in`);
    const problems: string[] = [];
    const school = me.owner.school?.id;
    if (!school) problems.push('the student has no school');
    if (me.assignedMentor.school?.id !== school) problems.push("the mentor is not at the student's school");
    if (me.otherMentor.school?.id !== school) problems.push("otherMentor is not at the student's school");
    if (!me.guardian.studentIds?.includes(me.owner.person.id)) problems.push("the guardian's studentIds lack the student");
    if (me.otherGuardian.studentIds?.includes(me.owner.person.id)) problems.push('otherGuardian is a guardian of the student');
    if (me.otherStudent.person.id === me.owner.person.id) problems.push('otherStudent is the student');
    if (me.otherMentor.person.id === me.assignedMentor.person.id) problems.push('otherMentor is the mentor');
    if (!me.mbo.instelling?.brin) problems.push('the mbo token has no instelling');
    else if (me.otherMbo.instelling?.brin === me.mbo.instelling.brin) problems.push('otherMbo is at the same instelling');
    if (problems.length) {
      missing.set('people', `needs the tokens to fit together: ${problems.join('; ')} (see setup)`);
      throw new Mismatch(problems.join('; '));
    }
  });

  await recorder.check('setup', "the catalogue offers a programme of the mbo's instelling at one of its locaties", async () => {
    try {
      const facts = await catalogueFacts(world);
      world.catalogue = facts;
      const { institution, location, programme } = facts;
      world.references = {
        institution: { id: institution.brin, label: institution.naam, detail: { brin: institution.brin } },
        location: { id: location.code, label: location.naam, detail: { plaats: location.plaats } },
        programme: { id: programme.id, label: programme.naam, detail: { crebo: programme.crebo, niveau: programme.niveau, leerweg: programme.leerweg, cohort: programme.cohort } },
      };
      return `A7 choice: ${programme.naam} at ${institution.naam}, ${location.naam}`;
    } catch (error) {
      missing.set('catalogue', `needs an A7 choice from the catalogue (deel A is not complete without one): ${error instanceof Error ? error.message : String(error)} (see setup)`);
      throw error;
    }
  });

  await recorder.check('setup', 'the student can name the mentor (the roster of their klas, or a name and e-mail)', async () => {
    try {
      const school = me.owner.school?.id;
      expect(school, 'the student has no school');
      const roster = await api.owner.mentors(school);
      const keepsRoster = me.owner.school?.mentorRoster ?? roster.length > 0;
      if (keepsRoster) {
        expect(
          roster.some((m) => m.id === me.assignedMentor.person.id),
          `GET /schools/${school}/mentors does not offer the student the mentor ${me.assignedMentor.person.id} (the token must be a mentor of the student's klas)`,
        );
        world.mentorRequest = { mentorId: me.assignedMentor.person.id };
        return `from the roster: ${me.assignedMentor.person.naam}`;
      }
      missing.set('roster', 'needs a student whose school keeps a mentor roster (GET /me school.mentorRoster is false)');
      expect(me.assignedMentor.person.email, 'without a roster the mentor needs an e-mail address in GET /me');
      world.mentorRequest = { mentor: { naam: me.assignedMentor.person.naam, email: me.assignedMentor.person.email } };
      return `by name and e-mail: ${me.assignedMentor.person.email}`;
    } catch (error) {
      missing.set('mentorChoice', `needs a way to name the mentor on submitToMentor: ${error instanceof Error ? error.message : String(error)} (see setup)`);
      if (!missing.has('roster')) missing.set('roster', "needs the roster of the student's school (see setup)");
      throw error;
    }
  });

  await recorder.check('setup', "the student is under the consent age by the school's registration (a new dossier's student.geboortedatum)", async () => {
    let created: Dossier;
    try {
      created = await api.owner.createDossier({ type: 'vo-mbo' });
    } catch (error) {
      missing.set('minor', `needs a dossier of the student: POST /dossiers failed (see setup)`);
      missing.set('registeredBirthDate', `needs a dossier of the student: POST /dossiers failed (see setup)`);
      throw error;
    }
    const { geboortedatum, nummerSoort } = created.student;
    world.registration = { ...(geboortedatum ? { geboortedatum } : {}), ...(nummerSoort ? { nummerSoort } : {}) };
    const limit = config!.guardianConsentBelowAge;
    if (!geboortedatum) {
      missing.set('registeredBirthDate', 'needs the registered birth date on the dossier (student.geboortedatum), which this backend does not give (see setup)');
      throw new Mismatch(
        `a new dossier does not say the birth date the school registered (student.geboortedatum); spec v2: the registered birth date decides the consent age. The suite types a birth date of a 15-year-old instead`,
      );
    }
    const age = ageOn(geboortedatum, today);
    if (!(age < limit)) {
      const reason = `needs a student under the consent age (${limit}): ${tokens.student} is ${age} by the registration (see setup)`;
      missing.set('minor', reason);
      missing.set('registeredBirthDate', reason);
      throw new Mismatch(
        `${tokens.student} is ${age} by the registration (${geboortedatum}); the suite's student must be younger than guardianConsentBelowAge (${limit}), so that a guardian must consent`,
      );
    }
    return `${age} by the registration`;
  });

  // The optional people: each given token must sign in as what it should be.
  const given = optionalTokenKeys.filter((key) => typeof tokens[key] === 'string' && tokens[key] !== '');
  const problems = new Map<OptionalTokenKey, string>();
  if (given.length > 0) {
    await recorder.check('setup', `the optional tokens sign in as who they should be (${given.join(', ')})`, async () => {
      for (const key of given) {
        const person: Person = { token: tokens[key]!, api: clientFor(http.baseUrl, tokens[key]!, fetchImpl), me: undefined as unknown as Actor };
        try {
          person.me = await person.api.me();
        } catch (error) {
          problems.set(key, `${key} does not sign in: ${isDossierApiError(error) ? error.message : String(error)}`);
          continue;
        }
        if (person.me.role !== optionalRoles[key]) problems.set(key, `${key} signs in as ${person.me.role}, expected ${optionalRoles[key]}`);
        else world.optional[key] = person;
      }
      const { adultStudent, adultStudentGuardian, noRosterStudent, noRosterMentor, decaan, otherDecaan } = world.optional;
      const school = me.owner.school?.id;
      if (decaan && (!school || decaan.me.school?.id !== school)) problems.set('decaan', `decaan is not at the student's school (${decaan.me.school?.id ?? 'no school'} in GET /me)`);
      if (otherDecaan && (!otherDecaan.me.school || otherDecaan.me.school.id === school))
        problems.set('otherDecaan', "otherDecaan must be the decaan of another school than the student's (GET /me school)");
      if (adultStudent && adultStudentGuardian && !adultStudentGuardian.me.studentIds?.includes(adultStudent.me.person.id)) {
        problems.set('adultStudentGuardian', "adultStudentGuardian's studentIds (GET /me) lack adultStudent: the backend must hold them as the adult's guardian");
      }
      if (noRosterStudent && noRosterMentor) {
        if (!noRosterStudent.me.school || noRosterMentor.me.school?.id !== noRosterStudent.me.school.id) problems.set('noRosterMentor', "noRosterMentor is not at noRosterStudent's school");
        else if (!noRosterMentor.me.person.email) problems.set('noRosterMentor', 'noRosterMentor has no e-mail address in GET /me (the student names them by it)');
      }
      if (problems.size) throw new Mismatch([...problems.values()].join('; '));
      return given.join(', ');
    });
  }
  for (const [need, keys] of Object.entries(optionalNeeds) as [keyof typeof optionalNeeds, OptionalTokenKey[]][]) {
    const absentKeys = keys.filter((k) => !given.includes(k));
    const misfit = keys.map((k) => problems.get(k)).filter((p) => p !== undefined);
    if (absentKeys.length) missing.set(need, `needs the optional token${absentKeys.length > 1 ? 's' : ''} ${absentKeys.join(' and ')} (see the README's token table)`);
    else if (misfit.length) missing.set(need, `needs ${keys.join(' and ')} to fit: ${misfit.join('; ')} (see setup)`);
    else if (keys.some((k) => !world.optional[k])) missing.set(need, `needs ${keys.join(' and ')} signed in (see setup)`);
  }
  // The decanen act as parties of the matrix when they signed in as who they should be.
  for (const party of ['schoolDecaan', 'otherDecaan'] as const) {
    const person = world.optional[party === 'schoolDecaan' ? 'decaan' : 'otherDecaan'];
    me[party] = person?.me ?? { role: 'decaan', person: { id: `(${party === 'schoolDecaan' ? 'decaan' : 'otherDecaan'}: see setup)`, naam: '' } };
  }
  return world;
}

/**
 * The A7 choice (a programme of the mbo's instelling at a location where it is given), and
 * for the catalogue checks: a location of that instelling where a programme is not given, and
 * another instelling's location and programme.
 */
async function catalogueFacts(world: World): Promise<CatalogueFacts> {
  const { api, me } = world;
  const brin = me.mbo.instelling?.brin;
  expect(brin, 'the mbo token has no instelling');
  const naam = me.mbo.instelling!.naam;
  const institutions = await api.owner.institutions(naam);
  const institution = institutions.find((i) => i.brin === brin);
  expect(institution, `GET /catalog/institutions?q=${naam} does not list ${brin}`);
  const programmes = await api.owner.programmes(brin);
  expect(programmes.length > 0, `the catalogue has no programmes for ${brin}`);
  const locations = await api.owner.locations(brin);
  expect(locations.length > 0, `the catalogue has no locations for ${brin}`);
  let choice: { programme: Programme; location: Location } | undefined;
  for (const programme of programmes) {
    const location = locations.find((l) => offeredAt(programme, l));
    if (location) {
      choice = { programme, location };
      break;
    }
  }
  expect(choice, `no programme of ${brin} is given at one of its locations (programme.locatieCodes)`);
  const facts: CatalogueFacts = { institution, ...choice };
  for (const programme of programmes) {
    const location = locations.find((l) => !offeredAt(programme, l));
    if (location) {
      facts.notOffered = { location, programme };
      break;
    }
  }
  const otherBrin = me.otherMbo.instelling?.brin;
  const others: Institution[] = [
    ...(otherBrin && otherBrin !== brin ? (await api.owner.institutions(me.otherMbo.instelling!.naam)).filter((i) => i.brin === otherBrin) : []),
    ...(await api.owner.institutions()).filter((i) => i.brin !== brin),
  ];
  for (const other of others) {
    const [location] = await api.owner.locations(other.brin).catch(() => [] as Location[]);
    const [programme] = await api.owner.programmes(other.brin).catch(() => [] as Programme[]);
    if (location || programme) {
      facts.other = { institution: other, ...(location ? { location } : {}), ...(programme ? { programme } : {}) };
      if (location && programme) break;
    }
  }
  return facts;
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
  await checkWith(recorder, world, ['people'], 'shapes', 'every read parses against the contract (client)', async () => {
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
    expect(
      leerlingen.students?.some((s) => s.id === me.owner.person.id),
      "mijnLeerlingen of the klas's mentor lacks the student",
    );
    const own = await api.owner.listDossiers();
    expect(!created || own.items.some((d) => d.id === created!.id), "the student's list lacks the new dossier");
    return `${reads.length + 2} reads`;
  });
  await recorder.check('shapes', 'history starts with "created" and B1 is for mentors only', async () => {
    expect(created, 'no dossier was created');
    const history = await api.owner.history(created.id);
    expect(history[0]?.kind === 'created' && history[0].version === 1, `first history entry: ${JSON.stringify(history[0])}`);
    const asStudent = await world.http.request(world.token('owner'), 'GET', begeleidingPath(me.owner.person.id));
    const complaint = compareOutcome(asStudent, { status: 'denied' });
    expect(!complaint, `a student reading their B1: ${complaint}`);
  });
  return created ? builder.ownerView(created.id).catch(() => undefined) : undefined;
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
    { name: 'POST an unknown action', run: () => http.request(token, 'POST', actionPath(dossier, 'verwijderen'), { json: {} }), status: [404, 400] },
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
        expect(
          paths.some((p) => p === c.errorsAt || p.startsWith(`${c.errorsAt}.`)),
          `errors[] should name ${c.errorsAt}, got ${JSON.stringify(paths)}`,
        );
      }
    });
  }
  await recorder.check('errors', 'nothing was stored by the bad requests', async () => {
    const after = await world.api.owner.getDossier(dossier.id);
    expect(after.version === dossier.version, `version went from ${dossier.version} to ${after.version}`);
  });
}

/** Each check reads the dossier afresh, so a request a backend stored by mistake does not turn into a 409 here. */
export async function versionChecks(recorder: Recorder, world: World, builder: DossierBuilder, dossier: Dossier): Promise<void> {
  const { api } = world;
  const motivatie = builder.answers(dossier.type, 'motivatie');
  await recorder.check('versions', 'a save with a stale version gets 409 and changes nothing', async () => {
    const current = await api.owner.getDossier(dossier.id);
    const saved = await api.owner.saveSection(current.id, 'motivatie', { ...motivatie, later: 'eerste' }, current.version);
    expect(saved.version === current.version + 1, `save gave version ${saved.version}`);
    const stale = await world.http.request(world.token('owner'), 'PATCH', sectionPath(current, 'motivatie'), {
      json: { answers: { later: 'verouderd' } },
      headers: ifMatch(current.version),
    });
    const complaint = compareOutcome(stale, { status: 409 });
    expect(!complaint, complaint!);
    expect(stale.problem?.type.endsWith('/conflict'), `problem type ${stale.problem?.type} should end in /conflict (the client's stale-copy signal)`);
    const after = await api.owner.getDossier(current.id);
    expect(after.version === saved.version && after.answers['motivatie']?.['later'] === 'eerste', 'the stale save changed the dossier');
  });
  await recorder.check('versions', 'concurrent saves of one version: exactly one wins, the others get 409', async () => {
    const current = await api.owner.getDossier(dossier.id);
    const writers = 6;
    const results = await Promise.allSettled(Array.from({ length: writers }, (_, i) => api.owner.saveSection(dossier.id, 'motivatie', { later: `schrijver ${i}` }, current.version)));
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    const conflicts = results.filter((r) => r.status === 'rejected' && isDossierApiError(r.reason) && r.reason.kind === 'conflict').length;
    expect(won.length === 1 && conflicts === writers - 1, `${won.length} saves won and ${conflicts} got 409 (of ${writers})`);
    const after = await api.owner.getDossier(dossier.id);
    expect(after.version === current.version + 1, `version ${after.version}, expected ${current.version + 1}`);
    expect(after.answers['motivatie']?.['later'] === `schrijver ${won[0]}`, 'the stored answer is not the acknowledged one');
  });
  // An action the student may take (submitForConsent of a complete werk-mbo dossier), with the version before the last save.
  await checkWith(recorder, world, ['catalogue'], 'versions', 'an action with a stale If-Match gets 409 and changes nothing', async () => {
    const filled = await builder.fillDeelA(await builder.create('werk-mbo'));
    const response = await world.http.request(world.token('owner'), 'POST', actionPath(filled, 'submitForConsent'), { json: {}, headers: ifMatch(filled.version - 1) });
    const complaint = compareOutcome(response, { status: 409 });
    expect(!complaint, complaint!);
    const after = await api.owner.getDossier(filled.id);
    expect(after.status === 'concept' && after.version === filled.version, `the stale action changed the dossier (${after.status} v${after.version})`);
  });
}
