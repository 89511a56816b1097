import { lazy, Suspense } from 'react';
import type { NotFoundPageProps } from './status-results';

// antd's Result carries the 403/404 illustrations: they load the first time a page needs one.
const NotFoundResult = lazy(async () => ({ default: (await import('./status-results')).NotFoundResult }));
const ForbiddenResult = lazy(async () => ({ default: (await import('./status-results')).ForbiddenResult }));

export const NotFoundPage = (props: NotFoundPageProps) => (
  <Suspense fallback={null}>
    <NotFoundResult {...props} />
  </Suspense>
);

export const ForbiddenPage = () => (
  <Suspense fallback={null}>
    <ForbiddenResult />
  </Suspense>
);
