import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/login-page';
import { RequireAuth, RequirePermission } from './auth/guards';
import type { Permission } from './auth/permissions';
import { FullPageSpin, PageSkeleton } from './components/page-loading';
import { AppLayout } from './layout/app-layout';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';

// Each capability is its own chunk, loaded when first visited.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const EnterpriseListPage = page(() => import('../features/enterprises/enterprise-list-page'), 'EnterpriseListPage');
const EnterpriseDetailPage = page(() => import('../features/enterprises/enterprise-detail-page'), 'EnterpriseDetailPage');
const MyEnterprisePage = page(() => import('../features/enterprises/enterprise-detail-page'), 'MyEnterprisePage');
const EnterpriseImportPage = page(() => import('../features/enterprises/enterprise-import-page'), 'EnterpriseImportPage');
const OrganisationListPage = page(() => import('../features/organisations/organisation-list-page'), 'OrganisationListPage');
const OrganisationDetailPage = page(() => import('../features/organisations/organisation-detail-page'), 'OrganisationDetailPage');
const OfficerListPage = page(() => import('../features/officers/officer-list-page'), 'OfficerListPage');
const OfficerDetailPage = page(() => import('../features/officers/officer-detail-page'), 'OfficerDetailPage');
const AuditPage = page(() => import('../features/audit/audit-page'), 'AuditPage');

const guarded = (permission: Permission, element: ReactNode) => (
  <RequirePermission permission={permission}>
    <Suspense fallback={<PageSkeleton />}>{element}</Suspense>
  </RequirePermission>
);

export const AppRoutes = () => (
  <Routes>
    <Route path="/login" element={<LoginPage />} />
    <Route
      element={
        <RequireAuth>
          <Suspense fallback={<FullPageSpin />}>
            <AppLayout />
          </Suspense>
        </RequireAuth>
      }
    >
      <Route index element={<HomePage />} />
      <Route path="enterprises" element={guarded('enterprises.read', <EnterpriseListPage />)} />
      <Route path="enterprises/import" element={guarded('enterprises.write', <EnterpriseImportPage />)} />
      <Route path="enterprises/:id" element={guarded('enterprises.read', <EnterpriseDetailPage />)} />
      <Route path="my-enterprise" element={guarded('enterprise.own', <MyEnterprisePage />)} />
      <Route path="organisations" element={guarded('people.read', <OrganisationListPage />)} />
      <Route path="organisations/:id" element={guarded('people.read', <OrganisationDetailPage />)} />
      <Route path="officers" element={guarded('people.read', <OfficerListPage />)} />
      <Route path="officers/:id" element={guarded('people.read', <OfficerDetailPage />)} />
      <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </Routes>
);
