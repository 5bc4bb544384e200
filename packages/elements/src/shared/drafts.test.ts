import { aTimeout, expect } from '@open-wc/testing';
import { createMemoryBackend, exampleData } from '@doorstroom/sdk';
import {
  createDraftStore,
  createIndexedDbDraftStore,
  createLocalStorageDraftStore,
  createMemoryDraftStore,
  DraftSaver,
  draftStoreFor,
  fallbackDraftStore,
  guardUnsavedChanges,
  reconcileDraft,
  sameAnswer,
  watchConnectivity,
  type DraftStore,
  type LocalDraft,
} from './drafts.js';

const draft = (sectionId: string, values: Record<string, unknown>, extra: Partial<LocalDraft> = {}): LocalDraft => ({
  dossierId: 'dossier-noor',
  sectionId,
  baseVersion: 3,
  values,
  origins: {},
  savedAt: Date.now(),
  ...extra,
});

/** The same checks for every kind of store. */
function behavesAsAStore(make: () => DraftStore) {
  it('keeps, lists per dossier, replaces and deletes drafts', async () => {
    const store = make();
    await store.put(draft('motivatie', { waarom: 'eerste' }));
    await store.put(draft('motivatie', { waarom: 'tweede', later: null }));
    await store.put(draft('thuis', { bijbaan: true }));
    await store.put({ ...draft('advies', { advies: 'x' }), dossierId: 'dossier-lisa' });
    expect((await store.get({ dossierId: 'dossier-noor', sectionId: 'motivatie' }))?.values).to.deep.equal({ waarom: 'tweede', later: null });
    expect((await store.list('dossier-noor')).map((d) => d.sectionId)).to.have.members(['motivatie', 'thuis']);
    await store.delete({ dossierId: 'dossier-noor', sectionId: 'motivatie' });
    expect(await store.get({ dossierId: 'dossier-noor', sectionId: 'motivatie' })).to.equal(undefined);
    await store.clear();
    expect(await store.list('dossier-lisa')).to.deep.equal([]);
  });

  it('forgets drafts older than the maximum age', async () => {
    const store = make();
    await store.put(draft('motivatie', { waarom: 'oud' }, { savedAt: Date.now() - 31 * 24 * 3600 * 1000 }));
    await store.put(draft('thuis', { bijbaan: true }));
    expect((await store.list('dossier-noor')).map((d) => d.sectionId)).to.deep.equal(['thuis']);
    expect(await store.get({ dossierId: 'dossier-noor', sectionId: 'motivatie' })).to.equal(undefined);
    await store.clear();
  });
}

describe('drafts', () => {
  describe('sameAnswer and reconcileDraft', () => {
    it('treats empty answers alike and ignores key order', () => {
      expect(sameAnswer(undefined, null)).to.equal(true);
      expect(sameAnswer('', undefined)).to.equal(true);
      expect(sameAnswer([], null)).to.equal(true);
      expect(sameAnswer({ id: '1', label: 'A' }, { label: 'A', id: '1' })).to.equal(true);
      expect(sameAnswer([{ a: 1, b: '' }], [{ a: 1 }])).to.equal(true);
      expect(sameAnswer('Kok', 'kok')).to.equal(false);
      expect(sameAnswer(false, null)).to.equal(false);
    });

    it('applies what the server did not change, skips what it has, and flags what it changed too', () => {
      const kept = { values: { waarom: 'mijn tekst', later: 'Kok', opmerking: 'al opgeslagen' }, origins: { waarom: null, later: 'Bakker', opmerking: null } };
      const server = { waarom: null, later: 'Leraar', opmerking: 'al opgeslagen' };
      expect(reconcileDraft(kept, server)).to.deep.equal({
        apply: { waarom: 'mijn tekst' },
        conflicts: { later: { mine: 'Kok', server: 'Leraar' } },
      });
    });
  });

  describe('memory store', () => behavesAsAStore(() => createMemoryDraftStore()));

  describe('localStorage store', () => {
    behavesAsAStore(() => createLocalStorageDraftStore({ namespace: 'test-ls' }));

    it('keeps namespaces apart, even when one name starts with the other', async () => {
      const a = createLocalStorageDraftStore({ namespace: 'https://a' });
      const b = createLocalStorageDraftStore({ namespace: 'https://a:8080' });
      await a.put(draft('motivatie', { waarom: 'a' }));
      await b.put(draft('motivatie', { waarom: 'b' }));
      expect((await a.list('dossier-noor')).map((d) => d.values['waarom'])).to.deep.equal(['a']);
      await a.clear();
      expect((await b.list('dossier-noor')).map((d) => d.values['waarom'])).to.deep.equal(['b']);
      await b.clear();
    });

    it('ignores damaged entries', async () => {
      const store = createLocalStorageDraftStore({ namespace: 'test-damaged' });
      await store.put(draft('motivatie', { waarom: 'goed' }));
      localStorage.setItem(`ddd-draft:"test-damaged":${JSON.stringify(['dossier-noor', 'thuis'])}`, '{not json');
      localStorage.setItem(`ddd-draft:"test-damaged":${JSON.stringify(['dossier-noor', 'herkomst'])}`, '{"dossierId":"dossier-noor"}');
      expect((await store.list('dossier-noor')).map((d) => d.sectionId)).to.deep.equal(['motivatie']);
      expect(await store.get({ dossierId: 'dossier-noor', sectionId: 'herkomst' })).to.equal(undefined);
      await store.clear();
    });
  });

  describe('IndexedDB store', () => {
    const database = `ddd-drafts-test-${Math.random().toString(36).slice(2)}`;
    behavesAsAStore(() => createIndexedDbDraftStore({ database, namespace: 'test-idb' }));

    it('survives a new page (a new store object on the same database) and keeps namespaces apart', async () => {
      await createIndexedDbDraftStore({ database, namespace: 'https://one' }).put(draft('motivatie', { waarom: 'bewaard' }));
      await createIndexedDbDraftStore({ database, namespace: 'https://two' }).put(draft('motivatie', { waarom: 'ander' }));
      const later = createIndexedDbDraftStore({ database, namespace: 'https://one' });
      expect((await later.get({ dossierId: 'dossier-noor', sectionId: 'motivatie' }))?.values).to.deep.equal({ waarom: 'bewaard' });
      await later.clear();
      expect(await later.list('dossier-noor')).to.deep.equal([]);
      expect(await createIndexedDbDraftStore({ database, namespace: 'https://two' }).list('dossier-noor')).to.have.length(1);
    });
  });

  describe('fallback', () => {
    const broken: DraftStore = {
      get: () => Promise.reject(new Error('broken')),
      list: () => Promise.reject(new Error('broken')),
      put: () => Promise.reject(new Error('quota')),
      delete: () => Promise.reject(new Error('broken')),
      clear: () => Promise.reject(new Error('broken')),
    };

    it('writes to the fallback when the primary store fails, and finds it there', async () => {
      const fallback = createMemoryDraftStore();
      const store = fallbackDraftStore(broken, fallback);
      await store.put(draft('motivatie', { waarom: 'gered' }));
      expect((await store.get({ dossierId: 'dossier-noor', sectionId: 'motivatie' }))?.values['waarom']).to.equal('gered');
      expect(await store.list('dossier-noor')).to.have.length(1);
      await store.delete({ dossierId: 'dossier-noor', sectionId: 'motivatie' });
      expect(await fallback.list('dossier-noor')).to.deep.equal([]);
    });

    it('reads both and never revives a deleted draft from the other store', async () => {
      const primary = createMemoryDraftStore();
      const fallback = createMemoryDraftStore();
      await fallback.put(draft('motivatie', { waarom: 'ouder' }, { savedAt: Date.now() - 1000 }));
      const store = fallbackDraftStore(primary, fallback);
      await store.put(draft('motivatie', { waarom: 'nieuwer' }));
      expect((await store.list('dossier-noor')).map((d) => d.values['waarom'])).to.deep.equal(['nieuwer']);
      await store.delete({ dossierId: 'dossier-noor', sectionId: 'motivatie' });
      expect(await store.list('dossier-noor')).to.deep.equal([]);
    });

    it('createDraftStore uses IndexedDB in this browser and works end to end', async () => {
      const store = createDraftStore({ namespace: `test-${Math.random()}` });
      await store.put(draft('motivatie', { waarom: 'x' }));
      expect(await store.list('dossier-noor')).to.have.length(1);
      await store.clear();
      expect(await store.list('dossier-noor')).to.have.length(0);
    });
  });

  describe('DraftSaver', () => {
    function counting(store: DraftStore) {
      const counts = { put: 0, delete: 0 };
      const spy: DraftStore = {
        ...store,
        put: (d) => (counts.put++, store.put(d)),
        delete: (k) => (counts.delete++, store.delete(k)),
      };
      return { spy, counts };
    }

    it('writes quick changes once, with the newest values', async () => {
      const { spy, counts } = counting(createMemoryDraftStore());
      const saver = new DraftSaver(() => spy);
      saver.delay = 30;
      for (const text of ['I', 'Ik', 'Ik w', 'Ik wil']) saver.put(draft('motivatie', { waarom: text }));
      expect(counts.put).to.equal(0);
      await aTimeout(80);
      expect(counts.put).to.equal(1);
      expect((await spy.get({ dossierId: 'dossier-noor', sectionId: 'motivatie' }))?.values['waarom']).to.equal('Ik wil');
    });

    it('a removal after a write wins, and flush writes at once', async () => {
      const store = createMemoryDraftStore();
      const saver = new DraftSaver(() => store);
      saver.delay = 10_000;
      saver.put(draft('motivatie', { waarom: 'x' }));
      saver.remove({ dossierId: 'dossier-noor', sectionId: 'motivatie' });
      saver.put(draft('thuis', { bijbaan: true }));
      await saver.flush();
      expect((await store.list('dossier-noor')).map((d) => d.sectionId)).to.deep.equal(['thuis']);
    });

    it('leaving the page: what waits and what IndexedDB has not finished are in localStorage before saveBeforeLeaving returns', async () => {
      const namespace = `leaving-${Math.random()}`;
      const store = createDraftStore({ namespace });
      const saver = new DraftSaver(() => store);
      saver.delay = 10_000;
      saver.put(draft('thuis', { bijbaan: true }));
      void saver.flush(); // handed to IndexedDB, not finished
      saver.put(draft('motivatie', { waarom: 'Getypt vlak voor het herladen.' }));
      saver.saveBeforeLeaving();
      // Nothing awaited: the page could be gone now. A fresh localStorage store is what the next page reads.
      const nextPage = createLocalStorageDraftStore({ namespace });
      expect((await nextPage.get({ dossierId: 'dossier-noor', sectionId: 'motivatie' }))?.values).to.deep.equal({ waarom: 'Getypt vlak voor het herladen.' });
      expect((await nextPage.get({ dossierId: 'dossier-noor', sectionId: 'thuis' }))?.values).to.deep.equal({ bijbaan: true });
      // Removed again once acknowledged: from both stores, so nothing comes back.
      saver.remove({ dossierId: 'dossier-noor', sectionId: 'motivatie' });
      await saver.flush();
      expect((await store.list('dossier-noor')).map((d) => d.sectionId)).to.deep.equal(['thuis']);
      await store.clear();
    });
  });

  describe('the browser around it', () => {
    it('warns before leaving only while something is unsaved, and writes drafts when the page hides', () => {
      let unsaved = true;
      let left = 0;
      const stop = guardUnsavedChanges(
        () => unsaved,
        () => left++,
      );
      const leave = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(leave()).to.equal(true);
      unsaved = false;
      expect(leave()).to.equal(false);
      window.dispatchEvent(new Event('pagehide'));
      expect(left).to.equal(3);
      stop();
      unsaved = true;
      expect(leave()).to.equal(false);
    });

    it('follows the online and offline events', () => {
      const seen: boolean[] = [];
      const stop = watchConnectivity((online) => seen.push(online));
      window.dispatchEvent(new Event('offline'));
      window.dispatchEvent(new Event('online'));
      stop();
      window.dispatchEvent(new Event('offline'));
      expect(seen).to.deep.equal([false, true]);
    });

    it('keeps drafts on the device for an api-base backend, in page memory per api object otherwise', () => {
      const backend = createMemoryBackend(exampleData());
      const api = backend.client(backend.tokens['student-noor']!);
      const other = backend.client(backend.tokens['student-noor']!);
      const host = (props: object) => Object.assign(document.createElement('div'), props);
      const viaBase = draftStoreFor(host({ apiBase: 'https://api.example.nl/' }), api);
      expect(draftStoreFor(host({ apiBase: 'https://api.example.nl/' }), api)).to.equal(viaBase);
      expect(draftStoreFor(host({ apiBase: 'https://other.example.nl/' }), api)).not.to.equal(viaBase);
      const own = draftStoreFor(host({ api }), api);
      expect(own).not.to.equal(viaBase);
      expect(draftStoreFor(host({ api }), api)).to.equal(own);
      expect(draftStoreFor(host({ api: other }), other)).not.to.equal(own);
      const chosen = createMemoryDraftStore();
      expect(draftStoreFor(host({ api, draftStore: chosen }), api)).to.equal(chosen);
      expect(draftStoreFor(host({}), undefined)).to.equal(undefined);

      const context = document.createElement('ddd-context') as HTMLElement & { apiBase?: string };
      context.apiBase = 'https://api.example.nl/';
      const inside = host({});
      context.append(inside);
      expect(draftStoreFor(inside, api)).to.equal(viaBase);
    });
  });
});
