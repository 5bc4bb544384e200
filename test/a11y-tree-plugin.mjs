// A test-runner command that reads the accessibility tree as a screen reader gets it (roles,
// names, levels, states), through Playwright's ARIA snapshot, which pierces shadow roots:
//   const tree = await executeServerCommand('aria-snapshot', { selector: 'ddd-consent' });
// It returns Playwright's YAML, e.g. `- heading "Akkoordverklaring" [level=1]`.
export function ariaSnapshotPlugin() {
  return {
    name: 'aria-snapshot-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'aria-snapshot') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('aria-snapshot needs the Playwright launcher');
      const page = session.browser.getPage(session.id);
      const locator = page.locator(payload?.selector ?? 'body').first();
      return await locator.ariaSnapshot({ timeout: 10000 });
    },
  };
}
