import type {
  ExtraOutcome,
  Industry,
  SaudiRegion,
  UseCaseCategory,
  UseCaseOutcomes,
  UseCaseStatus,
  UseCaseSummary,
  UseCaseVisibility,
} from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../platform/time.js';
import { fileUrlOrNull } from '../../platform/file-url.js';

/**
 * The columns a list row selects: the case `uc`, its organization `o` and its first image. Every
 * list, search and export query selects these and maps them with toSummary.
 */
export const SUMMARY_COLUMNS = sql.raw(`uc.id, uc.title, uc.title_ar, uc.summary, uc.summary_ar, uc.category, uc.industry,
  uc.technologies, uc.tags, uc.roi_percent, uc.payback_months, uc.investment_sar, uc.annual_savings_sar,
  uc.city, uc.region, uc.country, uc.latitude, uc.longitude, uc.organization_id, uc.visibility, uc.status,
  uc.featured, uc.verified, uc.hidden_at is not null as hidden, uc.views_count, uc.likes_count, uc.saves_count,
  uc.published_at, uc.created_at, uc.updated_at,
  o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id,
  (select f.file_id from use_case_files f where f.use_case_id = uc.id and f.kind = 'image' order by f.position limit 1) as cover_file_id`);

/** The joins SUMMARY_COLUMNS needs after `from use_cases uc`. */
export const SUMMARY_JOINS = sql.raw('join organizations o on o.id = uc.organization_id');

export type SummaryRow = Record<string, unknown>;

/** numeric comes back as a string from node-postgres and PGlite alike; null stays null. */
export function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function toSummary(row: SummaryRow): UseCaseSummary {
  const summary: UseCaseSummary = {
    id: row.id as string,
    title: row.title as string,
    titleAr: (row.title_ar as string | null) ?? null,
    summary: row.summary as string,
    summaryAr: (row.summary_ar as string | null) ?? null,
    category: row.category as UseCaseCategory,
    industry: row.industry as Industry,
    technologies: (row.technologies as string[] | null) ?? [],
    tags: (row.tags as string[] | null) ?? [],
    roiPercent: numberOrNull(row.roi_percent),
    paybackMonths: numberOrNull(row.payback_months),
    investmentSar: numberOrNull(row.investment_sar),
    annualSavingsSar: numberOrNull(row.annual_savings_sar),
    location: {
      city: (row.city as string | null) ?? null,
      region: (row.region as SaudiRegion | null) ?? null,
      country: row.country as string,
      latitude: numberOrNull(row.latitude),
      longitude: numberOrNull(row.longitude),
    },
    organization: {
      id: row.organization_id as string,
      name: row.o_name as string,
      nameAr: (row.o_name_ar as string | null) ?? null,
      logoUrl: fileUrlOrNull(row.o_logo_file_id as string | null),
    },
    visibility: row.visibility as UseCaseVisibility,
    status: row.status as UseCaseStatus,
    featured: Boolean(row.featured),
    verified: Boolean(row.verified),
    hidden: Boolean(row.hidden),
    viewsCount: Number(row.views_count),
    likesCount: Number(row.likes_count),
    savesCount: Number(row.saves_count),
    coverImageUrl: fileUrlOrNull(row.cover_file_id as string | null),
    publishedAt: isoOrNull(row.published_at as Date | string | null),
    createdAt: iso(row.created_at as Date | string),
    updatedAt: iso(row.updated_at as Date | string),
  };
  if ('distance_km' in row) summary.distanceKm = numberOrNull(row.distance_km);
  return summary;
}

/** The columns outcomesOf reads beyond SUMMARY_COLUMNS. */
export const OUTCOME_COLUMNS = sql.raw(`uc.efficiency_gain_percent, uc.quality_improvement_percent, uc.downtime_reduction_percent,
  uc.energy_savings_percent, uc.extra_outcomes, uc.implementation_months, uc.vendors`);

/** Every outcome, the further ones, implementation time and vendors of a row that selected OUTCOME_COLUMNS. */
export function outcomesOf(
  row: SummaryRow,
  summary: UseCaseSummary,
): { outcomes: UseCaseOutcomes; extraOutcomes: ExtraOutcome[]; implementationMonths: number | null; vendors: string[] } {
  const extra = row.extra_outcomes;
  return {
    outcomes: {
      roiPercent: summary.roiPercent,
      paybackMonths: summary.paybackMonths,
      investmentSar: summary.investmentSar,
      annualSavingsSar: summary.annualSavingsSar,
      efficiencyGainPercent: numberOrNull(row.efficiency_gain_percent),
      qualityImprovementPercent: numberOrNull(row.quality_improvement_percent),
      downtimeReductionPercent: numberOrNull(row.downtime_reduction_percent),
      energySavingsPercent: numberOrNull(row.energy_savings_percent),
    },
    extraOutcomes: (typeof extra === 'string' ? JSON.parse(extra) : (extra ?? [])) as ExtraOutcome[],
    implementationMonths: numberOrNull(row.implementation_months),
    vendors: (row.vendors as string[] | null) ?? [],
  };
}
