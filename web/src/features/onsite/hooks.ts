import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { isApiError, type ApiError } from '../../api/problem';
import type { User } from '../../api/types';
import {
  onQueueChange,
  pendingCount,
  pendingFor,
  savedForm,
  saveForm,
  type PendingRecord,
} from './offline-queue';
import { syncPass } from './sync';
import type { RecordForm } from './types';

// The phone page works without network: the form and the signed-in officer come from the last time the
// server answered, and the queue syncs whenever the network comes back.

const formKey = (id: string) => ['onsite-form', id] as const;
const USER_KEY = 'inspecta.onsite.user';

const isNetworkFailure = (error: unknown) => !isApiError(error);

export const useRecordForm = (inspectionId: string) =>
  useQuery({
    queryKey: formKey(inspectionId),
    // try the server even when the browser says it is offline; fall back to the copy kept on the phone
    networkMode: 'always',
    retry: false,
    queryFn: async (): Promise<{ form: RecordForm; offline: boolean }> => {
      try {
        const form = await unwrap(
          api.GET('/api/v1/inspections/{id}/form', { params: { path: { id: inspectionId } } }),
        );
        await saveForm(form);
        return { form, offline: false };
      } catch (error) {
        const saved = isNetworkFailure(error) ? await savedForm(inspectionId) : undefined;
        if (saved) return { form: saved, offline: true };
        throw error;
      }
    },
  });

// The signed-in user, or, without network, the one who last opened an on-site page on this phone.
export const useOnsiteUser = () =>
  useQuery({
    queryKey: ['onsite-user'],
    networkMode: 'always',
    retry: false,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<User | null> => {
      try {
        const { user } = await unwrap(api.GET('/api/v1/auth/me'));
        window.localStorage.setItem(USER_KEY, JSON.stringify(user));
        return user;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          window.localStorage.removeItem(USER_KEY);
          return null;
        }
        const kept = window.localStorage.getItem(USER_KEY);
        if (kept && isNetworkFailure(error)) return JSON.parse(kept) as User;
        throw error;
      }
    },
  });

const emptyQueue: PendingRecord = {
  entries: [],
  findings: [],
  measures: [],
  files: [],
  acknowledgement: null,
};

export type SyncState = {
  pending: PendingRecord;
  count: number;
  syncing: boolean;
  online: boolean;
  refused: ApiError | null;
  retryIn: number | null;
};

// The queue as it is, and a loop that empties it: at start, on every change, on the `online` event, and
// after a network failure with a growing pause (1 s, 2 s, 4 s … at most 30 s).
export const useSyncLoop = (inspectionId: string): SyncState & { syncNow: () => void } => {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingRecord>(emptyQueue);
  const [syncing, setSyncing] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [retryIn, setRetryIn] = useState<number | null>(null);
  const running = useRef(false);
  const again = useRef(false);
  const failures = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const reload = useCallback(async () => setPending(await pendingFor(inspectionId)), [inspectionId]);

  const run = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    window.clearTimeout(timer.current);
    setRetryIn(null);
    if (!navigator.onLine) return;
    running.current = true;
    setSyncing(true);
    try {
      do {
        again.current = false;
        const pass = await syncPass(inspectionId);
        setRefused(pass.refused);
        failures.current = 0;
        if (pass.synced > 0) await queryClient.invalidateQueries({ queryKey: formKey(inspectionId) });
      } while (again.current);
    } catch {
      // the network went away mid-pass: try again later
      const delay = Math.min(30_000, 1000 * 2 ** failures.current);
      failures.current += 1;
      setRetryIn(delay);
      timer.current = window.setTimeout(() => void run(), delay);
    } finally {
      running.current = false;
      setSyncing(false);
      await reload();
    }
  }, [inspectionId, queryClient, reload]);

  useEffect(() => {
    void reload().then(run);
    const changed = () => {
      void reload();
      void run();
    };
    const wentOnline = () => {
      setOnline(true);
      failures.current = 0;
      void run();
    };
    const wentOffline = () => setOnline(false);
    const unsubscribe = onQueueChange(changed);
    window.addEventListener('online', wentOnline);
    window.addEventListener('offline', wentOffline);
    return () => {
      unsubscribe();
      window.removeEventListener('online', wentOnline);
      window.removeEventListener('offline', wentOffline);
      window.clearTimeout(timer.current);
    };
  }, [reload, run]);

  return {
    pending,
    count: pendingCount(pending),
    syncing,
    online,
    refused,
    retryIn,
    syncNow: () => void run(),
  };
};
