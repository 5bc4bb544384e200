/**
 * The consent page a guardian's link opens (`/toestemming/`): a static page (public/toestemming/),
 * `<ddd-consent>`'s own script-tag file (`ddd-consent.min.js`, 66 instead of the whole bundle's
 * 116 kB on a parent's phone), the language files (`lang/<code>.js`) and nothing else, under the same strict Content-Security-Policy as every
 * page the server sends. The page trades the link for a session and shows <ddd-consent>, both in
 * the guardian's language.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const consentPagePath = '/toestemming/';

const publicDir = new URL('../public/toestemming/', import.meta.url);
/** In the workspace the bundle is built into the repository's dist/ (npm run build). */
export const defaultBundleFile = fileURLToPath(new URL('../../../dist/doorstroom.min.js', import.meta.url));

const files: Record<string, { file: string; type: string }> = {
  'consent-page.js': { file: 'consent-page.js', type: 'text/javascript; charset=utf-8' },
  'consent-page.css': { file: 'consent-page.css', type: 'text/css; charset=utf-8' },
  'consent-page-texts.js': { file: 'consent-page-texts.js', type: 'text/javascript; charset=utf-8' },
};

/** The bundle's language files the page may load (Dutch is in the bundle itself). */
const languageFile = /^lang\/(en|ar|tr|uk|pl)\.js$/;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer | string, cache = 'no-cache') {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(bytes.byteLength), 'Cache-Control': cache });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** Answers the consent page's paths; false for every other path. */
export async function serveConsentPage(req: IncomingMessage, res: ServerResponse, options: { apiBase: string; bundleFile?: string }): Promise<boolean> {
  const pathname = new URL(req.url ?? '/', 'http://doorstroom.internal').pathname;
  if (pathname !== '/toestemming' && !pathname.startsWith(consentPagePath)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const name = pathname.slice(consentPagePath.length);
  if (pathname === '/toestemming' || name === '' || name === 'index.html') {
    const page = readFileSync(new URL('index.html', publicDir), 'utf8').replace('{{apiBase}}', escapeAttribute(options.apiBase));
    // The page itself is never cached: it is where a link's token arrives.
    send(req, res, 200, 'text/html; charset=utf-8', page, 'no-store');
    return true;
  }
  const language = languageFile.exec(name)?.[1];
  if (name === 'doorstroom.min.js' || name === 'ddd-consent.min.js' || language) {
    const bundle = options.bundleFile ?? defaultBundleFile;
    // dist/ddd-consent.min.js and dist/lang/<code>.js sit next to dist/doorstroom.min.js, as they are
    // built and shipped. The whole bundle stays available for a portal's own copy of the page.
    const file = language ? join(dirname(bundle), 'lang', `${language}.js`) : name === 'doorstroom.min.js' ? bundle : join(dirname(bundle), name);
    if (!existsSync(file)) {
      send(req, res, 404, 'text/plain; charset=utf-8', 'The script-tag bundle is not built: npm run build (or set DOORSTROOM_BUNDLE).');
      return true;
    }
    send(req, res, 200, 'text/javascript; charset=utf-8', readFileSync(file));
    return true;
  }
  const known = files[name];
  if (!known) return false;
  send(req, res, 200, known.type, readFileSync(new URL(known.file, publicDir)));
  return true;
}
