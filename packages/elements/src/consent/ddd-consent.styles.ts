import { css } from 'lit';

// Headings are styled by their place (title, panel, part), not by their tag: the page chooses the
// levels with `heading-level`.
export const consentStyles = css`
  .consent {
    max-inline-size: var(--ddd-consent-max-width, 48rem);
    /* Keeps the column at the start edge in the element's own direction (the right in Arabic),
       whatever direction the page around it has. */
    margin-inline-end: auto;
    overflow-wrap: anywhere;
  }
  .title,
  .panel__title,
  .part__title,
  .steps__title,
  .sharing__title,
  .dossier__title,
  .confirm__title {
    line-height: 1.25;
    margin: var(--_space-5) 0 var(--_space-3);
  }
  .title {
    font-size: 1.5rem;
    margin-top: 0;
  }
  .panel__title,
  .dossier__title,
  .steps__title {
    font-size: 1.25rem;
  }
  .part__title,
  .sharing__title,
  .confirm__title {
    font-size: 1.0625rem;
  }
  .title:focus,
  .panel__title:focus,
  .confirm__title:focus {
    outline: none;
  }
  .title:focus-visible,
  .panel__title:focus-visible,
  .confirm__title:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  p {
    margin: 0 0 var(--_space-3);
  }
  .intro {
    font-size: 1.0625rem;
  }
  .inzage {
    color: var(--_text-subtle);
  }

  /* What still has to happen */
  .steps {
    margin: 0 0 var(--_space-4);
  }
  .steps__title {
    margin-top: var(--_space-4);
  }
  .steps__list {
    margin: 0 0 var(--_space-2);
    padding: 0;
    list-style: none;
    counter-reset: step;
  }
  .step {
    display: grid;
    grid-template-columns: 2rem 1fr;
    column-gap: var(--_space-2);
    padding: var(--_space-2) 0;
    border-bottom: 1px solid var(--_surface);
    counter-increment: step;
  }
  .step::before {
    content: counter(step);
    grid-row: 1 / span 2;
    display: grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border: var(--_border-width) solid var(--_border);
    border-radius: 50%;
    font-weight: 700;
  }
  .step--done::before {
    content: '✓';
    border-color: var(--_success);
    color: var(--_success);
  }
  .step--current::before {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_primary-text);
  }
  .step__state {
    grid-column: 2;
    color: var(--_text-subtle);
    font-size: 0.875em;
  }
  .step__text {
    grid-column: 2;
  }
  .step--current .step__text {
    font-weight: 700;
  }
  .steps__why {
    color: var(--_text-subtle);
  }

  .panel {
    margin: var(--_space-4) 0;
    padding: var(--_space-4);
    background: var(--ddd-consent-panel-background, var(--_surface));
    border-radius: var(--_radius);
  }
  .panel > .panel__title:first-child {
    margin-top: 0;
  }

  /* The choices */
  .sharing {
    margin: 0 0 var(--_space-4);
  }
  .sharing__title {
    margin-top: 0;
  }
  .sharing__list,
  .goes {
    margin: 0 0 var(--_space-3);
    padding-inline-start: 1.25rem;
  }
  .sharing__label {
    font-weight: 700;
    margin-bottom: 0;
  }
  .choices {
    margin-bottom: var(--_space-4);
  }
  .choices .ddd-fieldset {
    margin-bottom: var(--_space-3);
  }
  .select-all {
    margin-bottom: var(--_space-2);
  }
  .agree {
    margin-top: var(--_space-3);
  }
  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space-3);
  }
  .link-button {
    min-height: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  /* The dossier in cards */
  .read-intro {
    color: var(--_text-subtle);
  }
  .part {
    margin-block-end: var(--_space-4);
  }
  .cards {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  .card__summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-1) var(--_space-3);
    min-height: 44px;
    padding: var(--_space-2) var(--_space-3);
    cursor: pointer;
  }
  .card__title {
    font-weight: 700;
  }
  /* The marker is decoration: the group says whether it is open (empty alternative text). */
  .card__title::before {
    content: '▸ ' / '';
  }
  .card[open] .card__title::before {
    content: '▾ ' / '';
  }
  .card__summary::-webkit-details-marker {
    display: none;
  }
  .card__summary {
    list-style: none;
  }
  .card__tag {
    padding: 0 var(--_space-2);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    font-weight: 600;
  }
  .card__tag--goes,
  .card__tag--always {
    color: var(--_success);
  }
  .card__tag--notChosen,
  .card__tag--never,
  .card__tag--partly {
    color: var(--_text-subtle);
  }
  .card__body {
    padding: 0 var(--_space-3) var(--_space-3);
  }

  .offline {
    background: var(--_warning-bg);
  }
  .ddd-notice--success {
    border-color: var(--_success);
  }
  .finalize {
    margin-top: var(--_space-4);
    padding-top: var(--_space-4);
    border-top: 1px solid var(--_border);
  }
  .confirm {
    margin-top: var(--_space-3);
    padding: var(--_space-4);
    border: var(--_border-width) solid var(--ddd-consent-confirm-border-color, var(--_primary));
    border-radius: var(--_radius);
    background: var(--_background);
  }
  .confirm__title {
    margin-top: 0;
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
    .part__title,
    .panel__title {
      break-after: avoid-page;
    }
  }
`;
