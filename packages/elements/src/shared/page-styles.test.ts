// The page's inherited styles do not leak into the elements (issue 15): Vite's default
// '#root { text-align: center }' and its friends stop at each element's host, while the theming
// inputs (the --ddd-* tokens) keep working.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '@doorstroom/sdk';
import '../index.js';

const leaky = 'text-align: center; letter-spacing: 4px; word-spacing: 9px; text-transform: uppercase; line-height: 3; white-space: pre; font-style: italic; font-weight: 700; text-indent: 40px;';

describe('page styles stop at the host', () => {
  it('labels and options of the form keep their own alignment, spacing and case', async () => {
    const backend = createMemoryBackend();
    const page = await fixture<HTMLDivElement>(html`<div id="root" lang="nl" style=${leaky + ' --ddd-color-primary: rgb(0, 88, 74);'}>
      <ddd-dossier-form dossier-id="dossier-noor" .api=${backend.client('student-noor')}></ddd-dossier-form>
    </div>`);
    const form = page.querySelector('ddd-dossier-form')!;
    await waitUntil(() => form.shadowRoot!.querySelector('.task__button'), 'the task list');
    const task = form.shadowRoot!.querySelector<HTMLElement>('.task__button')!;
    const label = form.shadowRoot!.querySelector<HTMLElement>('h2, .ddd-label, p')!;
    for (const element of [task, label]) {
      const style = getComputedStyle(element);
      expect([style.textAlign, style.letterSpacing, style.wordSpacing, style.textTransform, style.whiteSpace, style.fontStyle, style.textIndent], element.className).to.deep.equal([
        'start',
        'normal',
        '0px',
        'none',
        'normal',
        'normal',
        '0px',
      ]);
    }
    const button = form.shadowRoot!.querySelector<HTMLElement>('.ddd-button:not(.ddd-button--secondary)');
    expect(button, 'a primary button').not.to.equal(null);
    expect(getComputedStyle(button!).backgroundColor, 'the colour token still reaches in').to.equal('rgb(0, 88, 74)');
  });
});

describe('the width of the container', () => {
  // A centring flex column (create-vite's #center), a centring grid and a centring flex row:
  // content-sized boxes in which the elements would have no width of their own.
  const centring = {
    'a flex column with place-items: center': 'display: flex; flex-direction: column; place-items: center;',
    'a grid with place-items: center': 'display: grid; place-items: center;',
    'a flex row with justify-content: center': 'display: flex; justify-content: center;',
  };
  for (const [name, style] of Object.entries(centring)) {
    it(`the form and the progress fill ${name}, unless the page gives them a width`, async () => {
      const backend = createMemoryBackend();
      const api = backend.client('student-noor');
      const page = await fixture<HTMLDivElement>(html`<div lang="nl" style=${`width: 600px; ${style}`}>
        <ddd-progress dossier-id="dossier-noor" .api=${api}></ddd-progress>
      </div>`);
      const progress = page.querySelector('ddd-progress')!;
      await waitUntil(() => progress.shadowRoot!.querySelector('[part~="overall"]'), 'the progress');
      expect(progress.getBoundingClientRect().width).to.equal(600);

      progress.style.maxInlineSize = '20rem';
      expect(progress.getBoundingClientRect().width, 'a width the page sets').to.equal(320);

      const form = await fixture<HTMLDivElement>(html`<div lang="nl" style=${`width: 600px; ${style}`}>
        <ddd-dossier-form dossier-id="dossier-noor" .api=${api}></ddd-dossier-form>
      </div>`);
      const element = form.querySelector('ddd-dossier-form')!;
      await waitUntil(() => element.shadowRoot!.querySelector('.task__button'), 'the task list');
      expect(element.getBoundingClientRect().width).to.equal(600);
    });
  }
});
