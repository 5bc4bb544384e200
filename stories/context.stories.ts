import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@doorstroom/elements';
import { setupDossier, setupOf } from './support/backend.js';

/** `<ddd-context>`: one backend for every element inside it, loaded once. */
const meta: Meta = {
  title: 'Elementen/ddd-context',
  component: 'ddd-context',
  tags: ['autodocs'],
};
export default meta;
type Story = StoryObj;

/** Two progress elements share the context's api, config and `me`. */
export const EenBackendVoorAlles: Story = {
  name: 'Eén backend voor alle elementen',
  loaders: [async () => ({ setup: setupDossier('student', { status: 'deelB' }) })],
  render: (_args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-context .api=${setup.api}>
      <ddd-progress compact dossier-id=${setup.dossierId ?? ''}></ddd-progress>
      <ddd-progress dossier-id=${setup.dossierId ?? ''}></ddd-progress>
    </ddd-context>`;
  },
};

/** `lang` on the context switches every element inside, whatever the toolbar says. */
export const Engels: Story = {
  name: 'Taal op de context (en)',
  loaders: [async () => ({ setup: setupDossier('student', { status: 'akkoord' }) })],
  render: (_args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-context .api=${setup.api} lang="en">
      <ddd-progress dossier-id=${setup.dossierId ?? ''}></ddd-progress>
    </ddd-context>`;
  },
};
