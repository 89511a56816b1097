import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { OrganisationCreate, OrganisationPatch, OrganisationQuery } from '../../api/types';

const organisationsKey = ['organisations'] as const;

export const useOrganisations = (query: OrganisationQuery) =>
  useQuery({
    queryKey: [...organisationsKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query } })),
    placeholderData: keepPreviousData,
  });

// The list is a bureau's own structure (tens of rows): the server answers it whole, unpaged.

// Every organisation the user may see, for pickers (parent, entrusting bureau, officer's unit).
export const useOrganisationOptions = () => {
  const organisations = useOrganisations({});
  return {
    loading: organisations.isPending,
    items: organisations.data?.items ?? [],
  };
};

export const useOrganisation = (id: string | undefined) =>
  useQuery({
    queryKey: [...organisationsKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });

export const useCreateOrganisation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationCreate) => unwrap(api.POST('/api/v1/organisations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationsKey }),
  });
};

export const useUpdateOrganisation = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationPatch) =>
      unwrap(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationsKey }),
  });
};

export type SubjectCheckInput = { matter: string; date: string };

// measures 9, 10: may this organisation be the subject of an inspection of this matter on this date?
export const useSubjectCheck = (id: string) =>
  useMutation({
    mutationFn: (query: SubjectCheckInput) =>
      unwrap(api.GET('/api/v1/organisations/{id}/subject-check', { params: { path: { id }, query } })),
  });
