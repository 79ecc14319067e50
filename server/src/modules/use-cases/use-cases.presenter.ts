import type {
  ExtraOutcome,
  Industry,
  SaudiRegion,
  UseCase,
  UseCaseCategory,
  UseCaseFile,
  UseCaseOutcomes,
  UseCaseStatus,
  UseCaseSummary,
  UseCaseVisibility,
} from '@p2p/contracts';
import { iso, isoOrNull } from '../../platform/time.js';
import { toNumber } from '../../platform/db.js';
import { fileUrl, fileUrlOrNull } from '../../platform/file-url.js';
import { authorFrom } from '../people/index.js';
import type { OutcomeRow, SummaryRow } from './queries/case-rows.js';
import type { CaseFileJson, CasePageRow } from './queries/case.queries.js';
import { type CaseAccessRow, type CaseReader, isCaseOwner } from './use-cases.reader.js';

/** numeric comes back as a string from node-postgres and PGlite alike; null stays null. */
export function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function toSummary(row: SummaryRow & { distance_km?: number | null }): UseCaseSummary {
  const summary: UseCaseSummary = {
    id: row.id,
    title: row.title,
    titleAr: row.title_ar,
    summary: row.summary,
    summaryAr: row.summary_ar,
    category: row.category as UseCaseCategory,
    industry: row.industry as Industry,
    technologies: row.technologies,
    tags: row.tags,
    roiPercent: numberOrNull(row.roi_percent),
    paybackMonths: numberOrNull(row.payback_months),
    investmentSar: numberOrNull(row.investment_sar),
    annualSavingsSar: numberOrNull(row.annual_savings_sar),
    location: {
      city: row.city,
      region: row.region as SaudiRegion | null,
      country: row.country,
      latitude: numberOrNull(row.latitude),
      longitude: numberOrNull(row.longitude),
    },
    organization: {
      id: row.organization_id,
      name: row.o_name,
      nameAr: row.o_name_ar,
      logoUrl: fileUrlOrNull(row.o_logo_file_id),
    },
    visibility: row.visibility as UseCaseVisibility,
    status: row.status as UseCaseStatus,
    featured: row.featured,
    verified: row.verified,
    hidden: row.hidden,
    viewsCount: row.views_count,
    likesCount: row.likes_count,
    savesCount: row.saves_count,
    coverImageUrl: fileUrlOrNull(row.cover_file_id),
    publishedAt: isoOrNull(row.published_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
  if (row.distance_km !== undefined) summary.distanceKm = numberOrNull(row.distance_km);
  return summary;
}

/** Every outcome, the further ones, implementation time and vendors of a row that selected OUTCOME_COLUMNS. */
export function outcomesOf(
  row: OutcomeRow,
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
    extraOutcomes: typeof extra === 'string' ? (JSON.parse(extra) as ExtraOutcome[]) : extra,
    implementationMonths: numberOrNull(row.implementation_months),
    vendors: row.vendors,
  };
}

const toFiles = (value: CaseFileJson[] | string): UseCaseFile[] =>
  (typeof value === 'string' ? (JSON.parse(value) as CaseFileJson[]) : value).map((file) => ({
    ...file,
    sizeBytes: toNumber(file.sizeBytes),
    url: fileUrl(file.fileId),
  }));

/** The case page for the reader, from its row and who sees it. */
export function presentCase(reader: CaseReader, access: CaseAccessRow, row: CasePageRow): UseCase {
  const summary = toSummary(row);
  const owner = isCaseOwner(reader, access);
  const signedIn = reader.userId !== null;
  const published = access.status === 'published' && !access.hidden;
  return {
    ...summary,
    challenge: row.challenge,
    solution: row.solution,
    results: row.results,
    challengeHtml: row.challenge_html,
    solutionHtml: row.solution_html,
    resultsHtml: row.results_html,
    ...outcomesOf(row, summary),
    images: toFiles(row.images),
    attachments: toFiles(row.attachments),
    company: {
      ...summary.organization,
      industry: row.o_industry as UseCase['company']['industry'],
      city: row.o_city,
      region: row.o_region,
      size: row.o_size,
      publicUseCasesCount: toNumber(row.o_public_count),
    },
    author: authorFrom(row),
    version: row.version,
    likedByMe: row.liked,
    savedByMe: row.saved,
    reportedByMe: row.reported,
    can: {
      edit: owner,
      delete: owner,
      publish: owner && access.status !== 'published',
      moderate: reader.isModerator,
      viewEngagement: owner,
      like: signedIn && published,
      report: signedIn && published && !owner,
    },
  };
}
