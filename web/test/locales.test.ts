import { describe, expect, it } from 'vitest';
import { ar } from '../src/locales/ar.js';
import { en } from '../src/locales/en.js';
import { initI18n } from '../src/app/i18n.js';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of leaves(child, path)) out.set(k, v);
  }
  return out;
}

// Names that stay in their own script in both languages.
const LATIN_BY_DESIGN = ['common.appName', 'nav.switchTo', 'profile.english'];

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

  it('renders every string in Arabic for any count (Arabic has six plural forms)', async () => {
    const i18n = initI18n('ar');
    await i18n.changeLanguage('ar');
    // Plural keys are asked for by their base name, as the app does, so every Arabic form is exercised.
    const keys = new Set([...english.keys()].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
    for (const key of keys) {
      for (const count of [0, 1, 2, 3, 11, 30, 100]) {
        const text = i18n.t(key, { count, email: 'a@b.c', date: '1', name: 'x', id: '1', ip: '1', browser: 'b', os: 'o' });
        if (!LATIN_BY_DESIGN.includes(key)) expect(text, `${key} (${count})`).toMatch(/[\u0600-\u06FF]/);
      }
    }
  });

  it('is really translated: Arabic strings use Arabic script', () => {
    const untranslated = [...arabic].filter(([key, text]) => !/[\u0600-\u06FF]/.test(text) && !LATIN_BY_DESIGN.includes(key));
    expect(untranslated).toEqual([]);
  });
});
