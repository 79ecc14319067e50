import type { UseCaseSort } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, toNumber } from '../../../platform/db.js';
import { exactTime } from '../../../platform/keyset.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { TRENDING_INTERVALS } from '../../../platform/search-text.js';
import { TECHNOLOGY_FACET_LIMIT } from '../facet-cache.js';
import { CASE_YEAR, type CaseConditions, type CaseScope, FACETS, type Facet, whereAll } from '../use-cases.filters.js';
import { type CaseReader, listedCase } from '../use-cases.reader.js';
import { countRow, OUTCOME_COLUMNS, outcomeRow, SUMMARY_COLUMNS, SUMMARY_JOINS, summaryRow } from './case-rows.js';

const ORDER: Record<UseCaseSort, string> = {
  newest: 'uc.published_at desc, uc.id desc',
  views: 'uc.views_count desc, uc.id desc',
  likes: 'uc.likes_count desc, uc.id desc',
  roi: 'uc.roi_percent desc nulls last, uc.id desc',
};

/** The order of a list; "mine" holds drafts, which have no publication date yet. */
export function orderOf(sort: UseCaseSort, scope: CaseScope): SQL {
  if (scope === 'mine' && sort === 'newest') return sql.raw('coalesce(uc.published_at, uc.updated_at) desc, uc.id desc');
  return sql.raw(ORDER[sort]);
}

/** Where a walk of the library newest first goes on: after the case published at this exact time with this id. */
export interface PublishedKey {
  at: string;
  id: string;
}

export interface BrowsePage {
  conditions: CaseConditions;
  sort: UseCaseSort;
  scope: CaseScope;
  limit: number;
  offset: number;
  /** Newest first over the library: the cases after this one (by the newest index), instead of the offset. */
  after?: PublishedKey | undefined;
  /** Each row carries the count of every match (`total`): for lists without facets, whose category counts give it otherwise. */
  withTotal: boolean;
}

export const browseRow = row(summaryRow);
/** A browse row with its exact publication time (the key of the cursor after it). */
export const browsePageRow = row({ ...summaryRow, published_key: col.textOrNull });
export type BrowsePageRow = RowOf<typeof browsePageRow>;
const browseRowWithTotal = row({ ...browsePageRow, total: col.bigint });

/** One page of a browse: the list rows in the list's order (after a key: from the newest index, no offset). */
export function browsePageSql(page: BrowsePage): SQL {
  const where = page.after
    ? sql`${whereAll(page.conditions)} and (uc.published_at, uc.id) < (${page.after.at}::timestamptz, ${page.after.id}::uuid)`
    : whereAll(page.conditions);
  return sql`select ${SUMMARY_COLUMNS}, ${exactTime(sql`uc.published_at`)} as published_key${page.withTotal ? sql`, count(*) over () as total` : sql``}
      from use_cases uc ${SUMMARY_JOINS}
      where ${where}
      order by ${orderOf(page.sort, page.scope)} limit ${page.limit} ${page.after ? sql`` : sql`offset ${page.offset}`}`;
}

/** One page of a browse (see browsePageSql); `total` is null unless asked for and there are rows. */
export async function findBrowsePage(db: DbOrTx, page: BrowsePage): Promise<{ rows: BrowsePageRow[]; total: number | null }> {
  if (!page.withTotal) return { rows: await queryRows(db, browsePageRow, browsePageSql(page)), total: null };
  const rows = await queryRows(db, browseRowWithTotal, browsePageSql(page));
  return { rows, total: rows.length > 0 ? toNumber(rows[0]!.total) : null };
}

/** How many cases meet the conditions, counting no further than `cap`. */
export async function countCapped(db: DbOrTx, conditions: CaseConditions, cap: number): Promise<number> {
  const [found] = await queryRows(
    db,
    countRow,
    sql`select count(*) as n from (select 1 from use_cases uc where ${whereAll(conditions)} limit ${cap}) capped`,
  );
  return toNumber(found?.n);
}

const FACET_VALUE: Record<Facet, SQL> = {
  category: sql`category`,
  industry: sql`industry`,
  technology: sql`technology`,
  region: sql`region`,
  year: sql`year::text`,
  verified: sql`verified::text`,
  featured: sql`featured::text`,
};

export const facetCountRow = row({ facet: col.text, value: col.text, n: col.bigint });

/**
 * Disjunctive facet counts in one statement: the cases matching the base conditions are read once
 * (materialised with one boolean per facet filter), then each facet groups the rows that match every
 * other facet's filter (the technology facet: its TECHNOLOGY_FACET_LIMIT most frequent values).
 */
export function facetCountsSql(conditions: CaseConditions): SQL {
  const matches = FACETS.map((facet) => sql`${conditions.facets[facet] ?? sql`true`} as m_${sql.raw(facet)}`);
  const othersMatch = (facet: Facet): SQL => {
    const others = FACETS.filter((other) => other !== facet && conditions.facets[other] !== null).map((other) => sql.raw(`m_${other}`));
    return others.length > 0 ? sql.join(others, sql` and `) : sql`true`;
  };
  const selects = FACETS.map((facet) => {
    if (facet === 'technology') {
      return sql`(select 'technology' as facet, technology as value, count(*) as n
                  from f cross join unnest(f.technologies) as technology where ${othersMatch(facet)}
                  group by technology order by n desc, technology limit ${TECHNOLOGY_FACET_LIMIT})`;
    }
    return sql`(select ${sql.raw(`'${facet}'`)} as facet, ${FACET_VALUE[facet]} as value, count(*) as n from f
                where ${othersMatch(facet)} and ${sql.raw(facet)} is not null group by ${sql.raw(facet)})`;
  });
  return sql`with f as materialized (
        select uc.category, uc.industry, uc.technologies, uc.region, ${CASE_YEAR} as year, uc.verified, uc.featured, ${sql.join(matches, sql`, `)}
        from use_cases uc where ${conditions.base})
      ${sql.join(selects, sql` union all `)}`;
}

/** Each facet's values with their counts (see facetCountsSql), unordered. */
export async function findFacetCounts(db: DbOrTx, conditions: CaseConditions): Promise<{ facet: Facet; value: string; count: number }[]> {
  const rows = await queryRows(db, facetCountRow, facetCountsSql(conditions));
  return rows.map((found) => ({ facet: found.facet as Facet, value: found.value, count: toNumber(found.n) }));
}

const trendingRow = row({ ...summaryRow, t_views: col.numeric, t_likes: col.numeric, t_saves: col.numeric, t_score: col.numeric });

/**
 * The listed cases with the most engagement in the period: counted views, plus likes and saves
 * weighted 3 and 5, with each part of the score.
 */
export function findTrending(
  db: DbOrTx,
  reader: CaseReader,
  period: keyof typeof TRENDING_INTERVALS,
  limit: number,
): Promise<RowOf<typeof trendingRow>[]> {
  const since = sql`now() - ${TRENDING_INTERVALS[period]}::interval`;
  return queryRows(
    db,
    trendingRow,
    sql`with activity as (
          select use_case_id, count(*) as views, 0 as likes, 0 as saves from use_case_views where viewed_at > ${since} group by use_case_id
          union all select use_case_id, 0, count(*), 0 from use_case_likes where created_at > ${since} group by use_case_id
          union all select use_case_id, 0, 0, count(*) from use_case_saves where created_at > ${since} group by use_case_id),
        scored as (
          select use_case_id, sum(views) as views, sum(likes) as likes, sum(saves) as saves, sum(views) + 3 * sum(likes) + 5 * sum(saves) as score
          from activity group by use_case_id)
        select ${SUMMARY_COLUMNS}, s.views as t_views, s.likes as t_likes, s.saves as t_saves, s.score as t_score
        from scored s join use_cases uc on uc.id = s.use_case_id ${SUMMARY_JOINS}
        where ${listedCase(reader)}
        order by s.score desc, uc.published_at desc limit ${limit}`,
  );
}

/** The featured listed cases, newest first. */
export function findFeatured(db: DbOrTx, reader: CaseReader, limit: number): Promise<RowOf<typeof browseRow>[]> {
  return queryRows(
    db,
    browseRow,
    sql`select ${SUMMARY_COLUMNS} from use_cases uc ${SUMMARY_JOINS}
        where uc.featured and ${listedCase(reader)} order by uc.published_at desc, uc.id desc limit ${limit}`,
  );
}

const categoryTotalsRow = row({
  category: col.text,
  n: col.bigint,
  avg_roi: col.numericOrNull,
  views: col.bigint,
  likes: col.bigint,
  saves: col.bigint,
});
const categoryTechnologyRow = row({ category: col.text, technology: col.text, n: col.bigint });

/** Per category over the listed cases: how many, average ROI, engagement; and each category's three most used technologies. */
export async function findCategoryStats(
  db: DbOrTx,
  reader: CaseReader,
): Promise<{ totals: RowOf<typeof categoryTotalsRow>[]; technologies: RowOf<typeof categoryTechnologyRow>[] }> {
  const [totals, technologies] = await Promise.all([
    queryRows(
      db,
      categoryTotalsRow,
      sql`select uc.category, count(*) as n, avg(uc.roi_percent) as avg_roi, sum(uc.views_count) as views, sum(uc.likes_count) as likes, sum(uc.saves_count) as saves
          from use_cases uc where ${listedCase(reader)} group by uc.category order by n desc, uc.category`,
    ),
    queryRows(
      db,
      categoryTechnologyRow,
      sql`select category, technology, n from (
            select uc.category, technology, count(*) as n, row_number() over (partition by uc.category order by count(*) desc, technology) as place
            from use_cases uc cross join unnest(uc.technologies) as technology where ${listedCase(reader)} group by uc.category, technology) ranked
          where place <= 3 order by category, n desc`,
    ),
  ]);
  return { totals, technologies };
}

export const exportCaseRow = row({ ...summaryRow, ...outcomeRow });

/** The cases of a list with every outcome, in the list's order, at most `limit`. */
export function findExportRows(
  db: DbOrTx,
  page: { conditions: CaseConditions; sort: UseCaseSort; scope: CaseScope; limit: number },
): Promise<RowOf<typeof exportCaseRow>[]> {
  return queryRows(
    db,
    exportCaseRow,
    sql`select ${SUMMARY_COLUMNS}, ${OUTCOME_COLUMNS}
        from use_cases uc ${SUMMARY_JOINS}
        where ${whereAll(page.conditions)}
        order by ${orderOf(page.sort, page.scope)} limit ${page.limit}`,
  );
}
