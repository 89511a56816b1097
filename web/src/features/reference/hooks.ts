import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

// Reference lists change rarely; keep them for the session.
const REFERENCE_STALE_TIME = 60 * 60_000;

export const useTerritories = () =>
  useQuery({
    queryKey: ['territories'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/territories'))).items,
    staleTime: REFERENCE_STALE_TIME,
  });

export const useIndustries = () =>
  useQuery({
    queryKey: ['catalog', 'industries'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/catalog/industries'))).items,
    staleTime: REFERENCE_STALE_TIME,
  });

export const useInspectionMatters = () =>
  useQuery({
    queryKey: ['catalog', 'inspection-matters'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/catalog/inspection-matters'))).items,
    staleTime: REFERENCE_STALE_TIME,
  });
