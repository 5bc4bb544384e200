/**
 * The built script-tag bundle, used the way docs/embedding.md tells a school portal to: page.html
 * is plain HTML with `<script type="module" src="/dist/doorstroom.min.js">` and the elements in
 * markup with attributes (no build step, nothing from src). Its backend is the HTTP contract at
 * `/test-api` (contract-middleware.mjs). The page runs in an iframe; a student fills in a section
 * with the keyboard and the save reaches the backend.
 *
 * The bundle is built by `node scripts/size.mjs` (npm test runs it before the browser tests).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DddDossierForm, DddEvent, DddProgress } from '@doorstroom/elements';
import type { Dossier } from '@doorstroom/sdk';
import { bundleUrl, loadedFiles, openEnglishForm, openPage, pageSuite, readDossier, squash, waitOnPage } from './pages.js';

const tags = ['ddd-context', 'ddd-progress', 'ddd-dossier-form', 'ddd-mentor-review', 'ddd-consent'];

describe('the script-tag bundle on a plain HTML page (docs/embedding.md)', function () {
  pageSuite(this);

  it('defines every element from the one file and loads no other code (besides the preload script)', async () => {
    const win = await openPage();
    for (const tag of tags) expect(win.customElements.get(tag), `<${tag}> is defined`).to.be.a('function');
    // The top page never imported the elements: what the iframe has came from the bundle.
    for (const tag of tags) expect(customElements.get(tag), `<${tag}> in the test page itself`).to.equal(undefined);

    const form = win.document.querySelector<DddDossierForm>('ddd-dossier-form')!;
    await waitOnPage(win, () => form.shadowRoot?.querySelector('.tasks'), 'the form loaded config, me and the dossier');
    expect(loadedFiles(win)).to.have.members(['/test/bundle/console-recorder.js', '/dist/doorstroom-preload.js', bundleUrl]);
    expect(win.pageErrors).to.deep.equal([]);
  });

  // The bundle is built from the sources' decorators, minified: the attributes a page can set
  // are still the ones the manifest documents, nothing more or less.
  it('observes exactly the attributes custom-elements.json documents, on every element', async () => {
    const win = await openPage();
    const manifest = (await (await fetch('/packages/elements/custom-elements.json')).json()) as {
      modules: Array<{ declarations?: Array<{ tagName?: string; attributes?: Array<{ name: string }> }> }>;
    };
    const documented = new Map(
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.tagName)
        .map((d) => [d.tagName!, (d.attributes ?? []).map((a) => a.name)]),
    );
    for (const tag of tags) {
      const element = win.customElements.get(tag) as (CustomElementConstructor & { observedAttributes: string[] }) | undefined;
      expect(element?.observedAttributes, `attributes of <${tag}>`).to.have.members(documented.get(tag) ?? ['(not in the manifest)']);
    }
    // Internal state is no attribute (the list above); `compact` still reflects as declared.
    const progress = win.document.querySelector<DddProgress>('ddd-progress')!;
    progress.compact = false;
    await progress.updateComplete;
    expect(progress.hasAttribute('compact'), 'compact reflects to the attribute').to.equal(false);
  });

  it('shows English once the page loads lang/en.js, section texts and validation messages included', async () => {
    const { win, root, titles } = await openEnglishForm('/test/bundle/page-en.html');
    expect(titles).to.include('A9 Motivation');
    expect(titles).not.to.include('A9 Motivatie');

    // The check step shows why sending is not possible yet: a refusal text of the SDK.
    const check = [...root.querySelectorAll<HTMLButtonElement>('.task__button')].find((button) => squash(button.textContent).includes('Check and send'));
    expect(check, 'a task "Check and send"').to.exist;
    check!.click();
    await waitUntil(() => root.querySelector('.refusal'), 'the refusal of the check step', { timeout: 5000 });
    expect(squash(root.querySelector('.refusal')!.textContent)).to.equal('Part A is not complete yet. Finish every section first.');

    // "Next" on a section with missing answers: the SDK's messages, worded around English labels.
    const summaryOf = async (title: string) => {
      const task = [...root.querySelectorAll<HTMLButtonElement>('.task__button')].find((button) => squash(button.querySelector('.task__title')?.textContent) === title);
      expect(task, `a task "${title}"`).to.exist;
      task!.click();
      await waitUntil(() => [...root.querySelectorAll('button')].some((button) => squash(button.textContent) === 'Next'), `the section ${title}`, { timeout: 5000 });
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => squash(button.textContent) === 'Next')!.click();
      await waitUntil(() => root.querySelector('.ddd-error-summary li'), `the error summary of ${title}`, { timeout: 5000 });
      return [...root.querySelectorAll('.ddd-error-summary li')].map((item) => squash(item.textContent));
    };
    expect(await summaryOf('A3 Current or last school')).to.deep.equal([
      'Choose an answer for: Profile or sector.',
      'Choose at least one answer for: Exam subjects.',
      'Choose an answer for: Do you expect to get your diploma this year?',
    ]);
    expect(await summaryOf('A5 Internships, work and training')).to.deep.equal(['Add at least one experience and fill in everything.']);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('stays Dutch under a framework\'s default <html lang="en"> until the page loads lang/en.js', async () => {
    const win = await openPage('/test/bundle/page-template-en.html');
    const form = win.document.querySelector<DddDossierForm>('ddd-dossier-form')!;
    await waitOnPage(win, () => form.shadowRoot?.querySelector('.tasks'), 'the form shows the task list');
    const heading = () => squash(form.shadowRoot!.querySelector('.tasks__heading')?.textContent);
    expect(heading()).to.equal('Onderdelen');

    // Offering English is loading its file: the page's lang now counts, without a reload.
    const script = win.document.createElement('script');
    script.type = 'module';
    script.src = '/dist/lang/en.js';
    win.document.head.append(script);
    await waitUntil(() => heading() === 'Sections', 'English once lang/en.js is loaded', { timeout: 5000 });
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('a student fills in Motivatie with the keyboard and the backend stores it', async () => {
    const win = await openPage();
    const form = win.document.querySelector<DddDossierForm>('ddd-dossier-form')!;
    const progress = win.document.querySelector<DddProgress>('ddd-progress')!;
    const saved: Dossier[] = [];
    win.document.addEventListener('ddd-saved', (event) => saved.push((event as DddEvent<'ddd-saved'>).detail.dossier));

    const overall = () => Number(progress.shadowRoot?.querySelector('.overall [role="progressbar"]')?.getAttribute('aria-valuenow') ?? NaN);
    await waitOnPage(win, () => !Number.isNaN(overall()), '<ddd-progress> inside <ddd-context> shows the dossier');
    const before = overall();

    await waitOnPage(win, () => form.shadowRoot?.querySelector('.tasks'), 'the form shows the task list');
    const task = [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('.task__button')].find((button) => squash(button.querySelector('.task__title')?.textContent) === 'A9 Motivatie');
    expect(task, 'a task "A9 Motivatie"').to.exist;
    task!.click();
    await waitUntil(() => form.shadowRoot!.querySelector('#ddd-waarom'), 'the Motivatie section', { timeout: 5000 });

    const answers = { waarom: 'Ik wil graag met mensen werken en anderen helpen.', later: 'Verpleegkundige' };
    for (const [key, value] of Object.entries(answers)) {
      form.shadowRoot!.querySelector<HTMLElement>(`#ddd-${key}`)!.focus();
      await sendKeys({ type: value });
    }

    await waitOnPage(
      win,
      () => saved.some((dossier) => dossier.answers['motivatie']?.['later'] === answers.later && dossier.answers['motivatie']?.['waarom'] === answers.waarom),
      'a ddd-saved event with both answers',
      10000,
    );
    expect((await readDossier()).answers['motivatie']).to.deep.equal(answers);
    await waitUntil(() => overall() > before, `<ddd-progress> follows the save (was ${before}%)`, { timeout: 5000 });
    expect(win.pageErrors).to.deep.equal([]);
  });
});
