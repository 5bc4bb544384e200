import '../shared/english.js';
import { defineElement } from '../shared/define.js';
import { DddConsent } from './ddd-consent.component.js';

export { DddConsent };
defineElement('ddd-consent', DddConsent);

declare global {
  interface HTMLElementTagNameMap {
    'ddd-consent': DddConsent;
  }
}
