import { Link } from 'react-router';
import type { AgreementKind } from '../../../shared/contract/agreements.ts';
import type { Locality } from '../../../shared/contract/localities.ts';
import { countryName } from '../../../shared/countries.ts';
import { formatDate } from '../../../shared/format.ts';
import { useCall } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { useDebounced } from './useDebounced.ts';
import { TwoScripts } from './TwoScripts.tsx';

// Shown while the form is filled in, before saving, like the contacts form's
// similar names: the record that probably already exists, with a link to it.
// A warning only: the form saves as it is if the user goes on.

/** Places of the same country known by the name or native name being typed. */
export function SimilarLocalities(props: {
  name: string;
  nativeName: string;
  country: string;
  excludeId?: number | undefined;
  /** Inside another form (a new partner): take the existing place instead of making a new one. */
  onChoose?: ((locality: Locality) => void) | undefined;
}) {
  const { t, locale } = useLocale();
  // Asked once typing pauses; strings, since a new object each render would never settle.
  const q = { name: useDebounced(props.name.trim()), nativeName: useDebounced(props.nativeName.trim()), country: useDebounced(props.country) };
  const found = useCall(
    'localities.similar',
    { ...q, ...(props.excludeId ? { excludeId: props.excludeId } : {}) },
    { enabled: q.country.length === 2 && (q.name.length > 0 || q.nativeName.length > 0) },
  );
  const rows = found.data ?? [];
  if (rows.length === 0) return null;
  return (
    <div className="warning" role="status" data-testid="similar-localities">
      <p>{t('duplicates.localities', { count: rows.length, country: countryName(props.country, locale) })}</p>
      <ul>
        {rows.map((l) => (
          <li key={l.id}>
            <Link to={`/localities?open=${l.id}`}>
              <TwoScripts name={l.name} native={l.nativeName} country={l.country} />
            </Link>{' '}
            · {t(`level.${l.level}`)}
            {l.parentName ? ` · ${l.parentName}` : ''}
            {l.archivedAt ? ` · ${t('duplicates.archived')}` : ''}
            {props.onChoose ? (
              <>
                {' '}
                <button type="button" onClick={() => props.onChoose?.(l)}>
                  {t('duplicates.useThis')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="muted">{t('duplicates.saveAnyway')}</p>
    </div>
  );
}

/** Agreements of the chosen kind with the chosen partner that have not ended. */
export function SimilarAgreements(props: { partnerId: number | undefined; kind: AgreementKind; excludeId?: number | undefined }) {
  const { t, locale } = useLocale();
  const partnerId = props.partnerId ?? 0;
  const found = useCall(
    'agreements.similar',
    { partnerId, kind: props.kind, ...(props.excludeId ? { excludeId: props.excludeId } : {}) },
    { enabled: partnerId > 0 },
  );
  const rows = found.data ?? [];
  if (rows.length === 0) return null;
  return (
    <div className="warning" role="status" data-testid="similar-agreements">
      <p>{t('duplicates.agreements', { count: rows.length, kind: t(`kind.${props.kind}`) })}</p>
      <ul>
        {rows.map((a) => (
          <li key={a.id}>
            <Link to={`/agreements/${a.id}`}>
              <TwoScripts name={a.partnerName} native={a.partnerNativeName} country={a.country} /> · {t(`kind.${a.kind}`)}
            </Link>{' '}
            · {t(`stage.${a.stage}`)}
            {a.signedOn ? ` · ${t('duplicates.signedOn', { date: formatDate(a.signedOn, locale) })}` : ''}
          </li>
        ))}
      </ul>
      <p className="muted">{t('duplicates.saveAnyway')}</p>
    </div>
  );
}
