import { and, count, desc, eq, isNull } from 'drizzle-orm';
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
