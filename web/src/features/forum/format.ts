import type { ForumAuthor, ForumCategory } from '@p2p/contracts';
import type { Language } from '@p2p/contracts/enums';

const locale = (language: Language) => (language === 'ar' ? 'ar-SA-u-nu-latn' : 'en');

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
  const format = new Intl.RelativeTimeFormat(locale(language), { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export const categoryName = (category: Pick<ForumCategory, 'nameEn' | 'nameAr'>, language: Language) =>
  language === 'ar' ? category.nameAr : category.nameEn;

export const categoryDescription = (category: Pick<ForumCategory, 'descriptionEn' | 'descriptionAr'>, language: Language) =>
  (language === 'ar' ? (category.descriptionAr ?? category.descriptionEn) : (category.descriptionEn ?? category.descriptionAr)) ?? null;

export const organizationName = (organization: Pick<ForumAuthor['organization'], 'name' | 'nameAr'>, language: Language) =>
  language === 'ar' && organization.nameAr ? organization.nameAr : organization.name;
