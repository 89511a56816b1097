import { baseUrl } from './browser.ts';

// Direct API calls for test setup, with a logged-in session.
export const apiSession = async (username: string, password = 'Inspecta@2026') => {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    get: async <T>(path: string): Promise<T> => {
      const response = await fetch(`${baseUrl()}${path}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
      return (await response.json()) as T;
    },
  };
};
