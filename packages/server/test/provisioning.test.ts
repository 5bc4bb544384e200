// Provisioning (issue 14, part 1): CSV and JSON imports through the admin API and doorstroom-admin,
// idempotent upserts, dry runs, leavers, row errors with line numbers that change nothing,
// registrations that open dossiers follow, and sign-in that takes role and relations from the
// database. The server runs in production mode: nothing is seeded.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describePayload, payloadsWithin } from '../../sdk/src/testing/hostile-payloads.js';
import { makeDossier } from '../../sdk/src/testing/fixtures.js';
import { dossierColumns } from '../src/pg-store.js';
import { parseCsv, CsvError } from '../src/provisioning/csv.js';
import { adminSummary, runImport, ImportRefused } from '../src/provisioning/index.js';
import { guardianIdFor } from '../src/provisioning/sis.js';
import { startServer, type RunningServer } from '../src/server.js';
import { isStorableText, type Dossier, type ImportReport } from '../src/sdk.js';
import { freshDataDir, removeDir } from './helpers.js';

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/${name}`, import.meta.url)), 'utf8');
/** The test's sign-in: the token `login:<x>` names the person whose login is x (the database says who that is). */
const verifier = async (token: string) => (token.startsWith('login:') ? { login: token.slice('login:'.length) } : null);
const beheerder = 'login:beheer@doorstroom-voorbeeld.example';
const school = 'vmbo-het-plein';

/**
 * POSTs `size` bytes of CSV (with their Content-Length, as curl --data-binary and browsers send
 * them) on a connection of its own, and resolves with the answer. The server answers before
 * reading and closes the connection, so writing the rest fails: that is the point, not an error.
 */
function hugeUpload(url: URL, size: number, token = beheerder): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: 'POST', agent: false, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv', 'Content-Length': String(size) } }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', (error) => {
      // The answer may still be on its way when the write fails: give it a moment.
      if (!answered) setTimeout(() => answered || reject(error), 1000);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < size && !req.destroyed) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

describe('provisioning', () => {
  let server: RunningServer;
  let dataDir: string;
  const call = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    return fetch(new URL(path, server.apiUrl), { ...init, headers });
  };
  const upload = (body: string | Uint8Array, type: string, query = '', token = beheerder) =>
    call(`admin/import${query}`, { method: 'POST', token, body: body as BodyInit, headers: { 'Content-Type': type } });
  /** Everything an import could change, to compare before and after a refusal. */
  const state = async () => {
    const tables = ['schools', 'klassen', 'students', 'mentors', 'guardians', 'mbo_staff', 'beheerders', 'people', 'config', 'institutions', 'programmes', 'dossiers', 'history'];
    const out: Record<string, unknown> = {};
    for (const table of tables) out[table] = (await server.db.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM ${table} t`)).rows[0];
    return out;
  };

  before(async () => {
    dataDir = await freshDataDir();
    server = await startServer({ port: 0, nodeEnv: 'production', dataDir, verifier, logger: false, rateLimit: false, outboxIntervalMs: 60_000, cacheMs: 0 });
  });
  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  it('production seeds nothing: an empty database answers 503 until the region is imported, and nobody signs in', async () => {
    const summary = await adminSummary(server.db);
    assert.equal(summary.config, false);
    assert.deepEqual(
      Object.values(summary.counts).map((c) => c.active + c.inactive),
      [0, 0, 0, 0, 0, 0, 0, 0],
    );
    assert.equal((await call('me', { token: 'login:student-noor' })).status, 401, 'no example people');
    assert.equal((await call('me', { token: 'student-noor' })).status, 401);
  });

  it('imports the examples (region JSON, then the school export CSVs) and a second run changes nothing', async () => {
    // The first beheerder comes in through the CLI's code path (straight into the database).
    const region = await runImport(server.db, { format: 'json', text: example('regio.json') });
    assert.equal(region.counts.schools?.created, 2);
    assert.equal(region.counts.config?.created, 1);
    assert.equal(region.counts.beheerders?.created, 1);

    const students = (await (await upload(example('leerlingen.csv'), 'text/csv', `?school=${school}`)).json()) as ImportReport;
    assert.deepEqual(students.counts.students, { created: 6, updated: 0, unchanged: 0, deactivated: 0, reactivated: 0 });
    assert.equal(students.counts.klassen?.created, 3, '4A, 4B and 3A come with their students');
    assert.equal(students.counts.guardians?.created, 7);
    assert.equal(students.changes.find((c) => c.id === `${school}-100233`)?.line, 4, 'each change names its line');
    const staff = (await (await upload(example('medewerkers.csv'), 'text/csv; charset=utf-8', `?school=${school}`)).json()) as ImportReport;
    assert.equal(staff.counts.mentors?.created, 2);
    assert.equal(staff.counts.decanen?.created, 1);

    const again = (await (await upload(example('leerlingen.csv'), 'text/csv', `?school=${school}`)).json()) as ImportReport;
    assert.deepEqual(again.counts.students, { created: 0, updated: 0, unchanged: 6, deactivated: 0, reactivated: 0 });
    assert.equal(again.changes.length, 0);
    const regionAgain = await runImport(server.db, { format: 'json', text: example('regio.json') });
    assert.ok(
      Object.values(regionAgain.counts).every((c) => c.created + c.updated + c.deactivated + c.reactivated === 0),
      JSON.stringify(regionAgain.counts),
    );
  });

  it('signs people in by their provisioned login, with role and relations from the database', async () => {
    const me = async (token: string) => (await (await call('me', { token })).json()) as Record<string, unknown>;
    assert.deepEqual(await me('login:daan.vandijk@leerling.hetplein.example'), {
      role: 'student',
      person: { id: `${school}-100232`, naam: 'Daan van Dijk', email: 'daan.vandijk@leerling.hetplein.example' },
      school: { id: school, naam: 'Vmbo Het Plein', mentorRoster: true },
    });
    assert.deepEqual((await me('login:ILSE.vandijk@mail.example')).studentIds, [`${school}-100232`], 'a guardian, case-insensitively, with their child');
    const mentor = await me('login:t.yildiz@hetplein.example');
    assert.equal(mentor.role, 'mentor');
    assert.deepEqual(mentor.school, { id: school, naam: 'Vmbo Het Plein', mentorRoster: true });
    assert.deepEqual(await me('login:intake@rocmn.example'), {
      role: 'mbo',
      person: { id: 'rocmn-intake-1', naam: 'A. Jansen (intake)', email: 'intake@rocmn.example' },
      instelling: { brin: '25LH', naam: 'ROC Midden Nederland' },
    });
    // The roster of klas 4B is the mentors of 4B; the decaan is on no roster.
    const mentors = (await (await call(`schools/${school}/mentors`, { token: 'login:lotte.visser@leerling.hetplein.example' })).json()) as { id: string }[];
    assert.deepEqual(
      mentors.map((m) => m.id),
      ['hp-0422'],
    );

    // What a verifier claims beyond who it is does not count: an Actor saying "mentor" for a student id is that student.
    const liar = await startServer({
      port: 0,
      db: server.db,
      nodeEnv: 'production',
      logger: false,
      rateLimit: false,
      cacheMs: 0,
      verifier: async () => ({ role: 'mentor', person: { id: `${school}-100231`, naam: 'X' }, school: { id: 'elders', naam: 'Elders' } }),
    });
    try {
      const claimed = (await (await fetch(new URL('me', liar.apiUrl), { headers: { Authorization: 'Bearer anything' } })).json()) as { role: string; person: { naam: string } };
      assert.equal(claimed.role, 'student');
      assert.equal(claimed.person.naam, 'Sanne Bakker');
    } finally {
      await liar.close();
    }
  });

  it('a provisioned student creates a dossier with the registration prefilled (no more "Je hebt geen toegang")', async () => {
    const response = await call('dossiers', {
      method: 'POST',
      token: 'login:aya.haddou@leerling.hetplein.example',
      body: JSON.stringify({ type: 'vo-mbo' }),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(response.status, 201);
    const dossier = (await response.json()) as Dossier;
    assert.deepEqual(dossier.student, { id: `${school}-100235`, naam: 'Aya Haddou', schoolId: school, klas: '4B', leerjaar: 4, geboortedatum: '2010-09-30', nummerSoort: 'onderwijsnummer' });
    assert.equal(dossier.answers['persoonlijk']?.['onderwijsnummer'], '108347935');
  });

  it('a beheerder uses the admin API only; everyone else gets 401 or 403 there', async () => {
    assert.equal((await call('me', { token: beheerder })).status, 403);
    assert.match(((await (await call('me', { token: beheerder })).json()) as { title: string }).title, /beheerder/);
    assert.equal((await call('admin/summary')).status, 401);
    assert.equal((await call('admin/summary', { token: 'login:onbekend@example.nl' })).status, 401);
    const student = await call('admin/summary', { token: 'login:sanne.bakker@leerling.hetplein.example' });
    assert.equal(student.status, 403);
    assert.match(student.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
    const summary = (await (await call('admin/summary', { token: beheerder })).json()) as { counts: Record<string, { active: number }> };
    assert.equal(summary.counts['students']?.active, 6);
    const schools = (await (await call('admin/schools', { token: beheerder })).json()) as { id: string; klassen: { code: string; students: number }[]; mentors: { id: string; decaan: boolean }[] }[];
    const plein = schools.find((s) => s.id === school)!;
    assert.deepEqual(
      plein.klassen.map((k) => [k.code, k.students]),
      [
        ['3A', 1],
        ['4A', 2],
        ['4B', 3],
      ],
    );
    assert.deepEqual(
      plein.mentors.map((m) => [m.id, m.decaan]),
      [
        ['hp-0417', false],
        ['hp-0422', false],
        ['hp-0101', true],
      ],
    );
    const person = (await (await call(`admin/people/${school}-100235`, { token: beheerder })).json()) as { role: string; dossiers: unknown[] };
    assert.equal(person.role, 'student');
    assert.equal(person.dossiers.length, 1);
    assert.equal((await call('admin/people/nobody', { token: beheerder })).status, 404);
  });

  it('bad input to every admin route gets a clear problem and changes nothing', async () => {
    const before = await state();
    const expectProblem = async (response: Response, status: number, title: RegExp) => {
      assert.equal(response.status, status, `${response.url}: ${await response.clone().text()}`);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      const body = (await response.json()) as { title: string; detail?: string; errors?: { path: string; message: string; line?: number }[] };
      assert.match(body.title, title);
      assert.ok(body.detail, 'an English detail for developers');
      return body;
    };
    await expectProblem(await upload('{}', 'text/plain'), 415, /JSON-bestand .* CSV-bestand/);
    await expectProblem(await upload('{"schools": [', 'application/json'), 422, /fout/);
    await expectProblem(await upload(new Uint8Array([0x4c, 0x65, 0xe9, 0x3b, 0x0a]), 'text/csv', `?school=${school}`), 400, /UTF-8/);
    await expectProblem(await upload('', 'application/json'), 400, /leeg/);
    await expectProblem(await upload('{}', 'application/json', '?dryRun=ja'), 400, /klopt niet/);
    await expectProblem(await upload('{}', 'application/json', '?kind=docenten'), 400, /klopt niet/);
    await expectProblem(await upload('{}', 'application/json', '?evil=1'), 400, /klopt niet/);
    await expectProblem(await upload('{"__proto__": {"x": 1}}', 'application/json'), 422, /fout/);
    await expectProblem(await upload('[1, 2]', 'application/json'), 422, /fout/);
    const unknownKind = await expectProblem(await upload('{"leerlingen": []}', 'application/json'), 422, /fout/);
    assert.match(unknownKind.errors![0]!.message, /kennen we niet/);
    await expectProblem(await call('admin/summary', { method: 'POST', token: beheerder }), 405, /kan hier niet/);
    await expectProblem(await call('admin/import', { token: beheerder }), 405, /kan hier niet/);
    await expectProblem(await call('admin/nope', { token: beheerder }), 404, /bestaat niet/);
    await expectProblem(await call('admin/people/%3Cscript%3E', { token: beheerder }), 404, /bestaat niet/);
    for (const payload of payloadsWithin(150).filter((p) => isStorableText(p.value))) {
      const response = await call(`admin/people/${encodeURIComponent(payload.value)}`, { token: beheerder });
      assert.ok(response.status === 404 || response.status === 200, `${describePayload(payload)}: ${response.status}`);
      assert.notEqual(response.status, 500);
    }
    // 50 MB: refused at the socket, nothing read into memory beyond the limit. On a connection of its
    // own (the server closes it after answering), streamed as a real upload would be, without a length.
    const huge = await hugeUpload(new URL(`admin/import?school=${school}`, server.apiUrl), 50 * 1024 * 1024);
    assert.equal(huge.status, 413);
    assert.match(huge.type, /^application\/problem\+json/);
    assert.match((JSON.parse(huge.body) as { title: string }).title, /te groot/);
    assert.deepEqual(await state(), before);
  });

  it('refuses a CSV export with row errors, naming every line, and changes nothing', async () => {
    const before = await state();
    const csv = [
      'Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;BSN;E-mailadres;Klas;Leerjaar',
      '200001;Kim;Peeters;01-02-2011;123456789;kim@leerling.example;4A;4',
      '200002;Bo;Claes;31-02-2011;;bo@leerling.example;4A;4',
      '200003;Jip;Maes;01-02-2011;;geen-email;4A;4',
      '200001;Kim;Peeters;01-02-2011;;kim2@leerling.example;4A;4',
      '200004;Sem;"de Groot";01-02-2011;;sem@leerling.example;4A;4',
      '200006;Lev;Smit;01-02-2011;;lev@leerling.example;4A;13',
      '200005;Nina;Smit;01-02-2011;;daan.vandijk@leerling.hetplein.example;4A;4',
    ].join('\n');
    const response = await upload(csv, 'text/csv', `?school=${school}&partial=true`);
    assert.equal(response.status, 422);
    const body = (await response.json()) as { title: string; errors: { path: string; message: string; line?: number }[] };
    assert.match(body.title, /^Het importbestand heeft \d+ fouten\. Er is niets veranderd\./);
    const at = (line: number) =>
      body.errors
        .filter((e) => e.line === line)
        .map((e) => e.message)
        .join(' | ');
    assert.match(at(2), /BSN klopt niet/);
    assert.match(at(3), /geboortedatum klopt niet/);
    assert.match(at(4), /e-mailadres klopt niet/);
    assert.match(at(5), /twee keer .*regel 2/);
    assert.match(at(7), /leerjaar/);
    assert.equal(at(6), '', 'a correct line has no error');
    assert.deepEqual(await state(), before);
    // Checked against the database (once the file itself is right): a login (e-mail) someone else has.
    const taken = await upload(['Leerlingnummer;Naam;E-mailadres', '200005;Nina Smit;daan.vandijk@leerling.hetplein.example'].join('\n'), 'text/csv', `?school=${school}&partial=true`);
    const takenError = ((await taken.json()) as { errors: { message: string; line: number }[] }).errors[0]!;
    assert.equal(takenError.line, 2);
    assert.match(takenError.message, /hoort al bij iemand anders/);
    assert.deepEqual(await state(), before);

    const columns = await upload('Naam;Telefoon\nKim;0612345678\n', 'text/csv', `?school=${school}`);
    const columnErrors = ((await columns.json()) as { errors: { message: string }[] }).errors.map((e) => e.message);
    assert.ok(
      columnErrors.some((m) => /kolom "Telefoon" kennen we niet/.test(m)),
      columnErrors.join('\n'),
    );
    assert.ok(
      columnErrors.some((m) => /kolom "leerlingnummer" ontbreekt/.test(m) || /kolom "id" ontbreekt/.test(m)),
      columnErrors.join('\n'),
    );
    const noSchool = await upload(example('leerlingen.csv'), 'text/csv');
    assert.match(((await noSchool.json()) as { errors: { message: string }[] }).errors[0]!.message, /--school/);
    const unknownSchool = await upload(example('leerlingen.csv'), 'text/csv', '?school=bestaat-niet');
    assert.equal(unknownSchool.status, 422);
    const brokenQuote = await upload('Leerlingnummer;Naam;E-mailadres\n1;"Kim;kim@x.example\n', 'text/csv', `?school=${school}`);
    const quoteError = ((await brokenQuote.json()) as { errors: { message: string; line: number }[] }).errors[0]!;
    assert.equal(quoteError.line, 2);
    assert.match(quoteError.message, /aanhalingsteken/);
    const mentorOfNoKlas = await upload(
      'Personeelsnummer;Naam;E-mailadres;Functie;Klassen\nhp-9;X;x@hetplein.example;mentor;9Z\nhp-8;Y;y@hetplein.example;conciërge;\n',
      'text/csv',
      `?school=${school}&partial=true`,
    );
    const mentorErrors = ((await mentorOfNoKlas.json()) as { errors: { message: string; line: number }[] }).errors;
    assert.deepEqual(
      mentorErrors.map((e) => e.line),
      [3],
    );
    assert.match(mentorErrors[0]!.message, /functie "conciërge" kennen we niet/);
    const noKlas = await upload('Personeelsnummer;Naam;E-mailadres;Functie;Klassen\nhp-9;X;x@hetplein.example;mentor;9Z\n', 'text/csv', `?school=${school}&partial=true`);
    const noKlasError = ((await noKlas.json()) as { errors: { message: string; line: number }[] }).errors[0]!;
    assert.equal(noKlasError.line, 2);
    assert.match(noKlasError.message, /geen klas 9Z/);
    assert.deepEqual(await state(), before);
  });

  it("registers a guardian's language (CSV ouder1 taal, JSON taal), keeps it when a later import says none, and refuses a language it does not know", async () => {
    const person = async (id: string) => ((await (await call(`admin/people/${id}`, { token: beheerder })).json()) as { record: Record<string, unknown> }).record;
    // The example export: Aya's mother reads Arabic; a guardian without a taal is written to in Dutch.
    assert.equal((await person(guardianIdFor('f.haddou@mail.example')))['taal'], 'ar');
    assert.equal((await person(guardianIdFor('m.bakker@mail.example')))['taal'], undefined);
    // At the other school (the tests after this one import Het Plein's whole list). Siblings share a
    // guardian: the row that gives the language counts.
    const isk = 'isk-de-oversteek';
    const header = 'Leerlingnummer;Naam;E-mailadres;Klas;Leerjaar;Ouder1 naam;Ouder1 e-mail;Ouder1 relatie;Ouder1 voertaal';
    const kaya = (nummer: string, naam: string, taal: string) => `${nummer};${naam} Kaya;${naam.toLowerCase()}@leerling.oversteek.example;1A;1;Ayşe Kaya;a.kaya@mail.example;moeder;${taal}`;
    const siblings = await upload([header, kaya('300001', 'Elif', ''), kaya('300002', 'Emre', 'TR')].join('\n'), 'text/csv', `?school=${isk}&partial=true`);
    assert.equal(siblings.status, 200, await siblings.clone().text());
    assert.equal((await person(guardianIdFor('a.kaya@mail.example')))['taal'], 'tr');
    const again = (await (await upload([header, kaya('300001', 'Elif', '')].join('\n'), 'text/csv', `?school=${isk}&partial=true`)).json()) as ImportReport;
    assert.equal(again.counts.guardians?.unchanged, 1, 'an empty taal keeps the registered one');
    assert.equal((await person(guardianIdFor('a.kaya@mail.example')))['taal'], 'tr');
    const changed = (await (
      await upload(JSON.stringify({ guardians: [{ id: guardianIdFor('a.kaya@mail.example'), naam: 'Ayşe Kaya', email: 'a.kaya@mail.example', relatie: 'moeder', taal: 'nl' }] }), 'application/json')
    ).json()) as ImportReport;
    assert.deepEqual(
      changed.changes.map((c) => [c.kind, c.change, c.fields]),
      [['guardians', 'updated', ['taal']]],
    );

    // Two languages for one guardian, or one nobody knows: refused with the line, nothing changes.
    const before = await state();
    const twice = await upload([header, kaya('300003', 'Can', 'tr'), kaya('300004', 'Deniz', 'ar')].join('\n'), 'text/csv', `?school=${isk}&partial=true`);
    assert.equal(twice.status, 422);
    const twiceErrors = ((await twice.json()) as { errors: { message: string; line?: number }[] }).errors;
    assert.deepEqual(
      twiceErrors.map((e) => e.line),
      [3],
    );
    assert.match(twiceErrors[0]!.message, /staat ook op regel 2, met een andere taal/);
    const unknown = await upload([header, '300005;Sara Ali;sara@leerling.oversteek.example;1A;1;Omar Ali;o.ali@mail.example;vader;arabisch'].join('\n'), 'text/csv', `?school=${isk}&partial=true`);
    assert.equal(unknown.status, 422);
    const unknownErrors = ((await unknown.json()) as { errors: { message: string; line?: number }[] }).errors;
    assert.deepEqual(
      unknownErrors.map((e) => [e.line, e.message]),
      [[2, 'Kies een taal: nl, en, ar, tr, uk of pl.']],
    );
    assert.deepEqual(await state(), before);
  });

  it('stores hostile names as plain text, refuses what no database can store, and changes nothing then', async () => {
    const payloads = payloadsWithin(200).filter((p) => p.value.trim() !== '' && isStorableText(p.value));
    const document = {
      guardians: payloads.map((p, i) => ({ id: `hostile-${i}`, naam: p.value, relatie: 'anders', studentIds: [] as string[] })),
    };
    const response = await upload(JSON.stringify(document), 'application/json');
    assert.equal(response.status, 200, await response.clone().text());
    for (const [i, payload] of payloads.entries()) {
      const person = (await (await call(`admin/people/hostile-${i}`, { token: beheerder })).json()) as { record: { naam: string } };
      assert.equal(person.record.naam, payload.value, describePayload(payload));
    }
    // The same through a CSV export: every field quoted as a spreadsheet writes it, stored exactly.
    assert.equal((await upload(JSON.stringify({ schools: [{ id: 'school-hostile', naam: 'School <b>vet</b>', mentorRoster: false }] }), 'application/json')).status, 200);
    const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
    const csv = ['Leerlingnummer;Naam;E-mailadres', ...payloads.map((p, i) => [String(i), quote(p.value), `h${i}@hostile.example`].join(';'))].join('\r\n');
    const viaCsv = await upload(csv, 'text/csv', '?school=school-hostile');
    assert.equal(viaCsv.status, 200, await viaCsv.clone().text());
    for (const [i, payload] of payloads.entries()) {
      const person = (await (await call(`admin/people/school-hostile-${i}`, { token: beheerder })).json()) as { record: { naam: string } };
      assert.equal(person.record.naam, payload.value, `CSV: ${describePayload(payload)}`);
    }
    const before = await state();
    for (const naam of ['Kim\u0000', 'Kim\uD800', 'x'.repeat(201), '   ']) {
      const refused = await upload(JSON.stringify({ guardians: [{ id: 'hostile-new', naam, relatie: 'anders' }] }), 'application/json');
      assert.equal(refused.status, 422, JSON.stringify(naam.slice(0, 10)));
      const errors = ((await refused.json()) as { errors: { path: string }[] }).errors;
      assert.equal(errors[0]!.path, 'guardians.0.naam');
    }
    const refusedCsv = await upload('Leerlingnummer;Naam;E-mailadres\n3;Kim\u0000;k@x.example\n', 'text/csv', `?school=${school}&partial=true`);
    assert.equal(((await refusedCsv.json()) as { errors: { line: number }[] }).errors[0]!.line, 2);
    assert.deepEqual(await state(), before);
  });

  it('a dry run reports exactly what an import would change and writes nothing', async () => {
    const before = await state();
    const changed = example('leerlingen.csv').replace('100236;Finn;;Smit;18-12-2010', '100236;Finn;;Smit-Jansen;18-12-2010');
    const dry = (await (await upload(changed, 'text/csv', `?school=${school}&dryRun=true`)).json()) as ImportReport;
    assert.equal(dry.dryRun, true);
    assert.deepEqual(
      dry.changes.filter((c) => c.kind === 'students'),
      [{ kind: 'students', id: `${school}-100236`, change: 'updated', fields: ['naam'], line: 7 }],
    );
    assert.deepEqual(await state(), before);
  });

  it('deactivates leavers (kept with their dossier, no sign-in, a warning) and reactivates them when they return', async () => {
    const aya = 'login:aya.haddou@leerling.hetplein.example';
    const without = example('leerlingen.csv')
      .split('\r\n')
      .filter((line) => !line.startsWith('100235;'))
      .join('\r\n');
    const report = (await (await upload(without, 'text/csv', `?school=${school}`)).json()) as ImportReport;
    assert.equal(report.counts.students?.deactivated, 1);
    assert.match(report.warnings[0]!.message, /open dossier \(concept\)/);
    assert.equal((await call('me', { token: aya })).status, 401);
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers WHERE student_id = $1', [`${school}-100235`]);
    assert.equal(rows[0]!.n, 1, 'the dossier stays');
    // A mentor's list leaves the leaver out.
    const list = (await (await call('dossiers?view=mijnLeerlingen', { token: 'login:t.yildiz@hetplein.example' })).json()) as { students: { id: string }[] };
    assert.ok(!list.students.some((s) => s.id === `${school}-100235`));
    const back = (await (await upload(example('leerlingen.csv'), 'text/csv', `?school=${school}`)).json()) as ImportReport;
    assert.equal(back.counts.students?.reactivated, 1);
    assert.equal((await call('me', { token: aya })).status, 200);
    // Staff the same way, per school: a medewerkers file without the decaan.
    const staff = example('medewerkers.csv')
      .split('\r\n')
      .filter((line) => !line.startsWith('hp-0101'))
      .join('\r\n');
    const staffReport = (await (await upload(staff, 'text/csv', `?school=${school}`)).json()) as ImportReport;
    assert.equal(staffReport.counts.decanen?.deactivated, 1);
    assert.equal((await call('me', { token: 'login:c.dewit@hetplein.example' })).status, 401);
  });

  it('open dossiers follow a changed registration; in akkoord a new birth date starts the consent over; afgerond stays', async () => {
    const studentId = `${school}-100231`;
    const facts = { id: studentId, naam: 'Sanne Bakker', schoolId: school, klas: '4A', leerjaar: 4, geboortedatum: '2011-03-14', nummerSoort: 'bsn' as const };
    const base = { student: facts, mentor: { id: 'hp-0417', naam: 'Mevrouw R. Jansen', email: 'r.jansen@hetplein.example' } };
    const inzage = [{ role: 'student' as const, person: { id: studentId, naam: 'Sanne Bakker' }, at: '2026-11-01T10:00:00.000Z' }];
    const akkoord = makeDossier({ ...base, id: 'd-akkoord', status: 'akkoord', version: 9, inzage, sections: ['persoonlijk', 'thuis', 'akkoordverklaring'] });
    akkoord.answers = { ...akkoord.answers, ouderToestemming: { naam: 'Marieke Bakker', relatie: 'moeder', toestemming: true } };
    const concept = makeDossier({ ...base, id: 'd-concept', status: 'concept', version: 3, sections: ['persoonlijk'] });
    const afgerond = makeDossier({ ...base, id: 'd-afgerond', status: 'afgerond', version: 12, inzage, sections: ['persoonlijk', 'akkoordverklaring'] });
    for (const d of [akkoord, concept, afgerond]) {
      const c = dossierColumns(d);
      await server.db.query(
        `INSERT INTO dossiers (id, student_id, school_id, type, status, archived, version, mentor_id, mentor_email, chosen_brin, created_at, updated_at, data) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::jsonb)`,
        [c.id, c.student_id, c.school_id, c.type, c.status, c.archived, c.version, c.mentor_id, c.mentor_email, c.chosen_brin, c.created_at, c.updated_at, JSON.stringify(c.data)],
      );
    }
    const moved = example('leerlingen.csv')
      .replace('100231;Sanne;;Bakker;14-03-2011', '100231;Sanne;;Bakker;14-03-2008')
      .replace('sanne.bakker@leerling.hetplein.example;4A;4', 'sanne.bakker@leerling.hetplein.example;4B;4');
    const report = (await (await upload(moved, 'text/csv', `?school=${school}`)).json()) as ImportReport;
    assert.deepEqual(report.dossiers, { followed: 2, consentReset: 1 });
    assert.deepEqual(report.changes.find((c) => c.id === studentId)?.fields, ['geboortedatum', 'klas']);
    const read = async (id: string) => (await server.db.query<{ data: Dossier; version: number }>('SELECT data, version FROM dossiers WHERE id = $1', [id])).rows[0]!;
    const history = async (id: string) =>
      (await server.db.query<{ entry: { kind: string; sectionId?: string; version: number; actor?: unknown } }>('SELECT entry FROM history WHERE dossier_id = $1 ORDER BY id', [id])).rows.map(
        (r) => r.entry,
      );

    const a = await read('d-akkoord');
    assert.equal(a.version, 10);
    assert.equal(a.data.status, 'akkoord');
    assert.deepEqual(a.data.student, { ...facts, klas: '4B', geboortedatum: '2008-03-14' });
    assert.equal(a.data.answers['persoonlijk']?.['geboortedatum'], '2008-03-14');
    assert.ok(!('akkoordverklaring' in a.data.answers) && !('ouderToestemming' in a.data.answers), 'the consent starts over');
    assert.deepEqual(a.data.inzage, []);
    assert.deepEqual(await history('d-akkoord'), [
      { at: a.data.updatedAt, kind: 'saved', sectionId: 'persoonlijk', version: 10 },
      { at: a.data.updatedAt, kind: 'saved', sectionId: 'akkoordverklaring', version: 10 },
    ]);
    const c = await read('d-concept');
    assert.equal(c.version, 4);
    assert.equal(c.data.student.klas, '4B');
    assert.equal(c.data.answers['persoonlijk']?.['geboortedatum'], '2008-03-14');
    assert.deepEqual(
      (await history('d-concept')).map((e) => e.sectionId),
      ['persoonlijk'],
    );
    const f = await read('d-afgerond');
    assert.equal(f.version, 12, 'afgerond is final');
    assert.equal(f.data.student.geboortedatum, '2011-03-14');
    // Nothing changes the second time.
    const again = (await (await upload(moved, 'text/csv', `?school=${school}`)).json()) as ImportReport;
    assert.deepEqual(again.dossiers, { followed: 0, consentReset: 0 });
  });

  it('a CSV file with column names and no rows is refused', async () => {
    await assert.rejects(
      runImport(server.db, { format: 'csv', text: 'Leerlingnummer;Naam;E-mailadres\n', csv: { school } }, {}),
      (error: unknown) => error instanceof ImportRefused && /geen regels/.test(error.issues[0]!.message),
    );
  });
});

describe('CSV reader', () => {
  it('reads ; , and tab, quotes with "" and line breaks, a BOM and CRLF, and keeps the line of every record', () => {
    const table = parseCsv('\uFEFFa;b;c\r\n1;"x;""y""";3\r\n\r\n2;"two\nlines";4\n');
    assert.equal(table.delimiter, ';');
    assert.deepEqual(table.header, ['a', 'b', 'c']);
    assert.deepEqual(table.records, [
      { line: 2, cells: ['1', 'x;"y"', '3'] },
      { line: 4, cells: ['2', 'two\nlines', '4'] },
    ]);
    assert.equal(parseCsv('a,b\n1,2').delimiter, ',');
    assert.equal(parseCsv('a\tb\n1\t2').delimiter, '\t');
    assert.throws(
      () => parseCsv('a;b\n1;"open\n2;3\n'),
      (e: unknown) => e instanceof CsvError && e.line === 2,
    );
    assert.throws(
      () => parseCsv('a;b\n1;x"y"\n'),
      (e: unknown) => e instanceof CsvError && e.line === 2,
    );
    assert.throws(
      () => parseCsv(''),
      (e: unknown) => e instanceof CsvError && e.line === 1,
    );
  });
});
