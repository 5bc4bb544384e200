/**
 * The reference combobox: ARIA 1.2 combobox with a listbox popup ("list autocomplete, no
 * automatic selection"). It is a Lit directive, not a custom element, so it lives in the host's
 * shadow root and its ids (label `for`, aria-controls, aria-activedescendant) resolve.
 *
 * Keyboard: ArrowDown opens the list / moves down; ArrowUp moves up (both wrap); Enter chooses
 * the active option; Escape closes the list (a second Escape restores the chosen text);
 * Home / End go to the first / last option while an option is active (otherwise they move the
 * caret as usual); Tab leaves without choosing. Typing searches after `debounce` ms (150).
 * A polite live region announces "12 resultaten" / "Geen resultaten…".
 * The input takes at most `limits.query` characters, the longest search text the backend answers;
 * a search it refuses anyway (text set by a script, a NUL) says so ('search.refused'), not "try again".
 *
 * @example
 *   html`<label id="x-label" for="x">Mbo-school</label>
 *        ${combobox({ id: 'x', labelId: 'x-label', lang, value, search: (q) => api.institutions(q).then(toOptions),
 *                     onSelect: (option) => …, onBlur: () => … })}`
 */
import { html, nothing } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { live } from 'lit/directives/live.js';
import { limits, type ReferenceAnswer } from '@doorstroom/sdk';
import { isRefusedSearch, translate, translatePlural } from './i18n.js';
import { scrollBehavior } from './motion.js';

/** One search result. Choosing it stores `{ id, label, detail }` as the answer. */
export interface ComboboxOption {
  id: string;
  label: string;
  /** Facts kept with the answer (crebo, niveau, plaats…). */
  detail?: Readonly<Record<string, string | number>>;
  /** Second line in the list; defaults to the `detail` values joined by " · ". */
  description?: string;
}

export interface ComboboxProps {
  /** Id of the input (the label's `for`); unique within the shadow root. */
  id: string;
  /** Id of the visible label, which also names the listbox. */
  labelId: string;
  lang: string;
  value: ReferenceAnswer | null | undefined;
  search(query: string): Promise<ReadonlyArray<ComboboxOption>>;
  /** An option was chosen; `null` when the user emptied the field. */
  onSelect(option: ComboboxOption | null): void;
  onBlur?(): void;
  /** Ids of help and error texts. */
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  disabled?: boolean;
  /** Milliseconds between the last keystroke and the search. Default 150. */
  debounce?: number;
}

/**
 * A touch screen without a mouse (a phone or tablet): there are no arrow keys to talk about, so
 * the hint says to tap a result instead.
 */
export const isTouchScreen = (): boolean => typeof matchMedia === 'function' && matchMedia('(pointer: coarse) and (hover: none)').matches;

export function optionDescription(option: ComboboxOption): string {
  return option.description ?? (option.detail ? Object.values(option.detail).join(' · ') : '');
}

class ComboboxDirective extends AsyncDirective {
  private props!: ComboboxProps;
  /** What the user typed; undefined shows the chosen answer's label. */
  private text: string | undefined;
  private open = false;
  private loading = false;
  /** Why the last search failed: the backend refused the text (type something else) or could not answer (try again). */
  private failure: 'search.refused' | 'combobox.error' | undefined;
  private options: ReadonlyArray<ComboboxOption> = [];
  private active = -1;
  private query = '';
  private announcement = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private activateFirst = false;

  render(props: ComboboxProps) {
    this.props = props;
    return this.view();
  }

  protected override disconnected(): void {
    clearTimeout(this.timer);
    this.sequence++;
  }

  private refresh(): void {
    if (this.isConnected) this.setValue(this.view());
  }

  private optionId(index: number): string {
    return `${this.props.id}-option-${index}`;
  }

  private view() {
    const { id, labelId, lang, value, describedBy, invalid, placeholder, disabled } = this.props;
    const listId = `${id}-listbox`;
    const instructionsId = `${id}-instructions`;
    const listShown = this.open && this.options.length > 0;
    const status = !this.open
      ? ''
      : this.loading
        ? translate(lang, 'combobox.loading')
        : this.failure
          ? translate(lang, this.failure)
          : this.options.length === 0 && this.query !== ''
            ? translate(lang, 'combobox.empty', { query: this.query })
            : '';
    // The input is named by the field's <label for> (fields.ts); options are chosen with the keys on the input (aria-activedescendant).
    /* eslint-disable lit-a11y/accessible-name, lit-a11y/click-events-have-key-events */
    return html`<div class="ddd-combobox">
      <input
        id=${id}
        class="ddd-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded=${listShown ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${listShown && this.active >= 0 ? this.optionId(this.active) : nothing}
        aria-describedby=${[describedBy, instructionsId].filter(Boolean).join(' ')}
        aria-invalid=${invalid ? 'true' : nothing}
        autocomplete="off"
        spellcheck="false"
        maxlength=${limits.query}
        placeholder=${placeholder || nothing}
        ?disabled=${disabled}
        .value=${live(this.text ?? value?.label ?? '')}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
        @blur=${this.onBlur}
      />
      <ul id=${listId} role="listbox" aria-labelledby=${labelId} class="ddd-combobox__listbox" ?hidden=${!listShown}>
        ${this.options.map((option, index) => {
          const description = optionDescription(option);
          return html`<li
            id=${this.optionId(index)}
            role="option"
            class="ddd-combobox__option"
            aria-selected=${index === this.active ? 'true' : 'false'}
            @mousedown=${(event: Event) => event.preventDefault()}
            @click=${() => this.choose(index)}
          >
            <span class="ddd-combobox__label">${option.label}</span>
            ${description ? html`<span class="ddd-combobox__detail">${description}</span>` : nothing}
          </li>`;
        })}
      </ul>
      <div class="ddd-combobox__status" aria-hidden="true" ?hidden=${!status}>${status}</div>
      <span id=${instructionsId} class="ddd-visually-hidden">${translate(lang, isTouchScreen() ? 'combobox.instructionsTouch' : 'combobox.instructions')}</span>
      <div class="ddd-visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
    /* eslint-enable lit-a11y/accessible-name, lit-a11y/click-events-have-key-events */
  }

  private onInput = (event: InputEvent) => {
    this.text = (event.target as HTMLInputElement).value;
    this.open = true;
    this.loading = true;
    this.active = -1;
    clearTimeout(this.timer);
    const query = this.text;
    this.timer = setTimeout(() => void this.search(query), this.props.debounce ?? 150);
    this.refresh();
  };

  private async search(query: string): Promise<void> {
    const mine = ++this.sequence;
    this.loading = true;
    this.failure = undefined;
    this.refresh();
    let results: ReadonlyArray<ComboboxOption> = [];
    try {
      results = await this.props.search(query.trim());
    } catch (error) {
      if (mine !== this.sequence) return;
      this.failure = isRefusedSearch(error) ? 'search.refused' : 'combobox.error';
    }
    // A slower, older search must not overwrite the answer to what the user typed last.
    if (mine !== this.sequence) return;
    this.loading = false;
    this.query = query.trim();
    // Keep the user's place when fresh results still hold the option they were on.
    const activeId = this.active >= 0 ? this.options[this.active]?.id : undefined;
    const kept = activeId === undefined ? -1 : results.findIndex((option) => option.id === activeId);
    this.options = results;
    this.active = kept >= 0 ? kept : this.activateFirst && results.length > 0 ? 0 : -1;
    this.activateFirst = false;
    const { lang } = this.props;
    this.announcement = this.failure
      ? translate(lang, this.failure)
      : results.length === 0
        ? translate(lang, 'combobox.empty', { query: this.query })
        : translatePlural(lang, 'combobox.results', results.length);
    this.refresh();
  }

  private onKeydown = (event: KeyboardEvent) => {
    const input = event.currentTarget as HTMLInputElement;
    const count = this.options.length;
    const listShown = this.open && count > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!listShown) {
          this.openList(event.key === 'ArrowDown');
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const start = this.active < 0 ? (step === 1 ? -1 : count) : this.active;
        this.moveTo((start + step + count) % count, input);
        return;
      }
      case 'Home':
      case 'End':
        if (listShown && this.active >= 0) {
          event.preventDefault();
          this.moveTo(event.key === 'Home' ? 0 : count - 1, input);
        }
        return;
      case 'Enter':
        if (listShown && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        }
        return;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
        } else if (this.text !== undefined) {
          event.preventDefault();
          this.text = undefined;
          this.refresh();
        }
        return;
    }
  };

  private openList(activateFirst: boolean): void {
    this.open = true;
    this.activateFirst = activateFirst;
    clearTimeout(this.timer);
    void this.search(this.text ?? '');
  }

  private moveTo(index: number, input: HTMLInputElement): void {
    this.active = index;
    this.refresh();
    const root = input.getRootNode() as ShadowRoot | Document;
    root.getElementById(this.optionId(index))?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }

  private choose(index: number): void {
    const option = this.options[index];
    if (!option) return;
    this.text = undefined;
    this.close();
    this.announcement = '';
    this.props.onSelect(option);
  }

  private close(): void {
    this.open = false;
    this.active = -1;
    this.loading = false;
    clearTimeout(this.timer);
    this.sequence++;
    this.refresh();
  }

  private onBlur = () => {
    const typed = this.text;
    this.close();
    // An emptied field clears the answer; unfinished typing falls back to the chosen entry, or
    // stays in the field when nothing was chosen yet, so the user can go on from there.
    if (typed !== undefined && (typed.trim() === '' || this.props.value)) {
      this.text = undefined;
      if (typed.trim() === '' && this.props.value) this.props.onSelect(null);
      this.refresh();
    }
    this.props.onBlur?.();
  };
}

/** Renders the combobox; see the module comment for the keyboard model. */
export const combobox = directive(ComboboxDirective);
