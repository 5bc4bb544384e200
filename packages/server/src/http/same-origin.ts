/**
 * Whether a request comes from a page of this server itself, or from no page at all (curl, a
 * script, the address bar). The dev routes answer only those: a page elsewhere must not reset the
 * demo or read its tokens and outbox, even though it can make the browser send the request.
 *
 * Browsers say where a request comes from and a page cannot forge it: `Origin` (on every
 * cross-origin request and on same-origin POSTs) and `Sec-Fetch-Site`. The `Host` must also name
 * this server by address (localhost, an IP address), by the host it listens on, or by a configured
 * origin: a DNS-rebinding page (evil.example made to resolve to 127.0.0.1) sends an Origin that
 * matches its Host, so only the Host gives it away.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export interface SameOriginOptions {
  /** Configured origins (DOORSTROOM_ORIGINS): their hosts count as this server's names too. */
  origins?: ReadonlyArray<string>;
  /** The host the server listens on (HOST), when it is a name. */
  host?: string;
}

function hostOf(value: string): string | undefined {
  try {
    return new URL(value).host;
  } catch {
    return undefined;
  }
}

export function createSameOriginCheck(options: SameOriginOptions = {}): (req: IncomingMessage) => boolean {
  const configuredHosts = new Set((options.origins ?? []).map(hostOf).filter((h): h is string => !!h));
  const listenName = options.host?.toLowerCase();

  const ownHost = (host: URL): boolean => {
    const name = host.hostname.replace(/^\[(.*)\]$/, '$1');
    return name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0 || name === listenName || configuredHosts.has(host.host);
  };

  return (req) => {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const hostHeader = req.headers.host;
    if (!hostHeader) return false;
    let host: URL;
    try {
      host = new URL(`http://${hostHeader}`);
    } catch {
      return false;
    }
    if (host.pathname !== '/' || host.search || host.hash || host.username || host.password || !ownHost(host)) return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    try {
      const from = new URL(origin);
      // `null` (a sandboxed frame, a file) does not parse and is refused.
      if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
      return from.host === new URL(`${from.protocol}//${hostHeader}`).host;
    } catch {
      return false;
    }
  };
}
