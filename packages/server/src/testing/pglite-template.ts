/**
 * A PGlite data directory initialised once per machine (in the temp dir) and copied for each use:
 * a fresh PGlite initialises for tens of seconds on a busy machine, a copy takes a moment.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../db.js';
import { migrate, migrations } from '../migrations.js';

// Named after the newest migration: a template from before it would be migrated again on every start.
const templateDir = join(tmpdir(), `doorstroom-pglite-template-m${migrations.at(-1)!.id}`);

/** A new PGlite data directory with the schema migrated (not seeded); remove it when done. */
export async function freshPgliteDir(): Promise<string> {
  if (!existsSync(join(templateDir, 'PG_VERSION'))) {
    const building = mkdtempSync(join(tmpdir(), 'doorstroom-pglite-building-'));
    const db = await openPglite({ dataDir: building });
    await migrate(db);
    await db.close();
    rmSync(templateDir, { recursive: true, force: true });
    try {
      renameSync(building, templateDir);
    } catch {
      // Another process finished the template first: use theirs.
      rmSync(building, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'doorstroom-pglite-'));
  cpSync(templateDir, dir, { recursive: true });
  return dir;
}
