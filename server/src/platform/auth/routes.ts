import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/context.ts';
import { sessionCookie } from './authenticate.ts';
import { requireActor } from '../http/actor.ts';
import { permissionNames, roles, scopes } from '../policy/policy.ts';
import { lastLockoutOf, lockedAccounts, logIn, logOut, unlockAccount, userView } from './service.ts';
import { anonymous, sessionOptional } from '../http/openapi.ts';

export const ZUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  territory: z.string(),
  territoryName: z.string(),
  organisationId: z.uuid().nullable(),
  enterpriseId: z.uuid().nullable(),
  permissions: z
    .array(z.enum(permissionNames))
    .describe(
      'The effective permissions, `resource:action`, from the grant table the server enforces (platform/policy/grants.ts). ' +
        'They say what the user may do to records within its scope; the server still checks every request.',
    ),
  scope: z
    .enum(scopes)
    .describe(
      'How far the permissions reach: `territory` (the records of its territory and those below it, 属地管理) ' +
        'or `own_enterprise` (an enterprise user: its own enterprise and that enterprise’s records only).',
    ),
});

const ZLastLockoutSchema = z.iso
  .datetime()
  .nullable()
  .describe(
    'When failed logins last locked this account (null: never). Shown to its owner: if it was not them, ' +
      'someone tried to guess the password.',
  );

const ZLoginSchema = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const authRoutes =
  (ctx: AppContext, secureCookie: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          security: anonymous,
          tags: ['auth'],
          summary: '登录',
          body: ZLoginSchema,
          response: { 200: z.object({ user: ZUserSchema, lastLockedAt: ZLastLockoutSchema }) },
        },
      },
      async (request, reply) => {
        const { token, user, expiresAt, lastLockedAt } = await logIn(ctx, {
          ...request.body,
          ip: request.ip,
        });
        reply.setCookie(sessionCookie, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookie,
          signed: true,
          // a lifetime, not a date: the browser counts it on its own clock, so a computer (or a test server,
          // issue 11 item 13) whose clock differs from the server's does not drop the session at once
          maxAge: Math.max(0, Math.floor((expiresAt.getTime() - ctx.clock.now().getTime()) / 1000)),
        });
        return { user, lastLockedAt: lastLockedAt?.toISOString() ?? null };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          security: sessionOptional,
          tags: ['auth'],
          summary: '退出登录',
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (request.sessionToken) await logOut(ctx, request.sessionToken, actor);
        reply.clearCookie(sessionCookie, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: '当前用户',
          response: { 200: z.object({ user: ZUserSchema, lastLockedAt: ZLastLockoutSchema }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const lastLockedAt = await lastLockoutOf(ctx, actor.id);
        return { user: userView(actor), lastLockedAt: lastLockedAt?.toISOString() ?? null };
      },
    );

    app.get(
      '/users/locked',
      {
        schema: {
          tags: ['auth'],
          summary: '被锁定的账号（管理员，本辖区）',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  username: z.string(),
                  displayName: z.string(),
                  role: z.enum(roles),
                  territory: z.string(),
                  territoryName: z.string(),
                  lockedAt: z.iso.datetime().nullable(),
                  lockedUntil: z.iso.datetime(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await lockedAccounts(ctx, requireActor(request)) }),
    );

    app.post(
      '/users/:id/unlock',
      {
        schema: {
          tags: ['auth'],
          summary: '解除账号锁定（管理员）',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await unlockAccount(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
