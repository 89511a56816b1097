import type { FastifyRequest } from 'fastify';
import type { Actor } from '../policy/policy.ts';
import { unauthorised } from '../problems/problem.ts';

// Who is asking: set on every request by the authentication hook (platform/auth/authenticate.ts) and read by
// every route through requireActor. Here in http, not in auth, so that what auth itself uses (the audit, the
// policy) can authenticate its routes without importing auth back.
declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const requireActor = (request: FastifyRequest): Actor => {
  if (!request.actor) throw unauthorised();
  return request.actor;
};
