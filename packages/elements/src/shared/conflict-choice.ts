/**
 * The choice after a conflict, for every element that edits answers: the person and someone
 * else (another tab, a colleague, the school) both changed the same question. Per question both
 * answers side by side, the person's own answer chosen by default, and one "Opslaan". Questions
 * only one side changed never show up here: they are merged without asking.
 *
 * The texts come from the host (its own words and language); the rest is the same everywhere.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { localize, type AnswerValue, type Question, type SectionDefinition } from '@doorstroom/sdk';
import { formatAnswer } from './format.js';
import { translate } from './i18n.js';
import type { FieldConflict } from './pending-answers.js';

export type ConflictChoice = FieldConflict & { choice: 'mine' | 'server' };

export interface ConflictChoiceOptions {
  conflicts: ReadonlyArray<FieldConflict>;
  /** The section definitions, for the question labels and how to show an answer. */
  sections: ReadonlyArray<SectionDefinition>;
  /** The person's own (unsaved) answer to a conflicting question. */
  mine(conflict: FieldConflict): unknown;
  lang: string;
  text: { title: string; intro: string; mine: string; server: string; save: string };
  /** The person chose: one entry per conflict. */
  onResolve(choices: ConflictChoice[]): void;
  /** Heading level of the title (default 2). */
  headingLevel?: 2 | 3 | 4;
  /** Prefix of the ids in the shadow root (default 'conflict'); the heading is `<prefix>-heading`. */
  idPrefix?: string;
}

function valueText(question: Question | undefined, value: unknown, lang: string): string {
  if (question) return formatAnswer(question, value as AnswerValue | undefined, lang);
  if (value === undefined || value === null || value === '') return translate(lang, 'field.empty');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function heading(level: 2 | 3 | 4, id: string, text: string): TemplateResult {
  switch (level) {
    case 3:
      return html`<h3 id=${id} class="conflicts__heading" tabindex="-1">${text}</h3>`;
    case 4:
      return html`<h4 id=${id} class="conflicts__heading" tabindex="-1">${text}</h4>`;
    default:
      return html`<h2 id=${id} class="conflicts__heading" tabindex="-1">${text}</h2>`;
  }
}

/** The choice, or `nothing` when there is nothing to choose. */
export function renderConflictChoice(options: ConflictChoiceOptions): TemplateResult | typeof nothing {
  const { conflicts, lang, text } = options;
  if (conflicts.length === 0) return nothing;
  const prefix = options.idPrefix ?? 'conflict';
  const choiceName = (conflict: FieldConflict) => `${prefix}:${conflict.sectionId}:${conflict.key}`;
  const choiceId = (conflict: FieldConflict, side: 'mine' | 'server') => `${prefix}-${conflict.sectionId}-${conflict.key}-${side}`;
  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    options.onResolve(conflicts.map((conflict) => ({ ...conflict, choice: data.get(choiceName(conflict)) === 'server' ? 'server' : 'mine' })));
  };
  return html`<section class="conflicts" part="conflicts" aria-labelledby=${`${prefix}-heading`}>
    ${heading(options.headingLevel ?? 2, `${prefix}-heading`, text.title)}
    <p>${text.intro}</p>
    <form novalidate @submit=${submit}>
      ${conflicts.map((conflict) => {
        const section = options.sections.find((s) => s.id === conflict.sectionId);
        const question = section?.questions.find((q) => q.id === conflict.key);
        const label = question ? localize(question.label, lang) : conflict.key;
        const mine = options.mine(conflict);
        return html`<fieldset class="ddd-fieldset conflict">
          <legend class="ddd-legend">${section?.code ? `${section.code} ` : ''}${label}</legend>
          <div class="ddd-choices">
            ${(['mine', 'server'] as const).map(
              (side) => html`<div class="ddd-choice">
                <input type="radio" class="ddd-choice__input" id=${choiceId(conflict, side)} name=${choiceName(conflict)} value=${side} ?checked=${side === 'mine'} />
                <label class="ddd-choice__label" for=${choiceId(conflict, side)}>
                  <span class="conflict__side">${side === 'mine' ? text.mine : text.server}</span>
                  <span class="conflict__value">${valueText(question, side === 'mine' ? mine : conflict.server, lang)}</span>
                </label>
              </div>`,
            )}
          </div>
        </fieldset>`;
      })}
      <button type="submit" class="ddd-button">${text.save}</button>
    </form>
  </section>`;
}

export const conflictChoiceStyles = css`
  .conflicts {
    display: grid;
    gap: var(--_space-3);
    margin-block: var(--_space-4);
    padding: var(--_space-4);
    border: var(--_border-width) solid var(--_border);
    border-inline-start-width: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_warning-bg);
  }
  .conflicts > * {
    margin: 0;
  }
  .conflicts__heading {
    font-size: 1.25rem;
  }
  .conflicts form {
    display: grid;
    gap: var(--_space-4);
    justify-items: start;
  }
  .conflict {
    inline-size: 100%;
  }
  .conflict__side {
    display: block;
    font-weight: 600;
  }
  .conflict__value {
    display: block;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
