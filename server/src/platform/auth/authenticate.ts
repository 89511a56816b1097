import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import '../http/actor.ts';
import { actorForToken, sessionCacheOf } from './service.ts';
import { SESSION_CHANNEL } from './session-cache.ts';

export const sessionCookie = 'inspecta_session';

// Resolves the session cookie (signed with the session secret) to an actor on every request, through the
// session cache, which a logout in any server process clears (NOTIFY on SESSION_CHANNEL, session-cache.ts).
export const installAuthentication = (app: FastifyInstance, ctx: AppContext): void => {
  let stopListening: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    if (!ctx.listen) return;
    try {
      stopListening = await ctx.listen(SESSION_CHANNEL, () => sessionCacheOf(ctx).clear());
    } catch (error) {
      // the cache still trusts no entry longer than its hold
      app.log.error(
        { err: { message: (error as Error).message } },
        'session cache: cannot listen for logouts',
      );
    }
  });
  app.addHook('onClose', async () => {
    if (stopListening) await stopListening();
    stopListening = null;
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const raw = request.cookies[sessionCookie];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    request.actor = await actorForToken(ctx, unsigned.value);
    request.sessionToken = request.actor ? unsigned.value : null;
  });
};
