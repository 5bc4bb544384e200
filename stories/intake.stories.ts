import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DossierApiError, type DossierApi } from '@doorstroom/sdk';
import '@doorstroom/elements';
import { createMemoryDraftStore, type IntakeFilter } from '@doorstroom/elements';
import { receivedBackend } from '../packages/elements/src/test/received-dossiers.js';
import { setupAs, setupOf, type StorySetup } from './support/backend.js';
import { elementArgs } from './support/element-args.js';

/**
 * `<ddd-intake>`: the MBO's worklist. Intake staff of an instelling see every afgerond dossier
 * for it with the intake status, find a student by name, BSN or crebo, filter by locatie,
 * opleiding, cohort and status, and open a dossier as the MBO may read it to plan the intake,
 * place the student or record why not. ROC Midden Nederland's officer, with 40 dossiers received.
 */
const meta: Meta = {
  title: 'Elementen/ddd-intake',
  component: 'ddd-intake',
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  loaders: [async () => ({ setup: await officer(40) })],
  render: (args, { loaded }) => html`<ddd-intake .api=${setupOf(loaded).api} ${elementArgs(args)}></ddd-intake>`,
};
export default meta;
type Story = StoryObj;

/** ROC Midden Nederland's intake officer with `count` received dossiers, each status in turn. */
async function officer(count: number): Promise<StorySetup> {
  const backend = await receivedBackend(count);
  return { backend, api: backend.client(backend.received.officer) };
}

/** The first received dossier with this intake status (nieuw, gelezen, intake gepland, geplaatst, niet geplaatst: each fifth has it). */
const withStatus = (index: 0 | 1 | 2 | 3 | 4) => `dossier-ontvangen-${index + 1}`;

const list = (name: string, filters: Partial<IntakeFilter>, count = 40): Story => ({
  name,
  loaders: [async () => ({ setup: await officer(count) })],
  render: (args, { loaded }) => html`<ddd-intake .api=${setupOf(loaded).api} .filters=${filters} ${elementArgs(args)}></ddd-intake>`,
});

const dossier = (name: string, index: 0 | 1 | 2 | 3 | 4, options: { draft?: boolean } = {}): Story => ({
  name,
  loaders: [async () => ({ setup: await officer(40) })],
  render: (args, { loaded }) => {
    const setup = setupOf(loaded);
    const id = withStatus(index);
    // A status typed earlier on this device and not saved (the network failed, the page closed).
    const store = createMemoryDraftStore();
    if (options.draft) void store.put({ dossierId: id, sectionId: 'intake', baseVersion: 0, values: { status: 'nietGeplaatst', reden: 'De opleiding is vol.' }, origins: {}, savedAt: Date.now() });
    return html`<ddd-intake .api=${setup.api} dossier-id=${id} .draftStore=${store} ${elementArgs(args)}></ddd-intake>`;
  },
});

/** An api whose list never arrives: the network is down. */
const offline = (api: DossierApi): DossierApi =>
  Object.assign(Object.create(api) as DossierApi, {
    listDossiers: () => Promise.reject(new DossierApiError({ kind: 'network', message: 'Failed to fetch', networkCause: 'offline' })),
  });

export const Werklijst: Story = { name: 'Werklijst' };
export const WerklijstGroot: Story = list('Werklijst: 500 dossiers in pagina’s', {}, 500);
export const ZoekenOpCrebo: Story = list('Zoeken op crebo', { q: '25144' });
export const FilterNieuw: Story = list('Filter: nieuw (nog niet gelezen)', { status: 'nieuw' });
export const FilterCohort: Story = list('Filter: cohort 2026', { cohort: '2026' });
export const NiemandGevonden: Story = list('Niemand gevonden', { q: 'niemand-heet-zo' });
export const NogNiets: Story = {
  name: 'Nog niets ontvangen',
  loaders: [async () => ({ setup: setupAs('mbo-roc-van-amsterdam') })],
};
export const LadenMislukt: Story = {
  name: 'Laden mislukt (geen verbinding)',
  render: (args, { loaded }) => html`<ddd-intake .api=${offline(setupOf(loaded).api)} ${elementArgs(args)}></ddd-intake>`,
};
/** Opened: the backend marks it read. */
export const DossierGelezen: Story = dossier('Dossier: nieuw, nu gelezen', 0);
export const DossierIntakeGepland: Story = dossier('Dossier: intake gepland', 2);
export const DossierGeplaatst: Story = dossier('Dossier: geplaatst', 3);
export const DossierNietGeplaatst: Story = dossier('Dossier: niet geplaatst, met reden', 4);
export const DossierInvoerBewaard: Story = dossier('Dossier: niet opgeslagen invoer teruggezet', 1, { draft: true });
export const NietVoorDezeInstelling: Story = {
  name: 'Dossier van een andere instelling',
  render: (args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-intake .api=${setup.backend.client('mbo-albeda')} dossier-id="dossier-ontvangen-1" ${elementArgs(args)}></ddd-intake>`;
  },
};
export const GeenMboMedewerker: Story = {
  name: 'Geen mbo-medewerker',
  loaders: [async () => ({ setup: setupAs('mentor-de-vries') })],
};
export const NietIngesteld: Story = { name: 'Niet ingesteld', loaders: [], render: () => html`<ddd-intake></ddd-intake>` };
