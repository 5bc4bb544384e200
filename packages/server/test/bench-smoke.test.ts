// The server benchmark still runs (npm run bench judges its timings; this does not): a smoke run
// of scripts/bench-server.ts on PostgreSQL from Debian, a few requests against the reference server
// and the lean baseline. It fails when a request of the benchmark's plan is refused (the plan must
// be one the workflow allows) or an acknowledged write is missing from the database.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { localPostgresUnavailable } from '../src/testing/local-postgres.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const unavailable = process.env['DATABASE_URL'] ? undefined : localPostgresUnavailable();

describe('the server benchmark (smoke run, timings not judged)', { skip: unavailable ? `no PostgreSQL: ${unavailable}` : false }, () => {
  it('runs its whole plan against both servers: every request allowed, every acknowledged write stored', () => {
    const run = spawnSync(process.execPath, ['--conditions=@doorstroom/source', '--import', 'tsx', 'scripts/bench-server.ts', '--smoke'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, output);
    assert.match(run.stdout, /\| non-2xx answers \(all rounds\) \| 0 \| 0 \|/, output);
    assert.match(run.stdout, /\| integrity \| all \d+ \+ \d+ acknowledged writes stored/, output);
    assert.match(run.stdout, /Smoke run: timings not judged/, output);
  });
});
