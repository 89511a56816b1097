import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../../features/auth/hooks';
import { ErrorAlert } from '../components/error-alert';
import { FullPageSpin } from '../components/page-loading';
import { ForbiddenPage } from '../pages/not-found-page';
import type { Need } from './access';
import { useCan } from './use-can';

export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <ErrorAlert error={session.error} style={{ margin: 48 }} />;
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    const search = from === '/' ? '' : `?from=${encodeURIComponent(from)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return children;
};

export const RequirePermission = ({ permission, children }: { permission: Need; children: ReactNode }) =>
  useCan(permission) ? children : <ForbiddenPage />;
