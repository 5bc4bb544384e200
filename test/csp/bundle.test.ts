/**
 * The BUILT script-tag bundle (dist/doorstroom.min.js) under the strict Content-Security-Policy
 * of csp-headers.mjs (script-src 'self', no eval, Trusted Types for lit-html only; and once more
 * with style-src 'self'). csp.test.ts proves it for the sources; this file for what a school
 * portal really embeds: minified, with the production build of Lit. bundle.html is plain markup
 * over its own HTTP backend (/test-api-csp). A student fills in and saves a section, searches an
 * mbo institution in the A7 typeahead and meets the error summary; a dossier that does not exist
 * shows its error; offline, her answer is kept and the notice shown, and back online a conflict
 * with another device asks which answer stays; and no `securitypolicyviolation` fires at any point.
 *
 * The bundle is built by `node scripts/size.mjs` (npm test runs it before the browser tests).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DddConsent, DddDossierForm, DddMentorReview, DddProgress } from '@doorstroom/elements';
import type { Dossier } from '@doorstroom/sdk';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type PageWindow = Window & typeof globalThis & { cspViolations: Violation[]; pageErrors: string[] };

const bundleUrl = '/dist/doorstroom.min.js';
const api = '/test-api-csp';

async function requireBuiltBundle(): Promise<void> {
  const response = await fetch(bundleUrl, { method: 'HEAD', cache: 'no-store' });
  if (!response.ok) {
    throw new Error(
      `dist/doorstroom.min.js is missing (HTTP ${response.status}). Run \`node scripts/size.mjs\` first: it builds the script-tag bundle these tests load (npm test does so before the browser tests).`,
    );
  }
}

/**
 * Forgets the answers the form kept on this device (IndexedDB, or localStorage as fallback) for
 * /test-api-csp: the backend is reset before each test, and a kept draft would come back.
 */
async function forgetDrafts(): Promise<void> {
  const prefix = `${JSON.stringify(api)}:`;
  for (const key of Object.keys(localStorage)) if (key.startsWith(`ddd-draft:${prefix}`)) localStorage.removeItem(key);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('doorstroom-drafts', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('drafts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise((resolve, reject) => {
    const transaction = db.transaction('drafts', 'readwrite');
    transaction.objectStore('drafts').delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
}

const frames: HTMLIFrameElement[] = [];

async function openPage(query = ''): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.title = 'De script-tag bundle onder een strikte CSP';
  frame.style.cssText = 'width: 1000px; height: 800px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/csp/bundle.html${query}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as PageWindow;
}

/** waitUntil that names the page's CSP violations and errors when it times out. */
async function waitOnPage(win: PageWindow, predicate: () => unknown, message: string, timeout = 10000): Promise<void> {
  try {
    await waitUntil(predicate, message, { timeout });
  } catch (error) {
    throw new Error(`${(error as Error).message}; CSP violations: ${JSON.stringify(win.cspViolations)}; page errors: ${JSON.stringify(win.pageErrors)}`);
  }
}

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const shadow = (element: Element) => element.shadowRoot!;

async function storedNoor(): Promise<Dossier> {
  const response = await fetch(`${api}/dossiers/dossier-noor`, { headers: { Authorization: 'Bearer student-noor' } });
  expect(response.status).to.equal(200);
  return (await response.json()) as Dossier;
}

/** Opens a section from the task list and waits until the form has moved focus to it. */
async function openTask(win: PageWindow, form: DddDossierForm, title: string, field: string): Promise<void> {
  const task = [...shadow(form).querySelectorAll<HTMLButtonElement>('.task__button')].find((button) => squash(button.querySelector('.task__title')?.textContent) === title);
  if (!task) throw new Error(`No task "${title}"`);
  task.click();
  await waitOnPage(win, () => shadow(form).querySelector(field), `the section ${title}`);
  await waitOnPage(win, () => shadow(form).activeElement?.id === 'form-heading', `focus on the heading of ${title}`);
}

/** Types into a field the way a person does: focus it, then the keyboard. */
async function typeInto(form: DddDossierForm, field: string, value: string): Promise<void> {
  const input = shadow(form).querySelector<HTMLInputElement>(field)!;
  input.focus();
  expect(shadow(form).activeElement, `focus in ${field}`).to.equal(input);
  await sendKeys({ type: value });
}

async function everyElementRendered(win: PageWindow): Promise<void> {
  const doc = win.document;
  for (const tag of ['ddd-context', 'ddd-progress', 'ddd-dossier-form', 'ddd-mentor-review', 'ddd-consent']) {
    expect(win.customElements.get(tag), `<${tag}> defined by the bundle`).to.be.a('function');
    // The test page itself never loaded the elements: these come from dist.
    expect(customElements.get(tag), `<${tag}> in the test page`).to.equal(undefined);
  }
  const progress = doc.querySelector<DddProgress>('ddd-progress')!;
  const form = doc.querySelector<DddDossierForm>('ddd-dossier-form')!;
  const mentor = doc.querySelector<DddMentorReview>('ddd-mentor-review')!;
  const consent = doc.querySelector<DddConsent>('ddd-consent:not(#missing)')!;
  await waitOnPage(win, () => progress.shadowRoot?.querySelector('[role="progressbar"]'), '<ddd-progress> in <ddd-context>');
  await waitOnPage(win, () => form.shadowRoot?.querySelector('.tasks'), 'the task list of the form');
  await waitOnPage(win, () => mentor.shadowRoot?.querySelector('.deel-b .percent-fill'), 'the mentor with deel B');
  await waitOnPage(win, () => squash(consent.shadowRoot?.textContent).includes('hebt bekeken op'), 'consent with the inzage recorded');
}

describe('the built script-tag bundle under a strict Content-Security-Policy', function () {
  this.timeout(40000);
  before(requireBuiltBundle);
  beforeEach(async () => {
    const reset = await fetch('/test-backend/reset?api=csp', { method: 'POST' });
    expect(reset.status, 'the test backend (test/bundle/contract-middleware.mjs)').to.equal(204);
    await forgetDrafts();
  });
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('is served with the policy, and the policy is enforced (raw innerHTML is blocked and reported)', async () => {
    const response = await fetch('/test/csp/bundle.html');
    expect(response.headers.get('content-security-policy')).to.contain("script-src 'self'").and.contain("require-trusted-types-for 'script'");
    const win = await openPage();
    await waitOnPage(win, () => win.document.querySelector('ddd-dossier-form')?.shadowRoot?.querySelector('.tasks'), 'the form');
    expect(win.cspViolations).to.deep.equal([]);
    expect(() => {
      win.document.body.innerHTML += '<b>niet vertrouwd</b>';
    }).to.throw(/TrustedHTML/);
    await waitUntil(() => win.cspViolations.length > 0, 'the violation reported');
    expect(win.cspViolations.map((v) => v.directive)).to.include('require-trusted-types-for');
  });

  for (const [name, query] of [
    ['script-src self, no eval, Trusted Types for lit-html', ''],
    ['the same plus style-src self (no inline styles)', '?style=strict'],
  ] as const) {
    it(`renders, saves, searches and shows errors without a violation: ${name}`, async () => {
      const win = await openPage(query);
      await everyElementRendered(win);
      const form = win.document.querySelector<DddDossierForm>('ddd-dossier-form')!;
      const $ = <T extends HTMLElement = HTMLElement>(selector: string) => shadow(form).querySelector<T>(selector);

      // A9 typed with the keyboard, saved by autosave and stored by the backend.
      await openTask(win, form, 'A9 Motivatie', '#ddd-waarom');
      const answers = { waarom: 'Ik wil graag met mensen werken en anderen helpen.', later: 'Verpleegkundige' };
      for (const [key, value] of Object.entries(answers)) await typeInto(form, `#ddd-${key}`, value);
      await waitUntil(async () => JSON.stringify((await storedNoor()).answers['motivatie']) === JSON.stringify(answers), 'the backend has both answers', { timeout: 10000 });
      // The error summary of a section sent incomplete.
      await openTask(win, form, 'A3 School van herkomst', '.section button[type="submit"]');
      $<HTMLButtonElement>('.section button[type="submit"]')!.click();
      await waitOnPage(win, () => $('.ddd-error-summary a, .ddd-error-summary li'), 'the error summary with its errors');

      // A7: the typeahead (combobox) finds an institution and is chosen with the keyboard.
      await openTask(win, form, 'A7 Vervolgkeuze', '#ddd-instelling');
      await typeInto(form, '#ddd-instelling', 'Midden Nederland');
      await waitOnPage(win, () => squash($('#ddd-instelling-option-0')?.textContent).includes('ROC Midden Nederland'), 'the listbox with the institution');
      expect($('#ddd-instelling')!.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      // The opleiding comes next (the locatie after it, among the places that give it).
      await waitOnPage(win, () => $('#ddd-opleiding'), 'the opleiding of the chosen institution');

      // A dossier that does not exist: the consent element shows the SDK's message.
      const missing = win.document.querySelector<DddConsent>('#missing')!;
      await waitOnPage(win, () => squash(missing.shadowRoot?.textContent).includes('Dit bestaat niet (meer)'), 'the not-found message');

      expect(win.cspViolations).to.deep.equal([]);
      const unexpected = win.pageErrors.filter((error) => !error.includes('Dit bestaat niet (meer)'));
      expect(unexpected, 'page errors other than the missing dossier').to.deep.equal([]);
    });
  }

  it('shows the offline notice and the conflict choice without a violation (style-src self too)', async () => {
    const win = await openPage('?style=strict');
    await everyElementRendered(win);
    const form = win.document.querySelector<DddDossierForm>('ddd-dossier-form')!;
    const $ = <T extends HTMLElement = HTMLElement>(selector: string) => shadow(form).querySelector<T>(selector);
    await openTask(win, form, 'A9 Motivatie', '#ddd-waarom');

    // Offline: the answer is kept on the device and the form says so.
    win.dispatchEvent(new Event('offline'));
    await typeInto(form, '#ddd-waarom', 'Mijn eigen reden: ik help graag mensen.');
    await waitOnPage(win, () => squash(shadow(form).textContent).includes('Je bent offline.'), 'the offline notice');

    // Meanwhile the same question changed on another device.
    const stored = await storedNoor();
    const elsewhere = await fetch(`${api}/dossiers/dossier-noor/sections/motivatie`, {
      method: 'PATCH',
      headers: { Authorization: 'Bearer student-noor', 'Content-Type': 'application/json', 'If-Match': `"${stored.version}"` },
      body: JSON.stringify({ answers: { waarom: 'Van de tablet: ik wil met kinderen werken.' } }),
    });
    expect(elsewhere.status, 'the save from the other device').to.equal(200);

    // Back online the kept answer is sent, meets a 409, and the form asks which answer stays.
    win.dispatchEvent(new Event('online'));
    await waitOnPage(win, () => $('.conflicts'), 'the conflict choice');
    expect(squash($('.conflict')!.textContent))
      .to.contain('Van de tablet: ik wil met kinderen werken.')
      .and.contain('Mijn eigen reden: ik help graag mensen.');
    $<HTMLInputElement>('#conflict-motivatie-waarom-mine')!.click();
    [...shadow(form).querySelectorAll<HTMLButtonElement>('.conflicts button')].find((button) => squash(button.textContent) === 'Opslaan')!.click();
    await waitUntil(async () => (await storedNoor()).answers['motivatie']?.['waarom'] === 'Mijn eigen reden: ik help graag mensen.', 'her answer stored', { timeout: 10000 });

    expect(win.cspViolations).to.deep.equal([]);
    expect(win.pageErrors.filter((error) => !error.includes('Dit bestaat niet (meer)'))).to.deep.equal([]);
  });
});
