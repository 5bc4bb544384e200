/**
 * The read-only parts of <ddd-consent> as template functions: the steps still to take (by name),
 * what always or never goes, the dossier in collapsible cards (or in full once afgerond), what
 * goes to the MBO as the parent reads it, the afgerond summary, and the messages (saved, failed,
 * offline) and the confirmation of an action.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  answersForMbo,
  buildSections,
  conditionContext,
  consentRecord,
  localize,
  sharingClassOf,
  type Dossier,
  type DossierAction,
  type Question,
  type RegionConfig,
  type SectionAnswers,
  type SectionDefinition,
} from '@doorstroom/sdk';
import { translate } from '../shared/i18n.js';
import { below, heading, type HeadingLevel } from '../shared/heading.js';
import { renderAnswers } from '../shared/read-only-answers.js';
import type { ConsentKey } from './messages.js';
import type { Notice } from './sending.js';
import { askedParent, chosenProgramme, delenQuestion, formatDay, relationWord, sharingLineText, sharingOverview, type SharingLine } from './state.js';

export type ConfirmAction = Extract<DossierAction, 'finalize' | 'backToDeelA'>;

const tr = (lang: string, key: ConsentKey | (string & {}), vars?: Record<string, string | number>) => translate(lang, key, vars);

/** A question as others read it back: in the third person where the definition says how; the mentor's own declaration left out. */
function asRead(section: SectionDefinition, only?: SectionAnswers): SectionDefinition {
  const questions = section.questions.filter((q) => !q.hideWhenRead && (!only || q.id in only)).map((q): Question => (q.readLabel ? { ...q, label: q.readLabel } : q));
  return { ...section, questions };
}

type CardTag = 'goes' | 'notChosen' | 'partly' | 'always' | 'never';

/** What happens to a section under the student's current choice (for the tag on its card). */
function tagOf(config: RegionConfig, section: SectionDefinition, chosen: ReadonlySet<string>): CardTag {
  const own = sharingClassOf(config, section);
  if (own === 'verplicht') return 'always';
  if (own === 'verboden') return 'never';
  if (chosen.has(section.id)) return 'goes';
  return section.questions.some((q) => sharingClassOf(config, section, q) === 'verplicht') ? 'partly' : 'notChosen';
}

export interface DossierViewOptions {
  lang: string;
  /** The level of the headings "Deel A" and "Deel B". */
  level: HeadingLevel;
  /**
   * 'cards': each section a collapsed card with what happens to it (the student and parent decide
   * with the summary first); 'full': everything open, as it prints (afgerond).
   */
  mode: 'cards' | 'full';
  /** The sections the student ticks now: each card says whether it goes along. */
  chosen?: ReadonlySet<string>;
  /** Show these answers instead of the dossier's (what goes to the MBO, for the parent). */
  answers?: Readonly<Record<string, SectionAnswers>>;
}

/** Deel A and (vo-mbo) deel B as the backend sent them: only sections this viewer may see. */
export function renderDossier(dossier: Dossier, config: RegionConfig, options: DossierViewOptions): TemplateResult {
  const { lang, level } = options;
  const answers = options.answers ?? dossier.answers;
  const sections = buildSections(config, dossier.type);
  const context = conditionContext(dossier, config, new Date());
  const present = (s: SectionDefinition) => answers[s.id] !== undefined;
  const partA = sections.filter((s) => s.part === 'A' && present(s));
  const partB = sections.filter((s) => s.part === 'B' && present(s));
  const part = (items: SectionDefinition[]) =>
    options.mode === 'full'
      ? renderAnswers(
          items.map((s) => asRead(s, options.answers?.[s.id])),
          answers,
          lang,
          { context, headingLevel: below(level, 1) },
        )
      : html`<ul class="cards">
          ${items.map((section) => {
            const tag = options.chosen ? tagOf(config, section, options.chosen) : undefined;
            return html`<li>
              <details class="card" part="card">
                <summary class="card__summary">
                  <span class="card__title">${section.code} ${localize(section.title, lang)}</span>
                  ${tag ? html`<span class="card__tag card__tag--${tag}">${tr(lang, `consent.card.${tag}`)}</span>` : nothing}
                </summary>
                <div class="card__body">${renderAnswers([asRead(section, options.answers?.[section.id])], answers, lang, { context, hideTitles: true })}</div>
              </details>
            </li>`;
          })}
        </ul>`;
  const showB = dossier.type === 'vo-mbo' && (options.answers === undefined || partB.length > 0);
  return html`<div class="dossier" part="dossier">
    ${partA.length > 0 ? html`<section class="part" aria-labelledby="part-a">${heading(level, tr(lang, 'consent.partA'), { id: 'part-a', class: 'part__title' })} ${part(partA)}</section>` : nothing}
    ${
      showB
        ? html`<section class="part" aria-labelledby="part-b">
          ${heading(level, tr(lang, 'consent.partB'), { id: 'part-b', class: 'part__title' })}
          ${partB.length > 0 ? part(partB) : html`<p>${tr(lang, 'consent.partBEmpty')}</p>`}
        </section>`
        : nothing
    }
  </div>`;
}

/** What always goes to the MBO and what never does, as plain lists (never as boxes to tick). */
export function renderSharing(dossier: Dossier, config: RegionConfig, lang: string, level: HeadingLevel): TemplateResult {
  const context = conditionContext(dossier, config, new Date());
  const { always, never } = sharingOverview(config, dossier.type, { answers: dossier.answers, context });
  const choosable = (delenQuestion(buildSections(config, dossier.type))?.options.length ?? 0) > 0;
  return html`<div class="sharing" part="sharing">
    ${heading(level, tr(lang, 'consent.sharing.title'), { class: 'sharing__title' })}
    <p class="sharing__label">${tr(lang, 'consent.sharing.always')}</p>
    <p class="sharing__intro">${tr(lang, 'consent.sharing.alwaysIntro')}</p>
    <ul class="sharing__list" part="always">
      ${always.map((line) => html`<li>${sharingLineText(line, lang)}</li>`)}
    </ul>
    ${
      never.length > 0
        ? html`<p class="sharing__label">${tr(lang, 'consent.sharing.never')}</p>
          <p class="sharing__intro">${tr(lang, 'consent.sharing.neverIntro')}</p>
          <ul class="sharing__list">
            ${never.map((line) => html`<li>${sharingLineText(line, lang)}</li>`)}
          </ul>`
        : nothing
    }
    ${choosable ? nothing : html`<p>${tr(lang, 'consent.sharing.nothingToChoose')}</p>`}
  </div>`;
}

/**
 * What the MBO gets under the student's saved choices: what always goes, and each part the
 * student ticked with what is in it. Parts the student did not tick are not named.
 */
export function renderGoes(dossier: Dossier, config: RegionConfig, lang: string, options: { formal?: boolean } = {}): TemplateResult {
  const context = conditionContext(dossier, config, new Date());
  const { always } = sharingOverview(config, dossier.type, { answers: dossier.answers, context });
  const record = consentRecord(dossier, config);
  const sections = buildSections(config, dossier.type);
  const shared = sections.filter((s) => record.sharing[s.id] === true);
  // What is in a part is worded for the student ("je stages"); a parent reads the titles.
  const line = (l: SharingLine) => sharingLineText(options.formal ? { section: l.section, ...(l.questions ? { questions: l.questions } : {}) } : l, lang);
  return html`<ul class="goes" part="goes">
    ${always.map((l) => html`<li>${line(l)}</li>`)}
    ${shared.map((section) => html`<li>${line({ section: section.title, ...(section.contents ? { contents: section.contents } : {}) })}</li>`)}
  </ul>`;
}

/** The answers the MBO would read under the student's saved choices (what the parent consents to). */
export function answersGoing(dossier: Dossier, config: RegionConfig): Record<string, SectionAnswers> {
  return answersForMbo(dossier, config, new Date());
}

/** The titles of the parts the student chose not to share. */
export function notSharedTitles(dossier: Dossier, config: RegionConfig, lang: string): string[] {
  const record = consentRecord(dossier, config);
  const sections = buildSections(config, dossier.type);
  return sections.filter((s) => record.sharing[s.id] === false).map((s) => localize(s.title, lang));
}

export type StepState = 'done' | 'current' | 'upcoming';

export interface StepsOptions {
  lang: string;
  level: HeadingLevel;
  /** The student's akkoord is saved. */
  agreed: boolean;
  /** The student may finalize now. */
  canFinalize: boolean;
  guardianNeeded: boolean;
}

/**
 * The steps still to take, by name: "Je vader, Jeroen Bakker, geeft toestemming. Hij heeft een
 * e-mail gekregen." The parent is the one the student listed in A2 (the backend mails the
 * registered guardians when the dossier reaches this step); once someone consented, their name.
 */
export function renderSteps(dossier: Dossier, config: RegionConfig, options: StepsOptions): TemplateResult {
  const { lang } = options;
  const school = chosenProgramme(dossier)?.school;
  const record = consentRecord(dossier, config);
  const steps: Array<{ state: StepState; text: string; part?: string }> = [{ state: options.agreed ? 'done' : 'current', text: tr(lang, 'consent.step.you') }];
  if (options.guardianNeeded) {
    const given = record.guardian?.toestemming === true;
    const seen = record.inzage.guardian;
    let text: string;
    if (given) {
      const who = relationWord(record.guardian!.relatie, record.guardian!.naam);
      text = tr(lang, `consent.guardian.given.${who}`, { naam: record.guardian!.naam, date: formatDay(record.guardian!.datum, lang) });
    } else {
      const asked = askedParent(dossier);
      const who = relationWord(asked?.relatie, asked?.naam);
      const naam = asked?.naam ?? '';
      text = seen ? tr(lang, `consent.guardian.seen.${who}`, { naam, date: formatDay(seen.at, lang) }) : tr(lang, `consent.guardian.emailed.${who}`, { naam });
    }
    steps.push({ state: given ? 'done' : options.agreed ? 'current' : 'upcoming', text, part: 'guardian-status' });
  }
  steps.push({
    state: options.canFinalize ? 'current' : 'upcoming',
    text: school ? tr(lang, 'consent.step.finalize', { school }) : tr(lang, 'consent.step.finalizeNoChoice'),
  });
  return html`<section class="steps" part="steps" aria-labelledby="steps-title">
    ${heading(options.level, tr(lang, 'consent.steps.title'), { id: 'steps-title', class: 'steps__title' })}
    <ol class="steps__list">
      ${steps.map(
        (step) => html`<li class="step step--${step.state}" part=${step.part ?? nothing} aria-current=${step.state === 'current' ? 'step' : nothing}>
          <span class="step__state">${translate(lang, `progress.stepState.${step.state}`)}</span>
          <span class="step__text">${step.text}</span>
        </li>`,
      )}
    </ol>
    ${options.guardianNeeded ? html`<p class="steps__why">${tr(lang, 'consent.guardian.why', { age: config.guardianConsentBelowAge })}</p>` : nothing}
  </section>`;
}

/**
 * The consent facts of an afgerond dossier: akkoord, remark, toestemming, sharing, guardian. With
 * `sharing: false` (the MBO) the lists of what was and was not shared are left out: the MBO reads
 * what it got and nothing hints at what the student kept back (spec §6).
 */
export function renderFinalSummary(dossier: Dossier, config: RegionConfig, lang: string, level: HeadingLevel, options: { sharing?: boolean } = {}): TemplateResult {
  const record = consentRecord(dossier, config);
  const sections = buildSections(config, dossier.type);
  const yesNo = (value: boolean) => tr(lang, value ? 'consent.yes' : 'consent.no');
  const title = (id: string) => localize(sections.find((s) => s.id === id)?.title, lang);
  const sharedIds = Object.entries(record.sharing);
  const shared = sharedIds.filter(([, on]) => on).map(([id]) => title(id));
  const notShared = sharedIds.filter(([, on]) => !on).map(([id]) => title(id));
  const relatie = sections.find((s) => s.id === 'ouderToestemming')?.questions.find((q) => q.id === 'relatie');
  const relatieText = (value: string) => localize(relatie && 'options' in relatie ? relatie.options.find((o) => o.value === value)?.label : undefined, lang) || value;
  const row = (label: string, value: TemplateResult | string, multiline = false) => html`<div><dt>${label}</dt><dd class=${multiline ? 'multiline' : ''}>${value}</dd></div>`;
  const none = tr(lang, 'consent.none');
  const guardian = record.guardian;
  return html`<section class="panel summary" part="summary" aria-labelledby="summary-title">
    ${heading(level, tr(lang, 'consent.final.summary'), { id: 'summary-title', class: 'panel__title' })}
    <dl>
      ${row(tr(lang, 'consent.final.akkoord'), record.akkoord ? yesNo(record.akkoord === 'ja') : none)}
      ${record.redenNietAkkoord ? row(tr(lang, 'consent.final.reden'), record.redenNietAkkoord, true) : nothing}
      ${row(tr(lang, 'consent.final.toestemming'), yesNo(record.toestemming))}
      ${options.sharing === false ? nothing : html`${row(tr(lang, 'consent.final.shared'), shared.join(', ') || none)} ${row(tr(lang, 'consent.final.notShared'), notShared.join(', ') || none)}`}
      ${
        guardian?.toestemming
          ? row(tr(lang, 'consent.final.guardian'), tr(lang, 'consent.final.guardianValue', { naam: guardian.naam, relatie: relatieText(guardian.relatie), date: formatDay(guardian.datum, lang) }))
          : nothing
      }
    </dl>
  </section>`;
}

export interface ConfirmOptions {
  action: ConfirmAction;
  lang: string;
  level: HeadingLevel;
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
  const [title, text] = action === 'finalize' ? (['consent.confirm.finalizeTitle', 'consent.confirm.finalizeText'] as const) : (['consent.confirm.backTitle', 'consent.confirm.backText'] as const);
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    options.onCancel();
  };
  return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-title" aria-describedby="confirm-text" @keydown=${onKeydown}>
    ${heading(options.level, tr(lang, title), { id: 'confirm-title', class: 'confirm__title', tabindex: -1 })}
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
