import { and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { users } from '../auth/schema.ts';
import type { Role } from '../policy/grants.ts';
import type { Db, Tx } from '../db/client.ts';
import { notifications } from './schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

// Inserts the rows a user does not already have under the same dedupe key; returns the ids inserted.
export const insertNewNotifications = (db: Db | Tx, rows: NewNotification[]): Promise<{ id: string }[]> =>
  db.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id });

export const listLatestForUser = (db: Db | Tx, userId: string, limit: number): Promise<NotificationRow[]> =>
  db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);

export const countUnreadForUser = async (db: Db | Tx, userId: string): Promise<number> => {
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return unread?.n ?? 0;
};

// Marks the user's own notification read; returns false when the user has no notification by that id.
export const markReadForUser = async (
  db: Db | Tx,
  id: string,
  userId: string,
  at: Date,
): Promise<boolean> => {
  const updated = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return updated.length > 0;
};

// Active users by id, by role within territories, or the accounts of one enterprise (each group optional).
export const findActiveUsers = async (
  db: Db | Tx,
  who: { ids: string[]; roles: Role[]; territories: string[]; enterpriseId: string | null },
): Promise<{ id: string }[]> => {
  const groups = [
    who.ids.length > 0 ? inArray(users.id, who.ids) : undefined,
    who.roles.length > 0 && who.territories.length > 0
      ? and(inArray(users.role, who.roles), inArray(users.territory, who.territories))
      : undefined,
    who.enterpriseId
      ? and(eq(users.role, 'enterprise'), eq(users.enterpriseId, who.enterpriseId))
      : undefined,
  ].filter((group) => group !== undefined);
  if (groups.length === 0) return [];
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), or(...groups)));
};
