// Browser tests use Debian's Chromium (no browser downloads work here). Installs it when missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const chromiumPaths = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export function ensureChromium() {
  if (chromiumPaths.some((p) => existsSync(p))) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error('Chromium is missing: install it with `sudo apt-get install -y chromium`.');
    return false;
  }
  console.log('Installing Debian Chromium for the browser tests (about a minute)…');
  const sh = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  sh('apt-get update -qq');
  sh('apt-get install -y -qq chromium > /dev/null');
  return chromiumPaths.some((p) => existsSync(p));
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureChromium() ? 0 : 1);
