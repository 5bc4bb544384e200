// Sign-in without writing code (issue 14, part 2): RS256 tokens minted here, checked against a JWKS
// served on localhost; the claim that names the person is looked up among the provisioned people.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { optionsFromEnv } from '../src/config.js';
import { oidcVerifier } from '../src/oidc.js';
import { runImport } from '../src/provisioning/index.js';
import { startServer, type RunningServer } from '../src/server.js';
import { freshDataDir, removeDir } from './helpers.js';

const issuer = 'https://login.regio-voorbeeld.example/realms/scholen';
const audience = 'doorstroom';
const example = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/${name}`, import.meta.url)), 'utf8');

interface Keys {
  privateKey: CryptoKey;
  jwk: JWK;
}
async function keys(kid: string): Promise<Keys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

interface Mint {
  claims?: Record<string, unknown>;
  key?: Keys;
  kid?: string;
  iss?: string;
  aud?: string;
  expiresIn?: string | number;
  issuedAt?: number;
}

describe('OpenID Connect sign-in', () => {
  let current: Keys;
  let other: Keys;
  let jwks: { keys: JWK[] };
  let idp: Server;
  let idpUrl: string;
  let idpDown = false;
  let server: RunningServer;
  let dataDir: string;
  const refusals: string[] = [];

  const mint = ({ claims = { email: 'sanne.bakker@leerling.hetplein.example' }, key = current, kid, iss = issuer, aud = audience, expiresIn = '10m', issuedAt }: Mint = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: kid ?? key.jwk.kid! })
      .setIssuer(iss)
      .setAudience(aud)
      .setSubject('f81d4fae-7dec-11d0-a765-00a0c91e6bf6')
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresIn)
      .sign(key.privateKey);
  const me = (token: string, target = server) => fetch(new URL('me', target.apiUrl), { headers: { Authorization: `Bearer ${token}` } });

  before(async () => {
    current = await keys('key-2026');
    other = await keys('key-other');
    jwks = { keys: [current.jwk] };
    idp = createServer((req, res) => {
      if (idpDown) return void res.writeHead(503).end();
      if (req.url === '/jwks.json') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(jwks));
      if (req.url === '/realms/scholen/.well-known/openid-configuration') {
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ issuer: `${idpUrl}/realms/scholen`, jwks_uri: `${idpUrl}/jwks.json` }));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    idpUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;

    dataDir = await freshDataDir();
    const verifier = await oidcVerifier({ issuer, audience, jwksUrl: `${idpUrl}/jwks.json`, jwksCooldownMs: 0, onRefused: (reason) => refusals.push(reason) });
    server = await startServer({ port: 0, nodeEnv: 'production', dataDir, verifier, logger: false, rateLimit: false, outboxIntervalMs: 60_000, cacheMs: 0 });
    await runImport(server.db, { format: 'json', text: example('regio.json') });
    await runImport(server.db, { format: 'csv', text: example('leerlingen.csv'), csv: { school: 'vmbo-het-plein' } });
  });
  after(async () => {
    await server?.close();
    await new Promise((resolve) => idp?.close(resolve));
    removeDir(dataDir);
  });

  it('signs in a provisioned person with a valid RS256 token; role and relations come from the database', async () => {
    const response = await me(await mint({ claims: { email: 'Sanne.Bakker@leerling.hetplein.example', role: 'beheerder', studentIds: ['x'] } }));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      role: 'student',
      person: { id: 'vmbo-het-plein-100231', naam: 'Sanne Bakker', email: 'sanne.bakker@leerling.hetplein.example' },
      school: { id: 'vmbo-het-plein', naam: 'Vmbo Het Plein', mentorRoster: false },
    });
    const guardian = (await (await me(await mint({ claims: { email: 'm.bakker@mail.example' } }))).json()) as { role: string; studentIds: string[] };
    assert.deepEqual([guardian.role, guardian.studentIds], ['guardian', ['vmbo-het-plein-100231']]);
  });

  it('refuses (401) an expired token, a wrong audience or issuer, a wrong key, an unknown person and everything that is no signed JWT', async () => {
    const cases: [string, string][] = [
      ['expired', await mint({ expiresIn: Math.floor(Date.now() / 1000) - 120, issuedAt: Math.floor(Date.now() / 1000) - 900 })],
      ['wrong audience', await mint({ aud: 'een-andere-app' })],
      ['wrong issuer', await mint({ iss: 'https://evil.example' })],
      ['wrong key (unknown kid)', await mint({ key: other })],
      ['wrong key (the right kid)', await mint({ key: other, kid: current.jwk.kid! })],
      ['unknown person', await mint({ claims: { email: 'nobody@leerling.hetplein.example' } })],
      ['no claim that names the person', await mint({ claims: { name: 'Sanne' } })],
      ['unverified e-mail', await mint({ claims: { email: 'sanne.bakker@leerling.hetplein.example', email_verified: false } })],
      ['not a JWT', 'sanne.bakker@leerling.hetplein.example'],
      [
        'alg none',
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: issuer, aud: audience, email: 'sanne.bakker@leerling.hetplein.example', exp: 9e9 })).toString('base64url')}.`,
      ],
      [
        'tampered payload',
        (await mint()).replace(
          /\.([^.]+)\./,
          (_, p: string) => `.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), email: 'r.jansen@hetplein.example' })).toString('base64url')}.`,
        ),
      ],
    ];
    for (const [what, token] of cases) {
      const response = await me(token);
      assert.equal(response.status, 401, what);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/, what);
      assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer', what);
    }
    assert.ok(refusals.includes('ERR_JWT_EXPIRED') && refusals.includes('ERR_JWT_CLAIM_VALIDATION_FAILED') && refusals.includes('ERR_JWKS_NO_MATCHING_KEY'), refusals.join(' '));
    assert.ok(refusals.includes('ERR_JWS_SIGNATURE_VERIFICATION_FAILED') && refusals.includes('ERR_EMAIL_NOT_VERIFIED') && refusals.includes('ERR_NOT_A_JWT'), refusals.join(' '));
    assert.ok(
      refusals.every((r) => /^ERR_[A-Z_]+$/.test(r)),
      'only codes are told, never a token',
    );
  });

  it('follows a key rotation at the provider, and answers 503 (not 401) while the provider cannot be reached', async () => {
    const next = await keys('key-2027');
    jwks = { keys: [current.jwk, next.jwk] };
    assert.equal((await me(await mint({ key: next }))).status, 200, 'a new kid makes the verifier fetch the keys again');
    const fresh = await keys('key-2028');
    idpDown = true;
    try {
      const response = await me(await mint({ key: fresh }));
      assert.equal(response.status, 503);
      assert.match(((await response.json()) as { title: string }).title, /Inloggen lukt nu even niet/);
    } finally {
      idpDown = false;
    }
  });

  it('takes the keys from the discovery document, or from a static key file (PEM or JWKS)', async () => {
    const discovered = await oidcVerifier({ issuer: `${idpUrl}/realms/scholen`, audience });
    const token = await mint({ iss: `${idpUrl}/realms/scholen` });
    assert.deepEqual(await discovered(token), { login: 'sanne.bakker@leerling.hetplein.example' });
    const dir = mkdtempSync(join(tmpdir(), 'doorstroom-oidc-'));
    try {
      const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
      writeFileSync(join(dir, 'key.pem'), await exportSPKI(publicKey));
      const pem = await oidcVerifier({ issuer, audience, keyFile: join(dir, 'key.pem'), claim: 'sub' });
      const signed = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setIssuer(issuer).setAudience(audience).setSubject('leerling-7').setExpirationTime('5m').sign(privateKey);
      assert.deepEqual(await pem(signed), { login: 'leerling-7' });
      assert.equal(await pem(await mint()), null, 'another key');
      writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [current.jwk] }));
      const local = await oidcVerifier({ issuer, audience, keyFile: join(dir, 'jwks.json') });
      assert.deepEqual(await local(await mint()), { login: 'sanne.bakker@leerling.hetplein.example' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a configuration that would let anyone in, and starts production mode from the environment alone', async () => {
    await assert.rejects(oidcVerifier({ issuer, audience: [], jwksUrl: `${idpUrl}/jwks.json` }), /AUDIENCE is needed/);
    await assert.rejects(oidcVerifier({ issuer, audience, jwksUrl: 'http://idp.example/jwks.json' }), /https/);
    await assert.rejects(oidcVerifier({ issuer, audience, jwksUrl: `${idpUrl}/jwks.json`, algorithms: ['HS256'] }), /not allowed/);
    await assert.rejects(optionsFromEnv({ DOORSTROOM_OIDC_AUDIENCE: audience }), /without DOORSTROOM_OIDC_ISSUER/);
    await assert.rejects(optionsFromEnv({ DOORSTROOM_OIDC_ISSUER: issuer, DOORSTROOM_OIDC_AUDIENCE: audience, DOORSTROOM_VERIFIER: './x.mjs' }), /not both/);
    const options = await optionsFromEnv({
      NODE_ENV: 'production',
      DOORSTROOM_OIDC_ISSUER: issuer,
      DOORSTROOM_OIDC_AUDIENCE: audience,
      DOORSTROOM_OIDC_JWKS_URL: `${idpUrl}/jwks.json`,
      DOORSTROOM_LOG: 'false',
    });
    assert.match(options.signIn ?? '', /OpenID Connect sign-in \(issuer https:\/\/login\.regio-voorbeeld\.example\/realms\/scholen, claim email\)/);
    const fromEnv = await startServer({ ...options, port: 0, db: server.db, logger: false, rateLimit: false, outboxIntervalMs: 60_000 });
    try {
      assert.equal((await me(await mint(), fromEnv)).status, 200);
      assert.equal((await me('vmbo-het-plein-100231', fromEnv)).status, 401);
    } finally {
      await fromEnv.close();
    }
  });
});
