import { lazy, Suspense, useEffect } from 'react';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { connectDesktop, screenKey } from './desktop-bridge.ts';
import { I18nProvider } from 'react-aria-components';
import { dateLocale } from '../../shared/region.ts';
import { onOfficeServer, signOut, useCall } from './api.ts';
import { setOffice, useLocale } from './i18n.ts';
import { UndoProvider } from './components/undo.tsx';
import { AgreementDetail } from './screens/agreements/AgreementDetail.tsx';
import { AgreementForm } from './screens/agreements/AgreementForm.tsx';
import { AgreementsList } from './screens/agreements/AgreementsList.tsx';
import { HomeOrSetup } from './screens/setup/SetupScreen.tsx';
import { settingsLink } from './screens/settings/SettingsSection.tsx';
import { VisitsList } from './screens/visits/VisitsList.tsx';
import { VisitForm } from './screens/visits/VisitForm.tsx';
import { VisitDetail } from './screens/visits/VisitDetail.tsx';
import { ContactsScreen } from './screens/contacts/ContactsScreen.tsx';
import { TasksScreen } from './screens/tasks/TasksScreen.tsx';
import { CommitmentDetail } from './screens/commitments/CommitmentDetail.tsx';
import { CommitmentForm } from './screens/commitments/CommitmentForm.tsx';
import { CommitmentsList } from './screens/commitments/CommitmentsList.tsx';
import { CalendarScreen } from './screens/calendar/CalendarScreen.tsx';
import { LocalitiesList } from './screens/localities/LocalitiesList.tsx';
import { PartnerPage } from './screens/partners/PartnerPage.tsx';
import { ContactPage } from './screens/contacts/ContactPage.tsx';
import { SettingsScreen } from './screens/settings/SettingsScreen.tsx';
import { ConfirmProvider } from './components/ConfirmDialog.tsx';

// Opened now and then, and heavy (the report preview, the spreadsheet reader): fetched when first opened.
const ReportsScreen = lazy(async () => ({ default: (await import('./screens/reports/ReportsScreen.tsx')).ReportsScreen }));
const DataScreen = lazy(async () => ({ default: (await import('./screens/data/DataScreen.tsx')).DataScreen }));
// d3-geo and the world's outlines come with the map screen, not with the app's first script.
const MapScreen = lazy(() => import('./screens/map/MapScreen.tsx'));

export function App() {
  const { t, locale, officeKnown } = useLocale();
  const settings = useCall('settings.get', {});
  const info = useCall('app.info', {});
  const me = useCall('me.get', {});

  useEffect(() => {
    if (settings.data) setOffice(settings.data);
  }, [settings.data]);

  const navigate = useNavigate();
  useEffect(() => connectDesktop((route) => void navigate(route)), [navigate]);
  // The window's (and the tab's) title names the screen.
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${t(screenKey(pathname))} · ${t('app.title')}`;
  }, [pathname, t]);

  // React Aria's fields and dialogs follow the app's locale, not the browser's.
  return (
    <I18nProvider locale={dateLocale(locale)}>
      <ConfirmProvider>
      <UndoProvider>
        <div className="shell">
          <nav className="sidebar" aria-label={t('nav.label')}>
            <div className="brand">
              <strong>{t('app.title')}</strong>
              <span>{settings.data?.officeName || t('app.tagline')}</span>
            </div>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/agreements">{t('nav.agreements')}</NavLink>
            <NavLink to="/visits">{t('nav.visits')}</NavLink>
            <NavLink to="/tasks">{t('nav.tasks')}</NavLink>
            <NavLink to="/contacts">{t('nav.contacts')}</NavLink>
            <NavLink to="/commitments">{t('nav.commitments')}</NavLink>
            <NavLink to="/calendar">{t('nav.calendar')}</NavLink>
            <NavLink to="/localities">{t('nav.localities')}</NavLink>
            <NavLink to="/map">{t('nav.map')}</NavLink>
            <NavLink to="/reports">{t('nav.reports')}</NavLink>
            <NavLink to="/data">{t('nav.data')}</NavLink>
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
            {onOfficeServer() && me.data ? (
              <div className="user-menu" aria-label={t('session.menu.user')} role="group">
                <span>{t('session.menu.signedInAs', { name: me.data.name, role: t(`users.roles.${me.data.role}`) })}</span>
                <button type="button" onClick={() => void signOut()}>
                  {t('session.menu.logout')}
                </button>
              </div>
            ) : null}
          </nav>
          <main className="content">
            {info.data?.sampleLoaded ? (
              <div className="sample-banner" data-testid="sample-banner">
                {t('app.sampleBanner')} <Link to={settingsLink('sample')}>{t('firstrun.sample.bannerLink')}</Link>
              </div>
            ) : null}
            {settings.isError ? <div className="form-message">{t('app.offline')}</div> : null}
            {/* Screens mount once the office's locale is known: a form writes stored amounts as text the office's way on its first render. */}
            {officeKnown ? (
              // A screen loaded on demand says so in the user's language while it arrives.
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <Routes>
                <Route path="/" element={<HomeOrSetup />} />
                <Route path="/visits" element={<VisitsList />} />
                <Route path="/visits/new" element={<VisitForm />} />
                <Route path="/visits/:id" element={<VisitDetail />} />
                <Route path="/visits/:id/edit" element={<VisitForm />} />
                <Route path="/tasks" element={<TasksScreen />} />
                <Route path="/contacts" element={<ContactsScreen />} />
                <Route path="/contacts/:id" element={<ContactPage />} />
                <Route path="/agreements" element={<AgreementsList />} />
                <Route path="/agreements/new" element={<AgreementForm />} />
                <Route path="/agreements/:id" element={<AgreementDetail />} />
                <Route path="/agreements/:id/edit" element={<AgreementForm />} />
                <Route path="/commitments" element={<CommitmentsList view="open" />} />
                <Route path="/commitments/all" element={<CommitmentsList view="all" />} />
                <Route path="/commitments/totals" element={<CommitmentsList view="totals" />} />
                <Route path="/commitments/new" element={<CommitmentForm />} />
                <Route path="/commitments/:id" element={<CommitmentDetail />} />
                <Route path="/commitments/:id/edit" element={<CommitmentForm />} />
                <Route path="/calendar" element={<CalendarScreen />} />
                <Route path="/localities" element={<LocalitiesList />} />
                <Route path="/map" element={<MapScreen />} />
                <Route path="/localities/:id" element={<PartnerPage />} />
                <Route path="/reports" element={<ReportsScreen />} />
                <Route path="/data" element={<DataScreen />} />
                <Route path="/settings" element={<SettingsScreen />} />
                <Route path="*" element={<Navigate to="/agreements" replace />} />
              </Routes>
              </Suspense>
            ) : settings.isError ? null : (
              <p>{t('app.loading')}</p>
            )}
          </main>
        </div>
      </UndoProvider>
      </ConfirmProvider>
    </I18nProvider>
  );
}
