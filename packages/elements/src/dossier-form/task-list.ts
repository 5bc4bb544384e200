/**
 * The sections of deel A as a task list with status and percentage: a side column on wide
 * screens, folded away behind a button on phones (the styles decide with a container query).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Localized } from '@doorstroom/sdk';
import { heading, type HeadingLevel } from '../shared/heading.js';
import type { MessageVars } from '../shared/i18n.js';
import type { FormMessageKey } from './messages.js';
import type { GoToOptions, Step, TaskItem, TaskStatus } from './state.js';

/** What the task list reads from the form and asks it to do. */
export interface TaskListOptions {
  readonly level: HeadingLevel;
  /** Where the student is: a section or the check page. */
  readonly step: Step;
  /** Phones: whether the task list is unfolded. */
  readonly tasksOpen: boolean;
  t(key: FormMessageKey | (string & {}), vars?: MessageVars): string;
  localize(value: Localized | undefined): string;
  toggleTasks(): void;
  goTo(step: Step, options?: GoToOptions): void;
}

const statusKey: Record<TaskStatus, string> = {
  notStarted: 'sectionStatus.notStarted',
  inProgress: 'sectionStatus.inProgress',
  complete: 'sectionStatus.complete',
  cannotYet: 'form.sectionStatus.cannotYet',
  optional: 'form.sectionStatus.optional',
};

/**
 * The one progress figure: how many of the sections that must be done are done. Optional sections
 * (A6, A8) do not count, so "6 van 7" never hides three empty sections behind a high percentage.
 */
export function sectionsDone(items: ReadonlyArray<TaskItem>): { done: number; total: number } {
  const counted = items.filter((item) => !item.section.optional);
  return { done: counted.filter((item) => item.status === 'complete').length, total: counted.length };
}

export function renderTaskList(host: TaskListOptions, items: ReadonlyArray<TaskItem>, editable: boolean): TemplateResult {
  const step = host.step;
  const current = step.kind === 'section' && editable ? step.sectionId : undefined;
  const checking = step.kind === 'check' || !editable;
  const listId = 'ddd-task-list';
  return html`<nav class="tasks ${host.tasksOpen ? 'tasks--open' : ''}" part="tasks" aria-labelledby="tasks-heading">
    ${heading(host.level, host.t('form.tasks.title'), { id: 'tasks-heading', class: 'heading-top tasks__heading' })}
    <p class="tasks__overall">${host.t('form.tasks.done', sectionsDone(items))}</p>
    <button
      type="button"
      class="ddd-button ddd-button--secondary tasks__toggle"
      aria-expanded=${host.tasksOpen ? 'true' : 'false'}
      aria-controls=${listId}
      @click=${() => host.toggleTasks()}
    >
      ${host.tasksOpen ? host.t('form.tasks.hide') : host.t('form.tasks.show')}
    </button>
    <ol class="tasks__list" id=${listId}>
      ${items.map((item) => {
        const isCurrent = item.section.id === current;
        const title = `${item.section.code} ${host.localize(item.section.title)}`;
        const go = () => (editable ? host.goTo({ kind: 'section', sectionId: item.section.id }) : host.goTo({ kind: 'check' }, { focusSelector: `#check-${item.section.id}` }));
        return html`<li class="task task--${item.status}">
          <button type="button" class="task__button" data-section=${item.section.id} aria-current=${isCurrent ? 'step' : nothing} @click=${go}>
            <span class="task__title">${title}</span>
            <span class="task__state">
              <span class="tag tag--${item.status}">${host.t(statusKey[item.status])}</span>
            </span>
          </button>
        </li>`;
      })}
      <li class="task task--check">
        <button type="button" class="task__button" aria-current=${checking ? 'step' : nothing} @click=${() => host.goTo({ kind: 'check' })}>
          <span class="task__title">${host.t('form.tasks.check')}</span>
        </button>
      </li>
    </ol>
  </nav>`;
}
