import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

type Patch = Record<string, string | number | undefined>;

// A list page's filters, sort and page live in the URL, so back/forward and shared links keep them.
export const useListParams = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const pageSize = Math.min(
    MAX_PAGE_SIZE,
    Math.max(1, Number(searchParams.get('pageSize')) || DEFAULT_PAGE_SIZE),
  );

  const get = useCallback(
    (key: string): string | undefined => searchParams.get(key) || undefined,
    [searchParams],
  );

  // Changing a filter goes back to page 1; changing the page keeps the filters.
  const update = useCallback(
    (patch: Patch) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  const reset = useCallback(
    () => setSearchParams(new URLSearchParams(), { replace: true }),
    [setSearchParams],
  );

  return { page, pageSize, sort: get('sort'), get, update, reset, hasFilters: searchParams.size > 0 };
};

// antd's sorter → the API's `sort` (`name` or `-name`).
export const sortParam = <T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined => {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!first?.order || first.columnKey === undefined) return undefined;
  return `${first.order === 'descend' ? '-' : ''}${String(first.columnKey)}`;
};

// The API's `sort` → the controlled sortOrder of one column.
export const sortOrderFor = (sort: string | undefined, field: string): SortOrder => {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
};
