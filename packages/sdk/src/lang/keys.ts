/**
 * Stable keys for the texts of section definitions, the keys language packs are written
 * against: `section.persoonlijk.title`, `q.persoonlijk.bsn.label`, `q.thuis.ouders.naam.help`,
 * `opt.herkomst.schoolsoort.vmbo`, `opt.herkomst.schoolsoort.vmbo.hint`, `opt.score.3`.
 */
import type { Localized } from '../i18n.js';
import type { ChoiceOption, Question, SectionDefinition } from '../sections/types.js';

type Entry = readonly [key: string, value: Localized];

/** Options as keyed texts: `opt.<path>.<value>` and `opt.<path>.<value>.hint`. */
export function optionTexts(path: string, options: ReadonlyArray<ChoiceOption>): Entry[] {
  return options.flatMap((option): Entry[] => [[`opt.${path}.${option.value}`, option.label], ...(option.hint ? [[`opt.${path}.${option.value}.hint`, option.hint] as const] : [])]);
}

function questionTexts(path: string, question: Question): Entry[] {
  const here = `${path}.${question.id}`;
  const entries: Entry[] = [[`q.${here}.label`, question.label]];
  if (question.help) entries.push([`q.${here}.help`, question.help]);
  if (question.readLabel) entries.push([`q.${here}.readLabel`, question.readLabel]);
  // Examples that read the same in Dutch and English (names, numbers, codes) need no translation.
  if (question.placeholder && question.placeholder.nl !== question.placeholder.en) entries.push([`q.${here}.placeholder`, question.placeholder]);
  switch (question.kind) {
    case 'choice':
    case 'multiChoice':
      entries.push(...optionTexts(here, question.options));
      break;
    case 'score':
      // Every score question shares the competence scale.
      entries.push(...optionTexts('score', question.options));
      break;
    case 'repeat':
      entries.push([`q.${here}.itemLabel`, question.itemLabel]);
      for (const sub of question.questions) entries.push(...questionTexts(here, sub));
      break;
  }
  return entries;
}

/** Every text of these sections with its key, in definition order. */
export function sectionTexts(sections: ReadonlyArray<SectionDefinition>): Entry[] {
  return sections.flatMap((section): Entry[] => [
    [`section.${section.id}.title`, section.title],
    ...(section.intro ? [[`section.${section.id}.intro`, section.intro] as const] : []),
    ...(section.contents ? [[`section.${section.id}.contents`, section.contents] as const] : []),
    ...section.questions.flatMap((question) => questionTexts(section.id, question)),
  ]);
}
