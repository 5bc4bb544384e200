import { css } from 'lit';
import { consentStyles } from '../consent/ddd-consent.styles.js';
import { readOnlyAnswersStyles } from '../shared/read-only-answers.js';
import { fieldStyles, sharedStyles } from '../shared/tokens.js';
import { worklistStyles } from './worklist-view.js';

// Headings are styled by their place (title, panel, part), not by their tag: the page chooses the
// levels with `heading-level`. The opened dossier uses <ddd-consent>'s read-only views and their styles.
const own = css`
  .base {
    display: grid;
    gap: var(--_space-4);
    /* Names, reasons and answers are user text: a long unbroken one wraps instead of widening the page. */
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .title {
    margin: 0;
    font-size: 1.5rem;
    line-height: 1.25;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  .intro {
    margin: 0;
  }
  .in-back {
    justify-self: start;
    min-height: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .in-dossier {
    display: grid;
    gap: var(--_space-4);
    max-inline-size: var(--ddd-intake-max-width, 56rem);
    min-width: 0;
  }
  .in-facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
  }
  .in-facts dt {
    color: var(--_text-subtle);
  }
  .in-facts dd {
    margin: 0;
    font-weight: 600;
  }
  .in-tools,
  .in-downloads {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }
  .in-downloads__label {
    font-weight: 700;
  }
  .in-intake {
    margin: 0;
    background: var(--ddd-intake-panel-background, var(--_surface));
  }
  .in-intake .ddd-fieldset,
  .in-intake .ddd-field {
    margin-bottom: var(--_space-4);
  }
  .in-now {
    font-weight: 700;
  }
  .in-read__title {
    margin: 0;
    font-size: 1.25rem;
  }
  .in-read {
    min-width: 0;
  }
  .ddd-notice--success {
    border-color: var(--_success);
  }

  /* Print: the dossier for the MBO's file on A4. No navigation, buttons, form or downloads; black on white. */
  @media print {
    .base,
    .in-dossier {
      display: block;
      max-inline-size: none;
      color: #000;
    }
    .in-back,
    .in-tools,
    .in-intake,
    .in-read__title,
    .live,
    .offline-live {
      display: none !important;
    }
    .title {
      margin-bottom: 0.5em;
      font-size: 16pt;
    }
    .in-facts {
      display: grid;
      grid-template-columns: repeat(4, auto);
      margin-bottom: 1em;
      font-size: 10pt;
    }
    dt {
      color: #000;
    }
    .summary,
    .ro-row {
      break-inside: avoid;
    }
    .part {
      break-before: auto;
    }
    .part + .part {
      break-before: page;
    }
  }
`;

export const styles = [...sharedStyles, fieldStyles, readOnlyAnswersStyles, consentStyles, ...worklistStyles, own];
