/**
 * What Storybook reads from `packages/elements/custom-elements.json` (written by `npm run
 * analyze` from each element's JSDoc): the public API only, one row per attribute (its property
 * named in the description instead of a second row), the `@summary` as the description, controls
 * that fit each type, and the shared `--ddd-*` tokens on every element's page.
 */
import type { StrictArgTypes, StrictInputType } from 'storybook/internal/types';
import { isColourToken, sharedTokens } from '../stories/support/tokens.js';

interface ManifestItem {
  name: string;
  kind?: string;
  description?: string;
  summary?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  fieldName?: string;
  type?: { text?: string };
  default?: string;
}

interface ManifestDeclaration extends ManifestItem {
  tagName?: string;
  customElement?: boolean;
  members?: ManifestItem[];
  attributes?: ManifestItem[];
  events?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
  slots?: ManifestItem[];
}

export interface Manifest {
  schemaVersion: string;
  modules: Array<{ kind: string; path: string; declarations?: ManifestDeclaration[]; exports?: unknown[] }>;
}

const isPublic = (member: ManifestItem) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('_');

/** The manifest as Storybook should show it (see the file comment). */
export function storybookManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => (declaration.customElement ? forStorybook(declaration) : declaration)),
    })),
  };
}

function forStorybook(element: ManifestDeclaration): ManifestDeclaration {
  const withAttribute = new Set((element.attributes ?? []).map((attribute) => attribute.fieldName));
  return {
    ...element,
    description: element.description || element.summary || '',
    // A property with an attribute is the attribute's row; the others (api, dossier, config…) are set from script.
    members: (element.members ?? []).filter((member) => isPublic(member) && !withAttribute.has(member.name)),
    attributes: (element.attributes ?? []).map((attribute) => ({
      ...attribute,
      description: [attribute.description, attribute.fieldName ? `Property: \`${attribute.fieldName}\`.` : ''].filter(Boolean).join(' '),
    })),
  };
}

/** Every `ddd-*` event any element fires, from the manifest. */
export function eventNames(manifest: Manifest): string[] {
  const names = manifest.modules.flatMap((module) => (module.declarations ?? []).flatMap((declaration) => (declaration.events ?? []).map((event) => event.name)));
  return [...new Set(names)].sort();
}

/**
 * Controls for the rows the manifest gives (text for strings, a switch for booleans, a number
 * field for numbers, a colour picker for colour tokens) and the shared tokens as rows of their
 * own. Storybook's own control inference only knows plain `string`, not `string | undefined`.
 */
export function withControls(argTypes: StrictArgTypes, component: unknown): StrictArgTypes {
  if (typeof component !== 'string' || !component.startsWith('ddd-')) return argTypes;
  const result: StrictArgTypes = {};
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    const typeText = String(argType.table?.type?.summary ?? '');
    let control: StrictInputType['control'] | undefined;
    // Events, parts and slots have nothing to set; object properties (api, dossier) are set from script.
    if (category === 'events' || category === 'css shadow parts' || category === 'slots' || category === 'properties') control = false;
    else if (category === 'attributes') control = typeText === 'boolean' ? { type: 'boolean' } : typeText === 'number' ? { type: 'number' } : { type: 'text' };
    else if (category === 'css custom properties') control = isColourToken(name) ? { type: 'color' } : { type: 'text' };
    result[name] = control !== undefined && argType.control === undefined ? { ...argType, control } : argType;
  }
  for (const token of sharedTokens) {
    if (result[token.name]) continue;
    result[token.name] = {
      name: token.name,
      description: 'Gedeeld token (docs/theming.md), geldt voor elk element.',
      control: isColourToken(token.name) ? { type: 'color' } : { type: 'text' },
      table: { category: 'css custom properties (gedeeld)', defaultValue: { summary: token.default } },
    };
  }
  return result;
}
