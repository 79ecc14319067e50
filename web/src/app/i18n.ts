import { INDUSTRY_LABELS, type Industry, type Language } from '@p2p/contracts/enums';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from '../locales/ar.js';
import { en } from '../locales/en.js';

export const LANGUAGE_STORAGE_KEY = 'p2p.language';

export function detectLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (stored === 'en' || stored === 'ar') return stored;
  } catch {
    /* storage may be unavailable */
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/** Sets the language everywhere it shows: i18next, <html lang/dir>, and the remembered choice. */
export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    /* ignore */
  }
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export function initI18n(language: Language = detectLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { en: { translation: en }, ar: { translation: ar } },
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  return i18next;
}

export const currentLanguage = (): Language => (i18next.language === 'ar' ? 'ar' : 'en');

export const industryLabel = (industry: Industry, language: Language) => INDUSTRY_LABELS[industry][language];
