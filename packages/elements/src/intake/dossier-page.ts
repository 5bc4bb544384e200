/**
 * A received dossier as the intake officer opens it: the facts of the application, printing and
 * downloads, the intake status with the form that changes it, and the dossier itself exactly as
 * the MBO may read it. The dossier is rendered by <ddd-consent>'s read-only views (the consent
 * record and deel A and B as the backend sent them to the MBO: only what the student shared, and
 * nothing that names or hints at what they did not). Templates only: the element owns the state.
 *
 * Printing (`@media print`, see ddd-intake.styles.ts) leaves the navigation, the buttons and the
 * intake form out: what is left is the dossier for the MBO's file on A4.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { localize, type Decision, type Dossier, type Question, type RegionConfig } from '@doorstroom/sdk';
import { renderDossier, renderFinalSummary } from '../consent/views.js';
import { renderErrorSummary, type SummaryError } from '../shared/error-summary.js';
import { renderField } from '../shared/fields.js';
import { below, heading, type HeadingLevel } from '../shared/heading.js';
import { choosableStatuses, redenMaxLength, type ChoosableStatus, type IntakeDraft } from './worklist.js';
import { shortDate, statusText } from './worklist-view.js';

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A message after saving: success in the live region, an error as an alert. */
export interface IntakeNotice {
  kind: 'success' | 'error';
  text: string;
}

export interface IntakeDossierOptions {
  lang: string;
  t: Translate;
  level: HeadingLevel;
  dossier: Dossier;
  config: RegionConfig;
  /** Whether this person may set the status (the SDK's `canSetIntake`); the form shows only when allowed. */
  decision: Decision;
  draft: IntakeDraft;
  /** Errors for the summary (after "Status opslaan" with something missing), in the user's language. */
  summary: SummaryError[];
  /** The error to show under a field now (GOV.UK: after leaving a changed field, or after submitting). */
  errorFor(path: string): string | undefined;
  focusKey: number;
  busy: boolean;
  notice?: IntakeNotice;
  /** The offline notice (a live region that is always there). */
  offline: TemplateResult;
  change(path: 'status' | 'datum' | 'reden', change: Partial<IntakeDraft>): void;
  left(path: string): void;
  submit(): void;
  back(): void;
  print(): void;
  downloadJson(): void;
  downloadCsv(): void;
  /** Absent when the backend cannot make a PDF (the `api` has no `dossierPdf`). */
  downloadPdf?(): void;
  pdfBusy?: boolean;
}

const idPrefix = 'in';

/**
 * A question for `renderField` whose texts are already in the element's language: the form's
 * labels are the element's own UI strings, not SDK texts that language packs translate.
 */
const shown = (text: string) => ({ nl: text, en: text });

export function renderIntakeDossier(options: IntakeDossierOptions): TemplateResult {
  const { t, lang, dossier, level } = options;
  const sub = below(level, 1);
  return html`<article class="in-dossier" part="dossier" aria-labelledby="dossier-title">
    <button type="button" class="in-back ddd-no-print" id="in-back" @click=${() => options.back()}>${t('intake.back')}</button>
    ${heading(level, t('intake.dossier.title', { naam: dossier.student.naam }), { id: 'dossier-title', class: 'title', tabindex: -1 })}
    ${renderFacts(options)} ${renderTools(options)} ${renderIntake(options)}
    <section class="in-read" aria-labelledby="in-read-title">
      ${heading(sub, t('intake.dossier.read'), { id: 'in-read-title', class: 'in-read__title' })}
      ${renderFinalSummary(dossier, options.config, lang, below(sub, 1), { sharing: false })}
      ${renderDossier(dossier, options.config, { lang, level: below(sub, 1), mode: 'full', answers: dossier.answers })}
    </section>
  </article>`;
}

const reference = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { label?: unknown }).label === 'string'
    ? (value as { label: string; detail?: Record<string, string | number> })
    : undefined;

/** What the application is for: when it arrived, which opleiding (crebo) at which locatie, which cohort. */
function renderFacts(options: IntakeDossierOptions): TemplateResult {
  const { t, lang, dossier } = options;
  const keuze = dossier.answers['vervolgkeuze'] ?? {};
  const opleiding = reference(keuze['opleiding']);
  const locatie = reference(keuze['locatie']);
  const crebo = opleiding?.detail?.['crebo'];
  const cohort = opleiding?.detail?.['cohort'];
  const plaats = locatie?.detail?.['plaats'];
  const row = (label: string, value: unknown) => (value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing);
  return html`<dl class="in-facts" aria-label=${t('intake.dossier.facts')}>
    ${row(t('intake.dossier.received'), shortDate(dossier.finalizedAt ?? undefined, lang))}
    ${row(t('intake.dossier.opleiding'), opleiding ? `${opleiding.label}${crebo ? ` (${t('intake.crebo', { crebo })})` : ''}` : '')}
    ${row(t('intake.dossier.locatie'), locatie ? `${locatie.label}${plaats ? `, ${plaats}` : ''}` : '')}
    ${row(t('intake.dossier.cohort'), cohort ?? '')}
  </dl>`;
}

/** Print, and the downloads: PDF (when the backend makes one), the dossier as JSON, the CSV row. */
function renderTools(options: IntakeDossierOptions): TemplateResult {
  const { t } = options;
  return html`<div class="in-tools ddd-no-print" part="tools">
    <button type="button" class="ddd-button ddd-button--secondary" id="in-print" @click=${() => options.print()}>${t('intake.print')}</button>
    <div class="in-downloads" role="group" aria-labelledby="in-downloads-label">
      <span id="in-downloads-label" class="in-downloads__label">${t('intake.downloads')}</span>
      ${
        options.downloadPdf
          ? html`<button type="button" class="ddd-button ddd-button--secondary" id="in-pdf" aria-disabled=${options.pdfBusy ? 'true' : 'false'} @click=${() => options.downloadPdf!()}>
            ${t('intake.pdf')}
          </button>`
          : nothing
      }
      <button type="button" class="ddd-button ddd-button--secondary" id="in-json" @click=${() => options.downloadJson()}>${t('intake.json')}</button>
      <button type="button" class="ddd-button ddd-button--secondary" id="in-csv" @click=${() => options.downloadCsv()}>${t('intake.csv')}</button>
    </div>
  </div>`;
}

/** The status now, and the form that sets a new one (GOV.UK: error summary on top, errors at the fields). */
function renderIntake(options: IntakeDossierOptions): TemplateResult {
  const { t, lang, dossier } = options;
  const sub = below(options.level, 1);
  const intake = dossier.intake;
  const status = intake?.status ?? 'nieuw';
  const notice = options.notice;
  return html`<section class="panel in-intake ddd-no-print" part="intake" aria-labelledby="in-intake-title">
    ${heading(sub, t('intake.status.title'), { id: 'in-intake-title', class: 'panel__title' })}
    <p class="in-now">${t('intake.status.now', { status: statusText(status, lang) })}</p>
    ${intake?.datum && status !== 'nietGeplaatst' ? html`<p>${t('intake.status.planned', { date: shortDate(intake.datum, lang) })}</p>` : nothing}
    ${status === 'nietGeplaatst' && intake?.reden ? html`<p class="multiline">${t('intake.status.reason', { reden: intake.reden })}</p>` : nothing}
    ${options.offline}
    <div class="live" role="status">${notice?.kind === 'success' ? html`<p class="ddd-notice ddd-notice--success" part="notice">${notice.text}</p>` : nothing}</div>
    ${notice?.kind === 'error' ? html`<p class="ddd-notice ddd-notice--error" part="notice" role="alert" id="in-action-error" tabindex="-1">${notice.text}</p>` : nothing}
    ${options.decision.allowed ? renderForm(options) : html`<p class="ddd-notice" part="notice">${localize(options.decision.refusal.message, lang)}</p>`}
  </section>`;
}

function renderForm(options: IntakeDossierOptions): TemplateResult {
  const { t, lang, draft } = options;
  const sub = below(options.level, 2);
  const statusQuestion: Question = {
    id: 'status',
    kind: 'choice',
    label: shown(t('intake.form.legend')),
    required: true,
    options: choosableStatuses.map((status) => ({ value: status, label: shown(statusText(status, lang)), hint: shown(t(`intake.form.hint.${status}`)) })),
  };
  const datumQuestion: Question = { id: 'datum', kind: 'date', label: shown(t('intake.form.datum')), required: true };
  const redenQuestion: Question = {
    id: 'reden',
    kind: 'text',
    multiline: true,
    maxLength: redenMaxLength,
    label: shown(t('intake.form.reden')),
    help: shown(t('intake.form.redenHint')),
    required: true,
  };
  const field = (question: Question, value: string | undefined, path: 'status' | 'datum' | 'reden') =>
    renderField({
      question,
      value,
      lang,
      id: `${idPrefix}-${path}`,
      ...(options.errorFor(path) ? { error: options.errorFor(path)! } : {}),
      onInput: (next) => {
        const text = typeof next === 'string' ? next : undefined;
        options.change(path, path === 'status' ? { status: text as ChoosableStatus | undefined } : { [path]: text });
      },
      onBlur: () => options.left(path),
    });
  return html`${renderErrorSummary({ errors: options.summary, lang, focusKey: options.focusKey, idPrefix, headingLevel: sub })}
    <form class="in-form" novalidate @submit=${(event: Event) => (event.preventDefault(), options.submit())}>
      ${field(statusQuestion, draft.status, 'status')}
      ${draft.status === 'intakeGepland' ? field(datumQuestion, draft.datum, 'datum') : nothing}
      ${draft.status === 'nietGeplaatst' ? field(redenQuestion, draft.reden, 'reden') : nothing}
      <button type="submit" class="ddd-button" id="in-save" aria-disabled=${options.busy ? 'true' : 'false'}>
        ${options.busy ? t('intake.form.saving') : t('intake.form.save')}
      </button>
    </form>`;
}

/** "Opgeslagen: Intake gepland, 12 mrt 2027." */
export function savedText(t: Translate, lang: string, status: Parameters<typeof statusText>[0], datum?: string): string {
  const name = status === 'intakeGepland' && datum ? `${statusText(status, lang)}, ${shortDate(datum, lang)}` : statusText(status, lang);
  return t('intake.form.saved', { status: name });
}
