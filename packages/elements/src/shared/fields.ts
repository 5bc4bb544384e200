/**
 * Renders SDK question definitions as native form controls inside the host's shadow root
 * (template functions, so label `for`, aria-describedby and error-summary links all resolve).
 *
 * - text → input / textarea (type, inputmode and `autocomplete` from the definition)
 * - yesNo, choice, score → radio group in fieldset/legend; multiChoice → checkbox group
 * - confirm → one checkbox; date → input type=date; reference → `combobox()`
 * - repeat → entries with "… toevoegen" / "Verwijderen" (focus moves to the new entry's first
 *   field; after removing, to the add button)
 * Optional questions say "(optioneel)"; help and error texts are tied with aria-describedby and
 * an error sets aria-invalid. Questions whose `when` no longer holds are not shown, but their
 * answers stay in the draft: nothing typed is lost when a student changes their mind.
 *
 * Paths are those of `validateSection`: 'postcode', 'ervaring.0.organisatie'.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  applies,
  isRequired,
  limits,
  declinedAnswer,
  localize,
  normalizePhone,
  normalizePostcode,
  toStorableText,
  type AnswerValue,
  type ConditionContext,
  type Question,
  type ReferenceAnswer,
  type ReferenceQuestion,
  type RepeatQuestion,
  type SectionAnswers,
} from '@doorstroom/sdk';
import { combobox, type ComboboxOption } from './combobox.js';
import { formatAnswer } from './format.js';
import { translate } from './i18n.js';
import { scrollBehavior } from './motion.js';

/** How a list of questions talks to the element that renders it. */
export interface FieldsOptions {
  lang: string;
  /** Decides which questions apply and which are required (dossier type, guardian age). */
  context: ConditionContext;
  /** The error message to show for a path now, or undefined (see `FeedbackController.message`). */
  errorFor(path: string): string | undefined;
  /** The answer at `path` changed; store it, e.g. `this.draft = setAnswer(this.draft, path, value)`. */
  onInput(path: string, value: AnswerValue | undefined): void;
  /** Focus left the field at `path`. */
  onBlur(path: string): void;
  /** Catalogue look-up for reference questions; `answers` holds e.g. the chosen instelling. */
  search?(question: ReferenceQuestion, query: string, answers: SectionAnswers): Promise<ReadonlyArray<ComboboxOption>>;
  /** Keeps ids unique when one shadow root renders several forms. Default 'ddd'. */
  idPrefix?: string;
  disabled?: boolean;
  /** Paths the school registered: shown as text with where they come from, not as a control. */
  registered?: ReadonlySet<string>;
  /**
   * The whole section is optional and its heading says so: its questions do not each repeat
   * "(optioneel)".
   */
  optionalSection?: boolean;
}

/** One field, for a single question outside a section form. */
export interface FieldProps {
  question: Question;
  value: AnswerValue | undefined;
  lang: string;
  /** The message to show, already in the user's language; undefined shows none. */
  error?: string;
  onInput(value: AnswerValue | undefined): void;
  onBlur(): void;
  /** Id of the control; unique within the shadow root. */
  id: string;
  /** Whether it is required now; defaults to the definition's `required`. */
  required?: boolean;
  search?(query: string): Promise<ReadonlyArray<ComboboxOption>>;
  disabled?: boolean;
  /** Leave out "(optioneel)": the section's heading says it for every question. */
  quietOptional?: boolean;
}

/** The id of the control for a path: 'ervaring.0.plaats' → 'ddd-ervaring-0-plaats'. */
export function fieldId(path: string, idPrefix = 'ddd'): string {
  return `${idPrefix}-${path.split('.').join('-')}`;
}

/** Moves focus to the field at `path` (for a group: its checked or first option) and scrolls to it. */
export function focusField(root: ShadowRoot | Document, path: string, idPrefix = 'ddd'): boolean {
  const element = root.getElementById(fieldId(path, idPrefix));
  if (!element) return false;
  const target = element instanceof HTMLFieldSetElement ? (element.querySelector<HTMLElement>('input:checked') ?? element.querySelector<HTMLElement>('input, select, textarea, button')) : element;
  target?.focus({ preventScroll: true });
  target?.scrollIntoView?.({ block: 'center', behavior: scrollBehavior() });
  return target !== null;
}

/** The answer at a path: getAnswer(answers, 'ervaring.0.plaats'). */
export function getAnswer(answers: SectionAnswers, path: string): AnswerValue | undefined {
  let current: unknown = answers;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current as AnswerValue | undefined;
}

/** A copy of `answers` with the value at `path` replaced (undefined removes it); repeat entries are created as needed. */
export function setAnswer(answers: SectionAnswers, path: string, value: AnswerValue | undefined): SectionAnswers {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy: Record<string, AnswerValue | undefined> = { ...answers };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const [index, ...inner] = rest as [string, ...string[]];
  const list = Array.isArray(copy[head]) ? [...(copy[head] as SectionAnswers[])] : [];
  const position = Number(index);
  while (list.length <= position) list.push({});
  list[position] = inner.length ? setAnswer(list[position] ?? {}, inner.join('.'), value) : ((value ?? {}) as SectionAnswers);
  copy[head] = list;
  return copy;
}

/** Renders the questions that apply, in order. `pathPrefix` is for entries of a repeat. */
export function renderQuestions(questions: ReadonlyArray<Question>, answers: SectionAnswers, options: FieldsOptions, pathPrefix = ''): TemplateResult {
  const shown = questions.filter((question) => applies(question, answers, options.context));
  return html`${shown.map((question) => {
    const path = pathPrefix + question.id;
    const required = isRequired(question, answers, options.context);
    if (question.kind === 'repeat') return renderRepeat(question, answers[question.id], path, required, options);
    if (options.registered?.has(path)) return renderRegistered(question, answers[question.id], fieldId(path, options.idPrefix), options.lang);
    return renderField({
      question,
      value: answers[question.id],
      lang: options.lang,
      error: options.errorFor(path),
      onInput: (value) => options.onInput(path, value),
      onBlur: () => options.onBlur(path),
      id: fieldId(path, options.idPrefix),
      required,
      disabled: options.disabled,
      quietOptional: options.optionalSection,
      search: question.kind === 'reference' && options.search ? (query) => options.search!(question, query, answers) : undefined,
    });
  })}`;
}

/**
 * An answer the school registered (A1's number and birth date): read-only text under its label,
 * with where it comes from and what to do when it is wrong. Focusable, so "Wijzig" and the error
 * summary can still land on it.
 */
function renderRegistered(question: Question, value: AnswerValue | undefined, id: string, lang: string): TemplateResult {
  return html`<div class="ddd-field ddd-field--registered" id=${id} tabindex="-1" role="group" aria-labelledby="${id}-label" aria-describedby="${id}-help">
    <p class="ddd-label" id="${id}-label">${localize(question.label, lang)}</p>
    <p class="ddd-registered-value">${formatAnswer(question, value, lang)}</p>
    <p class="ddd-help" id="${id}-help">${translate(lang, 'field.registered')}</p>
  </div>`;
}

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || nothing;

function labelContent(props: FieldProps) {
  const required = props.required ?? props.question.required;
  return html`${localize(props.question.label, props.lang)}${required || props.quietOptional ? nothing : html` <span class="ddd-optional">${translate(props.lang, 'field.optional')}</span>`}`;
}

function helpAndError(props: FieldProps) {
  const { question, lang, id, error } = props;
  const help = localize(question.help, lang);
  return html`${
    help || question.prefilled
      ? html`<div class="ddd-help" id="${id}-help">
          ${help}${question.prefilled ? html`${help ? ' ' : ''}${translate(lang, 'field.prefilled')}` : nothing}
        </div>`
      : nothing
  }
    ${
      error
        ? html`<p class="ddd-error-message" id="${id}-error">
          <span class="ddd-visually-hidden">${translate(lang, 'field.errorPrefix')} </span>${error}
        </p>`
        : nothing
    }`;
}

const hasHelp = (props: FieldProps) => Boolean(props.question.help || props.question.prefilled);

/** Renders one question (any kind but repeat, which needs `renderQuestions`). */
export function renderField(props: FieldProps): TemplateResult {
  switch (props.question.kind) {
    case 'yesNo':
    case 'choice':
    case 'score':
      return renderRadios(props);
    case 'multiChoice':
      return renderCheckboxes(props);
    case 'confirm':
      return renderConfirm(props);
    case 'repeat':
      throw new Error(`Question ${props.question.id} is a repeat: render it with renderQuestions`);
    default:
      return renderInput(props);
  }
}

const inputTypes: Record<string, { type?: string; inputmode?: string; short?: boolean; caps?: boolean }> = {
  email: { type: 'email' },
  phone: { type: 'tel' },
  bsn: { inputmode: 'numeric', short: true },
  postcode: { short: true, caps: true },
  initials: { short: true, caps: true },
  houseNumber: { short: true },
};

function renderInput(props: FieldProps): TemplateResult {
  const { question, value, lang, id, error } = props;
  const describe = describedBy(hasHelp(props) && `${id}-help`, error && `${id}-error`);
  const placeholder = localize(question.placeholder, lang) || nothing;
  let control: unknown;
  if (question.kind === 'reference') {
    control = combobox({
      id,
      labelId: `${id}-label`,
      lang,
      value: (value as ReferenceAnswer | null | undefined) ?? null,
      search: props.search ?? (async () => []),
      onSelect: (option) => props.onInput(option ? { id: option.id, label: option.label, ...(option.detail ? { detail: option.detail } : {}) } : null),
      onBlur: props.onBlur,
      describedBy: describe === nothing ? undefined : describe,
      invalid: Boolean(error),
      placeholder: localize(question.placeholder, lang),
      disabled: props.disabled,
    });
  } else if (question.kind === 'date') {
    control = html`<input id=${id} class="ddd-input ddd-input--date" type="date" autocomplete=${question.autocomplete ?? nothing}
      aria-describedby=${describe} aria-invalid=${error ? 'true' : nothing} ?disabled=${props.disabled}
      .value=${live(typeof value === 'string' ? value : '')}
      @change=${(e: Event) => props.onInput((e.target as HTMLInputElement).value || null)} @blur=${props.onBlur} />`;
  } else if (question.kind === 'text') {
    const text = typeof value === 'string' ? value : '';
    // A pasted NUL or half an emoji is dropped here (lone halves become U+FFFD): no backend can store them, and the contract refuses them.
    const onInput = (e: Event) => props.onInput(toStorableText((e.target as HTMLInputElement).value) || null);
    const onBlur = (e: Event) => {
      // Tidy a postcode or phone number once the student is done typing it ('1234ab' → '1234 AB',
      // '0612345678' → '+31 6 12345678'). What the field holds now, not the last render's value.
      const typed = toStorableText((e.target as HTMLInputElement).value);
      const tidy = question.format === 'postcode' ? normalizePostcode : question.format === 'phone' ? normalizePhone : undefined;
      if (tidy && typed && tidy(typed) !== typed) props.onInput(tidy(typed));
      props.onBlur();
    };
    const kind = inputTypes[question.format ?? ''] ?? {};
    control = question.multiline
      ? html`<textarea id=${id} class="ddd-textarea" rows="5" maxlength=${question.maxLength ?? limits.text}
          autocomplete=${question.autocomplete ?? nothing} placeholder=${placeholder} aria-describedby=${describe}
          aria-invalid=${error ? 'true' : nothing} ?disabled=${props.disabled} .value=${live(text)} @input=${onInput} @blur=${onBlur}></textarea>`
      : html`<input id=${id} class="ddd-input ${kind.short ? 'ddd-input--short' : ''}" type=${kind.type ?? 'text'}
          inputmode=${kind.inputmode ?? nothing} autocapitalize=${kind.caps ? 'characters' : nothing}
          spellcheck=${question.format ? 'false' : nothing} maxlength=${question.maxLength ?? limits.text}
          autocomplete=${question.autocomplete ?? nothing} placeholder=${placeholder} aria-describedby=${describe}
          aria-invalid=${error ? 'true' : nothing} ?disabled=${props.disabled} .value=${live(text)} @input=${onInput} @blur=${onBlur} />`;
  } else {
    throw new Error(`renderInput cannot render a ${question.kind} question`);
  }
  return html`<div class="ddd-field ${error ? 'ddd-field--error' : ''}">
    <label class="ddd-label" id="${id}-label" for=${id}>${labelContent(props)}</label>
    ${helpAndError(props)} ${control}
  </div>`;
}

/** Blur for a group: only when focus leaves the whole fieldset, not when moving between its options. */
const groupBlur = (onBlur: () => void) => (event: FocusEvent) => {
  const group = event.currentTarget as HTMLElement;
  if (!(event.relatedTarget instanceof Node) || !group.contains(event.relatedTarget)) onBlur();
};

function choiceOptions(props: FieldProps): ReadonlyArray<{ value: string | number | boolean; label: string; hint: string }> {
  const { question, lang } = props;
  if (question.kind === 'yesNo') {
    return [
      { value: true, label: translate(lang, 'field.yes'), hint: '' },
      { value: false, label: translate(lang, 'field.no'), hint: '' },
      ...(question.declinable ? [{ value: declinedAnswer, label: translate(lang, 'field.declined'), hint: '' }] : []),
    ];
  }
  if (question.kind === 'choice' || question.kind === 'score' || question.kind === 'multiChoice') {
    return question.options.map((option) => ({ value: option.value, label: localize(option.label, lang), hint: localize(option.hint, lang) }));
  }
  return [];
}

function renderGroup(props: FieldProps, kind: 'radio' | 'checkbox', inline: boolean): TemplateResult {
  const { value, id, error } = props;
  const chosen = (option: string | number | boolean) => (kind === 'radio' ? value === option : Array.isArray(value) && (value as ReadonlyArray<string>).includes(String(option)));
  const options = choiceOptions(props);
  // Read from the boxes themselves: two clicks may come before the next render.
  const toggle = (event: Event) => {
    const group = (event.target as HTMLInputElement).closest('fieldset')!;
    const boxes = [...group.querySelectorAll<HTMLInputElement>(`input[name="${id}"]`)];
    props.onInput(options.map((o) => String(o.value)).filter((_, index) => boxes[index]?.checked));
  };
  return html`<fieldset class="ddd-fieldset ${error ? 'ddd-field--error' : ''}" id=${id}
      aria-describedby=${describedBy(hasHelp(props) && `${id}-help`, error && `${id}-error`)} @focusout=${groupBlur(props.onBlur)}>
    <legend class="ddd-legend">${labelContent(props)}</legend>
    ${helpAndError(props)}
    <div class="ddd-choices ${inline ? 'ddd-choices--inline' : ''}">
      ${options.map(
        (option, index) => html`<div class="ddd-choice">
          <input type=${kind} id="${id}-${index}" name=${id} class="ddd-choice__input" ?disabled=${props.disabled}
            aria-describedby=${option.hint ? `${id}-${index}-hint` : nothing} .checked=${live(chosen(option.value))}
            @change=${(e: Event) => (kind === 'radio' ? props.onInput(option.value) : toggle(e))} />
          <label class="ddd-choice__label" for="${id}-${index}">${option.label}</label>
          ${option.hint ? html`<div class="ddd-choice__hint" id="${id}-${index}-hint">${option.hint}</div>` : nothing}
        </div>`,
      )}
    </div>
  </fieldset>`;
}

const renderRadios = (props: FieldProps) => renderGroup(props, 'radio', props.question.kind === 'yesNo');
const renderCheckboxes = (props: FieldProps) => renderGroup(props, 'checkbox', false);

function renderConfirm(props: FieldProps): TemplateResult {
  const { id, error } = props;
  return html`<div class="ddd-field ${error ? 'ddd-field--error' : ''}">
    ${helpAndError(props)}
    <div class="ddd-choice">
      <input type="checkbox" id=${id} class="ddd-choice__input" ?disabled=${props.disabled}
        aria-describedby=${describedBy(hasHelp(props) && `${id}-help`, error && `${id}-error`)} aria-invalid=${error ? 'true' : nothing}
        .checked=${live(props.value === true)} @change=${(e: Event) => props.onInput((e.target as HTMLInputElement).checked)} @blur=${props.onBlur} />
      <label class="ddd-choice__label" id="${id}-label" for=${id}>${labelContent(props)}</label>
    </div>
  </div>`;
}

/** Focuses inside the host's shadow root once the host has rendered the change just reported. */
async function afterRender(from: Element, work: (root: ShadowRoot | Document) => void): Promise<void> {
  const root = from.getRootNode() as ShadowRoot | Document;
  const host = root instanceof ShadowRoot ? (root.host as Partial<{ updateComplete: Promise<unknown> }>) : undefined;
  await (host?.updateComplete ?? new Promise((resolve) => requestAnimationFrame(resolve)));
  work(root);
}

function renderRepeat(question: RepeatQuestion, value: AnswerValue | undefined, path: string, required: boolean, options: FieldsOptions): TemplateResult {
  const { lang } = options;
  const id = fieldId(path, options.idPrefix);
  const stored = Array.isArray(value) ? (value as ReadonlyArray<SectionAnswers>) : [];
  // Start with one empty entry on screen, so the fields are there without pressing "toevoegen".
  const entries = stored.length > 0 ? stored : [{}];
  const item = localize(question.itemLabel, lang);
  const canAdd = entries.length < (question.maxItems ?? Number.POSITIVE_INFINITY);
  const error = options.errorFor(path);
  const props: FieldProps = { question, value, lang, error, id, required, quietOptional: options.optionalSection, onInput: () => {}, onBlur: () => {} };
  const add = (event: Event) => {
    const index = entries.length;
    options.onInput(path, [...entries, {}]);
    const first = question.questions.find((q) => applies(q, {}, options.context));
    void afterRender(event.currentTarget as Element, (root) => first && focusField(root, `${path}.${index}.${first.id}`, options.idPrefix));
  };
  const remove = (index: number) => (event: Event) => {
    const button = event.currentTarget as Element;
    options.onInput(
      path,
      entries.filter((_, i) => i !== index),
    );
    void afterRender(button, (root) => root.getElementById(`${id}-add`)?.focus());
  };
  return html`<fieldset class="ddd-fieldset ddd-repeat ${error ? 'ddd-field--error' : ''}" id=${id}
      aria-describedby=${describedBy(hasHelp(props) && `${id}-help`, error && `${id}-error`)}>
    <legend class="ddd-legend">${labelContent(props)}</legend>
    ${helpAndError(props)}
    <ol class="ddd-repeat__entries">
      ${entries.map((entry, index) => {
        const number = index + 1;
        return html`<li class="ddd-repeat__entry">
          <fieldset class="ddd-fieldset ddd-repeat__fieldset" id="${id}-entry-${index}">
            <legend class="ddd-legend ddd-legend--entry">${translate(lang, 'repeat.entry', { item, number })}</legend>
            ${renderQuestions(question.questions, entry, options, `${path}.${index}.`)}
            ${
              stored.length > 0
                ? html`<button type="button" class="ddd-button ddd-button--secondary ddd-repeat__remove" ?disabled=${options.disabled} @click=${remove(index)}>
                  ${translate(lang, 'repeat.remove')}<span class="ddd-visually-hidden"> ${translate(lang, 'repeat.removeContext', { item, number })}</span>
                </button>`
                : nothing
            }
          </fieldset>
        </li>`;
      })}
    </ol>
    ${
      canAdd
        ? html`<button type="button" class="ddd-button ddd-button--secondary" id="${id}-add" ?disabled=${options.disabled} @click=${add}>
          ${translate(lang, 'repeat.add', { item, itemLower: item.toLocaleLowerCase(lang) })}
        </button>`
        : html`<p class="ddd-help">${translate(lang, 'repeat.max', { max: question.maxItems ?? 0 })}</p>`
    }
  </fieldset>`;
}
