import { defineElement } from '../shared/define.js';
import { DddDossierForm } from './ddd-dossier-form.component.js';

export { DddDossierForm };
defineElement('ddd-dossier-form', DddDossierForm);

declare global {
  interface HTMLElementTagNameMap {
    'ddd-dossier-form': DddDossierForm;
  }
}
