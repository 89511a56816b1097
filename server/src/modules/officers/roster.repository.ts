import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { organisations } from '../organisations/schema.ts';
import { certificates, officers } from './schema.ts';

// A bureau's own roster: officers of the territory's emergency-management bodies (the bureau, its units and
// the organisations it entrusts). Partner departments' officers (measure 6) are registered too, for joint
// inspections, but never count as the bureau's inspectors (measure 9).
export const bureauRosterCondition = (territory: string): SQL =>
  and(
    eq(officers.territory, territory),
    inArray(
      officers.organisationId,
      sql`(select id from organisations where kind in ('bureau', 'internal_unit', 'entrusted'))`,
    ),
  )!;

export type OfficersByCertificate = Map<
  string,
  { officerId: string; name: string; organisationName: string; territory: string }
>;

// The officers holding these certificate numbers, by number, in chunks a query can carry.
export const officersByCertificate = async (
  db: Db | Tx,
  numbers: readonly string[],
): Promise<OfficersByCertificate> => {
  const found: OfficersByCertificate = new Map();
  const unique = [...new Set(numbers)];
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await db
      .select({
        number: certificates.number,
        officerId: officers.id,
        name: officers.name,
        organisationName: organisations.name,
        territory: officers.territory,
      })
      .from(certificates)
      .innerJoin(officers, eq(officers.id, certificates.officerId))
      .innerJoin(organisations, eq(organisations.id, officers.organisationId))
      .where(inArray(certificates.number, unique.slice(i, i + 5000)));
    for (const row of rows)
      found.set(row.number, {
        officerId: row.officerId,
        name: row.name,
        organisationName: row.organisationName,
        territory: row.territory,
      });
  }
  return found;
};

// The officers a roster condition names (bureauRosterCondition, or one organisation's), and all their
// certificates: one query each. The plans read the bureau's roster by name; a draw keeps the database's order.
export const findOfficersWithCertificates = async (
  db: Db | Tx,
  where: SQL,
  options: { byName?: boolean } = {},
) => {
  const query = db.select().from(officers).where(where);
  const rows = await (options.byName ? query.orderBy(asc(officers.name)) : query);
  const certs = rows.length
    ? await db
        .select()
        .from(certificates)
        .where(
          inArray(
            certificates.officerId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return { rows, certs };
};
