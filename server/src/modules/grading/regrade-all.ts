import type { GradingResult } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import {
  appendAuditEvent,
  appendAuditEvents,
  type AuditActor,
  type AuditEventInput,
} from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { assembleFacts } from './facts.ts';
import { storeGradeResults } from './repository.ts';
import { changeSummary, digestOf, grade, keyStatus, snapshot, type GradeTrigger } from './grade-store.ts';
import {
  countAllEnterprises,
  failStaleRegradeRuns,
  findDoneNightlyRun,
  findRunningRegradeRun,
  findStoredGradeResults,
  finishRegradeRun,
  insertGradeChangesFromJson,
  insertRegradeRun,
  selectRegradeBatch,
  selectRegradeRowsByIds,
  updateKeyStatusesFromJson,
  updateRegradeRun,
  upsertGradesFromJson,
  type BatchRow,
  type RegradeRun,
} from './regrade-run.repository.ts';
import { systemActor } from '../../platform/auth/system-user.ts';

export type RegradeKind = 'nightly' | 'manual' | 'seed';
export type { RegradeRun };

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
  await failStaleRegradeRuns(ctx.db, {
    startedBefore: new Date(now.getTime() - staleAfterMs),
    finishedAt: now,
  });
  if (kind === 'nightly') {
    const done = await findDoneNightlyRun(ctx.db, forDate);
    if (done) return { run: done, opened: false };
  }
  try {
    const run = await insertRegradeRun(ctx.db, {
      kind,
      forDate,
      status: 'running',
      startedAt: now,
      startedByName,
    });
    return { run, opened: true };
  } catch {
    const running = await findRunningRegradeRun(ctx.db);
    if (!running) throw new Error('regrade run could not be opened');
    return { run: running, opened: false };
  }
};

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
  const total = await countAllEnterprises(ctx.db);
  await updateRegradeRun(ctx.db, run.id, { total });
  let after = '00000000-0000-0000-0000-000000000000';
  let processed = 0;
  let changed = 0;
  const gradeRow = memoisedGrade();
  try {
    for (;;) {
      const now = ctx.clock.now();
      const date = shanghaiDate(now);
      const rows = await selectRegradeBatch(ctx.db, after, batchSize);
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
        for (const row of await findStoredGradeResults(ctx.db, regraded))
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
          await storeGradeResults(
            tx,
            updates.map(({ graded, digest }) => ({ digest, result: graded })),
          );
          await upsertGradesFromJson(tx, grades, date, now);
          await updateKeyStatusesFromJson(tx, keys);
          await insertGradeChangesFromJson(tx, changes, { now, trigger, runId: run.id });
          await appendAuditEvent(tx, {
            actor: systemActor(run.startedByName),
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
        await updateRegradeRun(tx, run.id, { processed, changed });
      });
      options.onProgress?.({ processed, total, changed });
      after = rows[rows.length - 1]!.id;
    }
    return await finishRegradeRun(ctx.db, run.id, {
      status: 'done',
      processed,
      changed,
      finishedAt: ctx.clock.now(),
    });
  } catch (error) {
    await updateRegradeRun(ctx.db, run.id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      finishedAt: ctx.clock.now(),
    });
    throw error;
  }
};

// measure 3 for many enterprises at once, inside the transaction that registered or changed them (a workbook
// import): the same grade, key status, change record and audit event per enterprise as regradeEnterprise,
// written a few statements per chunk instead of several round trips per enterprise.
export const regradeEnterprises = async (
  tx: Tx,
  ctx: AppContext,
  options: { enterpriseIds: string[]; trigger: GradeTrigger; actor: AuditActor },
): Promise<void> => {
  const now = ctx.clock.now();
  const date = shanghaiDate(now);
  const gradeRow = memoisedGrade();
  for (let i = 0; i < options.enterpriseIds.length; i += 1000) {
    const rows = await selectRegradeRowsByIds(tx, options.enterpriseIds.slice(i, i + 1000));
    const updates: { row: BatchRow; graded: GradingResult; digest: string }[] = [];
    for (const row of rows) {
      const { graded, digest } = gradeRow(row, date);
      if (digest !== row.digest || row.graded_territory !== row.territory)
        updates.push({ row, graded, digest });
    }
    if (updates.length === 0) continue;
    const previous = new Map<string, GradingResult>();
    const regraded = updates.filter((u) => u.row.digest !== null).map((u) => u.row.id);
    if (regraded.length > 0) {
      for (const stored of await findStoredGradeResults(tx, regraded))
        previous.set(stored.enterprise_id, stored.result);
    }
    const changed = updates.filter((u) => u.digest !== u.row.digest);
    const summaries = new Map(
      changed.map((u) => [u.row.id, changeSummary(previous.get(u.row.id) ?? null, u.graded)]),
    );
    await storeGradeResults(
      tx,
      updates.map(({ graded, digest }) => ({ digest, result: graded })),
    );
    await upsertGradesFromJson(
      tx,
      JSON.stringify(
        updates.map(({ row, graded, digest }) => ({
          enterprise_id: row.id,
          territory: row.territory,
          class: graded.class,
          risk_grade: graded.riskGrade,
          enforcement_level: graded.enforcementLevel,
          score: graded.score,
          digest,
          catalog_version: graded.catalogVersion,
        })),
      ),
      date,
      now,
    );
    await updateKeyStatusesFromJson(
      tx,
      JSON.stringify(updates.map(({ row, graded }) => ({ enterprise_id: row.id, ...keyStatus(graded) }))),
    );
    if (changed.length === 0) continue;
    await insertGradeChangesFromJson(
      tx,
      JSON.stringify(
        changed.map(({ row, graded }) => {
          const before = previous.get(row.id) ?? null;
          return {
            enterprise_id: row.id,
            territory: row.territory,
            summary: summaries.get(row.id),
            from_grade: before ? snapshot(before) : null,
            to_grade: snapshot(graded),
          };
        }),
      ),
      { now, trigger: options.trigger, runId: null },
    );
    await appendAuditEvents(
      tx,
      changed.map(({ row, graded }): AuditEventInput<'enterprise.grade.changed'> => {
        const before = previous.get(row.id) ?? null;
        return {
          actor: options.actor,
          action: 'enterprise.grade.changed',
          entityType: 'enterprise',
          entityId: row.id,
          territory: row.territory,
          payload: {
            trigger: options.trigger,
            from: before ? snapshot(before) : null,
            to: snapshot(graded),
            summary: summaries.get(row.id)!,
          },
          at: now,
        };
      }),
    );
  }
};
