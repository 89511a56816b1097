import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.ts';
import type { Actor } from '../policy/policy.ts';
import { unauthorised } from '../http/problem.ts';
import { actorForToken } from './service.ts';

export const sessionCookie = 'inspecta_session';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

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

export const requireActor = (request: FastifyRequest): Actor => {
  if (!request.actor) throw unauthorised();
  return request.actor;
};
