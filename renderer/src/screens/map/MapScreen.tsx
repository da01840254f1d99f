import { Link, useSearchParams } from 'react-router';
import { AGREEMENT_STAGES, type AgreementStage } from '../../../../shared/contract/agreements.ts';
import { countryName } from '../../../../shared/countries.ts';
import { LEGEND_ORDER, OFFICE_COLOR, pinPath, STAGE_STYLE, starPath } from '../../../../shared/map/stages.ts';
import { useCall } from '../../api.ts';
import { FormMessage } from '../../components/form.tsx';
import { PartnerMap } from '../../components/PartnerMap.tsx';
import { TwoScripts } from '../../components/TwoScripts.tsx';
import { useLocale } from '../../i18n.ts';
import './map-screen.css';

// The map of partners: loaded lazily from App.tsx with d3-geo and the outlines,
// so the app's first script carries none of it.

function Swatch({ d, color }: { d: string; color: string }) {
  return (
    <svg className="swatch" viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true">
      <path d={d} fill={color} stroke="#fff" strokeWidth="1" />
    </svg>
  );
}

export function MapScreen() {
  const { t, locale } = useLocale();
  const data = useCall('places.partners', {});
  // The view is in the address, so going back to the map keeps it.
  const [params, setParams] = useSearchParams();
  const zoom = params.get('view') === 'partners' ? 'partners' : 'world';
  if (data.isLoading) return <p>{t('app.loading')}</p>;
  if (!data.data) return <FormMessage message="errors.internal" />;
  const { office, partners } = data.data;
  const placed = partners.filter((p) => p.latitude !== null);
  const unplaced = partners.filter((p) => p.latitude === null);
  const count = (stage: AgreementStage) => placed.filter((p) => p.stage === stage).length;
  const stages = LEGEND_ORDER.filter((s) => AGREEMENT_STAGES.includes(s));
  return (
    <section className="screen map-screen">
      <header className="screen-header">
        <div>
          <h1>{t('map.title')}</h1>
          <p className="subtitle">{t('map.count', { count: placed.length })}</p>
        </div>
        <div className="actions map-zoom" role="group" aria-label={t('map.view')}>
          {(['world', 'partners'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={zoom === v}
              className={zoom === v ? 'primary' : undefined}
              onClick={() => setParams(v === 'world' ? {} : { view: v }, { replace: true })}
            >
              {t(`map.view_${v}`)}
            </button>
          ))}
        </div>
      </header>
      {!office ? (
        <p className="notice">
          {t('map.noOffice')} <Link to="/settings">{t('nav.settings')}</Link>
        </p>
      ) : null}
      {office && office.latitude === null ? (
        <p className="notice">
          {t('map.officeUnplaced', { name: office.name })} <Link to={`/localities?open=${office.id}`}>{t('map.setPlace')}</Link>
        </p>
      ) : null}
      {placed.length === 0 ? <p className="muted">{t('map.empty')}</p> : null}
      <div className="map-layout">
        <div className="panel map-panel">
          <PartnerMap data={data.data} label={t('map.title')} zoom={zoom} />
          <p className="muted attribution">{t('map.attribution')}</p>
        </div>
        <aside className="map-side">
          <h2>{t('map.legend')}</h2>
          <ul className="map-legend">
            {office ? (
              <li>
                <Swatch d={starPath(7)} color={OFFICE_COLOR} /> {t('map.office')}
              </li>
            ) : null}
            {stages.map((stage) => (
              <li key={stage}>
                <Swatch d={pinPath(STAGE_STYLE[stage].shape, 5)} color={STAGE_STYLE[stage].color} /> {t(`stage.${stage}`)}{' '}
                <span className="muted">({count(stage)})</span>
              </li>
            ))}
          </ul>
          {unplaced.length ? (
            <>
              <h2>{t('map.unplaced', { count: unplaced.length })}</h2>
              <p className="muted field-help">{t('map.unplacedHelp')}</p>
              <ul className="plain-list unplaced">
                {unplaced.map((p) => (
                  <li key={p.id}>
                    <TwoScripts name={p.name} native={p.nativeName} country={p.country} /> <span className="muted">· {countryName(p.country, locale)}</span>{' '}
                    <Link to={`/localities?open=${p.id}`} aria-label={`${t('map.setPlace')}: ${p.name}`}>
                      {t('map.setPlace')}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      </div>
    </section>
  );
}

export default MapScreen;
