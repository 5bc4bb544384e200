// Issue 18 (4): a received dossier as a CSV row for the MBO's student information system.
import { expect } from '@open-wc/testing';
import type { Dossier } from './contract.js';
import { intakeCsv, intakeCsvColumns, intakeExportFileName, receivedDossierJson } from './export-intake.js';
import { createMemoryBackend } from './memory.js';
import { today } from './testing/fixtures.js';

/** The cells of a CSV line as intakeCsv writes them (quoted cells may hold ; and ""). */
function cells(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') ((current += '"'), i++);
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) (out.push(current), (current = ''));
    else current += c;
  }
  return [...out, current];
}

describe('the MBO’s CSV export (issue 18)', () => {
  it('is UTF-8 with a BOM, semicolons and CRLF, one row per dossier as the MBO reads it', async () => {
    const backend = createMemoryBackend(undefined, { now: () => today });
    const sam = await backend.client('mbo-roc-midden-nederland').getDossier('dossier-sam');
    const csv = intakeCsv([sam]);
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).to.have.length(3);
    expect(lines[2]).to.equal('');
    const header = cells(lines[0]!);
    expect(header).to.deep.equal(intakeCsvColumns.map((c) => c.header));
    const row = Object.fromEntries(cells(lines[1]!).map((value, i) => [header[i]!, value]));
    expect(row).to.include({
      dossierId: 'dossier-sam',
      bsn: '234567818',
      onderwijsnummer: '',
      achternaam: 'Jansen',
      voornamen: 'Samuel Pieter',
      postcode: '3526 KM',
      telefoon: '+31 30 271 4455',
      brin: '25LH',
      crebo: '25242',
      opleiding: 'Autotechnicus',
      leerweg: 'BOL',
      cohort: '2027',
      vooropleidingSoort: 'vmbo',
      intakeStatus: 'gelezen',
      finalHash: sam.finalHash!,
    });
    expect(row['geboortedatum']).to.equal(sam.student.geboortedatum);
    expect(row['mobiel'], 'Sam marked his mobile number secret').to.equal('');
  });

  it('never holds ondersteuning, begeleiding or advies, even when shared, and neutralises formulas', () => {
    const dossier = {
      id: 'dossier-x',
      type: 'vo-mbo',
      status: 'afgerond',
      archived: false,
      version: 9,
      student: { id: 's', naam: 'X', schoolId: null },
      mentor: null,
      inzage: [],
      deelBSentAt: null,
      finalizedAt: '2027-02-01T10:00:00.000Z',
      createdAt: '2027-01-01T10:00:00.000Z',
      updatedAt: '2027-02-01T10:00:00.000Z',
      answers: {
        persoonlijk: {
          nummerSoort: 'onderwijsnummer',
          onderwijsnummer: '101222331',
          bsn: '111222333',
          achternaam: '=HYPERLINK("http://x")',
          voornamen: 'Anna; "Annie"',
          mobiel: '+31 6 12345678',
          woonplaats: '-Rotterdam',
        },
        ondersteuning: { diagnose: 'Dyslexie-verklaring', toelichting: 'Extra tijd bij toetsen' },
        begeleiding: { opmerking: 'Thuissituatie lastig' },
        advies: { advies: 'Past goed' },
      },
    } as unknown as Dossier;
    const csv = intakeCsv([dossier]);
    for (const secret of ['Dyslexie', 'Extra tijd', 'Thuissituatie', 'Past goed']) expect(csv).not.to.include(secret);
    const header = cells(csv.slice(1).split('\r\n')[0]!);
    const row = Object.fromEntries(cells(csv.slice(1).split('\r\n')[1]!).map((value, i) => [header[i]!, value]));
    expect(row).to.include({
      bsn: '',
      onderwijsnummer: '101222331',
      achternaam: `'=HYPERLINK("http://x")`,
      voornamen: 'Anna; "Annie"',
      mobiel: '+31 6 12345678',
      woonplaats: `'-Rotterdam`,
      afgerondOp: '2027-02-01',
    });
    expect(receivedDossierJson(dossier)).to.equal(`${JSON.stringify(dossier, null, 2)}\n`);
    expect(intakeExportFileName('pdf', dossier)).to.equal('doorstroomdossier-dossier-x.pdf');
    expect(intakeExportFileName('csv', new Date('2027-03-01T12:00:00Z'))).to.equal('doorstroomdossiers-2027-03-01.csv');
  });
});
