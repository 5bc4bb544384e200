/**
 * The form's conflict choice: the shared per-question choice (shared/conflict-choice.ts) with
 * the student's words, and the save status colours while offline or waiting for a choice.
 */
import { css, nothing, type TemplateResult } from 'lit';
import { conflictChoiceStyles, renderConflictChoice, type ConflictChoice } from '../shared/conflict-choice.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';

export type { ConflictChoice } from '../shared/conflict-choice.js';

export function renderConflicts(host: DddDossierForm): TemplateResult | typeof nothing {
  return renderConflictChoice({
    conflicts: host.autosave.conflicts(),
    sections: host.sections(),
    mine: (conflict) => host.drafts[conflict.sectionId]?.[conflict.key],
    lang: host.locale.lang,
    text: {
      title: host.t('form.conflict.title'),
      intro: host.t('form.conflict.intro'),
      mine: host.t('form.conflict.mine'),
      server: host.t('form.conflict.server'),
      save: host.t('form.conflict.save'),
    },
    onResolve: (choices: ConflictChoice[]) => host.resolveConflicts(choices),
  });
}

/** The conflict choice, and the save status while offline or waiting for a choice. */
export const conflictStyles = [
  conflictChoiceStyles,
  css`
    .save-status--offline .save-status__text,
    .save-status--conflict .save-status__text {
      background: var(--_warning-bg);
    }
  `,
];
