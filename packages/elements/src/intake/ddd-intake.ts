import '../shared/english.js';
import { defineElement } from '../shared/define.js';
import { DddIntake } from './ddd-intake.component.js';

export { DddIntake };
export type { IntakeFilter } from './worklist.js';
defineElement('ddd-intake', DddIntake);

declare global {
  interface HTMLElementTagNameMap {
    'ddd-intake': DddIntake;
  }
}
