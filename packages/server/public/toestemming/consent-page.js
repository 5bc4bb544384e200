// The consent page: trades the single-use link in the address (after #) for a session of one hour,
// once, and opens <ddd-consent> for that one dossier. The link leaves the address bar at once, so it
// is not kept in the history; the session lives in this tab only (sessionStorage), so a reload
// carries on. Every message is text (textContent), never markup. No inline script: the page runs
// under Content-Security-Policy default-src 'self'.
const apiBase = document.querySelector('meta[name="doorstroom-api-base"]')?.getAttribute('content') || '/api/';
const storageKey = 'doorstroom:toestemming';
const $ = (id) => document.getElementById(id);

function show(id) {
  for (const part of ['start', 'busy', 'problem', 'consent']) $(part).hidden = part !== id;
}

function problem(text) {
  $('problem-text').textContent = text;
  show('problem');
  $('problem').focus();
}

const messages = {
  noLink: 'Deze link werkt niet. Open de link uit de e-mail opnieuw. Werkt dat niet? Vraag de school om een nieuwe link.',
  offline: 'De pagina kan de server nu niet bereiken. Controleer uw internetverbinding en probeer het over een paar minuten opnieuw.',
  unknown: 'Er ging iets mis. Probeer het over een paar minuten opnieuw. Lukt het dan nog niet? Neem contact op met de school.',
  noElements: 'Deze pagina kan nu niet worden geladen. Probeer het later opnieuw.',
};

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
  if (!customElements.get('ddd-consent')) return problem(messages.noElements);
  const consent = $('consent');
  consent.setAttribute('api-base', apiBase);
  consent.setAttribute('token', session.token);
  consent.setAttribute('dossier-id', session.dossierId);
  consent.setAttribute('lang', 'nl');
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
    return problem(messages.offline);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    return problem(messages.unknown);
  }
  if (!response.ok) return problem(typeof body?.title === 'string' ? body.title : messages.unknown);
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(body));
  } catch {
    // Private mode without storage: the page works, a reload does not.
  }
  open(body);
}

function start() {
  const link = location.hash.slice(1);
  if (link) history.replaceState(null, '', location.pathname + location.search);
  const session = stored();
  if (!link && session) return open(session);
  if (!link) return problem(messages.noLink);
  show('start');
  $('open').addEventListener('click', () => void exchange(link), { once: true });
}

// The elements bundle registers <ddd-consent>; without it (it failed to load) say so instead of waiting forever.
const loaded = Promise.race([customElements.whenDefined('ddd-consent'), new Promise((resolve) => setTimeout(resolve, 10000))]);
loaded.then(() => (customElements.get('ddd-consent') ? start() : problem(messages.noElements)));
