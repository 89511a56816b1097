import { and, count, eq, gt } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { loginAttempts, sessions, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;

export const countRecentAttemptsFromIp = async (db: Db | Tx, ip: string, since: Date): Promise<number> => {
  const [recent] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, since)));
  return recent?.n ?? 0;
};

export const findUserByUsername = async (db: Db | Tx, username: string): Promise<UserRow | undefined> => {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  return user;
};

export const insertLoginAttempt = async (
  db: Db | Tx,
  attempt: { username: string; ip: string; at: Date; success: boolean },
): Promise<void> => {
  await db.insert(loginAttempts).values(attempt);
};

export const updateUserLock = async (
  db: Db | Tx,
  userId: string,
  lock: { failedLoginCount: number; lockedUntil: Date | null },
): Promise<void> => {
  await db.update(users).set(lock).where(eq(users.id, userId));
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
