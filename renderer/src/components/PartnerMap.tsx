import { present } from '../../../shared/narrow.ts';
import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { MapPartners } from '../../../shared/contract/places.ts';
import { countryName } from '../../../shared/countries.ts';
import { twoScripts } from '../../../shared/names.ts';
import { arcPath, worldMap, type Point } from '../../../shared/map/world.ts';
import { OFFICE_COLOR, pinPath, STAGE_STYLE, starPath } from '../../../shared/map/stages.ts';
import type { AgreementStage } from '../../../shared/contract/agreements.ts';
import { useLocale } from '../i18n.ts';
import './map.css';

// The map's pieces for the screens. This module pulls in d3-geo and the world's
// outlines: import it lazily (see LazyMap.tsx), never from a screen in the first script.

const WIDTH = 1000;

type View = { x: number; y: number; width: number; height: number };

function World({
  map,
  children,
  label,
  onClick,
  view,
}: {
  map: ReturnType<typeof worldMap>;
  children?: ReactNode;
  label: string;
  onClick?: (e: MouseEvent<SVGSVGElement>) => void;
  view?: View;
}) {
  const v = view ?? { x: 0, y: 0, width: map.width, height: map.height };
  return (
    <svg className="world-map" viewBox={`${v.x} ${v.y} ${v.width} ${v.height}`} role="group" aria-label={label} onClick={onClick}>
      <rect className="sea" width={map.width} height={map.height} />
      <path className="graticule" d={map.graticule} />
      <path className="land" d={map.land} />
      <path className="borders" d={map.borders} />
      {children}
    </svg>
  );
}

type Placed<T> = T & { at: Point };
const placed = <T extends { latitude: number | null; longitude: number | null }>(p: T, map: ReturnType<typeof worldMap>): Placed<T> | null => {
  if (p.latitude === null || p.longitude === null) return null;
  const at = map.project(p.longitude, p.latitude);
  return at ? { ...p, at } : null;
};

/**
 * The window around the largest group of partners (pins closer than a fifth of the map to one another),
 * with the world map's proportions and never closer than a region: most offices' partners sit in one
 * part of the world, and one far partner should not keep the map at world scale.
 */
function partnersView(map: ReturnType<typeof worldMap>, points: Point[]): View {
  const whole = { x: 0, y: 0, width: map.width, height: map.height };
  if (!points.length) return whole;
  const near = map.width / 5;
  const group = new Array<number>(points.length).fill(-1);
  let groups = 0;
  for (let i = 0; i < points.length; i++) {
    if (group[i] !== -1) continue;
    const queue = [i];
    group[i] = groups;
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      const a = present(points[next], 'a point of the map');
      points.forEach((b, j) => {
        if (group[j] === -1 && Math.hypot(a[0] - b[0], a[1] - b[1]) < near) {
          group[j] = groups;
          queue.push(j);
        }
      });
    }
    groups++;
  }
  const sizes = Array.from({ length: groups }, (_, g) => group.filter((x) => x === g).length);
  const largest = sizes.indexOf(Math.max(...sizes));
  const chosen = points.filter((_, i) => group[i] === largest);
  const xs = chosen.map((p) => p[0]);
  const ys = chosen.map((p) => p[1]);
  const aspect = map.width / map.height;
  const width = Math.min(map.width, Math.max(Math.max(...xs) - Math.min(...xs), (Math.max(...ys) - Math.min(...ys)) * aspect, map.width / 6) * 1.4);
  const height = width / aspect;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return { x: Math.min(Math.max(0, cx - width / 2), map.width - width), y: Math.min(Math.max(0, cy - height / 2), map.height - height), width, height };
}

const inside = (v: View | undefined, [x, y]: Point) => !v || (x >= v.x && x <= v.x + v.width && y >= v.y && y <= v.y + v.height);

/** Every placed partner as a pin (a link to its page), lines from the office's city; `zoom` 'partners' frames the main group of partners. */
export function PartnerMap({ data, label, zoom = 'world' }: { data: MapPartners; label: string; zoom?: 'world' | 'partners' }) {
  const { t, locale } = useLocale();
  const map = worldMap(WIDTH);
  const office = data.office ? placed(data.office, map) : null;
  const pins = data.partners.map((p) => placed(p, map)).filter((p): p is NonNullable<typeof p> => p !== null);
  const view =
    zoom === 'partners'
      ? partnersView(
          map,
          pins.map((p) => p.at),
        )
      : undefined;
  // Pins keep their size on screen whatever the zoom.
  const k = view ? view.width / map.width : 1;
  return (
    <World map={map} label={label} view={view}>
      {office ? (
        <g className="lines" aria-hidden="true">
          {pins.map((p) => (
            <path key={p.id} d={arcPath(office.at, p.at)} stroke={STAGE_STYLE[p.stage].color} vectorEffect="non-scaling-stroke" />
          ))}
        </g>
      ) : null}
      {office ? (
        <g
          className="office-pin"
          transform={`translate(${office.at[0]},${office.at[1]}) scale(${k})`}
          role="img"
          aria-label={t('map.officePin', { name: twoScripts(office.name, office.nativeName) })}
        >
          <path d={starPath(9)} fill={OFFICE_COLOR} />
        </g>
      ) : null}
      {pins.map((p) => {
        const style = STAGE_STYLE[p.stage];
        const name = t('map.pin', { name: twoScripts(p.name, p.nativeName), country: countryName(p.country, locale), stage: t(`stage.${p.stage}`) });
        return (
          // A pin outside the zoomed window is hidden from the keyboard too: focus never lands where it cannot be seen.
          <Link
            key={p.id}
            to={`/localities/${p.id}`}
            className="pin"
            aria-label={name}
            data-stage={p.stage}
            style={inside(view, p.at) ? undefined : { visibility: 'hidden' }}
          >
            <title>{name}</title>
            <g transform={`translate(${p.at[0]},${p.at[1]}) scale(${k})`}>
              <circle className="pin-target" r={9} />
              <path className="pin-mark" d={pinPath(style.shape, 5)} fill={style.color} />
            </g>
          </Link>
        );
      })}
    </World>
  );
}

/** One place's pin on a small world map (the partner page). */
export function LocationPin({ latitude, longitude, stage, label }: { latitude: number; longitude: number; stage?: AgreementStage | null; label: string }) {
  const map = worldMap(WIDTH);
  const at = map.project(longitude, latitude);
  const style = stage ? STAGE_STYLE[stage] : { color: OFFICE_COLOR, shape: 'circle' as const };
  return (
    <svg className="world-map location-pin" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={label}>
      <rect className="sea" width={map.width} height={map.height} />
      <path className="land" d={map.land} />
      <path className="borders" d={map.borders} />
      {at ? <path transform={`translate(${at[0]},${at[1]})`} className="pin-mark" d={pinPath(style.shape, 12)} fill={style.color} /> : null}
    </svg>
  );
}

/** The locality form's picker: a click sets the point (the number fields are its keyboard way). */
export function MapPicker({
  latitude,
  longitude,
  onPick,
  label,
}: {
  latitude: number | null;
  longitude: number | null;
  onPick(latitude: number, longitude: number): void;
  label: string;
}) {
  const map = worldMap(WIDTH);
  const at = latitude !== null && longitude !== null ? map.project(longitude, latitude) : null;
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const matrix = e.currentTarget.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
    const where = map.invert(point.x, point.y);
    if (where) onPick(Math.round(where[1] * 1e4) / 1e4, Math.round(where[0] * 1e4) / 1e4);
  };
  return (
    <div className="map-picker">
      <World map={map} label={label} onClick={pick}>
        {at ? <path transform={`translate(${at[0]},${at[1]})`} className="pin-mark" d={pinPath('circle', 7)} fill={OFFICE_COLOR} /> : null}
      </World>
    </div>
  );
}
