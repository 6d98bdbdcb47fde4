import PDFDocument from 'pdfkit';
import type { PaperSize } from '../../../shared/contract/conference-schemas.ts';
import { REPORT_FONTS } from './fonts.ts';

/** Points (1/72 inch). A4 and US Letter, portrait. */
const PAGE_SIZES: Record<PaperSize, [number, number]> = { A4: [595.28, 841.89], Letter: [612, 792] };
const MARGIN = 56;
const FOOTER_SPACE = 28;

/** Black on white for print; one accent for headings that still reads when photocopied in grey. */
const INK = '#111111';
const MUTED = '#444444';
const ACCENT = '#0b3d6e';

/**
 * A small writer over pdfkit for the app's reports: headings, labelled lines, paragraphs, images,
 * and a footer on every page. Keeps text inside the margins on A4 and Letter alike.
 */
export class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  constructor(
    paper: PaperSize,
    readonly documentTitle: string,
  ) {
    this.doc = new PDFDocument({
      size: PAGE_SIZES[paper],
      margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
      bufferPages: true,
      font: REPORT_FONTS.regular,
      info: { Title: documentTitle, Creator: 'Spine Case Review', Producer: 'Spine Case Review' },
      lang: 'en',
    });
    this.doc.registerFont('body', REPORT_FONTS.regular);
    this.doc.registerFont('bold', REPORT_FONTS.bold);
    this.doc.font('body').fillColor(INK);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
  }

  get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  private bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER_SPACE;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom()) this.doc.addPage();
  }

  title(text: string, subtitle?: string): void {
    this.doc
      .font('bold')
      .fontSize(18)
      .fillColor(ACCENT)
      .text(text, MARGIN, this.doc.y, { width: this.width });
    if (subtitle) this.doc.font('body').fontSize(11).fillColor(MUTED).text(subtitle, { width: this.width });
    this.doc.fillColor(INK).moveDown(0.8);
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 14 : 11.5;
    this.ensureSpace(size * 4);
    this.doc.moveDown(level === 1 ? 0.6 : 0.3);
    this.doc
      .font('bold')
      .fontSize(size)
      .fillColor(level === 1 ? ACCENT : INK);
    this.doc.text(text, MARGIN, this.doc.y, { width: this.width });
    if (level === 1) {
      const y = this.doc.y + 2;
      this.doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + this.width, y)
        .lineWidth(0.6)
        .strokeColor(ACCENT)
        .stroke();
      this.doc.moveDown(0.4);
    }
    this.doc.font('body').fontSize(10.5).fillColor(INK);
  }

  /** "Label: text" with the label in bold; wraps under the text. */
  line(label: string, text: string): void {
    this.ensureSpace(16);
    this.doc.font('bold').fontSize(10.5).fillColor(INK).text(`${label}: `, MARGIN, this.doc.y, {
      continued: true,
      width: this.width,
    });
    this.doc.font('body').text(text || '—', { width: this.width });
    this.doc.moveDown(0.15);
  }

  paragraph(text: string, options: { muted?: boolean; bold?: boolean } = {}): void {
    this.ensureSpace(16);
    this.doc
      .font(options.bold ? 'bold' : 'body')
      .fontSize(10.5)
      .fillColor(options.muted ? MUTED : INK)
      .text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.fillColor(INK).moveDown(0.2);
  }

  bullets(items: readonly string[]): void {
    for (const item of items) {
      this.ensureSpace(16);
      this.doc
        .font('body')
        .fontSize(10.5)
        .fillColor(INK)
        .text(`•  ${item}`, MARGIN + 8, this.doc.y, {
          width: this.width - 8,
          indent: 0,
        });
    }
    this.doc.moveDown(0.2);
  }

  /** A PNG scaled to fit the text width and `maxHeight`, with its caption under it. */
  image(png: Buffer, caption: string, maxHeight: number): void {
    this.ensureSpace(Math.min(maxHeight, 200) + 30);
    const room = Math.min(maxHeight, this.bottom() - this.doc.y - 30);
    const top = this.doc.y;
    this.doc.image(png, MARGIN, top, { fit: [this.width, room], align: 'center' });
    this.doc.y = top + room + 4;
    this.doc.font('body').fontSize(9.5).fillColor(MUTED).text(caption, MARGIN, this.doc.y, {
      width: this.width,
      align: 'center',
    });
    this.doc.fillColor(INK).moveDown(0.6);
  }

  /** Writes "title — page n of m" on every page, then returns the file's bytes. */
  async finish(): Promise<{ bytes: Uint8Array; pages: number }> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const y = this.doc.page.height - MARGIN - 10;
      // Writing inside the bottom margin must not open a new page.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { ...margins, bottom: 0 };
      this.doc
        .font('body')
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(`${this.documentTitle} — page ${i + 1} of ${range.count}`, MARGIN, y, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      this.doc.page.margins = margins;
    }
    this.doc.end();
    await this.done;
    return { bytes: new Uint8Array(Buffer.concat(this.chunks)), pages: range.count };
  }
}
