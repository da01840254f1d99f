import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../../shared/format.ts';
import type { CallInput } from '../../../../shared/contract/index.ts';
import { useCall } from '../../api.ts';
import { NativeName } from '../../components/TwoScripts.tsx';
import { useLocale } from '../../i18n.ts';

const SHOWN = 30;

/** The people on a partner's side (of a place or of one agreement), each linked to their page, the most involved first. */
export function PeopleSection({ query, title, empty, country }: { query: CallInput<'partners.people'>; title: string; empty: string; country: string | null }) {
  const { t, locale } = useLocale();
  const people = useCall('partners.people', { ...query, limit: SHOWN });
  const rows = people.data?.rows ?? [];
  const headingId = `people-title-${query.agreementId ?? `p${query.partnerId}`}`;
  return (
    <section className="people-section" aria-labelledby={headingId} data-testid="people-section">
      <h2 id={headingId}>{title}</h2>
      {people.isSuccess && rows.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className="plain-list partner-list">
        {rows.map((p) => (
          <li key={p.id} data-contact-id={p.id}>
            <Link to={`/contacts/${p.id}`}>{p.name}</Link> <NativeName native={p.nativeName} country={p.country ?? country} />
            <div className="muted">
              {[
                p.title,
                p.organisation,
                p.roles.map((r) => t(`visits.role.${r}`)).join(', '),
                p.visits ? t('partners.visitsCount', { count: p.visits }) : null,
                p.lastVisitOn ? t('partners.lastVisit', { date: formatDate(p.lastVisitOn, locale) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </li>
        ))}
      </ul>
      {people.data && people.data.total > rows.length ? (
        <p className="muted">
          {t('partners.morePeople', { count: people.data.total - rows.length, n: formatNumber(people.data.total - rows.length, locale) })}
        </p>
      ) : null}
    </section>
  );
}
