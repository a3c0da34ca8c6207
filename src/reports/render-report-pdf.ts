// The report model drawn as a tagged PDF with pdfkit: a structure tree (Document > Sect > H1/H2, P,
// Table > TR > TH/TD, Figure with alternative text), real text in the document's language, the title
// shown as the window title, charts and the body map as vector drawings, and on every page its number
// and the date the report was made (marked as pagination artifacts, outside the structure). The only
// module that imports the PDF library.
import PDFDocument from 'pdfkit';
import { drawBodyMap, drawLineChart, type Box } from './pdf-figures.ts';
import { pdfText } from './pdf-text.ts';
import type { ReportBlock, ReportModel } from './report-types.ts';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;
// pdfkit reads `scope` (a table header's row or column) though its published types do not list it yet.
type StructOptions = NonNullable<Parameters<Doc['struct']>[1]> & { scope?: 'Row' | 'Column' };

const MARGIN = 40;
const FOOTER = 22;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = { title: 14, heading: 10.5, body: 8, small: 7 } as const;
const CELL_PAD = 2;
const CHART_HEIGHT = 78;
const BODY_MAP_HEIGHT = 118;

export interface RenderOptions {
  /** The instant the report was made, written as the PDF's creation date. */
  readonly generatedAt: string;
}

export interface RenderedReport {
  readonly pdf: Buffer;
  readonly pages: number;
}

export function renderReportPdf(model: ReportModel, options: RenderOptions): Promise<RenderedReport> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: pdfText(model.title),
      Author: pdfText(model.patientName),
      Subject: 'Pain diary report for a clinical visit',
      Creator: 'Painwise',
      Producer: 'Painwise',
      CreationDate: new Date(options.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  let pages = 0;
  const done = new Promise<RenderedReport>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve({ pdf: Buffer.concat(chunks), pages }));
    doc.on('error', reject);
  });
  const w = new Writer(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  w.title(root, model);
  for (const section of model.sections) {
    const sect = doc.struct('Sect');
    root.add(sect);
    w.heading(sect, section.heading);
    for (const block of section.blocks) w.block(sect, block);
    sect.end();
  }
  root.end();
  pages = footers(doc, model);
  doc.end();
  return done;
}

class Writer {
  private readonly doc: Doc;
  private readonly left: number;
  private readonly width: number;

  constructor(doc: Doc) {
    this.doc = doc;
    this.left = MARGIN;
    this.width = doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private room(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = MARGIN;
    }
  }

  private textHeight(text: string, font: string, size: number, width: number): number {
    return this.doc.font(font).fontSize(size).heightOfString(pdfText(text), { width });
  }

  private write(parent: Struct, type: string, text: string, font: string, size: number, x: number, width: number): void {
    const y = this.doc.y;
    parent.add(
      this.doc.struct(type, {}, () => {
        this.doc.font(font).fontSize(size).fillColor('#000').text(pdfText(text), x, y, { width });
      }),
    );
  }

  title(root: Struct, model: ReportModel): void {
    this.write(root, 'H1', `Pain report: ${model.patientName}`, BOLD, SIZE.title, this.left, this.width);
    this.doc.moveDown(0.2);
    const line = `${model.from} to ${model.to} (${model.days} days) · Made ${model.generated} (${model.timeZone}) with Painwise, from what the patient chose to share.`;
    this.write(root, 'P', line, FONT, SIZE.body, this.left, this.width);
    this.doc.moveDown(0.4);
  }

  heading(sect: Struct, text: string): void {
    // A heading is kept with at least a few lines of what follows it.
    this.room(this.textHeight(text, BOLD, SIZE.heading, this.width) + 36);
    this.doc.y += 4;
    this.write(sect, 'H2', text, BOLD, SIZE.heading, this.left, this.width);
    const y = this.doc.y + 1;
    this.doc.markContent('Artifact');
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.4)
      .strokeColor('#888')
      .stroke();
    this.doc.endMarkedContent();
    this.doc.y = y + 3;
  }

  block(sect: Struct, block: ReportBlock): void {
    switch (block.kind) {
      case 'text':
        this.room(this.textHeight(block.text, FONT, SIZE.body, this.width));
        this.write(sect, 'P', block.text, FONT, SIZE.body, this.left, this.width);
        this.doc.y += 1.5;
        return;
      case 'facts':
        this.table(
          sect,
          null,
          [0.24, 0.76],
          block.facts.map((f) => [f.label, f.value]),
        );
        return;
      case 'table':
        this.table(sect, block.columns, block.widths, block.rows);
        return;
      case 'line-chart':
        this.figure(sect, block.alt, CHART_HEIGHT, (box) => drawLineChart(this.doc, box, block));
        return;
      case 'body-map':
        this.figure(sect, block.alt, BODY_MAP_HEIGHT, (box) => drawBodyMap(this.doc, box, block));
        return;
    }
  }

  private figure(sect: Struct, alt: string, height: number, draw: (box: Box) => void): void {
    this.room(height + 4);
    const box: Box = { x: this.left, y: this.doc.y + 2, w: this.width, h: height };
    sect.add(this.doc.struct('Figure', { alt: pdfText(alt) }, () => draw(box)));
    this.doc.x = this.left;
    this.doc.y = box.y + height + 3;
  }

  /** A table: a header row when `columns` is given, else the first cell of each row is its header. */
  private table(sect: Struct, columns: readonly string[] | null, widths: readonly number[], rows: readonly (readonly string[])[]): void {
    const table = this.doc.struct('Table');
    sect.add(table);
    const xs: number[] = [];
    let x = this.left;
    for (const share of widths) {
      xs.push(x);
      x += share * this.width;
    }
    const row = (cells: readonly string[], header: boolean) => {
      const font = (i: number) => (header || (columns === null && i === 0) ? BOLD : FONT);
      const cellWidth = (i: number) => widths[i]! * this.width - 2 * CELL_PAD;
      const height = Math.max(...cells.map((c, i) => this.textHeight(c, font(i), SIZE.body, cellWidth(i)))) + 2 * CELL_PAD;
      this.room(height);
      const y = this.doc.y;
      const tr = this.doc.struct('TR');
      table.add(tr);
      cells.forEach((cell, i) => {
        const isHeader = header || (columns === null && i === 0);
        const options: StructOptions = isHeader ? { scope: header ? 'Column' : 'Row' } : {};
        tr.add(
          this.doc.struct(isHeader ? 'TH' : 'TD', options, () => {
            this.doc
              .font(font(i))
              .fontSize(SIZE.body)
              .fillColor('#000')
              .text(pdfText(cell), xs[i]! + CELL_PAD, y + CELL_PAD, { width: cellWidth(i) });
          }),
        );
      });
      tr.end();
      this.doc.markContent('Artifact');
      this.doc
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.width, y + height)
        .lineWidth(header ? 0.6 : 0.25)
        .strokeColor(header ? '#555' : '#bbb')
        .stroke();
      this.doc.endMarkedContent();
      this.doc.x = this.left;
      this.doc.y = y + height;
    };
    if (columns) row(columns, true);
    for (const cells of rows) row(cells, false);
    table.end();
    this.doc.y += 3;
  }
}

/** Page numbers and the date the report was made, on every page, as pagination artifacts; the number of pages. */
function footers(doc: Doc, model: ReportModel): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 8;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(FONT)
      .fontSize(SIZE.small)
      .fillColor('#444')
      .text(pdfText(`${model.patientName} · ${model.from} to ${model.to} · made ${model.generated}`), MARGIN, y, {
        width: doc.page.width - 2 * MARGIN,
        align: 'left',
        lineBreak: false,
      });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, y, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  return range.count;
}
