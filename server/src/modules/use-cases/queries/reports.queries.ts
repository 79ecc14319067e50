import type { ReportStatus } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, execute, queryRows, toNumber } from '../../../platform/db.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { membershipOrganizationSql } from '../../organizations/index.js';
import { authorColumns, authorJoin, organizationJoin } from '../../people/index.js';
import { authorRow, countRow } from './case-rows.js';

/** A person's open report on a case; a second one violates the partial unique index. */
export async function insertReport(
  db: DbOrTx,
  values: { useCaseId: string; reporterId: string; reason: string; details: string | null },
): Promise<{ id: string }> {
  const [created] = await queryRows(
    db,
    row({ id: col.text }),
    sql`insert into use_case_reports (use_case_id, reporter_id, reason, details)
        values (${values.useCaseId}, ${values.reporterId}, ${values.reason}, ${values.details}) returning id`,
  );
  return created!;
}

/** A person with their organization, joined left as `u` and `o` for authorColumns (a removed person stays null). */
const personJoin = (userId: SQL): SQL =>
  authorJoin(userId, membershipOrganizationSql(userId), { userAlias: 'u', organizationAlias: 'o', left: true });

/** A report as the queue shows it: the report, its case and company, how many are open on the case, and the reporter. */
export const reportRow = row({
  ...authorRow,
  id: col.text,
  use_case_id: col.text,
  reason: col.text,
  details: col.textOrNull,
  status: col.text,
  resolution: col.textOrNull,
  resolved_at: col.timestampOrNull,
  created_at: col.timestamp,
  case_title: col.text,
  case_organization_id: col.text,
  co_name: col.text,
  co_name_ar: col.textOrNull,
  co_logo_file_id: col.textOrNull,
  open_on_case: col.bigint,
});
export type ReportRow = RowOf<typeof reportRow>;

const reportSelect = (where: SQL, tail: SQL = sql``): SQL =>
  sql`select r.id, r.use_case_id, r.reason, r.details, r.status, r.resolution, r.resolved_at, r.created_at,
      uc.title as case_title, uc.organization_id as case_organization_id,
      co.name as co_name, co.name_ar as co_name_ar, co.logo_file_id as co_logo_file_id,
      (select count(*) from use_case_reports x where x.use_case_id = r.use_case_id and x.status = 'open') as open_on_case,
      ${authorColumns('u', 'o')}
    from use_case_reports r join use_cases uc on uc.id = r.use_case_id ${organizationJoin(sql`uc.organization_id`, 'co')}
    ${personJoin(sql`r.reporter_id`)}
    where ${where} ${tail}`;

/** A page of the reports in a status (oldest open first; newest first once resolved) and how many there are. */
export async function findReportPage(
  db: DbOrTx,
  status: ReportStatus,
  limit: number,
  offset: number,
): Promise<{ rows: ReportRow[]; total: number }> {
  const order = status === 'open' ? sql`r.created_at asc, r.id` : sql`r.resolved_at desc nulls last, r.id`;
  const [rows, counted] = await Promise.all([
    queryRows(db, reportRow, reportSelect(sql`r.status = ${status}`, sql`order by ${order} limit ${limit} offset ${offset}`)),
    queryRows(db, countRow, sql`select count(*) as n from use_case_reports where status = ${status}`),
  ]);
  return { rows, total: toNumber(counted[0]?.n) };
}

export async function findReport(db: DbOrTx, id: string): Promise<ReportRow | undefined> {
  const [found] = await queryRows(db, reportRow, reportSelect(sql`r.id = ${id}`));
  return found;
}

/** The report's case and status, its row locked for the rest of the transaction. */
export async function lockReport(db: DbOrTx, id: string): Promise<{ use_case_id: string; status: string } | undefined> {
  const [found] = await queryRows(
    db,
    row({ use_case_id: col.text, status: col.text }),
    sql`select use_case_id, status from use_case_reports where id = ${id} for update`,
  );
  return found;
}

/** Stores a moderator's outcome on one report, or on every open report of a case. */
export async function resolveReports(
  db: DbOrTx,
  which: { reportId: string } | { openOnCase: string },
  outcome: { status: ReportStatus; resolution: string | null; resolvedById: string },
): Promise<void> {
  const where = 'reportId' in which ? sql`id = ${which.reportId}` : sql`use_case_id = ${which.openOnCase} and status = 'open'`;
  await execute(
    db,
    sql`update use_case_reports set status = ${outcome.status}, resolution = ${outcome.resolution}, resolved_by_id = ${outcome.resolvedById}, resolved_at = now() where ${where}`,
  );
}

export const versionRow = row({ ...authorRow, version: col.integer, created_at: col.timestamp, changes: col.json<unknown>() });

/** Versions of a case, newest first, `limit` of them older than `before` (a version number), with their editor (null once removed). */
export function versionsQuery(useCaseId: string, limit: number, before?: number): SQL {
  return sql`select v.version, v.created_at, v.changes, ${authorColumns('u', 'o')}
        from use_case_versions v ${personJoin(sql`v.editor_id`)}
        where v.use_case_id = ${useCaseId} ${before === undefined ? sql`` : sql`and v.version < ${before}`}
        order by v.version desc limit ${limit}`;
}

export function findVersions(db: DbOrTx, useCaseId: string, limit: number, before?: number): Promise<RowOf<typeof versionRow>[]> {
  return queryRows(db, versionRow, versionsQuery(useCaseId, limit, before));
}
