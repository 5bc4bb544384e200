// The school overview without DOM: rows, filters, deadline, sort keys, export and the workflow's say.
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { createMemoryBackend, exampleData, type Actor, type DossierSummary, type StudentOverview } from '@doorstroom/sdk';
import { toCsv } from '../shared/csv.js';
import { sortRows } from '../shared/data-table.js';
import {
  daysSince,
  decisionFor,
  exportColumns,
  exportFileName,
  exportTable,
  filterOverview,
  nextDeadline,
  noOverviewFilter,
  overviewRows,
  overviewSortKeys,
  stuckDaysInvalid,
  stuckDaysOf,
  type OverviewRow,
} from './overview.js';
import { OverviewController, type Derived } from './overview-controller.js';

const today = new Date(2027, 2, 2, 14, 0); // 2 March 2027
const iso = (daysBack: number) => new Date(2027, 2, 2 - daysBack, 9, 30).toISOString();
const decaan: Actor = { role: 'decaan', person: { id: 'decaan-visser', naam: 'Mevrouw L. Visser' }, school: { id: 'school-de-brug', naam: 'Vmbo De Brug' } };
const mentor: Actor = { role: 'mentor', person: { id: 'mentor-de-vries', naam: 'Mevrouw E. de Vries', email: 'e.devries@debrug.example' }, school: decaan.school! };
const deVries = { id: 'mentor-de-vries', naam: 'Mevrouw E. de Vries', email: 'e.devries@debrug.example' };

function summary(id: string, naam: string, change: Partial<DossierSummary>): DossierSummary {
  return {
    id,
    type: 'vo-mbo',
    status: 'concept',
    archived: false,
    version: 1,
    student: { id: `s-${naam}`, naam, klas: '4B', leerjaar: 4 },
    mentor: null,
    keuze: null,
    percentA: 40,
    updatedAt: iso(1),
    statusSince: iso(1),
    ...change,
  };
}

const students: StudentOverview[] = [
  { id: 's-Anna', naam: 'Anna', klas: '4B', leerjaar: 4, dossiers: [summary('d-anna', 'Anna', { status: 'bijMentor', mentor: deVries, statusSince: iso(9), percentA: 100 })] },
  { id: 's-Bo', naam: 'Bo', klas: '3A', leerjaar: 3, dossiers: [] },
  {
    id: 's-Cem',
    naam: 'Cem',
    klas: '4A',
    leerjaar: 4,
    dossiers: [
      summary('d-cem-1', 'Cem', { status: 'concept', percentA: 70, statusSince: iso(3) }),
      summary('d-cem-2', 'Cem', {
        status: 'akkoord',
        mentor: deVries,
        percentA: 100,
        statusSince: iso(20),
        guardianConsentOutstanding: true,
        choice: { instelling: 'ROC Midden Nederland', locatie: 'Utrecht Zuilenstraat', opleiding: 'Verzorgende IG', crebo: '25491' },
      }),
    ],
  },
  { id: 's-Dirk', naam: 'Dirk', klas: '4C', leerjaar: 4, dossiers: [summary('d-dirk', 'Dirk', { status: 'concept', archived: true, statusSince: iso(40) })] },
  {
    id: 's-Eva',
    naam: 'Eva',
    klas: '4B',
    leerjaar: 4,
    dossiers: [
      summary('d-eva', 'Eva', {
        status: 'afgerond',
        mentor: deVries,
        percentA: 100,
        statusSince: iso(12),
        choice: { instelling: '=HYPERLINK("x")', opleiding: 'Kok', crebo: '25180' },
        intake: { status: 'intakeGepland', datum: '2027-03-12', reden: 'geheim', updatedAt: iso(2) },
      }),
    ],
  },
];

describe('school overview: rows', () => {
  const rows = overviewRows(students, decaan, today);
  const row = (naam: string) => rows.find((r) => r.student.naam === naam)!;

  it('has one row per student with the dossier that got furthest; archived dossiers leave the overview', () => {
    expect(rows.map((r) => r.state)).to.deep.equal(['bijMentor', 'geenDossier', 'akkoord', 'geenDossier', 'afgerond']);
    expect(row('Cem').dossier?.id).to.equal('d-cem-2');
    expect(row('Cem').otherDossiers).to.equal(1);
    expect(row('Dirk').dossier, 'only an archived dossier').to.equal(undefined);
    expect(row('Cem').guardianOutstanding).to.equal(true);
    expect(row('Eva').intake?.status).to.equal('intakeGepland');
  });

  it('counts calendar days in the current step', () => {
    expect(row('Anna').days).to.equal(9);
    expect(row('Bo').days).to.equal(undefined);
    expect(daysSince(new Date(2027, 2, 1, 23, 59).toISOString(), today), 'yesterday late is one day').to.equal(1);
    expect(daysSince(new Date(2027, 2, 2, 0, 1).toISOString(), today)).to.equal(0);
    expect(daysSince('no date', today)).to.equal(undefined);
  });

  it('lets a decaan open every dossier, a mentor only the ones assigned to them', () => {
    expect(row('Anna').openable?.id).to.equal('d-anna');
    expect(row('Dirk').openable?.id, 'the decaan opens an archived dossier too').to.equal('d-dirk');
    const theirs = overviewRows(students, mentor, today);
    expect(theirs.find((r) => r.student.naam === 'Anna')!.openable?.id).to.equal('d-anna');
    expect(theirs.find((r) => r.student.naam === 'Dirk')!.openable, 'not assigned to her').to.equal(undefined);
  });
});

describe('school overview: filters and sorting', () => {
  const rows = overviewRows(students, decaan, today);
  const names = (list: OverviewRow[]) => list.map((r) => r.student.naam);

  it('filters by step, klas, leerjaar and days in the step, together', () => {
    expect(names(filterOverview(rows, { ...noOverviewFilter, state: 'bijMentor', stuckDays: '7' }))).to.deep.equal(['Anna']);
    expect(names(filterOverview(rows, { ...noOverviewFilter, state: 'bijMentor', stuckDays: '9' })), 'more than 9, not 9').to.deep.equal([]);
    expect(names(filterOverview(rows, { ...noOverviewFilter, stuckDays: '10' }))).to.deep.equal(['Cem', 'Eva']);
    expect(names(filterOverview(rows, { ...noOverviewFilter, klas: '4b' }))).to.deep.equal(['Anna', 'Eva']);
    expect(names(filterOverview(rows, { ...noOverviewFilter, leerjaar: '3' }))).to.deep.equal(['Bo']);
    expect(names(filterOverview(rows, noOverviewFilter))).to.have.length(5);
  });

  it('finds students whose parent must still consent, and students without a dossier', () => {
    expect(names(filterOverview(rows, { ...noOverviewFilter, guardian: true }))).to.deep.equal(['Cem']);
    expect(names(filterOverview(rows, { ...noOverviewFilter, noDossier: true }))).to.deep.equal(['Bo', 'Dirk']);
  });

  it('reads the number of days only when it is a whole number, and says when it is not', () => {
    expect(stuckDaysOf({ stuckDays: ' 7 ' })).to.equal(7);
    expect(stuckDaysOf({ stuckDays: '' })).to.equal(undefined);
    expect(stuckDaysInvalid({ stuckDays: 'zeven' })).to.equal(true);
    expect(stuckDaysInvalid({ stuckDays: '-3' })).to.equal(true);
    expect(stuckDaysInvalid({ stuckDays: '' })).to.equal(false);
    expect(names(filterOverview(rows, { ...noOverviewFilter, stuckDays: 'zeven' })), 'ignored until it is a number').to.have.length(5);
  });

  it('sorts by klas (leerjaar first), by step in workflow order (furthest with deel A first), and by days with empty last', () => {
    const by = (column: string, direction: 'ascending' | 'descending' = 'ascending') => names(sortRows(rows, overviewSortKeys[column]!, direction));
    expect(by('klas')).to.deep.equal(['Bo', 'Cem', 'Anna', 'Eva', 'Dirk']);
    expect(by('state')).to.deep.equal(['Bo', 'Dirk', 'Anna', 'Cem', 'Eva']);
    expect(by('days', 'descending'), 'the reverse of ascending, students without days last').to.deep.equal(['Cem', 'Eva', 'Anna', 'Dirk', 'Bo']);
  });
});

describe('school overview: the registration deadline', () => {
  const config = { registrationDeadline: { month: 4, day: 1 } };
  it('counts the days to the next 1 April, and to next year once it has passed', () => {
    expect(nextDeadline(config, today).days).to.equal(30);
    expect(nextDeadline(config, new Date(2027, 3, 1, 18)).days, 'on the day itself').to.equal(0);
    const after = nextDeadline(config, new Date(2027, 3, 2));
    expect([after.date.getFullYear(), after.days]).to.deep.equal([2028, 365]);
  });
});

describe('school overview: the export for the Overstaptafel', () => {
  const rows = overviewRows(students, decaan, today);
  const texts = { header: (c: string) => c, state: (s: string) => `stap:${s}`, intake: (s: string) => `intake:${s}` };

  it('has a header and one line per row shown, with only what the Overstaptafel needs', () => {
    const table = exportTable(rows, texts);
    expect(table[0]).to.deep.equal([...exportColumns]);
    expect(exportColumns).to.not.include.members(['bsn', 'email', 'telefoon', 'reden', 'begeleiding', 'ondersteuning']);
    const cem = table.find((line) => line[0] === 'Cem')!;
    expect(cem).to.deep.equal(['Cem', '4A', 4, 'stap:akkoord', iso(20).slice(0, 10), 20, 'Mevrouw E. de Vries', 'ROC Midden Nederland', 'Utrecht Zuilenstraat', 'Verzorgende IG', '25491', '', '']);
    const eva = table.find((line) => line[0] === 'Eva')!;
    expect(eva.slice(-2)).to.deep.equal(['intake:intakeGepland', '2027-03-12']);
    expect(JSON.stringify(table), 'the MBO’s reason never leaves the school').not.to.contain('geheim');
    expect(table.find((line) => line[0] === 'Bo')).to.deep.equal(['Bo', '3A', 3, 'stap:geenDossier', '', '', '', '', '', '', '', '', '']);
  });

  it('becomes CSV Excel opens: BOM, semicolons, and a formula in a name stays text', () => {
    const csv = toCsv(exportTable(rows, texts));
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    expect(csv.split('\r\n')[0]).to.equal(`\uFEFF${exportColumns.join(';')}`);
    expect(csv).to.contain(`;"'=HYPERLINK(""x"")";`);
  });

  it('is named after the school and the day', () => {
    expect(exportFileName('Vmbo De Brug', today)).to.equal('overstaptafel-vmbo-de-brug-2027-03-02.csv');
    expect(exportFileName('ISK Café “Zuid”', today)).to.equal('overstaptafel-isk-cafe-zuid-2027-03-02.csv');
    expect(exportFileName(undefined, today)).to.equal('overstaptafel-school-2027-03-02.csv');
  });
});

describe('school overview: what the workflow allows on a row', () => {
  it('moves a dossier with a mentor to another mentor of the roster, and says why not otherwise', async () => {
    const backend = createMemoryBackend(exampleData());
    const api = backend.client('decaan-visser');
    const me = await api.me();
    const config = await api.config();
    const roster = await api.mentors('school-de-brug');
    const list = await api.listDossiers({ view: 'mijnLeerlingen' });
    const rows = overviewRows(list.students!, me, new Date());
    const row = (naam: string) => rows.find((r) => r.student.naam === naam)!;
    const context = { config, today: new Date(), schoolRoster: roster };
    expect(decisionFor(me, 'changeMentor', row('Lisa de Graaf'), context, 'mentor-yilmaz')?.allowed).to.equal(true);
    const refusalOf = (naam: string, mentorId?: string) => {
      const decision = decisionFor(me, 'changeMentor', row(naam), context, mentorId);
      return decision && !decision.allowed ? decision.refusal.code : decision?.allowed;
    };
    expect(refusalOf('Lisa de Graaf', 'mentor-de-vries')).to.equal('sameMentor');
    expect(refusalOf('Noor El Idrissi', 'mentor-yilmaz'), 'still in deel A: no mentor yet').to.equal('noMentorToMove');
    expect(refusalOf('Sam Jansen', 'mentor-yilmaz')).to.equal('final');
    expect(refusalOf('Lisa de Graaf', 'mentor-elders')).to.equal('mentorNotOnRoster');
    expect(decisionFor(me, 'changeMentor', row('Milan Koster'), context, 'mentor-yilmaz'), 'no dossier').to.equal(undefined);
    expect(decisionFor(me, 'archive', row('Noor El Idrissi'), context)?.allowed).to.equal(true);
    const samArchive = decisionFor(me, 'archive', row('Sam Jansen'), context);
    expect(samArchive?.allowed === false && samArchive.refusal.code).to.equal('final');
    // And what the workflow allows, the backend does.
    await api.act(row('Lisa de Graaf').dossier!.id, 'changeMentor', { mentorId: 'mentor-yilmaz' }, row('Lisa de Graaf').dossier!.version);
  });
});

describe('school overview: pages of the table (the controller)', () => {
  /** 120 students, named so that their order by name is known: Leerling 001 … Leerling 120, listed backwards. */
  const many: StudentOverview[] = Array.from({ length: 120 }, (_, i) => {
    const naam = `Leerling ${String(120 - i).padStart(3, '0')}`;
    const klas = i % 2 ? '4A' : '3B';
    return {
      id: `s-${i}`,
      naam,
      klas,
      leerjaar: klas === '4A' ? 4 : 3,
      dossiers: i % 3 ? [] : [summary(`d-${i}`, naam, { student: { id: `s-${i}`, naam, klas, leerjaar: 4 }, statusSince: iso(i % 30) })],
    };
  });
  const host = { addController() {}, requestUpdate() {} } as unknown as ReactiveControllerHost;
  const names = (derived: Derived) => derived.page.rows.map((row) => row.student.naam);

  it('filters and sorts every student, then gives one page of 50; a filter or sort goes back to page 1', () => {
    const controller = new OverviewController(host);
    controller.changeSort({ column: 'naam', direction: 'ascending' });
    let derived = controller.derive(many, decaan, today, 'nl');
    expect(derived.page).to.deep.include({ page: 1, pages: 3, from: 1, to: 50 });
    expect(names(derived)[0]).to.equal('Leerling 001');
    expect(derived.shownRows, 'every student is filtered and counted').to.have.length(120);
    expect([...derived.counts.values()].reduce((a, b) => a + b, 0)).to.equal(120);
    expect(derived.keys.size, 'a key per row on the page').to.equal(50);

    controller.goTo(3);
    derived = controller.derive(many, decaan, today, 'nl');
    expect(derived.page).to.deep.include({ page: 3, from: 101, to: 120 });
    expect(names(derived)[0]).to.equal('Leerling 101');
    expect(controller.derive(many, decaan, today, 'nl'), 'the same object while nothing changed').to.equal(derived);

    controller.changeSort({ column: 'naam', direction: 'descending' });
    derived = controller.derive(many, decaan, today, 'nl');
    expect(derived.page.page, 'a new sort: page 1').to.equal(1);
    expect(names(derived)[0], 'sorted over every student, not within the page').to.equal('Leerling 120');

    controller.goTo(2);
    controller.changeFilter({ klas: '4A' });
    derived = controller.derive(many, decaan, today, 'nl');
    expect(derived.page).to.deep.include({ page: 1, pages: 2 });
    expect(derived.shownRows).to.have.length(60);
    expect(derived.page.rows.every((row) => row.student.klas === '4A')).to.equal(true);
  });

  it('keeps the chosen students across pages and acts on every chosen student the filters leave in', () => {
    const controller = new OverviewController(host);
    let derived = controller.derive(many, decaan, today, 'nl');
    controller.select(
      derived.page.rows.map((row) => row.id),
      true,
    );
    controller.goTo(2);
    derived = controller.derive(many, decaan, today, 'nl');
    controller.select([derived.page.rows[0]!.id], true);
    expect(controller.selectedRows(derived), 'page 1 and one of page 2').to.have.length(51);
    controller.changeFilter({ klas: '3B' });
    derived = controller.derive(many, decaan, today, 'nl');
    expect(
      controller.selectedRows(derived).every((row) => row.student.klas === '3B'),
      'only the chosen students the filter leaves in',
    ).to.equal(true);
    controller.clearFilters();
    expect(controller.selectedRows(controller.derive(many, decaan, today, 'nl')), 'a filter hides, it does not unchoose').to.have.length(51);
  });
});
