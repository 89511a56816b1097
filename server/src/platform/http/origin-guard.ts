import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem } from '../problems/problem.ts';

// Cross-site request forgery beyond the SameSite cookie (issue 12 item 6). A request that changes state must
// come from the app's own pages: a browser names the page's origin in `Origin` (or, failing that, in
// `Referer`) and a foreign one is refused. A client that is not a browser sends neither and carries no
// ambient cookie from a foreign page, so it passes. Its body must be JSON, or multipart on the routes that
// take an upload: an HTML form can send neither JSON nor a cross-origin request that passes the check above.

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const originOf = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
};

// The app's own origin as this request reached it (behind a trusted proxy, as the proxy names it).
const ownOrigin = (request: FastifyRequest): string | null =>
  originOf(`${request.protocol}://${request.host}`);

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export const isForeignRequest = (request: FastifyRequest, allowedOrigins: readonly string[]): boolean => {
  const fetchSite = header(request, 'sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const claimed = header(request, 'origin') ?? header(request, 'referer');
  if (claimed === undefined) return false;
  const origin = originOf(claimed); // `Origin: null` (a sandboxed frame, a file) is foreign too
  if (!origin) return true;
  return origin !== ownOrigin(request) && !allowedOrigins.includes(origin);
};

const mediaType = (request: FastifyRequest): string | undefined =>
  header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase();

const takesUpload = (request: FastifyRequest): boolean => {
  const consumes = (request.routeOptions.schema as { consumes?: readonly string[] } | undefined)?.consumes;
  return consumes?.includes('multipart/form-data') ?? false;
};

export const installOriginGuard = (app: FastifyInstance, allowedOrigins: readonly string[] = []): void => {
  const allowed = allowedOrigins.map(originOf).filter((origin): origin is string => origin !== null);
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method)) return;
    if (isForeignRequest(request, allowed)) throw problem('FOREIGN_ORIGIN');
    const type = mediaType(request);
    if (type === undefined || type === 'application/json') return;
    if (type === 'multipart/form-data' && takesUpload(request)) return;
    // routes the app does not have answer "not found" as before
    if (request.routeOptions.url === undefined) return;
    throw problem('BODY_MUST_BE_JSON');
  });
};
