/**
 * An afgerond dossier as an A4 PDF (issue 18), made with pdf-lib (pure JavaScript, no headless
 * browser) and the DejaVu Sans fonts (Latin, Cyrillic and more; embedded as a subset). It shows
 * the dossier exactly as its reader receives it (`visibleTo`): the sections present, nothing of
 * those absent, so an MBO's copy does not hint at what the student chose not to share; the
 * consent record (for the MBO without the sharing choices); and the history chain's final hash
 * with the verification at the time of printing.
 *
 * Limits: right-to-left scripts (Arabic) are drawn left to right without joined letters, and the
 * PDF is not tagged (PDF/UA); the print stylesheet of the elements is the accessible version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { buildSections, consentRecord, localize, type Actor, type Dossier, type HistoryVerification, type Question, type RegionConfig, type SectionDefinition } from '@doorstroom/sdk';

export interface DossierPdfInput {
  /** The dossier as the reader receives it (GET /dossiers/{id}: visibleTo applied). */
  dossier: Dossier;
  config: RegionConfig;
  /** Who prints it: the MBO's copy leaves out the sharing choices, school staff read the mentor's own declaration. */
  reader: Actor;
  /** GET /dossiers/{id}/verify for this reader. */
  verification: HistoryVerification;
  generatedAt: Date;
}

const require = createRequire(import.meta.url);
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
function fontBytes() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const A4 = { width: 595.28, height: 841.89 };
const margin = 56;
const ink = rgb(0.1, 0.1, 0.12);
const muted = rgb(0.35, 0.35, 0.4);

/** Text a PDF can draw: no control characters (a line break separates lines). */
// eslint-disable-next-line no-control-regex -- control characters are what it strips
const printable = (text: string) => text.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E]/g, '');

/** Lays text out on A4 pages, top to bottom, a new page when one is full. */
class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - margin;
  }

  private room(height: number) {
    if (this.y - height < margin + 24) this.newPage();
  }

  /** Lines of at most `width` points: words wrap, a word too long for a line breaks. */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of printable(text).split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = '';
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, options: { size?: number; bold?: boolean; indent?: number; color?: ReturnType<typeof rgb>; after?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    for (const line of this.wrap(text, font, size, A4.width - 2 * margin - indent)) {
      this.room(leading);
      this.y -= leading;
      this.page.drawText(line, { x: margin + indent, y: this.y, size, font, color: options.color ?? ink });
    }
    this.y -= options.after ?? 0;
  }

  /**
   * A question and its answer side by side: the label (small, grey) on the left, the answer on the
   * right; each wraps in its column. The label is drawn before the answer, so text extraction and
   * assistive technology read them in that order.
   */
  field(label: string, value: string, indent = 0) {
    const width = A4.width - 2 * margin - indent;
    const labelWidth = Math.round(width * 0.42);
    const labels = this.wrap(label, this.bold, 8.5, labelWidth - 10);
    const values = this.wrap(value, this.regular, 10, width - labelWidth);
    const leading = 13.5;
    this.room(leading * Math.min(Math.max(labels.length, values.length), 4));
    const top = this.y;
    labels.forEach((line, i) => this.page.drawText(line, { x: margin + indent, y: top - (i + 1) * leading + 1, size: 8.5, font: this.bold, color: muted }));
    let y = top;
    let samePage = true;
    for (const line of values) {
      if (y - leading < margin + 24) {
        this.newPage();
        y = this.y;
        samePage = false;
      }
      y -= leading;
      this.page.drawText(line, { x: margin + indent + labelWidth, y, size: 10, font: this.regular, color: ink });
    }
    this.y = (samePage ? Math.min(y, top - labels.length * leading) : y) - 3;
  }

  heading(text: string, size = 13) {
    this.room(size * 3);
    this.y -= size * 0.6;
    this.text(text, { size, bold: true, after: 4 });
  }

  rule() {
    this.room(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: margin, y: this.y }, end: { x: A4.width - margin, y: this.y }, thickness: 0.5, color: muted });
    this.y -= 6;
  }

  /** "Pagina 1 van 3" and a line of its own at the foot of every page. */
  footers(left: string) {
    this.pages.forEach((page, index) => {
      const right = `Pagina ${index + 1} van ${this.pages.length}`;
      page.drawText(printable(left), { x: margin, y: margin - 20, size: 8, font: this.regular, color: muted });
      page.drawText(right, { x: A4.width - margin - this.regular.widthOfTextAtSize(right, 8), y: margin - 20, size: 8, font: this.regular, color: muted });
    });
  }
}

const day = (iso: string | undefined | null) => {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return match ? `${match[3]}-${match[2]}-${match[1]}` : (iso ?? '');
};

const typeNames: Record<Dossier['type'], string> = { 'vo-mbo': 'Van vo naar mbo', 'mbo-mbo': 'Van mbo naar mbo', 'werk-mbo': 'Van werk naar mbo' };

function optionLabel(question: Question, value: unknown): string {
  if ('options' in question) {
    const option = question.options.find((o) => String(o.value) === String(value));
    if (option) return localize(option.label, 'nl');
  }
  return String(value);
}

/** An answer as words: option labels, Ja/Nee, dates as DD-MM-JJJJ, catalogue labels, one line per entry. */
function answerText(question: Question, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (question.kind) {
    case 'yesNo':
    case 'confirm':
      return value === true ? 'Ja' : value === false ? 'Nee' : String(value);
    case 'choice':
    case 'score':
      return optionLabel(question, value);
    case 'multiChoice':
      return Array.isArray(value) ? (value.length ? value.map((v) => optionLabel(question, v)).join(', ') : undefined) : String(value);
    case 'date':
      return day(String(value));
    case 'reference': {
      const reference = value as { label?: string; detail?: Record<string, string | number> };
      const detail = Object.entries(reference.detail ?? {})
        .filter(([key]) => key !== 'brin')
        .map(([key, v]) => `${key} ${v}`);
      return [reference.label ?? '', detail.length ? `(${detail.join(', ')})` : ''].join(' ').trim();
    }
    case 'repeat':
      return undefined;
    case 'text':
      return String(value);
  }
}

function section(writer: Writer, definition: SectionDefinition, answers: Record<string, unknown>, staff: boolean) {
  writer.heading(`${definition.code} ${localize(definition.title, 'nl')}`);
  const label = (q: Question) => localize(!staff && q.readLabel ? q.readLabel : q.label, 'nl');
  for (const question of definition.questions) {
    if (!(question.id in answers) || (!staff && question.hideWhenRead)) continue;
    const value = answers[question.id];
    if (question.kind === 'repeat') {
      const entries = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (!entries.length) continue;
      writer.text(label(question), { bold: true, size: 9, color: muted });
      entries.forEach((entry, index) => {
        writer.text(`${index + 1}.`, { indent: 8, size: 9, bold: true });
        for (const sub of question.questions) {
          const shown = answerText(sub, entry?.[sub.id]);
          if (shown !== undefined) writer.field(label(sub), shown, 16);
        }
      });
      continue;
    }
    const shown = answerText(question, value);
    if (shown !== undefined) writer.field(label(question), shown);
  }
}

/** The PDF's bytes. */
export async function dossierPdf(input: DossierPdfInput): Promise<Uint8Array> {
  const { dossier, config, reader, verification, generatedAt } = input;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const { regular: regularBytes, bold: boldBytes } = fontBytes();
  const writer = new Writer(doc, await doc.embedFont(regularBytes, { subset: true }), await doc.embedFont(boldBytes, { subset: true }));
  const mbo = reader.role === 'mbo';
  const staff = reader.role === 'mentor' || reader.role === 'decaan';
  const finalHash = dossier.finalHash ?? verification.finalHash;

  doc.setTitle(`Doorstroomdossier ${dossier.student.naam}`, { showInWindowTitleBar: true });
  doc.setLanguage('nl-NL');
  doc.setAuthor('Doorstroomdossier');
  doc.setCreator('doorstroom reference server');
  doc.setProducer('pdf-lib');
  doc.setSubject(`Afgerond doorstroomdossier${finalHash ? `, eindhash ${finalHash}` : ''}`);
  doc.setKeywords(['doorstroomdossier', ...(finalHash ? [`finalHash:${finalHash}`] : [])]);
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);

  writer.text('Doorstroomdossier', { size: 20, bold: true, after: 2 });
  writer.text(dossier.student.naam, { size: 14, after: 6 });
  const facts = [
    ['Soort dossier', typeNames[dossier.type]],
    ['Afgerond op', day(dossier.finalizedAt)],
    ...(dossier.student.klas ? [['Klas', dossier.student.klas]] : []),
    ...(dossier.mentor && !mbo ? [['Mentor', dossier.mentor.naam]] : []),
    ['Afgedrukt op', `${day(generatedAt.toISOString())}${mbo ? ', zoals de mbo-instelling het ontving' : ''}`],
  ];
  for (const [label, value] of facts) writer.text(`${label}: ${value}`, { size: 9, color: muted });
  writer.rule();

  const consentSections = new Set(['akkoordverklaring', 'ouderToestemming']);
  const sections = buildSections(config, dossier.type).filter((s) => !consentSections.has(s.id) && dossier.answers[s.id] && Object.keys(dossier.answers[s.id]!).length > 0);
  for (const part of ['A', 'B'] as const) {
    const ofPart = sections.filter((s) => s.part === part);
    if (!ofPart.length) continue;
    writer.heading(part === 'A' ? 'Deel A: de leerling' : 'Deel B: de school', 15);
    for (const definition of ofPart) section(writer, definition, dossier.answers[definition.id] as Record<string, unknown>, staff);
  }

  writer.rule();
  writer.heading('Akkoordverklaring en toestemming', 15);
  const record = consentRecord(dossier, config);
  const inzage = (who: string, at?: string) => writer.field(`${who} heeft het dossier ingezien`, at ? day(at) : 'nee');
  inzage('Leerling', record.inzage.student?.at);
  writer.field('Akkoord met de inhoud', record.akkoord === 'ja' ? 'Ja' : record.akkoord === 'nee' ? `Nee${record.redenNietAkkoord ? `: ${record.redenNietAkkoord}` : ''}` : 'niet ingevuld');
  writer.field('Toestemming om te delen met de gekozen mbo-instelling', record.toestemming ? 'Ja' : 'Nee');
  if (!mbo) {
    // The student, their guardian and the school see the choices; the MBO only what it received.
    const shared = Object.entries(record.sharing);
    if (shared.length) {
      const title = (id: string) => {
        const found = buildSections(config, dossier.type).find((s) => s.id === id);
        return found ? `${found.code} ${localize(found.title, 'nl')}` : id;
      };
      writer.field(
        'Gedeeld met de mbo-instelling',
        shared
          .filter(([, yes]) => yes)
          .map(([id]) => title(id))
          .join(', ') || 'alleen wat altijd meegaat',
      );
      const kept = shared.filter(([, yes]) => !yes).map(([id]) => title(id));
      if (kept.length) writer.field('Niet gedeeld', kept.join(', '));
    }
  }
  if (record.guardian || record.inzage.guardian) {
    if (record.inzage.guardian) inzage(`Ouder/verzorger (${record.inzage.guardian.person.naam})`, record.inzage.guardian.at);
    if (record.guardian) {
      const who = [record.guardian.naam, record.guardian.relatie].filter(Boolean).join(', ');
      writer.field(`Toestemming ouder/verzorger${who ? ` (${who})` : ''}`, `${record.guardian.toestemming ? 'Ja' : 'Nee'}${record.guardian.datum ? `, ${day(record.guardian.datum)}` : ''}`);
    }
  }

  writer.rule();
  writer.heading('Echtheid', 12);
  writer.text(
    'Elke stap in de geschiedenis van dit dossier draagt een SHA-256-hash over de stap ervoor. De eindhash hieronder is die van de stap waarmee het dossier werd afgerond; verandert iemand daarna de geschiedenis, dan klopt de keten niet meer.',
    { size: 9, after: 4 },
  );
  // The hash on one line of its own, so it can be read off or copied whole.
  writer.text('Eindhash (SHA-256)', { bold: true, size: 8.5, color: muted });
  writer.text(finalHash ?? 'onbekend', { size: 9, after: 4 });
  writer.field(
    `Keten gecontroleerd op ${day(generatedAt.toISOString())}`,
    verification.valid ? 'in orde' : `niet in orde${verification.brokenAt !== undefined ? ` (vanaf stap ${verification.brokenAt + 1})` : ''}`,
  );

  writer.footers(`Doorstroomdossier ${dossier.student.naam}, afgerond ${day(dossier.finalizedAt)}`);
  return doc.save();
}
