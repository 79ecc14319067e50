import type { Highlight } from '@p2p/contracts';

// Search text helpers shared by every module that searches (the forum, the use-case library).

const MARK_START = '\u27E6';
const MARK_END = '\u27E7';
export const HEADLINE_TITLE = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
/** ts_headline options for an excerpt of up to two fragments of `maxWords` words. */
export const headlineExcerpt = (maxWords: number) =>
  `MaxFragments=2, MaxWords=${maxWords}, MinWords=10, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}`;

/** A headline from ts_headline with our markers → text parts, matched words marked. */
export function toHighlight(marked: string): Highlight {
  const parts: Highlight = [];
  const pattern = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');
  let last = 0;
  for (const match of marked.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: marked.slice(last, match.index), mark: false });
    parts.push({ text: match[1]!, mark: true });
    last = match.index + match[0].length;
  }
  if (last < marked.length) parts.push({ text: marked.slice(last), mark: false });
  return parts.filter((part) => part.text.length > 0);
}

/**
 * p2p_fold_arabic (migrations 0004 and 0007) in JavaScript, applied where search text is cut into words
 * here: harakat and other marks (U+064B–U+065F), superscript alef and tatweel removed; alef variants
 * أ إ آ ٱ → ا, ى → ي, ؤ → و, ئ → ي; every ة → ه, then a word-final ه → ة. Letter case is untouched.
 */
export function foldArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ه(?=[^\u0621-\u064A]|$)/g, 'ة');
}

/** At most this many typed words are completed. */
const PREFIX_WORDS_MAX = 8;

/**
 * The words of a search text as the index sees them: folded first (so a word written with harakat or
 * tatweel stays one word) and lower-cased, then cut at everything that is not a letter or digit. A
 * word that folds to nothing (tatweel alone, harakat alone) is no word; punctuation is none either.
 */
export function searchWords(q: string): string[] {
  return foldArabic(q.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The typed words as a prefix query on titles (the folded title vector): every word must start a
 * title word, by its stem, so "pump" and "pumps" and "صيانه" complete as expected. Null when nothing
 * word-like was typed: an empty quoted term is a tsquery syntax error.
 */
export function titlePrefixQuery(q: string): string | null {
  const words = searchWords(q).slice(0, PREFIX_WORDS_MAX);
  return words.length > 0 ? words.map((word) => `'${word}':*`).join(' & ') : null;
}

/** The periods of trending searches, as PostgreSQL intervals. */
export const TRENDING_INTERVALS = { day: '1 day', week: '7 days', month: '30 days' } as const;
