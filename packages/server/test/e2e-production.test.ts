// Issue 14, the walk a region makes, in one test: PostgreSQL from Debian started in a temp dir, the
// school provisioned with doorstroom-admin (CSV), the server in production mode configured from the
// environment alone (OpenID Connect against a JWKS on localhost, e-mail through SMTP, no custom
// module), a student who signs in with a minted token and completes deel A, the mentor's e-mail in
// the test's SMTP server, deel B, the guardian who opens the consent link from their e-mail (in
// Chromium when it is here) and consents, and the dossier afgerond, read by the MBO the student chose.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { answersFor, birthDateForAge, isoDay } from '../src/conformance/answers.js';
import { optionsFromEnv } from '../src/config.js';
import { defaultBundleFile } from '../src/consent-page.js';
import { buildSections, type Dossier, type Institution, type Location, type Programme, type ReferenceAnswer, type RegionConfig } from '../src/sdk.js';
import { startServer, type RunningServer } from '../src/server.js';
import { localPostgresUnavailable, startLocalPostgres, type LocalPostgres } from '../src/testing/local-postgres.js';
import { mimeHeader, mimePart, startTestSmtp, type TestSmtp } from './smtp-helpers.js';

const issuer = 'https://login.regio-voorbeeld.example/realms/scholen';
const audience = 'doorstroom';
const school = 'vmbo-het-plein';
const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../bin/${name}.mjs`, import.meta.url));
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

/** Runs doorstroom-admin against the database as a beheerder would, from a shell. */
function admin(args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin('doorstroom-admin'), ...args], { env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const noPostgres = localPostgresUnavailable();

describe('a region runs it for real: PostgreSQL, OIDC sign-in, a CSV school, a dossier from deel A to afgerond', { skip: noPostgres ?? false, timeout: 600_000 }, () => {
  let postgres: LocalPostgres | undefined;
  let idp: Server;
  let signingKey: CryptoKey;
  let server: RunningServer;
  let smtp: TestSmtp;
  /** The e-mails the SMTP server accepted for this address (plain-text part). */
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address)).map((m) => ({ subject: mimeHeader(m.raw, 'Subject'), text: mimePart(m.raw, 'text/plain'), raw: m.raw }));

  const mint = (email: string) =>
    new SignJWT({ email, email_verified: true })
      .setProtectedHeader({ alg: 'RS256', kid: 'e2e' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(email)
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(signingKey);
  const as = async (email: string) => {
    const token = await mint(email);
    return async <T>(path: string, init: RequestInit = {}, status = 200): Promise<T> => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${token}`);
      if (init.body) headers.set('Content-Type', 'application/json');
      const response = await fetch(new URL(path, server.apiUrl), { ...init, headers });
      const text = await response.text();
      assert.equal(response.status, status, `${init.method ?? 'GET'} ${path}: ${text}`);
      return JSON.parse(text) as T;
    };
  };

  before(async () => {
    postgres = await startLocalPostgres();
    if (!postgres) throw new Error('startLocalPostgres could not start PostgreSQL');
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    signingKey = privateKey;
    const jwks: { keys: JWK[] } = { keys: [{ ...(await exportJWK(publicKey)), kid: 'e2e', alg: 'RS256', use: 'sig' }] };
    idp = createServer((req, res) => (req.url === '/certs' ? res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(jwks)) : res.writeHead(404).end()));
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    smtp = await startTestSmtp();
  });
  after(async () => {
    await server?.close();
    await new Promise((resolve) => (idp ? idp.close(resolve) : resolve(undefined)));
    await smtp?.close();
    await postgres?.stop();
  });

  it('provisions the region and a school from its CSV exports with doorstroom-admin', async () => {
    for (const [file, args] of [
      ['regio.json', []],
      ['leerlingen.csv', ['--school', school]],
      ['medewerkers.csv', ['--school', school]],
    ] as const) {
      const result = await admin(['import', example(file), ...args], postgres!.url);
      assert.equal(result.code, 0, `${file}: ${result.stderr}`);
      assert.match(result.stdout, /^Import klaar\./);
    }
  });

  it('starts in production mode from the environment alone, with OpenID Connect sign-in', async () => {
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: postgres!.url,
      HOST: '127.0.0.1',
      DOORSTROOM_OIDC_ISSUER: issuer,
      DOORSTROOM_OIDC_AUDIENCE: audience,
      DOORSTROOM_OIDC_JWKS_URL: `http://127.0.0.1:${(idp.address() as AddressInfo).port}/certs`,
      DOORSTROOM_PUBLIC_URL: 'http://127.0.0.1:1/',
      DOORSTROOM_SMTP_URL: smtp.url,
      DOORSTROOM_SMTP_FROM: 'Doorstroomdossier Regio Voorbeeld <noreply@doorstroom.regio-voorbeeld.example>',
      DOORSTROOM_PORTAL_URL: 'https://portaal.hetplein.example/doorstroom',
      DOORSTROOM_LOG: 'false',
      DOORSTROOM_RATE_BURST: '0',
    };
    const options = await optionsFromEnv(env);
    assert.equal(options.verifier !== undefined && options.dev === false, true);
    // The test's own addition: a free port (and the outbox drained by the test rather than every second).
    server = await startServer({ ...options, port: 0, outboxIntervalMs: 60_000 });
    assert.equal(server.dev, false);
    assert.equal(server.db.kind, 'postgres');
    assert.equal((await fetch(new URL('me', server.apiUrl), { headers: { Authorization: 'Bearer student-noor' } })).status, 401, 'no demo tokens, no example data');
  });

  let dossier: Dossier;
  let config: RegionConfig;

  it('a student signs in with a minted token, completes deel A and sends it to the mentor, who gets an e-mail', async () => {
    const student = await as('Sanne.Bakker@leerling.hetplein.example');
    config = await student<RegionConfig>('config');
    dossier = await student<Dossier>('dossiers', { method: 'POST', body: JSON.stringify({ type: 'vo-mbo' }) }, 201);
    assert.equal(dossier.student.geboortedatum, '2011-03-14', 'the registered birth date from the CSV');

    // A7 from the catalogue the region imported.
    const [instelling] = await student<Institution[]>('catalog/institutions?q=Midden');
    const programmes = await student<Programme[]>(`catalog/institutions/${instelling!.brin}/programmes`);
    const locations = await student<Location[]>(`catalog/institutions/${instelling!.brin}/locations`);
    const programme = programmes[0]!;
    const location = locations.find((l) => programme.locatieCodes.includes(l.code))!;
    const references: Record<'institution' | 'location' | 'programme', ReferenceAnswer> = {
      institution: { id: instelling!.brin, label: instelling!.naam },
      location: { id: location.code, label: location.naam },
      programme: { id: programme.id, label: programme.naam },
    };
    const today = new Date();
    const context = { birthDate: birthDateForAge(15, today), today: isoDay(today), type: 'vo-mbo' as const, guardianNeeded: true, references };
    for (const section of buildSections(config, 'vo-mbo').filter((s) => s.part === 'A')) {
      const answers = answersFor(section, context);
      // What the school registered is already there, read-only.
      if (section.id === 'persoonlijk') for (const key of ['nummerSoort', 'bsn', 'onderwijsnummer', 'geboortedatum']) delete answers[key];
      dossier = await student<Dossier>(`dossiers/${dossier.id}/sections/${section.id}`, { method: 'PATCH', body: JSON.stringify({ answers }), headers: { 'If-Match': `"${dossier.version}"` } });
    }
    const roster = await student<{ id: string; naam: string }[]>(`schools/${school}/mentors`);
    assert.deepEqual(
      roster.map((m) => m.id),
      ['hp-0417'],
      'the mentor of klas 4A',
    );
    dossier = await student<Dossier>(`dossiers/${dossier.id}/actions/submitToMentor`, {
      method: 'POST',
      body: JSON.stringify({ mentorId: 'hp-0417' }),
      headers: { 'If-Match': `"${dossier.version}"` },
    });
    assert.equal(dossier.status, 'bijMentor');
    const { rows } = await server.db.query<{ kind: string; recipient: { role: string; id: string; email: string } }>('SELECT kind, recipient FROM outbox WHERE dossier_id = $1', [dossier.id]);
    assert.deepEqual(rows, [{ kind: 'submittedToMentor', recipient: { role: 'mentor', id: 'hp-0417', naam: 'Mevrouw R. Jansen', email: 'r.jansen@hetplein.example' } }]);
    assert.equal(await server.outbox.drain(), 1);
    const [mail, ...more] = mailTo('r.jansen@hetplein.example');
    assert.equal(more.length, 0);
    assert.equal(mail!.subject, 'Doorstroomdossier van Sanne Bakker: deel B invullen');
    assert.match(mail!.text, /^Hallo Mevrouw R\. Jansen,/);
    assert.match(mail!.text, /https:\/\/portaal\.hetplein\.example\/doorstroom/);
    const { rows: sent } = await server.db.query<{ sent: boolean }>('SELECT sent_at IS NOT NULL AS sent FROM outbox WHERE dossier_id = $1', [dossier.id]);
    assert.deepEqual(sent, [{ sent: true }], 'marked sent once the SMTP server took it');
  });

  it('the mentor fills deel B and sends it to the student, who gives her declaration; the guardian gets a consent link', async () => {
    const mentor = await as('r.jansen@hetplein.example');
    dossier = await mentor<Dossier>(`dossiers/${dossier.id}/actions/startDeelB`, { method: 'POST', body: '{}', headers: { 'If-Match': `"${dossier.version}"` } });
    const context = { birthDate: '2011-03-14', today: isoDay(new Date()), type: 'vo-mbo' as const, guardianNeeded: true, references: {} };
    for (const section of buildSections(config, 'vo-mbo').filter((s) => s.part === 'B')) {
      const answers = answersFor(section, context, section.id === 'advies' ? { mentorAkkoord: true } : {});
      dossier = await mentor<Dossier>(`dossiers/${dossier.id}/sections/${section.id}`, { method: 'PATCH', body: JSON.stringify({ answers }), headers: { 'If-Match': `"${dossier.version}"` } });
    }
    dossier = await mentor<Dossier>(`dossiers/${dossier.id}/actions/sendToStudent`, { method: 'POST', body: '{}', headers: { 'If-Match': `"${dossier.version}"` } });
    assert.equal(dossier.status, 'akkoord');

    const student = await as('sanne.bakker@leerling.hetplein.example');
    dossier = await student<Dossier>(`dossiers/${dossier.id}/actions/recordInzage`, { method: 'POST', body: '{}', headers: { 'If-Match': `"${dossier.version}"` } });
    const akkoord = buildSections(config, 'vo-mbo').find((s) => s.id === 'akkoordverklaring')!;
    dossier = await student<Dossier>(`dossiers/${dossier.id}/sections/akkoordverklaring`, {
      method: 'PATCH',
      body: JSON.stringify({ answers: answersFor(akkoord, context, { akkoord: 'ja', delen: [], toestemming: true }) }),
      headers: { 'If-Match': `"${dossier.version}"` },
    });
    assert.equal((await student<unknown>(`dossiers/${dossier.id}/actions/finalize`, { method: 'POST', body: '{}' }, 422)) !== undefined, true, 'not without her mother');

    await server.outbox.drain();
    const [forGuardian, ...more] = mailTo('m.bakker@mail.example');
    assert.equal(more.length, 0);
    assert.equal(forGuardian!.subject, 'Uw toestemming voor het doorstroomdossier van Sanne Bakker');
    assert.equal(mimeHeader(forGuardian!.raw, 'Content-Language'), 'nl');
    assert.match(forGuardian!.text, /\/toestemming\/#dgl_[A-Za-z0-9_-]{43}/);
    assert.equal(mailTo('sanne.bakker@leerling.hetplein.example').length, 1, 'Sanne heard that deel B is there');
  });

  it('the guardian opens the link, reads the dossier and consents; the student finalizes; the chosen MBO reads it', async () => {
    // The link from the guardian's e-mail.
    const link = new URL(/https?:\/\/\S+\/toestemming\/#dgl_[A-Za-z0-9_-]{43}/.exec(mailTo('m.bakker@mail.example')[0]!.text)![0]);
    // The link points at the public address; here the page is served by the server under test.
    const pageUrl = new URL(`${link.pathname}${link.hash}`, server.url);
    let session: { token: string; dossierId: string };
    if (chromiumPath && existsSync(defaultBundleFile)) {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        await page.goto(pageUrl.href);
        await page.getByRole('button', { name: 'Dossier openen' }).click();
        // The dossier is there to read (answers may sit in closed cards: attached is enough).
        await page.locator('ddd-consent').getByText('Dit antwoord is ingevuld door de conformance-test').first().waitFor({ state: 'attached', timeout: 30_000 });
        assert.equal(new URL(page.url()).hash, '', 'the token left the address bar');
        session = JSON.parse((await page.evaluate(() => sessionStorage.getItem('doorstroom:toestemming')))!) as typeof session;
        // The same link a second time: a clear sentence, no dump.
        const again = await browser.newPage();
        await again.goto(pageUrl.href);
        await again.getByRole('button', { name: 'Dossier openen' }).click();
        await again.getByText('Deze link is al gebruikt').waitFor();
        assert.deepEqual(
          problems.filter((p) => !/status of 410|Failed to load resource/.test(p)),
          [],
        );
      } finally {
        await browser.close();
      }
    } else {
      const response = await fetch(new URL('consent-links/session', server.apiUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ link: link.hash.slice(1) }),
      });
      assert.equal(response.status, 201);
      session = (await response.json()) as typeof session;
    }
    assert.equal(session.dossierId, dossier.id);

    const guardian = async <T>(path: string, init: RequestInit = {}) => {
      const response = await fetch(new URL(path, server.apiUrl), {
        ...init,
        headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
      });
      assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
      return (await response.json()) as T;
    };
    let current = await guardian<Dossier>(`dossiers/${dossier.id}`);
    if (!current.inzage.some((i) => i.role === 'guardian')) {
      current = await guardian<Dossier>(`dossiers/${dossier.id}/actions/recordInzage`, { method: 'POST', body: '{}', headers: { 'If-Match': `"${current.version}"` } });
    }
    current = await guardian<Dossier>(`dossiers/${dossier.id}/sections/ouderToestemming`, {
      method: 'PATCH',
      body: JSON.stringify({ answers: { naam: 'Marieke Bakker', relatie: 'moeder', toestemming: true } }),
      headers: { 'If-Match': `"${current.version}"` },
    });

    const student = await as('sanne.bakker@leerling.hetplein.example');
    const done = await student<Dossier>(`dossiers/${dossier.id}/actions/finalize`, { method: 'POST', body: '{}', headers: { 'If-Match': `"${current.version}"` } });
    assert.equal(done.status, 'afgerond');
    assert.ok(done.finalizedAt);
    const mbo = await as('intake@rocmn.example');
    const received = await mbo<Dossier>(`dossiers/${dossier.id}`);
    assert.equal(received.status, 'afgerond');
    assert.equal((await fetch(new URL(`dossiers/${dossier.id}`, server.apiUrl), { headers: { Authorization: `Bearer ${session.token}` } })).status, 401, 'the link session ended with akkoord');
  });

  it('the retention job removes the dossier after its period; the beheerder sees every admin action in the audit log', async () => {
    const { default: FakeTimers } = await import('@sinonjs/fake-timers');
    const { retentionPolicyFromEnv } = await import('../src/config.js');
    const { monthsBefore, schoolYearStart, startRetentionJob } = await import('../src/retention.js');
    type Report = { dossiers: { afgerond: string[] }; counts: { dossiers: number; history: number } };
    const beheerder = await as('beheer@doorstroom-voorbeeld.example');
    // Finished today: kept, for now.
    const dry = await beheerder<Report>('admin/retention?dryRun=true', { method: 'POST' });
    assert.deepEqual(dry.dossiers.afgerond, []);
    // The server's daily job, with a clock at 02:00 the day after the period ends (N months after the end of this school year).
    const policy = retentionPolicyFromEnv({});
    const { rows } = await server.db.query<{ finalized: string }>(`SELECT data->>'finalizedAt' AS finalized FROM dossiers WHERE id = $1`, [dossier.id]);
    const schoolYearEnd = new Date(schoolYearStart(new Date(rows[0]!.finalized)).getTime());
    schoolYearEnd.setUTCFullYear(schoolYearEnd.getUTCFullYear() + 1);
    const due = monthsBefore(schoolYearEnd, -policy.afgerondMonths);
    const start = new Date(due.getTime() + 24 * 60 * 60 * 1000);
    start.setHours(2, 0, 0, 0);
    const clock = FakeTimers.createClock(start.getTime());
    let ran: (report: Report | undefined) => void = () => undefined;
    const run = new Promise<Report | undefined>((resolve) => (ran = resolve));
    const job = startRetentionJob(server.db, { policy, clock, onRun: (report) => ran(report) });
    await clock.tickAsync(60 * 60 * 1000);
    const report = await run;
    await job.stop();
    assert.ok(report?.dossiers.afgerond.includes(dossier.id), 'removed at 03:00 once its period had passed');
    const mbo = await as('intake@rocmn.example');
    await mbo<unknown>(`dossiers/${dossier.id}`, {}, 404);
    const { rows: left } = await server.db.query(
      `SELECT 1 FROM history WHERE dossier_id = $1 UNION ALL SELECT 1 FROM outbox WHERE dossier_id = $1 UNION ALL SELECT 1 FROM guardian_links WHERE dossier_id = $1`,
      [dossier.id],
    );
    assert.deepEqual(left, [], 'its history, notifications and consent links went with it');
    // The audit log: the three imports with doorstroom-admin, the beheerder's dry run, the job's run.
    const audit = await beheerder<{ items: { action: string; dryRun: boolean; actor: { kind: string; id?: string } }[] }>('admin/audit');
    assert.equal(audit.items.filter((e) => e.action === 'import' && e.actor.kind === 'cli' && !e.dryRun).length, 3);
    assert.ok(audit.items.some((e) => e.action === 'retention' && e.dryRun && e.actor.kind === 'beheerder' && e.actor.id === 'beheer-regio'));
    assert.ok(audit.items.some((e) => e.action === 'retention' && !e.dryRun && e.actor.kind === 'job'));
    assert.ok(!JSON.stringify(audit).includes('Sanne'), 'no names in the audit log');
  });
});
