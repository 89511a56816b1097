import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { User } from '../../api/types';

export const sessionKey = ['session'] as const;

// The signed-in user, or null when there is no session (401 from /auth/me).
export const useSession = () =>
  useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<User | null> => {
      try {
        const { user } = await unwrap(api.GET('/api/v1/auth/me'));
        return user;
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

export const useCurrentUser = (): User => {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser needs a signed-in user (render it inside <RequireAuth>)');
  return data;
};

// When failed logins last locked the signed-in account (null: never), so its owner learns that someone
// tried to guess the password (issue 12 item 1).
export const useLastLockout = () =>
  useQuery({
    queryKey: [...sessionKey, 'last-lockout'],
    queryFn: async (): Promise<string | null> => (await unwrap(api.GET('/api/v1/auth/me'))).lastLockedAt,
    staleTime: 5 * 60_000,
  });

export type Credentials = { username: string; password: string };

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Credentials) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, user);
    },
  });
};

export const useLogout = (onDone: () => void) =>
  useMutation({
    mutationFn: async () => {
      const { response } = await api.POST('/api/v1/auth/logout');
      // an expired session is logged out already
      if (!response.ok && response.status !== 401) throw new Error(String(response.status));
    },
    onSettled: onDone,
  });
