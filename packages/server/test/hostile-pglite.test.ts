// Hostile text against the reference server on PGlite: PostgreSQL refuses a NUL and a lone
// surrogate in jsonb, so the contract refuses them first. Every within-limit payload of the SDK's
// hostile list is either stored and returned exactly, or refused with 400 problem+json, never a 500.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isStorableText, limits, type Dossier, type Problem } from '@doorstroom/sdk';
import { describePayload, payloadsWithin, type HostilePayload } from '../../sdk/src/testing/hostile-payloads.js';
import { removeDir, startTestServer } from './helpers.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const token = 'student-noor';
const dossierId = 'dossier-noor';
// No maxLength of their own: the contract's 10 000 characters apply, as in the SDK's hostile test.
// Noor's BSN is registered by her school (a save may not change it): onderwijsnummer is another field without a maxLength of its own.
const fields = ['onderwijsnummer', 'telefoon', 'mobiel', 'postcode'];

describe('hostile text against the reference server on PGlite', () => {
  let server: TestServer;
  const call = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('Content-Type', 'application/json');
    return fetch(new URL(path, server.apiUrl), { ...init, headers });
  };
  const read = async (): Promise<Dossier> => {
    const response = await call(`dossiers/${dossierId}`);
    assert.equal(response.status, 200, 'the dossier reads back');
    return (await response.json()) as Dossier;
  };
  const save = (answers: Record<string, string>, version: number) =>
    call(`dossiers/${dossierId}/sections/persoonlijk`, { method: 'PATCH', body: JSON.stringify({ answers }), headers: { 'If-Match': `"${version}"` } });

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server?.close();
    removeDir(server?.dataDir);
  });

  it('stores every within-limit payload exactly or refuses it with 400 problem+json, never a 500', async () => {
    const payloads = payloadsWithin(limits.text);
    assert.ok(payloads.length > 200);
    let version = (await read()).version;
    const stored: HostilePayload[] = [];
    const refused: HostilePayload[] = [];

    /** Saves payloads in `fields`; a refused batch of several is tried again one payload at a time. */
    const tryBatch = async (batch: HostilePayload[]): Promise<void> => {
      const label = batch.map(describePayload).join(', ');
      const answers = Object.fromEntries(batch.map((payload, index) => [fields[index]!, payload.value]));
      const response = await save(answers, version);
      if (response.status === 200) {
        const returned = (await response.json()) as Dossier;
        const reread = await read();
        for (const [index, payload] of batch.entries()) {
          assert.equal(returned.answers['persoonlijk']![fields[index]!], payload.value, `${describePayload(payload)} returned exactly`);
          assert.equal(reread.answers['persoonlijk']![fields[index]!], payload.value, `${describePayload(payload)} stored exactly`);
        }
        assert.equal(reread.version, version + 1);
        version = reread.version;
        stored.push(...batch);
        return;
      }
      assert.equal(response.status, 400, `${label}: answered ${response.status}`);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/, label);
      const problem = (await response.json()) as Problem;
      assert.equal(problem.status, 400);
      assert.ok(problem.title.length > 0, label);
      assert.ok(problem.errors?.length, `${label}: the problem names the failing fields`);
      assert.equal((await read()).version, version, `${label}: a refused save changed the dossier`);
      if (batch.length > 1) {
        for (const payload of batch) await tryBatch([payload]);
        return;
      }
      assert.deepEqual(
        problem.errors!.map((e) => e.path),
        ['answers.onderwijsnummer'],
        label,
      );
      refused.push(batch[0]!);
    };

    for (let start = 0; start < payloads.length; start += fields.length) await tryBatch(payloads.slice(start, start + fields.length));

    assert.equal(stored.length + refused.length, payloads.length);
    // Refused are exactly the texts PostgreSQL cannot hold: NUL characters and lone surrogates.
    assert.deepEqual(
      refused.map((p) => p.id),
      payloads.filter((p) => !isStorableText(p.value)).map((p) => p.id),
    );
    assert.equal(refused.length, 5);

    const dossier = await read();
    assert.equal(dossier.version, version);
    const history = await call(`dossiers/${dossierId}/history`);
    assert.equal(history.status, 200);
    assert.ok(((await history.json()) as unknown[]).length > 0);
  });
});
