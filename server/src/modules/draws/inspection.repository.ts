import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { OPEN_STAGES, stagesWithStatus } from '@inspecta/domain';
import type { Db, Tx } from '../../platform/db/client.ts';
import { enterprises } from '../enterprises/schema.ts';
import { inspections, type InspectionPartner, type InspectionTeamMember } from '../inspections/schema.ts';
import { draws } from './schema.ts';
import type { DrawRow } from './repository.ts';

// The planned inspections a draw creates, and what the draw reads back of them.

export type PlannedInspectionRow = {
  code: string;
  team: InspectionTeamMember[];
  partners: InspectionPartner[];
};

// One planned inspection per selected enterprise. What differs per row (the code, the teams) goes as one JSON
// parameter per 25,000 rows, joined to the register in the insert itself for the enterprise's id, name and
// territory (an enterprise no longer in the register gets none, as before); what all rows share goes as
// plain parameters. As Drizzle values that would be a million bound parameters at a million-enterprise
// draw. The columns not named take their defaults, as with insert().
export const insertPlannedInspections = async (
  tx: Tx,
  row: DrawRow,
  rows: PlannedInspectionRow[],
  created: { now: Date; byName: string },
) => {
  for (let i = 0; i < rows.length; i += 25_000) {
    await tx.execute(sql`
      insert into ${inspections} (territory, enterprise_id, enterprise_name, credit_code, organisation_id, organisation_name, kind, planned_on, year,
                                  matters, stage, draw_id, team, partners, created_at, created_by_name)
      select e.territory, e.id, e.name, x.code, ${row.organisationId}::uuid, ${row.organisationName}::text, 'double_random', ${row.inspectionDate}::date,
             ${row.year}::integer, ${JSON.stringify(row.matters)}::jsonb, 'planned', ${row.id}::uuid, x.team, x.partners, ${created.now.toISOString()}::timestamptz,
             ${created.byName}::text
      from rows from (json_to_recordset(${JSON.stringify(rows.slice(i, i + 25_000))}::json) as ("code" text, "team" jsonb, "partners" jsonb))
             with ordinality as x(code, team, partners, position)
      join ${enterprises} e on e.credit_code = x.code
      order by x.position`);
  }
};

export const cancelPlannedInspectionsOfDraw = (tx: Tx, drawId: string) =>
  tx
    .update(inspections)
    .set({ stage: 'cancelled' })
    .where(and(eq(inspections.drawId, drawId), inArray(inspections.stage, OPEN_STAGES)));

export const findInspectionOfDraw = async (tx: Tx, drawId: string, creditCode: string) => {
  const [inspection] = await tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.drawId, drawId), eq(inspections.creditCode, creditCode)));
  return inspection;
};

export const updateInspectionTeam = (tx: Tx, inspectionId: string, team: InspectionTeamMember[]) =>
  tx.update(inspections).set({ team }).where(eq(inspections.id, inspectionId));

export const countPlannedInspectionsOfDraw = async (tx: Db | Tx, drawId: string): Promise<number> => {
  const [open] = await tx
    .select({ n: count() })
    .from(inspections)
    .where(and(eq(inspections.drawId, drawId), inArray(inspections.stage, OPEN_STAGES)));
  return open?.n ?? 0;
};

// The draw's inspections of these enterprises, for its detail page.
export const findInspectionsOfDrawByCodes = (db: Db, drawId: string, codes: string[]) =>
  codes.length
    ? db
        .select({
          id: inspections.id,
          code: inspections.creditCode,
          stage: inspections.stage,
          resultSummary: inspections.resultSummary,
        })
        .from(inspections)
        .where(and(eq(inspections.drawId, drawId), inArray(inspections.creditCode, codes)))
    : Promise.resolve([]);

export const findEnterpriseNamesByCodes = (db: Db, codes: string[]) =>
  codes.length
    ? db
        .select({ code: enterprises.creditCode, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.creditCode, codes))
    : Promise.resolve([]);

// Drawn draws whose results are unpublished, with when their last inspection was completed and how many
// of their inspections are still planned or completed.
export const findDrawsAwaitingResults = (db: Db) =>
  db
    .select({
      id: draws.id,
      territory: draws.territory,
      title: draws.title,
      inspectionDate: draws.inspectionDate,
      latest: sql<string | null>`max(${inspections.completedOn})::text`,
      open: sql<number>`(count(*) filter (where ${inArray(inspections.stage, OPEN_STAGES)}))::int`,
      completed: sql<number>`(count(*) filter (where ${inArray(inspections.stage, stagesWithStatus('completed'))}))::int`,
    })
    .from(draws)
    .innerJoin(inspections, eq(inspections.drawId, draws.id))
    .where(and(eq(draws.status, 'drawn'), isNull(draws.resultsPublishedAt)))
    .groupBy(draws.id, draws.territory, draws.title, draws.inspectionDate);

export type { InspectionTeamMember };
