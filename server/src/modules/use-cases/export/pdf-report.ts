import type { Readable } from 'node:stream';
import { createPdf, PAGE_MARGIN, type PdfDocument, storeArabicLigaturesInDrawingOrder, type TextStyle, Typesetter } from './pdf-text.js';

export const PDF_MIME = 'application/pdf';

export const STYLES = {
  title: { weight: 'bold', size: 17 },
  subtitle: { weight: 'bold', size: 13, color: '#333333' },
  heading: { weight: 'bold', size: 12, color: '#0b4f6c' },
  body: { weight: 'regular', size: 10 },
  metaLabel: { weight: 'bold', size: 8.5, color: '#444444' },
  metaValue: { weight: 'regular', size: 8.5, color: '#444444' },
  cell: { weight: 'regular', size: 7.5 },
  cellHeader: { weight: 'bold', size: 7.5, color: '#ffffff' },
  footer: { weight: 'regular', size: 7, color: '#777777' },
} satisfies Record<string, TextStyle>;

/** A report being written: the document, its typesetter and the page handling both renderers share. */
export class Report {
  readonly doc: PdfDocument;
  readonly type: Typesetter;
  private pageNumber = 1;
  private readonly onNewPage: Array<() => void> = [];

  constructor(
    title: string,
    layout: 'portrait' | 'landscape',
    private readonly footerText: string,
  ) {
    this.doc = createPdf({ title, layout });
    this.type = new Typesetter(this.doc);
    this.drawFooter();
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.type.contentWidth();
  }

  /** Runs after every page break (a table repeats its header row). */
  whenPageBreaks(action: () => void): void {
    this.onNewPage.push(action);
  }

  stopRepeating(): void {
    this.onNewPage.length = 0;
  }

  newPage = (): void => {
    this.doc.addPage();
    this.pageNumber += 1;
    this.drawFooter();
    this.doc.y = this.doc.page.margins.top;
    for (const action of this.onNewPage) action();
  };

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensureRoom(height: number): void {
    if (this.doc.y + height > this.type.bottom()) this.newPage();
  }

  private drawFooter(): void {
    const { doc } = this;
    const y = doc.page.height - PAGE_MARGIN + 14;
    this.type.use(STYLES.footer);
    this.type.drawLine({ text: this.footerText, direction: 'ltr' }, PAGE_MARGIN, y, this.width, 'left');
    this.type.drawLine({ text: `Page ${this.pageNumber}`, direction: 'ltr' }, PAGE_MARGIN, y, this.width, 'right');
    doc.y = doc.page.margins.top;
  }

  text(
    text: string,
    style: TextStyle,
    options: { x?: number; width?: number; align?: 'start' | 'left' | 'right'; gapAfter?: number } = {},
  ): void {
    this.type.paragraph(
      text,
      style,
      { x: options.x ?? this.left, width: options.width ?? this.width, align: options.align ?? 'start', gapAfter: options.gapAfter ?? 0 },
      this.newPage,
    );
  }

  /** Label/value lines (the export's metadata, a case's facts) with the labels in one column. */
  keyValues(
    pairs: ReadonlyArray<readonly [string, string]>,
    options: { labelWidth?: number; label?: TextStyle; value?: TextStyle } = {},
  ): void {
    const labelWidth = options.labelWidth ?? 105;
    const label = options.label ?? STYLES.metaLabel;
    const value = options.value ?? STYLES.metaValue;
    for (const [name, text] of pairs) {
      const lines = this.type.wrap(text || '—', this.width - labelWidth, value);
      this.ensureRoom(this.type.lineHeight(value));
      this.type.use(label);
      this.type.drawLine({ text: name, direction: 'ltr' }, this.left, this.doc.y, labelWidth - 6, 'left');
      for (const line of lines) {
        this.ensureRoom(this.type.lineHeight(value));
        this.type.use(value);
        this.type.drawLine(line, this.left + labelWidth, this.doc.y, this.width - labelWidth, 'start');
        this.doc.y += this.type.lineHeight(value);
      }
    }
  }

  rule(gapBefore = 4, gapAfter = 8): void {
    this.doc.y += gapBefore;
    this.doc
      .moveTo(this.left, this.doc.y)
      .lineTo(this.left + this.width, this.doc.y)
      .lineWidth(0.5)
      .strokeColor('#c8d3dc')
      .stroke();
    this.doc.y += gapAfter;
  }
}

/**
 * Runs `draw` after the caller has started reading the document: the PDF writer pushes each page's
 * bytes as it goes, so a long report flows out instead of piling up.
 */
export function streamReport(report: Report, draw: () => Promise<void>): Readable {
  const { doc } = report;
  setImmediate(() => {
    draw()
      .then(() => {
        storeArabicLigaturesInDrawingOrder(doc);
        doc.end();
      })
      .catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  return doc;
}
