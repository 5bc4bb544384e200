// Test instrumentation for page.html (a classic script, so it runs before the bundle): every
// console.error (and apart, console.warn), uncaught error, unhandled rejection, failed resource load and ddd-error of the
// page is kept in window.pageErrors for bundle.test.ts to read.
window.pageErrors = [];
// Warnings apart: a page may warn without failing (two script-tag files on one page).
window.pageWarnings = [];
const explain = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
const consoleError = console.error.bind(console);
console.error = (...args) => {
  window.pageErrors.push(`console.error: ${args.map(explain).join(' ')}`);
  consoleError(...args);
};
const consoleWarn = console.warn.bind(console);
console.warn = (...args) => {
  window.pageWarnings.push(args.map(explain).join(' '));
  consoleWarn(...args);
};
window.addEventListener(
  'error',
  (event) => {
    const failedResource = event.target !== window && event.target?.src;
    window.pageErrors.push(failedResource ? `could not load ${failedResource}` : `uncaught: ${explain(event.error ?? event.message)}`);
  },
  true,
);
window.addEventListener('unhandledrejection', (event) => window.pageErrors.push(`unhandled rejection: ${explain(event.reason)}`));
document.addEventListener('ddd-error', (event) => window.pageErrors.push(`ddd-error: ${event.detail?.message}`));
