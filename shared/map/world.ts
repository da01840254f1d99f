import { geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };

// The one world map: the screen, the locality form's picker and the annual
// report's picture all draw it from here, so a pin is where it is everywhere.
// Natural Earth's 1:110m countries (world-atlas, public domain), Natural Earth
// projection, Antarctica left out (no partner there; it would take a fifth of the height).

// world-atlas ships a plain JSON document; its shape is TopoJSON's.
const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const ANTARCTICA = '010';
const countries = feature(topology, topology.objects.countries) as FeatureCollection;
const inhabited: FeatureCollection = { type: 'FeatureCollection', features: countries.features.filter((f) => f.id !== ANTARCTICA) };

export type Point = readonly [number, number];

export type WorldMap = {
  width: number;
  height: number;
  /** The countries as one path (fill), their shared borders as another (stroke), the 10° grid. */
  land: string;
  borders: string;
  graticule: string;
  /** Screen position of a longitude/latitude; null for a point the projection cannot place. */
  project(longitude: number, latitude: number): Point | null;
  /** Longitude/latitude under a screen position; null off the globe. */
  invert(x: number, y: number): Point | null;
};

const cache = new Map<number, WorldMap>();

/** The map at `width` pixels (user units) wide; its height follows from the projection. */
export function worldMap(width: number): WorldMap {
  const known = cache.get(width);
  if (known) return known;
  const projection: GeoProjection = geoNaturalEarth1().fitWidth(width, inhabited);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(inhabited);
  const height = Math.ceil(bottom + top); // the same margin below as above
  const round = (d: string | null) => (d ?? '').replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  const map: WorldMap = {
    width,
    height,
    land: round(path(inhabited)),
    borders: round(path(mesh(topology, topology.objects.countries, (a, b) => a !== b))),
    graticule: round(path(geoGraticule10())),
    project: (longitude, latitude) => {
      const p = projection([longitude, latitude]);
      return p ? [p[0], p[1]] : null;
    },
    invert: (x, y) => {
      const p = projection.invert?.([x, y]);
      return p && Number.isFinite(p[0]) && Math.abs(p[1]) <= 90 && Math.abs(p[0]) <= 180 ? [p[0], p[1]] : null;
    },
  };
  cache.set(width, map);
  return map;
}

/** A gentle arc from `a` to `b` in screen space, bowed towards the top, for the office-to-partner lines. */
export function arcPath(a: Point, b: Point): string {
  const [x1, y1] = a;
  const [x2, y2] = b;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const bow = Math.hypot(dx, dy) * 0.2;
  // The control point sits off the middle, on the side that is up.
  let nx = -dy;
  let ny = dx;
  if (ny > 0) [nx, ny] = [-nx, -ny];
  const length = Math.hypot(nx, ny) || 1;
  const cx = (x1 + x2) / 2 + (nx / length) * bow;
  const cy = (y1 + y2) / 2 + (ny / length) * bow;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`;
}
