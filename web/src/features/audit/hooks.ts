import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { AuditQuery } from '../../api/types';

export const useAuditEvents = (query: AuditQuery) =>
  useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => unwrap(api.GET('/api/v1/audit/events', { params: { query } })),
    placeholderData: keepPreviousData,
  });

// Verification walks the whole chain: run it on request, never on page load.
export const useVerifyAudit = () =>
  useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit/verify')) });

// Every action with its Chinese label (issue 13 item 4): the filter offers names, not codes.
export const useAuditActions = () =>
  useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => unwrap(api.GET('/api/v1/audit/actions')),
    staleTime: Infinity,
  });
