/**
 * Inline style properties set through the CSSOM (`style.setProperty`), never as a `style`
 * attribute: a portal whose CSP forbids inline styles (`style-src` without 'unsafe-inline')
 * blocks the attribute, including the one Lit's `styleMap` writes on its first render.
 *
 * @example html`<div class="bar__fill" ${styleProperties({ 'inline-size': `${percent}%` })}></div>`
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

export type StyleProperties = Readonly<Record<string, string | null | undefined>>;

class StylePropertiesDirective extends Directive {
  private names = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProperties() belongs on an element: <div ${styleProperties({ … })}>');
  }

  render(_properties: StyleProperties): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.names) if (properties[name] == null) style.removeProperty(name);
    this.names = new Set();
    for (const [name, value] of Object.entries(properties)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.names.add(name);
    }
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
