import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, toNumber } from '../../../platform/db.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { textArray } from '../use-cases.filters.js';
import { type CaseReader, listedCase } from '../use-cases.reader.js';
import { countRow, distanceSummaryRow, SUMMARY_COLUMNS, SUMMARY_JOINS, summaryRow } from './case-rows.js';

/** Candidates each similarity source contributes before scoring (same category, shared technologies, nearby). */
const RELATED_CANDIDATES = 50;
/** Within this distance, being near adds to the similarity (linearly, more when closer). */
export const NEAR_KM = 150;

const earthOf = (lat: SQL, lng: SQL) => sql`ll_to_earth(${lat}, ${lng})`;
const CASE_EARTH = sql`ll_to_earth(uc.latitude, uc.longitude)`;
const LOCATED = sql`uc.latitude is not null and uc.longitude is not null`;

/** "Within radiusKm of the point", answered from the earthdistance index (earth_box), then the exact distance. */
export function withinRadius(lat: number, lng: number, radiusKm: number): SQL {
  const point = earthOf(sql`${lat}::float8`, sql`${lng}::float8`);
  return sql`${LOCATED} and earth_box(${point}, ${radiusKm * 1000}::float8) @> ${CASE_EARTH} and earth_distance(${point}, ${CASE_EARTH}) <= ${radiusKm * 1000}::float8`;
}

const distanceFrom = (lat: number, lng: number) =>
  sql`earth_distance(${earthOf(sql`${lat}::float8`, sql`${lng}::float8`)}, ${CASE_EARTH}) / 1000.0`;

export interface Point {
  lat: number;
  lng: number;
  radiusKm: number;
}

/** A place search: the listed cases in a city, region or country, or within a radius of a point (all optional). */
export interface PlaceFilter {
  city?: string | undefined;
  region?: string | undefined;
  country?: string | undefined;
  point: Point | null;
}

/** The condition of a place search for the reader. */
export function placeCondition(reader: CaseReader, place: PlaceFilter): SQL {
  const conditions: SQL[] = [listedCase(reader)];
  if (place.city) conditions.push(sql`uc.city = ${place.city}`);
  if (place.region) conditions.push(sql`uc.region = ${place.region}`);
  if (place.country) conditions.push(sql`uc.country = ${place.country}`);
  if (place.point) conditions.push(withinRadius(place.point.lat, place.point.lng, place.point.radiusKm));
  return sql.join(conditions, sql` and `);
}

/**
 * The ids and distances of one page of a radius search, nearest first (ties by id). The index walks
 * the cases outwards from the point (GiST distance order, straight-line through the earth, which
 * orders exactly as the surface distance) only as far as the last case the page needs; the page is
 * then sorted by surface distance and id among the cases no farther than that one (plus a metre, so
 * that cases tied with it are all there), instead of sorting every case within the radius.
 */
function nearestPage(where: SQL, point: Point, offset: number, pageSize: number): SQL {
  const origin = earthOf(sql`${point.lat}::float8`, sql`${point.lng}::float8`);
  return sql`select uc.id, ${distanceFrom(point.lat, point.lng)} as distance_km from use_cases uc
    where ${where}
      and ${CASE_EARTH} <@ coalesce((select earth_box(${origin}, edge.d + 1) from edge), earth_box(${origin}, ${point.radiusKm * 1000}::float8))
      and earth_distance(${origin}, ${CASE_EARTH}) <= coalesce((select edge.d + 1 from edge), ${point.radiusKm * 1000}::float8)
    order by distance_km, uc.id limit ${pageSize} offset ${offset}`;
}

/** The surface distance (m) of the last case a radius page needs, nearest first; none when fewer match. */
function nearestEdge(where: SQL, point: Point, offset: number, pageSize: number): SQL {
  const origin = earthOf(sql`${point.lat}::float8`, sql`${point.lng}::float8`);
  return sql`select earth_distance(${origin}, ${CASE_EARTH}) as d from use_cases uc where ${where}
    order by ${CASE_EARTH} <-> ${origin} limit 1 offset ${offset + pageSize - 1}`;
}

/**
 * One page of a place search: nearest first with each case's distance when there is a point, newest
 * first otherwise. The page is chosen from narrow rows (id and sort key) first; only its own rows then
 * get the list columns, the organization and the cover: a wide radius holds thousands of matches.
 */
export function placePageSql(reader: CaseReader, place: PlaceFilter, offset: number, pageSize: number): SQL {
  const where = placeCondition(reader, place);
  const point = place.point;
  const page = point
    ? sql`edge as materialized (${nearestEdge(where, point, offset, pageSize)}), page as (${nearestPage(where, point, offset, pageSize)})`
    : sql`page as (select uc.id, uc.published_at from use_cases uc where ${where} order by uc.published_at desc, uc.id desc limit ${pageSize} offset ${offset})`;
  return sql`with ${page}
      select ${SUMMARY_COLUMNS}${point ? sql`, page.distance_km` : sql``}
      from page join use_cases uc on uc.id = page.id ${SUMMARY_JOINS}
      order by ${point ? sql`page.distance_km, uc.id` : sql`uc.published_at desc, uc.id desc`}`;
}

/** One page of a place search (see placePageSql) and how many match, counted up to `cap`. */
export async function findPlacePage(
  db: DbOrTx,
  reader: CaseReader,
  place: PlaceFilter,
  page: { offset: number; pageSize: number; cap: number },
): Promise<{ rows: (RowOf<typeof summaryRow> & { distance_km?: number })[]; total: number }> {
  const query = placePageSql(reader, place, page.offset, page.pageSize);
  const [rows, counted] = await Promise.all([
    place.point ? queryRows(db, distanceSummaryRow, query) : queryRows(db, summaryRow, query),
    queryRows(
      db,
      countRow,
      sql`select count(*) as n from (select 1 from use_cases uc where ${placeCondition(reader, place)} limit ${page.cap}) capped`,
    ),
  ]);
  return { rows, total: toNumber(counted[0]?.n) };
}

/** Listed cases within the radius of a point but for one case, nearest first. */
export function findNearby(
  db: DbOrTx,
  reader: CaseReader,
  around: { id: string; lat: number; lng: number },
  radiusKm: number,
  limit: number,
): Promise<RowOf<typeof distanceSummaryRow>[]> {
  return queryRows(
    db,
    distanceSummaryRow,
    sql`select ${SUMMARY_COLUMNS}, ${distanceFrom(around.lat, around.lng)} as distance_km
        from use_cases uc ${SUMMARY_JOINS}
        where ${listedCase(reader)} and uc.id <> ${around.id} and ${withinRadius(around.lat, around.lng, radiusKm)}
        order by distance_km, uc.id limit ${limit}`,
  );
}

/** What related cases compare with: the case's own facts. */
export interface RelatedSource {
  id: string;
  category: string;
  industry: string;
  technologies: string[];
  latitude: number | null;
  longitude: number | null;
  roiPercent: number | null;
}

export const relatedRow = row({
  ...summaryRow,
  same_category: col.boolean,
  same_industry: col.boolean,
  shared: col.array<string>(),
  r_distance_km: col.floatOrNull,
  roi_difference: col.numericOrNull,
  score: col.numeric,
});
export type RelatedRow = RowOf<typeof relatedRow>;

/**
 * Related cases: candidates from four indexed sources (same category, same industry, any shared
 * technology, within NEAR_KM), each capped, scored in SQL — same category 3, same industry 2, 1.5 per
 * shared technology, up to 2 for nearness, up to 1 for a similar ROI — with the reasons.
 */
export function relatedCasesSql(reader: CaseReader, source: RelatedSource, limit: number): SQL {
  const id = source.id;
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
  return sql`with candidates as (${sql.join(candidateSources, sql` union `)}),
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
      order by r.score desc, uc.published_at desc, uc.id limit ${limit}`;
}

export const findRelated = (db: DbOrTx, reader: CaseReader, source: RelatedSource, limit: number): Promise<RelatedRow[]> =>
  queryRows(db, relatedRow, relatedCasesSql(reader, source, limit));

const regionCityRow = row({ region: col.textOrNull, city: col.textOrNull, n: col.bigint, roi_sum: col.numericOrNull, roi_n: col.bigint });

/** Per region and city over the listed cases: how many, and the sum and number of their ROIs. */
export function findRegionCityCounts(db: DbOrTx, reader: CaseReader): Promise<RowOf<typeof regionCityRow>[]> {
  return queryRows(
    db,
    regionCityRow,
    sql`select uc.region, uc.city, count(*) as n, sum(uc.roi_percent) as roi_sum, count(uc.roi_percent) as roi_n
        from use_cases uc where ${listedCase(reader)} group by uc.region, uc.city`,
  );
}
