import { css } from 'lit';
import { conflictChoiceStyles } from '../shared/conflict-choice.js';
import { fieldStyles, sharedStyles } from '../shared/tokens.js';
import { deelBStyles } from './deel-b-editor.js';
import { dossierViewStyles } from './dossier-view.js';
import { historyStyles } from './history.js';
import { readOnlyAnswersStyles } from '../shared/read-only-answers.js';
import { workListStyles } from './work-list.js';
import { overviewActionStyles } from './overview-actions.js';
import { overviewStyles } from './overview-view.js';

const own = css`
  .base {
    display: grid;
    gap: var(--_space-4);
    /* Names and answers are user text: a long unbroken one wraps instead of widening the page. */
    overflow-wrap: anywhere;
  }
  .title {
    margin: 0;
    font-size: 1.5rem;
  }
  .dossier-title:focus,
  .ro-title:focus {
    outline: none;
  }
  @media print {
    .base {
      display: block;
    }
  }
`;

export const styles = [
  ...sharedStyles,
  fieldStyles,
  readOnlyAnswersStyles,
  workListStyles,
  ...overviewStyles,
  overviewActionStyles,
  dossierViewStyles,
  deelBStyles,
  conflictChoiceStyles,
  historyStyles,
  own,
];
