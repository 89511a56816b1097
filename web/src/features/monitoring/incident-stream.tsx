import { useEffect } from 'react';
import { Badge } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ResponseOf } from '../../api/types';

// issue 16 item 4: new and changed leads of the officer's territory arrive by Server-Sent Events. One stream per
// signed-in officer, opened by the app's shell: each event re-reads the lists of leads (the server scopes them)
// and sets the unread count shown in the menu. The browser's EventSource reconnects by itself and resumes with
// Last-Event-ID; only if the stream cannot be opened at all do the lists fall back to a slow re-read.

type Unread = ResponseOf<'/api/v1/monitoring/incident-events/unread', 'get'>;
export type StreamState = { live: boolean; eventId: number };

const unreadKey = ['monitoring-unread'] as const;
export const streamKey = ['monitoring-stream'] as const;
const incidentsKey = ['monitoring-incidents'] as const;

// with the stream down, the lists are read again this often
export const FALLBACK_REFETCH_MS = 60_000;

export const useIncidentStreamState = () =>
  useQuery<StreamState>({
    queryKey: streamKey,
    queryFn: () => ({ live: false, eventId: 0 }),
    staleTime: Infinity,
    initialData: { live: false, eventId: 0 },
  });

export const useUnreadIncidents = () => {
  const live = useIncidentStreamState().data.live;
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/incident-events/unread')),
    refetchInterval: live ? false : FALLBACK_REFETCH_MS,
  });
};

// The officer has the list in front of him: everything up to the last event is seen.
export const useMarkIncidentsRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (eventId: number) =>
      unwrap(api.POST('/api/v1/monitoring/incident-events/read', { body: { eventId } })),
    onSuccess: (unread) => queryClient.setQueryData<Unread>(unreadKey, unread),
  });
};

export const IncidentStreamConnection = () => {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/v1/monitoring/incident-events');
    // a burst of events (a busy source) re-reads the lists once
    let pending: number | undefined;
    const reread = () => {
      if (pending !== undefined) return;
      pending = window.setTimeout(() => {
        pending = undefined;
        void queryClient.invalidateQueries({ queryKey: incidentsKey });
      }, 300);
    };
    const setState = (patch: Partial<StreamState>) =>
      queryClient.setQueryData<StreamState>(streamKey, (state) => ({
        live: state?.live ?? false,
        eventId: state?.eventId ?? 0,
        ...patch,
      }));
    const setUnread = (count: number) =>
      queryClient.setQueryData<Unread>(unreadKey, (unread) => ({ eventId: unread?.eventId ?? 0, count }));
    source.addEventListener('ready', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { eventId: number; unread: number };
      // (re)connected: what happened while away is replayed after this, and the lists are read afresh
      setState({
        live: true,
        eventId: Math.max(data.eventId, queryClient.getQueryData<StreamState>(streamKey)?.eventId ?? 0),
      });
      setUnread(data.unread);
      reread();
    });
    source.addEventListener('incident', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { eventId: number };
      setState({ live: true, eventId: data.eventId });
      reread();
    });
    source.addEventListener('unread', (event) => {
      setUnread((JSON.parse((event as MessageEvent<string>).data) as { count: number }).count);
    });
    source.addEventListener('error', () => {
      // CONNECTING: the browser is reconnecting by itself; CLOSED: it gave up (refused, or not a stream)
      if (source.readyState === EventSource.CLOSED) setState({ live: false });
    });
    return () => {
      window.clearTimeout(pending);
      source.close();
      setState({ live: false });
    };
  }, [queryClient]);
  return null;
};

export const IncidentUnreadBadge = () => {
  const unread = useUnreadIncidents();
  return (
    <Badge
      count={unread.data?.count ?? 0}
      size="small"
      offset={[6, -2]}
      data-testid="incident-unread"
      style={{ boxShadow: 'none' }}
    />
  );
};
