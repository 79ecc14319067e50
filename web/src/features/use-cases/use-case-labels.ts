import {
  INDUSTRY_LABELS,
  REGION_LABELS,
  REPORT_REASON_LABELS,
  USE_CASE_CATEGORY_LABELS,
  findPlace,
  type UseCaseSummary,
} from '@p2p/contracts';
import type { Language } from '@p2p/contracts/enums';
import { formatNumber } from '../../lib/format.js';

// The label helpers take any string: a known value gets its label in the language, anything else (a
// value from the address bar, a facet the server added) is shown as it is.
function isKey<T extends string>(labels: Record<T, unknown>, value: string): value is T {
  return Object.prototype.hasOwnProperty.call(labels, value);
}

export function categoryLabel(category: string, language: Language): string {
  return isKey(USE_CASE_CATEGORY_LABELS, category) ? USE_CASE_CATEGORY_LABELS[category][language] : category;
}

export function industryLabel(industry: string, language: Language): string {
  return isKey(INDUSTRY_LABELS, industry) ? INDUSTRY_LABELS[industry][language] : industry;
}

export function regionLabel(region: string, language: Language): string {
  return isKey(REGION_LABELS, region) ? REGION_LABELS[region][language] : region;
}

export function reportReasonLabel(reason: string, language: Language): string {
  return isKey(REPORT_REASON_LABELS, reason) ? REPORT_REASON_LABELS[reason][language] : reason;
}

/** A city as stored on a case: a SAUDI_PLACES slug gets its name in the language, a free name stays as written. */
export function placeLabel(city: string | null | undefined, language: Language): string {
  if (!city) return '';
  const place = findPlace(city);
  return place ? place[language] : city;
}

/** "Jeddah, Makkah Region" from whatever part of the location is known. */
export function locationLabel(location: UseCaseSummary['location'], language: Language): string {
  const parts = [placeLabel(location.city, language), location.region ? regionLabel(location.region, language) : ''].filter(
    (part) => part.length > 0,
  );
  return parts.join(language === 'ar' ? '، ' : ', ');
}

/** The case's title in the interface language when it has one there. */
export function caseTitle(useCase: Pick<UseCaseSummary, 'title' | 'titleAr'>, language: Language): string {
  return language === 'ar' && useCase.titleAr ? useCase.titleAr : useCase.title;
}

export function caseSummary(useCase: Pick<UseCaseSummary, 'summary' | 'summaryAr'>, language: Language): string {
  return language === 'ar' && useCase.summaryAr ? useCase.summaryAr : useCase.summary;
}

/** Saudi riyals; `compact` shortens large sums ("SAR 1.2M", "1.2 مليون ر.س."). */
export function formatSar(value: number, language: Language, { compact = false }: { compact?: boolean } = {}): string {
  return formatNumber(value, language, {
    style: 'currency',
    currency: 'SAR',
    ...(compact
      ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  });
}

export function formatMonths(value: number, language: Language): string {
  return formatNumber(value, language, { style: 'unit', unit: 'month', unitDisplay: 'long', maximumFractionDigits: 1 });
}

export function formatKm(value: number, language: Language): string {
  return formatNumber(value, language, {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  });
}
