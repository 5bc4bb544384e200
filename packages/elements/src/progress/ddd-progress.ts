import '../shared/english.js';
import { defineElement } from '../shared/define.js';
import { DddProgress } from './ddd-progress.component.js';

export { DddProgress };
defineElement('ddd-progress', DddProgress);

declare global {
  interface HTMLElementTagNameMap {
    'ddd-progress': DddProgress;
  }
}
