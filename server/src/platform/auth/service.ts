import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { territoryName } from '@inspecta/domain';
import type { AppContext } from '../http/context.ts';
import { permissionsOf, scopeOf, type Actor, type Permission, type Scope } from '../policy/policy.ts';
import { problem } from '../problems/problem.ts';
import { appendAuditEvent } from '../audit/service.ts';
import type { users } from './schema.ts';
import {
  countRecentAttemptsFromIp,
  deleteSession,
  findSessionUser,
  findUserByUsername,
  insertLoginAttempt,
  insertSession,
  updateUserLock,
} from './repository.ts';
import { systemActor } from './system-user.ts';

// Security settings, not law: kept here with the code that enforces them.
export const loginPolicy = {
  maxFailuresBeforeLock: 5,
  lockMinutes: 15,
  attemptsPerIpPerWindow: 20,
  windowMinutes: 5,
  sessionHours: 12,
};

export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id });

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let decoyHash: Promise<string> | undefined;

export type UserView = Actor & { territoryName: string; permissions: Permission[]; scope: Scope };

export const toActor = (row: typeof users.$inferSelect): Actor => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  territory: row.territory,
  organisationId: row.organisationId,
  enterpriseId: row.enterpriseId,
});

export const userView = (actor: Actor): UserView => ({
  ...actor,
  territoryName: territoryName(actor.territory) ?? actor.territory,
  // what the web may offer this user: the grant table the server enforces, read for this role
  permissions: permissionsOf(actor),
  scope: scopeOf(actor),
});

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

const formatShanghai = (date: Date) =>
  date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export const logIn = async (
  ctx: AppContext,
  input: { username: string; password: string; ip: string },
): Promise<{ token: string; user: UserView; expiresAt: Date }> => {
  const now = ctx.clock.now();
  const recent = await countRecentAttemptsFromIp(
    ctx.db,
    input.ip,
    minutesAgo(now, loginPolicy.windowMinutes),
  );
  if (recent >= loginPolicy.attemptsPerIpPerWindow) {
    throw problem('LOGIN_RATE_LIMITED', { minutes: loginPolicy.windowMinutes });
  }
  const user = await findUserByUsername(ctx.db, input.username);
  const recordAttempt = (success: boolean) =>
    insertLoginAttempt(ctx.db, { username: input.username, ip: input.ip, at: now, success });

  if (user?.lockedUntil && user.lockedUntil > now) {
    await recordAttempt(false);
    throw problem('ACCOUNT_LOCKED', { until: formatShanghai(user.lockedUntil) });
  }
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const valid = user?.active
    ? await argon2.verify(user.passwordHash, input.password)
    : (await argon2.verify(await decoyHash, input.password), false);

  if (!user || !valid) {
    await recordAttempt(false);
    if (user) await registerFailure(ctx, user, now);
    throw problem('INVALID_CREDENTIALS');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + loginPolicy.sessionHours * 3_600_000);
  const actor = toActor(user);
  await ctx.db.transaction(async (tx) => {
    await insertLoginAttempt(tx, { username: input.username, ip: input.ip, at: now, success: true });
    await updateUserLock(tx, user.id, { failedLoginCount: 0, lockedUntil: null });
    await insertSession(tx, { tokenHash: tokenHash(token), userId: user.id, createdAt: now, expiresAt });
    await appendAuditEvent(tx, {
      actor,
      action: 'user.session.opened',
      entityType: 'user',
      entityId: user.id,
      territory: user.territory,
      payload: { ip: input.ip },
      at: now,
    });
  });
  return { token, user: userView(actor), expiresAt };
};

const registerFailure = async (ctx: AppContext, user: typeof users.$inferSelect, now: Date) => {
  const failures = user.failedLoginCount + 1;
  const lock = failures >= loginPolicy.maxFailuresBeforeLock;
  await ctx.db.transaction(async (tx) => {
    await updateUserLock(tx, user.id, {
      failedLoginCount: lock ? 0 : failures,
      lockedUntil: lock ? new Date(now.getTime() + loginPolicy.lockMinutes * 60_000) : null,
    });
    if (lock) {
      await appendAuditEvent(tx, {
        actor: systemActor('系统'),
        action: 'user.account.locked',
        entityType: 'user',
        entityId: user.id,
        territory: user.territory,
        payload: { failures },
        at: now,
      });
    }
  });
};

export const actorForToken = async (ctx: AppContext, token: string): Promise<Actor | null> => {
  const row = await findSessionUser(ctx.db, tokenHash(token));
  if (!row || row.expiresAt <= ctx.clock.now() || !row.user.active) return null;
  return toActor(row.user);
};

export const logOut = async (ctx: AppContext, token: string, actor: Actor): Promise<void> => {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash(token));
    await appendAuditEvent(tx, {
      actor,
      action: 'user.session.closed',
      entityType: 'user',
      entityId: actor.id,
      territory: actor.territory,
      payload: {},
      at: ctx.clock.now(),
    });
  });
};
