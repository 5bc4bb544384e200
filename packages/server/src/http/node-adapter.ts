/**
 * The Node side of the one fetch handler: IncomingMessage → Request, Response → ServerResponse.
 * The body is read here with the same size limit the handler has, so an oversized upload is
 * cut off at the socket instead of being buffered first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Routing only looks at path and query; the Host header is the client's to choose, so it is not used. */
const internalOrigin = 'http://doorstroom.internal';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return undefined;
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk);
  }
  return total === 0 ? undefined : Buffer.concat(chunks, total);
}

export function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

export function toRequest(req: IncomingMessage, body: Buffer | undefined): Request {
  const headers = toHeaders(req);
  // The body is already read: its length is now known, whatever the client declared.
  headers.delete('transfer-encoding');
  if (body) headers.set('content-length', String(body.byteLength));
  return new Request(new URL(req.url ?? '/', internalOrigin), { method: req.method ?? 'GET', headers, ...(body ? { body: new Uint8Array(body) } : {}) });
}

export async function sendResponse(res: ServerResponse, response: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = { ...extraHeaders };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * The client's address for rate limiting. Behind a proxy you trust (`trustProxy`), the last
 * X-Forwarded-For entry: the one that proxy appended for the address it saw. Entries before it
 * are whatever the client sent, so they are never used. Without `trustProxy` the header is ignored.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    // Node joins repeated X-Forwarded-For lines with ', ', in the order they came.
    const entries = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',');
    const last = entries[entries.length - 1]?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
