import '../shared/english.js';
// The form opens <ddd-consent> for a dossier that waits for the student's akkoord.
import '../consent/ddd-consent.js';
import { defineElement } from '../shared/define.js';
import { DddDossierForm } from './ddd-dossier-form.component.js';

export { DddDossierForm };
defineElement('ddd-dossier-form', DddDossierForm);

declare global {
  interface HTMLElementTagNameMap {
    'ddd-dossier-form': DddDossierForm;
  }
}
