import { css } from 'lit';

export const progressStyles = css`
  :host {
    container-type: inline-size;
    --_bar-height: var(--ddd-progress-bar-height, 0.75rem);
    --_bar-color: var(--ddd-progress-bar-color, var(--_primary));
    --_complete-color: var(--ddd-progress-complete-color, var(--_success));
    --_track-color: var(--ddd-progress-track-color, #dcdcdc);
    --_step-size: var(--ddd-progress-step-size, 2rem);
  }

  .stepper {
    display: flex;
    gap: var(--_space-2);
    margin: 0 0 var(--_space-4);
    padding: 0;
    list-style: none;
    counter-reset: step;
  }
  .step {
    display: flex;
    flex: 1 1 0;
    align-items: center;
    gap: var(--_space-2);
    min-width: 0;
    color: var(--_text-subtle);
  }
  .step:not(:last-child)::after {
    content: '';
    flex: 1 1 auto;
    min-width: var(--_space-3);
    border-top: var(--_border-width) solid var(--_track-color);
  }
  .step--done:not(:last-child)::after {
    border-color: var(--_complete-color);
  }
  .step__marker {
    display: inline-grid;
    flex: none;
    place-items: center;
    inline-size: var(--_step-size);
    block-size: var(--_step-size);
    border: var(--_border-width) solid currentColor;
    border-radius: 50%;
    background: var(--_background);
    font-weight: 700;
  }
  .step--done {
    color: var(--_text);
  }
  .step--done .step__marker {
    border-color: var(--_complete-color);
    background: var(--_complete-color);
    color: #fff;
  }
  .step--here {
    color: var(--_text);
    font-weight: 700;
  }
  .step--current .step__marker {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_primary-text);
  }

  .archived {
    display: inline-block;
    margin: 0 0 var(--_space-3);
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    font-weight: 600;
  }

  .overall,
  .section {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: baseline;
    gap: var(--_space-1) var(--_space-3);
  }
  .overall {
    margin-bottom: var(--_space-4);
    font-weight: 600;
  }
  .overall .bar,
  .section .bar {
    grid-column: 1 / -1;
  }

  .part__title {
    margin: var(--_space-4) 0 var(--_space-2);
    font-weight: 700;
  }
  .sections {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .section {
    grid-template-columns: 1fr auto auto;
  }
  .section__status {
    color: var(--_text-subtle);
    font-size: 0.875em;
  }
  .section--complete .section__status {
    color: var(--_success);
    font-weight: 600;
  }
  .section__percent {
    min-width: 3.5ch;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .bar {
    overflow: hidden;
    block-size: var(--_bar-height);
    border-radius: calc(var(--_bar-height) / 2);
    background: var(--_track-color);
  }
  .bar__fill {
    block-size: 100%;
    background: var(--_bar-color);
    transition: inline-size 0.3s ease;
  }
  .bar--complete .bar__fill {
    background: var(--_complete-color);
  }

  :host([compact]) .overall {
    margin-bottom: 0;
  }

  /* Narrow containers (phones at 320 px, dashboard tiles): steps stack. */
  @container (max-width: 28rem) {
    .stepper {
      flex-direction: column;
      gap: var(--_space-1);
    }
    .step:not(:last-child)::after {
      display: none;
    }
    .section {
      grid-template-columns: 1fr auto;
    }
    .section__status {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }

  @media print {
    .bar {
      border: 1px solid #000;
    }
    .bar__fill {
      background: #000 !important;
      print-color-adjust: exact;
    }
  }
`;
