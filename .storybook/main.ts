// Storybook for the <ddd-*> elements. Runs offline: stories talk to the SDK's in-memory backend
// through the elements' `api` property, so no server and no service worker are needed.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

/** Points the workspace packages at their TypeScript sources (see rollup.config.mjs). */
const sourceCondition = '@doorstroom/source';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const conditions = viteConfig.resolve?.conditions ?? [...defaultClientConditions];
    return {
      ...viteConfig,
      resolve: { ...viteConfig.resolve, conditions: [sourceCondition, ...conditions] },
      // Storybook's own axe chunk is ~660 kB; our code is measured by `npm run size` instead.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 1000 },
    };
  },
};

export default config;
