import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, unwrap, uploadFile } from '../../api/client';
import type { EnterpriseCreate, EnterprisePatch, EnterpriseQuery, ImportResult } from '../../api/types';

const enterprisesKey = ['enterprises'] as const;

export const useEnterprises = (query: EnterpriseQuery) =>
  useQuery({
    queryKey: [...enterprisesKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/enterprises', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useEnterprise = (id: string | undefined) =>
  useQuery({
    queryKey: [...enterprisesKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });

export const useCreateEnterprise = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseCreate) => unwrap(api.POST('/api/v1/enterprises', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterprisesKey }),
  });
};

export const useUpdateEnterprise = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterprisePatch) =>
      unwrap(api.PATCH('/api/v1/enterprises/{id}', { params: { path: { id } }, body })),
    onSuccess: (enterprise) => {
      queryClient.setQueryData([...enterprisesKey, 'one', id], enterprise);
      return queryClient.invalidateQueries({ queryKey: [...enterprisesKey, 'list'] });
    },
  });
};

export const useImportEnterprises = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return uploadFile<ImportResult>('/api/v1/enterprises/import', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterprisesKey }),
  });
};

export const exportEnterprises = (filters: Omit<EnterpriseQuery, 'page' | 'pageSize'>) =>
  downloadFile('/api/v1/enterprises/export.xlsx', filters, '企业库.xlsx');

export const downloadImportTemplate = () =>
  downloadFile('/api/v1/enterprises/import-template.xlsx', {}, '企业导入模板.xlsx');
