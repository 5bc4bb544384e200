/**
 * One element's own script-tag file (dist/<tag>.min.js), as docs/embedding.md tells a portal with
 * one element on a page to load it instead of the whole bundle: only that element is defined, no
 * other file is loaded, a language file works before it, and two such files on one page say in
 * the console that their elements do not share state.
 */
import { expect } from '@open-wc/testing';
import type { DddDossierForm, DddProgress } from '@doorstroom/elements';
import { loadedFiles, openEnglishForm, openPage, pageSuite, squash, waitOnPage } from './pages.js';

describe("an element's own script-tag file (docs/embedding.md, one element on a page)", function () {
  pageSuite(this);

  it('ddd-progress.min.js (with the preload script) shows the progress and defines nothing else', async () => {
    const win = await openPage('/test/bundle/page-progress.html');
    const progress = win.document.querySelector<DddProgress>('ddd-progress')!;
    await waitOnPage(win, () => progress.shadowRoot?.querySelector('.sections .section'), 'the sections of the dossier');
    const overall = progress.shadowRoot!.querySelector('.overall [role="progressbar"]');
    expect(Number(overall?.getAttribute('aria-valuenow')), 'the overall percentage').to.be.within(0, 100);
    expect(squash(progress.shadowRoot!.querySelector('.sections')?.textContent)).to.include('Motivatie');

    for (const tag of ['ddd-dossier-form', 'ddd-consent', 'ddd-context', 'ddd-mentor-review', 'ddd-intake']) {
      expect(win.customElements.get(tag), `<${tag}> is not in ddd-progress.min.js`).to.equal(undefined);
    }
    expect(loadedFiles(win)).to.have.members(['/test/bundle/console-recorder.js', '/dist/doorstroom-preload.js', '/dist/ddd-progress.min.js']);
    expect(win.pageErrors).to.deep.equal([]);
    expect(win.pageWarnings).to.deep.equal([]);
  });

  it('ddd-dossier-form.min.js shows English from lang/en.js loaded before it, the SDK texts included', async () => {
    const { win, titles } = await openEnglishForm('/test/bundle/page-form-en.html');
    expect(titles).to.include('A9 Motivation');
    expect(loadedFiles(win)).to.have.members(['/test/bundle/console-recorder.js', '/dist/lang/en.js', '/dist/ddd-dossier-form.min.js']);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('two element files on one page work, and the console says to load the bundle instead', async () => {
    const win = await openPage('/test/bundle/page-two-files.html');
    const form = win.document.querySelector<DddDossierForm>('ddd-dossier-form')!;
    const progress = win.document.querySelector<DddProgress>('ddd-progress')!;
    await waitOnPage(win, () => form.shadowRoot?.querySelector('.tasks') && progress.shadowRoot?.querySelector('.sections .section'), 'both elements show the dossier');
    expect(win.pageWarnings).to.have.length(1);
    expect(win.pageWarnings[0]).to.include('ddd-progress.min.js is loaded beside ddd-dossier-form.min.js').and.include('doorstroom.min.js');
    expect(win.pageErrors).to.deep.equal([]);
  });
});
