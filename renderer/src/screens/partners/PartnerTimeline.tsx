import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { localIsoDate } from '../../../../shared/dates.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../../shared/format.ts';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from '../../../../shared/contract/partners.ts';
import { call, useCall } from '../../api.ts';
import { FormMessage, failureMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

const PAGE = 50;

/**
 * The kinds ticked, kept in the address too (?kinds=visit,task) so Back and a reload keep the filter. The box
 * follows its own state at once: the address changes a moment later, and a box waiting for it would flicker back.
 */
function useKinds() {
  const [params, setParams] = useSearchParams();
  const [kinds, setKinds] = useState<TimelineKind[]>(() => {
    const raw = params.get('kinds');
    return raw === null ? [...TIMELINE_KINDS] : TIMELINE_KINDS.filter((k) => raw.split(',').includes(k));
  });
  const toggle = (kind: TimelineKind, on: boolean) => {
    const next = TIMELINE_KINDS.filter((k) => (k === kind ? on : kinds.includes(k)));
    setKinds(next);
    setParams(
      (p) => {
        if (next.length === TIMELINE_KINDS.length) p.delete('kinds');
        else p.set('kinds', next.join(','));
        return p;
      },
      { replace: true },
    );
  };
  return { kinds, toggle };
}

/** Everything dated with the partner, newest first, a page at a time, filtered by kind. */
export function PartnerTimeline({ partnerId }: { partnerId: number }) {
  const { t, locale } = useLocale();
  const { kinds, toggle } = useKinds();
  // The counts of every kind come with any page; asked once without a filter so the labels never go blank.
  const counts = useCall('partners.timeline', { id: partnerId, limit: 1 }).data?.counts;
  const input = { id: partnerId, kinds };
  const pages = useInfiniteQuery({
    queryKey: ['partners.timeline', input],
    queryFn: ({ pageParam }) => call('partners.timeline', { ...input, offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const shown = all.reduce((n, p) => n + p.rows.length, 0);
      return shown < last.total ? shown : undefined;
    },
    enabled: kinds.length > 0,
  });
  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;
  const today = localIsoDate(new Date());
  return (
    <section className="partner-timeline" aria-labelledby="timeline-title" data-testid="partner-timeline">
      <h2 id="timeline-title">{t('partners.timeline.title')}</h2>
      <fieldset className="timeline-filter">
        <legend>{t('partners.timeline.filter')}</legend>
        {TIMELINE_KINDS.map((kind) => (
          <label className="check" key={kind}>
            <input type="checkbox" checked={kinds.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} />
            {t(`partners.timeline.kinds.${kind}`)}
            {counts ? <span className="count-pill">{formatNumber(counts[kind], locale)}</span> : null}
          </label>
        ))}
      </fieldset>
      {pages.isError ? <FormMessage message={failureMessage(pages.error)} /> : null}
      {kinds.length === 0 || (pages.isSuccess && rows.length === 0) ? (
        <p className="muted">{kinds.length === TIMELINE_KINDS.length ? t('partners.timeline.empty') : t('partners.timeline.emptyFiltered')}</p>
      ) : null}
      <ol className="story" aria-labelledby="timeline-title">
        {rows.map((r) => (
          // A stage from the agreement's own dates carries the agreement's id, so the stage keeps keys apart.
          <li key={`${r.kind}:${r.id}:${r.kind === 'stage' ? r.stage : ''}`} className={`story-item story-${r.kind}`} data-kind={r.kind} data-on={r.on}>
            {/* The line's own words say what it is ("Viaje: …", "Tarea hecha: …"); the colour only helps the eye. */}
            <time className={`story-date kind-${r.kind}`} dateTime={r.on}>
              {formatDate(r.on, locale)}
            </time>
            <div className="story-body">
              <Line item={r} />
              {r.on > today ? <span className="badge upcoming">{t('partners.timeline.upcoming')}</span> : null}
            </div>
          </li>
        ))}
      </ol>
      {kinds.length > 0 && rows.length > 0 ? (
        <div className="story-more">
          <span className="muted">{t('partners.timeline.shown', { shown: formatNumber(rows.length, locale), total: formatNumber(total, locale) })}</span>
          {pages.hasNextPage ? (
            <button type="button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
              {t('partners.timeline.more', { count: Math.min(PAGE, total - rows.length) })}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Line({ item: r }: { item: TimelineItem }) {
  const { t, locale } = useLocale();
  switch (r.kind) {
    case 'stage':
      return (
        <>
          <Link to={`/agreements/${r.agreementId}`}>
            {t('partners.timeline.stage', { agreement: t(`kind.${r.agreementKind}`), stage: t(`stage.${r.stage}`) })}
          </Link>
          {r.note ? <div className="muted">{r.note}</div> : null}
        </>
      );
    case 'visit':
      return (
        <>
          <Link to={`/visits/${r.id}`}>
            {t(r.direction === 'inbound' ? 'partners.timeline.visitInbound' : 'partners.timeline.visitOutbound', { purpose: r.purpose })}
          </Link>
          <div className="muted">
            {r.endsOn !== r.on ? `${t('partners.timeline.until', { date: formatDate(r.endsOn, locale) })} · ` : ''}
            <span className={`stage visit-${r.status}`}>{t(`visits.status.${r.status}`)}</span>
          </div>
        </>
      );
    case 'delivery': {
      const quantity = formatNumber(r.quantity, locale);
      const text = r.unit
        ? t('partners.timeline.deliveryUnit', { quantity, unit: r.unit, description: r.description })
        : t('partners.timeline.delivery', { quantity, description: r.description });
      return (
        <>
          <Link to={`/commitments/${r.commitmentId}`}>{text}</Link>
          <div className="muted">
            {t(`commitments.kind.${r.commitmentKind}`)} · {t(`commitments.direction.${r.direction}`)}
          </div>
        </>
      );
    }
    case 'task':
      return (
        <>
          <span>{t(r.status === 'done' ? 'partners.timeline.taskDone' : 'partners.timeline.taskDue', { title: r.title })}</span>
          <div className="muted">{t(`tasks.status.${r.status}`)}</div>
        </>
      );
    case 'event':
      return (
        <>
          <span>{t('partners.timeline.event', { title: r.title })}</span>
          {!r.allDay ? <div className="muted">{formatDateTime(r.startsAt, locale)}</div> : null}
        </>
      );
  }
}
