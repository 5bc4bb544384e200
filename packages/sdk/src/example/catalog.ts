/**
 * The catalogue behind the typeahead: instellingen, their locations and their programmes, with
 * case- and accent-insensitive search. Institutions, locations and qualifications are real
 * (shared/data); which institution offers which qualification at which location is NOT public
 * data, so every offering built here is a synthetic, deterministic pairing.
 */
import type { Institution, Location, Programme } from '../contract.js';
import { institutionData, qualificationData } from './catalog-data.js';

export interface CatalogData {
  institutions: Institution[];
  /** BRIN → locations. */
  locations: Record<string, Location[]>;
  /** BRIN → programmes (offerings). */
  programmes: Record<string, Programme[]>;
}

export interface CatalogIndex {
  searchInstitutions(q: string, limit: number): Institution[];
  getInstitution(brin: string): Institution | undefined;
  listLocations(brin: string): Location[];
  getProgramme(brin: string, id: string): Programme | undefined;
  searchProgrammes(brin: string, q: string, limit: number): Programme[];
}

type RealInstitution = (typeof institutionData)[number];
type Qualification = (typeof qualificationData)[number];

/** Lower case without diacritics, so 'Lübeck' is found by 'lubeck' and 'Zuster' by 'ZUSTER'. */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

const words = (q: string) => foldForSearch(q).split(/\s+/).filter(Boolean);

/** FNV-1a: a small stable hash, so the synthetic pairings are the same on every run. */
export function stableHash(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function findRealInstitution(brin: string): RealInstitution {
  const found = institutionData.find((i) => i.brin === brin);
  if (!found) throw new Error(`Unknown BRIN ${brin}`);
  return found;
}

export function findQualification(crebo: string): Qualification {
  const found = qualificationData.find((q) => q.crebo === crebo);
  if (!found) throw new Error(`Unknown crebo ${crebo}`);
  return found;
}

function toInstitution(real: RealInstitution): Institution {
  const plaatsen = [...new Set(real.locaties.map((l) => l.plaats.trim()))];
  return { brin: real.brin, naam: real.naam.trim(), plaatsen };
}

function toLocations(real: RealInstitution): Location[] {
  return real.locaties.map((l) => ({ code: l.code, naam: l.naam.trim(), plaats: l.plaats.trim() }));
}

export function programmeId(brin: string, crebo: string, leerweg: 'BOL' | 'BBL'): string {
  return `${brin}-${crebo}-${leerweg}`;
}

function offering(real: RealInstitution, qualification: Qualification, leerweg: 'BOL' | 'BBL', cohort: string): Programme {
  const hash = stableHash(`${real.brin}:${qualification.crebo}:${leerweg}`);
  const codes = real.locaties.map((l) => l.code);
  const spread = 1 + (hash % Math.min(3, codes.length));
  const start = (hash >>> 4) % codes.length;
  const locatieCodes = Array.from({ length: spread }, (_, i) => codes[(start + i) % codes.length]!);
  return {
    id: programmeId(real.brin, qualification.crebo, leerweg),
    crebo: qualification.crebo,
    naam: qualification.naam,
    niveau: qualification.niveau,
    leerweg,
    cohort,
    locatieCodes: [...new Set(locatieCodes)],
  };
}

/**
 * About `count` SYNTHETIC offerings of one real institution: real qualifications (crebo, niveau,
 * BOL/BBL) picked by a stable hash and paired with some of its real locations. `include` lists
 * crebos that must be among them, in every leerweg they have (the ones the example dossiers chose).
 */
export function syntheticProgrammes(brin: string, options: { count: number; cohort: string; include?: ReadonlyArray<string> }): Programme[] {
  const real = findRealInstitution(brin);
  const include = new Set(options.include ?? []);
  const ranked = [...qualificationData].sort((a, b) => Number(include.has(b.crebo)) - Number(include.has(a.crebo)) || stableHash(`${brin}:${a.crebo}`) - stableHash(`${brin}:${b.crebo}`));
  const result: Programme[] = [];
  for (const qualification of ranked) {
    if (result.length >= options.count) break;
    const included = include.has(qualification.crebo);
    const both = qualification.leerwegen.length > 1;
    // Most programmes run full-time (BOL); about a third also as a work-based (BBL) track.
    const leerwegen = both && !included && stableHash(`${brin}:${qualification.crebo}:bbl`) % 3 !== 0 ? (['BOL'] as const) : qualification.leerwegen;
    for (const leerweg of leerwegen) {
      if (result.length < options.count || included) result.push(offering(real, qualification, leerweg, options.cohort));
    }
  }
  return result.sort((a, b) => a.naam.localeCompare(b.naam, 'nl') || a.niveau - b.niveau || a.leerweg.localeCompare(b.leerweg));
}

/** Catalogue data for these real institutions with the given (synthetic) programmes. */
export function catalogFor(entries: ReadonlyArray<{ brin: string; programmes: Programme[] }>): CatalogData {
  const data: CatalogData = { institutions: [], locations: {}, programmes: {} };
  for (const entry of entries) {
    const real = findRealInstitution(entry.brin);
    data.institutions.push(toInstitution(real));
    data.locations[real.brin] = toLocations(real);
    data.programmes[real.brin] = entry.programmes;
  }
  data.institutions.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return data;
}

/**
 * About `size` synthetic offerings spread over all 179 real institutions (real locations × real
 * qualifications, pairings synthetic): a realistic load for typeahead benchmarks.
 */
export function catalogForBench(size = 10_000, cohort = '2027'): CatalogData {
  const all = institutionData.filter((i) => i.locaties.length > 0);
  const per = Math.floor(size / all.length);
  const extra = size - per * all.length;
  return catalogFor(all.map((real, index) => ({ brin: real.brin, programmes: syntheticProgrammes(real.brin, { count: per + (index < extra ? 1 : 0), cohort }) })));
}

interface Ranked<T> {
  item: T;
  rank: number;
}

function takeBest<T>(ranked: Ranked<T>[], limit: number): T[] {
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.item);
}

/** Typeahead over catalogue data. Keys are folded once, so a search is a scan of short strings. */
export function createCatalogIndex(data: CatalogData): CatalogIndex {
  const institutionKeys = data.institutions.map((institution, order) => ({
    institution,
    order,
    naam: foldForSearch(institution.naam),
    all: foldForSearch([institution.naam, ...institution.plaatsen].join(' ')),
  }));
  const byBrin = new Map(data.institutions.map((i) => [i.brin, i]));
  const programmeKeys = new Map(
    Object.entries(data.programmes).map(([brin, list]) => [
      brin,
      list.map((programme, order) => ({ programme, order, naam: foldForSearch(programme.naam), all: `${foldForSearch(programme.naam)} ${programme.crebo}` })),
    ]),
  );

  const programmeById = new Map(Object.entries(data.programmes).map(([brin, list]) => [brin, new Map(list.map((p) => [p.id, p]))]));

  return {
    searchInstitutions(q, limit) {
      const terms = words(q);
      const ranked: Ranked<Institution>[] = [];
      for (const key of institutionKeys) {
        if (!terms.every((term) => key.all.includes(term))) continue;
        // Names that start with what was typed come first, then the catalogue order (by name).
        const first = terms[0];
        const rank = (first && key.naam.startsWith(first) ? 0 : first && key.naam.includes(first) ? 1 : 2) * 1e6 + key.order;
        ranked.push({ item: key.institution, rank });
      }
      return takeBest(ranked, limit);
    },
    getInstitution: (brin) => byBrin.get(brin),
    listLocations: (brin) => data.locations[brin] ?? [],
    getProgramme: (brin, id) => programmeById.get(brin)?.get(id),
    searchProgrammes(brin, q, limit) {
      const terms = words(q);
      const ranked: Ranked<Programme>[] = [];
      for (const key of programmeKeys.get(brin) ?? []) {
        if (!terms.every((term) => key.all.includes(term))) continue;
        const first = terms[0];
        const tier = !first ? 2 : key.programme.crebo.startsWith(first) || key.naam.startsWith(first) ? 0 : key.naam.includes(` ${first}`) ? 1 : 2;
        ranked.push({ item: key.programme, rank: tier * 1e6 + key.order });
      }
      return takeBest(ranked, limit);
    },
  };
}
