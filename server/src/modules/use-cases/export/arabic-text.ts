import bidiFactory from 'bidi-js';

/**
 * Right-to-left text for PDF drawing. The PDF writer shapes Arabic through the embedded font, and the
 * font engine lays out one string in one direction: a mixed line such as "خط تعبئة PLC Siemens S7"
 * would come out with the Latin words reversed. So each line goes through the Unicode bidirectional
 * algorithm first and is drawn as pieces, each in a single direction, placed left to right.
 */

const bidi = bidiFactory();

const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

export type TextDirection = 'ltr' | 'rtl';

/** A stretch of a line at one direction, as the bidi algorithm orders it. */
export interface VisualRun {
  /**
   * For `rtl` runs: the characters in logical order (mirrored brackets already swapped); the font
   * engine shapes them and lays them out right to left. For `ltr` runs: the characters as drawn.
   */
  text: string;
  rtl: boolean;
  /** Where the run starts in the line's logical order. */
  start: number;
}

/** Something to draw at the next x position: a left-to-right run, or one word (or space) of a right-to-left run. */
export interface Piece {
  text: string;
  /** Logical position in the line: pieces are written to the file in this order (see Typesetter.drawLine). */
  start: number;
}

export function hasArabic(text: string): boolean {
  return STRONG_RTL.test(text);
}

/** The paragraph direction from its first strong character (rule P2), left to right when there is none. */
export function paragraphDirection(text: string): TextDirection {
  if (!STRONG_RTL.test(text)) return 'ltr';
  for (const character of text) {
    const type = bidi.getBidiCharTypeName(character);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return 'ltr';
}

/**
 * Splits one line (no line breaks inside) into runs in visual order, left to right. `direction` is the
 * paragraph's direction, so that every line of a wrapped paragraph is ordered the same way.
 */
export function visualRuns(line: string, direction: TextDirection): VisualRun[] {
  if (line.length === 0) return [];
  if (!STRONG_RTL.test(line) && direction === 'ltr') return [{ text: line, rtl: false, start: 0 }];
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const { levels } = embedding;
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  const order = bidi.getReorderedIndices(line, embedding);

  const runs: VisualRun[] = [];
  let start = 0;
  while (start < order.length) {
    const first = order[start]!;
    const level = levels[first]!;
    const step = level % 2 === 1 ? -1 : 1;
    let end = start + 1;
    while (end < order.length && levels[order[end]!] === level && order[end] === order[end - 1]! + step) end += 1;
    const from = Math.min(first, order[end - 1]!);
    const to = Math.max(first, order[end - 1]!);
    runs.push(makeRun(line, from, to, level % 2 === 1, mirrored));
    start = end;
  }
  return mergeRuns(runs);
}

function makeRun(line: string, from: number, to: number, isRtl: boolean, mirrored: Map<number, string>): VisualRun {
  let logical = '';
  for (let index = from; index <= to; index += 1) logical += mirrored.get(index) ?? line[index];
  if (!isRtl) return { text: logical, rtl: false, start: from };
  // An RTL run with a strong right-to-left letter is laid out right to left by the font engine. A run
  // of neutrals only (spaces, punctuation between two Arabic words and a number) is not: the engine
  // would draw it left to right, so it is reversed here. Code points, not code units, are reversed.
  if (STRONG_RTL.test(logical)) return { text: logical, rtl: true, start: from };
  return { text: reversed(logical), rtl: false, start: from };
}

const reversed = (text: string) => Array.from(text).reverse().join('');

/** Adjacent left-to-right runs are drawn as one (fewer text operations, kerning kept across them). */
function mergeRuns(runs: VisualRun[]): VisualRun[] {
  const merged: VisualRun[] = [];
  for (const run of runs) {
    const previous = merged.at(-1);
    if (previous && !previous.rtl && !run.rtl) {
      previous.text += run.text;
      previous.start = Math.min(previous.start, run.start);
    } else {
      merged.push({ ...run });
    }
  }
  return merged;
}

/**
 * A right-to-left run as pieces placed left to right: its words in reverse order with the spaces
 * between them. Each Arabic word is still handed over in logical order (the font engine shapes it and
 * lays it out right to left); a piece without a right-to-left letter is reversed here. Word by word,
 * the PDF writer lays out each distinct word once and reuses it, instead of shaping every run anew.
 */
export function rtlPieces(run: Pick<VisualRun, 'text' | 'start'>): Piece[] {
  const pieces: Piece[] = [];
  let offset = run.start;
  for (const part of run.text.split(/( +)/)) {
    if (part.length === 0) continue;
    pieces.push({ text: part.startsWith(' ') || STRONG_RTL.test(part) ? part : reversed(part), start: offset });
    offset += part.length;
  }
  return pieces.reverse();
}

/** Everything to draw for one line, left to right on the page. */
export function linePieces(line: string, direction: TextDirection): Piece[] {
  return visualRuns(line, direction).flatMap((run) => (run.rtl ? rtlPieces(run) : [{ text: run.text, start: run.start }]));
}
