/**
 * docs/npm.md, React 19: `<ddd-dossier-form api={api} dossier-id={id} onddd-saved={…}>` rendered
 * with react-dom/client in Chromium. React 19 sets `api` as a property (the element has one),
 * `dossier-id` as an attribute and turns `onddd-saved` into a listener for `ddd-saved`.
 * The JSX is written as createElement (no JSX transform in the test runner). The props' types
 * ship in the package (`@doorstroom/elements/jsx`, generated into dist at build): they are checked
 * by scripts/check-packages.mjs and by the Vite + React app built from the packed tarballs
 * (test/frameworks/apps/).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import '@doorstroom/elements'; // before the first render, as the docs say
import type { DddDossierForm } from '@doorstroom/elements';
import type { Dossier, DossierApi } from '@doorstroom/sdk';
import { noor, recordConsoleErrors, signedInAsNoor, typedAnswer, typeIntoMotivatie } from './helpers.js';

interface DossierPageProps {
  api: DossierApi;
  id: string;
  onSaved(dossier: Dossier): void;
  onError(message: string): void;
}

/** The docs' DossierPage: `<ddd-dossier-form api={api} dossier-id={id} lang="nl" onddd-saved=… onddd-error=… />`. */
function DossierPage({ api, id, onSaved, onError }: DossierPageProps) {
  const props = {
    api,
    'dossier-id': id,
    lang: 'nl',
    'autosave-delay': 50,
    'onddd-saved': (event: CustomEvent<{ dossier: Dossier }>) => onSaved(event.detail.dossier),
    'onddd-error': (event: CustomEvent<{ message: string }>) => onError(event.detail.message),
  };
  return createElement('ddd-dossier-form', props);
}

describe('React 19 (docs/npm.md)', function () {
  this.timeout(20000);
  let container: HTMLElement;
  let root: Root;
  let consoleErrors: ReturnType<typeof recordConsoleErrors>;

  beforeEach(() => {
    consoleErrors = recordConsoleErrors();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
    consoleErrors.stop();
  });

  it('passes api as a property, dossier-id as an attribute, and hears ddd-saved through onddd-saved', async () => {
    const { backend, api } = signedInAsNoor();
    const saved: Dossier[] = [];
    const errors: string[] = [];
    root.render(createElement(DossierPage, { api, id: noor.dossierId, onSaved: (d) => saved.push(d), onError: (m) => errors.push(m) }));

    await waitUntil(() => container.querySelector('ddd-dossier-form'), 'React rendered the element');
    const form = container.querySelector<DddDossierForm>('ddd-dossier-form')!;
    expect(form.api, 'the api object itself, as a property').to.equal(api);
    expect(form.hasAttribute('api'), 'no api attribute').to.equal(false);
    expect(form.getAttribute('dossier-id')).to.equal(noor.dossierId);
    expect(form.dossierId).to.equal(noor.dossierId);
    expect(form.getAttribute('autosave-delay')).to.equal('50');

    await typeIntoMotivatie(form);
    await waitUntil(() => saved.some((d) => d.answers['motivatie']?.['later'] === typedAnswer), 'ddd-saved reached the React handler', { timeout: 5000 });
    const stored = await backend.client(backend.tokens[noor.person]!).getDossier(noor.dossierId);
    expect(stored.answers['motivatie']?.['later']).to.equal(typedAnswer);
    expect(errors).to.deep.equal([]);
    expect(consoleErrors.errors, 'React printed no warnings').to.deep.equal([]);
  });
});
