import { z } from 'zod';
import { INDUSTRIES } from './enums.js';
import { forumAuthorSchema, TRENDING_PERIODS } from './forum.js';
import { organizationRefSchema } from './organizations.js';
import { cursorQuerySchema, PAGE_SIZE_MAX, pageQuerySchema, pageSchema } from './pagination.js';
import { SAUDI_REGIONS } from './places.js';
import { isCleanText, text } from './text.js';
import {
  REPORT_ACTIONS,
  REPORT_REASONS,
  REPORT_STATUSES,
  TERM_KINDS,
  USE_CASE_CATEGORIES,
  USE_CASE_SORTS,
  USE_CASE_STATUSES,
  USE_CASE_VISIBILITIES,
} from './use-case-constants.js';

const outcomeNumber = z.number().finite().min(-1_000_000_000_000).max(1_000_000_000_000).nullable();

export const useCaseOutcomesSchema = z
  .object({
    roiPercent: outcomeNumber,
    paybackMonths: z.number().finite().min(0).max(1200).nullable(),
    investmentSar: z.number().finite().min(0).max(1_000_000_000_000).nullable(),
    annualSavingsSar: outcomeNumber,
    efficiencyGainPercent: z.number().finite().min(-100).max(10_000).nullable(),
    qualityImprovementPercent: z.number().finite().min(-100).max(10_000).nullable(),
    downtimeReductionPercent: z.number().finite().min(-10_000).max(100).nullable(),
    energySavingsPercent: z.number().finite().min(-10_000).max(100).nullable(),
  })
  .meta({ id: 'UseCaseOutcomes' });
export type UseCaseOutcomes = z.infer<typeof useCaseOutcomesSchema>;

/** A further measured outcome in the case's own words (e.g. "Scrap rate", 2.1, "%"). */
export const extraOutcomeSchema = z
  .object({
    label: text().trim().min(1).max(80),
    value: z.number().finite(),
    unit: text().trim().max(20),
  })
  .meta({ id: 'UseCaseExtraOutcome' });
export type ExtraOutcome = z.infer<typeof extraOutcomeSchema>;

export const useCaseLocationSchema = z
  .object({
    /** A SAUDI_PLACES slug, or a free name when picked by hand. */
    city: z.string().nullable(),
    region: z.enum(SAUDI_REGIONS).nullable(),
    country: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .meta({ id: 'UseCaseLocation' });
export type UseCaseLocation = z.infer<typeof useCaseLocationSchema>;

export const useCaseFileSchema = z
  .object({ fileId: z.uuid(), url: z.string(), name: z.string(), mimeType: z.string(), sizeBytes: z.number().int() })
  .meta({ id: 'UseCaseFile' });
export type UseCaseFile = z.infer<typeof useCaseFileSchema>;

/** The publishing company, as the case page shows it. */
export const useCaseCompanySchema = organizationRefSchema
  .extend({
    industry: z.enum(INDUSTRIES).nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    size: z.string().nullable(),
    /** Published public cases of the company. */
    publicUseCasesCount: z.number().int(),
  })
  .meta({ id: 'UseCaseCompany' });

/** What one row of a list shows. */
export const useCaseSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    titleAr: z.string().nullable(),
    summary: z.string(),
    summaryAr: z.string().nullable(),
    category: z.enum(USE_CASE_CATEGORIES),
    industry: z.enum(INDUSTRIES),
    technologies: z.array(z.string()),
    tags: z.array(z.string()),
    roiPercent: z.number().nullable(),
    paybackMonths: z.number().nullable(),
    investmentSar: z.number().nullable(),
    annualSavingsSar: z.number().nullable(),
    location: useCaseLocationSchema,
    organization: organizationRefSchema,
    visibility: z.enum(USE_CASE_VISIBILITIES),
    status: z.enum(USE_CASE_STATUSES),
    featured: z.boolean(),
    verified: z.boolean(),
    hidden: z.boolean(),
    viewsCount: z.number().int(),
    likesCount: z.number().int(),
    savesCount: z.number().int(),
    coverImageUrl: z.string().nullable(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Set by location and nearby searches: km from the point searched around. */
    distanceKm: z.number().nullable().optional(),
  })
  .meta({ id: 'UseCaseSummary' });
export type UseCaseSummary = z.infer<typeof useCaseSummarySchema>;

/** What the signed-in reader may do with a case. */
export const useCasePermissionsSchema = z
  .object({
    edit: z.boolean(),
    delete: z.boolean(),
    publish: z.boolean(),
    /** Featured, verified, hide (platform moderators). */
    moderate: z.boolean(),
    viewEngagement: z.boolean(),
    like: z.boolean(),
    report: z.boolean(),
  })
  .meta({ id: 'UseCasePermissions' });

export const useCaseSchema = useCaseSummarySchema
  .omit({ distanceKm: true })
  .extend({
    challenge: z.string(),
    solution: z.string(),
    results: z.string(),
    /** The three sections rendered from Markdown and sanitised. */
    challengeHtml: z.string(),
    solutionHtml: z.string(),
    resultsHtml: z.string(),
    outcomes: useCaseOutcomesSchema,
    extraOutcomes: z.array(extraOutcomeSchema),
    implementationMonths: z.number().nullable(),
    vendors: z.array(z.string()),
    images: z.array(useCaseFileSchema),
    attachments: z.array(useCaseFileSchema),
    company: useCaseCompanySchema,
    author: forumAuthorSchema.nullable(),
    version: z.number().int(),
    likedByMe: z.boolean(),
    savedByMe: z.boolean(),
    /** The reader has an open report on this case. */
    reportedByMe: z.boolean(),
    can: useCasePermissionsSchema,
  })
  .meta({ id: 'UseCase' });
export type UseCase = z.infer<typeof useCaseSchema>;

// ---- Writing ----

const termList = z.array(text().trim().min(1).max(60)).max(30);

export const useCaseWriteSchema = z
  .object({
    title: text().trim().min(5, { error: 'Use at least 5 characters' }).max(200),
    titleAr: text().trim().max(200).nullable().optional(),
    summary: text({ multiline: true }).trim().min(20, { error: 'Use at least 20 characters' }).max(2000),
    summaryAr: text({ multiline: true }).trim().max(2000).nullable().optional(),
    challenge: text({ multiline: true }).trim().max(20_000).optional(),
    solution: text({ multiline: true }).trim().max(20_000).optional(),
    results: text({ multiline: true }).trim().max(20_000).optional(),
    category: z.enum(USE_CASE_CATEGORIES),
    industry: z.enum(INDUSTRIES),
    technologies: termList.optional(),
    tags: termList.optional(),
    outcomes: useCaseOutcomesSchema.partial().optional(),
    extraOutcomes: z.array(extraOutcomeSchema).max(20).optional(),
    implementationMonths: z.number().finite().min(0).max(240).nullable().optional(),
    vendors: z.array(text().trim().min(1).max(120)).max(20).optional(),
    /** A SAUDI_PLACES slug: fills region and coordinates unless they are given. */
    city: text().trim().max(100).nullable().optional(),
    region: z.enum(SAUDI_REGIONS).nullable().optional(),
    country: text().trim().length(2).toUpperCase().optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    imageFileIds: z.array(z.uuid()).max(12).optional(),
    attachmentFileIds: z.array(z.uuid()).max(12).optional(),
    visibility: z.enum(USE_CASE_VISIBILITIES).optional(),
  })
  .strict();

export const createUseCaseBodySchema = useCaseWriteSchema
  .extend({
    /** Publish at once instead of saving a draft. */
    publish: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'CreateUseCaseBody' });
export type CreateUseCaseBody = z.infer<typeof createUseCaseBodySchema>;

export const updateUseCaseBodySchema = useCaseWriteSchema
  .partial()
  .extend({
    /** `archived` takes a published case off the lists; `published` brings it back; a published case cannot return to draft. */
    status: z.enum(USE_CASE_STATUSES).optional(),
  })
  .strict()
  .meta({ id: 'UpdateUseCaseBody' });
export type UpdateUseCaseBody = z.infer<typeof updateUseCaseBodySchema>;

export const updateUseCaseLocationBodySchema = useCaseWriteSchema
  .pick({ city: true, region: true, country: true, latitude: true, longitude: true })
  .strict()
  .meta({ id: 'UpdateUseCaseLocationBody' });
export type UpdateUseCaseLocationBody = z.infer<typeof updateUseCaseLocationBodySchema>;

export const useCaseModerationBodySchema = z
  .object({ featured: z.boolean().optional(), verified: z.boolean().optional(), hidden: z.boolean().optional() })
  .strict()
  .meta({ id: 'UseCaseModerationBody' });

// ---- Browsing ----

/** A repeatable or comma-separated query parameter. */
const listQuery = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (value) =>
        value === undefined
          ? undefined
          : (Array.isArray(value) ? (value as unknown[]) : String(value as string).split(','))
              // Trimmed only when clean: a control character at an edge is refused by the item's text rule, not trimmed away.
              .map((entry) => String(entry as string))
              .map((entry) => (isCleanText(entry) ? entry.trim() : entry))
              .filter((entry) => entry.length > 0),
      z.array(item).max(30),
    )
    .optional();

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

/**
 * Browse filters. Several values of one facet match any of them (technology: cases with any of the
 * technologies); different facets must all match.
 */
export const useCaseFiltersSchema = z.object({
  q: text().trim().max(200).optional(),
  category: listQuery(z.enum(USE_CASE_CATEGORIES)),
  industry: listQuery(z.enum(INDUSTRIES)),
  technology: listQuery(text().max(60)),
  tag: listQuery(text().max(60)),
  city: listQuery(text().max(100)),
  region: listQuery(z.enum(SAUDI_REGIONS)),
  year: listQuery(z.string().regex(/^\d{4}$/)),
  organizationId: z.uuid().optional(),
  verified: booleanQuery,
  featured: booleanQuery,
  roiMin: z.coerce.number().finite().optional(),
  roiMax: z.coerce.number().finite().optional(),
});
export type UseCaseFilters = z.output<typeof useCaseFiltersSchema>;

/** A list filter in a JSON body: an array of values (the comma-separated string is a query string's form only). */
const listBody = <T extends z.ZodType>(item: T) => z.array(item).max(30).optional();

/**
 * The browse filters as a JSON body takes them (advanced search, saved searches, custom export): the
 * same fields, but a list is an array, never a string read as a one-item list.
 */
export const useCaseFiltersBodySchema = useCaseFiltersSchema.extend({
  category: listBody(z.enum(USE_CASE_CATEGORIES)),
  industry: listBody(z.enum(INDUSTRIES)),
  technology: listBody(text().trim().min(1).max(60)),
  tag: listBody(text().trim().min(1).max(60)),
  city: listBody(text().trim().min(1).max(100)),
  region: listBody(z.enum(SAUDI_REGIONS)),
  year: listBody(z.string().regex(/^\d{4}$/)),
});

export const useCaseListQuerySchema = pageQuerySchema.extend(useCaseFiltersSchema.shape).extend({
  sort: z.enum(USE_CASE_SORTS).default('newest'),
  /** `mine`: the reader's own organization's cases in every status they may see (drafts included). */
  scope: z.enum(['all', 'mine']).default('all'),
  /** Leave out facet counts (lighter lists such as the map). */
  facets: booleanQuery,
  /** Newest first over the library (sort newest, scope all): walk on after the previous page's last case (its nextCursor). */
  cursor: cursorQuerySchema,
});
export type UseCaseListQuery = z.input<typeof useCaseListQuerySchema>;

export const facetCountSchema = z.object({ value: z.string(), count: z.number().int() }).meta({ id: 'FacetCount' });
export type FacetCount = z.infer<typeof facetCountSchema>;

/**
 * Facet counts: for each facet, how many cases match every current filter except that facet's own,
 * by value (so a chosen category still shows what the others would give). Values with no case are left out.
 */
export const useCaseFacetsSchema = z
  .object({
    category: z.array(facetCountSchema),
    industry: z.array(facetCountSchema),
    technology: z.array(facetCountSchema),
    region: z.array(facetCountSchema),
    year: z.array(facetCountSchema),
    verified: z.array(facetCountSchema),
    featured: z.array(facetCountSchema),
  })
  .meta({ id: 'UseCaseFacets' });
export type UseCaseFacets = z.infer<typeof useCaseFacetsSchema>;

export const useCasePageSchema = pageSchema(useCaseSummarySchema)
  .extend({ facets: useCaseFacetsSchema.nullable() })
  .meta({ id: 'UseCasePage' });
export type UseCasePage = z.infer<typeof useCasePageSchema>;

export const useCaseTrendingQuerySchema = z.object({
  period: z.enum(TRENDING_PERIODS).default('week'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const useCaseTrendingSchema = z
  .object({
    period: z.enum(TRENDING_PERIODS),
    items: z.array(
      z.object({
        useCase: useCaseSummarySchema,
        views: z.number().int(),
        likes: z.number().int(),
        saves: z.number().int(),
        score: z.number(),
      }),
    ),
  })
  .meta({ id: 'UseCaseTrending' });
export type UseCaseTrending = z.infer<typeof useCaseTrendingSchema>;

export const featuredQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(6) });

export const useCaseListSchema = z.object({ items: z.array(useCaseSummarySchema) }).meta({ id: 'UseCaseList' });
export type UseCaseList = z.infer<typeof useCaseListSchema>;

export const useCaseCategoryStatsSchema = z
  .object({
    items: z.array(
      z.object({
        category: z.enum(USE_CASE_CATEGORIES),
        count: z.number().int(),
        averageRoiPercent: z.number().nullable(),
        views: z.number().int(),
        likes: z.number().int(),
        saves: z.number().int(),
        topTechnologies: z.array(facetCountSchema),
      }),
    ),
  })
  .meta({ id: 'UseCaseCategoryStats' });
export type UseCaseCategoryStats = z.infer<typeof useCaseCategoryStatsSchema>;

// ---- Related, nearby, location ----

export const relatedQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(20).default(6) });

export const relatedUseCaseSchema = z
  .object({
    useCase: useCaseSummarySchema,
    score: z.number(),
    /** Why it is related. */
    reasons: z.object({
      sameCategory: z.boolean(),
      sameIndustry: z.boolean(),
      sharedTechnologies: z.array(z.string()),
      /** Set when both cases have coordinates. */
      distanceKm: z.number().nullable(),
      /** Set when both report an ROI: the absolute difference in percentage points. */
      roiDifference: z.number().nullable(),
    }),
  })
  .meta({ id: 'RelatedUseCase' });
export type RelatedUseCase = z.infer<typeof relatedUseCaseSchema>;
export const relatedUseCaseListSchema = z.object({ items: z.array(relatedUseCaseSchema) }).meta({ id: 'RelatedUseCaseList' });

export const nearbyQuerySchema = z.object({
  radiusKm: z.coerce.number().positive().max(2000).default(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const locationFilterQuerySchema = pageQuerySchema.extend({
  city: text().trim().max(100).optional(),
  region: z.enum(SAUDI_REGIONS).optional(),
  country: text().trim().length(2).toUpperCase().optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  radiusKm: z.coerce.number().positive().max(2000).optional(),
});
export type LocationFilterQuery = z.input<typeof locationFilterQuerySchema>;

export const useCaseLocationPageSchema = pageSchema(useCaseSummarySchema).meta({ id: 'UseCaseLocationPage' });

export const locationStatisticsSchema = z
  .object({
    regions: z.array(
      z.object({
        region: z.enum(SAUDI_REGIONS),
        count: z.number().int(),
        averageRoiPercent: z.number().nullable(),
        cities: z.array(facetCountSchema),
      }),
    ),
    /** Visible cases with no region. */
    withoutRegion: z.number().int(),
  })
  .meta({ id: 'UseCaseLocationStatistics' });
export type LocationStatistics = z.infer<typeof locationStatisticsSchema>;

// ---- Engagement, versions, likes, saves, reports ----

export const engagementQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

export const useCaseEngagementSchema = z
  .object({
    days: z.number().int(),
    totals: z.object({ views: z.number().int(), likes: z.number().int(), saves: z.number().int(), uniqueViewers: z.number().int() }),
    /** One entry per day (Asia/Riyadh), oldest first, every day of the period present. */
    daily: z.array(z.object({ date: z.string(), views: z.number().int(), likes: z.number().int(), saves: z.number().int() })),
    /** Organizations whose people viewed it, most views first (at most 10). */
    byOrganization: z.array(z.object({ organization: organizationRefSchema, views: z.number().int() })),
    /** Views by hour of day (0–23, Asia/Riyadh): always 24 entries. */
    peakHours: z.array(z.object({ hour: z.number().int(), views: z.number().int() })),
  })
  .meta({ id: 'UseCaseEngagement' });
export type UseCaseEngagement = z.infer<typeof useCaseEngagementSchema>;

export const useCaseVersionSchema = z
  .object({
    version: z.number().int(),
    editor: forumAuthorSchema.nullable(),
    createdAt: z.string(),
    /** Fields changed in this version, with the values before and after (lists and outcomes as JSON values). */
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'UseCaseVersion' });
export type UseCaseVersion = z.infer<typeof useCaseVersionSchema>;
export const USE_CASE_VERSIONS_PAGE_DEFAULT = 20;
export const useCaseVersionsQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(USE_CASE_VERSIONS_PAGE_DEFAULT),
  /** The previous page's nextCursor: older versions after it. */
  cursor: cursorQuerySchema,
});
/** Versions newest first, a page at a time; `nextCursor` is null after the oldest. */
export const useCaseVersionListSchema = z
  .object({ items: z.array(useCaseVersionSchema), nextCursor: z.string().nullable().optional() })
  .meta({ id: 'UseCaseVersionList' });
export type UseCaseVersionList = z.infer<typeof useCaseVersionListSchema>;

export const useCaseToggleResultSchema = z.object({ active: z.boolean(), count: z.number().int() }).meta({ id: 'UseCaseToggleResult' });
export type UseCaseToggleResult = z.infer<typeof useCaseToggleResultSchema>;

export const reportUseCaseBodySchema = z
  .object({ reason: z.enum(REPORT_REASONS), details: text({ multiline: true }).trim().max(2000).optional() })
  .strict()
  .meta({ id: 'ReportUseCaseBody' });
export type ReportUseCaseBody = z.infer<typeof reportUseCaseBodySchema>;

export const useCaseReportSchema = z
  .object({
    id: z.uuid(),
    useCaseId: z.uuid(),
    useCaseTitle: z.string(),
    organization: organizationRefSchema,
    reporter: forumAuthorSchema.nullable(),
    reason: z.enum(REPORT_REASONS),
    details: z.string().nullable(),
    status: z.enum(REPORT_STATUSES),
    resolution: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    /** Open reports on the same case, this one included. */
    openReportsOnCase: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'UseCaseReport' });
export type UseCaseReport = z.infer<typeof useCaseReportSchema>;
export const useCaseReportPageSchema = pageSchema(useCaseReportSchema).meta({ id: 'UseCaseReportPage' });
export const reportListQuerySchema = pageQuerySchema.extend({ status: z.enum(REPORT_STATUSES).default('open') });

export const resolveReportBodySchema = z
  .object({ action: z.enum(REPORT_ACTIONS), note: text({ multiline: true }).trim().max(2000).optional() })
  .strict()
  .meta({ id: 'ResolveReportBody' });
export type ResolveReportBody = z.infer<typeof resolveReportBodySchema>;

// ---- Vocabulary ----

export const termQuerySchema = z.object({
  kind: z.enum(TERM_KINDS),
  q: text().trim().max(60).default(''),
  limit: z.coerce.number().int().min(1).max(30).default(10),
});
export const termListSchema = z
  .object({ items: z.array(z.object({ name: z.string(), usesCount: z.number().int() })) })
  .meta({ id: 'UseCaseTermList' });
