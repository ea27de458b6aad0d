import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ROLES as ROLES_ALL, type Role } from './api/types';
import { AuthProvider, useUser } from './auth/auth-context';
import { ALARM_PAGE_ROLES } from './auth/menu';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './components/AppLayout';
import { DictionaryProvider } from './components/DictionaryProvider';
import { Loading } from './components/Loading';
import { COMPLIANCE_ROUTES } from './pages/compliance-routes';
import { ForbiddenPage, NotFoundPage } from './pages/errors/ForbiddenPage';
import { LoginPage } from './pages/login/LoginPage';

// Pages load on demand: the login screen does not wait for ECharts.
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const EnterpriseListPage = lazy(() => import('./pages/enterprises/EnterpriseListPage'));
const EnterpriseDetailPage = lazy(() => import('./pages/enterprises/EnterpriseDetailPage'));
const ImportPage = lazy(() => import('./pages/enterprises/ImportPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const MonitoringOverviewPage = lazy(() => import('./pages/monitoring/MonitoringOverviewPage'));
const MonitorListPage = lazy(() => import('./pages/monitoring/MonitorListPage'));
const OutletMonitoringPage = lazy(() => import('./pages/monitoring/OutletMonitoringPage'));
const RatesPage = lazy(() => import('./pages/monitoring/RatesPage'));
const AlarmCentrePage = lazy(() => import('./pages/alarms/AlarmCentrePage'));
const AlarmDetailPage = lazy(() => import('./pages/alarms/AlarmDetailPage'));
const ResponsePage = lazy(() => import('./pages/alarms/ResponsePage'));
const FilingsPage = lazy(() => import('./pages/alarms/FilingsPage'));
const InboxPage = lazy(() => import('./pages/alarms/InboxPage'));
const SeriousListsPage = lazy(() => import('./pages/alarms/SeriousListsPage'));
const AlarmSettingsPage = lazy(() => import('./pages/alarms/AlarmSettingsPage'));

/** Pages a role may not open send it to /403 before any request is made. */
function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useUser();
  if (!roles.includes(user.role)) return <Navigate to="/403" replace />;
  return <>{children}</>;
}

/** Enterprise users have no dashboard or list: their home is their own record. */
function HomeOrOwnRecord({ children }: { children: ReactNode }) {
  const user = useUser();
  if (user.role === 'enterprise') {
    return <Navigate to={user.enterpriseId ? `/enterprises/${user.enterpriseId}` : '/403'} replace />;
  }
  return <>{children}</>;
}

const EDITORS: readonly Role[] = ['admin', 'city', 'district'];

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <DictionaryProvider>
                  <AppLayout />
                </DictionaryProvider>
              </RequireAuth>
            }
          >
            <Route
              index
              element={
                <HomeOrOwnRecord>
                  <Suspense fallback={<Loading />}>
                    <DashboardPage />
                  </Suspense>
                </HomeOrOwnRecord>
              }
            />
            <Route
              path="enterprises"
              element={
                <HomeOrOwnRecord>
                  <Suspense fallback={<Loading />}>
                    <EnterpriseListPage />
                  </Suspense>
                </HomeOrOwnRecord>
              }
            />
            <Route
              path="enterprises/import"
              element={
                <RoleGate roles={EDITORS}>
                  <Suspense fallback={<Loading />}>
                    <ImportPage />
                  </Suspense>
                </RoleGate>
              }
            />
            <Route
              path="enterprises/:id"
              element={
                <Suspense fallback={<Loading />}>
                  <EnterpriseDetailPage />
                </Suspense>
              }
            />
            <Route
              path="users"
              element={
                <RoleGate roles={['admin']}>
                  <Suspense fallback={<Loading />}>
                    <UsersPage />
                  </Suspense>
                </RoleGate>
              }
            />
            {/* 在线监控: every role; the server keeps each user to the monitors in scope. */}
            <Route
              path="monitoring"
              element={
                <Suspense fallback={<Loading />}>
                  <MonitoringOverviewPage />
                </Suspense>
              }
            />
            <Route
              path="monitoring/monitors"
              element={
                <Suspense fallback={<Loading />}>
                  <MonitorListPage />
                </Suspense>
              }
            />
            <Route
              path="monitoring/outlets/:id"
              element={
                <Suspense fallback={<Loading />}>
                  <OutletMonitoringPage />
                </Suspense>
              }
            />
            <Route
              path="monitoring/rates"
              element={
                <Suspense fallback={<Loading />}>
                  <RatesPage />
                </Suspense>
              }
            />
            {/* 报警平台: the server keeps each user to the alarms, filings and lists in scope. */}
            {(
              [
                ['alarms', ALARM_PAGE_ROLES.centre, <AlarmCentrePage key="centre" />],
                ['alarms/response', ALARM_PAGE_ROLES.response, <ResponsePage key="response" />],
                ['alarms/serious-lists', ALARM_PAGE_ROLES.seriousLists, <SeriousListsPage key="serious" />],
                ['alarms/settings', ALARM_PAGE_ROLES.settings, <AlarmSettingsPage key="settings" />],
                ['alarms/:id', ALARM_PAGE_ROLES.centre, <AlarmDetailPage key="detail" />],
                ['filings', ALARM_PAGE_ROLES.filings, <FilingsPage key="filings" />],
                ['inbox', ROLES_ALL, <InboxPage key="inbox" />],
                ...COMPLIANCE_ROUTES,
              ] as const
            ).map(([path, roles, page]) => (
              <Route
                key={path}
                path={path}
                element={
                  <RoleGate roles={roles}>
                    <Suspense fallback={<Loading />}>{page}</Suspense>
                  </RoleGate>
                }
              />
            ))}
            <Route path="403" element={<ForbiddenPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
