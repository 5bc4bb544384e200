import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@doorstroom/elements';
import { setupDossier, setupOf, type DossierQuery, type Viewer } from './support/backend.js';
import { elementArgs } from './support/element-args.js';

/**
 * `<ddd-consent>`: the akkoordverklaring. The student sees what still has to happen and who does
 * it, chooses what the MBO may see (nothing ticked until they tick it), reads the dossier in cards
 * and gives their akkoord; a parent or guardian sees what goes to which MBO and gives their own
 * consent while the student is under the consent age; the MBO reads an afgerond dossier.
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

/** The student of the story's dossier first gave their akkoord, sharing these parts; then `viewer` looks. */
const afterAkkoord = (viewer: Viewer, delen: string[]): Story => ({
  loaders: [
    async () => {
      const student = setupDossier('student', { status: 'akkoord' });
      const dossier = await student.api.getDossier(student.dossierId!);
      await student.api.saveSection(dossier.id, 'akkoordverklaring', { akkoord: 'ja', toestemming: true, delen }, dossier.version);
      if (viewer === 'student') return { setup: student };
      const guardian = student.backend.data.students.find((s) => s.id === dossier.student.id)!.guardianIds[0]!;
      return { setup: { ...student, api: student.backend.client(guardian) } };
    },
  ],
});

/** A 16-year-old: the guardian has to consent as well. */
export const LeerlingJongerDan18: Story = { name: 'Leerling (jonger dan 18)', ...as('student', { status: 'akkoord' }) };
export const LeerlingWerkMbo: Story = { name: 'Leerling, werk → mbo (19 jaar)', ...as('student', { status: 'akkoord', type: 'werk-mbo' }) };
/** What the student sees once "Akkoord geven" saved: what goes where, and who is waited for by name. */
export const LeerlingAkkoordGegeven: Story = { name: 'Leerling: akkoord gegeven', ...afterAkkoord('student', ['ervaring', 'motivatie']) };
/** The parent before the student's own akkoord: their consent follows what the student chose. */
export const OuderOfVerzorger: Story = { name: 'Ouder of verzorger (kind nog niet akkoord)', ...as('guardian', { status: 'akkoord' }) };
/** The parent after it: exactly what goes to which MBO, above "Toestemming geven"; the relation the dossier holds is not asked. */
export const OuderOfVerzorgerToestemming: Story = { name: 'Ouder of verzorger: toestemming geven', ...afterAkkoord('guardian', ['ervaring', 'motivatie']) };
/** Before the akkoordverklaring: nothing to agree to yet. */
export const NogNietZoverConcept: Story = { name: 'Nog niet zover (concept)', ...as('student', { status: 'concept' }) };
export const AfgerondLeerling: Story = { name: 'Afgerond (leerling)', ...as('student', { status: 'afgerond' }) };
/** What the chosen MBO sees: only what the student shares. */
export const AfgerondMbo: Story = { name: 'Afgerond (mbo)', ...as('mbo', { status: 'afgerond' }) };
export const AfgerondMboMbo: Story = { name: 'Afgerond mbo → mbo (mbo)', ...as('mbo', { status: 'afgerond', type: 'mbo-mbo' }) };
export const NietIngesteld: Story = { name: 'Niet ingesteld', render: () => html`<ddd-consent dossier-id="d-1"></ddd-consent>` };
