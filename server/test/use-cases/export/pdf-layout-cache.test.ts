import { describe, expect, it } from 'vitest';
import { LayoutCache } from '../../../src/modules/use-cases/export/pdf-layout-cache.js';

const fill = (cache: LayoutCache<string>, words: string[]) => words.forEach((word) => cache.set(word, word.toUpperCase()));

describe('word layouts kept across reports', () => {
  it('never holds more than its limit', () => {
    const cache = new LayoutCache<string>(8);
    for (let report = 0; report < 5; report += 1) {
      cache.startReport();
      fill(
        cache,
        Array.from({ length: 7 }, (_, index) => `r${report}w${index}`),
      );
      expect(cache.size).toBeLessThanOrEqual(8);
    }
    expect(cache.get('r4w6')).toBe('R4W6');
  });

  it('when full, drops the words the last two reports did not use and keeps the ones they did', () => {
    const cache = new LayoutCache<string>(8);
    cache.startReport();
    fill(cache, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    cache.startReport();
    expect(cache.get('a')).toBe('A');
    cache.startReport();
    expect(cache.get('h')).toBe('H');
    cache.set('i', 'I');
    // "a" was used by the report before this one, "h" by this one; the rest only by the first.
    expect(cache.size).toBe(3);
    expect(['a', 'h', 'i'].map((word) => cache.get(word))).toEqual(['A', 'H', 'I']);
    expect(cache.get('b')).toBeUndefined();
  });

  it('when the last two reports alone filled it, drops the oldest until a quarter is free', () => {
    const cache = new LayoutCache<string>(8);
    cache.startReport();
    fill(cache, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    cache.set('i', 'I');
    expect(cache.size).toBe(7);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe('C');
    expect(cache.get('i')).toBe('I');
  });
});
