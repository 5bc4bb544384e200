import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const meta: Meta = {
  title: 'Introductie',
  parameters: { layout: 'padded', a11y: { disable: false } },
};
export default meta;

const text = {
  nl: {
    title: 'Digitaal doorstroomdossier: web components',
    lead: 'Losse onderdelen die elk schoolportaal kan insluiten: de leerling vult deel A in, de mentor deel B, daarna volgen de akkoordverklaring en de overdracht aan het mbo.',
    how: 'Elk verhaal hiernaast draait tegen de geheugen-backend van de SDK met voorbeeldgegevens. Kies de taal in de werkbalk (Taal). Het paneel "Accessibility" laat de axe-controle per verhaal zien.',
    elements: 'De elementen',
    docs: 'Handleidingen staan in docs/: embedding.md, npm.md, contract.md, theming.md, accessibility.md en privacy.md.',
  },
  en: {
    title: 'Digital transfer dossier: web components',
    lead: 'Separate parts any school portal can embed: the student fills in part A, the mentor part B, then the declaration of agreement and the transfer to the MBO follow.',
    how: 'Every story runs against the SDK\'s in-memory backend with example data. Choose the language in the toolbar (Taal). The "Accessibility" panel shows the axe check of each story.',
    elements: 'The elements',
    docs: 'Guides are in docs/: embedding.md, npm.md, contract.md, theming.md, accessibility.md and privacy.md.',
  },
};

const elements: Array<[tag: string, nl: string, en: string]> = [
  [
    'ddd-dossier-form',
    'Deel A: de leerling vult het dossier in, per onderdeel, en stuurt het naar de mentor.',
    'Part A: the student fills in the dossier section by section and sends it to the mentor.',
  ],
  ['ddd-mentor-review', 'De mentor: werklijst, deel A lezen, deel B invullen en terugsturen.', 'The mentor: work list, read part A, fill in part B and send it back.'],
  ['ddd-consent', 'Akkoordverklaring, toestemming van ouder of verzorger, en afronden.', 'Declaration of agreement, parent or guardian consent, and finishing.'],
  ['ddd-progress', 'Waar staat het dossier: de stappen en het percentage per onderdeel.', 'Where the dossier stands: the steps and the percentage per section.'],
  ['ddd-context', 'Geeft de API-verbinding door aan alle elementen erbinnen.', 'Passes the API connection to every element inside it.'],
];

export const Introductie: StoryObj = {
  render: (_args, { globals }) => {
    const lang = globals['lang'] === 'en' ? 'en' : 'nl';
    const t = text[lang];
    return html`
      <article style="font-family: system-ui, sans-serif; line-height: 1.5">
        <h1>${t.title}</h1>
        <p>${t.lead}</p>
        <p>${t.how}</p>
        <h2>${t.elements}</h2>
        <dl>
          ${elements.map(([tag, nl, en]) => html`<dt><code>&lt;${tag}&gt;</code></dt><dd>${lang === 'en' ? en : nl}</dd>`)}
        </dl>
        <p>${t.docs}</p>
      </article>
    `;
  },
};
