// Issue 18 (3): GET /api/dossiers/{id}/pdf on the reference server. The test opens each PDF with
// pdf-lib, decodes its text (the content streams through each font's ToUnicode map) and checks
// that it holds the student's name and exactly the sections the reader may see: the MBO's copy
// has what was shared and neither the rest nor a word about it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import type { Dossier, HistoryVerification } from '@doorstroom/sdk';
import { removeDir, startTestServer } from './helpers.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The glyph → text map of a font's ToUnicode CMap (bfchar and bfrange). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(from!, 16), utf16(to!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      for (let code = parseInt(lo!, 16), first = parseInt(to!, 16); code <= parseInt(hi!, 16); code++) map.set(code, String.fromCharCode(first + code - parseInt(lo!, 16)));
    }
  }
  return map;
}

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

/** The text of every page, one string per drawn line, in the order drawn. */
async function pdfText(bytes: Uint8Array): Promise<{ doc: PDFDocument; lines: string[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const lines: string[] = [];
  const resolve = (object: PDFObject | undefined) => (object instanceof PDFRef ? doc.context.lookup(object) : object);
  for (const page of doc.getPages()) {
    const fonts = new Map<string, Map<number, string>>();
    const fontDict = resolve(page.node.Resources()?.get(PDFName.of('Font'))) as PDFDict | undefined;
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = resolve(ref) as PDFDict;
      const cmap = resolve(font.get(PDFName.of('ToUnicode'))) as PDFRawStream | undefined;
      fonts.set(name.asString(), cmap ? toUnicode(latin1(decodePDFRawStream(cmap).decode())) : new Map());
    }
    const contents = resolve(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map((s) => resolve(s) as PDFRawStream) : [contents as PDFRawStream];
    let glyphs = new Map<number, string>();
    for (const stream of streams) {
      const ops = latin1(decodePDFRawStream(stream).decode());
      for (const [, font, hex] of ops.matchAll(/(\/[^\s]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (font) glyphs = fonts.get(font) ?? new Map();
        else lines.push((hex!.match(/.{4}/g) ?? []).map((code) => glyphs.get(parseInt(code, 16)) ?? '?').join(''));
      }
    }
  }
  return { doc, lines };
}

describe('GET /dossiers/{id}/pdf on the reference server', () => {
  let server: TestServer;
  const get = (token: string, path: string) => fetch(new URL(path, server.apiUrl), { headers: { Authorization: `Bearer ${token}` } });
  const pdfOf = async (token: string, id: string) => {
    const response = await get(token, `dossiers/${id}/pdf`);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('Content-Type'), 'application/pdf');
    assert.match(response.headers.get('Content-Disposition') ?? '', new RegExp(`attachment; filename="doorstroomdossier-${id}\\.pdf"`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.equal(latin1(bytes.slice(0, 5)), '%PDF-');
    return { bytes, ...(await pdfText(bytes)) };
  };

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server?.close();
    removeDir(server?.dataDir);
  });

  it('gives the MBO what Sam shared, and nothing of what he kept to himself', async () => {
    const student = (await (await get('student-sam', 'dossiers/dossier-sam')).json()) as Dossier;
    const received = (await (await get('mbo-roc-midden-nederland', 'dossiers/dossier-sam')).json()) as Dossier;
    const { doc, lines } = await pdfOf('mbo-roc-midden-nederland', 'dossier-sam');
    const text = lines.join('\n');
    // A label or an answer may wrap: compare words across line ends.
    const flat = lines.join(' ');
    assert.equal(doc.getTitle(), 'Doorstroomdossier Sam Jansen');
    assert.ok(doc.getPageCount() >= 2, `${doc.getPageCount()} pages`);
    assert.ok(lines.includes('Sam Jansen'), text);
    // Shared: A1 (always), A7 (always), A9 motivatie and B2 advies, as Sam ticked them.
    for (const shown of ['A1 Persoonlijke gegevens', 'Jansen', '234567818', 'Autotechnicus', 'Deel B: de school']) assert.ok(text.includes(shown), `${shown} missing:\n${text}`);
    const motivatie = String(received.answers['motivatie']?.['waarom']);
    assert.ok(flat.includes(motivatie), 'the shared motivatie');
    // Not shared: A6 ondersteuning and B1 begeleiding: neither their answers nor their names.
    assert.ok(!('ondersteuning' in received.answers) && 'ondersteuning' in student.answers, 'the example data: Sam did not share A6');
    for (const value of Object.values(student.answers['ondersteuning'] ?? {})) {
      if (typeof value === 'string' && value.length > 8) assert.ok(!text.includes(value), `the PDF holds an A6 answer: ${value}`);
    }
    for (const hidden of ['Ondersteuning', 'ondersteuning', 'Begeleiding', 'Niet gedeeld', 'Gedeeld met']) assert.ok(!flat.includes(hidden), `the MBO's PDF mentions ${hidden}`);
    // The consent record and the final hash.
    const verified = (await (await get('mbo-roc-midden-nederland', 'dossiers/dossier-sam/verify')).json()) as HistoryVerification;
    assert.ok(flat.includes('Akkoordverklaring en toestemming') && flat.includes('Toestemming ouder/verzorger (Petra Jansen, moeder)'), text);
    assert.ok(text.includes(received.finalHash!) && received.finalHash === verified.finalHash, 'the final hash');
    assert.ok(doc.getKeywords()?.includes(`finalHash:${received.finalHash}`));
  });

  it('gives the student their whole dossier with their sharing choices', async () => {
    const { lines } = await pdfOf('student-sam', 'dossier-sam');
    const text = lines.join(' ');
    for (const shown of ['Sam Jansen', 'Ondersteuning', 'Niet gedeeld', 'Gedeeld met de mbo-instelling']) assert.ok(text.includes(shown), `${shown} missing:\n${text}`);
  });

  it('answers 404 to whoever may not read the dossier and 409 before afgerond', async () => {
    assert.equal((await get('mbo-albeda', 'dossiers/dossier-sam/pdf')).status, 404);
    assert.equal((await get('student-noor', 'dossiers/dossier-sam/pdf')).status, 404);
    assert.equal((await get('decaan-de-wit', 'dossiers/dossier-sam/pdf')).status, 404);
    const concept = await get('student-noor', 'dossiers/dossier-noor/pdf');
    assert.equal(concept.status, 409);
    assert.equal(((await concept.json()) as { reason?: string }).reason, 'wrongState');
    assert.equal((await get('decaan-visser', 'dossiers/dossier-sam/pdf')).status, 200);
  });
});
