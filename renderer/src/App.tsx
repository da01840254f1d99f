import { Fragment, lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { connectDesktop, screenKey } from './desktop-bridge.ts';
import { I18nProvider } from 'react-aria-components';
import { dateLocale } from '../../shared/region.ts';
import { onOfficeServer, signOut, useCall } from './api.ts';
import { setOffice, useLocale } from './i18n.ts';
import { UndoBar, UndoProvider } from './components/undo.tsx';
import { HomeOrSetup } from './screens/setup/HomeOrSetup.tsx';
import { settingsLink } from './screens/settings/SettingsSection.tsx';
import { ConfirmProvider } from './components/ConfirmDialog.tsx';
import { GlobalSearch } from './components/GlobalSearch.tsx';
import { UnsavedProvider } from './components/form-care.tsx';

// Every screen but Home is fetched when first opened, so the window shows sooner (the initial script is
// measured in `npm run bench bundle`); the Suspense around the routes says "Loading…" meanwhile.
function screen<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
const AgreementDetail = screen(async () => (await import('./screens/agreements/AgreementDetail.tsx')).AgreementDetail);
const AgreementForm = screen(async () => (await import('./screens/agreements/AgreementForm.tsx')).AgreementForm);
const AgreementsList = screen(async () => (await import('./screens/agreements/AgreementsList.tsx')).AgreementsList);
const VisitsList = screen(async () => (await import('./screens/visits/VisitsList.tsx')).VisitsList);
const VisitForm = screen(async () => (await import('./screens/visits/VisitForm.tsx')).VisitForm);
const VisitDetail = screen(async () => (await import('./screens/visits/VisitDetail.tsx')).VisitDetail);
const ContactsScreen = screen(async () => (await import('./screens/contacts/ContactsScreen.tsx')).ContactsScreen);
const TasksScreen = screen(async () => (await import('./screens/tasks/TasksScreen.tsx')).TasksScreen);
const CommitmentDetail = screen(async () => (await import('./screens/commitments/CommitmentDetail.tsx')).CommitmentDetail);
const CommitmentForm = screen(async () => (await import('./screens/commitments/CommitmentForm.tsx')).CommitmentForm);
const CommitmentsList = screen(async () => (await import('./screens/commitments/CommitmentsList.tsx')).CommitmentsList);
const CalendarScreen = screen(async () => (await import('./screens/calendar/CalendarScreen.tsx')).CalendarScreen);
const LocalitiesList = screen(async () => (await import('./screens/localities/LocalitiesList.tsx')).LocalitiesList);
const PartnerPage = screen(async () => (await import('./screens/partners/PartnerPage.tsx')).PartnerPage);
const ContactPage = screen(async () => (await import('./screens/contacts/ContactPage.tsx')).ContactPage);
const SettingsScreen = screen(async () => (await import('./screens/settings/SettingsScreen.tsx')).SettingsScreen);
const ReportsScreen = screen(async () => (await import('./screens/reports/ReportsScreen.tsx')).ReportsScreen);
const DataScreen = screen(async () => (await import('./screens/data/DataScreen.tsx')).DataScreen);
// d3-geo and the world's outlines come with the map screen, not with the app's first script.
const MapScreen = lazy(() => import('./screens/map/MapScreen.tsx'));

/**
 * A form starts from its address. The same form component answers "new" and "edit", so without a key React
 * kept the one on screen: "Registrar visita" (Alt+Shift+V, or a link) opened from a visit's edit form showed that
 * visit's fields, and saving created a copy of it.
 */
function Fresh({ children }: { children: ReactNode }) {
  const { pathname, search } = useLocation();
  return <Fragment key={pathname + search}>{children}</Fragment>;
}

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
        <UnsavedProvider>
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
                <GlobalSearch />
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
                      <Route
                        path="/visits/new"
                        element={
                          <Fresh>
                            <VisitForm />
                          </Fresh>
                        }
                      />
                      <Route path="/visits/:id" element={<VisitDetail />} />
                      <Route
                        path="/visits/:id/edit"
                        element={
                          <Fresh>
                            <VisitForm />
                          </Fresh>
                        }
                      />
                      <Route path="/tasks" element={<TasksScreen />} />
                      <Route path="/contacts" element={<ContactsScreen />} />
                      <Route path="/contacts/:id" element={<ContactPage />} />
                      <Route path="/agreements" element={<AgreementsList />} />
                      <Route
                        path="/agreements/new"
                        element={
                          <Fresh>
                            <AgreementForm />
                          </Fresh>
                        }
                      />
                      <Route path="/agreements/:id" element={<AgreementDetail />} />
                      <Route
                        path="/agreements/:id/edit"
                        element={
                          <Fresh>
                            <AgreementForm />
                          </Fresh>
                        }
                      />
                      <Route path="/commitments" element={<CommitmentsList view="open" />} />
                      <Route path="/commitments/all" element={<CommitmentsList view="all" />} />
                      <Route path="/commitments/totals" element={<CommitmentsList view="totals" />} />
                      <Route
                        path="/commitments/new"
                        element={
                          <Fresh>
                            <CommitmentForm />
                          </Fresh>
                        }
                      />
                      <Route path="/commitments/:id" element={<CommitmentDetail />} />
                      <Route
                        path="/commitments/:id/edit"
                        element={
                          <Fresh>
                            <CommitmentForm />
                          </Fresh>
                        }
                      />
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
              <UndoBar />
            </div>
          </UndoProvider>
        </UnsavedProvider>
      </ConfirmProvider>
    </I18nProvider>
  );
}
