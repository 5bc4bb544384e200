/**
 * Shared styles. Theme with `--ddd-*` custom properties on the page (any ancestor) or on an
 * element; names follow NL Design System tokens where one exists. Every element includes
 * `sharedStyles`; forms also include `fieldStyles`.
 *
 * Tokens: --ddd-font-family, --ddd-font-size, --ddd-line-height, --ddd-color-text,
 * --ddd-color-text-subtle, --ddd-color-background, --ddd-color-surface, --ddd-color-border,
 * --ddd-color-primary, --ddd-color-primary-text, --ddd-color-primary-hover, --ddd-color-error,
 * --ddd-color-success, --ddd-color-warning-background, --ddd-focus-outline-color,
 * --ddd-focus-outline-width, --ddd-focus-background-color, --ddd-border-radius,
 * --ddd-border-width, --ddd-space-1 … --ddd-space-6.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font-family: var(--ddd-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_font-size: var(--ddd-font-size, 1rem);
    --_line-height: var(--ddd-line-height, 1.5);
    --_text: var(--ddd-color-text, #1a1a1a);
    --_text-subtle: var(--ddd-color-text-subtle, #535353);
    --_background: var(--ddd-color-background, #ffffff);
    --_surface: var(--ddd-color-surface, #f3f3f3);
    --_border: var(--ddd-color-border, #6b6b6b);
    --_primary: var(--ddd-color-primary, #01689b);
    --_primary-text: var(--ddd-color-primary-text, #ffffff);
    --_primary-hover: var(--ddd-color-primary-hover, #004b71);
    --_error: var(--ddd-color-error, #b3261e);
    --_success: var(--ddd-color-success, #2a7a0b);
    --_warning-bg: var(--ddd-color-warning-background, #fff4d6);
    --_focus: var(--ddd-focus-outline-color, #1a1a1a);
    --_focus-width: var(--ddd-focus-outline-width, 3px);
    --_focus-bg: var(--ddd-focus-background-color, #ffdd00);
    --_radius: var(--ddd-border-radius, 4px);
    --_border-width: var(--ddd-border-width, 2px);
    --_space-1: var(--ddd-space-1, 0.25rem);
    --_space-2: var(--ddd-space-2, 0.5rem);
    --_space-3: var(--ddd-space-3, 0.75rem);
    --_space-4: var(--ddd-space-4, 1rem);
    --_space-5: var(--ddd-space-5, 1.5rem);
    --_space-6: var(--ddd-space-6, 2rem);
  }
`;

export const baseStyles = css`
  /* Inherited properties of the page stop at the host (a framework's '#root { text-align: center }'
     must not centre every label); the theming inputs are the --ddd-* tokens and ::part(). */
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-style: normal;
    font-weight: 400;
    line-height: var(--_line-height);
    color: var(--_text);
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    word-break: normal;
    overflow-wrap: break-word;
    min-width: 0;
    /* The width of the container, also as an item of a centring flex or grid box (create-vite's
       '#center { place-items: center }'): the layout follows the element's own width (container
       queries), so it has no content width to shrink to and would be 0 px wide there. A rule on
       the element itself (max-inline-size, width) still makes it narrower. */
    inline-size: -webkit-fill-available;
    inline-size: stretch;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .ddd-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .ddd-notice {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface);
  }
  .ddd-notice--error {
    border-color: var(--_error);
  }
  .ddd-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-height: 44px;
    padding: var(--_space-2) var(--_space-4);
    border: var(--_border-width) solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_primary-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .ddd-button:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .ddd-button--secondary {
    background: var(--_background);
    color: var(--_primary);
  }
  .ddd-button--secondary:hover {
    background: var(--_surface);
    color: var(--_primary-hover);
  }
  .ddd-button[disabled],
  .ddd-button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
  @media print {
    :host {
      color: #000;
    }
    .ddd-button,
    .ddd-no-print {
      display: none !important;
    }
  }
`;

/** Every element's base: tokens, typography, focus ring, visually-hidden text, buttons, print. */
export const sharedStyles = [tokens, baseStyles];

/** Styles for `fields.ts`, `combobox.ts` and `error-summary.ts` (GOV.UK / NL Design System look). */
export const fieldStyles = css`
  .ddd-field,
  .ddd-fieldset {
    margin: 0 0 var(--_space-5);
  }
  .ddd-fieldset {
    min-width: 0;
    padding: 0;
    border: 0;
  }
  .ddd-field--error {
    padding-inline-start: var(--_space-3);
    border-inline-start: 4px solid var(--_error);
  }
  .ddd-label,
  .ddd-legend {
    display: block;
    margin-bottom: var(--_space-1);
    padding: 0;
    font-weight: 700;
  }
  .ddd-legend--entry {
    font-size: 1.125em;
  }
  .ddd-optional {
    font-weight: 400;
    color: var(--_text-subtle);
  }
  .ddd-help {
    margin: 0 0 var(--_space-2);
    color: var(--_text-subtle);
  }
  .ddd-error-message {
    margin: 0 0 var(--_space-2);
    color: var(--_error);
    font-weight: 700;
  }
  .ddd-input,
  .ddd-textarea {
    display: block;
    inline-size: 100%;
    max-inline-size: 36rem;
    min-height: 44px;
    padding: var(--_space-2);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: inherit;
    font: inherit;
  }
  .ddd-input--short {
    max-inline-size: 12rem;
  }
  .ddd-input--date {
    max-inline-size: 14rem;
  }
  .ddd-input[aria-invalid='true'],
  .ddd-textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .ddd-input::placeholder,
  .ddd-textarea::placeholder {
    color: var(--_text-subtle);
    opacity: 1;
  }
  .ddd-input:focus,
  .ddd-textarea:focus {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus);
  }
  .ddd-choices {
    display: grid;
    gap: var(--_space-2);
  }
  .ddd-choices--inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-5);
  }
  .ddd-choice {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: var(--_space-2);
  }
  .ddd-choice__input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_primary);
  }
  .ddd-choice__label {
    cursor: pointer;
  }
  /* Focus on a radio button or tick box is unmistakable, ticked or not: a yellow band between the
     box and a thick dark ring, and the whole row (box, label, hint) on the focus colour. */
  .ddd-choice__input:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus-bg);
  }
  .ddd-choice:has(> .ddd-choice__input:focus-visible) {
    background: var(--_focus-bg);
    box-shadow: 0 0 0 var(--_space-1) var(--_focus-bg);
    border-radius: 2px;
  }
  .ddd-choice__hint {
    grid-column: 2;
    color: var(--_text-subtle);
  }
  .ddd-repeat__entries {
    margin: 0 0 var(--_space-3);
    padding: 0;
    list-style: none;
  }
  .ddd-repeat__fieldset {
    margin-bottom: var(--_space-4);
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .ddd-combobox {
    position: relative;
    max-inline-size: 36rem;
  }
  .ddd-combobox__listbox {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    max-block-size: 18rem;
    overflow-y: auto;
    margin: 0;
    padding: 0;
    border: var(--_border-width) solid var(--_border);
    border-top: 0;
    background: var(--_background);
    list-style: none;
  }
  .ddd-combobox__listbox[hidden] {
    display: none;
  }
  .ddd-combobox__option {
    display: flex;
    flex-direction: column;
    overflow-wrap: anywhere;
    padding: var(--_space-2) var(--_space-3);
    border-bottom: 1px solid var(--_surface);
    cursor: pointer;
  }
  .ddd-combobox__option:hover {
    background: var(--_surface);
  }
  .ddd-combobox__option[aria-selected='true'] {
    background: var(--_primary);
    color: var(--_primary-text);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .ddd-combobox__detail {
    font-size: 0.875em;
  }
  .ddd-combobox__status {
    /* It repeats what was typed ("Geen resultaten voor …"), which may be one long word. */
    overflow-wrap: anywhere;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-top: 0;
    color: var(--_text-subtle);
  }
  .ddd-combobox__status[hidden] {
    display: none;
  }
  .ddd-error-summary {
    margin: 0 0 var(--_space-5);
    padding: var(--_space-4);
    border: 4px solid var(--_error);
  }
  .ddd-error-summary:focus {
    outline: var(--_focus-width) solid var(--_focus);
  }
  .ddd-error-summary__title {
    margin: 0 0 var(--_space-3);
    font-size: 1.25em;
  }
  .ddd-error-summary__list {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  .ddd-error-summary__list a {
    color: var(--_error);
    font-weight: 700;
  }
  @media print {
    .ddd-input,
    .ddd-textarea {
      border: 1px solid #000;
    }
  }
`;
