import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@doorstroom/elements';
import { setupDossier, setupOf, type DossierQuery } from './support/backend.js';
import { elementArgs } from './support/element-args.js';

/** `<ddd-progress>`: the steps and the completion per section, in every workflow state. */
const meta: Meta = {
  title: 'Elementen/ddd-progress',
  component: 'ddd-progress',
  tags: ['autodocs'],
  args: { compact: false },
  render: (args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-progress .api=${setup.api} dossier-id=${setup.dossierId ?? ''} ${elementArgs(args)}></ddd-progress>`;
  },
};
export default meta;
type Story = StoryObj;

const inState = (query: DossierQuery): Story => ({ loaders: [async () => ({ setup: setupDossier('student', query) })] });

export const Concept: Story = inState({ status: 'concept' });
export const BijMentor: Story = { name: 'Bij de mentor', ...inState({ status: 'bijMentor' }) };
export const DeelB: Story = { name: 'Deel B', ...inState({ status: 'deelB' }) };
export const Akkoord: Story = inState({ status: 'akkoord' });
export const Afgerond: Story = inState({ status: 'afgerond' });
/** No mentor step for mbo-mbo and werk-mbo. */
export const WerkMbo: Story = { name: 'Werk → mbo', ...inState({ status: 'akkoord', type: 'werk-mbo' }) };
export const Compact: Story = { ...inState({ status: 'deelB' }), args: { compact: true } };

/** The progress follows the form on the same page: type in the form and watch the percentages. */
export const MetFormulier: Story = {
  name: 'Naast het formulier (live)',
  ...inState({ status: 'concept' }),
  render: (_args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<div style="display: grid; gap: 2rem">
      <ddd-progress compact .api=${setup.api} dossier-id=${setup.dossierId ?? ''}></ddd-progress>
      <ddd-dossier-form .api=${setup.api} dossier-id=${setup.dossierId ?? ''} autosave-delay="300"></ddd-dossier-form>
    </div>`;
  },
};
