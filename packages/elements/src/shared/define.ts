/**
 * Registers a custom element unless the tag is already taken. Pages that load two copies of the
 * bundle (or hot reload) would otherwise throw "has already been used with this registry".
 *
 * @example defineElement('ddd-progress', DddProgress);
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
