/**
 * Plain HTML pages that load the built script-tag files (test/bundle/*.html), each in an iframe,
 * for bundle.test.ts and element-files.test.ts. The pages' backend is the HTTP contract at
 * `/test-api` (contract-middleware.mjs); console-recorder.js keeps what a page reported.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Dossier } from '@doorstroom/sdk';

export type PageWindow = Window & typeof globalThis & { pageErrors: string[]; pageWarnings: string[] };

export const bundleUrl = '/dist/doorstroom.min.js';
export const student = { token: 'student-noor', dossierId: 'dossier-noor' };

export async function requireBuiltBundle(): Promise<void> {
  const response = await fetch(bundleUrl, { method: 'HEAD', cache: 'no-store' });
  if (!response.ok) {
    throw new Error(
      `dist/doorstroom.min.js is missing (HTTP ${response.status}). Run \`node scripts/size.mjs\` first: it builds the script-tag files these tests load (npm test does so before the browser tests).`,
    );
  }
}

export async function resetBackend(): Promise<void> {
  const reset = await fetch('/test-backend/reset', { method: 'POST' });
  expect(reset.status, 'the test backend (contract-middleware.mjs) is registered').to.equal(204);
}

const frames: HTMLIFrameElement[] = [];

export async function openPage(page = '/test/bundle/page.html'): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.title = 'Portaalpagina met de script-tag bundle';
  frame.style.cssText = 'width: 1000px; height: 800px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = page;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as PageWindow;
}

export function closePages(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

/** A suite of such pages: the built files must be there, each test starts from a fresh backend and closes its pages. */
export function pageSuite(suite: Mocha.Suite): void {
  suite.timeout(30000);
  before(requireBuiltBundle);
  beforeEach(resetBackend);
  afterEach(closePages);
}

/** The paths of the scripts and other files a page loaded, without the backend's answers. */
export function loadedFiles(win: PageWindow): string[] {
  return (
    win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      // The backend's answers, and the dev server's own reload socket that it adds to every page.
      .filter((path) => !path.startsWith('/test-api/') && !path.startsWith('/__web-dev-server'))
  );
}

export async function readDossier(): Promise<Dossier> {
  const response = await fetch(`/test-api/dossiers/${student.dossierId}`, { headers: { Authorization: `Bearer ${student.token}` } });
  expect(response.status, 'GET /dossiers/{id} on the test backend').to.equal(200);
  return (await response.json()) as Dossier;
}

/** waitUntil that names what the page reported (console errors, ddd-error) when it times out. */
export async function waitOnPage(win: PageWindow, predicate: () => unknown, message: string, timeout = 15000): Promise<void> {
  try {
    await waitUntil(predicate, message, { timeout });
  } catch (error) {
    throw new Error(`${(error as Error).message}; the page reported: ${JSON.stringify(win.pageErrors)}`);
  }
}

export const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** Opens a page with the form that should speak English: once its task list reads "Sections", the form's shadow root and the task titles. */
export async function openEnglishForm(page: string): Promise<{ win: PageWindow; root: ShadowRoot; titles: string[] }> {
  const win = await openPage(page);
  const form = win.document.querySelector('ddd-dossier-form')!;
  await waitOnPage(win, () => form.shadowRoot?.querySelector('.tasks'), 'the form shows the task list');
  const root = form.shadowRoot!;
  await waitUntil(() => squash(root.querySelector('.tasks__heading')?.textContent) === 'Sections', 'the UI strings in English', { timeout: 5000 });
  return { win, root, titles: [...root.querySelectorAll('.task__title')].map((title) => squash(title.textContent)) };
}
