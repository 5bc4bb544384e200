/**
 * The choice after a conflict: the person and someone else (another tab, a parent, the school)
 * both changed the same question. Per question both answers side by side, "Jouw antwoord"
 * chosen by default, and one "Opslaan". Questions only one side changed never show up here:
 * they are merged without asking.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { localize, type AnswerValue, type Question } from '@doorstroom/sdk';
import { formatAnswer } from '../shared/format.js';
import { translate } from '../shared/i18n.js';
import type { FieldConflict } from './autosave.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';

export type ConflictChoice = FieldConflict & { choice: 'mine' | 'server' };

const choiceName = (conflict: FieldConflict) => `conflict:${conflict.sectionId}:${conflict.key}`;
const choiceId = (conflict: FieldConflict, side: 'mine' | 'server') => `conflict-${conflict.sectionId}-${conflict.key}-${side}`;

function valueText(question: Question | undefined, value: unknown, lang: string): string {
  if (question) return formatAnswer(question, value as AnswerValue | undefined, lang);
  if (value === undefined || value === null || value === '') return translate(lang, 'field.empty');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function renderConflicts(host: DddDossierForm): TemplateResult | typeof nothing {
  const conflicts = host.autosave.conflicts();
  if (conflicts.length === 0) return nothing;
  const lang = host.locale.lang;
  const sections = host.sections();
  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    host.resolveConflicts(conflicts.map((conflict) => ({ ...conflict, choice: data.get(choiceName(conflict)) === 'server' ? 'server' : 'mine' })));
  };
  return html`<section class="conflicts" part="conflicts" aria-labelledby="conflict-heading">
    <h2 id="conflict-heading" class="conflicts__heading" tabindex="-1">${host.t('form.conflict.title')}</h2>
    <p>${host.t('form.conflict.intro')}</p>
    <form novalidate @submit=${submit}>
      ${conflicts.map((conflict) => {
        const section = sections.find((s) => s.id === conflict.sectionId);
        const question = section?.questions.find((q) => q.id === conflict.key);
        const label = question ? localize(question.label, lang) : conflict.key;
        const mine = host.drafts[conflict.sectionId]?.[conflict.key];
        return html`<fieldset class="ddd-fieldset conflict">
          <legend class="ddd-legend">${section ? `${section.code} ` : ''}${label}</legend>
          <div class="ddd-choices">
            ${(['mine', 'server'] as const).map(
              (side) => html`<div class="ddd-choice">
                <input type="radio" class="ddd-choice__input" id=${choiceId(conflict, side)} name=${choiceName(conflict)} value=${side} ?checked=${side === 'mine'} />
                <label class="ddd-choice__label" for=${choiceId(conflict, side)}>
                  <span class="conflict__side">${host.t(side === 'mine' ? 'form.conflict.mine' : 'form.conflict.server')}</span>
                  <span class="conflict__value">${valueText(question, side === 'mine' ? mine : conflict.server, lang)}</span>
                </label>
              </div>`,
            )}
          </div>
        </fieldset>`;
      })}
      <button type="submit" class="ddd-button">${host.t('form.conflict.save')}</button>
    </form>
  </section>`;
}

/** The conflict choice, and the save status while offline or waiting for a choice. */
export const conflictStyles = css`
  .save-status--offline .save-status__text,
  .save-status--conflict .save-status__text {
    background: var(--_warning-bg);
  }
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
