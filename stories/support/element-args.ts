/**
 * `<ddd-progress ${elementArgs(args)}>`: the story's controls applied to the element. Attribute
 * args (kebab-case names from custom-elements.json) become attributes, `--ddd-*` args inline
 * custom properties; anything else (property names, the `on…` action args) is left alone, so a
 * render function's own bindings (`.api`, `dossier-id` from the example data) hold until a
 * control is changed. A control that is cleared gives the element back what it had before.
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type Args = Record<string, unknown>;

const isAttributeName = (name: string) => /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) && !name.startsWith('on');

class ElementArgs extends Directive {
  /** Attribute → its value before a control changed it (null: it had none). */
  private readonly originalAttributes = new Map<string, string | null>();
  private readonly originalProperties = new Map<string, string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('elementArgs() goes on an element: <ddd-x ${elementArgs(args)}>');
  }

  render(_args: Args) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [Args]) {
    const element = part.element as HTMLElement;
    const attributes = new Set<string>();
    const properties = new Set<string>();
    for (const [name, value] of Object.entries(args)) {
      if (value === undefined || value === null || value === '') continue;
      if (name.startsWith('--')) {
        if (!this.originalProperties.has(name)) this.originalProperties.set(name, element.style.getPropertyValue(name));
        element.style.setProperty(name, String(value));
        properties.add(name);
      } else if (isAttributeName(name) && typeof value !== 'function' && typeof value !== 'object') {
        if (!this.originalAttributes.has(name)) this.originalAttributes.set(name, element.getAttribute(name));
        if (value === false) element.removeAttribute(name);
        else element.setAttribute(name, value === true ? '' : String(value));
        attributes.add(name);
      }
    }
    for (const [name, original] of this.originalAttributes) {
      if (attributes.has(name)) continue;
      if (original === null) element.removeAttribute(name);
      else element.setAttribute(name, original);
      this.originalAttributes.delete(name);
    }
    for (const [name, original] of this.originalProperties) {
      if (properties.has(name)) continue;
      if (original) element.style.setProperty(name, original);
      else element.style.removeProperty(name);
      this.originalProperties.delete(name);
    }
    return noChange;
  }
}

export const elementArgs = directive(ElementArgs);
