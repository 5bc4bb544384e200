/**
 * The read-only parts of <ddd-consent> as template functions: the dossier itself, what is always
 * or never shared, the guardian's status as the student sees it, and the afgerond summary; also
 * the messages (saved, failed, offline) and the confirmation of an action.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  buildSections,
  conditionContext,
  consentRecord,
  localize,
  type Dossier,
  type DossierAction,
  type RegionConfig,
  type SectionDefinition,
} from '@doorstroom/sdk';
import { translate } from '../shared/i18n.js';
import { renderAnswers } from '../mentor-review/read-only-answers.js';
import type { ConsentKey } from './consent.messages.js';
import type { Notice } from './consent.sending.js';
import { delenQuestion, formatDay, sharingLineText, sharingOverview } from './consent.state.js';

export type ConfirmAction = Extract<DossierAction, 'finalize' | 'backToDeelA'>;

const tr = (lang: string, key: ConsentKey, vars?: Record<string, string | number>) => translate(lang, key, vars);

/** Deel A and (vo-mbo) deel B as the backend sent them: only sections this viewer may see. */
export function renderDossier(dossier: Dossier, config: RegionConfig, lang: string): TemplateResult {
  const sections = buildSections(config, dossier.type);
  const context = conditionContext(dossier, config, new Date());
  const present = (s: SectionDefinition) => dossier.answers[s.id] !== undefined;
  const partA = sections.filter((s) => s.part === 'A' && present(s));
  const partB = sections.filter((s) => s.part === 'B' && present(s));
  const options = { context, headingLevel: 4 as const };
  return html`<div class="dossier" part="dossier">
    <section class="part" aria-labelledby="part-a">
      <h3 id="part-a">${tr(lang, 'consent.partA')}</h3>
      ${renderAnswers(partA, dossier.answers, lang, options)}
    </section>
    ${dossier.type === 'vo-mbo'
      ? html`<section class="part" aria-labelledby="part-b">
          <h3 id="part-b">${tr(lang, 'consent.partB')}</h3>
          ${partB.length > 0 ? renderAnswers(partB, dossier.answers, lang, options) : html`<p>${tr(lang, 'consent.partBEmpty')}</p>`}
        </section>`
      : nothing}
  </div>`;
}

/** Plain words on what always goes to the MBO, what never does, and that the rest is a choice. */
export function renderSharing(dossier: Dossier, config: RegionConfig, lang: string): TemplateResult {
  const { always, never } = sharingOverview(config, dossier.type);
  const choosable = (delenQuestion(buildSections(config, dossier.type))?.options.length ?? 0) > 0;
  return html`<div class="sharing" part="sharing">
    <h4>${tr(lang, 'consent.sharing.title')}</h4>
    <p class="sharing__label">${tr(lang, 'consent.sharing.always')}</p>
    <p>${tr(lang, 'consent.sharing.alwaysIntro')}</p>
    <ul>
      ${always.map((line) => html`<li>${sharingLineText(line, lang)}</li>`)}
    </ul>
    ${never.length > 0
      ? html`<p class="sharing__label">${tr(lang, 'consent.sharing.never')}</p>
          <p>${tr(lang, 'consent.sharing.neverIntro')}</p>
          <ul>
            ${never.map((line) => html`<li>${sharingLineText(line, lang)}</li>`)}
          </ul>`
      : nothing}
    <p>${choosable ? tr(lang, 'consent.sharing.choose') : tr(lang, 'consent.sharing.nothingToChoose')}</p>
  </div>`;
}

/** For a student under the consent age: whether their parent or guardian has read and consented. */
export function renderGuardianStatus(dossier: Dossier, config: RegionConfig, lang: string): TemplateResult {
  const record = consentRecord(dossier, config);
  const guardian = record.guardian;
  const seen = record.inzage.guardian;
  const given = guardian?.toestemming === true;
  let status = tr(lang, 'consent.guardian.waiting');
  if (given) {
    status = guardian.datum
      ? tr(lang, 'consent.guardian.given', { naam: guardian.naam, date: formatDay(guardian.datum, lang) })
      : tr(lang, 'consent.guardian.givenNoDate', { naam: guardian.naam });
  }
  return html`<section class="panel guardian-status" part="guardian-status" aria-labelledby="guardian-title">
    <h3 id="guardian-title">${tr(lang, 'consent.guardian.title')}</h3>
    <p>${tr(lang, 'consent.guardian.needed', { age: config.guardianConsentBelowAge })}</p>
    <p>${seen ? tr(lang, 'consent.guardian.seen', { date: formatDay(seen.at, lang) }) : tr(lang, 'consent.guardian.notSeen')}</p>
    <p class=${given ? 'status status--done' : 'status'}>${status}</p>
  </section>`;
}

/** The consent facts of an afgerond dossier: akkoord, remark, toestemming, sharing, guardian. */
export function renderFinalSummary(dossier: Dossier, config: RegionConfig, lang: string): TemplateResult {
  const record = consentRecord(dossier, config);
  const sections = buildSections(config, dossier.type);
  const yesNo = (value: boolean) => tr(lang, value ? 'consent.yes' : 'consent.no');
  const title = (id: string) => localize(sections.find((s) => s.id === id)?.title, lang);
  const sharedIds = Object.entries(record.sharing);
  const shared = sharedIds.filter(([, on]) => on).map(([id]) => title(id));
  const notShared = sharedIds.filter(([, on]) => !on).map(([id]) => title(id));
  const relatie = sections.find((s) => s.id === 'ouderToestemming')?.questions.find((q) => q.id === 'relatie');
  const relatieText = (value: string) =>
    localize(relatie && 'options' in relatie ? relatie.options.find((o) => o.value === value)?.label : undefined, lang) || value;
  const row = (label: string, value: TemplateResult | string, multiline = false) =>
    html`<div><dt>${label}</dt><dd class=${multiline ? 'multiline' : ''}>${value}</dd></div>`;
  const none = tr(lang, 'consent.none');
  const guardian = record.guardian;
  return html`<section class="panel summary" part="summary" aria-labelledby="summary-title">
    <h3 id="summary-title">${tr(lang, 'consent.final.summary')}</h3>
    <dl>
      ${row(tr(lang, 'consent.final.akkoord'), record.akkoord ? yesNo(record.akkoord === 'ja') : none)}
      ${record.redenNietAkkoord ? row(tr(lang, 'consent.final.reden'), record.redenNietAkkoord, true) : nothing}
      ${row(tr(lang, 'consent.final.toestemming'), yesNo(record.toestemming))}
      ${row(tr(lang, 'consent.final.shared'), shared.join(', ') || none)}
      ${row(tr(lang, 'consent.final.notShared'), notShared.join(', ') || none)}
      ${guardian?.toestemming
        ? row(
            tr(lang, 'consent.final.guardian'),
            tr(lang, 'consent.final.guardianValue', { naam: guardian.naam, relatie: relatieText(guardian.relatie), date: formatDay(guardian.datum, lang) }),
          )
        : nothing}
    </dl>
  </section>`;
}

export interface ConfirmOptions {
  action: ConfirmAction;
  lang: string;
  /** The action is under way: the confirm button says so. */
  busy: boolean;
  /** Something is being sent: the buttons say so (aria-disabled keeps focus on them) and the host ignores presses. */
  disabled: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * The inline confirmation ("Weet je het zeker?") under the button that opened it. The element
 * moves focus to its heading when it opens and back to the button on cancel; Escape cancels.
 */
export function renderConfirm(options: ConfirmOptions): TemplateResult {
  const { action, lang } = options;
  const [title, text] =
    action === 'finalize'
      ? (['consent.confirm.finalizeTitle', 'consent.confirm.finalizeText'] as const)
      : (['consent.confirm.backTitle', 'consent.confirm.backText'] as const);
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    options.onCancel();
  };
  return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-title" aria-describedby="confirm-text" @keydown=${onKeydown}>
    <h4 id="confirm-title" tabindex="-1">${tr(lang, title)}</h4>
    <p id="confirm-text">${tr(lang, text)}</p>
    <div class="confirm__buttons">
      <button type="button" part="button" class="ddd-button" id="confirm-yes" aria-disabled=${options.disabled ? 'true' : nothing} @click=${options.onConfirm}>
        ${options.busy ? tr(lang, 'consent.busy') : tr(lang, action === 'finalize' ? 'consent.finalize' : 'consent.backToDeelA')}
      </button>
      <button type="button" part="button" class="ddd-button ddd-button--secondary" id="confirm-no" aria-disabled=${options.disabled ? 'true' : nothing} @click=${options.onCancel}>
        ${tr(lang, 'consent.confirm.cancel')}
      </button>
    </div>
  </div>`;
}

/** Success in a polite live region that is always there; an error as an alert that can take focus. */
export function renderNotice(notice: Notice | undefined): TemplateResult {
  return html`<div class="live" role="status">${notice?.kind === 'success' ? html`<p class="ddd-notice ddd-notice--success" part="notice">${notice.text}</p>` : nothing}</div>
    ${notice?.kind === 'error' ? html`<p class="ddd-notice ddd-notice--error" part="notice" role="alert" id="action-error" tabindex="-1">${notice.text}</p>` : nothing}`;
}

/** Offline: what cannot happen now and what is kept. A live region that is always there, so the change is heard. */
export function renderOffline(online: boolean, text: string): TemplateResult {
  return html`<div class="offline-live" role="status">
    ${online ? nothing : html`<p class="ddd-notice offline" part="offline">${text}</p>`}
  </div>`;
}
