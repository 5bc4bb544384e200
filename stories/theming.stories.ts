import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@doorstroom/elements';
import { setupDossier, setupOf } from './support/backend.js';
import { elementArgs } from './support/element-args.js';
import { isColourToken, sharedTokens, themeCss } from './support/tokens.js';

/**
 * Theming with `--ddd-*` custom properties (inherited through the shadow roots) and `::part()`
 * for finer control. See docs/theming.md for every property and part.
 */
const meta: Meta = {
  title: 'Thema/Eigen huisstijl',
  loaders: [async () => ({ setup: setupDossier('student', { status: 'concept' }) })],
};
export default meta;
type Story = StoryObj;

const portalTheme = html`<style>
  .portal-theme {
    --ddd-font-family: Georgia, 'Times New Roman', serif;
    --ddd-color-primary: #00584a;
    --ddd-color-primary-hover: #003d33;
    --ddd-color-success: #00584a;
    --ddd-color-surface: #eef6f4;
    --ddd-border-radius: 12px;
    --ddd-focus-outline-color: #b1006a;
    --ddd-space-4: 1.25rem;
    --ddd-progress-bar-height: 0.5rem;
    --ddd-progress-step-size: 2.5rem;
    --ddd-form-sidebar-width: 20rem;
  }
  .portal-theme ddd-progress::part(step-current) {
    font-weight: 700;
    text-decoration: underline;
  }
  .portal-theme ddd-dossier-form::part(save-status) {
    font-style: italic;
  }
</style>`;

/** A portal in its own colours, font and corners: only custom properties and parts. */
export const EigenHuisstijl: Story = {
  name: 'Eigen huisstijl',
  render: (_args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`${portalTheme}
      <div class="portal-theme">
        <ddd-context .api=${setup.api}>
          <ddd-progress compact dossier-id=${setup.dossierId ?? ''}></ddd-progress>
          <ddd-dossier-form dossier-id=${setup.dossierId ?? ''}></ddd-dossier-form>
        </ddd-context>
      </div>`;
  },
};

/** The same elements with the defaults, for comparison. */
export const Standaard: Story = {
  render: (_args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-context .api=${setup.api}>
      <ddd-progress compact dossier-id=${setup.dossierId ?? ''}></ddd-progress>
      <ddd-dossier-form dossier-id=${setup.dossierId ?? ''}></ddd-dossier-form>
    </ddd-context>`;
  },
};

const tokenArgTypes: ArgTypes = Object.fromEntries(
  sharedTokens.map((token) => [
    token.name,
    {
      control: { type: isColourToken(token.name) ? ('color' as const) : ('text' as const) },
      description: `Standaard: ${token.default}`,
      table: { category: 'gedeelde tokens', defaultValue: { summary: token.default } },
    },
  ]),
);

async function copyCss(event: Event) {
  const button = event.currentTarget as HTMLButtonElement;
  const status = button.parentElement?.querySelector('[role="status"]');
  const css = button.closest('section')?.querySelector('code')?.textContent ?? '';
  try {
    await navigator.clipboard.writeText(css);
    if (status) status.textContent = 'Gekopieerd.';
  } catch {
    if (status) status.textContent = 'Kopiëren lukt hier niet; selecteer de tekst en kopieer die zelf.';
  }
}

/**
 * Change the shared tokens in Controls and see the elements follow; the CSS under them is what
 * to paste into the portal's stylesheet (only the tokens that differ from the default).
 */
export const ThemaCss: Story = {
  name: 'Thema samenstellen (CSS kopiëren)',
  argTypes: tokenArgTypes,
  args: { '--ddd-color-primary': '#00584a', '--ddd-color-primary-hover': '#003d33', '--ddd-border-radius': '12px' },
  render: (args, { loaded }) => {
    const setup = setupOf(loaded);
    return html`<ddd-context .api=${setup.api} ${elementArgs(args)}>
        <ddd-progress compact dossier-id=${setup.dossierId ?? ''}></ddd-progress>
        <ddd-dossier-form dossier-id=${setup.dossierId ?? ''}></ddd-dossier-form>
      </ddd-context>
      <section aria-labelledby="theme-css-title" style="margin-block-start: 2rem">
        <h2 id="theme-css-title" style="font-size: 1.25rem">CSS voor je portaal</h2>
        <pre style="background: #f3f3f3; padding: 1rem; overflow-x: auto" tabindex="0" aria-label="CSS voor je portaal"><code>${themeCss(args)}</code></pre>
        <p><button type="button" @click=${copyCss}>Kopieer CSS</button> <span role="status"></span></p>
      </section>`;
  },
};
