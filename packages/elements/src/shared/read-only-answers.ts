/**
 * Answers shown read-only (and printable), as a template any element can put in its shadow
 * root: the mentor reads deel A with it, the consent view shows the whole dossier with it.
 *
 * @example
 *   static styles = [readOnlyAnswersStyles, …];
 *   render() { return renderAnswers(buildSections(config, dossier.type).filter((s) => s.part === 'A'), dossier.answers, 'nl'); }
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { applies, hasValue, localize, type AnswerValue, type ConditionContext, type Question, type ReferenceAnswer, type SectionAnswers, type SectionDefinition } from '@doorstroom/sdk';
import { translate } from './i18n.js';
import { formatAnswer } from './format.js';

export interface RenderAnswersOptions {
  /** What conditional questions look at; by default the section's first dossier type and guardian consent needed. */
  context?: ConditionContext;
  /** Heading level of the section titles (2–6); 3 by default. */
  headingLevel?: number;
  /** Also list optional questions that were left empty (default: only required ones show "Niet ingevuld"). */
  showEmptyOptional?: boolean;
  /** Leave out the section titles, e.g. when the caller already shows one. */
  hideTitles?: boolean;
}

/**
 * Every section as a heading and a description list (question → answer). Questions that do not
 * apply are left out; a required question without an answer says "Niet ingevuld".
 */
export function renderAnswers(
  sections: ReadonlyArray<SectionDefinition>,
  answers: Readonly<Record<string, SectionAnswers | undefined>>,
  lang: string,
  options: RenderAnswersOptions = {},
): TemplateResult {
  return html`<div class="ro-answers" part="answers">
    ${sections.map((section) => renderSection(section, answers[section.id] ?? {}, lang, options))}
  </div>`;
}

function renderSection(section: SectionDefinition, answers: SectionAnswers, lang: string, options: RenderAnswersOptions): TemplateResult {
  const context = options.context ?? { dossierType: section.dossierTypes[0] ?? 'vo-mbo', guardianConsentNeeded: true };
  const title = `${section.code ? `${section.code} ` : ''}${localize(section.title, lang)}`;
  const rows = section.questions.filter((q) => shows(q, answers, context, options));
  return html`<section class="ro-section">
    ${options.hideTitles ? nothing : heading(options.headingLevel ?? 3, title)}
    ${rows.length === 0 ? html`<p class="ro-empty">${translate(lang, 'field.empty')}</p>` : html`<dl class="ro-list">${rows.map((q) => renderRow(q, answers, lang, context, options))}</dl>`}
  </section>`;
}

function shows(question: Question, scope: SectionAnswers, context: ConditionContext, options: RenderAnswersOptions): boolean {
  if (!applies(question, scope, context)) return false;
  return question.required || question.requiredWhen !== undefined || hasValue(scope[question.id]) || !!options.showEmptyOptional;
}

/**
 * A heading of level 2–6 (callers nest the answers under their own headings). Five plain
 * templates rather than lit/static-html, which would add 0.2 kB to the script-tag bundle.
 */
export function heading(level: number, title: string, id?: string): TemplateResult {
  switch (Math.min(6, Math.max(2, Math.round(level)))) {
    case 2:
      return html`<h2 class="ro-title" id=${id ?? nothing}>${title}</h2>`;
    case 3:
      return html`<h3 class="ro-title" id=${id ?? nothing}>${title}</h3>`;
    case 4:
      return html`<h4 class="ro-title" id=${id ?? nothing}>${title}</h4>`;
    case 5:
      return html`<h5 class="ro-title" id=${id ?? nothing}>${title}</h5>`;
    default:
      return html`<h6 class="ro-title" id=${id ?? nothing}>${title}</h6>`;
  }
}

function renderRow(question: Question, scope: SectionAnswers, lang: string, context: ConditionContext, options: RenderAnswersOptions): TemplateResult {
  return html`<div class="ro-row">
    <dt>${localize(question.label, lang)}</dt>
    <dd>${renderValue(question, scope[question.id], lang, context, options)}</dd>
  </div>`;
}

const empty = (lang: string) => html`<span class="ro-missing">${translate(lang, 'field.empty')}</span>`;

const isReference = (value: unknown): value is ReferenceAnswer => typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as ReferenceAnswer).label === 'string';

// Catalogue snapshots carry codes; these are the ones a reader recognises by a label.
const labelledDetails = new Set(['crebo', 'niveau']);

function referenceDetails(value: ReferenceAnswer, lang: string): string[] {
  const detail = value.detail ?? {};
  const parts: string[] = [];
  for (const key of ['crebo', 'niveau', 'leerweg', 'plaats', 'cohort']) {
    const item = detail[key];
    if (item === undefined || item === '') continue;
    parts.push(labelledDetails.has(key) ? translate(lang, `answer.detail.${key}`, { value: item }) : String(item));
  }
  return parts;
}

function renderValue(question: Question, value: AnswerValue | undefined, lang: string, context: ConditionContext, options: RenderAnswersOptions): TemplateResult | string {
  if (question.kind === 'confirm' && value !== true) return empty(lang);
  if (question.kind === 'yesNo' ? typeof value !== 'boolean' : !hasValue(value)) return empty(lang);
  if (question.kind === 'multiChoice' && Array.isArray(value)) {
    return html`<ul class="ro-values">
      ${(value as ReadonlyArray<string>).map((v) => html`<li>${formatAnswer(question, [v], lang)}</li>`)}
    </ul>`;
  }
  if (question.kind === 'repeat' && Array.isArray(value)) {
    const itemLabel = localize(question.itemLabel, lang);
    return html`<ol class="ro-entries">
      ${(value as ReadonlyArray<SectionAnswers>).map(
        (entry, index) => html`<li>
          <span class="ro-entry-title">${translate(lang, 'repeat.entry', { item: itemLabel, number: index + 1 })}</span>
          <dl class="ro-list ro-nested">
            ${question.questions.filter((q) => shows(q, entry, context, options)).map((q) => renderRow(q, entry, lang, context, options))}
          </dl>
        </li>`,
      )}
    </ol>`;
  }
  if (question.kind === 'reference' && isReference(value)) return [value.label, ...referenceDetails(value, lang)].join(' · ');
  const text = formatAnswer(question, value, lang);
  return question.kind === 'text' && question.multiline ? html`<span class="ro-multiline">${text}</span>` : text;
}

/** Styles for `renderAnswers`; add them to the host element's `static styles`. */
export const readOnlyAnswersStyles = css`
  .ro-answers {
    container-type: inline-size;
    display: grid;
    gap: var(--_space-4, 1rem);
  }
  .ro-section {
    break-inside: avoid-page;
  }
  .ro-title {
    font-size: 1.0625rem;
    margin: 0 0 var(--_space-2, 0.5rem);
  }
  .ro-list {
    margin: 0;
    display: grid;
    gap: var(--_space-2, 0.5rem);
  }
  .ro-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.125rem;
  }
  @container (min-width: 32rem) {
    .ro-row {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: var(--_space-3, 0.75rem);
    }
  }
  dt {
    color: var(--_text-subtle, #535353);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .ro-missing,
  .ro-empty {
    color: var(--_text-subtle, #535353);
    font-style: italic;
  }
  .ro-multiline {
    white-space: pre-line;
  }
  .ro-values,
  .ro-entries {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .ro-entries > li + li {
    margin-top: var(--_space-2, 0.5rem);
  }
  .ro-entry-title {
    font-weight: 600;
  }
  .ro-nested {
    margin-top: var(--_space-1, 0.25rem);
  }
`;
