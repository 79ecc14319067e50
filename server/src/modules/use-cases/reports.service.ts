import {
  type Page,
  type ReportStatus,
  type ReportUseCaseBody,
  type ResolveReportBody,
  toPage,
  type UseCaseReport,
  type UseCaseVersion,
} from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { type Db, queryRows, toNumber } from '../../platform/db.js';
import { AppError, isUniqueViolation, notFound } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import { authorColumns, authorFrom } from '../people/index.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { invalidateFacetCache } from './facet-cache.js';
import { accessOf, findCaseRow, getVisibleCaseFacts } from './use-cases.repository.js';
import { getCaseReader, isCaseOwner, requireSignedIn } from './use-cases.reader.js';
import { removeCase } from './use-cases.service.js';
import { fileUrlOrNull } from '../../platform/file-url.js';

/**
 * A report on a case the reader can see (not their own). One open report per person and case: the
 * partial unique index decides under concurrency, and a second answers 409 ALREADY_REPORTED.
 */
export async function reportUseCase(db: Db, actor: Actor, id: string, body: ReportUseCaseBody): Promise<{ id: string }> {
  const reader = getCaseReader(actor);
  requireSignedIn(reader);
  const row = await getVisibleCaseFacts(db, reader, id);
  if (isCaseOwner(reader, accessOf(row)) && !reader.isModerator)
    throw new AppError('FORBIDDEN', "You cannot report your own organization's use case");
  try {
    const [created] = await queryRows<{ id: string }>(
      db,
      sql`insert into use_case_reports (use_case_id, reporter_id, reason, details) values (${id}, ${reader.userId}, ${body.reason}, ${body.details ?? null}) returning id`,
    );
    return { id: created!.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ALREADY_REPORTED', 'You already reported this use case; a moderator will look at it');
    throw error;
  }
}

function assertModerator(reader: { isModerator: boolean }): void {
  if (!reader.isModerator) throw notFound('Report queue');
}

const REPORT_SELECT = sql`select r.*, uc.title as case_title, uc.organization_id as case_organization_id,
    co.name as co_name, co.name_ar as co_name_ar, co.logo_file_id as co_logo_file_id,
    (select count(*) from use_case_reports x where x.use_case_id = r.use_case_id and x.status = 'open') as open_on_case,
    ${authorColumns('u', 'o')}
  from use_case_reports r join use_cases uc on uc.id = r.use_case_id join organizations co on co.id = uc.organization_id
  left join users u on u.id = r.reporter_id left join memberships m on m.user_id = u.id left join organizations o on o.id = m.organization_id`;

function toReport(row: Record<string, unknown>): UseCaseReport {
  return {
    id: row.id as string,
    useCaseId: row.use_case_id as string,
    useCaseTitle: row.case_title as string,
    organization: {
      id: row.case_organization_id as string,
      name: row.co_name as string,
      nameAr: (row.co_name_ar as string | null) ?? null,
      logoUrl: fileUrlOrNull(row.co_logo_file_id as string | null),
    },
    reporter: authorFrom(row),
    reason: row.reason as UseCaseReport['reason'],
    details: (row.details as string | null) ?? null,
    status: row.status as ReportStatus,
    resolution: (row.resolution as string | null) ?? null,
    resolvedAt: isoOrNull(row.resolved_at as Date | string | null),
    openReportsOnCase: toNumber(row.open_on_case),
    createdAt: iso(row.created_at as Date | string),
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
  const reader = getCaseReader(actor);
  assertModerator(reader);
  const order = status === 'open' ? sql`r.created_at asc, r.id` : sql`r.resolved_at desc nulls last, r.id`;
  const [rows, counted] = await Promise.all([
    queryRows(db, sql`${REPORT_SELECT} where r.status = ${status} order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}`),
    queryRows<{ n: number }>(db, sql`select count(*) as n from use_case_reports where status = ${status}`),
  ]);
  return toPage(rows.map(toReport), toNumber(counted[0]?.n), page, pageSize);
}

const OUTCOME: Record<ResolveReportBody['action'], ReportStatus> = { dismiss: 'dismissed', hide: 'hidden', remove: 'removed' };

/**
 * Resolves a report: dismiss it, hide the case (its owners still see it) or remove it. Hiding or
 * removing resolves every open report on the case with the same outcome. The outcome is stored on the
 * reports (notified_at stays empty for the notifications module to tell the reporter and the owner).
 */
export async function resolveReport(db: Db, actor: Actor, reportId: string, body: ResolveReportBody): Promise<UseCaseReport> {
  return withTransaction(db, async (tx) => {
    const reader = getCaseReader(actor);
    assertModerator(reader);
    requireSignedIn(reader);
    const [report] = await queryRows<{ use_case_id: string; status: string }>(
      tx,
      sql`select use_case_id, status from use_case_reports where id = ${reportId} for update`,
    );
    if (!report) throw notFound('Report');
    if (report.status !== 'open') throw new AppError('CONFLICT', 'This report has already been resolved');
    const status = OUTCOME[body.action];
    const resolve = (where: ReturnType<typeof sql>) =>
      queryRows(
        tx,
        sql`update use_case_reports set status = ${status}, resolution = ${body.note ?? null}, resolved_by_id = ${reader.userId}, resolved_at = now() where ${where}`,
      );
    if (body.action === 'dismiss') {
      await resolve(sql`id = ${reportId}`);
    } else {
      const row = await findCaseRow(tx, report.use_case_id, { lock: true });
      if (row && body.action === 'hide') {
        await queryRows(tx, sql`update use_cases set hidden_at = coalesce(hidden_at, now()), updated_at = now() where id = ${row.id}`);
        invalidateFacetCache();
      }
      if (row && body.action === 'remove' && !row.deletedAt) await removeCase(tx, row);
      await resolve(sql`use_case_id = ${report.use_case_id} and status = 'open'`);
    }
    const [resolved] = await queryRows(tx, sql`${REPORT_SELECT} where r.id = ${reportId}`);
    return toReport(resolved!);
  });
}

/** Every version of a case the reader can see, newest first, with who changed which fields. */
export async function listVersions(db: Db, actor: Actor | null, id: string): Promise<{ items: UseCaseVersion[] }> {
  const reader = getCaseReader(actor);
  await getVisibleCaseFacts(db, reader, id);
  const rows = await queryRows(
    db,
    sql`select v.version, v.created_at, v.changes, ${authorColumns('u', 'o')}
        from use_case_versions v left join users u on u.id = v.editor_id
        left join memberships m on m.user_id = u.id left join organizations o on o.id = m.organization_id
        where v.use_case_id = ${id} order by v.version desc`,
  );
  return {
    items: rows.map((row) => ({
      version: toNumber(row.version),
      editor: authorFrom(row),
      createdAt: iso(row.created_at as Date | string),
      changes: (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as UseCaseVersion['changes'],
    })),
  };
}
