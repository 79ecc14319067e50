import { SAUDI_PLACES, findPlace } from '@p2p/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MAP_HEIGHT, MAP_WIDTH, SaudiMap, areaEllipse, clusterCases, projectPoint } from '../src/features/use-cases/saudi-map.js';
import { SAUDI_OUTLINE } from '../src/features/use-cases/saudi-outline.js';
import { location, renderAt, sampleCases, useCaseSummary } from './use-case-fixtures.js';

const at = (slug: string) => {
  const place = findPlace(slug)!;
  return projectPoint(place.latitude, place.longitude);
};

/** Ray casting on [lat, lng] pairs. */
function insideOutline(latitude: number, longitude: number): boolean {
  let inside = false;
  for (let i = 0, j = SAUDI_OUTLINE.length - 1; i < SAUDI_OUTLINE.length; j = i++) {
    const [latI, lngI] = SAUDI_OUTLINE[i]!;
    const [latJ, lngJ] = SAUDI_OUTLINE[j]!;
    if (latI > latitude !== latJ > latitude && longitude < ((lngJ - lngI) * (latitude - latI)) / (latJ - latI) + lngI) inside = !inside;
  }
  return inside;
}

const clusterHref = (cities: string[]) => `/use-cases?${new URLSearchParams(cities.map((city) => ['city', city])).toString()}`;

describe('the outline of the Kingdom', () => {
  it('has a simplified but real shape: every listed Saudi place inside, neighbouring capitals outside', () => {
    expect(SAUDI_OUTLINE.length).toBeGreaterThanOrEqual(60);
    expect(SAUDI_OUTLINE.length).toBeLessThanOrEqual(150);
    const outside = SAUDI_PLACES.filter((place) => !insideOutline(place.latitude, place.longitude)).map((place) => place.slug);
    expect(outside).toEqual([]);
    const neighbours = {
      Amman: [31.95, 35.93],
      Kuwait: [29.37, 47.98],
      Manama: [26.22, 50.58],
      Doha: [25.29, 51.53],
      'Abu Dhabi': [24.45, 54.38],
      Muscat: [23.59, 58.38],
      "Sana'a": [15.37, 44.19],
      Baghdad: [33.31, 44.36],
      Aqaba: [29.53, 35.0],
    } as const;
    for (const [name, [latitude, longitude]] of Object.entries(neighbours)) expect(insideOutline(latitude, longitude), name).toBe(false);
  });
});

describe('projection', () => {
  it('puts Jeddah west (left) of Riyadh, Dammam east (right) of it, Tabuk north and Jazan south', () => {
    const riyadh = at('riyadh');
    expect(at('jeddah').x).toBeLessThan(riyadh.x);
    expect(at('dammam').x).toBeGreaterThan(riyadh.x);
    expect(at('tabuk').y).toBeLessThan(riyadh.y);
    expect(at('jazan').y).toBeGreaterThan(riyadh.y);
    // Equirectangular: distances along a parallel and a meridian keep their proportion (about 0.91 at 24°N).
    const east = projectPoint(24, 47).x - projectPoint(24, 46).x;
    const north = projectPoint(24, 46).y - projectPoint(25, 46).y;
    expect(east / north).toBeCloseTo(Math.cos((24 * Math.PI) / 180), 5);
  });

  it('draws a searched radius to the same scale as the map', () => {
    const riyadh = findPlace('riyadh')!;
    const area = areaEllipse({ latitude: riyadh.latitude, longitude: riyadh.longitude, radiusKm: 300 });
    const kharj = at('al-kharj');
    // Al-Kharj lies about 80 km from Riyadh: inside a 300 km circle, outside a 50 km one.
    const inside = (ellipse: typeof area, point: { x: number; y: number }) =>
      ((point.x - ellipse.cx) / ellipse.rx) ** 2 + ((point.y - ellipse.cy) / ellipse.ry) ** 2 <= 1;
    expect(inside(area, kharj)).toBe(true);
    expect(inside(areaEllipse({ latitude: riyadh.latitude, longitude: riyadh.longitude, radiusKm: 50 }), kharj)).toBe(false);
    // Jeddah is about 850 km away.
    expect(inside(area, at('jeddah'))).toBe(false);
    expect(inside(areaEllipse({ latitude: riyadh.latitude, longitude: riyadh.longitude, radiusKm: 900 }), at('jeddah'))).toBe(true);
  });

  it('keeps every place inside the drawing', () => {
    for (const place of SAUDI_PLACES) {
      const { x, y } = projectPoint(place.latitude, place.longitude);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(MAP_WIDTH);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(MAP_HEIGHT);
    }
  });
});

describe('clusters', () => {
  it('groups cases by city, merges cities whose dots would overlap, and sets aside cases with no place', () => {
    const cases = [
      useCaseSummary(1, { location: location('dammam') }),
      useCaseSummary(2, { location: location('dammam') }),
      useCaseSummary(3, { location: { city: 'khobar', region: 'eastern', country: 'SA', latitude: 26.2172, longitude: 50.1971 } }),
      useCaseSummary(4, { location: location('jeddah') }),
      useCaseSummary(5, { location: location(null) }),
      // A free city name with its own coordinates still gets a dot.
      useCaseSummary(6, { location: { city: 'Al Ula', region: 'madinah', country: 'SA', latitude: 26.6, longitude: 37.9 } }),
    ];
    const { clusters, unplaced } = clusterCases(cases, 'en');
    expect(unplaced.map((useCase) => useCase.id)).toEqual([cases[4]!.id]);
    const byLabel = Object.fromEntries(clusters.map((cluster) => [cluster.label, cluster]));
    expect(Object.keys(byLabel).sort()).toEqual(['Al Ula', 'Dammam, Khobar', 'Jeddah']);
    expect(byLabel['Dammam, Khobar']!.cases).toHaveLength(3);
    expect(byLabel['Dammam, Khobar']!.cities).toEqual(['dammam', 'khobar']);
    expect(byLabel['Jeddah']!.x).toBeCloseTo(at('jeddah').x, 5);
  });
});

describe('the map', () => {
  it('draws one keyboard-focusable link per cluster with an accessible name, and the count on shared dots', async () => {
    const user = userEvent.setup();
    await renderAt(<SaudiMap cases={sampleCases()} clusterHref={clusterHref} />, '/use-cases', '/use-cases');
    const single = screen.getByRole('link', { name: 'Machine vision for bottle caps, Jeddah' });
    const cluster = screen.getByRole('link', { name: 'Use cases in Dammam: 2' });
    expect(single.getAttribute('href')).toBe('/use-cases/00000000-0000-4000-8000-000000000002');
    expect(cluster.getAttribute('href')).toBe('/use-cases?city=dammam');
    expect(cluster.textContent).toContain('2');
    // Jeddah's dot is drawn west (left) of Dammam's.
    expect(Number(single.querySelector('circle')!.getAttribute('cx'))).toBeLessThan(
      Number(cluster.querySelector('circle')!.getAttribute('cx')),
    );

    await user.tab();
    expect(document.activeElement).toBe(screen.getAllByRole('link')[0]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getAllByRole('link')[1]);

    expect(screen.getByText(/Use cases on the map: 3\./)).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Show the map’s places as a list' });
    const list = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(list.hidden).toBe(true);
    await user.click(toggle);
    expect(list.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(list).getByText('Dammam (2)')).toBeTruthy();
    expect(within(list).getAllByRole('link')).toHaveLength(3);
  });

  it('reads in Arabic without mirroring: Arabic names, and Jeddah still on the left', async () => {
    await renderAt(<SaudiMap cases={sampleCases()} clusterHref={clusterHref} total={40} />, '/use-cases', '/use-cases', 'ar');
    expect(document.documentElement.dir).toBe('rtl');
    const figure = document.querySelector('figure')!;
    expect(figure.getAttribute('dir')).toBe('ltr');
    const jeddah = screen.getByRole('link', { name: 'Machine vision for bottle caps، جدة' });
    const dammam = screen.getByRole('link', { name: 'حالات الاستخدام في الدمام: 2' });
    expect(Number(jeddah.querySelector('circle')!.getAttribute('cx'))).toBeLessThan(
      Number(dammam.querySelector('circle')!.getAttribute('cx')),
    );
    expect(screen.getByText(/تعرض الخريطة أول 3 من 40/)).toBeTruthy();
    // Reference place names are decoration for sighted readers, in the interface language.
    const labels = [...document.querySelectorAll('.saudi-map__places text')].map((text) => text.textContent);
    expect(labels).toContain('الرياض');
    expect(document.querySelector('.saudi-map__places')!.getAttribute('aria-hidden')).toBe('true');
  });
});
