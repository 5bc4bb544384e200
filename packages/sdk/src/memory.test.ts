import { expect } from '@open-wc/testing';
import { getResponse } from 'msw';
import { parseDraft, validateSection } from './answers.js';
import { completion } from './completion.js';
import { isValidOnderwijsnummer } from './validators.js';
import { ageOn, conditionContext } from './conditions.js';
import { buildSections } from './config.js';
import { dossierStatusSchema } from './contract.js';
import { qualificationData, institutionData } from './example/catalog-data.js';
import { catalogForBench, createCatalogIndex } from './example/catalog.js';
import { exampleData } from './example/data.js';
import { createMemoryBackend, type StorageLike } from './memory.js';
import { createMswHandlers } from './msw.js';
import { createMemoryStore } from './server/memory-store.js';
import { today } from './testing/fixtures.js';

function fakeStorage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const now = () => today;

describe('createMemoryBackend', () => {
  it('keeps its state in the given storage across backend instances, until reset', async () => {
    const storage = fakeStorage();
    const first = createMemoryBackend(undefined, { storage, now });
    const noor = first.client('student-noor');
    const { version } = await noor.getDossier('dossier-noor');
    await noor.saveSection('dossier-noor', 'thuis', { vrijeTijd: 'Turnen en tekenen' }, version);
    const created = await noor.createDossier({ type: 'vo-mbo' });

    const second = createMemoryBackend(undefined, { storage, now });
    const again = second.client('student-noor');
    expect((await again.getDossier('dossier-noor')).answers['thuis']?.['vrijeTijd']).to.equal('Turnen en tekenen');
    expect((await again.getDossier(created.id)).version).to.equal(1);
    // New ids continue after the stored ones instead of overwriting them.
    const next = await again.createDossier({ type: 'mbo-mbo' });
    expect(next.id).not.to.equal(created.id);

    second.reset();
    expect(storage.items.size).to.equal(0);
    expect((await again.getDossier('dossier-noor')).answers['thuis']?.['vrijeTijd']).to.equal('Oppassen op mijn nichtjes en turnen.');
  });

  it('starts from the example data when the stored snapshot is damaged', async () => {
    const storage = fakeStorage();
    storage.setItem('doorstroom:memory-backend', '{"format":1,"state":');
    const backend = createMemoryBackend(undefined, { storage, now });
    expect((await backend.client('student-sam').listDossiers()).items).to.have.length(1);
  });

  it('runs concurrent saves one after another: of two saves on the same version one wins, one gets 409', async () => {
    const backend = createMemoryBackend(undefined, { now });
    const noor = backend.client('student-noor');
    const { version } = await noor.getDossier('dossier-noor');
    const results = await Promise.allSettled([noor.saveSection('dossier-noor', 'thuis', { vrijeTijd: 'A' }, version), noor.saveSection('dossier-noor', 'thuis', { vrijeTijd: 'B' }, version)]);
    expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    expect((await noor.getDossier('dossier-noor')).version).to.equal(version + 1);
  });

  it('keeps none of the writes of a transaction that fails', async () => {
    const data = exampleData({ today });
    const store = createMemoryStore({ seed: data, catalog: createCatalogIndex(data.catalog) });
    const failing = store.transaction(async (tx) => {
      const dossier = (await tx.getDossier('dossier-noor'))!;
      await tx.putDossier({ ...dossier, status: 'afgerond' });
      await tx.appendHistory('dossier-noor', { at: today.toISOString(), actor: { id: 'x', role: 'student', naam: 'X' }, kind: 'saved', version: 99 });
      throw new Error('disk full');
    });
    await failing.then(
      () => expect.fail('should reject'),
      (error: Error) => expect(error.message).to.equal('disk full'),
    );
    const after = await store.transaction(async (tx) => ({ dossier: await tx.getDossier('dossier-noor'), history: await tx.listHistory('dossier-noor') }));
    expect(after.dossier?.status).to.equal('concept');
    expect(after.history.some((h) => h.version === 99)).to.equal(false);
  });

  it('serves only its own base URL through fetch', async () => {
    const backend = createMemoryBackend(undefined, { now });
    const outside = backend.fetch('https://example.org/api/me').then(
      () => 'served',
      (error: unknown) => (error instanceof TypeError ? 'refused' : 'other'),
    );
    expect(await outside).to.equal('refused');
    const inside = await backend.fetch(`${backend.baseUrl}me`, { headers: { Authorization: `Bearer ${backend.tokens['mbo-albeda']}` } });
    expect((await inside.json()).instelling).to.deep.equal({ brin: '00GT', naam: 'Albeda' });
  });

  it('works behind msw at another base URL', async () => {
    const backend = createMemoryBackend(undefined, { now });
    const handlers = createMswHandlers(backend, { baseUrl: 'https://api.school.example/doorstroom/' });
    const { version } = await backend.client('student-noor').getDossier('dossier-noor');
    const request = new Request('https://api.school.example/doorstroom/dossiers/dossier-noor/sections/thuis', {
      method: 'PATCH',
      headers: { Authorization: 'Bearer student-noor', 'If-Match': `"${version}"`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: { bijbaan: true, bijbaanOmschrijving: 'Krantenwijk' } }),
    });
    const response = await getResponse(handlers, request);
    expect(response?.status).to.equal(200);
    expect((await response!.json()).answers.thuis.bijbaanOmschrijving).to.equal('Krantenwijk');
    expect(await getResponse(handlers, new Request('https://elsewhere.example/doorstroom/me'))).to.equal(undefined);
  });
});

describe('exampleData', () => {
  const data = exampleData({ today });

  it('has registered students aged 15, 17 and 18 on the given day, guardians for the minors, and an unregistered werk-mbo adult', () => {
    const registered = data.students.filter((s) => s.geboortedatum !== undefined);
    const ages = registered.map((s) => ageOn(s.geboortedatum!, today));
    expect(ages).to.include.members([15, 17, 18]);
    for (const student of registered) {
      if (ageOn(student.geboortedatum!, today) < 18) expect(student.guardianIds, student.id).to.have.length(1);
    }
    const daan = data.students.find((s) => s.id === 'student-daan')!;
    expect([daan.geboortedatum, daan.bsn, daan.onderwijsnummer, daan.schoolId]).to.deep.equal([undefined, undefined, undefined, null]);
  });

  it('has a newcomer with an onderwijsnummer at a school without a roster', () => {
    const olena = data.students.find((s) => s.id === 'student-olena')!;
    expect(olena.bsn).to.equal(undefined);
    expect(isValidOnderwijsnummer(olena.onderwijsnummer!)).to.equal(true);
    const school = data.schools.find((s) => s.id === olena.schoolId)!;
    expect([school.mentorRoster, school.mentors]).to.deep.equal([false, []]);
  });

  it('has a dossier in every state, an archived one, and every dossier type', () => {
    expect(new Set(data.dossiers.map((d) => d.status))).to.deep.equal(new Set(dossierStatusSchema.options));
    expect(data.dossiers.some((d) => d.archived)).to.equal(true);
    expect(new Set(data.dossiers.map((d) => d.type))).to.deep.equal(new Set(['vo-mbo', 'mbo-mbo', 'werk-mbo']));
  });

  it('holds only answers the validators accept, and complete parts where the state needs them', () => {
    for (const dossier of data.dossiers) {
      const context = conditionContext(dossier, data.config, today);
      for (const section of buildSections(data.config, dossier.type)) {
        const answers = dossier.answers[section.id];
        if (!answers) continue;
        expect(parseDraft(section, answers).ok, `${dossier.id} ${section.id}`).to.equal(true);
        const invalid = validateSection(section, answers, context, { today }).filter((e) => e.code !== 'required');
        expect(invalid, `${dossier.id} ${section.id}`).to.deep.equal([]);
      }
      if (dossier.status !== 'concept') expect(completion(dossier, data.config, { today }).partA.complete, dossier.id).to.equal(true);
    }
  });

  it('offers 50+ programmes at each of its real ROCs, built from real qualifications and locations', () => {
    expect(data.catalog.institutions.length).to.be.at.least(3);
    for (const institution of data.catalog.institutions) {
      const real = institutionData.find((i) => i.brin === institution.brin)!;
      const programmes = data.catalog.programmes[institution.brin]!;
      expect(programmes.length, institution.naam).to.be.at.least(50);
      for (const programme of programmes) {
        const qualification = qualificationData.find((q) => q.crebo === programme.crebo)!;
        expect(programme).to.include({ naam: qualification.naam, niveau: qualification.niveau });
        expect(qualification.leerwegen).to.include(programme.leerweg);
        expect(programme.locatieCodes.every((code) => real.locaties.some((l) => l.code === code))).to.equal(true);
      }
    }
    expect(data.description).to.contain('synthetische koppeling');
  });

  it('builds ~10 000 distinct synthetic offerings for benchmarks', () => {
    const bench = catalogForBench(10_000);
    const all = Object.values(bench.programmes).flat();
    expect(all).to.have.length(10_000);
    expect(new Set(all.map((p) => p.id)).size).to.equal(10_000);
    const index = createCatalogIndex(bench);
    expect(index.searchInstitutions('', 20)).to.have.length(20);
    const rocs = index.searchInstitutions('roc', 20);
    expect(rocs.length).to.be.greaterThan(5);
    expect(rocs[0]!.naam.toLowerCase().startsWith('roc')).to.equal(true);
  });
});
