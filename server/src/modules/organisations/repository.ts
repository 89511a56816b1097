import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { OrganisationKind } from '@inspecta/domain';
import type { Db, Tx } from '../../platform/db/client.ts';
import { organisations } from './schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationInsert = typeof organisations.$inferInsert;

export const findOrganisationById = async (db: Db | Tx, id: string): Promise<OrganisationRow | undefined> => {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
};

export const findOrganisationsByIds = (db: Db | Tx, ids: string[]): Promise<OrganisationRow[]> =>
  db.select().from(organisations).where(inArray(organisations.id, ids));

export const listOrganisationRows = (
  db: Db,
  filter: { scope: SQL | undefined; kind?: OrganisationKind | undefined; territory?: string | undefined },
) =>
  db
    .select()
    .from(organisations)
    .where(
      and(
        filter.scope,
        filter.kind ? eq(organisations.kind, filter.kind) : undefined,
        filter.territory ? eq(organisations.territory, filter.territory) : undefined,
      ),
    )
    .orderBy(asc(organisations.territory), asc(organisations.kind), asc(organisations.name));

export const insertOrganisation = async (tx: Tx, values: OrganisationInsert): Promise<OrganisationRow> => {
  const [row] = await tx.insert(organisations).values(values).returning();
  return row!;
};

export const updateOrganisationRow = async (
  tx: Tx,
  id: string,
  values: Partial<OrganisationInsert>,
): Promise<OrganisationRow> => {
  const [row] = await tx.update(organisations).set(values).where(eq(organisations.id, id)).returning();
  return row!;
};
