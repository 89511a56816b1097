import { index, integer, pgTable, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';
import { organisations } from '../../modules/organisations/schema.ts';
import { enterprises } from '../../modules/enterprises/schema.ts';
import { oneOf } from '../db/one-of.ts';
import { roles, type Role } from '../policy/policy.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    territory: text('territory').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    active: boolean('active').notNull().default(true),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    // when the account was last locked by failed logins: its owner is told on the next login (issue 12)
    lastLockedAt: timestamp('last_locked_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [oneOf('users_role_check', table.role, roles)],
);

// The session cookie carries a random token; only its SHA-256 is stored.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

// Kept in the database, not in memory, so the limit holds across several server processes.
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    success: boolean('success').notNull(),
  },
  (table) => [
    index('login_attempts_ip_idx').on(table.ip, table.at),
    index('login_attempts_username_idx').on(table.username, table.at),
  ],
);
