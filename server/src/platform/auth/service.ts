import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { and, count, eq, gt } from 'drizzle-orm';
import { territoryName } from '@inspecta/domain';
import type { AppContext } from '../http/context.ts';
import type { Actor } from '../policy/policy.ts';
import { Problem } from '../http/problem.ts';
import { appendAuditEvent } from '../audit/service.ts';
import { loginAttempts, sessions, users } from './schema.ts';

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

export type UserView = Actor & { territoryName: string };

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
});

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

const formatShanghai = (date: Date) =>
  date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export const logIn = async (
  ctx: AppContext,
  input: { username: string; password: string; ip: string },
): Promise<{ token: string; user: UserView; expiresAt: Date }> => {
  const now = ctx.clock.now();
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.ip, input.ip), gt(loginAttempts.at, minutesAgo(now, loginPolicy.windowMinutes))),
    );
  if ((recent?.n ?? 0) >= loginPolicy.attemptsPerIpPerWindow) {
    throw new Problem(
      429,
      'LOGIN_RATE_LIMITED',
      `登录尝试过于频繁，请 ${loginPolicy.windowMinutes} 分钟后再试`,
    );
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username));
  const recordAttempt = (success: boolean) =>
    ctx.db.insert(loginAttempts).values({ username: input.username, ip: input.ip, at: now, success });

  if (user?.lockedUntil && user.lockedUntil > now) {
    await recordAttempt(false);
    throw new Problem(423, 'ACCOUNT_LOCKED', `账号已被锁定，请于 ${formatShanghai(user.lockedUntil)} 后再试`);
  }
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const valid = user?.active
    ? await argon2.verify(user.passwordHash, input.password)
    : (await argon2.verify(await decoyHash, input.password), false);

  if (!user || !valid) {
    await recordAttempt(false);
    if (user) await registerFailure(ctx, user, now);
    throw new Problem(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + loginPolicy.sessionHours * 3_600_000);
  const actor = toActor(user);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ username: input.username, ip: input.ip, at: now, success: true });
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx
      .insert(sessions)
      .values({ tokenHash: tokenHash(token), userId: user.id, createdAt: now, expiresAt });
    await appendAuditEvent(tx, {
      actor,
      action: 'auth.login',
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
    await tx
      .update(users)
      .set({
        failedLoginCount: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + loginPolicy.lockMinutes * 60_000) : null,
      })
      .where(eq(users.id, user.id));
    if (lock) {
      await appendAuditEvent(tx, {
        actor: { id: null, displayName: '系统' },
        action: 'auth.lockout',
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
  const [row] = await ctx.db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash(token)));
  if (!row || row.expiresAt <= ctx.clock.now() || !row.user.active) return null;
  return toActor(row.user);
};

export const logOut = async (ctx: AppContext, token: string, actor: Actor): Promise<void> => {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
    await appendAuditEvent(tx, {
      actor,
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.id,
      territory: actor.territory,
      payload: {},
      at: ctx.clock.now(),
    });
  });
};
