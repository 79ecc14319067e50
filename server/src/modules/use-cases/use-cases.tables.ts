import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { files } from '../files/files.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import { users } from '../users/users.tables.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** numeric as a JS number (outcomes are measurements, not money ledgers). */
const decimal = customType<{ data: number; driverData: string | number }>({
  dataType: () => 'numeric',
  fromDriver: (value) => Number(value),
});

/**
 * Use cases. Lists (technologies, tags, vendors) are text arrays holding the vocabulary's spelling;
 * outcomes the lists sort and filter by are columns, further ones a JSON array. Counters are kept
 * exact by the writes that change them. `hidden_at` is a moderator's hide (the owners still see it);
 * `deleted_at` a removal (nobody sees it). The search vector weighs title A, technologies and tags B,
 * summary C, the sections and vendors D (p2p_use_case_vector, migration 0018).
 */
export const useCases = pgTable(
  'use_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    titleAr: text('title_ar'),
    summary: text('summary').notNull(),
    summaryAr: text('summary_ar'),
    challenge: text('challenge').notNull().default(''),
    solution: text('solution').notNull().default(''),
    results: text('results').notNull().default(''),
    challengeHtml: text('challenge_html').notNull().default(''),
    solutionHtml: text('solution_html').notNull().default(''),
    resultsHtml: text('results_html').notNull().default(''),
    category: text('category').notNull(),
    industry: text('industry').notNull(),
    technologies: text('technologies')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    vendors: text('vendors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    roiPercent: decimal('roi_percent'),
    paybackMonths: decimal('payback_months'),
    investmentSar: decimal('investment_sar'),
    annualSavingsSar: decimal('annual_savings_sar'),
    efficiencyGainPercent: decimal('efficiency_gain_percent'),
    qualityImprovementPercent: decimal('quality_improvement_percent'),
    downtimeReductionPercent: decimal('downtime_reduction_percent'),
    energySavingsPercent: decimal('energy_savings_percent'),
    extraOutcomes: jsonb('extra_outcomes')
      .$type<{ label: string; value: number; unit: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    implementationMonths: numeric('implementation_months', { mode: 'number' }),
    city: text('city'),
    region: text('region'),
    country: text('country').notNull().default('SA'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    visibility: text('visibility').notNull().default('public'),
    status: text('status').notNull().default('draft'),
    featured: boolean('featured').notNull().default(false),
    verified: boolean('verified').notNull().default(false),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    viewsCount: integer('views_count').notNull().default(0),
    likesCount: integer('likes_count').notNull().default(0),
    savesCount: integer('saves_count').notNull().default(0),
    /** 1 on creation; each edit of a published case adds one and writes a use_case_versions row. */
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The search document (p2p_use_case_vector) and the title words (suggestions), kept by the trigger
     * use_cases_search_vectors (migration 0020) when a text column is written, not on every counter
     * update as generated columns would be.
     */
    searchVector: tsvector('search_vector')
      .notNull()
      .default(sql`''::tsvector`),
    titleVector: tsvector('title_vector')
      .notNull()
      .default(sql`''::tsvector`),
  },
  (t) => [
    // Browse reads published, visible, not hidden cases newest first (or by a counter); each order has its index.
    index('use_cases_newest_idx')
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'published' and deleted_at is null and hidden_at is null`),
    index('use_cases_views_idx')
      .on(t.viewsCount.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'published' and deleted_at is null and hidden_at is null`),
    index('use_cases_likes_idx')
      .on(t.likesCount.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'published' and deleted_at is null and hidden_at is null`),
    index('use_cases_roi_idx')
      .on(t.roiPercent.desc().nullsLast(), t.id.desc().nullsFirst())
      .where(sql`status = 'published' and deleted_at is null and hidden_at is null`),
    index('use_cases_organization_idx').on(t.organizationId, t.createdAt.desc().nullsFirst()),
    index('use_cases_author_idx').on(t.authorId),
    index('use_cases_category_idx')
      .on(t.category, t.publishedAt.desc().nullsFirst())
      .where(sql`status = 'published' and deleted_at is null`),
    index('use_cases_industry_idx')
      .on(t.industry, t.publishedAt.desc().nullsFirst())
      .where(sql`status = 'published' and deleted_at is null`),
    index('use_cases_technologies_idx').using('gin', t.technologies),
    index('use_cases_tags_idx').using('gin', t.tags),
    index('use_cases_search_idx').using('gin', t.searchVector),
    index('use_cases_title_vector_idx').using('gin', t.titleVector),
    index('use_cases_featured_idx')
      .on(t.publishedAt.desc().nullsFirst())
      .where(sql`featured and status = 'published' and deleted_at is null and hidden_at is null`),
  ],
);

/** Images and attachments of a case, in the order the editor gave them. */
export const useCaseFiles = pgTable(
  'use_case_files',
  {
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => useCases.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.useCaseId, t.fileId] }), index('use_case_files_file_idx').on(t.fileId)],
);

/** Every edit of a published case: what changed (field → before/after), by whom, when. */
export const useCaseVersions = pgTable(
  'use_case_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => useCases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    editorId: uuid('editor_id').references(() => users.id, { onDelete: 'set null' }),
    changes: jsonb('changes').$type<{ field: string; before: unknown; after: unknown }[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('use_case_versions_case_version_idx').on(t.useCaseId, t.version)],
);

export const useCaseLikes = pgTable(
  'use_case_likes',
  {
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => useCases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.useCaseId, t.userId] }), index('use_case_likes_created_idx').on(t.createdAt)],
);

export const useCaseSaves = pgTable(
  'use_case_saves',
  {
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => useCases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.useCaseId, t.userId] }),
    index('use_case_saves_user_idx').on(t.userId, t.createdAt.desc()),
    index('use_case_saves_created_idx').on(t.createdAt),
  ],
);

/** Each person's last counted view of a case: a view counts again an hour after the last counted one. */
export const useCaseViewers = pgTable(
  'use_case_viewers',
  {
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => useCases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.useCaseId, t.userId] })],
);

/**
 * Counted views: one row per view that counted (a person's first in an hour), with the viewer's
 * organization, for engagement charts and trending.
 */
export const useCaseViews = pgTable(
  'use_case_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => useCases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('use_case_views_case_idx').on(t.useCaseId, t.viewedAt),
    index('use_case_views_user_idx').on(t.userId, t.useCaseId, t.viewedAt.desc()),
    index('use_case_views_viewed_idx').on(t.viewedAt),
  ],
);

/** Reports. One open report per person and case (partial unique index). */
export const useCaseReports = pgTable(
  'use_case_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => useCases.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    details: text('details'),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    resolvedById: uuid('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** When the reporter and the owner have been told the outcome (the notifications module sets it). */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('use_case_reports_open_idx')
      .on(t.useCaseId, t.reporterId)
      .where(sql`status = 'open'`),
    index('use_case_reports_status_idx').on(t.status, t.createdAt),
  ],
);

/** The shared vocabulary of technologies and tags: one spelling per folded, lower-cased name. */
export const useCaseTerms = pgTable(
  'use_case_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    normalized: text('normalized').notNull(),
    usesCount: integer('uses_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('use_case_terms_kind_normalized_idx').on(t.kind, t.normalized),
    index('use_case_terms_trgm_idx').using('gin', sql`${t.normalized} gin_trgm_ops`),
  ],
);

export const useCaseSavedSearches = pgTable(
  'use_case_saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    search: jsonb('search').$type<Record<string, unknown>>().notNull(),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('use_case_saved_searches_user_idx').on(t.userId, t.createdAt.desc())],
);

/** Searches as run (signed-in people only): each person's history, newest first. */
export const useCaseSearchLog = pgTable(
  'use_case_search_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    q: text('q').notNull(),
    filters: jsonb('filters')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    resultsCount: integer('results_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('use_case_search_log_user_idx').on(t.userId, t.createdAt.desc()),
    // The hourly retention pass finds searches past their 90 days by it.
    index('use_case_search_log_created_idx').on(t.createdAt),
  ],
);
