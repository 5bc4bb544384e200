/**
 * The error summary at the top of a form (GOV.UK / NL Design System pattern): a heading and a
 * list of links to the fields with an error. It takes focus when it appears and again after
 * every new attempt (`focusKey` changes), so a screen reader user hears what to fix.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { fieldId, focusField } from './fields.js';
import { translate } from './i18n.js';
import { heading, type HeadingLevel } from './heading.js';
import { focusElement } from './motion.js';

export interface SummaryError {
  /** Path of the field, as in `validateSection` ('postcode', 'ervaring.0.organisatie'). */
  path: string;
  /** Already in the user's language. */
  message: string;
}

export interface ErrorSummaryOptions {
  errors: ReadonlyArray<SummaryError>;
  lang: string;
  /** Focus moves to the summary whenever this value changes (use `FeedbackController.attempt`). */
  focusKey?: unknown;
  /** Same prefix as the fields' `idPrefix` (default 'ddd'). */
  idPrefix?: string;
  /** Overrides the heading "Er ging iets mis". */
  title?: string;
  /** The level of its heading: the element's top level, or one below (default 2). */
  headingLevel?: HeadingLevel;
}

class FocusOnChange extends Directive {
  private last: unknown;
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('focusOnChange belongs on an element');
  }
  render(_key: unknown) {
    return nothing;
  }
  override update(part: ElementPart, [key]: [unknown]) {
    if (key !== this.last) {
      this.last = key;
      const element = part.element as HTMLElement;
      // After the render that shows the summary has been committed.
      requestAnimationFrame(() => element.isConnected && focusElement(element, 'start'));
    }
    return nothing;
  }
}
/** Focuses the element when `key` changes (also on first render). */
export const focusOnChange = directive(FocusOnChange);

/** Renders nothing when there are no errors. */
export function renderErrorSummary(options: ErrorSummaryOptions): TemplateResult | typeof nothing {
  const { errors, lang, idPrefix = 'ddd', headingLevel = 2 } = options;
  if (errors.length === 0) return nothing;
  const titleId = `${idPrefix}-error-summary-title`;
  const follow = (path: string) => (event: Event) => {
    event.preventDefault();
    // Hash links cannot reach into a shadow root, so the field is found and focused here.
    focusField((event.currentTarget as Element).getRootNode() as ShadowRoot | Document, path, idPrefix);
  };
  return html`
    <div class="ddd-error-summary" tabindex="-1" ${focusOnChange(options.focusKey)}>
      <div role="alert">
        ${heading(headingLevel, options.title ?? translate(lang, 'errorSummary.title'), { id: titleId, class: 'ddd-error-summary__title' })}
        <ul class="ddd-error-summary__list">
          ${errors.map((error) => html`<li><a href="#${fieldId(error.path, idPrefix)}" @click=${follow(error.path)}>${error.message}</a></li>`)}
        </ul>
      </div>
    </div>
  `;
}
