// ESLint (flat config): the quality gates Lit, Shoelace and open-wc use. typescript-eslint's
// recommended rules for all TypeScript (not the type-checked set: tsc runs on its own and the lint
// stays fast); the Lit, lit-a11y and web-component rules for the elements' sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const elements = ['packages/elements/src/**/*.ts'];
const tests = ['**/*.test.ts', '**/*.e2e.ts', 'test/**', 'packages/elements/src/test/**'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', 'docs/api/**', 'coverage/**', 'test/frameworks/apps/**', '.doorstroom-data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      // A leading underscore marks what is left out on purpose (`const { a: _a, ...rest } = x`, unused parameters).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `interface HTMLElementEventMap extends DddEventMap {}` is how global event maps are augmented.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  { ...lit.configs['flat/recommended'], files: elements },
  { ...wc.configs['flat/recommended'], files: elements },
  { ...litA11y.configs.recommended, files: elements },
  {
    files: tests,
    rules: {
      // Chai's property assertions (`expect(x).to.be.true`, `.to.exist`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
