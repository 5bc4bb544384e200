// A fake school portal: pick who you are, and it shows the elements that person would see.
// User strings are set with textContent only.
import { createHttpClient, directionOf, type DossierApi, type DossierSummary } from '@doorstroom/sdk';
import { apiBase, connectBackend } from './backend.js';
import { say, type PortalKey } from './portal-strings.js';

const app = document.querySelector<HTMLElement>('#app')!;
const who = document.querySelector<HTMLSelectElement>('#who')!;
const langSelect = document.querySelector<HTMLSelectElement>('#lang')!;
const resetButton = document.querySelector<HTMLButtonElement>('#reset')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value as EventListener);
    else if (value !== undefined && value !== false) node.setAttribute(key, String(value));
  }
  node.append(...children);
  return node;
}

const lang = () => langSelect.value;
const tr = (key: PortalKey) => say(key, lang());
const saved = (key: string) => window.localStorage.getItem(`doorstroom-demo:${key}`);
const remember = (key: string, value: string) => window.localStorage.setItem(`doorstroom-demo:${key}`, value);

const backend = await connectBackend();
const accounts = backend.accounts;
const inbox = document.querySelector<HTMLElement>('#inbox');

function fillWhoSelect() {
  who.replaceChildren();
  for (const role of ['student', 'mentor', 'decaan', 'guardian', 'mbo'] as const) {
    const group = el('optgroup', { label: tr(`role.${role}`) });
    for (const account of accounts.filter((a) => a.role === role)) {
      group.append(el('option', { value: account.token, text: account.naam }));
    }
    who.append(group);
  }
  who.value = saved('who') ?? accounts.find((a) => a.role === 'student')!.token;
}

/** Wraps content in <ddd-context>, which hands api, config and the signed-in person to every element inside. */
function contextFor(token: string, ...children: Node[]) {
  return el('ddd-context', { 'api-base': apiBase, token, lang: lang() }, ...children);
}

interface CardOptions {
  title: string;
  /** Why the card is empty: when a dossier will show up here. */
  empty: string;
  filter: (d: DossierSummary) => boolean;
  open: (d: DossierSummary) => void;
  openLabel: string;
}

function dossierCard(api: DossierApi, { title, empty, filter, open, openLabel }: CardOptions) {
  const card = el('section', { class: 'card', 'aria-label': title }, el('h2', { text: title }));
  const list = el('div', {}, el('p', { class: 'muted', text: tr('loading') }));
  card.append(list);
  api
    .listDossiers()
    .then(({ items }) => {
      const shown = items.filter(filter);
      list.replaceChildren();
      if (shown.length === 0) list.append(el('p', { class: 'muted', text: empty }));
      for (const dossier of shown) {
        list.append(
          el(
            'div',
            { class: 'dossier-row' },
            el('strong', { text: `${dossier.student.naam} — ${dossier.keuze ?? dossier.type}` }),
            el('span', { class: 'muted', text: tr(`status.${dossier.status}`) }),
            el('ddd-progress', { 'dossier-id': dossier.id, compact: true }),
            el('button', { type: 'button', text: openLabel, onclick: () => open(dossier) }),
          ),
        );
      }
    })
    .catch(() => list.replaceChildren(el('p', { text: tr('loadFailed') })));
  return card;
}

/** The page's own chrome in the chosen language, and `lang`/`dir` on <html> for the whole page. */
function translatePage() {
  document.documentElement.lang = lang();
  document.documentElement.dir = directionOf(lang());
  document.title = tr('title');
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) node.textContent = tr(node.dataset['text'] as PortalKey);
  const [before, after] = tr('footer').split('{npmStart}');
  document.querySelector('#footer-text')?.replaceChildren(before ?? '', el('code', { text: 'npm start' }), after ?? '');
}

function render() {
  const token = who.value;
  const actor = accounts.find((a) => a.token === token);
  translatePage();
  app.className = 'portal-main';
  if (!actor) return;
  const api = createHttpClient({ baseUrl: new URL(apiBase, location.href).href, token });
  const showConsent = (dossier: DossierSummary) => {
    app.className = 'portal-main';
    app.replaceChildren(contextFor(token, el('button', { type: 'button', class: 'link-button', text: tr('back'), onclick: render }), el('ddd-consent', { 'dossier-id': dossier.id })));
  };

  void showInbox();
  switch (actor.role) {
    case 'student': {
      app.className = 'portal-main with-side';
      const agreementCard = () =>
        dossierCard(api, {
          title: tr('agreement'),
          empty: tr('empty.agreement'),
          filter: (d) => d.status === 'akkoord' || d.status === 'afgerond',
          open: showConsent,
          openLabel: tr('open'),
        });
      const side = contextFor(token, agreementCard());
      const form = el('ddd-dossier-form', {});
      // Only the side card follows an action: the form keeps its own confirmation ("sent to your mentor") on screen.
      form.addEventListener('ddd-action', () => side.replaceChildren(agreementCard()));
      app.replaceChildren(contextFor(token, form), side);
      break;
    }
    // The same element: for the school's decaan it shows the school overview (every student, reminders, moving mentors, CSV).
    case 'mentor':
    case 'decaan':
      app.replaceChildren(contextFor(token, el('ddd-mentor-review', {})));
      break;
    case 'guardian':
      app.replaceChildren(contextFor(token, dossierCard(api, { title: tr('childDossiers'), empty: tr('empty.child'), filter: () => true, open: showConsent, openLabel: tr('readAndConsent') })));
      break;
    // The MBO's intake staff: the worklist of the dossiers received for their instelling; a dossier opens in place.
    case 'mbo':
      app.replaceChildren(contextFor(token, el('ddd-intake', {})));
      break;
  }
}

who.addEventListener('change', () => {
  remember('who', who.value);
  render();
});
/** Dutch is in the bundle; every other language (English too) is one extra file, loaded on demand. */
async function loadLanguage(code: string) {
  if (code === 'nl') return;
  await import(new URL(`./lang/${code}.js`, import.meta.url).href);
}
langSelect.value = saved('lang') ?? 'nl';
await loadLanguage(langSelect.value).catch(() => (langSelect.value = 'nl'));
langSelect.addEventListener('change', async () => {
  remember('lang', langSelect.value);
  await loadLanguage(langSelect.value).catch(() => undefined);
  fillWhoSelect();
  render();
});
resetButton.addEventListener('click', async () => {
  await backend.reset();
  window.location.reload();
});

/** The signal mails the server would send, so one person playing every role sees them. */
async function showInbox() {
  if (!inbox || !backend.outbox) return;
  const items = await backend.outbox().catch(() => []);
  const list = el('ul', {});
  for (const item of items.slice(-8).reverse()) {
    list.append(el('li', { text: [item.createdAt, item.kind, item.recipientRole].filter(Boolean).join(' · ') }));
  }
  inbox.replaceChildren(el('summary', { text: `${tr('notifications')} (${items.length})` }), items.length ? list : el('p', { class: 'muted', text: tr('noNotifications') }));
  inbox.hidden = false;
}
document.addEventListener('ddd-action', () => void showInbox());
// Reminders and moves from the decaan's overview queue signal mails too.
document.addEventListener('ddd-overview-action', () => void showInbox());
fillWhoSelect();
render();
