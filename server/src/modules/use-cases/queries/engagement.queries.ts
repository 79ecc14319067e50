import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, toNumber } from '../../../platform/db.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { organizationJoin } from '../../people/index.js';
import { riyadhTime } from '../use-cases.filters.js';
import { type CaseReader, listedCase } from '../use-cases.reader.js';
import { countRow, SUMMARY_COLUMNS, SUMMARY_JOINS, summaryRow } from './case-rows.js';

const savedPageRow = row({ ...summaryRow, total: col.bigint });

/** A page of the reader's bookmarks they may still see, most recently saved first, each row with the total. */
export function findSavedPage(
  db: DbOrTx,
  reader: CaseReader & { userId: string },
  limit: number,
  offset: number,
): Promise<RowOf<typeof savedPageRow>[]> {
  return queryRows(
    db,
    savedPageRow,
    sql`select ${SUMMARY_COLUMNS}, count(*) over () as total
        from use_case_saves s join use_cases uc on uc.id = s.use_case_id ${SUMMARY_JOINS}
        where s.user_id = ${reader.userId} and ${listedCase(reader)}
        order by s.created_at desc, uc.id desc limit ${limit} offset ${offset}`,
  );
}

/** How many bookmarks the reader may still see. */
export async function countSaved(db: DbOrTx, reader: CaseReader & { userId: string }): Promise<number> {
  const [found] = await queryRows(
    db,
    countRow,
    sql`select count(*) as n from use_case_saves s join use_cases uc on uc.id = s.use_case_id where s.user_id = ${reader.userId} and ${listedCase(reader)}`,
  );
  return toNumber(found?.n);
}

const dailyRow = row({ date: col.text, views: col.bigint, likes: col.bigint, saves: col.bigint });
const viewerOrganizationRow = row({
  id: col.text,
  name: col.text,
  name_ar: col.textOrNull,
  logo_file_id: col.textOrNull,
  views: col.bigint,
});
const hourRow = row({ hour: col.integer, views: col.bigint });
const engagementTotalsRow = row({ unique_viewers: col.bigint, today: col.text });

export interface EngagementRows {
  daily: RowOf<typeof dailyRow>[];
  organizations: RowOf<typeof viewerOrganizationRow>[];
  hours: RowOf<typeof hourRow>[];
  totals: RowOf<typeof engagementTotalsRow> | undefined;
}

/**
 * A case's engagement over the last `days` Riyadh days, in four aggregate statements side by side:
 * views, likes and saves per day, the ten organizations whose people viewed it most, views by hour of
 * day, and the distinct viewers with today's Riyadh date.
 */
export async function findEngagement(db: DbOrTx, id: string, days: number): Promise<EngagementRows> {
  const since = sql`(date_trunc('day', ${riyadhTime(sql`now()`)}) - ${days - 1} * interval '1 day')`;
  const day = (column: SQL) => sql`to_char(date_trunc('day', ${riyadhTime(column)}), 'YYYY-MM-DD')`;
  const [daily, organizations, hours, totals] = await Promise.all([
    queryRows(
      db,
      dailyRow,
      sql`with events as (
            select ${day(sql`viewed_at`)} as date, 1 as views, 0 as likes, 0 as saves from use_case_views where use_case_id = ${id} and ${riyadhTime(sql`viewed_at`)} >= ${since}
            union all select ${day(sql`created_at`)}, 0, 1, 0 from use_case_likes where use_case_id = ${id} and ${riyadhTime(sql`created_at`)} >= ${since}
            union all select ${day(sql`created_at`)}, 0, 0, 1 from use_case_saves where use_case_id = ${id} and ${riyadhTime(sql`created_at`)} >= ${since})
          select date, sum(views) as views, sum(likes) as likes, sum(saves) as saves from events group by date`,
    ),
    queryRows(
      db,
      viewerOrganizationRow,
      sql`select o.id, o.name, o.name_ar, o.logo_file_id, count(*) as views
          from use_case_views v ${organizationJoin(sql`v.organization_id`, 'o')}
          where v.use_case_id = ${id} and ${riyadhTime(sql`v.viewed_at`)} >= ${since}
          group by o.id order by views desc, o.name limit 10`,
    ),
    queryRows(
      db,
      hourRow,
      sql`select extract(hour from ${riyadhTime(sql`viewed_at`)})::int as hour, count(*) as views
          from use_case_views where use_case_id = ${id} and ${riyadhTime(sql`viewed_at`)} >= ${since} group by 1`,
    ),
    queryRows(
      db,
      engagementTotalsRow,
      sql`select count(distinct user_id) as unique_viewers, to_char(${riyadhTime(sql`now()`)}, 'YYYY-MM-DD') as today
          from use_case_views where use_case_id = ${id} and ${riyadhTime(sql`viewed_at`)} >= ${since}`,
    ),
  ]);
  return { daily, organizations, hours, totals: totals[0] };
}
