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
import type { z } from 'zod';
import { type DbOrTx, toNumber } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/actor.js';
import { findNearby, findPlacePage, findRegionCityCounts, findRelated } from './queries/location.queries.js';
import { numberOrNull, toSummary } from './use-cases.presenter.js';
import { getVisibleCaseFacts } from './use-cases.repository.js';
import { viewerOf } from './use-cases.reader.js';

type LocationQuery = z.output<typeof locationFilterQuerySchema>;

/**
 * A place search counts its matches up to this many ("1,000 or more", totalIsExact: false): every
 * match within a large radius costs a distance check, and nobody pages through a thousand of them.
 */
const COUNT_CAP = 1_000;

/**
 * Cases by place: a city, a region, a country, or a point and a radius in km (nearest first, each
 * with its distance). A point needs a radius and the other way round.
 */
export async function filterByLocation(db: DbOrTx, actor: Actor | null, query: LocationQuery): Promise<Page<UseCaseSummary>> {
  const reader = viewerOf(actor);
  const hasPoint = query.lat !== undefined || query.lng !== undefined;
  if (hasPoint || query.radiusKm !== undefined) {
    if (query.lat === undefined || query.lng === undefined || query.radiusKm === undefined) {
      const missing = query.lat === undefined ? 'lat' : query.lng === undefined ? 'lng' : 'radiusKm';
      throw new AppError('VALIDATION_FAILED', 'A radius search needs lat, lng and radiusKm', [
        { path: missing, message: 'Required with the other two', code: 'required' },
      ]);
    }
  }
  const point =
    query.lat !== undefined && query.lng !== undefined && query.radiusKm !== undefined
      ? { lat: query.lat, lng: query.lng, radiusKm: query.radiusKm }
      : null;
  const { rows, total } = await findPlacePage(
    db,
    reader,
    { city: query.city, region: query.region, country: query.country, point },
    { offset: (query.page - 1) * query.pageSize, pageSize: query.pageSize, cap: COUNT_CAP },
  );
  return { ...toPage(rows.map(toSummary), total, query.page, query.pageSize), ...(total >= COUNT_CAP ? { totalIsExact: false } : {}) };
}

/** Listed cases within the radius of a case's own location, nearest first (none when it has no coordinates). */
export async function nearbyUseCases(db: DbOrTx, actor: Actor | null, id: string, radiusKm: number, limit: number): Promise<UseCaseList> {
  const reader = viewerOf(actor);
  const row = await getVisibleCaseFacts(db, reader, id);
  if (row.latitude === null || row.longitude === null) return { items: [] };
  const rows = await findNearby(db, reader, { id, lat: row.latitude, lng: row.longitude }, radiusKm, limit);
  return { items: rows.map(toSummary) };
}

/**
 * Related cases: candidates from four indexed sources (same category, same industry, any shared
 * technology, within NEAR_KM), each capped, scored in SQL — same category 3, same industry 2, 1.5 per shared technology,
 * up to 2 for nearness, up to 1 for a similar ROI — and returned with the reasons.
 */
export async function relatedUseCases(db: DbOrTx, actor: Actor | null, id: string, limit: number): Promise<{ items: RelatedUseCase[] }> {
  const reader = viewerOf(actor);
  const source = await getVisibleCaseFacts(db, reader, id);
  const rows = await findRelated(db, reader, source, limit);
  return {
    items: rows.map((row) => ({
      useCase: toSummary(row),
      score: Math.round(toNumber(row.score) * 100) / 100,
      reasons: {
        sameCategory: row.same_category,
        sameIndustry: row.same_industry,
        sharedTechnologies: row.shared,
        distanceKm: row.r_distance_km === null ? null : Math.round(toNumber(row.r_distance_km) * 10) / 10,
        roiDifference: numberOrNull(row.roi_difference),
      },
    })),
  };
}

/** Per region over what the reader may see: count, average ROI and the cities with most cases. */
export async function locationStatistics(db: DbOrTx, actor: Actor | null): Promise<LocationStatistics> {
  const reader = viewerOf(actor);
  const rows = await findRegionCityCounts(db, reader);
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
