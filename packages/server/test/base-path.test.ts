/**
 * DOORSTROOM_BASE_PATH: a portal that mounts the API under its own path (`/api/doorstroom`, as
 * docs/embedding.md and docs/npm.md show) sets it, and every route moves there: the contract, the
 * dev routes, the start line's URL. The default stays `/api`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { optionsFromEnv } from '../src/config.js';
import type { RunningServer } from '../src/server.js';
import { removeDir, startTestServer } from './helpers.js';

describe('DOORSTROOM_BASE_PATH', () => {
  it('is read from the environment, without a trailing slash, and refused when it is not a path', async () => {
    assert.equal((await optionsFromEnv({})).basePath, undefined, 'the default: /api');
    assert.equal((await optionsFromEnv({ DOORSTROOM_BASE_PATH: '/api/doorstroom' })).basePath, '/api/doorstroom');
    assert.equal((await optionsFromEnv({ DOORSTROOM_BASE_PATH: '/doorstroom/' })).basePath, '/doorstroom');
    for (const wrong of ['api', '/', 'https://portaal.example.nl/api', '/api//x', '/api?x=1']) {
      await assert.rejects(optionsFromEnv({ DOORSTROOM_BASE_PATH: wrong }), /DOORSTROOM_BASE_PATH must be a path/, wrong);
    }
  });

  describe('a server started with DOORSTROOM_BASE_PATH=/api/doorstroom', { timeout: 120_000 }, () => {
    let server: RunningServer & { dataDir: string };
    before(async () => {
      const options = await optionsFromEnv({ DOORSTROOM_BASE_PATH: '/api/doorstroom', DOORSTROOM_DEV: 'true' });
      server = await startTestServer({ ...options, port: 0, logger: false });
    });
    after(async () => {
      await server?.close();
      if (server) removeDir(server.dataDir);
    });

    it('serves the contract and the dev routes there, and nothing under /api', async () => {
      assert.equal(server.apiUrl, `${server.url}/api/doorstroom/`);
      const get = (url: string) => fetch(url, { headers: { authorization: 'Bearer student-noor' } });
      const config = await get(`${server.apiUrl}config`);
      assert.equal(config.status, 200);
      assert.equal(((await config.json()) as { id: string }).id.length > 0, true);
      assert.equal((await get(`${server.apiUrl}dossiers/dossier-noor`)).status, 200);
      assert.equal((await get(`${server.apiUrl}dev/accounts`)).status, 200);
      assert.equal((await get(`${server.url}/api/config`)).status, 404);
    });
  });
});
