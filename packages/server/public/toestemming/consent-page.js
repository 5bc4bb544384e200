// The consent page: trades the single-use link in the address (after #) for a session of one hour,
// once, and opens <ddd-consent> for that one dossier. The link leaves the address bar at once, so it
// is not kept in the history; the session lives in this tab only (sessionStorage), so a reload
// carries on. Every message is text (textContent), never markup. No inline script: the page runs
// under Content-Security-Policy default-src 'self'.
//
// The language: the e-mail's link says it after # (`#taal=tr&link=dgl_…`; a Dutch link is just
// `#dgl_…`), so the page is in the guardian's language before anything is sent anywhere; the switch
// at the top changes it (`#taal=<code>` stays in the address, so a reload keeps it). The page's own
// texts come from consent-page-texts.js; <ddd-consent> gets the same `lang` and its language file
// (lang/<code>.js, next to ddd-consent.min.js).
import { languages, problemTexts, texts } from './consent-page-texts.js';

const apiBase = document.querySelector('meta[name="doorstroom-api-base"]')?.getAttribute('content') || '/api/';
const storageKey = 'doorstroom:toestemming';
const languageKey = 'doorstroom:toestemming:taal';
const $ = (id) => document.getElementById(id);
const known = (code) => languages.some((language) => language.code === code);

/** What follows # in the address: the link (a token) and the language, either of which may be missing. */
function fromAddress() {
  const hash = location.hash.slice(1);
  if (hash.startsWith('dgl_')) return { link: hash, taal: undefined };
  const params = new URLSearchParams(hash);
  const taal = params.get('taal') ?? undefined;
  return { link: params.get('link') ?? undefined, taal: known(taal) ? taal : undefined };
}

function storedLanguage() {
  try {
    const taal = sessionStorage.getItem(languageKey);
    return known(taal) ? taal : undefined;
  } catch {
    return undefined;
  }
}

const address = fromAddress();
// The link leaves the address bar at once; the language it said stays (a reload keeps it), nothing else.
if (address.link) history.replaceState(null, '', `${location.pathname}${location.search}${address.taal ? `#taal=${address.taal}` : ''}`);
let current = address.taal ?? storedLanguage() ?? 'nl';
/** What the problem box says, kept as a key so a change of language can say it again. */
let shownProblem;
/** The language files asked for (lang/<code>.js leaves its texts for ddd-consent.min.js). */
const loading = new Map();

function loadLanguage(code) {
  if (code === 'nl') return Promise.resolve(true);
  if (!loading.has(code))
    loading.set(
      code,
      import(new URL(`lang/${code}.js`, import.meta.url).href).then(
        () => true,
        () => false,
      ),
    );
  return loading.get(code);
}

/** Puts the page, the switch and <ddd-consent> in `code`. */
function setLanguage(code) {
  current = code;
  const t = texts[code];
  const rtl = languages.find((language) => language.code === code)?.dir === 'rtl';
  document.documentElement.lang = code;
  document.documentElement.dir = rtl ? 'rtl' : 'ltr';
  document.title = t.title;
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = t[element.dataset.text];
  $('languages').setAttribute('aria-label', t.languages);
  for (const link of document.querySelectorAll('#languages a[data-taal]')) {
    if (link.dataset.taal === code) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  if (shownProblem) $('problem-text').textContent = shownProblem.key ? t[shownProblem.key] : shownProblem.title;
  // The element's own lang always counts; it shows Dutch until the language file is there, then re-renders.
  const consent = $('consent');
  consent.setAttribute('lang', code);
  void loadLanguage(code).then((ok) => {
    if (!ok && current === code) consent.setAttribute('lang', 'nl');
  });
  try {
    sessionStorage.setItem(languageKey, code);
  } catch {
    // Private mode without storage: the address still says it.
  }
}

function show(id) {
  for (const part of ['start', 'busy', 'problem', 'consent']) $(part).hidden = part !== id;
}

/** Shows a problem: `key` names one of the page's texts; `title` (Dutch, from the server) is shown as is, on a Dutch page only. */
function problem(key, title) {
  shownProblem = title && current === 'nl' ? { title } : { key };
  $('problem-text').textContent = shownProblem.key ? texts[current][shownProblem.key] : shownProblem.title;
  show('problem');
  $('problem').focus();
}

function stored() {
  try {
    const session = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
    if (session && typeof session.token === 'string' && typeof session.dossierId === 'string' && Date.parse(session.expiresAt) > Date.now()) return session;
  } catch {
    // Nothing usable stored.
  }
  return undefined;
}

function open(session) {
  if (!customElements.get('ddd-consent')) return problem('noElements');
  const consent = $('consent');
  consent.setAttribute('api-base', apiBase);
  consent.setAttribute('token', session.token);
  consent.setAttribute('dossier-id', session.dossierId);
  show('consent');
}

async function exchange(link) {
  show('busy');
  let response;
  try {
    response = await fetch(new URL('consent-links/session', new URL(apiBase, location.href)), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ link }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    show('start');
    return problem('offline');
  }
  let body;
  try {
    body = await response.json();
  } catch {
    return problem('unknown');
  }
  if (!response.ok) {
    const type = typeof body?.type === 'string' ? body.type.split('/').pop() : '';
    return problemTexts[type] ? problem(problemTexts[type]) : problem('unknown', typeof body?.title === 'string' ? body.title : undefined);
  }
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(body));
  } catch {
    // Private mode without storage: the page works, a reload does not.
  }
  open(body);
}

function start() {
  const { link } = address;
  const session = stored();
  if (!link && session) return open(session);
  if (!link) return problem('noLink');
  show('start');
  $('open').addEventListener('click', () => void exchange(link), { once: true });
}

// The switch: each language named in itself. A click changes the page where it is (no reload: the
// link is only in memory now), and focus stays on the link.
for (const link of document.querySelectorAll('#languages a[data-taal]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    setLanguage(link.dataset.taal);
    history.replaceState(null, '', `${location.pathname}${location.search}#taal=${link.dataset.taal}`);
  });
}
setLanguage(current);

// The elements bundle registers <ddd-consent>; without it (it failed to load) say so instead of waiting forever.
const loaded = Promise.race([customElements.whenDefined('ddd-consent'), new Promise((resolve) => setTimeout(resolve, 10000))]);
loaded.then(() => (customElements.get('ddd-consent') ? start() : problem('noElements')));
