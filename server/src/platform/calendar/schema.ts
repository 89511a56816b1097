import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';

// issue 11 item 12: a year's holidays and make-up workdays as a legal reviewer entered them from the State
// Council's notice; such a row wins over the seed (chinese-days) for its year.
export const holidayTables = pgTable('holiday_tables', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  makeUpWorkdays: jsonb('make_up_workdays').$type<string[]>().notNull(),
  notice: text('notice').notNull(),
  enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
  enteredById: uuid('entered_by_id')
    .notNull()
    .references(() => users.id),
  enteredByName: text('entered_by_name').notNull(),
});
