/**
 * The mentor view's decisions without any DOM: which dossier of a student counts, which actions
 * to offer (and why one is refused), what a history entry says, and what a save sends.
 * Every rule comes from the SDK (`can`, `canEdit`, `completion`), so the element never offers
 * what the backend would refuse.
 */
import {
  can,
  canEdit,
  completion,
  isAssignedMentor,
  type Actor,
  type Dossier,
  type DossierAction,
  type DossierCompletion,
  type DossierStatus,
  type DossierSummary,
  type HistoryEntry,
  type Localized,
  type RegionConfig,
  type SectionAnswers,
  type SectionDefinition,
  type WorkflowContext,
} from '@doorstroom/sdk';
import { intlLocale } from '../shared/i18n.js';

/** The deel B sections a mentor edits, in the order they are shown. */
export const deelBSectionIds = ['begeleiding', 'advies'] as const;
export type DeelBSectionId = (typeof deelBSectionIds)[number];

const statusRank: Record<DossierStatus, number> = { concept: 0, bijMentor: 1, deelB: 2, akkoord: 3, afgerond: 4 };

/**
 * The dossier that got furthest: an active one before an archived one, then the later step,
 * then more of deel A filled in, then the newest.
 */
export function furthestDossier(dossiers: ReadonlyArray<DossierSummary>): DossierSummary | undefined {
  let best: DossierSummary | undefined;
  for (const candidate of dossiers) {
    if (!best || compareProgress(candidate, best) > 0) best = candidate;
  }
  return best;
}

function compareProgress(a: DossierSummary, b: DossierSummary): number {
  if (a.archived !== b.archived) return a.archived ? -1 : 1;
  if (statusRank[a.status] !== statusRank[b.status]) return statusRank[a.status] - statusRank[b.status];
  if (a.percentA !== b.percentA) return a.percentA - b.percentA;
  return a.updatedAt.localeCompare(b.updatedAt);
}

/** The programme of the furthest dossier that names one: the choice the student is most likely to make. */
export function bestChoice(dossiers: ReadonlyArray<DossierSummary>): string | undefined {
  const withChoice = dossiers.filter((d) => d.keuze);
  return furthestDossier(withChoice)?.keuze ?? undefined;
}

/**
 * Whether this person may open the dossier: a mentor only the dossiers assigned to them, the
 * school's decaan every dossier of the school (the only ones the backend lists for them).
 */
export function canOpen(me: Actor, dossier: Pick<DossierSummary, 'mentor'>): boolean {
  return me.role === 'decaan' || isAssignedMentor(me, dossier);
}

/** The actions the mentor view knows, in the order the buttons appear. */
export const mentorActions: ReadonlyArray<DossierAction> = ['startDeelB', 'sendToStudent', 'returnToDeelA', 'archive', 'reactivate'];

export interface ActionOffer {
  action: DossierAction;
  allowed: boolean;
  /** Why it cannot be done yet: shown beside the disabled button. */
  reason?: Localized;
  refusalCode?: string;
}

/**
 * The buttons to show. An allowed action is offered; one refused only because data is missing
 * (422, e.g. deel B incomplete) stays visible, disabled, with the reason. Actions that do not
 * belong to this step, role or archived state (403/409) are left out: they would only confuse.
 */
export function actionOffers(me: Actor, dossier: Dossier, context: WorkflowContext): ActionOffer[] {
  const offers: ActionOffer[] = [];
  for (const action of mentorActions) {
    const decision = can(me, action, dossier, context);
    if (decision.allowed) offers.push({ action, allowed: true });
    else if (decision.refusal.status === 422) offers.push({ action, allowed: false, reason: decision.refusal.message, refusalCode: decision.refusal.code });
  }
  return offers;
}

export interface SectionEditState {
  editable: boolean;
  reason?: Localized;
  refusalCode?: string;
}

export function sectionEditState(me: Actor, dossier: Dossier, sectionId: DeelBSectionId, context: WorkflowContext): SectionEditState {
  const decision = canEdit(me, dossier, sectionId, context);
  return decision.allowed ? { editable: true } : { editable: false, reason: decision.refusal.message, refusalCode: decision.refusal.code };
}

/** The dossier as it would be with the unsaved drafts: for live percentages and action checks. */
export function withDrafts(dossier: Dossier, drafts: Partial<Record<DeelBSectionId, SectionAnswers>>): Dossier {
  const answers = { ...dossier.answers };
  for (const id of deelBSectionIds) {
    const draft = drafts[id];
    if (draft) answers[id] = draft;
  }
  return { ...dossier, answers };
}

export function dossierCompletion(dossier: Dossier, config: RegionConfig, today: Date): DossierCompletion {
  return completion(dossier, config, { today });
}

/**
 * What a save sends: every answer of the draft, and `null` for answers that were saved before
 * but are now empty (the backend merges, so leaving a key out would keep the old value).
 */
export function patchFor(saved: SectionAnswers | undefined, draft: SectionAnswers): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value === undefined) continue;
    patch[key] = value === '' ? null : value;
  }
  for (const key of Object.keys(saved ?? {})) if (!(key in patch)) patch[key] = null;
  return patch;
}

/** Whether the draft differs from what was saved. */
export function isDirty(saved: SectionAnswers | undefined, draft: SectionAnswers | undefined): boolean {
  if (!draft) return false;
  return JSON.stringify(normalized(saved ?? {})) !== JSON.stringify(normalized(draft));
}

function normalized(answers: SectionAnswers): Record<string, unknown> {
  const entries = Object.entries(answers).filter(([, value]) => value !== undefined && value !== null && value !== '');
  entries.sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** "In akkoordverklaring", or with "(gearchiveerd)" for an archived dossier. */
export function statusLabel(t: Translate, status: DossierStatus, archived = false): string {
  const label = t(`mentor.status.${status}`);
  return archived ? t('mentor.status.archived', { status: label }) : label;
}

/** One history line: what happened, in the reader's language. */
export function describeHistory(entry: HistoryEntry, t: Translate, sectionTitle: (sectionId: string) => string | undefined): string {
  switch (entry.kind) {
    case 'created':
      return t('mentor.history.created');
    case 'saved': {
      const title = entry.sectionId ? sectionTitle(entry.sectionId) : undefined;
      return title ? t('mentor.history.saved', { section: title }) : t('mentor.history.savedUnknown');
    }
    case 'action':
      return entry.action ? t(`mentor.history.action.${entry.action}`) : t('mentor.history.savedUnknown');
    case 'intake':
      return t('mentor.history.intake', { status: entry.intakeStatus ? t(`mentor.intake.${entry.intakeStatus}`) : '' });
  }
}

export function sectionTitleLookup(sections: ReadonlyArray<SectionDefinition>, lang: string, localize: (value: Localized, lang: string) => string) {
  return (sectionId: string) => {
    const section = sections.find((s) => s.id === sectionId);
    return section ? `${section.code ? `${section.code} ` : ''}${localize(section.title, lang)}` : undefined;
  };
}

// Dutch and British conventions for nl/en; the other languages use their own.
const intlTag = (lang: string) => (lang === 'en' ? 'en-GB' : lang === 'nl' ? 'nl-NL' : intlLocale(lang));

// Making an Intl.DateTimeFormat costs far more than using one: the school overview formats a date
// in each of 600 rows on every render, so one formatter per language and style is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${style}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(intlTag(lang), options)));
  return made;
}

/** Dates as a reader of the language expects them ("23 november 2026, 14:05"). */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(lang, 'dateTime', { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(lang, 'date', { dateStyle: 'medium' }).format(date);
}

export function formatTime(date: Date, lang: string): string {
  return formatter(lang, 'time', { hour: '2-digit', minute: '2-digit' }).format(date);
}
