// The MBO's worklist without the DOM: rows from the list, the search, filters, counts, pages and the form's checks.
import { expect } from '@open-wc/testing';
import type { DossierSummary } from '@doorstroom/sdk';
import { sortRows } from '../shared/data-table.js';
import { receivedSummaries } from '../test/received-dossiers.js';
import { countByStatus, filterIntake, filterOptions, intakeDraftErrors, intakeRequestOf, intakeRows, intakeSortKeys, noIntakeFilter, pageOf, searchTest, withIntake } from './worklist.js';

const summaries = receivedSummaries(200, new Date(2027, 2, 1));
const rows = intakeRows(summaries);

describe('the MBO’s worklist (pure)', () => {
  it('makes a row per afgerond dossier; one nobody opened is new', () => {
    const concept = { ...summaries[0]!, id: 'x', status: 'concept' } as DossierSummary;
    const { intake: _intake, ...unopened } = summaries[1]!;
    const made = intakeRows([concept, unopened as DossierSummary]);
    expect(made.map((r) => r.id)).to.deep.equal([summaries[1]!.id]);
    expect(made[0]!.status).to.equal('nieuw');
    expect(made[0]!.crebo).to.equal(summaries[1]!.choice!.crebo);
  });

  it('searches digits at the start of the BSN or the crebo, and words in the name without accents or case', () => {
    const crebo = rows[3]!.crebo;
    const byCrebo = filterIntake(rows, { ...noIntakeFilter, q: crebo });
    expect(byCrebo.length).to.be.greaterThan(0);
    expect(byCrebo.every((r) => r.crebo === crebo || r.nummer.startsWith(crebo))).to.equal(true);
    expect(byCrebo.map((r) => r.id)).to.include.members(rows.filter((r) => r.crebo === crebo).map((r) => r.id));

    const bsn = rows[17]!.nummer;
    expect(filterIntake(rows, { ...noIntakeFilter, q: `${bsn.slice(0, 3)} ${bsn.slice(3, 6)}.${bsn.slice(6)}` }).map((r) => r.id)).to.deep.equal([rows[17]!.id]);

    const omer = rows.find((r) => r.naam.startsWith('Ömer'))!;
    const found = filterIntake(rows, { ...noIntakeFilter, q: `  ${omer.naam.split(' ').at(-1)!.toUpperCase()}   omer ` });
    expect(found.map((r) => r.id)).to.include(omer.id);
    expect(found.every((r) => r.naam === omer.naam)).to.equal(true);
    expect(searchTest('   ')).to.equal(undefined);
  });

  it('filters by locatie, opleiding (one crebo, BOL and BBL together), cohort and status, and counts every status', () => {
    const { locaties, opleidingen, cohorts } = filterOptions(rows, (crebo) => `crebo ${crebo}`);
    expect(cohorts.map((c) => c.value)).to.deep.equal(['2026', '2027']);
    expect(opleidingen.every((o) => /\(crebo \d+\)$/.test(o.label))).to.equal(true);
    expect(new Set(opleidingen.map((o) => o.value)).size).to.equal(opleidingen.length);
    const locatie = locaties[0]!.value;
    expect(filterIntake(rows, { ...noIntakeFilter, locatie }).every((r) => r.locatieKey === locatie)).to.equal(true);
    const both = filterIntake(rows, { ...noIntakeFilter, cohort: '2026', status: 'nietGeplaatst' });
    expect(both.length).to.equal(rows.filter((r) => r.cohort === '2026' && r.status === 'nietGeplaatst').length);
    expect(both.length).to.be.greaterThan(0);
    expect([...countByStatus(rows)]).to.deep.equal([
      ['nieuw', 40],
      ['gelezen', 40],
      ['intakeGepland', 40],
      ['geplaatst', 40],
      ['nietGeplaatst', 40],
    ]);
    expect([...countByStatus([])].every(([, count]) => count === 0)).to.equal(true);
  });

  it('sorts by status in the order of the intake, then by date and name', () => {
    const sorted = sortRows(rows, intakeSortKeys['status']!, 'ascending');
    const order = ['nieuw', 'gelezen', 'intakeGepland', 'geplaatst', 'nietGeplaatst'];
    expect([...new Set(sorted.map((r) => r.status))]).to.deep.equal(order);
    const planned = sorted.filter((r) => r.status === 'intakeGepland').map((r) => r.intake!.datum!);
    expect(planned).to.deep.equal([...planned].sort());
  });

  it('cuts the list in pages and keeps the page within them', () => {
    expect(pageOf(rows, 1, 50)).to.include({ page: 1, pages: 4, from: 1, to: 50 });
    expect(pageOf(rows, 4, 50)).to.include({ page: 4, from: 151, to: 200 });
    expect(pageOf(rows, 9, 50).page, 'past the end: the last page').to.equal(4);
    expect(pageOf([], 3, 50)).to.include({ page: 1, pages: 1, from: 0, to: 0 });
  });

  it('checks the form as the backend will: a status, a date with intake gepland, a reason with niet geplaatst', () => {
    expect(intakeDraftErrors({}).map((e) => e.path)).to.deep.equal(['status']);
    expect(intakeDraftErrors({ status: 'intakeGepland' }).map((e) => e.path)).to.deep.equal(['datum']);
    expect(intakeDraftErrors({ status: 'intakeGepland', datum: '12-03-2027' }).map((e) => e.path)).to.deep.equal(['datum']);
    expect(intakeDraftErrors({ status: 'nietGeplaatst', reden: '   ' }).map((e) => e.path)).to.deep.equal(['reden']);
    expect(intakeDraftErrors({ status: 'geplaatst' })).to.deep.equal([]);
    // What is sent holds only what belongs to the status: a reason typed before switching to geplaatst stays home.
    expect(intakeRequestOf({ status: 'geplaatst', reden: 'eerst niet', datum: '2027-03-12' })).to.deep.equal({ status: 'geplaatst' });
    expect(intakeRequestOf({ status: 'nietGeplaatst', reden: '  Vol.  ' })).to.deep.equal({ status: 'nietGeplaatst', reden: 'Vol.' });
    expect(intakeRequestOf({ status: 'intakeGepland', datum: '2027-03-12', reden: 'x' })).to.deep.equal({ status: 'intakeGepland', datum: '2027-03-12' });
  });

  it('gives one dossier a new intake without touching the others', () => {
    const next = withIntake(summaries, summaries[5]!.id, { status: 'geplaatst', updatedAt: '2027-03-02T10:00:00.000Z' });
    expect(next[5]!.intake?.status).to.equal('geplaatst');
    expect(next[4]).to.equal(summaries[4]);
    expect(summaries[5]!.intake?.status, 'the list it came from').not.to.equal('geplaatst');
  });
});
