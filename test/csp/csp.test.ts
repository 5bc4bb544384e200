/**
 * The elements under a strict Content-Security-Policy (no inline script, no eval, Trusted Types
 * for Lit only): the page in page.html is served with that header (csp-headers.mjs) and loaded
 * in an iframe; every element renders, a student completes a section, and no
 * `securitypolicyviolation` event fires. The decaan's school overview renders its table too.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { DddConsent, DddDossierForm, DddMentorReview, DddProgress } from '@doorstroom/elements';
import type { MemoryBackend } from '@doorstroom/sdk';
import { FormHarness } from '../../packages/elements/src/dossier-form/harness.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type PageWindow = Window &
  typeof globalThis & {
    cspViolations: Violation[];
    cspPage?: { backend: MemoryBackend; form: DddDossierForm; mentor: DddMentorReview; overview: DddMentorReview; consent: DddConsent; progress: DddProgress };
  };

const frames: HTMLIFrameElement[] = [];

async function openPage(query = ''): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.src = `/test/csp/page.html${query}`;
  frame.title = 'CSP';
  frame.style.cssText = 'width: 1000px; height: 800px';
  document.body.append(frame);
  frames.push(frame);
  await waitUntil(() => (frame.contentWindow as PageWindow | null)?.cspPage, 'the page loaded its modules', { timeout: 20000 });
  return frame.contentWindow as PageWindow;
}

const shadowText = (element: Element) => element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

async function completeMotivatie(win: PageWindow): Promise<void> {
  const { form, backend } = win.cspPage!;
  await waitUntil(() => form.shadowRoot?.querySelector('.tasks'), 'the form shows the task list', { timeout: 10000 });
  form.shadowRoot!.querySelector<HTMLButtonElement>('.task__button[data-section="motivatie"]')!.click();
  await waitUntil(() => form.shadowRoot!.querySelector('#ddd-waarom'), 'the motivatie section', { timeout: 5000 });
  const type = (id: string, value: string) => {
    const field = form.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    field.value = value;
    field.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
  };
  type('ddd-waarom', 'Ik wil graag met mensen werken en anderen helpen.');
  type('ddd-later', 'Verpleegkundige');
  await form.updateComplete;
  expect(await new FormHarness(form).saveNow()).to.equal(true);
  const stored = await backend.client(backend.tokens['student-noor']!).getDossier('dossier-noor');
  expect(stored.answers['motivatie']).to.deep.equal({ waarom: 'Ik wil graag met mensen werken en anderen helpen.', later: 'Verpleegkundige' });
  // The task list says so.
  await waitUntil(() => form.shadowRoot!.querySelector('.task__button[data-section="motivatie"]')?.closest('.task')?.classList.contains('task--complete'), 'motivatie complete');
}

async function everyElementRendered(win: PageWindow): Promise<void> {
  const { mentor, overview, consent, progress } = win.cspPage!;
  await waitUntil(() => mentor.shadowRoot?.querySelector('.percent-fill'), 'mentor review with deel B', { timeout: 10000 });
  await waitUntil(() => overview.shadowRoot?.querySelector('tbody tr'), 'the school overview of the decaan', { timeout: 10000 });
  const row = overview.shadowRoot!.querySelector('tbody tr')!;
  expect(getComputedStyle(row).gridTemplateColumns.split(' ').length, 'the columns reached the rows').to.be.greaterThan(5);
  await waitUntil(() => consent.shadowRoot?.querySelector('.dossier'), 'consent with the dossier', { timeout: 10000 });
  await waitUntil(() => progress.shadowRoot?.querySelector('[role="progressbar"]'), 'progress bars', { timeout: 10000 });
  await waitUntil(() => shadowText(consent).includes('hebt bekeken op'), 'inzage recorded', { timeout: 10000 });
}

describe('strict Content-Security-Policy', function () {
  this.timeout(40000);
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  for (const [name, query] of [
    ['script-src self, no eval, Trusted Types for lit-html', ''],
    ['the same plus style-src self (no inline styles)', '?style=strict'],
  ] as const) {
    it(`renders every element and completes a section without violations: ${name}`, async () => {
      const win = await openPage(query);
      await everyElementRendered(win);
      await completeMotivatie(win);
      expect(win.cspViolations).to.deep.equal([]);
    });
  }

  it('really enforces the policy (eval and raw innerHTML are blocked and reported)', async () => {
    const win = await openPage();
    await waitUntil(() => win.cspPage!.form.shadowRoot?.querySelector('.tasks'), 'form', { timeout: 10000 });
    expect(win.cspViolations).to.deep.equal([]);
    expect(() => win.eval('1 + 1')).to.throw();
    expect(() => {
      win.document.createElement('div').innerHTML = '<b>niet vertrouwd</b>';
    }).to.throw(/TrustedHTML/);
    // Chromium reports a string given to eval as a Trusted Types violation before script-src.
    await waitUntil(() => win.cspViolations.length >= 2, 'violations reported');
    expect(win.cspViolations.map((v) => v.directive)).to.include('require-trusted-types-for');
  });
});
