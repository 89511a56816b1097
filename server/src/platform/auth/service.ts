import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { territoryName } from '@inspecta/domain';
import type { AppContext } from '../http/context.ts';
import { permissionsOf, scopeOf, type Actor, type Permission, type Scope } from '../policy/policy.ts';
import { problem } from '../problems/problem.ts';
import { appendAuditEvent } from '../audit/service.ts';
import type { users } from './schema.ts';
import type { Tx } from '../db/client.ts';
import { assertCan, assertMayUse } from '../policy/policy.ts';
import {
  clearLoginFailures,
  countLoginFailure,
  deleteSession,
  notifySessionClosed,
  findSessionUser,
  findUserById,
  findUserByUsername,
  insertSession,
  listLockedUsers,
  lockUser,
  markLoginAttemptSucceeded,
  recentFailuresForUsername,
  reserveLoginAttempt,
  unlockUser,
  type UserRow,
} from './repository.ts';
import { systemActor } from './system-user.ts';
import { createSessionCache, type SessionCache } from './session-cache.ts';

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

const lockedProblem = (until: Date) => problem('ACCOUNT_LOCKED', { until: formatShanghai(until) });

// A login counts against its address before its password is checked (reserveLoginAttempt), and a wrong
// password counts against the account in the statement that checks the lock (countLoginFailure), so the
// limits hold however parallel requests interleave. Every attempt checks a password hash, for a name that
// matches no account too (a decoy), and a name without an account answers exactly as an account would: 401,
// then "locked" after as many failures.
export const logIn = async (
  ctx: AppContext,
  input: { username: string; password: string; ip: string },
): Promise<{ token: string; user: UserView; expiresAt: Date; lastLockedAt: Date | null }> => {
  const now = ctx.clock.now();
  const attemptId = await reserveLoginAttempt(
    ctx.db,
    { username: input.username, ip: input.ip, at: now },
    { since: minutesAgo(now, loginPolicy.windowMinutes), max: loginPolicy.attemptsPerIpPerWindow },
  );
  if (!attemptId) throw problem('LOGIN_RATE_LIMITED', { minutes: loginPolicy.windowMinutes });

  const found = await findUserByUsername(ctx.db, input.username);
  const user = found?.active ? found : undefined;
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const valid = await argon2.verify(user?.passwordHash ?? (await decoyHash), input.password);

  if (!user) {
    // as an account would be locked after its failures, so is a name that has none
    const failures = await recentFailuresForUsername(
      ctx.db,
      input.username,
      minutesAgo(now, loginPolicy.lockMinutes),
    );
    const lockingFailure = failures[loginPolicy.maxFailuresBeforeLock - 1];
    if (failures.length > loginPolicy.maxFailuresBeforeLock && lockingFailure) {
      throw lockedProblem(new Date(lockingFailure.getTime() + loginPolicy.lockMinutes * 60_000));
    }
    throw problem('INVALID_CREDENTIALS');
  }
  if (!valid) {
    await registerFailure(ctx, user, now);
    throw problem('INVALID_CREDENTIALS');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + loginPolicy.sessionHours * 3_600_000);
  const actor = toActor(user);
  await ctx.db.transaction(async (tx) => {
    // the right password does not open a locked account, even when it was locked while this one was checked
    if (!(await clearLoginFailures(tx, user.id, now))) throw lockedProblem(await lockedUntilOf(tx, user));
    await markLoginAttemptSucceeded(tx, attemptId);
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
  return { token, user: userView(actor), expiresAt, lastLockedAt: user.lastLockedAt };
};

const lockedUntilOf = async (tx: Tx, user: UserRow): Promise<Date> =>
  (await findUserById(tx, user.id))?.lockedUntil ?? user.lockedUntil ?? new Date(0);

// Throws "locked" when the account was locked before this failure was counted; locks it (and audits the
// lock-out) at the failure that reaches the limit.
const registerFailure = async (ctx: AppContext, user: UserRow, now: Date): Promise<void> => {
  await ctx.db.transaction(async (tx) => {
    const failures = await countLoginFailure(tx, user.id, now);
    if (failures === null) throw lockedProblem(await lockedUntilOf(tx, user));
    if (failures < loginPolicy.maxFailuresBeforeLock) return;
    const until = new Date(now.getTime() + loginPolicy.lockMinutes * 60_000);
    await lockUser(tx, user.id, now, until);
    await appendAuditEvent(tx, {
      actor: systemActor('系统'),
      action: 'user.account.locked',
      entityType: 'user',
      entityId: user.id,
      territory: user.territory,
      payload: { failures, until: until.toISOString() },
      at: now,
    });
  });
};

// An administrator opens an account that failed logins locked (anyone who can guess a username can lock it).
export const unlockAccount = async (ctx: AppContext, actor: Actor, userId: string): Promise<void> => {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const user = assertCan(actor, 'user', 'update', await findUserById(tx, userId));
    if (!user.lockedUntil || user.lockedUntil <= now) throw problem('ACCOUNT_NOT_LOCKED');
    await unlockUser(tx, user.id);
    await appendAuditEvent(tx, {
      actor,
      action: 'user.account.unlocked',
      entityType: 'user',
      entityId: user.id,
      territory: user.territory,
      payload: { lockedUntil: user.lockedUntil.toISOString() },
      at: now,
    });
  });
};

// The accounts locked now in the administrator's territory, with when and until when, to unlock from the list.
export const lockedAccounts = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'user', 'update');
  const rows = await listLockedUsers(ctx.db, actor.territory, ctx.clock.now());
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    territory: row.territory,
    territoryName: territoryName(row.territory) ?? row.territory,
    lockedAt: row.lastLockedAt?.toISOString() ?? null,
    lockedUntil: row.lockedUntil!.toISOString(),
  }));
};

// What the account's owner is told about its last lock-out (GET /auth/me, the login's answer).
export const lastLockoutOf = async (ctx: AppContext, userId: string): Promise<Date | null> =>
  (await findUserById(ctx.db, userId))?.lastLockedAt ?? null;

// One cache per database handle: every app and command on it sees the same sessions (session-cache.ts).
const sessionCaches = new WeakMap<object, SessionCache>();
export const sessionCacheOf = (ctx: AppContext): SessionCache => {
  let cache = sessionCaches.get(ctx.db);
  if (!cache) {
    cache = createSessionCache();
    sessionCaches.set(ctx.db, cache);
  }
  return cache;
};

export const actorForToken = async (ctx: AppContext, token: string): Promise<Actor | null> => {
  const hash = tokenHash(token);
  const cache = sessionCacheOf(ctx);
  const now = ctx.clock.now();
  const cached = cache.get(hash, now);
  if (cached) return cached;
  const generation = cache.generation();
  const row = await findSessionUser(ctx.db, hash);
  if (!row || row.expiresAt <= now || !row.user.active) return null;
  const actor = toActor(row.user);
  cache.put(hash, actor, row.expiresAt, now, generation);
  return actor;
};

export const logOut = async (ctx: AppContext, token: string, actor: Actor): Promise<void> => {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash(token));
    // every other server process forgets it on commit (authenticate.ts listens)
    await notifySessionClosed(tx);
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
  sessionCacheOf(ctx).forget(tokenHash(token));
};
