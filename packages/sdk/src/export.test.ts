import { expect } from '@open-wc/testing';
import type { DossierApi } from './contract.js';
import { exampleData } from './example/data.js';
import { exportFileName, exportStudentData, exportToJson } from './export.js';
import { createMemoryBackend } from './memory.js';
import { today } from './testing/fixtures.js';

describe('exportStudentData', () => {
  const setup = () => {
    const backend = createMemoryBackend(exampleData({ today }), { now: () => today });
    return { backend, sam: backend.client(backend.tokens['student-sam']!) };
  };

  it('holds me, every own dossier in full and its history', async () => {
    const { sam } = setup();
    const created = await sam.createDossier({ type: 'mbo-mbo' });
    const data = await exportStudentData(sam, { now: () => today });
    expect(data.format).to.equal('doorstroomdossier-export');
    expect(data.exportedAt).to.equal(today.toISOString());
    expect(data.me).to.deep.equal(await sam.me());
    const ids = data.dossiers.map((d) => d.dossier.id).sort();
    expect(ids).to.deep.equal(['dossier-sam', created.id].sort());
    for (const { dossier, history } of data.dossiers) {
      expect(dossier).to.deep.equal(await sam.getDossier(dossier.id));
      expect(history).to.deep.equal(await sam.history(dossier.id));
      expect(history.length).to.be.greaterThan(0);
    }
    // The full BSN is the student's own data: the export is their copy, not a view for others.
    expect(data.dossiers.find((d) => d.dossier.id === 'dossier-sam')!.dossier.answers['persoonlijk']!['bsn']).to.equal('234567818');
  });

  it('contains nothing of any other student', async () => {
    const { backend, sam } = setup();
    const json = exportToJson(await exportStudentData(sam));
    expect(JSON.parse(json).dossiers).to.have.length(1);
    for (const other of backend.data.students.filter((s) => s.id !== 'student-sam')) {
      for (const value of [other.id, other.naam, other.bsn, other.email]) expect(json, value).not.to.contain(value);
    }
    for (const other of backend.data.dossiers.filter((d) => d.student.id !== 'student-sam')) expect(json).not.to.contain(other.id);
  });

  it('leaves out dossiers of others that a faulty backend lists', async () => {
    const { backend, sam } = setup();
    const noor = backend.client(backend.tokens['student-noor']!);
    const noorsDossier = await noor.getDossier('dossier-noor');
    const leaky: DossierApi = {
      ...sam,
      listDossiers: async () => {
        const own = await sam.listDossiers();
        const theirs = (await noor.listDossiers()).items;
        return { items: [...own.items, ...theirs] };
      },
      getDossier: async (id) => (id === 'dossier-noor' ? noorsDossier : sam.getDossier(id)),
      history: async (id) => (id === 'dossier-noor' ? noor.history(id) : sam.history(id)),
    };
    const data = await exportStudentData(leaky);
    expect(data.dossiers.map((d) => d.dossier.id)).to.deep.equal(['dossier-sam']);
    expect(exportToJson(data)).not.to.contain('Noor');
  });

  it('is only for students', async () => {
    const { backend } = setup();
    const mentor = backend.client(backend.tokens['mentor-de-vries']!);
    let failure: unknown;
    await exportStudentData(mentor).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
  });

  it('writes indented JSON and a dated file name', async () => {
    const { sam } = setup();
    const data = await exportStudentData(sam, { now: () => new Date('2026-11-23T10:00:00Z') });
    expect(exportToJson(data)).to.match(/^\{\n {2}"format": "doorstroomdossier-export"/);
    expect(exportFileName(data)).to.equal('doorstroomdossier-gegevens-2026-11-23.json');
  });
});
