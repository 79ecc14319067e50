import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
 * region and company names, months, technology names), so each word is shaped once per process rather
 * than once per file. The oldest entries go first past this many.
 */
export const MAX_SHARED_LAYOUTS = 20_000;

/** What the PDF writer reads of a glyph: its id, its advance (font units) and the characters it stands for. */
interface GlyphRecord {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A laid-out word as the PDF writer uses it: glyphs, positions and total advance, in thousandths of the font size. */
interface LaidOutRun {
  glyphs: GlyphRecord[];
  positions: unknown[];
  advanceWidth: number;
}

/**
 * The part of the PDF writer's embedded font (pdfkit's EmbeddedFont) that word layout goes through;
 * there is no public hook for it, so these methods are used as they are.
 */
interface EmbeddedFontLayout {
  /** Shapes one word (no cache). */
  layoutRun(text: string): LaidOutRun;
  /** Shapes one word through the writer's per-document cache. */
  layoutCached(text: string): LaidOutRun;
}

function isEmbeddedFontLayout(value: unknown): value is EmbeddedFontLayout {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EmbeddedFontLayout>;
  return typeof candidate.layoutRun === 'function' && typeof candidate.layoutCached === 'function';
}

interface SharedFont {
  file: Buffer;
  layouts: Map<string, LaidOutRun>;
}

const require = createRequire(import.meta.url);
const shared = new Map<FontWeight, SharedFont>();

function sharedFont(weight: FontWeight): SharedFont {
  let font = shared.get(weight);
  if (!font) {
    font = { file: readFileSync(require.resolve(FONT_FILES[weight])), layouts: new Map() };
    shared.set(weight, font);
  }
  return font;
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
    const embedded = (doc as unknown as { _font?: unknown })._font;
    if (!isEmbeddedFontLayout(embedded)) throw new Error(`The PDF writer did not load the ${weight} font as an embedded font`);
    shareLayouts(embedded, font.layouts);
  }
}

/** Words are laid out through `layouts` instead of the writer's per-document cache. */
function shareLayouts(embedded: EmbeddedFontLayout, layouts: Map<string, LaidOutRun>): void {
  const layoutRun = embedded.layoutRun.bind(embedded);
  embedded.layoutCached = (text: string): LaidOutRun => {
    const known = layouts.get(text);
    if (known) return known;
    const run = layoutRun(text);
    // Plain records: a run kept for later documents must not hold on to this document's parsed font.
    const kept: LaidOutRun = {
      glyphs: run.glyphs.map((glyph) => ({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: glyph.codePoints })),
      positions: run.positions,
      // A getter on the engine's run, which sums the positions on every read.
      advanceWidth: run.advanceWidth,
    };
    if (layouts.size >= MAX_SHARED_LAYOUTS) layouts.delete(layouts.keys().next().value as string);
    layouts.set(text, kept);
    return kept;
  };
}

/** How many words are kept laid out per weight (for tests and diagnostics). */
export function sharedLayoutCount(): Record<FontWeight, number> {
  return { regular: shared.get('regular')?.layouts.size ?? 0, bold: shared.get('bold')?.layouts.size ?? 0 };
}
