/**
 * Every string a page holds under an element, for privacy tests: text and comments, every
 * attribute value (aria-label, title, data-*, value…) and what form controls hold (`.value`,
 * which no attribute shows), in the light DOM and in every shadow root, recursively. Each string
 * says where it was found, so a failure names the place that leaks.
 */
import { expect } from '@open-wc/testing';

export interface DomString {
  /** The text or comment node, or the element of the attribute or value. */
  node: Node;
  kind: 'text' | 'comment' | 'attribute' | 'value';
  /** E.g. `ddd-dossier-form #shadow > dd.answer text`. */
  where: string;
  text: string;
}

type ValueControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLOutputElement;

const holdsValue = (element: Element): element is ValueControl =>
  element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || element instanceof HTMLOutputElement;

const describe = (element: Element) =>
  element.localName +
  (element.id ? `#${element.id}` : '') +
  [...element.classList]
    .slice(0, 2)
    .map((c) => `.${c}`)
    .join('');

export function domStrings(root: Node): DomString[] {
  const found: DomString[] = [];
  const visit = (node: Node, path: string): void => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) {
      const kind = node.nodeType === Node.TEXT_NODE ? 'text' : 'comment';
      found.push({ node, kind, where: `${path} ${kind}`, text: node.textContent ?? '' });
      return;
    }
    let here = path;
    if (node instanceof Element) {
      here = path ? `${path} > ${describe(node)}` : describe(node);
      for (const attribute of node.attributes) found.push({ node, kind: 'attribute', where: `${here} [${attribute.name}]`, text: attribute.value });
      if (holdsValue(node)) found.push({ node, kind: 'value', where: `${here} .value`, text: node.value });
      if (node.shadowRoot) visit(node.shadowRoot, `${here} #shadow`);
    }
    for (const child of node.childNodes) visit(child, here);
  };
  visit(root, '');
  return found;
}

/** Digits as people write them: '305 284 174', '305-28-4174' and '305.284.174' all hold the BSN. */
const digitsOnly = (text: string) => text.replace(/[\s.\-\u00A0\u2009\u202F]/g, '');

/**
 * The whole `bsn` is nowhere under `root` except in what the `allowed` controls hold (the
 * owner's own A1 field). Returns the places that do hold it, so a test can check that the
 * allowed ones did.
 */
export function expectBsnOnlyIn(root: Node, bsn: string, label: string, allowed: ReadonlyArray<Element> = []): DomString[] {
  const holding = domStrings(root).filter(({ text }) => digitsOnly(text).includes(bsn));
  const leaks = holding.filter(({ node, kind }) => !(kind === 'value' && allowed.includes(node as Element))).map(({ where }) => where);
  expect(leaks, `${label}: the whole BSN in the DOM at ${leaks.join('; ')}`).to.deep.equal([]);
  return holding;
}
