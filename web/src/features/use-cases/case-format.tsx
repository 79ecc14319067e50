import { OUTCOME_FIELDS, type OutcomeField } from '@p2p/contracts';
import type { Language } from '@p2p/contracts/enums';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { formatMonths, formatSar } from './use-case-labels.js';
import { formatPercent } from '../../lib/format.js';

const dateLocale = (language: Language) => (language === 'ar' ? 'ar-SA-u-nu-latn-ca-gregory' : 'en-GB');

export const listSeparator = (language: Language) => (language === 'ar' ? '، ' : ', ');

/** An outcome with its unit, as a figure tile shows it: "35%", "8 months", "SAR 1,200,000", "SAR 300,000 a year". */
export function formatOutcome(t: TFunction, field: OutcomeField, value: number, language: Language): string {
  switch (OUTCOME_FIELDS[field].unit) {
    case '%':
      return formatPercent(value / 100, language, 1);
    case 'months':
      return formatMonths(value, language);
    case 'SAR':
      return formatSar(value, language);
    case 'SAR/year':
      return t('useCase.outcomes.perYear', { value: formatSar(value, language) });
  }
}

/** A calendar day; YYYY-MM-DD days are read at noon UTC so no time zone moves them to the day before. */
export function formatDay(date: string, language: Language, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }) {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : new Date(date);
  return new Intl.DateTimeFormat(dateLocale(language), { ...options, timeZone: 'UTC' }).format(value);
}

export function formatDateTime(value: string, language: Language) {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/**
 * The language of a piece of user-written text, judged by its first letter: Arabic script → "ar",
 * Latin → "en". Cases are often written in one language only, whatever the interface language is.
 */
export function textLang(text: string | null | undefined): 'ar' | 'en' | undefined {
  const first = text?.match(/\p{L}/u)?.[0];
  if (!first) return undefined;
  return /\p{Script=Arabic}/u.test(first) ? 'ar' : 'en';
}

/** Text in Arabic, marked as such so screen readers pronounce it and the browser lays it out right to left. */
export function ArabicText({
  as: Tag = 'span',
  className,
  children,
}: {
  as?: 'span' | 'p' | 'div';
  className?: string;
  children: ReactNode;
}) {
  return (
    <Tag lang="ar" dir="rtl" className={className}>
      {children}
    </Tag>
  );
}
