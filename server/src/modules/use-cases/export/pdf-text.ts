import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { linePieces, paragraphDirection, type TextDirection } from './arabic-text.js';
import { declareKernedWidths } from './pdf-glyph-widths.js';

export type PdfDocument = PDFKit.PDFDocument;
export type FontWeight = 'regular' | 'bold';

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

/**
 * IBM Plex Sans Arabic (SIL Open Font License, shipped on the npm registry as TTF): one family with
 * Arabic and Latin glyphs and the GSUB/GPOS tables for Arabic joining, so one embedded font draws the
 * mixed lines of a report.
 */
const FONT_FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf',
  bold: '@expo-google-fonts/ibm-plex-sans-arabic/700Bold/IBMPlexSansArabic_700Bold.ttf',
};
export const PDF_FONT_NAME = 'IBMPlexSansArabic';

const require = createRequire(import.meta.url);
let fontData: Record<FontWeight, Buffer> | undefined;

function fonts(): Record<FontWeight, Buffer> {
  fontData ??= { regular: readFileSync(require.resolve(FONT_FILES.regular)), bold: readFileSync(require.resolve(FONT_FILES.bold)) };
  return fontData;
}

export const PAGE_MARGIN = 40;

export function createPdf(options: { title: string; layout: 'portrait' | 'landscape' }): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout,
    margin: PAGE_MARGIN,
    info: { Title: options.title, Creator: 'P2P Sandbox', Producer: 'P2P Sandbox' },
    displayTitle: true,
    lang: 'en',
  });
  const data = fonts();
  doc.registerFont('regular', data.regular);
  doc.registerFont('bold', data.bold);
  // Both fonts are loaded up front so that their kerned glyphs are declared before any text is drawn.
  doc.font('bold');
  doc.font('regular');
  declareKernedWidths(doc);
  return doc;
}

const LONG_WORD_SLACK = 0.5;
const ARABIC_CODE_POINT = (value: number) => (value >= 0x0600 && value <= 0x08ff) || (value >= 0xfb50 && value <= 0xfdff) || (value >= 0xfe70 && value <= 0xfeff);

/** The part of the PDF writer's embedded font that the text layer's Unicode map is written from. */
interface EmbeddedFontText {
  unicode?: number[][];
}

/**
 * Text extraction (copy and paste, search, pdftotext, pdf.js) reads a right-to-left line in drawing
 * order and reverses it, character by character. A ligature glyph (lam-alef, and the font's other
 * Arabic ligatures) maps to several characters, which that reversal would turn around too ("لا" would
 * come out "ال"). Arabic ligatures are only ever drawn right to left, so their characters are stored
 * in drawing order: extraction then restores the logical order. Call before `doc.end()`, which writes
 * the map.
 */
export function storeArabicLigaturesInDrawingOrder(doc: PdfDocument): void {
  // The writer keeps its fonts on a private field; there is no public hook for the Unicode map.
  const families = (doc as unknown as { _fontFamilies?: Record<string, EmbeddedFontText> })._fontFamilies ?? {};
  // One font is listed under its alias and under its PostScript name: fix each font once.
  for (const font of new Set(Object.values(families))) {
    const map = font.unicode;
    if (!map) continue;
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
  /** Wrapped cells repeat (a category, a region, a company on every row): each is wrapped once per width and style. */
  private readonly wrapped = new Map<string, Line[]>();

  constructor(readonly doc: PdfDocument) {}

  use(style: TextStyle): this {
    const color = style.color ?? '#1a1a1a';
    const key = `${style.weight}|${style.size}|${color}`;
    // Fill colour is also changed by shapes (row shading), so it is set every time; font and size only on change.
    if (key !== this.current) this.doc.font(style.weight).fontSize(style.size);
    this.current = key;
    this.doc.fillColor(color);
    return this;
  }

  lineHeight(style: TextStyle): number {
    return style.size * 1.4;
  }

  /** Width in the current font. The PDF writer measures word by word and remembers each word's layout. */
  widthOf(text: string): number {
    return this.doc.widthOfString(text);
  }

  /** Logical lines of `text` no wider than `width` in `style`; `\n` starts a new paragraph. */
  wrap(text: string, width: number, style: TextStyle, maxLines = Number.POSITIVE_INFINITY): Line[] {
    const key = `${width}|${style.weight}|${style.size}|${maxLines}|${text}`;
    const known = this.wrapped.get(key);
    if (known) return known;
    const lines = this.wrapLines(text, width, style, maxLines);
    if (this.wrapped.size >= 5000) this.wrapped.clear();
    this.wrapped.set(key, lines);
    return lines;
  }

  private wrapLines(text: string, width: number, style: TextStyle, maxLines: number): Line[] {
    this.use(style);
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
      return { ...piece, x: at };
    });
    if (placed.length > 1) placed.sort((a, b) => a.start - b.start);
    for (const piece of placed) if (piece.text.trim()) this.doc.text(piece.text, piece.x, y, { lineBreak: false });
  }

  /**
   * Draws a paragraph at the document's current y, wrapping it and starting a new page (through
   * `newPage`) whenever the next line would cross the bottom margin.
   */
  paragraph(text: string, style: TextStyle, box: { x: number; width: number; align?: Align; gapAfter?: number }, newPage: () => void): void {
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
