import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { enterpriseGrades, gradeResults } from '../grading/schema.ts';
import { COUNTED_STAGES } from './model.ts';
import { inspections } from './schema.ts';

// How often enterprises are inspected (measures 5, 24): counts of counted inspections and the caps of grades.

const counted = inArray(inspections.stage, COUNTED_STAGES);

export const findGradeCaps = (db: Db | Tx, enterpriseIds: string[]) =>
  db
    .select({
      enterpriseId: enterpriseGrades.enterpriseId,
      cap: sql<number | null>`(${gradeResults.result}->'allowance'->>'cap')::int`,
      capVerified: sql<boolean>`coalesce((${gradeResults.result}->'allowance'->>'capVerified')::boolean, false)`,
      capSource: sql<
        string | null
      >`(select r->>'source' from jsonb_array_elements(${gradeResults.result}->'reasons') r
          where r->>'effect' = 'allowance' and r->>'factor' = 'standardisation' limit 1)`,
    })
    .from(enterpriseGrades)
    .innerJoin(gradeResults, eq(gradeResults.digest, enterpriseGrades.digest))
    .where(inArray(enterpriseGrades.enterpriseId, enterpriseIds));

export const countCountedByEnterprise = (db: Db | Tx, enterpriseIds: string[], year: number) =>
  db
    .select({ enterpriseId: inspections.enterpriseId, n: count() })
    .from(inspections)
    .where(
      and(
        inArray(inspections.enterpriseId, enterpriseIds),
        eq(inspections.year, year),
        inArray(inspections.stage, COUNTED_STAGES),
      ),
    )
    .groupBy(inspections.enterpriseId);

export const countCountedByEnterpriseYear = (db: Db | Tx, enterpriseIds: string[], years: number[]) =>
  db
    .select({ enterpriseId: inspections.enterpriseId, year: inspections.year, n: count() })
    .from(inspections)
    .where(
      and(
        inArray(inspections.enterpriseId, enterpriseIds),
        inArray(inspections.year, years),
        inArray(inspections.stage, COUNTED_STAGES),
      ),
    )
    .groupBy(inspections.enterpriseId, inspections.year);

// The page of enterprises in scope by their count of counted inspections in the year, most first; `level`
// keeps those whose count falls in the burden level (thresholds from the governance catalogue).
export const listBurdenRows = async (
  db: Db | Tx,
  filter: {
    scope: SQL | undefined;
    territory: SQL | undefined;
    year: number;
    level?: 'red' | 'yellow' | 'normal' | 'none' | undefined;
    yellowFrom: number;
    redFrom: number;
  },
  paging: { page: number; pageSize: number },
) => {
  const { yellowFrom, redFrom } = filter;
  const n = sql<number>`count(*)::int`;
  const where = and(filter.scope, filter.territory, eq(inspections.year, filter.year), counted);
  const having =
    filter.level === 'red'
      ? sql`count(*) >= ${redFrom}`
      : filter.level === 'yellow'
        ? sql`count(*) >= ${yellowFrom} and count(*) < ${redFrom}`
        : filter.level === 'normal'
          ? sql`count(*) < ${yellowFrom}`
          : undefined;
  const grouped = db
    .select({
      enterpriseId: inspections.enterpriseId,
      enterpriseName: sql<string>`max(${inspections.enterpriseName})`.as('enterprise_name'),
      creditCode: sql<string>`max(${inspections.creditCode})`.as('credit_code'),
      territory: sql<string>`max(${inspections.territory})`.as('territory'),
      n: n.as('n'),
    })
    .from(inspections)
    .where(where)
    .groupBy(inspections.enterpriseId)
    .having(having)
    .as('grouped');
  const rows = await db
    .select()
    .from(grouped)
    .orderBy(desc(grouped.n), asc(grouped.enterpriseName), asc(grouped.enterpriseId))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(grouped);
  return { rows, total: total?.n ?? 0 };
};

// Counted inspections of the enterprises in the year, by department and kind.
export const countCountedByDepartmentAndKind = (db: Db | Tx, enterpriseIds: string[], year: number) =>
  db
    .select({
      enterpriseId: inspections.enterpriseId,
      organisationName: inspections.organisationName,
      kind: inspections.kind,
      n: sql<number>`count(*)::int`,
    })
    .from(inspections)
    .where(and(inArray(inspections.enterpriseId, enterpriseIds), eq(inspections.year, year), counted))
    .groupBy(inspections.enterpriseId, inspections.organisationName, inspections.kind);
