import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@doorstroom/elements';
import { setupAs, setupDossier, setupOf, type DossierQuery } from './support/backend.js';
import { elementArgs } from './support/element-args.js';

/**
 * `<ddd-dossier-form>`: the student's deel A. Each story signs in as the student of an example
 * dossier in one workflow state; changes are saved in that story's own memory backend.
 */
const meta: Meta = {
  title: 'Elementen/ddd-dossier-form',
  component: 'ddd-dossier-form',
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  render: (args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-dossier-form .api=${setup.api} dossier-id=${setup.dossierId ?? ''} ${elementArgs(args)}></ddd-dossier-form>`;
  },
};
export default meta;
type Story = StoryObj;

const inState = (query: DossierQuery): Story => ({ loaders: [async () => ({ setup: setupDossier('student', query) })] });

/** No `dossier-id`: the student's dossiers and "Nieuw dossier". */
export const Overzicht: Story = {
  loaders: [async () => ({ setup: setupAs('student-sam') })],
  render: (args, { loaded }) => html`<ddd-dossier-form .api=${setupOf(loaded).api} ${elementArgs(args)}></ddd-dossier-form>`,
};
/** A student without any dossier yet. */
export const GeenDossier: Story = {
  name: 'Nog geen dossier',
  loaders: [async () => ({ setup: setupAs('student-milan') })],
  render: (args, { loaded }) => html`<ddd-dossier-form .api=${setupOf(loaded).api} ${elementArgs(args)}></ddd-dossier-form>`,
};
export const Concept: Story = { name: 'Concept (deel A invullen)', ...inState({ status: 'concept' }) };
export const Gearchiveerd: Story = inState({ status: 'concept', archived: true });
export const BijMentor: Story = { name: 'Bij de mentor', ...inState({ status: 'bijMentor' }) };
export const DeelB: Story = { name: 'Mentor vult deel B in', ...inState({ status: 'deelB' }) };
export const Akkoord: Story = { name: 'In akkoordverklaring', ...inState({ status: 'akkoord' }) };
export const Afgerond: Story = inState({ status: 'afgerond' });
export const WerkMbo: Story = { name: 'Werk → mbo (in akkoordverklaring)', ...inState({ status: 'akkoord', type: 'werk-mbo' }) };
export const MboMbo: Story = { name: 'Mbo → mbo (afgerond)', ...inState({ status: 'afgerond', type: 'mbo-mbo' }) };

/** Without `api`, `api-base` or `<ddd-context>` the element says what is missing. */
export const NietIngesteld: Story = {
  name: 'Niet ingesteld',
  render: () => html`<ddd-dossier-form></ddd-dossier-form>`,
};
