import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@doorstroom/elements';
import { setupDossier, setupOf, type DossierQuery, type Viewer } from './support/backend.js';
import { elementArgs } from './support/element-args.js';

/**
 * `<ddd-consent>`: the akkoordverklaring. The student reads and agrees; a parent or guardian gives
 * their own consent while the student is under the consent age; the MBO reads an afgerond dossier.
 */
const meta: Meta = {
  title: 'Elementen/ddd-consent',
  component: 'ddd-consent',
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  render: (args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-consent .api=${setup.api} dossier-id=${setup.dossierId ?? ''} ${elementArgs(args)}></ddd-consent>`;
  },
};
export default meta;
type Story = StoryObj;

const as = (viewer: Viewer, query: DossierQuery): Story => ({ loaders: [async () => ({ setup: setupDossier(viewer, query) })] });

/** A 16-year-old: the guardian has to consent as well. */
export const LeerlingJongerDan18: Story = { name: 'Leerling (jonger dan 18)', ...as('student', { status: 'akkoord' }) };
export const LeerlingWerkMbo: Story = { name: 'Leerling, werk → mbo (19 jaar)', ...as('student', { status: 'akkoord', type: 'werk-mbo' }) };
export const OuderOfVerzorger: Story = { name: 'Ouder of verzorger', ...as('guardian', { status: 'akkoord' }) };
/** Before the akkoordverklaring: nothing to agree to yet. */
export const NogNietZoverConcept: Story = { name: 'Nog niet zover (concept)', ...as('student', { status: 'concept' }) };
export const AfgerondLeerling: Story = { name: 'Afgerond (leerling)', ...as('student', { status: 'afgerond' }) };
/** What the chosen MBO sees: only what the student shares. */
export const AfgerondMbo: Story = { name: 'Afgerond (mbo)', ...as('mbo', { status: 'afgerond' }) };
export const AfgerondMboMbo: Story = { name: 'Afgerond mbo → mbo (mbo)', ...as('mbo', { status: 'afgerond', type: 'mbo-mbo' }) };
export const NietIngesteld: Story = { name: 'Niet ingesteld', render: () => html`<ddd-consent dossier-id="d-1"></ddd-consent>` };
