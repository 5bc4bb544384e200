import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createMemoryBackend, DossierApiError, exampleData, type DossierApi } from '@doorstroom/sdk';
import { createMswHandlers } from '@doorstroom/sdk/msw';
import { dossierBus } from '../shared/events.js';
import { DddContext } from './ddd-context.component.js';
import './ddd-context.js';
import { ApiProbe, ContextHarness, counting, ready } from './harness.js';

const today = new Date(2026, 10, 23, 12);
const backend = () => createMemoryBackend(exampleData({ today }), { now: () => today });

describe('<ddd-context>', function () {
  this.timeout(30000);
  it('provides api, config and me to every descendant, loading config and me once', async () => {
    const { api, calls } = counting(backend().client('student-noor'));
    const context = await fixture<DddContext>(html`<ddd-context .api=${api}>
      <test-api-probe></test-api-probe>
      <div><test-api-probe></test-api-probe><test-api-probe></test-api-probe></div>
    </ddd-context>`);
    const harness = new ContextHarness(context);
    const provided = await harness.provided();
    expect(provided).to.have.length(3);
    for (const { api: given, me, config } of provided) {
      expect(given).to.equal(api);
      expect(me!.person.id).to.equal('student-noor');
      expect(config!.guardianConsentBelowAge).to.be.a('number');
    }
    expect(calls).to.deep.equal({ config: 1, me: 1 });
    expect(harness.status).to.equal('ready');
    expect(getComputedStyle(context).display).to.equal('contents');
  });

  it('an element’s own api wins over the context; a nested empty context passes the outer one on', async () => {
    const outer = backend().client('student-noor');
    const own = backend().client('student-daan');
    const wrapper = await fixture<DddContext>(html`<ddd-context .api=${outer}>
      <ddd-context><test-api-probe id="inherits"></test-api-probe></ddd-context>
      <test-api-probe id="own" .api=${own}></test-api-probe>
    </ddd-context>`);
    const inherits = wrapper.querySelector<ApiProbe>('#inherits')!;
    const ownProbe = wrapper.querySelector<ApiProbe>('#own')!;
    await ready(inherits);
    await ready(ownProbe);
    expect(inherits.connection.api).to.equal(outer);
    expect(ownProbe.connection.api).to.equal(own);
    expect(ownProbe.connection.me!.person.id).to.equal('student-daan');
  });

  it('without configuration the element says what is missing', async () => {
    const context = await fixture<DddContext>(html`<ddd-context lang="nl"><test-api-probe></test-api-probe></ddd-context>`);
    const probe = context.querySelector<ApiProbe>('test-api-probe')!;
    await probe.updateComplete;
    expect(probe.connection.status).to.equal('missing');
    expect(probe.shadowRoot!.textContent).to.equal('Dit onderdeel is niet ingesteld: geef een api-base of api mee.');
    context.setAttribute('lang', 'en');
    await waitUntil(() => probe.shadowRoot!.textContent === 'This component is not set up: give it an api-base or api.', 'English message', { timeout: 5000 });
    await expect(probe).to.be.accessible();

    context.api = backend().client('student-noor');
    await ready(probe);
  });

  it('reaches elements that were there before <ddd-context> was defined', async () => {
    const api = backend().client('student-noor');
    const wrapper = await fixture<HTMLElement>(html`<late-context .api=${api}><test-api-probe></test-api-probe></late-context>`);
    const probe = wrapper.querySelector<ApiProbe>('test-api-probe')!;
    await probe.updateComplete;
    expect(probe.connection.status).to.equal('missing');
    customElements.define('late-context', class extends DddContext {});
    await ready(probe);
    expect(probe.connection.api).to.equal(api);
  });

  it('talks HTTP to api-base with the token (msw in front of the memory backend)', async () => {
    const worker = setupWorker(...createMswHandlers(backend(), { baseUrl: '/test-api/' }));
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
    try {
      const context = await fixture<DddContext>(html`<ddd-context api-base="/test-api/" token="student-noor">
        <test-api-probe dossier-id="dossier-noor"></test-api-probe>
      </ddd-context>`);
      const probe = context.querySelector<ApiProbe>('test-api-probe')!;
      await ready(probe);
      expect(probe.connection.me!.person.id).to.equal('student-noor');
      await waitUntil(() => probe.dossier.status === 'ready', 'dossier loaded', { timeout: 5000 });
      expect(probe.dossier.dossier!.id).to.equal('dossier-noor');

      // The same attributes on the element itself work without a context.
      const alone = await fixture<ApiProbe>(html`<test-api-probe api-base="/test-api/" token="student-daan"></test-api-probe>`);
      await ready(alone);
      expect(alone.connection.me!.person.id).to.equal('student-daan');
    } finally {
      await worker.stop();
    }
  });
});

describe('ApiController and DossierController', function () {
  this.timeout(30000);
  it('shows a loading failure with a retry that asks again', async () => {
    const real = backend().client('student-noor');
    let fail = true;
    const api: DossierApi = { ...real, me: () => real.me(), config: () => (fail ? Promise.reject(new DossierApiError({ kind: 'network', message: 'offline' })) : real.config()) };
    const probe = await fixture<ApiProbe>(html`<test-api-probe .api=${api}></test-api-probe>`);
    await waitUntil(() => probe.connection.status === 'error', 'error shown', { timeout: 5000 });
    expect(probe.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Geen verbinding met de server');
    await expect(probe).to.be.accessible();
    fail = false;
    probe.shadowRoot!.querySelector('button')!.click();
    await ready(probe);
  });

  it('replace() shows the new dossier and tells the rest of the page', async () => {
    const api = backend().client('student-noor');
    const probe = await fixture<ApiProbe>(html`<test-api-probe .api=${api} dossier-id="dossier-noor"></test-api-probe>`);
    await waitUntil(() => probe.dossier.status === 'ready', 'loaded', { timeout: 5000 });
    const heard: number[] = [];
    const stop = dossierBus.subscribe((d) => heard.push(d.version));
    const newer = { ...probe.dossier.dossier!, version: probe.dossier.dossier!.version + 1 };
    probe.dossier.replace(newer);
    stop();
    expect(probe.dossier.dossier).to.equal(newer);
    expect(heard).to.deep.equal([newer.version]);
  });

  it('loads again when the dossier id changes, and forgets the dossier when the id goes', async () => {
    const api = backend().client('student-noor');
    const probe = await fixture<ApiProbe>(html`<test-api-probe .api=${api} dossier-id="dossier-noor"></test-api-probe>`);
    await waitUntil(() => probe.dossier.status === 'ready', 'loaded', { timeout: 5000 });
    probe.dossierId = 'dossier-unknown';
    await waitUntil(() => probe.dossier.status === 'notFound', 'not found', { timeout: 5000 });
    probe.dossierId = undefined;
    await probe.updateComplete;
    expect(probe.dossier.status).to.equal('idle');
    expect(probe.dossier.dossier).to.equal(undefined);
  });
});
