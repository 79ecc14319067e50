import type { ExtraOutcome } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { optionalAuthorShape, organizationJoin } from '../../people/index.js';

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

/** The joins SUMMARY_COLUMNS needs after `from use_cases uc`: the case's company as `o`. */
export const SUMMARY_JOINS: SQL = organizationJoin(sql`uc.organization_id`, 'o');

/** The row SUMMARY_COLUMNS selects. */
export const summaryRow = row({
  id: col.text,
  title: col.text,
  title_ar: col.textOrNull,
  summary: col.text,
  summary_ar: col.textOrNull,
  category: col.text,
  industry: col.text,
  technologies: col.array<string>(),
  tags: col.array<string>(),
  roi_percent: col.numericOrNull,
  payback_months: col.numericOrNull,
  investment_sar: col.numericOrNull,
  annual_savings_sar: col.numericOrNull,
  city: col.textOrNull,
  region: col.textOrNull,
  country: col.text,
  latitude: col.floatOrNull,
  longitude: col.floatOrNull,
  organization_id: col.text,
  visibility: col.text,
  status: col.text,
  featured: col.boolean,
  verified: col.boolean,
  hidden: col.boolean,
  views_count: col.integer,
  likes_count: col.integer,
  saves_count: col.integer,
  published_at: col.timestampOrNull,
  created_at: col.timestamp,
  updated_at: col.timestamp,
  o_name: col.text,
  o_name_ar: col.textOrNull,
  o_logo_file_id: col.textOrNull,
  cover_file_id: col.textOrNull,
});
export type SummaryRow = RowOf<typeof summaryRow>;

/** A list row with its distance from a point (radius searches and nearby cases), in km. */
export const distanceSummaryRow = row({ ...summaryRow, distance_km: col.float });

/** The columns outcomesOf reads beyond SUMMARY_COLUMNS. */
export const OUTCOME_COLUMNS = sql.raw(`uc.efficiency_gain_percent, uc.quality_improvement_percent, uc.downtime_reduction_percent,
  uc.energy_savings_percent, uc.extra_outcomes, uc.implementation_months, uc.vendors`);

/** The row OUTCOME_COLUMNS selects. */
export const outcomeRow = row({
  efficiency_gain_percent: col.numericOrNull,
  quality_improvement_percent: col.numericOrNull,
  downtime_reduction_percent: col.numericOrNull,
  energy_savings_percent: col.numericOrNull,
  extra_outcomes: col.json<ExtraOutcome[] | string>(),
  implementation_months: col.numericOrNull,
  vendors: col.array<string>(),
});
export type OutcomeRow = RowOf<typeof outcomeRow>;

/** The columns people's authorColumns(userAlias, organizationAlias) selects, all null for a left join that found no one. */
export const authorRow = optionalAuthorShape();

/** `count(*) as n`. */
export const countRow = row({ n: col.bigint });
