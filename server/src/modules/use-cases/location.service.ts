import {
  type LocationStatistics,
  type locationFilterQuerySchema,
  type Page,
  type RelatedUseCase,
  type SaudiRegion,
  toPage,
  type UseCaseList,
  type UseCaseSummary,
} from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { type Actor } from '../../platform/actor.js';
import { textArray } from './use-cases.filters.js';
import { numberOrNull, SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary } from './use-cases.presenter.js';
import { getVisibleCaseFacts } from './use-cases.repository.js';
import { getCaseReader, listedCase } from './use-cases.reader.js';

type LocationQuery = z.output<typeof locationFilterQuerySchema>;

/**
 * A place search counts its matches up to this many ("1,000 or more", totalIsExact: false): every
 * match within a large radius costs a distance check, and nobody pages through a thousand of them.
 */
const COUNT_CAP = 1_000;
/** Candidates each similarity source contributes before scoring (same category, shared technologies, nearby). */
const RELATED_CANDIDATES = 50;
/** Within this distance, being near adds to the similarity (linearly, more when closer). */
const NEAR_KM = 150;

const earthOf = (lat: SQL, lng: SQL) => sql`ll_to_earth(${lat}, ${lng})`;
const CASE_EARTH = sql`ll_to_earth(uc.latitude, uc.longitude)`;
const LOCATED = sql`uc.latitude is not null and uc.longitude is not null`;

/** "Within radiusKm of the point", answered from the earthdistance index (earth_box), then the exact distance. */
function withinRadius(lat: number, lng: number, radiusKm: number): SQL {
  const point = earthOf(sql`${lat}::float8`, sql`${lng}::float8`);
  return sql`${LOCATED} and earth_box(${point}, ${radiusKm * 1000}::float8) @> ${CASE_EARTH} and earth_distance(${point}, ${CASE_EARTH}) <= ${radiusKm * 1000}::float8`;
}

const distanceFrom = (lat: number, lng: number) =>
  sql`earth_distance(${earthOf(sql`${lat}::float8`, sql`${lng}::float8`)}, ${CASE_EARTH}) / 1000.0`;

/**
 * The ids and distances of one page of a radius search, nearest first (ties by id). The index walks
 * the cases outwards from the point (GiST distance order, straight-line through the earth, which
 * orders exactly as the surface distance) only as far as the last case the page needs; the page is
 * then sorted by surface distance and id among the cases no farther than that one (plus a metre, so
 * that cases tied with it are all there), instead of sorting every case within the radius.
 */
function nearestPage(where: SQL, point: { lat: number; lng: number; radiusKm: number }, offset: number, pageSize: number): SQL {
  const origin = earthOf(sql`${point.lat}::float8`, sql`${point.lng}::float8`);
  return sql`select uc.id, ${distanceFrom(point.lat, point.lng)} as distance_km from use_cases uc
    where ${where}
      and ${CASE_EARTH} <@ coalesce((select earth_box(${origin}, edge.d + 1) from edge), earth_box(${origin}, ${point.radiusKm * 1000}::float8))
      and earth_distance(${origin}, ${CASE_EARTH}) <= coalesce((select edge.d + 1 from edge), ${point.radiusKm * 1000}::float8)
    order by distance_km, uc.id limit ${pageSize} offset ${offset}`;
}

/** The surface distance (m) of the last case a radius page needs, nearest first; none when fewer match. */
function nearestEdge(where: SQL, point: { lat: number; lng: number }, offset: number, pageSize: number): SQL {
  const origin = earthOf(sql`${point.lat}::float8`, sql`${point.lng}::float8`);
  return sql`select earth_distance(${origin}, ${CASE_EARTH}) as d from use_cases uc where ${where}
    order by ${CASE_EARTH} <-> ${origin} limit 1 offset ${offset + pageSize - 1}`;
}

/**
 * Cases by place: a city, a region, a country, or a point and a radius in km (nearest first, each
 * with its distance). A point needs a radius and the other way round.
 */
export async function filterByLocation(db: DbOrTx, actor: Actor | null, query: LocationQuery): Promise<Page<UseCaseSummary>> {
  const reader = getCaseReader(actor);
  const conditions: SQL[] = [listedCase(reader)];
  if (query.city) conditions.push(sql`uc.city = ${query.city}`);
  if (query.region) conditions.push(sql`uc.region = ${query.region}`);
  if (query.country) conditions.push(sql`uc.country = ${query.country}`);
  const hasPoint = query.lat !== undefined || query.lng !== undefined;
  if (hasPoint || query.radiusKm !== undefined) {
    if (query.lat === undefined || query.lng === undefined || query.radiusKm === undefined) {
      const missing = query.lat === undefined ? 'lat' : query.lng === undefined ? 'lng' : 'radiusKm';
      throw new AppError('VALIDATION_FAILED', 'A radius search needs lat, lng and radiusKm', [
        { path: missing, message: 'Required with the other two', code: 'required' },
      ]);
    }
    conditions.push(withinRadius(query.lat, query.lng, query.radiusKm));
  }
  const where = sql.join(conditions, sql` and `);
  const point =
    query.lat !== undefined && query.lng !== undefined && query.radiusKm !== undefined
      ? { lat: query.lat, lng: query.lng, radiusKm: query.radiusKm }
      : null;
  const offset = (query.page - 1) * query.pageSize;
  // The page is chosen from narrow rows (id and sort key) first; only its own rows then get the list
  // columns, the organization and the cover: a wide radius holds thousands of matches.
  const page = point
    ? sql`edge as materialized (${nearestEdge(where, point, offset, query.pageSize)}), page as (${nearestPage(where, point, offset, query.pageSize)})`
    : sql`page as (select uc.id, uc.published_at from use_cases uc where ${where} order by uc.published_at desc, uc.id desc limit ${query.pageSize} offset ${offset})`;
  const [rows, counted] = await Promise.all([
    queryRows(
      db,
      sql`with ${page}
          select ${SUMMARY_COLUMNS}${point ? sql`, page.distance_km` : sql``}
          from page join use_cases uc on uc.id = page.id ${SUMMARY_JOINS}
          order by ${point ? sql`page.distance_km, uc.id` : sql`uc.published_at desc, uc.id desc`}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*) as n from (select 1 from use_cases uc where ${where} limit ${COUNT_CAP}) capped`),
  ]);
  const total = toNumber(counted[0]?.n);
  return { ...toPage(rows.map(toSummary), total, query.page, query.pageSize), ...(total >= COUNT_CAP ? { totalIsExact: false } : {}) };
}

/** Listed cases within the radius of a case's own location, nearest first (none when it has no coordinates). */
export async function nearbyUseCases(db: DbOrTx, actor: Actor | null, id: string, radiusKm: number, limit: number): Promise<UseCaseList> {
  const reader = getCaseReader(actor);
  const row = await getVisibleCaseFacts(db, reader, id);
  if (row.latitude === null || row.longitude === null) return { items: [] };
  const rows = await queryRows(
    db,
    sql`select ${SUMMARY_COLUMNS}, ${distanceFrom(row.latitude, row.longitude)} as distance_km
        from use_cases uc ${SUMMARY_JOINS}
        where ${listedCase(reader)} and uc.id <> ${id} and ${withinRadius(row.latitude, row.longitude, radiusKm)}
        order by distance_km, uc.id limit ${limit}`,
  );
  return { items: rows.map(toSummary) };
}

/**
 * Related cases: candidates from four indexed sources (same category, same industry, any shared
 * technology, within NEAR_KM), each capped, scored in SQL — same category 3, same industry 2, 1.5 per shared technology,
 * up to 2 for nearness, up to 1 for a similar ROI — and returned with the reasons.
 */
export async function relatedUseCases(db: DbOrTx, actor: Actor | null, id: string, limit: number): Promise<{ items: RelatedUseCase[] }> {
  const reader = getCaseReader(actor);
  const source = await getVisibleCaseFacts(db, reader, id);
  const located = source.latitude !== null && source.longitude !== null;
  const technologies = source.technologies;
  const candidateSources: SQL[] = [
    sql`(select uc.id from use_cases uc where ${listedCase(reader)} and uc.category = ${source.category} and uc.id <> ${id} order by uc.published_at desc limit ${RELATED_CANDIDATES})`,
    sql`(select uc.id from use_cases uc where ${listedCase(reader)} and uc.industry = ${source.industry} and uc.id <> ${id} order by uc.published_at desc limit ${RELATED_CANDIDATES})`,
  ];
  if (technologies.length > 0) {
    candidateSources.push(
      sql`(select uc.id from use_cases uc where ${listedCase(reader)} and uc.technologies && ${textArray(technologies)} and uc.id <> ${id} limit ${RELATED_CANDIDATES})`,
    );
  }
  if (located) {
    candidateSources.push(
      sql`(select uc.id from use_cases uc where ${listedCase(reader)} and uc.id <> ${id} and ${withinRadius(source.latitude!, source.longitude!, NEAR_KM)} limit ${RELATED_CANDIDATES})`,
    );
  }
  const distance = located ? sql`case when ${LOCATED} then ${distanceFrom(source.latitude!, source.longitude!)} end` : sql`null::float8`;
  const shared =
    technologies.length > 0
      ? sql`array(select unnest(uc.technologies) intersect select unnest(${textArray(technologies)}))`
      : sql`'{}'::text[]`;
  const roiDifference = source.roiPercent === null ? sql`null::numeric` : sql`abs(uc.roi_percent - ${source.roiPercent})`;
  const rows = await queryRows(
    db,
    sql`with candidates as (${sql.join(candidateSources, sql` union `)}),
        scored as (
          select uc.id, uc.published_at, uc.category = ${source.category} as same_category, uc.industry = ${source.industry} as same_industry,
            ${shared} as shared, ${distance} as distance_km, ${roiDifference} as roi_difference
          from candidates c join use_cases uc on uc.id = c.id),
        ranked as (
          select *, (case when same_category then 3 else 0 end) + (case when same_industry then 2 else 0 end)
            + 1.5 * cardinality(shared)
            + coalesce(greatest(0, 2 * (1 - distance_km / ${NEAR_KM})), 0)
            + coalesce(greatest(0, 1 - roi_difference / 50.0), 0) as score
          from scored
          -- The best ones are chosen before the list columns are read: hundreds of candidates, a handful shown.
          order by score desc, published_at desc, id limit ${limit})
        select ${SUMMARY_COLUMNS}, r.same_category, r.same_industry, r.shared, r.distance_km as r_distance_km, r.roi_difference, r.score
        from ranked r join use_cases uc on uc.id = r.id ${SUMMARY_JOINS}
        order by r.score desc, uc.published_at desc, uc.id limit ${limit}`,
  );
  return {
    items: rows.map((row) => ({
      useCase: toSummary(row),
      score: Math.round(toNumber(row.score) * 100) / 100,
      reasons: {
        sameCategory: Boolean(row.same_category),
        sameIndustry: Boolean(row.same_industry),
        sharedTechnologies: (row.shared as string[] | null) ?? [],
        distanceKm: row.r_distance_km === null ? null : Math.round(toNumber(row.r_distance_km) * 10) / 10,
        roiDifference: numberOrNull(row.roi_difference),
      },
    })),
  };
}

/** Per region over what the reader may see: count, average ROI and the cities with most cases. */
export async function locationStatistics(db: DbOrTx, actor: Actor | null): Promise<LocationStatistics> {
  const reader = getCaseReader(actor);
  const rows = await queryRows<{ region: string | null; city: string | null; n: number; roi_sum: unknown; roi_n: number }>(
    db,
    sql`select uc.region, uc.city, count(*) as n, sum(uc.roi_percent) as roi_sum, count(uc.roi_percent) as roi_n
        from use_cases uc where ${listedCase(reader)} group by uc.region, uc.city`,
  );
  const regions = new Map<string, { count: number; roiSum: number; roiN: number; cities: { value: string; count: number }[] }>();
  let withoutRegion = 0;
  for (const row of rows) {
    const n = toNumber(row.n);
    if (!row.region) {
      withoutRegion += n;
      continue;
    }
    const entry = regions.get(row.region) ?? { count: 0, roiSum: 0, roiN: 0, cities: [] };
    entry.count += n;
    entry.roiSum += numberOrNull(row.roi_sum) ?? 0;
    entry.roiN += toNumber(row.roi_n);
    if (row.city) entry.cities.push({ value: row.city, count: n });
    regions.set(row.region, entry);
  }
  return {
    regions: [...regions.entries()]
      .map(([region, entry]) => ({
        region: region as SaudiRegion,
        count: entry.count,
        averageRoiPercent: entry.roiN > 0 ? Math.round((entry.roiSum / entry.roiN) * 10) / 10 : null,
        cities: entry.cities.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 10),
      }))
      .sort((a, b) => b.count - a.count || a.region.localeCompare(b.region)),
    withoutRegion,
  };
}
