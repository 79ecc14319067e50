import { type Page, toPage, type UseCase, type UseCaseEngagement, type UseCaseSummary, type UseCaseToggleResult } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { type Db, queryRows, toNumber } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import { riyadhTime } from './use-cases.filters.js';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary } from './use-cases.presenter.js';
import { accessOf, getVisibleCaseFacts, loadCase } from './use-cases.repository.js';
import { type CaseReader, getCaseReader, isCaseOwner, listedCase, requireSignedIn } from './use-cases.reader.js';
import { fileUrlOrNull } from '../../platform/file-url.js';

/**
 * Opens a case for its page. A signed-in reader's view counts when their last counted view of it is
 * more than an hour old, in the statement that reads the case (see viewCounter). Guests' views are
 * not counted.
 */
export async function openUseCase(db: Db, actor: Actor | null, id: string): Promise<UseCase> {
  return loadCase(db, getCaseReader(actor), id, { countView: true });
}

const TOGGLES = {
  like: { table: 'use_case_likes', counter: 'likes_count' },
  save: { table: 'use_case_saves', counter: 'saves_count' },
} as const;

/**
 * Like or save toggles: one person's toggles of one case take turns (a transaction-scoped advisory
 * lock taken with the visibility check), then one statement inserts or deletes the row and moves the
 * counter by exactly the row that changed.
 */
export async function toggleUseCase(db: Db, actor: Actor, id: string, kind: keyof typeof TOGGLES): Promise<UseCaseToggleResult> {
  const { table, counter } = TOGGLES[kind];
  return withTransaction(db, async (tx) => {
    const reader = getCaseReader(actor);
    requireSignedIn(reader);
    const row = await getVisibleCaseFacts(tx, reader, id);
    if (row.status !== 'published' || row.hiddenAt)
      throw new AppError('CONFLICT', `Only published use cases can be ${kind === 'like' ? 'liked' : 'saved'}`);
    await queryRows(tx, sql`select pg_advisory_xact_lock(hashtextextended(${`${table}:${id}:${reader.userId}`}, 0))`);
    const [result] = await queryRows<{ count: number; added: number }>(
      tx,
      sql`with added as (insert into ${sql.raw(table)} (use_case_id, user_id) values (${id}, ${reader.userId}) on conflict do nothing returning 1),
          removed as (delete from ${sql.raw(table)} where use_case_id = ${id} and user_id = ${reader.userId} and not exists (select 1 from added) returning 1)
          update use_cases set ${sql.raw(counter)} = ${sql.raw(counter)} + (select count(*) from added) - (select count(*) from removed)
          where id = ${id} returning ${sql.raw(counter)} as count, (select count(*) from added) as added`,
    );
    return { active: toNumber(result?.added) > 0, count: toNumber(result?.count) };
  });
}

/** The reader's bookmarks that they may still see, most recently saved first. */
export async function listSavedUseCases(db: Db, actor: Actor, page: number, pageSize: number): Promise<Page<UseCaseSummary>> {
  const reader = getCaseReader(actor);
  requireSignedIn(reader);
  const rows = await queryRows(
    db,
    sql`select ${SUMMARY_COLUMNS}, count(*) over () as total
        from use_case_saves s join use_cases uc on uc.id = s.use_case_id ${SUMMARY_JOINS}
        where s.user_id = ${reader.userId} and ${listedCase(reader)}
        order by s.created_at desc, uc.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const total = rows.length > 0 ? toNumber(rows[0]!.total) : await countSaved(db, reader);
  return toPage(rows.map(toSummary), total, page, pageSize);
}

async function countSaved(db: Db, reader: CaseReader & { userId: string }): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*) as n from use_case_saves s join use_cases uc on uc.id = s.use_case_id where s.user_id = ${reader.userId} and ${listedCase(reader)}`,
  );
  return toNumber(row?.n);
}

/**
 * Engagement for the case's owners: views, likes and saves per Riyadh day over the period, the
 * organizations whose people viewed it, and views by hour of day. Four aggregate statements.
 */
export async function getEngagement(db: Db, actor: Actor, id: string, days: number): Promise<UseCaseEngagement> {
  const reader = getCaseReader(actor);
  requireSignedIn(reader);
  const row = await getVisibleCaseFacts(db, reader, id);
  if (!isCaseOwner(reader, accessOf(row))) throw new AppError('FORBIDDEN', "Only the use case's owners see its engagement");
  const since = sql`(date_trunc('day', ${riyadhTime(sql`now()`)}) - ${days - 1} * interval '1 day')`;
  const day = (column: string) => sql`to_char(date_trunc('day', ${riyadhTime(sql.raw(column))}), 'YYYY-MM-DD')`;
  const [daily, organizations, hours, totals] = await Promise.all([
    queryRows<{ date: string; views: number; likes: number; saves: number }>(
      db,
      sql`with events as (
            select ${day('viewed_at')} as date, 1 as views, 0 as likes, 0 as saves from use_case_views where use_case_id = ${id} and ${riyadhTime(sql`viewed_at`)} >= ${since}
            union all select ${day('created_at')}, 0, 1, 0 from use_case_likes where use_case_id = ${id} and ${riyadhTime(sql`created_at`)} >= ${since}
            union all select ${day('created_at')}, 0, 0, 1 from use_case_saves where use_case_id = ${id} and ${riyadhTime(sql`created_at`)} >= ${since})
          select date, sum(views) as views, sum(likes) as likes, sum(saves) as saves from events group by date`,
    ),
    queryRows<{ id: string; name: string; name_ar: string | null; logo_file_id: string | null; views: number }>(
      db,
      sql`select o.id, o.name, o.name_ar, o.logo_file_id, count(*) as views
          from use_case_views v join organizations o on o.id = v.organization_id
          where v.use_case_id = ${id} and ${riyadhTime(sql`v.viewed_at`)} >= ${since}
          group by o.id order by views desc, o.name limit 10`,
    ),
    queryRows<{ hour: number; views: number }>(
      db,
      sql`select extract(hour from ${riyadhTime(sql`viewed_at`)})::int as hour, count(*) as views
          from use_case_views where use_case_id = ${id} and ${riyadhTime(sql`viewed_at`)} >= ${since} group by 1`,
    ),
    queryRows<{ unique_viewers: number; today: string }>(
      db,
      sql`select count(distinct user_id) as unique_viewers, to_char(${riyadhTime(sql`now()`)}, 'YYYY-MM-DD') as today
          from use_case_views where use_case_id = ${id} and ${riyadhTime(sql`viewed_at`)} >= ${since}`,
    ),
  ]);
  const byDate = new Map(daily.map((entry) => [entry.date, entry]));
  const today = new Date(`${totals[0]!.today}T00:00:00Z`);
  const series = Array.from({ length: days }, (_, index) => {
    const date = new Date(today.getTime() - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    const entry = byDate.get(date);
    return { date, views: toNumber(entry?.views), likes: toNumber(entry?.likes), saves: toNumber(entry?.saves) };
  });
  const byHour = new Map(hours.map((entry) => [toNumber(entry.hour), toNumber(entry.views)]));
  return {
    days,
    totals: {
      views: series.reduce((sum, entry) => sum + entry.views, 0),
      likes: series.reduce((sum, entry) => sum + entry.likes, 0),
      saves: series.reduce((sum, entry) => sum + entry.saves, 0),
      uniqueViewers: toNumber(totals[0]?.unique_viewers),
    },
    daily: series,
    byOrganization: organizations.map((entry) => ({
      organization: {
        id: entry.id,
        name: entry.name,
        nameAr: entry.name_ar,
        logoUrl: fileUrlOrNull(entry.logo_file_id),
      },
      views: toNumber(entry.views),
    })),
    peakHours: Array.from({ length: 24 }, (_, hour) => ({ hour, views: byHour.get(hour) ?? 0 })),
  };
}
