import { Link } from 'react-router';
import { formatDate } from '../../../../shared/format.ts';
import type { CommitmentRow } from '../../../../shared/contract/commitments.ts';
import { useCall } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { Progress, StatusBadge } from './parts.tsx';

/** An agreement's commitments with delivered/promised bars, for its detail screen. */
export function AgreementCommitments({ agreementId, archived }: { agreementId: number; archived: boolean }) {
  const { t } = useLocale();
  const list = useCall('commitments.list', { agreementId, sort: 'dueOn', limit: 200 });
  const rows = list.data?.rows ?? [];
  return (
    <section className="agreement-commitments" data-testid="agreement-commitments">
      <h2>{t('commitments.ofAgreement')}</h2>
      {list.isSuccess && rows.length === 0 ? <p className="muted">{t('commitments.agreementNone')}</p> : null}
      <CommitmentLines rows={rows} />
      {!archived ? (
        <Link className="button" to={`/commitments/new?agreement=${agreementId}`}>
          {t('commitments.new')}
        </Link>
      ) : null}
    </section>
  );
}

/** Commitments one per line: what, its status, what has arrived of it (the list's own figures), which way, when due. */
export function CommitmentLines({ rows }: { rows: CommitmentRow[] }) {
  const { t, locale } = useLocale();
  return (
    <ul>
      {rows.map((r) => (
        <li key={r.id} data-commitment-id={r.id}>
          <Link to={`/commitments/${r.id}`}>{r.description}</Link>
          <StatusBadge status={r.status} />
          <Progress delivered={r.delivered} quantity={r.quantity} unit={r.unit} />
          <span className="muted">
            {t(`commitments.direction.${r.direction}`)}
            {r.dueOn ? ` · ${formatDate(r.dueOn, locale)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
