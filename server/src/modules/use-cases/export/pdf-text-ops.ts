/**
 * Text drawing operators written straight into the page, for the Typesetter's pieces of text.
 *
 * The PDF writer's `text()` is built for flowing paragraphs: every call copies its options, measures
 * the string twice, saves and transforms the graphics state through its matrix stack, and writes each
 * operator as a separate chunk that the page keeps until it ends. A 1,000-row table draws tens of
 * thousands of pieces, and that bookkeeping was most of what a list export allocated. The Typesetter
 * has already measured and placed each piece, so this writes the operators the writer's `text()` would
 * write for it (`lineBreak: false`, left-aligned, top baseline: the same bytes), a whole line as one
 * chunk.
 */
import { currentFont, currentFontSize, encodeText, fontAscender, fontResourceName, type PdfFont, useFontOnPage } from './pdf-internals.js';

/** Numbers as the writer formats them: at most six decimals. */
const number = (value: number): number => Math.round(value * 1e6) / 1e6;

/** A piece of text and where its left edge goes. */
export interface PlacedText {
  text: string;
  x: number;
}

/**
 * Draws `pieces` in the document's current font, size and fill colour, each with its top at `y`
 * (page coordinates, y downwards), in the order given: text extraction follows the file's order.
 */
export function writeText(doc: PDFKit.PDFDocument, pieces: readonly PlacedText[], y: number): void {
  if (pieces.length === 0) return;
  const font = currentFont(doc);
  const size = currentFontSize(doc);
  const pageHeight = doc.page.height;
  const id = fontResourceName(font);
  useFontOnPage(doc, font);
  // The page's coordinates run y downwards; text is written in an unflipped space, its top at `y`.
  const baseline = pageHeight - y - (fontAscender(font) / 1000) * size;
  const head = `q\n1 0 0 -1 0 ${number(pageHeight)} cm\nBT\n`;
  const fontOperator = `/${id} ${number(size)} Tf\n`;
  let ops = '';
  for (const piece of pieces) {
    ops += `${head}1 0 0 1 ${number(piece.x)} ${number(baseline)} Tm\n${fontOperator}`;
    ops += glyphOperators(font, piece.text, piece.x, baseline, size / 1000);
    ops += 'ET\nQ\n';
  }
  // The writer adds the line end after each chunk.
  doc.addContent(ops.slice(0, -1));
}

/**
 * The TJ (and, around marks, Tm) operators for one piece: runs of glyphs, each run closed by the
 * adjustment of its last glyph when the font moved the next one (kerning), and marks placed by their
 * own offsets.
 */
function glyphOperators(font: PdfFont, text: string, x: number, y: number, scale: number): string {
  const [codes, positions] = encodeText(font, text);
  let ops = '';
  /** The adjusted runs of the TJ being written, space-separated. */
  let runs = '';
  let last = 0;
  let hadOffset = false;
  let penX = x;
  const addRun = (end: number) => {
    if (last < end) {
      let hex = '';
      for (let index = last; index < end; index += 1) hex += codes[index];
      const position = positions[end - 1]!;
      runs += `${runs ? ' ' : ''}<${hex}> ${number(-(position.xAdvance - position.advanceWidth))}`;
    }
    last = end;
  };
  const flush = (end: number) => {
    addRun(end);
    if (runs) ops += `[${runs}] TJ\n`;
    runs = '';
  };
  let index = 0;
  for (; index < positions.length; index += 1) {
    const position = positions[index]!;
    if (position.xOffset || position.yOffset) {
      flush(index);
      ops += `1 0 0 1 ${number(penX + position.xOffset * scale)} ${number(y + position.yOffset * scale)} Tm\n`;
      flush(index + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ops += `1 0 0 1 ${number(penX)} ${number(y)} Tm\n`;
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) addRun(index + 1);
    }
    penX += position.xAdvance * scale;
  }
  flush(index);
  return ops;
}
