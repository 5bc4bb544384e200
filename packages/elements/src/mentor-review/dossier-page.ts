/**
 * The two pages of <ddd-mentor-review> that hold deel B, put together from the element's state:
 * an opened dossier (which deel B sections the mentor may edit now, their drafts, percentages and
 * save states, the actions and the history) and B1 alone for a student without a dossier.
 * Templates only: the element owns the state and the calls, and passes them in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  buildSections,
  conditionContext,
  localize,
  sectionCompletion,
  validateSection,
  type Actor,
  type Begeleiding,
  type ConditionContext,
  type Dossier,
  type DossierAction,
  type RegionConfig,
  type SectionDefinition,
  type StudentOverview,
} from '@doorstroom/sdk';
import type { ConflictChoice } from '../shared/conflict-choice.js';
import type { FeedbackController } from '../shared/feedback.js';
import { renderDeelB, renderDeelBSummary, renderDeelBTop, saveStateView, type DeelBSectionView } from './deel-b-editor.js';
import { renderBegeleidingOnly, renderDossier, type Notice } from './dossier-view.js';
import type { DeelBEditor } from './editing.js';
import { actionOffers, dossierCompletion, sectionEditState, withDrafts, type ActionOffer, type Translate } from './state.js';

export interface DeelBPageOptions {
  lang: string;
  t: Translate;
  editor: DeelBEditor;
  feedback: FeedbackController;
  /** The offline notice: a live region that is always there. */
  offline: TemplateResult;
  notice?: Notice;
  back(): void;
  reload(): void;
  /** The mentor chose per question after a conflict. */
  resolve(choices: ConflictChoice[]): void;
}

export interface OpenDossierOptions extends DeelBPageOptions {
  dossier: Dossier;
  me: Actor;
  config: RegionConfig;
  busyAction?: DossierAction;
  history: TemplateResult;
  act(offer: ActionOffer): void;
}

/** Deel A read-only beside deel B: a section is editable when the workflow lets this mentor change it now. */
export function renderOpenDossier(options: OpenDossierOptions): TemplateResult {
  const { dossier, me, config, editor, lang, t } = options;
  const today = new Date();
  const context = { config, today };
  const sections = buildSections(config, dossier.type);
  const partB = sections.filter((s) => s.part === 'B');
  const editable = new Map(partB.map((s) => [s.id, sectionEditState(me, dossier, s.id as 'advies', context)]));
  const drafts = Object.fromEntries(partB.filter((s) => editable.get(s.id)?.editable).map((s) => [s.id, editor.drafts[s.id] ?? {}]));
  const working = withDrafts(dossier, drafts);
  const completion = dossierCompletion(working, config, today);
  const views = partB.map((section): DeelBSectionView => {
    const edit = editable.get(section.id)!;
    const reason =
      dossier.status === 'bijMentor' && section.id === 'advies'
        ? t('mentor.deelB.startFirst')
        : edit.refusalCode === 'archived' || edit.refusalCode === 'final'
          ? localize(edit.reason, lang)
          : t('mentor.deelB.readOnly');
    return {
      section,
      answers: edit.editable ? (drafts[section.id] ?? {}) : (dossier.answers[section.id] ?? {}),
      percent: completion.sections[section.id]?.percent ?? 0,
      editable: edit.editable,
      reason,
      ...saveStateView(editor.states[section.id], lang),
    };
  });
  const deelB = partB.length ? renderEditor(options, views, conditionContext(working, config, today), partB) : undefined;
  return renderDossier({
    dossier,
    lang,
    t,
    partA: sections.filter((s) => s.part === 'A'),
    offers: actionOffers(me, working, context),
    ...(options.busyAction ? { busyAction: options.busyAction } : {}),
    ...(options.notice ? { notice: options.notice } : {}),
    ...(completion.partB ? { partBPercent: completion.partB.percent } : {}),
    offline: options.offline,
    deelB: deelB?.body ?? html``,
    summary: deelB?.summary ?? nothing,
    history: options.history,
    back: options.back,
    act: options.act,
    reload: options.reload,
  });
}

export interface BegeleidingPageOptions extends DeelBPageOptions {
  student: StudentOverview;
  config: RegionConfig;
  /** B1 as saved; undefined while loading. */
  record?: Begeleiding;
}

/** B1 for a student who has no dossier yet; the editor is attached to `student:<id>`. */
export function renderBegeleidingPage(options: BegeleidingPageOptions): TemplateResult {
  const { student, editor, record } = options;
  const section = buildSections(options.config, 'vo-mbo').find((s) => s.id === 'begeleiding');
  let deelB: { body: TemplateResult; summary: TemplateResult | typeof nothing } | undefined;
  if (section && record && editor.target?.key === `student:${student.id}`) {
    const draft = editor.drafts['begeleiding'] ?? {};
    const context = { dossierType: 'vo-mbo' as const, guardianConsentNeeded: false };
    const percent = sectionCompletion(section, draft, context).percent;
    const view = { section, answers: draft, percent, editable: true, ...saveStateView(editor.states['begeleiding'], options.lang) };
    deelB = renderEditor(options, [view], context, [section], 3);
  }
  return renderBegeleidingOnly({
    naam: student.naam,
    t: options.t,
    loading: !record,
    offline: options.offline,
    ...(options.notice ? { notice: options.notice } : {}),
    ...(deelB ? { deelB: deelB.body, summary: deelB.summary } : {}),
    back: options.back,
    reload: options.reload,
  });
}

/** The deel B sections with their error summary (shown at the top of the page) and the conflict choice. */
function renderEditor(
  options: DeelBPageOptions,
  views: DeelBSectionView[],
  context: ConditionContext,
  sections: ReadonlyArray<SectionDefinition>,
  headingLevel: 3 | 4 = 4,
): { body: TemplateResult; summary: TemplateResult | typeof nothing } {
  const { lang, t, editor, feedback } = options;
  const errors = views.filter((v) => v.editable).flatMap((v) => validateSection(v.section, v.answers, context).map((e) => ({ ...e, path: `${v.section.id}.${e.path}` })));
  const summary = feedback.showingAll ? errors.map((e) => ({ path: e.path, message: localize(e.message, lang) })) : [];
  const top = renderDeelBTop({ editor, sections, lang, t, headingLevel, onResolve: options.resolve });
  const body = renderDeelB({
    sections: views,
    lang,
    t,
    context,
    summary,
    focusKey: feedback.attempt,
    headingLevel,
    errorFor: (path) => feedback.message(path, errors, lang),
    onInput: (path, value) => {
      editor.input(path, value);
      feedback.changed(path);
    },
    onBlur: (path) => feedback.left(path),
    save: (sectionId) => void editor.save(sectionId),
  });
  return { body: html`${top}${body}`, summary: renderDeelBSummary({ summary, lang, focusKey: feedback.attempt }) };
}
