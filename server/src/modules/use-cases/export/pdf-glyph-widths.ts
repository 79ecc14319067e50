/**
 * Kerned glyphs drawn as one unbroken run, so that text extraction keeps each word whole.
 *
 * Extractors (pdftotext, pdf.js, copy and paste) rebuild words from geometry: each glyph's box is its
 * position plus the width the PDF declares for it, and a gap of about a tenth of the font size between
 * two boxes starts a new word. The embedded Arabic font kerns some pairs apart by more than that, after
 * a letter that does not join the next one: ر or ز before an initial ي, an alef (ا أ إ آ) or lam-alef
 * before an initial ك, 0.11–0.17 em in the bold weight (titles, headings) and up to 0.16 em in the
 * regular one (أ آ before ك). The PDF writer draws such a kern as a jump of the text position, which
 * is a gap to the extractors: "التبريد" came out as "التبر يد", "أكبر" as "أ كبر".
 *
 * The fix keeps every glyph exactly where the font engine put it but declares, for a glyph followed by
 * a kern, a copy of that glyph whose width includes the kern. The glyph boxes then abut, the word is one
 * run of glyphs without adjustments, and only the text layer changes: the drawing is the same.
 */
import {
  addGlyphCopy,
  type EncodedText,
  type GlyphPosition,
  embeddedFonts,
  type PdfFont,
  replaceEncoding,
  subsetGlyphId,
} from './pdf-internals.js';

const patched = new WeakSet<PdfFont>();

/** A glyph that sits on the line and moves the pen (not a mark placed over or under another glyph). */
const inFlow = (position: GlyphPosition) => position.xOffset === 0 && position.yOffset === 0 && position.xAdvance > 0;

/**
 * Rewrites one word's positions so that each glyph in the flow carries its kern in its own advance, with
 * no offset: a kern the engine wrote as "move the next glyph by k" (how right-to-left pairs are kerned)
 * becomes "the previous glyph advances k further". Every glyph keeps its drawn position. Marks keep
 * their offsets.
 */
export function kernsIntoAdvances(positions: readonly GlyphPosition[]): GlyphPosition[] {
  const result = positions.map((position) => ({ ...position }));
  for (let index = 1; index < result.length; index += 1) {
    const position = result[index]!;
    const previous = result[index - 1]!;
    if (position.yOffset !== 0 || position.xOffset === 0 || position.xAdvance <= 0 || !inFlow(previous)) continue;
    previous.xAdvance += position.xOffset;
    position.xAdvance -= position.xOffset;
    position.xOffset = 0;
  }
  return result;
}

/**
 * Makes the embedded fonts of `doc` declare kerned widths (see the top of this file). Call once the
 * fonts are loaded (after `doc.font(name)` for each), before any text is drawn.
 */
export function declareKernedWidths(doc: PDFKit.PDFDocument): void {
  for (const font of embeddedFonts(doc)) {
    if (patched.has(font)) continue;
    patchFont(font);
    patched.add(font);
  }
}

function patchFont(font: PdfFont): void {
  /** `${glyph id}|${width}` → the character id of the copy declared at that width. */
  const copies = new Map<string, number>();

  const widened = (code: string, width: number): string => {
    const cid = Number.parseInt(code, 16);
    const glyph = subsetGlyphId(font, cid);
    if (glyph === undefined) return code;
    const key = `${glyph}|${width}`;
    let copy = copies.get(key);
    if (copy === undefined) {
      // A second entry for the same glyph: the subset writes the outline again under a new id.
      copy = addGlyphCopy(font, cid, width);
      copies.set(key, copy);
    }
    return copy.toString(16).padStart(4, '0');
  };

  replaceEncoding(font, (text, features, encode): EncodedText => {
    const [codes, original] = encode(text, features);
    if (!original.some((position) => position.xAdvance !== position.advanceWidth || position.xOffset !== 0)) return [codes, original];
    const positions = kernsIntoAdvances(original);
    const result = codes.map((code, index) => {
      const position = positions[index]!;
      if (!inFlow(position) || position.xAdvance === position.advanceWidth) return code;
      position.advanceWidth = position.xAdvance;
      return widened(code, position.xAdvance);
    });
    return [result, positions];
  });
}
