// The command-line tools' own SQL.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.ts';
import { users } from '../platform/auth/schema.ts';
import { organisations } from '../modules/organisations/schema.ts';

export const usernameTaken = async (db: Db | Tx, username: string): Promise<boolean> => {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return Boolean(row);
};

export const bureauOf = async (db: Db | Tx, territory: string): Promise<string | null> => {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'bureau'), eq(organisations.territory, territory)));
  return row?.id ?? null;
};

export const insertAdministrator = async (
  tx: Tx,
  values: {
    username: string;
    displayName: string;
    passwordHash: string;
    territory: string;
    organisationId: string | null;
  },
): Promise<string> => {
  const [row] = await tx
    .insert(users)
    .values({ ...values, role: 'admin' })
    .returning({ id: users.id });
  return row!.id;
};
