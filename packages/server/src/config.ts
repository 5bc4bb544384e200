/** Server options from the environment (see README): PORT, HOST, DATABASE_URL, DOORSTROOM_* and NODE_ENV. */
import { loadVerifier } from './auth.js';
import { smtpOptionsFromEnv, smtpSender } from './mail.js';
import { oidcOptionsFromEnv, oidcVerifier } from './oidc.js';
import { parseOrigins } from './http/cors.js';
import { addressFactor, defaultFailedSignIns, type RateLimitOptions, type RequestLimitOptions } from './http/rate-limit.js';
import { defaultRetentionPolicy, type RetentionPolicy } from './retention.js';
import { ConfigurationError, defaultRateLimit, type StartServerOptions } from './server.js';

function number(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new ConfigurationError(`${name} must be a number, got ${JSON.stringify(value)}`);
  return parsed;
}

/** `${prefix}_BURST` and `${prefix}_PER_SECOND`: undefined when neither is set, false when either is 0. */
function bucket(env: NodeJS.ProcessEnv, prefix: string, defaults: RateLimitOptions): RateLimitOptions | false | undefined {
  const burst = number(env, `${prefix}_BURST`);
  const perSecond = number(env, `${prefix}_PER_SECOND`);
  if (burst === undefined && perSecond === undefined) return undefined;
  if (burst === 0 || perSecond === 0) return false;
  return { burst: burst ?? defaults.burst, perSecond: perSecond ?? defaults.perSecond };
}

/** An absolute http(s) URL, or undefined when unset. */
function url(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href;
  } catch {
    // Reported below.
  }
  throw new ConfigurationError(`${name} must be an absolute URL such as https://doorstroom.regio.nl, got ${JSON.stringify(value)}`);
}

/** DOORSTROOM_BASE_PATH: where the contract's routes live (`/api/doorstroom`), or undefined for the default `/api`. */
function basePath(env: NodeJS.ProcessEnv): string | undefined {
  const value = env['DOORSTROOM_BASE_PATH'];
  if (value === undefined || value === '') return undefined;
  if (!/^(\/[A-Za-z0-9._~-]+)+\/?$/.test(value)) throw new ConfigurationError(`DOORSTROOM_BASE_PATH must be a path such as /api/doorstroom, got ${JSON.stringify(value)}`);
  return value.replace(/\/$/, '');
}

/** A whole number from `min` to `max`, or undefined when unset. */
function whole(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * How long data is kept (docs/operations.md, "Retention"): DOORSTROOM_RETENTION_AFGEROND_MONTHS,
 * …_INACTIVE_MONTHS and …_OUTBOX_DAYS. The server and `doorstroom-admin retention` read the same.
 */
export function retentionPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): RetentionPolicy {
  return {
    afgerondMonths: whole(env, 'DOORSTROOM_RETENTION_AFGEROND_MONTHS', 0, 1200) ?? defaultRetentionPolicy.afgerondMonths,
    inactiveMonths: whole(env, 'DOORSTROOM_RETENTION_INACTIVE_MONTHS', 0, 1200) ?? defaultRetentionPolicy.inactiveMonths,
    outboxDays: whole(env, 'DOORSTROOM_RETENTION_OUTBOX_DAYS', 0, 36500) ?? defaultRetentionPolicy.outboxDays,
  };
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name];
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new ConfigurationError(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

/**
 * Dev mode (demo tokens, the /api/dev routes) is on only when asked for: DOORSTROOM_DEV=true here,
 * or `doorstroom-server --dev`. NODE_ENV=production with dev mode refuses to start (startServer).
 */
export async function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<StartServerOptions> {
  const port = number(env, 'PORT');
  const burst = number(env, 'DOORSTROOM_RATE_BURST');
  const perSecond = number(env, 'DOORSTROOM_RATE_PER_SECOND');
  const poolSize = number(env, 'DOORSTROOM_DB_POOL');
  const apiPath = basePath(env);
  const maxImportBytes = number(env, 'DOORSTROOM_ADMIN_MAX_BYTES');
  const publicUrl = url(env, 'DOORSTROOM_PUBLIC_URL');
  const consentPageUrl = url(env, 'DOORSTROOM_CONSENT_URL');
  const consentLinkDays = number(env, 'DOORSTROOM_CONSENT_LINK_DAYS');
  const verifierPath = env['DOORSTROOM_VERIFIER'];
  const oidc = oidcOptionsFromEnv(env);
  if (oidc && verifierPath) throw new ConfigurationError('Set DOORSTROOM_OIDC_ISSUER (built-in sign-in) or DOORSTROOM_VERIFIER (your own module), not both.');
  const options: StartServerOptions = {
    port: port ?? 3000,
    dev: flag(env, 'DOORSTROOM_DEV'),
    nodeEnv: env['NODE_ENV'] ?? 'development',
    origins: parseOrigins(env['DOORSTROOM_ORIGINS']),
    trustProxy: flag(env, 'DOORSTROOM_TRUST_PROXY'),
    ...(env['HOST'] ? { host: env['HOST'] } : {}),
    ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
    ...(env['DOORSTROOM_DATA_DIR'] ? { dataDir: env['DOORSTROOM_DATA_DIR'] } : {}),
    ...(env['DOORSTROOM_STATIC_DIR'] ? { staticDir: env['DOORSTROOM_STATIC_DIR'] } : {}),
    ...(apiPath ? { basePath: apiPath } : {}),
    ...(poolSize ? { poolSize } : {}),
    ...(maxImportBytes ? { maxImportBytes } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...(consentPageUrl ? { consentPageUrl } : {}),
    ...(consentLinkDays ? { consentLinkDays } : {}),
    ...(env['DOORSTROOM_BUNDLE'] ? { bundleFile: env['DOORSTROOM_BUNDLE'] } : {}),
    ...(verifierPath ? { verifier: await loadVerifier(verifierPath), signIn: 'sign-in through DOORSTROOM_VERIFIER' } : {}),
  };
  // E-mail through SMTP; without it, each notification is one log line (no personal data).
  const smtp = smtpOptionsFromEnv(env);
  if (smtp) options.notificationSender = smtpSender(smtp);
  if (oidc) {
    // Why a token was refused, as a code (never the token): expired, wrong audience, unknown key, …
    const refusedLog =
      env['DOORSTROOM_LOG'] === 'false' || env['DOORSTROOM_LOG'] === 'off' ? undefined : (reason: string) => console.log(JSON.stringify({ level: 'info', msg: 'sign-in refused', reason }));
    options.verifier = await oidcVerifier({ ...oidc, ...(refusedLog ? { onRefused: refusedLog } : {}) });
    options.signIn = `OpenID Connect sign-in (issuer ${oidc.issuer}, claim ${oidc.claim ?? 'email'})`;
  }
  options.retention = retentionPolicyFromEnv(env);
  // The daily job: on by default outside dev mode (startServer decides); DOORSTROOM_RETENTION_JOB=false for cron instead.
  const retentionHour = whole(env, 'DOORSTROOM_RETENTION_HOUR', 0, 23);
  if (env['DOORSTROOM_RETENTION_JOB'] !== undefined && env['DOORSTROOM_RETENTION_JOB'] !== '') {
    options.retentionJob = flag(env, 'DOORSTROOM_RETENTION_JOB') ? (retentionHour === undefined ? true : { hour: retentionHour }) : false;
  } else if (retentionHour !== undefined) options.retentionJob = { hour: retentionHour };
  const metricsToken = env['DOORSTROOM_METRICS_TOKEN'];
  if (metricsToken !== undefined && metricsToken !== '') {
    if (metricsToken.length < 16 || /\s/.test(metricsToken)) throw new ConfigurationError('DOORSTROOM_METRICS_TOKEN must be at least 16 characters without spaces (e.g. openssl rand -hex 32).');
    options.metricsToken = metricsToken;
  }
  const metricsPort = whole(env, 'DOORSTROOM_METRICS_PORT', 0, 65535);
  if (metricsPort !== undefined) options.metricsPort = metricsPort;
  if (env['DOORSTROOM_METRICS_HOST']) options.metricsHost = env['DOORSTROOM_METRICS_HOST'];
  const shutdownSeconds = number(env, 'DOORSTROOM_SHUTDOWN_TIMEOUT');
  if (shutdownSeconds !== undefined) options.shutdownTimeoutMs = shutdownSeconds * 1000;
  const log = env['DOORSTROOM_LOG'];
  if (log === 'false' || log === 'off') options.logger = false;
  if (burst === 0 || perSecond === 0) options.rateLimit = false;
  else {
    const limits: RequestLimitOptions = { burst: burst ?? defaultRateLimit.burst, perSecond: perSecond ?? defaultRateLimit.perSecond };
    const perAddress = bucket(env, 'DOORSTROOM_RATE_ADDRESS', { burst: limits.burst * addressFactor, perSecond: limits.perSecond * addressFactor });
    const failedSignIns = bucket(env, 'DOORSTROOM_RATE_FAILED', defaultFailedSignIns);
    if (perAddress !== undefined) limits.perAddress = perAddress;
    if (failedSignIns !== undefined) limits.failedSignIns = failedSignIns;
    if (burst !== undefined || perSecond !== undefined || perAddress !== undefined || failedSignIns !== undefined) options.rateLimit = limits;
  }
  // A verifier in dev mode replaces the demo tokens: dev then only adds the /dev routes.
  return options;
}
