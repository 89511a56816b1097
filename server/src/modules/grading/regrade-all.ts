import { and, count, eq, lt, sql } from 'drizzle-orm';
import type { GradingResult } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import { enterprises } from '../enterprises/schema.ts';
import { assembleFacts, type StoredFact } from './facts.ts';
import { changeSummary, digestOf, grade, keyStatus, snapshot, type GradeTrigger } from './grade-store.ts';
import { regradeRuns } from './schema.ts';

export type RegradeKind = 'nightly' | 'manual' | 'seed';
export type RegradeRun = typeof regradeRuns.$inferSelect;

type BatchRow = {
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

const staleAfterMs = 2 * 3_600_000;

// Opens a run, unless another is running (on any server) or, for the nightly run, today's is done:
// the partial unique index on running runs makes the check and the insert one atomic step.
export const openRun = async (
  ctx: AppContext,
  kind: RegradeKind,
  startedByName: string,
): Promise<{ run: RegradeRun; opened: boolean }> => {
  const now = ctx.clock.now();
  const forDate = shanghaiDate(now);
  await ctx.db
    .update(regradeRuns)
    .set({ status: 'failed', error: '运行中断（超时）', finishedAt: now })
    .where(
      and(
        eq(regradeRuns.status, 'running'),
        lt(regradeRuns.startedAt, new Date(now.getTime() - staleAfterMs)),
      ),
    );
  if (kind === 'nightly') {
    const [done] = await ctx.db
      .select()
      .from(regradeRuns)
      .where(
        and(
          eq(regradeRuns.kind, 'nightly'),
          eq(regradeRuns.forDate, forDate),
          eq(regradeRuns.status, 'done'),
        ),
      );
    if (done) return { run: done, opened: false };
  }
  try {
    const [run] = await ctx.db
      .insert(regradeRuns)
      .values({ kind, forDate, status: 'running', startedAt: now, startedByName })
      .returning();
    return { run: run!, opened: true };
  } catch {
    const [running] = await ctx.db.select().from(regradeRuns).where(eq(regradeRuns.status, 'running'));
    if (!running) throw new Error('regrade run could not be opened');
    return { run: running, opened: false };
  }
};

// The stored result is large and only needed for the grades that change, so it is not read here; the
// bound on g.enterprise_id lets the join start at the batch instead of the first grade.
const batchQuery = (after: string, limit: number) => sql`
  select e.id, e.territory, e.industry, e.dust_workers, e.uses_liquid_ammonia, e.has_deep_well_casting,
         g.digest, g.territory as graded_territory,
         coalesce((select jsonb_agg(jsonb_build_object('kind', f.kind, 'data', f.data) order by f.recorded_at)
                   from enterprise_facts f where f.enterprise_id = e.id and f.retracted_at is null), '[]'::jsonb) as facts
  from enterprises e left join enterprise_grades g on g.enterprise_id = e.id and g.enterprise_id > ${after}::uuid
  where e.id > ${after}::uuid
  order by e.id
  limit ${limit}`;

// Grading is a pure function of the profile, the facts and the date, and most enterprises share their
// inputs with many others: grade each distinct input once per run.
const memoisedGrade = () => {
  const cache = new Map<string, { graded: GradingResult; digest: string }>();
  return (row: BatchRow, date: string) => {
    const key = `${date}|${row.industry}|${row.dust_workers}|${row.uses_liquid_ammonia}|${row.has_deep_well_casting}|${JSON.stringify(row.facts)}`;
    let hit = cache.get(key);
    if (!hit) {
      const graded = grade(
        assembleFacts(
          {
            industry: row.industry,
            dustWorkers: row.dust_workers,
            usesLiquidAmmonia: row.uses_liquid_ammonia,
            hasDeepWellCasting: row.has_deep_well_casting,
          },
          row.facts,
        ),
        date,
      );
      hit = { graded, digest: digestOf(graded) };
      if (cache.size >= 10_000) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  };
};

// measure 3: regrades every enterprise for the day (season periods change the grade), in keyset batches
// so memory stays bounded; only enterprises whose grade changed are written, so a second run the same
// day writes nothing. One audit event per batch records what the batch changed.
export const runRegrade = async (
  ctx: AppContext,
  run: RegradeRun,
  options: {
    trigger?: GradeTrigger;
    batchSize?: number;
    onProgress?: (run: { processed: number; total: number; changed: number }) => void;
  } = {},
): Promise<RegradeRun> => {
  const batchSize = options.batchSize ?? 2000;
  const trigger = options.trigger ?? 'regrade';
  const [{ n: total } = { n: 0 }] = await ctx.db.select({ n: count() }).from(enterprises);
  await ctx.db.update(regradeRuns).set({ total }).where(eq(regradeRuns.id, run.id));
  let after = '00000000-0000-0000-0000-000000000000';
  let processed = 0;
  let changed = 0;
  const gradeRow = memoisedGrade();
  try {
    for (;;) {
      const now = ctx.clock.now();
      const date = shanghaiDate(now);
      const result = await ctx.db.execute(batchQuery(after, batchSize));
      const rows = (result as unknown as { rows: BatchRow[] }).rows;
      if (rows.length === 0) break;
      const updates: { row: BatchRow; graded: GradingResult; digest: string }[] = [];
      for (const row of rows) {
        const { graded, digest } = gradeRow(row, date);
        if (digest !== row.digest || row.graded_territory !== row.territory)
          updates.push({ row, graded, digest });
      }
      // the previous results, for the change summaries, of the few enterprises whose grade changed
      const regraded = updates.filter((u) => u.row.digest !== null).map((u) => u.row.id);
      const previous = new Map<string, GradingResult>();
      if (regraded.length > 0) {
        const stored = await ctx.db.execute(
          sql`select enterprise_id, result from enterprise_grades where enterprise_id = any(${`{${regraded.join(',')}}`}::uuid[])`,
        );
        for (const row of (stored as unknown as { rows: { enterprise_id: string; result: GradingResult }[] })
          .rows)
          previous.set(row.enterprise_id, row.result);
      }
      await ctx.db.transaction(async (tx) => {
        if (updates.length > 0) {
          // one payload per statement, each with only the columns it reads
          const grades = JSON.stringify(
            updates.map(({ row, graded, digest }) => ({
              enterprise_id: row.id,
              territory: row.territory,
              class: graded.class,
              risk_grade: graded.riskGrade,
              enforcement_level: graded.enforcementLevel,
              score: graded.score,
              result: graded,
              digest,
              catalog_version: graded.catalogVersion,
            })),
          );
          const keys = JSON.stringify(
            updates.map(({ row, graded }) => ({ enterprise_id: row.id, ...keyStatus(graded) })),
          );
          const changes = JSON.stringify(
            updates.map(({ row, graded }) => {
              const before = previous.get(row.id) ?? null;
              return {
                enterprise_id: row.id,
                territory: row.territory,
                summary: changeSummary(before, graded),
                from_grade: before ? snapshot(before) : null,
                to_grade: snapshot(graded),
              };
            }),
          );
          await tx.execute(sql`
            insert into enterprise_grades (enterprise_id, territory, class, risk_grade, enforcement_level, score, result, digest, catalog_version, graded_on, graded_at)
            select x.enterprise_id, x.territory, x.class, x.risk_grade, x.enforcement_level, x.score, x.result, x.digest, x.catalog_version, ${date}::date, ${now.toISOString()}::timestamptz
            from jsonb_to_recordset(${grades}::jsonb) as x(enterprise_id uuid, territory text, class text, risk_grade text, enforcement_level text, score float8, result jsonb, digest text, catalog_version text)
            on conflict (enterprise_id) do update set territory = excluded.territory, class = excluded.class, risk_grade = excluded.risk_grade,
              enforcement_level = excluded.enforcement_level, score = excluded.score, result = excluded.result, digest = excluded.digest,
              catalog_version = excluded.catalog_version, graded_on = excluded.graded_on, graded_at = excluded.graded_at`);
          await tx.execute(sql`
            update enterprises e set is_key = x."isKey", key_reasons = x."keyReasons"
            from jsonb_to_recordset(${keys}::jsonb) as x(enterprise_id uuid, "isKey" boolean, "keyReasons" jsonb)
            where e.id = x.enterprise_id and (e.is_key, e.key_reasons) is distinct from (x."isKey", x."keyReasons")`);
          await tx.execute(sql`
            insert into grade_changes (id, enterprise_id, territory, at, trigger, from_grade, to_grade, summary, run_id)
            select gen_random_uuid(), x.enterprise_id, x.territory, ${now.toISOString()}::timestamptz, ${trigger}, x.from_grade, x.to_grade, x.summary, ${run.id}::uuid
            from jsonb_to_recordset(${changes}::jsonb) as x(enterprise_id uuid, territory text, from_grade jsonb, to_grade jsonb, summary text)`);
          await appendAuditEvent(tx, {
            actor: { id: null, displayName: run.startedByName },
            action: 'regrade_run.batch.regraded',
            entityType: 'regrade_run',
            entityId: run.id,
            territory: '440700',
            payload: {
              trigger,
              date,
              batchFrom: rows[0]!.id,
              batchTo: rows[rows.length - 1]!.id,
              changed: updates.map((u) => u.row.id),
            },
            at: now,
          });
        }
        processed += rows.length;
        changed += updates.length;
        await tx.update(regradeRuns).set({ processed, changed }).where(eq(regradeRuns.id, run.id));
      });
      options.onProgress?.({ processed, total, changed });
      after = rows[rows.length - 1]!.id;
    }
    const [done] = await ctx.db
      .update(regradeRuns)
      .set({ status: 'done', processed, changed, finishedAt: ctx.clock.now() })
      .where(eq(regradeRuns.id, run.id))
      .returning();
    return done!;
  } catch (error) {
    await ctx.db
      .update(regradeRuns)
      .set({
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finishedAt: ctx.clock.now(),
      })
      .where(eq(regradeRuns.id, run.id));
    throw error;
  }
};
