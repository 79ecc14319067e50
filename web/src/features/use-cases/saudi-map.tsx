import { findPlace, type UseCaseSummary } from '@p2p/contracts';
import type { Language } from '@p2p/contracts/enums';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../lib/use-language.js';
import { SAUDI_OUTLINE } from './saudi-outline.js';
import { caseTitle, placeLabel } from './use-case-labels.js';
import { formatNumber } from '../../lib/format.js';

// Equirectangular projection around the Kingdom's middle latitude: east is always to the right, in
// either reading direction, because a map does not mirror.
const REFERENCE_LATITUDE = 24;
const X_FACTOR = Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);
const UNITS_PER_DEGREE = 40;
const PADDING = 16;
const latitudes = SAUDI_OUTLINE.map(([latitude]) => latitude);
const longitudes = SAUDI_OUTLINE.map(([, longitude]) => longitude);
const BOUNDS = {
  north: Math.max(...latitudes),
  south: Math.min(...latitudes),
  west: Math.min(...longitudes),
  east: Math.max(...longitudes),
};
export const MAP_WIDTH = Math.round((BOUNDS.east - BOUNDS.west) * X_FACTOR * UNITS_PER_DEGREE + 2 * PADDING);
export const MAP_HEIGHT = Math.round((BOUNDS.north - BOUNDS.south) * UNITS_PER_DEGREE + 2 * PADDING);

/** SVG coordinates of a point: x grows eastwards, y southwards. */
export function projectPoint(latitude: number, longitude: number): { x: number; y: number } {
  return {
    x: PADDING + (longitude - BOUNDS.west) * X_FACTOR * UNITS_PER_DEGREE,
    y: PADDING + (BOUNDS.north - latitude) * UNITS_PER_DEGREE,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
export const OUTLINE_PATH = `${SAUDI_OUTLINE.map(([latitude, longitude], index) => {
  const { x, y } = projectPoint(latitude, longitude);
  return `${index === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`;
}).join(' ')} Z`;

/** Reference places named on the map, with the side their name goes so neighbours do not collide. */
const LABELLED_PLACES: ReadonlyArray<{ slug: string; side: 'east' | 'west' }> = [
  { slug: 'riyadh', side: 'east' },
  { slug: 'jeddah', side: 'west' },
  { slug: 'makkah', side: 'east' },
  { slug: 'madinah', side: 'east' },
  { slug: 'yanbu', side: 'west' },
  { slug: 'dammam', side: 'east' },
  { slug: 'al-ahsa', side: 'east' },
  { slug: 'tabuk', side: 'east' },
  { slug: 'hail', side: 'east' },
  { slug: 'buraydah', side: 'east' },
  { slug: 'abha', side: 'east' },
  { slug: 'jazan', side: 'west' },
  { slug: 'najran', side: 'east' },
  { slug: 'arar', side: 'east' },
  { slug: 'sakaka', side: 'west' },
];

export interface MapCluster {
  key: string;
  /** City slugs or names gathered in the cluster (a list filter takes them). */
  cities: string[];
  label: string;
  x: number;
  y: number;
  cases: UseCaseSummary[];
}

/** Cases closer than this on the map (SVG units) share one dot, so neighbouring cities stay clickable. */
const MERGE_DISTANCE = 12;

function position(useCase: UseCaseSummary): { latitude: number; longitude: number } | null {
  const place = findPlace(useCase.location.city);
  if (place) return place;
  const { latitude, longitude } = useCase.location;
  return latitude !== null && longitude !== null ? { latitude, longitude } : null;
}

/**
 * Groups cases by city (a known place sits at its centre, others at their own coordinates), then merges
 * groups whose dots would overlap. Cases with neither city coordinates nor their own are `unplaced`.
 */
export function clusterCases(cases: UseCaseSummary[], language: Language): { clusters: MapCluster[]; unplaced: UseCaseSummary[] } {
  const byCity = new Map<string, { city: string | null; x: number; y: number; cases: UseCaseSummary[] }>();
  const unplaced: UseCaseSummary[] = [];
  for (const useCase of cases) {
    const point = position(useCase);
    if (!point) {
      unplaced.push(useCase);
      continue;
    }
    const { x, y } = projectPoint(point.latitude, point.longitude);
    const key = useCase.location.city ?? `${point.latitude.toFixed(1)},${point.longitude.toFixed(1)}`;
    const group = byCity.get(key) ?? { city: useCase.location.city, x, y, cases: [] };
    group.cases.push(useCase);
    byCity.set(key, group);
  }
  // Biggest groups first, so a small town joins the city next to it rather than the other way round.
  const groups = [...byCity.entries()].sort((a, b) => b[1].cases.length - a[1].cases.length);
  const clusters: MapCluster[] = [];
  for (const [key, group] of groups) {
    const near = clusters.find((cluster) => Math.hypot(cluster.x - group.x, cluster.y - group.y) < MERGE_DISTANCE);
    const name = group.city ? placeLabel(group.city, language) : '';
    if (near) {
      near.cases.push(...group.cases);
      if (group.city) near.cities.push(group.city);
      if (name) near.label = near.label ? `${near.label}${language === 'ar' ? '، ' : ', '}${name}` : name;
    } else {
      clusters.push({ key, cities: group.city ? [group.city] : [], label: name, x: group.x, y: group.y, cases: [...group.cases] });
    }
  }
  return { clusters, unplaced };
}

interface SaudiMapProps {
  cases: UseCaseSummary[];
  /** Where a dot of several cases leads: the list narrowed to its cities. */
  clusterHref: (cities: string[]) => string;
  /** How many cases the whole result set holds (the map may show only the first page of it). */
  total?: number;
  /** A searched area: the circle around a point (a radius search), drawn under the dots. */
  area?: { latitude: number; longitude: number; radiusKm: number } | undefined;
}

const KM_PER_DEGREE = 111.2;

/** The radius of a circle on the ground as the projection draws it: an ellipse, wider at higher latitudes. */
export function areaEllipse(area: { latitude: number; longitude: number; radiusKm: number }) {
  const { x, y } = projectPoint(area.latitude, area.longitude);
  const ry = (area.radiusKm / KM_PER_DEGREE) * UNITS_PER_DEGREE;
  const rx = ry * (X_FACTOR / Math.cos((area.latitude * Math.PI) / 180));
  return { cx: x, cy: y, rx, ry };
}

export function SaudiMap({ cases, clusterHref, total, area }: SaudiMapProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [showList, setShowList] = useState(false);
  const { clusters, unplaced } = clusterCases(cases, language);
  const placed = cases.length - unplaced.length;
  const nameOf = (cluster: MapCluster) => cluster.label || t('useCases.map.unnamedPlace');
  const linkName = (cluster: MapCluster) => {
    const only = cluster.cases[0];
    return cluster.cases.length === 1 && only
      ? t('useCases.map.caseLink', { title: caseTitle(only, language), place: nameOf(cluster) })
      : t('useCases.map.clusterLink', { count: formatNumber(cluster.cases.length, language), place: nameOf(cluster) });
  };
  const href = (cluster: MapCluster) => {
    const only = cluster.cases[0];
    return cluster.cases.length === 1 && only ? `/use-cases/${only.id}` : clusterHref(cluster.cities);
  };

  return (
    <figure className="saudi-map" dir="ltr">
      <svg className="saudi-map__svg" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-labelledby={`${id}-caption`}>
        <path className="saudi-map__land" d={OUTLINE_PATH} aria-hidden="true" />
        {area ? (
          <g className="saudi-map__area" aria-hidden="true">
            <ellipse {...areaEllipse(area)} />
            <circle cx={areaEllipse(area).cx} cy={areaEllipse(area).cy} r={3} />
          </g>
        ) : null}
        <g className="saudi-map__places" aria-hidden="true">
          {LABELLED_PLACES.map(({ slug, side }) => {
            const place = findPlace(slug);
            if (!place) return null;
            const { x, y } = projectPoint(place.latitude, place.longitude);
            return (
              <g key={slug}>
                <circle cx={x} cy={y} r={2.5} />
                <text x={side === 'east' ? x + 6 : x - 6} y={y + 4} textAnchor={side === 'east' ? 'start' : 'end'}>
                  {place[language]}
                </text>
              </g>
            );
          })}
        </g>
        <g className="saudi-map__dots">
          {clusters.map((cluster) => {
            const count = cluster.cases.length;
            const radius = count === 1 ? 7 : Math.min(18, 9 + Math.sqrt(count) * 2);
            return (
              <Link
                key={cluster.key}
                to={href(cluster)}
                aria-label={linkName(cluster)}
                className="saudi-map__dot"
                data-cluster={cluster.key}
              >
                <title>{linkName(cluster)}</title>
                <circle cx={cluster.x} cy={cluster.y} r={radius} />
                {count > 1 ? (
                  <text x={cluster.x} y={cluster.y + 4} textAnchor="middle" aria-hidden="true">
                    {formatNumber(count, language)}
                  </text>
                ) : null}
              </Link>
            );
          })}
        </g>
      </svg>
      <figcaption id={`${id}-caption`} className="saudi-map__caption" dir="auto">
        {t('useCases.map.caption', { count: formatNumber(placed, language) })}
        {total !== undefined && total > cases.length
          ? ` ${t('useCases.map.firstOnly', { shown: formatNumber(cases.length, language), total: formatNumber(total, language) })}`
          : null}
        {unplaced.length > 0 ? ` ${t('useCases.map.unplaced', { count: formatNumber(unplaced.length, language) })}` : null}
      </figcaption>
      <div dir="auto">
        <button
          type="button"
          className="link-button"
          aria-expanded={showList}
          aria-controls={`${id}-list`}
          onClick={() => setShowList((value) => !value)}
        >
          {showList ? t('useCases.map.hideList') : t('useCases.map.showList')}
        </button>
        <ul id={`${id}-list`} className="saudi-map__list" hidden={!showList}>
          {clusters.map((cluster) => (
            <li key={cluster.key}>
              <span className="saudi-map__list-place">
                {nameOf(cluster)} ({formatNumber(cluster.cases.length, language)})
              </span>
              <ul>
                {cluster.cases.map((useCase) => (
                  <li key={useCase.id}>
                    <Link to={`/use-cases/${useCase.id}`}>{caseTitle(useCase, language)}</Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
