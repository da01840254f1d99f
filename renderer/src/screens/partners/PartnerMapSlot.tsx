import { Link } from 'react-router';
import type { PartnerStory } from '../../../../shared/contract/partners.ts';
import { countryName } from '../../../../shared/countries.ts';
import { twoScripts } from '../../../../shared/names.ts';
import { LocationPin } from '../../components/LazyMap.tsx';
import { useLocale } from '../../i18n.ts';

/**
 * The partner's place on the offline world map (the map helper's LocationPin, loaded lazily with d3-geo), coloured
 * by the stage of its first listed agreement (the living ones come first); a link to the map screen. A place without coordinates shows nothing here:
 * they are set in the locality form ("Editar localidad").
 */
export function PartnerMapSlot({ story }: { story: PartnerStory }) {
  const { t, locale } = useLocale();
  const l = story.locality;
  if (l.latitude === null || l.longitude === null) return null;
  const label = `${t('partners.mapSlot')}: ${twoScripts(l.name, l.nativeName)} (${countryName(l.country, locale)})`;
  return (
    <Link to="/map" className="partner-map" data-testid="partner-map">
      <LocationPin latitude={l.latitude} longitude={l.longitude} stage={story.agreements[0]?.stage ?? null} label={label} />
    </Link>
  );
}
