// docs/operations.md lists every environment variable the server and doorstroom-admin read: each
// name read in packages/server/src (env['…'], the config helpers, the rate-limit bucket prefixes)
// must appear there in backticks, so a new variable cannot ship undocumented.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const doc = readFileSync(fileURLToPath(new URL('../../../docs/operations.md', import.meta.url)), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

/** Every environment variable name the sources read. */
function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]/g, /\b(?:number|flag|url|whole|list)\((?:env, )?['"]([A-Z][A-Z0-9_]*)['"]/g];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    const name = file.slice(src.length);
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1]!, name);
    // bucket(env, 'PREFIX', …) reads PREFIX_BURST and PREFIX_PER_SECOND.
    for (const match of text.matchAll(/\bbucket\(env, ['"]([A-Z][A-Z0-9_]*)['"]/g)) {
      found.set(`${match[1]}_BURST`, name);
      found.set(`${match[1]}_PER_SECOND`, name);
    }
  }
  return found;
}

describe('docs/operations.md', () => {
  it('documents every environment variable read in packages/server/src', () => {
    const read = variablesRead();
    for (const expected of ['DATABASE_URL', 'PORT', 'NODE_ENV', 'DOORSTROOM_OIDC_AUDIENCE', 'DOORSTROOM_RATE_FAILED_PER_SECOND', 'DOORSTROOM_RETENTION_OUTBOX_DAYS', 'DOORSTROOM_METRICS_TOKEN']) {
      assert.ok(read.has(expected), `the scan finds ${expected}`);
    }
    const missing = [...read].filter(([name]) => !doc.includes(`\`${name}\``)).map(([name, file]) => `${name} (${file})`);
    assert.deepEqual(missing, [], 'add these to the table in docs/operations.md, "Environment variables"');
  });

  it('covers TLS and forwarded addresses, backup and restore, upgrades, monitoring and retention', () => {
    for (const heading of ['## Behind TLS', '## Environment variables', '## Health, metrics and monitoring', '## Upgrades and migrations', '## Backup and restore', '## Retention (AVG)']) {
      assert.ok(doc.includes(heading), heading);
    }
    for (const fact of ['X-Forwarded-For', 'DOORSTROOM_TRUST_PROXY=true', 'pg_dump --format=custom', 'pg_restore', '/readyz', '/healthz', '/metrics', 'SIGTERM']) assert.ok(doc.includes(fact), fact);
  });
});
