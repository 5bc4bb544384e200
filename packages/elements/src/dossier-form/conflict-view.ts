/**
 * The form's conflict choice: the shared per-question choice (shared/conflict-choice.ts) with
 * the student's words, and the save status colours while offline or waiting for a choice.
 */
import { css, nothing, type TemplateResult } from 'lit';
import type { SectionDefinition } from '@doorstroom/sdk';
import { conflictChoiceStyles, renderConflictChoice, type ConflictChoice } from '../shared/conflict-choice.js';
import type { MessageVars } from '../shared/i18n.js';
import type { FieldConflict } from './autosave.js';
import type { FormMessageKey } from './messages.js';
import type { Drafts } from './state.js';

export type { ConflictChoice } from '../shared/conflict-choice.js';

/** What the conflict choice reads from the form, and where the student's choices go. */
export interface ConflictsOptions {
  readonly lang: string;
  /** The student's answers, saved or not. */
  readonly drafts: Drafts;
  /** The questions waiting for the student's choice. */
  conflicts(): FieldConflict[];
  sections(): ReadonlyArray<SectionDefinition>;
  t(key: FormMessageKey | (string & {}), vars?: MessageVars): string;
  resolveConflicts(choices: ReadonlyArray<ConflictChoice>): void;
}

export function renderConflicts(host: ConflictsOptions): TemplateResult | typeof nothing {
  return renderConflictChoice({
    conflicts: host.conflicts(),
    sections: host.sections(),
    mine: (conflict) => host.drafts[conflict.sectionId]?.[conflict.key],
    lang: host.lang,
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
