/**
 * Plugs the backend's catalogue into reference questions (A7): instelling, locatie and opleiding.
 * The answers it produces are the snapshots the SDK expects: `{ id, label, detail }`.
 *
 * @example renderQuestions(section.questions, draft, { …, search: catalogSearch(api, lang) })
 */
import { type DossierApi, type ReferenceAnswer, type ReferenceQuestion, type SectionAnswers } from '@doorstroom/sdk';
import type { ComboboxOption } from './combobox.js';
import { translate } from './i18n.js';

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The `search` option of `renderQuestions`, answering from `api`'s catalogue in `lang`. */
export function catalogSearch(api: DossierApi, lang: string) {
  return async (question: ReferenceQuestion, query: string, answers: SectionAnswers): Promise<ComboboxOption[]> => {
    if (question.source === 'institution') {
      const found = await api.institutions(query || undefined);
      return found.map((i) => ({ id: i.brin, label: i.naam, detail: { brin: i.brin }, description: i.plaatsen.join(', ') }));
    }
    // Locations and programmes belong to the chosen instelling (the question's `dependsOn`).
    const parent = answers[question.dependsOn ?? 'instelling'] as ReferenceAnswer | null | undefined;
    if (!parent?.id) return [];
    if (question.source === 'location') {
      const terms = fold(query).split(/\s+/).filter(Boolean);
      const found = await api.locations(parent.id);
      return found.filter((l) => terms.every((term) => fold(`${l.naam} ${l.plaats}`).includes(term))).map((l) => ({ id: l.code, label: l.naam, detail: { plaats: l.plaats }, description: l.plaats }));
    }
    // The opleiding comes before the locatie (which is then chosen among those that give it).
    const found = await api.programmes(parent.id, query || undefined);
    return found.map((p) => ({
      id: p.id,
      label: p.naam,
      detail: { crebo: p.crebo, niveau: p.niveau, leerweg: p.leerweg, cohort: p.cohort },
      description: translate(lang, 'catalog.programme', { crebo: p.crebo, niveau: p.niveau, leerweg: p.leerweg, cohort: p.cohort }),
    }));
  };
}
