import {
  findPlace,
  INDUSTRY_LABELS,
  OUTCOME_FIELDS,
  OUTCOME_KEYS,
  type OutcomeField,
  REGION_LABELS,
  USE_CASE_CATEGORY_LABELS,
  type UseCase,
} from '@p2p/contracts';
import { formatDateTime } from './export-fields.js';

/** What the single-case exports (Markdown and PDF) show, worked out once for both. */

const OUTCOME_LABELS: Record<OutcomeField, string> = {
  roiPercent: 'Return on investment',
  paybackMonths: 'Payback period',
  investmentSar: 'Investment',
  annualSavingsSar: 'Annual savings',
  efficiencyGainPercent: 'Efficiency gain',
  qualityImprovementPercent: 'Quality improvement',
  downtimeReductionPercent: 'Downtime reduction',
  energySavingsPercent: 'Energy savings',
};

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function withUnit(value: number, unit: string): string {
  const text = numberFormat.format(value);
  if (unit === '%') return `${text}%`;
  if (unit === 'months') return `${text} ${value === 1 ? 'month' : 'months'}`;
  return unit ? `${text} ${unit}` : text;
}

/** The measured figures, in the contract's order, then the case's own ones; unreported figures are left out. */
export function caseFigures(useCase: Pick<UseCase, 'outcomes' | 'implementationMonths' | 'extraOutcomes'>): Array<[string, string]> {
  const figures: Array<[string, string]> = [];
  for (const key of OUTCOME_KEYS) {
    const value = useCase.outcomes[key];
    if (value !== null) figures.push([OUTCOME_LABELS[key], withUnit(value, OUTCOME_FIELDS[key].unit)]);
  }
  if (useCase.implementationMonths !== null) figures.push(['Implementation time', withUnit(useCase.implementationMonths, 'months')]);
  for (const extra of useCase.extraOutcomes) figures.push([extra.label, withUnit(extra.value, extra.unit)]);
  return figures;
}

/** The company line: its name, its Arabic name and its industry. */
export function companyLine(useCase: Pick<UseCase, 'company'>): string {
  const { company } = useCase;
  const names = company.nameAr ? `${company.name} — ${company.nameAr}` : company.name;
  return company.industry ? `${names} · ${INDUSTRY_LABELS[company.industry].en}` : names;
}

export function caseLocation(useCase: Pick<UseCase, 'location'>): Array<[string, string]> {
  const { location } = useCase;
  const place = findPlace(location.city);
  const lines: Array<[string, string]> = [];
  if (location.city) lines.push(['City', place ? `${place.en} — ${place.ar}` : location.city]);
  if (location.region) lines.push(['Region', `${REGION_LABELS[location.region].en} — ${REGION_LABELS[location.region].ar}`]);
  lines.push(['Country', location.country]);
  if (location.latitude !== null && location.longitude !== null) lines.push(['Coordinates', `${location.latitude}, ${location.longitude}`]);
  return lines;
}

/** Category, industry, dates and status, as label/value pairs. */
export function caseDetails(useCase: UseCase): Array<[string, string]> {
  const details: Array<[string, string]> = [
    ['Category', `${USE_CASE_CATEGORY_LABELS[useCase.category].en} — ${USE_CASE_CATEGORY_LABELS[useCase.category].ar}`],
    ['Industry', `${INDUSTRY_LABELS[useCase.industry].en} — ${INDUSTRY_LABELS[useCase.industry].ar}`],
    ['Status', [useCase.status, useCase.verified ? 'verified' : null, useCase.featured ? 'featured' : null].filter(Boolean).join(', ')],
  ];
  if (useCase.publishedAt) details.push(['Published (UTC)', formatDateTime(new Date(useCase.publishedAt))]);
  if (useCase.author) details.push(['Author', useCase.author.name]);
  return details;
}

/** Technologies, tags and vendors that the case lists. */
export function caseTerms(useCase: Pick<UseCase, 'technologies' | 'tags' | 'vendors'>): Array<[string, string]> {
  const terms: Array<[string, string]> = [];
  if (useCase.technologies.length > 0) terms.push(['Technologies', useCase.technologies.join(', ')]);
  if (useCase.vendors.length > 0) terms.push(['Vendors', useCase.vendors.join(', ')]);
  if (useCase.tags.length > 0) terms.push(['Tags', useCase.tags.join(', ')]);
  return terms;
}

export const CASE_SECTIONS = [
  ['Challenge', 'challenge'],
  ['Solution', 'solution'],
  ['Results', 'results'],
] as const satisfies ReadonlyArray<readonly [string, keyof UseCase]>;
