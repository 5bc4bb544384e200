/**
 * Check your answers (WCAG 3.3.4): every question of deel A that applies, with its answer as
 * text and a "Wijzig" link that opens the question and comes back here afterwards. When deel A
 * cannot change any more, the same overview shows read-only with the status explained.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { applies, hasValue, localize, registeredQuestionIds, type Actor, type Question, type SectionAnswers, type SectionDefinition } from '@doorstroom/sdk';
import { formatAnswer } from '../shared/format.js';
import { below, heading, type HeadingLevel } from '../shared/heading.js';
import type { Drafts, DraftView, GoToOptions, Step } from './state.js';
import { renderStatusActions, statusActions, type StatusActionsOptions } from './status-actions.js';

/** What the check page reads from the form and asks it to do. */
export interface CheckAnswersOptions extends StatusActionsOptions {
  readonly level: HeadingLevel;
  readonly me?: Actor;
  /** The day the workflow judges on. */
  readonly now: Date;
  /** The student's answers, saved or not. */
  readonly drafts: Drafts;
  sections(): ReadonlyArray<SectionDefinition>;
  goTo(step: Step, options?: GoToOptions): void;
  /** The akkoordverklaring, from the read-only view. */
  openConsent(): void;
  /** The send block under the answers (`SubmitStep`). */
  renderSubmit(view: DraftView): TemplateResult;
}

export function renderCheckAnswers(host: CheckAnswersOptions, view: DraftView, editable: boolean): TemplateResult {
  const lang = host.lang;
  const dossier = view.dossier;
  const sections = host.sections();
  const incomplete = sections.filter((s) => view.completion.sections[s.id]?.status !== 'complete');
  const readonlyKey = dossier.archived ? 'form.readonly.archived' : `form.readonly.${dossier.status}`;
  return html`<section class="check" part="check" aria-labelledby="form-heading">
    ${heading(host.level, host.t('form.check.title'), { id: 'form-heading', class: 'heading-top', tabindex: -1 })}
    ${
      editable
        ? html`<p>${host.t('form.check.intro')}</p>`
        : html`<div class="ddd-notice readonly" part="notice">
          <p class="readonly__title"><strong>${host.t('form.readonly.title')}</strong></p>
          <p>${host.t(readonlyKey)}</p>
          ${
            dossier.status === 'akkoord' && !dossier.archived
              ? html`<p>
                <a class="consent-link" href="#akkoordverklaring" @click=${(event: Event) => {
                  event.preventDefault();
                  host.openConsent();
                }}>${host.t('form.consent.open')}</a>
              </p>`
              : nothing
          }
          ${renderStatusActions(host, statusActions(host.me!, dossier, host.config!, host.now))}
        </div>`
    }
    ${
      editable && incomplete.length > 0
        ? html`<p class="ddd-notice">
          ${host.t('form.check.incomplete', { sections: incomplete.map((s) => `${s.code} ${localize(s.title, lang)}`).join(', ') })}
        </p>`
        : nothing
    }
    ${sections.map((section) => renderSection(host, section, host.drafts[section.id] ?? {}, view, editable))}
    ${editable ? host.renderSubmit(view) : nothing}
  </section>`;
}

function renderSection(host: CheckAnswersOptions, section: SectionDefinition, answers: SectionAnswers, view: DraftView, editable: boolean): TemplateResult {
  const lang = host.lang;
  const shown = section.questions.filter((q) => applies(q, answers, view.context));
  // An optional section the student skipped is one line, not a row of "Niet ingevuld" per question.
  const skipped = section.optional && !Object.values(answers).some((value) => hasValue(value));
  const open = (event: Event) => {
    event.preventDefault();
    host.goTo({ kind: 'section', sectionId: section.id }, { returnToCheck: true });
  };
  let body: TemplateResult;
  if (skipped) {
    body = html`<p class="check__skipped">
      ${host.t('form.check.skipped')}
      ${editable ? html`<a href="#ddd-${section.id}" @click=${open}>${host.t('form.check.fillIn')}<span class="ddd-visually-hidden"> ${localize(section.title, lang)}</span></a>` : nothing}
    </p>`;
  } else if (shown.length === 0) body = html`<p>${host.t('form.check.notApplicable')}</p>`;
  else body = html`<dl class="summary-list">${shown.map((q) => renderRow(host, section, q, answers, view, editable))}</dl>`;
  return html`<section class="check__section" aria-labelledby="check-${section.id}">
    ${heading(below(host.level, 1), html`${section.code} ${localize(section.title, lang)}${section.optional ? html` <span class="ddd-optional">${host.t('field.optional')}</span>` : nothing}`, { id: `check-${section.id}`, class: 'heading-sub', tabindex: -1 })}
    ${body}
  </section>`;
}

function renderRow(host: CheckAnswersOptions, section: SectionDefinition, question: Question, answers: SectionAnswers, view: DraftView, editable: boolean): TemplateResult {
  const lang = host.lang;
  const label = localize(question.label, lang);
  // What the school registered cannot be changed here: say where it comes from instead of "Wijzig".
  const registered = section.id === 'persoonlijk' && registeredQuestionIds(view.dossier).includes(question.id);
  const value = answers[question.id];
  const change = (event: Event) => {
    event.preventDefault();
    host.goTo({ kind: 'section', sectionId: section.id }, { returnToCheck: true, focusPath: question.id });
  };
  return html`<div class="summary-list__row">
    <dt>${label}</dt>
    <dd>${question.kind === 'repeat' && Array.isArray(value) && value.length > 0 ? renderEntries(host, question, value as SectionAnswers[], view) : formatAnswer(question, value, lang)}</dd>
    ${editable && registered ? html`<dd class="summary-list__action">${host.t('form.check.registered')}</dd>` : nothing}
    ${
      editable && !registered
        ? html`<dd class="summary-list__action">
          <a href="#ddd-${question.id}" @click=${change}>${host.t('form.check.change')}<span class="ddd-visually-hidden"> ${label}</span></a>
        </dd>`
        : nothing
    }
  </div>`;
}

function renderEntries(host: CheckAnswersOptions, question: Extract<Question, { kind: 'repeat' }>, entries: SectionAnswers[], view: DraftView): TemplateResult {
  const lang = host.lang;
  const item = localize(question.itemLabel, lang);
  return html`<ol class="entries">
    ${entries.map(
      (entry, index) => html`<li>
        <span class="entries__title">${host.t('form.check.entry', { item, number: index + 1 })}</span>
        <ul>
          ${question.questions
            .filter((q) => applies(q, entry, view.context) && entry[q.id] !== undefined && entry[q.id] !== null && entry[q.id] !== '')
            .map((q) => html`<li>${localize(q.label, lang)}: ${formatAnswer(q, entry[q.id], lang)}</li>`)}
        </ul>
      </li>`,
    )}
  </ol>`;
}
