// `npm run analyze`: packages/elements/custom-elements.json from the element classes (Lit), with
// every `ddd-*` event typed as the CustomEvent it is. The analyzer reads `@event name - text`
// from the classes' JSDoc but not the detail type, which lives in src/shared/events.ts: each
// detail type is named after its event (`ddd-dossier-created` → `DddDossierCreatedDetail`, all
// exported from `@doorstroom/elements`). scripts/framework-types.mjs then generates the JSX and
// Vue types from this manifest; their `tsc` checks fail when a name here is not exported there.
/** `ddd-dossier-created` → `DddDossierCreatedDetail`. */
export const detailTypeOf = (eventName) =>
  `${eventName
    .split('-')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')}Detail`;

/** @type {import('@custom-elements-manifest/analyzer').Plugin} */
const dddEventTypes = {
  name: 'ddd-event-types',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        for (const event of declaration.events ?? []) {
          if (event.name?.startsWith('ddd-')) event.type = { text: `CustomEvent<${detailTypeOf(event.name)}>` };
        }
      }
    }
  },
};

export default {
  globs: ['packages/elements/src/**/*.component.ts'],
  outdir: 'packages/elements',
  litelement: true,
  plugins: [dddEventTypes],
};
