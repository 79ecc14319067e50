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
 * The typed words as a prefix query on titles: every word must start a title word, by
 * its stem, so "pump" and "pumps" and "صيانه" complete as expected. Null when nothing word-like was typed.
 */
export function titlePrefixQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 8);
  return words?.length ? words.map((word) => `'${word}':*`).join(' & ') : null;
}

/** The periods of trending searches, as PostgreSQL intervals. */
export const TRENDING_INTERVALS = { day: '1 day', week: '7 days', month: '30 days' } as const;
