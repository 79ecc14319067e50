import PDFDocument from 'pdfkit';
import { linePieces, paragraphDirection, type TextDirection } from './arabic-text.js';
import { type FontWeight, loadSharedFonts, regularFontFile } from './pdf-fonts.js';
import { declareKernedWidths } from './pdf-glyph-widths.js';
import { embeddedFonts, ensurePdfkitInternals, unicodeMap } from './pdf-internals.js';
import { bufferPageContent } from './pdf-page-buffer.js';
import { writeText } from './pdf-text-ops.js';

export type PdfDocument = PDFKit.PDFDocument;
export type { FontWeight } from './pdf-fonts.js';

export interface TextStyle {
  weight: FontWeight;
  size: number;
  color?: string;
}

/** `start`: left for a left-to-right line, right for a right-to-left one (Arabic lines sit on the right). */
export type Align = 'start' | 'left' | 'right';

export interface Line {
  text: string;
  direction: TextDirection;
}

export const PAGE_MARGIN = 40;

export function createPdf(options: { title: string; layout: 'portrait' | 'landscape' }): PdfDocument {
  // The writer's private fields used below are checked once per process, before the first document.
  ensurePdfkitInternals(regularFontFile);
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout,
    margin: PAGE_MARGIN,
    info: { Title: options.title, Creator: 'P2P Sandbox', Producer: 'P2P Sandbox' },
    displayTitle: true,
    lang: 'en',
  });
  bufferPageContent(doc);
  // Both fonts are loaded up front so that their kerned glyphs are declared before any text is drawn.
  loadSharedFonts(doc);
  declareKernedWidths(doc);
  return doc;
}

const LONG_WORD_SLACK = 0.5;
const ARABIC_CODE_POINT = (value: number) =>
  (value >= 0x0600 && value <= 0x08ff) || (value >= 0xfb50 && value <= 0xfdff) || (value >= 0xfe70 && value <= 0xfeff);

/**
 * Text extraction (copy and paste, search, pdftotext, pdf.js) reads a right-to-left line in drawing
 * order and reverses it, character by character. A ligature glyph (lam-alef, and the font's other
 * Arabic ligatures) maps to several characters, which that reversal would turn around too ("لا" would
 * come out "ال"). Arabic ligatures are only ever drawn right to left, so their characters are stored
 * in drawing order: extraction then restores the logical order. Call before `doc.end()`, which writes
 * the map.
 */
export function storeArabicLigaturesInDrawingOrder(doc: PdfDocument): void {
  for (const font of embeddedFonts(doc)) {
    const map = unicodeMap(font);
    map.forEach((codePoints, glyph) => {
      if (codePoints.length > 1 && codePoints.every(ARABIC_CODE_POINT)) map[glyph] = [...codePoints].reverse();
    });
  }
}

/**
 * Wraps, measures and draws text with Arabic in it. Lines are wrapped in logical order, then each line
 * is ordered for display (arabic-text.ts) and drawn run by run.
 */
export class Typesetter {
  private current = '';

  constructor(readonly doc: PdfDocument) {}

  use(style: TextStyle): this {
    this.measureIn(style);
    // Fill colour is also changed by shapes (row shading), so it is set every time.
    this.doc.fillColor(style.color ?? '#1a1a1a');
    return this;
  }

  /** Font and size only: enough to measure, and writes nothing to the page. */
  private measureIn(style: TextStyle): void {
    const key = `${style.weight}|${style.size}`;
    if (key !== this.current) this.doc.font(style.weight).fontSize(style.size);
    this.current = key;
  }

  lineHeight(style: TextStyle): number {
    return style.size * 1.4;
  }

  /** Width in the current font. The PDF writer measures word by word; each word's layout is kept (pdf-fonts.ts). */
  widthOf(text: string): number {
    return this.doc.widthOfString(text);
  }

  /** Logical lines of `text` no wider than `width` in `style`; `\n` starts a new paragraph. */
  wrap(text: string, width: number, style: TextStyle, maxLines = Number.POSITIVE_INFINITY): Line[] {
    this.measureIn(style);
    const lines: Line[] = [];
    const space = this.widthOf(' ');
    for (const paragraph of text.split(/\r?\n/)) {
      const direction = paragraphDirection(paragraph);
      const words = paragraph.split(/[ \t]+/).filter((word) => word.length > 0);
      if (words.length === 0) {
        lines.push({ text: '', direction });
        continue;
      }
      let current = '';
      let currentWidth = 0;
      for (const word of words) {
        const wordWidth = this.widthOf(word);
        if (current && currentWidth + space + wordWidth <= width) {
          current += ` ${word}`;
          currentWidth += space + wordWidth;
          continue;
        }
        if (current) lines.push({ text: current, direction });
        if (wordWidth <= width) {
          current = word;
          currentWidth = wordWidth;
          continue;
        }
        const pieces = this.breakWord(word, width);
        for (const piece of pieces.slice(0, -1)) lines.push({ text: piece, direction });
        current = pieces.at(-1) ?? '';
        currentWidth = this.widthOf(current);
      }
      if (current) lines.push({ text: current, direction });
    }
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1]!;
    last.text = `${this.fit(last.text, width - this.widthOf(' …'))} …`;
    return kept;
  }

  /** A word wider than the line (a long link or code) broken between characters. */
  private breakWord(word: string, width: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    for (const character of word) {
      if (piece && this.widthOf(piece + character) > width + LONG_WORD_SLACK) {
        pieces.push(piece);
        piece = '';
      }
      piece += character;
    }
    if (piece) pieces.push(piece);
    return pieces;
  }

  private fit(text: string, width: number): string {
    let fitted = text;
    while (fitted.length > 0 && this.widthOf(fitted) > width) fitted = fitted.slice(0, -1);
    return fitted.trimEnd();
  }

  /**
   * Draws one wrapped line inside [x, x + width] with its top at y. The pieces are placed left to right
   * but written to the file in logical order: text extraction (copy and paste, search, pdf.js) follows
   * the file's order, so an Arabic phrase comes out first word first.
   */
  drawLine(line: Line, x: number, y: number, width: number, align: Align = 'start'): void {
    const pieces = linePieces(line.text, line.direction);
    if (pieces.length === 0) return;
    const toRight = align === 'right' || (align === 'start' && line.direction === 'rtl');
    const widths = pieces.length > 1 || toRight ? pieces.map((piece) => this.widthOf(piece.text)) : [0];
    const total = widths.reduce((sum, value) => sum + value, 0);
    let cursor = toRight ? x + Math.max(0, width - total) : x;
    const placed = pieces.map((piece, index) => {
      const at = cursor;
      cursor += widths[index]!;
      return { text: piece.text, start: piece.start, x: at };
    });
    if (placed.length > 1) placed.sort((a, b) => a.start - b.start);
    writeText(
      this.doc,
      placed.filter((piece) => piece.text.trim()),
      y,
    );
  }

  /**
   * Draws a paragraph at the document's current y, wrapping it and starting a new page (through
   * `newPage`) whenever the next line would cross the bottom margin.
   */
  paragraph(
    text: string,
    style: TextStyle,
    box: { x: number; width: number; align?: Align; gapAfter?: number },
    newPage: () => void,
  ): void {
    const lines = this.wrap(text, box.width, style);
    const height = this.lineHeight(style);
    for (const line of lines) {
      if (this.doc.y + height > this.bottom()) newPage();
      this.use(style);
      this.drawLine(line, box.x, this.doc.y, box.width, box.align);
      this.doc.y += height;
    }
    this.doc.y += box.gapAfter ?? 0;
  }

  bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
}
