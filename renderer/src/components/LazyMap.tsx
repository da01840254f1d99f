import { lazy, Suspense, type ComponentProps } from 'react';
import { useLocale } from '../i18n.ts';

// The map's components without their weight: d3-geo and the world's outlines load
// the first time one is shown, never with the app's first script. Import these.

const loadMap = () => import('./PartnerMap.tsx');
const LazyLocationPin = lazy(() => loadMap().then((m) => ({ default: m.LocationPin })));
const LazyMapPicker = lazy(() => loadMap().then((m) => ({ default: m.MapPicker })));
const LazyPartnerMap = lazy(() => loadMap().then((m) => ({ default: m.PartnerMap })));

function Loading() {
  const { t } = useLocale();
  return <p className="muted">{t('map.loading')}</p>;
}

/** One place on a small world map: for the partner page. */
export function LocationPin(props: ComponentProps<typeof LazyLocationPin>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyLocationPin {...props} />
    </Suspense>
  );
}

export function MapPicker(props: ComponentProps<typeof LazyMapPicker>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyMapPicker {...props} />
    </Suspense>
  );
}

export function PartnerMap(props: ComponentProps<typeof LazyPartnerMap>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyPartnerMap {...props} />
    </Suspense>
  );
}
