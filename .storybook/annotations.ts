// The story set-up Storybook and test/stories.test.ts share: every story renders inside an
// element with `lang` from the toolbar (the elements read the nearest `lang` and switch language,
// Dutch by default, without a reload) and is checked with the same axe rules. preview.ts adds
// what only Storybook's UI uses (the manifest, docs pages, the Actions panel).
import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
// Arabic, Turkish, Ukrainian and Polish (the script-tag bundle ships these as separate files).
import '../packages/elements/src/lang/all.js';

const annotations: Preview = {
  globalTypes: {
    lang: {
      description: 'Taal van de elementen / language of the elements',
      toolbar: {
        title: 'Taal',
        icon: 'globe',
        items: [
          { value: 'nl', title: 'Nederlands', right: 'nl' },
          { value: 'en', title: 'English', right: 'en' },
          { value: 'ar', title: 'العربية', right: 'ar' },
          { value: 'tr', title: 'Türkçe', right: 'tr' },
          { value: 'uk', title: 'Українська', right: 'uk' },
          { value: 'pl', title: 'Polski', right: 'pl' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'nl' },
  decorators: [
    (story, context) => {
      const lang = String(context.globals['lang'] ?? 'nl');
      document.documentElement.lang = lang;
      return html`<div lang=${lang} style="max-inline-size: 60rem">${story()}</div>`;
    },
  ],
  parameters: {
    layout: 'padded',
    // The accessibility panel checks what the statement in docs/accessibility.md promises.
    a11y: {
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
    },
  },
};

export default annotations;
