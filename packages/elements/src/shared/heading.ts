/**
 * Headings at a level the page chooses. Every element has a `heading-level` attribute (1–6): the
 * level of its top heading; the headings inside follow one, two… levels below. An element on a
 * portal page under the page's own h1 keeps the default 2; an element that is the page's main
 * content gets `heading-level="1"`. See docs/accessibility.md.
 */
import { html, nothing, type TemplateResult } from 'lit';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The default top heading level of every element. */
export const defaultHeadingLevel: HeadingLevel = 2;

/** A `heading-level` attribute as a level; anything else falls back to the default. */
export function headingLevelOf(value: unknown): HeadingLevel {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? (level as HeadingLevel) : defaultHeadingLevel;
}

/** `depth` levels below `top`, never deeper than 6. */
export const below = (top: HeadingLevel, depth: number): HeadingLevel => Math.min(6, top + depth) as HeadingLevel;

export interface HeadingOptions {
  id?: string;
  class?: string;
  /** -1 for a heading that takes focus when a step or view changes. */
  tabindex?: number;
}

/** A real h1–h6 (not role="heading"), so every reading mode and headings list finds it. */
export function heading(level: HeadingLevel, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const id = options.id ?? nothing;
  const cls = options.class ?? nothing;
  const tabindex = options.tabindex ?? nothing;
  switch (level) {
    case 1:
      return html`<h1 id=${id} class=${cls} tabindex=${tabindex}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} class=${cls} tabindex=${tabindex}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${cls} tabindex=${tabindex}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${cls} tabindex=${tabindex}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${cls} tabindex=${tabindex}>${content}</h5>`;
    default:
      return html`<h6 id=${id} class=${cls} tabindex=${tabindex}>${content}</h6>`;
  }
}
