import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ResponseOf } from '../../api/types';

// Measure 29: the public portal's lists (no login) and the bureau's annual reports.

export type PublicInspectionResult = ResponseOf<'/api/v1/public/inspection-results', 'get'>['items'][number];
export type PublicAnnualReport = ResponseOf<'/api/v1/public/annual-reports', 'get'>['items'][number];
export type PublicOpenDay = ResponseOf<'/api/v1/public/open-days', 'get'>['items'][number];
export type AnnualReport = ResponseOf<'/api/v1/annual-reports', 'get'>['items'][number];

export const usePortal = () =>
  useQuery({ queryKey: ['public-portal'], queryFn: () => unwrap(api.GET('/api/v1/public/portal')) });

export const usePublicInspectionResults = (page: number) =>
  useQuery({
    queryKey: ['public-inspection-results', page],
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/inspection-results', { params: { query: { page, pageSize: 20 } } })),
  });

export const usePublicCreditRepairs = () =>
  useQuery({
    queryKey: ['public-credit-repairs'],
    queryFn: () => unwrap(api.GET('/api/v1/public/credit-repairs', { params: { query: {} } })),
  });

export const usePublicBenchmarks = () =>
  useQuery({
    queryKey: ['public-benchmarks'],
    queryFn: () => unwrap(api.GET('/api/v1/public/discretion-benchmarks', { params: { query: {} } })),
  });

export const usePublicInspectionCaps = () =>
  useQuery({
    queryKey: ['public-inspection-caps'],
    queryFn: () => unwrap(api.GET('/api/v1/public/inspection-caps')),
  });

export const usePublicAnnualReports = () =>
  useQuery({
    queryKey: ['public-annual-reports'],
    queryFn: () => unwrap(api.GET('/api/v1/public/annual-reports')),
  });

export const usePublicOpenDays = () =>
  useQuery({ queryKey: ['public-open-days'], queryFn: () => unwrap(api.GET('/api/v1/public/open-days')) });

export const openDataUrl = (dataset: string, format: 'xlsx' | 'csv') =>
  `/api/v1/public/open-data/${encodeURIComponent(dataset)}?format=${format}`;

const reportsKey = ['annual-reports'] as const;

export const useAnnualReports = () =>
  useQuery({ queryKey: reportsKey, queryFn: () => unwrap(api.GET('/api/v1/annual-reports')) });

export const useAnnualReportAction = (action: 'generate' | 'publish') => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) =>
      action === 'generate'
        ? unwrap(api.POST('/api/v1/annual-reports/{year}/generate', { params: { path: { year } }, body: {} }))
        : unwrap(api.POST('/api/v1/annual-reports/{year}/publish', { params: { path: { year } }, body: {} })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reportsKey });
      void queryClient.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
};
