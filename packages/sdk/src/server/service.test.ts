import { expect } from '@open-wc/testing';
import type { DossierApi, Problem } from '../contract.js';
import { DossierApiError } from '../errors.js';
import { createMemoryBackend, type MemoryBackend } from '../memory.js';
import { today } from '../testing/fixtures.js';

const base = 'http://doorstroom.local/api/';

async function failure(promise: Promise<unknown>): Promise<DossierApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DossierApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('memory backend service (through HTTP)', () => {
  let backend: MemoryBackend;
  let sam: DossierApi;
  const raw = (path: string, init: RequestInit & { token?: string } = {}) =>
    backend.fetch(base + path, { ...init, headers: { Authorization: `Bearer ${init.token ?? 'student-sam'}`, 'Content-Type': 'application/json', ...init.headers } });

  beforeEach(() => {
    backend = createMemoryBackend(undefined, { now: () => today });
    sam = backend.client('student-sam');
  });

  describe('creating a dossier', () => {
    it('copies A1–A6 from the newest dossier and leaves A7–A9 and deel B empty (201)', async () => {
      const source = await sam.getDossier('dossier-sam');
      const response = await raw('dossiers', { method: 'POST', body: JSON.stringify({ type: 'vo-mbo' }) });
      expect(response.status).to.equal(201);
      const created = await response.json();
      expect(response.headers.get('ETag')).to.equal('"1"');
      expect(created.status).to.equal('concept');
      expect(created.version).to.equal(1);
      for (const id of ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning']) {
        expect(created.answers[id], id).to.deep.equal(source.answers[id]);
      }
      for (const id of ['vervolgkeuze', 'voorbereiding', 'motivatie', 'advies', 'akkoordverklaring', 'ouderToestemming']) {
        expect(created.answers, id).not.to.have.property(id);
      }
      const history = await sam.history(created.id);
      expect(history.map((h) => h.kind)).to.deep.equal(['created']);
    });

    it('copies from `copyFrom` and refuses to copy from someone else’s dossier (404)', async () => {
      const noor = backend.client('student-noor');
      const copy = await noor.createDossier({ type: 'mbo-mbo', copyFrom: 'dossier-noor' });
      expect(copy.answers['competenties']).to.deep.equal((await noor.getDossier('dossier-noor')).answers['competenties']);
      const error = await failure(noor.createDossier({ type: 'vo-mbo', copyFrom: 'dossier-sam' }));
      expect(error.status).to.equal(404);
    });

    it('prefills what the school registered (number, birth date) and the e-mail when there is nothing to copy', async () => {
      const milan = backend.client('student-milan');
      const created = await milan.createDossier({ type: 'vo-mbo' });
      const registered = backend.data.students.find((s) => s.id === 'student-milan')!;
      expect(created.answers).to.deep.equal({
        persoonlijk: { nummerSoort: 'bsn', bsn: '314159265', geboortedatum: registered.geboortedatum, email: 'milan.koster@mail.example' },
        // B1 was filled by the mentor before deel A existed; it is not visible to Milan yet.
      });
    });

    it('is only for students', async () => {
      const error = await failure(backend.client('mentor-de-vries').createDossier({ type: 'vo-mbo' }));
      expect(error.status).to.equal(403);
      expect(error.reason).to.equal('wrongRole');
    });
  });

  describe('saving a section', () => {
    it('merges partial answers, clears keys sent as null, bumps the version and writes history', async () => {
      const noor = backend.client('student-noor');
      const before = await noor.getDossier('dossier-noor');
      const saved = await noor.saveSection('dossier-noor', 'herkomst', { sector: 'zorg-en-welzijn', leerweg: null }, before.version);
      expect(saved.version).to.equal(before.version + 1);
      expect(saved.answers['herkomst']).to.include({ schoolnaam: 'Vmbo De Brug', sector: 'zorg-en-welzijn' });
      expect(saved.answers['herkomst']).not.to.have.property('leerweg');
      const last = (await noor.history('dossier-noor')).at(-1)!;
      expect(last).to.include({ kind: 'saved', sectionId: 'herkomst', version: saved.version });
      expect(last.actor).to.deep.equal({ id: 'student-noor', role: 'student', naam: 'Noor El Idrissi' });
    });

    it('answers 409 (conflict, staleVersion) to a stale If-Match and keeps the newer answers', async () => {
      const noor = backend.client('student-noor');
      const { version } = await noor.getDossier('dossier-noor');
      await noor.saveSection('dossier-noor', 'thuis', { vrijeTijd: 'Turnen' }, version);
      const error = await failure(noor.saveSection('dossier-noor', 'thuis', { vrijeTijd: 'Lezen' }, version));
      expect(error.status).to.equal(409);
      expect(error.kind).to.equal('conflict');
      expect(error.reason).to.equal('staleVersion');
      expect((await noor.getDossier('dossier-noor')).answers['thuis']?.['vrijeTijd']).to.equal('Turnen');
    });

    it('answers 428 when If-Match is missing', async () => {
      const response = await raw('dossiers/dossier-noor/sections/thuis', { method: 'PATCH', token: 'student-noor', body: JSON.stringify({ answers: { vrijeTijd: 'Lezen' } }) });
      expect(response.status).to.equal(428);
      expect(response.headers.get('Content-Type')).to.contain('application/problem+json');
    });

    it('refuses a bad draft with 400 and the failing paths, saving nothing', async () => {
      const noor = backend.client('student-noor');
      const { version } = await noor.getDossier('dossier-noor');
      const error = await failure(noor.saveSection('dossier-noor', 'persoonlijk', { postcode: 1234, geslacht: 'onbekend', schoenmaat: 42 }, version));
      expect(error.status).to.equal(400);
      // The invented question is reported at the answers, not echoed by name.
      expect(error.errors.map((e) => e.path)).to.have.members(['answers.postcode', 'answers.geslacht', 'answers']);
      expect((await noor.getDossier('dossier-noor')).version).to.equal(version);
    });

    it('refuses edits the workflow forbids, with the reason (mentor on deel A → 403 wrongRole)', async () => {
      const mentor = backend.client('mentor-de-vries');
      const { version } = await mentor.getDossier('dossier-lisa');
      const error = await failure(mentor.saveSection('dossier-lisa', 'motivatie', { later: 'Verpleegkundige' }, version));
      expect(error.status).to.equal(403);
      expect(error.reason).to.equal('wrongRole');
    });

    it('stamps the guardian’s consent with today’s date, whatever date the client sends', async () => {
      const emma = backend.client('student-emma');
      const before = await emma.getDossier('dossier-emma');
      await emma.saveSection('dossier-emma', 'akkoordverklaring', { akkoord: 'ja', toestemming: true }, before.version);
      const bakker = backend.client('guardian-bakker');
      const { version } = await bakker.getDossier('dossier-emma');
      const saved = await bakker.saveSection('dossier-emma', 'ouderToestemming', { naam: 'Jeroen Bakker', relatie: 'vader', toestemming: true, datum: '1999-01-01' }, version);
      expect(saved.answers['ouderToestemming']).to.deep.equal({ naam: 'Jeroen Bakker', relatie: 'vader', toestemming: true, datum: '2026-11-23' });
    });
  });

  describe('workflow actions', () => {
    it('a refused action answers with the Dutch reason and changes nothing', async () => {
      const noor = backend.client('student-noor');
      const before = await noor.getDossier('dossier-noor');
      const historyBefore = await noor.history('dossier-noor');
      const response = await raw('dossiers/dossier-noor/actions/submitToMentor', { method: 'POST', token: 'student-noor', body: JSON.stringify({ mentorId: 'mentor-de-vries' }) });
      const problem = (await response.json()) as Problem;
      expect(response.status).to.equal(422);
      expect(problem.reason).to.equal('deelAIncomplete');
      expect(problem.title).to.equal('Deel A is nog niet helemaal ingevuld. Maak eerst alle onderdelen af.');
      expect(await noor.getDossier('dossier-noor')).to.deep.equal(before);
      expect(await noor.history('dossier-noor')).to.deep.equal(historyBefore);
    });

    it('records every action in the history with from and to', async () => {
      const mentor = backend.client('mentor-de-vries');
      const started = await mentor.act('dossier-lisa', 'startDeelB');
      expect(started.status).to.equal('deelB');
      expect((await mentor.history('dossier-lisa')).at(-1)).to.include({ kind: 'action', action: 'startDeelB', from: 'bijMentor', to: 'deelB', version: started.version });
    });

    it('checks If-Match on actions when it is sent', async () => {
      const mentor = backend.client('mentor-de-vries');
      const { version } = await mentor.getDossier('dossier-lisa');
      const error = await failure(mentor.act('dossier-lisa', 'startDeelB', {}, version - 1));
      expect(error.reason).to.equal('staleVersion');
    });
  });

  describe('who sees what', () => {
    const finalizeEmma = async () => {
      const emma = backend.client('student-emma');
      const bakker = backend.client('guardian-bakker');
      let dossier = await emma.act('dossier-emma', 'recordInzage');
      dossier = await emma.saveSection('dossier-emma', 'akkoordverklaring', { akkoord: 'ja', delen: ['motivatie'], toestemming: true }, dossier.version);
      dossier = await bakker.act('dossier-emma', 'recordInzage');
      dossier = await bakker.saveSection('dossier-emma', 'ouderToestemming', { naam: 'Jeroen Bakker', relatie: 'vader', toestemming: true }, dossier.version);
      return emma.act('dossier-emma', 'finalize', {}, dossier.version);
    };

    it('the chosen MBO sees nothing before afgerond (404) and only what is shared after', async () => {
      const mbo = backend.client('mbo-roc-midden-nederland');
      expect((await failure(mbo.getDossier('dossier-emma'))).status).to.equal(404);
      expect((await mbo.listDossiers()).items.map((d) => d.id)).not.to.include('dossier-emma');

      const finalized = await finalizeEmma();
      expect(finalized.status).to.equal('afgerond');

      const seen = await mbo.getDossier('dossier-emma');
      // Only motivatie was ticked: of A1 only the legally required (verplicht) fields travel.
      expect(Object.keys(seen.answers)).to.have.members(['persoonlijk', 'vervolgkeuze', 'motivatie', 'akkoordverklaring', 'ouderToestemming']);
      expect(seen.answers['persoonlijk']).to.include({ bsn: '749853268', achternaam: 'Bakker' });
      expect(seen.answers['persoonlijk']).not.to.have.any.keys('telefoon', 'email', 'straat');
      expect((await mbo.listDossiers()).items.map((d) => d.id)).to.include('dossier-emma');
      expect((await failure(backend.client('mbo-albeda').getDossier('dossier-emma'))).status).to.equal(404);
    });

    it('an afgerond dossier no longer changes, and keeps the B1 it was finalized with', async () => {
      const before = await sam.getDossier('dossier-sam');
      const error = await failure(sam.saveSection('dossier-sam', 'motivatie', { later: 'Piloot' }, before.version));
      expect(error.status).to.equal(409);
      expect(error.reason).to.equal('final');
      expect((await failure(sam.act('dossier-sam', 'backToDeelA'))).reason).to.equal('final');

      const mentor = backend.client('mentor-de-vries');
      const record = await mentor.getBegeleiding('student-sam');
      await mentor.saveBegeleiding('student-sam', { verzuim: true }, record.version);
      expect(await sam.getDossier('dossier-sam')).to.deep.equal(before);
    });

    it('open dossiers show the student’s current B1 (shared across dossiers)', async () => {
      const mentor = backend.client('mentor-de-vries');
      const record = await mentor.getBegeleiding('student-lisa');
      expect(record).to.deep.equal({ studentId: 'student-lisa', answers: {}, version: 0 });
      const saved = await mentor.saveBegeleiding('student-lisa', { extraNederlands: false, verzuim: true }, 0);
      expect(saved.version).to.equal(1);
      expect((await mentor.getDossier('dossier-lisa')).answers['begeleiding']).to.deep.equal({ extraNederlands: false, verzuim: true });
      expect((await failure(mentor.saveBegeleiding('student-lisa', { verzuim: false }, 0))).reason).to.equal('staleVersion');
      expect((await failure(backend.client('student-lisa').getBegeleiding('student-lisa'))).status, 'B1 is for mentors; anyone else hears it does not exist').to.equal(404);
    });

    it('answers 404 to whoever may not see a dossier, exactly as for one that does not exist', async () => {
      expect((await failure(backend.client('student-noor').getDossier('dossier-sam'))).status).to.equal(404);
      const guardian = backend.client('guardian-el-idrissi');
      expect((await guardian.listDossiers()).items).to.deep.equal([]);
      // Noor's dossier is in concept: her father has nothing to consent to yet.
      const error = await failure(guardian.getDossier('dossier-noor'));
      expect(error.status).to.equal(404);
      const missing = await failure(guardian.getDossier('d-bestaatniet'));
      expect([error.status, error.problem?.title, error.problem?.type]).to.deep.equal([missing.status, missing.problem?.title, missing.problem?.type]);
      expect((await backend.client('guardian-bakker').listDossiers()).items.map((d) => d.id)).to.deep.equal(['dossier-emma']);
    });

    it('gives mentors their te behandelen and mijn leerlingen (the students of their klassen) lists', async () => {
      const yilmaz = backend.client('mentor-yilmaz');
      expect((await yilmaz.listDossiers({ view: 'teBehandelen' })).items.map((d) => d.id)).to.deep.equal(['dossier-mohammed']);
      const all = await yilmaz.listDossiers({ view: 'mijnLeerlingen' });
      // Yilmaz mentors 4A and 4C; Sam (4B) and Noor (3A) are De Vries's.
      expect(all.students?.map((s) => s.naam)).to.have.members(['Emma Bakker', 'Milan Koster', 'Mohammed Amrani', 'Tim Hendriks']);
      expect(all.items.map((d) => d.student.id)).not.to.include.members(['student-sam', 'student-noor']);
      expect(all.students?.find((s) => s.id === 'student-milan')?.dossiers).to.deep.equal([]);
      const klas4a = await yilmaz.listDossiers({ view: 'mijnLeerlingen', klas: '4a' });
      expect(klas4a.students?.map((s) => s.naam)).to.deep.equal(['Emma Bakker', 'Mohammed Amrani']);
      const byName = await backend.client('mentor-de-vries').listDossiers({ view: 'mijnLeerlingen', q: 'idrissi', leerjaar: 3 });
      expect(byName.students?.map((s) => s.id)).to.deep.equal(['student-noor']);
      expect(byName.items.map((d) => [d.id, d.percentA > 0 && d.percentA < 100])).to.deep.equal([['dossier-noor', true]]);
    });
  });

  describe('catalogue', () => {
    it('finds institutions by name or plaats, case- and accent-insensitively', async () => {
      expect((await sam.institutions('ALBEDA')).map((i) => i.brin)).to.deep.equal(['00GT']);
      expect((await sam.institutions('vlaardingen')).map((i) => i.brin)).to.deep.equal(['00GT']);
      expect((await sam.institutions('Nieuwegéin')).map((i) => i.brin)).to.deep.equal(['25LH']);
      expect(await sam.institutions('Deltion')).to.deep.equal([]);
    });

    it('lists locations and finds programmes by name or crebo, at most 50', async () => {
      const locations = await sam.locations('25LH');
      expect(locations.map((l) => l.plaats)).to.include.members(['Utrecht', 'Nieuwegein', 'Amersfoort']);
      const byCrebo = await sam.programmes('25LH', '25242');
      expect(byCrebo.map((p) => p.id)).to.have.members(['25LH-25242-BOL', '25LH-25242-BBL']);
      expect(byCrebo[0]!.locatieCodes.every((code) => locations.some((l) => l.code === code))).to.equal(true);
      expect((await sam.programmes('25LH', 'verzorgende')).map((p) => p.naam)).to.include('Verzorgende IG');
      expect(await sam.programmes('25LH')).to.have.length(50);
      expect((await failure(sam.programmes('99XX', 'kok'))).status).to.equal(404);
    });
  });
});
