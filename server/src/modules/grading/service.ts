import { readerBasis, territoryName, type GradingResult } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { assertCan, assertMayUse, mayReadGradingOverview, type Actor } from '../../platform/policy/policy.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { problem, notFound } from '../../platform/problems/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import { countReadableEnterprises, findEnterpriseById } from '../enterprises/index.ts';
import { regradeEnterprise, type GradeSnapshot } from './grade-store.ts';
import type { TFactInput } from './facts.ts';
import { enterpriseGrades } from './schema.ts';
import {
  countGradesByGroup,
  findFactOfEnterprise,
  findGradeByEnterpriseId,
  insertFact,
  listFactRows,
  listGradeChanges,
  retractFactRow,
  type FactRow,
  type GradeRow,
} from './repository.ts';
import { findRegradeRunById, listRecentRegradeRuns, type RegradeRun } from './regrade-run.repository.ts';
import { openRun, runRegrade } from './regrade-all.ts';

const gradeView = (row: GradeRow) => {
  const result = row.result as GradingResult;
  return {
    class: result.class,
    riskGrade: result.riskGrade,
    enforcementLevel: result.enforcementLevel,
    score: result.score,
    standardisation: result.standardisation,
    seasons: result.seasons,
    allowance: result.allowance,
    // the legal basis in plain words beside the source, for readers who are not the legal reviewer
    reasons: result.reasons.map((reason) => ({ ...reason, basis: readerBasis(reason.source) })),
    catalogVersion: result.catalogVersion,
    gradedOn: row.gradedOn,
    gradedAt: row.gradedAt.toISOString(),
  };
};

const readableEnterprise = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: 'read' | 'update' = 'read',
) => {
  if (!isUuid(id)) throw notFound('企业');
  return assertCan(actor, 'enterprise', action, await findEnterpriseById(ctx.db, id), '企业');
};

export const getGrade = async (ctx: AppContext, actor: Actor, enterpriseId: string) => {
  const enterprise = await readableEnterprise(ctx, actor, enterpriseId);
  const row = await findGradeByEnterpriseId(ctx.db, enterprise.id);
  const history = await listGradeChanges(ctx.db, enterprise.id, 100);
  return {
    grade: row ? gradeView(row) : null,
    history: history.map((change) => ({
      id: change.id,
      at: change.at.toISOString(),
      trigger: change.trigger,
      from: change.fromGrade as GradeSnapshot | null,
      to: change.toGrade as GradeSnapshot,
      summary: change.summary,
    })),
  };
};

const factView = (row: FactRow) => ({
  id: row.id,
  kind: row.kind,
  data: row.data as Record<string, unknown>,
  recordedAt: row.recordedAt.toISOString(),
  recordedByName: row.recordedByName,
  retractedAt: row.retractedAt?.toISOString() ?? null,
  retractionReason: row.retractionReason,
});

export const listFacts = async (ctx: AppContext, actor: Actor, enterpriseId: string) => {
  const enterprise = await readableEnterprise(ctx, actor, enterpriseId);
  const rows = await listFactRows(ctx.db, enterprise.id);
  return { items: rows.map(factView) };
};

// measure 3: a new fact regrades the enterprise in the same transaction.
export const recordFact = async (ctx: AppContext, actor: Actor, enterpriseId: string, input: TFactInput) => {
  const enterprise = await readableEnterprise(ctx, actor, enterpriseId, 'update');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const fact = await insertFact(tx, {
      enterpriseId: enterprise.id,
      territory: enterprise.territory,
      kind: input.kind,
      data: input.data,
      recordedAt: now,
      recordedById: actor.id,
      recordedByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'enterprise.fact.recorded',
      entityType: 'enterprise',
      entityId: enterprise.id,
      territory: enterprise.territory,
      payload: { factId: fact.id, kind: input.kind, data: input.data },
      at: now,
    });
    const outcome = await regradeEnterprise(tx, ctx, { enterpriseId: enterprise.id, trigger: 'fact', actor });
    return { fact: factView(fact), change: outcome.change };
  });
};

export const retractFact = async (
  ctx: AppContext,
  actor: Actor,
  enterpriseId: string,
  factId: string,
  reason: string,
) => {
  const enterprise = await readableEnterprise(ctx, actor, enterpriseId, 'update');
  if (!isUuid(factId)) throw notFound('事实记录');
  return ctx.db.transaction(async (tx) => {
    const fact = await findFactOfEnterprise(tx, factId, enterprise.id);
    if (!fact) throw notFound('事实记录');
    if (fact.retractedAt) throw problem('FACT_ALREADY_RETRACTED');
    const now = ctx.clock.now();
    await retractFactRow(tx, fact.id, { retractedAt: now, retractionReason: reason });
    await appendAuditEvent(tx, {
      actor,
      action: 'enterprise.fact.retracted',
      entityType: 'enterprise',
      entityId: enterprise.id,
      territory: enterprise.territory,
      payload: { factId: fact.id, kind: fact.kind, reason },
      at: now,
    });
    const outcome = await regradeEnterprise(tx, ctx, { enterpriseId: enterprise.id, trigger: 'fact', actor });
    return { change: outcome.change };
  });
};

export const gradingOverview = async (ctx: AppContext, actor: Actor, territory?: string) => {
  const scope = scopeCondition(actor, 'enterprise', {
    territory: enterpriseGrades.territory,
    id: enterpriseGrades.enterpriseId,
  });
  if (!mayReadGradingOverview(actor)) throw problem('FORBIDDEN');
  const rows = await countGradesByGroup(ctx.db, { scope, territory });
  const all = await countReadableEnterprises(ctx, actor, territory);
  const sum = <K extends string>(key: (row: (typeof rows)[number]) => K) => {
    const totals = new Map<K, number>();
    for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.n);
    return totals;
  };
  const territories = [...new Set(rows.map((row) => row.territory))].sort();
  const total = rows.reduce((acc, row) => acc + row.n, 0);
  return {
    total,
    ungraded: all - total,
    byTerritory: territories.map((code) => {
      const mine = rows.filter((row) => row.territory === code);
      const of = (predicate: (row: (typeof rows)[number]) => boolean) =>
        mine.filter(predicate).reduce((acc, row) => acc + row.n, 0);
      return {
        territory: code,
        territoryName: territoryName(code) ?? code,
        key: of((row) => row.class === 'key'),
        general: of((row) => row.class === 'general'),
        red: of((row) => row.riskGrade === 'red'),
        orange: of((row) => row.riskGrade === 'orange'),
        yellow: of((row) => row.riskGrade === 'yellow'),
        blue: of((row) => row.riskGrade === 'blue'),
        total: of(() => true),
      };
    }),
    byClass: [...sum((row) => row.class)].map(([cls, n]) => ({
      class: cls,
      count: n,
    })),
    byRiskGrade: [...sum((row) => row.riskGrade)].map(([grade, n]) => ({
      riskGrade: grade,
      count: n,
    })),
    byLevel: [...sum((row) => row.enforcementLevel)].map(([level, n]) => ({
      enforcementLevel: level,
      count: n,
    })),
  };
};

const runView = (run: RegradeRun) => ({
  id: run.id,
  kind: run.kind,
  forDate: run.forDate,
  status: run.status,
  total: run.total,
  processed: run.processed,
  changed: run.changed,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
  startedByName: run.startedByName,
  error: run.error,
});

// Starts a regrade in the background and answers at once; progress is read from the run row.
export const startRegrade = async (ctx: AppContext, actor: Actor, log: (error: unknown) => void) => {
  assertMayUse(actor, 'grading_run', 'create');
  const { run, opened } = await openRun(ctx, 'manual', actor.displayName);
  if (!opened) throw problem('REGRADE_RUNNING', { detail: `任务 ${run.id}` });
  void runRegrade(ctx, run).catch(log);
  return runView(run);
};

export const listRuns = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'grading_run', 'read');
  const rows = await listRecentRegradeRuns(ctx.db, 20);
  return { items: rows.map(runView) };
};

export const getRun = async (ctx: AppContext, actor: Actor, id: string) => {
  assertMayUse(actor, 'grading_run', 'read');
  const row = isUuid(id) ? await findRegradeRunById(ctx.db, id) : undefined;
  if (!row) throw notFound('分级任务');
  return runView(row);
};
