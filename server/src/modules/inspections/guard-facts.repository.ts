import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { certificates, officers } from '../officers/schema.ts';
import { monthlyPlans } from '../plans/schema.ts';
import { monitoringIncidents, monitoringSources } from '../monitoring/schema.ts';
import { inspections } from './schema.ts';

// What the guard before an inspection begins reads of officers, plans and earlier checks (guard-facts.ts).

// The holders of the certificate numbers, their officer rows and every certificate those officers hold.
export const findCertificateHolders = async (db: Db | Tx, numbers: string[]) => {
  const held = await db
    .select({ officerId: certificates.officerId, number: certificates.number })
    .from(certificates)
    .where(inArray(certificates.number, numbers));
  const ids = [...new Set(held.map((row) => row.officerId))];
  const rows = ids.length ? await db.select().from(officers).where(inArray(officers.id, ids)) : [];
  const certs = ids.length
    ? await db.select().from(certificates).where(inArray(certificates.officerId, ids))
    : [];
  return { held, rows, certs };
};

// The enterprise's inspections in the year that record a remote or written check.
export const findRemoteChecksOfYear = (db: Db | Tx, enterpriseId: string, year: number) =>
  db
    .select({ remote: inspections.remoteCheck, matters: inspections.matters })
    .from(inspections)
    .where(
      and(
        eq(inspections.enterpriseId, enterpriseId),
        eq(inspections.year, year),
        sql`${inspections.remoteCheck} is not null`,
      ),
    );

// measure 7 (issue 16 item 5): the enterprise's monitoring leads closed in the year (Beijing time) after a remote
// check found no violation, with the kind of source each came from (whose matter it covers).
export const findRemoteClosedIncidentsOfYear = (db: Db | Tx, enterpriseId: string, year: number) =>
  db
    .select({ sourceKind: monitoringSources.kind })
    .from(monitoringIncidents)
    .innerJoin(monitoringSources, eq(monitoringSources.id, monitoringIncidents.sourceId))
    .where(
      and(
        eq(monitoringIncidents.enterpriseId, enterpriseId),
        eq(monitoringIncidents.state, 'closed_no_violation'),
        sql`extract(year from ${monitoringIncidents.closedAt} at time zone 'Asia/Shanghai') = ${year}`,
      ),
    );

// Monthly plans of the year before, the year and the year after that list the enterprise.
export const findMonthlyPlansListing = (db: Db | Tx, enterpriseId: string, year: number) =>
  db
    .select()
    .from(monthlyPlans)
    .where(
      and(
        inArray(monthlyPlans.year, [year - 1, year, year + 1]),
        sql`${monthlyPlans.enterpriseIds} @> ${JSON.stringify([enterpriseId])}::jsonb`,
      ),
    );
