// Browser tests for every package, in Debian's Chromium (no browser downloads here).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { cspHeaders } from './test/csp/csp-headers.mjs';
import { contractBackend } from './test/bundle/contract-middleware.mjs';
import { faultyBackend } from './test/no-loss/faulty-backend.mjs';
import { commonJsPackages } from './test/frameworks/commonjs-middleware.mjs';
import { ariaSnapshotPlugin } from './test/a11y-tree-plugin.mjs';

const chromium = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
  // '@doorstroom/source': workspace packages resolve to their TypeScript sources, not dist.
  nodeResolve: { exportConditions: ['@doorstroom/source', 'browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.esbuild.json', import.meta.url)),
    }),
    // `executeServerCommand('aria-snapshot', { selector })`: the accessibility tree (test/a11y-tree-plugin.mjs).
    ariaSnapshotPlugin(),
  ],
  middleware: [
    // Serves msw's worker at the root scope without `msw init`.
    function mswWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/node_modules/msw/lib/mockServiceWorker.js';
      return next();
    },
    // test/csp/*.html: served with a strict Content-Security-Policy (see test/csp/csp.test.ts).
    cspHeaders,
    // /test-api/*: the HTTP contract over a memory backend, for test/bundle/page.html.
    contractBackend,
    // /test-faulty/<run>/*: the contract with injected 500s, dropped connections and slow answers (test/no-loss/).
    faultyBackend,
    // react and react-dom ship CommonJS only: served as ES modules for test/frameworks/.
    commonJsPackages,
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromium,
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
