import { describe, expect, it } from 'vitest';
import { ar } from '../src/locales/ar.js';
import { en } from '../src/locales/en.js';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of leaves(child, path)) out.set(k, v);
  }
  return out;
}

describe('translations', () => {
  const english = leaves(en);
  const arabic = leaves(ar);

  it('has the same keys in English and Arabic', () => {
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty string and keeps every interpolation variable', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(arabic.get(key)!), key).toEqual(vars(text));
    }
  });

  it('is really translated: Arabic strings use Arabic script', () => {
    const untranslated = [...arabic].filter(([key, text]) => !/[\u0600-\u06FF]/.test(text) && !['common.appName', 'nav.switchTo'].includes(key));
    expect(untranslated).toEqual([]);
  });
});
