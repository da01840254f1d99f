import type { CommitmentStatus } from '../../../../shared/contract/commitments.ts';
import { formatMoney, type MoneyTotal } from '../../../../shared/money.ts';
import { formatNumber } from '../../../../shared/format.ts';
import { useLocale } from '../../i18n.ts';
import './commitments.css';

export function StatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useLocale();
  return <span className={`status status-${status}`}>{t(`commitments.status.${status}`)}</span>;
}

/** "3 de 6 becas" with a bar; over-delivery fills the bar and says the real figure. */
export function Progress({ delivered, quantity, unit }: { delivered: number; quantity: number; unit: string | null }) {
  const { t, locale } = useLocale();
  const share = Math.min(1, quantity > 0 ? delivered / quantity : 0);
  const params = { delivered: formatNumber(delivered, locale), quantity: formatNumber(quantity, locale), unit: unit ?? '' };
  const label = unit ? t('commitments.progressUnit', params) : t('commitments.progress', params);
  return (
    <span className="progress" title={label}>
      <span className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={quantity} aria-valuenow={delivered} aria-label={label}>
        <span className={`progress-fill${delivered > quantity ? ' over' : ''}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="progress-text">{label}</span>
    </span>
  );
}

/** Amounts in several currencies, one per line, never added together. */
export function MoneyList({ amounts }: { amounts: MoneyTotal[] }) {
  const { t, locale } = useLocale();
  if (amounts.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className="money-list">
      {amounts.map((m) => (
        <span key={m.currency}>{formatMoney(m.minor, m.currency, locale)}</span>
      ))}
    </span>
  );
}

export const money = (valueMinor: number | null, currency: string | null): MoneyTotal[] =>
  valueMinor !== null && currency !== null ? [{ currency, minor: valueMinor }] : [];
