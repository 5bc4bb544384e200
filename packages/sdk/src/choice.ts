/**
 * A7's answers as snapshots of catalogue entries (`{ id, label, detail }`). The elements build
 * them from what the backend lists, and the backend rebuilds them from its own catalogue on every
 * save, so the label a person sees and the id that decides which MBO reads the dossier agree.
 */
import type { Dossier, Institution, Location, Programme } from './contract.js';
import type { ReferenceAnswer } from './sections/types.js';

export function institutionAnswer(institution: Institution): ReferenceAnswer {
  return { id: institution.brin, label: institution.naam, detail: { brin: institution.brin } };
}

export function locationAnswer(location: Location): ReferenceAnswer {
  return { id: location.code, label: location.naam, detail: { plaats: location.plaats } };
}

export function programmeAnswer(programme: Programme): ReferenceAnswer {
  return { id: programme.id, label: programme.naam, detail: { crebo: programme.crebo, niveau: programme.niveau, leerweg: programme.leerweg, cohort: programme.cohort } };
}

/** Whether the programme is given at the location; true when the catalogue does not say where it is given. */
export function offeredAt(programme: Pick<Programme, 'locatieCodes'>, locationCode: string): boolean {
  return programme.locatieCodes.length === 0 || programme.locatieCodes.includes(locationCode);
}

/** The MBO instelling (BRIN) the student chose in A7, if any. */
export function chosenInstelling(dossier: Pick<Dossier, 'answers'>): string | undefined {
  const instelling = dossier.answers['vervolgkeuze']?.['instelling'];
  if (instelling && typeof instelling === 'object' && !Array.isArray(instelling) && 'id' in instelling) return instelling.id;
  return undefined;
}
