import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../../shared/format.ts';
import type { Contact } from '../../../../shared/contract/contacts.ts';
import { useCall } from '../../api.ts';
import { FormMessage, SampleBadge } from '../../components/form.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';
import { useLocale } from '../../i18n.ts';
import { ContactForm } from './ContactsScreen.tsx';
import '../partners/partners.css';

const DETAILS = ['title', 'organisation', 'languages', 'email', 'phone'] as const;

/** One person: who they are, where they belong, and every visit they took part in with the role they had. */
export function ContactPage() {
  const { t, locale } = useLocale();
  const id = Number(useParams().id);
  const contact = useCall('contacts.get', { id });
  const [editing, setEditing] = useState(false);
  if (contact.isLoading) return <p>{t('app.loading')}</p>;
  if (contact.isError || !contact.data)
    return <FormMessage message={contact.error?.error.kind === 'not_found' ? 'contactPage.notFound' : 'errors.not_found'} />;
  const c = contact.data;
  const value = (field: (typeof DETAILS)[number]) => {
    const v = c[field];
    if (!v) return t('common.none');
    if (field === 'email') return <a href={`mailto:${v}`}>{v}</a>;
    if (field === 'phone') return <a href={`tel:${v.replace(/[^\d+]/g, '')}`}>{v}</a>;
    return v;
  };
  return (
    <article className="screen detail-screen contact-page" aria-labelledby="contact-title" data-testid="contact-page">
      <header className="screen-header">
        <div>
          <p className="eyebrow">{t('contactPage.eyebrow')}</p>
          <h1 id="contact-title">
            {c.name} <NativeName native={c.nativeName} country={c.localityCountry} />
            <SampleBadge sample={c.sample} />
          </h1>
          {c.title || c.organisation ? <p className="subtitle">{[c.title, c.organisation].filter(Boolean).join(' · ')}</p> : null}
        </div>
        <div className="actions">
          <Link className="button" to="/contacts">
            {t('common.back')}
          </Link>
          <button type="button" className="primary" onClick={() => setEditing(true)} disabled={editing}>
            {t('contactPage.edit')}
          </button>
        </div>
      </header>
      {c.archivedAt ? <div className="form-message">{t('contactPage.archived')}</div> : null}
      {editing ? <ContactForm key={c.version} editing={{ id: c.id, version: c.version, fields: { ...c } }} onDone={() => setEditing(false)} /> : null}
      <div className="columns">
        <section aria-labelledby="contact-details-title">
          <h2 id="contact-details-title">{t('contactPage.details')}</h2>
          <dl className="dl">
            <div className="dl-row">
              <dt>{t('contactPage.locality')}</dt>
              <dd data-field="locality">
                {c.localityId !== null && c.localityName ? (
                  <>
                    <Link to={`/localities/${c.localityId}`}>{c.localityName}</Link> <NativeName native={c.localityNativeName} country={c.localityCountry} />
                  </>
                ) : (
                  t('common.none')
                )}
              </dd>
            </div>
            {DETAILS.map((field) => (
              <div className="dl-row" key={field}>
                <dt>{t(`contacts.fields.${field}`)}</dt>
                <dd data-field={field}>{value(field)}</dd>
              </div>
            ))}
          </dl>
          {c.notes ? (
            <>
              <h2>{t('contacts.fields.notes')}</h2>
              <p className="notes">{c.notes}</p>
            </>
          ) : null}
        </section>
        <ContactVisits visits={c.visits} locale={locale} />
      </div>
    </article>
  );
}

function ContactVisits({ visits, locale }: { visits: Contact['visits']; locale: string }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="contact-visits-title" data-testid="contact-visits">
      <h2 id="contact-visits-title">{t('contactPage.visits')}</h2>
      {visits.length === 0 ? (
        <p className="muted">{t('contactPage.noVisits')}</p>
      ) : (
        <table className="simple-table contact-visits">
          <thead>
            <tr>
              <th scope="col">{t('contactPage.date')}</th>
              <th scope="col">{t('contactPage.visit')}</th>
              <th scope="col">{t('contactPage.role')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => (
              <tr key={v.id} data-visit-id={v.id}>
                <td className="nowrap">{formatDate(v.startsOn, locale)}</td>
                <td>
                  <Link to={`/visits/${v.id}`}>{v.purpose}</Link>
                  <div className="muted">
                    {t(`visits.direction.${v.direction}`)}
                    {v.localityId !== null && v.localityName ? (
                      <>
                        {' · '}
                        <Link to={`/localities/${v.localityId}`}>{v.localityName}</Link>{' '}
                        <NativeName native={v.localityNativeName} country={v.localityCountry} />
                      </>
                    ) : null}
                    {' · '}
                    <span className={`stage visit-${v.status}`}>{t(`visits.status.${v.status}`)}</span>
                  </div>
                </td>
                <td>{t(`visits.role.${v.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
