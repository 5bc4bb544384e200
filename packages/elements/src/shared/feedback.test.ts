import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { findSection, defaultRegionConfig } from '@doorstroom/sdk';
import { LitElement } from 'lit';
import { FeedbackController } from './feedback.js';
import { TestSectionForm } from './test-host.js';
import './test-host.js';

const persoonlijk = findSection(defaultRegionConfig, 'persoonlijk')!;

async function renderForm() {
  const form = await fixture<TestSectionForm>(html`<test-section-form .section=${persoonlijk}></test-section-form>`);
  return form;
}
const input = (form: TestSectionForm, id: string) => form.shadowRoot!.getElementById(`ddd-${id}`) as HTMLInputElement;
const errorOf = (form: TestSectionForm, id: string) => form.shadowRoot!.getElementById(`ddd-${id}-error`);

describe('FeedbackController', function () {
  this.timeout(30000);
  it('shows no error while typing, and none on a field that was only visited', async () => {
    const form = await renderForm();
    input(form, 'postcode').focus();
    await sendKeys({ type: '12' });
    await form.updateComplete;
    expect(errorOf(form, 'postcode'), 'not while typing').to.equal(null);
    input(form, 'woonplaats').focus();
    await sendKeys({ press: 'Tab' });
    await form.updateComplete;
    expect(errorOf(form, 'woonplaats'), 'visited, not changed').to.equal(null);
  });

  it('shows the error once the field was changed and left, and hides it as soon as it is fixed', async () => {
    const form = await renderForm();
    input(form, 'postcode').focus();
    await sendKeys({ type: '12' });
    await sendKeys({ press: 'Tab' });
    await form.updateComplete;
    expect(errorOf(form, 'postcode')!.textContent).to.contain('Fout:');
    expect(input(form, 'postcode').getAttribute('aria-invalid')).to.equal('true');
    // Other fields stay quiet.
    expect(errorOf(form, 'roepnaam')).to.equal(null);

    input(form, 'postcode').focus();
    await sendKeys({ type: '34 AB' });
    await form.updateComplete;
    expect(errorOf(form, 'postcode'), 'fixed while typing').to.equal(null);
  });

  it('after showAll every error shows, with a focused error summary linking to the fields', async () => {
    const form = await renderForm();
    expect(form.shadowRoot!.querySelector('.ddd-error-summary')).to.equal(null);
    form.submit();
    await form.updateComplete;
    const summary = form.shadowRoot!.querySelector<HTMLElement>('.ddd-error-summary')!;
    expect(summary.querySelector('h2')!.textContent).to.equal('Er ging iets mis');
    await waitUntil(() => form.shadowRoot!.activeElement === summary, 'summary takes focus', { timeout: 5000 });
    const links = [...summary.querySelectorAll('a')];
    expect(links.length).to.equal(form.errors.length);
    expect(errorOf(form, 'bsn')).to.exist;
    expect(errorOf(form, 'geslacht')).to.exist;
    await expect(form).to.be.accessible();

    const geslacht = links.find((a) => a.getAttribute('href') === '#ddd-geslacht')!;
    geslacht.click();
    expect(form.shadowRoot!.activeElement!.id).to.equal('ddd-geslacht-0');

    // Pressing Volgende again moves focus back to the summary.
    form.submit();
    await waitUntil(() => form.shadowRoot!.activeElement === summary, 'focus returns on a new attempt', { timeout: 5000 });
  });

  it('keeps its state per path and forgets it on reset', async () => {
    class Host extends LitElement {}
    customElements.define('test-feedback-host', Host);
    const host = await fixture<Host>(html`<test-feedback-host></test-feedback-host>`);
    const feedback = new FeedbackController(host);
    const errors = [
      { path: 'a', message: { nl: 'Fout in a', en: 'Wrong a' } },
      { path: 'b', message: 'Fout in b' },
    ];
    feedback.left('a');
    expect(feedback.shows('a'), 'left without change').to.equal(false);
    feedback.changed('a');
    feedback.left('a');
    expect(feedback.visible(errors).map((e) => e.path)).to.deep.equal(['a']);
    expect(feedback.message('a', errors, 'en')).to.equal('Wrong a');
    expect(feedback.message('b', errors, 'nl')).to.equal(undefined);
    feedback.showAll();
    expect(feedback.message('b', errors, 'nl')).to.equal('Fout in b');
    expect(feedback.attempt).to.equal(1);
    feedback.reset();
    expect(feedback.visible(errors)).to.deep.equal([]);
    expect(feedback.showingAll).to.equal(false);
  });
});
