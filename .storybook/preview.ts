// Storybook's preview: the shared story set-up (annotations.ts) plus what only Storybook's UI
// reads. Each element's page ("Docs") lists its attributes, properties, events, slots, CSS parts
// and custom properties from custom-elements.json, with controls; every `ddd-*` event any element
// fires shows in the Actions panel with its `detail`.
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import manifest from '../packages/elements/custom-elements.json';
import annotations from './annotations.js';
import { eventNames, storybookManifest, withControls, type Manifest } from './manifest.js';

setCustomElementsManifest(storybookManifest(manifest as Manifest));

// The events bubble and are composed, so one listener per name on the document hears every
// element in every story (canvas and docs pages alike).
for (const name of eventNames(manifest as Manifest)) {
  const log = action(name);
  document.addEventListener(name, (event) => log((event as CustomEvent).detail));
}

const preview: Preview = {
  ...annotations,
  argTypesEnhancers: [(context) => withControls(context.argTypes, context.component)],
};

export default preview;
