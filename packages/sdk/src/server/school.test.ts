// The decaan's overview and actions (issue 17) and the MBO's intake status (issue 18), through the
// contract's HTTP handler over the memory backend.
import { expect } from '@open-wc/testing';
import type { DossierApi } from '../contract.js';
import { DossierApiError } from '../errors.js';
import { createMemoryBackend, type MemoryBackend } from '../memory.js';
import { today } from '../testing/fixtures.js';

async function failure(promise: Promise<unknown>): Promise<DossierApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DossierApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('the decaan (spec §6, §9)', () => {
  let backend: MemoryBackend;
  const as = (token: string): DossierApi => backend.client(token);
  const notifications = () => backend.notifications();

  beforeEach(() => {
    backend = createMemoryBackend(undefined, { now: () => today });
  });

  it('sees every student of the school, one row each, and nothing of another school', async () => {
    const overview = await as('decaan-visser').listDossiers({ view: 'mijnLeerlingen' });
    const students = overview.students!.map((s) => s.id).sort();
    expect(students).to.include.members(['student-emma', 'student-lisa', 'student-milan', 'student-noor', 'student-sam', 'student-tim']);
    expect(students).not.to.include('student-olena');
    const lisa = overview.items.find((d) => d.id === 'dossier-lisa')!;
    expect(lisa.statusSince, 'days in the current step').to.be.a('string');
    expect(lisa.choice?.instelling).to.equal('ROC Midden Nederland');
    const emma = overview.items.find((d) => d.id === 'dossier-emma')!;
    expect(emma.guardianConsentOutstanding, 'Emma is 16: her father has not consented').to.equal(true);
    const isk = await as('decaan-de-wit').listDossiers({ view: 'mijnLeerlingen' });
    expect(isk.students!.map((s) => s.id)).to.deep.equal(['student-olena']);
    expect((await failure(as('decaan-de-wit').getDossier('dossier-lisa'))).status, 'another school’s dossier').to.equal(404);
  });

  it('reminds students of their next step, and says per student why not', async () => {
    const result = await as('decaan-visser').remind(['student-noor', 'student-milan', 'student-sam', 'student-olena', 'student-lisa']);
    expect(result.sent).to.have.members(['student-noor', 'student-milan']);
    expect(result.refused).to.deep.include({ studentId: 'student-olena', reason: 'notYours' });
    expect(result.refused).to.deep.include({ studentId: 'student-lisa', reason: 'nothingToDo' });
    expect(result.refused).to.deep.include({ studentId: 'student-sam', reason: 'nothingToDo' });
    const sent = notifications().filter((n) => n.kind === 'reminder');
    expect(sent.map((n) => [n.recipient.id, n.payload['next']])).to.have.deep.members([
      ['student-noor', 'deelA'],
      ['student-milan', 'start'],
    ]);
    expect(JSON.stringify(sent), 'no answers in a reminder').not.to.match(/motivatie|ondersteuning|bsn/i);
    expect((await failure(as('mentor-de-vries').remind(['student-noor']))).reason).to.equal('wrongRole');
  });

  it('moves one dossier to another mentor: history, both mentors told', async () => {
    const visser = as('decaan-visser');
    const lisa = await visser.getDossier('dossier-lisa');
    const moved = await visser.act(lisa.id, 'changeMentor', { mentorId: 'mentor-yilmaz' }, lisa.version);
    expect(moved.mentor?.id).to.equal('mentor-yilmaz');
    expect((await visser.history(lisa.id)).at(-1)).to.deep.include({ action: 'changeMentor', from: 'bijMentor', to: 'bijMentor' });
    expect(
      notifications()
        .filter((n) => n.kind === 'mentorChanged')
        .map((n) => n.recipient.id),
    ).to.have.members(['mentor-de-vries', 'mentor-yilmaz']);
    expect((await as('mentor-yilmaz').listDossiers({ view: 'teBehandelen' })).items.map((d) => d.id)).to.include('dossier-lisa');
    expect((await failure(as('mentor-de-vries').getDossier('dossier-lisa'))).status, 'no longer hers').to.equal(404);
  });

  it('reads the whole roster of the school to choose the new mentor from, and not another school’s', async () => {
    expect((await as('decaan-visser').mentors('school-de-brug')).map((m) => m.id)).to.have.members(['mentor-de-vries', 'mentor-yilmaz', 'mentor-bakker']);
    expect((await failure(as('decaan-de-wit').mentors('school-de-brug'))).status).to.equal(404);
  });

  it('moves a whole klas: the roster, and every open dossier of its students with a mentor', async () => {
    const result = await as('decaan-visser').moveKlas('school-de-brug', '4B', 'mentor-yilmaz');
    // 4B: Lisa (bijMentor, moved) and Sam (afgerond: final, not moved).
    expect(result.moved).to.deep.equal(['dossier-lisa']);
    expect(
      (await as('student-noor').mentors('school-de-brug')).map((m) => m.id),
      '3A keeps its mentor',
    ).to.deep.equal(['mentor-de-vries']);
    expect(
      (await as('student-sam').mentors('school-de-brug')).map((m) => m.id),
      '4B is Yilmaz’s now',
    ).to.deep.equal(['mentor-yilmaz']);
    expect((await failure(as('decaan-visser').moveKlas('school-de-brug', '4B', 'mentor-elders'))).reason).to.equal('mentorNotOnRoster');
    expect((await failure(as('decaan-de-wit').moveKlas('school-de-brug', '4B', 'mentor-yilmaz'))).status).to.equal(404);
  });
});

describe('the MBO’s intake status (spec §9)', () => {
  let backend: MemoryBackend;
  const as = (token: string): DossierApi => backend.client(token);

  beforeEach(() => {
    backend = createMemoryBackend(undefined, { now: () => today });
  });

  it('starts new, becomes read when the MBO opens the dossier, and is set by that MBO only', async () => {
    const mbo = as('mbo-roc-midden-nederland');
    expect((await mbo.listDossiers()).items.find((d) => d.id === 'dossier-sam')?.intake?.status).to.equal('nieuw');
    expect((await mbo.getDossier('dossier-sam')).intake?.status).to.equal('gelezen');
    expect((await mbo.listDossiers()).items.find((d) => d.id === 'dossier-sam')?.intake?.status).to.equal('gelezen');

    const noDate = await failure(mbo.setIntake('dossier-sam', { status: 'intakeGepland' }));
    expect([noDate.status, noDate.errors.map((e) => e.path)]).to.deep.equal([400, ['datum']]);
    const planned = await mbo.setIntake('dossier-sam', { status: 'intakeGepland', datum: '2027-03-12' });
    expect(planned).to.include({ status: 'intakeGepland', datum: '2027-03-12' });
    const placed = await mbo.setIntake('dossier-sam', { status: 'geplaatst' });
    expect(placed).to.include({ status: 'geplaatst', datum: '2027-03-12' });
    expect((await failure(mbo.setIntake('dossier-sam', { status: 'nietGeplaatst' }))).errors.map((e) => e.path)).to.deep.equal(['reden']);

    expect((await failure(as('mbo-albeda').setIntake('dossier-sam', { status: 'geplaatst' }))).status, 'another MBO').to.equal(404);
    expect((await failure(as('student-sam').setIntake('dossier-sam', { status: 'geplaatst' }))).reason).to.equal('wrongRole');
    expect((await failure(as('decaan-visser').setIntake('dossier-sam', { status: 'geplaatst' }))).reason).to.equal('wrongRole');
  });

  it('is placement feedback for the student and the decaan, and for nobody else', async () => {
    await as('mbo-roc-midden-nederland').setIntake('dossier-sam', { status: 'geplaatst' });
    expect((await as('student-sam').getDossier('dossier-sam')).intake?.status).to.equal('geplaatst');
    const overview = await as('decaan-visser').listDossiers({ view: 'mijnLeerlingen' });
    expect(overview.items.find((d) => d.id === 'dossier-sam')?.intake?.status).to.equal('geplaatst');
    expect((await as('mentor-de-vries').getDossier('dossier-sam')).intake, 'the mentor').to.equal(undefined);
    const jansen = await as('guardian-jansen')
      .getDossier('dossier-sam')
      .catch(() => undefined);
    expect(jansen?.intake, 'the guardian').to.equal(undefined);
  });

  it('is in the history as the MBO’s steps, without names for the MBO', async () => {
    const mbo = as('mbo-roc-midden-nederland');
    await mbo.getDossier('dossier-sam');
    await mbo.setIntake('dossier-sam', { status: 'intakeGepland', datum: '2027-03-12' });
    const seen = (await mbo.history('dossier-sam')).filter((e) => e.kind === 'intake');
    expect(seen.map((e) => e.intakeStatus)).to.deep.equal(['gelezen', 'intakeGepland']);
    expect(seen.every((e) => e.actor === undefined)).to.equal(true);
    const school = (await as('decaan-visser').history('dossier-sam')).filter((e) => e.kind === 'intake');
    expect(school.at(-1)?.actor?.naam).to.equal('Ingrid Smit');
  });
});
