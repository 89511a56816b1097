import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { isMissingRecord } from '../../api/problem';
import { NotFoundPage } from '../pages/not-found-page';
import type { NotFoundPageProps } from '../pages/status-results';
import { ErrorAlert } from './error-alert';
import { PageSkeleton } from './page-loading';

type DetailPageProps<T, E> = {
  // the query that reads the record the page shows
  query: UseQueryResult<T, E>;
  // what the not-found page says and where it leads back to
  notFound?: NotFoundPageProps;
  // true when the page knows there is no such record without asking (a malformed id in the address)
  missing?: boolean;
  children: (record: T) => ReactNode;
};

// Every page about one record: a skeleton while it loads, the not-found page when the server says
// there is none (404, or 400 for an id that cannot exist), the problem when it fails, else the page.
export const DetailPage = <T, E>({ query, notFound, missing = false, children }: DetailPageProps<T, E>) => {
  if (missing || isMissingRecord(query.error)) return <NotFoundPage {...notFound} />;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <>{children(query.data)}</>;
};
