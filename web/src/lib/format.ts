import type { Language } from '@p2p/contracts/enums';

/** Arabic with Latin digits, as the whole app writes numbers. */
const numberLocale = (language: Language) => (language === 'ar' ? 'ar-SA-u-nu-latn' : 'en');

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1536 → "1.5 KB" (or its Arabic form), using the browser's own unit names. */
export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(numberLocale(language), {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(numberLocale(language), options).format(value);
}

/** A share as a percentage: 0.35 → "35%" (Arabic "35٪"). */
export function formatPercent(share: number, language: Language, maximumFractionDigits = 0): string {
  return formatNumber(share, language, { style: 'percent', maximumFractionDigits });
}

export function formatDate(value: string | Date, language: Language, withTime = false): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 hours ago" / "منذ ٣ ساعات", from the browser's own wording. */
export function formatRelative(value: string | Date, language: Language, now: Date = new Date()): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  let amount = (date.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(numberLocale(language), { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

/** A company's name in the interface language when it has one there. */
export const organizationName = (organization: { name: string; nameAr: string | null }, language: Language) =>
  language === 'ar' && organization.nameAr ? organization.nameAr : organization.name;
