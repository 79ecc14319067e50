import {
  type FacetCount,
  toPage,
  type UseCaseCategoryStats,
  type UseCaseFacets,
  type UseCaseFilters,
  type UseCaseList,
  type useCaseListQuerySchema,
  type UseCasePage,
  type UseCaseSort,
  type UseCaseTrending,
} from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { type Actor } from '../../platform/actor.js';
import { TRENDING_INTERVALS } from '../../platform/search-text.js';
import { buildConditions, CASE_YEAR, type CaseConditions, type CaseScope, FACETS, type Facet, whereAll } from './use-cases.filters.js';
import { facetsFor, TECHNOLOGY_FACET_LIMIT } from './facet-cache.js';
import { numberOrNull, SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary } from './use-cases.presenter.js';
import { type CaseReader, getCaseReader, listedCase } from './use-cases.reader.js';

type ListQuery = z.output<typeof useCaseListQuerySchema>;

/** Where an exact count would cost more than it tells (lists without facets). */
const COUNT_CAP = 10_000;

const ORDER: Record<UseCaseSort, string> = {
  newest: 'uc.published_at desc, uc.id desc',
  views: 'uc.views_count desc, uc.id desc',
  likes: 'uc.likes_count desc, uc.id desc',
  roi: 'uc.roi_percent desc nulls last, uc.id desc',
};

/**
 * The conditions with the full-text one written as `search_vector @@ (select p2p_search_query(q))`:
 * the same test, but the planner cannot look the words up in its statistics, so it reads the matches
 * from the search index even for a word in a third of the cases. Given the words, it prefers reading
 * the whole table, which decompresses every case's search vector (about 1 s over 100,000 cases, where
 * the index answers in milliseconds).
 */
export function withIndexedText(conditions: CaseConditions, q: string | undefined): CaseConditions {
  if (!q) return conditions;
  return { ...conditions, base: sql`${conditions.base} and uc.search_vector @@ (select p2p_search_query(${q}))` };
}

/** The cases a list holds: every case has one category, so the counts of the chosen categories (or of all) add up to them. */
export function totalOf(facets: UseCaseFacets, categories: readonly string[] | undefined): number {
  const chosen = categories && categories.length > 0 ? new Set(categories) : null;
  return facets.category.filter((entry) => !chosen || chosen.has(entry.value)).reduce((sum, entry) => sum + entry.count, 0);
}

/** Facet counts for the conditions, the text condition read from the search index. */
export const countFacets = (db: DbOrTx, conditions: CaseConditions, q: string | undefined) =>
  facetCounts(db, withIndexedText(conditions, q));

/** The order of a list; "mine" holds drafts, which have no publication date yet. */
export function orderOf(sort: UseCaseSort, scope: CaseScope): SQL {
  if (scope === 'mine' && sort === 'newest') return sql.raw('coalesce(uc.published_at, uc.updated_at) desc, uc.id desc');
  return sql.raw(ORDER[sort]);
}

/** The filters part of a list query (everything the facets and the page need). */
export function filtersOf(query: Partial<UseCaseFilters>): UseCaseFilters {
  const { q, category, industry, technology, tag, city, region, year, organizationId, verified, featured, roiMin, roiMax } = query;
  return { q, category, industry, technology, tag, city, region, year, organizationId, verified, featured, roiMin, roiMax };
}

/**
 * Browse: a page of cases and the facet counts over the filtered set, in two statements run side by
 * side whatever the filters. The total is the sum of the category facet's counts for the chosen
 * categories (every case has exactly one), so it costs no third statement.
 */
export async function listUseCases(db: DbOrTx, actor: Actor | null, query: ListQuery): Promise<UseCasePage> {
  const reader = getCaseReader(actor);
  const filters = filtersOf(query);
  const conditions = buildConditions(reader, filters, query.scope);
  const offset = (query.page - 1) * query.pageSize;
  const withFacets = query.facets !== false;
  const [rows, facets] = await Promise.all([
    queryRows(
      db,
      sql`select ${SUMMARY_COLUMNS}${withFacets ? sql`` : sql`, count(*) over () as total`}
          from use_cases uc ${SUMMARY_JOINS}
          where ${whereAll(conditions)}
          order by ${orderOf(query.sort, query.scope)} limit ${query.pageSize} offset ${offset}`,
    ),
    withFacets ? facetsFor(db, reader, filters, query.scope, countFacets) : Promise.resolve(null),
  ]);
  let total: number;
  if (facets) {
    total = totalOf(facets, query.category);
  } else if (rows.length > 0) {
    total = toNumber(rows[0]!.total);
  } else {
    total = offset === 0 ? 0 : await countCapped(db, conditions);
  }
  const page = toPage(rows.map(toSummary), total, query.page, query.pageSize);
  return { ...page, facets };
}

async function countCapped(db: DbOrTx, conditions: CaseConditions): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*) as n from (select 1 from use_cases uc where ${whereAll(conditions)} limit ${COUNT_CAP}) capped`,
  );
  return toNumber(row?.n);
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

/**
 * Disjunctive facet counts in one statement: the cases matching the base conditions are read once
 * (materialised with one boolean per facet filter), then each facet groups the rows that match every
 * other facet's filter.
 */
export async function facetCounts(db: DbOrTx, conditions: CaseConditions): Promise<UseCaseFacets> {
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
  const rows = await queryRows<{ facet: Facet; value: string; n: number }>(
    db,
    sql`with f as materialized (
          select uc.category, uc.industry, uc.technologies, uc.region, ${CASE_YEAR} as year, uc.verified, uc.featured, ${sql.join(matches, sql`, `)}
          from use_cases uc where ${conditions.base})
        ${sql.join(selects, sql` union all `)}`,
  );
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetCount[]])) as unknown as UseCaseFacets;
  for (const row of rows) facets[row.facet].push({ value: row.value, count: toNumber(row.n) });
  for (const facet of FACETS) {
    if (facet === 'year') facets.year.sort((a, b) => b.value.localeCompare(a.value));
    else facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}

/**
 * Trending: the listed cases with the most engagement in the period — counted views, plus likes and
 * saves weighted 3 and 5 (a bookmark says more than a look).
 */
export async function trendingUseCases(
  db: DbOrTx,
  actor: Actor | null,
  period: keyof typeof TRENDING_INTERVALS,
  limit: number,
): Promise<UseCaseTrending> {
  const reader = getCaseReader(actor);
  const since = sql`now() - ${TRENDING_INTERVALS[period]}::interval`;
  const rows = await queryRows(
    db,
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
  return {
    period,
    items: rows.map((row) => ({
      useCase: toSummary(row),
      views: toNumber(row.t_views),
      likes: toNumber(row.t_likes),
      saves: toNumber(row.t_saves),
      score: toNumber(row.t_score),
    })),
  };
}

export async function featuredUseCases(db: DbOrTx, actor: Actor | null, limit: number): Promise<UseCaseList> {
  const reader = getCaseReader(actor);
  const rows = await queryRows(
    db,
    sql`select ${SUMMARY_COLUMNS} from use_cases uc ${SUMMARY_JOINS}
        where uc.featured and ${listedCase(reader)} order by uc.published_at desc, uc.id desc limit ${limit}`,
  );
  return { items: rows.map(toSummary) };
}

/** Per category over what the reader may see: how many, average ROI, engagement, and the three most used technologies. */
export async function categoryStats(db: DbOrTx, actor: Actor | null): Promise<UseCaseCategoryStats> {
  const reader: CaseReader = getCaseReader(actor);
  const [totals, technologies] = await Promise.all([
    queryRows<{ category: string; n: number; avg_roi: unknown; views: number; likes: number; saves: number }>(
      db,
      sql`select uc.category, count(*) as n, avg(uc.roi_percent) as avg_roi, sum(uc.views_count) as views, sum(uc.likes_count) as likes, sum(uc.saves_count) as saves
          from use_cases uc where ${listedCase(reader)} group by uc.category order by n desc, uc.category`,
    ),
    queryRows<{ category: string; technology: string; n: number }>(
      db,
      sql`select category, technology, n from (
            select uc.category, technology, count(*) as n, row_number() over (partition by uc.category order by count(*) desc, technology) as place
            from use_cases uc cross join unnest(uc.technologies) as technology where ${listedCase(reader)} group by uc.category, technology) ranked
          where place <= 3 order by category, n desc`,
    ),
  ]);
  return {
    items: totals.map((row) => ({
      category: row.category as UseCaseCategoryStats['items'][number]['category'],
      count: toNumber(row.n),
      averageRoiPercent: row.avg_roi === null ? null : Math.round((numberOrNull(row.avg_roi) ?? 0) * 10) / 10,
      views: toNumber(row.views),
      likes: toNumber(row.likes),
      saves: toNumber(row.saves),
      topTechnologies: technologies
        .filter((entry) => entry.category === row.category)
        .map((entry) => ({ value: entry.technology, count: toNumber(entry.n) })),
    })),
  };
}
