import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

const notificationsKey = ['notifications'] as const;

// Reminders are made by a daily scan, so a minute's polling is fresh enough.
export const useNotifications = () =>
  useQuery({
    queryKey: notificationsKey,
    queryFn: () => unwrap(api.GET('/api/v1/notifications')),
    refetchInterval: 60_000,
  });

export const useMarkNotificationRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
};
