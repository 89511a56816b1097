import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const workbenchKey = ['workbench'] as const;

// What waits for the user (issue 13 item 1); refreshed with the bell, and on return to the home page.
export const useWorkbench = () =>
  useQuery({
    queryKey: workbenchKey,
    queryFn: () => unwrap(api.GET('/api/v1/workbench')),
    refetchInterval: 60_000,
    refetchOnMount: 'always',
  });
