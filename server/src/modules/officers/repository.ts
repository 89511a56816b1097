import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/http/paging.ts';
import { organisations } from '../organisations/schema.ts';
import { certificates, officers } from './schema.ts';

export type OfficerRow = typeof officers.$inferSelect;
export type OfficerInsert = typeof officers.$inferInsert;
export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateInsert = typeof certificates.$inferInsert;
export type OfficerWithOrganisation = { officer: OfficerRow; organisationName: string };

export type OfficerFilter = {
  scope: SQL | undefined;
  q?: string | undefined;
  organisationId?: string | undefined;
  territory?: string | undefined;
  onRoster?: boolean | undefined;
};

const selectOfficers = (db: Db | Tx) =>
  db
    .select({ officer: officers, organisationName: organisations.name })
    .from(officers)
    .innerJoin(organisations, eq(organisations.id, officers.organisationId));

const officerWhere = (filter: OfficerFilter) =>
  and(
    filter.scope,
    filter.q
      ? or(
          ilike(officers.name, containsPattern(filter.q)),
          ilike(officers.position, containsPattern(filter.q)),
        )
      : undefined,
    filter.organisationId ? eq(officers.organisationId, filter.organisationId) : undefined,
    filter.territory ? eq(officers.territory, filter.territory) : undefined,
    filter.onRoster === undefined ? undefined : eq(officers.onRoster, filter.onRoster),
  );

export const listOfficerRows = async (
  db: Db,
  filter: OfficerFilter,
  paging: { page: number; pageSize: number },
): Promise<{ rows: OfficerWithOrganisation[]; total: number }> => {
  const where = officerWhere(filter);
  const [rows, [total]] = await Promise.all([
    selectOfficers(db)
      .where(where)
      .orderBy(asc(officers.territory), asc(officers.name), asc(officers.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(officers).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

export const findOfficerWithOrganisation = async (
  db: Db | Tx,
  id: string,
): Promise<OfficerWithOrganisation | undefined> => {
  const [row] = await selectOfficers(db).where(eq(officers.id, id));
  return row;
};

// The certificates of these officers, oldest first, in one query.
export const findCertificatesOfOfficers = (db: Db | Tx, officerIds: string[]): Promise<CertificateRow[]> =>
  officerIds.length
    ? db
        .select()
        .from(certificates)
        .where(inArray(certificates.officerId, officerIds))
        .orderBy(asc(certificates.validFrom))
    : Promise.resolve([]);

export const findCertificatesOfOfficer = (db: Db | Tx, officerId: string): Promise<CertificateRow[]> =>
  db.select().from(certificates).where(eq(certificates.officerId, officerId));

export const findCertificateByNumber = async (
  db: Db | Tx,
  number: string,
): Promise<CertificateRow | undefined> => {
  const [row] = await db.select().from(certificates).where(eq(certificates.number, number));
  return row;
};

export const findCertificateOfOfficer = async (
  db: Db | Tx,
  certificateId: string,
  officerId: string,
): Promise<CertificateRow | undefined> => {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, certificateId), eq(certificates.officerId, officerId)));
  return row;
};

export const insertOfficer = async (tx: Tx, values: OfficerInsert): Promise<OfficerRow> => {
  const [row] = await tx.insert(officers).values(values).returning();
  return row!;
};

export const updateOfficerRow = async (
  tx: Tx,
  id: string,
  values: Partial<OfficerInsert>,
): Promise<OfficerRow> => {
  const [row] = await tx.update(officers).set(values).where(eq(officers.id, id)).returning();
  return row!;
};

export const insertCertificate = (tx: Tx, values: CertificateInsert) =>
  tx.insert(certificates).values(values);

export const updateCertificate = (tx: Tx, id: string, values: Partial<CertificateInsert>) =>
  tx.update(certificates).set(values).where(eq(certificates.id, id));
