import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { oneOf } from '../db/one-of.ts';

// What a notification is about; each kind is written by one scheduled scan, except over_unverified_cap, sent
// when an inspection is planned beyond a cap that is still unverified (its reason goes to the legal reviewer).
export const NOTIFICATION_KINDS = [
  'monthly_plan_due',
  'draw_results_due',
  'rectification_escalated',
  'over_unverified_cap',
  'deadline_recomputed',
  'annual_plan_calendar',
  // issue 13 item 2: the next person in a chain is told it is their turn (notify-turn.ts)
  'turn',
  // issue 16 item 5: a monitoring lead nobody took up went up the territory's chain
  'monitoring_escalated',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// In-app notifications. `dedupeKey` makes a scheduled scan safe to run any number of times, on any
// number of servers: the same reminder reaches a user once.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    territory: text('territory').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('notifications_user_dedupe').on(table.userId, table.dedupeKey),
    index('notifications_user_created_idx').on(table.userId, table.createdAt),
    oneOf('notifications_kind_check', table.kind, NOTIFICATION_KINDS),
  ],
);
