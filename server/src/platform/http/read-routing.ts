import type { FastifyInstance } from 'fastify';
import { parseLsn, readAfterCookie, type ReadRouting } from '../db/replica.ts';

const reads = new Set(['GET', 'HEAD']);

// Issue 18 item 6: a route marked `readsMayLag` reads from the replica once it has replayed the requester's last
// write; a successful write tells its requester how far that is. Installed after authentication, so the session
// is always looked up on the primary (a login or logout is read back at once).
export const installReadRouting = (
  app: FastifyInstance,
  routing: ReadRouting,
  secureCookie: boolean,
): void => {
  app.addHook('preHandler', (request, _reply, done) => {
    if (!reads.has(request.method) || !request.routeOptions.config.readsMayLag) return done();
    const after = parseLsn(request.cookies[readAfterCookie]);
    routing.route(after, () => done()).catch((error: unknown) => done(error as Error));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (reads.has(request.method) || request.method === 'OPTIONS' || reply.statusCode >= 400) return payload;
    try {
      reply.setCookie(readAfterCookie, await routing.primaryPosition(), {
        path: '/api',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie,
        maxAge: 3600,
      });
    } catch (error) {
      // without the cookie the user's next list may lag their write by the replica's delay; the write stands
      request.log.error({ err: { message: (error as Error).message } }, 'read routing: no WAL position');
    }
    return payload;
  });
};
