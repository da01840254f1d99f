import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { TaskLine } from '../../components/tasks.tsx';
import { useLocale } from '../../i18n.ts';
import { NativeName } from '../../components/TwoScripts.tsx';
import { settingsLink } from '../settings/SettingsSection.tsx';

/** With no agreement yet, Home says what to do first instead of reporting on nothing. */
function FirstSteps() {
  const { t } = useLocale();
  const steps = [
    { to: '/agreements/new', label: 'firstrun.home.stepAgreement', help: 'firstrun.home.stepAgreementHelp' },
    { to: '/data', label: 'firstrun.home.stepImport', help: 'firstrun.home.stepImportHelp' },
    { to: '/visits/new', label: 'firstrun.home.stepVisit', help: 'firstrun.home.stepVisitHelp' },
    { to: settingsLink('sample'), label: 'firstrun.home.stepSample', help: 'firstrun.home.stepSampleHelp' },
  ];
  return (
    <section className="panel first-steps" aria-labelledby="first-steps" data-testid="first-steps">
      <h2 id="first-steps">{t('firstrun.home.title')}</h2>
      <p>{t('firstrun.home.intro')}</p>
      <ol>
        {steps.map((s) => (
          <li key={s.to}>
            <Link to={s.to}>{t(s.label)}</Link> <span className="muted">{t(s.help)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function HomeScreen() {
  const { t, locale } = useLocale();
  const home = useCall('home.summary', {});
  const [message, setMessage] = useState<string | null>(null);
  if (home.isLoading) return <p>{t('app.loading')}</p>;
  if (!home.data) return <FormMessage message="errors.internal" />;
  const h = home.data;
  const onError = (failure: unknown) => setMessage(failureMessage(failure));
  const more = (shown: number, total: number, view: string) =>
    total > shown ? (
      <Link to={`/tasks?view=${view}`} className="more">
        {t('home.more', { count: total - shown })}
      </Link>
    ) : null;
  return (
    <section className="screen home-screen">
      <header className="screen-header">
        <div>
          <h1>{t('home.title')}</h1>
          <p className="subtitle">{formatDate(h.today, locale, 'long')}</p>
        </div>
        <div className="actions">
          <Link className="button" to="/tasks">
            {t('nav.tasks')}
          </Link>
          <Link className="button primary" to="/visits/new">
            {t('visits.new')}
          </Link>
        </div>
      </header>
      <FormMessage message={message} />
      {h.agreementCount === 0 ? <FirstSteps /> : null}
      <div className="home-grid">
        <div className="panel home-panel" data-testid="home-overdue">
          <h2>
            {t('home.overdue')} <span className={`count-pill${h.overdue.total ? ' alert' : ''}`}>{h.overdue.total}</span>
          </h2>
          {h.overdue.total === 0 ? <p className="muted">{t('home.nothingOverdue')}</p> : null}
          <ul className="task-list">
            {h.overdue.rows.map((task) => (
              <TaskLine key={task.id} task={task} today={h.today} onError={onError} />
            ))}
          </ul>
          {more(h.overdue.rows.length, h.overdue.total, 'overdue')}
        </div>
        <div className="panel home-panel" data-testid="home-week">
          <h2>
            {t('home.thisWeek')} <span className="count-pill">{h.dueThisWeek.total}</span>
          </h2>
          {h.dueThisWeek.total === 0 ? <p className="muted">{t('home.nothingThisWeek')}</p> : null}
          <ul className="task-list">
            {h.dueThisWeek.rows.map((task) => (
              <TaskLine key={task.id} task={task} today={h.today} onError={onError} />
            ))}
          </ul>
          {more(h.dueThisWeek.rows.length, h.dueThisWeek.total, 'due_soon')}
        </div>
        <div className="panel home-panel" data-testid="home-visits">
          <h2>{t('home.nextVisits')}</h2>
          {h.nextVisits.length === 0 ? <p className="muted">{t('home.noVisits')}</p> : null}
          <ul className="plain-list">
            {h.nextVisits.map((v) => (
              <li key={v.id}>
                <Link to={`/visits/${v.id}`}>{v.purpose}</Link>
                <div className="muted">
                  {formatDate(v.startsOn, locale)} – {formatDate(v.endsOn, locale)} · {t(`visits.direction.${v.direction}`)} · {t(`visits.status.${v.status}`)}
                  {v.localityName ? ` · ${v.localityName}` : ''}
                  <NativeName native={v.localityNativeName} />
                </div>
              </li>
            ))}
          </ul>
        </div>
        <div className="panel home-panel" data-testid="home-dates">
          <h2>{t('home.agreementDates', { days: h.windowDays })}</h2>
          {h.agreementDates.length === 0 ? <p className="muted">{t('home.noDates')}</p> : null}
          <ul className="plain-list">
            {h.agreementDates.map((d) => (
              <li key={`${d.agreementId}-${d.which}`}>
                <Link to={`/agreements/${d.agreementId}`}>{d.partnerName}</Link>
                <NativeName native={d.partnerNativeName} />
                <div className="muted">{t(`home.${d.which}`, { date: formatDate(d.date, locale) })}</div>
              </li>
            ))}
          </ul>
        </div>
        <div className="panel home-panel wide" data-testid="home-quiet">
          <h2>{t('home.quiet')}</h2>
          {h.quietAgreements.length === 0 ? <p className="muted">{h.agreementCount === 0 ? t('firstrun.home.noAgreements') : t('home.noQuiet')}</p> : null}
          <ul className="plain-list columns-2">
            {h.quietAgreements.map((a) => (
              <li key={a.agreementId}>
                <Link to={`/agreements/${a.agreementId}`}>{a.partnerName}</Link>
                <NativeName native={a.partnerNativeName} />
                <div className="muted">
                  {t(`stage.${a.stage}`)} · {a.lastActivityOn ? t('home.lastActivity', { date: formatDate(a.lastActivityOn, locale) }) : t('home.neverActive')}
                </div>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
