/**
 * Every use of pdfkit's and fontkit's private fields and methods, in one file.
 *
 * The PDF exports go below pdfkit's public API where it has no hook for what they need:
 *   - words are shaped once per process instead of once per document (pdf-fonts.ts): the embedded
 *     font's `layoutRun` and `layoutCached`;
 *   - kerned glyphs are declared at their kerned width (pdf-glyph-widths.ts) and Arabic ligatures
 *     are mapped in drawing order (pdf-text.ts): the font's `encode`, its fontkit subset's glyph list,
 *     its `widths` and its `unicode` map;
 *   - a page's operators reach the page as one chunk (pdf-page-buffer.ts): the document's
 *     `addContent` and `flushPages`, the page's content stream;
 *   - text operators are written directly (pdf-text-ops.ts): the current font and size, the page's
 *     font resources.
 * The other files reach these only through the accessors below. pdfkit and fontkit are pinned
 * exactly in server/package.json to the versions this file was written for; `ensurePdfkitInternals`
 * checks once per process, on a real document with the report font, that every field is still there
 * with the shape used here, and the tests run the same check: an upgrade that moves one fails the
 * tests (and, at worst, every PDF export, with a message naming the field) instead of writing wrong files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** The versions this file was written for: pinned exactly in server/package.json. */
export const PDFKIT_VERSION = '0.20.2';
export const FONTKIT_VERSION = '2.0.4';

/** A glyph as fontkit lays it out: the fields the PDF writer reads. */
export interface GlyphRecord {
  id: number;
  /** In font units. */
  advanceWidth: number;
  /** The characters the glyph stands for (several for a ligature). */
  codePoints: number[];
}

/** Where the font engine put a glyph, in thousandths of the font size; `advanceWidth` is the glyph's own advance. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** A laid-out word as the PDF writer uses it: glyphs, positions and total advance, in thousandths of the font size. */
export interface LaidOutRun {
  glyphs: readonly GlyphRecord[];
  positions: readonly GlyphPosition[];
  advanceWidth: number;
}

/** Glyph codes (four hex digits each: character ids of the font subset) and their positions. */
export type EncodedText = [string[], GlyphPosition[]];

/** pdfkit's EmbeddedFont, as far as the exports use it. */
interface EmbeddedFont {
  /** The font's resource name on a page (F1, F2…). */
  id: string;
  /** In thousandths of the font size. */
  ascender: number;
  encode(text: string, features?: unknown): EncodedText;
  /** The font's PDF object, created on first use. */
  ref(): unknown;
  /** Shapes one string (no cache). */
  layoutRun(text: string, features?: unknown): LaidOutRun;
  /** Shapes one word through the per-document cache: what measuring and encoding go through. */
  layoutCached(text: string): LaidOutRun;
  /** fontkit's subset: `glyphs[cid]` is the font's glyph id written for that character id. */
  subset: { glyphs: number[] };
  /** Declared width per character id (the PDF's /W array). */
  widths: number[];
  /** Code points per character id (the text layer's ToUnicode map, written at `doc.end()`). */
  unicode: number[][];
}

interface DocumentInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  /** Loaded fonts by name: one font is listed under its alias and under its PostScript name. */
  _fontFamilies: Record<string, EmbeddedFont>;
  /** `content` is the page's content stream (a PDFReference), which keeps its chunks until the page ends. */
  page: { write(chunk: Uint8Array): unknown; fonts: Record<string, unknown>; content: { buffer: unknown[] } };
  addContent(data: string | Uint8Array): unknown;
  flushPages(): void;
}

declare const embeddedFont: unique symbol;
/** One of a document's embedded fonts (pdfkit's EmbeddedFont): pass it to the accessors below. */
export interface PdfFont {
  readonly [embeddedFont]: true;
}

const internalsOf = (doc: PDFKit.PDFDocument) => doc as unknown as DocumentInternals;
const fontOf = (font: PdfFont) => font as unknown as EmbeddedFont;
const handleOf = (font: EmbeddedFont) => font as unknown as PdfFont;

// Fonts ----------------------------------------------------------------------------------------

/** The font `doc.font(name)` last selected. */
export function currentFont(doc: PDFKit.PDFDocument): PdfFont {
  return handleOf(internalsOf(doc)._font);
}

/** The size `doc.fontSize(size)` last set, in points. */
export function currentFontSize(doc: PDFKit.PDFDocument): number {
  return internalsOf(doc)._fontSize;
}

/**
 * Each TrueType or OpenType font loaded into `doc`, once (the writer lists a font under its alias and
 * its PostScript name). The writer's default standard font (Helvetica, never drawn with) is left out.
 */
export function embeddedFonts(doc: PDFKit.PDFDocument): PdfFont[] {
  return [...new Set(Object.values(internalsOf(doc)._fontFamilies))].filter(isEmbedded).map(handleOf);
}

function isEmbedded(font: Partial<EmbeddedFont>): font is EmbeddedFont {
  return Array.isArray(font.subset?.glyphs) && Array.isArray(font.widths) && Array.isArray(font.unicode);
}

/** The font's resource name on the page (F1, F2…). */
export function fontResourceName(font: PdfFont): string {
  return fontOf(font).id;
}

/** The font's ascender in thousandths of the font size: the writer places a line's top, not its baseline, at y. */
export function fontAscender(font: PdfFont): number {
  return fontOf(font).ascender;
}

/** Glyph codes and positions of `text` in `font`, adding its glyphs to the font's subset. */
export function encodeText(font: PdfFont, text: string): EncodedText {
  return fontOf(font).encode(text);
}

/** Lists `font` in the current page's resources, as the writer's text() does on a font's first use on a page. */
export function useFontOnPage(doc: PDFKit.PDFDocument, font: PdfFont): void {
  const embedded = fontOf(font);
  internalsOf(doc).page.fonts[embedded.id] ??= embedded.ref();
}

/**
 * From now on, `font` lays out each word (for measuring and for drawing) through `layout`, which is
 * given the font's own uncached shaping; it replaces the writer's per-document cache of words.
 */
export function replaceWordLayout(font: PdfFont, layout: (text: string, shape: (text: string) => LaidOutRun) => LaidOutRun): void {
  const embedded = fontOf(font);
  const shape = (text: string) => embedded.layoutRun(text);
  embedded.layoutCached = (text: string) => layout(text, shape);
}

/** From now on, `font` encodes text through `encode`, which is given the font's own encoding. */
export function replaceEncoding(
  font: PdfFont,
  encode: (text: string, features: unknown, original: (text: string, features: unknown) => EncodedText) => EncodedText,
): void {
  const embedded = fontOf(font);
  const original = embedded.encode.bind(embedded);
  embedded.encode = (text: string, features?: unknown) => encode(text, features, original);
}

/** The font's glyph id written for character id `cid` of its subset, if there is one. */
export function subsetGlyphId(font: PdfFont, cid: number): number | undefined {
  return fontOf(font).subset.glyphs[cid];
}

/**
 * Adds a character id for the glyph written at `cid`, declared `width` wide (thousandths of the font
 * size) and standing for the same characters: the subset writes the outline again under the new id.
 */
export function addGlyphCopy(font: PdfFont, cid: number, width: number): number {
  const embedded = fontOf(font);
  const glyph = embedded.subset.glyphs[cid];
  if (glyph === undefined) throw new Error(`No glyph at character id ${cid} of font ${embedded.id}`);
  embedded.subset.glyphs.push(glyph);
  const copy = embedded.subset.glyphs.length - 1;
  embedded.widths[copy] = width;
  embedded.unicode[copy] = embedded.unicode[cid] ?? [];
  return copy;
}

/** The font's code points per character id, as the document writes them at `doc.end()`: changes to it are written. */
export function unicodeMap(font: PdfFont): number[][] {
  return fontOf(font).unicode;
}

// Page content ---------------------------------------------------------------------------------

/** From now on, everything drawn on `doc` goes through `addContent`, which is given the writer's own. */
export function replaceAddContent(
  doc: PDFKit.PDFDocument,
  addContent: (data: string | Uint8Array, original: (data: string | Uint8Array) => void) => void,
): void {
  const internals = internalsOf(doc);
  const original = internals.addContent.bind(internals);
  internals.addContent = (data: string | Uint8Array) => {
    addContent(data, original);
    return doc;
  };
}

/** From now on, the writer ends its pages (on `addPage()` and at `end()`) through `flushPages`, which is given the writer's own. */
export function replaceFlushPages(doc: PDFKit.PDFDocument, flushPages: (original: () => void) => void): void {
  const internals = internalsOf(doc);
  const original = internals.flushPages.bind(internals);
  internals.flushPages = () => flushPages(original);
}

/** Appends bytes to the current page's content stream. */
export function writeToPage(doc: PDFKit.PDFDocument, bytes: Uint8Array): void {
  internalsOf(doc).page.write(bytes);
}

/** The list of chunks the current page's content stream holds until the page ends. */
export function pageContentChunks(doc: PDFKit.PDFDocument): unknown[] {
  return internalsOf(doc).page.content.buffer;
}

// The guard ------------------------------------------------------------------------------------

type Kind = 'object' | 'function' | 'number' | 'string' | 'array';

/** A private field or method the exports rely on: where it is, from the document, and what it holds. */
export interface ReliedOnField {
  /** As errors name it. */
  name: string;
  /** Property names, from the document. */
  path: readonly string[];
  kind: Kind;
}

const reliedOn = (dotted: string, kind: Kind): ReliedOnField => ({ name: `PDFDocument.${dotted}`, path: dotted.split('.'), kind });

/** Parents before their fields: a missing parent is reported once, not with each of its fields. */
export const RELIED_ON_FIELDS: readonly ReliedOnField[] = [
  reliedOn('_font', 'object'),
  reliedOn('_font.id', 'string'),
  reliedOn('_font.ascender', 'number'),
  reliedOn('_font.encode', 'function'),
  reliedOn('_font.ref', 'function'),
  reliedOn('_font.layoutRun', 'function'),
  reliedOn('_font.layoutCached', 'function'),
  reliedOn('_font.subset', 'object'),
  reliedOn('_font.subset.glyphs', 'array'),
  reliedOn('_font.widths', 'array'),
  reliedOn('_font.unicode', 'array'),
  reliedOn('_fontSize', 'number'),
  reliedOn('_fontFamilies', 'object'),
  reliedOn('addContent', 'function'),
  reliedOn('flushPages', 'function'),
  reliedOn('page.write', 'function'),
  reliedOn('page.fonts', 'object'),
  reliedOn('page.content', 'object'),
  reliedOn('page.content.buffer', 'array'),
];

const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
};

const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isNumberArray = (value: unknown) => Array.isArray(value) && value.every(isNumber);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const GLYPH_NUMBERS = ['id', 'advanceWidth'] as const;
const POSITION_NUMBERS = ['xAdvance', 'yAdvance', 'xOffset', 'yOffset', 'advanceWidth'] as const;

function positionProblem(position: unknown): string | null {
  if (!isRecord(position)) return `a position that is ${kindOf(position)}`;
  const wrong = POSITION_NUMBERS.filter((key) => !isNumber(position[key]));
  return wrong.length > 0 ? `a position without a numeric ${wrong.join(', ')}` : null;
}

function runProblem(run: unknown): string | null {
  if (!isRecord(run)) return `returned ${kindOf(run)}, expected a glyph run`;
  if (!Array.isArray(run.glyphs) || run.glyphs.length === 0) return 'returned no glyphs array';
  if (!Array.isArray(run.positions) || run.positions.length !== run.glyphs.length) return 'returned no positions matching the glyphs';
  if (!isNumber(run.advanceWidth)) return 'returned no numeric advanceWidth';
  for (const glyph of run.glyphs as unknown[]) {
    if (!isRecord(glyph)) return `returned a glyph that is ${kindOf(glyph)}`;
    const wrong = GLYPH_NUMBERS.filter((key) => !isNumber(glyph[key]));
    if (wrong.length > 0) return `returned a glyph without a numeric ${wrong.join(', ')}`;
    if (!isNumberArray(glyph.codePoints)) return 'returned a glyph without a codePoints array';
  }
  for (const position of run.positions as unknown[]) {
    const problem = positionProblem(position);
    if (problem) return `returned ${problem}`;
  }
  return null;
}

/** Arabic joining forms, a ligature (lam-alef) and kerned Latin: what the reports draw. */
const SAMPLE_WORDS = ['الاهتزاز', 'AVATAR'];

/** Swaps in a counting stand-in for `method` of `owner` while `action` runs; returns how often it was called. */
function countCalls(owner: object, method: string, action: () => void): number {
  const own = Object.getOwnPropertyDescriptor(owner, method);
  const original = Reflect.get(owner, method) as (...args: unknown[]) => unknown;
  let calls = 0;
  Reflect.set(owner, method, (...args: unknown[]) => {
    calls += 1;
    return original.apply(owner, args);
  });
  try {
    action();
  } finally {
    if (own) Object.defineProperty(owner, method, own);
    else Reflect.deleteProperty(owner, method);
  }
  return calls;
}

/** What the exports rely on beyond the fields being there; checked once every field is. */
const BEHAVIOURS: ReadonlyArray<{ name: string; problem: (doc: PDFKit.PDFDocument, internals: DocumentInternals) => string | null }> = [
  {
    name: 'PDFDocument._fontFamilies',
    problem: (_doc, internals) =>
      Object.values(internals._fontFamilies).includes(internals._font) ? null : 'does not list PDFDocument._font',
  },
  {
    name: 'PDFDocument._font.layoutRun()',
    problem: (_doc, internals) => SAMPLE_WORDS.map((word) => runProblem(internals._font.layoutRun(word))).find(Boolean) ?? null,
  },
  {
    name: 'PDFDocument._font.encode()',
    problem: (_doc, internals) => {
      const font = internals._font;
      const result: unknown = font.encode(SAMPLE_WORDS.join(' '));
      if (!Array.isArray(result) || result.length !== 2) return `returned ${kindOf(result)}, expected [codes, positions]`;
      const [codes, positions] = result as unknown[];
      if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string' && /^[0-9a-f]{4}$/.test(code)))
        return 'returned codes that are not four hex digits each';
      if (!Array.isArray(positions) || positions.length !== codes.length) return 'returned no positions matching the codes';
      const problem = (positions as unknown[]).map(positionProblem).find(Boolean);
      if (problem) return `returned ${problem}`;
      for (const code of codes as string[]) {
        const cid = Number.parseInt(code, 16);
        if (!isNumber(font.subset.glyphs[cid])) return `did not add character id ${cid} to PDFDocument._font.subset.glyphs`;
        if (!isNumber(font.widths[cid])) return `did not declare a width for character id ${cid} in PDFDocument._font.widths`;
        if (!isNumberArray(font.unicode[cid])) return `did not map character id ${cid} in PDFDocument._font.unicode`;
      }
      return null;
    },
  },
  {
    name: 'PDFDocument._font.layoutCached()',
    problem: (doc, internals) => {
      if (countCalls(internals._font, 'layoutCached', () => doc.widthOfString('measured')) === 0)
        return 'is not what widthOfString() lays words out with';
      if (countCalls(internals._font, 'layoutCached', () => internals._font.encode('encoded')) === 0)
        return 'is not what encode() lays words out with';
      return null;
    },
  },
  {
    name: 'PDFDocument._font.ref()',
    problem: (_doc, internals) => (isRecord(internals._font.ref()) ? null : 'does not return the font’s PDF object'),
  },
  {
    name: 'PDFDocument.addContent()',
    problem: (doc, internals) => {
      const before = internals.page.content.buffer.length;
      doc.addContent(new Uint8Array([0x20]));
      return internals.page.content.buffer.length === before + 1 ? null : 'does not append to PDFDocument.page.content.buffer';
    },
  },
  {
    name: 'PDFDocument.page.write()',
    problem: (_doc, internals) => {
      const before = internals.page.content.buffer.length;
      internals.page.write(new Uint8Array([0x20]));
      return internals.page.content.buffer.length === before + 1 ? null : 'does not append to PDFDocument.page.content.buffer';
    },
  },
  {
    name: 'PDFDocument.flushPages()',
    problem: (doc, internals) =>
      countCalls(internals, 'flushPages', () => doc.addPage()) === 1 ? null : 'is not what addPage() ends the previous page with',
  },
];

function fieldProblems(doc: PDFKit.PDFDocument): string[] {
  const problems: string[] = [];
  const broken: string[] = [];
  for (const { name, path: keys, kind } of RELIED_ON_FIELDS) {
    if (broken.some((parent) => name.startsWith(`${parent}.`))) continue;
    let value: unknown = doc;
    for (const key of keys) value = isRecord(value) || typeof value === 'function' ? Reflect.get(value, key) : undefined;
    const actual = kindOf(value);
    if (actual === kind) continue;
    broken.push(name);
    problems.push(value === undefined ? `${name}: missing (expected ${kind})` : `${name}: is ${actual}, expected ${kind}`);
  }
  return problems;
}

/** The version in the manifest of the installed package `name`, looked up from the file its import resolves to. */
function installedVersion(from: string, name: string): string {
  try {
    let directory = path.dirname(createRequire(from).resolve(name));
    for (;;) {
      try {
        const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name) return manifest.version ?? 'unknown';
      } catch {
        // No manifest in this folder: look further up.
      }
      const parent = path.dirname(directory);
      if (parent === directory) return 'unknown';
      directory = parent;
    }
  } catch {
    return 'unknown';
  }
}

/** The installed pdfkit, and the fontkit that pdfkit loads. */
export function installedPdfkitVersions(): { pdfkit: string; fontkit: string } {
  let pdfkitEntry: string;
  try {
    pdfkitEntry = createRequire(import.meta.url).resolve('pdfkit');
  } catch {
    return { pdfkit: 'unknown', fontkit: 'unknown' };
  }
  return { pdfkit: installedVersion(import.meta.url, 'pdfkit'), fontkit: installedVersion(pdfkitEntry, 'fontkit') };
}

export class PdfkitInternalsError extends Error {
  constructor(readonly problems: readonly string[]) {
    const installed = installedPdfkitVersions();
    super(
      [
        'The PDF export relies on private fields of pdfkit and fontkit that the installed versions do not have as expected.',
        `server/src/modules/use-cases/export/pdf-internals.ts was written for pdfkit ${PDFKIT_VERSION} with fontkit ${FONTKIT_VERSION} ` +
          `(pinned exactly in server/package.json); installed: pdfkit ${installed.pdfkit}, fontkit ${installed.fontkit}.`,
        ...problems.map((problem) => `  - ${problem}`),
        'Adapt pdf-internals.ts to the installed versions, or install the pinned ones, before exporting PDFs.',
      ].join('\n'),
    );
    this.name = 'PdfkitInternalsError';
  }
}

/**
 * The guard: checks on `doc` every private field and method the exports rely on, and throws one error
 * naming each that is missing or changed. `doc` is a document whose current font is an embedded
 * TrueType font, and is of no further use: the check draws in it.
 */
export function assertPdfkitInternals(doc: PDFKit.PDFDocument): void {
  const problems = fieldProblems(doc);
  if (problems.length === 0) {
    const internals = internalsOf(doc);
    for (const { name, problem } of BEHAVIOURS) {
      let found: string | null;
      try {
        found = problem(doc, internals);
      } catch (error) {
        found = `threw ${error instanceof Error ? error.message : String(error)}`;
      }
      if (found) problems.push(`${name}: ${found}`);
    }
  }
  if (problems.length > 0) throw new PdfkitInternalsError(problems);
}

/** A throwaway document with `fontFile` (a TrueType font) registered and selected, to run the guard on. */
export function samplePdfkitDocument(fontFile: Buffer): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4' });
  doc.registerFont('sample', fontFile);
  doc.font('sample');
  return doc;
}

let verdict: { ok: true } | { ok: false; error: Error } | undefined;

/** Runs the guard once per process, on a fresh document with the font `fontFile()` reads; later calls repeat its verdict. */
export function ensurePdfkitInternals(fontFile: () => Buffer): void {
  if (!verdict) {
    try {
      assertPdfkitInternals(samplePdfkitDocument(fontFile()));
      verdict = { ok: true };
    } catch (error) {
      verdict = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }
  if (!verdict.ok) throw verdict.error;
}
