// The cross-element browser tests again, against what a school embeds: dist/doorstroom.min.js
// and its language files instead of the TypeScript sources. The bundle's build steps (templates
// minified, terser) and its entry (English as lang/en.js) change the code; these tests show the
// elements still behave the same.
// npm test runs it after `npm run size` has built the bundle.
import base from './web-test-runner.config.mjs';
import { bundleIsStale } from './scripts/bundle-freshness.mjs';
import { languagePacks } from './rollup.config.mjs';

if (bundleIsStale()) {
  throw new Error('dist/doorstroom.min.js is missing or older than the sources: run `npm run size` first, it builds the bundle.');
}

// Every pack the build makes a file for, English included.
const languageFiles = languagePacks().map((code) => `/dist/lang/${code}.js`);

export default {
  ...base,
  files: ['test/flow.test.ts', 'test/refusals.test.ts', 'test/keyboard.test.ts', 'test/keyboard-more.test.ts', 'test/a11y.test.ts', 'test/zoom.test.ts', 'test/reduced-motion.test.ts'],
  // The page loads the bundle and every language file, as a portal offering all languages would.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script type="module">import '/dist/doorstroom.min.js'; ${languageFiles.map((file) => `import '${file}';`).join(' ')}</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  plugins: [
    {
      // test/helpers.ts imports '@doorstroom/elements': here that is the built bundle.
      name: 'elements-from-the-bundle',
      resolveImport({ source }) {
        if (source === '@doorstroom/elements') return '/dist/doorstroom.min.js';
        return undefined;
      },
    },
    ...base.plugins,
  ],
};
