/**
 * UI strings of the elements (section and question texts come from the SDK definitions; show
 * those with `localize`). Keys are flat; messages are strings with `{vars}` or functions, so a
 * translator can work from a plain key → text list. Dutch (plain language, B1) is the default
 * and the fallback; English is complete (lang/en.ts: every element's tag file registers it, the
 * script-tag bundle ships it as lang/en.js). More languages (ar, tr, uk, pl) plug in with
 * `addMessages` (all four at once, SDK texts included: import `src/lang/all.ts`); plural forms
 * use `key.one` / `key.other` (and `zero`, `two`, `few`, `many` where a language has them)
 * through `Intl.PluralRules`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, isDossierApiError, localize, refusal, refusalCodes, type Localized, type RefusalCode } from '@doorstroom/sdk';

export type MessageVars = Readonly<Record<string, string | number>>;
export type Message = string | ((vars: MessageVars) => string);
export type Catalogue = Readonly<Record<string, Message>>;

const nlMessages = {
  'common.loading': 'Laden…',
  'common.retry': 'Opnieuw proberen',
  'common.errorUnknown': 'Er ging iets mis. Probeer het opnieuw.',
  'setup.missing': 'Dit onderdeel is niet ingesteld: geef een api-base of api mee.',
  'setup.loading': 'Gegevens laden…',

  'field.optional': '(optioneel)',
  'field.errorPrefix': 'Fout:',
  'field.yes': 'Ja',
  'field.no': 'Nee',
  'field.declined': 'Dat zeg ik liever niet',
  'field.prefilled': 'Dit hebben we al voor je ingevuld. Klopt het niet? Pas het dan aan.',
  'field.empty': 'Niet ingevuld',
  'repeat.entry': '{item} {number}',
  // Catalogue facts next to a chosen programme (read-only answers, the mentor's overview).
  'answer.detail.crebo': 'crebo {value}',
  'answer.detail.niveau': 'niveau {value}',
  'repeat.add': '{item} toevoegen',
  'repeat.remove': 'Verwijderen',
  'repeat.removeContext': '{item} {number}',
  'repeat.max': 'Je kunt er niet meer dan {max} toevoegen.',

  'combobox.instructions': 'Typ om te zoeken. Kies met de pijltjestoetsen en druk op Enter.',
  'combobox.instructionsTouch': 'Typ om te zoeken. Tik daarna op een resultaat.',
  'combobox.loading': 'Zoeken…',
  'combobox.results.one': '1 resultaat',
  'combobox.results.other': '{count} resultaten',
  'combobox.empty': 'Geen resultaten voor “{query}”. Probeer een ander woord.',
  'combobox.error': 'Zoeken lukt nu niet. Probeer het opnieuw.',
  'search.refused': 'Zoeken lukt niet met deze tekst. Maak je zoekwoord korter of kies een ander woord.',

  'errorSummary.title': 'Er ging iets mis',
  'catalog.programme': 'niveau {niveau} · {leerweg} · crebo {crebo} · start {cohort}',

  'dossierStatus.concept': 'Deel A invullen',
  'dossierStatus.bijMentor': 'Bij de mentor',
  'dossierStatus.deelB': 'Mentor vult deel B in',
  'dossierStatus.akkoord': 'In akkoordverklaring',
  'dossierStatus.afgerond': 'Afgerond',
  'sectionStatus.notStarted': 'Nog niet begonnen',
  'sectionStatus.inProgress': 'Bezig',
  'sectionStatus.complete': 'Klaar',

  'progress.title': 'Voortgang van je dossier',
  'progress.steps': 'Stappen',
  'progress.step.deelA': 'Deel A',
  'progress.step.mentor': 'Mentor',
  'progress.step.akkoord': 'Akkoord',
  'progress.step.afgerond': 'Afgerond',
  'progress.stepState.done': 'klaar',
  'progress.stepState.current': 'nu bezig',
  'progress.stepState.upcoming': 'nog niet',
  'progress.overall': 'Ingevuld',
  'progress.percent': '{percent}%',
  'progress.sections': 'Onderdelen',
  'progress.partA': 'Deel A',
  'progress.partB': 'Deel B',
  'progress.barText': '{percent}%, {status}',
  'progress.archived': 'Gearchiveerd',
  'progress.loading': 'Voortgang laden…',
  'progress.notFound': 'Dit dossier bestaat niet (meer). Ga terug naar het overzicht.',
  'progress.noDossier': 'Er is geen dossier gekozen: geef een dossier-id of dossier mee.',
  'field.registered': 'Dit heeft je school zo geregistreerd. Klopt het niet? Vraag je school om het aan te passen.',
  'support.lead': 'Kom je er niet uit? Neem contact op met {naam}.',
} satisfies Catalogue;

/** Every key the shared pieces use. Element-specific keys may be added with `addMessages`. */
export type MessageKey = keyof typeof nlMessages;

const catalogues = new Map<string, Record<string, Message>>([['nl', { ...nlMessages }]]);

// Connected controllers, so a language that arrives after the elements rendered still shows.
const liveControllers = new Set<LocaleController>();

// The languages the portal offers: Dutch, and each language whose file it loaded (lang/en.js,
// lang/ar.js… in the script-tag bundle; '@doorstroom/elements/lang/all.js' or `offerLanguages`
// from npm). Only these are taken from the page's `lang` (see `elementLang`).
const offeredLanguages = new Set<string>(['nl']);

/**
 * Marks languages as offered by the portal: from then on a page whose `lang` is one of them
 * (`<html lang="en">`) shows the elements in it. The language files call this; a portal does
 * not need to.
 */
export function offerLanguages(...codes: string[]): void {
  for (const code of codes) offeredLanguages.add(code.toLowerCase());
  for (const controller of liveControllers) controller.languagesChanged();
}

/** Whether the portal loaded the file of `lang`'s language (Dutch always). */
function isOffered(lang: string): boolean {
  const base = lang.trim().toLowerCase().split('-')[0] ?? '';
  return offeredLanguages.has(base) && catalogues.has(base);
}

/**
 * Adds or overrides messages, per language, e.g. an element's own strings or a new language:
 * `addMessages({ nl: { 'form.save': 'Opslaan' }, en: { 'form.save': 'Save' } })`.
 * A language becomes selectable once it has a catalogue; missing keys fall back to Dutch.
 * Register the SDK's pack of a new language (`registerLanguage`) first: elements on the page
 * re-render once its messages arrive here.
 */
export function addMessages(bundle: Readonly<Record<string, Catalogue>>): void {
  for (const [lang, messages] of Object.entries(bundle)) {
    const code = lang.toLowerCase();
    catalogues.set(code, { ...catalogues.get(code), ...messages });
  }
  for (const controller of liveControllers) controller.languagesChanged();
}

/** Every message of a language as it stands (element catalogues included once their modules loaded). */
export function catalogue(lang: string): Readonly<Record<string, Message>> {
  return catalogues.get(lang) ?? {};
}

/**
 * The locale for `Intl` formatting in a catalogue language. Arabic keeps Latin digits: BSN,
 * postcode and phone numbers are written that way, so dates and numbers should match them.
 */
export function intlLocale(lang: string): string {
  return lang === 'ar' ? 'ar-u-nu-latn' : lang;
}

/** The catalogue language for a BCP 47 tag: 'en-GB' → 'en'; unknown languages → 'nl'. */
export function supportedLang(tag: string | null | undefined): string {
  const base = (tag ?? '').trim().toLowerCase().split('-')[0] ?? '';
  return catalogues.has(base) ? base : 'nl';
}

function format(message: Message, vars: MessageVars): string {
  if (typeof message === 'function') return message(vars);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The message for `key` in `lang` (Dutch when that language lacks it; the key itself when nobody has it). */
export function translate(lang: string, key: MessageKey | (string & {}), vars: MessageVars = {}): string {
  const message = catalogues.get(supportedLang(lang))?.[key] ?? catalogues.get('nl')?.[key];
  return message === undefined ? key : format(message, vars);
}

/** A counted message: `key.one`, `key.other`, … chosen by the language's plural rules; `{count}` is filled in. */
export function translatePlural(lang: string, key: string, count: number, vars: MessageVars = {}): string {
  const code = supportedLang(lang);
  const category = new Intl.PluralRules(intlLocale(code)).select(count);
  const catalogue = catalogues.get(code) ?? {};
  const chosen = `${key}.${category}` in catalogue ? `${key}.${category}` : `${key}.other`;
  return translate(code, chosen, { count, ...vars });
}

/** The message a person should see for a failure: the SDK's `userMessage` for API errors. */
export function describeError(error: unknown, lang: string): string {
  if (isDossierApiError(error)) return localize(error.userMessage, supportedLang(lang));
  return translate(lang, 'common.errorUnknown');
}

/**
 * The message for a failed call that may be a workflow refusal: the refusal's own words when the
 * backend names one (a 403 or 409 with `reason`, e.g. a guardian opening a dossier that is not at
 * the consent step yet), else as `describeError`.
 */
export function describeRefusal(error: unknown, lang: string): string {
  const reason = isDossierApiError(error) ? error.reason : undefined;
  if (reason && (refusalCodes as ReadonlyArray<string>).includes(reason)) return localize(refusal(reason as RefusalCode).message, lang);
  return describeError(error, lang);
}

/**
 * Whether the backend refused the search text itself (400: longer than `limits.query`, or a
 * character no store can look up). Trying again will not help, and "correct the marked
 * answers" (the SDK's validation message) points at answers a search does not have.
 */
export const isRefusedSearch = (error: unknown) => isDossierApiError(error) && error.kind === 'validation';

/** The message for a failed search: a refused search text asks for other words, anything else as `describeError`. */
export function describeSearchError(error: unknown, lang: string): string {
  return isRefusedSearch(error) ? translate(lang, 'search.refused') : describeError(error, lang);
}

/** A `lang` the portal set for doorstroom itself: on a `ddd-*` element (the element, `<ddd-context>`) or inside one's shadow root. */
function isOwnLang(node: Element): boolean {
  if (node.localName.startsWith('ddd-')) return true;
  const root = node.getRootNode();
  return root instanceof ShadowRoot && root.host.localName.startsWith('ddd-');
}

/**
 * The language an element shows. The nearest `lang` on the element itself or on a `ddd-*`
 * ancestor (`<ddd-context lang="en">`) decides. A `lang` of the page (a wrapper, `<body>`,
 * `<html>`) counts only for a language the portal offers, i.e. loaded the file of: a framework
 * template's `<html lang="en">` does not turn a Dutch school's elements English. Otherwise
 * Dutch. Regional variants count as their language (`en-GB` → `en`).
 */
export function elementLang(element: Element): string {
  for (const node of composedAncestors(element)) {
    const lang = node.getAttribute('lang');
    if (!lang) continue;
    if (node === element || isOwnLang(node)) return supportedLang(lang);
    if (isOffered(lang)) return supportedLang(lang);
  }
  return 'nl';
}

function composedAncestors(element: Element): Element[] {
  const chain: Element[] = [];
  let node: Element | null = element;
  while (node) {
    chain.push(node);
    node = node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
  }
  return chain;
}

/**
 * Gives a host its language (`elementLang`: its own `lang` or a `ddd-*` ancestor's, else the
 * page's when the portal offers that language, else Dutch), re-rendering when any `lang` on the
 * way up changes or a language file arrives.
 *
 * @example
 *   private readonly locale = new LocaleController(this);
 *   render() { return html`<h2>${this.locale.t('progress.title')}</h2>`; }
 */
export class LocaleController implements ReactiveController {
  /** The catalogue language in use: 'nl', 'en', or one added with `addMessages`. */
  lang = 'nl';
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** 'rtl' for right-to-left languages; put it on the element's outer wrapper as `dir`. */
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.lang);
  }

  /** The locale for `Intl.DateTimeFormat` / `Intl.NumberFormat` in the current language. */
  get intl(): string {
    return intlLocale(this.lang);
  }

  hostConnected(): void {
    liveControllers.add(this);
    this.refresh();
    // Every ancestor is watched, so a closer `lang` added later also takes over.
    this.observer = new MutationObserver(() => this.refresh());
    for (const node of composedAncestors(this.host)) this.observer.observe(node, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    liveControllers.delete(this);
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** A UI string in the current language. */
  t(key: MessageKey | (string & {}), vars?: MessageVars): string {
    return translate(this.lang, key, vars);
  }

  /** A counted UI string, e.g. `plural('combobox.results', 12)` → "12 resultaten". */
  plural(key: string, count: number, vars?: MessageVars): string {
    return translatePlural(this.lang, key, count, vars);
  }

  /** A text from the SDK (section titles, question labels, error messages). */
  localize(value: Localized | undefined): string {
    return localize(value, this.lang);
  }

  /** @internal A language was added or extended: pick it up and re-render. */
  languagesChanged(): void {
    this.lang = elementLang(this.host);
    this.host.requestUpdate();
  }

  private refresh(): void {
    const lang = elementLang(this.host);
    if (lang === this.lang) return;
    this.lang = lang;
    this.host.requestUpdate();
  }
}
