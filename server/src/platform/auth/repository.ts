import { and, asc, count, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { territoryCondition } from '../db/scope.ts';
import { loginAttempts, sessions, users } from './schema.ts';
import { SESSION_CHANNEL } from './session-cache.ts';

export type UserRow = typeof users.$inferSelect;

export const countRecentAttemptsFromIp = async (db: Db | Tx, ip: string, since: Date): Promise<number> => {
  const [recent] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, since)));
  return recent?.n ?? 0;
};

// Counts the address's recent attempts and records this one in one transaction that holds a lock on the
// address, so parallel requests cannot all read "19" before any of them is written: the attempt is counted
// before its password is checked. Answers the attempt's id, or null when the address is over its limit.
export const reserveLoginAttempt = async (
  db: Db,
  attempt: { username: string; ip: string; at: Date },
  limit: { since: Date; max: number },
): Promise<string | null> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7391200, hashtext(${attempt.ip}))`);
    const recent = await countRecentAttemptsFromIp(tx, attempt.ip, limit.since);
    if (recent >= limit.max) return null;
    const [row] = await tx
      .insert(loginAttempts)
      .values({ ...attempt, success: false })
      .returning({ id: loginAttempts.id });
    return row!.id;
  });

export const markLoginAttemptSucceeded = async (db: Db | Tx, id: string): Promise<void> => {
  await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, id));
};

// The failed attempts under a username since an instant, oldest first (for names that match no account).
export const recentFailuresForUsername = async (
  db: Db | Tx,
  username: string,
  since: Date,
): Promise<Date[]> => {
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        gt(loginAttempts.at, since),
        eq(loginAttempts.success, false),
      ),
    )
    .orderBy(asc(loginAttempts.at));
  return rows.map((row) => row.at);
};

const notLocked = (now: Date) => or(isNull(users.lockedUntil), lte(users.lockedUntil, now));

// One statement counts the failure, and only while the account is not locked: it takes the row's lock, so
// parallel failures are counted one after another. Answers the new count, or null when the account was
// already locked (the caller answers "locked").
export const countLoginFailure = async (tx: Tx, userId: string, now: Date): Promise<number | null> => {
  const [row] = await tx
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
    .where(and(eq(users.id, userId), notLocked(now)))
    .returning({ failures: users.failedLoginCount });
  return row?.failures ?? null;
};

export const lockUser = async (tx: Tx, userId: string, at: Date, until: Date): Promise<void> => {
  await tx
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: until, lastLockedAt: at })
    .where(eq(users.id, userId));
};

// A successful login clears the count, only while the account is not locked (false: it was locked meanwhile).
export const clearLoginFailures = async (tx: Tx, userId: string, now: Date): Promise<boolean> => {
  const rows = await tx
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null })
    .where(and(eq(users.id, userId), notLocked(now)))
    .returning({ id: users.id });
  return rows.length > 0;
};

export const unlockUser = async (tx: Tx, userId: string): Promise<void> => {
  await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
};

// The accounts failed logins hold locked now, within a territory (an administrator's list to unlock from).
export const listLockedUsers = async (db: Db | Tx, scope: string, now: Date): Promise<UserRow[]> =>
  db
    .select()
    .from(users)
    .where(and(gt(users.lockedUntil, now), territoryCondition(scope, users.territory)))
    .orderBy(asc(users.username));

export const findUserById = async (db: Db | Tx, id: string): Promise<UserRow | undefined> => {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
};

export const findUserByUsername = async (db: Db | Tx, username: string): Promise<UserRow | undefined> => {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  return user;
};

export const insertSession = async (
  db: Db | Tx,
  session: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> => {
  await db.insert(sessions).values(session);
};

export const findSessionUser = async (
  db: Db | Tx,
  tokenHash: string,
): Promise<{ user: UserRow; expiresAt: Date } | undefined> => {
  const [row] = await db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
};

export const deleteSession = async (db: Db | Tx, tokenHash: string): Promise<void> => {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
};

// Every server process clears its session cache when the transaction commits (session-cache.ts).
export const notifySessionClosed = async (tx: Tx): Promise<void> => {
  await tx.execute(sql`select pg_notify(${SESSION_CHANNEL}, '')`);
};
