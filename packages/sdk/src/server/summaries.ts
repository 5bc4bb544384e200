/**
 * A dossier as one row of a list: what the student's home, the mentor's work list, the decaan's
 * school overview and the MBO's worklist show. What a row holds follows who reads it, as
 * `visibleTo` does for the whole dossier.
 */
import { completion } from '../completion.js';
import { guardianConsentNeeded } from '../conditions.js';
import type { RegionConfig } from '../config.js';
import { consentRecord } from '../consent.js';
import type { Actor, Dossier, DossierSummary } from '../contract.js';
import { seesIntake, type Intake } from '../intake.js';
import type { ReferenceAnswer } from '../sections/types.js';

const reference = (value: unknown): ReferenceAnswer | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) && typeof (value as ReferenceAnswer).label === 'string' ? (value as ReferenceAnswer) : undefined;

function keuzeOf(dossier: Dossier): string | null {
  const keuze = dossier.answers['vervolgkeuze'];
  const opleiding = reference(keuze?.['opleiding'])?.label;
  const instelling = reference(keuze?.['instelling'])?.label;
  if (opleiding && instelling) return `${opleiding} – ${instelling}`;
  return opleiding ?? instelling ?? null;
}

/** The A7 choice in parts (catalogue labels and facts), for the columns of a table. */
function choiceOf(dossier: Dossier): DossierSummary['choice'] {
  const keuze = dossier.answers['vervolgkeuze'];
  const instelling = reference(keuze?.['instelling']);
  const locatie = reference(keuze?.['locatie']);
  const opleiding = reference(keuze?.['opleiding']);
  if (!instelling && !opleiding) return undefined;
  const detail = opleiding?.detail ?? {};
  return {
    ...(instelling ? { instelling: instelling.label } : {}),
    ...(locatie ? { locatie: locatie.label, locatieCode: locatie.id } : {}),
    ...(opleiding ? { opleiding: opleiding.label } : {}),
    ...(detail['crebo'] !== undefined ? { crebo: String(detail['crebo']) } : {}),
    ...(detail['cohort'] !== undefined ? { cohort: String(detail['cohort']) } : {}),
  };
}

/** The persoonsgebonden nummer in A1 (what the MBO searches by). */
function nummerOf(dossier: Dossier): string | undefined {
  const a1 = dossier.answers['persoonlijk'] ?? {};
  const value = a1['nummerSoort'] === 'onderwijsnummer' ? a1['onderwijsnummer'] : a1['bsn'];
  return typeof value === 'string' && value.trim() ? value.replace(/\s/g, '') : undefined;
}

/**
 * Deel A's completion per dossier object, config object and day: what it depends on. A store that
 * hands out the same read-only dossier object while the dossier is unchanged (the reference
 * server's list cache) gets it counted once a day, not on every list; a new object (any change,
 * or a store that copies) is counted anew. Weakly held: it goes with the object.
 */
const percentsA = new WeakMap<Dossier, { config: RegionConfig; day: string; percent: number }>();

const dayOf = (today: Date) => `${today.getFullYear()}-${today.getMonth() + 1}-${today.getDate()}`;

function percentA(dossier: Dossier, config: RegionConfig, today: Date): number {
  const day = dayOf(today);
  const known = percentsA.get(dossier);
  if (known && known.config === config && known.day === day) return known.percent;
  const percent = completion(dossier, config, { today }).partA.percent;
  if (Object.isFrozen(dossier)) percentsA.set(dossier, { config, day, percent });
  return percent;
}

export interface SummaryExtras {
  /** The MBO's intake status, when there is one. */
  intake?: Intake;
}

/** Flat objects with the same members in the same order, every value a primitive and the same. */
function sameFlat(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const x = Object.entries(a);
  const y = Object.entries(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const [key, value] = x[i]!;
    if (key !== y[i]![0] || value !== y[i]![1] || (value !== null && typeof value === 'object')) return false;
  }
  return true;
}

/**
 * The summaries made of a read-only dossier object (a store's list cache), with what they were
 * made for: the config object, the day, whether the viewer reads the nummer, and the intake status
 * shown. While all of those are the same, the list gets the same read-only summary object again
 * (the handler keeps its JSON text with it); a changed dossier is a new object. Weakly held.
 */
/** The read-only summaries this module handed out for more than one list (deeply frozen: their JSON text never changes). */
export const sharedSummaries = new WeakSet<object>();

const madeSummaries = new WeakMap<Dossier, { config: RegionConfig; day: string; nummer: boolean; intake: Intake | undefined; summary: DossierSummary }>();

export function summarize(dossier: Dossier, config: RegionConfig, today: Date, viewer: Actor, extras: SummaryExtras = {}): DossierSummary {
  if (!Object.isFrozen(dossier)) return made(dossier, config, today, viewer, extras);
  const day = dayOf(today);
  const nummer = viewer.role === 'mbo';
  const intake = extras.intake && seesIntake(viewer) ? extras.intake : undefined;
  const known = madeSummaries.get(dossier);
  if (known && known.config === config && known.day === day && known.nummer === nummer && sameFlat(known.intake, intake)) return known.summary;
  const summary = made(dossier, config, today, viewer, intake ? { intake: { ...intake } } : {});
  if (intake && !sameFlat(summary.intake, intake)) return made(dossier, config, today, viewer, extras);
  madeSummaries.set(dossier, { config, day, nummer, intake: summary.intake, summary: deepFreeze(summary) });
  sharedSummaries.add(summary);
  return summary;
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
};

function made(dossier: Dossier, config: RegionConfig, today: Date, viewer: Actor, extras: SummaryExtras): DossierSummary {
  const { student } = dossier;
  const choice = choiceOf(dossier);
  const outstanding = dossier.status === 'akkoord' && guardianConsentNeeded(dossier, config, today) && consentRecord(dossier, config).guardian?.toestemming !== true;
  const nummer = viewer.role === 'mbo' ? nummerOf(dossier) : undefined;
  return {
    id: dossier.id,
    type: dossier.type,
    status: dossier.status,
    archived: dossier.archived,
    version: dossier.version,
    student: { id: student.id, naam: student.naam, ...(student.klas ? { klas: student.klas } : {}), ...(student.leerjaar ? { leerjaar: student.leerjaar } : {}) },
    mentor: dossier.mentor,
    keuze: keuzeOf(dossier),
    percentA: percentA(dossier, config, today),
    updatedAt: dossier.updatedAt,
    statusSince: dossier.statusSince ?? dossier.updatedAt,
    ...(dossier.status === 'akkoord' ? { guardianConsentOutstanding: outstanding } : {}),
    ...(choice ? { choice } : {}),
    ...(extras.intake && seesIntake(viewer) ? { intake: extras.intake } : {}),
    ...(nummer ? { nummer } : {}),
  };
}
