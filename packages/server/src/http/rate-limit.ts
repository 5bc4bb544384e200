/**
 * Token buckets: `burst` requests at once, refilled at `perSecond`. Kept in memory per instance,
 * so behind a load balancer each instance applies its own limits.
 *
 * A request counts against three buckets (createRequestLimiter):
 * - its bearer token (without one: its client address), the one most users meet;
 * - its client address, whatever token it carries, so rotating tokens does not help; ten times
 *   the token's limit by default, as a school's pupils may share one address;
 * - failed sign-ins of its address: every 401 (no token, or one the verifier refused) takes one.
 *   While that bucket is empty, the address may only use tokens that signed in before; junk
 *   tokens and new ones wait (429 with Retry-After). So guessing tokens from one address is slow,
 *   and those already signed in behind the same address (a school) are not locked out by it.
 */
import { createHash } from 'node:crypto';

export interface RateLimitOptions {
  /** Requests a key may make at once. */
  burst: number;
  /** Requests per second a key gets back. */
  perSecond: number;
  /** The most keys kept; the oldest are forgotten first. Default 50 000. */
  maxKeys?: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one request is available again (when not allowed). */
  retryAfter: number;
}

export interface RateLimiter {
  take(key: string, now?: number): RateDecision;
  /** What take would answer, without taking. */
  peek(key: string, now?: number): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const maxKeys = options.maxKeys ?? 50_000;
  const refilled = (key: string, now: number): Bucket => {
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
    return { tokens: Math.min(options.burst, bucket.tokens + ((Math.max(now, bucket.at) - bucket.at) / 1000) * options.perSecond), at: Math.max(now, bucket.at) };
  };
  const decision = (bucket: Bucket): RateDecision =>
    bucket.tokens >= 1 ? { allowed: true, retryAfter: 0 } : { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond)) };
  return {
    take(key, now = Date.now()) {
      const bucket = refilled(key, now);
      // Re-inserting keeps the Map in order of last use, so the first key is the one idle longest.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      const answer = decision(bucket);
      if (answer.allowed) bucket.tokens -= 1;
      return answer;
    },
    peek(key, now = Date.now()) {
      return decision(refilled(key, now));
    },
  };
}

export interface RequestLimitOptions extends RateLimitOptions {
  /** Every request of one client address. Default: ten times burst and perSecond; false = off. */
  perAddress?: RateLimitOptions | false;
  /** Requests answered 401, per client address. Default 20 at once, 1 per second; false = off. */
  failedSignIns?: RateLimitOptions | false;
}

export const defaultFailedSignIns: RateLimitOptions = { burst: 20, perSecond: 1 };
export const addressFactor = 10;

export interface RequestLimiter {
  /** Before a request is handled: counts it, and says whether it may go ahead. */
  admit(address: string, token: string | undefined, now?: number): RateDecision;
  /** The verifier accepted this token: it may still be used while its address waits after failed sign-ins. */
  signedIn(token: string): void;
  /** A request was answered 401: one failed sign-in for its address; its token (if any) no longer counts as signed in. */
  failed(address: string, token: string | undefined, now?: number): void;
}

/** Buckets are keyed by a digest of the token, so the limiter's memory holds no bearer tokens. */
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createRequestLimiter(options: RequestLimitOptions): RequestLimiter {
  const maxKeys = options.maxKeys ?? 50_000;
  const perKey = createRateLimiter(options);
  const perAddress =
    options.perAddress === false ? undefined : createRateLimiter(options.perAddress ?? { burst: options.burst * addressFactor, perSecond: options.perSecond * addressFactor, maxKeys });
  const failures = options.failedSignIns === false ? undefined : createRateLimiter(options.failedSignIns ?? { ...defaultFailedSignIns, maxKeys });
  /** Digests of tokens the verifier accepted, in order of last sign-in. */
  const signedIn = new Map<string, true>();

  return {
    admit(address, token, now = Date.now()) {
      const key = token === undefined ? undefined : digest(token);
      if (failures && !(key && signedIn.has(key))) {
        const waiting = failures.peek(address, now);
        if (!waiting.allowed) return waiting;
      }
      if (perAddress) {
        const answer = perAddress.take(address, now);
        if (!answer.allowed) return answer;
      }
      return perKey.take(key ? `token:${key}` : `address:${address}`, now);
    },
    signedIn(token) {
      const key = digest(token);
      signedIn.delete(key);
      signedIn.set(key, true);
      if (signedIn.size > maxKeys) signedIn.delete(signedIn.keys().next().value!);
    },
    failed(address, token, now = Date.now()) {
      failures?.take(address, now);
      if (token !== undefined) signedIn.delete(digest(token));
    },
  };
}
