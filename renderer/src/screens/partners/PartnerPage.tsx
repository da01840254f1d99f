import { Link, useParams } from 'react-router';
import { countryName } from '../../../../shared/countries.ts';
import { formatNumber } from '../../../../shared/format.ts';
import type { PartnerStory } from '../../../../shared/contract/partners.ts';
import { useCall } from '../../api.ts';
import { FormMessage, SampleBadge } from '../../components/form.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';
import { useLocale } from '../../i18n.ts';
import { MoneyList } from '../commitments/parts.tsx';
import { PartnerMapSlot } from './PartnerMapSlot.tsx';
import { PartnerAgreements, PartnerCommitments, PartnerFiles } from './PartnerSections.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { PartnerTimeline } from './PartnerTimeline.tsx';
import './partners.css';

/** A partner's whole story on one page: who they are, what was agreed, what happened, with whom, and the files. */
export function PartnerPage() {
  const { t } = useLocale();
  const id = Number(useParams().id);
  const story = useCall('partners.story', { id });
  if (story.isLoading) return <p>{t('app.loading')}</p>;
  if (story.isError || !story.data) return <FormMessage message={story.error?.error.kind === 'not_found' ? 'partners.notFound' : 'errors.not_found'} />;
  const s = story.data;
  const l = s.locality;
  return (
    <article className="screen detail-screen partner-page" aria-labelledby="partner-title" data-testid="partner-page">
      <PartnerHeader story={s} />
      {l.archivedAt ? <div className="form-message">{t('common.archived')}</div> : null}
      <Figures story={s} />
      <div className="partner-columns">
        <PartnerTimeline partnerId={l.id} />
        <div className="partner-side">
          <PartnerAgreements story={s} />
          <PartnerCommitments partnerId={l.id} />
          <PeopleSection query={{ partnerId: l.id }} title={t('partners.people')} empty={t('partners.noPeople')} country={l.country} />
          <PartnerFiles story={s} />
        </div>
      </div>
    </article>
  );
}

function PartnerHeader({ story }: { story: PartnerStory }) {
  const { t, locale } = useLocale();
  const l = story.locality;
  // The agreement a new commitment or the dossier is about: the first listed (the living ones come first).
  const main = story.agreements[0];
  return (
    <header className="screen-header partner-header">
      <div className="partner-identity">
        <p className="eyebrow">
          {t('partners.eyebrow')} · {t(`level.${l.level}`)}
        </p>
        <h1 id="partner-title">
          {l.name} <NativeName native={l.nativeName} country={l.country} />
          <SampleBadge sample={l.sample} />
        </h1>
        <p className="subtitle">
          {countryName(l.country, locale)}
          {l.parentId !== null && l.parentName ? (
            <>
              {' · '}
              {t('partners.partOf')} <Link to={`/localities/${l.parentId}`}>{l.parentName}</Link>{' '}
              <NativeName native={l.parentNativeName} country={l.parentCountry} />
            </>
          ) : null}
        </p>
        {story.children.length ? (
          <p className="subtitle partner-children">
            {t('partners.places')}:{' '}
            {story.children.map((c, i) => (
              <span key={c.id}>
                {i ? ', ' : ''}
                <Link to={`/localities/${c.id}`}>{c.name}</Link> <NativeName native={c.nativeName} country={c.country} />
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <PartnerMapSlot story={story} />
      <nav className="actions partner-actions" aria-label={t('partners.actions')}>
        <Link className="button primary" to={`/visits/new?partner=${l.id}`}>
          {t('partners.newVisit')}
        </Link>
        <Link className="button" to={main ? `/commitments/new?agreement=${main.id}` : '/commitments/new'}>
          {t('partners.newCommitment')}
        </Link>
        {main ? (
          <Link className="button" to={`/reports?kind=agreement&agreement=${main.id}`}>
            {t('partners.dossier')}
          </Link>
        ) : null}
        <Link className="button" to={`/reports?kind=commitments&partner=${l.id}`}>
          {t('partners.statement')}
        </Link>
        <Link className="button" to={`/localities?open=${l.id}`}>
          {t('partners.editPlace')}
        </Link>
      </nav>
    </header>
  );
}

function Figures({ story }: { story: PartnerStory }) {
  const { t, locale } = useLocale();
  const f = story.figures;
  const count = (key: 'agreementsInForce' | 'visitsReceived' | 'visitsMade' | 'commitmentsOpen') => (
    <div className="figure" data-figure={key}>
      <dt>{t(`partners.figures.${key}`)}</dt>
      <dd>{formatNumber(f[key], locale)}</dd>
    </div>
  );
  return (
    <section className="partner-figures" aria-labelledby="partner-figures-title">
      <h2 id="partner-figures-title" className="visually-hidden">
        {t('partners.figures.title')}
      </h2>
      <dl>
        {count('agreementsInForce')}
        {count('visitsReceived')}
        {count('visitsMade')}
        {count('commitmentsOpen')}
        {f.deliveredReceived.length ? (
          <div className="figure" data-figure="deliveredReceived">
            <dt>{t('partners.figures.deliveredReceived')}</dt>
            <dd>
              <MoneyList amounts={f.deliveredReceived} />
            </dd>
          </div>
        ) : null}
        {f.deliveredGiven.length ? (
          <div className="figure" data-figure="deliveredGiven">
            <dt>{t('partners.figures.deliveredGiven')}</dt>
            <dd>
              <MoneyList amounts={f.deliveredGiven} />
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
