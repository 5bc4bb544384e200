// The backend is the authority (spec v2, issue 12): each rule the service enforces, through the
// contract's HTTP handler over the memory backend. Every case here failed before the rule existed.
import { expect } from '@open-wc/testing';
import { institutionAnswer, locationAnswer, offeredAt, programmeAnswer } from '../choice.js';
import type { Dossier, DossierApi } from '../contract.js';
import { DossierApiError } from '../errors.js';
import { createMemoryBackend, type MemoryBackend } from '../memory.js';
import { birthDateForAge, completeAnswers, today } from '../testing/fixtures.js';

async function failure(promise: Promise<unknown>): Promise<DossierApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DossierApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('the backend is the authority (spec v2)', () => {
  let backend: MemoryBackend;
  const as = (token: string): DossierApi => backend.client(token);

  beforeEach(() => {
    backend = createMemoryBackend(undefined, { now: () => today });
  });

  /** Emma (16) in akkoord, back to concept: what a minor who wants to skip her father would try. */
  async function emmaBackInConcept(): Promise<Dossier> {
    const emma = as('student-emma');
    const dossier = await emma.getDossier('dossier-emma');
    return emma.act(dossier.id, 'backToDeelA', {}, dossier.version);
  }

  describe('1. the registered birth date decides who must consent', () => {
    it('refuses a different birth date in A1 with registeredValue, keeping the registered one', async () => {
      const concept = await emmaBackInConcept();
      const error = await failure(as('student-emma').saveSection(concept.id, 'persoonlijk', { geboortedatum: birthDateForAge(20) }, concept.version));
      expect([error.status, error.reason]).to.deep.equal([422, 'registeredValue']);
      expect(error.problem?.errors?.map((e) => e.path)).to.deep.equal(['answers.geboortedatum']);
      const after = await as('student-emma').getDossier(concept.id);
      expect(after.version).to.equal(concept.version);
      expect(after.answers['persoonlijk']?.['geboortedatum']).to.equal(after.student.geboortedatum);
    });

    it('still asks the guardian after a full mentor round, whatever A1 says', async () => {
      const concept = await emmaBackInConcept();
      const emma = as('student-emma');
      const yilmaz = as('mentor-yilmaz');
      let dossier = await emma.act(concept.id, 'submitToMentor', {}, concept.version);
      dossier = await yilmaz.act(dossier.id, 'startDeelB', {}, dossier.version);
      dossier = await yilmaz.saveSection(dossier.id, 'advies', { mentorAkkoord: true }, dossier.version);
      dossier = await yilmaz.act(dossier.id, 'sendToStudent', {}, dossier.version);
      dossier = await emma.act(dossier.id, 'recordInzage', {}, dossier.version);
      dossier = await emma.saveSection(dossier.id, 'akkoordverklaring', { akkoord: 'ja', toestemming: true }, dossier.version);
      const error = await failure(emma.act(dossier.id, 'finalize', {}, dossier.version));
      expect([error.status, error.reason]).to.deep.equal([422, 'guardianInzageMissing']);
    });
  });

  describe('2. deel B does not change after it was sent to the student', () => {
    it('keeps the B1 the dossier was sent with when a mentor changes the student’s B1', async () => {
      const before = await as('student-emma').getDossier('dossier-emma');
      const yilmaz = as('mentor-yilmaz');
      const record = await yilmaz.getBegeleiding('student-emma');
      await yilmaz.saveBegeleiding('student-emma', { verzuim: true, verzuimToelichting: 'Na de akkoordverklaring ingevuld.' }, record.version);
      const after = await as('student-emma').getDossier('dossier-emma');
      expect(after.version).to.equal(before.version);
      expect(after.answers['begeleiding']).to.deep.equal(before.answers['begeleiding']);
      expect(after.answers['begeleiding']?.['verzuim']).to.equal(false);
    });

    it('lets only the mentors of the klas (or of a dossier of the student) touch B1: others get 404', async () => {
      const deVries = as('mentor-de-vries'); // mentors 3A and 4B; Emma is in 4A
      expect((await failure(deVries.getBegeleiding('student-emma'))).status).to.equal(404);
      expect((await failure(deVries.saveBegeleiding('student-emma', { verzuim: true }, 1))).status).to.equal(404);
      expect((await as('mentor-yilmaz').getBegeleiding('student-emma')).studentId).to.equal('student-emma');
    });
  });

  describe('consent is given to a specific content', () => {
    it('asks the guardian only after the student’s own declaration, and again after the student changes it', async () => {
      const emma = as('student-emma');
      const bakker = as('guardian-bakker');
      let dossier = await emma.getDossier('dossier-emma');
      const early = await failure(bakker.saveSection(dossier.id, 'ouderToestemming', { naam: 'Jeroen Bakker', relatie: 'vader', toestemming: true }, dossier.version));
      expect([early.status, early.reason]).to.deep.equal([409, 'studentConsentFirst']);
      dossier = await emma.act(dossier.id, 'recordInzage', {}, dossier.version);
      dossier = await emma.saveSection(dossier.id, 'akkoordverklaring', { akkoord: 'ja', toestemming: true, delen: ['motivatie'] }, dossier.version);
      dossier = await bakker.act(dossier.id, 'recordInzage', {}, dossier.version);
      dossier = await bakker.saveSection(dossier.id, 'ouderToestemming', { naam: 'Jeroen Bakker', relatie: 'vader', toestemming: true }, dossier.version);
      expect(dossier.answers['ouderToestemming']?.['toestemming']).to.equal(true);
      // Emma shares more afterwards: her father consented to less, so he is asked again.
      dossier = await emma.saveSection(dossier.id, 'akkoordverklaring', { delen: ['motivatie', 'ondersteuning'] }, dossier.version);
      expect(dossier.answers['ouderToestemming']).to.equal(undefined);
      const refused = await failure(emma.act(dossier.id, 'finalize', {}, dossier.version));
      expect(refused.reason).to.equal('guardianConsentMissing');
    });
  });

  describe('3. a guardian reads only while their consent is needed', () => {
    it('hides an adult’s dossiers from the guardian in the school’s records (404, empty list)', async () => {
      const father = as('guardian-bos'); // Yara is 18
      expect((await father.listDossiers()).items).to.deep.equal([]);
      expect((await failure(father.getDossier('dossier-yara'))).status).to.equal(404);
      expect((await failure(father.history('dossier-yara'))).status).to.equal(404);
      const yara = as('student-yara');
      let dossier = await yara.createDossier({ type: 'mbo-mbo' });
      expect(dossier.student.geboortedatum, 'the registered birth date travels with the dossier').to.be.a('string');
      dossier = await yara.getDossier(dossier.id);
      expect((await failure(father.getDossier(dossier.id))).status).to.equal(404);
    });
  });

  describe('4. the A7 choice is checked against the catalogue', () => {
    const catalogChoice = () => {
      const [first, second] = backend.data.catalog.institutions;
      const programme = backend.data.catalog.programmes[first!.brin]![0]!;
      const location = backend.data.catalog.locations[first!.brin]!.find((l) => offeredAt(programme, l.code))!;
      const elsewhere = backend.data.catalog.locations[first!.brin]!.find((l) => !offeredAt(programme, l.code));
      const otherProgramme = backend.data.catalog.programmes[second!.brin]![0]!;
      const otherLocation = backend.data.catalog.locations[second!.brin]![0]!;
      return { first: first!, programme, location, elsewhere, otherProgramme, otherLocation };
    };

    it('refuses an instelling, locatie or opleiding the catalogue does not have there (422 notInCatalogue), storing nothing', async () => {
      const noor = as('student-noor');
      const dossier = await noor.getDossier('dossier-noor');
      const { first, programme, location, elsewhere, otherProgramme, otherLocation } = catalogChoice();
      const attempts: [Record<string, unknown>, string][] = [
        [{ instelling: { id: 'XX99', label: 'ROC Nergens', detail: { brin: 'XX99' } } }, 'answers.instelling'],
        [{ instelling: institutionAnswer(first), locatie: locationAnswer(otherLocation) }, 'answers.locatie'],
        [{ instelling: institutionAnswer(first), opleiding: programmeAnswer(otherProgramme) }, 'answers.opleiding'],
        ...(elsewhere
          ? [[{ instelling: institutionAnswer(first), locatie: locationAnswer(elsewhere), opleiding: programmeAnswer(programme) }, 'answers.opleiding'] as [Record<string, unknown>, string]]
          : []),
      ];
      for (const [answers, path] of attempts) {
        const error = await failure(noor.saveSection(dossier.id, 'vervolgkeuze', answers, dossier.version));
        expect([error.status, error.reason], path).to.deep.equal([422, 'notInCatalogue']);
        expect(
          error.problem?.errors?.map((e) => e.path),
          path,
        ).to.include(path);
      }
      expect((await noor.getDossier(dossier.id)).version).to.equal(dossier.version);
      const saved = await noor.saveSection(
        dossier.id,
        'vervolgkeuze',
        { instelling: institutionAnswer(first), locatie: locationAnswer(location), opleiding: programmeAnswer(programme) },
        dossier.version,
      );
      expect(saved.answers['vervolgkeuze']?.['opleiding']).to.deep.equal(programmeAnswer(programme));
    });

    it('stores the catalogue’s labels, not the client’s', async () => {
      const noor = as('student-noor');
      const dossier = await noor.getDossier('dossier-noor');
      const { first, programme, location } = catalogChoice();
      const forged = {
        instelling: { ...institutionAnswer(first), label: 'Het ROC dat je wilde' },
        locatie: { ...locationAnswer(location), label: 'Centrum' },
        opleiding: { ...programmeAnswer(programme), label: 'Piloot', detail: { crebo: '00000', niveau: 4, leerweg: 'BOL', cohort: '1999' } },
      };
      const saved = await noor.saveSection(dossier.id, 'vervolgkeuze', forged, dossier.version);
      expect(saved.answers['vervolgkeuze']).to.deep.include({ instelling: institutionAnswer(first), locatie: locationAnswer(location), opleiding: programmeAnswer(programme) });
    });
  });

  describe('5. a newcomer with an onderwijsnummer', () => {
    it('prefills and keeps the registered onderwijsnummer, and A1 can reach 100% with it', async () => {
      const olena = as('student-olena');
      const created = await olena.createDossier({ type: 'vo-mbo' });
      expect(created.answers['persoonlijk']).to.include({ nummerSoort: 'onderwijsnummer', onderwijsnummer: '101222331' });
      expect(created.student.nummerSoort).to.equal('onderwijsnummer');
      const { nummerSoort: _n, bsn: _b, geboortedatum: _g, ...rest } = completeAnswers('persoonlijk');
      const saved = await olena.saveSection(created.id, 'persoonlijk', rest, created.version);
      expect(saved.answers['persoonlijk']).to.include({ nummerSoort: 'onderwijsnummer', onderwijsnummer: '101222331' });
      const switched = await failure(olena.saveSection(created.id, 'persoonlijk', { nummerSoort: 'bsn', bsn: '111222333' }, saved.version));
      expect(switched.reason).to.equal('registeredValue');
    });

    it('lets someone nobody registered type an onderwijsnummer', async () => {
      const daan = as('student-daan');
      const created = await daan.createDossier({ type: 'werk-mbo' });
      const saved = await daan.saveSection(created.id, 'persoonlijk', { nummerSoort: 'onderwijsnummer', onderwijsnummer: '101222331', bsn: null }, created.version);
      expect(saved.answers['persoonlijk']).to.include({ nummerSoort: 'onderwijsnummer', onderwijsnummer: '101222331' });
      expect(saved.student.geboortedatum).to.equal(undefined);
    });
  });

  describe('6. the roster is the school’s, per klas', () => {
    it('offers a student only the mentors of their klas, and refuses one of another klas', async () => {
      const noor = as('student-noor'); // 3A: Mevrouw De Vries
      expect((await noor.me()).school?.mentorRoster).to.equal(true);
      expect((await noor.mentors('school-de-brug')).map((m) => m.id)).to.deep.equal(['mentor-de-vries']);
    });

    it('lets a student of a school without a roster name a mentor, who then finds the dossier by e-mail', async () => {
      const olena = as('student-olena');
      expect((await olena.me()).school?.mentorRoster).to.equal(false);
      expect(await olena.mentors('school-de-horizon')).to.deep.equal([]);
      const dossier = await olena.createDossier({ type: 'vo-mbo' });
      const error = await failure(olena.act(dossier.id, 'submitToMentor', { mentorId: 'mentor-de-vries' }, dossier.version));
      expect(error.reason).to.equal('deelAIncomplete');
      expect((await failure(olena.mentors('school-de-brug'))).status, 'another school’s roster').to.equal(404);
    });
  });

  describe('7. terugzetten, reactivate and archive by the right people', () => {
    it('lets the student take a dossier back from the mentor and bring an archived one back; the school archives', async () => {
      const lisa = as('student-lisa');
      const sent = await lisa.getDossier('dossier-lisa');
      expect(sent.status).to.equal('bijMentor');
      const back = await lisa.act(sent.id, 'returnToDeelA', {}, sent.version);
      expect(back.status).to.equal('concept');
      expect((await failure(lisa.act(back.id, 'archive', {}, back.version))).reason).to.equal('wrongRole');
      const tim = as('student-tim');
      const archived = await tim.getDossier('dossier-tim');
      const reactivated = await tim.act(archived.id, 'reactivate', {}, archived.version);
      expect(reactivated.archived).to.equal(false);
      const yilmaz = as('mentor-yilmaz');
      const mohammed = await yilmaz.getDossier('dossier-mohammed');
      expect((await yilmaz.act(mohammed.id, 'archive', {}, mohammed.version)).archived).to.equal(true);
    });
  });

  describe('8. the MBO reads milestones, not the school’s history', () => {
    it('gives the MBO status changes without names or section saves', async () => {
      const history = await as('mbo-roc-midden-nederland').history('dossier-sam');
      expect(history.length).to.be.greaterThan(2);
      for (const entry of history) {
        expect(entry.actor, JSON.stringify(entry)).to.equal(undefined);
        expect(entry.kind).to.equal('action');
        expect(entry.from).not.to.equal(entry.to);
      }
      expect(JSON.stringify(history)).not.to.match(/Jansen|Vries|saved|sectionId/);
      const school = await as('student-sam').history('dossier-sam');
      expect(school.some((e) => e.kind === 'saved')).to.equal(true);
    });
  });

  describe('10. no existence oracle, no echo', () => {
    it('answers a mentor of the school 404 for a dossier that exists but is not theirs, exactly as for one that does not', async () => {
      const deVries = as('mentor-de-vries');
      const exists = await failure(deVries.getDossier('dossier-mohammed'));
      const missing = await failure(deVries.getDossier('d-bestaatniet'));
      expect([exists.status, exists.problem]).to.deep.equal([missing.status, missing.problem]);
    });

    it('gives new dossiers random, unguessable ids', async () => {
      const ids = [];
      for (const token of ['student-milan', 'student-milan', 'student-olena']) ids.push((await as(token).createDossier({ type: 'vo-mbo' })).id);
      for (const id of ids) expect(id).to.match(/^d-[a-z2-7]{24}$/);
      expect(new Set(ids).size).to.equal(3);
    });

    it('never echoes a key the client made up in errors[].path', async () => {
      const noor = as('student-noor');
      const dossier = await noor.getDossier('dossier-noor');
      const response = await backend.fetch(`${backend.baseUrl}dossiers/${dossier.id}/sections/motivatie`, {
        method: 'PATCH',
        headers: { Authorization: 'Bearer student-noor', 'Content-Type': 'application/json', 'If-Match': `"${dossier.version}"` },
        body: JSON.stringify({ answers: { '<img src=x onerror=alert(1)>': 'x', verzonnenVraag: 1, waarom: { '<b>': 1 } } }),
      });
      expect(response.status).to.equal(400);
      const text = await response.text();
      expect(text).not.to.match(/<img|<b>|verzonnenVraag|onerror/);
    });
  });
});
