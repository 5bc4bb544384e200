/**
 * The Node side of the SDK's handler: an IncomingMessage as the core's exchange (`createHandler`)
 * and its answer written with `res.writeHead` + `res.end`, no fetch objects on the way; and,
 * for what still speaks fetch (the admin API, host routes that read `context.request`),
 * IncomingMessage → Request and Response → ServerResponse. The body is read here with the same
 * size limit the handler has, so an oversized upload is cut off at the socket instead of being
 * buffered first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HandlerAnswer, HandlerExchange } from '../sdk.js';

/** Routing only looks at path and query; the Host header is the client's to choose, so it is not used. */
const internalOrigin = 'http://doorstroom.internal';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body, at most `limit` bytes (else BodyTooLargeError, and the rest is not read). Read with
 * the stream's own events rather than `for await`: the async iterator's promises per chunk were a
 * measurable share of a save's CPU (issue 14, item 7), and a save's body is one small chunk. The
 * listeners are anonymous arrows on purpose: a named function made per request costs a
 * `defineProperty` each under tsx (esbuild's keepNames), which is how the benchmark runs the server.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return Promise.resolve(undefined);
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  // Read already (nothing more will come), or gone: as `for await` ended or failed on such a stream.
  if (req.readableEnded) return Promise.resolve(undefined);
  if (req.destroyed) return Promise.reject(prematureClose());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    // Once settled, later events change nothing (the listeners stay: the request ends or is destroyed).
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      total += chunk.byteLength;
      if (total > limit) {
        settled = true;
        // As `for await` did on leaving early: the request stream is destroyed, nothing more is read.
        req.destroy();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(total === 0 ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total));
    });
    req.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    req.on('close', () => {
      if (settled) return;
      // Closed before its end: the client went away in the middle of the body.
      settled = true;
      reject(prematureClose());
    });
  });
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
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

/** A request header by its lower-case name, repeated lines joined as fetch's Headers joins them. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The request as the SDK core's exchange: its target, headers and the body already read (`readBody`); a fetch Request only if a host route asks for one. */
export function toExchange(req: IncomingMessage, body: Buffer | undefined): HandlerExchange {
  return {
    method: req.method ?? 'GET',
    target: req.url ?? '/',
    // Methods, not arrows in properties: no function named per request (see readBody).
    header(name) {
      return headerOf(req, name);
    },
    body,
    request() {
      return toRequest(req, body);
    },
  };
}

/** An answer of the SDK core (or the server's own), with `extraHeaders` under its own: one `writeHead`, one `end`. */
export function sendAnswer(res: ServerResponse, answer: HandlerAnswer, extraHeaders: Record<string, string> = {}): void {
  const { body } = answer;
  const headers: Record<string, string> = { ...extraHeaders };
  // The length is the one of what is written here, whatever a host route's Response said (in whatever case).
  for (const name in answer.headers) if (name.length !== 14 || name.toLowerCase() !== 'content-length') headers[name] = answer.headers[name]!;
  headers['Content-Length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  res.writeHead(answer.status, headers);
  res.end(body);
}

/** The path of a request target as `new URL(target, origin).pathname` has it; parsed by `new URL` only when that would change it (as the SDK's core does). */
const plainPath = /^\/(?!\/)[\w\-~!export async function sendResponse('()*+,;=:@/%]*$/;
export function pathnameOf(target: string | undefined): string {
  const raw = target ?? '/';
  const end = raw.search(/[?#]/);
  const path = end === -1 ? raw : raw.slice(0, end);
  if (plainPath.test(path) && !/%2e/i.test(path)) return path;
  return new URL(raw, internalOrigin).pathname;
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
