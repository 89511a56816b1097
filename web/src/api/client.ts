import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, toProblem } from './problem';
import { noteServerTime } from '../app/server-clock';

export const api = createClient<paths>({ baseUrl: '' });

// The shell registers what to do when the session is gone (clear the user, show /login).
let onUnauthorized: () => void = () => undefined;
export const setUnauthorizedHandler = (handler: () => void): void => {
  onUnauthorized = handler;
};

// A 401 from login is a wrong password and from /me is "not signed in": neither is an expiry.
const isAuthProbe = (url: string): boolean => /\/api\/v1\/auth\/(login|me)$/.test(new URL(url).pathname);

const reportUnauthorized = (url: string, status: number): void => {
  if (status === 401 && !isAuthProbe(url)) onUnauthorized();
};

const unauthorizedMiddleware: Middleware = {
  onResponse({ request, response }) {
    noteServerTime(response.headers.get('x-server-time'));
    reportUnauthorized(request.url, response.status);
    return undefined;
  },
};
api.use(unauthorizedMiddleware);

type Result<T> = { data?: T; error?: unknown; response: Response };

// Resolves to the data of a successful call, throws ApiError with the server's problem otherwise.
export const unwrap = async <T>(call: Promise<Result<T>>): Promise<T> => {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(toProblem(error, response.status));
  return data as T;
};

const readProblem = async (response: Response): Promise<ApiError> => {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return new ApiError(toProblem(body, response.status));
};

const toQueryString = (query: Record<string, string | number | boolean | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

const filenameFrom = (response: Response, fallback: string): string => {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
};

// Downloads a file (xlsx export, template) so the browser saves it; errors arrive as ApiError.
export const downloadFile = async (
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  fallbackName: string,
): Promise<void> => {
  const url = `${path}${toQueryString(query)}`;
  const response = await fetch(url);
  reportUnauthorized(new URL(url, window.location.origin).href, response.status);
  if (!response.ok) throw await readProblem(response);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filenameFrom(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
};

// Posts a multipart form (file upload) and returns the JSON answer.
export const uploadFile = async <T>(path: string, form: FormData): Promise<T> => {
  const response = await fetch(path, { method: 'POST', body: form });
  reportUnauthorized(new URL(path, window.location.origin).href, response.status);
  if (!response.ok) throw await readProblem(response);
  return (await response.json()) as T;
};
