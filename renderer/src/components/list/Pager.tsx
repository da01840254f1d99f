import { formatNumber } from '../../../../shared/format.ts';
import { useLocale } from '../../i18n.ts';
import { PAGE_SIZE } from './useListState.ts';

/** Which rows of how many are shown, and the way to the other pages: the server sends one page at a time. */
export function Pager({ total, page, onPage }: { total: number | undefined; page: number; onPage: (page: number) => void }) {
  const { t, locale } = useLocale();
  if (!total) return null;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = Math.min(total, (page - 1) * PAGE_SIZE + 1);
  const to = Math.min(total, page * PAGE_SIZE);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <nav className="pager" aria-label={t('lists.pages')} data-testid="pager">
      <span className="pager-range">{t('lists.range', { from: n(from), to: n(to), total: n(total) })}</span>
      {pages > 1 ? (
        <span className="pager-buttons">
          <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('lists.previous')}
          </button>
          <span>{t('lists.pageOf', { page: n(Math.min(page, pages)), pages: n(pages) })}</span>
          <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('lists.next')}
          </button>
        </span>
      ) : null}
    </nav>
  );
}
