import { OUTCOME_KEYS, type OutcomeField, type SaudiPlace } from '@p2p/contracts';
import type { useCaseReports, useCaseVersions, useCases } from '../../../modules/use-cases/index.js';
import { renderMarkdown } from '../../../platform/markdown.js';
import { CENTRAL_USE_CASES } from './use-cases-central.js';
import { EASTERN_USE_CASES } from './use-cases-east.js';
import type { DemoUseCase, DemoUseCaseEdit, DemoUseCaseReport } from './use-case-types.js';
import { WESTERN_USE_CASES } from './use-cases-west.js';

export const DEMO_USE_CASES: readonly DemoUseCase[] = [...EASTERN_USE_CASES, ...CENTRAL_USE_CASES, ...WESTERN_USE_CASES];

const DAY = 86_400_000;

/** When a demo case happened, counted back from `now`; published and public unless the table says otherwise. */
export interface UseCaseTimeline {
  status: NonNullable<DemoUseCase['status']>;
  visibility: NonNullable<DemoUseCase['visibility']>;
  /** Published then (a draft: started then). */
  startedAt: Date;
  publishedAt: Date | null;
  archivedAt: Date | null;
  /** When each edit was made, in table order. */
  editedAt: Date[];
  /** The latest of publication, archiving and edits. */
  updatedAt: Date;
}

export function useCaseTimeline(demo: DemoUseCase, now: number): UseCaseTimeline {
  const status = demo.status ?? 'published';
  const startedAt = new Date(now - demo.daysAgo * DAY);
  const archivedAt = demo.archivedDaysAgo === undefined ? null : new Date(now - demo.archivedDaysAgo * DAY);
  const editedAt = (demo.edits ?? []).map((edit) => new Date(startedAt.getTime() + edit.daysAfter * DAY));
  return {
    status,
    visibility: demo.visibility ?? 'public',
    startedAt,
    publishedAt: status === 'draft' ? null : startedAt,
    archivedAt,
    editedAt,
    updatedAt: new Date(Math.max(startedAt.getTime(), archivedAt?.getTime() ?? 0, ...editedAt.map((at) => at.getTime()))),
  };
}

function outcomeColumns(demo: DemoUseCase): Record<OutcomeField, number | null> {
  return Object.fromEntries(OUTCOME_KEYS.map((key) => [key, demo.outcomes[key] ?? null])) as Record<OutcomeField, number | null>;
}

/**
 * The row of a demo case: written by `author` for their organization at `place` in Saudi Arabia, its
 * Markdown rendered, its terms spelled as the vocabulary has them, its counters equal to the engagement
 * rows the seed writes with it, one version per edit after the first, written up over the nine days
 * before it was published.
 */
export function useCaseValues(
  demo: DemoUseCase,
  refs: {
    author: { id: string; organizationId: string };
    place: SaudiPlace;
    timeline: UseCaseTimeline;
    technologies: string[];
    tags: string[];
    counts: { views: number; likes: number; saves: number };
  },
): typeof useCases.$inferInsert {
  const { author, place, timeline } = refs;
  return {
    organizationId: author.organizationId,
    authorId: author.id,
    title: demo.title,
    titleAr: demo.titleAr ?? null,
    summary: demo.summary,
    summaryAr: demo.summaryAr ?? null,
    challenge: demo.challenge,
    solution: demo.solution,
    results: demo.results,
    challengeHtml: renderMarkdown(demo.challenge),
    solutionHtml: renderMarkdown(demo.solution),
    resultsHtml: renderMarkdown(demo.results),
    category: demo.category,
    industry: demo.industry,
    technologies: refs.technologies,
    tags: refs.tags,
    vendors: demo.vendors,
    ...outcomeColumns(demo),
    extraOutcomes: demo.extraOutcomes ?? [],
    implementationMonths: demo.implementationMonths,
    city: place.slug,
    region: place.region,
    country: 'SA',
    latitude: place.latitude,
    longitude: place.longitude,
    visibility: timeline.visibility,
    status: timeline.status,
    featured: demo.featured ?? false,
    verified: demo.verified ?? false,
    viewsCount: refs.counts.views,
    likesCount: refs.counts.likes,
    savesCount: refs.counts.saves,
    version: 1 + (demo.edits ?? []).length,
    publishedAt: timeline.publishedAt,
    createdAt: new Date(timeline.startedAt.getTime() - 9 * DAY),
    updatedAt: timeline.updatedAt,
  };
}

/** The version row of a case's edit number `index` (version 2 is the first edit). */
export function versionValues(
  edit: DemoUseCaseEdit,
  index: number,
  refs: { useCaseId: string; editorId: string; editedAt: Date },
): typeof useCaseVersions.$inferInsert {
  return { useCaseId: refs.useCaseId, version: index + 2, editorId: refs.editorId, changes: edit.changes, createdAt: refs.editedAt };
}

/**
 * The row of a report on a demo case: open, or dismissed by a moderator and marked as told, so that no
 * notification about an old demo decision goes out.
 */
export function reportValues(
  report: DemoUseCaseReport,
  refs: { useCaseId: string; reporterId: string; resolvedById: string | null; now: number },
): typeof useCaseReports.$inferInsert {
  const resolvedAt = report.dismissed ? new Date(refs.now - report.dismissed.daysAgo * DAY) : null;
  return {
    useCaseId: refs.useCaseId,
    reporterId: refs.reporterId,
    reason: report.reason,
    details: report.details,
    status: report.dismissed ? 'dismissed' : 'open',
    resolution: report.dismissed?.resolution ?? null,
    resolvedById: refs.resolvedById,
    resolvedAt,
    notifiedAt: resolvedAt,
    createdAt: new Date(refs.now - report.daysAgo * DAY),
  };
}
