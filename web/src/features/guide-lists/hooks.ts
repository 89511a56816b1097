import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, unwrap } from '../../api/client';

const guideListsKey = ['guide-lists'] as const;

export const useGuideLists = () =>
  useQuery({
    queryKey: [...guideListsKey, 'list'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/guide-lists'))).items,
  });

export const useGuideList = (id: string) =>
  useQuery({
    queryKey: [...guideListsKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/guide-lists/{id}', { params: { path: { id } } })),
  });

// Every change to a list moves its entries, counts or status: refresh the list and its detail.
const useGuideListMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: guideListsKey }),
        queryClient.invalidateQueries({ queryKey: ['public', 'guide-lists'] }),
      ]),
  });
};

export const useGenerateGuideList = () =>
  useGuideListMutation((year: number) => unwrap(api.POST('/api/v1/guide-lists', { body: { year } })));

export const useAddGuideListEntry = (id: string) =>
  useGuideListMutation((body: { enterpriseId: string; reason: string }) =>
    unwrap(api.POST('/api/v1/guide-lists/{id}/entries', { params: { path: { id } }, body })),
  );

export const useRemoveGuideListEntry = (id: string) =>
  useGuideListMutation(({ entryId, reason }: { entryId: string; reason: string }) =>
    unwrap(
      api.POST('/api/v1/guide-lists/{id}/entries/{entryId}/removal', {
        params: { path: { id, entryId } },
        body: { reason },
      }),
    ),
  );

export const useRegenerateGuideList = (id: string) =>
  useGuideListMutation(() =>
    unwrap(api.POST('/api/v1/guide-lists/{id}/regenerate', { params: { path: { id } }, body: {} })),
  );

export const useApproveGuideList = (id: string) =>
  useGuideListMutation((comment: string) =>
    unwrap(
      api.POST('/api/v1/guide-lists/{id}/approve', {
        params: { path: { id } },
        body: comment ? { comment } : {},
      }),
    ),
  );

export const usePublishGuideList = (id: string) =>
  useGuideListMutation(() =>
    unwrap(api.POST('/api/v1/guide-lists/{id}/publish', { params: { path: { id } }, body: {} })),
  );

export const exportGuideList = (id: string, year: number) =>
  downloadFile(
    `/api/v1/guide-lists/${encodeURIComponent(id)}/export.xlsx`,
    {},
    `${year}年重点企业指导名单.xlsx`,
  );

// The published lists, for anyone (公示), no session needed.
export const usePublicGuideLists = () =>
  useQuery({
    queryKey: ['public', 'guide-lists'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/public/guide-lists'))).items,
  });

export const usePublicGuideList = (year: number) =>
  useQuery({
    queryKey: ['public', 'guide-lists', year],
    queryFn: () => unwrap(api.GET('/api/v1/public/guide-lists/{year}', { params: { path: { year } } })),
    enabled: Number.isInteger(year),
  });
