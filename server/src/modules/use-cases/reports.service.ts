import {
  type Page,
  type ReportStatus,
  type ReportUseCaseBody,
  type ResolveReportBody,
  toPage,
  type UseCaseReport,
  type UseCaseVersion,
  type UseCaseVersionList,
  type useCaseVersionsQuerySchema,
} from '@p2p/contracts';
import type { z } from 'zod';
import { nextCursor, readCursor } from '../../platform/keyset.js';
import { type Db, toNumber } from '../../platform/db.js';
import { AppError, isUniqueViolation, notFound } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import type { Actor } from '../../platform/actor.js';
import { authorFrom } from '../people/index.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { invalidateFacetCache } from './facet-cache.js';
import { hideCase } from './queries/case.queries.js';
import {
  findReport,
  findReportPage,
  findVersions,
  insertReport,
  lockReport,
  type ReportRow,
  resolveReports,
} from './queries/reports.queries.js';
import { accessOf, findCaseRow, getVisibleCaseFacts } from './use-cases.repository.js';
import { viewerOf, isCaseOwner, requireSignedIn } from './use-cases.reader.js';
import { removeCase } from './use-cases.service.js';
import { fileUrlOrNull } from '../../platform/file-url.js';

type UseCaseVersionsQuery = z.output<typeof useCaseVersionsQuerySchema>;

/**
 * A report on a case the reader can see (not their own). One open report per person and case: the
 * partial unique index decides under concurrency, and a second answers 409 ALREADY_REPORTED.
 */
export async function reportUseCase(db: Db, actor: Actor, id: string, body: ReportUseCaseBody): Promise<{ id: string }> {
  const reader = viewerOf(actor);
  requireSignedIn(reader);
  const row = await getVisibleCaseFacts(db, reader, id);
  if (isCaseOwner(reader, accessOf(row)) && !reader.isModerator)
    throw new AppError('FORBIDDEN', "You cannot report your own organization's use case");
  try {
    const created = await insertReport(db, {
      useCaseId: id,
      reporterId: reader.userId,
      reason: body.reason,
      details: body.details ?? null,
    });
    return { id: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ALREADY_REPORTED', 'You already reported this use case; a moderator will look at it');
    throw error;
  }
}

function assertModerator(reader: { isModerator: boolean }): void {
  if (!reader.isModerator) throw notFound('Report queue');
}

function toReport(row: ReportRow): UseCaseReport {
  return {
    id: row.id,
    useCaseId: row.use_case_id,
    useCaseTitle: row.case_title,
    organization: {
      id: row.case_organization_id,
      name: row.co_name,
      nameAr: row.co_name_ar,
      logoUrl: fileUrlOrNull(row.co_logo_file_id),
    },
    reporter: authorFrom(row),
    reason: row.reason as UseCaseReport['reason'],
    details: row.details,
    status: row.status as ReportStatus,
    resolution: row.resolution,
    resolvedAt: isoOrNull(row.resolved_at),
    openReportsOnCase: toNumber(row.open_on_case),
    createdAt: iso(row.created_at),
  };
}

/** The moderators' queue: reports by status, oldest open first (newest first once resolved). Others get 404. */
export async function listReports(
  db: Db,
  actor: Actor,
  status: ReportStatus,
  page: number,
  pageSize: number,
): Promise<Page<UseCaseReport>> {
  const reader = viewerOf(actor);
  assertModerator(reader);
  const { rows, total } = await findReportPage(db, status, pageSize, (page - 1) * pageSize);
  return toPage(rows.map(toReport), total, page, pageSize);
}

const OUTCOME: Record<ResolveReportBody['action'], ReportStatus> = { dismiss: 'dismissed', hide: 'hidden', remove: 'removed' };

/**
 * Resolves a report: dismiss it, hide the case (its owners still see it) or remove it. Hiding or
 * removing resolves every open report on the case with the same outcome. The outcome is stored on the
 * reports (notified_at stays empty for the notifications module to tell the reporter and the owner).
 */
export async function resolveReport(db: Db, actor: Actor, reportId: string, body: ResolveReportBody): Promise<UseCaseReport> {
  return withTransaction(db, async (tx) => {
    const reader = viewerOf(actor);
    assertModerator(reader);
    requireSignedIn(reader);
    const report = await lockReport(tx, reportId);
    if (!report) throw notFound('Report');
    if (report.status !== 'open') throw new AppError('CONFLICT', 'This report has already been resolved');
    const status = OUTCOME[body.action];
    const outcome = { status, resolution: body.note ?? null, resolvedById: reader.userId };
    if (body.action === 'dismiss') {
      await resolveReports(tx, { reportId }, outcome);
    } else {
      const row = await findCaseRow(tx, report.use_case_id, { lock: true });
      if (row && body.action === 'hide') {
        await hideCase(tx, row.id);
        invalidateFacetCache();
      }
      if (row && body.action === 'remove' && !row.deletedAt) await removeCase(tx, row);
      await resolveReports(tx, { openOnCase: report.use_case_id }, outcome);
    }
    const resolved = await findReport(tx, reportId);
    return toReport(resolved!);
  });
}

/**
 * Versions of a case the reader can see, newest first, a page at a time (after the cursor: older
 * ones), with who changed which fields.
 */
export async function listVersions(db: Db, actor: Actor | null, id: string, query: UseCaseVersionsQuery): Promise<UseCaseVersionList> {
  const reader = viewerOf(actor);
  const before = query.cursor ? readCursor(query.cursor, ['integer'] as const)[0] : undefined;
  await getVisibleCaseFacts(db, reader, id);
  const rows = await findVersions(db, id, query.pageSize + 1, before);
  return {
    items: rows.slice(0, query.pageSize).map((row) => ({
      version: row.version,
      editor: authorFrom(row),
      createdAt: iso(row.created_at),
      changes: (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as UseCaseVersion['changes'],
    })),
    nextCursor: nextCursor(rows, query.pageSize, (last) => [last.version]),
  };
}
