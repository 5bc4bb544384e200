/**
 * Sign-in without writing code: the bearer token is a JWT from the region's OpenID Connect
 * provider (or any issuer of signed JWTs), checked with `jose` against the issuer's keys (a JWKS
 * URL, the provider's discovery document, or a static key), its issuer, audience and lifetime. One
 * claim names the person; that value is looked up among the provisioned people (their `login`),
 * so role and relations come from the database, never from the token.
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, importJWK, importSPKI, jwtVerify, type JWK, type JWTVerifyGetKey, type KeyObject } from 'jose';
import type { TokenVerifier } from './auth.js';
import { problemTypeBase, ServiceError } from './sdk.js';
import { ConfigurationError } from './server.js';

export interface OidcOptions {
  /** The `iss` every token must carry, e.g. https://login.regio.nl/realms/scholen. */
  issuer: string;
  /** The `aud` (one of them) every token must carry: this server's client id at the provider. */
  audience: string | string[];
  /** Where the provider publishes its public keys. Without it (and without `keyFile`): from `<issuer>/.well-known/openid-configuration`. */
  jwksUrl?: string;
  /** A static key instead: a PEM public key (SPKI), a JWK or a JWKS (JSON). */
  keyFile?: string;
  /** The claim that names the person: compared with their provisioned login. Default `email`. */
  claim?: string;
  /** Accepted signature algorithms. Default RS256, PS256, ES256, EdDSA (never `none`, never HMAC). */
  algorithms?: string[];
  /** Seconds of clock difference tolerated for `exp` and `nbf`. Default 30. */
  clockToleranceSeconds?: number;
  /** After a key the JWKS did not have, wait this long before asking the provider again. Default 30 000 ms. */
  jwksCooldownMs?: number;
  /** Told why a token was refused (an error code, never the token). */
  onRefused?: (reason: string) => void;
}

export const defaultAlgorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const signInUnavailable = () =>
  new ServiceError({
    type: `${problemTypeBase}sign-in-unavailable`,
    title: 'Inloggen lukt nu even niet. Probeer het over een paar minuten opnieuw.',
    status: 503,
    detail: "The identity provider's keys could not be fetched.",
  });

/** A local address, where plain http is acceptable (tests, a provider on the same host). */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

function checkedUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${what} is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) throw new ConfigurationError(`${what} must be an https URL (http only on localhost).`);
  return url;
}

/** Reads a static key file: a PEM public key, a JWK or a JWKS. */
async function staticKey(file: string, algorithms: string[]): Promise<JWTVerifyGetKey | KeyObject | CryptoKey | Uint8Array> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigurationError(`DOORSTROOM_OIDC_KEY_FILE ${file} cannot be read.`);
  }
  if (text.includes('-----BEGIN PUBLIC KEY-----')) {
    const algorithm = algorithms[0]!;
    try {
      return await importSPKI(text.trim(), algorithm);
    } catch (error) {
      throw new ConfigurationError(`DOORSTROOM_OIDC_KEY_FILE is not a ${algorithm} public key: ${(error as Error).message}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigurationError('DOORSTROOM_OIDC_KEY_FILE holds neither a PEM public key (-----BEGIN PUBLIC KEY-----) nor a JWK or JWKS (JSON).');
  }
  if (json && typeof json === 'object' && Array.isArray((json as { keys?: unknown }).keys)) return createLocalJWKSet(json as { keys: JWK[] });
  const jwk = json as JWK;
  if (jwk.d !== undefined || jwk.kty === 'oct') throw new ConfigurationError('DOORSTROOM_OIDC_KEY_FILE must hold a public key, not a private or shared secret.');
  return importJWK(jwk, jwk.alg ?? algorithms[0]);
}

/** The provider's jwks_uri from its discovery document. */
async function discoverJwks(issuer: string): Promise<URL> {
  const url = new URL(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new ConfigurationError(`Could not read ${url.href}: ${(error as Error).message}. Set DOORSTROOM_OIDC_JWKS_URL or DOORSTROOM_OIDC_KEY_FILE instead.`);
  }
  if (document.issuer !== issuer) throw new ConfigurationError(`The discovery document of ${issuer} names another issuer (${String(document.issuer)}).`);
  if (typeof document.jwks_uri !== 'string') throw new ConfigurationError(`The discovery document of ${issuer} has no jwks_uri.`);
  return checkedUrl(document.jwks_uri, 'jwks_uri');
}

/** The errors that mean "this token is not valid" (401), as opposed to "the keys cannot be fetched now" (503). */
const refusedCodes = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JWS_INVALID',
  'ERR_JWT_INVALID',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);

/**
 * A verifier for the server (`startServer({ verifier })`): a valid token gives `{ login: <claim> }`,
 * anything else null (401). While the provider's keys cannot be fetched it answers 503.
 */
export async function oidcVerifier(options: OidcOptions): Promise<TokenVerifier> {
  if (!options.issuer) throw new ConfigurationError('DOORSTROOM_OIDC_ISSUER is needed.');
  const audience = Array.isArray(options.audience) ? options.audience : [options.audience];
  if (audience.length === 0 || audience.some((a) => !a)) throw new ConfigurationError('DOORSTROOM_OIDC_AUDIENCE is needed: the client id this server has at the provider.');
  if (options.jwksUrl && options.keyFile) throw new ConfigurationError('Set DOORSTROOM_OIDC_JWKS_URL or DOORSTROOM_OIDC_KEY_FILE, not both.');
  const algorithms = options.algorithms?.length ? options.algorithms : defaultAlgorithms;
  const forbidden = algorithms.filter((a) => a === 'none' || a.startsWith('HS'));
  if (forbidden.length) throw new ConfigurationError(`Algorithms ${forbidden.join(', ')} are not allowed: a token must be signed with the provider's private key.`);
  const claim = options.claim || 'email';
  const key = options.keyFile
    ? await staticKey(options.keyFile, algorithms)
    : createRemoteJWKSet(options.jwksUrl ? checkedUrl(options.jwksUrl, 'DOORSTROOM_OIDC_JWKS_URL') : await discoverJwks(options.issuer), {
        cooldownDuration: options.jwksCooldownMs ?? 30_000,
        timeoutDuration: 5000,
      });
  const verifyOptions = { issuer: options.issuer, audience, algorithms, clockTolerance: options.clockToleranceSeconds ?? 30, requiredClaims: ['exp', claim] };
  const refused = (reason: string) => {
    options.onRefused?.(reason);
    return null;
  };

  return async (token) => {
    // Not a JWT at all (three base64url parts, a JSON header): no need to ask anyone.
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) || token.length > 16_384) return refused('ERR_NOT_A_JWT');
    try {
      decodeProtectedHeader(token);
    } catch {
      return refused('ERR_JWS_INVALID');
    }
    try {
      const { payload } = typeof key === 'function' ? await jwtVerify(token, key, verifyOptions) : await jwtVerify(token, key, verifyOptions);
      const value = payload[claim];
      if (typeof value !== 'string' || value.trim() === '') return refused('ERR_CLAIM_MISSING');
      // An e-mail address the provider has not verified does not name anyone.
      if (claim === 'email' && payload['email_verified'] === false) return refused('ERR_EMAIL_NOT_VERIFIED');
      return { login: value };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && refusedCodes.has(code)) return refused(code);
      // The keys could not be fetched (the provider is down, a timeout, a broken JWKS): not the person's fault.
      throw signInUnavailable();
    }
  };
}

/** OIDC options from the environment, or undefined when DOORSTROOM_OIDC_ISSUER is not set. */
export function oidcOptionsFromEnv(env: NodeJS.ProcessEnv): OidcOptions | undefined {
  const issuer = env['DOORSTROOM_OIDC_ISSUER'];
  if (!issuer) {
    const stray = Object.keys(env).filter((name) => name.startsWith('DOORSTROOM_OIDC_') && env[name]);
    if (stray.length) throw new ConfigurationError(`${stray.join(', ')} set without DOORSTROOM_OIDC_ISSUER.`);
    return undefined;
  }
  const list = (name: string) =>
    (env[name] ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const tolerance = env['DOORSTROOM_OIDC_CLOCK_TOLERANCE'];
  if (tolerance !== undefined && tolerance !== '' && !/^\d{1,4}$/.test(tolerance)) throw new ConfigurationError('DOORSTROOM_OIDC_CLOCK_TOLERANCE must be a number of seconds.');
  return {
    issuer,
    audience: list('DOORSTROOM_OIDC_AUDIENCE'),
    ...(env['DOORSTROOM_OIDC_JWKS_URL'] ? { jwksUrl: env['DOORSTROOM_OIDC_JWKS_URL'] } : {}),
    ...(env['DOORSTROOM_OIDC_KEY_FILE'] ? { keyFile: env['DOORSTROOM_OIDC_KEY_FILE'] } : {}),
    ...(env['DOORSTROOM_OIDC_CLAIM'] ? { claim: env['DOORSTROOM_OIDC_CLAIM'] } : {}),
    ...(list('DOORSTROOM_OIDC_ALGORITHMS').length ? { algorithms: list('DOORSTROOM_OIDC_ALGORITHMS') } : {}),
    ...(tolerance ? { clockToleranceSeconds: Number(tolerance) } : {}),
  };
}
