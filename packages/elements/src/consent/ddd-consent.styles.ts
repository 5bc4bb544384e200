import { css } from 'lit';

export const consentStyles = css`
  .consent {
    max-inline-size: var(--ddd-consent-max-width, 48rem);
    /* Keeps the column at the start edge in the element's own direction (the right in Arabic),
       whatever direction the page around it has. */
    margin-inline-end: auto;
    overflow-wrap: anywhere;
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: var(--_space-5) 0 var(--_space-3);
  }
  h2 {
    font-size: 1.5rem;
    margin-top: 0;
  }
  h3 {
    font-size: 1.25rem;
  }
  h4 {
    font-size: 1.0625rem;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  p {
    margin: 0 0 var(--_space-3);
  }
  .inzage {
    color: var(--_text-subtle);
  }
  .part {
    margin-block-end: var(--_space-5);
  }
  .panel {
    margin: var(--_space-5) 0;
    padding: var(--_space-4);
    background: var(--ddd-consent-panel-background, var(--_surface));
    border-radius: var(--_radius);
  }
  .panel > h3:first-child {
    margin-top: 0;
  }
  .sharing {
    margin: var(--_space-4) 0;
  }
  .sharing ul {
    margin: 0 0 var(--_space-3);
    padding-inline-start: 1.25rem;
  }
  .sharing__label {
    font-weight: 600;
    margin-bottom: var(--_space-1);
  }
  .offline {
    background: var(--_warning-bg);
  }
  .ddd-notice--success {
    border-color: var(--_success);
  }
  .status--done {
    font-weight: 600;
  }
  .back-intro {
    margin-top: var(--_space-5);
  }
  .confirm {
    margin-top: var(--_space-3);
    padding: var(--_space-4);
    border: var(--_border-width) solid var(--ddd-consent-confirm-border-color, var(--_primary));
    border-radius: var(--_radius);
    background: var(--_background);
  }
  .confirm h4 {
    margin-top: 0;
  }
  .confirm h4:focus {
    outline: none;
  }
  .confirm h4:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  .confirm__buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  .summary dl {
    margin: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0;
  }
  .multiline {
    white-space: pre-line;
  }
  .print-button {
    margin-bottom: var(--_space-4);
  }
  @media print {
    .consent {
      max-inline-size: none;
    }
    .panel {
      background: none;
      padding: 0;
    }
    .live,
    .offline-live,
    .inzage {
      display: none;
    }
    h3 {
      break-after: avoid-page;
    }
  }
`;
