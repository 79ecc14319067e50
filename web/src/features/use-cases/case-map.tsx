/**
 * A small static map: a simplified outline of Saudi Arabia with one marker. Drawn locally as SVG, so the
 * page never asks a tile server for anything (no external network, nothing to track the reader).
 */

// Longitude, latitude of a coarse outline (clockwise from the Gulf of Aqaba). Schematic, not a border.
const OUTLINE: Array<[number, number]> = [
  [34.95, 29.36],
  [36.07, 29.19],
  [37.5, 30.0],
  [38.0, 31.5],
  [39.2, 32.15],
  [42.0, 31.1],
  [44.7, 29.2],
  [46.5, 29.1],
  [47.7, 28.5],
  [48.4, 28.5],
  [49.5, 27.1],
  [50.1, 26.4],
  [50.2, 25.7],
  [50.8, 24.75],
  [51.6, 24.25],
  [52.6, 22.9],
  [55.2, 22.7],
  [55.7, 22.0],
  [55.0, 20.0],
  [52.0, 19.0],
  [49.1, 18.6],
  [47.0, 17.0],
  [46.4, 17.3],
  [44.5, 17.4],
  [43.3, 17.5],
  [43.0, 16.7],
  [42.8, 16.4],
  [42.5, 17.0],
  [41.8, 17.8],
  [40.8, 19.7],
  [39.2, 21.4],
  [38.2, 23.9],
  [37.2, 25.0],
  [36.5, 26.0],
  [35.2, 28.1],
  [34.6, 28.1],
];

const BOUNDS = { west: 34, east: 56.5, south: 15.8, north: 32.8 };
const WIDTH = 240;
// Longitude degrees are shorter than latitude degrees at these latitudes (cos 24° ≈ 0.91).
const HEIGHT = Math.round((WIDTH * (BOUNDS.north - BOUNDS.south)) / ((BOUNDS.east - BOUNDS.west) * 0.91));

const project = (longitude: number, latitude: number): [number, number] => [
  ((longitude - BOUNDS.west) / (BOUNDS.east - BOUNDS.west)) * WIDTH,
  ((BOUNDS.north - latitude) / (BOUNDS.north - BOUNDS.south)) * HEIGHT,
];

const OUTLINE_PATH = `${OUTLINE.map(([lng, lat], index) => {
  const [x, y] = project(lng, lat);
  return `${index === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
}).join(' ')} Z`;

/** True when the point falls on the drawn area (points abroad are named but not drawn). */
export const isOnMap = (latitude: number, longitude: number) =>
  latitude >= BOUNDS.south && latitude <= BOUNDS.north && longitude >= BOUNDS.west && longitude <= BOUNDS.east;

/** The outline with a marker at the point; `label` is the accessible description ("Jubail, Eastern Province"). */
export function StaticMap({ latitude, longitude, label }: { latitude: number; longitude: number; label: string }) {
  const onMap = isOnMap(latitude, longitude);
  const [x, y] = project(longitude, latitude);
  return (
    <svg className="static-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <path d={OUTLINE_PATH} className="static-map__land" />
      {onMap ? (
        <g className="static-map__marker">
          <circle cx={x} cy={y} r={9} className="static-map__halo" />
          <circle cx={x} cy={y} r={4.5} />
        </g>
      ) : null}
    </svg>
  );
}
