/**
 * A token bucket per key (the bearer token, else the client address): `burst` requests at once,
 * refilled at `perSecond`. Kept in memory per instance, so behind a load balancer each instance
 * applies its own limit.
 */
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
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const maxKeys = options.maxKeys ?? 50_000;
  return {
    take(key, now = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond);
      bucket.at = now;
      // Re-inserting keeps the Map in order of last use, so the first key is the one idle longest.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfter: 0 };
      }
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond)) };
    },
  };
}
