// Issue 18 (5): every history entry carries a hash over the one before it; a changed entry shows.
import { expect } from '@open-wc/testing';
import type { HistoryEntry } from './contract.js';
import { exampleData } from './example/data.js';
import { canonicalJson, historyEntryHash, sha256Hex, verifyHistoryChain, type HistoryVerification } from './history-chain.js';
import { createMemoryBackend } from './memory.js';
import { createCatalogIndex } from './example/catalog.js';
import { createFetchHandler } from './server/handler.js';
import { createMemoryStore, type StorageLike } from './server/memory-store.js';
import { createService } from './server/service.js';
import { createHttpClient } from './client.js';
import { today } from './testing/fixtures.js';

function memoryStorage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

/** The memory backend over `storage`, built by hand so a test can edit what it stored. */
function backendOver(storage: StorageLike) {
  const data = exampleData({ today });
  const store = createMemoryStore({
    seed: { config: data.config, schools: data.schools, students: data.students, dossiers: data.dossiers, begeleiding: data.begeleiding, history: data.history },
    catalog: createCatalogIndex(data.catalog),
    storage,
  });
  const service = createService(store, { now: () => today });
  const accounts = new Map(data.accounts.map((a) => [a.token, a.actor]));
  const handler = createFetchHandler(service, { basePath: '/api', authenticate: async (token) => (token ? (accounts.get(token) ?? null) : null) });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init))) as typeof fetch;
  const verify = async (token: string, id: string) => (await (await fetchImpl(`http://x/api/dossiers/${id}/verify`, { headers: { Authorization: `Bearer ${token}` } })).json()) as HistoryVerification;
  return { client: (token: string) => createHttpClient({ baseUrl: 'http://x/api/', token, fetch: fetchImpl, retry: 0 }), verify };
}

describe('the history chain (issue 18)', () => {
  it('writes JSON canonically: sorted keys, no whitespace, undefined members left out', async () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, é: { z: 1, y: 'ü' } })).to.equal('{"a":[true,null,"x"],"b":1,"é":{"y":"ü","z":1}}');
    expect(canonicalJson({ b: 2, a: 1 })).to.equal(canonicalJson({ a: 1, b: 2 }));
    expect(await sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const entry: HistoryEntry = { at: '2027-01-05T10:00:00.000Z', kind: 'created', version: 1, actor: { id: 's', role: 'student', naam: 'S' } };
    const first = await historyEntryHash('d1', null, entry);
    expect(first).to.match(/^[0-9a-f]{64}$/);
    expect(await historyEntryHash('d1', null, { ...entry, hash: 'anything' }), 'its own hash is not part of it').to.equal(first);
    expect(await historyEntryHash('d2', null, entry), 'bound to the dossier').not.to.equal(first);
    expect(await historyEntryHash('d1', first, entry), 'bound to the one before').not.to.equal(first);
  });

  it('seals what the service appends after entries from before the chain', async () => {
    const backend = createMemoryBackend(undefined, { now: () => today });
    const mentor = backend.client('mentor-de-vries');
    // Lisa's dossier waits at her mentor in the example data; its entries carry no hash yet.
    const lisa = await mentor.getDossier('dossier-lisa');
    const before = (await mentor.history(lisa.id)).length;
    await mentor.act(lisa.id, 'startDeelB', {}, lisa.version);
    const history = await mentor.history(lisa.id);
    expect(history.slice(0, before).every((e) => e.hash === undefined)).to.equal(true);
    const report = await verifyHistoryChain(lisa.id, history);
    expect(report).to.include({ valid: true, entries: before + 1, sealed: 1 });
    expect(history.at(-1)!.hash, 'covers the entries before it').to.equal(report.hashes.at(-1));
  });

  it('verifies a dossier from created to afgerond, and shows the MBO only whether it holds', async () => {
    const storage = memoryStorage();
    const backend = backendOver(storage);
    const student = backend.client('student-daan');
    let dossier = await student.createDossier({ type: 'werk-mbo' });
    dossier = await student.saveSection(dossier.id, 'motivatie', { waarom: 'Omdat ik graag met mensen werk.' }, dossier.version);
    const history = await student.history(dossier.id);
    expect(history.map((e) => e.kind)).to.deep.equal(['created', 'saved']);
    expect(
      history.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? '')),
      'every entry carries a hash',
    ).to.equal(true);
    expect(history[1]!.hash).to.equal(await historyEntryHash(dossier.id, history[0]!.hash!, history[1]!));
    const verified = await backend.verify('student-daan', dossier.id);
    expect(verified).to.include({ valid: true, entries: 2, sealed: 2, head: history[1]!.hash });
    expect((await backend.verify('student-noor', dossier.id)) as unknown as { status: number }).to.include({ status: 404 });

    // Sam's afgerond dossier: from before the chain; the MBO opening it appends the first sealed entry.
    const mbo = backend.client('mbo-roc-midden-nederland');
    const sam = await mbo.getDossier('dossier-sam');
    expect(sam.finalHash, 'recomputed for a dossier from before the chain').to.match(/^[0-9a-f]{64}$/);
    const forMbo = await backend.verify('mbo-roc-midden-nederland', 'dossier-sam');
    expect(forMbo).to.deep.equal({ valid: true, finalHash: sam.finalHash, algorithm: 'doorstroom-history-sha256-v1' });
    expect(
      (await mbo.history('dossier-sam')).every((e) => e.hash === undefined),
      'no entry hashes for the MBO',
    ).to.equal(true);
    const forSchool = await backend.verify('decaan-visser', 'dossier-sam');
    expect(forSchool).to.include({ valid: true, sealed: 1, finalHash: sam.finalHash });
  });

  it('seals an afgerond dossier with the hash of its finalize entry', async () => {
    const storage = memoryStorage();
    const backend = backendOver(storage);
    const daan = backend.client('student-daan');
    // Daan (19, werk-mbo) waits in akkoord for his own inzage and declaration.
    let dossier = await daan.act('dossier-daan', 'recordInzage', {}, (await daan.getDossier('dossier-daan')).version);
    dossier = await daan.saveSection(dossier.id, 'akkoordverklaring', { akkoord: 'ja', delen: [], toestemming: true }, dossier.version);
    const finalized = await daan.act(dossier.id, 'finalize', {}, dossier.version);
    const history = await daan.history(dossier.id);
    expect(history.at(-1)).to.include({ action: 'finalize', to: 'afgerond' });
    expect(finalized.finalHash).to.equal(history.at(-1)!.hash);
    expect((await daan.getDossier(dossier.id)).finalHash, 'kept with the dossier').to.equal(finalized.finalHash);
    expect(await backend.verify('student-daan', dossier.id)).to.include({ valid: true, finalHash: finalized.finalHash });
  });

  it('fails at the entry that was changed in the store, and at the finalize entry when the final hash was changed', async () => {
    const storage = memoryStorage();
    let backend = backendOver(storage);
    const student = backend.client('student-daan');
    let dossier = await student.createDossier({ type: 'werk-mbo' });
    for (const waarom of ['Eerst dit.', 'Dan dat.', 'En dit.']) dossier = await student.saveSection(dossier.id, 'motivatie', { waarom }, dossier.version);
    expect(await backend.verify('student-daan', dossier.id)).to.include({ valid: true, entries: 4 });

    // Someone with access to the storage rewrites who saved the second answer.
    const [key, raw] = [...storage.items.entries()][0]!;
    const snapshot = JSON.parse(raw) as { state: { history: Record<string, HistoryEntry[]> } };
    snapshot.state.history[dossier.id]![2] = { ...snapshot.state.history[dossier.id]![2]!, actor: { id: 'mentor-bakker', role: 'mentor', naam: 'Meneer Bakker' } };
    storage.setItem(key, JSON.stringify(snapshot));
    backend = backendOver(storage);
    expect(await backend.verify('student-daan', dossier.id)).to.include({ valid: false, entries: 4, brokenAt: 2 });
  });
});
