import { css } from 'lit';

/** Layout of <ddd-dossier-form>: one column on phones, task list beside the form from 40rem. */
export const formStyles = css`
  :host {
    container-type: inline-size;
    --_complete: var(--ddd-form-complete-color, var(--_success));
  }
  /* Headings are styled by their place, not their tag: the page chooses the levels (heading-level). */
  h2,
  h3,
  .heading-top,
  .heading-sub {
    margin: 0 0 var(--_space-3);
    line-height: 1.25;
  }
  h2,
  .heading-top {
    font-size: 1.5rem;
  }
  h3,
  .heading-sub {
    font-size: 1.2rem;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  p {
    margin: 0 0 var(--_space-3);
  }
  .form {
    overflow-wrap: anywhere;
  }
  .form__top {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-4);
    margin-bottom: var(--_space-4);
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
  .link-button:hover {
    color: var(--_primary-hover);
  }
  /* On a phone the save status sits under the back link, on a line of its own: a longer or
     shorter status ("Alles opgeslagen" / "Niet opgeslagen wijzigingen") never wraps the line
     differently and moves the form under a finger that is about to tap. */
  @container (max-width: 40rem) {
    .form__top {
      flex-direction: column;
    }
  }
  .section__optional,
  .section__counter {
    color: var(--_text-subtle);
  }
  .consent-link {
    color: var(--_primary);
    font-weight: 700;
  }
  .tag--optional {
    color: var(--_text-subtle);
  }
  .save-status__text {
    margin: 0;
    padding: var(--_space-1) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .save-status--dirty .save-status__text,
  .save-status--error .save-status__text {
    background: var(--_warning-bg);
  }
  .save-status .ddd-notice {
    margin-top: var(--_space-2);
  }

  /* Dossier list */
  .dossiers {
    display: grid;
    gap: var(--_space-3);
    margin: 0 0 var(--_space-5);
    padding: 0;
    list-style: none;
  }
  .dossier-card {
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .dossier-card__meta,
  .dossier-card__percent {
    color: var(--_text-subtle);
  }
  .new-dossier,
  .data-export {
    padding-top: var(--_space-4);
    border-top: 1px solid var(--_border);
  }
  .data-export {
    margin-top: var(--_space-5);
  }

  .tag {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    font-weight: 600;
  }
  .tag--complete {
    color: var(--_complete);
  }
  .tag--inProgress {
    color: var(--_primary);
  }
  .tag--notStarted,
  .tag--cannotYet {
    color: var(--_text-subtle);
  }

  /* Task list and section: one column, the list folded away until asked for. */
  .layout {
    display: grid;
    gap: var(--_space-5);
  }
  .layout__main {
    min-width: 0;
  }
  .tasks {
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .tasks__heading {
    font-size: 1.125rem;
  }
  .tasks__list {
    display: none;
    margin: var(--_space-3) 0 0;
    padding: 0;
    list-style: none;
  }
  .tasks--open .tasks__list {
    display: block;
  }
  .task__button {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-1) var(--_space-2);
    inline-size: 100%;
    min-height: 44px;
    padding: var(--_space-2);
    border: 0;
    border-bottom: 1px solid var(--_border);
    background: none;
    color: var(--_primary);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .task__button:hover .task__title {
    text-decoration: underline;
  }
  .task__button[aria-current] {
    background: var(--_background);
    font-weight: 700;
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  /* box-shadow has no logical form: the marker moves to the start edge in right-to-left text. */
  .task__button[aria-current]:dir(rtl) {
    box-shadow: inset -4px 0 0 var(--_primary);
  }
  .task__state {
    display: inline-flex;
    gap: var(--_space-2);
    align-items: center;
    color: var(--_text);
  }
  @container (min-width: 40rem) {
    .layout {
      grid-template-columns: minmax(12rem, var(--ddd-form-sidebar-width, 17rem)) minmax(0, 1fr);
      align-items: start;
    }
    .tasks__toggle {
      display: none;
    }
    .tasks__list {
      display: block;
    }
  }

  .section__counter,
  .section__percent {
    color: var(--_text-subtle);
  }
  .section__nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin-top: var(--_space-5);
  }
  .section__close {
    margin-inline-start: auto;
  }
  .later {
    margin-bottom: var(--_space-5);
  }
  .ddd-error-summary {
    margin-bottom: var(--_space-4);
  }

  /* A7 */
  .ddd-select {
    max-inline-size: 36rem;
  }
  .choice-summary {
    margin: 0 0 var(--_space-5);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  /* Check your answers */
  .check__section {
    margin-bottom: var(--_space-5);
  }
  .summary-list {
    margin: 0;
  }
  .summary-list__row {
    display: grid;
    gap: var(--_space-1) var(--_space-4);
    padding: var(--_space-2) 0;
    border-bottom: 1px solid var(--_border);
  }
  @container (min-width: 40rem) {
    .summary-list__row {
      grid-template-columns: 2fr 3fr auto;
    }
  }
  .summary-list dt {
    font-weight: 700;
  }
  .summary-list dd {
    margin: 0;
    white-space: pre-line;
  }
  .summary-list__detail {
    color: var(--_text-subtle);
  }
  .summary-list__action a {
    color: var(--_primary);
  }
  .entries {
    margin: 0;
    padding-inline-start: var(--_space-4);
    white-space: normal;
  }
  .entries ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  .entries__title {
    font-weight: 600;
  }
  .submit {
    margin-top: var(--_space-5);
    padding-top: var(--_space-4);
    border-top: 2px solid var(--_border);
  }
  @media print {
    .tasks,
    .form__top,
    .submit {
      display: none;
    }
  }
`;
