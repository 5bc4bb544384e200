import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '@doorstroom/elements';
import type { OverviewFilter } from '@doorstroom/elements';
import type { DossierApi } from '@doorstroom/sdk';
import { bigSchoolBackend } from '../packages/elements/src/test/big-school.js';
import { setupAs, setupDossier, setupOf, type DossierQuery } from './support/backend.js';
import { elementArgs } from './support/element-args.js';

/**
 * `<ddd-mentor-review>`: the mentor's work lists, deel A read-only and deel B; for the school's
 * decaan the school overview (every student, filters, reminders, moving mentors, the CSV export).
 */
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

// --- the decaan's school overview ---------------------------------------------------------------

/** The decaan of Vmbo De Brug: the example school (7 students) or the school grown to 600. */
async function decaanOf(size?: number) {
  if (!size) return setupAs('decaan-visser');
  const backend = await bigSchoolBackend(size);
  return { backend, api: backend.client('decaan-visser') };
}

/** The registration deadline `days` from today, so the overview points at students without a dossier. */
function deadlineIn(api: DossierApi, days: number): DossierApi {
  const at = new Date(Date.now() + days * 86_400_000);
  return { ...api, config: async () => ({ ...(await api.config()), registrationDeadline: { month: at.getMonth() + 1, day: at.getDate() } }) };
}

/**
 * Presses the page button `page` under the table once the overview shows it, as a decaan would
 * (the page is the element's own state, not an attribute). Gives up after about ten seconds.
 */
function showPage(page: number) {
  return ref((el) => {
    if (!el || page <= 1) return;
    let frames = 0;
    const press = () => {
      const button = el.shadowRoot?.querySelector<HTMLButtonElement>(`#ov-page-${page}`);
      if (button) button.click();
      else if (++frames < 600) requestAnimationFrame(press);
    };
    requestAnimationFrame(press);
  });
}

/**
 * The school overview shows 50 students a page (the filters and the sort apply to all of them);
 * `page` (the story's arg) presses that page's button once the list is there.
 */
const overview = (options: { size?: number; filters?: Partial<OverviewFilter>; api?: (api: DossierApi) => DossierApi; name: string; page?: number }): Story => ({
  name: options.name,
  loaders: [async () => ({ setup: await decaanOf(options.size) })],
  ...(options.page ? { args: { page: options.page }, argTypes: { page: { control: { type: 'number', min: 1 }, description: 'The page of the table shown (50 students a page)' } } } : {}),
  render: (args, { loaded }) => {
    const api = setupOf(loaded).api;
    const { page, ...rest } = args as { page?: number };
    return html`<ddd-mentor-review
      .api=${options.api ? options.api(api) : api}
      .filters=${options.filters}
      ${elementArgs(rest)}
      ${showPage(Number(page ?? 1))}
    ></ddd-mentor-review>`;
  },
});

export const Schooloverzicht: Story = overview({ name: 'Schooloverzicht (decaan)' });
export const SchooloverzichtGroot: Story = overview({ name: 'Schooloverzicht: 600 leerlingen (pagina 1 van 12)', size: 600 });
export const SchooloverzichtPagina2: Story = overview({ name: 'Schooloverzicht: 600 leerlingen, pagina 2', size: 600, page: 2 });
export const SchooloverzichtLeeg: Story = overview({
  name: 'Schooloverzicht: school zonder leerlingen',
  api: (api) => ({ ...api, listDossiers: async () => ({ items: [], students: [] }) }),
});
export const FilterLangBijMentor: Story = overview({
  name: 'Filter: langer dan 7 dagen bij de mentor',
  size: 600,
  filters: { state: 'bijMentor', stuckDays: '7' },
});
export const FilterToestemmingOuder: Story = overview({ name: 'Filter: ouder moet nog toestemming geven', size: 600, filters: { guardian: true } });
export const FilterGeenDossier: Story = overview({
  name: 'Filter: nog geen dossier, de aanmelddatum nadert',
  size: 600,
  filters: { noDossier: true },
  api: (api) => deadlineIn(api, 23),
});
export const FilterKlas: Story = overview({ name: 'Filter: klas 4B in leerjaar 4', size: 600, filters: { klas: '4B', leerjaar: '4' } });
export const FilterNiemand: Story = overview({
  name: 'Filter: niemand gevonden',
  size: 600,
  filters: { state: 'afgerond', guardian: true },
});
export const MijnLeerlingenGefilterd: Story = {
  name: 'Mijn leerlingen: in akkoordverklaring',
  loaders: [async () => ({ setup: setupAs('mentor-yilmaz') })],
  render: (args, { loaded }) => html`<ddd-mentor-review .api=${setupOf(loaded).api} view="mijnLeerlingen" .filters=${{ state: 'akkoord' }} ${elementArgs(args)}></ddd-mentor-review>`,
};
