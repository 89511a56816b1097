import { sql } from 'drizzle-orm';
import { check, type PgColumn } from 'drizzle-orm/pg-core';

// A CHECK constraint that holds a text column to a list of values, the same list the code's types come from
// (the domain's where it has one). NULL passes, as in every CHECK: nullability is the column's own rule.
export const oneOf = (name: string, column: PgColumn, values: readonly string[]) =>
  check(
    name,
    sql`${column} in (${sql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', '))})`,
  );
