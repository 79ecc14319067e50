import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { currentFont, type GlyphPosition, type GlyphRecord, type LaidOutRun, replaceWordLayout } from './pdf-internals.js';
import { LayoutCache } from './pdf-layout-cache.js';

export type FontWeight = 'regular' | 'bold';
/** In the order they are loaded: the document is left on the regular weight. */
export const FONT_WEIGHTS: readonly FontWeight[] = ['bold', 'regular'];

/**
 * IBM Plex Sans Arabic (SIL Open Font License, shipped on the npm registry as TTF): one family with
 * Arabic and Latin glyphs and the GSUB/GPOS tables for Arabic joining, so one embedded font draws the
 * mixed lines of a report.
 */
const FONT_FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf',
  bold: '@expo-google-fonts/ibm-plex-sans-arabic/700Bold/IBMPlexSansArabic_700Bold.ttf',
};

/**
 * Words laid out per weight and kept for every later report. Shaping a word (the font's GSUB and GPOS
 * lookups) allocates far more than its result holds, and reports repeat the same vocabulary (category,
 * region and city names, months, technology names), so each word is shaped once per process rather
 * than once per file. At most this many per weight (about 6 MB when full, see pdf-layout-cache.ts).
 */
export const MAX_SHARED_LAYOUTS = 20_000;

interface SharedFont {
  file: Buffer;
  layouts: LayoutCache<LaidOutRun>;
  /**
   * One frozen object per distinct glyph and per distinct position: words share them (most letters
   * sit at their plain advance), which keeps a kept word to a few pointers instead of a kilobyte.
   * Both are bounded by the font (its glyphs, and its kerning and mark placements).
   */
  glyphs: Map<string, GlyphRecord>;
  positions: Map<string, GlyphPosition>;
}

const require = createRequire(import.meta.url);
const shared = new Map<FontWeight, SharedFont>();

function sharedFont(weight: FontWeight): SharedFont {
  let font = shared.get(weight);
  if (!font) {
    font = {
      file: readFileSync(require.resolve(FONT_FILES[weight])),
      layouts: new LayoutCache<LaidOutRun>(MAX_SHARED_LAYOUTS),
      glyphs: new Map(),
      positions: new Map(),
    };
    shared.set(weight, font);
  }
  return font;
}

/** The regular weight's file: what the check of the PDF writer's internals loads (pdf-internals.ts). */
export function regularFontFile(): Buffer {
  return sharedFont('regular').file;
}

/**
 * Registers both weights with `doc` and selects each once, so that both are loaded before any text is
 * drawn. The font files are read once per process, and words already laid out for an earlier report
 * are reused. Each document parses its own copy of the font (glyph objects are cached per parsed font
 * and remember the characters they were first looked up for) and writes its own subset of the glyphs
 * it uses.
 */
export function loadSharedFonts(doc: PDFKit.PDFDocument): void {
  for (const weight of FONT_WEIGHTS) {
    const font = sharedFont(weight);
    doc.registerFont(weight, font.file);
    doc.font(weight);
    font.layouts.startReport();
    replaceWordLayout(currentFont(doc), (text, shape) => sharedLayout(font, text, shape));
  }
}

/** Words are laid out through the process-wide cache instead of the writer's per-document one. */
function sharedLayout(font: SharedFont, text: string, shape: (text: string) => LaidOutRun): LaidOutRun {
  const known = font.layouts.get(text);
  if (known) return known;
  const run = shape(text);
  const kept: LaidOutRun = {
    // Plain records: a run kept for later documents must not hold on to this document's parsed font.
    glyphs: run.glyphs.map((glyph) => glyphRecord(font, glyph)),
    positions: run.positions.map((position) => glyphPosition(font, position)),
    // A getter on the engine's run, which sums the positions on every read.
    advanceWidth: run.advanceWidth,
  };
  font.layouts.set(text, kept);
  return kept;
}

function glyphRecord(font: SharedFont, glyph: GlyphRecord): GlyphRecord {
  const key = `${glyph.id} ${glyph.codePoints.join(' ')}`;
  let record = font.glyphs.get(key);
  if (!record) {
    record = Object.freeze({
      id: glyph.id,
      advanceWidth: glyph.advanceWidth,
      codePoints: Object.freeze([...glyph.codePoints]) as number[],
    });
    font.glyphs.set(key, record);
  }
  return record;
}

function glyphPosition(font: SharedFont, position: GlyphPosition): GlyphPosition {
  const { xAdvance, yAdvance, xOffset, yOffset, advanceWidth } = position;
  const key = `${xAdvance} ${yAdvance} ${xOffset} ${yOffset} ${advanceWidth}`;
  let kept = font.positions.get(key);
  if (!kept) {
    kept = Object.freeze({ xAdvance, yAdvance, xOffset, yOffset, advanceWidth });
    font.positions.set(key, kept);
  }
  return kept;
}

/** How many words are kept laid out per weight (for tests and diagnostics). */
export function sharedLayoutCount(): Record<FontWeight, { words: number; glyphs: number; positions: number }> {
  const count = (weight: FontWeight) => {
    const font = shared.get(weight);
    return { words: font?.layouts.size ?? 0, glyphs: font?.glyphs.size ?? 0, positions: font?.positions.size ?? 0 };
  };
  return { regular: count('regular'), bold: count('bold') };
}
