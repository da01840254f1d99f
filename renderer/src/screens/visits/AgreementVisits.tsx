import { Link } from 'react-router';
import { formatDate } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { useLocale } from '../../i18n.ts';

/** The visits made under one agreement, for its detail screen. */
export function AgreementVisits({ agreementId }: { agreementId: number }) {
  const { t, locale } = useLocale();
  const visits = useCall('visits.list', { agreementId, limit: 200 });
  return (
    <>
      <h2>{t('visits.ofAgreement')}</h2>
      <ul className="plain-list" data-testid="agreement-visits">
        {visits.data?.rows.length === 0 ? <li className="muted">{t('visits.noneForAgreement')}</li> : null}
        {(visits.data?.rows ?? []).map((v) => (
          <li key={v.id}>
            <Link to={`/visits/${v.id}`}>{v.purpose}</Link>
            <div className="muted">
              {formatDate(v.startsOn, locale)} · {t(`visits.direction.${v.direction}`)} · {t(`visits.status.${v.status}`)}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
