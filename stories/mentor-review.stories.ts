import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@doorstroom/elements';
import { setupAs, setupDossier, setupOf, type DossierQuery } from './support/backend.js';
import { elementArgs } from './support/element-args.js';

/** `<ddd-mentor-review>`: the mentor's work lists, deel A read-only and deel B. */
const meta: Meta = {
  title: 'Elementen/ddd-mentor-review',
  component: 'ddd-mentor-review',
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  render: (args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-mentor-review .api=${setup.api} dossier-id=${setup.dossierId ?? ''} ${elementArgs(args)}></ddd-mentor-review>`;
  },
};
export default meta;
type Story = StoryObj;

const inState = (query: DossierQuery): Story => ({ loaders: [async () => ({ setup: setupDossier('mentor', query) })] });

export const TeBehandelen: Story = {
  name: 'Te behandelen',
  loaders: [async () => ({ setup: setupAs('mentor-de-vries') })],
  render: (args, { loaded }) => html`<ddd-mentor-review .api=${setupOf(loaded).api} ${elementArgs(args)}></ddd-mentor-review>`,
};
export const MijnLeerlingen: Story = {
  name: 'Mijn leerlingen',
  loaders: [async () => ({ setup: setupAs('mentor-de-vries') })],
  render: (args, { loaded }) => html`<ddd-mentor-review .api=${setupOf(loaded).api} view="mijnLeerlingen" ${elementArgs(args)}></ddd-mentor-review>`,
};
export const BijMentor: Story = { name: 'Bij de mentor (deel A lezen)', ...inState({ status: 'bijMentor' }) };
export const DeelB: Story = { name: 'Deel B invullen', ...inState({ status: 'deelB' }) };
export const Akkoord: Story = { name: 'Naar de leerling gestuurd', ...inState({ status: 'akkoord' }) };
export const Afgerond: Story = inState({ status: 'afgerond' });
export const NietIngesteld: Story = { name: 'Niet ingesteld', render: () => html`<ddd-mentor-review></ddd-mentor-review>` };
