/**
 * The use-case library's vocabularies and fixed lists, free of Zod so that pages which only label and
 * format (the library, a case page) do not load the schema library.
 */
// ---- Vocabularies ----

export const USE_CASE_CATEGORIES = [
  'automation',
  'quality',
  'maintenance',
  'ai',
  'iot',
  'energy',
  'safety',
  'supply_chain',
  'digital_transformation',
  'other',
] as const;
export type UseCaseCategory = (typeof USE_CASE_CATEGORIES)[number];

export const USE_CASE_CATEGORY_LABELS: Record<UseCaseCategory, { en: string; ar: string }> = {
  automation: { en: 'Automation', ar: 'الأتمتة' },
  quality: { en: 'Quality', ar: 'الجودة' },
  maintenance: { en: 'Maintenance', ar: 'الصيانة' },
  ai: { en: 'AI & analytics', ar: 'الذكاء الاصطناعي والتحليلات' },
  iot: { en: 'IoT & sensors', ar: 'إنترنت الأشياء والمستشعرات' },
  energy: { en: 'Energy efficiency', ar: 'كفاءة الطاقة' },
  safety: { en: 'Health & safety', ar: 'الصحة والسلامة' },
  supply_chain: { en: 'Supply chain', ar: 'سلسلة الإمداد' },
  digital_transformation: { en: 'Digital transformation', ar: 'التحول الرقمي' },
  other: { en: 'Other', ar: 'أخرى' },
};

export const USE_CASE_VISIBILITIES = ['public', 'organization', 'private'] as const;
export type UseCaseVisibility = (typeof USE_CASE_VISIBILITIES)[number];

export const USE_CASE_STATUSES = ['draft', 'published', 'archived'] as const;
export type UseCaseStatus = (typeof USE_CASE_STATUSES)[number];

export const USE_CASE_SORTS = ['newest', 'views', 'likes', 'roi'] as const;
export type UseCaseSort = (typeof USE_CASE_SORTS)[number];

export const TERM_KINDS = ['technology', 'tag'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const REPORT_REASONS = ['spam', 'inaccurate', 'inappropriate', 'confidential', 'copyright', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, { en: string; ar: string }> = {
  spam: { en: 'Spam or advertising', ar: 'محتوى دعائي أو مزعج' },
  inaccurate: { en: 'Inaccurate or misleading figures', ar: 'أرقام غير دقيقة أو مضللة' },
  inappropriate: { en: 'Inappropriate content', ar: 'محتوى غير لائق' },
  confidential: { en: 'Confidential information', ar: 'معلومات سرية' },
  copyright: { en: 'Copied without permission', ar: 'منسوخ دون إذن' },
  other: { en: 'Something else', ar: 'سبب آخر' },
};

export const REPORT_STATUSES = ['open', 'dismissed', 'hidden', 'removed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['dismiss', 'hide', 'remove'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * Measurable outcomes, each with its unit. Numbers may be negative where a change went the wrong way.
 * Every one is optional: a case reports what it measured.
 */
export const OUTCOME_FIELDS = {
  roiPercent: { unit: '%' },
  paybackMonths: { unit: 'months' },
  investmentSar: { unit: 'SAR' },
  annualSavingsSar: { unit: 'SAR/year' },
  efficiencyGainPercent: { unit: '%' },
  qualityImprovementPercent: { unit: '%' },
  downtimeReductionPercent: { unit: '%' },
  energySavingsPercent: { unit: '%' },
} as const;
export type OutcomeField = keyof typeof OUTCOME_FIELDS;
export const OUTCOME_KEYS = Object.keys(OUTCOME_FIELDS) as OutcomeField[];

export const USE_CASE_SEARCH_SORTS = ['relevance', 'newest', 'views', 'likes', 'roi'] as const;

// ---- Export ----

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const SINGLE_EXPORT_FORMATS = ['json', 'md', 'pdf'] as const;

/** At most this many cases go into one export; the metadata says when a result set was cut. */
export const EXPORT_MAX_ROWS = 5000;

/** Columns an export may carry (flattened: lists joined with "; ", outcomes one column each). */
export const EXPORT_FIELDS = [
  'id',
  'title',
  'titleAr',
  'summary',
  'summaryAr',
  'category',
  'industry',
  'technologies',
  'tags',
  'organization',
  'city',
  'region',
  'country',
  'latitude',
  'longitude',
  ...OUTCOME_KEYS,
  'implementationMonths',
  'vendors',
  'visibility',
  'status',
  'featured',
  'verified',
  'viewsCount',
  'likesCount',
  'savesCount',
  'publishedAt',
  'url',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];
export const DEFAULT_EXPORT_FIELDS: ExportField[] = [
  'title',
  'titleAr',
  'organization',
  'category',
  'industry',
  'technologies',
  'city',
  'region',
  'roiPercent',
  'paybackMonths',
  'investmentSar',
  'annualSavingsSar',
  'publishedAt',
  'url',
];
