/**
 * docs/npm.md, Vue 3: the docs' template, compiled by Vue's runtime compiler in Chromium, with
 * `ddd-*` tags declared custom elements. `:api.prop` sets the property, `:dossier-id` the
 * attribute, and `@ddd-saved` listens to the DOM event.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, defineComponent, type App } from 'vue/dist/vue.esm-browser.js';
import '@doorstroom/elements';
import type { DddDossierForm } from '@doorstroom/elements';
import type { Dossier } from '@doorstroom/sdk';
import { noor, recordConsoleErrors, signedInAsNoor, typedAnswer, typeIntoMotivatie } from './helpers.js';

/** The template of the docs' DossierPage.vue, character for character. */
const docsTemplate = `<ddd-dossier-form :api.prop="api" :dossier-id="props.dossierId" lang="nl" @ddd-saved="saved" />`;

describe('Vue 3 (docs/npm.md)', function () {
  this.timeout(20000);
  let app: App | undefined;
  let container: HTMLElement;
  let consoleErrors: ReturnType<typeof recordConsoleErrors>;

  beforeEach(() => {
    consoleErrors = recordConsoleErrors();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    app?.unmount();
    container.remove();
    consoleErrors.stop();
  });

  it('binds :api.prop as a property, :dossier-id as an attribute, and hears @ddd-saved', async () => {
    const { backend, api } = signedInAsNoor();
    const saved: Dossier[] = [];
    const warnings: string[] = [];
    // The <script setup> of the docs as a component object: same props, same bindings.
    const DossierPage = defineComponent({
      props: { dossierId: { type: String, required: true } },
      setup: (props) => ({ props, api, saved: (event: CustomEvent<{ dossier: Dossier }>) => saved.push(event.detail.dossier) }),
      template: docsTemplate,
    });
    app = createApp(DossierPage, { dossierId: noor.dossierId });
    // Compiling in the browser: the compiler option goes on the app instead of vite.config.ts.
    // (The runtime compiler would also spot the already registered tags by itself; a build-time
    // compiler cannot, which is why the docs set it in vite.config.ts.)
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('ddd-');
    app.config.warnHandler = (message) => warnings.push(message);
    app.mount(container);

    await waitUntil(() => container.querySelector('ddd-dossier-form'), 'Vue rendered the element');
    const form = container.querySelector<DddDossierForm>('ddd-dossier-form')!;
    expect(form.api, 'the api object itself, as a property').to.equal(api);
    expect(form.hasAttribute('api'), 'no api attribute').to.equal(false);
    expect(form.getAttribute('dossier-id')).to.equal(noor.dossierId);
    expect(form.dossierId).to.equal(noor.dossierId);

    await typeIntoMotivatie(form);
    await waitUntil(() => saved.some((d) => d.answers['motivatie']?.['later'] === typedAnswer), 'ddd-saved reached the Vue handler', { timeout: 5000 });
    const stored = await backend.client(backend.tokens[noor.person]!).getDossier(noor.dossierId);
    expect(stored.answers['motivatie']?.['later']).to.equal(typedAnswer);
    expect(warnings, 'Vue warned about nothing (e.g. "Failed to resolve component")').to.deep.equal([]);
    expect(consoleErrors.errors).to.deep.equal([]);
  });
});
