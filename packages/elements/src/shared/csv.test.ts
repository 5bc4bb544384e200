import { expect } from '@open-wc/testing';
import { csvBom, csvField, toCsv } from './csv.js';

describe('CSV for Dutch Excel', () => {
  it('starts with a byte order mark, separates with semicolons and ends lines with CRLF', () => {
    const csv = toCsv([
      ['Leerling', 'Klas', 'Deel A'],
      ['Noor El Idrissi', '3A', 80],
    ]);
    expect(csv.startsWith(csvBom)).to.equal(true);
    expect(csv.slice(1)).to.equal('Leerling;Klas;Deel A\r\nNoor El Idrissi;3A;80\r\n');
    // UTF-8 with the BOM: what Excel needs to show é and ş right.
    const bytes = new TextEncoder().encode(toCsv([['Çelik, Ayşe', 'café']]));
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });

  it('quotes fields with the separator, quotes, line breaks or space at the ends, doubling quotes', () => {
    expect(csvField('a;b')).to.equal('"a;b"');
    expect(csvField('a,b')).to.equal('a,b');
    expect(csvField('a,b', ',')).to.equal('"a,b"');
    expect(csvField('Zeg "ja"')).to.equal('"Zeg ""ja"""');
    expect(csvField('regel 1\nregel 2')).to.equal('"regel 1\nregel 2"');
    expect(csvField(' spatie')).to.equal('" spatie"');
    expect(csvField('gewoon')).to.equal('gewoon');
  });

  it('writes empty values as nothing and numbers as they are', () => {
    expect(toCsv([[null, undefined, '', 0, -3, Number.NaN, true]], { bom: false })).to.equal(';;;0;-3;;true\r\n');
  });

  it('keeps text that looks like a formula as text', () => {
    for (const value of ['=HYPERLINK("http://x")', '+31 6 1234', '-1+2', '@SUM(A1)', '\tx', '\rx']) {
      const field = csvField(value);
      expect(field.replace(/^"/, '').startsWith("'"), value).to.equal(true);
    }
    expect(csvField('=1;2')).to.equal(`"'=1;2"`);
    expect(csvField('e=mc2')).to.equal('e=mc2');
  });

  it('can leave the byte order mark out and use another separator', () => {
    expect(toCsv([['a', 'b;c']], { bom: false, separator: ',' })).to.equal('a,b;c\r\n');
    expect(toCsv([['a', 'b']], { bom: false, separator: '\t' })).to.equal('a\tb\r\n');
  });
});
