import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import '../http/actor.ts';
import { actorForToken } from './service.ts';

export const sessionCookie = 'inspecta_session';

// Resolves the session cookie (signed with the session secret) to an actor on every request.
export const installAuthentication = (app: FastifyInstance, ctx: AppContext): void => {
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
