// Guardians without a portal account (issue 14, part 3): the consent notification carries a
// single-use, expiring link; the consent page trades it once for a session scoped to that one
// dossier while it is in akkoord. Expired, reused and tampered links get a clear Dutch answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describePayload, payloadsWithin } from '../../sdk/src/testing/hostile-payloads.js';
import { makeDossier } from '../../sdk/src/testing/fixtures.js';
import { consentPagePath } from '../src/consent-page.js';
import type { OutboxMessage } from '../src/notifications.js';
import { dossierColumns } from '../src/pg-store.js';
import { runImport } from '../src/provisioning/index.js';
import { pageContentSecurityPolicy, startServer, type RunningServer } from '../src/server.js';
import type { Dossier } from '../src/sdk.js';
import { freshDataDir, removeDir } from './helpers.js';

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/${name}`, import.meta.url)), 'utf8');
const verifier = async (token: string) => (token.startsWith('login:') ? { login: token.slice('login:'.length) } : null);
const school = 'vmbo-het-plein';
const sanne = `${school}-100231`;

describe('consent links for guardians without a portal account', () => {
  let server: RunningServer;
  let dataDir: string;
  const delivered: OutboxMessage[] = [];
  const api = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    if (init.body) headers.set('Content-Type', 'application/json');
    return fetch(new URL(path, server.apiUrl), { ...init, headers });
  };
  const exchange = (link: unknown) => api('consent-links/session', { method: 'POST', body: JSON.stringify({ link }) });
  const tokenOf = (link: string) => new URL(link).hash.slice(1);

  /** A dossier of `studentId` in akkoord with the student's own declaration, and the guardian notification pg-store would queue. */
  async function awaitingGuardian(id: string, studentId: string, geboortedatum = '2011-03-14'): Promise<void> {
    const dossier = makeDossier({
      id,
      status: 'akkoord',
      version: 7,
      student: { id: studentId, naam: 'Sanne Bakker', schoolId: school, klas: '4A', leerjaar: 4, geboortedatum, nummerSoort: 'bsn' },
      inzage: [{ role: 'student', person: { id: studentId, naam: 'Sanne Bakker' }, at: new Date().toISOString() }],
      sections: ['persoonlijk', 'thuis', 'akkoordverklaring'],
    });
    const c = dossierColumns(dossier);
    await server.db.query(
      `INSERT INTO dossiers (id, student_id, school_id, type, status, archived, version, mentor_id, mentor_email, chosen_brin, created_at, updated_at, data)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::jsonb)`,
      [c.id, c.student_id, c.school_id, c.type, c.status, c.archived, c.version, c.mentor_id, c.mentor_email, c.chosen_brin, c.created_at, c.updated_at, JSON.stringify(c.data)],
    );
    const { rows } = await server.db.query<{ id: string; naam: string; email: string }>(
      `SELECT g.id, g.naam, g.email FROM guardians g JOIN students s ON s.data->'guardianIds' ? g.id WHERE s.id = $1`,
      [studentId],
    );
    for (const g of rows) {
      await server.db.query(`INSERT INTO outbox (kind, dossier_id, recipient, payload) VALUES ('guardianConsentAsked', $1, $2::jsonb, $3::jsonb)`, [
        id,
        JSON.stringify({ role: 'guardian', id: g.id, naam: g.naam, email: g.email }),
        JSON.stringify({ subject: { nl: 'Uw toestemming is nodig.', en: 'Your consent is needed.' }, student: { id: studentId, naam: 'Sanne Bakker' } }),
      ]);
    }
  }
  /** Sends what is due; the links of this dossier's messages. */
  async function linksFor(dossierId: string): Promise<string[]> {
    await server.outbox.drain();
    return delivered.filter((m) => m.dossierId === dossierId).map((m) => m.link!);
  }

  before(async () => {
    dataDir = await freshDataDir();
    server = await startServer({
      port: 0,
      nodeEnv: 'production',
      dataDir,
      verifier,
      publicUrl: 'https://doorstroom.regio-voorbeeld.example',
      logger: false,
      rateLimit: false,
      outboxIntervalMs: 60_000,
      cacheMs: 0,
      notificationSender: async (message) => void delivered.push(message),
    });
    await runImport(server.db, { format: 'json', text: example('regio.json') });
    await runImport(server.db, { format: 'csv', text: example('leerlingen.csv'), csv: { school } });
  });
  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  it('gives each guardian of the minor a single-use link to the consent page, which the outbox itself never holds', async () => {
    await awaitingGuardian('d-sanne', sanne);
    const [link, ...more] = await linksFor('d-sanne');
    assert.equal(more.length, 0, 'Sanne has one guardian');
    assert.match(link!, /^https:\/\/doorstroom\.regio-voorbeeld\.example\/toestemming\/#dgl_[A-Za-z0-9_-]{43}$/);
    const { rows } = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE payload::text LIKE '%dgl_%'`);
    assert.equal(rows[0]!.n, 0, 'the link is made when the message is sent, not kept in the outbox');
    const { rows: stored } = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM guardian_links');
    assert.ok(
      stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && !r.token_hash.includes(tokenOf(link!))),
      'only a digest is stored',
    );
  });

  it('opens a session for that one dossier: the guardian reads it, records inzage and consents; everything else is 404', async () => {
    const [link] = await linksFor('d-sanne');
    const opened = await exchange(tokenOf(link!));
    assert.equal(opened.status, 201);
    const session = (await opened.json()) as { token: string; dossierId: string; expiresAt: string };
    assert.equal(session.dossierId, 'd-sanne');
    assert.match(session.token, /^dgs_/);
    assert.ok(Date.parse(session.expiresAt) > Date.now() + 50 * 60_000);
    const token = session.token;

    const me = (await (await api('me', { token })).json()) as { role: string; person: { naam: string }; studentIds: string[] };
    assert.deepEqual([me.role, me.person.naam, me.studentIds], ['guardian', 'Marieke Bakker', [sanne]]);
    assert.equal((await api('config', { token })).status, 200);
    const read = (await (await api('dossiers/d-sanne', { token })).json()) as Dossier;
    assert.equal(read.status, 'akkoord');

    // Nothing else: not the list, not another dossier, not the student's own part, not finalize, not the history.
    await awaitingGuardian('d-sanne-2', sanne);
    const refused: [string, RequestInit][] = [
      ['dossiers', {}],
      ['dossiers/d-sanne-2', {}],
      ['dossiers/d-sanne/history', {}],
      ['catalog/institutions', {}],
      ['schools/vmbo-het-plein/mentors', {}],
      ['dossiers/d-sanne/sections/akkoordverklaring', { method: 'PATCH', body: JSON.stringify({ answers: { akkoord: 'nee' } }), headers: { 'If-Match': `"${read.version}"` } }],
      ['dossiers/d-sanne/actions/finalize', { method: 'POST', body: '{}' }],
      ['dossiers', { method: 'POST', body: JSON.stringify({ type: 'vo-mbo' }) }],
      ['admin/summary', {}],
    ];
    for (const [path, init] of refused) {
      const response = await api(path, { ...init, token });
      assert.ok(response.status === 404 || response.status === 403, `${path}: ${response.status}`);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
    }

    const inzage = await api('dossiers/d-sanne/actions/recordInzage', { method: 'POST', token, body: '{}', headers: { 'If-Match': `"${read.version}"` } });
    assert.equal(inzage.status, 200, await inzage.clone().text());
    const afterInzage = (await inzage.json()) as Dossier;
    const consent = await api('dossiers/d-sanne/sections/ouderToestemming', {
      method: 'PATCH',
      token,
      body: JSON.stringify({ answers: { naam: 'Marieke Bakker', relatie: 'moeder', toestemming: true } }),
      headers: { 'If-Match': `"${afterInzage.version}"` },
    });
    assert.equal(consent.status, 200, await consent.clone().text());
    assert.equal(((await consent.json()) as Dossier).answers['ouderToestemming']?.['toestemming'], true);
    // The student finalizes; from then on the session reaches nothing.
    const finalized = await api('dossiers/d-sanne/actions/finalize', { method: 'POST', token: 'login:sanne.bakker@leerling.hetplein.example', body: '{}' });
    assert.equal(finalized.status, 200, await finalized.clone().text());
    assert.equal((await api('dossiers/d-sanne', { token })).status, 401);
  });

  it('answers a reused, expired, tampered or no longer needed link with a clear Dutch problem, never a dump', async () => {
    const [, link2] = await linksFor('d-sanne-2').then((links) => [undefined, links[0]]);
    const expectProblem = async (response: Response, status: number, type: string, title: RegExp) => {
      assert.equal(response.status, status, type);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      const body = (await response.json()) as { type: string; title: string; detail: string };
      assert.equal(body.type, `https://doorstroom.example/problems/${type}`);
      assert.match(body.title, title);
      assert.doesNotMatch(body.title, /\bje\b|\bjij\b|\bjouw\b/i, 'formal: u');
      assert.doesNotMatch(JSON.stringify(body), /dgl_|Error|at \//, 'no token, no stack');
    };
    // Used: Sanne's first link was traded above.
    const [first] = await linksFor('d-sanne');
    await expectProblem(await exchange(tokenOf(first!)), 410, 'consent-link-used', /al gebruikt.*één keer/);
    // Tampered or made up.
    const tampered = `${tokenOf(link2!).slice(0, -3)}${tokenOf(link2!).endsWith('AAA') ? 'BBB' : 'AAA'}`;
    await expectProblem(await exchange(tampered), 404, 'consent-link-invalid', /werkt niet/);
    await expectProblem(await exchange('dgl_kort'), 404, 'consent-link-invalid', /werkt niet/);
    await expectProblem(await exchange('<script>alert(1)</script>'), 404, 'consent-link-invalid', /werkt niet/);
    await expectProblem(await exchange(42), 400, 'bad-request', /werkt niet/);
    await expectProblem(await api('consent-links/session', { method: 'POST', body: 'geen json' }), 400, 'bad-request', /werkt niet/);
    await expectProblem(await api('consent-links/session', { method: 'POST', body: JSON.stringify({ link: 'x'.repeat(5000) }) }), 413, 'payload-too-large', /te groot/);
    assert.equal((await api('consent-links/session')).status, 405);
    // Expired.
    await server.db.query(`UPDATE guardian_links SET expires_at = now() - interval '1 minute' WHERE dossier_id = 'd-sanne-2'`);
    await expectProblem(await exchange(tokenOf(link2!)), 410, 'consent-link-expired', /verlopen/);
    // No longer needed: the dossier went back to concept (the link stays unused).
    await awaitingGuardian('d-sanne-3', sanne);
    const [link3] = await linksFor('d-sanne-3');
    await server.db.query(`UPDATE dossiers SET status = 'concept', data = jsonb_set(data, '{status}', '"concept"') WHERE id = 'd-sanne-3'`);
    await expectProblem(await exchange(tokenOf(link3!)), 410, 'consent-not-needed', /niet meer nodig/);
    // A session token that was never handed out signs nobody in.
    assert.equal((await api('me', { token: `dgs_${'A'.repeat(43)}` })).status, 401);
    // Hostile text as a link: a clear 404 (or 400), never a 500, and nothing changes.
    const before = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM guardian_links WHERE used_at IS NOT NULL')).rows[0]!.n;
    for (const payload of payloadsWithin(1000)) {
      const response = await exchange(payload.value);
      assert.ok(response.status === 404 || response.status === 400, `${describePayload(payload)}: ${response.status}`);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
    }
    assert.equal((await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM guardian_links WHERE used_at IS NOT NULL')).rows[0]!.n, before);
  });

  it('serves the consent page under the strict CSP, with the bundle and the page script from this origin', async () => {
    const page = await fetch(new URL(consentPagePath, server.url));
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('Content-Security-Policy'), pageContentSecurityPolicy);
    assert.equal(page.headers.get('Referrer-Policy'), 'no-referrer');
    assert.equal(page.headers.get('Cache-Control'), 'no-store');
    const html = await page.text();
    assert.match(html, /<html lang="nl" dir="ltr">/, 'Dutch until the page script reads the language from the link');
    assert.match(html, /<meta name="doorstroom-api-base" content="\/api\/" \/>/);
    assert.match(html, /<script type="module" src="ddd-consent\.min\.js"><\/script>/, "<ddd-consent>'s own file, not the whole bundle");
    assert.doesNotMatch(html, /<script>|<style>| on[a-z]+="/, 'no inline script or style');
    const script = await fetch(new URL(`${consentPagePath}consent-page.js`, server.url));
    assert.match(script.headers.get('Content-Type') ?? '', /^text\/javascript/);
    assert.match(await script.text(), /textContent/);
    assert.equal((await fetch(new URL(`${consentPagePath}consent-page.css`, server.url))).status, 200);
    const bundle = await fetch(new URL(`${consentPagePath}ddd-consent.min.js`, server.url));
    assert.ok(bundle.status === 200 || bundle.status === 404, "<ddd-consent>'s built file, or a plain 404 while it is not built");
    assert.equal((await fetch(new URL(`${consentPagePath}../../etc/passwd`, server.url))).status, 404);
    assert.equal((await fetch(new URL(`${consentPagePath}index.html`, server.url), { method: 'POST' })).status, 404);
  });
});
