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
