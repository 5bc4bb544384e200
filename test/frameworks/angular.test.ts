/**
 * docs/npm.md, Angular: a standalone component with CUSTOM_ELEMENTS_SCHEMA binding `[api]`,
 * `[attr.dossier-id]` and `(ddd-saved)`, bootstrapped zoneless in Chromium with the JIT compiler.
 * DossierComponent is the docs' component; only its api (a memory backend) and what its handlers
 * do (record instead of log) differ. Its input is `@Input({ required: true })`: a signal input
 * (`input.required()`) needs the Angular CLI's compiler transform and stays unset under plain JIT
 * (NG0303, NG0950), while the decorator works with both.
 */
import '@angular/compiler';
import { ApplicationRef, Component, CUSTOM_ELEMENTS_SCHEMA, Input, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { expect, waitUntil } from '@open-wc/testing';
import '@doorstroom/elements';
import type { DddDossierForm } from '@doorstroom/elements';
import type { Dossier, DossierApi } from '@doorstroom/sdk';
import { noor, recordConsoleErrors, signedInAsNoor, typedAnswer, typeIntoMotivatie } from './helpers.js';

const { backend, api: noorApi } = signedInAsNoor();
const saved: Dossier[] = [];
const errors: string[] = [];

@Component({
  selector: 'app-dossier',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <ddd-dossier-form
      [api]="api"
      [attr.dossier-id]="dossierId"
      lang="nl"
      (ddd-saved)="onSaved($event)"
      (ddd-error)="onError($event)"
    ></ddd-dossier-form>
  `,
})
class DossierComponent {
  @Input({ required: true }) dossierId!: string;
  readonly api: DossierApi = noorApi;
  onSaved(event: Event) {
    saved.push((event as CustomEvent<{ dossier: Dossier }>).detail.dossier);
  }
  onError(event: Event) {
    errors.push((event as CustomEvent<{ message: string }>).detail.message);
  }
}

@Component({
  selector: 'app-root',
  standalone: true,
  imports: [DossierComponent],
  template: `<app-dossier [dossierId]="id" />`,
})
class AppComponent {
  readonly id = noor.dossierId;
}

describe('Angular (docs/npm.md)', function () {
  this.timeout(20000);
  let app: ApplicationRef | undefined;
  let consoleErrors: ReturnType<typeof recordConsoleErrors>;

  beforeEach(() => {
    consoleErrors = recordConsoleErrors();
    document.body.append(document.createElement('app-root'));
  });
  afterEach(() => {
    app?.destroy();
    document.querySelector('app-root')?.remove();
    consoleErrors.stop();
  });

  it('binds [api] as a property, [attr.dossier-id] as an attribute, and hears (ddd-saved)', async () => {
    app = await bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] });
    await waitUntil(() => document.querySelector('ddd-dossier-form'), 'Angular rendered the element');
    const form = document.querySelector<DddDossierForm>('ddd-dossier-form')!;
    await waitUntil(() => form.getAttribute('dossier-id') === noor.dossierId, 'the dossier-id attribute');
    expect(form.api, 'the api object itself, as a property').to.equal(noorApi);
    expect(form.hasAttribute('api'), 'no api attribute').to.equal(false);
    expect(form.dossierId).to.equal(noor.dossierId);

    await typeIntoMotivatie(form);
    await waitUntil(() => saved.some((d) => d.answers['motivatie']?.['later'] === typedAnswer), 'ddd-saved reached the Angular handler', { timeout: 5000 });
    const stored = await backend.client(backend.tokens[noor.person]!).getDossier(noor.dossierId);
    expect(stored.answers['motivatie']?.['later']).to.equal(typedAnswer);
    expect(errors).to.deep.equal([]);
    expect(consoleErrors.errors).to.deep.equal([]);
  });
});
