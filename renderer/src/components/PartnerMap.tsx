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

function World({ map, children, label, onClick }: { map: ReturnType<typeof worldMap>; children?: ReactNode; label: string; onClick?: (e: MouseEvent<SVGSVGElement>) => void }) {
  return (
    <svg className="world-map" viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-label={label} onClick={onClick}>
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

/** Every placed partner as a pin (a link to its page), lines from the office's city. */
export function PartnerMap({ data, label }: { data: MapPartners; label: string }) {
  const { t, locale } = useLocale();
  const map = worldMap(WIDTH);
  const office = data.office ? placed(data.office, map) : null;
  const pins = data.partners.map((p) => placed(p, map)).filter((p): p is NonNullable<typeof p> => p !== null);
  // Larger stages drawn first so a small town's pin is not hidden under its province's.
  return (
    <World map={map} label={label}>
      {office ? (
        <g className="lines" aria-hidden="true">
          {pins.map((p) => (
            <path key={p.id} d={arcPath(office.at, p.at)} stroke={STAGE_STYLE[p.stage].color} />
          ))}
        </g>
      ) : null}
      {office ? (
        <g className="office-pin" transform={`translate(${office.at[0]},${office.at[1]})`} role="img" aria-label={t('map.officePin', { name: twoScripts(office.name, office.nativeName) })}>
          <path d={starPath(9)} fill={OFFICE_COLOR} />
        </g>
      ) : null}
      {pins.map((p) => {
        const style = STAGE_STYLE[p.stage];
        const name = t('map.pin', { name: twoScripts(p.name, p.nativeName), country: countryName(p.country, locale), stage: t(`stage.${p.stage}`) });
        return (
          <Link key={p.id} to={`/localities/${p.id}`} className="pin" aria-label={name} data-stage={p.stage}>
            <title>{name}</title>
            <g transform={`translate(${p.at[0]},${p.at[1]})`}>
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
export function MapPicker({ latitude, longitude, onPick, label }: { latitude: number | null; longitude: number | null; onPick(latitude: number, longitude: number): void; label: string }) {
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
