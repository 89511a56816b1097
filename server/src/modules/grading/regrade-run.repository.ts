import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { GradingResult } from '@inspecta/domain';
import type { Db, Tx } from '../../platform/db/client.ts';
import { enterprises } from '../enterprises/schema.ts';
import type { StoredFact } from './facts.ts';
import { regradeRuns } from './schema.ts';

export type RegradeRun = typeof regradeRuns.$inferSelect;
export type RegradeRunInsert = typeof regradeRuns.$inferInsert;

export type BatchRow = {
  id: string;
  territory: string;
  industry: string;
  dust_workers: number;
  uses_liquid_ammonia: boolean;
  has_deep_well_casting: boolean;
  digest: string | null;
  graded_territory: string | null;
  facts: StoredFact[];
};

export const failStaleRegradeRuns = (db: Db, values: { startedBefore: Date; finishedAt: Date }) =>
  db
    .update(regradeRuns)
    .set({ status: 'failed', error: '运行中断（超时）', finishedAt: values.finishedAt })
    .where(and(eq(regradeRuns.status, 'running'), lt(regradeRuns.startedAt, values.startedBefore)));

export const findDoneNightlyRun = async (db: Db, forDate: string): Promise<RegradeRun | undefined> => {
  const [done] = await db
    .select()
    .from(regradeRuns)
    .where(
      and(eq(regradeRuns.kind, 'nightly'), eq(regradeRuns.forDate, forDate), eq(regradeRuns.status, 'done')),
    );
  return done;
};

// Fails on the partial unique index when another run is running.
export const insertRegradeRun = async (db: Db, values: RegradeRunInsert): Promise<RegradeRun> => {
  const [run] = await db.insert(regradeRuns).values(values).returning();
  return run!;
};

export const findRunningRegradeRun = async (db: Db): Promise<RegradeRun | undefined> => {
  const [running] = await db.select().from(regradeRuns).where(eq(regradeRuns.status, 'running'));
  return running;
};

export const listRecentRegradeRuns = (db: Db, limit: number) =>
  db.select().from(regradeRuns).orderBy(desc(regradeRuns.startedAt)).limit(limit);

export const findRegradeRunById = async (db: Db, id: string): Promise<RegradeRun | undefined> => {
  const [row] = await db.select().from(regradeRuns).where(eq(regradeRuns.id, id));
  return row;
};

export const countAllEnterprises = async (db: Db): Promise<number> => {
  const [{ n: total } = { n: 0 }] = await db.select({ n: count() }).from(enterprises);
  return total;
};

export const updateRegradeRun = (db: Db | Tx, id: string, values: Partial<RegradeRunInsert>) =>
  db.update(regradeRuns).set(values).where(eq(regradeRuns.id, id));

export const finishRegradeRun = async (
  db: Db,
  id: string,
  values: Partial<RegradeRunInsert>,
): Promise<RegradeRun> => {
  const [done] = await db.update(regradeRuns).set(values).where(eq(regradeRuns.id, id)).returning();
  return done!;
};

// The stored result is large and only needed for the grades that change, so it is not read here; the
// bound on g.enterprise_id lets the join start at the batch instead of the first grade.
export const selectRegradeBatch = async (db: Db, after: string, limit: number): Promise<BatchRow[]> => {
  const result = await db.execute(sql`
  select e.id, e.territory, e.industry, e.dust_workers, e.uses_liquid_ammonia, e.has_deep_well_casting,
         g.digest, g.territory as graded_territory,
         coalesce((select jsonb_agg(jsonb_build_object('kind', f.kind, 'data', f.data) order by f.recorded_at)
                   from enterprise_facts f where f.enterprise_id = e.id and f.retracted_at is null), '[]'::jsonb) as facts
  from enterprises e left join enterprise_grades g on g.enterprise_id = e.id and g.enterprise_id > ${after}::uuid
  where e.id > ${after}::uuid
  order by e.id
  limit ${limit}`);
  return (result as unknown as { rows: BatchRow[] }).rows;
};

// The same rows as selectRegradeBatch, for the given enterprises (a workbook import's, in its transaction).
export const selectRegradeRowsByIds = async (tx: Tx, ids: string[]): Promise<BatchRow[]> => {
  const result = await tx.execute(sql`
  select e.id, e.territory, e.industry, e.dust_workers, e.uses_liquid_ammonia, e.has_deep_well_casting,
         g.digest, g.territory as graded_territory,
         coalesce((select jsonb_agg(jsonb_build_object('kind', f.kind, 'data', f.data) order by f.recorded_at)
                   from enterprise_facts f where f.enterprise_id = e.id and f.retracted_at is null), '[]'::jsonb) as facts
  from enterprises e left join enterprise_grades g on g.enterprise_id = e.id
  where e.id = any(${`{${ids.join(',')}}`}::uuid[])
  order by e.id`);
  return (result as unknown as { rows: BatchRow[] }).rows;
};

// the previous results, for the change summaries, of the few enterprises whose grade changed
export const findStoredGradeResults = async (
  db: Db | Tx,
  enterpriseIds: string[],
): Promise<{ enterprise_id: string; result: GradingResult }[]> => {
  const stored = await db.execute(
    sql`select g.enterprise_id, r.result from enterprise_grades g join grade_results r on r.digest = g.digest
        where g.enterprise_id = any(${`{${enterpriseIds.join(',')}}`}::uuid[])`,
  );
  return (stored as unknown as { rows: { enterprise_id: string; result: GradingResult }[] }).rows;
};

// One payload per statement (a JSON array), each with only the columns it reads; the results the digests
// name are stored first (storeGradeResults).
export const upsertGradesFromJson = (tx: Tx, grades: string, date: string, now: Date) =>
  tx.execute(sql`
            insert into enterprise_grades (enterprise_id, territory, class, risk_grade, enforcement_level, score, digest, catalog_version, graded_on, graded_at)
            select x.enterprise_id, x.territory, x.class, x.risk_grade, x.enforcement_level, x.score, x.digest, x.catalog_version, ${date}::date, ${now.toISOString()}::timestamptz
            from jsonb_to_recordset(${grades}::jsonb) as x(enterprise_id uuid, territory text, class text, risk_grade text, enforcement_level text, score float8, digest text, catalog_version text)
            on conflict (enterprise_id) do update set territory = excluded.territory, class = excluded.class, risk_grade = excluded.risk_grade,
              enforcement_level = excluded.enforcement_level, score = excluded.score, digest = excluded.digest,
              catalog_version = excluded.catalog_version, graded_on = excluded.graded_on, graded_at = excluded.graded_at`);

export const updateKeyStatusesFromJson = (tx: Tx, keys: string) =>
  tx.execute(sql`
            update enterprises e set is_key = x."isKey", key_reasons = x."keyReasons"
            from jsonb_to_recordset(${keys}::jsonb) as x(enterprise_id uuid, "isKey" boolean, "keyReasons" jsonb)
            where e.id = x.enterprise_id and (e.is_key, e.key_reasons) is distinct from (x."isKey", x."keyReasons")`);

export const insertGradeChangesFromJson = (
  tx: Tx,
  changes: string,
  values: { now: Date; trigger: string; runId: string | null },
) =>
  tx.execute(sql`
            insert into grade_changes (id, enterprise_id, territory, at, trigger, from_grade, to_grade, summary, run_id)
            select gen_random_uuid(), x.enterprise_id, x.territory, ${values.now.toISOString()}::timestamptz, ${values.trigger}, x.from_grade, x.to_grade, x.summary, ${values.runId}::uuid
            from jsonb_to_recordset(${changes}::jsonb) as x(enterprise_id uuid, territory text, from_grade jsonb, to_grade jsonb, summary text)`);
