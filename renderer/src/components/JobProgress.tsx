import type { JobProgress as Progress } from '../api.ts';
import { useLocale } from '../i18n.ts';

/**
 * A long job's bar with its Cancel button, while it runs. `rows`: the total counts rows (an
 * import), said as such; otherwise the share done. A job that has not said its total yet shows
 * a bar without a value (still working).
 */
export function JobProgress({ progress, label, onCancel, rows = false }: { progress: Progress | null; label: string; onCancel: () => void; rows?: boolean }) {
  const { t, locale } = useLocale();
  if (!progress) return null;
  const { done, total } = progress;
  const known = total > 0;
  const number = new Intl.NumberFormat(locale);
  const share = new Intl.NumberFormat(locale, { style: 'percent' }).format(known ? done / total : 0);
  const detail = !known ? t('jobs.starting') : rows ? t('jobs.rows', { done: number.format(done), total: number.format(total) }) : share;
  return (
    <div className="job-progress" role="status">
      <span className="job-progress-label">{label}</span>
      <progress max={known ? total : undefined} value={known ? done : undefined} aria-label={label} aria-valuetext={detail} />
      <span className="job-progress-detail">{detail}</span>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
