/**
 * CORS for the configured origins only. Without configured origins, dev mode allows pages served
 * from localhost (the demo, Storybook); production allows none (same-origin use only).
 */
export interface CorsPolicy {
  /** The headers to add for this request's Origin; empty when the origin is not allowed. */
  headersFor(origin: string | undefined): Record<string, string>;
}

/** The methods the contract's routes use (each route answers 405 with its own Allow for the others). */
export const apiMethods = 'GET, POST, PATCH, OPTIONS';
const allowHeaders = 'Authorization, Content-Type, If-Match, Accept';
const exposeHeaders = 'ETag, Retry-After, Location';

function isLocalhost(origin: string): boolean {
  try {
    const { hostname, protocol } = new URL(origin);
    return (protocol === 'http:' || protocol === 'https:') && (hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]');
  } catch {
    return false;
  }
}

export function createCorsPolicy(options: { origins: ReadonlyArray<string>; dev: boolean }): CorsPolicy {
  const exact = new Set(options.origins.map((o) => o.replace(/\/+$/, '')));
  const allowed = (origin: string) => exact.has(origin) || exact.has('*') || (exact.size === 0 && options.dev && isLocalhost(origin));
  return {
    headersFor(origin): Record<string, string> {
      if (!origin || !allowed(origin)) return {};
      return {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': apiMethods,
        'Access-Control-Allow-Headers': allowHeaders,
        'Access-Control-Expose-Headers': exposeHeaders,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      };
    },
  };
}

export function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}
