import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type {
  CertificateCreate,
  CertificateStatusChange,
  OfficerCreate,
  OfficerPatch,
  OfficerQuery,
  Removal,
} from '../../api/types';

const officersKey = ['officers'] as const;

export const useOfficers = (query: OfficerQuery) =>
  useQuery({
    queryKey: [...officersKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/officers', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useOfficer = (id: string | undefined) =>
  useQuery({
    queryKey: [...officersKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/officers/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });

// Every officer change can move eligibility and roster state: refresh all officer views.
const useOfficerMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: officersKey }),
  });
};

export const useCreateOfficer = () =>
  useOfficerMutation((body: OfficerCreate) => unwrap(api.POST('/api/v1/officers', { body })));

export const useUpdateOfficer = (id: string) =>
  useOfficerMutation((body: OfficerPatch) =>
    unwrap(api.PATCH('/api/v1/officers/{id}', { params: { path: { id } }, body })),
  );

export const useAddCertificate = (id: string) =>
  useOfficerMutation((body: CertificateCreate) =>
    unwrap(api.POST('/api/v1/officers/{id}/certificates', { params: { path: { id } }, body })),
  );

export const useChangeCertificateStatus = (id: string) =>
  useOfficerMutation(({ certificateId, ...body }: CertificateStatusChange & { certificateId: string }) =>
    unwrap(
      api.PATCH('/api/v1/officers/{id}/certificates/{certificateId}', {
        params: { path: { id, certificateId } },
        body,
      }),
    ),
  );

export const useRemoveFromRoster = (id: string) =>
  useOfficerMutation((body: Removal) =>
    unwrap(api.POST('/api/v1/officers/{id}/removal', { params: { path: { id } }, body })),
  );

// measure 10: may this officer inspect on the given date?
export const useEligibility = (id: string) =>
  useMutation({
    mutationFn: (date: string) =>
      unwrap(api.GET('/api/v1/officers/{id}/eligibility', { params: { path: { id }, query: { date } } })),
  });

// issue 12 item 1: the accounts failed logins locked, for the administrator to open (audited).
const lockedKey = ['users', 'locked'] as const;

export const useLockedAccounts = () =>
  useQuery({ queryKey: lockedKey, queryFn: () => unwrap(api.GET('/api/v1/users/locked')) });

export const useUnlockAccount = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/users/{id}/unlock', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lockedKey }),
  });
};
