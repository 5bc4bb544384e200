import '../shared/english.js';
import { defineElement } from '../shared/define.js';
import { DddContext } from './ddd-context.component.js';

export { DddContext };
defineElement('ddd-context', DddContext);

declare global {
  interface HTMLElementTagNameMap {
    'ddd-context': DddContext;
  }
}
