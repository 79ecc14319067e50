import type { UseCaseFilters } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type CaseReader, listedCase, ownOrganizationCase } from './use-cases.reader.js';

export const FACETS = ['category', 'industry', 'technology', 'region', 'year', 'verified', 'featured'] as const;
export type Facet = (typeof FACETS)[number];

export type CaseScope = 'all' | 'mine';

/**
 * A browse or search as SQL over `uc`: `base` holds visibility and the filters that are not facets
 * (text, organization, tags, city, ROI range); `facets` holds each facet's own condition, or null when
 * that facet is not filtered. Facet counts apply every condition but the facet's own.
 */
export interface CaseConditions {
  base: SQL;
  facets: Record<Facet, SQL | null>;
}

/** `array['a', 'b']::text[]` with each value a parameter. */
export function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

/** The instant as Riyadh wall-clock time (UTC+3 all year: the Kingdom keeps no daylight saving). */
export function riyadhTime(column: SQL): SQL {
  return sql`((${column}) at time zone 'UTC' + interval '3 hours')`;
}

/** The year a case counts under: its publication, or its creation while a draft. */
export const CASE_YEAR = sql`extract(year from ${riyadhTime(sql`coalesce(uc.published_at, uc.created_at)`)})::int`;

const anyOf = (column: SQL, values: readonly string[] | undefined): SQL | null =>
  values && values.length > 0 ? sql`${column} = any(${textArray(values)})` : null;

/** The conditions of a list; `visibility` replaces the reader's own (listedCase, or ownOrganizationCase for "mine") when given. */
export function buildConditions(
  reader: CaseReader,
  filters: Partial<UseCaseFilters>,
  scope: CaseScope = 'all',
  visibility?: SQL,
): CaseConditions {
  const base: SQL[] = [visibility ?? (scope === 'mine' ? ownOrganizationCase(reader) : listedCase(reader))];
  if (filters.q) base.push(sql`uc.search_vector @@ p2p_search_query(${filters.q})`);
  if (filters.organizationId) base.push(sql`uc.organization_id = ${filters.organizationId}`);
  if (filters.tag && filters.tag.length > 0) base.push(sql`uc.tags && ${textArray(filters.tag)}`);
  const city = anyOf(sql`uc.city`, filters.city);
  if (city) base.push(city);
  if (filters.roiMin !== undefined) base.push(sql`uc.roi_percent >= ${filters.roiMin}`);
  if (filters.roiMax !== undefined) base.push(sql`uc.roi_percent <= ${filters.roiMax}`);
  const years = filters.year?.map(Number);
  return {
    base: sql.join(base, sql` and `),
    facets: {
      category: anyOf(sql`uc.category`, filters.category),
      industry: anyOf(sql`uc.industry`, filters.industry),
      technology: filters.technology && filters.technology.length > 0 ? sql`uc.technologies && ${textArray(filters.technology)}` : null,
      region: anyOf(sql`uc.region`, filters.region),
      year:
        years && years.length > 0
          ? sql`${CASE_YEAR} in (${sql.join(
              years.map((year) => sql`${year}`),
              sql`, `,
            )})`
          : null,
      verified: filters.verified === undefined ? null : sql`uc.verified = ${filters.verified}`,
      featured: filters.featured === undefined ? null : sql`uc.featured = ${filters.featured}`,
    },
  };
}

/** Every condition: the set a list shows. */
export function whereAll(conditions: CaseConditions): SQL {
  const parts = [conditions.base, ...FACETS.map((facet) => conditions.facets[facet]).filter((part): part is SQL => part !== null)];
  return sql.join(parts, sql` and `);
}

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
