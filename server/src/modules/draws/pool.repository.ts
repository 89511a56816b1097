import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { type Actor } from '../../platform/policy/policy.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import { enterprises } from '../enterprises/schema.ts';
import { enterpriseGrades, gradeResults } from '../grading/schema.ts';
import { COUNTED_STAGES } from '../inspections/index.ts';
import { inspections } from '../inspections/schema.ts';
import { officers } from '../officers/schema.ts';
import { conflictDeclarations, type DrawCriteria } from './schema.ts';

// What a draw's pools are read from: the register, the grades, the roster and past inspections.

// Which officers a roster is made of (bureauRosterCondition from officers, or rosterOfOrganisation).
export type RosterCondition = SQL;

const criteriaCondition = (actor: Actor, criteria: DrawCriteria): SQL => {
  const parts: SQL[] = [territoryCondition(actor.territory, enterprises.territory)];
  if (criteria.territory) parts.push(territoryCondition(criteria.territory, enterprises.territory));
  if (criteria.industry) parts.push(eq(enterprises.industry, criteria.industry));
  if (criteria.enforcementClass) parts.push(sql`${enterpriseGrades.class} = ${criteria.enforcementClass}`);
  if (criteria.riskGrade) parts.push(sql`${enterpriseGrades.riskGrade} = ${criteria.riskGrade}`);
  return and(...parts)!;
};

// One text per stratum, a code a line: a million codes arrive as a few strings, not a million rows or JSON
// elements. The codes are ordered in a subquery, which the index on (industry, credit_code collate "C")
// gives without a sort for a stratum by industry; string_agg keeps that order in practice (PostgreSQL 15
// sorts an aggregate's own ORDER BY itself, never from an index). It is not guaranteed, so it is checked
// (frozenStrata sorts the codes when they are not in order).
export const selectCodesMatching = async (
  tx: Tx,
  actor: Actor,
  criteria: DrawCriteria,
): Promise<{ lines: string | null; count: number } | undefined> => {
  const graded = criteria.enforcementClass !== undefined || criteria.riskGrade !== undefined;
  const join = graded
    ? sql`inner join ${enterpriseGrades} on ${enterpriseGrades.enterpriseId} = ${enterprises.id}`
    : sql``;
  const result = await tx.execute(sql`
    select string_agg(code, E'\n') as lines, count(*)::int as count from (
      select ${enterprises.creditCode} as code from ${enterprises} ${join}
      where ${criteriaCondition(actor, criteria)}
      order by ${enterprises.creditCode} collate "C") as matching`);
  return (result as unknown as { rows: { lines: string | null; count: number }[] }).rows[0];
};

// The credit codes of these enterprises within the actor's territory, in chunks a query can carry.
export const findCodesOfEnterpriseIds = async (tx: Tx, actor: Actor, ids: string[]): Promise<string[]> => {
  const codes: string[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select({ code: enterprises.creditCode })
      .from(enterprises)
      .where(
        and(
          inArray(enterprises.id, ids.slice(i, i + 5000)),
          territoryCondition(actor.territory, enterprises.territory),
        ),
      );
    codes.push(...rows.map((row) => row.code));
  }
  return codes;
};

// Per enterprise inspected this year in the territory: how many counted inspections, and its grade's cap.
export const countInspectionsAgainstCap = (tx: Tx, actor: Actor, year: number) =>
  tx
    .select({
      code: inspections.creditCode,
      count: sql<number>`count(*)::int`,
      cap: sql<number | null>`(${gradeResults.result} -> 'allowance' ->> 'cap')::int`,
    })
    .from(inspections)
    .innerJoin(enterpriseGrades, eq(enterpriseGrades.enterpriseId, inspections.enterpriseId))
    .innerJoin(gradeResults, eq(gradeResults.digest, enterpriseGrades.digest))
    .where(
      and(
        eq(inspections.year, year),
        inArray(inspections.stage, COUNTED_STAGES),
        territoryCondition(actor.territory, inspections.territory),
      ),
    )
    .groupBy(inspections.creditCode, gradeResults.digest);

// Declared conflicts of interest in the actor's territory, by enterprise code.
export const findConflictDeclarations = (tx: Tx, actor: Actor) =>
  tx
    .select({
      code: enterprises.creditCode,
      officerId: conflictDeclarations.officerId,
      reason: conflictDeclarations.reason,
    })
    .from(conflictDeclarations)
    .innerJoin(enterprises, eq(enterprises.id, conflictDeclarations.enterpriseId))
    .where(territoryCondition(actor.territory, conflictDeclarations.territory));

// Each enterprise's last inspection (not cancelled nor merged) in the actor's territory, with its team.
export const findLastInspectionTeams = async (tx: Tx, actor: Actor) => {
  const last = await tx.execute(sql`
    select distinct on (enterprise_id) credit_code, team from ${inspections}
    where ${territoryCondition(actor.territory, inspections.territory)} and stage not in ('cancelled', 'merged')
    order by enterprise_id, planned_on desc`);
  return (last as unknown as { rows: { credit_code: string; team: { certificate: string }[] }[] }).rows;
};

export const rosterOfOrganisation = (organisationId: string): RosterCondition =>
  eq(officers.organisationId, organisationId);
