import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/problem';
import { setUnauthorizedHandler } from '../api/client';
import { sessionKey } from '../features/auth/hooks';

export const queryClient: QueryClient = new QueryClient({
  // every successful change appends audit events: let open change histories show them
  mutationCache: new MutationCache({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // a 4xx answer will not change on retry; a network blip might
      retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});

// Forget everything the expired session saw; the auth guard then shows /login.
export const endSession = (): void => {
  queryClient.setQueryData(sessionKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
};

setUnauthorizedHandler(endSession);
